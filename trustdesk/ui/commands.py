"""The window's commands that need the database libraries, loaded by name the first time
one is used, as :mod:`trustdesk.ui.navigation` loads the pages: the window is drawn (and the
welcome page answers) before SQLAlchemy and pydantic are imported, and no module of the
window imports the commands, which import the window's pieces in turn.

    commands.run("back_up_to", window)
"""

from __future__ import annotations

import importlib
from typing import Any

# command -> (module, function)
COMMANDS: dict[str, tuple[str, str]] = {
    "back_up_to": ("trustdesk.ui.backup_commands", "back_up_to"),
    "restore_from": ("trustdesk.ui.backup_commands", "restore_from"),
    "open_audit_trail": ("trustdesk.ui.audit_dialog", "open_audit_trail"),
    "open_retention_review": ("trustdesk.ui.privacy_dialog", "open_retention_review"),
    "undo_delete": ("trustdesk.ops.records", "undo_delete"),
    "new_workspace": ("trustdesk.ui.workspace_commands", "new_workspace"),
    "save_lists": ("trustdesk.ui.workspace_commands", "save_lists"),
    "import_spreadsheet": ("trustdesk.ui.spreadsheet_import_dialog", "import_spreadsheet"),
    "open_workspace_from": ("trustdesk.ui.workspace_commands", "open_workspace_from"),
    "open_recent": ("trustdesk.ui.workspace_commands", "open_recent"),
    "try_example": ("trustdesk.ui.workspace_commands", "try_example"),
    "open_workspace": ("trustdesk.store.migrate", "open_workspace"),  # upgrading an older one
}


def run(name: str, *args: Any, **kwargs: Any) -> Any:
    """Run the command ``name`` with the arguments given; what it returns."""
    module, function = COMMANDS[name]
    return getattr(importlib.import_module(module), function)(*args, **kwargs)
