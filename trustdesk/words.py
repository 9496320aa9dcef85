"""Small pieces of English that messages share."""

from __future__ import annotations


def counted(number: int, noun: str) -> str:
    """ "1 file", "3 files", "1,204 figures"."""
    return f"{number:,} {noun}" if number == 1 else f"{number:,} {noun}s"


def listed(names: list[str]) -> str:
    """ "Lichfield City", "Lichfield City and Burntwood", "Armitage, Burntwood and Fazeley"."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
