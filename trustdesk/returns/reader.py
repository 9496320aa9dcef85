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
passes through :func:`trustdesk.returns.sheet_rows.rows`, which bounds how many rows and
columns a sheet may have, and turns a cell openpyxl cannot make sense of into a message.
Checking each figure against the catalogue belongs to the importer
(:mod:`trustdesk.returns.data_checks`), which is told each figure's row through
``Return.data_rows``.

A blank return workbook filled in by hand (:mod:`trustdesk.returns.template`) has no
fingerprint: its Manifest says so (``made_how``), and its figures are read and checked from
its Figures sheet instead (:mod:`trustdesk.returns.template_reader`).
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from trustdesk import APP_NAME, __version__
from trustdesk.config.trust import TrustConfig
from trustdesk.errors import UserError
from trustdesk.returns import formats, made_how
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
from trustdesk.returns.sheet_rows import AGAIN as AGAIN
from trustdesk.returns.sheet_rows import MAX_COLUMNS as MAX_COLUMNS
from trustdesk.returns.sheet_rows import MAX_ROWS as MAX_ROWS
from trustdesk.returns.sheet_rows import Place as Place
from trustdesk.returns.sheet_rows import Row
from trustdesk.returns.sheet_rows import amount as _amount
from trustdesk.returns.sheet_rows import blank as _blank
from trustdesk.returns.sheet_rows import cell as _cell
from trustdesk.returns.sheet_rows import date as _date
from trustdesk.returns.sheet_rows import rows as _rows
from trustdesk.returns.sheet_rows import text as _text
from trustdesk.returns.sheet_rows import whole as _whole
from trustdesk.returns.summary_check import disagreements
from trustdesk.returns.template_reader import read_filled_in
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
        if manifest.get("made_how", ("", None))[0] == made_how.FILLED_IN:
            return read_filled_in(book, ret, config)  # a blank return filled in by hand
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
            later = zip(texts[5:], CONSTITUENT_HEADER[5:], strict=True)
            if texts[:5] != CONSTITUENT_HEADER[:5] or any(t not in ("", h) for t, h in later):
                raise Place(MANIFEST, number, 1).fail("the constituents header is not as written")
            header = CONSTITUENT_HEADER  # the last columns came later: blank in older files
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
        how = _made_how(texts[6], Place(MANIFEST, number, 7, header[6]), config)
        constituents.append(
            Constituent(texts[0], texts[1], revision, texts[3], texts[4], edited, how)
        )
    return items, constituents


def _made_how(text: str, place: Place, config: TrustConfig) -> made_how.Marks:
    """A constituent's marks of the returns not made by TrustDesk from records."""
    try:
        marks = made_how.parsed(text)
    except ValueError as bad:
        raise place.fail(
            f"{shown(str(bad))} is not a unit code and how its return was made"
        ) from None
    for code, _ in marks:
        if code not in config.units:
            raise place.fail(f"{shown(code)} is not a unit in the trust configuration")
    return marks


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
