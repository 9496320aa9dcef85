"""The services: one module per area of the work. Functions take a database session first
and plain values as keywords, validate them, and return records or plain rows.

``Session`` and ``Record`` are re-exported for the desktop's type hints, so that the UI
never imports the database libraries itself (tests/test_shape.py checks)."""

from sqlmodel import Session
from sqlmodel import SQLModel as Record

__all__ = ["Record", "Session"]
