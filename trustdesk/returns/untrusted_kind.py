"""What kind of file a return file is, by its content types and its package's relationships.

Part of checking a file that came from outside (:mod:`trustdesk.returns.untrusted`, which
scans the parts): it must be an ordinary Excel workbook (.xlsx), with no macros however they
are stored, and with one workbook, the one openpyxl will read. openpyxl finds its workbook by
the content types, a template before an ordinary workbook (``openpyxl.reader.excel.
_find_workbook_part``); Excel finds it by the package's own relationship (_rels/.rels). Both
must name xl/workbook.xml, so that what was checked is what TrustDesk reads and what the
officer would see in Excel. Part names are case-insensitive (OPC), and so are they here; the
zip's names are not, for openpyxl, so :func:`as_openpyxl_reads` hands it content types that
name each part as the zip does.
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

CONTENT_TYPES, WORKBOOK, ROOT_RELATIONSHIPS = (
    "[Content_Types].xml",
    "xl/workbook.xml",
    "_rels/.rels",
)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
OOXML = "application/vnd.openxmlformats-officedocument."
XLSM = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
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


def macros(name: str, kind: str = OTHER_KINDS[XLSM][0]) -> UserError:
    return UserError(
        f"{name} is {kind}: a return never has macros, and TrustDesk does not open files that do.",
        hint=WRONG_FILE,
    )


def package_of(
    names: list[str], kept: dict[str, bytes], workbooks: list[tuple[str, str]], name: str
) -> Package:
    """An ordinary Excel workbook, as its content types say, with one workbook part, the one
    openpyxl reads and the package's relationship names (``workbooks``: the targets and
    target modes of its officeDocument relationships); or a UserError saying what it is."""
    if CONTENT_TYPES not in kept:
        raise _not_a_workbook(kept.get("mimetype", b""), name)
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
        raise macros(
            name, next((what for what, has_macros in kinds if has_macros), OTHER_KINDS[XLSM][0])
        )
    if package.overrides.get(WORKBOOK) != XLSX:
        what = f"{kinds[0][0]}, not" if kinds else "not"
        raise UserError(f"{name} is {what} an Excel workbook (.xlsx).", hint=WRONG_FILE)
    others = [part for part, kind in declared if kind.lower() in WORKBOOK_TYPES]
    others += [_resolved(target, mode) for target, mode in workbooks]
    other = next((part for part in others if part.lower() != WORKBOOK), None)
    if other is not None:
        raise UserError(
            f"{name} cannot be a return: it holds two workbooks ({WORKBOOK} and {other}), and "
            "TrustDesk and Excel could each read a different one. A return holds one.",
            hint=HOSTILE,
        )
    in_zip = {part.lower(): part for part in names}
    if WORKBOOK not in in_zip:
        raise UserError(f"{name} is damaged: it has no workbook part ({WORKBOOK}).", hint=RESEND)
    renames = {
        part: in_zip[part.lower()]
        for part, _ in declared
        if part.lower() in in_zip and in_zip[part.lower()] != part
    }
    return Package(package.content_types, package.overrides, defaults, renames)


def _not_a_workbook(mimetype: bytes, name: str) -> UserError:
    kind = mimetype.decode("ascii", errors="replace").strip()
    if kind.startswith(OPENDOCUMENT + "spreadsheet"):
        what = "an OpenDocument spreadsheet (.ods), not an Excel workbook (.xlsx)"
    elif kind.startswith(OPENDOCUMENT):
        what = "an OpenDocument file, not an Excel workbook"
    else:
        return UserError(
            f"{name} is a zip archive, not an Excel workbook.", hint=f"{WRONG_FILE} {UNPACK}"
        )
    return UserError(f"{name} is {what}.", hint=WRONG_FILE)


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
