"""A young person's rights: everything held about them found in one place and exported as a
PDF, and erasing them on request while every count (and every return) stays the same. Also
`trustdesk privacy export` and `trustdesk privacy erase`."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from pypdf import PdfReader
from sqlmodel import select

from tests.services.test_retention import (
    IDENTIFYING,
    build_club,
    counts,
    figures,
    first_name,
    privacy,
)
from trustdesk.errors import RecordNotFound, UserError
from trustdesk.reports.subject_access_pdf import write_subject_access_pdf
from trustdesk.services.evidence import create_case_study, record_voice
from trustdesk.services.meetings import create_meeting
from trustdesk.services.spending import record_spend
from trustdesk.services.subject_access import erase_young_person, everything_held
from trustdesk.store.models import (
    ActivitySession,
    AuditEntry,
    CaseStudy,
    Meeting,
    Spend,
    VoiceEntry,
    YoungPerson,
)

MADE_AT = dt.datetime(2026, 11, 23, 14, 5, tzinfo=dt.UTC)


@pytest.fixture
def club(workspace) -> dict[str, int]:
    """The Friday club (see test_retention.build_club), and notes a coordinator typed that
    name Amy Lowe (BUR-1) in different ways, or only seem to."""
    ids = build_club(workspace)
    with workspace.session() as session:
        ids["study"] = create_case_study(
            session,
            date="2020-10-01",
            title="Growing in confidence",
            narrative="When amy lowe joined she hardly spoke. Now she runs the tuck shop.",
        ).id
        ids["voice"] = record_voice(
            session,
            date="2020-10-02",
            method="youth-forum",
            who="Amy L. and two friends",
            said="The club should open on Saturdays.",
        ).id
        ids["spend"] = record_spend(
            session, date="2020-10-03", amount="12.50", purpose="travel", note="Bus fare, BUR-1"
        ).id
        # Not about her: another Amy, another reference, a longer name.
        ids["meeting"] = create_meeting(
            session,
            date="2020-10-05",
            notes="Amy from the school sent apologies. BUR-10 and Amy Lowell to follow up.",
        ).id
        note = session.exec(select(ActivitySession).order_by(ActivitySession.date)).first()
        note.notes = "Ben Shaw led the warm-up."
        session.add(note)
        session.commit()
    return ids


def test_everything_held_about_one_young_person(workspace, club) -> None:
    with workspace.session() as session:
        held = everything_held(session, club["amy"])
    assert held.name == "Amy Lowe"
    details = dict(held.details)
    assert details["First name"] == "Amy"
    assert details["Local reference"] == "BUR-1"
    assert details["Date of birth"] == "01/01/2005"
    assert details["Gender"] == "Female"
    assert details["Postcode district"] == "WS7"
    assert details["Added to TrustDesk"] == "01/01/2018"
    assert [(s.date, s.activity, s.venue) for s in held.attended] == [
        (dt.date(2019, 6, 7), "Friday club", "Burntwood Youth Centre"),
        (dt.date(2020, 11, 20), "Friday club", "Burntwood Youth Centre"),
    ]
    assert [(o.date, o.kind, o.accreditation) for o in held.outcomes] == [
        (dt.date(2019, 6, 7), "Accredited", "Duke of Edinburgh's Award: Bronze")
    ]
    typed_on = held.mentions[-1].date  # the audit trail's copies, as first typed (today)
    assert [(m.where, m.date, m.field) for m in held.mentions] == [
        ("What young people said", dt.date(2020, 10, 2), "Who"),
        ("Case study", dt.date(2020, 10, 1), "Story"),
        ("Spending", dt.date(2020, 10, 3), "Note"),
        (f"Audit trail: case study {club['study']} added", typed_on, "What changed"),
        (f"Audit trail: voice entry {club['voice']} added", typed_on, "What changed"),
        (f"Audit trail: spend {club['spend']} added", typed_on, "What changed"),
    ]
    assert held.mentions[-1].text == "note: (empty) \u2192 Bus fare, BUR-1"
    assert held.last_seen == dt.date(2020, 11, 20)


def test_the_pdf_holds_the_name_the_reference_and_every_session_attended(
    workspace, club, tmp_path
) -> None:
    with workspace.session() as session:
        held = everything_held(session, club["amy"])
    written = write_subject_access_pdf(
        held,
        tmp_path / "amy.pdf",
        trust_name=workspace.config.trust_name,
        unit=workspace.unit,
        made_at=MADE_AT,
    )
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(written).pages)
    assert "What TrustDesk holds about Amy Lowe" in text
    assert "BUR-1" in text and "Burntwood (LIC-BUR), locality" in text
    assert "23 November 2026, 14:05 UTC" in text
    for day in ("07/06/2019", "20/11/2020"):  # every session attended
        assert day in text
    assert "Duke of Edinburgh's Award: Bronze" in text
    assert "When amy lowe joined she hardly spoke." in text
    assert "Amy from the school" not in text  # a note about someone else is not handed over


def test_erasing_keeps_every_count_and_takes_the_name_out_of_notes(workspace, club) -> None:
    before = figures(workspace)
    with workspace.session() as session:
        held_counts = counts(session)
        erased = erase_young_person(session, club["amy"])
        session.commit()
    assert erased.mentions_replaced == 6  # three notes, and the audit trail's copies of them

    with workspace.session() as session:
        amy = session.get(YoungPerson, club["amy"])
        assert [getattr(amy, name) for name in IDENTIFYING] == [None] * 5
        assert amy.erased_at is not None and amy.age_band == "13-15"
        assert counts(session) == held_counts
        assert session.get(CaseStudy, club["study"]).narrative == (
            "When [name removed] joined she hardly spoke. Now she runs the tuck shop."
        )
        assert session.get(VoiceEntry, club["voice"]).who == "[name removed] and two friends"
        assert session.get(Spend, club["spend"]).note == "Bus fare, [name removed]"
        assert session.get(Meeting, club["meeting"]).notes.startswith("Amy from the school")
        # The audit trail says what changed, never what identified her.
        trail = session.exec(select(AuditEntry).order_by(AuditEntry.id)).all()
        assert not any(
            re.search(r"\bamy lowe\b|\bamy l\.|\bbur-1\b", e.changes, re.IGNORECASE) for e in trail
        )
        study = [e for e in trail if e.table_name == "case_study"]
        assert [json.loads(e.changes)["narrative"] for e in study] == [
            [None, "When [name removed] joined she hardly spoke. Now she runs the tuck shop."],
            [
                "(not recorded)",
                "When [name removed] joined she hardly spoke. Now she runs the tuck shop.",
            ],
        ]
        erasure = [e for e in trail if e.table_name == "young_person" and e.action == "update"]
        assert json.loads(erasure[-1].changes)["(note)"] == (
            "erased on request; their name taken out of 3 record(s) and 3 audit entries"
        )
    assert figures(workspace) == before


def test_erasing_one_who_is_already_erased_or_unknown_is_refused_plainly(workspace, club) -> None:
    with workspace.session() as session:
        with pytest.raises(UserError) as refused:
            erase_young_person(session, club["eve"])
        assert str(refused.value) == (
            f"Young person number {club['eve']} was already erased: their identifying details "
            "were removed on 1 January 2018, so nothing is left that names them."
        )
        for asked in (erase_young_person, everything_held):
            with pytest.raises(RecordNotFound) as unknown:
                asked(session, 999)
            assert str(unknown.value) == (
                "The young person you asked for (number 999) no longer exists."
            )


def test_the_commands_export_and_erase(workspace, club, tmp_path, capsys) -> None:
    workspace.close()  # the commands open it
    out = tmp_path / "amy.pdf"
    assert privacy(workspace.path, "export", "--person", str(club["amy"]), "--out", str(out)) == 0
    assert capsys.readouterr().out == (
        f"Wrote everything held about young person number {club['amy']} to {out}: "
        "2 sessions, 1 outcome, 6 texts that name them.\n"
    )
    assert "Amy Lowe" in PdfReader(out).pages[0].extract_text()

    with pytest.raises(UserError) as refused:
        privacy(workspace.path, "erase", "--person", str(club["amy"]))
    assert str(refused.value) == (
        f"Young person number {club['amy']} was not erased: erasing cannot be undone.\n"
        "Check the number, then run the command again with --yes."
    )
    assert first_name(workspace.path, club["amy"]) == "Amy"

    assert privacy(workspace.path, "erase", "--person", str(club["amy"]), "--yes") == 0
    assert capsys.readouterr().out == (
        f"Erased young person number {club['amy']}: their identifying details are gone, their "
        "attendance and outcomes stay in the counts without them.\n"
        "Their name was taken out of 6 texts (replaced by '[name removed]').\n"
    )
    assert first_name(workspace.path, club["amy"]) is None
    with pytest.raises(UserError, match="was already erased"):
        privacy(workspace.path, "erase", "--person", str(club["amy"]), "--yes")
