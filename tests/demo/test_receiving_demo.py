"""`trustdesk demo --unit EST`: a district workspace holding its localities' returns for the
last three quarters, reviewed, with every state the Returns in page shows."""

from __future__ import annotations

import datetime as dt

from trustdesk.cli import main
from trustdesk.config.periods import Period
from trustdesk.returns.completeness import completeness, periods_to_show
from trustdesk.returns.compute import compute_return
from trustdesk.store.migrate import open_workspace

AS_OF = dt.date(2026, 11, 23)


def test_a_district_demo_has_every_state_of_a_return(tmp_path, capsys):
    folder = tmp_path / "est"
    assert main(["demo", "--workspace", str(folder), "--unit", "EST", "--as-of", "2026-11-23"]) == 0
    assert "returns from the 6 units below it" in capsys.readouterr().out
    with open_workspace(folder) as workspace, workspace.session() as session:
        periods = periods_to_show(session, AS_OF)
        assert [p.code for p in periods] == ["2026-27Q2", "2026-27Q1", "2025-26", "2025-26Q4"]
        grid = completeness(session, periods, AS_OF)
        latest = [cell.status for cell in grid.column(Period.parse("2026-27Q2"))]
        assert latest == ["queried", "late", "on time", "on time", "on time", "missing"]
        for older in periods[1:]:
            assert {cell.status for cell in grid.column(older)} == {"accepted"}
        # The district's own return adds up the five it has.
        ret = compute_return(session, Period.parse("2026-27Q2"))
        assert [c.status for c in ret.constituents].count("missing") == 1
        assert ret.value("sessions") == sum(part.value("sessions") for part in ret.parts) > 0
