"""The federal funds target as a history of decisions, to check and resolve rate-policy claims.

Sources in a market directory:

* ``fomc/fomc_decisions.csv``: one row per change of the target since 1990 (announcement and effective
  dates, the new target, the change in basis points), derived from FRED's DFEDTAR (a point target until
  2008-12-15) and DFEDTARU (a range since 2008-12-16; lower bound = upper - 0.25);
* ``series/DFEDTAR.csv``, ``series/DFEDTARU.csv``: the target day by day (``target_on``);
* ``series/DFF.csv``: the effective rate, which shows whether the history is still complete after the
  target series end (see ``data_end``);
* ``fomc/*`` meeting calendars: the scheduled decision dates, needed to say the Fed *held* at a meeting
  and to turn "at its September meeting" or "later this year" into dates.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from analyzer.errors import MarketDataError
from analyzer.market.data import read_series_csv

DECISIONS_FILE = "fomc/fomc_decisions.csv"
RANGE_START = date(2008, 12, 16)  # the first day of a target range instead of a point target
RANGE_WIDTH = 0.25
# how far the effective rate may sit outside the target before we stop trusting inferred history:
# DFF lay inside the range on 3599 of 3604 days 2016-2025, and never more than a few bp outside
_DFF_TOLERANCE = 0.10


@dataclass(frozen=True)
class FedDecision:
    announced: date
    effective: date
    target_low: float
    target_high: float
    change_bp: int  # change of the upper bound (of the point target before 2008-12-16)
    basis: str  # how the announcement date was found: meeting | effective_date
    source: str  # DFEDTAR | DFEDTARU | DFF-inferred ...

    @property
    def action(self) -> str:
        return "cut" if self.change_bp < 0 else "hike" if self.change_bp > 0 else "hold"

    def describe(self) -> str:
        """E.g. "cut 25 bp to 4.00-4.25% on 2025-09-17"."""
        target = (f"{self.target_low:.2f}-{self.target_high:.2f}%" if self.target_low != self.target_high
                  else f"{self.target_high:.2f}%")
        return f"{self.action} {abs(self.change_bp)} bp to {target} on {self.announced.isoformat()}"


class PolicyHistory:
    def __init__(self, decisions: list[FedDecision], target: pd.DataFrame, meetings: list[date],
                 data_end: date, meetings_end: date | None, directory: Path | None = None) -> None:
        self._decisions = sorted(decisions, key=lambda d: (d.announced, d.effective))
        self._target = target  # index date; columns low, high
        self._meetings = sorted(set(meetings))
        self.data_end = data_end
        self.meetings_end = meetings_end  # last scheduled meeting the calendars know
        self.directory = directory

    @classmethod
    def load(cls, market_dir: Path) -> PolicyHistory:
        market_dir = Path(market_dir)
        decisions = _read_decisions(market_dir / DECISIONS_FILE)
        target = _read_target(market_dir / "series")
        meetings = _read_meetings(market_dir / "fomc")
        data_end = _complete_until(target, decisions, market_dir / "series" / "DFF.csv")
        return cls(decisions, target, meetings, data_end, max(meetings) if meetings else None, market_dir)

    def decisions(self) -> list[FedDecision]:
        return list(self._decisions)

    @property
    def data_start(self) -> date | None:
        """The day of the first decision the history keeps: before it, its silence says nothing."""
        return self._decisions[0].announced if self._decisions else None

    def decisions_between(self, start: date, end: date) -> list[FedDecision]:
        """Changes announced from ``start`` to ``end`` (both included)."""
        return [d for d in self._decisions if start <= d.announced <= end]

    def decision_near(self, day: date, days: int = 3) -> FedDecision | None:
        """The change announced (or taking effect) closest to ``day``, within +-``days``."""
        window = [d for d in self._decisions
                  if abs((d.announced - day).days) <= days or abs((d.effective - day).days) <= days]
        if not window:
            return None
        return min(window, key=lambda d: (min(abs((d.announced - day).days), abs((d.effective - day).days)),
                                          d.announced))

    def meetings_between(self, start: date, end: date) -> list[date]:
        """Scheduled FOMC decision dates from ``start`` to ``end`` (both included)."""
        return [m for m in self._meetings if start <= m <= end]

    def target_on(self, day: date) -> tuple[float, float]:
        """The target (low, high) in force on ``day``; a point target has low == high."""
        if day > self.data_end:
            raise MarketDataError("the federal funds target is known only until "
                                  f"{self.data_end.isoformat()}; {day.isoformat()} is later")
        # decisions after the target series end (inferred from DFF) override the series
        later = [d for d in self._decisions if d.effective <= day and
                 (self._target.empty or d.effective > self._target.index[-1].date())]
        if later:
            return later[-1].target_low, later[-1].target_high
        if self._target.empty:
            raise MarketDataError("no federal funds target series (series/DFEDTAR.csv, DFEDTARU.csv)")
        pos = self._target.index.searchsorted(pd.Timestamp(day), side="right") - 1
        if pos < 0:
            first = self._target.index[0].date().isoformat()
            raise MarketDataError(f"the federal funds target series starts {first}; "
                                  f"{day.isoformat()} is earlier")
        row = self._target.iloc[pos]
        return float(row["low"]), float(row["high"])


def _read_decisions(path: Path) -> list[FedDecision]:
    if not path.is_file():
        return []
    out: list[FedDecision] = []
    with path.open(newline="", encoding="utf-8") as fh:
        for line, row in enumerate(csv.DictReader(fh), start=2):
            try:
                out.append(FedDecision(
                    announced=date.fromisoformat(row["announcement_date"]),
                    effective=date.fromisoformat(row["effective_date"]),
                    target_low=float(row["target_low"]), target_high=float(row["target_high"]),
                    change_bp=int(round(float(row["change_bp"]))),
                    basis=row.get("announcement_basis") or "", source=row.get("source") or ""))
            except (KeyError, ValueError) as exc:
                raise MarketDataError(f"{path} line {line}: unreadable decision row ({exc})") from exc
    return out


def _read_target(series_dir: Path) -> pd.DataFrame:
    frames = []
    point = series_dir / "DFEDTAR.csv"
    if point.is_file():
        s = read_series_csv(point)
        frames.append(pd.DataFrame({"low": s, "high": s}))
    upper = series_dir / "DFEDTARU.csv"
    if upper.is_file():
        s = read_series_csv(upper)
        lower_file = series_dir / "DFEDTARL.csv"
        low = read_series_csv(lower_file).reindex(s.index) if lower_file.is_file() else s - RANGE_WIDTH
        frames.append(pd.DataFrame({"low": low.fillna(s - RANGE_WIDTH), "high": s}))
    if not frames:
        return pd.DataFrame(columns=["low", "high"], index=pd.DatetimeIndex([], name="date"))
    target = pd.concat(frames)
    return target[~target.index.duplicated(keep="last")].sort_index()


def _read_meetings(fomc_dir: Path) -> list[date]:
    """Scheduled decision dates from the three calendars (conference calls are not meetings)."""
    meetings: set[date] = set()
    tollan = fomc_dir / "FOMCdates_1936_2021_Tollan.csv"
    if tollan.is_file():
        for line in tollan.read_text(encoding="utf-8").split():
            try:
                meetings.add(date.fromisoformat(line.strip()))
            except ValueError:
                continue  # a header line
    recent = fomc_dir / "fomc_dates_2021_2025.csv"
    if recent.is_file():
        with recent.open(newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                if row.get("decision_date"):
                    meetings.add(date.fromisoformat(row["decision_date"]))
    if not meetings:
        dennis = fomc_dir / "fomc_meetings_1982_2022_dennis0914.json"
        if dennis.is_file():  # meetings and calls mixed: only a fallback
            meetings.update(date.fromisoformat(d) for d in json.loads(dennis.read_text())["rate"])
    return sorted(meetings)


def _complete_until(target: pd.DataFrame, decisions: list[FedDecision], dff_path: Path) -> date:
    """The last day the decision history is known to be complete to.

    The target series are authoritative to their last row. After that, the effective rate (DFF)
    vouches for the history day by day as long as it stays within the target implied by the decisions:
    an unrecorded change would push it outside.
    """
    end = target.index[-1].date() if not target.empty else (
        max(d.effective for d in decisions) if decisions else date.min)
    if not dff_path.is_file() or not decisions:
        return end
    dff = read_series_csv(dff_path)
    dff = dff[dff.index > pd.Timestamp(end)]
    if dff.empty:
        return end
    if target.empty:
        return end
    low, high = float(target.iloc[-1]["low"]), float(target.iloc[-1]["high"])
    changes = sorted((d for d in decisions if d.effective > end), key=lambda d: d.effective)
    last_good = end
    for ts, rate in dff.items():
        day = ts.date()
        while changes and changes[0].effective <= day:
            low, high = changes[0].target_low, changes[0].target_high
            changes.pop(0)
        if not (low - _DFF_TOLERANCE <= rate <= high + _DFF_TOLERANCE):
            break
        last_good = day
    return last_good
