"""Checks shared by every service: each turns a plain value into what is stored, or raises
a ValidationError naming the field and what is wrong with it, in words a coordinator uses.

``field`` is the field's name in the record (``"first_name"``); the message reads its label
from the one table, :data:`trustdesk.field_labels.FIELD_LABELS` ("First name: is
required."). ``label``, where a check takes one, gives other words for one message."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

from sqlmodel import Session, SQLModel

from trustdesk import field_labels
from trustdesk.errors import RecordNotFound, ValidationError
from trustdesk.store.context import trust as trust  # re-exported: services call v.trust

Model = TypeVar("Model", bound=SQLModel)

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^[0-9 +()\-]{6,20}$")
_POSTCODE_DISTRICT = re.compile(r"^[A-Z]{1,2}[0-9][0-9A-Z]?$")


def text(
    field: str,
    value: Any,
    *,
    required: bool = True,
    max_length: int = 200,
    label: str | None = None,
) -> str:
    cleaned = "" if value is None else str(value).strip()
    if required and not cleaned:
        raise ValidationError(field, "is required.", label=label)
    if len(cleaned) > max_length:
        raise ValidationError(
            field, f"is too long ({len(cleaned)} characters; at most {max_length}).", label=label
        )
    return cleaned


def optional_text(field: str, value: Any, *, max_length: int = 200) -> str | None:
    return text(field, value, required=False, max_length=max_length) or None


def choice(session: Session, field: str, value: Any, list_name: str) -> str:
    """A code from one of the trust's lists; the message lists what is allowed."""
    code = text(field, value, max_length=40)
    allowed = trust(session).codes(list_name)
    if code not in allowed:
        names = ", ".join(f"{c} ({trust(session).name_of(list_name, c)})" for c in allowed)
        raise ValidationError(field, f"{code!r} is not one of the choices: {names}.")
    return code


def one_of(field: str, value: Any, allowed: tuple[str, ...]) -> str:
    cleaned = text(field, value, max_length=40).lower()
    if cleaned not in allowed:
        raise ValidationError(field, f"{value!r} is not one of: {', '.join(allowed)}.")
    return cleaned


def a_date(field: str, value: Any, *, required: bool = True) -> dt.date | None:
    if value is None or value == "":
        if required:
            raise ValidationError(field, "is required.")
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValidationError(field, f"{value!r} is not a date; write it as YYYY-MM-DD.") from None


def required_date(field: str, value: Any) -> dt.date:
    day = a_date(field, value)
    assert day is not None
    return day


def a_time(field: str, value: Any) -> dt.time:
    """A time of day to the minute: sessions are planned in minutes, and contact hours add
    up whole minutes, so seconds are dropped."""
    if not isinstance(value, dt.time):
        try:
            value = dt.time.fromisoformat(text(field, value, max_length=8))
        except ValueError:
            raise ValidationError(field, f"{value!r} is not a time; write it as HH:MM.") from None
    day_time: dt.time = value.replace(second=0, microsecond=0, tzinfo=None)
    return day_time


def whole_number(
    field: str,
    value: Any,
    *,
    minimum: int = 0,
    maximum: int | None = None,
    required: bool = True,
    label: str | None = None,
) -> int | None:
    if value is None or value == "":
        if required:
            raise ValidationError(field, "is required.", label=label)
        return None
    if isinstance(value, bool):
        raise ValidationError(field, "must be a whole number.", label=label)
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        raise ValidationError(field, f"{value!r} is not a number.", label=label) from None
    if number != number.to_integral_value():
        raise ValidationError(field, f"{value!r} must be a whole number.", label=label)
    if number < minimum:
        raise ValidationError(field, f"must be at least {minimum}.", label=label)
    if maximum is not None and number > maximum:
        raise ValidationError(field, f"must be at most {maximum}.", label=label)
    return int(number)


def pence(field: str, value: Any) -> int:
    """Money: an int is pence; a Decimal or text (``"12.50"``, ``"£12.50"``) is pounds."""
    if isinstance(value, bool) or value is None or value == "":
        raise ValidationError(field, "is required (an amount in pounds, such as 12.50).")
    if isinstance(value, int):
        amount = value
    else:
        if isinstance(value, float):
            raise ValidationError(field, "give money as text or Decimal pounds, never a float.")
        cleaned = str(value).strip().replace("£", "").replace(",", "")
        try:
            pounds = Decimal(cleaned)
        except InvalidOperation:
            raise ValidationError(
                field, f"{value!r} is not an amount of money (e.g. 12.50)."
            ) from None
        if pounds != pounds.quantize(Decimal("0.01")):
            raise ValidationError(field, f"{value!r} has more than two decimal places.")
        amount = int(pounds * 100)
    if amount < 0:
        raise ValidationError(field, "cannot be negative.")
    return amount


def hours_to_minutes(field: str, value: Any) -> int:
    """Staff time given in hours (``"2.5"``) is stored as whole minutes."""
    if value is None or value == "":
        return 0
    try:
        hours = Decimal(str(value).strip())
    except InvalidOperation:
        raise ValidationError(field, f"{value!r} is not a number of hours.") from None
    if hours < 0:
        raise ValidationError(field, "cannot be negative.")
    return int((hours * 60).to_integral_value())


def email(field: str, value: Any) -> str:
    cleaned = text(field, value, required=False, max_length=254)
    if cleaned and not _EMAIL.match(cleaned):
        raise ValidationError(field, f"{cleaned!r} is not an e-mail address.")
    return cleaned


def phone(field: str, value: Any) -> str:
    cleaned = text(field, value, required=False, max_length=40)
    if cleaned and not _PHONE.match(cleaned):
        raise ValidationError(
            field, f"{cleaned!r} is not a telephone number (digits, spaces, + and brackets)."
        )
    return cleaned


def postcode_district(field: str, value: Any) -> str | None:
    """Only the outward part of a postcode (``ST13``) is kept; a full postcode is refused."""
    cleaned = text(field, value, required=False, max_length=10).upper().replace(" ", "")
    if not cleaned:
        return None
    if not _POSTCODE_DISTRICT.match(cleaned):
        raise ValidationError(
            field,
            f"{value!r} is not a postcode district. Give only the first part (e.g. ST13), "
            "never the full postcode.",
        )
    return cleaned


def date_order(
    first_field: str, first: dt.date | None, second_field: str, second: dt.date | None
) -> None:
    if first and second and second < first:
        raise ValidationError(
            second_field, f"is before the {field_labels.label(first_field).lower()}."
        )


def known_fields(fields: Mapping[str, Any], allowed: type) -> None:
    """Keyword arguments typed with ``Unpack[SomeFields]`` are not checked by Python itself:
    a misspelt field is a programming error and must not be silently ignored."""
    unknown = sorted(set(fields) - set(allowed.__annotations__))
    if unknown:
        raise TypeError(f"unknown field(s) for {allowed.__name__}: {', '.join(unknown)}")


def get(session: Session, model: type[Model], record_id: int, what: str) -> Model:
    record = session.get(model, record_id)
    if record is None:
        raise RecordNotFound(f"The {what} you asked for (number {record_id}) no longer exists.")
    return record


def save(session: Session, record: Model) -> Model:
    """Add the record and flush, so that it has its id; the operation that called the
    service commits (trustdesk/ops), once for the whole user action."""
    session.add(record)
    session.flush()
    session.refresh(record)
    return record


def apply(record: Model, fields: dict[str, Any]) -> Model:
    for name, value in fields.items():
        setattr(record, name, value)
    return record
