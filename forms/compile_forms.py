"""Compile every Designer form into trustdesk/ui/forms/ui_<name>.py with pyside6-uic.

    python forms/compile_forms.py            # all forms
    python forms/compile_forms.py spend_form # one

tests/ui/test_forms_generated.py checks the committed modules match their forms.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

FORMS = Path(__file__).resolve().parent
GENERATED = FORMS.parent / "trustdesk" / "ui" / "forms"
HEADER = "# generated from forms/{name}.ui by pyside6-uic — do not edit\n"


def compile_form(form: Path) -> Path:
    uic = Path(sys.executable).parent / "pyside6-uic"
    target = GENERATED / f"ui_{form.stem}.py"
    code = subprocess.run(
        [str(uic) if uic.exists() else "pyside6-uic", str(form)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    target.write_text(HEADER.format(name=form.stem) + code, encoding="utf-8")
    return target


if __name__ == "__main__":
    names = sys.argv[1:]
    forms = [FORMS / f"{n}.ui" for n in names] if names else sorted(FORMS.glob("*.ui"))
    for form in forms:
        print(compile_form(form).relative_to(FORMS.parent))
