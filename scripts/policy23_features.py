"""Features of contradicted verdicts and injected cases from the pickles of ``policy23_dump.py`` (s23 study).

Prints one JSON row per contradicted verdict (with its label) and per injected case (with whether it is caught):
the structural properties of the accusation, for tabulating real errors against misreadings.
"""

from __future__ import annotations

import json
import pickle
import sys
from datetime import date
from pathlib import Path
from typing import Any

from analyzer.check.article import _reading_inferred, _time_words_outside, session_band, stamp_of
from analyzer.check.readings import words_fix_reading
from analyzer.errors import MarketDataError
from analyzer.extract.timeref import local_published
from analyzer.market import MarketData, calendar
from analyzer.records import Article, Claim, Verdict


def _figures(claim: Claim) -> list[str]:
    return [n for n in ("change_pct", "change_points", "level") if getattr(claim, n) is not None]


def _implied(claim: Claim, base: float) -> list[float]:
    sign = -1 if claim.direction == "down" else 1
    out = []
    if claim.level is not None:
        out.append(claim.level)
    if claim.change_pct is not None:
        out.append(base * (1 + sign * claim.change_pct / 100))
    if claim.change_points is not None:
        out.append(base + sign * claim.change_points)
    return out


def _symbol(verdict: Verdict) -> str | None:
    return next((e.symbol for e in verdict.evidence if e.symbol), None)


def _in_range(claim: Claim, verdict: Verdict, market: MarketData) -> str:
    symbol = _symbol(verdict)
    if symbol is None or claim.session is None:
        return "no_data"
    band = session_band(market, symbol, date.fromisoformat(claim.session), 0.0)
    if band is None:
        return "no_data"
    prices = _implied(claim, band.base)
    if not prices:
        return "no_figure"
    kind = "range" if band.words.startswith("what") else "band"
    inside = all(band.low <= p <= band.high for p in prices)
    return f"{kind}_{'in' if inside else 'out'}"


def _near_session_fits(claim: Claim, verdict: Verdict, market: MarketData, days: int = 3) -> bool | None:
    diag = verdict.diagnosis or {}
    if diag.get("session") and claim.session:
        return abs((date.fromisoformat(diag["session"]) - date.fromisoformat(claim.session)).days) <= days
    return False


def _hours_after_close(claim: Claim, article: Article | None) -> float | None:
    if article is None or article.published is None or claim.session is None:
        return None
    local = local_published(article.published)
    day = date.fromisoformat(claim.session)
    try:
        close = calendar.closing_time(day)
    except Exception:  # noqa: BLE001
        return None
    return round((local - close).total_seconds() / 3600, 2)


_BIGGEST: dict[str, Any] = {}


def _size_ratio(claim: Claim, verdict: Verdict, market: MarketData) -> float | None:
    """The stated percent against the largest close-to-close move of the instrument over the year before."""
    import pandas as pd

    symbol = _symbol(verdict)
    if symbol is None or claim.change_pct is None or claim.session is None:
        return None
    if symbol not in _BIGGEST:
        try:
            bars = market.bars(symbol)
        except (MarketDataError, KeyError):
            _BIGGEST[symbol] = None
            return None
        closes = bars["close"].where(bars["close"].notna(), bars["adj_close"]).dropna()
        _BIGGEST[symbol] = (closes.pct_change().abs() * 100).rolling("365D").max()
    biggest = _BIGGEST[symbol]
    if biggest is None:
        return None
    upto = biggest[biggest.index <= pd.Timestamp(claim.session)]
    if upto.empty or not upto.iloc[-1] > 0:
        return None
    return round(abs(claim.change_pct) / float(upto.iloc[-1]), 3)


def features(claim: Claim, verdict: Verdict, article: Article | None, market: MarketData) -> dict[str, Any]:
    stamp = stamp_of(article)
    sev = verdict.severity or {}
    figs = _figures(claim)
    out: dict[str, Any] = {
        "kind": claim.kind, "period": claim.period or "day", "figures": "+".join(figs) or "none",
        "n_figures": len(figs), "time_text": bool(claim.time_text), "time_words_outside": _time_words_outside(claim),
        "inferred": _reading_inferred(claim), "words_fix": words_fix_reading(claim) is not None,
        "qualifier": claim.qualifier, "reader": claim.reader,
        "stamp": stamp.where if stamp else None,
        "stamp_is_session": bool(stamp and claim.session == stamp.day.isoformat()),
        "hours_after_close": _hours_after_close(claim, article),
        "unit": sev.get("unit"), "off_by": sev.get("off_by"), "relative": sev.get("relative"),
        "wrong_direction": sev.get("wrong_direction"), "grade": sev.get("grade"),
        "diagnosis": bool((verdict.diagnosis or {}).get("session")),
        "near_fits": _near_session_fits(claim, verdict, market),
        "in_range": _in_range(claim, verdict, market),
        "position": round(claim.char_start / max(1, len(article.text)), 2) if article else None,
        "size_ratio": _size_ratio(claim, verdict, market), "n_readings": len(verdict.readings),
        "speaker": bool(claim.speaker),
        "explanation": verdict.explanation[:300],
    }
    return out


def main() -> None:
    market = MarketData.open(Path(sys.argv[1]) / "market")
    for path in sys.argv[2:]:
        with open(path, "rb") as handle:
            data = pickle.load(handle)
        arts = {aid: Article(aid, " " * n, published=pub, published_raw=raw)
                for aid, (pub, raw, n) in data["stamps"].items()}
        checked = data["checked"]
        contr = [c for c in checked if c.verdict.verdict == "contradicted"]
        for item, label, note in zip(contr, data["labels"], data["notes"], strict=True):
            row = {"audit": data["audit"], "what": "verdict", "label": label or "unlabelled", "note": note,
                   "article_id": item.claim.article_id,
                   **features(item.claim, item.verdict, arts.get(item.claim.article_id), market)}
            print(json.dumps(row, default=str))
        for case in data["cases"]:
            verdict = case.final if case.final is not None else case.first
            caught = case.verdict == "contradicted"
            row = {"audit": data["audit"], "what": "injected", "label": "injected", "mutation": case.mutation,
                   "caught": caught, "article_id": case.claim.article_id,
                   **features(case.claim, verdict, arts.get(case.claim.article_id), market)}
            print(json.dumps(row, default=str))


if __name__ == "__main__":
    main()
