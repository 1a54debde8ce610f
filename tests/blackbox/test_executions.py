"""StartExecution (idempotency, errors), StopExecution, ListExecutions (filter, pagination),
DescribeStateMachineForExecution."""
import json
import unittest

from sfn_harness import (PASS_DEFINITION, ServerTestCase, activity_definition,
                         create_state_machine, error_type, raw_call, raw_request, unique,
                         wait_for_execution)


class Executions(ServerTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        activity = cls.cli("create-activity", "--name", unique("never-worked"))["activityArn"]
        # Executions of this machine stay RUNNING: no worker ever polls the activity.
        cls.blocking_arn = create_state_machine(cls.cli, activity_definition(activity),
                                                unique("blocking"))
        cls.pass_arn = create_state_machine(cls.cli, PASS_DEFINITION, unique("pass"))

    def start(self, machine_arn, name=None, data=None):
        args = ["--state-machine-arn", machine_arn]
        if name:
            args += ["--name", name]
        if data is not None:
            args += ["--input", json.dumps(data)]
        return self.cli("start-execution", *args)

    def test_execution_arn_and_default_input(self):
        name = unique("ex")
        started = self.start(self.pass_arn, name)
        self.assertTrue(started["executionArn"].endswith(":" + name), started["executionArn"])
        self.assertIn(":execution:", started["executionArn"])
        done = wait_for_execution(self.cli, started["executionArn"])
        self.assertEqual(done["status"], "SUCCEEDED")
        self.assertEqual(json.loads(done["input"]), {})
        self.assertEqual(json.loads(done["output"]), {})
        self.assertEqual(done["name"], name)

    def test_start_is_idempotent_while_running(self):
        name = unique("idem")
        first = self.start(self.blocking_arn, name, {"a": 1})
        again = self.start(self.blocking_arn, name, {"a": 1})
        self.assertEqual(first["executionArn"], again["executionArn"])
        self.assertEqual(first["startDate"], again["startDate"])
        self.assertCliError("ExecutionAlreadyExists", "start-execution", "--state-machine-arn",
                            self.blocking_arn, "--name", name, "--input", json.dumps({"a": 2}))
        self.cli("stop-execution", "--execution-arn", first["executionArn"])

    def test_same_name_after_the_execution_closed_already_exists(self):
        name = unique("closed")
        started = self.start(self.pass_arn, name, {"a": 1})
        self.assertEqual(wait_for_execution(self.cli, started["executionArn"])["status"],
                         "SUCCEEDED")
        self.assertCliError("ExecutionAlreadyExists", "start-execution", "--state-machine-arn",
                            self.pass_arn, "--name", name, "--input", json.dumps({"a": 1}))

    def test_start_errors(self):
        self.assertCliError("InvalidName", "start-execution", "--state-machine-arn",
                            self.pass_arn, "--name", "bad name")
        self.assertCliError("InvalidExecutionInput", "start-execution", "--state-machine-arn",
                            self.pass_arn, "--input", "{not json")
        self.assertCliError("InvalidArn", "start-execution", "--state-machine-arn", "nope")
        self.assertCliError("ExecutionDoesNotExist", "describe-execution", "--execution-arn",
                            self.pass_arn.replace(":stateMachine:", ":execution:") + ":missing")

    def test_stop_execution_aborts_with_error_and_cause(self):
        started = self.start(self.blocking_arn, unique("stop"))
        stopped = self.cli("stop-execution", "--execution-arn", started["executionArn"],
                           "--error", "MyError", "--cause", "stopped by the test")
        self.assertIn("stopDate", stopped)
        described = self.cli("describe-execution", "--execution-arn", started["executionArn"])
        self.assertEqual(described["status"], "ABORTED")
        self.assertIn("stopDate", described)
        events = self.cli("get-execution-history", "--execution-arn",
                          started["executionArn"])["events"]
        self.assertEqual(events[-1]["type"], "ExecutionAborted")
        self.assertEqual(events[-1]["executionAbortedEventDetails"],
                         {"error": "MyError", "cause": "stopped by the test"})
        self.assertCliError("ExecutionDoesNotExist", "stop-execution", "--execution-arn",
                            started["executionArn"] + "-missing")

    def test_list_executions_status_filter_and_pagination(self):
        machine = create_state_machine(self.cli, PASS_DEFINITION, unique("list"))
        succeeded = [self.start(machine, unique("s"))["executionArn"] for _ in range(5)]
        for arn in succeeded:
            self.assertEqual(wait_for_execution(self.cli, arn)["status"], "SUCCEEDED")
        running = [self.start(self.blocking_arn, unique("r"))["executionArn"] for _ in range(2)]

        listed = self.cli("list-executions", "--state-machine-arn", machine)["executions"]
        self.assertEqual(sorted(e["executionArn"] for e in listed), sorted(succeeded))
        self.assertTrue(all(e["status"] == "SUCCEEDED" for e in listed))
        # Newest first, as AWS lists them.
        self.assertEqual([e["executionArn"] for e in listed], list(reversed(succeeded)))

        filtered = self.cli("list-executions", "--state-machine-arn", self.blocking_arn,
                            "--status-filter", "RUNNING")["executions"]
        self.assertTrue(set(running) <= {e["executionArn"] for e in filtered})
        self.assertEqual(self.cli("list-executions", "--state-machine-arn", machine,
                                  "--status-filter", "FAILED")["executions"], [])

        # --page-size makes the CLI follow the server's nextToken page by page.
        paged = self.cli("list-executions", "--state-machine-arn", machine,
                         "--page-size", "2")["executions"]
        self.assertEqual([e["executionArn"] for e in paged], [e["executionArn"] for e in listed])
        # --max-items stops early and hands back a token to resume from.
        first = self.cli("list-executions", "--state-machine-arn", machine, "--max-items", "2")
        self.assertEqual(len(first["executions"]), 2)
        self.assertIn("NextToken", first)
        rest = self.cli("list-executions", "--state-machine-arn", machine, "--max-items", "10",
                        "--starting-token", first["NextToken"])
        self.assertNotIn("NextToken", rest)
        together = [e["executionArn"] for e in first["executions"] + rest["executions"]]
        self.assertEqual(together, [e["executionArn"] for e in listed])
        for arn in running:
            self.cli("stop-execution", "--execution-arn", arn)

    def test_page_tokens_are_bound_to_their_list_and_do_not_shift(self):
        machine = create_state_machine(self.cli, PASS_DEFINITION, unique("tokens"))
        for _ in range(5):
            wait_for_execution(self.cli, self.start(machine, unique("e"))["executionArn"])
        first = raw_call(self.server.endpoint, "ListExecutions",
                         {"stateMachineArn": machine, "maxResults": 2})
        token = first["nextToken"]
        # Executions started between two pages neither repeat nor shift what follows.
        newer = self.start(machine, unique("newer"))["executionArn"]
        wait_for_execution(self.cli, newer)
        rest = raw_call(self.server.endpoint, "ListExecutions",
                        {"stateMachineArn": machine, "maxResults": 10, "nextToken": token})
        seen = [e["executionArn"] for e in first["executions"] + rest["executions"]]
        self.assertEqual(len(seen), 5, seen)
        self.assertEqual(len(set(seen)), 5)
        self.assertNotIn(newer, seen)
        # A token belongs to its operation and filters; an altered one is refused.
        for operation, payload in [
                ("ListExecutions", {"stateMachineArn": machine, "statusFilter": "FAILED",
                                    "nextToken": token}),
                ("ListExecutions", {"stateMachineArn": self.pass_arn, "nextToken": token}),
                ("ListStateMachines", {"nextToken": token}),
                ("ListExecutions", {"stateMachineArn": machine,
                                    "nextToken": token[:-1] + ("0" if token[-1] != "0" else "1")}),
                ("ListExecutions", {"stateMachineArn": machine, "nextToken": "sfn-local-page-2"})]:
            with self.subTest(operation=operation, payload=payload):
                status, parsed, _ = raw_request(self.server.endpoint,
                                                "AWSStepFunctions." + operation,
                                                json.dumps(payload))
                self.assertEqual((status, error_type(parsed)), (400, "InvalidToken"))

    def test_list_executions_of_a_missing_machine(self):
        self.assertCliError("StateMachineDoesNotExist", "list-executions", "--state-machine-arn",
                            self.pass_arn + "-missing")

    def test_describe_state_machine_for_execution_keeps_the_started_definition(self):
        machine = create_state_machine(self.cli, PASS_DEFINITION, unique("dsmfe"))
        started = self.start(machine, unique("e"))
        wait_for_execution(self.cli, started["executionArn"])
        self.cli("update-state-machine", "--state-machine-arn", machine, "--definition",
                 json.dumps({"StartAt": "S", "States": {"S": {"Type": "Succeed"}}}))
        described = self.cli("describe-state-machine-for-execution", "--execution-arn",
                             started["executionArn"])
        self.assertEqual(described["stateMachineArn"], machine)
        self.assertEqual(json.loads(described["definition"]), PASS_DEFINITION)
        self.assertIn("roleArn", described)
        self.assertIn("updateDate", described)
        self.assertCliError("ExecutionDoesNotExist", "describe-state-machine-for-execution",
                            "--execution-arn", started["executionArn"] + "-missing")


if __name__ == "__main__":
    unittest.main()
