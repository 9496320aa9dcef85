"""``python -m trustdesk``: the same as the ``trustdesk`` command."""

import sys

from trustdesk.cli import main

sys.exit(main())
