"""A return with made-up figures, for testing the writers without computing one."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from trustdesk.config.periods import Period
from trustdesk.config.trust import TrustConfig
from trustdesk.returns.catalogue import figure_keys
from trustdesk.returns.model import CaseStudyText, Return, VoiceText


def made_up_return(trust: TrustConfig, *, seed: int = 7, unit_code: str = "LIC-BUR") -> Return:
    """Every figure of the catalogue with a value between 0 and 60 (some of them small, so
    that suppression has work to do), plus case studies and voice texts, some of which look
    like spreadsheet formulas."""
    rng = random.Random(seed)
    unit = trust.unit(unit_code)
    figures = {
        key: rng.choice([0, 1, 2, 3, 5, 8, 13, 21, 34, 55])
        for key in figure_keys(trust, unit.level)
    }
    period = Period.parse("2026-27Q1")
    return Return.of_unit(
        trust.trust_name,
        unit,
        period,
        figures,
        case_studies=[
            CaseStudyText(
                dt.date(2026, 5, 12),
                "Food growing at Chase Terrace",
                "A group of Year 8 pupils grew vegetables on the school allotment and cooked "
                "them for their families.\n\nTwo now help run the lunchtime club.",
                ("healthy", "contribute"),
                unit.code,
            ),
            CaseStudyText(
                dt.date(2026, 6, 2),
                '=HYPERLINK("http://x","y")',
                "+cmd /c calc",
                ("enjoy",),
                unit.code,
            ),
        ],
        voice=[
            VoiceText(
                dt.date(2026, 4, 20),
                "youth-forum",
                "Burntwood youth forum",
                "The bus stops running before the youth club ends.",
                "Session moved 30 minutes earlier.",
                unit.code,
            ),
            VoiceText(dt.date(2026, 5, 3), "survey", "@everyone", "-2 stars", "", unit.code),
        ],
        return_id="3f0c1d52-8d3e-4d6f-9a51-0c1e2b3a4d5e",
        revision=2,
        made_at=dt.datetime(2026, 7, 10, 9, 30, tzinfo=dt.UTC),
        made_by="TrustDesk 0.1.0",
    )


@pytest.fixture
def made_up(trust: TrustConfig) -> Return:
    return made_up_return(trust)
