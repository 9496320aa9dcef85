"""Which unit each text, partner and gap in partnership came from, for the PDF of a return.

A consolidated return carries its constituents' case studies, voice entries and partner lines,
each with the code of the locality that wrote it (a line keeps its locality's code as it goes
on from a district's return into the county's). A board member reading a district's PDF asks
"which locality was this?", so each text names its locality (in a county's PDF, its locality
and district), by the names the trust configuration gives.

Partners are listed under a heading for each constituent: in a district's PDF every partner
by name, as a locality's own PDF lists them (a district board knows its localities' partners
by name and asks which came); in a county's PDF, a table for each district of its partners by
type, with what they gave (hundreds of organisations by name, across eight districts, are
pages no county board reads; how many of each type and what they gave, district by district,
is what it compares).

The statutory partner types missing are listed for each constituent from its own figures
(``Return.parts``): added up, one locality's Police partner would hide another's having none.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable, Paragraph

from trustdesk.config.trust import TrustConfig
from trustdesk.errors import ConfigError
from trustdesk.returns import tables
from trustdesk.returns.model import PartnerLine, Return
from trustdesk.returns.pdf_page import FRAME_WIDTH
from trustdesk.returns.pdf_tables import STYLES, figure_table, para, text
from trustdesk.words import listed

# The partner lines' amounts, in the order of PARTNER_COLUMNS.
PARTNER_COLUMNS = [
    tables.Column("Staff hours", "minutes"),
    tables.Column("Money", "pence"),
    tables.Column("In kind", "pence"),
    tables.Column("Contacts", "count"),
    tables.Column("Meeting places", "count"),
    tables.Column("Present", "count"),
]


AMOUNTS = (
    "staff_minutes",
    "money_pence",
    "in_kind_pence",
    "contacts",
    "meeting_places",
    "meetings_present",
)


def _amounts(p: PartnerLine) -> list[int | float | None]:
    return [getattr(p, f) for f in AMOUNTS]


def unit_name(config: TrustConfig, code: str) -> str:
    """A unit's name; its code for a unit since taken out of the configuration."""
    try:
        return config.unit(code).name
    except ConfigError:  # a unit since taken out of the configuration
        return code


def _chain(config: TrustConfig, ret: Return, code: str) -> list[str]:
    """The units from just below ``ret``'s unit down to ``code``: [locality] in a district's
    return, [district, locality] in a county's; [] for the unit's own text."""
    if code == ret.unit_code:
        return []
    try:
        above = [u.code for u in config.ancestors(code)]
    except (ConfigError, KeyError):
        return [code]
    if ret.unit_code not in above:
        return [code]
    return list(reversed(above[: above.index(ret.unit_code)])) + [code]


def came_from(config: TrustConfig, ret: Return, code: str) -> str:
    """The name of the unit a text of ``ret`` came from, "" for the unit's own: "Burton
    Town" in a district's return, "Burton Town, East Staffordshire" in a county's."""
    return ", ".join(unit_name(config, c) for c in reversed(_chain(config, ret, code)))


def constituent_of(config: TrustConfig, ret: Return, code: str) -> str:
    """The code of the constituent of ``ret`` a line with unit ``code`` came in with."""
    chain = _chain(config, ret, code)
    return chain[0] if chain else code


def partner_listing(partners: Sequence[PartnerLine], config: TrustConfig) -> tables.Table:
    """The partners by type and name, with what each gave and how often it came."""
    order = {code: i for i, code in enumerate(config.codes("partner_types"))}
    rows = [
        tables.Row(
            f"{p.name}\n{config.name_of('partner_types', p.partner_type)}",
            _amounts(p),
        )
        for p in sorted(partners, key=lambda p: (order.get(p.partner_type, 99), p.name))
    ]
    return tables.Table("", PARTNER_COLUMNS, rows, label_heading="Partner and type")


def _sums(partners: list[PartnerLine]) -> list[int | float | None]:
    return [sum(getattr(p, f) for p in partners) for f in AMOUNTS]


def partners_by_type(partners: Sequence[PartnerLine], config: TrustConfig) -> tables.Table:
    """How many partners of each type, and what they gave and how often they came."""
    rows = []
    for code in config.codes("partner_types"):
        of_type = [p for p in partners if p.partner_type == code]
        if of_type:
            name = config.name_of("partner_types", code)
            rows.append(tables.Row(name, [len(of_type), *_sums(of_type)]))
    known = set(config.codes("partner_types"))
    others = [p for p in partners if p.partner_type not in known]
    if others:  # a type since taken out of the configuration
        rows.append(tables.Row("Other types", [len(others), *_sums(others)]))
    columns = [tables.Column("Partners", "count"), *PARTNER_COLUMNS]
    return tables.Table("", columns, rows, label_heading="Partner type")


def _units(ret: Return, config: TrustConfig) -> list[tuple[str, str, Return | None]]:
    """The constituents of a consolidated return: code, name and own return (None if it is
    not to hand), in the order the return lists them."""
    parts = {part.unit_code: part for part in ret.parts}
    return [
        (c.unit_code, unit_name(config, c.unit_code), parts.get(c.unit_code))
        for c in ret.constituents
    ]


def partner_section(ret: Return, config: TrustConfig) -> list[Flowable]:
    """The partners engaged in the period: a locality's by type and name; a consolidated
    return's under a heading for each constituent (see the module's note)."""
    if not ret.partners:
        return []
    lead: list[Flowable] = [Paragraph("Partners engaged", STYLES["h1"])]
    if not ret.constituents:
        listing = partner_listing(ret.partners, config)
        return [figure_table(listing, set(), FRAME_WIDTH, title=False, lead=lead)]
    by_type = ret.unit_level == "county"
    singular = tables.LEVEL_WORDS.get(ret.unit_level, ("unit", "units"))[0]
    if by_type:
        lead.append(para(f"The partners of each {singular}, by type, with what they gave."))
    groups: dict[str, list[PartnerLine]] = {}
    for line in ret.partners:
        groups.setdefault(constituent_of(config, ret, line.unit_code), []).append(line)
    order = [code for code, _, _ in _units(ret, config)]
    order += [code for code in groups if code not in order]
    out: list[Flowable] = []
    quiet = []
    for code in order:
        if code not in groups:
            quiet.append(unit_name(config, code))
            continue
        heading = [*lead, Paragraph(text(unit_name(config, code)), STYLES["h2"])]
        lines = groups[code]
        table = partners_by_type(lines, config) if by_type else partner_listing(lines, config)
        out.append(figure_table(table, set(), FRAME_WIDTH, title=False, lead=heading))
        lead = []
    absent = {unit_name(config, c.unit_code) for c in ret.constituents if c.status == "missing"}
    if without := [name for name in quiet if name not in absent]:
        out.append(para(f"No partners listed from {listed(without)}.", "note"))
    if missing := [name for name in quiet if name in absent]:
        out.append(para(f"No return yet from {listed(missing)}.", "note"))
    return out


def missing_partners(ret: Return, config: TrustConfig) -> list[Flowable]:
    """The statutory partner types with no partner engaged in the period: a locality's own;
    a consolidated return's for each constituent from its own figures."""
    out: list[Flowable] = [Paragraph("Missing partners", STYLES["h1"])]
    if not ret.constituents:
        missing = tables.missing_partner_types(ret, config)
        if not missing:
            return [*out, para("Every statutory partner type was engaged in the period.")]
        out.append(para("Statutory partner types with no partner engaged in the period:"))
        return out + [Paragraph(f"\u2022 {text(name)}", STYLES["body"]) for name in missing]
    singular = tables.LEVEL_WORDS.get(ret.unit_level, ("unit", "units"))[0]
    units = _units(ret, config)
    status = {c.unit_code: c.status for c in ret.constituents}
    lacking: list[tuple[str, list[str]]] = []
    engaged_all, absent, not_to_hand = [], [], []
    for code, name, part in units:
        if status[code] == "missing":
            absent.append(name)
        elif part is None:
            not_to_hand.append(name)
        elif missing := tables.missing_partner_types(part, config):
            lacking.append((name, missing))
        else:
            engaged_all.append(name)
    if not_to_hand and len(not_to_hand) + len(absent) == len(units):
        return out + _without_parts(ret, config, singular, absent)
    if lacking:
        out.append(
            para(f"Statutory partner types with no partner engaged in the period, by {singular}:")
        )
        out += [
            Paragraph(
                f"\u2022 {text(name)}: {text(', '.join(f'no {m}' for m in missing))}",
                STYLES["body"],
            )
            for name, missing in lacking
        ]
    if engaged_all:
        every = f"Every other {singular}" if lacking else f"Every {singular}"
        if not lacking and (absent or not_to_hand):
            every = f"Every {singular} whose return is in"
        out.append(para(f"{every} engaged every statutory partner type."))
    if absent:
        out.append(_no_return(absent))
    if not_to_hand:
        out.append(
            para(f"The figures of {listed(not_to_hand)} are not in this copy of the return.")
        )
    return out


def _without_parts(
    ret: Return, config: TrustConfig, singular: str, absent: list[str]
) -> list[Flowable]:
    """A consolidated return read from a file holds the added-up figures only: they say which
    types no constituent engaged, not which each one lacked."""
    missing = tables.missing_partner_types(ret, config)
    out = [
        para(
            f"The figures of each {singular} are not in this copy of the return (a return read "
            f"from a file holds the added-up figures only): make the PDF where the return was "
            f"consolidated to see the types each {singular} had no partner of.",
            "note",
        )
    ]
    if missing:
        out.append(para(f"Statutory partner types no {singular} engaged in the period:"))
        out += [Paragraph(f"\u2022 {text(name)}", STYLES["body"]) for name in missing]
    else:
        out.append(para(f"Every statutory partner type was engaged by one {singular} or more."))
    if absent:
        out.append(_no_return(absent))
    return out


def _no_return(names: list[str]) -> Flowable:
    whose = "its" if len(names) == 1 else "their"
    return para(f"No return yet from {listed(names)}: {whose} partners are not known.")
