"""The big lists, and every other page: opening each page of the main window on the large
demo workspace (2,600 young people, 3,100 sessions, 72,000 register ticks), next to the
floor of a page — a bare table view of 200 plain rows shown and drawn the same way.

- first open: building the page, reading its records, laying it out and drawing the window
  (the first click on it in the sidebar);
- again: reading and drawing it again after records changed elsewhere (every later click).

Issue 8's target: every page in under 200 ms. The Dashboard and Returns pages count their
figures in a worker thread; the window is usable meanwhile, and that count is not timed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.benchmarks import work
from tests.benchmarks.conftest import QUICK_ROUNDS
from tests.benchmarks.memory import task_peak_mb
from trustdesk.ui.navigation import destinations_for

PAGES = [place.key for place in destinations_for("locality")]


@pytest.fixture(scope="module")
def app():  # noqa: ANN201
    return work.application()


@pytest.fixture(scope="module")
def workspace(large_workspace: Path) -> Iterator:
    from trustdesk.store.workspace import open_workspace  # as the window opens it: no Alembic

    with open_workspace(large_workspace) as workspace:
        yield workspace


class Windows:
    """Main windows for the rounds, each closed once the next is made."""

    def __init__(self, app, workspace) -> None:  # noqa: ANN001
        self.app, self.workspace, self.window = app, workspace, None

    def new(self, start: str):  # noqa: ANN201
        self.close()
        self.window = work.window_on(self.workspace, start)
        return self.window

    def close(self) -> None:
        if self.window is not None:
            work.settle(self.app, self.window)
            self.window.close()
            self.window.deleteLater()
            self.app.processEvents()
            self.window = None


@pytest.mark.parametrize("key", PAGES)
@pytest.mark.benchmark(group="pages: first open")
def test_open_page(benchmark, app, workspace, large_workspace: Path, key: str) -> None:  # noqa: ANN001
    windows = Windows(app, workspace)

    def new_window() -> tuple[tuple, dict]:
        return (app, windows.new(work.other_page(key)), key), {}

    try:
        benchmark.pedantic(work.open_page, setup=new_window, rounds=QUICK_ROUNDS, warmup_rounds=1)
    finally:
        windows.close()
    benchmark.extra_info.update(
        measure=f"page:{key}",
        side="trustdesk",
        peak_mb=task_peak_mb("page", str(large_workspace), key),
    )


@pytest.mark.parametrize("key", PAGES)
@pytest.mark.benchmark(group="pages: again")
def test_open_page_again(benchmark, app, workspace, key: str) -> None:  # noqa: ANN001
    windows = Windows(app, workspace)
    window = windows.new(key)

    def elsewhere() -> tuple[tuple, dict]:
        work.settle(app, window)
        window.pages[key].stale = True  # as after a save on another page
        window.show_page(work.other_page(key))
        app.processEvents()
        return (app, window, key), {}

    try:
        benchmark.pedantic(work.open_page, setup=elsewhere, rounds=QUICK_ROUNDS, warmup_rounds=1)
    finally:
        windows.close()
    benchmark.extra_info.update(measure=f"page-again:{key}", side="trustdesk")


@pytest.mark.benchmark(group="pages: first open")
def test_page_floor_bare_table(benchmark, app) -> None:  # noqa: ANN001
    benchmark.pedantic(work.bare_table(app), rounds=QUICK_ROUNDS, warmup_rounds=1)
    benchmark.extra_info.update(measure="page", side="floor", peak_mb=task_peak_mb("page-floor"))
