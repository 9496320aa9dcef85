"""Every test runs headless, with its own workspace and its own settings and data folders,
so nothing touches the real home directory."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Settings, logs and the default workspace go to a throwaway home for the whole run.
_HOME = Path(tempfile.mkdtemp(prefix="trustdesk-test-home-"))
for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
    os.environ[variable] = str(_HOME / variable.lower())
# No machine-wide trust configuration unless a test puts one here (trustdesk.config.machine).
os.environ["TRUSTDESK_MACHINE_CONFIG_DIR"] = str(_HOME / "machine-config")

from pytestqt.qtbot import QtBot  # noqa: E402

from trustdesk import clock  # noqa: E402
from trustdesk.config.trust import TrustConfig, example_trust_path, load_trust_config  # noqa: E402
from trustdesk.demo.generator import build_demo  # noqa: E402
from trustdesk.store.migrate import create_workspace  # noqa: E402
from trustdesk.store.workspace import Workspace  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"

# A wait for the window or for work in the background ends as soon as what it waits for has
# happened, so its limit only matters on a slow machine: one CI machine took over five
# seconds (pytest-qt's default) to stretch a sealed backup's passphrase. Every wait that does
# not set its own limit has two minutes.
SLOW_MACHINE_MS = 120_000
for _wait in (
    QtBot.waitUntil,
    QtBot.waitSignal,
    QtBot.waitSignals,
    QtBot.waitCallback,
    QtBot.waitExposed,
    QtBot.waitActive,
):
    _wait.__kwdefaults__["timeout"] = SLOW_MACHINE_MS


@pytest.fixture(autouse=True)
def marked_day(request: pytest.FixtureRequest) -> Iterator[dt.date | None]:
    """A test or module marked ``@pytest.mark.today(day)`` runs with TrustDesk's one clock
    set to that day (noon, ticking on): the pages, the records saved and the audit trail all
    agree on it, whatever the real date is."""
    marker = request.node.get_closest_marker("today")
    if marker is None:
        yield None
        return
    with clock.set_to(marker.args[0]):
        yield marker.args[0]


@pytest.fixture
def set_today() -> Iterator[Callable[[dt.date], None]]:
    """``set_today(day)``: from now until the test ends, TrustDesk's clock reads that day."""
    with ExitStack() as stack:
        yield lambda day: stack.enter_context(clock.set_to(day))


@pytest.fixture(scope="session")
def trust() -> TrustConfig:
    return load_trust_config(example_trust_path())


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    """A new, empty locality workspace (Burntwood) in a temporary folder."""
    with create_workspace(tmp_path / "workspace", "LIC-BUR") as ws:
        yield ws


@pytest.fixture
def folder(workspace: Workspace) -> Path:
    """The folder of a closed workspace with one partner (for tests that open it themselves,
    as a second TrustDesk would)."""
    from trustdesk.services.partners import create_partner

    with workspace.session() as session:
        create_partner(session, name="Burntwood Youth Service", partner_type="youth")
        session.commit()
    workspace.close()
    return workspace.path


@pytest.fixture
def session(workspace: Workspace):
    with workspace.session() as s:
        yield s


DEMO_DAY = dt.date(2026, 11, 23)  # the demo workspaces' last day of records


@pytest.fixture(scope="session")
def demo_of(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """``demo_of("small")`` or ``demo_of("large")``: the folder of a demo workspace up to
    DEMO_DAY, built once per test run. Tests that change records work on a copy."""
    built: dict[str, Path] = {}

    def folder(size: str) -> Path:
        if size not in built:
            path = tmp_path_factory.mktemp(f"demo-{size}") / "workspace"
            build_demo(
                path, unit_code="LIC-BUR", size=size, seed=1, as_of=DEMO_DAY, config_path=None
            ).close()
            built[size] = path
        return built[size]

    return folder


@pytest.fixture(scope="session")
def district_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A Lichfield district workspace holding its localities' returns up to DEMO_DAY (the
    receiving demo), built once per test run. Tests that change records work on a copy."""
    from trustdesk.demo.receiving import build_receiving_demo

    path = tmp_path_factory.mktemp("district-demo") / "workspace"
    with clock.set_to(DEMO_DAY):  # a session's fixture runs before the test's day is set
        build_receiving_demo(path, unit_code="LIC", as_of=DEMO_DAY).close()
    return path


class Commits:
    """Counts the commits of every session, whoever opened it: every user action that
    writes is one transaction, all or nothing."""

    def __init__(self) -> None:
        self.count = 0

    def seen(self, _session: object) -> None:
        self.count += 1

    def during(self, action: Callable[[], object]) -> int:
        """How many commits ``action()`` made."""
        before = self.count
        action()
        return self.count - before


@pytest.fixture
def commits() -> Iterator[Commits]:
    from sqlalchemy import event
    from sqlmodel import Session

    counter = Commits()
    event.listen(Session, "after_commit", counter.seen)
    yield counter
    event.remove(Session, "after_commit", counter.seen)
