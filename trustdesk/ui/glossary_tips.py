"""Tooltips that spell out the abbreviations a text uses (ECM, REYS, SEND, Q2 2026-27, …),
from :mod:`trustdesk.glossary`. Qt-free itself, but kept with the window that uses it."""

from __future__ import annotations

from trustdesk import glossary


def tip(text: str, tooltip: str = "") -> str:
    """``tooltip``, with a line spelling out each abbreviation in ``text`` it does not
    already spell out; just ``tooltip`` if there is none (and "" for neither)."""
    missing = [w for w in glossary.found_in(text) if not glossary.spelled_out_in(w, tooltip)]
    lines = [f"{word}: {glossary.meaning(word)}" for word in missing]
    return "\n".join(([tooltip] if tooltip else []) + lines)


def tip_or_none(text: str, tooltip: str = "") -> str | None:
    """For a model's ToolTipRole: :func:`tip`, or None when there is nothing to say."""
    return tip(text, tooltip) or None
