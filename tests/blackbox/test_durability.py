"""Issue 9's durability findings: a second server on the same database, a database that cannot
be written (read-only at start, full mid-run: never a 200 for a change that is not on disk), and
crash-loop safety (an execution that keeps dying with the process is ended, a waiting one is
never punished for the operator's kill -9)."""
import json
import os
import resource
import signal
import subprocess
import time
import unittest

from sfn_harness import Server, raw_call, raw_request, error_type, ROLE_ARN, unique

WAIT_DEFINITION = {"StartAt": "W", "States": {
    "W": {"Type": "Wait", "Seconds": 3, "Next": "P"},
    "P": {"Type": "Pass", "End": True}}}


def call(server, operation, **payload):
    return raw_call(server.endpoint, operation, payload)


def wait_until_done(server, arn, timeout=60):
    deadline = time.monotonic() + timeout
    while True:
        described = call(server, "DescribeExecution", executionArn=arn)
        if described["status"] != "RUNNING" or time.monotonic() > deadline:
            return described
        time.sleep(0.1)


class SecondServer(unittest.TestCase):
    def test_a_second_server_on_the_same_database_refuses_to_start(self):
        first = Server().start()
        try:
            second = Server()
            second.db = first.db
            second.log_path = first.db + ".second.log"
            with self.assertRaises(RuntimeError) as raised:
                second.start()
            self.assertIn("in use by another sfn-local process", str(raised.exception))
            call(first, "ListStateMachines")  # the first one is untouched
        finally:
            first.remove()


class UnwritableDatabase(unittest.TestCase):
    def test_a_read_only_database_file_is_refused_at_start(self):
        server = Server().start()
        try:
            server.stop()
            os.chmod(server.db, 0o444)
            os.chmod(server.db_dir, 0o755)
            args = [server.binary, "--port", "0", "--db", server.db]
            # As root the file mode is not enforced: run the server as nobody.
            if os.geteuid() == 0:
                args = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] + args
            done = subprocess.run(args, capture_output=True, text=True, timeout=20)
            self.assertEqual(done.returncode, 1, done.stderr)
            self.assertRegex(done.stderr, "read-only|for writing")
        finally:
            server.remove()

    def test_a_full_disk_answers_internal_failure_never_a_lost_200(self):
        # RLIMIT_FSIZE stands for a full disk: writes past 3 MB fail with EFBIG (SIGXFSZ
        # ignored), as SQLITE_FULL would.
        def limit_file_size():
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (3 << 20, 3 << 20))

        server = Server(preexec=limit_file_size).start()
        try:
            acknowledged, refused = [], 0
            padding = "x" * (200 * 1024)
            for i in range(40):
                definition = json.dumps({"Comment": padding, "StartAt": "P",
                                         "States": {"P": {"Type": "Pass", "End": True}}})
                status, body, _ = raw_request(server.endpoint,
                                              "AWSStepFunctions.CreateStateMachine",
                                              json.dumps({"name": f"big-{i}",
                                                          "definition": definition,
                                                          "roleArn": ROLE_ARN}))
                if status == 200:
                    acknowledged.append(body["stateMachineArn"])
                else:
                    self.assertEqual(status, 500, body)
                    self.assertEqual(error_type(body), "InternalFailure")
                    refused += 1
            self.assertGreater(refused, 0, "the file size limit was never reached")
            self.assertGreater(len(acknowledged), 0)
            # Everything acknowledged is there after a restart without the limit.
            server.kill9()
            server.preexec = None
            server.start()
            for arn in acknowledged:
                call(server, "DescribeStateMachine", stateMachineArn=arn)
        finally:
            server.remove()


class CrashLoop(unittest.TestCase):
    def test_a_waiting_execution_survives_many_kills(self):
        server = Server(wait_time_scale="1").start()
        try:
            machine = call(server, "CreateStateMachine", name=unique("wait"),
                           definition=json.dumps(WAIT_DEFINITION),
                           roleArn=ROLE_ARN)["stateMachineArn"]
            arn = call(server, "StartExecution", stateMachineArn=machine)["executionArn"]
            for _ in range(6):
                time.sleep(0.2)
                server.kill9()
                server.start()
            described = wait_until_done(server, arn)
            self.assertEqual(described["status"], "SUCCEEDED", described)
        finally:
            server.remove()

    def test_an_execution_that_dies_with_the_process_every_time_is_ended(self):
        # A state that computes for seconds; the process is killed while it computes, right
        # after every restart: the 4th restart ends the execution instead of resuming it.
        server = Server().start()
        try:
            busy = {"QueryLanguage": "JSONata", "StartAt": "Start", "States": {
                "Start": {"Type": "Pass", "Next": "Busy"},
                "Busy": {"Type": "Pass", "End": True, "Output":
                         "{% $count($filter([1..$states.input.n], function($v) "
                         "{ $v % 7 = 0 and $string($v) = $string($v) })) %}"}}}
            machine = call(server, "CreateStateMachine", name=unique("busy"),
                           definition=json.dumps(busy), roleArn=ROLE_ARN)["stateMachineArn"]
            began = time.monotonic()
            arn = call(server, "StartExecution", stateMachineArn=machine,
                       input=json.dumps({"n": 3_000_000}))["executionArn"]
            # The answer does not wait for the states: they run on the engine's threads.
            self.assertLess(time.monotonic() - began, 1.0)
            for _ in range(4):
                time.sleep(1.0)
                self.assertEqual(call(server, "DescribeExecution",
                                      executionArn=arn)["status"], "RUNNING",
                                 "the busy state finished too early to be killed in it")
                server.kill9()
                server.start()
            described = wait_until_done(server, arn, timeout=10)
            self.assertEqual(described["status"], "FAILED", described)
            self.assertEqual(described["error"], "States.Runtime")
            self.assertIn("stopped abnormally", described["cause"])
            self.assertIn("'Busy'", described["cause"])
            events = call(server, "GetExecutionHistory", executionArn=arn)["events"]
            self.assertEqual(events[-1]["type"], "ExecutionFailed")
            self.assertEqual([e["id"] for e in events], list(range(1, len(events) + 1)))
        finally:
            server.remove()


if __name__ == "__main__":
    unittest.main()
