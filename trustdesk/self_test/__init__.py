"""``trustdesk --self-test``: prove that this installation of TrustDesk works.

An admin runs it on a laptop after installing (and the installer builds run it on each
platform) to find out in a few seconds what a packaged build can get wrong: a resource,
a migration, a library or a Qt plug-in left out of the bundle. It makes a workspace in a
temporary folder, writes and reads back every kind of record through the services, exports
a quarter's return and reads it back as a district would, writes a subject-access PDF and a
backup, and shows every page of the main window. Each step prints one line; the first that
fails stops the test and says why in plain words.

Nothing is written outside the temporary folder, which is always removed: the window's
remembered settings go there too. It never needs the network.

This package holds the steps that need no display, grouped by what they check
(``installation``, ``records``, ``returns``, ``safekeeping``), and the runner. The window's
steps are in ``trustdesk/ui/self_test_window.py``, which builds on this package; the command
(``trustdesk/cli/self_test.py``) puts the two together in the order they run.
"""

from trustdesk.self_test.runner import plain_reason, run_self_test
from trustdesk.self_test.trial import PERIOD, TODAY, SelfTestFailed, Step, Trial, check

__all__ = [
    "PERIOD",
    "TODAY",
    "SelfTestFailed",
    "Step",
    "Trial",
    "check",
    "plain_reason",
    "run_self_test",
]
