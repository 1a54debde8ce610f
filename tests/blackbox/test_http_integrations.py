"""Outbound HTTP through the real binary and the AWS CLI: Lambda through an Invoke endpoint
(--lambda-endpoint) served by a Python http.server that checks every request's SigV4
signature by recomputing it with botocore, and the HTTP Task (arn:aws:states:::http:invoke)
against a local Python server (JSON and text answers, a form-encoded body, a 404 caught by
Catch as States.Http.StatusCode.404)."""
import http.server
import json
import os
import re
import threading
import unittest
import urllib.parse

from sfn_harness import ServerTestCase, invoke_task, run_execution

try:
    from botocore.auth import SigV4Auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials
except ImportError:  # the signature's shape is still checked
    SigV4Auth = None

ACCESS_KEY, SECRET_KEY, TOKEN = "AKIDBLACKBOX", "blackbox-secret", "blackbox-session-token"
AUTHORIZATION = re.compile(r"^AWS4-HMAC-SHA256 Credential=(\w+)/(\d{8})/([a-z0-9-]+)/lambda/"
                           r"aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$")


def signature_problem(handler, body):
    """None when the request is signed by ACCESS_KEY/SECRET_KEY (as botocore computes it),
    else what is wrong."""
    auth = handler.headers.get("Authorization", "")
    match = AUTHORIZATION.match(auth)
    if not match:
        return "malformed Authorization: " + auth
    key, _, region, signed, signature = match.groups()
    if key != ACCESS_KEY:
        return "unexpected access key " + key
    if handler.headers.get("X-Amz-Security-Token") != TOKEN:
        return "missing session token"
    if SigV4Auth is None:
        return None
    names = signed.split(";")
    headers = {name: handler.headers.get(name, "") for name in names}
    url = f"http://{handler.headers['Host']}{handler.path}"
    request = AWSRequest(method=handler.command, url=url, data=body, headers=headers)
    request.context["timestamp"] = handler.headers["X-Amz-Date"]
    auth_v4 = SigV4Auth(Credentials(ACCESS_KEY, SECRET_KEY, TOKEN), "lambda", region)
    canonical = auth_v4.canonical_request(request)
    expected = auth_v4.signature(auth_v4.string_to_sign(request, canonical), request)
    if expected != signature:
        return f"signature {signature} != botocore's {expected}; canonical request:\n{canonical}"
    return None


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True


def serve(handler_class):
    server = _Server(("127.0.0.1", 0), handler_class)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


class InvokeApi(http.server.BaseHTTPRequestHandler):
    """Lambda's Invoke: POST /2015-03-31/functions/NAME/invocations."""
    protocol_version = "HTTP/1.1"
    calls = []  # (path, headers, body, signature problem)

    def log_message(self, *args):
        pass

    def answer(self, status, body, headers=()):
        data = body.encode() if isinstance(body, str) else body
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("x-amzn-RequestId", "11111111-2222-3333-4444-555555555555")
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        problem = signature_problem(self, body)
        InvokeApi.calls.append((self.path, dict(self.headers), body, problem))
        if problem:
            return self.answer(403, json.dumps({"message": problem}),
                               [("X-Amzn-ErrorType", "InvalidSignatureException")])
        match = re.match(r"^/2015-03-31/functions/([^/]+)/invocations", self.path)
        function = urllib.parse.unquote(match.group(1)) if match else ""
        name = function.split(":function:")[-1].split(":")[0]
        event = json.loads(body or b"null")
        if name == "greet":
            return self.answer(200, json.dumps({"greeting": "hello " + event.get("who", "?")}),
                               [("X-Amz-Executed-Version", "$LATEST")])
        if name == "fail":
            return self.answer(200, json.dumps({"errorType": "OrderError",
                                                "errorMessage": "order is bad"}),
                               [("X-Amz-Function-Error", "Unhandled")])
        return self.answer(404, json.dumps({"Type": "User", "Message": "Function not found: "
                                            f"arn:aws:lambda:us-east-1:123456789012:function:{name}"}),
                           [("X-Amzn-ErrorType", "ResourceNotFoundException")])


class Execute:
    def execute(self, definition, payload):
        return run_execution(self.cli, definition, payload, "http")


class LambdaEndpoint(ServerTestCase, Execute):
    @classmethod
    def setUpClass(cls):
        cls.invoke_api = serve(InvokeApi)
        url = f"http://127.0.0.1:{cls.invoke_api.server_address[1]}"
        cls.extra_args = ("--lambda-endpoint", url, "--lambda", "local=echo '\"from local\"'")
        saved = {k: os.environ.get(k) for k in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
                                                "AWS_SESSION_TOKEN")}
        os.environ.update(AWS_ACCESS_KEY_ID=ACCESS_KEY, AWS_SECRET_ACCESS_KEY=SECRET_KEY,
                          AWS_SESSION_TOKEN=TOKEN)
        try:
            super().setUpClass()
        finally:
            for k, v in saved.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        cls.invoke_api.shutdown()

    def setUp(self):
        InvokeApi.calls.clear()

    def test_invoke_goes_to_the_endpoint_signed_and_answers_invokes_response(self):
        done, events = self.execute(invoke_task("greet"), {"who": "world"})
        self.assertEqual(done["status"], "SUCCEEDED", done)
        output = json.loads(done["output"])
        self.assertEqual(output["Payload"], {"greeting": "hello world"})
        self.assertEqual(output["StatusCode"], 200)
        self.assertEqual(output["ExecutedVersion"], "$LATEST")
        self.assertEqual(output["SdkResponseMetadata"]["RequestId"],
                         "11111111-2222-3333-4444-555555555555")
        path, headers, body, problem = InvokeApi.calls[0]
        self.assertIsNone(problem)
        self.assertEqual(path, "/2015-03-31/functions/greet/invocations")
        self.assertEqual(headers["X-Amz-Invocation-Type"], "RequestResponse")
        self.assertEqual(json.loads(body), {"who": "world"})
        self.assertEqual([e["type"] for e in events][2:5],
                         ["TaskScheduled", "TaskStarted", "TaskSucceeded"])

    def test_a_function_arn_resource_answers_the_payload(self):
        arn = "arn:aws:lambda:us-east-1:123456789012:function:greet"
        done, events = self.execute({"StartAt": "Call", "States": {"Call": {
            "Type": "Task", "Resource": arn, "End": True}}}, {"who": "arn"})
        self.assertEqual(done["status"], "SUCCEEDED", done)
        self.assertEqual(json.loads(done["output"]), {"greeting": "hello arn"})
        path, _, _, problem = InvokeApi.calls[0]
        self.assertIsNone(problem)
        self.assertEqual(path, "/2015-03-31/functions/" + urllib.parse.quote(arn, safe="") +
                         "/invocations")
        self.assertIn("LambdaFunctionSucceeded", [e["type"] for e in events])

    def test_a_function_error_is_caught_by_its_error_type(self):
        definition = invoke_task("fail", Catch=[{"ErrorEquals": ["OrderError"],
                                                 "Next": "Caught"}])
        del definition["States"]["Call"]["End"]
        definition["States"]["Call"]["Next"] = "Caught"
        definition["States"]["Caught"] = {"Type": "Pass", "End": True}
        done, _ = self.execute(definition, {})
        self.assertEqual(done["status"], "SUCCEEDED", done)
        output = json.loads(done["output"])
        self.assertEqual(output["Error"], "OrderError")
        self.assertEqual(json.loads(output["Cause"]),
                         {"errorType": "OrderError", "errorMessage": "order is bad"})

    def test_a_function_the_endpoint_does_not_know_is_resource_not_found(self):
        done, _ = self.execute(invoke_task("nosuch"), {})
        self.assertEqual(done["status"], "FAILED", done)
        self.assertEqual(done["error"], "Lambda.ResourceNotFoundException")
        self.assertEqual(done["cause"], "Function not found: arn:aws:lambda:us-east-1:"
                         "123456789012:function:nosuch (Service: AWSLambda; Status Code: 404; "
                         "Error Code: ResourceNotFoundException; Request ID: "
                         "11111111-2222-3333-4444-555555555555; Proxy: null)")

    def test_a_local_handler_answers_for_its_own_name(self):
        done, _ = self.execute(invoke_task("local"), {})
        self.assertEqual(done["status"], "SUCCEEDED", done)
        self.assertEqual(json.loads(done["output"])["Payload"], "from local")
        self.assertEqual(InvokeApi.calls, [])


class Api(http.server.BaseHTTPRequestHandler):
    """A small API for the HTTP Task: /json, /text, /form; anything else is 404."""
    protocol_version = "HTTP/1.1"
    received = []

    def log_message(self, *args):
        pass

    def answer(self, status, content_type, text):
        data = text.encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def handle_any(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0"))).decode()
        Api.received.append((self.command, self.path, dict(self.headers), body))
        url = urllib.parse.urlsplit(self.path)
        if url.path == "/json":
            return self.answer(200, "application/json", json.dumps({
                "method": self.command, "query": urllib.parse.parse_qs(url.query),
                "agent": self.headers.get("User-Agent")}))
        if url.path in ("/text", "/form"):
            return self.answer(200, "text/plain; charset=utf-8", "got " + body)
        return self.answer(404, "application/json", json.dumps({"message": "no " + url.path}))

    do_GET = do_POST = do_PUT = do_DELETE = handle_any


def http_task(url, method="GET", **parameters):
    parameters.update(ApiEndpoint=url, Method=method, Authentication={
        "ConnectionArn": "arn:aws:events:us-east-1:123456789012:connection/local/1"})
    return {"StartAt": "Call", "States": {"Call": {
        "Type": "Task", "Resource": "arn:aws:states:::http:invoke", "Parameters": parameters,
        "End": True}}}


class HttpTask(ServerTestCase, Execute):
    @classmethod
    def setUpClass(cls):
        cls.api = serve(Api)
        cls.base = f"http://127.0.0.1:{cls.api.server_address[1]}"
        super().setUpClass()

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        cls.api.shutdown()

    def test_a_json_answer_is_the_parsed_response_body(self):
        done, events = self.execute(http_task(self.base + "/json", QueryParameters={
            "currency": "usd", "q": "a b"}), {})
        self.assertEqual(done["status"], "SUCCEEDED", done)
        output = json.loads(done["output"])
        self.assertEqual(output["StatusCode"], 200)
        self.assertEqual(output["StatusText"], "OK")
        self.assertEqual(output["Headers"]["content-type"], ["application/json"])
        self.assertEqual(output["ResponseBody"], {
            "method": "GET", "query": {"currency": ["usd"], "q": ["a b"]},
            "agent": "Amazon|StepFunctions|HttpInvoke|us-east-1"})
        scheduled = [e for e in events if e["type"] == "TaskScheduled"][0]
        details = scheduled["taskScheduledEventDetails"]
        self.assertEqual((details["resourceType"], details["resource"]), ("http", "invoke"))

    def test_a_text_answer_is_a_string_and_the_body_goes_as_json(self):
        done, _ = self.execute(http_task(self.base + "/text", "POST",
                                         RequestBody={"name.$": "$.name"}), {"name": "Ada"})
        self.assertEqual(done["status"], "SUCCEEDED", done)
        self.assertEqual(json.loads(done["output"])["ResponseBody"], 'got {"name":"Ada"}')
        _, _, headers, _ = Api.received[-1]
        self.assertEqual(headers["Content-Type"], "application/json; charset=UTF-8")

    def test_a_url_encoded_body(self):
        done, _ = self.execute(http_task(
            self.base + "/form", "PUT", Headers={"Content-Type": "application/x-www-form-urlencoded"},
            RequestBody={"tags": ["a", "b c"], "meta": {"k": "v"}},
            Transform={"RequestBodyEncoding": "URL_ENCODED",
                       "RequestEncodingOptions": {"ArrayFormat": "BRACKETS"}}), {})
        self.assertEqual(done["status"], "SUCCEEDED", done)
        self.assertEqual(json.loads(done["output"])["ResponseBody"],
                         "got tags%5B%5D=a&tags%5B%5D=b%20c&meta%5Bk%5D=v")

    def test_a_404_is_caught_as_states_http_status_code_404(self):
        definition = http_task(self.base + "/missing")
        call = definition["States"]["Call"]
        del call["End"]
        call["Catch"] = [{"ErrorEquals": ["States.Http.StatusCode.404"], "Next": "NotFound"}]
        call["Next"] = "NotFound"
        definition["States"]["NotFound"] = {"Type": "Pass", "End": True}
        done, events = self.execute(definition, {})
        self.assertEqual(done["status"], "SUCCEEDED", done)
        output = json.loads(done["output"])
        self.assertEqual(output["Error"], "States.Http.StatusCode.404")
        cause = json.loads(output["Cause"])
        self.assertEqual((cause["StatusCode"], cause["StatusText"]), (404, "Not Found"))
        self.assertEqual(cause["ResponseBody"], {"message": "no /missing"})
        self.assertEqual([e["type"] for e in events][2:5],
                         ["TaskScheduled", "TaskStarted", "TaskFailed"])

    def test_a_reserved_header_fails_with_states_runtime(self):
        done, _ = self.execute(http_task(self.base + "/json", Headers={"Host": "evil"}), {})
        self.assertEqual(done["status"], "FAILED", done)
        self.assertEqual(done["error"], "States.Runtime")


if __name__ == "__main__":
    unittest.main()
