"""Walks TrustDesk's window as a screen reader sees it, through AT-SPI, and prints what a
blind coordinator would miss, as JSON.

Run by tests/ui/test_atspi.py with the system's Python (where Debian's python3-pyatspi is),
inside a private D-Bus session and an Xvfb display, next to a running TrustDesk. For each
page named on the command line it opens the page from the Go menu (as Orca's user would,
through the menu's "Press" action), then reports:

- ``unnamed``: an interactive control (button, field, list, table…) with no name;
- ``hidden_text``: a label's visible text that no node of the tree says (Qt exposes a
  label's accessible name *instead of* its text). The visible texts come from the window
  itself (tests/ui/atspi_app.py writes them down, page by page, in SEEN.json).

(Keyboard traps are proven by tests/ui/test_tab_chain.py with Qt's own key events: keys sent
through AT-SPI under Xvfb, with no window manager to give the window the X input focus, did
not reach it.)

Usage: python3 atspi_walker.py APP_NAME SEEN.json KEY=PAGE [KEY=PAGE ...]
"""

from __future__ import annotations

import json
import sys
import time

import pyatspi

INTERACTIVE = {
    "push button",
    "toggle button",
    "check box",
    "radio button",
    "combo box",
    "text",
    "password text",
    "spin button",
    "slider",
    "table",
    "tree table",
    "list",
    "tree",
    "page tab",
}
INSIDE_A_VIEW = {"table", "tree table", "list", "tree"}  # their cells and headers: the view's


def find_app(name: str, timeout: float = 30.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        for app in pyatspi.Registry.getDesktop(0):
            if app is not None and (app.name or "").lower() == name.lower():
                return app
        time.sleep(0.3)
    raise SystemExit(f"no application {name!r} on the accessibility bus")


def find(node, role: str, name: str | None = None):
    for child in node:
        if child is None:
            continue
        if child.getRoleName() == role and (name is None or child.name == name):
            return child
        found = find(child, role, name)
        if found is not None:
            return found
    return None


def showing(node) -> bool:
    try:
        return node.getState().contains(pyatspi.STATE_SHOWING)
    except Exception:  # gone while we looked
        return False


def said(node, out: set[str]) -> set[str]:
    """Everything the showing part of the tree says: names, descriptions, texts."""
    out.add(" ".join((node.name or "").split()))
    out.add(" ".join((node.description or "").split()))
    for child in node:
        if child is not None and showing(child):
            said(child, out)
    return out


def seen_on(seen_file: str, key: str, timeout: float = 120.0) -> list[str]:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            with open(seen_file, encoding="utf-8") as f:
                seen = json.load(f)
        except (OSError, ValueError):
            seen = {}
        if key in seen:
            return seen[key]
        time.sleep(0.2)
    raise SystemExit(f"the window never said what it shows on {key!r}")


def where(node) -> str:
    path = []
    while node is not None and node.getRoleName() not in ("frame", "application"):
        if node.name:
            path.append(node.name)
        node = node.parent
    return " < ".join(path[:3])


def judge(node, problems: dict[str, list[str]], inside_view: bool = False) -> None:
    """Look at ``node`` and everything showing below it."""
    role = node.getRoleName()
    if role == "menu bar":
        return  # the menus are walked by the Go menu itself
    if not inside_view and role in INTERACTIVE and not (node.name or "").strip():
        problems["unnamed"].append(f"{role} in {where(node.parent)}")
    for child in node:
        if child is not None and showing(child):
            judge(child, problems, inside_view or role in INSIDE_A_VIEW)


def go_menu(app, timeout: float = 60.0):
    """The Go menu, once the workspace is open and its pages are in it."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        bar = find(app, "menu bar")
        menu = next((m for m in bar if m is not None and m.name == "Go"), None) if bar else None
        if menu is not None and menu.childCount and menu[0].childCount > 3:
            time.sleep(1.0)  # the first page drawn, the rest of the window settled
            return menu[0]
        time.sleep(0.3)
    raise SystemExit("the window never opened its workspace")


def main() -> None:
    # A page opened through its menu item answers when it is drawn: on a busy machine that
    # can take longer than AT-SPI's 25 seconds, which is not what this walk is about.
    pyatspi.Atspi.set_timeout(120_000, 120_000)
    app_name, seen_file = sys.argv[1], sys.argv[2]
    pages = [arg.split("=", 1) for arg in sys.argv[3:]]
    app = find_app(app_name)
    report: dict[str, dict[str, list[str]]] = {}
    go = go_menu(app)
    for key, page in pages:
        item = next((i for i in go if i.name == page), None)
        problems: dict[str, list[str]] = {"unnamed": [], "hidden_text": []}
        if item is None:
            problems["unnamed"].append(f"no item {page!r} in the Go menu")
            report[page] = problems
            continue
        item.queryAction().doAction(0)
        shown = seen_on(seen_file, key)  # a second after the page is shown
        frame = find(app, "frame")
        judge(frame, problems)
        spoken = said(frame, set())  # each label is a node of its own, called by its text
        problems["hidden_text"] = [text for text in shown if text not in spoken]
        report[page] = problems
    json.dump(report, sys.stdout)


if __name__ == "__main__":
    main()
