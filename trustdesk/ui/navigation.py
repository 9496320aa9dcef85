"""The window's pages, in the order of the sidebar: what each is called, the class that
builds it (imported when the page is first shown, so the window opens quickly), its
keyboard shortcut, and the workspaces that have it: a locality keeps records; a district or
county receives the returns of the units below it and adds them up, and keeps its board's
own records (partners, contacts, meetings and actions, voice)."""

from __future__ import annotations

import importlib
from dataclasses import dataclass, replace

from trustdesk.ui.pages.page import Page


@dataclass(frozen=True)
class Destination:
    key: str  # remembered as the page used last
    label: str
    page_class: str  # "module:Class"
    shortcut: str = ""
    levels: tuple[str, ...] = ("locality",)  # the kinds of workspace that show it

    def load(self) -> type[Page]:
        module, name = self.page_class.split(":")
        return getattr(importlib.import_module(module), name)

    @property
    def record_kinds(self) -> tuple[str, ...]:
        return self.load().record_kinds


PAGES = "trustdesk.ui.pages."
EVERY_LEVEL = ("locality", "district", "county")
BOARDS = ("district", "county")

# The pages numbered Ctrl+1 to Ctrl+0 in the order a workspace's sidebar shows them; Returns
# and Settings have letters of their own.
DESTINATIONS = (
    Destination("dashboard", "Dashboard", PAGES + "dashboard:DashboardPage"),
    Destination(
        "board_dashboard",
        "Dashboard",
        PAGES + "board_dashboard:BoardDashboardPage",
        levels=BOARDS,
    ),
    Destination(
        "returns_in", "Returns in", PAGES + "returns.received_page:ReturnsInPage", levels=BOARDS
    ),
    Destination("activities", "Activities", PAGES + "activities:ActivitiesPage"),
    Destination("registers", "Registers", PAGES + "registers:RegistersPage"),
    Destination("people", "Young people", PAGES + "young_people:YoungPeoplePage"),
    Destination("partners", "Partners", PAGES + "partners:PartnersPage", levels=EVERY_LEVEL),
    Destination(
        "contacts", "Contact log", PAGES + "contact_log:ContactLogPage", levels=EVERY_LEVEL
    ),
    Destination(
        "meetings", "Meetings & actions", PAGES + "meetings:MeetingsPage", levels=EVERY_LEVEL
    ),
    Destination("voice", "Voice", PAGES + "voice:VoicePage", levels=EVERY_LEVEL),
    Destination("case_studies", "Case studies", PAGES + "case_studies:CaseStudiesPage"),
    Destination("spending", "Spending", PAGES + "spending:SpendingPage"),
    Destination("returns", "Returns", PAGES + "returns.page:ReturnsPage", "Ctrl+R", EVERY_LEVEL),
    Destination("settings", "Settings", PAGES + "settings:SettingsPage", "Ctrl+,", EVERY_LEVEL),
)


def destinations_for(level: str) -> tuple[Destination, ...]:
    """The sidebar of a workspace of this level (locality, district or county), its pages
    numbered Ctrl+1, Ctrl+2, … in order."""
    shown = [d for d in DESTINATIONS if level in d.levels]
    numbered = iter(range(1, 11))
    return tuple(
        d if d.shortcut else replace(d, shortcut=f"Ctrl+{next(numbered) % 10}") for d in shown
    )


def destination(key: str) -> Destination | None:
    return next((d for d in DESTINATIONS if d.key == key), None)


def destination_for(kind: str) -> Destination | None:
    """The page that keeps records of a kind (e.g. "session": the Registers page)."""
    return next((d for d in DESTINATIONS if kind in d.record_kinds), None)
