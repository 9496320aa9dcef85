"""The identity matcher on its own: what it finds in a text, where (spans into the text as
given, accents and curly apostrophes intact), and what it leaves alone."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

from trustdesk.privacy.identities import Finding, IdentityMatcher, PersonIdentity

CLUB = 7  # an activity Keira and Will came to

PEOPLE = [
    PersonIdentity(1, "Keira", "Baxter", "LIC/2024/017", dt.date(2011, 11, 23)),
    PersonIdentity(2, "Kai", "Brown", "BW.0042"),
    PersonIdentity(3, "Siobhán", "O'Brien"),
    PersonIdentity(4, "Niamh", "O\u2019Connor", "NO\u2019C#2201"),
    PersonIdentity(5, "Zoë", "Ångström"),
    PersonIdentity(6, "Tom", "Lee"),
    PersonIdentity(7, "Daisy", "Young"),
    PersonIdentity(8, "Leah", "Ashworth-Okafor", date_of_birth=dt.date(2010, 2, 3)),
    PersonIdentity(9, "Will", "Young"),
    PersonIdentity(10, "Amir", "Smith-Jones"),
    PersonIdentity(11, "Ruby", "Jones"),
    PersonIdentity(12, "Amir", "Smith"),
]


@pytest.fixture(scope="module")
def matcher() -> IdentityMatcher:
    return IdentityMatcher.build(PEOPLE, {CLUB: {1, 9}})


def found(matcher: IdentityMatcher, text: str, **where) -> list[tuple[str, str, str]]:
    return [(f.severity, f.kind, f.words) for f in matcher.find(text, **where)]


def test_spans_point_at_the_words_as_written(matcher) -> None:
    text = "Week 3:\n\u201cSiobh\u00e1n O\u2019Brien\u2019s\u201d family came, then Zo\u00eb \u00c5ngstr\u00f6m."
    findings = matcher.find(text)
    assert [f.spans for f in findings] == [((9, 26),), ((46, 58),)]
    assert [text[s:e] for f in findings for s, e in f.spans] == [
        "Siobh\u00e1n O\u2019Brien\u2019s",
        "Zo\u00eb \u00c5ngstr\u00f6m",
    ]
    assert [f.person_id for f in findings] == [3, 5]
    assert findings[0].hidden == "S\u2026 O\u2026"  # for messages: never the name in full


def test_spans_of_words_found_apart_and_in_a_decomposed_text(matcher) -> None:
    text = unicodedata.normalize("NFD", "Keira came every week.\nThe Baxter family said so (Zoë).")
    (finding,) = matcher.find(text)
    assert finding.spans == ((0, 5), (27, 33))
    assert finding.words == "Keira \u2026 Baxter"
    decomposed = unicodedata.normalize("NFD", "Zo\u00eb \u00c5ngstr\u00f6m")
    assert len(decomposed) == 15
    (accented,) = matcher.find(f"With {decomposed}.")
    assert accented.spans == ((5, 20),) and accented.words == decomposed


def test_a_reference_a_birth_date_and_a_households_details(matcher) -> None:
    text = "Keira (LIC/2024/017), born 23rd Nov 2011, WS7 1AB, mum@example.org, 07700 900123."
    findings = {f.kind: f for f in matcher.find(text)}
    assert set(findings) == {"reference", "birth_date", "postcode", "email", "phone"}
    spans = {kind: [text[s:e] for s, e in f.spans] for kind, f in findings.items()}
    assert spans == {
        "reference": ["LIC/2024/017"],
        "birth_date": ["Keira", "23rd Nov 2011"],
        "postcode": ["WS7 1AB"],
        "email": ["mum@example.org"],
        "phone": ["07700 900123"],
    }
    assert findings["reference"].person_id == findings["birth_date"].person_id == 1
    assert findings["postcode"].person_id is None
    assert all(f.severity == "error" and f.advice for f in findings.values())


@pytest.mark.parametrize(
    "text",
    [
        "Keira Baxter",
        "KEIRA BAXTER",
        "keira came every week and the baxter family said it helped",
        "Baxter, Keira",
        "Keira's mum and the Baxters\u2019 dog",  # a possessive
        "Brown, Kai",
        "K. Brown",
        "K.Brown",
        "T. Lee",
        "T Lee",
        "Niamh O'Connor",  # stored with a curly apostrophe
        "Siobhan O\u2019Brien",  # stored straight; no accent
        "Siobh\u00e1n O'Brien's family (foster carers)",
        "Siobhan O Brien",
        "ZOE ANGSTROM",
        "Leah Ashworth Okafor",
        "Leah Ashworth\u2013Okafor",
        "Leah AshworthOkafor",
        "Leah from the Okafor family",
        "the Ashworth family",  # a rare part of a double-barrelled surname, alone
        "Daisy Young",
        "daisy young",
        "Will Young said",
        "LIC 2024 017",
        "lic2024017",
        "bw-0042",
        "NO'C 2201",
        "Leah, 03/02/2010",
        "Leah (3.2.10)",
        "Leah was born on 3 February 2010",
        "Leah was born on February 3, 2010",
        "Leah 2010-02-03",
        "ws71ab",
        "st13 6hq",
        "+44 7700 900123",
        "(01543) 123456",
        "0121 496 0000",
        "call keira.b@example.co.uk",
    ],
)
def test_blocked(matcher, text: str) -> None:
    assert any(f.severity == "error" for f in matcher.find(text)), text


@pytest.mark.parametrize(
    "text",
    [
        "Keira came every week.",  # a first name alone is allowed
        "Baxter",  # and so is a surname alone
        "young people",
        "Young people said the club helped.",
        "A young person aged 15 joined the Friday club.",
        "We will ask the church hall and the brown owls.",
        "Ruby and the Smith family",  # Smith is no rare part: other Smiths are on record
        "Jones",
        "K. B. said it helped.",  # initials are what to write
        "Held at WS7 youth centre on 23/11/2011.",  # a district, and a date with no name
        "Room A1 1st floor; 8am to 2pm; 12,345 minutes in 2024.",
        "LIC/2024",
        "017",
        "Plan for 2024/25 agreed.",
    ],
)
def test_not_blocked(matcher, text: str) -> None:
    assert not any(f.blocks for f in matcher.find(text)), matcher.find(text)


def test_an_ordinary_word_apart_from_the_first_name_is_only_a_warning(matcher) -> None:
    assert found(matcher, "Young people liked it. Daisy said so.") == [
        ("warning", "name", "Young \u2026 Daisy")
    ]
    assert found(matcher, "Daisy came. The Young family said so.") == [
        ("error", "name", "Daisy \u2026 Young")
    ]


def test_a_first_name_alone_is_a_warning_only_for_those_who_came(matcher) -> None:
    text = "Keira and Kai said the club helped."
    assert found(matcher, text) == []
    assert found(matcher, text, activity_id=CLUB) == [("warning", "first_name", "Keira")]
    assert found(matcher, "We will come back.", activity_id=CLUB) == []  # "will" is a word
    (finding,) = matcher.find("Keira\u2019s idea", activity_id=CLUB)
    assert finding.person_id == 1 and finding.spans == ((0, 7),)


def test_the_same_words_pointing_at_two_people_have_no_person(matcher) -> None:
    (finding,) = matcher.find("Amir Smith")  # Amir Smith, and Amir Smith-Jones's part
    assert finding.blocks and finding.person_id is None


def test_a_workspace_with_no_young_people_still_finds_a_household() -> None:
    matcher = IdentityMatcher.build([])
    assert found(matcher, "Keira Baxter, ST13 6HQ") == [("error", "postcode", "ST13 6HQ")]
    assert matcher.find("") == [] and matcher.find("   \n") == []


def test_a_finding_is_a_frozen_value() -> None:
    finding = Finding("error", "name", ((0, 5),), "Keira", "advice", 1)
    with pytest.raises(AttributeError):
        finding.severity = "warning"  # type: ignore[misc]
    assert finding.blocks
