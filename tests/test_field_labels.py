"""Every field a service can refuse a value of has its words in the one table of labels
(trustdesk/field_labels.py), and the message reads them: "First name: is required."."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest

from trustdesk.errors import ValidationError
from trustdesk.field_labels import FIELD_LABELS, label
from trustdesk.services import validation as v

PACKAGE = Path(__file__).resolve().parents[1] / "trustdesk"
SOURCES = sorted(
    path
    for folder in ("services", "ops")
    for path in (PACKAGE / folder).glob("*.py")
    if path.name != "validation.py"  # the checks themselves pass on the field they are given
)
# The checks of trustdesk/services/validation.py, by where their field is among the arguments.
FIELD_ARGUMENTS = {
    "ValidationError": (0,),
    "text": (0,),
    "optional_text": (0,),
    "one_of": (0,),
    "a_date": (0,),
    "required_date": (0,),
    "a_time": (0,),
    "whole_number": (0,),
    "pence": (0,),
    "hours_to_minutes": (0,),
    "email": (0,),
    "phone": (0,),
    "postcode_district": (0,),
    "choice": (1,),  # after the session
    "date_order": (0, 2),
}


def _called(node: ast.Call) -> str:
    function = node.func
    if isinstance(function, ast.Name):
        return function.id
    return function.attr if isinstance(function, ast.Attribute) else ""


def _constants(tree: ast.Module) -> dict[str, object]:
    """The module's own constants (``FIELD = "retention_years"``)."""
    found: dict[str, object] = {}
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
            and isinstance(node.value, ast.Constant)
        ):
            found[node.targets[0].id] = node.value.value
    return found


def fields_named(path: Path) -> list[tuple[int, object, bool]]:
    """(line, field, has its own label) of every check and ValidationError in a module; the
    field is None where it is not written out (a name computed at run time)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    constants = _constants(tree)
    named = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or _called(node) not in FIELD_ARGUMENTS:
            continue
        if _called(node) != "ValidationError" and not (
            isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "v"  # the services' name for trustdesk.services.validation
        ):
            continue
        own_label = any(keyword.arg == "label" for keyword in node.keywords)
        for position in FIELD_ARGUMENTS[_called(node)]:
            if position >= len(node.args):
                continue
            argument = node.args[position]
            field: object = None
            if isinstance(argument, ast.Constant):
                field = argument.value
            elif isinstance(argument, ast.Name):
                field = constants.get(argument.id)
            named.append((node.lineno, field, own_label))
    return named


def test_the_scan_finds_the_services_checks():
    everywhere = [found for path in SOURCES for found in fields_named(path)]
    assert len(everywhere) > 100
    assert any(field == "first_name" for _line, field, _own in everywhere)


def test_every_field_a_service_names_has_a_label():
    missing = [
        f"{path.relative_to(PACKAGE.parent)}:{line}: {field!r}"
        for path in SOURCES
        for line, field, own_label in fields_named(path)
        if field not in FIELD_LABELS and not own_label
    ]
    assert missing == []


def test_fields_are_named_by_attribute_not_in_words():
    """A field is the record's name for it (``partner_type``), never its label."""
    for name in FIELD_LABELS:
        assert name.isidentifier() and name == name.lower(), name


def test_labels_are_distinct():
    """Two fields with one label could not be told apart in a message."""
    assert len(set(FIELD_LABELS.values())) == len(FIELD_LABELS)


def test_the_message_reads_the_label_and_the_field_stays_the_attribute():
    refused = ValidationError("first_name", "is required.")
    assert str(refused) == "First name: is required."
    assert (refused.field, refused.problem, refused.label) == (
        "first_name",
        "is required.",
        "First name",
    )


def test_a_label_of_its_own_for_one_message():
    refused = ValidationError("counts", "must be at least 0.", label="Headcount 13-15/female")
    assert (refused.field, str(refused)) == (
        "counts",
        "Headcount 13-15/female: must be at least 0.",
    )


def test_a_name_not_in_the_table_is_shown_as_it_is():
    assert label("--today") == "--today"
    assert str(ValidationError("--today", "is required.")) == "--today: is required."


@pytest.mark.parametrize(
    ("check", "message"),
    [
        (lambda: v.text("partner_type", " "), "Partner type: is required."),
        (lambda: v.a_date("date_of_birth", "soon"), "Date of birth: 'soon' is not a date"),
        (lambda: v.whole_number("group_size", 0, minimum=1), "Group size: must be at least 1."),
        (lambda: v.pence("in_kind_value", "-1"), "In-kind value: cannot be negative."),
        (lambda: v.email("email", "nobody"), "E-mail: 'nobody' is not an e-mail address."),
        (lambda: v.text("note", "", label="Note"), "Note: is required."),
    ],
)
def test_the_checks_raise_by_field_with_its_words(check, message):
    with pytest.raises(ValidationError) as refused:
        check()
    assert str(refused.value).startswith(message)


def test_dates_out_of_order_name_the_first_in_words():
    with pytest.raises(ValidationError) as refused:
        v.date_order("date", dt.date(2026, 5, 2), "follow_up_date", dt.date(2026, 5, 1))
    assert refused.value.field == "follow_up_date"
    assert str(refused.value) == "Follow-up date: is before the date."
