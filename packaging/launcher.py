"""The frozen program's entry point: the same as the ``trustdesk`` command.

A launcher outside the package, so that PyInstaller analyses ``trustdesk`` as the installed
package it is (``trustdesk/__main__.py`` as the script would put ``trustdesk/`` itself on the
analysis path and let its modules be found as top-level ones).
"""

import sys

from trustdesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
