"""A corpus of files a district officer might be handed instead of a good return.

Each maker writes one file (or folder, or nothing) into ``folder`` and returns its path;
most start from ``base``, a return workbook as TrustDesk writes it, and change it the way a
person, a damaged disk or an attacker would. They are quick (the biggest, a 100,000-row
sheet, takes a fraction of a second) and need nothing but the standard library and openpyxl.

The workbook's parts: sheet1 is Summary, sheet2 Data, sheet3 Case studies, sheet4 Voice,
sheet5 Partners, sheet6 Manifest.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import struct
import threading
import time
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

Change = bytes | Callable[[bytes], bytes] | None
DATA = "xl/worksheets/sheet2.xml"
VOICE = "xl/worksheets/sheet4.xml"
SUMMARY = "xl/worksheets/sheet1.xml"
WORKBOOK = "xl/workbook.xml"
CONTENT_TYPES = "[Content_Types].xml"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
MB = 1024 * 1024


# Helpers


def rezip(
    base: Path,
    target: Path,
    changes: dict[str, Change] | None = None,
    *,
    add: dict[str, bytes] | None = None,
    compression: int = zipfile.ZIP_DEFLATED,
) -> Path:
    """``base`` part by part into ``target``: a change is new bytes, a function of the old
    ones, or None to leave the part out; ``add`` puts new parts at the end."""
    changes = changes or {}
    with zipfile.ZipFile(base) as old, zipfile.ZipFile(target, "w", compression) as new:
        for info in old.infolist():
            content = old.read(info)
            change = changes.get(info.filename, content)
            if callable(change):
                change = change(content)
            if change is not None:
                new.writestr(info.filename, change)
        for part, content in (add or {}).items():
            new.writestr(part, content)
    return target


def patch_directory(target: Path, part: str, **fields: int) -> Path:
    """Overwrite a part's fields in the zip's directory and its local header, as someone
    crafting a file would: ``file_size``, ``compress_size`` or ``flag_bits``."""
    data = bytearray(target.read_bytes())
    end = data.rfind(b"PK\x05\x06")
    count, _, start = struct.unpack_from("<HII", data, end + 10)
    central = {"flag_bits": (8, "<H"), "compress_size": (20, "<I"), "file_size": (24, "<I")}
    local = {"flag_bits": (6, "<H"), "compress_size": (18, "<I"), "file_size": (22, "<I")}
    at = start
    for _ in range(count):
        name_length, extra_length, comment_length = struct.unpack_from("<HHH", data, at + 28)
        name = data[at + 46 : at + 46 + name_length].decode()
        if name == part:
            header = struct.unpack_from("<I", data, at + 42)[0]
            for field, value in fields.items():
                struct.pack_into(central[field][1], data, at + central[field][0], value)
                struct.pack_into(local[field][1], data, header + local[field][0], value)
        at += 46 + name_length + extra_length + comment_length
    target.write_bytes(bytes(data))
    return target


def _edited(base: Path, target: Path, edit: Callable[[openpyxl.Workbook], None]) -> Path:
    """The workbook opened, changed and saved in openpyxl, as a person would in Excel."""
    book = openpyxl.load_workbook(base)
    edit(book)
    book.save(target)
    return target


def _sub(pattern: str, replacement: str, count: int = 1) -> Callable[[bytes], bytes]:
    def change(content: bytes) -> bytes:
        changed, made = re.subn(pattern.encode(), replacement.encode(), content, count=count)
        assert made, pattern  # the workbook is not written as this corpus expects
        return changed

    return change


# Not a workbook at all


def good(base: Path, folder: Path) -> Path:
    return Path(shutil.copy(base, folder / "good.xlsx"))


def zero_bytes(base: Path, folder: Path) -> Path:
    path = folder / "zero_bytes.xlsx"
    path.write_bytes(b"")
    return path


def empty_zip(base: Path, folder: Path) -> Path:
    path = folder / "empty_zip.xlsx"
    zipfile.ZipFile(path, "w").close()
    return path


def a_folder(base: Path, folder: Path) -> Path:
    path = folder / "a_folder.xlsx"
    path.mkdir()
    return path


def missing(base: Path, folder: Path) -> Path:
    return folder / "missing.xlsx"


def named_pipe(base: Path, folder: Path) -> Path:
    """Reading a pipe that nobody writes to would wait for ever. Should the reader ever try,
    a writer turns up for a few seconds and closes it, so that the test fails, not hangs."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("this system has no named pipes")
    path = folder / "named_pipe.xlsx"
    os.mkfifo(path)

    def release() -> None:
        for _ in range(50):
            try:
                os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))  # fails with no reader
                return
            except OSError:
                time.sleep(0.1)

    threading.Thread(target=release, daemon=True).start()
    return path


def random_bytes(base: Path, folder: Path) -> Path:
    path = folder / "random_bytes.xlsx"
    path.write_bytes(random.Random(5).randbytes(20_000))
    return path


def xls_renamed(base: Path, folder: Path) -> Path:
    """An old .xls (or any Office file locked with a password): an OLE compound file."""
    path = folder / "xls_renamed.xlsx"
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16) + b"\x3e\x00\x03\x00\xfe\xff"
    path.write_bytes(header + bytes(4096 - len(header)))
    return path


def csv_renamed(base: Path, folder: Path) -> Path:
    rows = openpyxl.load_workbook(base, read_only=True)["Data"].iter_rows(values_only=True)
    path = folder / "csv_renamed.xlsx"
    lines = [",".join("" if v is None else str(v) for v in row) for row in rows]
    path.write_text("\r\n".join(lines), encoding="utf-8")
    return path


def pdf_instead(base: Path, folder: Path) -> Path:
    path = folder / "pdf_instead.xlsx"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    return path


def very_large_file(base: Path, folder: Path) -> Path:
    """A zip that goes on for 64 MB (sparse where the disk allows, so quick to make)."""
    path = Path(shutil.copy(base, folder / "very_large_file.xlsx"))
    with path.open("r+b") as file:
        file.truncate(64 * MB)
    return path


def word_document(base: Path, folder: Path) -> Path:
    path = folder / "word_document.xlsx"
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    types = (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        f'<Override PartName="/word/document.xml" ContentType="{main}"/></Types>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(CONTENT_TYPES, types)
        archive.writestr("word/document.xml", "<document><body>Dear district</body></document>")
    return path


def ods_renamed(base: Path, folder: Path) -> Path:
    path = folder / "ods_renamed.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<document-content/>")
    return path


def zip_of_returns(base: Path, folder: Path) -> Path:
    """Someone zipped a folder of returns to send them together."""
    path = folder / "zip_of_returns.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.write(base, "returns/LIC-BUR.xlsx")
        archive.write(base, "returns/LIC-CAN.xlsx")
    return path


def blank_workbook(base: Path, folder: Path) -> Path:
    path = folder / "blank_workbook.xlsx"
    openpyxl.Workbook().save(path)
    return path


# Damaged on the way


def truncated(base: Path, folder: Path) -> Path:
    path = folder / "truncated.xlsx"
    data = base.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def corrupted(base: Path, folder: Path) -> Path:
    """Bytes in the middle of the Data sheet's packed content flipped, as a bad USB stick
    would; the zip's directory is intact."""
    path = Path(shutil.copy(base, folder / "corrupted.xlsx"))
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(DATA)
    data = bytearray(path.read_bytes())
    name_length, extra_length = struct.unpack_from("<HH", data, info.header_offset + 26)
    middle = info.header_offset + 30 + name_length + extra_length + info.compress_size // 2
    data[middle : middle + 64] = bytes(b ^ 0xFF for b in data[middle : middle + 64])
    path.write_bytes(bytes(data))
    return path


def lying_sizes(base: Path, folder: Path) -> Path:
    """The directory says the Data sheet unpacks to 1,000 bytes; it really holds far more."""
    path = rezip(base, folder / "lying_sizes.xlsx")
    return patch_directory(path, DATA, file_size=1000)


def no_workbook_part(base: Path, folder: Path) -> Path:
    return rezip(base, folder / "no_workbook_part.xlsx", {WORKBOOK: None})


def duplicate_parts(base: Path, folder: Path) -> Path:
    path = rezip(base, folder / "duplicate_parts.xlsx")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns of the duplicate name: that is the point
        with zipfile.ZipFile(path, "a") as archive:
            archive.writestr(DATA, b"<worksheet/>")
    return path


# Zip bombs


def zip_bomb(base: Path, folder: Path) -> Path:
    """The Summary sheet padded with 15 MB of spaces, which pack into a few kilobytes."""
    padding = b" " * (15 * MB)
    return rezip(
        base,
        folder / "zip_bomb.xlsx",
        {SUMMARY: lambda content: content[:-12] + padding + content[-12:]},
    )


def zip_bomb_declared(base: Path, folder: Path) -> Path:
    """A part whose directory entry says it unpacks to 4 GB (a real one would; checking the
    directory means nothing is unpacked to find out)."""
    path = rezip(base, folder / "zip_bomb_declared.xlsx")
    return patch_directory(path, SUMMARY, file_size=4_000_000_000)


def zip_bomb_total(base: Path, folder: Path) -> Path:
    """Four pictures of 15 MB each, each within the limit for a part, together far beyond."""
    noise = random.Random(3).randbytes(200_000)
    images = {f"xl/media/image{i}.png": noise for i in range(1, 5)}
    path = rezip(base, folder / "zip_bomb_total.xlsx", add=images)
    for part in images:
        patch_directory(path, part, file_size=15 * MB)
    return path


def many_small_bombs(base: Path, folder: Path) -> Path:
    """150 parts, each too small to be a bomb by itself (60 KB of spaces), together packed
    hundreds of times."""
    spaces = {f"customXml/item{n}.xml": b"<a>" + b" " * 60_000 + b"</a>" for n in range(150)}
    return rezip(base, folder / "many_small_bombs.xlsx", add=spaces)


def many_parts(base: Path, folder: Path) -> Path:
    path = rezip(base, folder / "many_parts.xlsx")
    with zipfile.ZipFile(path, "a") as archive:
        for number in range(10_000):
            archive.writestr(f"customXml/item{number}.xml", b"<a/>")
    return path


def password_flag(base: Path, folder: Path) -> Path:
    """A part marked as encrypted (zip's own password protection)."""
    path = rezip(base, folder / "password_flag.xlsx")
    return patch_directory(path, DATA, flag_bits=0x1)


def bzip2_packed(base: Path, folder: Path) -> Path:
    return rezip(base, folder / "bzip2_packed.xlsx", compression=zipfile.ZIP_BZIP2)


# XML made to attack


BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE workbook [\n <!ENTITY lol "lol">\n'
    + "".join(
        f' <!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">\n'
        for n in range(1, 10)
    )
    + "]>\n"
)


def billion_laughs(base: Path, folder: Path) -> Path:
    """xl/workbook.xml with nine levels of entities that expand to a billion "lol"s."""
    change = _sub(r"<workbook ", BILLION_LAUGHS + "<workbook ")
    change_name = _sub(r'name="Summary"', 'name="&lol9;"')
    return rezip(base, folder / "billion_laughs.xlsx", {WORKBOOK: lambda c: change_name(change(c))})


def external_entity(base: Path, folder: Path) -> Path:
    """A Data cell whose text is an external entity: the contents of a file on the computer
    that reads it (XXE)."""
    doctype = '<!DOCTYPE worksheet [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
    change = _sub("<worksheet ", doctype + "<worksheet ")
    cell = _sub("<t>sessions</t>", "<t>&secret;</t>")
    return rezip(base, folder / "external_entity.xlsx", {DATA: lambda c: cell(change(c))})


def styles_bomb(base: Path, folder: Path) -> Path:
    """200,000 cell formats, all different so that they pack no tighter than real ones:
    openpyxl would build an object for each."""
    numbers = random.Random(4).choices(range(1000), k=200_000)
    formats = "".join(f'<xf numFmtId="{n}" fontId="0" fillId="0" borderId="0"/>' for n in numbers)
    return rezip(
        base,
        folder / "styles_bomb.xlsx",
        {"xl/styles.xml": lambda c: c.replace(b"</cellXfs>", formats.encode() + b"</cellXfs>")},
    )


# Wrong content types


def macro_enabled(base: Path, folder: Path) -> Path:
    xlsm = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
    return rezip(
        base,
        folder / "macro_enabled.xlsx",
        {CONTENT_TYPES: lambda c: c.replace(XLSX_TYPE.encode(), xlsm.encode())},
        add={"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0" + bytes(1000)},
    )


def undeclared_workbook(base: Path, folder: Path) -> Path:
    """The content types call the workbook plain XML."""
    return rezip(
        base,
        folder / "undeclared_workbook.xlsx",
        {CONTENT_TYPES: lambda c: c.replace(XLSX_TYPE.encode(), b"application/xml")},
    )


# Sheets too big, or claiming to be


def huge_dimension(base: Path, folder: Path) -> Path:
    """Every sheet claims to span A1:XFD1048576, as some programs write: the cells decide."""
    claim = _sub(r'<dimension ref="[^"]*"', '<dimension ref="A1:XFD1048576"')
    sheets = {f"xl/worksheets/sheet{n}.xml": claim for n in range(1, 7)}
    return rezip(base, folder / "huge_dimension.xlsx", sheets)


def far_cell(base: Path, folder: Path) -> Path:
    """Something typed in the very last cell of the Data sheet, XFD1048576."""
    far = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    return rezip(base, folder / "far_cell.xlsx", {DATA: _sub("</sheetData>", far + "</sheetData>")})


def wide_row(base: Path, folder: Path) -> Path:
    """Something typed in column XFD of the Data sheet's second row."""
    cell = '<c r="XFD2" t="inlineStr"><is><t>x</t></is></c>'
    change = _sub(r'(<row r="2"[^>]*>.*?)</row>', r"\1" + cell + "</row>")
    return rezip(base, folder / "wide_row.xlsx", {DATA: change})


def hundred_thousand_rows(base: Path, folder: Path) -> Path:
    """A Data sheet of 100,000 rows of figures, written as XML directly (quickly)."""
    rows = "".join(
        f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>sessions</t></is></c>'
        f'<c r="D{n}"><v>{n}</v></c></row>'
        for n in range(2, 100_002)
    )

    def change(content: bytes) -> bytes:
        header_ends = content.index(b"</row>") + len(b"</row>")
        return content[:header_ends] + rows.encode() + content[content.index(b"</sheetData>") :]

    return rezip(base, folder / "hundred_thousand_rows.xlsx", {DATA: change})


# Cells as people and other programs leave them


def formula_without_value(base: Path, folder: Path) -> Path:
    """A figure replaced by a formula; openpyxl, like some programs, saves no result."""

    def edit(book: openpyxl.Workbook) -> None:
        book["Data"]["D5"] = "=D4+1"

    return _edited(base, folder / "formula_without_value.xlsx", edit)


def formula_with_value(base: Path, folder: Path) -> Path:
    """A figure that is a formula whose saved result is the figure: it reads as the figure."""
    change = _sub(r'<c r="D5" t="n"><v>(\d+)</v></c>', r'<c r="D5"><f>\1+0</f><v>\1</v></c>')
    return rezip(base, folder / "formula_with_value.xlsx", {DATA: change})


def date_as_text(base: Path, folder: Path) -> Path:
    def edit(book: openpyxl.Workbook) -> None:
        book["Voice"]["A2"] = "20/04/2026"

    return _edited(base, folder / "date_as_text.xlsx", edit)


def merged_cells(base: Path, folder: Path) -> Path:
    """A measure's code merged across its breakdown and category, which empties them."""

    def edit(book: openpyxl.Workbook) -> None:
        book["Data"].merge_cells("A5:C5")

    return _edited(base, folder / "merged_cells.xlsx", edit)


def control_character(base: Path, folder: Path) -> Path:
    """A control character in a Voice text, written raw: XML cannot hold it."""
    change = _sub("Burntwood youth forum", "Burntwood\x01youth forum")
    return rezip(base, folder / "control_character.xlsx", {VOICE: change})


def control_character_reference(base: Path, folder: Path) -> Path:
    """The same character written as a character reference, which XML 1.0 forbids too."""
    change = _sub("Burntwood youth forum", "Burntwood&#1;youth forum")
    return rezip(base, folder / "control_character_reference.xlsx", {VOICE: change})


def text_in_number_cell(base: Path, folder: Path) -> Path:
    """A cell marked as a number that holds a word."""
    change = _sub(r'<c r="D5" t="n"><v>\d+</v></c>', '<c r="D5" t="n"><v>lots</v></c>')
    return rezip(base, folder / "text_in_number_cell.xlsx", {DATA: change})


def manifest_deleted(base: Path, folder: Path) -> Path:
    def edit(book: openpyxl.Workbook) -> None:
        del book["Manifest"]

    return _edited(base, folder / "manifest_deleted.xlsx", edit)


def figure_edited(base: Path, folder: Path) -> Path:
    def edit(book: openpyxl.Workbook) -> None:
        book["Data"]["D5"] = book["Data"]["D5"].value + 1

    return _edited(base, folder / "figure_edited.xlsx", edit)


# Parts that openpyxl reads whatever they are called (issue 22)

PAD = b" " * (70 * 1024)  # more than the 64 KB whose first byte once decided "XML or not"
RELS = "xl/_rels/workbook.xml.rels"
ROOT_RELS = "_rels/.rels"
STRINGS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
TEMPLATE_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml"
VBA_TYPE = "application/vnd.ms-office.vbaProject"
OLE_PART = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4088)


def _declare(part: str, content_type: str) -> Callable[[bytes], bytes]:
    """[Content_Types].xml with one more part declared."""
    override = f'<Override PartName="/{part}" ContentType="{content_type}" /></Types>'
    return _sub("</Types>", override)


def _related(kind: str, target: str) -> Callable[[bytes], bytes]:
    """The workbook's relationships with one more."""
    rel = f'<Relationship Type="{kind}" Target="{target}" Id="rId99" /></Relationships>'
    return _sub("</Relationships>", rel)


def strings_under_another_name(base: Path, folder: Path) -> Path:
    """600,000 shared strings (openpyxl reads them all before any sheet) in a part called
    xl/strings.dat, found by its content type, its first 70 KB spaces."""
    rng = random.Random(6)
    strings = "".join(f"<si><t>{rng.getrandbits(40):x}</t></si>" for _ in range(600_000))
    sst = f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{strings}</sst>'
    return rezip(
        base,
        folder / "strings_under_another_name.xlsx",
        {CONTENT_TYPES: _declare("xl/strings.dat", STRINGS_TYPE)},
        add={"xl/strings.dat": PAD + sst.encode()},
    )


def sheet_as_picture(base: Path, folder: Path) -> Path:
    """The Data sheet moved to xl/media/data.png (a picture, by its name and the content
    types) where the workbook's relationship still finds it, its first 70 KB spaces and its
    fifth row 250,000 cells long."""
    rng = random.Random(8)
    cells = "".join(f'<c r="D5"><v>{rng.getrandbits(30)}</v></c>' for _ in range(250_000))
    widen = _sub(r'(<row r="5"[^>]*>)', r"\1" + cells)

    def sheet(content: bytes) -> bytes:
        return PAD + re.sub(rb"^<\?xml[^>]*\?>", b"", widen(content))

    with zipfile.ZipFile(base) as archive:
        data = sheet(archive.read(DATA))
    types = _sub("</Types>", '<Default Extension="png" ContentType="image/png" /></Types>')
    return rezip(
        base,
        folder / "sheet_as_picture.xlsx",
        {
            DATA: None,
            CONTENT_TYPES: types,
            RELS: _sub("/xl/worksheets/sheet2.xml", "/xl/media/data.png"),
        },
        add={"xl/media/data.png": data},
    )


def template_workbook(base: Path, folder: Path) -> Path:
    """A second workbook, declared an Excel template: openpyxl reads a template before an
    ordinary workbook, so it would read this one, not the xl/workbook.xml that was checked."""
    with zipfile.ZipFile(base) as archive:
        workbook, rels = archive.read(WORKBOOK), archive.read(RELS)
    return rezip(
        base,
        folder / "template_workbook.xlsx",
        {CONTENT_TYPES: _declare("xl/book.bin", TEMPLATE_TYPE)},
        add={"xl/book.bin": workbook, "xl/_rels/book.bin.rels": rels},
    )


def root_names_another_workbook(base: Path, folder: Path) -> Path:
    """The package's own relationship names xl/other.xml as its workbook (Excel opens that
    one), while the content types still say xl/workbook.xml (openpyxl reads that one)."""
    with zipfile.ZipFile(base) as archive:
        workbook = archive.read(WORKBOOK)
    return rezip(
        base,
        folder / "root_names_another_workbook.xlsx",
        {ROOT_RELS: _sub('Target="xl/workbook.xml"', 'Target="xl/other.xml"')},
        add={"xl/other.xml": workbook},
    )


MACROSHEET = (
    b'<xm:macrosheet xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">'
    b"<xm:sheetData/></xm:macrosheet>"
)


def macro_sheet(base: Path, folder: Path) -> Path:
    """An Excel 4.0 macro sheet, declared as one."""
    part = "xl/macrosheets/sheet1.xml"
    return rezip(
        base,
        folder / "macro_sheet.xlsx",
        {CONTENT_TYPES: _declare(part, "application/vnd.ms-excel.macrosheet+xml")},
        add={part: MACROSHEET},
    )


def intl_macro_sheet(base: Path, folder: Path) -> Path:
    """An international macro sheet among the worksheets, declared by its content type."""
    part = "xl/worksheets/sheet70.xml"  # beyond the return's own sheets
    return rezip(
        base,
        folder / "intl_macro_sheet.xlsx",
        {CONTENT_TYPES: _declare(part, "application/vnd.ms-excel.intlMacrosheet+xml")},
        add={part: MACROSHEET},
    )


def macro_sheet_undeclared(base: Path, folder: Path) -> Path:
    """A macro sheet where Excel keeps them, its content type left to the default."""
    return rezip(
        base, folder / "macro_sheet_undeclared.xlsx", add={"xl/macrosheets/sheet1.xml": MACROSHEET}
    )


def vba_project_renamed(base: Path, folder: Path) -> Path:
    """A VBA project stored as xl/media/logo.dat, declared by its content type."""
    part = "xl/media/logo.dat"
    return rezip(
        base,
        folder / "vba_project_renamed.xlsx",
        {CONTENT_TYPES: _declare(part, VBA_TYPE)},
        add={part: b"Attribute VB_Name" + bytes(1000)},
    )


def vba_project_related(base: Path, folder: Path) -> Path:
    """A VBA project found through the workbook's relationship, nothing else saying so."""
    kind = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"
    return rezip(
        base,
        folder / "vba_project_related.xlsx",
        {RELS: _related(kind, "media/logo.dat")},
        add={"xl/media/logo.dat": b"Attribute VB_Name" + bytes(1000)},
    )


def ole_in_a_part(base: Path, folder: Path) -> Path:
    """An OLE compound file (how VBA projects and embedded objects are stored) called a
    picture."""
    types = _sub("</Types>", '<Default Extension="png" ContentType="image/png" /></Types>')
    return rezip(
        base,
        folder / "ole_in_a_part.xlsx",
        {CONTENT_TYPES: types},
        add={"xl/media/image1.png": OLE_PART},
    )


# Genuine returns written by other tools (issue 22)


def part_names_in_other_case(base: Path, folder: Path) -> Path:
    """The content types name the parts in capitals (part names are case-insensitive)."""

    def capitals(content: bytes) -> bytes:
        return re.sub(
            rb'PartName="(/[^"]*)"', lambda m: b'PartName="' + m[1].upper() + b'"', content
        )

    return rezip(base, folder / "part_names_in_other_case.xlsx", {CONTENT_TYPES: capitals})


def other_case_with_pictures(base: Path, folder: Path) -> Path:
    """The same, with three pictures of 16 MB (packed about 40 times): the most a return
    may unpack to, all handed over again to openpyxl under the zip's own names."""
    rng = random.Random(9)
    pictures = {}
    for number in range(1, 4):
        picture = bytearray(16 * MB)
        picture[::48] = rng.randbytes(len(picture[::48]))
        pictures[f"xl/media/image{number}.png"] = bytes(picture)
    png = _sub("</Types>", '<Default Extension="png" ContentType="image/png" /></Types>')
    capitals = part_names_in_other_case(base, folder)
    target = folder / "other_case_with_pictures.xlsx"
    rezip(capitals, target, {CONTENT_TYPES: png}, add=pictures)
    capitals.unlink()
    return target


def _zip64_end(data: bytes, entries: int | None = None) -> bytes:
    """The archive's end written the zip64 way, as some zip tools always do: a zip64 end
    record and its locator before the ordinary end, whose counts say "see zip64"."""
    end = data.rfind(b"PK\x05\x06")
    count, _, listed, start = struct.unpack_from("<HHII", data, end + 8)
    entries = count if entries is None else entries
    record = struct.pack(
        "<4sQHHIIQQQQ", b"PK\x06\x06", 44, 45, 45, 0, 0, entries, entries, listed, start
    )
    locator = struct.pack("<4sIQI", b"PK\x06\x07", 0, end, 1)
    ordinary = (
        data[end : end + 8]
        + struct.pack("<HHII", 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF)
        + data[end + 20 :]
    )
    return data[:end] + record + locator + ordinary


def zip64_end(base: Path, folder: Path) -> Path:
    """The return re-zipped with zip64 throughout: each part's sizes and the archive's end."""
    path = folder / "zip64_end.xlsx"
    with zipfile.ZipFile(base) as old, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            with new.open(zipfile.ZipInfo(info.filename), "w", force_zip64=True) as part:
                part.write(old.read(info))
    path.write_bytes(_zip64_end(path.read_bytes()))
    return path


def zip64_many_parts(base: Path, folder: Path) -> Path:
    """A zip64 end that claims a million parts."""
    path = rezip(base, folder / "zip64_many_parts.xlsx")
    path.write_bytes(_zip64_end(path.read_bytes(), entries=1_000_000))
    return path
