"""The self-test's steps on the return: a quarter's return is computed from the records and
exported, and its workbook read back as a district would, whose consolidated figures must be
the locality's."""

from __future__ import annotations

from trustdesk import APP_NAME, __version__, ops
from trustdesk.ops import returns as returns_ops
from trustdesk.returns.catalogue import is_board
from trustdesk.returns.compute import compute_return
from trustdesk.self_test.trial import PERIOD, TODAY, Step, Trial, check, check_file
from trustdesk.store.migrate import create_workspace

# What the records of trustdesk/self_test/records.py add up to in the return for PERIOD.
EXPECTED_FIGURES = {
    "sessions": 2,
    "attendances": 13,  # one young person on the register, twelve at the headcount
    "contacts": 1,
    "accredited_outcomes": 1,
    "meetings_held": 2,
    "actions_completed": 1,
    "contact_log_entries": 1,
    "voice_entries": 1,
    "case_studies": 1,
    "spend_items": 1,
    "spend_pence": 1250,
}


def _export_return(trial: Trial) -> str:
    trial.exported = returns_ops.export_return(trial.workspace, PERIOD, trial.folder / "returns")
    ret = trial.exported.ret
    for measure, expected in EXPECTED_FIGURES.items():
        found = ret.value(measure)
        check(found == expected, f"the return counts {found} {measure}, not {expected}")
    check(
        ret.made_by == f"{APP_NAME} {__version__}",
        f"the return says it was made by {ret.made_by!r}",
    )
    for path in trial.exported.paths:
        check_file(path)
    return ", ".join(path.name for path in trial.exported.paths)


def _read_return(trial: Trial) -> str:
    """Import the exported workbook into a workspace of the locality's district, as its
    officer would, and consolidate: the district's figures must be the locality's."""
    assert trial.config is not None and trial.exported is not None
    made = trial.exported.ret
    workbook = next(p for p in trial.exported.paths if p.suffix == ".xlsx")
    district = made.parent_code or ""
    with create_workspace(trial.folder / "district", district) as workspace:
        report = returns_ops.import_returns(workspace, [workbook], today=TODAY)
        line = report.lines[0]
        check(line.outcome == "imported", f"the district did not import it: {line.summary}")
        total = ops.query(workspace, compute_return, PERIOD)
    summed = {k: v for k, v in total.figures.items() if not is_board(k[0])}  # its board's own
    check(summed == made.figures, "the district's return does not add up to the locality's")
    for what in ("case_studies", "voice", "partners"):
        check(getattr(total, what) == getattr(made, what), f"the district's return lost {what}")
    return f"{len(total.figures)} figures into {district}, fingerprint {made.fingerprint[:12]}"


EXPORT_RETURN = Step(f"return for {PERIOD.code} computed and exported", _export_return)
READ_RETURN = Step("return imported and consolidated by its district", _read_return)
