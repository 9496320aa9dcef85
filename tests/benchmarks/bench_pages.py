"""Benchmark: open every page of the main window on the ``large`` demo workspace (ten busy
years: 2,600 young people, 3,100 sessions, 72,000 register ticks).

    python tests/benchmarks/bench_pages.py [--repeat 5] [--workspace DIR]

Not a test (pytest does not collect ``bench_*.py``), never fails on a slow machine. For each
page it reports, best of the repeats:

- first open: building the page, reading its records and drawing it (what the first click on
  the sidebar costs);
- open again after a change elsewhere: reading and drawing again (what every later click
  costs when something was saved on another page);
- for the pages that count in the background (Dashboard, Returns), the time until the figures
  are on screen — the window itself stays usable meanwhile.

Floor: a bare QTableView over a plain QAbstractTableModel of 200 rows shown in a window of the
same size, the least a page with a list can cost on this machine. Budget: every page opens in
under 200 ms here (issue 8's target).
"""

from __future__ import annotations

import datetime as dt
import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from large_demo import arguments, large_workspace  # noqa: E402
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSettings, Qt  # noqa: E402
from PySide6.QtWidgets import QTableView  # noqa: E402

from trustdesk.store.workspace import open_workspace  # noqa: E402
from trustdesk.ui.app import _application  # noqa: E402
from trustdesk.ui.main_window import MainWindow  # noqa: E402
from trustdesk.ui.navigation import destinations_for  # noqa: E402

LOCALITY_PAGES = destinations_for("locality")

TODAY = dt.date(2026, 11, 23)
BUDGET_MS = 200


class PlainModel(QAbstractTableModel):
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 200

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 5

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        return f"row {index.row()}" if role == Qt.ItemDataRole.DisplayRole else None


def timed(app, work: Callable[[], object], settled: Callable[[], bool]) -> tuple[float, float]:
    """(seconds until drawn, seconds until any background reading is shown too)."""
    start = time.perf_counter()
    work()
    app.processEvents()
    drawn = time.perf_counter() - start
    while not settled():
        time.sleep(0.001)
        app.processEvents()
    return drawn, time.perf_counter() - start


def open_every_page(
    app, window: MainWindow, *, again: bool = False
) -> dict[str, tuple[float, float]]:
    """Show each page in turn; ``again``: after marking it out of date, from another page."""
    times = {}
    for place in LOCALITY_PAGES:
        if again:
            window.pages[place.key].stale = True
            window.show_page("settings" if place.key != "settings" else "dashboard")
            app.processEvents()
        shown: list = []

        def show(key: str = place.key, shown: list = shown) -> None:
            shown.append(window.show_page(key))
            window.grab()

        times[place.key] = timed(app, show, lambda shown=shown: not shown[0].busy())
    return times


def floor(app) -> float:
    def show() -> None:
        view = QTableView()
        view.setModel(PlainModel(view))
        view.resize(1366, 768)
        view.show()
        app.processEvents()
        view.grab()
        view.close()

    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        show()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    args = arguments(__doc__.splitlines()[0])
    folder = large_workspace(args.workspace)

    app = _application()
    settings = tempfile.mkdtemp(prefix="trustdesk-bench-settings-")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings)
    bare = floor(app)
    first: dict[str, list[tuple[float, float]]] = {p.key: [] for p in LOCALITY_PAGES}
    again: dict[str, list[tuple[float, float]]] = {p.key: [] for p in LOCALITY_PAGES}
    with open_workspace(folder) as workspace:
        for _ in range(args.repeat):
            window = MainWindow(workspace, today=lambda: TODAY)
            window.resize(1366, 768)
            window.show()
            app.processEvents()
            for key, times in open_every_page(app, window).items():
                first[key].append(times)
            for key, times in open_every_page(app, window, again=True).items():
                again[key].append(times)
            window.close()
            window.deleteLater()
            app.processEvents()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(
        f"Opening every page, large demo workspace (best of {args.repeat}; budget {BUDGET_MS} ms)"
    )
    print(f"floor: a bare table view of 200 rows shown and drawn: {bare * 1000:.1f} ms")
    print(f"{'page':<20} {'first open':>11} {'again':>9} {'ratio':>7} {'figures shown':>14}")
    for place in LOCALITY_PAGES:
        drawn = min(d for d, _ in first[place.key])
        shown = min(s for _, s in first[place.key])
        later = min(d for d, _ in again[place.key])
        background = f"{shown * 1000:11.0f} ms" if shown - drawn > 0.005 else ""
        print(
            f"{place.label:<20} {drawn * 1000:8.0f} ms {later * 1000:6.0f} ms "
            f"{drawn / bare:6.1f}x {background:>14}"
        )
    print(f"peak resident memory: {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
