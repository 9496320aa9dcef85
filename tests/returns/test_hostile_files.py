"""Hostile files: whatever a district officer is handed instead of a good return, TrustDesk
says plainly what is wrong with it and what to do, never crashes, writes nothing, and takes
seconds and megabytes, not minutes and gigabytes.

Each case makes one file (tests/returns/hostile_files.py) and opens it as the importer
will, with :func:`open_return_file`. It checks the exact message and hint; that nothing but
a UserError escapes (anything else fails the test); that the peak of memory allocated, as
tracemalloc sees it, stays under 200 MB; that nothing was written beside the file; and,
generously, the time. ``pytest -s`` prints a table of times and peaks: tracemalloc slows
Python down several times, so the times shown are upper bounds.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import time
import tracemalloc
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import NamedTuple

import pytest

from tests.returns import hostile_files as make
from tests.returns.conftest import made_up_return
from trustdesk.errors import UserError
from trustdesk.returns import untrusted
from trustdesk.returns.model import PartnerLine, Return
from trustdesk.returns.reader import AGAIN
from trustdesk.returns.untrusted import (
    HOSTILE,
    RESEND,
    RETURN,
    UNPACK,
    WRONG_FILE,
    check_return_file,
    open_return_file,
)
from trustdesk.returns.workbook import write_workbook

MB = 1024 * 1024
MEMORY_LIMIT = 200 * MB
TIME_LIMIT = 30  # seconds: far above what any case takes, so a slow machine never fails


@dataclass(frozen=True)
class Case:
    make: Callable[[Path, Path], Path]
    message: str | None  # None: the file reads as the return it was made from
    hint: str | None = None


INCOMPLETE = (
    "It may not have finished copying or downloading: ask the coordinator to send it again."
)
NOT_XLSX = "{name} is not an Excel workbook (.xlsx)."
TOO_MANY_ELEMENTS = (
    "{name} cannot be a return: one part of it ({part}) holds more than 100,000 XML "
    "elements, far more than a return ever has."
)
DOCTYPE = (
    "{name} cannot be a return: a part of it ({part}) has a DOCTYPE declaration, which Excel "
    "and LibreOffice never write; it is how entity bombs and references to other files are made."
)
MACROS = (
    "{name} is a macro-enabled workbook (.xlsm): a return never has macros, and TrustDesk "
    "does not open files that do."
)
TWO_WORKBOOKS = (
    "{name} cannot be a return: it holds two workbooks ({first} and {second}), and TrustDesk "
    "and Excel could each read a different one. A return holds one."
)
DAMAGED_PART = (
    "{name} is damaged: a part of it (xl/worksheets/sheet2.xml) does not unpack to what the "
    "file says it holds."
)

CASES = [
    # Not a workbook at all
    Case(make.good, None),
    Case(make.zero_bytes, "{name} is empty (0 bytes).", RESEND),
    Case(make.empty_zip, "{name} is an empty zip archive, not a workbook.", WRONG_FILE),
    Case(
        make.a_folder,
        "{name} is a folder, not a return.",
        "Choose the return's workbook (.xlsx) inside it.",
    ),
    Case(
        make.missing,
        "There is no file {name} in {folder}.",
        "It may have been moved, renamed or deleted since it was chosen.",
    ),
    Case(make.named_pipe, "{name} is not a file that can be read.", WRONG_FILE),
    Case(make.random_bytes, "{name} is not an Excel workbook.", WRONG_FILE),
    Case(
        make.xls_renamed,
        "{name} is an old-style Excel file (.xls) or a workbook locked with a password, not a "
        "return as TrustDesk makes it.",
        WRONG_FILE,
    ),
    Case(
        make.csv_renamed, "{name} is a text file (such as CSV), not an Excel workbook.", WRONG_FILE
    ),
    Case(
        make.pdf_instead,
        "{name} is a PDF; TrustDesk imports the return's workbook (.xlsx), made beside the PDF.",
        WRONG_FILE,
    ),
    Case(
        make.very_large_file,
        "{name} is 64 MB; a return is never more than 10 MB, so this is not one.",
        WRONG_FILE,
    ),
    Case(
        make.word_document, "{name} is a Word document, not an Excel workbook (.xlsx).", WRONG_FILE
    ),
    Case(
        make.ods_renamed,
        "{name} is an OpenDocument spreadsheet (.ods), not an Excel workbook (.xlsx).",
        WRONG_FILE,
    ),
    Case(
        make.zip_of_returns,
        "{name} is a zip archive, not an Excel workbook.",
        f"{WRONG_FILE} {UNPACK}",
    ),
    Case(make.blank_workbook, "{name} is not a TrustDesk return: it has no Manifest sheet.", AGAIN),
    # Damaged on the way
    Case(make.truncated, "{name} is incomplete: the end of the file is missing.", INCOMPLETE),
    Case(make.corrupted, DAMAGED_PART, RESEND),
    Case(make.lying_sizes, DAMAGED_PART, RESEND),
    Case(
        make.no_workbook_part,
        "{name} is damaged: it has no workbook part (xl/workbook.xml).",
        RESEND,
    ),
    Case(
        make.duplicate_parts,
        "{name} is damaged: it holds two parts named xl/worksheets/sheet2.xml.",
        RESEND,
    ),
    # Zip bombs
    Case(
        make.zip_bomb,
        "{name} cannot be a return: one part of it (xl/worksheets/sheet1.xml) is packed {ratio} "
        "times smaller than what it holds, far tighter than any workbook's.",
        HOSTILE,
    ),
    Case(
        make.zip_bomb_declared,
        "{name} cannot be a return: one part of it (xl/worksheets/sheet1.xml) would unpack to "
        "3.7 GB, and no part of a return is ever more than 20 MB.",
        HOSTILE,
    ),
    Case(
        make.zip_bomb_total,
        "{name} cannot be a return: it would unpack to {unpacked}, and a return never unpacks "
        "to more than 50 MB.",
        HOSTILE,
    ),
    Case(
        make.many_small_bombs,
        "{name} cannot be a return: it is packed {overall} times smaller than what it holds, "
        "far tighter than any workbook.",
        HOSTILE,
    ),
    Case(
        make.many_parts,
        "{name} cannot be a return: it holds {parts} parts; a return holds about 15, and never "
        "more than 200.",
        HOSTILE,
    ),
    Case(
        make.password_flag,
        "{name} is locked with a password.",
        "Ask the coordinator to send the return's workbook without a password.",
    ),
    Case(
        make.bzip2_packed,
        "{name} is packed in a way that Excel and LibreOffice never use (part {first}), so it "
        "is not a workbook they saved.",
        WRONG_FILE,
    ),
    # XML made to attack
    Case(make.billion_laughs, DOCTYPE.replace("{part}", "xl/workbook.xml"), HOSTILE),
    Case(make.external_entity, DOCTYPE.replace("{part}", "xl/worksheets/sheet2.xml"), HOSTILE),
    Case(make.styles_bomb, TOO_MANY_ELEMENTS.replace("{part}", "xl/styles.xml"), AGAIN),
    # Wrong content types
    Case(
        make.macro_enabled,
        "{name} is a macro-enabled workbook (.xlsm): a return never has macros, and TrustDesk "
        "does not open files that do.",
        WRONG_FILE,
    ),
    Case(make.undeclared_workbook, NOT_XLSX, WRONG_FILE),
    # Sheets too big, or claiming to be
    Case(make.huge_dimension, None),
    Case(
        make.far_cell,
        "The return cannot be read: the Data sheet goes on past row 10,000, and a return's "
        "sheets are never that long.",
        AGAIN,
    ),
    Case(
        make.wide_row,
        "The return cannot be read: Data sheet, row 2, column XFD: something is written there, "
        "and a return's sheets never go past column CV.",
        AGAIN,
    ),
    Case(
        make.hundred_thousand_rows,
        TOO_MANY_ELEMENTS.replace("{part}", "xl/worksheets/sheet2.xml"),
        AGAIN,
    ),
    # Cells as people and other programs leave them
    Case(
        make.formula_without_value,
        "The return cannot be read: Data sheet, row 5, column D (value): there is no number in "
        "the cell (if it has a formula, its result was not saved).",
        AGAIN,
    ),
    Case(make.formula_with_value, None),
    Case(
        make.date_as_text,
        "The return cannot be read: Voice sheet, row 2, column A (Date): '20/04/2026' is not a date.",
        AGAIN,
    ),
    Case(
        make.merged_cells,
        "The return cannot be read: Data sheet, row 5, column A (measure): sessions is there twice.",
        AGAIN,
    ),
    Case(
        make.control_character,
        "{name} is damaged: a part of it (xl/worksheets/sheet4.xml) is not valid XML (not "
        "well-formed (invalid token): line 1, column {column}).",
        AGAIN,
    ),
    Case(
        make.control_character_reference,
        "{name} is damaged: a part of it (xl/worksheets/sheet4.xml) is not valid XML (reference "
        "to invalid character number: line 1, column {column}).",
        AGAIN,
    ),
    Case(
        make.text_in_number_cell,
        "The return cannot be read: the Data sheet has something after row 4 that is not as "
        "Excel or LibreOffice write it.",
        AGAIN,
    ),
    Case(
        make.manifest_deleted, "{name} is not a TrustDesk return: it has no Manifest sheet.", AGAIN
    ),
    Case(
        make.figure_edited,
        "The figures on the Data sheet are not the ones the return was made with: they have "
        "been changed since (their fingerprint does not match the Manifest's).",
        AGAIN,
    ),
    # Parts openpyxl reads whatever they are called and however they start
    Case(
        make.strings_under_another_name,
        TOO_MANY_ELEMENTS.replace("{part}", "xl/strings.dat"),
        AGAIN,
    ),
    Case(make.sheet_as_picture, TOO_MANY_ELEMENTS.replace("{part}", "xl/media/data.png"), AGAIN),
    # The workbook openpyxl reads is the one checked, and Excel would show the same
    Case(
        make.template_workbook,
        TWO_WORKBOOKS.replace("{first}", "xl/workbook.xml").replace("{second}", "xl/book.bin"),
        HOSTILE,
    ),
    Case(
        make.root_names_another_workbook,
        TWO_WORKBOOKS.replace("{first}", "xl/workbook.xml").replace("{second}", "xl/other.xml"),
        HOSTILE,
    ),
    # Macros however they are stored
    Case(make.macro_sheet, MACROS, WRONG_FILE),
    Case(make.intl_macro_sheet, MACROS, WRONG_FILE),
    Case(make.macro_sheet_undeclared, MACROS, WRONG_FILE),
    Case(make.vba_project_renamed, MACROS, WRONG_FILE),
    Case(make.vba_project_related, MACROS, WRONG_FILE),
    Case(make.ole_in_a_part, MACROS, WRONG_FILE),
    # Genuine returns as other programs zip them
    Case(make.part_names_in_other_case, None),
    Case(make.other_case_with_pictures, None),
    Case(make.zip64_end, None),
    Case(
        make.zip64_many_parts,
        "{name} cannot be a return: it holds 1,000,000 parts; a return holds about 15, and "
        "never more than 200.",
        HOSTILE,
    ),
]


class Measured(NamedTuple):
    case: str
    outcome: str
    seconds: float
    peak_mb: float


MEASURED: list[Measured] = []


@pytest.fixture(scope="module", autouse=True)
def table() -> Iterator[None]:
    """After the cases, the time and memory each took (shown with ``pytest -s``)."""
    yield
    if MEASURED:
        print("\n\ncase                          outcome   seconds  peak MB")
        for row in MEASURED:
            print(f"{row.case:<30}{row.outcome:<10}{row.seconds:7.2f}{row.peak_mb:9.1f}")


@pytest.fixture(scope="module")
def base(trust, tmp_path_factory) -> tuple[Path, Return]:
    """A return workbook as TrustDesk writes it, with partners, case studies and voice."""
    ret = made_up_return(trust)
    ret.partners = [
        PartnerLine("Burntwood Leisure Centre", "council", 37, 1, 9_999, 0, 0, 0, "LIC-BUR")
    ]
    path = tmp_path_factory.mktemp("base") / f"{ret.file_stem}.xlsx"
    write_workbook(ret, trust, path)
    return path, ret


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.make.__name__)
def test_hostile_file(case: Case, base, trust, tmp_path):
    base_path, made = base
    path = case.make(base_path, tmp_path)
    written = sorted(tmp_path.rglob("*"))
    error: UserError | None = None
    tracemalloc.start()
    started = time.perf_counter()
    try:
        ret = open_return_file(path, trust)
    except UserError as exc:
        error = exc
    except Exception as exc:  # the one thing that must never happen
        pytest.fail(f"{type(exc).__name__} escaped instead of a UserError: {exc}")
    finally:
        seconds = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    outcome = "read" if error is None else "refused"
    MEASURED.append(Measured(case.make.__name__, outcome, seconds, peak / MB))

    assert peak < MEMORY_LIMIT
    assert seconds < TIME_LIMIT
    assert sorted(tmp_path.rglob("*")) == written  # nothing left behind, half-written or not
    if case.message is None:
        assert error is None
        assert ret.figures == made.figures and ret.fingerprint == made.fingerprint
        assert (ret.case_studies, ret.voice, ret.partners) == (
            made.case_studies,
            made.voice,
            made.partners,
        )
        return
    assert error is not None, "the file was read as a return"
    assert error.message == case.message.format(**_details(path, error.message))
    assert error.hint == case.hint


def _details(path: Path, message: str) -> dict[str, str]:
    """What a message says that depends on how the file came out: a ratio, a size, a column."""
    details = {"name": repr(path.name), "folder": repr(str(path.parent))}
    if path.is_file() and zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
        if infos:
            total = sum(i.file_size for i in infos)
            ratios = [i.file_size / max(i.compress_size, 1) for i in infos]
            details |= {
                "ratio": f"{max(ratios):,.0f}",
                "unpacked": f"{total / MB:,.1f} MB",
                "parts": f"{len(infos):,}",
                "first": infos[0].filename,
                "overall": f"{total / path.stat().st_size:,.0f}",
            }
    if "line 1, column " in message:
        details["column"] = message.rsplit("column ", 1)[1].rstrip(").")
    return details


# Beyond the corpus


def test_a_real_return_is_far_inside_every_limit(base):
    """A tenth of each limit is still more than a return needs, so the format can grow."""
    path, _ = base
    with zipfile.ZipFile(path) as archive:
        infos = archive.infolist()
        elements = {i.filename: sum(1 for _ in ET.iterparse(archive.open(i))) for i in infos}
    assert path.stat().st_size * 10 < RETURN.max_file_bytes
    assert len(infos) * 10 < untrusted.MAX_PARTS
    assert max(i.file_size for i in infos) * 10 < RETURN.max_part_bytes
    assert sum(i.file_size for i in infos) * 10 < RETURN.max_unpacked_bytes
    assert max(i.file_size / i.compress_size for i in infos) * 5 < untrusted.MAX_RATIO
    assert max(elements.values()) * 10 < RETURN.max_part_elements
    assert sum(elements.values()) * 10 < RETURN.max_elements


@pytest.mark.parametrize(
    ("limit", "value", "message"),
    [
        (
            "MAX_ELEMENTS",
            1_000,
            "{name} cannot be a return: it holds more than 1,000 XML elements, far more than a "
            "return ever has.",
        ),
        (
            "MAX_DIRECTORY_BYTES",
            100,
            "{name} cannot be a return: the list of its parts alone is 924 bytes; a return's is "
            "about 1 KB.",
        ),
    ],
    ids=["elements", "directory"],
)
def test_limits_no_corpus_file_reaches_cheaply(base, monkeypatch, limit, value, message):
    """Limits that only a big file would reach, checked on a small one by lowering them."""
    path, _ = base
    if limit == "MAX_ELEMENTS":  # a return's own limit
        monkeypatch.setattr(untrusted, "RETURN", replace(RETURN, max_elements=value))
    else:  # a limit every file from outside shares
        monkeypatch.setattr(untrusted, limit, value)
    with pytest.raises(UserError) as raised:
        check_return_file(path)
    assert raised.value.message == message.format(name=repr(path.name))
    assert raised.value.hint == (AGAIN if limit == "MAX_ELEMENTS" else HOSTILE)


def test_check_gives_the_bytes_it_checked(base):
    path, _ = base
    assert check_return_file(path) == path.read_bytes()


def test_a_surprise_still_gets_words_and_goes_to_the_log(base, trust, monkeypatch, caplog):
    """Should a file ever find a way past the checks that the reader does not expect, the
    person still gets a message, and the log the details."""

    def surprised(*args, **kwargs):
        raise RuntimeError("something nobody foresaw")

    monkeypatch.setattr(untrusted, "read_workbook", surprised)
    path, _ = base
    with caplog.at_level(logging.ERROR), pytest.raises(UserError) as raised:
        open_return_file(path, trust)
    assert raised.value.message == (
        f"{path.name!r} cannot be read: it holds something TrustDesk does not expect in a return."
    )
    assert raised.value.hint == AGAIN
    assert "something nobody foresaw" in caplog.text


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_resaved_by_libreoffice_passes_every_check(base, trust, tmp_path):
    """A workbook someone opened and saved in LibreOffice is no hostile file."""
    path, made = base
    profile = (tmp_path / "lo-profile").as_uri()
    command = ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to"]
    command += ["xlsx", "--outdir", str(tmp_path / "resaved"), str(path)]
    subprocess.run(command, check=True, capture_output=True, timeout=180)
    back = open_return_file(tmp_path / "resaved" / path.name, trust)
    assert back.figures == made.figures and back.fingerprint == made.fingerprint
    assert (back.case_studies, back.voice, back.partners) == (
        made.case_studies,
        made.voice,
        made.partners,
    )
