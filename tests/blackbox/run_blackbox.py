#!/usr/bin/env python3
"""Runs the black-box suite against a built sfn-local.

    python3 tests/blackbox/run_blackbox.py path/to/sfn-local              # everything
    python3 tests/blackbox/run_blackbox.py path/to/sfn-local -k Hello     # names matching *Hello*
    python3 tests/blackbox/run_blackbox.py path/to/sfn-local test_history # one module

The binary may also come from $SFN_LOCAL_BIN. Needs the AWS CLI (`aws`) on PATH; the example
activity worker test also needs boto3.
"""
import argparse
import concurrent.futures
import glob
import os
import shutil
import subprocess
import sys
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
SKIPPED = 77  # ctest's SKIP_RETURN_CODE for this suite


def resolve_aws():
    """The real `aws` script, skipping a pyenv shim (saves a process per CLI call)."""
    path = shutil.which("aws")
    if path and "/shims/" in path and shutil.which("pyenv"):
        done = subprocess.run(["pyenv", "which", "aws"], capture_output=True, text=True)
        if done.returncode == 0 and done.stdout.strip():
            return os.path.dirname(done.stdout.strip())
    return None


def run_modules_in_parallel(jobs):
    """Each test module starts its own server(s), so modules run side by side."""
    modules = sorted(os.path.basename(p)[:-3] for p in glob.glob(os.path.join(HERE, "test_*.py")))

    def run(module):
        start = time.monotonic()
        done = subprocess.run([sys.executable, "-m", "unittest", "-v", module], cwd=HERE,
                              capture_output=True, text=True)
        return module, done.returncode, done.stderr + done.stdout, time.monotonic() - start

    failed = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        for module, code, output, seconds in pool.map(run, modules):
            print(f"===== {module}: {'ok' if code == 0 else 'FAILED'} ({seconds:.1f} s)")
            print(output, flush=True)
            if code != 0:
                failed.append(module)
    print(f"blackbox: {len(modules) - len(failed)}/{len(modules)} modules passed"
          + (f"; failed: {', '.join(failed)}" if failed else ""))
    return 1 if failed else 0


def main(argv):
    parser = argparse.ArgumentParser(description="sfn-local black-box suite")
    parser.add_argument("binary", nargs="?", default=os.environ.get("SFN_LOCAL_BIN"))
    parser.add_argument("names", nargs="*", help="test modules, classes or methods")
    parser.add_argument("-k", dest="patterns", action="append", default=[],
                        help="only tests whose name contains this text")
    parser.add_argument("-j", dest="jobs", type=int, default=4,
                        help="test modules run at once (default 4)")
    args = parser.parse_args(argv[1:])
    if not args.binary or not os.access(args.binary, os.X_OK):
        parser.error("give the sfn-local binary (or set SFN_LOCAL_BIN)")
    if not shutil.which("aws"):
        print("blackbox: SKIPPED: the AWS CLI (`aws`) is not on PATH "
              "(`make deps` installs it)", file=sys.stderr)
        return SKIPPED
    os.environ["SFN_LOCAL_BIN"] = os.path.abspath(args.binary)
    aws_dir = resolve_aws()
    if aws_dir:
        os.environ["PATH"] = aws_dir + os.pathsep + os.environ["PATH"]
    if not args.names and not args.patterns:
        return run_modules_in_parallel(args.jobs)
    sys.path.insert(0, HERE)
    loader = unittest.TestLoader()
    if args.patterns:
        loader.testNamePatterns = [f"*{p}*" for p in args.patterns]
    if args.names:
        suite = loader.loadTestsFromNames(args.names)
    else:
        suite = loader.discover(HERE, "test_*.py", top_level_dir=HERE)
    result = unittest.TextTestRunner(verbosity=2).run(suite)
    return 0 if result.wasSuccessful() else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
