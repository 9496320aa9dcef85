"""The PDF of a return: every page says whose return it is and which page it is, the figures
and texts are there exactly as typed, and a publication copy prints no small number."""

from __future__ import annotations

import dataclasses
import datetime as dt
import getpass
import io
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest
from reportlab.platypus import Paragraph, SimpleDocTemplate

from tests.returns.conftest import made_up_return
from trustdesk.config.trust import TrustConfig
from trustdesk.returns import pdf_tables
from trustdesk.returns.model import CaseStudyText, Return, VoiceText
from trustdesk.returns.pdf import write_pdf
from trustdesk.returns.pdf_tables import figure_table
from trustdesk.returns.tables import Column, Row, Table

TRICKY_TITLE = "Fish & chips <b>night</b> at the <club>"
TRICKY_NARRATIVE = "We asked if 3 < 4 & 5 > 2.\n\nThen <font size=40>this</font> &amp; that."


def pdf_bytes(ret: Return, trust: TrustConfig, **options) -> bytes:
    out = io.BytesIO()
    write_pdf(ret, trust, out, **options)
    return out.getvalue()


def pages(data: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages]


def value_after(text: str, label: str) -> str:
    """The cell printed next to a row label (pypdf gives a table's cells one per line)."""
    lines = [line.strip() for line in text.splitlines()]
    return lines[lines.index(label) + 1]


@pytest.fixture
def known(trust: TrustConfig) -> Return:
    """A return with distinctive headline figures and 3 young people reached."""
    ret = made_up_return(trust)
    figures = dict(ret.figures)
    figures |= {
        ("sessions", "", ""): 4321,
        ("contact_minutes", "", ""): 757,  # 12.6 hours
        ("spend_pence", "", ""): 1234567,  # £12,345.67
        ("contacts", "", ""): 3,
        ("meeting_places", "", ""): 8,
        ("meeting_present", "", ""): 6,  # 75%
    }
    studies = [
        *ret.case_studies,
        CaseStudyText(dt.date(2026, 6, 20), TRICKY_TITLE, TRICKY_NARRATIVE, ("safe",), "LIC-BUR"),
    ]
    voice = [
        *ret.voice,
        VoiceText(
            dt.date(2026, 6, 1), "survey", "Year 9 & 10", "More <i>late</i> buses", "", "LIC-BUR"
        ),
    ]
    return dataclasses.replace(ret, figures=figures, case_studies=studies, voice=voice)


def test_every_page_has_the_unit_the_period_and_its_number(known, trust) -> None:
    texts = pages(pdf_bytes(known, trust))
    assert len(texts) >= 3
    for number, text in enumerate(texts, start=1):
        assert "Burntwood (LIC-BUR)" in text
        assert known.period.label in text
        assert "Staffordshire" in text
        assert f"Page {number} of {len(texts)}" in text
        assert "Publication copy" not in text


def test_the_first_page_has_the_headline_figures(known, trust) -> None:
    every = pages(pdf_bytes(known, trust))
    first = every[0]
    assert "Revision" not in first and "Return ID" not in first  # for the records, at the end
    assert value_after(first, "Sessions") == "4,321"
    assert value_after(first, "Contact hours") == "12.6"
    assert value_after(first, "Small-budget spend") == "\u00a312,345.67"
    assert value_after(first, "Young people reached (contacts)") == "3"
    assert value_after(first, "Partner attendance at meetings") == "75%"


def test_the_return_ends_with_what_it_is_and_the_words_it_uses(known, trust) -> None:
    """Return id, revision and when it was made close the return ("About this return"),
    with REYS, ECM and SEND spelled out once."""
    last = pages(pdf_bytes(known, trust))[-1]
    about = last[last.index("About this return") :]
    assert value_after(about, "Revision") == "2"
    assert value_after(about, "Made at") == "10 July 2026, 09:30 UTC"
    assert value_after(about, "Return ID") == known.return_id
    words = " ".join(about.split())
    assert "REYS Resourcing Excellent Youth Services" in words
    assert "ECM Every Child Matters" in words
    assert "SEND special educational needs and disabilities" in words


def test_texts_are_printed_as_typed_and_markup_in_them_is_not_obeyed(known, trust) -> None:
    text = "\n".join(pages(pdf_bytes(known, trust)))
    assert "Food growing at Chase Terrace" in text
    assert "Two now help run the lunchtime club." in text
    assert TRICKY_TITLE in text
    assert "We asked if 3 < 4 & 5 > 2." in text
    assert "Then <font size=40>this</font> &amp; that." in text
    assert "More <i>late</i> buses" in text and "Year 9 & 10" in text
    assert "The bus stops running before the youth club ends." in text
    assert "What young people said and what changed" in text
    assert "Missing partners" in text


def test_the_publication_copy_prints_no_small_number(known, trust) -> None:
    texts = pages(pdf_bytes(known, trust, publication=True))
    for number, text in enumerate(texts, start=1):
        assert "Publication copy \u2013 numbers from 1 to 4 are shown as <5" in text
        assert f"Page {number} of {len(texts)}" in text
    first = texts[0]
    assert value_after(first, "Young people reached (contacts)") == "<5"
    assert value_after(first, "Sessions") == "4,321"  # not a count of young people
    assert value_after(first, "Small-budget spend") == "\u00a312,345.67"
    # The contacts total is 3 in every breakdown table too.
    everything = "\n".join(texts)
    for table in ("Young people by age band", "Young people by gender"):
        part = everything[everything.index(table) :]
        cells = part[part.index("\nAll\n") :].splitlines()[1:6]
        assert cells[1] == "<5"  # Attendances, Contacts, ...


def test_the_publication_copy_hides_small_numbers_in_the_charts(trust) -> None:
    ret = made_up_return(trust)
    figures = {k: (20 if v else 0) for k, v in ret.figures.items()}
    figures[("contacts", "ecm_outcome", "contribute")] = 2
    ret = dataclasses.replace(ret, figures=figures)
    full = "\n".join(pages(pdf_bytes(ret, trust)))
    public = "\n".join(pages(pdf_bytes(ret, trust, publication=True)))

    def chart(text: str) -> str:
        start = text.index("Young people reached by ECM outcome")
        return text[start : text.index("Partner attendance at locality group meetings", start)]

    assert "\n2\n" in chart(full)
    assert "\n2\n" not in chart(public) and "<5" in chart(public)


def test_metadata_names_trustdesk_not_the_person_at_the_computer(known, trust) -> None:
    info = pypdf.PdfReader(io.BytesIO(pdf_bytes(known, trust))).metadata
    assert info.author == "TrustDesk 0.1.0" == known.made_by
    assert info.author != getpass.getuser()
    assert "Burntwood" in info.title and known.period.label in info.title
    assert "Staffordshire" in info.subject
    unsigned = dataclasses.replace(known, made_by="")
    info = pypdf.PdfReader(io.BytesIO(pdf_bytes(unsigned, trust))).metadata
    assert info.author == "TrustDesk" != getpass.getuser()


def test_written_to_a_path_without_leaving_a_temporary_file(known, trust, tmp_path) -> None:
    target = tmp_path / "return.pdf"
    write_pdf(known, trust, target)
    assert target.read_bytes().startswith(b"%PDF-")
    assert [p.name for p in tmp_path.iterdir()] == ["return.pdf"]


def test_a_table_that_runs_over_a_page_repeats_its_header(tmp_path: Path) -> None:
    rows = [Row(f"Row {i}", [i * 7]) for i in range(120)]
    table = Table("Long", [Column("Contacts seen", "count", "contacts")], rows, label_heading="X")
    target = tmp_path / "long.pdf"
    SimpleDocTemplate(str(target)).build([figure_table(table, set(), 400)])
    texts = pages(target.read_bytes())
    assert len(texts) >= 3
    assert all("Contacts seen" in text for text in texts)


def test_no_qt_is_imported() -> None:
    code = (
        "import sys, trustdesk.returns.pdf, trustdesk.returns.charts, "
        "trustdesk.returns.suppression; "
        "sys.exit(any(m.startswith(('PySide6', 'shiboken6')) for m in sys.modules))"
    )
    assert (
        subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).parents[2]).returncode == 0
    )


def text_positions(data: bytes) -> list[tuple[str, str, float, float]]:
    """Every piece of text on the pages with its font and where it is drawn (x, y rounded to
    0.01 pt)."""
    found: list[tuple[str, str, float, float]] = []

    def visit(text, cm, tm, font, size) -> None:
        if text.strip():
            x, y = pypdf.mult(tm, cm)[4:6]
            found.append((text.strip(), font["/BaseFont"], round(x, 2), round(y, 2)))

    for page in pypdf.PdfReader(io.BytesIO(data)).pages:
        page.extract_text(visitor_text=visit)
    return found


def figure_pdf(table: Table) -> bytes:
    out = io.BytesIO()
    SimpleDocTemplate(out).build([figure_table(table, set(), 400)])
    return out.getvalue()


def test_texts_that_fit_are_drawn_where_their_paragraphs_would_be(monkeypatch) -> None:
    """Labels and headings that fit on a line go in as plain strings (paragraphs cost a table
    most of its time): they must land exactly where the paragraphs did, bold totals too."""
    rows = [Row("Young people", [12]), Row("Sessions held", [3]), Row("All", [15], is_total=True)]
    columns = [Column("Contacts", "count", "contacts"), Column("Meeting places seen", "count")]
    table = Table("Fits", columns, [Row(r.label, [*r.values, 1], r.is_total) for r in rows])
    table.label_heading = "Measure"
    fast = figure_pdf(table)
    monkeypatch.setattr(
        pdf_tables, "fitted", lambda value, style, width: Paragraph(pdf_tables.text(value), style)
    )
    assert text_positions(fast) == text_positions(figure_pdf(table))


def test_a_label_too_long_for_its_column_wraps_and_markup_stays_text() -> None:
    long = "Voluntary and community sector organisations of every kind & <b>size</b>"
    rows = [Row("Fish & chips <b>night</b>", [1]), Row(long, [2])]
    table = Table("Labels", [Column("Contacts", "count", "contacts")], rows, label_heading="Who")
    lines = [line.strip() for line in pages(figure_pdf(table))[0].splitlines()]
    assert "Fish & chips <b>night</b>" in lines
    start = next(i for i, line in enumerate(lines) if line.startswith("Voluntary"))
    assert long.startswith(lines[start]) and lines[start] != long  # wrapped onto more lines
    assert " ".join(lines[start : start + 3]).startswith(long)
