"""The free texts a return carries, and how a problem found in one is told.

A return carries three kinds of text a person typed: case studies (title and narrative),
what young people said (who, what they said, what changed) and the names of the partners
engaged in the period. The titles and descriptions of the activities held in the period are
checked as if they travelled too: today's files only count them, but they are what a board
paper or a year's return lists, and a coordinator reads the rule as "what I type about the
work leaves; what I type about a person does not". Session notes, meetings (titles, notes,
actions — pointed out as typed, since minutes get shared, but not blocking), the contact
log, spending notes and in-kind contributions stay in the workspace.

The checks before export read these texts from the records they come from, so each problem
points at the record to open; the export reads them again from the computed return itself
(:func:`return_texts`), so that a text reaching the return by a path the checks missed still
cannot leave. A message never repeats what was found in full: only first letters.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlmodel import Session, col, select

from trustdesk.config.periods import Period
from trustdesk.config.trust import TrustConfig
from trustdesk.errors import UserError
from trustdesk.privacy.findings import Finding
from trustdesk.privacy.identities import IdentityMatcher
from trustdesk.returns.model import Return
from trustdesk.returns.partnership import engaged_partners
from trustdesk.returns.received import current_records, load_returns
from trustdesk.store.context import context, trust
from trustdesk.store.counting import within
from trustdesk.store.models import (
    Activity,
    ActivitySession,
    CaseStudy,
    Partner,
    VoiceEntry,
    key,
    saved_id,
)

PROBLEMS = {
    "name": "names a young person on record",
    "first_name": "uses the first name of a young person who came to this activity",
    "reference": "gives a young person's local reference",
    "birth_date": "gives a young person's date of birth next to their name",
    "postcode": "gives a full postcode",
    "email": "gives an e-mail address",
    "phone": "gives a phone number",
}
MAYBE_NAMED = "may name a young person on record (its words are also ordinary words)"
BLANK_LINE = "\n\n"  # between the fields of one record, read as one text


@dataclass(frozen=True)
class TravellingText:
    """The fields of one record that travel in a return, as one text."""

    record_kind: str  # case_study | voice | activity | partner | return (a received one's)
    record_id: int
    label: str  # how a message names the record; "{}" is where the quoted part goes
    text: str
    quoted: tuple[int, int] = (0, 0)  # the part of the text the label quotes (a title)
    activity_id: int | None = None

    def name(self, findings: list[Finding]) -> str:
        """The label, quoting its part of the text with whatever was found in it cut."""
        start, end = self.quoted
        return self.label.format(repr(masked(self.text, findings, start, end)))


def record_texts(session: Session, period: Period) -> list[TravellingText]:
    """The texts a locality's return for the period will carry, by the record they are in."""
    texts = []
    for study in session.exec(select(CaseStudy).where(within(CaseStudy.date, period))):
        texts.append(
            TravellingText(
                "case_study",
                saved_id(study),
                "Case study {}",
                study.title + BLANK_LINE + study.narrative,
                (0, len(study.title)),
                study.activity_id,
            )
        )
    for entry in session.exec(select(VoiceEntry).where(within(VoiceEntry.date, period))):
        texts.append(
            TravellingText(
                "voice",
                saved_id(entry),
                f"What young people said on {entry.date:%d %b %Y}",
                BLANK_LINE.join((entry.who, entry.said, entry.change_made)),
                activity_id=entry.activity_id,
            )
        )
    held = select(col(ActivitySession.activity_id)).where(within(ActivitySession.date, period))
    for activity in session.exec(select(Activity).where(col(Activity.id).in_(held))):
        texts.append(
            TravellingText(
                "activity",
                saved_id(activity),
                "Activity {}",
                activity.title + BLANK_LINE + (activity.description or ""),
                (0, len(activity.title)),
                activity.id,
            )
        )
    engaged = select(engaged_partners(period).c.partner)
    for partner_id, name in session.exec(
        select(key(Partner.id), col(Partner.name)).where(col(Partner.id).in_(engaged))
    ):
        texts.append(TravellingText("partner", partner_id, "Partner {}", name, (0, len(name))))
    return texts


def return_texts(ret: Return, record_id: int = 0) -> list[TravellingText]:
    """The texts a computed (or received) return carries."""

    def unit(code: str) -> str:
        return "" if code == ret.unit_code else f" (from {code})"

    texts = []
    for study in ret.case_studies:
        texts.append(
            TravellingText(
                "return",
                record_id,
                f"Case study of {study.date:%d %b %Y}{unit(study.unit_code)} {{}}",
                study.title + BLANK_LINE + study.narrative,
                (0, len(study.title)),
            )
        )
    for voice in ret.voice:
        texts.append(
            TravellingText(
                "return",
                record_id,
                f"What young people said on {voice.date:%d %b %Y}{unit(voice.unit_code)}",
                BLANK_LINE.join((voice.who, voice.said, voice.change_made)),
            )
        )
    for line in ret.partners:
        label = f"Partner {{}}{unit(line.unit_code)}"
        texts.append(TravellingText("return", record_id, label, line.name, (0, len(line.name))))
    return texts


def received_texts(session: Session, period: Period) -> list[TravellingText]:
    """The texts of the returns a district's or county's return is added up from, each
    pointing at the return it came in."""
    config = trust(session)
    below = {u.code for u in config.children(context(session).unit.code)}
    records = [r for r in current_records(session, [period]) if r.unit_code in below]
    texts = []
    for record_id, part in load_returns(session, records, config).items():
        unit = config.unit(part.unit_code).name
        for text in return_texts(part, record_id):
            texts.append(replace(text, label=f"{unit}'s return: {text.label}"))
    return texts


def problems(findings: list[Finding]) -> str:
    """ "names a young person on record (K… B…) and gives a phone number (0… 9…)"."""
    said = []
    for kind in dict.fromkeys(f.kind for f in findings):
        of_kind = [f for f in findings if f.kind == kind]
        problem = PROBLEMS[kind] if of_kind[0].blocks or kind != "name" else MAYBE_NAMED
        said.append(f"{problem} ({', '.join(dict.fromkeys(f.hidden for f in of_kind))})")
    return said[0] if len(said) == 1 else ", ".join(said[:-1]) + " and " + said[-1]


def advice(findings: list[Finding]) -> str:
    return " ".join(dict.fromkeys(f.advice for f in findings))


def masked(text: str, findings: list[Finding], start: int = 0, end: int | None = None) -> str:
    """The text from ``start`` to ``end`` with every span found cut to first letters."""
    end = len(text) if end is None else end
    spans = sorted(
        (max(a, start), min(b, end)) for f in findings for a, b in f.spans if a < end and b > start
    )
    out, at = [], start
    for a, b in spans:
        if a < at:
            continue
        cut = Finding("error", "", (), text[a:b], "", None).hidden
        out += [text[at:a], cut]
        at = b
    out.append(text[at:end])
    return "".join(out)


def found_lines(found: list[tuple[TravellingText, list[Finding]]]) -> str:
    """A line for each text and what was found in it ("- Case study 'J… s…' gives …")."""
    return "\n".join(f"- {text.name(f)} {problems(f)}." for text, f in found)


class IdentityInReturn(UserError):
    """The last look at the return's texts, just before its files are written, found
    something that identifies someone."""

    def __init__(self, found: list[tuple[TravellingText, list[Finding]]]) -> None:
        super().__init__(
            "The return was not written: a text in it would identify someone outside this "
            f"computer.\n{found_lines(found)}",
            hint="Change these texts and export again; nothing has been written.",
        )
        self.found = found


class IdentityReceived(UserError):
    """A return from the unit below carries a text that identifies someone: it is refused
    at import, so it can never stop the district's or county's own return later."""

    def __init__(self, unit: str, found: list[tuple[TravellingText, list[Finding]]]) -> None:
        super().__init__(
            "It carries a text that would identify someone, which a return must never do:"
            f"\n{found_lines(found)}",
            hint=f"Ask {unit}'s coordinator to change the text and export the return again. "
            "Nothing of this file was taken in.",
        )


def identities_found(
    ret: Return, matcher: IdentityMatcher
) -> list[tuple[TravellingText, list[Finding]]]:
    """Each text the return carries that holds an error, with its errors."""
    found = []
    for text in return_texts(ret):
        errors = [f for f in matcher.find(text.text) if f.blocks]
        if errors:
            found.append((text, errors))
    return found


def refuse_received_identities(ret: Return, matcher: IdentityMatcher, config: TrustConfig) -> None:
    """Raise :class:`IdentityReceived` if a return taken in from the unit below carries a
    text that identifies someone."""
    if found := identities_found(ret, matcher):
        raise IdentityReceived(config.unit(ret.unit_code).name, found)


def refuse_identities(ret: Return, matcher: IdentityMatcher) -> None:
    """Raise :class:`IdentityInReturn` if any text the return carries holds an error."""
    if found := identities_found(ret, matcher):
        raise IdentityInReturn(found)
