"""The command line: ``trustdesk`` opens the desktop; subcommands script everything else.

Errors a user can act on go to stderr as plain sentences with a non-zero exit status,
never as a traceback. Only the desktop imports Qt, so every other command runs headless.

The options of every command are in :mod:`trustdesk.cli.parsers` (the standard library
only); what a command does is in its own module, named in :data:`COMMANDS` and imported by
name only when that command runs, so that ``trustdesk --help`` answers at once and the
desktop draws its window before the database libraries are loaded. This table is one of the
two places in TrustDesk that import late (the other: the desktop's opening of a workspace).
"""

from __future__ import annotations

import contextlib
import importlib
import os
import sys
from collections.abc import Sequence
from types import ModuleType

from trustdesk.cli.parsers import build_parser
from trustdesk.errors import UserError
from trustdesk.store.sqlite_errors import explain_database_error

__all__ = ["COMMANDS", "EXIT_BUG", "EXIT_USER_ERROR", "build_parser", "main"]

EXIT_USER_ERROR = 1
EXIT_BUG = 70

# Each command's module, with ``run(args) -> int``; None: no command, the desktop.
COMMANDS: dict[str | None, str] = {
    "init": "trustdesk.cli.init",
    "return": "trustdesk.cli.returns",
    "privacy": "trustdesk.cli.privacy",
    "print": "trustdesk.cli.paper",
    "import": "trustdesk.cli.imports",
    "audit": "trustdesk.cli.audit",
    "config": "trustdesk.cli.config",
    "demo": "trustdesk.cli.demo",
    "info": "trustdesk.cli.info",
    "units": "trustdesk.cli.units",
    "screenshots": "trustdesk.cli.screenshots",
    "backup": "trustdesk.cli.backups",
    "restore": "trustdesk.cli.backups",
    "check": "trustdesk.cli.backups",
    None: "trustdesk.cli.desktop",
}
SELF_TEST = "trustdesk.cli.self_test"  # trustdesk --self-test


def load(module_name: str) -> ModuleType:
    """The module of a command, imported now (PyInstaller cannot see these imports:
    packaging/trustdesk.spec lists every module of the package for it)."""
    return importlib.import_module(module_name)


def main(argv: Sequence[str] | None = None) -> int:
    _never_fail_to_print()
    args = build_parser().parse_args(argv)
    if args.command is not None or args.self_test:  # the desktop's, once its window is up
        from trustdesk.bug_report import keep_log

        keep_log()  # log records go to the log file, never as tracebacks to the terminal
    try:
        command = load(SELF_TEST if args.self_test else COMMANDS[args.command])
        return command.run(args)
    except UserError as exc:
        print(f"trustdesk: {exc.message}", file=sys.stderr)
        if exc.hint:
            print(exc.hint, file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("trustdesk: stopped.", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the output went to a program that stopped reading (| head)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # nothing more to say
        return EXIT_USER_ERROR
    except Exception as exc:  # a busy, full or damaged database, or a bug
        explained = explain_database_error(exc)
        if explained is not None:
            print(f"trustdesk: {explained}", file=sys.stderr)
            return EXIT_USER_ERROR
        # a bug: keep the details, tell the user where they are
        if os.environ.get("TRUSTDESK_DEBUG"):
            raise
        from trustdesk.bug_report import write_bug_report

        where = write_bug_report(exc)
        print(
            f"trustdesk: something went wrong inside TrustDesk ({type(exc).__name__}: {exc}). "
            "This is a fault in TrustDesk, not something you did.",
            file=sys.stderr,
        )
        if where:
            print(
                f"The details are in {where}; please send that file to your support contact.",
                file=sys.stderr,
            )
        return EXIT_BUG


def _never_fail_to_print() -> None:
    """A name that is not valid in the terminal's encoding (a file named on an old USB
    stick) is printed with stand-ins rather than stopping the command."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):  # closed, or one that cannot
                reconfigure(errors="backslashreplace")
