"""Filling in a blank return workbook as a person would: the yellow cells of its Figures
sheet, typed with openpyxl (and, for a LibreOffice round, saved again by LibreOffice)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import openpyxl

from trustdesk.returns import catalogue
from trustdesk.returns.model import Key
from trustdesk.returns.template import CODE_COLUMN, FIGURES, HEADER_ROW, PER, VALUE_COLUMN


def typed(figures: dict[Key, int]) -> dict[Key, float | int]:
    """The figures as a person types them: hours for minutes, pounds for pence."""
    out: dict[Key, float | int] = {}
    for key, value in figures.items():
        per = PER[catalogue.measure(key[0]).unit]
        out[key] = value if per == 1 else value / per
    return out


def fill_in(path: Path, values: dict[Key, object], target: Path | None = None) -> Path:
    """Type ``values`` (as a person would: hours, pounds, even words) into the template's
    yellow cells; the others are left empty. Saved to ``target`` (by default, in place)."""
    book = openpyxl.load_workbook(path)
    ws = book[FIGURES]
    for row in ws.iter_rows(min_row=HEADER_ROW + 1):
        codes = tuple(row[CODE_COLUMN - 1 + i].value or "" for i in range(3))
        if codes[0] and codes in values:
            row[VALUE_COLUMN - 1].value = values[codes]  # type: ignore[index]
    target = target or path
    book.save(target)
    return target


def row_of(path: Path, key: Key) -> int:
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        for number, row in enumerate(book[FIGURES].iter_rows(values_only=True), start=1):
            if tuple(v or "" for v in row[CODE_COLUMN - 1 : CODE_COLUMN + 2]) == key:
                return number
    finally:
        book.close()
    raise KeyError(key)


def resaved_by_libreoffice(path: Path, folder: Path) -> Path:
    """The workbook opened and saved again as .xlsx by LibreOffice (its formulas worked out
    and its cells written as LibreOffice writes them)."""
    soffice = shutil.which("soffice")
    assert soffice is not None
    folder.mkdir(parents=True, exist_ok=True)
    profile = folder / "profile"  # a profile of its own: never the user's, never locked
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(folder),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    saved = folder / path.name
    assert saved.exists()
    return saved
