"""Black-box harness: starts the real sfn-local binary and drives it with the AWS CLI.

Server   - one sfn-local process on a free loopback port with its own --db in a temp dir;
           start / kill -9 / restart on the same database.
Cli      - `aws stepfunctions --endpoint-url ... --output json <args>`; returns parsed JSON or
           raises CliError carrying the AWS error code (e.g. "StateMachineDoesNotExist").
raw_call - one JSON 1.0 request through urllib (fast, for bulk set-up and malformed bodies).
"""
import http.client
import json
import os
import re
import resource
import select
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
import unittest
import urllib.error
import urllib.request
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
TEMPLATES = os.path.join(REPO, "templates")  # <name>.asl.json, <name>.input.json
GOLDENS = os.path.join(REPO, "tests", "templates")  # expected results, task-activity.worker.json
ROLE_ARN = "arn:aws:iam::123456789012:role/sfn-local-blackbox"

CLI_ENV = {
    "AWS_ACCESS_KEY_ID": "x",
    "AWS_SECRET_ACCESS_KEY": "x",
    "AWS_DEFAULT_REGION": "us-east-1",
    "AWS_DISABLE_HOST_PREFIX_INJECTION": "true",
    "AWS_PAGER": "",
    "AWS_MAX_ATTEMPTS": "1",
    "AWS_RETRY_MODE": "standard",
    "AWS_CONFIG_FILE": "/dev/null",
    "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
}


def binary_path():
    path = os.environ.get("SFN_LOCAL_BIN")
    if not path:
        raise unittest.SkipTest("SFN_LOCAL_BIN is not set (run through run_blackbox.py)")
    return path


def unique(prefix):
    """A name unique to this run: tests never collide, even on a shared server."""
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def template(name):
    """(definition text, input object, expected object) of templates/<name>.{asl,input}.json and
    tests/templates/<name>.expected.json."""
    def read(folder, suffix):
        with open(os.path.join(folder, name + suffix), encoding="utf-8") as f:
            return f.read()
    return (read(TEMPLATES, ".asl.json"), json.loads(read(TEMPLATES, ".input.json")),
            json.loads(read(GOLDENS, ".expected.json")))


class Server:
    """One sfn-local process. `db_dir` survives restarts; remove() deletes it."""

    def __init__(self, wait_time_scale="0", extra_args=(), nofile=None, preexec=None):
        """`nofile`: the server's RLIMIT_NOFILE (soft and hard), as `ulimit -n` would set it;
        `preexec`: more to run in the child before exec (e.g. other limits)."""
        self.binary = binary_path()
        self.nofile = nofile
        self.preexec = preexec
        self.db_dir = tempfile.mkdtemp(prefix="sfn-blackbox-")
        self.db = os.path.join(self.db_dir, "sfn.db")
        self.wait_time_scale = wait_time_scale
        self.extra_args = list(extra_args)
        self.port = None
        self.proc = None
        self.log_path = os.path.join(self.db_dir, "server.log")

    @property
    def endpoint(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout=20.0):
        self.port = free_port()
        args = [self.binary, "--host", "127.0.0.1", "--port", str(self.port), "--db", self.db,
                "--wait-time-scale", str(self.wait_time_scale)] + self.extra_args
        log = open(self.log_path, "ab")
        limit, extra = self.nofile, self.preexec

        def preexec():
            if limit:
                resource.setrlimit(resource.RLIMIT_NOFILE, (limit, limit))
            if extra:
                extra()
        self.proc = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT,
                                     stdin=subprocess.DEVNULL, preexec_fn=preexec)
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"sfn-local exited with {self.proc.returncode}:\n{self.log()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return self
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"sfn-local did not accept connections within {timeout}s:\n{self.log()}")

    def kill9(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(timeout=10)

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill9()

    def remove(self):
        self.stop()
        shutil.rmtree(self.db_dir, ignore_errors=True)

    def log(self):
        try:
            with open(self.log_path, encoding="utf-8", errors="replace") as f:
                return f.read()[-4000:]
        except OSError:
            return ""

    def cli(self):
        return Cli(self.endpoint)


class CliError(Exception):
    def __init__(self, code, message, returncode):
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        self.returncode = returncode


_ERROR_RE = re.compile(r"An error occurred \(([^)]+)\) when calling the \w+ operation"
                       r"(?: \(reached max retries: \d+\))?:\s*(.*)", re.S)


def aws_interpreter():
    """The Python command line that runs the installed `aws` script, or None (not Python)."""
    path = shutil.which("aws")
    if not path:
        return None
    try:
        with open(path, "rb") as f:
            first = f.readline(200).decode("utf-8", "replace").strip()
    except OSError:
        return None
    if not first.startswith("#!") or "python" not in first:
        return None
    return first[2:].split()


class _CliWorker:
    """One cli_worker.py process: the AWS CLI loaded once, commands sent one by one."""

    def __init__(self, interpreter, env):
        self.proc = subprocess.Popen(interpreter + [os.path.join(HERE, "cli_worker.py")],
                                     env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, text=True, bufsize=1)
        hello = self.proc.stdout.readline()
        self.ready = bool(hello) and json.loads(hello).get("ready", False)
        self.lock = threading.Lock()
        if not self.ready:
            self.close()

    def run(self, argv, timeout):
        with self.lock:
            self.proc.stdin.write(json.dumps({"argv": argv}) + "\n")
            self.proc.stdin.flush()
            ready, _, _ = select.select([self.proc.stdout], [], [], timeout)
            if not ready:
                self.close()
                raise subprocess.TimeoutExpired(["aws"] + argv, timeout)
            answer = self.proc.stdout.readline()
        if not answer:
            raise RuntimeError("the AWS CLI worker process died")
        reply = json.loads(answer)
        return reply["rc"], reply["stdout"], reply["stderr"]

    def close(self):
        if self.proc.poll() is None:
            self.proc.stdin.close()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


class Cli:
    """`aws stepfunctions` against one endpoint. Arguments are passed as a list, never a shell.

    By default the commands run in one long-lived Python process that has loaded the CLI
    (cli_worker.py), which saves the seconds every `aws` start costs on a busy machine.
    SFN_BLACKBOX_CLI=process runs one `aws` executable per command instead (also the fallback
    when the installed `aws` is not a Python script)."""

    def __init__(self, endpoint):
        self.endpoint = endpoint
        self.env = dict(os.environ)
        self.env.update(CLI_ENV)
        self.worker = None
        interpreter = aws_interpreter()
        if interpreter and os.environ.get("SFN_BLACKBOX_CLI", "worker") != "process":
            worker = _CliWorker(interpreter, self.env)
            if worker.ready:
                self.worker = worker

    def close(self):
        if self.worker:
            self.worker.close()
            self.worker = None

    def __call__(self, command, *args, timeout=90):
        argv = ["stepfunctions", "--endpoint-url", self.endpoint, "--region", "us-east-1",
                "--output", "json", command] + [str(a) for a in args]
        if self.worker:
            returncode, stdout, stderr = self.worker.run(argv, timeout)
        else:
            done = subprocess.run(["aws"] + argv, env=self.env, capture_output=True, text=True,
                                  timeout=timeout)
            returncode, stdout, stderr = done.returncode, done.stdout, done.stderr
        if returncode != 0:
            match = _ERROR_RE.search(stderr)
            if match:
                raise CliError(match.group(1), match.group(2).strip(), returncode)
            raise CliError("CliFailure", stderr.strip() or stdout.strip(), returncode)
        out = stdout.strip()
        return json.loads(out) if out else {}

    def error_code(self, command, *args):
        """Runs a command that must fail; returns its AWS error code."""
        try:
            result = self(command, *args)
        except CliError as error:
            return error.code
        raise AssertionError(f"{command} {args} succeeded unexpectedly: {result}")


def raw_request(endpoint, target, body, content_type="application/x-amz-json-1.0", timeout=30):
    """POSTs bytes/str `body`; returns (status, parsed JSON or None, raw text)."""
    if isinstance(body, str):
        body = body.encode("utf-8")
    headers = {"Content-Type": content_type}
    if target:
        headers["X-Amz-Target"] = target
    request = urllib.request.Request(endpoint + "/", data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status, text = response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        status, text = error.code, error.read().decode("utf-8", "replace")
    try:
        parsed = json.loads(text) if text else None
    except ValueError:
        parsed = None
    return status, parsed, text


def http_request(port, method, path="/", headers=None, body=b"", timeout=30):
    """One request on a fresh connection to 127.0.0.1:port with exactly these headers (Host
    included when given); returns (status, {lower-case name: value}, text)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        headers = dict(headers or {})
        skip_host = any(name.lower() == "host" for name in headers)
        connection.putrequest(method, path, skip_host=skip_host, skip_accept_encoding=True)
        if isinstance(body, str):
            body = body.encode("utf-8")
        if body or method == "POST":
            headers.setdefault("Content-Length", str(len(body)))
        for name, value in headers.items():
            connection.putheader(name, value)
        connection.endheaders(body or None)
        response = connection.getresponse()
        text = response.read().decode("utf-8", "replace")
        return response.status, {k.lower(): v for k, v in response.getheaders()}, text
    finally:
        connection.close()


def api_headers(operation, **extra):
    """The headers of an AWS JSON 1.0 call, plus `extra` (e.g. Origin="...", Host="...")."""
    headers = {"Content-Type": "application/x-amz-json-1.0",
               "X-Amz-Target": "AWSStepFunctions." + operation}
    headers.update(extra)
    return headers


def raw_call(endpoint, operation, payload):
    """One API call without the CLI (bulk set-up); raises AssertionError on an error reply."""
    status, parsed, text = raw_request(endpoint, "AWSStepFunctions." + operation,
                                       json.dumps(payload))
    if status != 200:
        raise AssertionError(f"{operation} failed with HTTP {status}: {text}")
    return parsed or {}


def error_type(parsed):
    """The short error code of a JSON 1.0 error body ("ns#Code" -> "Code")."""
    kind = (parsed or {}).get("__type", "")
    return kind.rsplit("#", 1)[-1]


def wait_for_execution(cli, execution_arn, timeout=30.0, interval=0.1):
    """Polls describe-execution until the status is not RUNNING; returns the description."""
    deadline = time.monotonic() + timeout
    while True:
        description = cli("describe-execution", "--execution-arn", execution_arn)
        if description["status"] != "RUNNING" or time.monotonic() > deadline:
            return description
        time.sleep(interval)


def create_state_machine(cli, definition, name=None, *extra):
    text = definition if isinstance(definition, str) else json.dumps(definition)
    return cli("create-state-machine", "--name", name or unique("sm"), "--definition", text,
               "--role-arn", ROLE_ARN, *extra)["stateMachineArn"]


def invoke_task(function_name, **extra):
    """A one-state machine calling lambda:invoke with the whole input as the payload."""
    task = {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
            "Parameters": {"FunctionName": function_name, "Payload.$": "$"}, "End": True}
    task.update(extra)
    return {"StartAt": "Call", "States": {"Call": task}}


def run_execution(cli, definition, payload, prefix="sm"):
    """Creates a state machine, runs one execution to its end: (description, history events)."""
    arn = create_state_machine(cli, definition, unique(prefix))
    started = cli("start-execution", "--state-machine-arn", arn, "--input", json.dumps(payload))
    done = wait_for_execution(cli, started["executionArn"])
    events = cli("get-execution-history", "--execution-arn", started["executionArn"])["events"]
    return done, events


class ServerTestCase(unittest.TestCase):
    """One server per test class (wait time scale 0 unless the class says otherwise)."""

    wait_time_scale = "0"
    extra_args = ()

    @classmethod
    def setUpClass(cls):
        cls.server = Server(cls.wait_time_scale, cls.extra_args).start()
        cls.cli = cls.server.cli()

    @classmethod
    def tearDownClass(cls):
        cls.cli.close()
        cls.server.remove()

    def assertCliError(self, code, command, *args):
        self.assertEqual(self.cli.error_code(command, *args), code, f"{command} {args}")


# Definitions shared by several test files.
PASS_DEFINITION = {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": True}}}


def activity_definition(activity_arn):
    """A Task on an activity: stays RUNNING until a worker answers (or it is stopped)."""
    return {"StartAt": "Work", "States": {"Work": {
        "Type": "Task", "Resource": activity_arn, "TimeoutSeconds": 600, "End": True}}}
