"""Reading a return workbook back into a :class:`Return`, for a district's import.

The workbook may have been opened and re-saved in Excel or LibreOffice on its way, so the
reader goes by sheet names and header rows, takes a whole-number float for an integer and a
number for its text, and skips blank rows; anything else that is not as
:mod:`trustdesk.returns.workbook` writes it is refused with a message naming the sheet, row
and column, so that the officer can tell the coordinator what to fix.

The figures must match the Manifest's fingerprint: a figure changed by hand is refused here
rather than imported, unless the caller asks to have it marked instead (``edited_ok``: the
importer then asks the officer). A file that came from outside is checked before it gets here (sizes,
zip bombs, XML entities: :mod:`trustdesk.returns.untrusted`, which calls this); every row
passes through :func:`_rows`, which bounds how many rows and columns a sheet may have, and
turns a cell openpyxl cannot make sense of into a message. Checking each figure against the
catalogue belongs to the importer (:mod:`trustdesk.returns.data_checks`), which is told each
figure's row through ``Return.data_rows``.
"""

from __future__ import annotations

import datetime as dt
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from trustdesk import APP_NAME, __version__
from trustdesk.config.trust import TrustConfig
from trustdesk.errors import UserError
from trustdesk.returns import formats
from trustdesk.returns import manifest_values as values_checked
from trustdesk.returns.manifest_values import shown
from trustdesk.returns.model import (
    FORMAT_NAME,
    FORMAT_VERSION,
    CaseStudyText,
    Constituent,
    Key,
    PartnerLine,
    Return,
    VoiceText,
    fingerprint,
    texts_fingerprint,
)
from trustdesk.returns.summary_check import disagreements
from trustdesk.returns.workbook import (
    CASE_STUDIES,
    CASE_STUDY_HEADER,
    CONSTITUENT_HEADER,
    DATA,
    DATA_HEADER,
    MANIFEST,
    PARTNER_HEADER,
    PARTNER_UNITS,
    PARTNERS,
    SUMMARY,
    VOICE,
    VOICE_HEADER,
)

T = TypeVar("T")
Row = tuple[Any, ...]
AGAIN = "Ask the coordinator to make the return again in TrustDesk and send the new file."
# Far more than a return's sheets ever hold (the Data sheet has a row for each of about 400
# figures, the widest sheet 10 columns), and few enough to read in a second or two.
MAX_ROWS, MAX_COLUMNS = 10_000, 100
# What openpyxl raises on a cell or row it cannot make sense of, such as a number cell
# holding "abc", a shared string that is not there or a date beyond the calendar.
CELL_ERRORS: tuple[type[Exception], ...] = (
    ValueError,
    OverflowError,
    TypeError,
    KeyError,
    IndexError,
    SyntaxError,
)
CELL_ERRORS += (EOFError, zipfile.BadZipFile, zlib.error)


def read_workbook(
    source: Path | BinaryIO,
    config: TrustConfig,
    *,
    name: str | None = None,
    edited_ok: bool = False,
) -> Return:
    """The return a workbook written by ``write_workbook`` holds; ``name`` is how messages
    call the file (by default its name, or "The file"). With ``edited_ok`` a return whose
    figures no longer match its fingerprint is read and marked ``edited_after_export``."""
    if name is None:
        name = f"{source.name!r}" if isinstance(source, Path) else "The file"
    try:
        book = load_workbook(source, read_only=True, data_only=True)
    except (OSError, zipfile.BadZipFile, InvalidFileException, KeyError, ValueError) as exc:
        raise UserError(
            f"{name} cannot be read as an Excel workbook ({exc}).", hint=AGAIN
        ) from None
    except SyntaxError:  # XML that does not parse
        raise UserError(f"{name} is not a readable Excel workbook.", hint=AGAIN) from None
    try:
        sheets = (MANIFEST, DATA, CASE_STUDIES, VOICE, PARTNERS)
        missing = [s for s in sheets if s not in book.sheetnames]
        if missing:
            raise UserError(
                f"{name} is not a TrustDesk return: it has no {missing[0]} sheet.", hint=AGAIN
            )
        manifest, constituents = _manifest(_rows(book[MANIFEST]), config)
        ret = _identity(manifest, config)
        ret.constituents = constituents
        figures, rows = _figures(_rows(book[DATA]))
        version = manifest["format_version"][0]
        _check_figures(ret, figures, manifest, version, edited_ok)
        values_checked.not_moved(ret, figures.items(), manifest, version, config)
        ret.read_fingerprint = fingerprint(ret.unit_code, ret.period.code, figures.items(), version)
        ret.figures, ret.data_rows = formats.to_current(version, figures, rows)
        _texts(book, ret, manifest, version, edited_ok)
        if SUMMARY in book.sheetnames:
            _check_summary(book[SUMMARY], ret, config, edited_ok)
        return ret
    finally:
        book.close()


# Rows and cells


def _rows(ws: Any) -> Iterator[tuple[int, Row]]:
    """Every row with its number, blank ones included (the caller decides about them), up
    to MAX_ROWS rows, each cut to MAX_COLUMNS when nothing is written further right."""
    ws.reset_dimensions()  # trust the cells, not the size a file claims to have
    rows = ws.iter_rows(values_only=True)
    number = 0
    while True:
        try:
            values = next(rows, None)
        except CELL_ERRORS:
            where = f"after row {number}" if number else "in its first row"
            raise UserError(
                f"The return cannot be read: the {ws.title} sheet has something {where} that "
                "is not as Excel or LibreOffice write it.",
                hint=AGAIN,
            ) from None
        if values is None:
            return
        number += 1
        if number > MAX_ROWS:
            raise UserError(
                f"The return cannot be read: the {ws.title} sheet goes on past row "
                f"{MAX_ROWS:,}, and a return's sheets are never that long.",
                hint=AGAIN,
            )
        if len(values) > MAX_COLUMNS:
            beyond = values[MAX_COLUMNS:]
            if beyond.count(None) != len(beyond):  # counted in C: a row may be 16,384 wide
                column = MAX_COLUMNS + next(i for i, v in enumerate(beyond) if v is not None)
                raise Place(ws.title, number, column + 1).fail(
                    "something is written there, and a return's sheets never go past column "
                    f"{get_column_letter(MAX_COLUMNS)}"
                )
            values = values[:MAX_COLUMNS]
        yield number, values


def _blank(values: Row) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in values)


class Place:
    """Where a value came from, for messages."""

    def __init__(self, sheet: str, row: int, column: int, heading: str = "") -> None:
        self.sheet, self.row, self.column, self.heading = sheet, row, column, heading

    def __str__(self) -> str:
        heading = f" ({self.heading})" if self.heading else ""
        return (
            f"{self.sheet} sheet, row {self.row}, column {get_column_letter(self.column)}{heading}"
        )

    def fail(self, problem: str) -> UserError:
        return UserError(f"The return cannot be read: {self}: {problem}.", hint=AGAIN)


def _text(value: Any) -> str:
    """A cell as text; a whole number a spreadsheet made of a text such as "2" goes back."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _whole(value: Any, place: Place) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if value is None:  # a formula saved without its result reads so too
        raise place.fail(
            "there is no number in the cell (if it has a formula, its result was not saved)"
        )
    raise place.fail(f"{_text(value)!r} is not a whole number")


def _amount(value: Any, place: Place, unit: str) -> int:
    """Hours or pounds as written back to whole minutes or pence; a count as it is."""
    if unit == "count":
        return _whole(value, place)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise place.fail(f"{_text(value)!r} is not a number")
    return round(value * (60 if unit == "minutes" else 100))


def _parsed(text: str, parse: Callable[[str], T], place: Place, what: str) -> T:
    try:
        return parse(text)
    except (ValueError, UserError):
        raise place.fail(f"{text!r} is not {what}") from None


def _date(value: Any, place: Place) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return _parsed(_text(value).strip(), dt.date.fromisoformat, place, "a date")


def _cell(values: Row, index: int) -> Any:
    return values[index] if index < len(values) else None


# Sheets


def _manifest(
    rows: Iterator[tuple[int, Row]], config: TrustConfig
) -> tuple[dict[str, tuple[str, Place]], list[Constituent]]:
    """The key/value rows up to the first blank one, then the constituents table."""
    written: list[tuple[str, str, int]] = []
    for number, values in rows:
        if _blank(values):
            break
        written.append((_text(_cell(values, 0)).strip(), _text(_cell(values, 1)), number))
    if next((v for k, v, _ in written if k == "format"), "") != FORMAT_NAME:
        raise UserError(
            "The file is not a TrustDesk return (its Manifest does not say it is one).",
            hint=AGAIN,
        )
    # Each key once, and every value one that is safe to keep and to show on a line.
    items: dict[str, tuple[str, Place]] = {}
    rows_of: dict[str, int] = {}
    for key, value, number in written:
        place = Place(MANIFEST, number, 2, key[:40])
        values_checked.once(key, rows_of, number, place)
        items[key] = (values_checked.plain(value, place), place)
    constituents: list[Constituent] = []
    header = None
    for number, values in rows:
        if _blank(values):
            continue
        texts = tuple(
            values_checked.plain(_text(_cell(values, i)), Place(MANIFEST, number, i + 1, h)).strip()
            for i, h in enumerate(CONSTITUENT_HEADER)
        )
        if header is None:
            if texts[:-1] != CONSTITUENT_HEADER[:-1] or texts[-1] not in (
                "",
                CONSTITUENT_HEADER[-1],
            ):
                raise Place(MANIFEST, number, 1).fail("the constituents header is not as written")
            header = CONSTITUENT_HEADER  # the last column came later: blank in older files
            continue
        revision = None
        if texts[2]:
            revision = values_checked.revision(texts[2], Place(MANIFEST, number, 3, header[2]))
        edited = tuple(texts[5].split())
        for code in edited:
            if code not in config.units:
                raise Place(MANIFEST, number, 6, header[5]).fail(
                    f"{shown(code)} is not a unit in the trust configuration"
                )
        constituents.append(Constituent(texts[0], texts[1], revision, texts[3], texts[4], edited))
    return items, constituents


def _identity(manifest: dict[str, tuple[str, Place]], config: TrustConfig) -> Return:
    def get(key: str) -> tuple[str, Place]:
        if key not in manifest:
            raise UserError(f"The return cannot be read: its Manifest has no {key!r}.", hint=AGAIN)
        return manifest[key]

    version, place = get("format_version")
    if not formats.readable(version):
        made_by = manifest.get("made_by", ("", None))[0] or "another TrustDesk"
        raise UserError(
            f"The return cannot be read: {place}: the file is in format version {version!r}; "
            f"this TrustDesk reads versions 1 to {FORMAT_VERSION}.",
            hint=f"It was made by {made_by}, which may be newer than this one "
            f"({APP_NAME} {__version__}): install that version or a newer one, then import "
            "it again.",
        )
    trust, place = get("trust")
    if trust != config.trust_name:
        raise place.fail(f"the return is for {shown(trust)}, not {config.trust_name!r}")
    unit_code, place = get("unit_code")
    if unit_code not in config.units:
        raise place.fail(f"{shown(unit_code)} is not a unit in the trust configuration")
    unit = config.units[unit_code]
    values_checked.as_configured(unit, [get(k) for k in ("unit_name", "unit_level", "parent_code")])
    period = values_checked.period(*get("period"))
    # A part quarter's last day of figures; a return from before it was written has none.
    figures_to = manifest.get("figures_to")
    return Return.of_unit(
        trust,
        unit,
        period,
        {},
        return_id=values_checked.return_id(*get("return_id")),
        revision=values_checked.revision(*get("revision")),
        made_at=values_checked.made_at(*get("made_at")) if get("made_at")[0] else None,
        made_by=get("made_by")[0],
        figures_to=values_checked.figures_to(*figures_to, period)
        if figures_to is not None and figures_to[0]
        else None,
    )


def _figures(rows: Iterator[tuple[int, Row]]) -> tuple[dict[Key, int], dict[Key, int]]:
    """The figures, and the row each was on."""
    figures: dict[Key, int] = {}
    places: dict[Key, int] = {}
    for number, values in rows:
        if number == 1:
            header = tuple(_text(_cell(values, i)).strip() for i in range(len(DATA_HEADER)))
            if header != DATA_HEADER:
                raise Place(DATA, 1, 1).fail(f"the header should be {', '.join(DATA_HEADER)}")
            continue
        if _blank(values):
            continue
        key = (_text(_cell(values, 0)), _text(_cell(values, 1)), _text(_cell(values, 2)))
        if not key[0]:
            raise Place(DATA, number, 1, "measure").fail("the measure is empty")
        if key in figures:
            raise Place(DATA, number, 1, "measure").fail(
                f"{' / '.join(filter(None, key))} is there twice"
            )
        figures[key] = _whole(_cell(values, 3), Place(DATA, number, 4, "value"))
        places[key] = number
    return figures, places


def _check_figures(
    ret: Return,
    figures: dict[Key, int],
    manifest: dict[str, tuple[str, Place]],
    version: str,
    edited_ok: bool,
) -> None:
    """The Data sheet must hold the figures the return was made with, all of them (or, with
    ``edited_ok``, as many as it was made with, the return marked when they differ)."""
    count = manifest.get("figure_count", ("", None))[0]
    if count != str(len(figures)):
        raise UserError(
            f"The return cannot be read: the Data sheet has {len(figures)} figures, "
            f"but the Manifest says {count or 'nothing about how many'}.",
            hint=AGAIN,
        )
    expected = manifest.get("fingerprint", ("", None))[0]
    if fingerprint(ret.unit_code, ret.period.code, figures.items(), version) != expected:
        if edited_ok:
            ret.edited_after_export = True
            return
        raise UserError(
            "The figures on the Data sheet are not the ones the return was made with: "
            "they have been changed since (their fingerprint does not match the Manifest's).",
            hint=AGAIN,
        )


def _check_summary(ws: Any, ret: Return, config: TrustConfig, edited_ok: bool) -> None:
    """The Summary people read must show the Data's figures: one changed there is an edit
    after export, as a changed Data figure is (:mod:`trustdesk.returns.summary_check`)."""
    found = disagreements(_rows(ws), ret, config)
    if not found:
        return
    if edited_ok:
        ret.edited_after_export = True
        return
    more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
    raise UserError(
        f"The Summary sheet does not show the return's figures: {found[0]}{more}. It has been "
        "changed since the return was made.",
        hint=AGAIN,
    )


def _texts(
    book: Any,
    ret: Return,
    manifest: dict[str, tuple[str, Place]],
    version: str,
    edited_ok: bool,
) -> None:
    """The case studies, voice and partner lines, each text's place kept for the importer's
    checks (:mod:`trustdesk.returns.data_checks`); from format version 2 they must match the
    Manifest's texts fingerprint, as the figures must match theirs."""
    sheets = ((CASE_STUDIES, CASE_STUDY_HEADER), (VOICE, VOICE_HEADER), (PARTNERS, PARTNER_HEADER))
    records = {name: list(_records(book[name], header)) for name, header in sheets}
    for name, listed in records.items():
        for index, record in enumerate(listed):
            for heading, (_, place) in record.items():
                ret.text_places[name, index, heading] = (place.row, place.column)
    ret.case_studies = [_case_study(r) for r in records[CASE_STUDIES]]
    ret.voice = [_voice(r) for r in records[VOICE]]
    ret.partners = [_partner(r) for r in records[PARTNERS]]
    if not formats.has_texts_fingerprint(version) or ret.edited_after_export:
        return
    expected = manifest.get("texts_fingerprint", ("", None))[0]
    texts = (ret.case_studies, ret.voice, ret.partners)
    if texts_fingerprint(ret.unit_code, ret.period.code, *texts, version) != expected:
        if edited_ok:
            ret.edited_after_export = True
            return
        raise UserError(
            "The texts on the Case studies, Voice or Partners sheets are not the ones the "
            "return was made with: they have been changed since (their fingerprint does not "
            "match the Manifest's).",
            hint=AGAIN,
        )


def _records(ws: Any, header: tuple[str, ...]) -> Iterator[dict[str, tuple[Any, Place]]]:
    """The rows of a list sheet as {heading: (value, place)}, columns found by heading."""
    columns: dict[str, int] = {}
    for number, values in _rows(ws):
        if number == 1:
            found = [_text(v).strip() for v in values]
            for heading in header:
                if heading not in found:
                    raise Place(ws.title, 1, 1).fail(f"there is no {heading!r} column")
                columns[heading] = found.index(heading)
            continue
        if _blank(values):
            continue
        yield {
            heading: (_cell(values, index), Place(ws.title, number, index + 1, heading))
            for heading, index in columns.items()
        }


def _case_study(record: dict[str, tuple[Any, Place]]) -> CaseStudyText:
    date, title, _, narrative, unit, codes = (record[h] for h in CASE_STUDY_HEADER)
    return CaseStudyText(
        date=_date(*date),
        title=_text(title[0]),
        narrative=_text(narrative[0]),
        ecm_outcomes=tuple(_text(codes[0]).split()),
        unit_code=_text(unit[0]),
    )


def _voice(record: dict[str, tuple[Any, Place]]) -> VoiceText:
    date, _, who, said, change, unit, method = (record[h] for h in VOICE_HEADER)
    return VoiceText(
        date=_date(*date),
        method=_text(method[0]),
        who=_text(who[0]),
        said=_text(said[0]),
        change_made=_text(change[0]),
        unit_code=_text(unit[0]),
    )


def _partner(record: dict[str, tuple[Any, Place]]) -> PartnerLine:
    name, _, *numbers, unit, kind = (record[h] for h in PARTNER_HEADER)
    staff, money, in_kind, contacts, places, present = (
        _amount(value, place, PARTNER_UNITS[index])
        for index, (value, place) in enumerate(numbers, start=2)
    )
    return PartnerLine(
        name=_text(name[0]),
        partner_type=_text(kind[0]),
        staff_minutes=staff,
        money_pence=money,
        in_kind_pence=in_kind,
        meetings_present=present,
        meeting_places=places,
        contacts=contacts,
        unit_code=_text(unit[0]),
    )
