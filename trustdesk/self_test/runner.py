"""Running the steps of the self-test: a line for each, the first that fails stops the test
and says why in plain words, and the temporary folder is removed whatever happened."""

from __future__ import annotations

import platform
import sys
import time
import traceback
from collections.abc import Sequence
from contextlib import suppress
from typing import TextIO

from trustdesk import APP_NAME, __version__, clock
from trustdesk.errors import UserError
from trustdesk.self_test.trial import TODAY, SelfTestFailed, Step, Trial
from trustdesk.store.sqlite_errors import explain_database_error


def run_self_test(
    steps: Sequence[Step], out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run every step, printing a line for each; 0 if all passed, else 1."""
    out, err = out or sys.stdout, err or sys.stderr
    build = "installed build" if getattr(sys, "frozen", False) else "from source"
    print(
        f"{APP_NAME} {__version__} self-test ({build}, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()})",
        file=out,
        flush=True,
    )
    started = time.perf_counter()
    trial = Trial()
    try:
        with clock.set_to(TODAY):  # one day for every step: the records, the window, the audit
            return _run_steps(steps, trial, out, err, started)
    finally:
        # After a failure: the last step, which says so if it cannot, has not run.
        with suppress(OSError):
            trial.remove()


def _run_steps(
    steps: Sequence[Step], trial: Trial, out: TextIO, err: TextIO, started: float
) -> int:
    for step in steps:
        began = time.perf_counter()
        try:
            found = step.run(trial)
        except Exception as exc:  # every failure is reported, plainly
            print(f"FAIL {step.name} {time.perf_counter() - began:.2f} s", file=out)
            print(f"Self-test FAILED at step: {step.name}: {plain_reason(exc)}", file=out)
            if not isinstance(exc, UserError | SelfTestFailed):
                print("Details for whoever supports TrustDesk:", file=err)
                traceback.print_exception(exc, file=err)
            return 1
        shown = f"{step.name} ({found})" if found else step.name
        print(f"ok   {shown} {time.perf_counter() - began:.2f} s", file=out, flush=True)
    print(
        f"Self-test passed: {len(steps)} steps in {time.perf_counter() - started:.1f} s.", file=out
    )
    return 0


def plain_reason(exc: BaseException) -> str:
    """What went wrong, in words an admin can pass on."""
    if isinstance(exc, UserError | SelfTestFailed):
        return " ".join(str(exc).split())
    if isinstance(exc, ModuleNotFoundError):
        return (
            f"part of TrustDesk is missing from this installation (the module {exc.name!r}); "
            "reinstall TrustDesk."
        )
    explained = explain_database_error(exc)
    if explained is not None:
        return str(explained)
    return f"something went wrong inside TrustDesk ({type(exc).__name__}: {exc})."
