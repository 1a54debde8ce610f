#!/usr/bin/env python3
"""An activity worker for sfn-local (or AWS Step Functions).

Long-polls GetActivityTask, heartbeats, does the "work" and answers SendTaskSuccess or
SendTaskFailure. It is the worker for templates/task-activity.asl.json:

  input  {"job": {"id": "j-1", "n": 21}, "attempt": 1}
  output {"value": 42, "worker": "<worker name>"}        (value = job.n * 2)

An input with "fail": true (at the top level or in "job") is answered with SendTaskFailure
(error "WorkerError"), so the Catch/Retry paths can be tried too.

Usage:
  SFN_ENDPOINT=http://localhost:8083 python3 worker.py --activity-arn ARN [--max-tasks N]
  python3 worker.py --activity-name my-activity      # creates (or reuses) the activity

Environment: SFN_ENDPOINT (default http://localhost:8083), AWS_DEFAULT_REGION (default
us-east-1), ACTIVITY_ARN (instead of --activity-arn). Credentials can be anything for sfn-local.
"""
import argparse
import json
import os
import socket
import sys

import boto3
from botocore.config import Config

DEFAULT_ENDPOINT = "http://localhost:8083"


def make_client(endpoint):
    os.environ.setdefault("AWS_ACCESS_KEY_ID", "local")
    os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "local")
    return boto3.client(
        "stepfunctions",
        endpoint_url=endpoint,
        region_name=os.environ.get("AWS_DEFAULT_REGION", "us-east-1"),
        # GetActivityTask holds the request for up to 60 seconds when no task is ready.
        config=Config(read_timeout=70, retries={"max_attempts": 2}, inject_host_prefix=False),
    )


def do_work(task_input):
    """The example's business logic: double job.n."""
    job = task_input.get("job", {}) if isinstance(task_input, dict) else {}
    if (isinstance(task_input, dict) and task_input.get("fail")) or job.get("fail"):
        raise RuntimeError("the job asked to fail")
    return {"value": job.get("n", 0) * 2}


def run(client, activity_arn, worker_name, max_tasks):
    handled = 0
    while max_tasks is None or handled < max_tasks:
        task = client.get_activity_task(activityArn=activity_arn, workerName=worker_name)
        token = task.get("taskToken")
        if not token:
            continue  # the long poll ended without a task; poll again
        task_input = json.loads(task.get("input") or "{}")
        client.send_task_heartbeat(taskToken=token)
        try:
            result = do_work(task_input)
        except Exception as error:  # report any failure of the work to the execution
            client.send_task_failure(taskToken=token, error="WorkerError", cause=str(error))
        else:
            result["worker"] = worker_name
            client.send_task_success(taskToken=token, output=json.dumps(result))
        handled += 1
    return handled


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--endpoint", default=os.environ.get("SFN_ENDPOINT", DEFAULT_ENDPOINT))
    parser.add_argument("--activity-arn", default=os.environ.get("ACTIVITY_ARN"))
    parser.add_argument("--activity-name", help="create (or reuse) an activity with this name")
    parser.add_argument("--worker-name", default=f"worker-{socket.gethostname()}-{os.getpid()}")
    parser.add_argument("--max-tasks", type=int, default=None, help="stop after N tasks")
    args = parser.parse_args(argv)

    client = make_client(args.endpoint)
    arn = args.activity_arn
    if not arn and args.activity_name:
        arn = client.create_activity(name=args.activity_name)["activityArn"]
    if not arn:
        parser.error("give --activity-arn, ACTIVITY_ARN or --activity-name")
    print(f"polling {arn} at {args.endpoint} as {args.worker_name}", file=sys.stderr)
    try:
        handled = run(client, arn, args.worker_name, args.max_tasks)
    except KeyboardInterrupt:
        return 0
    print(f"handled {handled} task(s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
