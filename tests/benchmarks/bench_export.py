"""Benchmark: compute and export one quarter of the ``large`` demo workspace, next to the floor
of the libraries underneath, measured in the same run.

    python tests/benchmarks/bench_export.py [--repeat 5] [--workspace DIR]

Not a test (pytest does not collect ``bench_*.py``) and never fails on a slow machine: it
prints times, the ratios to the floors, and peak memory. Floors:

- workbook: openpyxl in write-only mode writing exactly the cells of TrustDesk's workbook
  (every sheet, every value, no styles), the least any xlsx writer on openpyxl can do;
- PDF: reportlab building the same tables as plain ``Table`` flowables with no styling.
"""

from __future__ import annotations

import io
import resource
import sys
import time
from collections.abc import Callable

import openpyxl
from large_demo import arguments, large_workspace
from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate, Table

from trustdesk.config import Period
from trustdesk.returns.compute import compute_return
from trustdesk.returns.pdf import write_pdf
from trustdesk.returns.tables import breakdown_tables, headline_table, reach_table
from trustdesk.returns.workbook import write_workbook
from trustdesk.store.workspace import open_workspace

PERIOD = Period.parse("2025-26Q3")


def best_of(repeat: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def cells_of(workbook_bytes: bytes) -> list[tuple[str, list[list[object]]]]:
    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes))
    return [(s.title, [list(r) for r in s.iter_rows(values_only=True)]) for s in book.worksheets]


def openpyxl_floor(sheets: list[tuple[str, list[list[object]]]]) -> None:
    book = openpyxl.Workbook(write_only=True)
    for title, rows in sheets:
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(io.BytesIO())


def reportlab_floor(tables: list[list[list[str]]]) -> None:
    doc = SimpleDocTemplate(io.BytesIO(), pagesize=A4)
    doc.build([Table(rows) for rows in tables])


def main() -> int:
    args = arguments(__doc__.splitlines()[0])
    folder = large_workspace(args.workspace)

    with open_workspace(folder) as workspace, workspace.session() as session:
        config = workspace.config
        ret = compute_return(session, PERIOD)  # warm the statement cache once
        compute = best_of(args.repeat, lambda: compute_return(session, PERIOD))

    def workbook() -> bytes:
        buffer = io.BytesIO()
        write_workbook(ret, config, buffer)
        return buffer.getvalue()

    def pdf() -> None:
        write_pdf(ret, config, io.BytesIO())

    sheets = cells_of(workbook())
    cell_count = sum(len(row) for _, rows in sheets for row in rows)
    text_tables = [
        [[t.label_heading, *(c.heading for c in t.columns)]]
        + [[r.label, *(str(v) for v in r.values)] for r in t.rows]
        for t in [headline_table(ret), reach_table(ret, config), *breakdown_tables(ret, config)]
    ]

    xlsx = best_of(args.repeat, workbook)
    xlsx_floor = best_of(args.repeat, lambda: openpyxl_floor(sheets))
    pdf_time = best_of(args.repeat, pdf)
    pdf_floor = best_of(args.repeat, lambda: reportlab_floor(text_tables))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    rows = [
        ("compute the quarter (SQL)", compute, None),
        (f"write the workbook ({cell_count:,} cells)", xlsx, xlsx_floor),
        ("write the PDF", pdf_time, pdf_floor),
        ("compute + workbook", compute + xlsx, xlsx_floor),
        ("compute + workbook + PDF", compute + xlsx + pdf_time, xlsx_floor + pdf_floor),
    ]
    print(f"Return export, {PERIOD.label}, large demo workspace (best of {args.repeat})")
    print(f"{'step':<34} {'TrustDesk':>10} {'floor':>10} {'ratio':>7}")
    for label, seconds, floor in rows:
        floor_text = f"{floor * 1000:8.1f}ms" if floor else f"{'':>10}"
        ratio = f"{seconds / floor:6.2f}x" if floor else ""
        print(f"{label:<34} {seconds * 1000:8.1f}ms {floor_text} {ratio:>7}")
    print(f"peak resident memory: {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
