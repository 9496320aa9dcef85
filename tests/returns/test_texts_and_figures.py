"""Issue 22, texts and figures: a return's texts are covered by a fingerprint as its figures
are, every text is held to the limits of the coordinator's forms, codes and units must be
the trust's, figures must be possible, and no text a form lets through breaks the PDF."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from tests.returns.conftest import made_up_return
from tests.returns.forging import as_older_version, texts_fingerprint_of_book
from trustdesk.config.trust import TrustConfig
from trustdesk.errors import UserError, ValidationError
from trustdesk.limits import NARRATIVE_MAX, SHORT_TEXT_MAX, VOICE_TEXT_MAX
from trustdesk.returns import catalogue
from trustdesk.returns.data_checks import check_data
from trustdesk.returns.model import (
    FORMAT_VERSION,
    CaseStudyText,
    PartnerLine,
    Return,
    VoiceText,
    fingerprint,
)
from trustdesk.returns.pdf import write_pdf
from trustdesk.returns.reader import AGAIN, read_workbook
from trustdesk.returns.workbook import write_workbook
from trustdesk.services.partners import create_partner, update_partner
from trustdesk.store.counting import NOT_RECORDED as NR

TEXTS_EDITED = (
    "The texts on the Case studies, Voice or Partners sheets are not the ones the return was "
    "made with: they have been changed since (their fingerprint does not match the Manifest's)."
)
CANNOT = "The return cannot be read: "


def possible_return(trust: TrustConfig, totals: dict[str, int] | None = None) -> Return:
    """A return that passes every check: its figures zero but for ``totals``, each total's
    additive breakdowns putting it all in their first category."""
    ret = made_up_return(trust)
    ret.figures = dict.fromkeys(catalogue.figure_keys(trust, "locality"), 0)
    for code, total in (totals or {}).items():
        ret.figures[code, "", ""] = total
        for by in catalogue.measure(code).breakdowns:
            if by.additive:
                ret.figures[code, by.code, by.categories(trust)[0]] = total
    ret.partners = [
        PartnerLine("Burntwood Leisure Centre", "council", 90, 12_345, 500, 1, 2, 3, "LIC-BUR")
    ]
    return ret


def written(ret: Return, trust: TrustConfig, path: Path) -> Path:
    write_workbook(ret, trust, path)
    return path


def edited(source: Path, edit: Callable[[openpyxl.Workbook], None], *, forge=False) -> Path:
    """The workbook changed in openpyxl, as a person would in Excel; with ``forge`` the
    Manifest's texts fingerprint made to match, so that only the checks can tell."""
    book = openpyxl.load_workbook(source)
    edit(book)
    if forge:
        manifest = {r[0].value: r[1] for r in book["Manifest"].iter_rows() if r[0].value}
        unit, period = manifest["unit_code"].value, manifest["period"].value
        version = manifest["format_version"].value
        manifest["texts_fingerprint"].value = texts_fingerprint_of_book(book, unit, period, version)
    target = source.with_name("edited.xlsx")
    book.save(target)
    return target


def set_cell(sheet: str, cell: str, value: object) -> Callable[[openpyxl.Workbook], None]:
    def edit(book: openpyxl.Workbook) -> None:
        book[sheet][cell] = value

    return edit


# 1. The texts' fingerprint


@pytest.mark.parametrize(
    ("sheet", "cell", "value"),
    [
        ("Case studies", "D2", "Reworded after export."),
        ("Voice", "D2", "We never said that."),
        ("Partners", "A2", "Someone else"),
        ("Partners", "D2", 999.0),  # the money given, in pounds
        ("Partners", "D2", -5.0),
    ],
    ids=["narrative", "said", "partner-name", "partner-money", "partner-money-negative"],
)
def test_a_text_or_partner_amount_edited_after_export_is_refused_or_marked(
    trust, tmp_path, sheet, cell, value
):
    path = edited(
        written(possible_return(trust), trust, tmp_path / "r.xlsx"), set_cell(sheet, cell, value)
    )
    with pytest.raises(UserError) as refused:
        read_workbook(path, trust)
    assert (refused.value.message, refused.value.hint) == (TEXTS_EDITED, AGAIN)
    assert read_workbook(path, trust, edited_ok=True).edited_after_export


def test_texts_as_written_read_back_unmarked_and_with_matching_fingerprint(trust, tmp_path):
    ret = possible_return(trust)
    path = written(ret, trust, tmp_path / "r.xlsx")
    back = read_workbook(path, trust)
    assert not back.edited_after_export
    assert (back.case_studies, back.voice, back.partners) == (
        ret.case_studies,
        ret.voice,
        ret.partners,
    )
    book = openpyxl.load_workbook(path)
    manifest = {r[0]: r[1] for r in book["Manifest"].iter_rows(values_only=True) if r[0]}
    assert manifest["format_version"] == FORMAT_VERSION
    assert manifest["texts_fingerprint"] == ret.texts_fingerprint
    assert (
        texts_fingerprint_of_book(book, "LIC-BUR", "2026-27Q1", FORMAT_VERSION)
        == ret.texts_fingerprint
    )


def test_a_version_1_return_has_no_texts_fingerprint_and_still_reads(trust, tmp_path):
    """Returns made by the TrustDesk before: the same figures fingerprint, no texts one."""

    ret = possible_return(trust)
    path = edited(written(ret, trust, tmp_path / "r.xlsx"), lambda b: as_older_version(b, "1"))
    back = read_workbook(path, trust)
    assert not back.edited_after_export and back.voice == ret.voice
    # Read, it has today's breakdowns, its young people "not recorded" in those it lacked.
    assert back.figures.keys() == ret.figures.keys()
    contacts = back.value("contacts")
    assert back.breakdown("contacts", "young_carer") == {"yes": 0, "no": 0, NR: contacts}
    assert back.breakdown("attendances", "teenage_parent")[NR] == back.value("attendances")
    # A workspace that took it in keeps its fingerprint: a newer file of it is "unchanged".
    older = {k: v for k, v in ret.figures.items() if k[1] not in {"young_carer", "teenage_parent"}}
    assert back.fingerprint == fingerprint("LIC-BUR", "2026-27Q1", older.items(), "1")


# 2 and 4. Texts held to the forms' limits, codes and units the trust's, dates in the period


def _case(ret: Return, **change: object) -> None:
    ret.case_studies[0] = dataclasses.replace(ret.case_studies[0], **change)


def _voice(ret: Return, **change: object) -> None:
    ret.voice[0] = dataclasses.replace(ret.voice[0], **change)


def _partner(ret: Return, **change: object) -> None:
    ret.partners[0] = dataclasses.replace(ret.partners[0], **change)


LONG_WORD = "W" * 5_000
BAD_TEXTS = [
    (
        "narrative-40000",
        lambda r: _case(r, narrative="A young person said. " * 2_000),
        "Case studies sheet, row 2, column D (Narrative): the text is 42,000 characters long, "
        "and TrustDesk's form takes at most 32,767 (it starts: 'A young person said. A young "
        "person said'\u2026)",
    ),
    (
        "voice-50000",
        lambda r: _voice(r, said="We asked for a bus. " * 2_500),
        "Voice sheet, row 2, column D (What they said): the text is 50,000 characters long, and "
        "TrustDesk's form takes at most 10,000 (it starts: 'We asked for a bus. We asked for a "
        "bus. '\u2026)",
    ),
    (
        "partner-300-lines",
        lambda r: _partner(r, name="Youth Club\n" * 300),
        "Partners sheet, row 2, column A (Partner): the text is 3,300 characters long, and "
        "TrustDesk's form takes at most 200 (it starts: 'Youth Club\\nYouth Club\\nYouth "
        "Club\\nYouth C'\u2026)",
    ),
    (
        "partner-one-word",
        lambda r: _partner(r, name=LONG_WORD),
        "Partners sheet, row 2, column A (Partner): the text is 5,000 characters long, and "
        f"TrustDesk's form takes at most 200 (it starts: {'W' * 40!r}\u2026)",
    ),
    (
        "partner-two-lines",
        lambda r: _partner(r, name="Police\nrefused: forged"),
        "Partners sheet, row 2, column A (Partner): the text runs onto a second line, and "
        "TrustDesk's form takes it on one (it starts: 'Police\\nrefused: forged')",
    ),
    (
        "title-line-separator",
        lambda r: _case(r, title="Food\u2028imported: Burton Town"),
        "Case studies sheet, row 2, column B (Title): the text runs onto a second line, and "
        "TrustDesk's form takes it on one (it starts: 'Food\\u2028imported: Burton Town')",
    ),
    (
        "said-control",
        lambda r: _voice(r, said="Bus\x85stops"),
        "Voice sheet, row 2, column D (What they said): the text holds a control character "
        "(U+0085), which TrustDesk's forms never let in (it starts: 'Bus\\x85stops')",
    ),
    (
        "ecm-unknown",
        lambda r: _case(r, ecm_outcomes=("healthy", "ECM9")),
        "Case studies sheet, row 2, column F (ecm_outcome_codes): 'ECM9' is not one of the "
        "trust's ECM outcomes",
    ),
    (
        "voice-method-unknown",
        lambda r: _voice(r, method="telepathy"),
        "Voice sheet, row 2, column G (method_code): 'telepathy' is not one of the trust's ways "
        "of hearing young people",
    ),
    (
        "partner-type-unknown",
        lambda r: _partner(r, partner_type="secret_service"),
        "Partners sheet, row 2, column J (partner_type): 'secret_service' is not one of the "
        "trust's partner types",
    ),
    (
        "case-study-other-locality",
        lambda r: _case(r, unit_code="EST-BTC"),
        "Case studies sheet, row 2, column E (Unit): 'EST-BTC' is not Burntwood (LIC-BUR), "
        "whose return this is",
    ),
    (
        "voice-date-outside",
        lambda r: _voice(r, date=dt.date(9999, 12, 31)),
        "Voice sheet, row 2, column A (Date): 31 Dec 9999 is not in Q1 2026-27 (Apr\u2013Jun "
        "2026), and a voice entry is in the return of the period it is dated in",
    ),
    (
        "partner-money-negative",
        lambda r: _partner(r, money_pence=-500),
        "Partners sheet, row 2, column D (Money): \u00a3-5.00 is negative, and what a partner "
        "gives never is",
    ),
    (
        "partner-present-over-places",
        lambda r: _partner(r, meetings_present=3, meeting_places=2),
        "Partners sheet, row 2, column H (Present): 'Burntwood Leisure Centre' was present at 3 "
        "meetings but had a place at only 2",
    ),
]


@pytest.mark.parametrize(
    ("change", "problem"), [c[1:] for c in BAD_TEXTS], ids=[c[0] for c in BAD_TEXTS]
)
def test_a_text_no_form_lets_through_is_refused_naming_its_place(trust, change, problem):
    ret = possible_return(trust)
    check_data(ret, trust)  # fit as it is
    change(ret)
    with pytest.raises(UserError) as refused:
        check_data(ret, trust)
    assert (refused.value.message, refused.value.hint) == (CANNOT + problem + ".", AGAIN)


def test_a_forged_text_is_refused_at_the_row_it_is_on(trust, tmp_path):
    """A file whose texts fingerprint was made to match: the checks name the sheet's row."""
    ret = possible_return(trust)
    ret.voice.append(dataclasses.replace(ret.voice[0], who="Year 9 group"))
    source = written(ret, trust, tmp_path / "r.xlsx")
    path = edited(source, set_cell("Voice", "C3", "Year 9\ngroup"), forge=True)
    back = read_workbook(path, trust)
    assert not back.edited_after_export
    with pytest.raises(UserError, match=r"Voice sheet, row 3, column C \(Who\): the text runs"):
        check_data(back, trust)


def test_a_consolidated_return_carries_the_texts_of_the_units_under_it(trust):
    ret = possible_return(trust)
    district = trust.unit("EST")
    ret.unit_code, ret.unit_name, ret.unit_level = district.code, district.name, district.level
    ret.figures["population_13_19", "", ""] = 0
    _case(ret, unit_code="EST-BTC")
    ret.voice = [dataclasses.replace(v, unit_code="EST-TUT") for v in ret.voice]
    ret.partners = [dataclasses.replace(p, unit_code="EST-TUT") for p in ret.partners]
    ret.case_studies = ret.case_studies[:1]
    check_data(ret, trust)
    _case(ret, unit_code="LIC-BUR")
    with pytest.raises(UserError) as refused:
        check_data(ret, trust)
    assert refused.value.message == (
        CANNOT + "Case studies sheet, row 2, column E (Unit): 'LIC-BUR' is not a unit under "
        "East Staffordshire (EST)."
    )


# 5. Figures that cannot be


IMPOSSIBLE = [
    (
        {"contacts": 10, "participants": 12},
        "participants",
        "Participants is 12, more than young people reached (contacts) (10), and every "
        "participant is a young person reached",
    ),
    (
        {"contacts": 10, "participants": 8, "participants_recorded_outcome": 9},
        "participants_recorded_outcome",
        "Participants with a recorded outcome is 9, more than participants (8), and only "
        "participants are counted with an outcome",
    ),
    (
        {
            "contacts": 10,
            "participants": 8,
            "participants_recorded_outcome": 5,
            "participants_accredited_outcome": 6,
        },
        "participants_accredited_outcome",
        "Participants with an accredited outcome is 6, more than participants with a recorded "
        "outcome (5), and an accredited outcome is an outcome too",
    ),
    (
        {"meeting_places": 4, "meeting_present": 5},
        "meeting_present",
        "Partners present at meetings is 5, more than partner places at meetings (4), and a "
        "partner present had a place",
    ),
    (
        {"meeting_places": 4, "meeting_present": 3, "meeting_apologies": 2},
        "meeting_apologies",
        "3 partners present and 2 apologies at meetings are more than the 4 places, and each "
        "place is one or the other (or absent)",
    ),
    (
        {"voice_entries": 2, "voice_changes": 3},
        "voice_changes",
        "Changes made because of what young people said is 3, more than voice of young people "
        "(2), and each change is one of the voice entries",
    ),
]


@pytest.mark.parametrize(("totals", "measure", "problem"), IMPOSSIBLE)
def test_impossible_figures_are_refused_naming_them(trust, totals, measure, problem):
    ret = possible_return(trust)
    ret.data_rows = {key: row for row, key in enumerate(ret.figures, start=2)}
    ret.figures.update(possible_return(trust, totals).figures)
    with pytest.raises(UserError) as refused:
        check_data(ret, trust)
    row = ret.data_rows[measure, "", ""]
    assert refused.value.message == (f"{CANNOT}Data sheet, row {row}, column D (value): {problem}.")


def test_an_overlapping_category_above_its_total_is_refused(trust):
    ret = possible_return(trust, {"sessions": 4})
    ret.figures["sessions", "ecm_outcome", "healthy"] = 5
    with pytest.raises(UserError, match="is 5, more than the total of sessions \\(4\\)"):
        check_data(ret, trust)


def test_possible_figures_pass(trust):
    totals = {"contacts": 10, "participants": 10, "participants_recorded_outcome": 10}
    totals |= {"meeting_places": 5, "meeting_present": 3, "meeting_apologies": 2}
    check_data(possible_return(trust, totals), trust)


# 3. A name is one line; no text a form lets through breaks the PDF


def test_a_partner_name_is_one_line(session):
    with pytest.raises(ValidationError) as refused:
        create_partner(session, name="a\n" * 100, partner_type="council")
    assert str(refused.value) == (
        "Name: must be one line, without line breaks, tabs or other control characters."
    )
    partner = create_partner(session, name="Burntwood Leisure Centre", partner_type="council")
    with pytest.raises(ValidationError):
        update_partner(session, partner.id, name="Police\u2028Fire", partner_type="police")


def test_texts_at_the_forms_limits_are_taken_in_and_make_a_pdf(trust, tmp_path):
    """The longest texts the forms take, as one word and as the most lines: the district
    takes the return in, and its PDF is written (as is one of a name of 100 lines, stored
    before names had to be one line)."""
    ret = possible_return(trust)
    day = dt.date(2026, 5, 1)
    word = "W" * SHORT_TEXT_MAX
    ret.case_studies = [
        CaseStudyText(day, word, "N" * NARRATIVE_MAX, ("healthy",), "LIC-BUR"),
        CaseStudyText(day, word, "a\n" * (NARRATIVE_MAX // 2), (), "LIC-BUR"),
    ]
    ret.voice = [
        VoiceText(day, "survey", word, "S" * VOICE_TEXT_MAX, "C" * VOICE_TEXT_MAX, "LIC-BUR"),
        VoiceText(day, "survey", word, "s\n" * (VOICE_TEXT_MAX // 2), "c\r\n" * 3_333, "LIC-BUR"),
    ]
    ret.partners = [PartnerLine(word, "council", 90, 100, 0, 1, 2, 3, "LIC-BUR")] * 3
    path = written(ret, trust, tmp_path / "r.xlsx")
    back = read_workbook(path, trust)
    check_data(back, trust)
    write_pdf(back, trust, tmp_path / "r.pdf")
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
    back.partners.append(PartnerLine("a\n" * 100, "council", 1, 1, 1, 1, 1, 1, "LIC-BUR"))
    back.partners.append(PartnerLine("W" * 5_000, "council", 1, 1, 1, 1, 1, 1, "LIC-BUR"))
    write_pdf(back, trust, io.BytesIO())
