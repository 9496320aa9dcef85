"""What every benchmark starts from: its command line (--repeat, --workspace) and the
``large`` demo workspace (ten busy years of Burntwood), built in a temporary folder unless
one is given."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from pathlib import Path

from trustdesk.demo.generator import build_demo

AS_OF = dt.date(2026, 11, 23)


def arguments(description: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--workspace", type=Path, help="an existing large demo workspace")
    return parser.parse_args()


def large_workspace(folder: Path | None) -> Path:
    if folder is not None:
        return folder
    folder = Path(tempfile.mkdtemp(prefix="trustdesk-bench-")) / "large"
    print(f"building the large demo workspace in {folder} ...", file=sys.stderr)
    build_demo(
        folder, unit_code="LIC-BUR", size="large", seed=1, as_of=AS_OF, config_path=None
    ).close()
    return folder
