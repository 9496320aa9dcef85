"""What every step of the self-test shares: the trial (the temporary folder and what earlier
steps made in it), the step itself, and the one way a step fails."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from trustdesk.config.periods import Period
from trustdesk.config.trust import TrustConfig
from trustdesk.returns.export import ExportResult
from trustdesk.store.workspace import Workspace

# The records are dated in one quarter of the past, and the checks made as of a day after
# it, so that the figures of the return are the same whenever the test runs.
PERIOD = Period(2025, 1)  # April to June 2025
TODAY = dt.date(2025, 7, 10)

Written = list[tuple[type, Any, dict[str, Any]]]  # (model, primary key, fields expected)


class SelfTestFailed(Exception):
    """A step found something wrong; the message says what, in plain words."""


def check(condition: object, problem: str) -> None:
    """Fail the step, saying ``problem``, unless ``condition`` holds."""
    if not condition:
        raise SelfTestFailed(problem)


@dataclass
class Trial:
    """What the steps share: the temporary folder and what earlier steps made in it."""

    config: TrustConfig | None = None
    workspace: Workspace | None = None
    written: Written = field(default_factory=list)
    young_person_id: int = 0
    exported: ExportResult | None = None
    made: Path | None = None  # the temporary folder, once a step has asked for it

    @property
    def folder(self) -> Path:
        """The temporary folder everything is written in, made when first needed (so a Qt
        that cannot start, and stops the program, leaves nothing behind)."""
        if self.made is None:
            self.made = Path(tempfile.mkdtemp(prefix="trustdesk-self-test-"))
        return self.made

    @property
    def workspace_dir(self) -> Path:
        return self.folder / "workspace"

    def close(self) -> None:
        if self.workspace is not None:
            self.workspace.close()
            self.workspace = None

    def remove(self) -> None:
        """Close the workspace and remove the temporary folder (raises if it cannot)."""
        self.close()
        if self.made is not None:
            shutil.rmtree(self.made)
            self.made = None


@dataclass(frozen=True)
class Step:
    name: str
    run: Callable[[Trial], str]  # returns what it found, for the step's line ("" for nothing)


def check_file(path: Path) -> str:
    """A written return or report is there, whole, and not empty."""
    data = path.read_bytes()
    if path.suffix == ".pdf":
        check(data.startswith(b"%PDF-") and b"%%EOF" in data[-64:], f"{path.name} is not a PDF")
    else:
        check(data.startswith(b"PK"), f"{path.name} is not an Excel workbook")
    return f"{len(data) / 1024:.0f} KB"
