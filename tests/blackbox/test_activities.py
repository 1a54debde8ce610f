"""Activities: create/describe/list/delete, a worker loop through the CLI, the example
worker (templates/activity-worker/worker.py), heartbeats, failures and token errors."""
import importlib.util
import json
import os
import subprocess
import sys
import threading
import time
import unittest

from sfn_harness import (CLI_ENV, GOLDENS, TEMPLATES, ServerTestCase, create_state_machine,
                         raw_call, template, unique, wait_for_execution)


def task_activity_definition(activity_arn):
    definition, _, _ = template("task-activity")
    placeholder = "arn:aws:states:us-east-1:123456789012:activity:${ActivityName}"
    return definition.replace(placeholder, activity_arn)


class Activities(ServerTestCase):
    def create_activity(self):
        name = unique("act")
        arn = self.cli("create-activity", "--name", name)["activityArn"]
        self.assertTrue(arn.endswith(":activity:" + name), arn)
        return name, arn

    def start(self, activity_arn, data):
        machine = create_state_machine(self.cli, task_activity_definition(activity_arn),
                                       unique("act-sm"))
        return self.cli("start-execution", "--state-machine-arn", machine,
                        "--input", json.dumps(data))["executionArn"]

    def poll(self, activity_arn):
        task = self.cli("get-activity-task", "--activity-arn", activity_arn,
                        "--worker-name", "blackbox")
        self.assertTrue(task.get("taskToken"), task)
        return task["taskToken"], json.loads(task["input"])

    def test_create_describe_list_delete(self):
        name, arn = self.create_activity()
        self.assertEqual(self.cli("create-activity", "--name", name)["activityArn"], arn)
        described = self.cli("describe-activity", "--activity-arn", arn)
        self.assertEqual(described["name"], name)
        self.assertIn("creationDate", described)
        listed = self.cli("list-activities")["activities"]
        self.assertIn(arn, [a["activityArn"] for a in listed])
        self.cli("delete-activity", "--activity-arn", arn)
        self.assertCliError("ActivityDoesNotExist", "describe-activity", "--activity-arn", arn)
        self.assertCliError("InvalidName", "create-activity", "--name", "bad name")
        self.assertCliError("InvalidArn", "describe-activity", "--activity-arn", "nope")

    def test_worker_loop_success_heartbeat_and_token_errors(self):
        _, activity = self.create_activity()
        _, data, expected = template("task-activity")
        with open(os.path.join(GOLDENS, "task-activity.worker.json")) as f:
            worker = json.load(f)
        execution = self.start(activity, data)
        token, task_input = self.poll(activity)
        self.assertEqual(task_input, worker["expectedTaskInput"])
        self.cli("send-task-heartbeat", "--task-token", token)
        self.cli("send-task-success", "--task-token", token, "--task-output",
                 json.dumps(worker["sendTaskSuccessOutput"]))
        done = wait_for_execution(self.cli, execution)
        self.assertEqual(done["status"], "SUCCEEDED")
        self.assertEqual(json.loads(done["output"]), expected["output"])
        types = [e["type"] for e in self.cli("get-execution-history", "--execution-arn",
                                             execution)["events"]]
        self.assertEqual(types, ["ExecutionStarted", "TaskStateEntered", "ActivityScheduled",
                                 "ActivityStarted", "ActivitySucceeded", "TaskStateExited",
                                 "ExecutionSucceeded"])
        # The task is closed: a second answer gets TaskTimedOut, as on AWS.
        self.assertCliError("TaskTimedOut", "send-task-success", "--task-token", token,
                            "--task-output", "{}")
        self.assertCliError("InvalidToken", "send-task-success", "--task-token",
                            "not-a-token", "--task-output", "{}")
        self.assertCliError("InvalidToken", "send-task-heartbeat", "--task-token", "garbage")

    def test_send_task_failure_fails_the_execution(self):
        _, activity = self.create_activity()
        execution = self.start(activity, {"job": {"id": "j-2", "n": 1}})
        token, _ = self.poll(activity)
        self.cli("send-task-failure", "--task-token", token, "--error", "WorkerError",
                 "--cause", "it broke")
        done = wait_for_execution(self.cli, execution)
        self.assertEqual(done["status"], "FAILED")
        self.assertEqual(done.get("error"), "WorkerError")
        self.assertEqual(done.get("cause"), "it broke")
        events = self.cli("get-execution-history", "--execution-arn", execution)["events"]
        failed = [e for e in events if e["type"] == "ActivityFailed"]
        self.assertEqual(failed[0]["activityFailedEventDetails"],
                         {"error": "WorkerError", "cause": "it broke"})

    def test_invalid_output_is_rejected(self):
        _, activity = self.create_activity()
        execution = self.start(activity, {"job": {"id": "j-3", "n": 2}})
        token, _ = self.poll(activity)
        self.assertCliError("InvalidOutput", "send-task-success", "--task-token", token,
                            "--task-output", "{not json")
        self.cli("send-task-success", "--task-token", token, "--task-output", '{"value": 4}')
        self.assertEqual(wait_for_execution(self.cli, execution)["status"], "SUCCEEDED")

    @unittest.skipUnless(importlib.util.find_spec("boto3"),
                         "the example worker needs boto3 (Debian: python3-boto3)")
    def test_example_worker(self):
        _, activity = self.create_activity()
        _, data, expected = template("task-activity")
        execution = self.start(activity, data)
        env = dict(os.environ)
        env.update(CLI_ENV)
        env["SFN_ENDPOINT"] = self.server.endpoint
        worker = os.path.join(TEMPLATES, "activity-worker", "worker.py")
        done = subprocess.run([sys.executable, worker, "--activity-arn", activity,
                               "--max-tasks", "1"], env=env, capture_output=True, text=True,
                              timeout=90)
        self.assertEqual(done.returncode, 0, done.stderr)
        result = wait_for_execution(self.cli, execution)
        self.assertEqual(result["status"], "SUCCEEDED")
        self.assertEqual(json.loads(result["output"]), expected["output"])

    def timed_activity(self, activity_arn, **timeouts):
        definition = {"StartAt": "Work", "States": {"Work": dict(
            Type="Task", Resource=activity_arn, End=True, **timeouts)}}
        machine = create_state_machine(self.cli, definition, unique("act-timeout"))
        return self.cli("start-execution", "--state-machine-arn", machine)["executionArn"]

    def history_types(self, execution):
        events = self.cli("get-execution-history", "--execution-arn", execution)["events"]
        return [e["type"] for e in events], events

    def test_timeout_seconds_without_a_worker_is_activity_timed_out(self):
        _, activity = self.create_activity()
        execution = self.timed_activity(activity, TimeoutSeconds=1)
        done = wait_for_execution(self.cli, execution, timeout=20)
        self.assertEqual((done["status"], done["error"]), ("FAILED", "States.Timeout"))
        types, events = self.history_types(execution)
        self.assertEqual(types, ["ExecutionStarted", "TaskStateEntered", "ActivityScheduled",
                                 "ActivityTimedOut", "ExecutionFailed"])
        self.assertEqual(events[2]["activityScheduledEventDetails"]["timeoutInSeconds"], 1)
        self.assertEqual(events[3]["activityTimedOutEventDetails"]["error"], "States.Timeout")

    def test_a_worker_that_stops_heartbeating_times_the_task_out(self):
        _, activity = self.create_activity()
        # The worker is already polling when the task is scheduled, so it starts at once.
        polled = {}
        poller = threading.Thread(target=lambda: polled.update(raw_call(
            self.server.endpoint, "GetActivityTask", {"activityArn": activity})))
        poller.start()
        time.sleep(0.3)
        execution = self.timed_activity(activity, TimeoutSeconds=60, HeartbeatSeconds=1)
        poller.join(timeout=30)
        token = polled.get("taskToken")
        self.assertTrue(token, polled)
        done = wait_for_execution(self.cli, execution, timeout=20)
        self.assertEqual((done["status"], done["error"]), ("FAILED", "States.HeartbeatTimeout"))
        types, events = self.history_types(execution)
        self.assertEqual(types, ["ExecutionStarted", "TaskStateEntered", "ActivityScheduled",
                                 "ActivityStarted", "ActivityTimedOut", "ExecutionFailed"])
        self.assertEqual(events[4]["activityTimedOutEventDetails"]["error"],
                         "States.HeartbeatTimeout")
        # The worker's late answer finds the task gone.
        self.assertCliError("TaskTimedOut", "send-task-success", "--task-token", token,
                            "--task-output", "{}")

    def test_get_activity_task_of_a_missing_activity(self):
        _, arn = self.create_activity()
        self.assertCliError("ActivityDoesNotExist", "get-activity-task", "--activity-arn",
                            arn + "-missing")


if __name__ == "__main__":
    unittest.main()
