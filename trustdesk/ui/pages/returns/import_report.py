"""What the import dialog says, in words: what taking each file in would do, the preview's
summary, and the import report as plain text (to read, copy or save and send on)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QWidget

from trustdesk.returns import made_how
from trustdesk.returns.importer import EDITED, Checked, ImportReport
from trustdesk.returns.revision_changes import Change, changes_listed
from trustdesk.words import counted

TAKE_IT_IN = "Take it in although it was changed after export"
EDITED_WARNING = (
    f"Edited after export. {EDITED} Ask the coordinator whether the change is right before "
    "taking it in; it is then marked as edited."
)
IMPORTS = ("new", "replaces")  # the plans that change the workspace
# Each file's card has a coloured edge by what would happen (the words say it too).
PLAN_EDGES = {
    "new": "#3aa394",
    "replaces": "#2f6fb0",
    "unchanged": "#9aa5b1",
    "refused": "#b42318",
    "edited": "#e8a55a",
}


def plan_text(item: Checked) -> str:
    """What taking the file in would do, in a sentence or two."""
    ret = item.ret
    if ret is None or item.plan == "refused":
        return f"Refused: {item.reason}"
    what = f"{ret.unit_name} ({ret.unit_code}), {ret.period.label}, revision {ret.revision}"
    if ret.figures_to:  # exported before the quarter ended
        what += f" \u2013 {ret.part_quarter_note.lower()}"
    if ret.made_how:  # a blank return workbook filled in by hand
        what += f" ({made_how.words(ret.made_how, ret.unit_level)})"
    if item.plan == "new":
        return f"New: {what}."
    if item.plan == "unchanged":
        return f"Already imported: {what}. Taking it in again changes nothing."
    changed = (
        f"{counted(len(item.changes), 'figure')} changed:" if item.changes else "No figure changed."
    )
    return f"Replaces revision {item.replaces}: {what}. {changed}"


def changes_text(changes: Sequence[Change], indent: str = "") -> str:
    """The changed figures, one a line, the first few of them."""
    return "\n".join(f"{indent}{line}" for line in changes_listed(changes))


def preview_summary(checked: Sequence[Checked]) -> str:
    """ "5 files checked: 2 new, 1 replacing an earlier revision, 1 already imported,
    1 refused.\""""
    counts = {plan: sum(c.plan == plan for c in checked) for plan in IMPORTS}
    parts = [
        f"{counts['new']} new",
        f"{counts['replaces']} replacing an earlier revision",
        f"{sum(c.plan == 'unchanged' for c in checked)} already imported",
        f"{sum(c.plan == 'refused' for c in checked)} refused",
    ]
    return f"{counted(len(checked), 'file')} checked: {', '.join(parts)}."


def report_text(
    report: ImportReport, checked: Sequence[Checked], unit_name: str, when: dt.datetime
) -> str:
    """The import report as plain text, to read, copy or save: a paragraph per file, the
    files a cancel left out, and the summary line."""
    lines = [f"Import of returns into {unit_name}, {when:%d %b %Y %H:%M}", ""]
    for line in report.lines:
        first, *rest = line.summary.splitlines()
        if line is not report.lines[0]:
            lines.append("")
        lines.append(line.file_name)
        lines.append(f"  {first[:1].upper()}{first[1:]}")
        lines += [f"  {more}" for more in rest]
        if line.changes:
            lines.append(changes_text(line.changes, indent="    "))
    left_out = checked[len(report.lines) :]
    if report.cancelled and left_out:
        lines += ["", f"Cancelled: {counted(len(left_out), 'file')} not imported:"]
        lines += [f"  {item.path.name}" for item in left_out]
    lines += ["", report.summary]
    return "\n".join(lines) + "\n"


def report_summary(report: ImportReport, checked: Sequence[Checked]) -> str:
    """The line over the report: the counts, and what a cancel left out."""
    left_out = len(checked) - len(report.lines)
    if report.cancelled and left_out:
        return (
            f"Cancelled: {counted(len(report.lines), 'file')} dealt with, "
            f"{counted(left_out, 'file')} not imported (import {'it' if left_out == 1 else 'them'} "
            f"again to take {'it' if left_out == 1 else 'them'} in). {report.summary}"
        )
    return report.summary


def plain_label(text: str, parent: QWidget, *, name: str = "", selectable: bool = False) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    if selectable:  # reached with Tab, so that a screen reader reads it; its text copyable
        label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
    return label


def bold(label: QLabel) -> QLabel:
    font = QFont(label.font())
    font.setBold(True)
    label.setFont(font)
    return label
