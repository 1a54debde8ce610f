"""Durability: 100 executions sit in a Wait, the server is killed with SIGKILL and restarted on
the same --db; every execution finishes SUCCEEDED exactly once, without duplicated events."""
import collections
import json
import sys
import time
import unittest

from sfn_harness import Server, raw_call, ROLE_ARN, unique

COUNT = 100
WAIT_SECONDS = 10  # long enough to start 100 executions and kill before any finishes
KILL_AFTER = 3    # seconds between the last start and the SIGKILL
DEFINITION = {
    "StartAt": "Wait",
    "States": {
        "Wait": {"Type": "Wait", "Seconds": WAIT_SECONDS, "Next": "Done"},
        "Done": {"Type": "Pass", "Result": "done", "ResultPath": "$.result", "End": True},
    },
}


class KillAndResume(unittest.TestCase):
    def setUp(self):
        self.server = Server(wait_time_scale="1").start()

    def tearDown(self):
        self.server.remove()

    def call(self, operation, **payload):
        return raw_call(self.server.endpoint, operation, payload)

    def list_all(self, machine):
        executions, token = [], None
        while True:
            payload = {"stateMachineArn": machine, "maxResults": 100}
            if token:
                payload["nextToken"] = token
            page = self.call("ListExecutions", **payload)
            executions += page["executions"]
            token = page.get("nextToken")
            if not token:
                return executions

    def test_kill9_restart_resume(self):
        machine = self.call("CreateStateMachine", name=unique("durable"),
                            definition=json.dumps(DEFINITION), roleArn=ROLE_ARN)["stateMachineArn"]
        arns = {}
        began = time.monotonic()
        for i in range(COUNT):
            started = self.call("StartExecution", stateMachineArn=machine,
                                name=f"run-{i:03d}", input=json.dumps({"i": i}))
            arns[started["executionArn"]] = i
        start_seconds = time.monotonic() - began
        running = self.list_all(machine)
        self.assertEqual(len(running), COUNT)
        self.assertTrue(all(e["status"] == "RUNNING" for e in running),
                        "the Wait should still hold every execution")
        # Kill KILL_AFTER s after the last start: a Wait that restarted from scratch instead of
        # keeping its deadline would end at least that much late.
        time.sleep(max(0.0, KILL_AFTER - (time.monotonic() - began - start_seconds)))
        self.assertLess(time.monotonic() - began, WAIT_SECONDS - 1, "too slow to kill in time")

        self.server.kill9()
        killed = time.monotonic()
        self.server.start()
        accepting = time.monotonic()

        deadline = accepting + 60
        while True:
            listed = self.list_all(machine)
            statuses = collections.Counter(e["status"] for e in listed)
            if statuses.get("RUNNING", 0) == 0 or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        all_done = time.monotonic()

        self.assertEqual(len(listed), COUNT, "no execution lost or duplicated")
        self.assertEqual({e["executionArn"] for e in listed}, set(arns))
        self.assertEqual(statuses, collections.Counter({"SUCCEEDED": COUNT}), self.server.log())

        durations = []
        for arn, i in arns.items():
            described = self.call("DescribeExecution", executionArn=arn)
            self.assertEqual(json.loads(described["output"]), {"i": i, "result": "done"})
            durations.append(described["stopDate"] - described["startDate"])
            events = self.call("GetExecutionHistory", executionArn=arn,
                               maxResults=1000)["events"]
            types = [e["type"] for e in events]
            self.assertEqual([e["id"] for e in events], list(range(1, len(events) + 1)), arn)
            self.assertEqual(types, [
                "ExecutionStarted", "WaitStateEntered", "WaitStateExited", "PassStateEntered",
                "PassStateExited", "ExecutionSucceeded"], arn)
        # The Wait kept its original deadline across the restart.
        self.assertGreaterEqual(min(durations), WAIT_SECONDS - 0.05)
        self.assertLess(max(durations), WAIT_SECONDS + KILL_AFTER, "a Wait started over")
        sys.stderr.write(
            f"\nrestart: {COUNT} executions started in {start_seconds:.2f} s; SIGKILL "
            f"{killed - began:.2f} s after the first start; restarted and accepting in "
            f"{accepting - killed:.2f} s; all SUCCEEDED {all_done - accepting:.2f} s after the "
            f"restart; execution durations {min(durations):.2f}-{max(durations):.2f} s "
            f"(Wait {WAIT_SECONDS} s)\n")


if __name__ == "__main__":
    unittest.main()
