#!/usr/bin/env python3
"""Restart time and memory with a large history (issue 9: 51,085 finished executions cost 618 MB
RSS, a 3 s restart and 211 ms per ListExecutions page).

    python3 bench/http/restart_with_history.py build/release/sfn-local [--executions 100000]

Runs 100 executions of a 3-state Pass chain through the API, stops the server, copies their rows
and events in SQL until the database holds --executions finished executions, then starts the
server again and reports: time until it answers, RSS, and the latency of ListExecutions (first
page), DescribeExecution and GetExecutionHistory of an old execution.
"""
import argparse
import json
import os
import shutil
import socket
import sqlite3
import subprocess
import tempfile
import time
import urllib.request

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


def start(binary, db, port):
    began = time.monotonic()
    proc = subprocess.Popen([binary, "--port", str(port), "--db", db, "--log-level", "warn"])
    endpoint = f"http://127.0.0.1:{port}"
    while True:
        try:
            call(endpoint, "ListActivities", {})
            return proc, endpoint, time.monotonic() - began
        except OSError:
            time.sleep(0.01)


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def timed(fn):
    began = time.monotonic()
    fn()
    return (time.monotonic() - began) * 1000


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--executions", type=int, default=100_000)
    args = parser.parse_args()
    tmp = tempfile.mkdtemp(prefix="sfn-restart-")
    db = os.path.join(tmp, "history.db")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    try:
        proc, endpoint, _ = start(args.binary, db, port)
        arn = call(endpoint, "CreateStateMachine", {
            "name": "chain", "definition": json.dumps(CHAIN),
            "roleArn": "arn:aws:iam::123456789012:role/bench"})["stateMachineArn"]
        for i in range(100):
            call(endpoint, "StartExecution", {"stateMachineArn": arn, "name": f"seed-{i}"})
        while call(endpoint, "ListExecutions", {"stateMachineArn": arn,
                                                 "statusFilter": "RUNNING"})["executions"]:
            time.sleep(0.05)
        proc.terminate()
        proc.wait(timeout=30)

        con = sqlite3.connect(db)
        copies = (args.executions - 100) // 100 + 1
        for c in range(copies):
            con.execute("INSERT INTO executions SELECT arn || '-c' || ?1, state_machine_arn,"
                        " name || '-c' || ?1, status, input, output, error, cause,"
                        " start_date - ?1, stop_date - ?1, definition, state_machine_type,"
                        " role_arn, checkpoint, resume_strikes, mock_test_case FROM executions"
                        " WHERE name LIKE 'seed-%' AND name NOT LIKE '%-c%'", (c,))
            con.execute("INSERT INTO events SELECT execution_arn || '-c' || ?1, id, json"
                        " FROM events WHERE execution_arn NOT LIKE '%-c%'", (c,))
        con.commit()
        total = con.execute("SELECT COUNT(*) FROM executions").fetchone()[0]
        old = con.execute("SELECT arn FROM executions ORDER BY start_date LIMIT 1").fetchone()[0]
        con.close()

        proc, endpoint, ready = start(args.binary, db, port)
        rss = rss_mb(proc.pid)
        list_ms = timed(lambda: call(endpoint, "ListExecutions", {"stateMachineArn": arn}))
        # Every page of 1,000 to the end (keyset paging: the last costs what the first does).
        page_ms, token = [], None
        while True:
            payload = {"stateMachineArn": arn, "statusFilter": "SUCCEEDED", "maxResults": 1000}
            if token:
                payload["nextToken"] = token
            began = time.monotonic()
            page = call(endpoint, "ListExecutions", payload)
            page_ms.append((time.monotonic() - began) * 1000)
            token = page.get("nextToken")
            if not token:
                break
        list_last_ms = page_ms[-1]
        describe_ms = timed(lambda: call(endpoint, "DescribeExecution", {"executionArn": old}))
        history_ms = timed(lambda: call(endpoint, "GetExecutionHistory", {"executionArn": old}))
        print(f"restart with {total:,} finished executions: answering after {ready * 1000:.0f} ms, "
              f"RSS {rss:.1f} MB; ListExecutions first page {list_ms:.1f} ms, then "
              f"{len(page_ms)} pages of 1,000: last {list_last_ms:.1f} ms, slowest "
              f"{max(page_ms):.1f} ms; DescribeExecution {describe_ms:.1f} ms; "
              f"GetExecutionHistory {history_ms:.1f} ms")
        proc.terminate()
        proc.wait(timeout=30)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
