#!/usr/bin/env python3
"""Runs the JSONata reference suite (tests/jsonata/suite) through `sfn-local jsonata`.

usage: run_suite_cli.py SFN_LOCAL_BINARY [-j N] [-v]

Uses the same skip list as the GoogleTest runner (tests/jsonata/skip.tsv) and prints
"N passed, M failed, K skipped". Exits 0 when nothing failed, 1 otherwise, and 77 (ctest's
"skipped") when the binary does not have the `jsonata` command yet.
"""
import concurrent.futures
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SUITE = os.path.join(HERE, 'suite')


def load_skips():
    skips = {}
    with open(os.path.join(HERE, 'skip.tsv'), encoding='utf-8') as fh:
        for line in fh:
            if line.startswith('#') or '\t' not in line:
                continue
            key, reason = line.rstrip('\n').split('\t', 1)
            skips[key] = reason
    return skips


def load_cases():
    groups = os.path.join(SUITE, 'groups')
    for group in sorted(os.listdir(groups)):
        gdir = os.path.join(groups, group)
        if not os.path.isdir(gdir):
            continue
        for name in sorted(os.listdir(gdir)):
            if not name.endswith('.json'):
                continue
            base = f'{group}/{name}'
            try:
                with open(os.path.join(gdir, name), encoding='utf-8') as fh:
                    content = json.load(fh)
            except ValueError:
                content = None
            if isinstance(content, list):
                for i, case in enumerate(content):
                    yield f'{base}#{i}', gdir, case
            else:
                yield base, gdir, content


def equal(a, b, unordered=False):
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return float(a) == float(b)
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return False
        if not unordered:
            return all(equal(x, y) for x, y in zip(a, b))
        rest = list(b)
        for x in a:
            for i, y in enumerate(rest):
                if equal(x, y):
                    del rest[i]
                    break
            else:
                return False
        return True
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(equal(a[k], b[k]) for k in a)
    return a == b


def run_case(binary, gdir, case):
    if not isinstance(case, dict):
        return False, 'case file is not valid JSON'
    expr = case.get('expr')
    if expr is None:
        with open(os.path.join(gdir, case['expr-file']), encoding='utf-8') as fh:
            expr = fh.read()
    cmd = [binary, 'jsonata', expr]
    tmp = None
    if 'data' in case or case.get('dataset') is not None:
        if 'data' in case:
            data = json.dumps(case['data'])
        else:
            with open(os.path.join(SUITE, 'datasets', case['dataset'] + '.json'), encoding='utf-8') as fh:
                data = fh.read()
        tmp = tempfile.NamedTemporaryFile('w', suffix='.json', delete=False, encoding='utf-8')
        tmp.write(data)
        tmp.close()
        cmd += ['--input', tmp.name]
    if case.get('bindings'):
        cmd += ['--bindings', json.dumps(case['bindings'])]
    if 'timelimit' in case and 'depth' in case:
        cmd += ['--max-depth', str(case['depth']), '--timeout-ms', str(case['timelimit'] * 10)]
    try:
        proc = subprocess.run(cmd, capture_output=True, timeout=120)
    finally:
        if tmp:
            os.unlink(tmp.name)
    out = proc.stdout.decode('utf-8', 'replace').strip()
    err = proc.stderr.decode('utf-8', 'replace').strip()
    code = case.get('code') or (case.get('error') or {}).get('code')
    if proc.returncode != 0:
        got = err.split(':', 1)[0] if err else f'exit {proc.returncode}'
        if not code:
            return False, f'unexpected error {err}'
        if code == 'U1001' and got in ('U1001', 'U1002'):
            return True, ''
        return got == code, f'expected {code}, got {err}'
    if code:
        return False, f'expected error {code}, got {out or "undefined"}'
    if case.get('undefinedResult'):
        return out == '', f'expected undefined, got {out}'
    if 'result' not in case:
        return False, 'broken case: no expectation'
    if out == '':
        return False, 'got undefined'
    return equal(json.loads(out), case['result'], case.get('unordered', False)), f'expected {case["result"]}, got {out}'


def main():
    args = sys.argv[1:]
    if not args:
        print(__doc__)
        return 2
    binary = args[0]
    jobs = 4
    verbose = '-v' in args
    if '-j' in args:
        jobs = int(args[args.index('-j') + 1])
    try:
        probe = subprocess.run([binary, 'jsonata', '1 + 1'], capture_output=True, timeout=60)
        supported = probe.returncode == 0 and probe.stdout.strip() == b'2'
    except OSError:
        supported = False
    if not supported:
        print(f'{binary} has no working `jsonata` command yet; skipping')
        return 77
    skips = load_skips()
    cases = list(load_cases())
    passed = failed = skipped = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = {}
        for cid, gdir, case in cases:
            if cid in skips:
                skipped += 1
                continue
            futures[pool.submit(run_case, binary, gdir, case)] = cid
        for fut in concurrent.futures.as_completed(futures):
            cid = futures[fut]
            ok, detail = fut.result()
            if ok:
                passed += 1
            else:
                failed += 1
                if verbose or failed <= 50:
                    print(f'FAILED {cid}: {detail}')
    print(f'{passed} passed, {failed} failed, {skipped} skipped')
    return 0 if failed == 0 else 1


if __name__ == '__main__':
    sys.exit(main())
