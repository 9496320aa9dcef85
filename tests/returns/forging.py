"""What a careful forger does after changing a return's texts by hand: work out the texts'
fingerprint again, as TrustDesk would for what the sheets now hold, so that only the checks
on the texts themselves can tell."""

from __future__ import annotations

import tempfile
from pathlib import Path

import openpyxl

from trustdesk.config.trust import example_trust_path, load_trust_config
from trustdesk.errors import UserError
from trustdesk.returns.model import texts_fingerprint
from trustdesk.returns.untrusted import open_return_file


def texts_fingerprint_of_book(
    book: openpyxl.Workbook, unit_code: str, period: str, version: str
) -> str | None:
    """The texts' fingerprint of an open workbook, read back as the importer reads it; None
    when the importer cannot read it at all (it refuses such a file whatever its
    fingerprint)."""
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "copy.xlsx"
        book.save(copy)
        try:
            ret = open_return_file(copy, load_trust_config(example_trust_path()), edited_ok=True)
        except UserError:
            return None
    return texts_fingerprint(unit_code, period, ret.case_studies, ret.voice, ret.partners, version)


def as_older_version(book: openpyxl.Workbook, version: str) -> None:
    """A return as a TrustDesk of an earlier format version made it: without the board's
    own figures format version 4 added (a district's or county's), before version 3 without
    the breakdowns it added, its figures' fingerprint and count as that version made them,
    and from version 2 its texts' fingerprint; version 1 had none."""
    from trustdesk.returns.board_tables import BOARD_TABLES
    from trustdesk.returns.catalogue import is_board
    from trustdesk.returns.formats import ADDED_BREAKDOWNS
    from trustdesk.returns.model import fingerprint

    added = {b.code for b in ADDED_BREAKDOWNS} if int(version) < 3 else set()
    titles = [*BOARD_TABLES, *(b.title for b in ADDED_BREAKDOWNS if b.code in added)]
    summary = book["Summary"]  # an older Summary has none of the tables added since
    for title in titles:
        first = next((c.row for c in summary["A"] if c.value == title), None)
        if first is None:  # a locality's return has no board tables
            continue
        last = next(
            (
                r
                for r in range(first + 2, summary.max_row + 1)
                if all(c.value is None for c in summary[r])
            ),
            summary.max_row,
        )
        summary.delete_rows(first, last - first + 1)
    data = book["Data"]
    for row in range(data.max_row, 1, -1):
        code = data.cell(row, 1).value or ""
        if data.cell(row, 2).value in added or is_board(code):
            data.delete_rows(row)
    figures = [
        ((m, b or "", c or ""), int(v))
        for m, b, c, v in data.iter_rows(min_row=2, values_only=True)
        if m
    ]
    ws = book["Manifest"]
    fields = {row[0].value: row[1] for row in ws.iter_rows() if row[0].value}
    unit, period = fields["unit_code"].value, fields["period"].value
    fields["format_version"].value = version
    fields["figure_count"].value = str(len(figures))
    fields["fingerprint"].value = fingerprint(unit, period, figures, version)
    if version == "1":
        ws.delete_rows(fields["texts_fingerprint"].row)
    else:
        fields["texts_fingerprint"].value = texts_fingerprint_of_book(book, unit, period, version)
