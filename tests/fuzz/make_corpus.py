#!/usr/bin/env python3
"""Writes the seed corpus of every fuzz target from the project's test data.

usage: make_corpus.py OUT_DIR     (writes OUT_DIR/<target>/<sha1>, one input per file)

Sources: tests/unit/*/data/*.json case files, the definitions of tests/conformance/*/cases and
templates/*.asl.json, and the JSONata suite (tests/jsonata/suite). Every string in them is
sorted by shape (a path, an intrinsic call, a JSONata expression); the HTTP seeds are requests
built around a few of the definitions; the mock-config seeds are the documents of
tests/unit/integrations/data/*.json and the conformance cases' mock_config. Nothing here is
committed: run it before fuzzing.
"""
import glob
import hashlib
import json
import os
import shutil
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
MAX_SEED = 64 * 1024  # larger seeds only slow the fuzzer down


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def strings(value):
    """Every string in a JSON value, keys included."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)
    elif isinstance(value, dict):
        for k, v in value.items():
            yield k
            yield from strings(v)


class Corpus:
    def __init__(self):
        self.seeds = {t: set() for t in ("fuzz_jsonpath", "fuzz_intrinsics", "fuzz_jsonata",
                                         "fuzz_asl_definition", "fuzz_http_request",
                                         "fuzz_mock_config")}

    def add(self, target, text):
        data = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text
        if 0 < len(data) <= MAX_SEED:
            self.seeds[target].add(data)

    def add_string(self, s):
        t = s.strip()
        if t.startswith("{%") and t.endswith("%}"):
            self.add("fuzz_jsonata", t[2:-2])
        elif t.startswith("States.") and "(" in t:
            self.add("fuzz_intrinsics", t)
        elif t.startswith("$"):
            self.add("fuzz_jsonpath", t)

    def add_definition(self, definition):
        text = definition if isinstance(definition, str) else json.dumps(definition, indent=1)
        self.add("fuzz_asl_definition", text)
        for s in strings(definition if not isinstance(definition, str) else _try_json(text)):
            self.add_string(s)

    def write(self, out_dir):
        for target, seeds in self.seeds.items():
            d = os.path.join(out_dir, target)
            shutil.rmtree(d, ignore_errors=True)
            os.makedirs(d)
            for data in seeds:
                name = hashlib.sha1(data).hexdigest()
                with open(os.path.join(d, name), "wb") as f:
                    f.write(data)
            print(f"{target}: {len(seeds)} seeds")


def _try_json(text):
    try:
        return json.loads(text)
    except ValueError:
        return None


def http_requests(definitions):
    def request(method, target, headers, body=b""):
        lines = [f"{method} {target} HTTP/1.1", "Host: localhost:8083"] + headers
        if body and not any(h.lower().startswith("transfer-encoding") for h in headers):
            lines.append(f"Content-Length: {len(body)}")
        return ("\r\n".join(lines) + "\r\n\r\n").encode() + body

    amz = "Content-Type: application/x-amz-json-1.0"
    yield request("GET", "/", [])
    yield request("HEAD", "/", [])
    yield request("GET", "/console/app.js?v=1", ["Connection: close"])
    yield request("OPTIONS", "/", ["Origin: http://localhost:3000",
                                   "Access-Control-Request-Method: POST",
                                   "Access-Control-Request-Headers: content-type,x-amz-target"])
    yield request("POST", "/", [amz, "Origin: http://localhost:8083",
                                "X-Amz-Target: AWSStepFunctions.ListActivities"], b"{}")
    yield request("GET", "/", ["Host: evil.example"])
    yield request("DELETE", "/", [])
    yield request("POST", "/", [amz, "X-Amz-Target: AWSStepFunctions.ListStateMachines"], b"{}")
    yield request("POST", "/", [amz], b"{}")
    yield request("POST", "/", [amz, "X-Amz-Target: AWSStepFunctions.StartExecution",
                                "Transfer-Encoding: chunked"],
                  b"4\r\n{\"a\"\r\n3\r\n:1}\r\n0\r\n\r\n")
    yield request("POST", "/", [amz, "X-Amz-Target: AWSStepFunctions.ListActivities",
                                "Expect: 100-continue"], b"{}")
    yield (b"GET / HTTP/1.0\r\n\r\n")
    yield request("GET", "/", ["Connection: keep-alive"]) + request("OPTIONS", "*", [])
    for definition in definitions[:20]:
        body = json.dumps({"name": "sm", "definition": json.dumps(definition),
                           "roleArn": "arn:aws:iam::123456789012:role/R"}).encode()
        yield request("POST", "/", [amz, "X-Amz-Target: AWSStepFunctions.CreateStateMachine",
                                    "Authorization: AWS4-HMAC-SHA256 Credential=local/20240101/"
                                    "us-east-1/states/aws4_request"], body)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    corpus = Corpus()
    definitions = []

    for path in sorted(glob.glob(os.path.join(ROOT, "tests/unit/*/data/*.json"))):
        data = load(path)
        groups = data if isinstance(data, list) else [data]
        for group in groups:
            for case in group.get("cases", []):
                if "expression" in case and "/jsonpath/" in path:
                    corpus.add("fuzz_jsonpath", case["expression"])
                elif "expression" in case and "/intrinsics/" in path:
                    corpus.add("fuzz_intrinsics", case["expression"])
                if "expr" in case:
                    corpus.add("fuzz_jsonata", case["expr"])
                if "condition" in case and isinstance(case["condition"], str):
                    corpus.add("fuzz_jsonata", case["condition"])
                if "/integrations/" in path:
                    if "config" in case:
                        corpus.add("fuzz_mock_config", json.dumps(case["config"], indent=1))
                    if isinstance(case.get("config_text"), str):
                        corpus.add("fuzz_mock_config", case["config_text"])
                if "definition" in case:
                    corpus.add_definition(case["definition"])
                    definitions.append(case["definition"])
                for s in strings(case):
                    corpus.add_string(s)

    cases = sorted(glob.glob(os.path.join(ROOT, "tests/conformance/*/cases/*.json")))
    templates = sorted(glob.glob(os.path.join(ROOT, "templates/*.asl.json")))
    for path in cases:
        case = load(path)
        if case.get("mock_config") is not None:
            corpus.add("fuzz_mock_config", json.dumps(case["mock_config"], indent=1))
        definition = case.get("definition")
        if definition is not None:
            corpus.add_definition(definition)
            definitions.append(definition)
    for path in templates:
        definition = load(path)
        corpus.add_definition(definition)
        definitions.insert(0, definition)

    for path in sorted(glob.glob(os.path.join(ROOT, "tests/jsonata/suite/groups/*/*.json"))):
        data = load(path)
        for case in data if isinstance(data, list) else [data]:
            if isinstance(case.get("expr"), str):
                corpus.add("fuzz_jsonata", case["expr"])
    for path in sorted(glob.glob(os.path.join(ROOT, "tests/jsonata/suite/groups/*/*.jsonata"))):
        with open(path, encoding="utf-8") as f:
            corpus.add("fuzz_jsonata", f.read())

    for data in http_requests(definitions):
        corpus.add("fuzz_http_request", data)
    corpus.write(sys.argv[1])


if __name__ == "__main__":
    main()
