"""Words as the matcher compares them: folded (case, accents and apostrophes taken off),
each with where it stands in the text as written, so that a finding points at the words the
coordinator typed and the screen can highlight them.

Folding is what lets "Zoe Angstrom" find Zoë Ångström (typed either composed, NFC, or as a
letter followed by its accent, NFD), and "O'Brien" find a record holding "O’Brien".
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from trustdesk.privacy.common_words import is_always_capitalised, is_common

# Straight and curly apostrophes, and the marks keyboards put in their place.
APOSTROPHES = "'\u2019\u2018\u02bc`\u00b4\u2032"
# Combining marks: an NFD text writes "Zoë" as "Zoe" and U+0308, which ``\w`` does not take.
MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_LETTERS = rf"(?:[^\W\d_]|[{MARKS}])+"
# A word: letters, with apostrophes inside it ("O'Brien", "Keira’s") but not around it.
WORD = re.compile(rf"{_LETTERS}(?:[{APOSTROPHES}]{_LETTERS})*")
# The same for a text without combining marks (nearly all): twice as fast.
_PLAIN_WORD = re.compile(rf"[^\W\d_]+(?:[{APOSTROPHES}][^\W\d_]+)*")
_MARK = re.compile(f"[{MARKS}]")
_APOSTROPHE = re.compile(f"[{APOSTROPHES}]")
# Letters that Unicode does not split into a base letter and an accent.
_UNSPLIT = str.maketrans(
    {"ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ł": "l", "Ł": "L"}
    | {"đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "ı": "i"}
)
# Words after which a full stop does not end a sentence.
_TITLES = frozenset("mr mrs ms miss mx dr st rev prof".split())


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """ "O’Brien" → "obrien", "ZOË" (composed or not) → "zoe", "Straße" → "strasse"."""
    if text.isascii():
        return text.lower().replace("'", "").replace("`", "")
    text = _APOSTROPHE.sub("", text).translate(_UNSPLIT)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def name_parts(name: str | None) -> list[str]:
    """A stored name's words, folded: "Smith-Baxter" → ["smith", "baxter"]."""
    return [fold(w) for w in WORD.findall(name or "")]


class Words:
    """The words of one text, in order: where each stands and its folded form (and the
    same without a possessive 's: "keiras" → "keira"). How a word is written (a capital,
    at the start of a sentence) is worked out only for the few words that match a name."""

    __slots__ = ("bares", "ends", "keys", "starts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        found = list((WORD if _MARK.search(text) else _PLAIN_WORD).finditer(text))
        self.starts: list[int] = [m.start() for m in found]
        self.ends: list[int] = [m.end() for m in found]
        if text.isascii():  # nearly always: folding is lowering, with the same offsets
            lower = text.lower()
            spans = zip(self.starts, self.ends, strict=True)
            if "'" in text or "`" in text:
                self.keys = [fold(lower[s:e]) for s, e in spans]
            else:
                self.keys = [lower[s:e] for s, e in spans]
        else:
            self.keys = [fold(m.group()) for m in found]
        self.bares: list[str] = [
            fold(text[s : e - 2])
            if e - s > 2 and text[e - 2] in APOSTROPHES and text[e - 1] in "sS"
            else k
            for s, e, k in zip(self.starts, self.ends, self.keys, strict=True)
        ]

    def __len__(self) -> int:
        return len(self.keys)

    def gap(self, i: int) -> str:
        """The characters between the word before and this one."""
        return self.text[self.ends[i - 1] if i else 0 : self.starts[i]]

    def capital(self, i: int) -> bool:
        """A capital first letter, and not all in capitals (a heading says little)."""
        word = self.text[self.starts[i] : self.ends[i]]
        return word[0].isupper() and not (len(word) > 1 and word.isupper())

    def opens(self, i: int) -> bool:
        """The first word of the text, of a line or of a sentence ("K. Brown": no)."""
        if i == 0:
            return True
        gap = self.gap(i)
        before = self.keys[i - 1]
        return "\n" in gap or (
            any(c in gap for c in ".!?:;") and len(before) > 1 and before not in _TITLES
        )

    def name_like(self, i: int) -> bool:
        """Written as a name is: an ordinary word ("young", "will") counts as a name only
        with a capital in the middle of a sentence ("the Young family")."""
        if not is_common(self.bares[i]):
            return True
        return self.capital(i) and not self.opens(i) and not is_always_capitalised(self.bares[i])
