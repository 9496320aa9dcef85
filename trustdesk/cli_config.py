"""``trustdesk config show`` and ``trustdesk config update``: which trust configuration a
workspace has, and taking in a newer one (by default the one an admin installed on this
computer)."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_config_commands(
    commands: argparse._SubParsersAction, workspace: argparse.ArgumentParser
) -> None:
    config = commands.add_parser(
        "config",
        help="show a workspace's trust configuration, or update it to a newer version",
        description="Each workspace keeps its own copy of the trust configuration "
        "(trust.toml). An admin hands out changes with a higher version; 'update' takes one "
        "in, after a backup.",
    )
    actions = config.add_subparsers(dest="config_command", metavar="ACTION", required=True)
    actions.add_parser(
        "show",
        parents=[workspace],
        help="the workspace's trust name, configuration version and unit, and whether this "
        "computer has a newer configuration",
    )
    update = actions.add_parser(
        "update",
        parents=[workspace],
        help="take a newer trust configuration into the workspace",
        description="Print what the configuration would change, then back up the workspace "
        "and take it in. An older version, a list entry still used by records, or a change to "
        "the workspace's own unit is refused, saying what to do instead (exit status 1).",
    )
    update.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help="the configuration to take in (default: the one installed on this computer)",
    )
    update.add_argument(
        "--dry-run", action="store_true", help="only print what would change; change nothing"
    )


def run_config(args: argparse.Namespace, workspace_dir: Path) -> int:
    if args.config_command == "show":
        return _show(workspace_dir)
    return _update(args, workspace_dir)


def _show(workspace_dir: Path) -> int:
    from trustdesk.config.machine import find_machine_config
    from trustdesk.config.trust import load_trust_config
    from trustdesk.errors import ConfigError
    from trustdesk.store.workspace import CONFIG_NAME, open_to_look

    with open_to_look(workspace_dir) as workspace:
        config, unit = workspace.config, workspace.unit
        source = workspace.path / CONFIG_NAME
    rows = [
        ("Trust", config.trust_name),
        ("Version", str(config.version)),
        ("File", str(source)),
        ("Unit", f"{unit.name} ({unit.code}), a {unit.level}"),
    ]
    machine = find_machine_config()
    if machine is None:
        said = "none installed on this computer"
    else:
        try:
            installed = load_trust_config(machine)
        except ConfigError as exc:
            said = f"{machine} cannot be used: {exc.message}"
        else:
            said = f"{machine}, version {installed.version}"
            if installed.version > config.version:
                said += " (newer: take it in with `trustdesk config update`)"
            elif installed.version == config.version:
                said += " (the same version)"
            else:
                said += " (older than the workspace's)"
    rows.append(("Computer", said))
    for label, value in rows:
        print(f"{label:<9} {value}")
    return 0


def _update(args: argparse.Namespace, workspace_dir: Path) -> int:
    from trustdesk.services.trust_update import offered_config, review_update, update_config
    from trustdesk.store.workspace import open_to_look, open_workspace

    offered = offered_config(args.config)
    opener = open_to_look if args.dry_run else open_workspace
    with opener(workspace_dir) as workspace:
        changes = review_update(workspace, offered=offered)
        print(
            f"Configuration offered: {offered.source} ({offered.trust_name}, "
            f"version {offered.version}); the workspace has version {workspace.config.version}."
        )
        if changes.up_to_date:
            print(changes.as_text())
            return 0
        print("What would change:" if changes.refused or args.dry_run else "What changes:")
        print(changes.as_text())
        refusal = changes.refusal()
        if refusal is not None:
            raise refusal
        if args.dry_run:
            print("Nothing was changed (--dry-run).")
            return 0
        done = update_config(workspace, offered=offered)
    if done.backup is not None:
        print(f"Backed up the workspace first to {done.backup.path}.")
    print(
        f"Updated the workspace's configuration from version {done.changes.current_version} "
        f"to {done.changes.offered_version}."
    )
    return 0
