"""Small-number suppression: numbers from 1 to 4 are hidden, and so is whatever would let a
reader work one out again; money, sessions and zeros are never hidden."""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest

from tests.returns.conftest import made_up_return
from trustdesk.config.periods import Period
from trustdesk.config.trust import TrustConfig
from trustdesk.returns import catalogue, tables
from trustdesk.returns.catalogue import figure_keys
from trustdesk.returns.model import Return
from trustdesk.returns.suppression import (
    is_small,
    publication_cells,
    suppressed_cells,
)
from trustdesk.returns.tables import Column, Row, Table


def people_table(values: list[int], *, additive: bool = True) -> Table:
    """One column of contacts split into categories, with the total row."""
    rows = [Row(f"Category {i}", [v]) for i, v in enumerate(values)]
    rows.append(Row("All", [sum(values)], is_total=True))
    return Table("Contacts", [Column("Contacts", "count", "contacts")], rows, additive=additive)


# A reader who knows the rules, the shown cells and that a hidden cell is not zero.

Equation = tuple[tuple[int, tuple[int, int]], list[tuple[int, tuple[int, int]]]]


def equations(
    headline: Table, reach: Table, breakdowns: list[Table], reach_labels: list[str]
) -> Iterator[Equation]:
    """Every "cell = sum of cells" a reader can write down from the tables of a return
    (table number -1 is the headline, -2 the reach table)."""
    for t, table in enumerate(breakdowns):
        total = next((r for r, row in enumerate(table.rows) if row.is_total), None)
        for c, column in enumerate(table.columns):
            if not column.disclosive:
                continue
            if table.additive and total is not None:
                parts = [(t, (r, c)) for r, row in enumerate(table.rows) if not row.is_total]
                yield (t, (total, c)), parts
            if total is not None:
                for r, row in enumerate(headline.rows):
                    if row.measure == column.measure:
                        yield (t, (total, c)), [(-1, (r, 0))]
    age = next(t for t, table in enumerate(breakdowns) if table.label_heading == "Age band")
    for r, code in ((0, "contacts"), (1, "participants")):
        c = next(i for i, col in enumerate(breakdowns[age].columns) if col.measure == code)
        bands = [i for i, row in enumerate(breakdowns[age].rows) if row.label in reach_labels]
        yield (-2, (r, 0)), [(age, (i, c)) for i in bands]


def worked_out(eqs: list[Equation], value: dict, hidden: set) -> set:
    """The hidden cells a reader can pin down exactly from the sums, going round until nothing
    more is learnt. The reader knows a hidden cell is at least 1, and, where every unknown
    cell of a sum really is 1 to 4, that each is "<5" (then that belief is true)."""
    known: set = set()

    def unknown(cell) -> bool:
        return cell in hidden and cell not in known

    changed = True
    while changed:
        changed = False
        for lhs, parts in eqs:
            rest = [x for x in parts if unknown(x)]
            if unknown(lhs):
                if not rest:  # the total is the sum of shown cells
                    known.add(lhs)
                    changed = True
                continue
            if not rest:
                continue
            total, k = sum(value[x] for x in rest), len(rest)
            small = all(value[x] <= 4 for x in rest)
            if k == 1 or total == k or (small and total == 4 * k):
                known.update(rest)
                changed = True
    return known


def consistent_return(trust: TrustConfig, seed: int) -> Return:
    """A return whose additive breakdowns add up to their totals, with many small values."""
    rng = random.Random(seed)
    figures = dict.fromkeys(figure_keys(trust, "locality"), 0)
    for m in catalogue.MEASURES:
        if catalogue.is_board(m.code):  # a locality's return has no board
            continue
        total = rng.choice([0, 1, 3, 6, 9, 14, 25, 40])
        figures[(m.code, "", "")] = total
        for b in m.breakdowns:
            cats = b.categories(trust)
            if b.additive:
                for _ in range(total):
                    # lopsided, so that lone small cells are common
                    cat = cats[min(int(rng.expovariate(0.8)), len(cats) - 1)]
                    figures[(m.code, b.code, rng.choice([cat, cat, rng.choice(cats)]))] += 1
            else:
                for cat in cats:
                    figures[(m.code, b.code, cat)] = rng.randint(0, total)
    unit = trust.unit("LIC-BUR")
    return Return(
        trust.trust_name, unit.code, unit.name, unit.level, unit.parent_code,
        Period.parse("2026-27Q1"), figures, made_by="TrustDesk test",
    )  # fmt: skip


def all_tables(ret: Return, trust: TrustConfig):
    labels = [catalogue.AGE.category_label(trust, b) for b in catalogue.reach_age_bands(trust)]
    return (
        tables.headline_table(ret),
        tables.reach_table(ret, trust),
        tables.breakdown_tables(ret, trust),
        labels,
    )


def test_a_lone_small_cell_gets_a_partner_hidden() -> None:
    table = people_table([3, 9, 20, 0])
    assert suppressed_cells(table) == {(0, 0), (1, 0)}  # 9 is the smallest other non-zero


def test_two_small_cells_are_enough_unless_their_sum_gives_them_away() -> None:
    assert suppressed_cells(people_table([3, 2, 20])) == {(0, 0), (1, 0)}
    # 1 + 1: two hidden cells adding up to 2 can only be 1 and 1.
    assert suppressed_cells(people_table([1, 1, 9, 20])) == {(0, 0), (1, 0), (2, 0)}
    # 4 + 4: two "<5" adding up to 8 can only be 4 and 4.
    assert suppressed_cells(people_table([4, 4, 9, 20])) == {(0, 0), (1, 0), (2, 0)}


def test_a_small_total_is_hidden_and_needs_no_partner() -> None:
    table = people_table([3, 0, 0])
    assert suppressed_cells(table) == {(0, 0), (3, 0)}


def test_an_overlapping_table_hides_only_small_numbers() -> None:
    assert suppressed_cells(people_table([3, 9, 20], additive=False)) == {(0, 0)}


def test_the_hidden_value_cannot_be_worked_out_from_the_total() -> None:
    values = [3, 9, 20, 0]
    table = people_table(values)
    hidden = suppressed_cells(table)
    total = table.rows[-1].values[0]
    shown = sum(v for r, v in enumerate(values) if (r, 0) not in hidden)
    hidden_rows = [r for r in range(len(values)) if (r, 0) in hidden]
    # Every way of filling the hidden cells with non-zero whole numbers that adds up.
    remainder = total - shown
    fillings = [(a, remainder - a) for a in range(1, remainder)]
    assert len(hidden_rows) == 2 and len(fillings) > 1
    assert len({a for a, _ in fillings}) > 1  # the small cell could be any of several values


@pytest.mark.parametrize("seed", range(40))
def test_nothing_hidden_can_be_worked_out_across_a_whole_return(trust, seed) -> None:
    ret = consistent_return(trust, seed)
    headline, reach, breakdowns, labels = all_tables(ret, trust)
    head, reach_hidden, hidden = publication_cells(headline, reach, breakdowns, labels)
    value, cells = {}, set()
    for t, table, h in [(-1, headline, head), (-2, reach, reach_hidden)] + [
        (t, table, h) for t, (table, h) in enumerate(zip(breakdowns, hidden, strict=True))
    ]:
        for r, row in enumerate(table.rows):
            for c, v in enumerate(row.values):
                value[(t, (r, c))] = v
                if (r, c) in h and table.unit_of(row, c) != "rate":
                    cells.add((t, (r, c)))
    eqs = list(equations(headline, reach, breakdowns, labels))
    assert worked_out(eqs, value, cells) == set()
    # and every small number of young people is hidden
    for table, h in [(headline, head), *zip(breakdowns, hidden, strict=True)]:
        for r, row in enumerate(table.rows):
            for c, v in enumerate(row.values):
                if table.disclosive(row, c) and is_small(v):
                    assert (r, c) in h, (table.title, row.label, c)


def test_money_sessions_and_zeros_are_never_hidden(trust) -> None:
    for seed in (7, 8, 9):
        ret = made_up_return(trust, seed=seed)
        headline, reach, breakdowns, labels = all_tables(ret, trust)
        head, reach_hidden, hidden = publication_cells(headline, reach, breakdowns, labels)
        for table, h in [
            (headline, head),
            (reach, reach_hidden),
            *zip(breakdowns, hidden, strict=True),
        ]:
            for r, c in h:
                row = table.rows[r]
                if table.unit_of(row, c) == "rate":
                    assert any(table.disclosive(row, i) for i in range(len(row.values)))
                    continue
                assert table.disclosive(row, c), (table.title, row.label)
                assert row.values[c] != 0, (table.title, row.label)
        for table, h in zip(breakdowns, hidden, strict=True):
            if table.title in (
                "Partners by type",
                "Small-budget spending",
                "Voice of young people",
            ):
                assert h == set()
        hidden_measures = {headline.rows[r].measure for r, _ in head}
        assert not hidden_measures & {"sessions", "contact_minutes", "spend_pence"}


def test_a_rate_worked_out_from_a_hidden_number_is_hidden_but_not_the_benchmark(trust) -> None:
    ret = made_up_return(trust)
    ret.figures[("participants_recorded_outcome", "", "")] = 3
    ret.figures[("participants", "", "")] = 20
    reach = tables.reach_table(ret, trust)
    hidden = suppressed_cells(reach)
    assert {(2, 0), (2, 1)} <= hidden
    assert (2, 2) not in hidden  # the REYS benchmark is a published constant


def test_a_total_hidden_in_one_table_is_hidden_everywhere(trust) -> None:
    ret = consistent_return(trust, 1)
    # Contacts: 5 young people, one in each ethnic group -> five 1s that add up to the total.
    for key in list(ret.figures):
        if key[0] == "contacts" and key[1] != "":
            ret.figures[key] = 0
    ret.figures[("contacts", "", "")] = 5
    for group in trust.codes("ethnicity_groups")[:5]:
        ret.figures[("contacts", "ethnicity", group)] = 1
    for band in ("u11", "13-15"):
        ret.figures[("contacts", "age_band", band)] = {"u11": 2, "13-15": 3}[band]
    ret.figures[("contacts", "gender", "female")] = 5
    ret.figures[("contacts", "disability", "no")] = 5
    ret.figures[("contacts", "looked_after", "no")] = 5
    headline, reach, breakdowns, labels = all_tables(ret, trust)
    head, _, hidden = publication_cells(headline, reach, breakdowns, labels)
    contacts_row = next(r for r, row in enumerate(headline.rows) if row.measure == "contacts")
    assert (contacts_row, 0) in head
    gender = next(i for i, t in enumerate(breakdowns) if t.label_heading == "Gender")
    # the total is hidden, and "female" with it, or it would give the total back
    assert (len(breakdowns[gender].rows) - 1, 1) in hidden[gender]
    assert (0, 1) in hidden[gender]


def test_the_reach_row_is_hidden_when_an_age_band_it_adds_up_is(trust) -> None:
    ret = consistent_return(trust, 2)
    for key in list(ret.figures):
        if key[0] == "contacts":
            ret.figures[key] = 0
    ages = {"u11": 30, "13-15": 3, "16-19": 20, "20-25": 6}
    for band, v in ages.items():
        ret.figures[("contacts", "age_band", band)] = v
    for b in ("gender", "ethnicity", "disability", "looked_after"):
        first = catalogue.measure("contacts").breakdown(b).categories(trust)[0]
        ret.figures[("contacts", b, first)] = 59
    ret.figures[("contacts", "", "")] = 59
    headline, reach, breakdowns, labels = all_tables(ret, trust)
    _, reach_hidden, _ = publication_cells(headline, reach, breakdowns, labels)
    # The age table hides 3 and, to protect it, 6 (not a 13-19 band); shown, 23 = 3 + 20
    # would give the 3 back.
    assert reach.rows[0].values[0] == 23
    assert {(0, 0), (0, 1)} <= reach_hidden
