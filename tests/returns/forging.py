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
