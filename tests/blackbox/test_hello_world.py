"""The Hello World template end to end, and every template against its expected result."""
import json
import unittest

from sfn_harness import (ServerTestCase, create_state_machine, template, unique,
                         wait_for_execution)

TEMPLATES = ["hello-world", "pass", "choice", "wait", "parallel", "succeed", "fail", "map"]


class HelloWorld(ServerTestCase):
    def test_end_to_end(self):
        definition, data, expected = template("hello-world")
        arn = create_state_machine(self.cli, definition, unique("hello"))
        started = self.cli("start-execution", "--state-machine-arn", arn,
                           "--name", unique("run"), "--input", json.dumps(data))
        self.assertIn("executionArn", started)
        self.assertIn("startDate", started)
        done = wait_for_execution(self.cli, started["executionArn"])
        self.assertEqual(done["status"], "SUCCEEDED")
        self.assertEqual(json.loads(done["output"]), expected["output"])
        self.assertEqual(json.loads(done["input"]), data)
        self.assertEqual(done["stateMachineArn"], arn)
        self.assertIn("stopDate", done)

        events = self.cli("get-execution-history", "--execution-arn",
                          started["executionArn"])["events"]
        types = [e["type"] for e in events]
        self.assertEqual(types[0], "ExecutionStarted")
        self.assertEqual(types[-1], "ExecutionSucceeded")
        self.assertEqual([e["id"] for e in events], list(range(1, len(events) + 1)))
        expected_counts = {
            "PassStateEntered": 4, "PassStateExited": 4, "ChoiceStateEntered": 1,
            "ChoiceStateExited": 1, "WaitStateEntered": 1, "WaitStateExited": 1,
            "ParallelStateEntered": 1, "ParallelStateStarted": 1, "ParallelStateSucceeded": 1,
            "ParallelStateExited": 1, "ExecutionStarted": 1, "ExecutionSucceeded": 1,
        }
        for event_type, count in expected_counts.items():
            self.assertEqual(types.count(event_type), count, f"{event_type} in {types}")
        self.assertEqual(len(types), sum(expected_counts.values()), types)
        # The top-level order outside the Parallel's branches is fixed.
        outer = [t for t in types if t not in ("PassStateEntered", "PassStateExited")]
        self.assertEqual(outer, [
            "ExecutionStarted", "ChoiceStateEntered", "ChoiceStateExited", "WaitStateEntered",
            "WaitStateExited", "ParallelStateEntered", "ParallelStateStarted",
            "ParallelStateSucceeded", "ParallelStateExited", "ExecutionSucceeded"])
        entered = [e["stateEnteredEventDetails"]["name"] for e in events
                   if "stateEnteredEventDetails" in e]
        self.assertEqual(entered[:4], ["Set Variables and State Output",
                                       "Is Hello World Example?", "Wait for 3 sec",
                                       "Parallel State"])
        self.assertEqual(sorted(entered[4:6]), ["Hello", "World"])
        self.assertEqual(entered[6], "Hello World")


class Templates(ServerTestCase):
    def test_every_template_gives_its_expected_result(self):
        for name in TEMPLATES:
            with self.subTest(template=name):
                definition, data, expected = template(name)
                arn = create_state_machine(self.cli, definition, unique(name))
                started = self.cli("start-execution", "--state-machine-arn", arn,
                                   "--input", json.dumps(data))
                done = wait_for_execution(self.cli, started["executionArn"])
                self.assertEqual(done["status"], expected["status"])
                if expected["status"] == "SUCCEEDED":
                    self.assertEqual(json.loads(done["output"]), expected["output"])
                else:
                    self.assertNotIn("output", done)
                    self.assertEqual(done.get("error"), expected["error"])
                    self.assertEqual(done.get("cause"), expected["cause"])


if __name__ == "__main__":
    unittest.main()
