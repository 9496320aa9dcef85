"""Limits that more than one part of TrustDesk must agree on, kept in one place.

A case study's narrative travels in a return as one spreadsheet cell, and Excel (like
LibreOffice) holds at most 32,767 characters in a cell: the case-study form and the service
that saves it refuse a longer narrative, and the workbook writer refuses any longer text, by
the same number.
"""

SPREADSHEET_CELL_MAX = 32767  # characters in one spreadsheet cell (Excel's limit)
