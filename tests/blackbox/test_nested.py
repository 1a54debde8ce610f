"""Nested executions (arn:aws:states:::states:startExecution) through the AWS CLI: request-response,
.sync (the child's output as text), .sync:2 (as JSON), .waitForTaskToken, a failing child as
States.TaskFailed, a missing state machine as StepFunctions.StateMachineDoesNotExistException,
stopping the parent stops a .sync child, and a parent waiting for its .sync child survives kill -9
without starting a second child."""
import json
import time
import unittest

from sfn_harness import (CliError, Server, ServerTestCase, create_state_machine, unique,
                         wait_for_execution)

CHILD = {"StartAt": "Greet", "States": {"Greet": {
    "Type": "Pass", "Parameters": {"greeting.$": "States.Format('Hello, {}', $.who)"},
    "End": True}}}
FAILING_CHILD = {"StartAt": "Boom", "States": {"Boom": {
    "Type": "Fail", "Error": "ChildBroke", "Cause": "the child failed on purpose"}}}
WAITING_CHILD = {"StartAt": "Nap", "States": {"Nap": {
    "Type": "Wait", "SecondsPath": "$.seconds", "Next": "Done"},
    "Done": {"Type": "Pass", "Result": {"slept": True}, "End": True}}}


def parent(resource, child_input=None, name_path=None, extra=None):
    params = {"StateMachineArn.$": "$.child"}
    params["Input"] = child_input if child_input is not None else {"who.$": "$.who"}
    if name_path:
        params["Name.$"] = name_path
    state = {"Type": "Task", "Resource": resource, "Parameters": params, "End": True}
    state.update(extra or {})
    return {"StartAt": "Child", "States": {"Child": state}}


def history_types(cli, arn):
    return [e["type"] for e in cli("get-execution-history", "--execution-arn", arn)["events"]]


class Nested(ServerTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.child = create_state_machine(cls.cli, CHILD, unique("child"))
        cls.failing = create_state_machine(cls.cli, FAILING_CHILD, unique("failing-child"))

    def run_parent(self, definition, data):
        arn = create_state_machine(self.cli, definition, unique("parent"))
        started = self.cli("start-execution", "--state-machine-arn", arn,
                           "--input", json.dumps(data))
        return wait_for_execution(self.cli, started["executionArn"]), started["executionArn"]

    def test_sync_answers_the_childs_output_as_text(self):
        done, arn = self.run_parent(parent("arn:aws:states:::states:startExecution.sync"),
                                    {"child": self.child, "who": "nested"})
        self.assertEqual(done["status"], "SUCCEEDED", done)
        out = json.loads(done["output"])
        self.assertEqual(out["Status"], "SUCCEEDED")
        self.assertEqual(json.loads(out["Output"]), {"greeting": "Hello, nested"})
        self.assertEqual(json.loads(out["Input"]), {"who": "nested"})
        self.assertEqual(out["StateMachineArn"], self.child)
        self.assertIsInstance(out["StartDate"], int)
        self.assertGreaterEqual(out["StopDate"], out["StartDate"])
        self.assertEqual(history_types(self.cli, arn), [
            "ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted",
            "TaskSubmitted", "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded"])
        child = self.cli("describe-execution", "--execution-arn", out["ExecutionArn"])
        self.assertEqual(child["status"], "SUCCEEDED")
        self.assertEqual(json.loads(child["output"]), {"greeting": "Hello, nested"})

    def test_sync2_answers_the_childs_output_as_json(self):
        done, _ = self.run_parent(parent("arn:aws:states:::states:startExecution.sync:2"),
                                  {"child": self.child, "who": "json"})
        out = json.loads(done["output"])
        self.assertEqual(out["Output"], {"greeting": "Hello, json"})
        self.assertEqual(out["Input"], {"who": "json"})

    def test_request_response_answers_the_start(self):
        done, arn = self.run_parent(
            parent("arn:aws:states:::states:startExecution", name_path="$.name"),
            {"child": self.child, "who": "rr", "name": unique("named")})
        out = json.loads(done["output"])
        self.assertEqual(sorted(out), ["ExecutionArn", "SdkHttpMetadata", "SdkResponseMetadata",
                                       "StartDate"])
        self.assertTrue(out["ExecutionArn"].endswith(":" + json.loads(
            self.cli("describe-execution", "--execution-arn", arn)["input"])["name"]))
        child = wait_for_execution(self.cli, out["ExecutionArn"])
        self.assertEqual(child["status"], "SUCCEEDED")

    def test_a_failing_child_fails_the_task_with_its_description(self):
        done, _ = self.run_parent(parent("arn:aws:states:::states:startExecution.sync"),
                                  {"child": self.failing, "who": "x"})
        self.assertEqual((done["status"], done["error"]), ("FAILED", "States.TaskFailed"))
        cause = json.loads(done["cause"])
        self.assertEqual((cause["Status"], cause["Error"], cause["Cause"]),
                         ("FAILED", "ChildBroke", "the child failed on purpose"))
        self.assertNotIn("Output", cause)

    def test_a_missing_state_machine_is_the_sdk_error(self):
        missing = self.child + "-missing"
        done, _ = self.run_parent(parent("arn:aws:states:::states:startExecution"),
                                  {"child": missing, "who": "x"})
        self.assertEqual(done["error"], "StepFunctions.StateMachineDoesNotExistException")
        self.assertTrue(done["cause"].startswith(
            f"State Machine Does Not Exist: '{missing}' (Service: AWSStepFunctions; "
            "Status Code: 400; Error Code: StateMachineDoesNotExist; Request ID: "), done["cause"])

    def test_an_express_parent_cannot_wait_for_its_child(self):
        definition = json.dumps(parent("arn:aws:states:::states:startExecution.sync"))
        with self.assertRaises(CliError) as e:
            self.cli("create-state-machine", "--name", unique("express-parent"), "--type",
                     "EXPRESS", "--definition", definition, "--role-arn",
                     "arn:aws:iam::123456789012:role/r")
        self.assertEqual(e.exception.code, "InvalidDefinition")
        self.assertIn("Express state machine does not support '.sync' service integration. "
                      "at /States/Child/Resource", str(e.exception))

    def test_wait_for_task_token_takes_the_callback(self):
        definition = parent("arn:aws:states:::states:startExecution.waitForTaskToken",
                            child_input={"who": "cb", "token.$": "$$.Task.Token",
                                         "AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID.$":
                                             "$$.Execution.Id"})
        arn = create_state_machine(self.cli, definition, unique("parent-cb"))
        started = self.cli("start-execution", "--state-machine-arn", arn,
                           "--input", json.dumps({"child": self.child}))
        deadline = time.monotonic() + 20
        while "TaskSubmitted" not in history_types(self.cli, started["executionArn"]):
            self.assertLess(time.monotonic(), deadline)
            time.sleep(0.05)
        children = self.cli("list-executions", "--state-machine-arn", self.child)["executions"]
        inputs = [json.loads(self.cli("describe-execution", "--execution-arn",
                                      c["executionArn"])["input"]) for c in children]
        mine = [i for i in inputs
                if i.get("AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID") == started["executionArn"]]
        self.assertEqual(len(mine), 1, inputs)
        self.cli("send-task-success", "--task-token", mine[0]["token"],
                 "--task-output", '{"answered": true}')
        done = wait_for_execution(self.cli, started["executionArn"])
        self.assertEqual(json.loads(done["output"]), {"answered": True})



class NestedCancellation(ServerTestCase):
    wait_time_scale = "1"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.waiting = create_state_machine(cls.cli, WAITING_CHILD, unique("waiting-child"))

    run_parent = Nested.run_parent

    def test_stopping_the_parent_stops_its_sync_child(self):
        definition = parent("arn:aws:states:::states:startExecution.sync",
                            child_input={"seconds": 3600})
        arn = create_state_machine(self.cli, definition, unique("parent-stop"))
        started = self.cli("start-execution", "--state-machine-arn", arn,
                           "--input", json.dumps({"child": self.waiting}))
        child_arn = self.submitted_child(started["executionArn"])
        self.cli("stop-execution", "--execution-arn", started["executionArn"])
        child = wait_for_execution(self.cli, child_arn)
        self.assertEqual(child["status"], "ABORTED")

    def test_task_timeout_stops_the_child(self):
        definition = parent("arn:aws:states:::states:startExecution.sync:2",
                            child_input={"seconds": 3600}, extra={"TimeoutSeconds": 1})
        done, arn = self.run_parent(definition, {"child": self.waiting})
        self.assertEqual((done["status"], done["error"]), ("FAILED", "States.Timeout"))
        submitted = [e for e in self.cli("get-execution-history", "--execution-arn", arn)["events"]
                     if e["type"] == "TaskSubmitted"][0]
        child_arn = json.loads(submitted["taskSubmittedEventDetails"]["output"])["ExecutionArn"]
        self.assertEqual(wait_for_execution(self.cli, child_arn)["status"], "ABORTED")

    def submitted_child(self, parent_arn):
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            events = self.cli("get-execution-history", "--execution-arn", parent_arn)["events"]
            for e in events:
                if e["type"] == "TaskSubmitted":
                    return json.loads(e["taskSubmittedEventDetails"]["output"])["ExecutionArn"]
            time.sleep(0.05)
        self.fail("the child was never submitted")


class NestedSurvivesRestart(unittest.TestCase):
    def test_a_parent_waiting_for_its_child_resumes_without_a_second_child(self):
        server = Server("1").start()
        try:
            cli = server.cli()
            child = create_state_machine(cli, WAITING_CHILD, unique("restart-child"))
            arn = create_state_machine(
                cli, parent("arn:aws:states:::states:startExecution.sync:2",
                            child_input={"seconds": 2}), unique("restart-parent"))
            started = cli("start-execution", "--state-machine-arn", arn,
                          "--input", json.dumps({"child": child}))
            deadline = time.monotonic() + 20
            while "TaskSubmitted" not in history_types(cli, started["executionArn"]):
                self.assertLess(time.monotonic(), deadline)
                time.sleep(0.05)
            # A store read answers after every write queued before it has committed (the
            # parent's checkpoint with its submitted child among them).
            self.assertEqual(len(cli("list-executions", "--state-machine-arn",
                                     child)["executions"]), 1)
            cli.close()
            server.kill9()
            server.start()
            cli = server.cli()
            done = wait_for_execution(cli, started["executionArn"], timeout=30)
            self.assertEqual(done["status"], "SUCCEEDED", done)
            self.assertEqual(json.loads(done["output"])["Output"], {"slept": True})
            self.assertEqual(len(cli("list-executions", "--state-machine-arn",
                                     child)["executions"]), 1)
            types = history_types(cli, started["executionArn"])
            self.assertEqual(types.count("TaskScheduled"), 1, types)
            self.assertEqual(types.count("TaskSubmitted"), 1, types)
            cli.close()
        finally:
            server.remove()


if __name__ == "__main__":
    unittest.main()
