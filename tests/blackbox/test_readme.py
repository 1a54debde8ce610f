"""The README's examples run as written: every ```sh block that calls `aws stepfunctions` runs
in bash (set -e) against the real binary, in README order, from a scratch directory that holds
the repository's templates. A block that starts `./build/release/sfn-local ... &` gets its own
server (the one before it is stopped); the others talk to the last one started. The only edits
are the port (the test's free port for 8083), the binary's path and a private database, and a
wait for the server to listen after it starts. Where a command is followed by a comment holding
JSON (`... --output text    # {"greeting":"Hello, Ada"}`), the block's output must contain it.
Other commands a block starts in the background (a stand-in endpoint, a file server) are stopped
at the end with the servers."""
import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest

from sfn_harness import binary_path, free_port

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BLOCK = re.compile(r"^```sh\n(.*?)^```", re.S | re.M)
COMMENT = re.compile(r"\s#\s*(\{.*)$")
BACKGROUND = re.compile(r"^(.*?)\s*&(\s*#.*)?$", re.S)
SERVER = "./build/release/sfn-local"

PRELUDE = r'''
set -euo pipefail
export AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local AWS_DEFAULT_REGION=us-east-1
export AWS_PAGER=""
wait_listening() {
  for _ in $(seq 200); do
    (exec 3<>/dev/tcp/127.0.0.1/$PORT) 2>/dev/null && return 0
    sleep 0.05
  done
  echo "sfn-local did not start listening" >&2; return 1
}
'''


def expected_outputs(line):
    """The JSON objects a command's trailing comment shows (`# {...}` or `# {...} then {...}`)."""
    m = COMMENT.search(line)
    found, text, at = [], m.group(1) if m else "", 0
    decoder = json.JSONDecoder()
    while (at := text.find("{", at)) >= 0:
        try:
            value, end = decoder.raw_decode(text, at)
        except ValueError:
            break
        found.append(value)
        at = end
    return found


def server_logs(directory):
    out = ""
    for name in sorted(os.listdir(directory)):
        if name.startswith("server") and name.endswith(".log"):
            with open(os.path.join(directory, name), errors="replace") as f:
                out += f"[{name}]\n" + f.read()[-3000:]
    return out


def json_or_none(line):
    try:
        return json.loads(line)
    except ValueError:
        return None


def commands(block):
    """The block's lines with backslash continuations joined into one command each."""
    out, current = [], ""
    for line in block.splitlines():
        current += line
        if line.endswith("\\"):
            current += "\n"
            continue
        out.append(current)
        current = ""
    if current:
        out.append(current)
    return out


def readme_blocks():
    with open(os.path.join(ROOT, "README.md")) as f:
        text = f.read()
    return [b for b in BLOCK.findall(text) if "aws stepfunctions" in b]


class ReadmeExamples(unittest.TestCase):
    def test_every_aws_cli_example_runs_as_written(self):
        blocks = readme_blocks()
        self.assertGreaterEqual(len(blocks), 5, "the README lost its examples")
        tmp = tempfile.mkdtemp(prefix="sfn-readme-")
        os.symlink(os.path.join(ROOT, "templates"), os.path.join(tmp, "templates"))
        port = free_port()
        env = dict(os.environ, PORT=str(port), SFN_LOCAL=binary_path(),
                   SFN_WAIT_SCALE="1")
        pids_file = os.path.join(tmp, "pids")  # the running sfn-local
        helpers_file = os.path.join(tmp, "helpers")  # other background commands
        try:
            # The walk-through expects a server already running (`make run`).
            first = (f'"$SFN_LOCAL" --port $PORT --db {tmp}/db0 >{tmp}/server0.log 2>&1 &\n'
                     f'echo $! >> {pids_file}\nwait_listening\n')
            for i, block in enumerate(blocks):
                with self.subTest(block=i, first_line=block.splitlines()[0]):
                    lines, starts = [], False
                    for command in commands(block.replace("localhost:8083", "localhost:$PORT")):
                        background = BACKGROUND.match(command)
                        if background and command.startswith(SERVER):
                            # The block's own server: the previous one is stopped first.
                            starts = True
                            args = background.group(1)[len(SERVER):]
                            lines += [f'[ -s {pids_file} ] && kill $(cat {pids_file}) && : > {pids_file}',
                                      f'"$SFN_LOCAL" --port $PORT --db {tmp}/db{i + 1}{args}'
                                      f' >{tmp}/server{i + 1}.log 2>&1 &',
                                      f'echo $! >> {pids_file}', 'wait_listening']
                        elif background:
                            # Another helper (a stand-in endpoint, a file server): it must not
                            # hold the block's output open; it is stopped with the servers.
                            lines += [f"{background.group(1)} >/dev/null 2>&1 &",
                                      f"echo $! >> {helpers_file}"]
                        else:
                            lines.append(command)
                    script = "\n".join(lines) + "\n"
                    if not starts and first:
                        script = first + script
                    first = ""
                    done = subprocess.run(["bash", "-c", PRELUDE + script], cwd=tmp, env=env,
                                          capture_output=True, text=True, timeout=120)
                    self.assertEqual(done.returncode, 0,
                                     f"README block {i} failed:\n{block}\n--- stdout\n"
                                     f"{done.stdout}\n--- stderr\n{done.stderr}")
                    got = [parsed for parsed in map(json_or_none, done.stdout.splitlines())
                           if parsed is not None]
                    for line in block.splitlines():
                        for want in expected_outputs(line):
                            self.assertIn(want, got, f"README block {i}: {line}\n{done.stdout}"
                                          f"\n--- stderr\n{done.stderr}\n--- server logs\n"
                                          + server_logs(tmp))
        finally:
            for path in (pids_file, helpers_file):
                if os.path.exists(path):
                    subprocess.run(f"kill $(cat {path}) 2>/dev/null", shell=True)
            if not os.environ.get("SFN_KEEP_README_TMP"):
                shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    unittest.main()
