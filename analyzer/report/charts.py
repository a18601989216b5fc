"""Charts for the report.

Two kinds, chosen by measurement (see benchmarks/report_bench.py):

* the batch summary charts (claims by kind and verdict, claims over time) are drawn once per
  report with matplotlib and inlined as SVG;
* the per-claim price charts are drawn in the browser, from price windows embedded once per
  instrument, when a claim is selected. A matplotlib SVG per claim measured ~24 ms and ~9.6 kB
  each here, i.e. over a minute and ~30 MB for the few thousand distinct instrument/session
  windows of a 1,000-article batch; a window of closes costs a few hundred bytes and no time.
"""

from __future__ import annotations

import io
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import pandas as pd

from analyzer.errors import MarketDataError

# verdict colours, shared with the stylesheet (report.css) and the legend
VERDICT_COLOURS = {
    "supported": "#2e7d32",
    "contradicted": "#c62828",
    "unverifiable": "#757575",
    "pending": "#e69b00",
    "not_checkable": "#5f7d8c",
}
# sessions drawn either side of the claimed session
WINDOW_SESSIONS = 15
PRICE_COLUMNS = ("close", "adj_close")


# ---- summary charts (matplotlib) ---------------------------------------------------------------

def _pyplot():
    import matplotlib

    matplotlib.use("svg", force=False)
    import matplotlib.pyplot as plt

    return plt


def _figure_svg(fig: Any, salt: str) -> str:
    """The figure as an inline ``<svg>`` element: no XML prolog, ids unique within the page."""
    import matplotlib

    buf = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": salt}):
        fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None, "Creator": None})
    _pyplot().close(fig)
    svg = buf.getvalue()
    svg = svg[svg.index("<svg"):]
    # the page sets the size; keep the viewBox so the drawing scales
    return re.sub(r'<svg([^>]*?) width="[^"]*" height="[^"]*"', r'<svg\1', svg, count=1)


def _integer_ticks():
    from matplotlib.ticker import MaxNLocator

    return MaxNLocator(integer=True)


def timeline_bin(first: date, last: date) -> str:
    """Bars per day for spans up to a year, else per week (a bar per day would be a pixel wide)."""
    return "day" if (last - first).days <= 366 else "week"


def bin_days(per_day: Mapping[date, Counter[str]], unit: str) -> dict[date, Counter[str]]:
    if unit == "day":
        return dict(per_day)
    binned: dict[date, Counter[str]] = {}
    for day, counts in per_day.items():
        monday = day - timedelta(days=day.weekday())
        binned.setdefault(monday, Counter()).update(counts)
    return dict(sorted(binned.items()))


def timeline_svg(per_day: Mapping[date, Counter[str]], verdicts: Iterable[str]) -> tuple[str, str]:
    """Stacked bars of claims per day (or week) by verdict; returns (svg, unit)."""
    if not per_day:
        return "", "day"
    days = sorted(per_day)
    unit = timeline_bin(days[0], days[-1])
    binned = bin_days(per_day, unit)
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(9, 2.6))
    xs = list(binned)
    bottom = [0] * len(xs)
    width = 0.8 if unit == "day" else 5.6
    for verdict in verdicts:
        heights = [binned[x].get(verdict, 0) for x in xs]
        if not any(heights):
            continue
        ax.bar(xs, heights, width=width, bottom=bottom, color=VERDICT_COLOURS.get(verdict, "#999"),
               label=verdict.replace("_", " "), linewidth=0)
        bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    ax.set_ylabel(f"claims per {unit}")
    ax.yaxis.set_major_locator(_integer_ticks())
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(frameon=False, fontsize=8, ncols=5, loc="upper left", bbox_to_anchor=(0, 1.18))
    if len(xs) == 1:
        ax.set_xlim(xs[0] - timedelta(days=3), xs[0] + timedelta(days=3))
    fig.autofmt_xdate()
    return _figure_svg(fig, "timeline"), unit


def kind_verdict_svg(by_kind: Mapping[str, Mapping[str, int]], verdicts: Iterable[str]) -> str:
    """Horizontal stacked bars: claims of each kind, split by verdict."""
    if not by_kind:
        return ""
    plt = _pyplot()
    kinds = list(by_kind)[::-1]
    fig, ax = plt.subplots(figsize=(6, 0.45 * len(kinds) + 0.8))
    left = [0] * len(kinds)
    for verdict in verdicts:
        widths = [by_kind[k].get(verdict, 0) for k in kinds]
        if not any(widths):
            continue
        ax.barh([k.replace("_", " ") for k in kinds], widths, left=left,
                color=VERDICT_COLOURS.get(verdict, "#999"), label=verdict.replace("_", " "))
        left = [a + b for a, b in zip(left, widths, strict=True)]
    ax.set_xlabel("claims")
    ax.xaxis.set_major_locator(_integer_ticks())
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(frameon=False, fontsize=8, ncols=3, loc="lower right", bbox_to_anchor=(1, 1))
    return _figure_svg(fig, "kinds")


# ---- price windows for the claim charts --------------------------------------------------------

@dataclass
class PriceWindows:
    """Closes around the sessions the claims need, one entry per instrument and price column.

    ``series[key] = {"symbol", "column", "d": [ISO dates], "v": [values or None]}``: the union of
    the windows of all its claims, so the browser slices one window around any of them.
    ``keys[claim_id]`` is the series a claim is drawn from; ``missing[symbol]`` says why an
    instrument has no prices.
    """

    series: dict[str, dict[str, Any]] = field(default_factory=dict)
    keys: dict[str, str] = field(default_factory=dict)
    missing: dict[str, str] = field(default_factory=dict)


def series_key(symbol: str, column: str) -> str:
    return f"{symbol}|{column}"


def price_windows(targets: Mapping[str, tuple[str, str, str]], market: Any) -> PriceWindows:
    """Read each instrument once and keep the sessions around those its claims are about.

    ``targets[claim_id] = (symbol, column, session)``. A claim asking for a column that is empty
    on its session (early stock history has adjusted closes only) is drawn from the other price
    column, and the chart says which one it shows.
    """
    out = PriceWindows()
    by_symbol: dict[str, list[tuple[str, str, str]]] = {}
    for claim_id, (symbol, column, session) in targets.items():
        by_symbol.setdefault(symbol, []).append((claim_id, column, session))
    for symbol, wanted in by_symbol.items():
        try:
            bars = market.bars(symbol)
        except MarketDataError as exc:
            out.missing[symbol] = str(exc)
            continue
        columns = [c for c in PRICE_COLUMNS if c in bars.columns and bars[c].notna().any()]
        if not columns:
            out.missing[symbol] = f"no close prices for {symbol} in the market data"
            continue
        dates = pd.DatetimeIndex(pd.to_datetime(bars.index)).strftime("%Y-%m-%d")
        sessions_by_column: dict[str, set[str]] = {}
        for claim_id, column, session in wanted:
            pos = _session_position(dates, session)
            if pos is None:
                continue  # the session lies outside the data: nothing to draw
            preferred = [column] if column in columns else []
            use = next((c for c in preferred + columns if pd.notna(bars[c].iat[pos])), None)
            if use is None:
                continue
            sessions_by_column.setdefault(use, set()).add(dates[pos])
            out.keys[claim_id] = series_key(symbol, use)
        for column, sessions in sessions_by_column.items():
            keep = _window_positions(dates, sessions)
            values = bars[column].to_numpy()
            out.series[series_key(symbol, column)] = {
                "symbol": symbol, "column": column,
                "d": [dates[i] for i in keep], "v": [_number(values[i]) for i in keep]}
    return out


def _session_position(dates: pd.Index, session: str) -> int | None:
    """Position of the session, or of the last session before it (a holiday); None outside the data."""
    pos = int(dates.searchsorted(session, side="right")) - 1
    if pos < 0 or (pos == len(dates) - 1 and dates[pos] < session and _days_between(dates[pos], session) > 7):
        return None
    return pos


def _window_positions(dates: pd.Index, sessions: Iterable[str]) -> list[int]:
    positions: set[int] = set()
    last = len(dates) - 1
    for session in sessions:
        pos = int(dates.searchsorted(session, side="right")) - 1
        positions.update(range(max(0, pos - WINDOW_SESSIONS), min(last, pos + WINDOW_SESSIONS) + 1))
    return sorted(positions)


def _days_between(a: str, b: str) -> int:
    return abs((date.fromisoformat(b[:10]) - date.fromisoformat(a[:10])).days)


def _number(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) or math.isinf(number) else round(number, 4)
