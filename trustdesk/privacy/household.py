"""Details that identify a household rather than a person on record: a full postcode, an
e-mail address, a phone number. They are errors wherever they appear, whoever they belong
to (a district workspace, which holds no young people, still finds them). A postcode's first
part alone ("WS7") is what TrustDesk itself keeps, and is allowed.
"""

from __future__ import annotations

import re

from trustdesk.privacy.findings import Finding, finding

# The UK's postcode letters: the outward code's first letter is never Q, V or X, its
# second never I, J or Z; the inward code's letters never C, I, K, M, O or V (so "B7 8am"
# is not one).
POSTCODE = re.compile(
    r"(?<![^\W_])[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?[ \t\u00a0]{0,2}\d[ABD-HJLNP-UW-Z]{2}(?![^\W_])",
    re.IGNORECASE,
)
_ORDINAL = re.compile(r"(?:1st|2nd|3rd|\dth)$", re.IGNORECASE)  # "A1 1st floor" is not one

EMAIL = re.compile(r"(?<![\w.+-])[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")

# A UK number: 0 or +44 (maybe "(0)"), then nine or ten more digits with spaces, dashes or
# brackets between them; how many digits there are is checked after.
PHONE = re.compile(
    r"(?<![\w+/.])(?:\+\s?44\s?(?:\(0\)\s?)?|\(?0)(?:[ \t\u00a0\-)]{0,2}\d){9,10}(?![\d/])"
)
_UK_NUMBER = re.compile(r"0[1-37-9]\d{8,9}")
_DIGIT = re.compile(r"\d")


def household_details(text: str) -> list[Finding]:
    found: list[Finding] = []
    if "@" in text:
        found += (finding("email", text, [m.span()]) for m in EMAIL.finditer(text))
    if not _DIGIT.search(text):
        return found  # a postcode and a phone number have digits
    for match in POSTCODE.finditer(text):
        if not _ORDINAL.search(match.group()):
            found.append(finding("postcode", text, [match.span()]))
    for match in PHONE.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        if match.group().startswith("+"):  # +44 7700 ..., +44 (0)7700 ...
            digits = digits[2:] if digits[2:].startswith("0") else "0" + digits[2:]
        if _UK_NUMBER.fullmatch(digits):
            found.append(finding("phone", text, [match.span()]))
    return found
