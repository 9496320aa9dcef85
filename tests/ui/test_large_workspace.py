"""Ten busy years (the ``large`` demo: 2,600 young people, 3,100 sessions, 72,000 register
ticks): every page opens and shows its records.

How long each page takes is measured by tests/benchmarks/bench_pages.py (budget: under
200 ms a page on the development machine; README, Performance), not asserted here, since a
test must not fail on a slow machine. This test prints the times it saw (``pytest -s``).
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest

from trustdesk.services.records import count_records
from trustdesk.store.migrate import open_workspace
from trustdesk.ui.main_window import MainWindow
from trustdesk.ui.navigation import destinations_for

LOCALITY_PAGES = destinations_for("locality")

TODAY = dt.date(2026, 11, 23)
pytestmark = pytest.mark.today(TODAY)


@pytest.fixture
def large(demo_of) -> Path:
    return demo_of("large")


def test_every_page_of_ten_years_opens_with_its_records(qtbot, large, capsys):
    with open_workspace(large) as workspace:
        window = MainWindow(workspace)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        seen = {}
        for place in LOCALITY_PAGES:
            start = time.perf_counter()
            page = window.show_page(place.key)
            qtbot.waitUntil(lambda page=page: not page.busy())
            seen[place.label] = time.perf_counter() - start
            assert window.current_page() is page
            rows = getattr(page, "list", None)
            if rows is not None:  # a list page: its records are there, fetched lazily
                total = rows.model.total()
                assert total > 0, place.label
                assert rows.model.rowCount() <= total
                assert f"{total:,}" in rows.count.text(), place.label
        with workspace.session() as session:
            held = dict(count_records(session))
        assert window.pages["people"].list.model.total() == held["Young people"]
        assert window.pages["activities"].list.model.total() == held["Activities"]
        window.close()
    with capsys.disabled():
        print("\npage open times on the large demo (ms):")
        for label, seconds in seen.items():
            print(f"  {label:<20} {seconds * 1000:6.0f}")
