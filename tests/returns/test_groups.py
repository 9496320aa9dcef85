"""The groups a board asks about, recorded on the young person: young carers and teenage
parents, reported as breakdowns of attendances, contacts, participants and outcomes, and
hidden when small in a publication copy."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from tests.returns.test_pdf import pages
from trustdesk.config.periods import Period
from trustdesk.returns.compute import compute_return
from trustdesk.returns.pdf import write_pdf
from trustdesk.returns.suppression import HIDDEN
from trustdesk.returns.tables import breakdown_tables
from trustdesk.services.activities import add_session, create_activity
from trustdesk.services.attendance import set_register
from trustdesk.services.outcomes import record_outcome
from trustdesk.services.subject_access import everything_held
from trustdesk.services.young_people import add_young_person, update_young_person
from trustdesk.store.counting import NOT_RECORDED

Q2 = Period.parse("2026-27Q2")
DAYS = ("2026-07-06", "2026-07-13", "2026-07-20", "2026-07-27")  # four: participants


def _club(session, people: list[int]) -> None:
    club = create_activity(
        session, title="Youth club", category="youth-work", start_date="2026-04-01",
        ecm_outcomes=["enjoy"],
    ).id  # fmt: skip
    for day in DAYS:
        held = add_session(
            session, activity_id=club, date=day, start_time="18:00", end_time="20:00"
        )
        set_register(session, session_id=held.id, young_person_ids=people)


@pytest.mark.today(dt.date(2026, 10, 20))
def test_young_carers_and_teenage_parents_are_counted_as_groups(workspace):
    with workspace.session() as s:
        carer = add_young_person(s, first_name="Cal", age_band="13-15", young_carer=True).id
        parent = add_young_person(s, first_name="Pat", age_band="16-19", teenage_parent=True).id
        other = add_young_person(s, first_name="Oz", age_band="16-19").id
        _club(s, [carer, parent, other])
        record_outcome(
            s, young_person_id=parent, kind="accredited", title="Food hygiene",
            accreditation="food-hygiene", date="2026-07-27",
        )  # fmt: skip
        s.commit()
    with workspace.session() as s:
        ret = compute_return(s, Q2)
    assert ret.breakdown("contacts", "young_carer") == {"yes": 1, "no": 2, NOT_RECORDED: 0}
    assert ret.breakdown("participants", "teenage_parent") == {
        "yes": 1, "no": 2, NOT_RECORDED: 0
    }  # fmt: skip
    assert ret.value("attendances", "teenage_parent", "yes") == 4
    assert ret.value("accredited_outcomes", "teenage_parent", "yes") == 1
    assert ret.value("accredited_outcomes", "young_carer", "yes") == 0
    titles = [t.title for t in breakdown_tables(ret, workspace.config)]
    assert "Young carers" in titles and "Teenage parents" in titles


@pytest.mark.today(dt.date(2026, 10, 20))
def test_a_publication_copy_hides_a_small_group(workspace, trust):
    """One teenage parent among five: the full copy says 1, the publication copy <5 (and
    hides enough else that the 1 cannot be worked out from the total)."""
    with workspace.session() as s:
        ids = [
            add_young_person(s, first_name=f"P{n}", age_band="16-19", teenage_parent=n == 0).id
            for n in range(6)
        ]
        _club(s, ids)
        s.commit()
        ret = compute_return(s, Q2)
    for publication, shown in ((False, "1"), (True, HIDDEN)):
        out = io.BytesIO()
        write_pdf(ret, trust, out, publication=publication)
        lines = "\n".join(pages(out.getvalue())).splitlines()
        table = lines.index("Teenage parents")
        yes = lines.index("Yes", table)
        assert lines[yes + 2] == shown, lines[yes : yes + 6]  # attendances, then contacts
        if publication:
            no = lines.index("No", table)
            assert HIDDEN in lines[no + 1 : no + 6] or lines[no + 2] == HIDDEN


@pytest.mark.today(dt.date(2026, 10, 20))
def test_the_flag_is_kept_changed_and_shown_to_the_young_person(workspace):
    with workspace.session() as s:
        person = add_young_person(s, first_name="Pat", age_band="16-19", teenage_parent=True)
        s.commit()
        assert person.teenage_parent
        update_young_person(s, person.id, first_name="Pat", age_band="16-19")
        s.commit()
        assert not person.teenage_parent  # a form sends every field: unticked is unticked
        rows = dict(everything_held(s, person.id).details)
    assert rows["Teenage parent"] == "No"
