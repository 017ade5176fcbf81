"""CSV and XLSX writers: the filters go on top, then the table's header and rows."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from .queries import Cell

PROGRESS_EVERY = 1000


@dataclass
class ExportSpec:
    """Everything a file states: title, filters, columns and rows."""

    title: str
    filters: list[tuple[str, str]]
    columns: list[str]
    rows: Iterable[list]


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
SHEET_TITLE_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def export_value(value):
    """A cell as written: hidden counts as "< 5", text never read as a formula."""
    if isinstance(value, Cell):
        if value.suppressed:
            return str(value)
        return "" if value.value is None else value.value
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        # A name like "=HYPERLINK(...)" must stay text in spreadsheet programs.
        return "'" + value
    return value


def sheet_title(title: str) -> str:
    """Excel allows 31 characters and none of []:*?/\\ in a sheet name."""
    return SHEET_TITLE_FORBIDDEN.sub(" ", title).strip()[:31] or "Report"


def preamble(spec: ExportSpec) -> list[list[str]]:
    lines = [
        [export_value(spec.title)],
        [_("Created"), timezone.localtime().isoformat(timespec="seconds")],
    ]
    lines.append([_("Filters")])
    lines += [[label, export_value(value)] for label, value in spec.filters]
    lines.append([])
    return lines


def write_csv(
    spec: ExportSpec, stream, progress: Callable[[int], None] | None = None
) -> int:
    """Write to a text stream; returns the number of data rows."""
    writer = csv.writer(stream)
    writer.writerows(preamble(spec))
    writer.writerow([str(c) for c in spec.columns])
    count = 0
    for row in spec.rows:
        writer.writerow([export_value(v) for v in row])
        count += 1
        if progress and count % PROGRESS_EVERY == 0:
            progress(count)
    if progress:
        progress(count)
    return count


def write_xlsx(
    spec: ExportSpec, target, progress: Callable[[int], None] | None = None
) -> int:
    """Write a one-sheet workbook (write-only mode, so memory stays flat)."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=sheet_title(spec.title))
    for line in preamble(spec):
        sheet.append(line)
    sheet.append([str(c) for c in spec.columns])
    count = 0
    for row in spec.rows:
        sheet.append([export_value(v) for v in row])
        count += 1
        if progress and count % PROGRESS_EVERY == 0:
            progress(count)
    workbook.save(target)
    if progress:
        progress(count)
    return count


def render(spec: ExportSpec, export_format: str) -> bytes:
    if export_format == "csv":
        buffer = io.StringIO()
        write_csv(spec, buffer)
        # A BOM lets spreadsheet programs detect UTF-8 (umlauts).
        return ("\ufeff" + buffer.getvalue()).encode("utf-8")
    buffer = io.BytesIO()
    write_xlsx(spec, buffer)
    return buffer.getvalue()


CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
