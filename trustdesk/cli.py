"""The command line: ``trustdesk`` opens the desktop; subcommands script everything else.

Errors a user can act on go to stderr as plain sentences with a non-zero exit status,
never as a traceback. Only the desktop imports Qt, so every other command runs headless.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from trustdesk import APP_NAME, __version__
from trustdesk.cli_audit import add_audit_commands, run_audit
from trustdesk.cli_backups import add_backup_commands, run_backup, run_check, run_restore
from trustdesk.cli_config import add_config_commands, run_config
from trustdesk.cli_privacy import add_privacy_commands, run_privacy
from trustdesk.cli_returns import add_return_commands, run_return
from trustdesk.errors import UserError

EXIT_USER_ERROR = 1
EXIT_BUG = 70


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date; write it as YYYY-MM-DD"
        ) from None


def build_parser() -> argparse.ArgumentParser:
    workspace = argparse.ArgumentParser(add_help=False)
    workspace.add_argument(
        "--workspace",
        metavar="DIR",
        type=Path,
        default=argparse.SUPPRESS,
        help="the workspace folder (default: your TrustDesk data folder)",
    )
    parser = argparse.ArgumentParser(
        prog="trustdesk",
        description="TrustDesk: records and quarterly returns for Children's Trust locality "
        "groups, districts and counties. With no command, opens the desktop.",
        parents=[workspace],
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check that this installation works, in a temporary workspace, and exit (0: it works)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    init = commands.add_parser("init", parents=[workspace], help="create a workspace for a unit")
    init.add_argument("--unit", required=True, metavar="CODE", help="the unit's code, e.g. LIC-BUR")
    init.add_argument(
        "--config", type=Path, metavar="FILE", help="trust configuration (default: example trust)"
    )

    demo = commands.add_parser(
        "demo",
        parents=[workspace],
        help="create a demo workspace (a locality's records, or a district's or county's returns)",
    )
    demo.add_argument(
        "--unit",
        default="LIC-BUR",
        metavar="CODE",
        help="a locality, district or county code (default: LIC-BUR); a district or county "
        "demo holds its units' returns for the last three quarters (a county's takes two minutes)",
    )
    demo.add_argument(
        "--size", choices=("small", "large"), default="small", help="a year, or ten busy years"
    )
    demo.add_argument(
        "--seed", type=int, default=1, metavar="N", help="vary the made-up records (default: 1)"
    )
    demo.add_argument(
        "--as-of", type=_date, metavar="DATE", help="the last day of records (default: today)"
    )
    demo.add_argument(
        "--config", type=Path, metavar="FILE", help="trust configuration (default: example trust)"
    )

    info = commands.add_parser(
        "info", parents=[workspace], help="show a workspace's unit and records"
    )
    info.add_argument("--json", action="store_true", help="print JSON for scripts")

    add_return_commands(commands, workspace)
    add_backup_commands(commands, workspace)
    add_privacy_commands(commands, workspace)
    add_audit_commands(commands, workspace)
    add_config_commands(commands, workspace)

    shots = commands.add_parser(
        "screenshots",
        parents=[workspace],
        help="render every page of the window to PNG files (works without a display)",
    )
    shots.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder for the PNGs")
    shots.add_argument(
        "--today", type=_date, metavar="DATE", help="the date the pages take as today"
    )

    units = commands.add_parser("units", help="list the trust's county, districts and localities")
    units.add_argument(
        "--config", type=Path, metavar="FILE", help="trust configuration to check and list"
    )
    return parser


def _workspace_dir(args: argparse.Namespace) -> Path:
    from trustdesk.store.workspace import default_workspace_dir

    return getattr(args, "workspace", None) or default_workspace_dir()


def _cmd_init(args: argparse.Namespace) -> int:
    from trustdesk.store.workspace import create_workspace

    path = _workspace_dir(args)
    with create_workspace(path, args.unit, config_path=args.config) as workspace:
        unit = workspace.unit
        print(f"Created a workspace for {unit.name} ({unit.code}, {unit.level}) in {path}")
    return 0


def _cmd_demo(args: argparse.Namespace) -> int:
    from trustdesk.config import example_trust_path, load_trust_config
    from trustdesk.demo.generator import build_demo
    from trustdesk.demo.receiving import build_receiving_demo
    from trustdesk.services.workspace_info import describe_workspace

    path = _workspace_dir(args)
    unit = load_trust_config(args.config or example_trust_path()).unit(args.unit)
    if unit.level != "locality":
        with build_receiving_demo(
            path, unit_code=unit.code, seed=args.seed, as_of=args.as_of, config_path=args.config
        ) as workspace:
            info = describe_workspace(workspace)
        print(
            f"Created a demo workspace for {info.unit_name} ({info.unit_code}) in {path}: "
            f"{info.counts['Returns']} returns from the "
            f"{len(workspace.config.children(unit.code))} units below it, for the last three quarters."
        )
        return 0
    with build_demo(
        path,
        unit_code=args.unit,
        size=args.size,
        seed=args.seed,
        as_of=args.as_of,
        config_path=args.config,
    ) as workspace:
        info = describe_workspace(workspace)
    print(
        f"Created a {args.size} demo workspace for {info.unit_name} ({info.unit_code}) in {path}: "
        f"{info.counts['Sessions']} sessions, {info.counts['Attendance marks']} attendance marks, "
        f"{info.counts['Partners']} partners, {info.first_session} to {info.last_session}."
    )
    return 0


def _cmd_info(args: argparse.Namespace) -> int:
    from trustdesk.services.workspace_info import describe_workspace
    from trustdesk.store.workspace import open_to_look

    with open_to_look(_workspace_dir(args)) as workspace:
        info = describe_workspace(workspace)
    if args.json:
        print(json.dumps(info.as_dict(), indent=2))
        return 0
    rows = [
        ("Workspace", info.path),
        ("Trust", info.trust),
        ("Unit", f"{info.unit_name} ({info.unit_code})"),
        ("Level", info.level + (f", part of {info.parent}" if info.parent else "")),
        ("Schema", f"{info.schema} (this TrustDesk understands up to {info.schema_supported})"),
        ("Created", f"{info.created_at} by {info.created_by}"),
        (
            "Sessions",
            f"{info.first_session} to {info.last_session}" if info.first_session else "none yet",
        ),
    ]
    for label, value in rows:
        print(f"{label:<10} {value}")
    print("Records")
    width = max(len(label) for label in info.counts)
    for label, count in info.counts.items():
        print(f"  {label:<{width}} {count:>8,}")
    return 0


def _cmd_units(args: argparse.Namespace) -> int:
    from trustdesk.config import example_trust_path, load_trust_config

    config = load_trust_config(args.config or example_trust_path())
    print(f"{config.trust_name} ({config.source})")
    for unit in config.units.values():
        indent = {"county": "", "district": "  ", "locality": "    "}[unit.level]
        print(f"{indent}{unit.code:<10} {unit.name}")
    return 0


def _cmd_desktop(args: argparse.Namespace) -> int:
    from trustdesk.ui.app import run_desktop

    # None: the default folder, opened only if a workspace was made there (else the window
    # says how to make one, rather than showing an error on first start).
    return run_desktop(getattr(args, "workspace", None))


def _cmd_screenshots(args: argparse.Namespace) -> int:
    from trustdesk.ui.screenshots import take_screenshots

    for path in take_screenshots(_workspace_dir(args), args.out, today=args.today):
        print(path)
    return 0


def _cmd_backup(args: argparse.Namespace) -> int:
    return run_backup(args, _workspace_dir(args))


def _cmd_restore(args: argparse.Namespace) -> int:
    return run_restore(args, _workspace_dir(args))


def _cmd_check(args: argparse.Namespace) -> int:
    return run_check(_workspace_dir(args))


def _cmd_audit(args: argparse.Namespace) -> int:
    return run_audit(args, _workspace_dir(args))


def _cmd_config(args: argparse.Namespace) -> int:
    return run_config(args, _workspace_dir(args))


def _cmd_privacy(args: argparse.Namespace) -> int:
    return run_privacy(args, _workspace_dir(args))


def _cmd_return(args: argparse.Namespace) -> int:
    return run_return(args, _workspace_dir(args))


COMMANDS = {
    "init": _cmd_init,
    "return": _cmd_return,
    "privacy": _cmd_privacy,
    "audit": _cmd_audit,
    "config": _cmd_config,
    "demo": _cmd_demo,
    "info": _cmd_info,
    "units": _cmd_units,
    "screenshots": _cmd_screenshots,
    "backup": _cmd_backup,
    "restore": _cmd_restore,
    "check": _cmd_check,
    None: _cmd_desktop,
}


def _explained_database_error(exc: Exception) -> UserError | None:
    """A database error the user can act on (busy, full, read-only…), in plain words. The
    database code is imported only by the commands that use it (the desktop starts through
    here, and shows its window before the database libraries are loaded)."""
    if "trustdesk.store.engine" not in sys.modules:
        return None  # nothing has opened a database
    from trustdesk.store.engine import explain_database_error

    return explain_database_error(exc)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.self_test:
            from trustdesk.self_test import run_self_test

            return run_self_test()
        return COMMANDS[args.command](args)
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
        explained = _explained_database_error(exc)
        if explained is not None:
            print(f"trustdesk: {explained}", file=sys.stderr)
            return EXIT_USER_ERROR
        # a bug: keep the details, tell the user where they are
        if os.environ.get("TRUSTDESK_DEBUG"):
            raise
        from trustdesk.bug_report import write_bug_report  # only when needed

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


if __name__ == "__main__":
    sys.exit(main())
