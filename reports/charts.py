"""Server-rendered SVG charts: no JavaScript, nothing inline for the CSP to block.

Each chart is drawn from a report table, which the page also shows as the text
alternative. Hidden (small) counts get no bar and are labelled "< 5".
"""

from __future__ import annotations

from dataclasses import dataclass

from .queries import Table

BAR_HEIGHT = 22
BAR_GAP = 10
LABEL_WIDTH = 220
BAR_AREA = 360


@dataclass
class Bar:
    label: str
    value_text: str
    y: int
    width: int
    text_y: int
    value_x: int


def bar_chart(table: Table, column: int = 1) -> dict:
    """Horizontal bars of one column of a breakdown table."""
    values = [row[column].number or 0 for row in table.rows]
    top = max(values, default=0) or 1
    bars = []
    for index, row in enumerate(table.rows):
        y = index * (BAR_HEIGHT + BAR_GAP)
        width = round(BAR_AREA * (row[column].number or 0) / top)
        bars.append(
            Bar(
                label=str(row[0])[:34],
                value_text=str(row[column]),
                y=y,
                width=width,
                text_y=y + BAR_HEIGHT - 6,
                value_x=LABEL_WIDTH + width + 6,
            )
        )
    height = max(1, len(bars)) * (BAR_HEIGHT + BAR_GAP)
    return {
        "bars": bars,
        "height": height,
        "width": LABEL_WIDTH + BAR_AREA + 60,
        "label_width": LABEL_WIDTH,
        "label_x": LABEL_WIDTH - 8,
        "bar_height": BAR_HEIGHT,
        "column": table.columns[column],
    }


def line_chart(table: Table, columns=(1, 2), width=640, height=220) -> dict:
    """Lines over months; each series has its own dash pattern and a text legend."""
    left, right, top, bottom = 48, 16, 16, 36
    months = [row[0] for row in table.rows]
    peak = (
        max((row[c].number or 0 for row in table.rows for c in columns), default=0) or 1
    )
    plot_w, plot_h = width - left - right, height - top - bottom
    step = plot_w / max(1, len(months) - 1)
    series = []
    for number, column in enumerate(columns):
        points = []
        for index, row in enumerate(table.rows):
            value = row[column].number
            if value is None:
                continue
            x = left + index * step
            y = top + plot_h - plot_h * value / peak
            points.append(f"{x:.1f},{y:.1f}")
        series.append(
            {
                "name": table.columns[column],
                "points": " ".join(points),
                "css": f"reports-line reports-line--{number}",
            }
        )
    every = max(1, len(months) // 8)
    ticks = [
        {"x": round(left + index * step, 1), "label": month}
        for index, month in enumerate(months)
        if index % every == 0
    ]
    return {
        "width": width,
        "height": height,
        "series": series,
        "ticks": ticks,
        "axis_y": top + plot_h,
        "left": left,
        "right": width - right,
        "top": top,
        "peak": peak,
        "tick_y": height - 12,
    }
