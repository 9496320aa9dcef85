"""Find TrustDesk's bundled resources (example trust, stylesheet, icons).

One helper for every way TrustDesk runs: from a source checkout (top-level ``resources/``),
from an installed wheel (``trustdesk/_resources``) or from a frozen PyInstaller bundle
(``sys._MEIPASS/resources``).
"""

from __future__ import annotations

import sys
from pathlib import Path

from trustdesk.errors import UserError

_PACKAGE_DIR = Path(__file__).resolve().parent


def resources_dir() -> Path:
    candidates = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "resources")
    candidates.append(_PACKAGE_DIR.parent / "resources")  # source checkout
    candidates.append(_PACKAGE_DIR / "_resources")  # installed wheel
    for candidate in candidates:
        if (candidate / "example-trust.toml").is_file():
            return candidate
    raise UserError(
        "TrustDesk's resource files are missing from this installation.",
        hint="Reinstall TrustDesk.",
    )


def resource_path(name: str) -> Path:
    """The path of a bundled resource, e.g. ``resource_path("icons/trustdesk.svg")``."""
    path = resources_dir() / name
    if not path.exists():
        raise UserError(
            f"TrustDesk's resource file {name!r} is missing.", hint="Reinstall TrustDesk."
        )
    return path
