"""``trustdesk units``: the trust's county, districts and localities, as configured."""

from __future__ import annotations

import argparse

from trustdesk.config.trust import example_trust_path, load_trust_config


def run(args: argparse.Namespace) -> int:
    config = load_trust_config(args.config or example_trust_path())
    print(f"{config.trust_name} ({config.source})")
    for unit in config.units.values():
        indent = {"county": "", "district": "  ", "locality": "    "}[unit.level]
        print(f"{indent}{unit.code:<10} {unit.name}")
    return 0
