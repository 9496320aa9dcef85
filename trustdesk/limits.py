"""Limits that more than one part of TrustDesk must agree on, kept in one place.

The texts a return carries are held to the limits the coordinator's forms (their services)
keep to, here, so that the importer refuses what the forms never let through, and a text it
takes in can always be added up into a district's return and laid out in its PDF.

A case study's narrative travels in a return as one spreadsheet cell, and Excel (like
LibreOffice) holds at most 32,767 characters in a cell: the case-study form and the service
that saves it refuse a longer narrative, and the workbook writer refuses any longer text, by
the same number.
"""

SPREADSHEET_CELL_MAX = 32767  # characters in one spreadsheet cell (Excel's limit)

# Characters in a text, as the services allow them (``validation.text``'s default is 200).
SHORT_TEXT_MAX = 200  # a case study's title, who spoke (voice), a partner's name
VOICE_TEXT_MAX = 10_000  # what young people said, and what changed because of it
NARRATIVE_MAX = SPREADSHEET_CELL_MAX  # a case study's narrative
