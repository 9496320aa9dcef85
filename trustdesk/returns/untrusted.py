"""Opening a return that came from outside: the one way in for a file that someone sent.

A district officer imports whatever arrived by e-mail or on a USB stick. Most files are
returns; some were damaged on the way, some are the wrong file, and one might have been made
to harm the computer that opens it. :func:`open_return_file` gives the return in a file, or
raises a :class:`UserError` that says what is wrong with the file and what to do about it;
no other exception escapes, and nothing is written anywhere, so a refused file leaves no
trace (the importer takes a return in whole, in one transaction, or not at all).

Nothing parses the file until :func:`check_return_file` has checked its bytes against
limits far above any real return and far below anything that could hurt:

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
  are counted: openpyxl keeps a workbook's styles and strings in memory. openpyxl finds
  parts by the content types and the relationships, not by their names, and parses them
  with the same expat: so whatever it could parse has been counted, up to the first byte
  that is not XML, where openpyxl would stop too. A part the content types call XML must be
  valid XML; any other (a picture, printer settings) stops being scanned at its first
  such byte, which for a real one is the first. The scan builds nothing (defusedxml's own
  parser would make a Python call and a dictionary for every element: twice the time);
- no part is an OLE compound file (how a VBA project is stored), and no relationship leads
  to a VBA project or a macro sheet.

Then :func:`trustdesk.returns.reader.read_workbook` parses the checked bytes (not the file
again, which could have changed) and bounds the rows and columns of each sheet it reads.

This happens in the importing process, not in a subprocess with resource limits: with these
bounds the worst file a person could craft costs a few seconds and well under 200 MB
(tests/returns/test_hostile_files.py measures each kind), while a subprocess would have to
import openpyxl again for every file, hold a second copy of it, and on Windows, where most
coordinators work, has no memory limit to set.
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
from typing import Any, NoReturn
from xml.parsers import expat

from defusedxml import DefusedXmlException, DTDForbidden, EntitiesForbidden
from defusedxml.common import ExternalReferenceForbidden
from defusedxml.ElementTree import ParseError

from trustdesk.config.trust import TrustConfig
from trustdesk.errors import UserError
from trustdesk.returns import untrusted_kind as kind
from trustdesk.returns.model import Return
from trustdesk.returns.reader import AGAIN, read_workbook
from trustdesk.returns.untrusted_kind import (
    CONTENT_TYPES,
    HOSTILE,
    RESEND,
    ROOT_RELATIONSHIPS,
    UNPACK,
    WRONG_FILE,
    Package,
)

__all__ = ["HOSTILE", "RESEND", "UNPACK", "WRONG_FILE", "check_return_file", "open_return_file"]

log = logging.getLogger(__name__)

KB, MB = 1024, 1024 * 1024
# A return of the large demo workspace (2,600 young people, 72,000 attendance marks) is
# 26 KB: 14 parts that unpack to 174 KB, none packed more than 10 times, the biggest (the
# Data sheet) holding about 4,600 XML elements and 8,000 in all. Re-saved by LibreOffice it
# is 29 KB: 15 parts, 219 KB, packed at most 12 times. A county's return carries more texts
# but the same figures. The limits are generous multiples of these:
MAX_FILE_BYTES = 10 * MB  # about 400 times the large demo's return
MAX_PARTS = 200  # TrustDesk writes 14; Excel adds a few (calculation chain, printer settings)
MAX_DIRECTORY_BYTES = MAX_PARTS * KB  # the zip's list of its parts, read before any part
MAX_PART_BYTES = 20 * MB  # 200 times the biggest part, unpacked
MAX_UNPACKED_BYTES = 50 * MB  # 250 times the whole return, unpacked
MAX_RATIO = 100  # how many times smaller a part may be packed; real parts: 1 to 12
RATIO_FROM_BYTES = 64 * KB  # a part smaller than this is harmless however it is packed
# openpyxl keeps a workbook's styles and shared strings in memory (up to about 800 bytes and
# 40 microseconds an element), and every part costs it time: 20 and 40 times a real return.
MAX_PART_ELEMENTS = 100_000
MAX_ELEMENTS = 300_000
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
    name = repr(path.name)
    with _plainly(name):
        data, package = _checked(path, name)
        source = kind.as_openpyxl_reads(data, package)
        return read_workbook(source, config, name=name, edited_ok=edited_ok)


def check_return_file(path: Path) -> bytes:
    """The file's bytes, once it is clear that reading them as a workbook is safe."""
    name = repr(path.name)
    with _plainly(name):
        return _checked(path, name)[0]


def _checked(path: Path, name: str) -> tuple[bytes, Package]:
    """The file's bytes and its parts' content types, once every check has passed."""
    data = _read(path, name)
    _whole_zip(data, name)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, struct.error, EOFError, NotImplementedError):
        raise UserError(
            f"{name} is damaged: the list of what is inside it cannot be read.", hint=RESEND
        ) from None
    with archive:
        infos = archive.infolist()
        _directory(infos, len(data), name)
        elements = _Elements()
        first = [i for i in infos if i.filename.lower() in FIRST]
        kept = _unpack(archive, first, elements, None, name)
        names = [i.filename for i in infos]
        package = kind.package_of(names, kept, elements.workbooks, name)
        _unpack(archive, [i for i in infos if i not in first], elements, package, name)
    return data, package


@contextmanager
def _plainly(name: str) -> Iterator[None]:
    """Only a UserError leaves: a file no check foresaw still gets words, and the log the
    details (it may show a check or a reader that needs to learn something)."""
    try:
        yield
    except UserError:
        raise
    except Exception:
        log.exception("Reading the return file %s failed unexpectedly", name)
        raise UserError(
            f"{name} cannot be read: it holds something TrustDesk does not expect in a return.",
            hint=AGAIN,
        ) from None


# The file as a whole


def _read(path: Path, name: str) -> bytes:
    try:
        if not path.exists():
            raise UserError(
                f"There is no file {name} in {str(path.parent)!r}.",
                hint="It may have been moved, renamed or deleted since it was chosen.",
            )
        if path.is_dir():
            raise UserError(
                f"{name} is a folder, not a return.",
                hint="Choose the return's workbook (.xlsx) inside it.",
            )
        if not path.is_file():  # a pipe or a device would never end, or never start
            raise UserError(f"{name} is not a file that can be read.", hint=WRONG_FILE)
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise _too_big(name, size)
        with path.open("rb") as file:  # in chunks, in case it is still growing
            chunks, size = [], 0
            while chunk := file.read(CHUNK):
                chunks.append(chunk)
                size += len(chunk)
                if size > MAX_FILE_BYTES:
                    raise _too_big(name, size)
    except OSError as exc:
        raise UserError(
            f"{name} cannot be opened ({exc.strerror or exc}).",
            hint="Check that you may read it, and that no other program has it open.",
        ) from None
    if not size:
        raise UserError(f"{name} is empty (0 bytes).", hint=RESEND)
    return b"".join(chunks)


def _too_big(name: str, size: int) -> UserError:
    return UserError(
        f"{name} is {_size(size)}; a return is never more than {_size(MAX_FILE_BYTES)}, so this "
        "is not one.",
        hint=WRONG_FILE,
    )


def _whole_zip(data: bytes, name: str) -> None:
    """A workbook is a zip archive: it starts like one, and its end, with the list of its
    parts, is there. What else it might be, the first bytes say."""
    if data.startswith(ZIP_END):
        raise UserError(f"{name} is an empty zip archive, not a workbook.", hint=WRONG_FILE)
    if not data.startswith(ZIP):
        raise UserError(f"{name} is {_what_else(data)}.", hint=WRONG_FILE)
    end = data.rfind(ZIP_END, max(0, len(data) - 22 - 0xFFFF))
    if end < 0 or len(data) - end < 22:
        raise UserError(
            f"{name} is incomplete: the end of the file is missing.",
            hint="It may not have finished copying or downloading: ask the coordinator to "
            "send it again.",
        )
    parts, listed = struct.unpack_from("<HI", data, end + 10)
    # A zip64 end (its locator just before the ordinary end, the record just before that) has
    # the counts that zipfile reads instead, whatever the ordinary end says.
    locator, record = end - 20, end - 76
    zip64 = data[locator : locator + 4] == ZIP64_LOCATOR and data[record : record + 4] == ZIP64_END
    if record >= 0 and zip64:
        parts, listed = struct.unpack_from("<QQ", data, record + 32)
    if parts > MAX_PARTS:
        raise _too_many_parts(name, parts)
    if listed > MAX_DIRECTORY_BYTES:
        raise UserError(
            f"{name} cannot be a return: the list of its parts alone is {_size(listed)}; a "
            "return's is about 1 KB.",
            hint=HOSTILE,
        )


def _too_many_parts(name: str, parts: int) -> UserError:
    return UserError(
        f"{name} cannot be a return: it holds {parts:,} parts; a return holds about 15, and "
        f"never more than {MAX_PARTS}.",
        hint=HOSTILE,
    )


def _what_else(data: bytes) -> str:
    if data.startswith(OLE):
        return (
            "an old-style Excel file (.xls) or a workbook locked with a password, not a "
            "return as TrustDesk makes it"
        )
    if data.startswith(b"%PDF"):
        return "a PDF; TrustDesk imports the return's workbook (.xlsx), made beside the PDF"
    if _looks_like_text(data[:4096]):
        return "a text file (such as CSV), not an Excel workbook"
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


def _directory(infos: list[zipfile.ZipInfo], file_size: int, name: str) -> None:
    if not infos:
        raise UserError(f"{name} is an empty zip archive, not a workbook.", hint=WRONG_FILE)
    if len(infos) > MAX_PARTS:  # the end said fewer
        raise _too_many_parts(name, len(infos))
    # Part names are case-insensitive: xl/workbook.xml and XL/Workbook.xml are one part, twice.
    count = Counter(i.filename.lower() for i in infos)
    twice = [i.filename for i in infos if count[i.filename.lower()] > 1]
    if twice:
        raise UserError(f"{name} is damaged: it holds two parts named {twice[0]}.", hint=RESEND)
    total = 0
    for info in infos:
        part = info.filename
        if info.flag_bits & 0x1:
            raise UserError(
                f"{name} is locked with a password.",
                hint="Ask the coordinator to send the return's workbook without a password.",
            )
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise UserError(
                f"{name} is packed in a way that Excel and LibreOffice never use (part {part}), "
                "so it is not a workbook they saved.",
                hint=WRONG_FILE,
            )
        if info.file_size > MAX_PART_BYTES:
            raise UserError(
                f"{name} cannot be a return: one part of it ({part}) would unpack to "
                f"{_size(info.file_size)}, and no part of a return is ever more than "
                f"{_size(MAX_PART_BYTES)}.",
                hint=HOSTILE,
            )
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_FROM_BYTES and ratio > MAX_RATIO:
            raise UserError(
                f"{name} cannot be a return: one part of it ({part}) is packed {ratio:,.0f} "
                "times smaller than what it holds, far tighter than any workbook's.",
                hint=HOSTILE,
            )
        total += info.file_size
    if total > MAX_UNPACKED_BYTES:
        raise UserError(
            f"{name} cannot be a return: it would unpack to {_size(total)}, and a return "
            f"never unpacks to more than {_size(MAX_UNPACKED_BYTES)}.",
            hint=HOSTILE,
        )
    if total > RATIO_FROM_BYTES and total / file_size > MAX_RATIO:
        raise UserError(
            f"{name} cannot be a return: it is packed {total / file_size:,.0f} times smaller "
            "than what it holds, far tighter than any workbook.",
            hint=HOSTILE,
        )


# The parts, unpacked once and their XML scanned


class _TooMany(Exception):
    def __init__(self, in_part: bool) -> None:
        self.in_part = in_part


class _Macros(Exception):
    pass


class _Elements:
    """What the scan reports each element to: it counts them, and looks at relationships."""

    def __init__(self) -> None:
        self.total = self.in_part = 0
        self.relationships = self.root = False
        self.workbooks: list[tuple[str, str]] = []  # the package's officeDocument targets

    def begin(self, part: str) -> None:
        self.in_part = 0
        self.relationships = part.lower().endswith(".rels")
        self.root = part.lower() == ROOT_RELATIONSHIPS

    def start(self, tag: str, attrib: Any) -> None:
        self.total += 1
        self.in_part += 1
        if self.in_part > MAX_PART_ELEMENTS:
            raise _TooMany(in_part=True)
        if self.total > MAX_ELEMENTS:
            raise _TooMany(in_part=False)
        if self.relationships and tag.rpartition("}")[2] == "Relationship":
            relationship = str(attrib.get("Type", ""))
            if kind.is_macro_relationship(relationship):
                raise _Macros
            workbook = relationship.lower().endswith("/officedocument")
            if self.root and workbook and len(self.workbooks) < 2:
                target = (str(attrib.get("Target", "")), str(attrib.get("TargetMode", "")))
                self.workbooks.append(target)

    def close(self) -> None:
        return None


def _unpack(
    archive: zipfile.ZipFile,
    infos: list[zipfile.ZipInfo],
    elements: _Elements,
    package: Package | None,
    name: str,
) -> dict[str, bytes]:
    """Unpack these parts in chunks and scan each as XML; keep the two little parts that say
    what kind of file this is. Not being XML is damage only in a part that has to be XML,
    by its name or (once ``package`` is known) by its content type."""
    kept: dict[str, bytes] = {}
    for info in infos:
        elements.begin(info.filename)
        keep = info.filename in (CONTENT_TYPES, "mimetype")
        with _part(name, info.filename), archive.open(info) as stream:
            chunk = stream.read(CHUNK)
            if chunk.startswith(OLE):  # a VBA project, or an object embedded with its own
                raise kind.macros(name)
            parser = _scanner(elements)
            content: list[bytes] = []
            invalid: ParseError | None = None
            while chunk:
                if invalid is None:
                    invalid = _feed(parser, chunk)
                if keep:
                    content.append(chunk)
                chunk = stream.read(CHUNK)  # the last read checks the part's CRC
            if invalid is None:
                invalid = _feed(parser, None)
            xml = info.filename.lower().endswith(XML_NAMES)
            if invalid is not None and (xml or (package and package.is_xml(info.filename))):
                raise invalid  # only now, so that a damaged part is called damaged
        if keep:
            kept[info.filename] = b"".join(content)
    return kept


def _scanner(elements: _Elements) -> Any:
    """An expat parser that checks a part is well-formed XML, counts its elements, and
    refuses a DOCTYPE, an entity declaration or an external reference as defusedxml does
    (with namespaces, as openpyxl reads it)."""
    parser = expat.ParserCreate(None, "}")
    parser.StartDoctypeDeclHandler = _refuse_doctype
    parser.EntityDeclHandler = _refuse_entity
    parser.UnparsedEntityDeclHandler = _refuse_entity
    parser.ExternalEntityRefHandler = _refuse_external
    parser.StartElementHandler = elements.start
    return parser


def _refuse_doctype(name: str, sysid: str | None, pubid: str | None, *_: Any) -> None:
    raise DTDForbidden(name, sysid, pubid)


def _refuse_entity(name: str, *rest: Any) -> None:
    raise EntitiesForbidden(name, None, None, None, None, None)


def _refuse_external(
    context: str, base: str | None, sysid: str | None, pubid: str | None
) -> NoReturn:
    raise ExternalReferenceForbidden(context, base, sysid, pubid)


def _feed(parser: Any, chunk: bytes | None) -> ParseError | None:
    """Give the parser the next chunk, or tell it the part has ended (None)."""
    try:
        parser.Parse(chunk or b"", chunk is None)
    except expat.ExpatError as exc:
        return ParseError(str(exc))
    return None


@contextmanager
def _part(name: str, part: str) -> Iterator[None]:
    """What goes wrong while unpacking and scanning one part, in words."""
    try:
        yield
    except DefusedXmlException:
        raise UserError(
            f"{name} cannot be a return: a part of it ({part}) has a DOCTYPE declaration, "
            "which Excel and LibreOffice never write; it is how entity bombs and references "
            "to other files are made.",
            hint=HOSTILE,
        ) from None
    except _Macros:
        raise kind.macros(name) from None
    except _TooMany as many:
        where = f"one part of it ({part})" if many.in_part else "it"
        limit = MAX_PART_ELEMENTS if many.in_part else MAX_ELEMENTS
        raise UserError(
            f"{name} cannot be a return: {where} holds more than {limit:,} XML elements, "
            "far more than a return ever has.",
            hint=AGAIN,
        ) from None
    except ParseError as exc:
        raise UserError(
            f"{name} is damaged: a part of it ({part}) is not valid XML ({exc}).", hint=AGAIN
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
            hint=RESEND,
        ) from None


def _size(count: int) -> str:
    for unit, scale in (("GB", 1024 * MB), ("MB", MB), ("KB", KB)):
        if count >= scale:
            return f"{count / scale:,.1f}".removesuffix(".0") + f" {unit}"
    return f"{count:,} bytes"
