"""Services validate and flush but never commit: a user action commits once, through an
operation (trustdesk/ops). A test that calls services directly, each as a user action of its
own (one transaction each, as the audit trail and other sessions see them), wraps them here."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

Service = TypeVar("Service", bound=Callable[..., Any])


def committed(service: Service) -> Service:
    """``service(session, ...)``, then ``session.commit()``: what an operation does."""

    @functools.wraps(service)
    def action(session: Any, *args: Any, **kwargs: Any) -> Any:
        result = service(session, *args, **kwargs)
        session.commit()
        return result

    return action  # type: ignore[return-value]
