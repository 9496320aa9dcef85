"""Names that are also ordinary English words.

"Young", "Hall" and "Brown" are surnames, "Will" and "Grace" first names, and all of them
turn up in any text about young people ("young people", "the church hall", "we will"). Such
a word counts as part of a name only when it is written as a name (a capital in the middle
of a sentence), next to the rest of the name, or with the person's initial; and it is never
enough on its own. The list is of words a coordinator is likely to write, not every name
that is also a word: a rare word that is also a name is treated as the name it usually is.
Words of one or two letters count as ordinary too ("Jo", "Al"); so do the names of months
and days, which are written with a capital anyway.
"""

from __future__ import annotations

COMMON_WORDS = frozenset(
    """
    young old new brown green white black grey gray gold silver red blue hall halls wood
    woods hill hills king kings queen prince ward wards baker bell bells walker plant plants
    salt mason porter hunter fisher farmer cook cooks butler page pages price prices long
    short little small strong rich sharp swift bright fair good best love hope joy grace
    faith will mark marks bill bills rose roses dawn summer autumn winter spring frost snow
    storm rain day days night field fields marsh lake lakes brook banks bank church chapel
    mill mills street lane lanes park parks ford gate gates bridge cross stone stones rock
    rocks bush moss heath moor forest house castle tower well wells pool waters rivers river
    north south east west head foot hand hands arm back side bishop dean knight friend
    friends sweet noble wise hardy keen quick read bond case key keys lock nail lamb rice
    pepper sugar bean beans rush chase hunt chance wing wings fox wolf bird birds swan crane
    drake finch robin sparrow crow hawk buck bull stag hart seal fish pike reed thorn ash
    oak elm birch holly ivy hazel heather fern bloom flower berry garden gardener orchard
    pearl crystal jade ginger olive sage star sky honey melody harmony charity patience
    mercy sunny sandy rusty penny frank guy ray rob pat sue jack drew lance miles max nick
    don earl kit bob art carol poppy ruby amber ocean freeman chambers judge sergeant
    constable chancellor marshal steward carpenter thatcher weaver tailor miller barber
    potter archer shepherd more most worst even still such much many few fine brave proud
    free early late lively dye hay heart hearts cash power powers
    """.split()
)
# The small words of surnames such as "van der Berg" or "bin Rashid", never a name alone.
PARTICLES = frozenset(
    "van von der den de la le da di du del della al el bin ben ibn mac mc ap st".split()
)
# Words written with a capital wherever they stand, so a capital says nothing about them.
CAPITALISED_WORDS = frozenset(
    """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    monday tuesday wednesday thursday friday saturday sunday christmas easter
    english french welsh irish scottish british polish german dutch
    """.split()
)


def is_common(key: str) -> bool:
    """Whether a folded word is also an ordinary word (or too short to tell)."""
    return len(key) <= 2 or key in COMMON_WORDS or key in CAPITALISED_WORDS or key in PARTICLES


def is_always_capitalised(key: str) -> bool:
    return key in CAPITALISED_WORDS
