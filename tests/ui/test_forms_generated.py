"""The committed ``trustdesk/ui/forms/ui_*.py`` modules are what ``pyside6-uic`` makes of
``forms/*.ui`` today: nobody edited them by hand, and nobody forgot to regenerate one."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FORMS = sorted((ROOT / "forms").glob("*.ui"))
GENERATED = ROOT / "trustdesk" / "ui" / "forms"
HEADER = "# generated from forms/{name}.ui by pyside6-uic — do not edit"


def find_uic() -> str | None:
    """pyside6-uic from the running environment (a venv's bin/ or Scripts/), else from PATH."""
    folder = Path(sys.executable).parent
    for name in ("pyside6-uic", "pyside6-uic.exe"):
        if (folder / name).is_file():
            return str(folder / name)
    return shutil.which("pyside6-uic")


def body(text: str) -> list[str]:
    """The code without the comment block at the top, where our header and uic's version and
    file-name lines live; line endings normalised (a Windows checkout may use CRLF)."""
    lines = text.replace("\r\n", "\n").split("\n")
    start = 0
    while start < len(lines) and (
        not lines[start].strip() or lines[start].lstrip().startswith("#")
    ):
        start += 1
    return [line.rstrip() for line in lines[start:]]


def test_every_form_has_a_module_and_every_module_a_form():
    assert FORMS, "no forms/*.ui found"
    modules = {path.stem.removeprefix("ui_") for path in GENERATED.glob("ui_*.py")}
    assert modules == {form.stem for form in FORMS}


@pytest.mark.parametrize("form", FORMS, ids=[form.stem for form in FORMS])
def test_generated_module_matches_its_form(form: Path, tmp_path: Path):
    uic = find_uic()
    if uic is None:
        pytest.skip("pyside6-uic was not found next to the Python interpreter or on PATH")
    module = GENERATED / f"ui_{form.stem}.py"
    fresh = tmp_path / module.name
    subprocess.run([uic, str(form), "-o", str(fresh)], check=True, capture_output=True, timeout=60)

    committed = module.read_text(encoding="utf-8")
    assert committed.splitlines()[0] == HEADER.format(name=form.stem)
    assert body(committed) == body(fresh.read_text(encoding="utf-8")), (
        f"{module.relative_to(ROOT)} is out of date; regenerate it with\n"
        f"  pyside6-uic forms/{form.name} -o {module.relative_to(ROOT).as_posix()}\n"
        f"and put back the first line: {HEADER.format(name=form.stem)}"
    )
