"""The returns pages: the quarterly return of the workspace's own unit (``page``: its
figures, checks and export) and, in a district or county workspace, the returns received
from the units below (``received_page``: the grid, the review, the reminders, the import).
Both talk to the workspace only through :mod:`trustdesk.ops.returns`."""
