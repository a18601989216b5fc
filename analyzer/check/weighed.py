"""An accusation weighed as a careful editor would, before it goes out (issue 12, session 25).

A `contradicted` verdict says the article is wrong. On text we did not tune on nearly all of them are our misreadings
of the sentence (a week's move read as the day's, a price during the session read as the close, another instrument's
figure), and twenty sessions of class-by-class fixes moved the studied audits but not the held-out draws. So this
step looks at what the checker knows when it is about to accuse, the things an editor would weigh before calling a
figure wrong: how the claim was read (its kind and period, whether its words state its day or it was inferred from
the publication time), what else the sentence and the one before it say (other time words, other figures), the
piece's stamp against the session the claim names, what the rest of the article's figures did (a piece whose other
figures all fail the same way was misread, not wrong throughout), how far off it is against the day's range, and
the second reader's probability. ``features`` computes them; a small decision whose parameters are data
(``models/accusation-weigher/params.json``, fitted by ``analyzer/training/weigher_fit.py`` with leave-one-audit-out
cross-validation on the studied audits; the card is that folder's README) says which accusations rest on a reading
we are often wrong about. Such a verdict becomes `unverifiable`, the reason said plainly and the data's figures
kept. Nothing here can make a verdict `contradicted`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from analyzer.errors import MarketDataError
from analyzer.market import measures
from analyzer.market.data import MarketData
from analyzer.records import Article, Claim, Verdict

PARAMS = Path(__file__).resolve().parents[2] / "models" / "accusation-weigher" / "params.json"
MOVE_KINDS = ("index_move", "stock_move")
SIGMA_SESSIONS = 20  # the typical daily move: the spread of the 20 sessions' moves before the claim's
NUMBER_RE = re.compile(r"\d[\d,]*(?:\.\d+)?")


@dataclass(frozen=True)
class Context:
    """What the checker has at hand around one accusation: the article's other claims with their verdicts."""

    claims: Sequence[Claim]
    verdicts: Sequence[Verdict | None]
    article: Article | None


def _others(claim: Claim, context: Context) -> list[tuple[Claim, Verdict]]:
    return [(c, v) for c, v in zip(context.claims, context.verdicts, strict=True)
            if c is not claim and v is not None and c.article_id == claim.article_id]


def _symbol(claim: Claim) -> str | None:
    return claim.instrument.symbol if claim.instrument is not None else None


def article_features(claim: Claim, context: Context) -> dict[str, float]:
    """What the article's other claims did: accused too, supported, the same instrument supported elsewhere."""
    others = _others(claim, context)
    moves = [(c, v) for c, v in others if c.kind in MOVE_KINDS]
    supported = sum(v.verdict == "supported" for _, v in moves)
    accused = sum(v.verdict == "contradicted" for _, v in others)
    same = [v for c, v in others if _symbol(c) is not None and _symbol(c) == _symbol(claim)]
    in_sentence = [c for c, _ in others if c.char_start == claim.char_start]
    return {
        "others_accused": float(accused),
        "others_supported_share": supported / len(moves) if moves else -1.0,
        "same_instrument_supported": float(any(v.verdict == "supported" for v in same)),
        "claims_in_sentence": float(len(in_sentence)),
    }


def _names_a_time(text: str) -> bool:
    from analyzer.extract.moves import _names_a_time as names

    return bool(text) and names(text)


def reading_features(claim: Claim) -> dict[str, float]:
    """How the claim was read: kind, period, whether its own words fix its day, other time words in the sentence."""
    from analyzer.check.article import _reading_inferred, _time_words_outside
    from analyzer.check.readings import own_words

    start, end = own_words(claim)
    outside = claim.sentence[:start] + " | " + claim.sentence[end:]
    period = claim.period or "day"
    return {
        "kind_index": float(claim.kind == "index_move"),
        "kind_stock": float(claim.kind == "stock_move"),
        "kind_other": float(claim.kind not in MOVE_KINDS),
        "period_longer": float(period not in ("day", "intraday")),
        "period_intraday": float(period == "intraday"),
        "time_stated": float(bool(claim.time_text) and not _time_words_outside(claim)),
        "inferred": float(_reading_inferred(claim)),
        "time_words_outside": float(_names_a_time(outside)),
        "figures_in_sentence": float(len(NUMBER_RE.findall(claim.sentence))),
        "qualified": float(bool(claim.qualifier)),
    }


def stamp_features(claim: Claim, article: Article | None) -> dict[str, float]:
    """The piece's stamp against the session the claim names: written during it, after its close, or later."""
    from analyzer.check.article import previous_sentence, stamp_of

    stamp = stamp_of(article)
    same = stamp is not None and claim.session == stamp.day.isoformat()
    before = previous_sentence(article, claim) if article is not None else ""
    return {
        "stamped": float(stamp is not None),
        "during_its_session": float(same and stamp is not None and stamp.where == "during the session"),
        "after_its_close": float(same and stamp is not None and stamp.where == "after the close"),
        "before_its_open": float(same and stamp is not None and stamp.where == "before the open"),
        "previous_time_words": float(_names_a_time(before)),
    }


def _implied(claim: Claim, base: float) -> list[float]:
    sign = -1 if claim.direction == "down" else 1
    out = [claim.level] if claim.level is not None else []
    if claim.change_pct is not None:
        out.append(base * (1 + sign * claim.change_pct / 100))
    if claim.change_points is not None:
        out.append(base + sign * claim.change_points)
    return out


def data_features(claim: Claim, verdict: Verdict, market: MarketData) -> dict[str, float]:
    """How the data answers: the implied price inside the session's traded range, another session close by that
    fits, the second reader's probability."""
    from analyzer.check.article import session_band

    symbol = next((e.symbol for e in verdict.evidence if e.symbol), None)
    inside = -1.0
    if symbol is not None and claim.session is not None:
        try:
            band = session_band(market, symbol, date.fromisoformat(claim.session), 0.0)
        except (MarketDataError, ValueError, KeyError):
            band = None
        prices = _implied(claim, band.base) if band is not None else []
        if band is not None and prices:
            inside = float(all(band.low <= p <= band.high for p in prices))
    diagnosis = verdict.diagnosis or {}
    near = diagnosis.get("session")
    seen = diagnosis.get("second_reader") or {}
    return {
        "inside_range": inside,
        "another_session_fits": float(bool(near and claim.session and abs(
            (date.fromisoformat(str(near)) - date.fromisoformat(claim.session)).days) <= 4)),
        "second_reader": float(seen.get("kind_probability", -1.0)),
        "readings_tried": float(len(verdict.readings)),
    }


def _daily_moves(market: MarketData, symbol: str, session: date, back: int) -> np.ndarray | None:
    """The session's close-to-close moves in percent, with the ``back`` sessions before it (oldest first), from
    the closes the checker measures by; None without the session or any session before it."""
    try:
        track = market.price_track(symbol, "price", end=session)
    except (MarketDataError, ValueError, KeyError):
        return None
    end = track.position(session)
    if end is None or end == 0:
        return None
    values = track.values[max(0, end - back - 1):end + 1]
    return np.diff(values) / np.abs(values[:-1]) * 100.0


def _stated_pct(claim: Claim, base: float) -> float | None:
    """The day's move in percent the claim states (its percentage, else its points or level against ``base``)."""
    sign = -1.0 if claim.direction == "down" else 1.0
    if claim.change_pct is not None:
        return sign * claim.change_pct
    if claim.change_points is not None and base:
        return sign * claim.change_points / base * 100.0
    if claim.level is not None and base:
        return (claim.level - base) / base * 100.0
    return None


def move_features(claim: Claim, verdict: Verdict, market: MarketData) -> dict[str, float]:
    """How far off the day's figure is for this instrument: the gap to the session's move in units of its typical
    daily move over the 20 sessions before (``off_in_sigmas``), the stated move against the largest daily move of
    the past five sessions (``stated_vs_max5``), and whether the data has the session's high-low range
    (``has_range``). -1 where not known (no figure, no data, not a day's move)."""
    out = {"off_in_sigmas": -1.0, "stated_vs_max5": -1.0, "has_range": -1.0}
    symbol = next((e.symbol for e in verdict.evidence if e.symbol), None)
    if symbol is None or claim.session is None or claim.kind not in MOVE_KINDS:
        return out
    session = date.fromisoformat(claim.session)
    try:
        bar = measures.session_range(market, symbol, session)
        out["has_range"] = float("high" in bar and "low" in bar)
    except (MarketDataError, ValueError, KeyError):
        out["has_range"] = 0.0
    moves = _daily_moves(market, symbol, session, SIGMA_SESSIONS)
    if (claim.period or "day") != "day" or moves is None or len(moves) < 2:
        return out
    day = float(moves[-1])
    try:
        base = measures.session_change(market, symbol, session).start_value
    except (MarketDataError, ValueError, KeyError):
        return out
    stated = _stated_pct(claim, base)
    if stated is None:
        return out
    spread = float(np.std(moves[:-1]))
    out["off_in_sigmas"] = round(abs(stated - day) / spread, 3) if spread > 0 else -1.0
    largest = float(np.max(np.abs(moves[-5:])))
    out["stated_vs_max5"] = round(abs(stated) / largest, 3) if largest > 0 else -1.0
    return out


def piece_features(claim: Claim, context: Context) -> dict[str, float]:
    """The piece as a market wrap or a company story: the share of its moves (this one counted) that are index
    moves; -1 without moves."""
    moves = [c for c in context.claims if c.article_id == claim.article_id and c.kind in MOVE_KINDS]
    return {"wrap_share": round(sum(c.kind == "index_move" for c in moves) / len(moves), 3) if moves else -1.0}


FIGURELESS_KINDS = ("streak", "record", "comparison", "rate_policy")


def figureless_features(claim: Claim, verdict: Verdict) -> dict[str, float]:
    """For the accusations with no figure of their own (s31): which figure-less kind; whether the claim's own words
    carry its day or span (``own_time_words``: a time text, a 'since' date, a length); whether the data its verdict
    read has a decision of the bank on the claim's day (``decision_day``, -1 for other kinds)."""
    out = {f"kind_{kind}": float(claim.kind == kind) for kind in FIGURELESS_KINDS}
    out["figureless_move"] = float(claim.kind in MOVE_KINDS and claim.change_pct is None and
                                   claim.change_points is None and claim.level is None)
    out["own_time_words"] = float(bool(claim.time_text or claim.period_start or claim.length))
    out["decision_day"] = -1.0
    if claim.kind == "rate_policy":
        days = {str(e.figures.get(k)) for e in verdict.evidence for k in ("announced", "effective")}
        out["decision_day"] = float(claim.session is not None and claim.session in days)
    return out


def features(claim: Claim, verdict: Verdict, context: Context, market: MarketData) -> dict[str, float]:
    """Every feature of one `contradicted` verdict (``params.json`` names the few the decision uses)."""
    return {**reading_features(claim), **stamp_features(claim, context.article),
            **article_features(claim, context), **data_features(claim, verdict, market),
            **move_features(claim, verdict, market), **piece_features(claim, context),
            **figureless_features(claim, verdict)}


@lru_cache(maxsize=1)
def parameters() -> dict[str, Any] | None:
    """The fitted decision (``PARAMS``); None when no file is there (then every accusation stands)."""
    try:
        return json.loads(PARAMS.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def doubt(values: dict[str, float], params: dict[str, Any]) -> str | None:
    """The rule of ``params`` that the features meet (its plain reason), or None: the accusation stands.

    A rule is a conjunction of conditions, each ``[feature, op, threshold]`` with op one of <=, >=, ==."""
    for rule in params.get("rules", []):
        if all(_holds(values.get(name, -1.0), op, float(limit)) for name, op, limit in rule["when"]):
            return str(rule["why"])
    return None


def _holds(value: float, op: str, limit: float) -> bool:
    if op == "<=":
        return value <= limit
    if op == ">=":
        return value >= limit
    return value == limit


def weighed(claims: Sequence[Claim], verdicts: Sequence[Verdict | None], market: MarketData,
            article: Article | None, only: Sequence[int] | None = None) -> list[Verdict | None]:
    """The verdicts, each `contradicted` one whose reading we are often wrong about made `unverifiable`."""
    out = list(verdicts)
    params = parameters()
    if not params or not params.get("rules"):
        return out
    context = Context(claims, list(verdicts), article)  # every accusation weighed against the same verdicts
    for i in (range(len(claims)) if only is None else only):
        verdict = out[i]
        if verdict is None or verdict.verdict != "contradicted":
            continue
        values = features(claims[i], verdict, context, market)
        why = doubt(values, params)
        if why is not None:
            out[i] = withdrawn(verdict, why, values)
    return out


def withdrawn(verdict: Verdict, why: str, values: dict[str, float]) -> Verdict:
    """``verdict`` as `unverifiable`: the plain reason first, then what the data showed; the features kept."""
    return Verdict(
        "unverifiable",
        f"Not called an error: the accusation rests on a reading we are often wrong about: {why}. As read, the "
        f"data disagrees: {verdict.explanation}",
        list(verdict.evidence),
        diagnosis={**(verdict.diagnosis or {}), "was": "contradicted", "kept_severity": verdict.severity,
                   "weighed": values},
        readings=[*verdict.readings, "the accusation weighed"])
