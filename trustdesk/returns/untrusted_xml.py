"""Scanning the parts of a file from outside as XML, before anything parses them for real.

Part of checking a file that came from outside (:mod:`trustdesk.returns.untrusted`, which
unpacks each part in chunks, feeds them here, and says in words what the scan found). expat
refuses what defusedxml refuses (a DOCTYPE, an entity declaration, an external reference),
counts the elements against the limits of what the file ought to be, and looks at the
package's relationships for macros and for the workbook they name. The scan builds nothing
(defusedxml's own parser would make a Python call and a dictionary for every element: twice
the time). Apart from untrusted.py so that each is short enough to read whole.
"""

from __future__ import annotations

from typing import Any, NoReturn
from xml.parsers import expat

from defusedxml import DTDForbidden, EntitiesForbidden
from defusedxml.common import ExternalReferenceForbidden
from defusedxml.ElementTree import ParseError

from trustdesk.returns.untrusted_kind import ROOT_RELATIONSHIPS, is_macro_relationship


class TooManyElements(Exception):
    def __init__(self, in_part: bool, limit: int) -> None:
        self.in_part, self.limit = in_part, limit


class MacroRelationship(Exception):
    pass


class Elements:
    """What the scan reports each element to: it counts them, and looks at relationships."""

    def __init__(self, max_part: int, max_total: int) -> None:
        self.max_part, self.max_total = max_part, max_total
        self.total = self.in_part = 0
        self.relationships = self.root = False
        self.workbooks: list[tuple[str, str]] = []  # the package's officeDocument targets

    def begin(self, part: str, max_part: int | None = None) -> None:
        """A new part, which may hold ``max_part`` elements (the same as the last if None)."""
        self.in_part = 0
        self.max_part = self.max_part if max_part is None else max_part
        self.relationships = part.lower().endswith(".rels")
        self.root = part.lower() == ROOT_RELATIONSHIPS

    def start(self, tag: str, attrib: Any) -> None:
        self.total += 1
        self.in_part += 1
        if self.in_part > self.max_part:
            raise TooManyElements(True, self.max_part)
        if self.total > self.max_total:
            raise TooManyElements(False, self.max_total)
        if self.relationships and tag.rpartition("}")[2] == "Relationship":
            relationship = str(attrib.get("Type", ""))
            if is_macro_relationship(relationship):
                raise MacroRelationship
            workbook = relationship.lower().endswith("/officedocument")
            if self.root and workbook and len(self.workbooks) < 2:
                target = (str(attrib.get("Target", "")), str(attrib.get("TargetMode", "")))
                self.workbooks.append(target)

    def close(self) -> None:
        return None


def scanner(elements: Elements) -> Any:
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


def feed(parser: Any, chunk: bytes | None) -> ParseError | None:
    """Give the parser the next chunk, or tell it the part has ended (None)."""
    try:
        parser.Parse(chunk or b"", chunk is None)
    except expat.ExpatError as exc:
        return ParseError(str(exc))
    return None
