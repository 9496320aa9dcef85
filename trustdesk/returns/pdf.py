"""The PDF of a return: what the district board reads.

A4 portrait. Every page carries the trust, the unit and the period at the top and "Page N of
M" at the foot (the document is laid out once and the page count filled in as it is saved).
The tables are the ones the workbook's Summary sheet shows (``tables.py``); a publication copy
hides small numbers by the rules of ``suppression.py``, in the tables and the charts alike.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
)
from reportlab.platypus import Table as PdfTable

from trustdesk import glossary
from trustdesk.config.trust import TrustConfig
from trustdesk.files import write_atomically
from trustdesk.returns import (
    board_tables,
    catalogue,
    charts,
    pdf_comparison,
    pdf_units,
    tables,
    trends,
)
from trustdesk.returns.model import Return
from trustdesk.returns.pdf_fonts import BOLD, FONT
from trustdesk.returns.pdf_page import FRAME_WIDTH, a4_document, canvas_class, when
from trustdesk.returns.pdf_tables import STYLES, figure_table, lines, para, text
from trustdesk.returns.suppression import (
    HIDDEN,
    HIDDEN_NOTE,
    Cell,
    publication_cells,
    suppressed_cells,
)
from trustdesk.returns.target_tables import (
    TARGETS,
    target_trends,
    targets_by_unit,
    targets_table,
)
from trustdesk.returns.trend_chart import trend_chart


def write_pdf(
    ret: Return,
    config: TrustConfig,
    target: Path | BinaryIO,
    *,
    publication: bool = False,
) -> None:
    """Write the return as a PDF to a file (replaced only once the PDF is complete) or to an
    open binary stream. ``publication`` hides numbers from 1 to 4 (see suppression.py)."""
    buffer = io.BytesIO()
    unit = f"{ret.unit_name} ({ret.unit_code})"
    part = ret.part_quarter_note  # "" for a period that had ended
    partly = f"part {ret.period.noun}"
    doc = a4_document(
        buffer,
        title=f"{unit} \u2013 return for {ret.period.label}" + (f" ({partly})" if part else ""),
        author=ret.made_by or "TrustDesk",
        subject=f"{ret.trust_name}: {ret.period.adjective} return of {unit} for "
        f"{ret.period.label}, "
        f"revision {ret.revision}"
        + (" (publication copy)" if publication else "")
        + (f". {part}" if part else ""),
        creator="TrustDesk",
        keywords=[ret.unit_code, ret.period.code, "publication" if publication else "full"]
        + ([partly] if part else []),
    )
    # Every page of a part period says so, at its head and its foot.
    footer = " \u00b7 ".join(n for n in (part, HIDDEN_NOTE if publication else "") if n)
    period = ret.period.label + (f", {partly}" if part else "")
    doc.build(
        _story(ret, config, publication),
        canvasmaker=canvas_class(ret.trust_name, unit, period, footer),
    )
    data = buffer.getvalue()
    if isinstance(target, (str, Path)):

        def write(out: BinaryIO) -> None:
            out.write(data)

        write_atomically(Path(target), write)
    else:
        target.write(data)


# The pages.


def _day(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _story(ret: Return, config: TrustConfig, publication: bool) -> list[Flowable]:
    headline = tables.headline_table(ret)
    reach = tables.reach_table(ret, config)
    breakdowns = tables.breakdown_tables(ret, config)
    # A consolidated return compares its constituents, whose figures add up to its totals:
    # their table is suppressed with the others.
    compared = pdf_comparison.compare(ret, config)
    suppressed = [*breakdowns, compared.counts] if compared else breakdowns
    if publication:
        bands = [catalogue.AGE.category_label(config, b) for b in catalogue.reach_age_bands(config)]
        head_hidden, reach_hidden, hidden = publication_cells(headline, reach, suppressed, bands)
    else:
        head_hidden, reach_hidden, hidden = set(), set(), [set() for _ in suppressed]
    comparison: list[Flowable] = []
    if compared:  # before the reach table is laid out: it can hide more of the reach table
        comparison = compared.section(hidden.pop(), reach, reach_hidden, publication)

    story: list[Flowable] = [*_title(ret, publication)]
    targets = targets_table(ret, config, publication=publication)
    if targets is not None:  # first: how the unit stands against what the trust expects
        section = [Paragraph(TARGETS, STYLES["h1"])]
        story.append(
            figure_table(targets, set(), FRAME_WIDTH, title=False, label_width=220, lead=section)
        )
    section = [Paragraph("Headline figures", STYLES["h1"])]
    wide = 260 if len(headline.columns) == 1 else 170  # room for the comparisons
    story.append(
        figure_table(
            headline, head_hidden, FRAME_WIDTH, title=False, label_width=wide, lead=section
        )
    )

    section = [Paragraph("Reach", STYLES["h1"])]
    story.append(figure_table(reach, reach_hidden, FRAME_WIDTH, label_width=220, lead=section))
    story += _trends(trends.trend_tables(ret), publication)
    story += [
        figure_table(t, set(), FRAME_WIDTH, label_width=150)
        for t in target_trends(ret, config, publication=publication)
    ]
    by_title = {t.title: (t, h) for t, h in zip(breakdowns, hidden, strict=True)}
    story += _charts(by_title, publication)
    story += comparison
    by_unit = targets_by_unit(ret, config, publication=publication)
    if by_unit is not None:
        story.append(figure_table(by_unit, set(), FRAME_WIDTH, label_width=220))
    story += _units_over_time(ret, config, publication)

    section = [Paragraph("Figures in detail", STYLES["h1"])]
    for i, (table, cells) in enumerate(zip(breakdowns, hidden, strict=True)):
        story.append(figure_table(table, cells, FRAME_WIDTH, lead=section if i == 0 else ()))
    story += _board(ret, config)
    if not publication:  # a partner can be a person (a parent); publish the types only
        story += pdf_units.partner_section(ret, config)
    story += pdf_units.missing_partners(ret, config)
    story += _case_studies(ret, config)
    story += _voice(ret, config)
    story += _about(ret)
    return story


def _board(ret: Return, config: TrustConfig) -> list[Flowable]:
    """A district's or county's board's own work (its figures are never a young person's
    count, so a publication copy shows them whole), and a county's boards side by side."""
    shown = board_tables.board_tables(ret, config) + board_tables.boards_tables(ret, config)
    section = [Paragraph(board_tables.BOARD_WORK, STYLES["h1"])]
    return [  # the section's heading is the first table's title
        figure_table(table, set(), FRAME_WIDTH, title=i > 0, lead=section if i == 0 else ())
        for i, table in enumerate(shown)
    ]


def _title(ret: Return, publication: bool) -> list[Flowable]:
    level = ret.unit_level.capitalize()
    rows = [
        ("Trust", ret.trust_name),
        ("Unit", f"{ret.unit_name} ({ret.unit_code}), {ret.unit_level}"),
        ("Period", ret.period.label),
    ]
    if ret.figures_to:
        rows.append(("Figures to", f"{_day(ret.figures_to)} (part {ret.period.noun})"))
    out: list[Flowable] = [
        para(f"{ret.unit_name}: {ret.period.adjective} return", "title"),
        Spacer(1, 2),
        para(f"{level} return for {ret.period.label}", "subtitle"),
        Spacer(1, 8),
        *_part_quarter(ret),
        _facts(rows, 70),
    ]
    if publication:
        out += [
            Spacer(1, 6),
            para(
                f"This is a publication copy: numbers of young people from 1 to 4 are shown "
                f"as {HIDDEN}, and so are some other numbers that would let them be worked "
                f"out. Zero is shown as 0.",
                "body",
            ),
        ]
    return out


def _facts(rows: list[tuple[str, str]], name_width: float) -> Flowable:
    """A block of facts: each one's name in bold, then its value."""
    return PdfTable(
        [[para(k, "meta"), para(v, "meta")] for k, v in rows],
        colWidths=[name_width, FRAME_WIDTH - name_width],
        hAlign="LEFT",
        style=[
            ("FONT", (0, 0), (-1, -1), FONT, 8.5),  # a table sets a font, else Helvetica
            ("FONT", (0, 0), (0, -1), BOLD, 8.5),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ],
    )


# Abbreviations a board member meets in a return, spelled out once, at its end.
SPELLED_OUT = ("ECM", "REYS", "SEND")


def _about(ret: Return) -> list[Flowable]:
    """The end of the return: which return and revision this is, when and by what it was
    made (for the district's records more than the board's reading), and its words."""
    rows = [
        ("Return ID", ret.return_id or "none yet (not exported)"),
        ("Revision", str(ret.revision)),
        ("Made at", when(ret.made_at)),
        ("Made by", ret.made_by or "not recorded"),
    ]
    words = [(word, glossary.meaning(word)) for word in SPELLED_OUT]
    return [
        KeepTogether(
            [
                Paragraph("About this return", STYLES["h1"]),
                _facts(rows, 70),
                Paragraph("Words and abbreviations", STYLES["h2"]),
                _facts(words, 40),
            ]
        )
    ]


PART_INK, PART_FILL = colors.HexColor("#7c2d12"), colors.HexColor("#ffe3c7")
PART_HEAD = ParagraphStyle("part", fontName=BOLD, fontSize=14, leading=18, textColor=PART_INK)
PART_BODY = ParagraphStyle("part_body", fontName=BOLD, fontSize=9.5, leading=13, textColor=PART_INK)


def _part_quarter(ret: Return) -> list[Flowable]:
    """A period exported before it ended: a box above everything else says so."""
    if ret.figures_to is None:
        return []
    end, noun = ret.period.end, ret.period.noun
    box = PdfTable(
        [
            [Paragraph(text(ret.part_quarter_note), PART_HEAD)],
            [
                Paragraph(
                    text(
                        f"{ret.period.label} ends on {_day(end)}. These are the figures so "
                        f"far, not the {noun}'s: the return for the whole {noun} will follow."
                    ),
                    PART_BODY,
                )
            ],
        ],
        colWidths=[FRAME_WIDTH],
        hAlign="LEFT",
        style=[
            ("FONT", (0, 0), (-1, -1), BOLD, 9.5),  # a table sets a font, else Helvetica
            ("BACKGROUND", (0, 0), (-1, -1), PART_FILL),
            ("BOX", (0, 0), (-1, -1), 1.2, PART_INK),
            ("LEFTPADDING", (0, 0), (-1, -1), 8),
            ("TOPPADDING", (0, 0), (-1, 0), 6),
            ("BOTTOMPADDING", (0, -1), (-1, -1), 7),
        ],
    )
    return [box, Spacer(1, 8)]


def _charts(
    by_title: dict[str, tuple[tables.Table, set[Cell]]], publication: bool
) -> list[Flowable]:
    out: list[Flowable] = []
    if "Reach by ECM outcome" in by_title:
        table, hidden = by_title["Reach by ECM outcome"]
        parts: list[Flowable] = [
            Paragraph("Young people reached by ECM outcome", STYLES["h2"]),
            charts.reach_chart_from(table, hidden, width=FRAME_WIDTH),
            para(
                "An activity can serve more than one outcome, so a young person can count "
                "under more than one."
                + (
                    f" Bars for numbers shown as {HIDDEN} are drawn at zero." if publication else ""
                ),
                "note",
            ),
        ]
        out.append(KeepTogether(parts))
    if "Partners by type" in by_title:
        table, _ = by_title["Partners by type"]
        drawing = charts.attendance_chart_from(table, width=FRAME_WIDTH)
        title = Paragraph("Partner attendance at locality group meetings", STYLES["h2"])
        if drawing is None:
            out.append(
                KeepTogether(
                    [title, para("No meetings with partner places were held in the period.")]
                )
            )
        else:
            note = para("Partner types with places at meetings in the period.", "note")
            out.append(KeepTogether([title, drawing, note]))
    return out


def _trends(tables_: list[tables.Table], publication: bool) -> list[Flowable]:
    """The key figures over the last quarters and years: a chart, then the tables."""
    if not tables_:
        return []
    hidden = [suppressed_cells(t) if publication else set() for t in tables_]
    quarters = tables_[0]
    lead = [
        Paragraph("Trends", STYLES["h1"]),
        para(
            f"The key figures of the last {len(quarters.columns)} quarters"
            + (
                " and years, each as its own return counts them (young people are counted "
                "once in a period, so a year's are fewer than its quarters' added up)"
                if len(tables_) > 1
                else ", each as its own return counts them"
            )
            + ". The last bar of each chart, in light amber, is the latest quarter; each "
            "chart has its own scale.",
            "note",
        ),
        Spacer(1, 4),
        trend_chart(quarters, hidden[0], width=FRAME_WIDTH),
    ]
    out: list[Flowable] = [KeepTogether(lead)]
    for table, cells in zip(tables_, hidden, strict=True):
        out.append(figure_table(table, cells, FRAME_WIDTH, label_width=150))
    return out


def _units_over_time(ret: Return, config: TrustConfig, publication: bool) -> list[Flowable]:
    """A district's or county's units compared over the last quarters, a table a figure."""
    unit_tables = trends.unit_tables(ret, config)
    if not unit_tables:
        return []
    one, below = tables.LEVEL_WORDS.get(ret.unit_level, ("unit", "units"))
    section: list[Flowable] = [
        Paragraph(f"{below.capitalize()} over time", STYLES["h1"]),
        para(
            f"Each {one}'s own figures, "
            "quarter by quarter, from the returns it sent; a dash is a return that did not "
            "come in.",
            "note",
        ),
    ]
    out: list[Flowable] = []
    for i, table in enumerate(unit_tables):
        cells = suppressed_cells(table) if publication else set()
        out.append(
            figure_table(table, cells, FRAME_WIDTH, label_width=130, lead=section if i == 0 else ())
        )
    return out


def _with_heading(heading: str, blocks: list[list[Flowable]], empty: str) -> list[Flowable]:
    """A section of text blocks: the heading stays on the page with the first block, and each
    block's first two flowables (its title and opening) stay together."""
    h1 = Paragraph(text(heading), STYLES["h1"])
    if not blocks:
        return [h1, para(empty)]
    out: list[Flowable] = []
    for i, block in enumerate(blocks):
        lead = [h1] if i == 0 else []
        out += [KeepTogether([*lead, *block[:4]]), *block[4:]]
    return out


def _case_studies(ret: Return, config: TrustConfig) -> list[Flowable]:
    blocks = []
    for study in sorted(ret.case_studies, key=lambda s: s.date):
        outcomes = ", ".join(config.name_of("ecm_outcomes", c) for c in study.ecm_outcomes)
        meta = f"{_day(study.date)}  \u00b7  ECM outcomes: {outcomes or 'none'}"
        block: list[Flowable] = [
            Paragraph(text(study.title) or "(no title)", STYLES["h2"]),
            _meta(_from(ret, config, study.unit_code), meta),
        ]
        for paragraph in study.narrative.replace("\r\n", "\n").split("\n\n"):
            if paragraph.strip():
                block += [Spacer(1, 4), *_lines(paragraph.strip())]
        blocks.append(block)
    return _with_heading("Case studies", blocks, "No case studies in this period.")


def _from(ret: Return, config: TrustConfig, code: str) -> str:
    """Where a text of a consolidated return came from; "" in a locality's own return."""
    return pdf_units.came_from(config, ret, code) if ret.constituents else ""


def _meta(where: str, rest: str) -> Paragraph:
    """A text's line of facts, led in bold by the unit it came from (if not the return's)."""
    lead = f"<b>{text(where)}</b>  \u00b7  " if where else ""
    return Paragraph(lead + text(rest), STYLES["meta"])


def _lines(value: str, lead: str = "") -> list[Flowable]:
    """A text as a paragraph a line (see pdf_tables.lines), the first led by ``lead`` in bold."""
    out: list[Flowable] = []
    for number, line in enumerate(lines(value)):
        start = f"<b>{text(lead)}</b> " if lead and number == 0 else ""
        out.append(Paragraph(start + (text(line) or "\u00a0"), STYLES["body"]))  # a blank line kept
    return out


def _voice(ret: Return, config: TrustConfig) -> list[Flowable]:
    blocks = []
    for entry in sorted(ret.voice, key=lambda v: v.date):
        how = config.name_of("voice_methods", entry.method)
        said = _lines(entry.said or "(not recorded)", "What they said:")
        changed = _lines(entry.change_made or "No change recorded.", "What changed:")
        meta = _meta(
            _from(ret, config, entry.unit_code),
            f"{_day(entry.date)}  \u00b7  {how}  \u00b7  {entry.who}",
        )
        blocks.append([meta, *said, *changed, Spacer(1, 8)])
    return _with_heading(
        "What young people said and what changed",
        blocks,
        "No views of young people were recorded in this period.",
    )
