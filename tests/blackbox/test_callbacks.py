"""Callbacks (.waitForTaskToken) through a local Lambda handler: the handler gets $$.Task.Token
in its payload and the execution takes SendTaskSuccess/SendTaskFailure as the task's result; a
task waiting for its callback survives kill -9 without its call being made again."""
import json
import os
import shutil
import sys
import tempfile
import time
import unittest

from sfn_harness import (CliError, Server, ServerTestCase, create_state_machine, unique,
                         wait_for_execution)

# Answers the callback itself (before it exits), with the endpoint the test put in the event.
APPROVER = r'''
import json, sys, urllib.request
event = json.load(sys.stdin)
body = {"taskToken": event["token"]}
if event.get("approve"):
    op, body["output"] = "SendTaskSuccess", json.dumps({"approved": True, "order": event["order"]})
else:
    op, body["error"], body["cause"] = "SendTaskFailure", "Rejected", "order too large"
request = urllib.request.Request(event["endpoint"] + "/", data=json.dumps(body).encode(),
    headers={"Content-Type": "application/x-amz-json-1.0", "X-Amz-Target": "AWSStepFunctions." + op})
urllib.request.urlopen(request).read()
print(json.dumps({"queued": event["order"]}))
'''

# Records the token it was given and answers nothing.
RECORDER = r'''
import json, sys
event = json.load(sys.stdin)
with open(sys.argv[1], "a") as f:
    f.write(event["token"] + "\n")
print("{}")
'''


def callback_definition(function):
    return {"StartAt": "Ask", "States": {"Ask": {
        "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
        "Parameters": {"FunctionName": function, "Payload": {
            "token.$": "$$.Task.Token", "endpoint.$": "$.endpoint", "order.$": "$.order",
            "approve.$": "$.approve"}},
        "TimeoutSeconds": 60, "End": True}}}


class Callbacks(ServerTestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="sfn-callbacks-")
        path = os.path.join(cls.dir, "approve.py")
        with open(path, "w") as f:
            f.write(APPROVER)
        cls.extra_args = ("--lambda", f"approve={sys.executable} {path}")
        super().setUpClass()
        cls.arn = create_state_machine(cls.cli, callback_definition("approve"), unique("callback"))

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        shutil.rmtree(cls.dir, ignore_errors=True)

    def run_order(self, approve):
        data = {"endpoint": self.server.endpoint, "order": 7, "approve": approve}
        started = self.cli("start-execution", "--state-machine-arn", self.arn,
                           "--input", json.dumps(data))
        done = wait_for_execution(self.cli, started["executionArn"])
        events = self.cli("get-execution-history", "--execution-arn",
                          started["executionArn"])["events"]
        return done, events

    def test_send_task_success_is_the_result(self):
        done, events = self.run_order(True)
        self.assertEqual(done["status"], "SUCCEEDED", done)
        self.assertEqual(json.loads(done["output"]), {"approved": True, "order": 7})
        self.assertEqual([e["type"] for e in events], [
            "ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted",
            "TaskSubmitted", "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded"])
        submitted = json.loads(events[4]["taskSubmittedEventDetails"]["output"])
        self.assertEqual(submitted["Payload"], {"queued": 7})

    def test_send_task_failure_fails_the_task(self):
        done, events = self.run_order(False)
        self.assertEqual((done["status"], done["error"], done["cause"]),
                         ("FAILED", "Rejected", "order too large"))
        self.assertIn("TaskFailed", [e["type"] for e in events])


class CallbackSurvivesRestart(unittest.TestCase):
    def test_a_waiting_task_takes_its_callback_after_kill9_without_a_second_call(self):
        tmp = tempfile.mkdtemp(prefix="sfn-callbacks-")
        script, tokens = os.path.join(tmp, "record.py"), os.path.join(tmp, "tokens.txt")
        with open(script, "w") as f:
            f.write(RECORDER)
        server = Server("1", ("--lambda", f"record={sys.executable} {script} {tokens}")).start()
        try:
            cli = server.cli()
            arn = create_state_machine(cli, callback_definition("record"), unique("cb-restart"))
            started = cli("start-execution", "--state-machine-arn", arn, "--input",
                          json.dumps({"endpoint": "-", "order": 1, "approve": True}))
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline:
                events = cli("get-execution-history", "--execution-arn",
                             started["executionArn"])["events"]
                if "TaskSubmitted" in [e["type"] for e in events]:
                    break
                time.sleep(0.1)
            cli.close()
            server.kill9()
            server.start()
            cli = server.cli()
            with open(tokens) as f:
                token = f.read().split()[0]
            cli("send-task-success", "--task-token", token, "--task-output", '{"late": true}')
            done = wait_for_execution(cli, started["executionArn"], timeout=30)
            self.assertEqual(done["status"], "SUCCEEDED", done)
            self.assertEqual(json.loads(done["output"]), {"late": True})
            with open(tokens) as f:
                self.assertEqual(len(f.read().split()), 1, "the handler ran again after restart")
            # The task is closed: a second answer gets TaskTimedOut, as on AWS.
            with self.assertRaises(CliError) as e:
                cli("send-task-success", "--task-token", token, "--task-output", "{}")
            self.assertEqual(e.exception.code, "TaskTimedOut")
            cli.close()
        finally:
            server.remove()
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    unittest.main()
