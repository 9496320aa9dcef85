"""Every PDF TrustDesk writes embeds its fonts (DejaVu Sans Condensed), so that a partner
called "Gŵyl Łódź Youth Club" prints as typed on any computer, not as black boxes in a
Helvetica that only knows Latin-1. Read back with poppler's pdftotext and pdffonts, as a
reader would."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import shutil
import subprocess
from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Paragraph

from tests.returns.test_pdf_comparison import district_return
from trustdesk.config.periods import Period
from trustdesk.config.trust import TrustConfig
from trustdesk.reports.subject_access_pdf import write_subject_access_pdf
from trustdesk.returns import pdf_fonts
from trustdesk.returns.export import export_return
from trustdesk.returns.model import PartnerLine
from trustdesk.returns.pdf import write_pdf
from trustdesk.returns.pdf_page import a4_document
from trustdesk.returns.pdf_tables import STYLES
from trustdesk.services.contact_log import log_contact
from trustdesk.services.partners import create_partner
from trustdesk.services.subject_access import everything_held
from trustdesk.services.young_people import add_young_person

pytestmark = [
    pytest.mark.today(dt.date(2026, 7, 10)),
    pytest.mark.skipif(
        shutil.which("pdftotext") is None or shutil.which("pdffonts") is None,
        reason="poppler-utils (pdftotext, pdffonts) is not installed",
    ),
]

PARTNER = "Gŵyl Łódź Youth Club"
Q1 = Period.parse("2026-27Q1")
NOW = dt.datetime(2026, 7, 10, 9, 0, tzinfo=dt.UTC)


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout


def pdf_font_rows(path: Path) -> list[dict[str, str]]:
    """pdffonts' table, a dict per font; the columns are cut where its line of dashes
    breaks, as a name or a type ("Type 1") can hold spaces."""
    out = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, check=True, text=True
    ).stdout.splitlines()
    header, dashes, *rows = out
    spans, start = [], 0
    for width in (len(d) for d in dashes.split(" ")):
        spans.append((start, start + width))
        start += width + 1
    names = [header[a:b].strip() for a, b in spans]
    return [dict(zip(names, (row[a:b].strip() for a, b in spans), strict=True)) for row in rows]


def assert_only_embedded_fonts(path: Path) -> None:
    rows = pdf_font_rows(path)
    assert rows, "pdffonts found no fonts at all"
    assert [r["name"] for r in rows if r["emb"] != "yes"] == []
    assert [r["name"] for r in rows if "Helvetica" in r["name"]] == []
    assert {r["name"].split("+")[-1] for r in rows} <= {
        pdf_fonts.FONT,
        pdf_fonts.BOLD,
        pdf_fonts.ITALIC,
    }


def test_a_locality_return_prints_a_partner_name_in_any_alphabet(session, tmp_path) -> None:
    partner = create_partner(session, name=PARTNER, partner_type="vcs")
    log_contact(session, date="2026-05-01", partner_id=partner.id, method="phone", summary="Hi")

    full = export_return(session, Q1, tmp_path, formats=["pdf"], now=NOW).paths[0]
    published = export_return(
        session, Q1, tmp_path, formats=["pdf"], publication=True, now=NOW
    ).paths[0]

    assert PARTNER in pdf_text(full)
    assert_only_embedded_fonts(full)
    assert_only_embedded_fonts(published)  # which names no partner, but has its charts


def test_a_district_return_embeds_its_fonts_too(trust: TrustConfig, tmp_path) -> None:
    """A consolidated return adds the comparison of its localities, table and chart."""
    line = PartnerLine(PARTNER, "vcs", 60, 0, 0, 0, 0, 1, "EST-BNO")
    district = dataclasses.replace(district_return(trust), partners=[line])
    target = tmp_path / "district.pdf"
    write_pdf(district, trust, target)

    text = pdf_text(target)
    assert "Comparison of the localities" in text
    assert PARTNER in text
    assert_only_embedded_fonts(target)


def test_the_subject_access_report_prints_a_name_as_typed(workspace, tmp_path) -> None:
    with workspace.session() as session:
        person = add_young_person(
            session, first_name="Siân", last_name="Łukasiewicz", age_band="13-15"
        )
        session.commit()
        held = everything_held(session, person.id)
    target = write_subject_access_pdf(
        held,
        tmp_path / "held.pdf",
        trust_name=workspace.config.trust_name,
        unit=workspace.unit,
        made_at=NOW,
    )
    assert "Siân Łukasiewicz" in pdf_text(target)
    assert_only_embedded_fonts(target)


def test_bold_and_italic_markup_pick_the_embedded_faces(tmp_path) -> None:
    bold = pdfmetrics.getFont(pdf_fonts.BOLD)
    assert Path(bold.face.filename).name == "DejaVuSansCondensed-Bold.ttf"
    pdf_fonts.register()  # again: changes nothing
    assert pdfmetrics.getFont(pdf_fonts.BOLD) is bold
    target = tmp_path / "markup.pdf"
    out = io.BytesIO()
    a4_document(out).build([Paragraph("Łódź <b>Gŵyl</b> <i>Cymru</i>", STYLES["body"])])
    target.write_bytes(out.getvalue())

    assert "Łódź Gŵyl Cymru" in pdf_text(target)
    faces = {r["name"].split("+")[-1] for r in pdf_font_rows(target)}
    assert faces == {pdf_fonts.FONT, pdf_fonts.BOLD, pdf_fonts.ITALIC}
    assert_only_embedded_fonts(target)
