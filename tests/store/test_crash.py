"""A laptop that dies mid-save loses nothing that was saved: a writing TrustDesk
(tests/store/crash_writer.py) is killed with SIGKILL at random moments, dozens of times, on
one workspace (starting from a first-schema workspace, so early kills land in the upgrade,
the open and the backup at open), and after every kill the workspace holds exactly the
records whose saves had returned, plus the one save in flight either whole or not at all.
At the end it opens normally and SQLite's integrity and foreign key checks pass.

Each run picks a new seed (printed; set TRUSTDESK_CRASH_SEED to repeat its choices — the
exact kill moments still depend on timing). Nothing here depends on the machine's speed:
kills are placed after lines the writer prints (a clock only says how soon after), and only
a round not over after five minutes counts as stuck.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from shutil import copytree
from typing import Any

import pytest

import trustdesk
from trustdesk.store import backups
from trustdesk.store.migrate import open_workspace
from trustdesk.store.schema import head_schema
from trustdesk.store.workspace import DB_NAME

pytestmark = pytest.mark.skipif(
    sys.platform == "win32", reason="kills the writer with SIGKILL, which Windows does not have"
)

WRITER = Path(__file__).with_name("crash_writer.py")
SCHEMA1 = Path(__file__).parents[1] / "fixtures" / "schema1-workspace"
ROUNDS = 40
FIRST_EARLY = 2  # the first rounds are killed while opening: in the upgrade from schema 1
EARLY_SHARE = 0.2  # and this share of the others
EARLY_DELAY = 0.2  # seconds after a writer starts opening: open, upgrade, backup, first saves
MOST_SAVES = 15  # a writing round is killed after 1..MOST_SAVES announced saves
SAVE_DELAY = 0.015  # ... and up to this long after the last one: often mid-save
STUCK = 300.0  # seconds without a kill: the writer is stuck, however slow the machine

# What the writer writes, as SQLite holds it (times cut to minutes: stored with microseconds).
STATE = {
    "young_person": "SELECT id, local_ref, first_name, date_of_birth, gender, postcode_district "
    "FROM young_person",
    "partner": "SELECT id, name, partner_type, notes FROM partner",
    "partner_contact": "SELECT id, partner_id, name, email FROM partner_contact",
    "contact_log_entry": "SELECT id, partner_id, contact_id, date, method, summary, "
    "follow_up_date FROM contact_log_entry",
    "activity": "SELECT id, title, category, start_date, end_date FROM activity",
    "activity_outcome": "SELECT activity_id, ecm_outcome FROM activity_outcome",
    "activity_session": "SELECT id, activity_id, date, substr(start_time, 1, 5), "
    "substr(end_time, 1, 5) FROM activity_session",
    "attendance": "SELECT session_id, young_person_id FROM attendance",
    "headcount": "SELECT session_id, age_band, gender, count FROM headcount",
    "meeting": "SELECT id, date, title FROM meeting",
    "meeting_attendance": "SELECT meeting_id, partner_id, status FROM meeting_attendance",
    "meeting_action": "SELECT id, meeting_id, text, owner, due_date FROM meeting_action",
}
# Where a save that was cut short finds the record it made, by the key it wrote.
BY_KEY = {
    "person": "SELECT id FROM young_person WHERE local_ref = ?",
    "partner": "SELECT id FROM partner WHERE name = ?",
    "contact": "SELECT id FROM partner_contact WHERE name = ?",
    "log": "SELECT id FROM contact_log_entry WHERE summary = ?",
    "activity": "SELECT id FROM activity WHERE title = ?",
    "meeting": "SELECT id FROM meeting WHERE title = ?",
    "action": "SELECT id FROM meeting_action WHERE text = ?",
}

Query = Callable[..., Iterable[Iterable[Any]]]
State = dict[str, Counter[tuple[Any, ...]]]


def read_state(query: Query) -> State:
    return {table: Counter(tuple(row) for row in query(sql)) for table, sql in STATE.items()}


def with_save(state: State, plan: dict[str, Any], ids: dict[str, Any]) -> State:
    """The records as they are once this save is made (given the ids it was given)."""
    new = {table: Counter(rows) for table, rows in state.items()}

    def add(table: str, *row: Any) -> None:
        new[table][row] += 1

    def drop(table: str, keep: Callable[[tuple[Any, ...]], bool]) -> None:
        new[table] = Counter({row: n for row, n in new[table].items() if keep(row)})

    op, key = plan["op"], plan.get("key")
    if op == "person":
        p = plan
        add(
            "young_person",
            ids["id"],
            key,
            p["first_name"],
            p["date_of_birth"],
            p["gender"],
            p["postcode_district"],
        )
    elif op == "partner":
        add("partner", ids["id"], key, plan["partner_type"], plan["notes"])
    elif op == "contact":
        add("partner_contact", ids["id"], plan["partner_id"], key, plan["email"])
    elif op == "log":
        p = plan
        add(
            "contact_log_entry",
            ids["id"],
            p["partner_id"],
            p["contact_id"],
            p["date"],
            p["method"],
            key,
            p["follow_up_date"],
        )
    elif op == "activity":
        add("activity", ids["id"], key, plan["category"], plan["start_date"], plan["end_date"])
        for code in plan["outcomes"]:
            add("activity_outcome", ids["id"], code)
    elif op == "sessions":
        assert len(ids["ids"]) == len(plan["dates"]), (plan, ids)
        for session_id, date in zip(ids["ids"], plan["dates"], strict=True):
            add(
                "activity_session",
                session_id,
                plan["activity_id"],
                date,
                plan["start_time"],
                plan["end_time"],
            )
    elif op == "register":
        drop("attendance", lambda row: row[0] != plan["session_id"])
        for person_id in plan["young_person_ids"]:
            add("attendance", plan["session_id"], person_id)
    elif op == "headcount":
        drop("headcount", lambda row: row[0] != plan["session_id"])
        for band, gender, count in plan["counts"]:
            add("headcount", plan["session_id"], band, gender, count)
    elif op == "meeting":
        add("meeting", ids["id"], plan["date"], key)
    elif op == "meeting_attendance":
        for partner_id, status in plan["statuses"]:
            drop("meeting_attendance", lambda row, p=partner_id: row[:2] != (plan["meeting_id"], p))
            add("meeting_attendance", plan["meeting_id"], partner_id, status)
    elif op == "action":
        add("meeting_action", ids["id"], plan["meeting_id"], key, plan["owner"], plan["due_date"])
    else:
        raise AssertionError(f"the writer made a save this test does not know: {plan}")
    return new


def ids_made_by(query: Query, plan: dict[str, Any]) -> dict[str, Any] | None:
    """The ids a save that was cut short was given, if its records are there."""
    if plan["op"] in BY_KEY:
        found = [row[0] for row in query(BY_KEY[plan["op"]], (plan["key"],))]
        return {"id": found[0]} if len(found) == 1 else None
    if plan["op"] == "sessions":
        sql = "SELECT id FROM activity_session WHERE activity_id = ? ORDER BY date"
        found = [row[0] for row in query(sql, (plan["activity_id"],))]
        return {"ids": found} if len(found) == len(plan["dates"]) else None
    return {}


def differences(found: State, expected: State) -> str:
    lines = []
    for table in STATE:
        missing = expected[table] - found[table]
        extra = found[table] - expected[table]
        if missing:
            lines.append(f"{table}: missing {sorted(missing.elements())[:5]}")
        if extra:
            lines.append(f"{table}: unexpected {sorted(extra.elements())[:5]}")
    return "\n".join(lines)


@dataclass
class Run:
    """The writer's announced saves, as the rounds go, and what the kills left."""

    seed: int
    expected: State
    saves: Counter[str] = field(default_factory=Counter)
    cut_short: Counter[str] = field(default_factory=Counter)  # "kept" or "absent"
    early: int = 0  # rounds killed soon after the writer started opening
    killed_opening: int = 0  # ... before it had opened the workspace
    killed_backing_up: int = 0  # rounds killed with the backup at open still being made
    upgraded_in_round: int | None = None

    def settle(self, query: Query, announced: list[tuple[dict, dict]], in_flight: dict | None):
        """Check the workspace holds exactly the announced saves, and the one in flight
        whole or not at all; that becomes what the next round must find."""
        for plan, ids in announced:
            self.expected = with_save(self.expected, plan, ids)
            self.saves[plan["op"]] += 1
        found = read_state(query)
        if found == self.expected:
            if in_flight is not None:
                self.cut_short["absent"] += 1
            return
        why = f"(seed {self.seed})\n{differences(found, self.expected)}"
        assert in_flight is not None, f"records differ from the saves announced {why}"
        ids = ids_made_by(query, in_flight)
        kept = None if ids is None else with_save(self.expected, in_flight, ids)
        assert found == kept, (
            f"records differ from the saves announced, with or without the one cut short "
            f"({in_flight}) whole {why}"
        )
        self.expected = kept
        self.cut_short["kept"] += 1


class Writers:
    """crash_writer.py, started once by path with the same TrustDesk as this test: each
    round it forks a new writer, which this kills."""

    def __init__(self, folder: Path, log: Path) -> None:
        root = str(Path(trustdesk.__file__).resolve().parents[1])
        path = os.environ.get("PYTHONPATH")
        env = {**os.environ, "PYTHONPATH": root + (os.pathsep + path if path else "")}
        self.log, self.pid, self.stuck = log, None, threading.Event()
        with log.open("w") as errors:
            self.server = subprocess.Popen(
                [sys.executable, str(WRITER), str(folder)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=errors,
                text=True,
                env=env,
                cwd=folder.parent,
            )
        assert self.next_line() == {"phase": "ready"}, self.why()

    def next_line(self) -> dict | None:
        """The next line, or None once nothing more will come."""
        assert self.server.stdout is not None
        text = self.server.stdout.readline()
        return json.loads(text) if text.endswith("\n") else None

    def why(self) -> str:
        return f"what the writer said on stderr:\n{self.log.read_text()[-3000:]}"

    def kill_writer(self) -> None:
        if self.pid is not None:
            with suppress(ProcessLookupError):  # it died by itself: its exit status says why
                os.kill(self.pid, signal.SIGKILL)

    def give_up(self) -> None:
        self.stuck.set()
        self.kill_writer()
        self.server.kill()

    def round(self, seed: str, rng: random.Random, early: bool) -> list[dict]:
        """Start a writer; kill it soon after it starts opening (``early``) or after a few
        saves; every line it wrote."""
        assert self.server.stdin is not None
        wanted = 0 if early else rng.randint(1, MOST_SAVES)
        lines: list[dict] = []
        line, done, killed = None, 0, False
        watchdog = threading.Timer(STUCK, self.give_up)
        watchdog.start()
        try:
            self.server.stdin.write(seed + "\n")
            self.server.stdin.flush()
            while (line := self.next_line()) is not None and "exited" not in line:
                lines.append(line)
                if killed:
                    continue
                opening = line.get("phase") == "opening"
                self.pid = line["pid"] if opening else self.pid
                done += "done" in line
                if (early and opening) or (not early and done == wanted):
                    time.sleep(rng.uniform(0, EARLY_DELAY if early else SAVE_DELAY))
                    self.kill_writer()
                    killed = True
        finally:
            watchdog.cancel()
            if line is None or "exited" not in line:  # this test failed mid-round: stop it
                self.kill_writer()
            self.pid = None
        why = f"writer {seed}: last lines {lines[-3:]}, then {line}\n{self.why()}"
        assert not self.stuck.is_set(), f"no kill after {STUCK:.0f} s: stuck. {why}"
        assert line == {"exited": -signal.SIGKILL}, why
        assert not any("backup_failed" in line for line in lines), why
        return lines

    def close(self) -> None:
        self.kill_writer()
        if self.server.stdin is not None:
            self.server.stdin.close()
        try:
            self.server.wait(timeout=STUCK)
        finally:
            self.server.kill()
            if self.server.stdout is not None:
                self.server.stdout.close()


def announced_saves(lines: list[dict]) -> tuple[list[tuple[dict, dict]], dict | None]:
    """(plan, ids) of every save whose commit returned, and the save in flight, if any."""
    announced, in_flight = [], None
    for line in lines:
        if "begin" in line:
            assert in_flight is None, f"a save began before the last one was done: {line}"
            in_flight = line["begin"]
        elif "done" in line:
            assert in_flight is not None, f"a save was done that had not begun: {line}"
            announced.append((in_flight, line["done"]))
            in_flight = None
    return announced, in_flight


def read_only(db_path: Path) -> tuple[sqlite3.Connection, Query]:
    """A look at the file as the last writer left it: read-only, as TrustDesk's own check at
    open first looks at it, so nothing is checkpointed or changed for the next writer."""
    connection = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    return connection, lambda sql, args=(): connection.execute(sql, args).fetchall()


def check_round(db_path: Path, run: Run, number: int, lines: list[dict]) -> None:
    """After a kill: a sound file, holding exactly what the writers said they saved."""
    was_open = {"phase": "open"} in lines
    run.killed_opening += not was_open
    run.killed_backing_up += was_open and {"phase": "backed up"} not in lines
    where = f"round {number}, seed {run.seed}"
    connection, query = read_only(db_path)
    try:
        schema = query("PRAGMA user_version")[0][0]
        assert schema in (1, head_schema()), f"schema {schema}: {where}"
        assert query("PRAGMA integrity_check") == [("ok",)], where
        assert query("PRAGMA foreign_key_check") == [], where
        if schema != 1 and run.upgraded_in_round is None:
            run.upgraded_in_round = number
        run.settle(query, *announced_saves(lines))
    finally:
        connection.close()


def check_opens_whole(folder: Path, run: Run) -> None:
    """The workspace opens as usual (its quick_check at open passes, nothing left to
    upgrade, the lock of the killed writer let go) with every saved record; its backups,
    even one a kill cut short, are sound or not there."""
    with open_workspace(folder) as workspace:
        assert workspace.schema_upgraded_from is None
        with workspace.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA integrity_check").scalars().all() == ["ok"]
            assert connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
            found = read_state(lambda sql: connection.exec_driver_sql(sql).fetchall())
    assert found == run.expected, f"(seed {run.seed})\n{differences(found, run.expected)}"
    kept = backups.list_backups(backups.backups_folder(workspace.db_path))
    assert kept, "the upgrade and the opens made no backup"
    for backup in kept:
        assert backups.quick_check(backup.path) is None, backup.path


def test_killed_writers_lose_no_saved_record(tmp_path: Path):
    seed = int(os.environ.get("TRUSTDESK_CRASH_SEED") or random.SystemRandom().randrange(10**6))
    print(f"crash test seed {seed} (TRUSTDESK_CRASH_SEED={seed} repeats its choices)")
    rng = random.Random(seed)
    folder = copytree(SCHEMA1, tmp_path / "workspace")
    connection, query = read_only(folder / DB_NAME)
    run = Run(seed, read_state(query))
    connection.close()
    started = time.monotonic()
    writers = Writers(folder, tmp_path / "writer.log")
    try:
        for number in range(ROUNDS):
            early = number < FIRST_EARLY or rng.random() < EARLY_SHARE
            run.early += early
            lines = writers.round(f"{seed}-{number:02d}", rng, early)
            check_round(folder / DB_NAME, run, number, lines)
    finally:
        writers.close()
    print(
        f"{ROUNDS} kills in {time.monotonic() - started:.1f} s: {run.early} early, "
        f"{run.killed_opening} of them before the workspace was open; upgraded in round "
        f"{run.upgraded_in_round}; {run.killed_backing_up} killed while backing up at open; "
        f"{sum(run.saves.values())} saves announced {dict(run.saves)}; saves cut short: "
        f"{dict(run.cut_short)}"
    )
    assert run.upgraded_in_round is not None
    assert sum(run.saves.values()) >= ROUNDS - run.early  # every other round saved something
    check_opens_whole(folder, run)
