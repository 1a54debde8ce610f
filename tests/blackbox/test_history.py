"""GetExecutionHistory: order, ids, --reverse-order, --no-include-execution-data, paging."""
import json
import unittest

from sfn_harness import ServerTestCase, create_state_machine, template, unique, wait_for_execution


class History(ServerTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        definition, data, _ = template("pass")
        machine = create_state_machine(cls.cli, definition, unique("hist"))
        cls.arn = cls.cli("start-execution", "--state-machine-arn", machine,
                          "--input", json.dumps(data))["executionArn"]
        cls.input = data
        wait_for_execution(cls.cli, cls.arn)

    def history(self, *args):
        return self.cli("get-execution-history", "--execution-arn", self.arn, *args)["events"]

    def test_forward_history(self):
        events = self.history()
        self.assertEqual([e["type"] for e in events], [
            "ExecutionStarted", "PassStateEntered", "PassStateExited", "PassStateEntered",
            "PassStateExited", "ExecutionSucceeded"])
        self.assertEqual([e["id"] for e in events], [1, 2, 3, 4, 5, 6])
        # AWS links the first state's entry to event 0, not to ExecutionStarted (see the
        # recorded histories in ../shared/conformance); after that each event follows the last.
        self.assertEqual(events[0]["previousEventId"], 0)
        self.assertEqual(events[1]["previousEventId"], 0)
        for previous, event in zip(events[1:], events[2:]):
            self.assertEqual(event["previousEventId"], previous["id"])
        for event in events:
            self.assertIn("timestamp", event)
        started = events[0]["executionStartedEventDetails"]
        self.assertEqual(json.loads(started["input"]), self.input)
        self.assertIn("roleArn", started)
        self.assertEqual(events[1]["stateEnteredEventDetails"]["name"], "Add Pricing")
        self.assertIn("output", events[-1]["executionSucceededEventDetails"])

    def test_reverse_order(self):
        forward = self.history()
        backward = self.history("--reverse-order")
        self.assertEqual(backward, list(reversed(forward)))
        self.assertEqual(backward[0]["type"], "ExecutionSucceeded")

    def test_without_execution_data(self):
        events = self.history("--no-include-execution-data")
        started = events[0]["executionStartedEventDetails"]
        self.assertNotIn("input", started)
        self.assertNotIn("output", events[-1]["executionSucceededEventDetails"])
        for event in events:
            for key, details in event.items():
                if key.endswith("EventDetails") and isinstance(details, dict):
                    self.assertNotIn("input", details, event)
                    self.assertNotIn("output", details, event)

    def test_pagination(self):
        forward = self.history()
        paged = self.history("--page-size", "2")
        self.assertEqual(paged, forward)
        first = self.cli("get-execution-history", "--execution-arn", self.arn, "--max-items", "4")
        self.assertEqual(first["events"], forward[:4])
        rest = self.cli("get-execution-history", "--execution-arn", self.arn,
                        "--starting-token", first["NextToken"])
        self.assertEqual(rest["events"], forward[4:])

    def test_missing_execution(self):
        self.assertCliError("ExecutionDoesNotExist", "get-execution-history", "--execution-arn",
                            self.arn + "-missing")


if __name__ == "__main__":
    unittest.main()
