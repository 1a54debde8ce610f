#!/usr/bin/env python3
"""Write (or check) the golden execution history of a template: tests/templates/<name>.history.json.

Runs templates/<name>.asl.json with templates/<name>.input.json against a running Step Functions
endpoint (sfn-local, or AWS itself) over HTTP with boto3, checks the result against
tests/templates/<name>.expected.json, and writes GetExecutionHistory's events with the placeholders that the
recorded AWS cases use (tests/conformance/aws-recorded/README.md), so that the conformance runner
(suite `templates`) compares them the same way:

  * event `timestamp` -> "timestamp"; ISO-8601 timestamps inside strings -> "date";
  * the state machine / execution ARNs and names -> "arn:<partition>:states:<region>:111111111111:
    stateMachine:<ArnPart_0idx>", "...:execution:<ArnPart_0idx>:<ExecArnPart_0idx>";
    Map Run ARNs -> "...:mapRun:<ArnPart_0idx>/<MapRunArnPart0_0idx>:<MapRunArnPart1_0idx>";
  * the role ARN -> "snf_role_arn"; UUIDs -> "<uuid:N>"; task tokens -> "<task_token:N>";
  * JSON text that starts with `{` is stored parsed (as the recorded snapshots do); keys sorted.

A golden is a claim about AWS: review every event against AWS's documentation and the recorded
cases of the same shape before committing it (tests/templates/README.md).

usage: scripts/golden-history.py [--endpoint URL] [--check] [--stdout] NAME... | --all
       (--all: every template that already has a golden)
"""
import argparse
import json
import os
import re
import sys
import time
import uuid

import boto3

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TEMPLATES = os.path.join(REPO, "templates")  # <name>.asl.json, <name>.input.json
GOLDENS = os.path.join(REPO, "tests", "templates")  # <name>.expected.json, <name>.history.json
ROLE_ARN = "arn:aws:iam::123456789012:role/sfn-local-golden"
TERMINAL = {"SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED"}
# Templates that need something besides Step Functions (an activity worker): no golden.
NEEDS_WORKER = {"task-activity"}

UUID_RE = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?")
MAP_RUN_RE = re.compile(r"arn:[a-z-]+:states:[a-z0-9-]+:\d{12}:mapRun:[^/\s\"]+/[^:\s\"]+:[^\s\"]+")


def load(name, suffix):
    folder = TEMPLATES if suffix in ("asl", "input") else GOLDENS
    with open(os.path.join(folder, f"{name}.{suffix}.json"), encoding="utf-8") as f:
        return json.load(f)


def run(client, name, timeout):
    definition = load(name, "asl")
    data = load(name, "input")
    sm_name = f"golden-{name}-{uuid.uuid4().hex[:8]}"
    sm_arn = client.create_state_machine(name=sm_name, definition=json.dumps(definition),
                                         roleArn=ROLE_ARN)["stateMachineArn"]
    try:
        exec_arn = client.start_execution(stateMachineArn=sm_arn, input=json.dumps(data))["executionArn"]
        deadline = time.time() + timeout
        while True:
            desc = client.describe_execution(executionArn=exec_arn)
            if desc["status"] in TERMINAL:
                break
            if time.time() > deadline:
                raise SystemExit(f"{name}: still {desc['status']} after {timeout}s")
            time.sleep(0.2)
        events, token = [], None
        while True:
            kwargs = {"executionArn": exec_arn, "maxResults": 1000}
            if token:
                kwargs["nextToken"] = token
            page = client.get_execution_history(**kwargs)
            events += page["events"]
            token = page.get("nextToken")
            if not token:
                break
    finally:
        client.delete_state_machine(stateMachineArn=sm_arn)
    return desc, events, {"sm_arn": sm_arn, "sm_name": sm_name, "exec_arn": exec_arn,
                          "exec_name": exec_arn.rsplit(":", 1)[1], "role_arn": ROLE_ARN}


class Placeholders:
    def __init__(self, ids):
        self.ids = ids
        self.uuids = {}
        self.tokens = {}

    def text(self, s):
        ids = self.ids
        if s == ids["role_arn"]:
            return "snf_role_arn"
        s = MAP_RUN_RE.sub("arn:<partition>:states:<region>:111111111111:mapRun:<ArnPart_0idx>/"
                           "<MapRunArnPart0_0idx>:<MapRunArnPart1_0idx>", s)
        s = s.replace(ids["exec_arn"], "arn:<partition>:states:<region>:111111111111:execution:"
                      "<ArnPart_0idx>:<ExecArnPart_0idx>")
        s = s.replace(ids["sm_arn"], "arn:<partition>:states:<region>:111111111111:stateMachine:"
                      "<ArnPart_0idx>")
        s = s.replace(ids["role_arn"], "snf_role_arn")
        s = s.replace(ids["exec_name"], "<ExecArnPart_0idx>").replace(ids["sm_name"], "<ArnPart_0idx>")
        s = UUID_RE.sub(lambda m: self.uuids.setdefault(m.group(0).lower(), f"<uuid:{len(self.uuids) + 1}>"), s)
        return DATE_RE.sub("date", s)

    def value(self, v, key=None):
        if isinstance(v, dict):
            return {k: self.value(x, k) for k, x in v.items()}
        if isinstance(v, list):
            return [self.value(x) for x in v]
        if isinstance(v, str):
            if key in ("TaskToken", "taskToken", "Token"):
                return self.tokens.setdefault(v, f"<task_token:{len(self.tokens) + 1}>")
            if v.startswith("{"):
                try:
                    parsed = json.loads(v)
                    if isinstance(parsed, dict):
                        return self.value(parsed)
                except ValueError:
                    pass
            return self.text(v)
        return v


def golden(events, ids):
    p = Placeholders(ids)
    out = []
    for e in events:
        e = dict(e)
        e["timestamp"] = "timestamp"
        out.append({k: (v if k in ("id", "previousEventId", "type", "timestamp") else p.value(v))
                    for k, v in e.items()})
    return out


def dump(events):
    """One event per line (keys sorted), so that a golden reads and diffs event by event."""
    lines = [json.dumps(e, sort_keys=True, ensure_ascii=False) for e in events]
    return "[\n" + ",\n".join(lines) + "\n]\n"


def result_problems(name, desc, expected):
    problems = []
    if desc["status"] != expected["status"]:
        problems.append(f"status {desc['status']} (expected {expected['status']})")
    elif desc["status"] == "SUCCEEDED":
        if json.loads(desc.get("output", "null")) != expected.get("output"):
            problems.append(f"output {desc.get('output')} (expected {json.dumps(expected.get('output'))})")
    else:
        for field in ("error", "cause"):
            if desc.get(field) != expected.get(field):
                problems.append(f"{field} {desc.get(field)!r} (expected {expected.get(field)!r})")
    return [f"{name}: {p}" for p in problems]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("names", nargs="*", help="template names (templates/<name>.asl.json)")
    ap.add_argument("--all", action="store_true", help="every template that has a golden already")
    ap.add_argument("--endpoint", default=os.environ.get("SFN_ENDPOINT", "http://127.0.0.1:8083"))
    ap.add_argument("--check", action="store_true", help="compare with the stored golden, write nothing")
    ap.add_argument("--stdout", action="store_true", help="print the golden instead of writing it")
    ap.add_argument("--timeout", type=float, default=60)
    args = ap.parse_args()
    names = args.names
    if args.all:
        names = sorted(f[:-len(".history.json")] for f in os.listdir(GOLDENS) if f.endswith(".history.json"))
    if not names:
        ap.error("name a template or give --all")
    for name in names:
        if name in NEEDS_WORKER:
            ap.error(f"{name} needs an activity worker; it has no golden")
    client = boto3.client("stepfunctions", endpoint_url=args.endpoint, region_name="us-east-1",
                          aws_access_key_id="x", aws_secret_access_key="x")
    failed = False
    for name in names:
        desc, events, ids = run(client, name, args.timeout)
        result = {k: desc[k] for k in ("status", "error", "cause") if k in desc}
        if "output" in desc:
            result["output"] = json.loads(desc["output"])
        if not os.path.exists(os.path.join(GOLDENS, f"{name}.expected.json")):
            problems = [f"{name}: no {name}.expected.json; the execution gave {json.dumps(result)}"]
        else:
            problems = result_problems(name, desc, load(name, "expected"))
        for p in problems:
            print(p, file=sys.stderr)
        text = dump(golden(events, ids))
        path = os.path.join(GOLDENS, f"{name}.history.json")
        if args.stdout:
            sys.stdout.write(text)
        elif args.check:
            old = open(path, encoding="utf-8").read() if os.path.exists(path) else None
            if old != text:
                problems.append(f"{name}: history differs from {os.path.relpath(path, REPO)}")
                print(problems[-1], file=sys.stderr)
        elif problems:
            print(f"{name}: result differs from {name}.expected.json; golden not written", file=sys.stderr)
        else:
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            print(f"{name}: {len(events)} events -> {os.path.relpath(path, REPO)}")
        failed = failed or bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
