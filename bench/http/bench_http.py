#!/usr/bin/env python3
"""End-to-end HTTP benchmark of a built sfn-local with wrk (Debian package `wrk`).

    python3 bench/http/bench_http.py build/release/sfn-local [--seconds 10] [--connections 8]

Starts the binary on a fresh database in a temp dir, creates a 3-state Pass chain (STANDARD:
every execution durable), then measures with wrk:
  - StartExecution: acknowledged executions per second (each answered only after its row is
    committed) and latency, then the time until every started execution has finished;
  - DescribeStateMachine: reads per second.
Prints one line per figure.
"""
import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
CHAIN = {"StartAt": "A", "States": {
    "A": {"Type": "Pass", "Result": 1, "ResultPath": "$.a", "Next": "B"},
    "B": {"Type": "Pass", "Result": 2, "ResultPath": "$.b", "Next": "C"},
    "C": {"Type": "Pass", "Result": 3, "ResultPath": "$.c", "End": True}}}


def call(endpoint, operation, payload):
    request = urllib.request.Request(
        endpoint + "/", data=json.dumps(payload).encode(), method="POST",
        headers={"Content-Type": "application/x-amz-json-1.0",
                 "X-Amz-Target": "AWSStepFunctions." + operation})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read() or b"{}")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wrk(script, endpoint, arn, seconds, connections):
    env = dict(os.environ, SFN_ARN=arn)
    out = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency",
                          "-s", os.path.join(HERE, script), endpoint + "/"],
                         env=env, capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = re.search(r"50%\s+(\S+)", out).group(1)
    p99 = re.search(r"99%\s+(\S+)", out).group(1)
    total = int(re.search(r"(\d+) requests in", out).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rate, p50, p99, total, int(bad.group(1)) if bad else 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=8)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed (apt-get install wrk)")
    tmp = tempfile.mkdtemp(prefix="sfn-bench-")
    port = free_port()
    endpoint = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([args.binary, "--port", str(port), "--db",
                               os.path.join(tmp, "bench.db"), "--log-level", "warn"])
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.05)
        arn = call(endpoint, "CreateStateMachine", {
            "name": "chain", "definition": json.dumps(CHAIN),
            "roleArn": "arn:aws:iam::123456789012:role/bench"})["stateMachineArn"]
        began = time.monotonic()
        rate, p50, p99, total, bad = wrk("start_execution.lua", endpoint, arn, args.seconds,
                                         args.connections)
        while call(endpoint, "ListExecutions", {"stateMachineArn": arn,
                                                 "statusFilter": "RUNNING",
                                                 "maxResults": 1}).get("executions"):
            time.sleep(0.05)
        drained = time.monotonic() - began
        print(f"StartExecution (3-state chain, STANDARD, durable): {rate:,.0f} executions/s "
              f"acknowledged, p50 {p50}, p99 {p99}, {total:,} started, {bad} non-200; all "
              f"finished {drained:.1f} s after the start ({total / drained:,.0f} executions/s "
              f"end to end)")
        rate, p50, p99, total, bad = wrk("describe_state_machine.lua", endpoint, arn,
                                         args.seconds, args.connections)
        print(f"DescribeStateMachine: {rate:,.0f} requests/s, p50 {p50}, p99 {p99}, {bad} non-200")
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
