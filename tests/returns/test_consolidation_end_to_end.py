"""Done when: the returns of the example trust's 50 localities, exported from their own demo
workspaces, are imported into their 8 district workspaces and consolidated there; the 8
district returns are imported into the county workspace and consolidated again; and the
county's return is, figure by figure, the sum of the localities' own figures (read from
their workbooks with openpyxl, not with TrustDesk's reader), with its rates worked out again
from the summed parts, every constituent listed, and every locality's texts carried up with
its unit code. Importing everything again, shuffled and twice, changes nothing.

A second test leaves one locality's return out and queries another: the district's return
says so, and adds up the others.

Every workspace takes its files in a shuffled order, so the figures, constituents and texts
are shown not to depend on it. The districts are independent of each other, so each
district's part (import, consolidate, import again twice, consolidate again) runs whole in a
worker process, one per core; the county's part runs here. Everything is asserted here, on
what the workers report.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import func
from sqlmodel import SQLModel, select

from tests.returns.many_localities import (
    AS_OF,
    EXPORTED_AT,
    PERIOD,
    LocalityReturn,
    export_localities,
    in_parallel,
)
from trustdesk.config.trust import TrustConfig, example_trust_path
from trustdesk.ops import returns as returns_ops
from trustdesk.returns.catalogue import is_board
from trustdesk.returns.completeness import completeness
from trustdesk.returns.compute import compute_return
from trustdesk.returns.export import ExportResult
from trustdesk.returns.importer import ImportReport
from trustdesk.returns.model import Key, Return
from trustdesk.returns.reader import read_workbook
from trustdesk.returns.received import current_record
from trustdesk.returns.review import query
from trustdesk.store.migrate import create_workspace
from trustdesk.store.workspace import Workspace

COUNTY = "STAFFS"
# The example trust's age bands inside 13-19, written out here rather than taken from the
# catalogue, so that the reach rate is worked out independently of TrustDesk.
REACH_BANDS = ("13-15", "16-19")
POPULATION: Key = ("population_13_19", "", "")
TEXTS = {"case_studies": "Case studies", "voice": "Voice", "partners": "Partners"}
Line = tuple[str, str, int | None, str, str]


@pytest.fixture(scope="module")
def localities(tmp_path_factory: pytest.TempPathFactory) -> dict[str, LocalityReturn]:
    """The 50 locality returns, made once for this module (about 30 s on two cores)."""
    return export_localities(tmp_path_factory.mktemp("localities"))


@pytest.fixture(scope="module")
def own_figures(localities: dict[str, LocalityReturn]) -> dict[str, dict[Key, int]]:
    """Each locality's figures as its workbook's Data sheet holds them (read two at a time)."""
    read = in_parallel(data_sheet, [locality.path for locality in localities.values()])
    return dict(zip(localities, read, strict=True))


# Reading workbooks with openpyxl alone


def sheet_rows(path: Path, sheet: str) -> list[tuple[Any, ...]]:
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        return list(book[sheet].iter_rows(values_only=True))
    finally:
        book.close()


def data_sheet(path: Path) -> dict[Key, int]:
    """The figures on a workbook's Data sheet."""
    return {(m, b or "", c or ""): v for m, b, c, v, *_ in sheet_rows(path, "Data")[1:] if m}


def units_listed(path: Path, sheet: str) -> Counter[str]:
    """How many rows each unit code has on a text sheet (its Unit column)."""
    header, *rows = sheet_rows(path, sheet)
    column = header.index("Unit")
    return Counter(row[column] for row in rows if any(row))


# Working in a workspace


def new_workspace(folder: Path, code: str) -> Workspace:
    return create_workspace(folder, code, config_path=example_trust_path())


def rows_kept(workspace: Workspace) -> dict[str, int]:
    """How many rows each table of the workspace holds (the audit trail's included)."""
    with workspace.session() as session:
        return {
            table.name: session.exec(select(func.count()).select_from(table)).one()
            for table in SQLModel.metadata.sorted_tables
        }


def taken_in(workspace: Workspace, paths: list[Path]) -> ImportReport:
    return returns_ops.import_returns(workspace, paths, today=AS_OF)


def consolidated(workspace: Workspace, out_dir: Path) -> ExportResult:
    return returns_ops.export_return(workspace, PERIOD, out_dir, formats=["xlsx"], now=EXPORTED_AT)


def recomputed(workspace: Workspace) -> Return:
    with workspace.session() as session:
        return compute_return(session, PERIOD)


@dataclass
class Round:
    """What one unit's workspace went through: the returns of the units below taken in (in
    a shuffled order), its own return exported, the same files taken in twice more in other
    shuffled orders, and its return computed again."""

    imported: ImportReport
    result: ExportResult
    again: list[ImportReport]
    rows_before: dict[str, int]
    rows_after: dict[str, int]
    recomputed: Return


def round_of(job: tuple[Path, str, list[Path], int]) -> Round:
    """One unit's part (a district's runs in a worker process: its workspace is its own)."""
    folder, code, paths, seed = job
    rng = random.Random(seed)
    with new_workspace(folder / code, code) as workspace:
        imported = taken_in(workspace, rng.sample(paths, len(paths)))
        result = consolidated(workspace, folder / f"{code}-return")
        before = rows_kept(workspace)
        again = [taken_in(workspace, rng.sample(paths, len(paths))) for _ in range(2)]
        return Round(imported, result, again, before, rows_kept(workspace), recomputed(workspace))


# What is expected


def added_up(figures: Iterable[dict[Key, int]]) -> dict[Key, int]:
    total: dict[Key, int] = {}
    for each in figures:
        for key, value in each.items():
            total[key] = total.get(key, 0) + value
    return total


def summed(figures: dict[Key, int]) -> dict[Key, int]:
    """A district's or county's figures but its board's own, which are never added up (and
    here all 0: these workspaces record no board meetings)."""
    board = {key: value for key, value in figures.items() if is_board(key[0])}
    assert board and not any(board.values())
    return {key: value for key, value in figures.items() if key not in board}


def reach(figures: dict[Key, int]) -> float:
    contacts = sum(figures[("contacts", "age_band", band)] for band in REACH_BANDS)
    return contacts / figures[POPULATION]


def constituent_lines(ret: Return) -> list[Line]:
    return [
        (c.unit_code, c.return_id, c.revision, c.fingerprint, c.status) for c in ret.constituents
    ]


def sent_as(ret: Return, status: str = "received") -> Line:
    """The constituent line of a return taken in as it was sent."""
    return (ret.unit_code, ret.return_id, ret.revision, ret.fingerprint, status)


def contents(ret: Return) -> tuple[object, ...]:
    """What a return says, without what identifies it (id, revision, when made)."""
    return (ret.figures, ret.case_studies, ret.voice, ret.partners, constituent_lines(ret))


def outcomes(report: ImportReport) -> list[str]:
    return [line.outcome for line in report.lines]


def assert_round(done: Round, parts: list[Return], figures: dict[Key, int]) -> None:
    """The unit's return adds up the parts' figures, lists them as its constituents, and
    carries their texts, in the trust's order of the units whatever the order of the files;
    taking the files in again changes nothing."""
    files = len(parts)
    assert outcomes(done.imported) == ["imported"] * files, done.imported.summary
    ret = done.result.ret
    assert summed(ret.figures) == figures  # every figure, not only the totals
    assert summed(data_sheet(done.result.paths[0])) == figures  # and so does the file it sends
    assert constituent_lines(ret) == [sent_as(part) for part in parts]
    for kind in TEXTS:
        assert getattr(ret, kind) == [line for part in parts for line in getattr(part, kind)]
    for report in done.again:  # taken in again: nothing changes and nothing is added
        assert outcomes(report) == ["unchanged"] * files, report.summary
    assert done.rows_after == done.rows_before
    assert contents(done.recomputed) == contents(ret)


def test_the_county_return_is_the_sum_of_the_50_localities_and_reimporting_changes_nothing(
    localities: dict[str, LocalityReturn],
    own_figures: dict[str, dict[Key, int]],
    trust: TrustConfig,
    tmp_path: Path,
) -> None:
    assert len(localities) == 50
    for code, locality in localities.items():  # the workbook holds what the locality counted
        assert own_figures[code] == locality.ret.figures, code
    expected = added_up(own_figures.values())
    assert expected[("contacts", "", "")] > 0 and expected[POPULATION] > 0

    # Each district takes in its localities' returns and adds them up.
    by_district = {
        d.code: [localities[u.code] for u in trust.children(d.code)] for d in trust.children(COUNTY)
    }
    assert len(by_district) == 8 and sum(map(len, by_district.values())) == 50
    jobs = [
        (tmp_path, code, [p.path for p in parts], seed)
        for seed, (code, parts) in enumerate(by_district.items())
    ]
    districts = dict(zip(by_district, in_parallel(round_of, jobs), strict=True))
    for code, parts in by_district.items():
        own = added_up(own_figures[p.code] for p in parts)
        assert_round(districts[code], [p.ret for p in parts], own)

    # The county takes in the 8 district returns and adds them up.
    county = round_of((tmp_path, COUNTY, [d.result.paths[0] for d in districts.values()], 8))
    assert_round(county, [d.result.ret for d in districts.values()], expected)
    ret, path = county.result.ret, county.result.paths[0]

    # Rates are worked out again from the summed parts, never averaged.
    rate = reach(expected)
    assert ret.reach_rates(list(REACH_BANDS))["contacts"] == pytest.approx(rate)
    average = sum(reach(f) for f in own_figures.values()) / len(own_figures)
    assert abs(rate - average) > 1e-4, "the test needs localities whose rates differ"
    (shown,) = [r for r in sheet_rows(path, "Summary") if r[0] == "Contacts aged 13-19"]
    contacts = sum(expected[("contacts", "age_band", band)] for band in REACH_BANDS)
    assert shown[1] == contacts and shown[2] == pytest.approx(rate)
    present, places = (expected[(m, "", "")] for m in ("meeting_present", "meeting_places"))
    assert ret.attendance_rate() == pytest.approx(present / places)

    # Every locality's texts reach the county (in the trust's order of the localities, as
    # assert_round showed), with the locality's code, in the return and in the file.
    for kind, sheet in TEXTS.items():
        sent = [line for p in localities.values() for line in getattr(p.ret, kind)]
        assert getattr(ret, kind) == sent, kind
        assert all(
            line.unit_code == p.code for p in localities.values() for line in getattr(p.ret, kind)
        )
        assert {line.unit_code for line in sent} == set(localities), kind  # all 50 have some
        assert units_listed(path, sheet) == Counter(line.unit_code for line in sent), sheet


def test_a_district_return_names_the_missing_and_the_queried_locality_and_adds_up_the_rest(
    localities: dict[str, LocalityReturn],
    own_figures: dict[str, dict[Key, int]],
    trust: TrustConfig,
    tmp_path: Path,
) -> None:
    district, missing, queried = "EST", "EST-UTT", "EST-TUT"
    codes = [u.code for u in trust.children(district)]
    assert {missing, queried} <= set(codes)
    sent = [localities[c] for c in codes if c != missing]
    with new_workspace(tmp_path / district, district) as ws:
        report = taken_in(ws, [p.path for p in sent])
        assert report.count("imported") == len(report.lines) == 5, report.summary
        with ws.session() as session:
            record = current_record(session, queried, PERIOD)
            assert record is not None and record.id is not None
            query(session, record.id, "The attendances look low for the summer: please check.")
            session.commit()  # as the query operation does (trustdesk.ops.returns)
            grid = completeness(session, [PERIOD], AS_OF)
        result = consolidated(ws, tmp_path / "district-return")
    assert grid.cell(missing, PERIOD).status == "missing"
    assert grid.cell(queried, PERIOD).status == "queried"

    expected_lines = [
        (code, "", None, "", "missing")
        if code == missing
        else sent_as(localities[code].ret, "queried" if code == queried else "received")
        for code in codes
    ]
    assert constituent_lines(result.ret) == expected_lines
    assert summed(result.ret.figures) == added_up(own_figures[p.code] for p in sent)
    assert result.ret.figures != added_up(own_figures[code] for code in codes)
    # The workbook the district sends says the same.
    assert constituent_lines(read_workbook(result.paths[0], trust)) == expected_lines
    assert data_sheet(result.paths[0]) == result.ret.figures
    warned = [check.message for check in result.checks]
    assert any(trust.unit(missing).name in m and "no return yet" in m for m in warned), warned
    assert any(trust.unit(queried).name in m and "queried" in m for m in warned), warned
