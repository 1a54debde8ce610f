#!/usr/bin/env python3
"""Runs the recorded-AWS conformance cases (aws-recorded/cases, from LocalStack's AWS-validated
snapshots, Apache-2.0; see aws-recorded/README.md) against the real sfn-local binary, with full
history comparison, and checks the result against known_failures.tsv: every case not listed
there must pass. A listed case that passes is reported so the list can shrink.

    run_conformance.py SFN_LOCAL_BINARY [--history] [extra run_cases.py args]
"""
import json
import os
import socket
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def load_known_failures():
    known = {}
    with open(os.path.join(HERE, "known_failures.tsv")) as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            name, _, reason = line.rstrip("\n").partition("\t")
            if not reason.strip():
                sys.exit(f"known_failures.tsv: entry without a reason: {name}")
            known[name] = reason
    return known


def main():
    binary = sys.argv[1]
    extra = sys.argv[2:]
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        server = subprocess.Popen([binary, "--port", str(port), "--db", ":memory:",
                                   "--log-level", "warn"], stdout=subprocess.DEVNULL)
        try:
            deadline = time.time() + 30
            while time.time() < deadline:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    time.sleep(0.1)
            report = os.path.join(tmp, "report.json")
            cmd = [sys.executable, os.path.join(HERE, "run_cases.py"), "--endpoint",
                   f"http://127.0.0.1:{port}", "--json", report, "--jobs", "4", "-q",
                   os.path.join(HERE, "aws-recorded", "cases")] + extra
            subprocess.run(cmd)
            results = json.load(open(report))["results"]
        finally:
            server.terminate()
            server.wait(timeout=30)
    known = load_known_failures()
    unexpected = [r for r in results if r["result"] == "fail" and r["name"] not in known]
    fixed = [r for r in results if r["result"] == "pass" and r["name"] in known]
    for r in unexpected:
        print(f"UNEXPECTED FAILURE {r['name']}: {r.get('reason')}")
    for r in fixed:
        print(f"now passing (remove from known_failures.tsv): {r['name']}")
    counts = {k: sum(r["result"] == k for r in results) for k in ("pass", "fail", "skip")}
    print(f"recorded cases: {counts['pass']} pass, {counts['fail']} fail "
          f"({counts['fail'] - len(unexpected)} known), {counts['skip']} skipped (need services)")
    passed = counts["pass"] + (counts["fail"] - len(unexpected))
    print(f"conformance: {passed} passed, {len(unexpected)} failed, {counts['skip']} skipped")
    return 1 if unexpected else 0


if __name__ == "__main__":
    sys.exit(main())
