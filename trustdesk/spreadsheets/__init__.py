"""Bringing in the spreadsheets a group already keeps: young people, partners with their
contact people, activities with their sessions, and past registers.

A file is read into a :class:`~trustdesk.spreadsheets.table.Table` (through the same checks
as a return from outside, for a workbook), its columns are matched to what TrustDesk keeps
(:mod:`~trustdesk.spreadsheets.columns`), and each row becomes an addition, a match with a
record already there, or a refusal with its reason (:mod:`~trustdesk.spreadsheets.plan`).
The operation (:mod:`trustdesk.ops.spreadsheet_import`) saves all of a file or none of it.
"""
