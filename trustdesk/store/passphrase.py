"""What a passphrase for a sealed backup must be (:mod:`trustdesk.store.sealed`), kept apart
from the sealing so that the forms and the command line that ask for one can say so without
loading the cryptography library (a twentieth of a second of every start)."""

from __future__ import annotations

MIN_PASSPHRASE = 10


def passphrase_problem(passphrase: str, again: str | None = None) -> str | None:
    """What is wrong with a new passphrase, in a few plain words, or None if it will do.
    ``again`` is the second typing of it, where there is one."""
    if len(passphrase) < MIN_PASSPHRASE:
        missing = MIN_PASSPHRASE - len(passphrase)
        return f"A passphrase needs at least {MIN_PASSPHRASE} characters ({missing} more to go)."
    if again is not None and again != passphrase:
        return "The two passphrases are not the same."
    return None
