"""What kind of file a file from outside is, by its content types and its package's relationships.

Part of checking a file that came from outside (:mod:`trustdesk.returns.untrusted`, which
scans the parts): it must be an ordinary Excel workbook (.xlsx), with no macros however they
are stored, and with one workbook, the one openpyxl will read. openpyxl finds its workbook by
the content types, a template before an ordinary workbook (``openpyxl.reader.excel.
_find_workbook_part``); Excel finds it by the package's own relationship (_rels/.rels). Both
must name xl/workbook.xml, so that what was checked is what TrustDesk reads and what the
officer would see in Excel. Part names are case-insensitive (OPC), and so are they here; the
zip's names are not, for openpyxl, so :func:`as_openpyxl_reads` hands it content types that
name each part as the zip does.

What the file ought to be (:class:`Expected`) gives the messages their words and the checks
the limits that differ with it: :data:`RETURN`, sent by a coordinator, or
:data:`SPREADSHEET`, a register or a list of partners a coordinator keeps and imports. The
checks are the same for both: only what they say and how much they allow differ.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass, field
from typing import BinaryIO
from xml.etree.ElementTree import tostring

from defusedxml.ElementTree import fromstring

from trustdesk.errors import UserError
from trustdesk.returns.reader import AGAIN

CONTENT_TYPES, WORKBOOK, ROOT_RELATIONSHIPS = (
    "[Content_Types].xml",
    "xl/workbook.xml",
    "_rels/.rels",
)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
OOXML = "application/vnd.openxmlformats-officedocument."
XLSM = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
# What the main part's content type says a file is, and whether it can hold macros.
OTHER_KINDS = {
    XLSM: ("a macro-enabled workbook (.xlsm)", True),
    "application/vnd.ms-excel.template.macroEnabled.main+xml": (
        "a macro-enabled template (.xltm)",
        True,
    ),
    "application/vnd.ms-excel.sheet.binary.macroEnabled.main": (
        "an Excel binary workbook (.xlsb)",
        True,
    ),
    "application/vnd.ms-excel.addin.macroEnabled.main+xml": ("an Excel add-in (.xlam)", True),
    OOXML + "spreadsheetml.template.main+xml": ("an Excel template (.xltx)", False),
    OOXML + "wordprocessingml.document.main+xml": ("a Word document", False),
    "application/vnd.ms-word.document.macroEnabled.main+xml": ("a Word document with macros", True),
    OOXML + "presentationml.presentation.main+xml": ("a PowerPoint presentation", False),
}
WORKBOOK_TYPES = {kind.lower() for kind in (XLSX, *OTHER_KINDS)}
# Parts that hold macros (content types compared in lower case, as MIME types are): a VBA
# project and its signature, Excel 4.0 macro sheets; and what all the main types above that
# can hold macros say.
MACRO_TYPES = {
    "application/vnd.ms-office.vbaproject",
    "application/vnd.ms-office.vbaprojectsignature",
    "application/vnd.ms-excel.macrosheet+xml",
    "application/vnd.ms-excel.intlmacrosheet+xml",
} | {kind.lower() for kind, (_, macros) in OTHER_KINDS.items() if macros}
OPENDOCUMENT = "application/vnd.oasis.opendocument."

RESEND = "It was probably damaged on the way: ask the coordinator to send it again."
WRONG_FILE = "Ask the coordinator for the return's workbook (.xlsx), just as TrustDesk made it."
UNPACK = "If it is an archive of returns, unpack it and import the workbooks inside."
HOSTILE = (
    "It may have been made to harm the computer that opens it: do not open it in another "
    "program, and ask whoever sent it where it came from."
)
KB, MB = 1024, 1024 * 1024


@dataclass(frozen=True)
class Expected:
    """What a file from outside ought to be, in the words of the messages about it, and the
    limits that differ with what it is (the others are the same for every kind:
    :mod:`trustdesk.returns.untrusted`). Each phrase is the part of a message that speaks of
    the kind of file; in one with ``{limit}``, the limit goes there."""

    noun: str  # "a return": "'x.xlsx' cannot be a return: …"
    file: str  # in the log: "Reading the return file 'x.xlsx' failed unexpectedly"
    # Hints: for a file that is something else, one damaged, one to make again…
    wrong_file: str
    damaged: str
    again: str
    incomplete: str  # its end is missing
    in_folder: str  # a folder was chosen
    password: str  # its parts are locked with zip's own password
    unpack: str  # after ``wrong_file``, for a zip archive of other files
    # What the file is instead, after "'x.xlsx' is …"
    old_excel: str  # after "an old-style Excel file (.xls) or a workbook locked with a password, "
    pdf: str
    text: str
    macros: str  # after "a macro-enabled workbook (.xlsm): "
    # What a file of this kind holds, for one that holds far more
    too_big: str  # after "'x.xlsx' is 64 MB; "
    directory: str  # after "the list of its parts alone is 1 MB; "
    parts: str  # after "it holds 1,000 parts; "
    part_bytes: str  # after "one part of it (…) would unpack to 3.7 GB, and "
    unpacked_bytes: str  # after "it would unpack to 60 MB, and "
    elements: str  # after "holds more than 100,000 XML elements, "
    max_file_bytes: int
    max_part_bytes: int  # unpacked
    max_unpacked_bytes: int  # all the parts together
    max_part_elements: int  # a part openpyxl keeps whole (styles, shared strings, workbook)
    max_elements: int  # in all the parts together
    max_sheet_elements: int = 0  # a worksheet, which openpyxl's read-only mode streams

    def part_elements(self, content_type: str) -> int:
        """How many XML elements a part of this content type may hold."""
        if self.max_sheet_elements and content_type.lower() == WORKSHEET:
            return self.max_sheet_elements
        return self.max_part_elements


# A return of the large demo workspace (2,600 young people, 72,000 attendance marks) is
# 26 KB: 14 parts that unpack to 174 KB, none packed more than 10 times, the biggest (the
# Data sheet) holding about 4,600 XML elements and 8,000 in all. Re-saved by LibreOffice it
# is 29 KB: 15 parts, 219 KB, packed at most 12 times. A county's return carries more texts
# but the same figures. The limits are generous multiples of these (and of the zip's own, in
# trustdesk.returns.untrusted). openpyxl keeps a workbook's styles and shared strings in
# memory (up to about 800 bytes and 40 microseconds an element), and every part costs it
# time: the element limits are 20 and 40 times a real return.
RETURN = Expected(
    noun="a return",
    file="the return file",
    wrong_file=WRONG_FILE,
    damaged=RESEND,
    again=AGAIN,
    incomplete="It may not have finished copying or downloading: ask the coordinator to send "
    "it again.",
    in_folder="Choose the return's workbook (.xlsx) inside it.",
    password="Ask the coordinator to send the return's workbook without a password.",
    unpack=UNPACK,
    old_excel="not a return as TrustDesk makes it",
    pdf="a PDF; TrustDesk imports the return's workbook (.xlsx), made beside the PDF",
    text="a text file (such as CSV), not an Excel workbook",
    macros="a return never has macros, and TrustDesk does not open files that do",
    too_big="a return is never more than {limit}, so this is not one",
    directory="a return's is about 1 KB",
    parts="a return holds about 15, and never more than {limit}",
    part_bytes="no part of a return is ever more than {limit}",
    unpacked_bytes="a return never unpacks to more than {limit}",
    elements="far more than a return ever has",
    max_file_bytes=10 * MB,  # about 400 times the large demo's return
    max_part_bytes=20 * MB,  # 200 times the biggest part, unpacked
    max_unpacked_bytes=50 * MB,  # 250 times the whole return, unpacked
    max_part_elements=100_000,
    max_elements=300_000,
)

# A spreadsheet to import is sized for a sheet of up to about 10,000 rows and 30 columns.
# Written by openpyxl, one of 10,000 rows of names, numbers and texts is 3 MB: its sheet
# unpacks to 16 MB and 760,000 XML elements (two or three a cell), packed 6 times; one
# holding the same number in every cell packs 16 times. openpyxl reads it in read-only mode,
# which streams the worksheets, so their elements do not stay in memory; the shared strings
# and the styles do (a sheet of 300,000 different texts has 600,000 elements of strings), and
# so do the workbook part, the properties and any external links. Those have only the same
# limit for a part, sized for a sheet: a styles part of 750,000 cell formats (a 1.6 MB file)
# passes, and openpyxl then takes 30 seconds and 760 MB to read it. Parts openpyxl keeps
# whole need a lower limit of their own, as a return's are.
SPREADSHEET = Expected(
    noun="a spreadsheet to import",
    file="the spreadsheet to import",
    wrong_file="Save it from Excel or LibreOffice as an Excel workbook (.xlsx) or as CSV, and "
    "choose that file.",
    damaged="It may be damaged: open it in Excel or LibreOffice, save it again, and choose the "
    "new file.",
    again="Open it in Excel or LibreOffice, keep only the rows and columns to import, save it "
    "as an Excel workbook (.xlsx) or as CSV, and choose the new file.",
    incomplete="It may not have finished copying or downloading: copy it again, or save it "
    "again from Excel or LibreOffice, and choose the new file.",
    in_folder="Choose the workbook (.xlsx) or CSV file inside it.",
    password="Open it in Excel or LibreOffice, save it again without a password, and choose the "
    "new file.",
    unpack="If it is an archive, unpack it and choose the workbook inside.",
    old_excel="which TrustDesk cannot read",
    pdf="a PDF, not a spreadsheet",
    text="a text file (such as CSV), not the Excel workbook its name says it is",
    macros="TrustDesk does not open files with macros, even to import their cells",
    too_big="TrustDesk imports spreadsheets of up to {limit}, far more than one of 10,000 rows "
    "needs",
    directory="a workbook's is a few KB",
    parts="a workbook of a few sheets holds about 15, and TrustDesk imports none with more "
    "than {limit}",
    part_bytes="TrustDesk imports no spreadsheet with a part of more than {limit}",
    unpacked_bytes="TrustDesk imports no spreadsheet that unpacks to more than {limit}",
    elements="far more than a spreadsheet of 10,000 rows has",
    max_file_bytes=20 * MB,  # 7 times the sheet of 10,000 rows: room for pictures and formats
    max_part_bytes=50 * MB,  # 3 times its sheet, unpacked
    max_unpacked_bytes=100 * MB,  # 6 times the whole of it, unpacked
    # Parts openpyxl keeps whole: 2.5 times a return's, room for 125,000 different texts.
    max_part_elements=250_000,
    max_elements=3_000_000,
    max_sheet_elements=1_500_000,  # twice its sheet
)


@dataclass(frozen=True)
class Package:
    """The content types of the parts, as [Content_Types].xml declares them."""

    content_types: bytes
    overrides: dict[str, str]  # part name, in lower case: its content type
    defaults: dict[str, str]  # extension, in lower case: the content type of parts so named
    renames: dict[str, str] = field(default_factory=dict)  # as declared: as in the zip

    def content_type(self, part: str) -> str:
        declared = self.overrides.get(part.lower())
        if declared is not None:
            return declared
        return self.defaults.get(posixpath.splitext(part)[1][1:].lower(), "")

    def is_xml(self, part: str) -> bool:
        kind = self.content_type(part).split(";")[0].strip().lower()
        return kind.endswith(("+xml", "/xml"))


def is_macro_relationship(kind: str) -> bool:
    """A relationship to a VBA project (or its signature) or to an Excel 4.0 macro sheet."""
    kind = kind.lower()
    return "vbaproject" in kind or "macrosheet" in kind


def macros(name: str, expected: Expected, kind: str = OTHER_KINDS[XLSM][0]) -> UserError:
    return UserError(f"{name} is {kind}: {expected.macros}.", hint=expected.wrong_file)


def package_of(
    names: list[str],
    kept: dict[str, bytes],
    workbooks: list[tuple[str, str]],
    name: str,
    expected: Expected,
) -> Package:
    """An ordinary Excel workbook, as its content types say, with one workbook part, the one
    openpyxl reads and the package's relationship names (``workbooks``: the targets and
    target modes of its officeDocument relationships); or a UserError saying what it is."""
    if CONTENT_TYPES not in kept:
        raise _not_a_workbook(kept.get("mimetype", b""), name, expected)
    declared: list[tuple[str, str]] = []
    defaults: dict[str, str] = {}
    for element in fromstring(kept[CONTENT_TYPES], forbid_dtd=True):
        if element.tag.endswith("Override"):
            declared.append(
                (element.get("PartName", "").lstrip("/"), element.get("ContentType", ""))
            )
        elif element.tag.endswith("Default"):
            defaults[element.get("Extension", "").lower()] = element.get("ContentType", "")
    package = Package(
        kept[CONTENT_TYPES], {part.lower(): kind for part, kind in declared}, defaults
    )
    kinds = [OTHER_KINDS[kind] for _, kind in declared if kind in OTHER_KINDS]
    if (
        any(has_macros for _, has_macros in kinds)
        or any(kind.lower() in MACRO_TYPES for _, kind in declared)
        or any(package.content_type(part).lower() in MACRO_TYPES for part in names)
        or any(_macro_name(part) for part in names)
    ):
        what = next((what for what, has_macros in kinds if has_macros), OTHER_KINDS[XLSM][0])
        raise macros(name, expected, what)
    if package.overrides.get(WORKBOOK) != XLSX:
        what = f"{kinds[0][0]}, not" if kinds else "not"
        raise UserError(f"{name} is {what} an Excel workbook (.xlsx).", hint=expected.wrong_file)
    others = [part for part, kind in declared if kind.lower() in WORKBOOK_TYPES]
    others += [_resolved(target, mode) for target, mode in workbooks]
    other = next((part for part in others if part.lower() != WORKBOOK), None)
    if other is not None:
        raise UserError(
            f"{name} cannot be {expected.noun}: it holds two workbooks ({WORKBOOK} and {other}), "
            "and TrustDesk and Excel could each read a different one. "
            f"{expected.noun[0].upper()}{expected.noun[1:]} holds one.",
            hint=HOSTILE,
        )
    in_zip = {part.lower(): part for part in names}
    if WORKBOOK not in in_zip:
        raise UserError(
            f"{name} is damaged: it has no workbook part ({WORKBOOK}).", hint=expected.damaged
        )
    renames = {
        part: in_zip[part.lower()]
        for part, _ in declared
        if part.lower() in in_zip and in_zip[part.lower()] != part
    }
    return Package(package.content_types, package.overrides, defaults, renames)


def _not_a_workbook(mimetype: bytes, name: str, expected: Expected) -> UserError:
    kind = mimetype.decode("ascii", errors="replace").strip()
    if kind.startswith(OPENDOCUMENT + "spreadsheet"):
        what = "an OpenDocument spreadsheet (.ods), not an Excel workbook (.xlsx)"
    elif kind.startswith(OPENDOCUMENT):
        what = "an OpenDocument file, not an Excel workbook"
    else:
        return UserError(
            f"{name} is a zip archive, not an Excel workbook.",
            hint=f"{expected.wrong_file} {expected.unpack}",
        )
    return UserError(f"{name} is {what}.", hint=expected.wrong_file)


def _macro_name(part: str) -> bool:
    """Where Excel keeps a VBA project or a macro sheet, whatever the content types say."""
    part = part.lower()
    return part.endswith("vbaproject.bin") or "macrosheets/" in part


def _resolved(target: str, mode: str) -> str:
    """A target of the package's own relationships, as a part name (or the target itself, if
    it is outside the package)."""
    if mode.lower() == "external":
        return target
    return posixpath.normpath("/" + target).lstrip("/")


def as_openpyxl_reads(data: bytes, package: Package) -> BinaryIO:
    """The checked file for openpyxl, which finds the workbook and the shared strings by the
    names the content types give them, and the zip's names only as spelled there: when the
    content types spell a part's name in another case, the parts are handed over (unpacked,
    as they were checked) with content types that spell each name as the zip does."""
    if not package.renames:
        return io.BytesIO(data)
    types = fromstring(package.content_types, forbid_dtd=True)
    for element in types:
        part = element.get("PartName", "").lstrip("/")
        if element.tag.endswith("Override") and part in package.renames:
            element.set("PartName", "/" + package.renames[part])
    rewritten = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as old, zipfile.ZipFile(rewritten, "w") as new:
        for info in old.infolist():
            content = tostring(types) if info.filename == CONTENT_TYPES else old.read(info)
            new.writestr(info.filename, content)
    rewritten.seek(0)
    return rewritten
