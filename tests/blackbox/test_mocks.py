"""Mocked responses (--mock-config / SFN_MOCK_CONFIG, the AWS Step Functions Local format) through
the AWS CLI: the AWS documentation's LambdaSQSIntegration example with its three test cases,
retries answered in order, an unknown test case, a bad file, and an execution started on a test
case that resumes after kill -9 with its mocks."""
import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
import unittest

from sfn_harness import (CliError, Server, ServerTestCase, binary_path, create_state_machine,
                         unique, wait_for_execution)

# The example of "Using mocked service integrations for testing in Step Functions Local".
DEFINITION = {
    "Comment": "Lambda then SQS",
    "StartAt": "LambdaState",
    "States": {
        "LambdaState": {
            "Type": "Task",
            "Resource": "arn:aws:states:::lambda:invoke",
            "Parameters": {"Payload.$": "$", "FunctionName": "HelloWorldFunction"},
            "Retry": [{"ErrorEquals": ["States.ALL"], "IntervalSeconds": 2, "MaxAttempts": 3,
                       "BackoffRate": 2}],
            "Next": "SQSState",
        },
        "SQSState": {
            "Type": "Task",
            "Resource": "arn:aws:states:::sqs:sendMessage",
            "Parameters": {"QueueUrl": "https://sqs.us-east-1.amazonaws.com/123456789012/q",
                           "MessageBody.$": "$"},
            "End": True,
        },
    },
}

LAMBDA_OK = {"StatusCode": 200, "Payload": {"StatusCode": 200, "body": "Hello from Lambda!"}}
SQS_OK = {"MD5OfMessageBody": "3bcb6e8e-7h85-4375-b0bc-1a59812c6e51",
          "MessageId": "3bcb6e8e-8b51-4375-b0bc-1a59812c6e51"}


def mock_config(name):
    return {
        "StateMachines": {name: {"TestCases": {
            "HappyPath": {"LambdaState": "MockedLambdaSuccess", "SQSState": "MockedSQSSuccess"},
            "RetryPath": {"LambdaState": "MockedLambdaRetry", "SQSState": "MockedSQSSuccess"},
            "HybridPath": {"LambdaState": "MockedLambdaSuccess"},
        }}},
        "MockedResponses": {
            "MockedLambdaSuccess": {"0": {"Return": LAMBDA_OK}},
            "MockedSQSSuccess": {"0": {"Return": SQS_OK}},
            "MockedLambdaRetry": {
                "0": {"Throw": {"Error": "Lambda.ResourceNotReadyException",
                                "Cause": "Lambda resource is not ready."}},
                "1-2": {"Throw": {"Error": "Lambda.TimeoutException", "Cause": "Lambda timed out."}},
                "3": {"Return": LAMBDA_OK},
            },
        },
    }


class MockedResponses(ServerTestCase):
    NAME = unique("LambdaSQSIntegration")

    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="sfn-mocks-")
        path = os.path.join(cls.dir, "MockConfigFile.json")
        with open(path, "w") as f:
            json.dump(mock_config(cls.NAME), f)
        cls.extra_args = ("--mock-config", path)
        super().setUpClass()
        cls.arn = create_state_machine(cls.cli, DEFINITION, cls.NAME)

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        shutil.rmtree(cls.dir, ignore_errors=True)

    def run_case(self, test_case):
        started = self.cli("start-execution", "--state-machine-arn", f"{self.arn}#{test_case}",
                           "--input", json.dumps({"order": 7}))
        done = wait_for_execution(self.cli, started["executionArn"])
        events = self.cli("get-execution-history", "--execution-arn",
                          started["executionArn"])["events"]
        return done, events

    def test_happy_path_answers_every_state_from_its_mock(self):
        done, events = self.run_case("HappyPath")
        self.assertEqual(done["status"], "SUCCEEDED")
        self.assertEqual(json.loads(done["output"]), SQS_OK)
        self.assertEqual(done["stateMachineArn"], self.arn)
        types = [e["type"] for e in events]
        self.assertEqual(types, [
            "ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted",
            "TaskSucceeded", "TaskStateExited", "TaskStateEntered", "TaskScheduled",
            "TaskStarted", "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded"])
        scheduled = events[2]["taskScheduledEventDetails"]
        self.assertEqual(scheduled["resourceType"], "lambda")
        self.assertEqual(scheduled["resource"], "invoke")
        self.assertEqual(json.loads(scheduled["parameters"]),
                         {"Payload": {"order": 7}, "FunctionName": "HelloWorldFunction"})
        self.assertEqual(json.loads(events[4]["taskSucceededEventDetails"]["output"]), LAMBDA_OK)
        sqs = events[7]["taskScheduledEventDetails"]
        self.assertEqual((sqs["resourceType"], sqs["resource"]), ("sqs", "sendMessage"))
        self.assertEqual(json.loads(sqs["parameters"])["MessageBody"], LAMBDA_OK)

    def test_retry_path_answers_attempts_in_order(self):
        done, events = self.run_case("RetryPath")
        self.assertEqual(done["status"], "SUCCEEDED")
        failures = [(e["taskFailedEventDetails"]["error"], e["taskFailedEventDetails"]["cause"])
                    for e in events if e["type"] == "TaskFailed"]
        self.assertEqual(failures, [
            ("Lambda.ResourceNotReadyException", "Lambda resource is not ready."),
            ("Lambda.TimeoutException", "Lambda timed out."),
            ("Lambda.TimeoutException", "Lambda timed out.")])
        self.assertEqual([e["type"] for e in events].count("TaskScheduled"), 5)

    def test_a_state_without_a_mock_reaches_the_integrations(self):
        # No SQS endpoint is configured: the unmocked state fails with a cause that says so.
        done, events = self.run_case("HybridPath")
        self.assertEqual(done["status"], "FAILED")
        self.assertEqual(done["error"], "States.Runtime")
        self.assertIn("SQSState", done["cause"])
        self.assertIn("TaskSucceeded", [e["type"] for e in events])

    def test_without_a_test_case_nothing_is_mocked(self):
        started = self.cli("start-execution", "--state-machine-arn", self.arn)
        done = wait_for_execution(self.cli, started["executionArn"])
        self.assertEqual(done["status"], "FAILED")
        self.assertEqual(done["error"], "States.Runtime")

    def test_an_unknown_test_case_is_refused(self):
        with self.assertRaises(CliError) as e:
            self.cli("start-execution", "--state-machine-arn", f"{self.arn}#NoSuchCase")
        self.assertEqual(e.exception.code, "ValidationException")
        self.assertIn("NoSuchCase", str(e.exception))


class BadMockConfig(unittest.TestCase):
    def start(self, env_extra, args):
        env = dict(os.environ, **env_extra)
        return subprocess.run([binary_path(), "--port", "0", "--db", ":memory:", *args],
                              env=env, capture_output=True, text=True, timeout=30)

    def test_a_malformed_file_stops_the_server_with_the_reason(self):
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
            json.dump({"StateMachines": {"sm": {"TestCases": {"T": {"S": "Missing"}}}},
                       "MockedResponses": {}}, f)
        try:
            for env_extra, args in (({}, ["--mock-config", f.name]),
                                    ({"SFN_MOCK_CONFIG": f.name}, [])):
                done = self.start(env_extra, args)
                self.assertEqual(done.returncode, 2, done.stderr)
                self.assertIn(f.name, done.stderr)
                self.assertIn("Missing", done.stderr)
        finally:
            os.unlink(f.name)

    def test_a_missing_file_stops_the_server(self):
        done = self.start({}, ["--mock-config", "/nonexistent/mocks.json"])
        self.assertEqual(done.returncode, 2)
        self.assertIn("/nonexistent/mocks.json", done.stderr)


class MockedExecutionResumes(unittest.TestCase):
    """A STANDARD execution keeps its test case across kill -9."""

    def test_resumed_execution_still_uses_its_mocks(self):
        name = unique("resume")
        tmp = tempfile.mkdtemp(prefix="sfn-mocks-")
        path = os.path.join(tmp, "mocks.json")
        with open(path, "w") as f:
            json.dump(mock_config(name), f)
        definition = json.loads(json.dumps(DEFINITION))
        definition["StartAt"] = "Pause"
        definition["States"]["Pause"] = {"Type": "Wait", "Seconds": 2, "Next": "LambdaState"}
        server = Server("1", ("--mock-config", path)).start()
        try:
            cli = server.cli()
            arn = create_state_machine(cli, definition, name)
            started = cli("start-execution", "--state-machine-arn", f"{arn}#HappyPath")
            time.sleep(0.5)
            cli.close()
            server.kill9()
            server.start()
            cli = server.cli()
            done = wait_for_execution(cli, started["executionArn"], timeout=30)
            self.assertEqual(done["status"], "SUCCEEDED", done)
            self.assertEqual(json.loads(done["output"]), SQS_OK)
            cli.close()
        finally:
            server.remove()
            shutil.rmtree(tmp, ignore_errors=True)


class MockConfigReload(unittest.TestCase):
    """SIGHUP reads the mock config again; a bad file keeps the previous one."""

    def write(self, answer, case="First"):
        config = {"StateMachines": {self.name: {"TestCases": {case: {"SQSState": "Sqs"}}}},
                  "MockedResponses": {"Sqs": {"0": {"Return": {"MessageId": answer}}}}}
        with open(self.path, "w") as f:
            json.dump(config, f)

    def run_case(self, case):
        started = self.cli("start-execution", "--state-machine-arn", f"{self.arn}#{case}")
        return json.loads(wait_for_execution(self.cli, started["executionArn"])["output"])

    def reloaded(self, case):
        """Polls until StartExecution accepts `case` (the reload is asynchronous)."""
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                return self.run_case(case)
            except CliError as e:
                self.assertEqual(e.code, "ValidationException")
                time.sleep(0.05)
        self.fail(f"test case {case} never appeared:\n{self.server.log()}")

    def test_sighup_reloads_and_a_bad_file_keeps_the_previous_config(self):
        tmp = tempfile.mkdtemp(prefix="sfn-mock-reload-")
        self.path = os.path.join(tmp, "mocks.json")
        self.name = unique("reload")
        self.write("first")
        self.server = Server("0", ("--mock-config", self.path)).start()
        try:
            self.cli = self.server.cli()
            definition = {"StartAt": "SQSState", "States": {"SQSState": DEFINITION["States"]["SQSState"]}}
            self.arn = create_state_machine(self.cli, definition, self.name)
            self.assertEqual(self.run_case("First"), {"MessageId": "first"})

            self.write("second", case="Second")
            self.server.proc.send_signal(signal.SIGHUP)
            self.assertEqual(self.reloaded("Second"), {"MessageId": "second"})
            with self.assertRaises(CliError) as e:  # the old test case is gone
                self.run_case("First")
            self.assertEqual(e.exception.code, "ValidationException")

            with open(self.path, "w") as f:
                f.write('{"StateMachines": {"x": {"TestCases": {"c": {"S": "Missing"}}}}}')
            self.server.proc.send_signal(signal.SIGHUP)
            deadline = time.monotonic() + 10
            while "previous mock config stays in use" not in self.server.log():
                self.assertLess(time.monotonic(), deadline, self.server.log())
                time.sleep(0.05)
            self.assertIsNone(self.server.proc.poll())
            self.assertEqual(self.run_case("Second"), {"MessageId": "second"})
            self.cli.close()
        finally:
            self.server.remove()
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    unittest.main()
