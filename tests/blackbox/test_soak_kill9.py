"""Soak: mixed API load with kill -9 cycles (loopback, bounded). Nothing that was acknowledged
(HTTP 200) is lost, and no execution runs twice: after CYCLES kills and restarts every
acknowledged state machine exists and every acknowledged execution ends SUCCEEDED with one
well-formed history (ids 1..n, one ExecutionStarted, one ExecutionSucceeded, the states in
order)."""
import json
import os
import random
import sys
import threading
import time
import unittest

from sfn_harness import Server, raw_request, ROLE_ARN

CYCLES = int(os.environ.get("SFN_SOAK_CYCLES", "20"))
CLIENTS = 4
CHAIN = {"StartAt": "A", "States": {
    "A": {"Type": "Pass", "Result": 1, "ResultPath": "$.a", "Next": "B"},
    "B": {"Type": "Pass", "Result": 2, "ResultPath": "$.b", "Next": "C"},
    "C": {"Type": "Pass", "Result": 3, "ResultPath": "$.c", "End": True}}}
WAITING = {"StartAt": "W", "States": {
    "W": {"Type": "Wait", "Seconds": 1, "Next": "P"},
    "P": {"Type": "Pass", "Result": "done", "ResultPath": "$.w", "End": True}}}
EXPECTED_TYPES = {
    "chain": ["ExecutionStarted"] + ["PassStateEntered", "PassStateExited"] * 3
             + ["ExecutionSucceeded"],
    "waiting": ["ExecutionStarted", "WaitStateEntered", "WaitStateExited", "PassStateEntered",
                "PassStateExited", "ExecutionSucceeded"],
}


class SoakKill9(unittest.TestCase):
    def setUp(self):
        self.server = Server(wait_time_scale="1").start()
        self.lock = threading.Lock()
        self.machines = {}     # arn -> kind, acknowledged
        self.executions = {}   # arn -> (kind, i), acknowledged
        self.counter = 0

    def tearDown(self):
        self.server.remove()

    def request(self, operation, payload):
        try:
            return raw_request(self.server.endpoint, "AWSStepFunctions." + operation,
                               json.dumps(payload), timeout=10)
        except OSError:
            return None, None, ""  # the server was killed: not acknowledged

    def create_machine(self, kind):
        definition = CHAIN if kind == "chain" else WAITING
        with self.lock:
            self.counter += 1
            name = f"{kind}-{self.counter}"
        status, body, _ = self.request("CreateStateMachine", {
            "name": name, "definition": json.dumps(definition), "roleArn": ROLE_ARN})
        if status == 200:
            with self.lock:
                self.machines[body["stateMachineArn"]] = kind

    def client(self, stop):
        rng = random.Random()
        while not stop.is_set():
            with self.lock:
                machines = list(self.machines.items())
                self.counter += 1
                i = self.counter
            if not machines or rng.random() < 0.05:
                self.create_machine(rng.choice(["chain", "waiting"]))
                continue
            arn, kind = rng.choice(machines)
            status, body, _ = self.request("StartExecution", {
                "stateMachineArn": arn, "name": f"x-{i}", "input": json.dumps({"i": i})})
            if status == 200:
                with self.lock:
                    self.executions[body["executionArn"]] = (kind, i)
            elif status is None:
                time.sleep(0.05)

    def test_nothing_acknowledged_is_lost_and_nothing_runs_twice(self):
        rng = random.Random(9)
        began = time.monotonic()
        for _ in range(CYCLES):
            stop = threading.Event()
            threads = [threading.Thread(target=self.client, args=(stop,)) for _ in range(CLIENTS)]
            for t in threads:
                t.start()
            time.sleep(rng.uniform(0.3, 1.2))
            self.server.kill9()
            stop.set()
            for t in threads:
                t.join()
            self.server.start()
        load_seconds = time.monotonic() - began

        for arn in self.machines:
            status, body, text = self.request("DescribeStateMachine", {"stateMachineArn": arn})
            self.assertEqual(status, 200, f"acknowledged state machine lost: {arn}: {text}")
        deadline = time.monotonic() + 120
        for arn, (kind, i) in self.executions.items():
            while True:
                status, described, text = self.request("DescribeExecution", {"executionArn": arn})
                self.assertEqual(status, 200, f"acknowledged execution lost: {arn}: {text}")
                if described["status"] != "RUNNING" or time.monotonic() > deadline:
                    break
                time.sleep(0.1)
            self.assertEqual(described["status"], "SUCCEEDED", (arn, described))
            output = json.loads(described["output"])
            self.assertEqual(output["i"], i)
            status, history, text = self.request("GetExecutionHistory",
                                                 {"executionArn": arn, "maxResults": 1000})
            self.assertEqual(status, 200, text)
            events = history["events"]
            self.assertEqual([e["id"] for e in events], list(range(1, len(events) + 1)), arn)
            self.assertEqual([e["type"] for e in events], EXPECTED_TYPES[kind], arn)
        sys.stderr.write(
            f"\nsoak: {CYCLES} kill -9 cycles in {load_seconds:.1f} s; "
            f"{len(self.machines)} state machines and {len(self.executions)} executions "
            f"acknowledged, all present, every execution SUCCEEDED once\n")
        self.assertGreater(len(self.executions), CYCLES)


if __name__ == "__main__":
    unittest.main()
