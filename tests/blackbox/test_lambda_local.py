"""Local Lambda handlers (--lambda NAME=COMMAND / SFN_LAMBDA) through the AWS CLI: a Python
handler and a Node one (`node -e`) behind arn:aws:states:::lambda:invoke and the legacy
function ARN, a handler error caught by Catch in AWS's error shape, a handler that exits
non-zero, an unknown function name, bad --lambda values."""
import json
import os
import shutil
import subprocess
import tempfile
import unittest

from sfn_harness import (ServerTestCase, binary_path, create_state_machine, invoke_task,
                         run_execution, wait_for_execution)

PYTHON_HANDLER = """\
import json, sys
event = json.load(sys.stdin)
if event.get("fail"):
    print(json.dumps({"errorType": "OrderError", "errorMessage": "order %s is bad" % event["id"],
                      "stackTrace": ["handler.py line 4"]}))
    sys.exit(1)
print(json.dumps({"greeting": "hello " + event.get("who", "nobody")}))
"""

NODE_HANDLER = ("node -e 'let s=\"\";process.stdin.on(\"data\",d=>s+=d).on(\"end\",()=>"
                "{const e=JSON.parse(s);console.log(JSON.stringify({sum:e.a+e.b,"
                "fn:process.env.AWS_LAMBDA_FUNCTION_NAME}))})'")


class LocalLambda(ServerTestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="sfn-lambda-")
        handler = os.path.join(cls.dir, "handler.py")
        with open(handler, "w") as f:
            f.write(PYTHON_HANDLER)
        cls.extra_args = ("--lambda", f"greet=python3 {handler}", "--lambda", f"add={NODE_HANDLER}",
                          "--lambda", "crash=echo 'Traceback: it broke' >&2; exit 3")
        super().setUpClass()

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        shutil.rmtree(cls.dir, ignore_errors=True)

    def execute(self, definition, payload):
        return run_execution(self.cli, definition, payload, "lambda")

    def test_invoke_answers_the_payload_in_invokes_response(self):
        done, events = self.execute(invoke_task("greet"), {"who": "world"})
        self.assertEqual(done["status"], "SUCCEEDED", done)
        output = json.loads(done["output"])
        self.assertEqual(output["Payload"], {"greeting": "hello world"})
        self.assertEqual(output["StatusCode"], 200)
        self.assertEqual(output["ExecutedVersion"], "$LATEST")
        self.assertEqual(output["SdkHttpMetadata"]["HttpStatusCode"], 200)
        self.assertIn("RequestId", output["SdkResponseMetadata"])
        self.assertEqual([e["type"] for e in events][2:5],
                         ["TaskScheduled", "TaskStarted", "TaskSucceeded"])

    @unittest.skipUnless(shutil.which("node"), "Node.js is not installed")
    def test_a_node_handler_by_function_arn_answers_its_payload(self):
        definition = {"StartAt": "Add", "States": {"Add": {
            "Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:add",
            "End": True}}}
        done, events = self.execute(definition, {"a": 2, "b": 40})
        self.assertEqual(done["status"], "SUCCEEDED", done)
        self.assertEqual(json.loads(done["output"]), {"sum": 42, "fn": "add"})
        self.assertEqual([e["type"] for e in events][2:5], [
            "LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionSucceeded"])

    def test_a_handler_error_is_caught_with_its_error_type_and_cause(self):
        definition = invoke_task("greet", Catch=[{"ErrorEquals": ["OrderError"], "Next": "Caught"}])
        del definition["States"]["Call"]["End"]
        definition["States"]["Call"]["Next"] = "Caught"
        definition["States"]["Caught"] = {"Type": "Pass", "End": True}
        done, events = self.execute(definition, {"fail": True, "id": 7})
        self.assertEqual(done["status"], "SUCCEEDED", done)
        output = json.loads(done["output"])
        self.assertEqual(output["Error"], "OrderError")
        self.assertEqual(json.loads(output["Cause"]), {
            "errorType": "OrderError", "errorMessage": "order 7 is bad",
            "stackTrace": ["handler.py line 4"]})
        failed = [e for e in events if e["type"] == "TaskFailed"][0]["taskFailedEventDetails"]
        self.assertEqual((failed["resourceType"], failed["resource"], failed["error"]),
                         ("lambda", "invoke", "OrderError"))

    def test_a_handler_exiting_non_zero_is_runtime_exit_error_with_its_stderr(self):
        done, _ = self.execute(invoke_task("crash"), {})
        self.assertEqual(done["status"], "FAILED", done)
        self.assertEqual(done["error"], "Runtime.ExitError")
        cause = json.loads(done["cause"])
        self.assertIn("Runtime exited with error: exit status 3", cause["errorMessage"])
        self.assertEqual(cause["stackTrace"], ["Traceback: it broke"])

    def test_an_unknown_function_is_resource_not_found(self):
        done, _ = self.execute(invoke_task("nosuch"), {})
        self.assertEqual(done["status"], "FAILED", done)
        self.assertEqual(done["error"], "Lambda.ResourceNotFoundException")
        self.assertTrue(done["cause"].startswith(
            "Function not found: arn:aws:lambda:us-east-1:123456789012:function:nosuch:$LATEST"),
            done["cause"])


class BadLambdaFlag(unittest.TestCase):
    def test_a_bad_value_stops_the_server_with_the_reason(self):
        for env_extra, args in (({}, ["--lambda", "bad.name=cat"]),
                                ({}, ["--lambda", "f="]),
                                ({"SFN_LAMBDA": "f=cat;g"}, [])):
            done = subprocess.run([binary_path(), "--port", "0", "--db", ":memory:", *args],
                                  env=dict(os.environ, **env_extra), capture_output=True,
                                  text=True, timeout=30)
            self.assertEqual(done.returncode, 2, done.stderr)
            self.assertIn("NAME=COMMAND", done.stderr)


class LambdaFromEnvironment(ServerTestCase):
    """SFN_LAMBDA: ';'-separated NAME=COMMAND entries."""

    @classmethod
    def setUpClass(cls):
        os.environ["SFN_LAMBDA"] = "echo=cat; shout=tr a-z A-Z"
        try:
            super().setUpClass()
        finally:
            del os.environ["SFN_LAMBDA"]

    def test_both_handlers_answer(self):
        function = "arn:aws:lambda:us-east-1:123456789012:function:"
        arn = create_state_machine(self.cli, {"StartAt": "A", "States": {
            "A": {"Type": "Task", "Resource": function + "echo", "Next": "B"},
            "B": {"Type": "Task", "Resource": function + "shout", "End": True}}})
        started = self.cli("start-execution", "--state-machine-arn", arn,
                           "--input", json.dumps({"word": "quiet"}))
        done = wait_for_execution(self.cli, started["executionArn"])
        self.assertEqual(done["status"], "SUCCEEDED", done)
        self.assertEqual(json.loads(done["output"]), {"WORD": "QUIET"})


if __name__ == "__main__":
    unittest.main()
