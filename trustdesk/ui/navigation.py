"""The window's pages, in the order of the sidebar: what each is called, the class that
builds it (imported when the page is first shown, so the window opens quickly), its
keyboard shortcut, and the workspaces that have it: a locality keeps records; a district or
county receives the returns of the units below it and adds them up."""

from __future__ import annotations

import importlib
from dataclasses import dataclass

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

DESTINATIONS = (
    Destination("dashboard", "Dashboard", PAGES + "dashboard:DashboardPage", "Ctrl+1"),
    Destination("activities", "Activities", PAGES + "activities:ActivitiesPage", "Ctrl+2"),
    Destination("registers", "Registers", PAGES + "registers:RegistersPage", "Ctrl+3"),
    Destination("people", "Young people", PAGES + "young_people:YoungPeoplePage", "Ctrl+4"),
    Destination("partners", "Partners", PAGES + "partners:PartnersPage", "Ctrl+5"),
    Destination("contacts", "Contact log", PAGES + "contact_log:ContactLogPage", "Ctrl+6"),
    Destination("meetings", "Meetings & actions", PAGES + "meetings:MeetingsPage", "Ctrl+7"),
    Destination("voice", "Voice", PAGES + "voice:VoicePage", "Ctrl+8"),
    Destination("case_studies", "Case studies", PAGES + "case_studies:CaseStudiesPage", "Ctrl+9"),
    Destination("spending", "Spending", PAGES + "spending:SpendingPage", "Ctrl+0"),
    Destination(
        "returns_in",
        "Returns in",
        PAGES + "returns.received_page:ReturnsInPage",
        "Ctrl+1",
        ("district", "county"),
    ),
    Destination("returns", "Returns", PAGES + "returns.page:ReturnsPage", "Ctrl+R", EVERY_LEVEL),
    Destination("settings", "Settings", PAGES + "settings:SettingsPage", "Ctrl+,", EVERY_LEVEL),
)


def destinations_for(level: str) -> tuple[Destination, ...]:
    """The sidebar of a workspace of this level (locality, district or county)."""
    return tuple(d for d in DESTINATIONS if level in d.levels)


def destination(key: str) -> Destination | None:
    return next((d for d in DESTINATIONS if d.key == key), None)


def destination_for(kind: str) -> Destination | None:
    """The page that keeps records of a kind (e.g. "session": the Registers page)."""
    return next((d for d in DESTINATIONS if kind in d.record_kinds), None)
