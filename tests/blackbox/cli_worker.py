"""Runs `aws` commands in one long-lived process, for the harness's Cli.

Started with the Python interpreter of the installed `aws` script. Each request is one JSON line
on stdin, {"argv": [...]} (the arguments after `aws`); each answer is one JSON line on stdout,
{"rc": int, "stdout": str, "stderr": str}. Every command goes through the CLI's own entry point
(awscli.clidriver: argument parsing, request serialization, HTTP, error formatting) exactly as
the `aws` executable would run it; only the interpreter start-up and the loading of the service
models (seconds per call on a busy machine) happen once instead of once per command.

Prints {"ready": true} once the CLI is loaded, or {"ready": false, "error": ...} when awscli
cannot be imported (the harness then falls back to one `aws` process per command).
"""
import contextlib
import io
import json
import sys


def _drop_host_prefix(params, **_):
    prefix = params.pop("host_prefix", None)
    if prefix and isinstance(params.get("url"), str):
        params["url"] = params["url"].replace("://" + prefix, "://", 1)


def main():
    protocol = sys.stdout
    try:
        from awscli.clidriver import create_clidriver
        driver = create_clidriver()
        # StartSyncExecution's endpoint has a `sync-` host prefix, which a loopback endpoint
        # cannot resolve. Newer CLIs drop it for AWS_DISABLE_HOST_PREFIX_INJECTION=true; older
        # ones (Debian 12's awscli 2.9) have no such setting, so drop it here for every CLI.
        driver.session.register("before-call.sfn", _drop_host_prefix)
    except Exception as error:  # noqa: BLE001 - any failure means "use the executable"
        protocol.write(json.dumps({"ready": False, "error": repr(error)}) + "\n")
        protocol.flush()
        return 1
    protocol.write(json.dumps({"ready": True}) + "\n")
    protocol.flush()
    for line in sys.stdin:
        if not line.strip():
            continue
        argv = json.loads(line)["argv"]
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                rc = driver.main(argv)
            except SystemExit as exit_:  # argparse usage errors exit
                rc = exit_.code if isinstance(exit_.code, int) else 255
            except Exception as error:  # noqa: BLE001 - report it like the CLI would
                err.write(f"\ncli_worker: {error!r}\n")
                rc = 255
        protocol.write(json.dumps({"rc": rc, "stdout": out.getvalue(),
                                   "stderr": err.getvalue()}) + "\n")
        protocol.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
