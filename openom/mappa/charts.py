"""Server-rendered SVG charts for the annual report: accessible, no script, printable.

Each chart is an image with a title and a text description of every figure, and sits beside
the table that holds the same numbers (WCAG 2.2 1.1.1). Every bar carries its value as text,
so colour is never the only way to tell series apart (1.4.1); series also differ in shade.
"""

from dataclasses import dataclass
from html import escape

from django.utils.safestring import SafeString, mark_safe

# GOV.UK Design System colours with at least 3:1 contrast against white (WCAG 1.4.11).
SERIES_COLOURS = ("#1d70b8", "#003078", "#28a197", "#6f72af", "#d4351c")
WIDTH, HEIGHT = 420, 220
LEFT, BOTTOM, TOP = 8, 44, 24


@dataclass
class Series:
    name: str
    values: list[int]


def bar_chart(*, chart_id: str, title: str, groups: list[str], series: list[Series]) -> SafeString:
    """Grouped bars: one group per label, one bar per series."""
    peak = max([v for s in series for v in s.values] + [1])
    plot_h = HEIGHT - BOTTOM - TOP
    group_w = (WIDTH - LEFT * 2) / max(len(groups), 1)
    bar_w = max(min((group_w - 12) / max(len(series), 1), 48), 4)
    parts = []
    described = []
    for g, group in enumerate(groups):
        x0 = LEFT + g * group_w + (group_w - bar_w * len(series)) / 2
        figures = []
        for s, one in enumerate(series):
            value = one.values[g]
            h = plot_h * value / peak
            x, y = x0 + s * bar_w, TOP + plot_h - h
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w - 2:.1f}" height="{h:.1f}" '
                f'fill="{SERIES_COLOURS[s % len(SERIES_COLOURS)]}"></rect>'
                f'<text x="{x + (bar_w - 2) / 2:.1f}" y="{y - 4:.1f}" text-anchor="middle" '
                f'font-size="11">{value}</text>'
            )
            figures.append(f"{one.name} {value}" if len(series) > 1 else str(value))
        parts.append(
            f'<text x="{LEFT + g * group_w + group_w / 2:.1f}" y="{HEIGHT - BOTTOM + 16}" '
            f'text-anchor="middle" font-size="11">{escape(group)}</text>'
        )
        described.append(f"{group}: {', '.join(figures)}")
    legend = ""
    if len(series) > 1:
        legend = "".join(
            f'<rect x="{LEFT + i * 110}" y="{HEIGHT - 16}" width="10" height="10" '
            f'fill="{SERIES_COLOURS[i % len(SERIES_COLOURS)]}"></rect>'
            f'<text x="{LEFT + i * 110 + 14}" y="{HEIGHT - 7}" font-size="11">'
            f"{escape(one.name)}</text>"
            for i, one in enumerate(series)
        )
    baseline = (
        f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{WIDTH - LEFT}" y2="{TOP + plot_h}" '
        'stroke="#0b0c0c"></line>'
    )
    return mark_safe(
        f'<svg class="app-chart" role="img" aria-labelledby="{chart_id}-title" '
        f'aria-describedby="{chart_id}-desc" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" style="max-width:{WIDTH}px" '
        f'xmlns="http://www.w3.org/2000/svg" font-family="Arial, sans-serif" fill="#0b0c0c">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape("; ".join(described))}</desc>'
        f"{baseline}{''.join(parts)}{legend}</svg>"
    )


def table_chart(table) -> SafeString | None:
    """The chart of a report table: its rows as groups and its columns as series, leaving
    out totals (they are in the table) and cells that are not counts."""
    if not table.chart:
        return None
    rows = [(label, cells) for label, cells in table.rows if not label.startswith("Total")]
    columns = [i for i, c in enumerate(table.columns) if c.lower() != "total"]
    if not rows or not columns:
        return None
    series = [
        Series(
            table.columns[i],
            [cells[i] if isinstance(cells[i], int) else 0 for _, cells in rows],
        )
        for i in columns
    ]
    return bar_chart(
        chart_id=f"chart-{table.key}",
        title=f"Chart: {table.caption}",
        groups=[label.split(":")[0] for label, _ in rows],
        series=series,
    )


TREND_MEASURES = (
    ("eligible", "MAPPA-eligible people at 31 March"),
    ("registered_sexual_offenders", "Registered sexual offenders at 31 March"),
    ("returned_to_custody", "Level 2 and 3 people returned to custody"),
    ("notification_breaches", "Cautioned or convicted for breach of notification"),
)


def trend_charts(trend) -> list[tuple[str, SafeString, list[tuple[str, int]]]]:
    """One small chart per headline measure over the years, with its figures for a table."""
    charts = []
    for attribute, label in TREND_MEASURES:
        years = [f"{t.year_end.year - 1}/{t.year_end:%y}" for t in trend]
        values = [getattr(t, attribute) for t in trend]
        charts.append(
            (
                label,
                bar_chart(
                    chart_id=f"trend-{attribute}",
                    title=f"Trend: {label}, year by year",
                    groups=years,
                    series=[Series(label, values)],
                ),
                list(zip(years, values, strict=True)),
            )
        )
    return charts
