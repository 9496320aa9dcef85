"""The trust's configuration (hierarchy and lists) and its reporting periods."""

from trustdesk.config.periods import Period
from trustdesk.config.trust import LEVELS, TrustConfig, Unit, load_trust_config

__all__ = ["LEVELS", "Period", "TrustConfig", "Unit", "load_trust_config", "example_trust_path"]


def example_trust_path():
    """The example trust shipped with TrustDesk (Staffordshire)."""
    from trustdesk.resources import resource_path

    return resource_path("example-trust.toml")
