"""Durability: 100 executions sit in a Wait, the server is killed with SIGKILL and restarted on
the same --db; every execution finishes SUCCEEDED exactly once, without duplicated events."""
import collections
import json
import time
import unittest

from sfn_harness import Server, raw_call, ROLE_ARN, unique

COUNT = 100
WAIT_SECONDS = 10  # long enough to start 100 executions and kill before any finishes
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
        for i in range(COUNT):
            started = self.call("StartExecution", stateMachineArn=machine,
                                name=f"run-{i:03d}", input=json.dumps({"i": i}))
            arns[started["executionArn"]] = i
        running = self.list_all(machine)
        self.assertEqual(len(running), COUNT)
        self.assertTrue(all(e["status"] == "RUNNING" for e in running),
                        "the Wait should still hold every execution")

        self.server.kill9()
        self.server.start()

        deadline = time.monotonic() + 60
        while True:
            listed = self.list_all(machine)
            statuses = collections.Counter(e["status"] for e in listed)
            if statuses.get("RUNNING", 0) == 0 or time.monotonic() > deadline:
                break
            time.sleep(0.5)

        self.assertEqual(len(listed), COUNT, "no execution lost or duplicated")
        self.assertEqual({e["executionArn"] for e in listed}, set(arns))
        self.assertEqual(statuses, collections.Counter({"SUCCEEDED": COUNT}), self.server.log())

        for arn, i in arns.items():
            described = self.call("DescribeExecution", executionArn=arn)
            self.assertEqual(json.loads(described["output"]), {"i": i, "result": "done"})
            events = self.call("GetExecutionHistory", executionArn=arn,
                               maxResults=1000)["events"]
            types = [e["type"] for e in events]
            self.assertEqual([e["id"] for e in events], list(range(1, len(events) + 1)), arn)
            self.assertEqual(types, [
                "ExecutionStarted", "WaitStateEntered", "WaitStateExited", "PassStateEntered",
                "PassStateExited", "ExecutionSucceeded"], arn)


if __name__ == "__main__":
    unittest.main()
