"""Opening a file that came from outside: the one way in for a file that someone sent.

A district officer imports whatever arrived by e-mail or on a USB stick. Most files are
returns; some were damaged on the way, some are the wrong file, and one might have been made
to harm the computer that opens it. :func:`open_return_file` gives the return in a file, or
raises a :class:`UserError` that says what is wrong with the file and what to do about it;
no other exception escapes, and nothing is written anywhere, so a refused file leaves no
trace (the importer takes a return in whole, in one transaction, or not at all).

A coordinator also imports spreadsheets of their own (registers, lists of partners), and
those go through the same checks: :func:`open_checked_workbook` gives the checked bytes for
openpyxl. What the file ought to be (:class:`~trustdesk.returns.untrusted_kind.Expected`, a
return or a spreadsheet to import) gives each message its words and the checks the limits
that differ with it.

Nothing parses the file until its bytes have been checked against limits far above any
real file of its kind and far below anything that could hurt:

- its size, and that it is a whole zip archive (its end, with the directory of its parts,
  is there) rather than a PDF, a CSV, an old .xls or something else;
- from that directory, before anything is unpacked: how many parts, how big each unpacks,
  all of them together, and how tightly each is packed, so that a zip bomb is refused in
  milliseconds;
- then each part is unpacked once, in chunks. ``zipfile`` never gives more of a part than
  the directory says it holds, and checks its CRC at the end, so a directory that lies
  about a size cannot make anything bigger than the limits: the part is found damaged;
- its content types and the package's own relationships must say it is an ordinary Excel
  workbook (.xlsx) with one workbook part, the one openpyxl reads, and no macros however
  they are stored (:mod:`trustdesk.returns.untrusted_kind`);
- every part, whatever its name and however it starts, is scanned by expat refusing what
  defusedxml refuses (a DOCTYPE, an entity declaration, an external reference), so an
  entity bomb ("billion laughs") or an external entity is refused before openpyxl sees it
  (openpyxl uses defusedxml too, but says nothing a person could act on), and its elements
  are counted (:mod:`trustdesk.returns.untrusted_xml`): openpyxl keeps a workbook's styles
  and strings in memory. openpyxl finds parts by the content types and the relationships,
  not by their names, and parses them with the same expat: so whatever it could parse has
  been counted, up to the first byte that is not XML, where openpyxl would stop too. A part
  the content types call XML must be valid XML; any other (a picture, printer settings)
  stops being scanned at its first such byte, which for a real one is the first;
- no part is an OLE compound file (how a VBA project is stored), and no relationship leads
  to a VBA project or a macro sheet.

Then :func:`trustdesk.returns.reader.read_workbook` parses the checked bytes (not the file
again, which could have changed) and bounds the rows and columns of each sheet it reads; a
spreadsheet's importer (:mod:`trustdesk.spreadsheets`) does the same with its own.

This happens in the importing process, not in a subprocess with resource limits: with a
return's bounds the worst file a person could craft costs a few seconds and well under
200 MB (tests/returns/test_hostile_files.py measures each kind), while a subprocess would
have to import openpyxl again for every file, hold a second copy of it, and on Windows, where
most coordinators work, has no memory limit to set.
"""

from __future__ import annotations

import codecs
import io
import logging
import struct
import zipfile
import zlib
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError

from trustdesk.config.trust import TrustConfig
from trustdesk.errors import UserError
from trustdesk.returns import untrusted_kind as kind
from trustdesk.returns.model import Return
from trustdesk.returns.reader import read_workbook
from trustdesk.returns.untrusted_kind import (
    CONTENT_TYPES,
    HOSTILE,
    KB,
    MB,
    RESEND,
    RETURN,
    ROOT_RELATIONSHIPS,
    SPREADSHEET,
    UNPACK,
    WRONG_FILE,
    Expected,
    Package,
)
from trustdesk.returns.untrusted_xml import (
    Elements,
    MacroRelationship,
    TooManyElements,
    feed,
    scanner,
)

__all__ = [
    "HOSTILE",
    "RESEND",
    "RETURN",
    "SPREADSHEET",
    "UNPACK",
    "WRONG_FILE",
    "Expected",
    "check_return_file",
    "open_checked_workbook",
    "open_return_file",
]

log = logging.getLogger(__name__)

# The zip's own limits, the same whatever the file ought to be (a return's figures, and a
# spreadsheet's, are in trustdesk.returns.untrusted_kind):
MAX_PARTS = 200  # TrustDesk writes 14; Excel adds a few (calculation chain, printer settings)
MAX_DIRECTORY_BYTES = MAX_PARTS * KB  # the zip's list of its parts, read before any part
MAX_RATIO = 100  # how many times smaller a part may be packed; real parts: 1 to 16
RATIO_FROM_BYTES = 64 * KB  # a part smaller than this is harmless however it is packed
CHUNK = 64 * KB
ZIP, ZIP_END = b"PK\x03\x04", b"PK\x05\x06"  # a zip's first part; its end (the list)
ZIP64_END, ZIP64_LOCATOR = b"PK\x06\x06", b"PK\x06\x07"  # a zip64 end; what says where
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, .doc, and any Office file with a password
XML_NAMES = (".xml", ".rels", ".vml")  # parts that are XML by their names alone
FIRST = (CONTENT_TYPES.lower(), ROOT_RELATIONSHIPS, "mimetype")  # what says what the file is


def open_return_file(path: Path, config: TrustConfig, *, edited_ok: bool = False) -> Return:
    """The return in a file that came from outside, once it has passed every check.

    With ``edited_ok``, figures changed since export are read and the return marked
    ``edited_after_export`` rather than refused (the importer asks the officer)."""
    name, expected = repr(path.name), RETURN
    with _plainly(name, expected):
        data, package = _checked(path, name, expected)
        source = kind.as_openpyxl_reads(data, package)
        return read_workbook(source, config, name=name, edited_ok=edited_ok)


def check_return_file(path: Path) -> bytes:
    """The file's bytes, once it is clear that reading them as a workbook is safe."""
    name, expected = repr(path.name), RETURN
    with _plainly(name, expected):
        return _checked(path, name, expected)[0]


def open_checked_workbook(path: Path, expected: Expected) -> BinaryIO:
    """The workbook in a file from outside, once it has passed every check for what it ought
    to be, for ``openpyxl.load_workbook(..., read_only=True, data_only=True)``; or a
    UserError, the only exception that leaves, saying what is wrong with it in those words.
    (The caller reads it: what openpyxl raises then is the caller's to put in words.)"""
    name = repr(path.name)
    with _plainly(name, expected):
        data, package = _checked(path, name, expected)
        return kind.as_openpyxl_reads(data, package)


def _checked(path: Path, name: str, expected: Expected) -> tuple[bytes, Package]:
    """The file's bytes and its parts' content types, once every check has passed."""
    data = _read(path, name, expected)
    _whole_zip(data, name, expected)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, struct.error, EOFError, NotImplementedError):
        raise UserError(
            f"{name} is damaged: the list of what is inside it cannot be read.",
            hint=expected.damaged,
        ) from None
    with archive:
        infos = archive.infolist()
        _directory(infos, len(data), name, expected)
        elements = Elements(expected.max_part_elements, expected.max_elements)
        first = [i for i in infos if i.filename.lower() in FIRST]
        kept = _unpack(archive, first, elements, None, name, expected)
        names = [i.filename for i in infos]
        package = kind.package_of(names, kept, elements.workbooks, name, expected)
        rest = [i for i in infos if i not in first]
        _unpack(archive, rest, elements, package, name, expected)
    return data, package


@contextmanager
def _plainly(name: str, expected: Expected) -> Iterator[None]:
    """Only a UserError leaves: a file no check foresaw still gets words, and the log the
    details (it may show a check or a reader that needs to learn something)."""
    try:
        yield
    except UserError:
        raise
    except Exception:
        log.exception("Reading %s %s failed unexpectedly", expected.file, name)
        raise UserError(
            f"{name} cannot be read: it holds something TrustDesk does not expect in "
            f"{expected.noun}.",
            hint=expected.again,
        ) from None


# The file as a whole


def _read(path: Path, name: str, expected: Expected) -> bytes:
    try:
        if not path.exists():
            raise UserError(
                f"There is no file {name} in {str(path.parent)!r}.",
                hint="It may have been moved, renamed or deleted since it was chosen.",
            )
        if path.is_dir():
            raise UserError(f"{name} is a folder, not {expected.noun}.", hint=expected.in_folder)
        if not path.is_file():  # a pipe or a device would never end, or never start
            raise UserError(f"{name} is not a file that can be read.", hint=expected.wrong_file)
        size = path.stat().st_size
        if size > expected.max_file_bytes:
            raise _too_big(name, size, expected)
        with path.open("rb") as file:  # in chunks, in case it is still growing
            chunks, size = [], 0
            while chunk := file.read(CHUNK):
                chunks.append(chunk)
                size += len(chunk)
                if size > expected.max_file_bytes:
                    raise _too_big(name, size, expected)
    except OSError as exc:
        raise UserError(
            f"{name} cannot be opened ({exc.strerror or exc}).",
            hint="Check that you may read it, and that no other program has it open.",
        ) from None
    if not size:
        raise UserError(f"{name} is empty (0 bytes).", hint=expected.damaged)
    return b"".join(chunks)


def _too_big(name: str, size: int, expected: Expected) -> UserError:
    limit = _size(expected.max_file_bytes)
    return UserError(
        f"{name} is {_size(size)}; {expected.too_big.format(limit=limit)}.",
        hint=expected.wrong_file,
    )


def _whole_zip(data: bytes, name: str, expected: Expected) -> None:
    """A workbook is a zip archive: it starts like one, and its end, with the list of its
    parts, is there. What else it might be, the first bytes say."""
    if data.startswith(ZIP_END):
        raise UserError(
            f"{name} is an empty zip archive, not a workbook.", hint=expected.wrong_file
        )
    if not data.startswith(ZIP):
        raise UserError(f"{name} is {_what_else(data, expected)}.", hint=expected.wrong_file)
    end = data.rfind(ZIP_END, max(0, len(data) - 22 - 0xFFFF))
    if end < 0 or len(data) - end < 22:
        raise UserError(
            f"{name} is incomplete: the end of the file is missing.", hint=expected.incomplete
        )
    parts, listed = struct.unpack_from("<HI", data, end + 10)
    # A zip64 end (its locator just before the ordinary end, the record just before that) has
    # the counts that zipfile reads instead, whatever the ordinary end says.
    locator, record = end - 20, end - 76
    zip64 = data[locator : locator + 4] == ZIP64_LOCATOR and data[record : record + 4] == ZIP64_END
    if record >= 0 and zip64:
        parts, listed = struct.unpack_from("<QQ", data, record + 32)
    if parts > MAX_PARTS:
        raise _too_many_parts(name, parts, expected)
    if listed > MAX_DIRECTORY_BYTES:
        raise UserError(
            f"{name} cannot be {expected.noun}: the list of its parts alone is "
            f"{_size(listed)}; {expected.directory}.",
            hint=HOSTILE,
        )


def _too_many_parts(name: str, parts: int, expected: Expected) -> UserError:
    return UserError(
        f"{name} cannot be {expected.noun}: it holds {parts:,} parts; "
        f"{expected.parts.format(limit=MAX_PARTS)}.",
        hint=HOSTILE,
    )


def _what_else(data: bytes, expected: Expected) -> str:
    """What the first bytes say a file that is not a zip archive is. (For a spreadsheet to
    import, a CSV file would be fine: the caller, by the file's name, reads it as one before
    it gets here, where only workbooks are checked.)"""
    if data.startswith(OLE):
        return (
            "an old-style Excel file (.xls) or a workbook locked with a password, "
            + expected.old_excel
        )
    if data.startswith(b"%PDF"):
        return expected.pdf
    if _looks_like_text(data[:4096]):
        return expected.text
    return "not an Excel workbook"


def _looks_like_text(head: bytes) -> bool:
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    try:
        text = codecs.getincrementaldecoder("utf-8")().decode(head)
    except UnicodeDecodeError:
        text = head.decode("cp1252", errors="replace")  # a CSV from Excel on Windows
    return all(c.isprintable() or c in "\t\r\n\f" for c in text)


# The zip's directory: sizes as declared, before anything is unpacked


def _directory(infos: list[zipfile.ZipInfo], file_size: int, name: str, expected: Expected) -> None:
    if not infos:
        raise UserError(
            f"{name} is an empty zip archive, not a workbook.", hint=expected.wrong_file
        )
    if len(infos) > MAX_PARTS:  # the end said fewer
        raise _too_many_parts(name, len(infos), expected)
    # Part names are case-insensitive: xl/workbook.xml and XL/Workbook.xml are one part, twice.
    count = Counter(i.filename.lower() for i in infos)
    twice = [i.filename for i in infos if count[i.filename.lower()] > 1]
    if twice:
        raise UserError(
            f"{name} is damaged: it holds two parts named {twice[0]}.", hint=expected.damaged
        )
    total = 0
    for info in infos:
        part = info.filename
        if info.flag_bits & 0x1:
            raise UserError(f"{name} is locked with a password.", hint=expected.password)
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise UserError(
                f"{name} is packed in a way that Excel and LibreOffice never use (part {part}), "
                "so it is not a workbook they saved.",
                hint=expected.wrong_file,
            )
        if info.file_size > expected.max_part_bytes:
            limit = _size(expected.max_part_bytes)
            raise UserError(
                f"{name} cannot be {expected.noun}: one part of it ({part}) would unpack to "
                f"{_size(info.file_size)}, and {expected.part_bytes.format(limit=limit)}.",
                hint=HOSTILE,
            )
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_FROM_BYTES and ratio > MAX_RATIO:
            raise UserError(
                f"{name} cannot be {expected.noun}: one part of it ({part}) is packed "
                f"{ratio:,.0f} "
                "times smaller than what it holds, far tighter than any workbook's.",
                hint=HOSTILE,
            )
        total += info.file_size
    if total > expected.max_unpacked_bytes:
        limit = _size(expected.max_unpacked_bytes)
        raise UserError(
            f"{name} cannot be {expected.noun}: it would unpack to {_size(total)}, and "
            f"{expected.unpacked_bytes.format(limit=limit)}.",
            hint=HOSTILE,
        )
    if total > RATIO_FROM_BYTES and total / file_size > MAX_RATIO:
        raise UserError(
            f"{name} cannot be {expected.noun}: it is packed {total / file_size:,.0f} times "
            "smaller than what it holds, far tighter than any workbook.",
            hint=HOSTILE,
        )


# The parts, unpacked once and their XML scanned


def _unpack(
    archive: zipfile.ZipFile,
    infos: list[zipfile.ZipInfo],
    elements: Elements,
    package: Package | None,
    name: str,
    expected: Expected,
) -> dict[str, bytes]:
    """Unpack these parts in chunks and scan each as XML; keep the two little parts that say
    what kind of file this is. Not being XML is damage only in a part that has to be XML,
    by its name or (once ``package`` is known) by its content type."""
    kept: dict[str, bytes] = {}
    for info in infos:
        part_type = package.content_type(info.filename) if package else ""
        elements.begin(info.filename, expected.part_elements(part_type))
        keep = info.filename in (CONTENT_TYPES, "mimetype")
        with _part(name, info.filename, expected), archive.open(info) as stream:
            chunk = stream.read(CHUNK)
            if chunk.startswith(OLE):  # a VBA project, or an object embedded with its own
                raise kind.macros(name, expected)
            parser = scanner(elements)
            content: list[bytes] = []
            invalid: ParseError | None = None
            while chunk:
                if invalid is None:
                    invalid = feed(parser, chunk)
                if keep:
                    content.append(chunk)
                chunk = stream.read(CHUNK)  # the last read checks the part's CRC
            if invalid is None:
                invalid = feed(parser, None)
            xml = info.filename.lower().endswith(XML_NAMES)
            if invalid is not None and (xml or (package and package.is_xml(info.filename))):
                raise invalid  # only now, so that a damaged part is called damaged
        if keep:
            kept[info.filename] = b"".join(content)
    return kept


@contextmanager
def _part(name: str, part: str, expected: Expected) -> Iterator[None]:
    """What goes wrong while unpacking and scanning one part, in words."""
    try:
        yield
    except DefusedXmlException:
        raise UserError(
            f"{name} cannot be {expected.noun}: a part of it ({part}) has a DOCTYPE "
            "declaration, which Excel and LibreOffice never write; it is how entity bombs and "
            "references to other files are made.",
            hint=HOSTILE,
        ) from None
    except MacroRelationship:
        raise kind.macros(name, expected) from None
    except TooManyElements as many:
        where = f"one part of it ({part})" if many.in_part else "it"
        limit = many.limit
        raise UserError(
            f"{name} cannot be {expected.noun}: {where} holds more than {limit:,} XML "
            f"elements, {expected.elements}.",
            hint=expected.again,
        ) from None
    except ParseError as exc:
        raise UserError(
            f"{name} is damaged: a part of it ({part}) is not valid XML ({exc}).",
            hint=expected.again,
        ) from None
    except (
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        struct.error,
        ValueError,
        NotImplementedError,
    ):
        # zipfile's words for a part whose header points outside the file (a negative seek)
        # or names a compression it does not know: damage, as a broken stream is.
        raise UserError(
            f"{name} is damaged: a part of it ({part}) does not unpack to what the file "
            "says it holds.",
            hint=expected.damaged,
        ) from None


def _size(count: int) -> str:
    for unit, scale in (("GB", 1024 * MB), ("MB", MB), ("KB", KB)):
        if count >= scale:
            return f"{count / scale:,.1f}".removesuffix(".0") + f" {unit}"
    return f"{count:,} bytes"
