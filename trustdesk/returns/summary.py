"""The tables of a workbook's Summary sheet, in the order a reader meets them."""

from __future__ import annotations

from trustdesk.config.trust import TrustConfig
from trustdesk.returns.board_tables import board_tables
from trustdesk.returns.model import Return
from trustdesk.returns.tables import Table, breakdown_tables, headline_table, reach_table
from trustdesk.returns.target_tables import targets_table


def summary_tables(ret: Return, config: TrustConfig) -> list[Table]:
    """The tables of the workbook's Summary sheet, in order (and the ones the importer holds
    to the Data sheet, :mod:`trustdesk.returns.summary_check`: the targets' columns are the
    configuration's and the year to date's, so it passes over them)."""
    targets = targets_table(ret, config)
    return [  # the targets first, as on the PDF's first page
        *([targets] if targets else []),
        headline_table(ret),
        reach_table(ret, config),
        *breakdown_tables(ret, config),
        *board_tables(ret, config),
    ]
