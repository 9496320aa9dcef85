"""Issue 22's corpus: over three hundred files a district officer might be handed, each with
what importing it should do.

Built from genuine returns of two East Staffordshire localities (Burton Town and Tutbury and
Rolleston, exported by the demo), and changed the ways the hostile-file makers, a person in
Excel, a damaged disk and an attacker would: the container (every maker of
tests/returns/hostile_files.py), the Manifest's values, the Data sheet's figures (with the
fingerprint recomputed, as a forger would), the texts, the file's name, and random damage.

Every changed file is a change of Tutbury and Rolleston's return: the genuine one comes
after them all, and must still be taken in, whatever came before it (nothing refused
leaves a trace, nothing accepted locks it out). Burton Town's genuine returns come first, so
that status, consolidation and the window have something to show while the rest come in.
"""

from __future__ import annotations

import hashlib
import random
import shutil
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal
from xml.sax.saxutils import escape

import openpyxl

from tests.returns import hostile_files as make
from tests.returns.forging import texts_fingerprint_of_book
from trustdesk.returns.model import fingerprint

Expect = Literal["taken", "refused", "either"]
Edit = Callable[[openpyxl.Workbook], None]


@dataclass(frozen=True)
class Sample:
    path: Path
    kind: str  # genuine, container, manifest, figures, texts, names, damage
    expect: Expect
    accept_edited: bool = False

    @property
    def name(self) -> str:
        return f"{self.kind}/{self.path.name}"


@dataclass(frozen=True)
class Genuine:
    """Returns as TrustDesk exported them, for the district East Staffordshire (EST)."""

    btc_q1: Path  # Burton Town, Q1
    btc1: Path  # Burton Town, Q2, revision 1
    btc2: Path  # Burton Town, Q2, revision 2
    tut: Path  # Tutbury and Rolleston, Q2, revision 1: what every changed file starts from
    tut2: Path  # its revision 2


# Makers of tests/returns/hostile_files.py that do not make a file of their own to import.
NOT_FILES = {"a_folder", "missing", "named_pipe", "zip_of_returns"}
# Makers whose file is still the genuine return (re-saved, reformatted, with harmless extras).
# (Part names in another case and zip64 end records are how other zip tools write a file.)
STILL_GENUINE = {
    "good",
    "huge_dimension",
    "formula_with_value",
    "other_case_with_pictures",
    "part_names_in_other_case",
    "zip64_end",
}


def build(genuine: Genuine, folder: Path) -> list[Sample]:
    """The corpus, in the order it is imported."""
    folder.mkdir(parents=True, exist_ok=True)
    samples = [
        Sample(genuine.btc_q1, "genuine", "taken"),
        Sample(genuine.btc1, "genuine", "taken"),
    ]
    # Changes that must all be refused come before anything of Tutbury's is taken in, so
    # that none of them is merely "unchanged".
    samples += _manifest(genuine.tut, folder / "manifest")
    samples += _figures(genuine.tut, folder / "figures")
    samples += _texts(genuine.tut, folder / "texts")
    samples += _foreign(genuine, folder / "foreign")
    samples += _container(genuine.tut, folder / "container")
    samples += _damage(genuine.tut, folder / "damage")
    samples += [
        Sample(genuine.tut, "genuine", "taken"),
        Sample(genuine.btc2, "genuine", "taken"),
        Sample(genuine.tut2, "genuine", "taken"),
    ]
    samples += _names(genuine.btc2, folder / "names")
    samples += _repacked(genuine.btc2, folder / "repacked")
    return samples


# The container: every hostile-file maker


def _container(base: Path, folder: Path) -> Iterator[Sample]:
    folder.mkdir()
    for name in make.__all__ if hasattr(make, "__all__") else dir(make):
        maker = getattr(make, name)
        if name.startswith("_") or name in NOT_FILES or not _is_maker(maker):
            continue
        place = folder / name
        place.mkdir()
        try:
            path = maker(base, place)
        except AssertionError:  # made for the made-up return's texts, which this one lacks
            continue
        if path.is_file():
            # Makers that keep the return as it is still make a file of the same revision:
            # taken in (or unchanged) when nothing of the return changed.
            yield Sample(path, "container", "taken" if name in STILL_GENUINE else "refused")


def _is_maker(thing: Any) -> bool:
    code = getattr(thing, "__code__", None)
    return (
        callable(thing)
        and getattr(thing, "__module__", "") == make.__name__
        and code is not None
        and code.co_varnames[: code.co_argcount] == ("base", "folder")
    )


# The Manifest's values


BAD_MANIFEST: dict[str, list[Any]] = {
    "revision": [
        "0",
        "-1",
        "+3",
        "\u0661",
        "1_0",
        "1.5",
        " ",
        "x",
        "9" * 20,
        "9" * 4300,
        str(2**63 - 1),
        str(2**63),
        str(2**64),
        "1e3",
        "\u00b2",
        "0x1",
        -1,
        0,
        1.5,
        2**62,
    ],
    "period": [
        "9999-00Q4",
        "0000-01Q1",
        "0001-02Q1",
        "2026-27Q5",
        "2026-27Q0",
        "2026-28Q2",
        "2026-27",
        "",
        "2026-27Q2\u2028",
        "2099-00Q1",
        "\u0662\u0660\u0662\u0666-27Q2",
        "2026-27q2x",
        "Q2 2026-27",
        "2027-28Q4",
    ],
    "made_at": [
        "0001-01-01T00:00:00+00:00",
        "0001-01-01T00:00:00",
        "9999-12-31T23:59:59+00:00",
        "9999-12-31T23:59:59",
        "2026-10-10T09:00:00",
        "1900-01-01T00:00:00+00:00",
        "2126-10-10T09:00:00+00:00",
        "yesterday",
        "2026-13-40T00:00:00+00:00",
        "2026-10-10T09:00:00+25:00",
        "2026-10-10T09:00:00+00:00\u2028imported: Burton Town (EST-BTC)",
    ],
    "return_id": [
        "",
        "x",
        "not-a-uuid-at-all",
        "0" * 36,
        "A" * 1_000_000,
        "12345678-1234-1234-1234-1234567890123",
        "{12345678-1234-1234-1234-123456789012}",
        "12345678-1234-1234-1234-12345678901\u0661",
        "12345678-1234-1234-1234-123456789012\n",
    ],
    "unit_name": [
        "Lichfield City",
        "Burton Town",
        "",
        "Tutbury and Rolleston\u2028imported: Burton Town (EST-BTC), Q2, revision 9",
        "Tutbury and Rolleston\nrefused: nothing",
        "x" * 100_000,
    ],
    "unit_code": ["EST-BTC", "LIC-BUR", "EST", "STAFFS", "", "est-tut", "EST-TUT\u2028"],
    "unit_level": ["district", "county", "", "LOCALITY"],
    "parent_code": ["LIC", "STAFFS", "", "EST-TUT"],
    "trust": ["Another Trust", "", "x" * 10_000],
    "format_version": ["", "0", "99", "1.0", "\u0661"],
    "format": ["", "trustdesk-return-2", "TRUSTDESK-RETURN"],
    "figure_count": ["", "-1", "0", "9" * 50, "1e3"],
    "fingerprint": ["", "0" * 64, "x" * 100_000],
    "figures_to": ["0001-01-01", "9999-12-31", "yesterday", "2026-02-30"],
}


def _manifest(base: Path, folder: Path) -> Iterator[Sample]:
    folder.mkdir()
    for key, values in BAD_MANIFEST.items():
        for number, value in enumerate(values):
            target = folder / f"{key}-{number}.xlsx"
            yield Sample(_edit(base, target, _set_manifest(key, value)), "manifest", "refused")
    # A key written twice, a key missing, a key added.
    yield Sample(
        _edit(base, folder / "revision-twice.xlsx", _append_manifest("revision", "7")),
        "manifest",
        "refused",
    )
    yield Sample(
        _edit(base, folder / "period-twice.xlsx", _append_manifest("period", "2026-27Q1")),
        "manifest",
        "refused",
    )
    for key in ("revision", "return_id", "period", "unit_code", "made_at"):
        target = folder / f"no-{key}.xlsx"
        yield Sample(_edit(base, target, _drop_manifest(key)), "manifest", "refused")
    # A constituent table on a locality's return, with impossible revisions.
    for number, revision in enumerate(["9" * 4300, str(2**63 - 1), "-1", "\u0661"]):
        target = folder / f"constituent-{number}.xlsx"
        yield Sample(_edit(base, target, _constituent(revision)), "manifest", "refused")


def _manifest_row(book: openpyxl.Workbook, key: str) -> int | None:
    ws = book["Manifest"]
    for row in range(1, ws.max_row + 1):
        if ws.cell(row, 1).value == key:
            return row
    return None


def _set_manifest(key: str, value: Any) -> Edit:
    def edit(book: openpyxl.Workbook) -> None:
        row = _manifest_row(book, key)
        if row is None:  # a key the return has no value for (figures_to of a whole quarter)
            row = 2
            book["Manifest"].insert_rows(row)
            book["Manifest"].cell(row, 1).value = key
        book["Manifest"].cell(row, 2).value = value

    return edit


def _append_manifest(key: str, value: str) -> Edit:
    def edit(book: openpyxl.Workbook) -> None:
        ws = book["Manifest"]
        ws.insert_rows(2)
        ws.cell(2, 1).value, ws.cell(2, 2).value = key, value

    return edit


def _drop_manifest(key: str) -> Edit:
    def edit(book: openpyxl.Workbook) -> None:
        row = _manifest_row(book, key)
        assert row is not None, key
        book["Manifest"].delete_rows(row)

    return edit


def _constituent(revision: str) -> Edit:
    def edit(book: openpyxl.Workbook) -> None:
        ws = book["Manifest"]
        last = _last_row(ws)
        if ws.cell(last, 1).value != "constituent_unit":
            header = ("constituent_unit", "return_id", "revision", "fingerprint", "status")
            last += 2
            for column, text in enumerate(header, start=1):
                ws.cell(last, column).value = text
        row = (
            "EST-BTC",
            "12345678-1234-4234-8234-123456789012",
            revision,
            "0" * 64,
            "accepted",
        )
        for column, text in enumerate(row, start=1):
            ws.cell(last + 1, column).value = text

    return edit


def _last_row(ws: Any) -> int:
    last = 1
    for row in range(1, ws.max_row + 1):
        if any(ws.cell(row, c).value not in (None, "") for c in range(1, 6)):
            last = row
    return last


# The figures, changed with the fingerprint made to match (as a forger would)


def _figures(base: Path, folder: Path) -> Iterator[Sample]:
    folder.mkdir()
    changes: dict[str, Callable[[dict[tuple[str, str, str], Any]], None]] = {
        "participants-over-contacts": _more_than("participants", "contacts"),
        "recorded-over-participants": _more_than("participants_recorded_outcome", "participants"),
        "accredited-over-participants": _more_than(
            "participants_accredited_outcome", "participants"
        ),
        "present-over-places": _more_than("meeting_present", "meeting_places"),
        "negative-sessions": _set_value("sessions", -5),
        "negative-contacts": _set_value("contacts", -1),
        "huge-attendances": _set_value("attendances", 2**63),
        "twenty-digits": _set_value("attendances", 10**20),
        "float-sessions": _set_value("sessions", 2.5),
        "text-sessions": _set_value("sessions", "many"),
        "bool-sessions": _set_value("sessions", True),
        "unknown-measure": _add_key(("secret_measure", "", ""), 3),
        "unknown-breakdown": _add_key(("contacts", "shoe_size", "9"), 3),
        "unknown-category": _add_key(("contacts", "age_band", "90-99"), 3),
        "newline-measure": _add_key(("contacts\u2028", "", ""), 3),
    }
    for name, change in changes.items():
        target = folder / f"{name}.xlsx"
        yield Sample(_edit(base, target, _forged(change)), "figures", "refused")
    # The same changes without a new fingerprint: refused as edited (and, for the impossible
    # ones, refused even when the officer accepts edited returns).
    for name in ("participants-over-contacts", "negative-sessions", "huge-attendances"):
        target = folder / f"{name}-edited.xlsx"
        yield Sample(
            _edit(base, target, _data_only(changes[name])), "figures", "refused", accept_edited=True
        )
    target = folder / "sessions-plus-one-edited.xlsx"
    yield Sample(_edit(base, target, _data_only(_plus("sessions", 1))), "figures", "refused")


Figures = dict[tuple[str, str, str], Any]


def _more_than(measure: str, than: str) -> Callable[[Figures], None]:
    def change(figures: Figures) -> None:
        figures[(measure, "", "")] = int(figures.get((than, "", ""), 0)) + 5

    return change


def _set_value(measure: str, value: Any) -> Callable[[Figures], None]:
    def change(figures: Figures) -> None:
        figures[(measure, "", "")] = value

    return change


def _plus(measure: str, more: int) -> Callable[[Figures], None]:
    def change(figures: Figures) -> None:
        figures[(measure, "", "")] = int(figures[(measure, "", "")]) + more

    return change


def _add_key(key: tuple[str, str, str], value: int) -> Callable[[Figures], None]:
    def change(figures: Figures) -> None:
        figures[key] = value

    return change


def _data_rows(book: openpyxl.Workbook) -> Figures:
    ws = book["Data"]
    return {
        (r[0] or "", r[1] or "", r[2] or ""): r[3]
        for r in ws.iter_rows(min_row=2, values_only=True)
        if r[0]
    }


def _write_data(book: openpyxl.Workbook, figures: Figures) -> None:
    ws = book["Data"]
    ws.delete_rows(2, ws.max_row)
    for row, ((m, b, c), v) in enumerate(figures.items(), start=2):
        for column, value in enumerate((m, b, c, v), start=1):
            ws.cell(row, column).value = value


def _data_only(change: Callable[[Figures], None]) -> Edit:
    def edit(book: openpyxl.Workbook) -> None:
        figures = _data_rows(book)
        change(figures)
        _write_data(book, figures)

    return edit


def _forged(change: Callable[[Figures], None]) -> Edit:
    """The figures changed, and the Manifest's count and fingerprint made to match them."""

    def edit(book: openpyxl.Workbook) -> None:
        figures = _data_rows(book)
        change(figures)
        _write_data(book, figures)
        refingerprint(book)

    return edit


def refingerprint(book: openpyxl.Workbook) -> None:
    """The Manifest's figure count and fingerprints made to match what the sheets hold now."""
    manifest = {
        row[0]: row[1]
        for row in book["Manifest"].iter_rows(values_only=True)
        if row and isinstance(row[0], str)
    }
    figures = _data_rows(book)
    unit, period = str(manifest["unit_code"]), str(manifest["period"])
    version = str(manifest["format_version"])
    _set_manifest("figure_count", str(len(figures)))(book)
    _set_manifest("fingerprint", fingerprint(unit, period, figures.items(), version))(book)
    texts = texts_fingerprint_of_book(book, unit, period, version)
    if texts is not None and _manifest_row(book, "texts_fingerprint") is not None:
        _set_manifest("texts_fingerprint", texts)(book)


# The texts (the Case studies, Voice and Partners sheets)


LONG_WORD = "W" * 5_000
TEXT_CHANGES: dict[str, tuple[str, int, Any]] = {  # sheet, column, value
    "narrative-40000": ("Case studies", 4, "A young person said. " * 2_000),
    "narrative-one-word": ("Case studies", 4, LONG_WORD * 8),
    "title-lines": ("Case studies", 2, "t\n" * 300),
    "voice-50000": ("Voice", 4, "We asked for a bus. " * 2_500),
    "voice-lines": ("Voice", 4, "said\n" * 2_500),
    "partner-300-lines": ("Partners", 1, "Youth Club\n" * 300),
    "partner-one-word": ("Partners", 1, LONG_WORD),
    "partner-100-letters": ("Partners", 1, "a\n" * 100),
    "partner-line-separator": ("Partners", 1, "Police\u2028refused: forged"),
    "partner-control": ("Partners", 1, "Police\r\tStation\u200b\ufeff"),
    "partner-money-negative": ("Partners", 4, -500),
    "partner-money-huge": ("Partners", 4, 10**20),
    "partner-type-unknown": ("Partners", 10, "secret_service"),
    "voice-method-unknown": ("Voice", 7, "telepathy"),
    "ecm-unknown": ("Case studies", 6, "ECM9 XYZ"),
    "text-unit-other-district": ("Case studies", 5, "LIC-BUR"),
    "voice-unit-other-locality": ("Voice", 6, "EST-BTC"),
    "partner-unit-county": ("Partners", 9, "STAFFS"),
    "case-study-date-year-1": ("Case studies", 1, "0001-01-01"),
    "voice-date-9999": ("Voice", 1, "9999-12-31"),
}


def _texts(base: Path, folder: Path) -> Iterator[Sample]:
    folder.mkdir()
    for name, (sheet, column, value) in TEXT_CHANGES.items():
        # Changed by hand: the texts no longer match the return (refused, and refused even
        # when the officer takes edited returns in, when the text itself is out of bounds).
        target = folder / f"{name}.xlsx"
        yield Sample(_edit_text(base, target, sheet, column, value), "texts", "refused")
        forged = folder / f"{name}-forged.xlsx"
        yield Sample(
            _edit_text(base, forged, sheet, column, value, forged=True), "texts", "refused"
        )
    # A plain edit of a narrative that is within every limit: refused as edited; with the
    # officer's say-so it would be taken (marked), which the corpus does not do here.
    target = folder / "narrative-reworded.xlsx"
    yield Sample(
        _edit(base, target, _set_text("Case studies", 4, "Reworded after export.")),
        "texts",
        "refused",
    )


EXCEL_CELL_MAX = 32_767  # openpyxl cuts a longer text to this when it is set
MARKER = "CORPUS-LONG-TEXT"


def _edit_text(
    base: Path, target: Path, sheet: str, column: int, value: Any, *, forged: bool = False
) -> Path:
    """A copy with one text changed (and, forged, its fingerprints made to match). A text
    longer than a cell holds goes into the sheet's XML itself, as a hand-made file can."""
    if not (isinstance(value, str) and len(value) > EXCEL_CELL_MAX):
        edit = _set_text(sheet, column, value)
        return _edit(base, target, _then(edit, refingerprint) if forged else edit)
    _edit(base, target, _set_text(sheet, column, MARKER))
    swapped = target.with_suffix(".swap")
    with zipfile.ZipFile(target) as source, zipfile.ZipFile(swapped, "w") as out:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.startswith("xl/worksheets/"):
                data = data.replace(MARKER.encode(), escape(value).encode())
            out.writestr(info, data)
    swapped.replace(target)
    if forged:
        _edit(target, target, refingerprint)  # loading does not cut a text, nor saving
    held = openpyxl.load_workbook(target)[sheet].cell(2, column).value
    assert held == value, f"{target.name}: the long text did not survive"
    return target


def _set_text(sheet: str, column: int, value: Any) -> Edit:
    def edit(book: openpyxl.Workbook) -> None:
        ws = book[sheet]
        if ws.max_row < 2 or all(ws.cell(2, c).value is None for c in range(1, 11)):
            # No row to change: add one, copying the headings' count.
            for c in range(1, ws.max_column + 1):
                ws.cell(2, c).value = "2026-08-01" if c == 1 else "x"
        ws.cell(2, column).value = value

    return edit


def _then(*edits: Edit) -> Edit:
    def edit(book: openpyxl.Workbook) -> None:
        for each in edits:
            each(book)

    return edit


# Damage: bytes flipped, cut and shuffled at random (seeded)


def _damage(base: Path, folder: Path, count: int = 80) -> Iterator[Sample]:
    folder.mkdir()
    rng = random.Random(22)
    data = base.read_bytes()
    for number in range(count):
        damaged = bytearray(data)
        how = number % 3
        if how == 0:  # a few bytes flipped anywhere
            for _ in range(rng.randint(1, 8)):
                at = rng.randrange(len(damaged))
                damaged[at] ^= 1 << rng.randrange(8)
        elif how == 1:  # a run of bytes overwritten
            at = rng.randrange(len(damaged) - 64)
            damaged[at : at + rng.randint(1, 64)] = bytes(rng.randrange(256) for _ in range(64))[
                : rng.randint(1, 64)
            ]
        else:  # cut short, or with bytes added at the end
            if rng.random() < 0.5:
                damaged = damaged[: rng.randrange(len(damaged))]
            else:
                damaged += bytes(rng.randrange(256) for _ in range(rng.randint(1, 4096)))
        target = folder / f"damaged-{number:02}.xlsx"
        target.write_bytes(bytes(damaged))
        # Most damage is refused (a part whose check sum fails, a cut directory); some lands
        # where nothing reads it (padding, a comment) and the return is still whole.
        yield Sample(target, "damage", "either")


# Another unit's file carrying Tutbury and Rolleston's return id (before its genuine return)


def _foreign(genuine: Genuine, folder: Path) -> Iterator[Sample]:
    folder.mkdir()
    tut = openpyxl.load_workbook(genuine.tut, read_only=True)
    tut_id = {r[0]: r[1] for r in tut["Manifest"].iter_rows(values_only=True) if r}["return_id"]
    tut.close()
    # Burton Town's Q1 return (already taken in) claiming Tutbury's return id, revision 99.
    target = folder / "btc-with-tut-id.xlsx"
    edits = _then(_set_manifest("return_id", tut_id), _set_manifest("revision", "99"))
    yield Sample(_edit(genuine.btc_q1, target, edits), "foreign", "refused")
    # A copy of Tutbury's return claiming to be Burton Town's, fingerprint recomputed.
    target = folder / "tut-as-btc.xlsx"
    edits = _then(
        _set_manifest("unit_code", "EST-BTC"),
        _set_manifest("unit_name", "Burton Town"),
        refingerprint,
    )
    yield Sample(_edit(genuine.tut, target, edits), "foreign", "either")


# File names


def _names(base: Path, folder: Path) -> Iterator[Sample]:
    folder.mkdir()
    names = [
        "R\u00e9turn Burton.xlsx",
        "return with spaces and (brackets).xlsx",
        "\u202eslx.return.xlsx",  # a right-to-left override in the name
        "line\u2028break.xlsx",
        "x" * 200 + ".xlsx",
        "UPPER.XLSX",
    ]
    for name in names:
        target = folder / name
        shutil.copy(base, target)
        yield Sample(target, "names", "taken")
    raw = bytes(folder) + b"/R\xe9turn.xlsx"  # not valid UTF-8, as a Windows-1252 name
    with open(raw, "wb") as out:
        out.write(base.read_bytes())
    yield Sample(Path(raw.decode("utf-8", "surrogateescape")), "names", "taken")


# The same return packed differently, as another zip program or a re-save would


def _repacked(base: Path, folder: Path) -> Iterator[Sample]:
    folder.mkdir()
    ways: dict[str, Callable[[Path], Path]] = {
        "stored": lambda t: rezip(base, t, compression=zipfile.ZIP_STORED),
        "deflate-9": lambda t: rezip(base, t, compression=zipfile.ZIP_DEFLATED, compresslevel=9),
        "reversed": lambda t: rezip(base, t, compression=zipfile.ZIP_DEFLATED, reverse=True),
        "zip64": lambda t: rezip(base, t, compression=zipfile.ZIP_DEFLATED, zip64=True),
        "commented": lambda t: rezip(base, t, compression=zipfile.ZIP_DEFLATED, comment=b"sent"),
        "part-names-in-capitals": lambda t: rezip(
            base, t, compression=zipfile.ZIP_DEFLATED, types=_capital_part_names
        ),
    }
    for name, way in ways.items():
        yield Sample(way(folder / f"{name}.xlsx"), "repacked", "taken")


def _capital_part_names(content_types: bytes) -> bytes:
    """[Content_Types].xml naming its parts in capitals (part names are case-insensitive)."""
    return content_types.replace(b'PartName="/xl/', b'PartName="/XL/')


# Helpers


def _edit(base: Path, target: Path, edit: Edit) -> Path:
    book = openpyxl.load_workbook(base)
    edit(book)
    book.save(target)
    return target


def rezip(
    base: Path,
    target: Path,
    *,
    reverse: bool = False,
    zip64: bool = False,
    comment: bytes = b"",
    types: Callable[[bytes], bytes] | None = None,
    **options: Any,
) -> Path:
    with zipfile.ZipFile(base) as source, zipfile.ZipFile(target, "w", **options) as out:
        infos = source.infolist()
        for info in reversed(infos) if reverse else infos:
            data = source.read(info)
            if types is not None and info.filename == "[Content_Types].xml":
                data = types(data)
            with out.open(info.filename, "w", force_zip64=zip64) as part:
                part.write(data)
        out.comment = comment
    return target


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
