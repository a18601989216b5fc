"""Checked claims as one flat pandas DataFrame, for analysis and for the CSV and Parquet exports.

Every column is flat and typed: publication times are tz-aware datetimes (UTC), session and horizon
dates are datetimes at midnight New York time (the exchange's day), figures are floats, the enums
(kind, verdict, modality, direction, period) are categoricals with every allowed value, and the
article's url, title and outlet sit beside each claim. Figures as stated (magnitudes; the sign is in
``direction``) are ``stated_*``; the figures the data gave are ``actual_*``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from analyzer.records import CLAIM_KINDS, MODALITIES, OPINION_KINDS, VERDICTS, Article, CheckedClaim
from analyzer.report import plain

if TYPE_CHECKING:
    import pandas as pd

EXCHANGE_TZ = "America/New_York"
CATEGORIES: dict[str, tuple[str, ...]] = {
    "kind": CLAIM_KINDS + OPINION_KINDS,
    "verdict": VERDICTS,
    "modality": MODALITIES,
    "direction": ("up", "down", "flat"),
    "period": ("day", "week", "month", "year", "ytd", "intraday", "other"),
}
DATE_COLUMNS = ("session", "period_start", "horizon_start", "horizon_end", "actual_session", "diagnosis_session")
FLOAT_COLUMNS = ("stated_change_pct", "stated_change_points", "stated_level", "quantity", "value_amount", "bp",
                 "actual_prev_close", "actual_close", "actual_change_pct", "actual_change_points",
                 "actual_change_bp", "actual_target_low", "actual_target_high", "diagnosis_change_pct")
INT_COLUMNS = ("length", "char_start", "char_end", "verdict_changes")
COLUMNS = (
    "claim_id", "article_id", "url", "title", "outlet", "published",
    "kind", "verdict", "modality", "instrument_name", "instrument_symbol", "direction", "period", "session",
    "stated", "stated_change_pct", "stated_change_points", "stated_level", "qualifier", "verb", "time_text",
    "period_start", "speaker", "relation", "benchmarks", "what", "length", "unit",
    "deal_type", "parties", "quantity", "item", "value_amount", "value_currency", "status",
    "bank", "action", "bp", "horizon_start", "horizon_end",
    "actual", "actual_symbol", "actual_series", "proxy_for", "actual_session", "actual_prev_close", "actual_close",
    "actual_change_pct", "actual_change_points", "actual_change_bp", "actual_target_low", "actual_target_high",
    "diagnosis_session", "diagnosis_change_pct",
    "explanation", "sentence", "char_start", "char_end", "verdict_history", "verdict_changes",
)


def _article_fields(article: Article | None) -> dict[str, Any]:
    if article is None:
        return {"url": None, "title": None, "outlet": None, "published": None}
    return {"url": article.url, "title": article.title, "outlet": article.source, "published": article.published}


def _actual_fields(item: CheckedClaim) -> dict[str, Any]:
    evidence = plain.main_evidence(item)
    f = evidence.figures if evidence is not None else {}
    diagnosis = item.verdict.diagnosis or {}
    return {
        "actual": plain.actual_text(item) or None,
        "actual_symbol": evidence.symbol if evidence else None,
        "actual_series": evidence.series if evidence else None,
        "proxy_for": evidence.proxy_for if evidence else None,
        "actual_session": f.get("announced") or (evidence.session if evidence else None),
        "actual_prev_close": f.get("prev_close"), "actual_close": f.get("close"),
        "actual_change_pct": f.get("change_pct"), "actual_change_points": f.get("change_points"),
        "actual_change_bp": f.get("change_bp"), "actual_target_low": f.get("target_low"),
        "actual_target_high": f.get("target_high"),
        "diagnosis_session": diagnosis.get("session") if isinstance(diagnosis.get("session"), str) else None,
        "diagnosis_change_pct": diagnosis.get("change_pct"),
    }


def claim_row(item: CheckedClaim, article: Article | None = None) -> dict[str, Any]:
    """One claim as a flat dict of plain values (before typing)."""
    c, v = item.claim, item.verdict
    row: dict[str, Any] = {"claim_id": c.claim_id, "article_id": c.article_id, **_article_fields(article)}
    row.update({
        "kind": c.kind, "verdict": v.verdict, "modality": c.modality,
        "instrument_name": c.instrument.name if c.instrument else None,
        "instrument_symbol": c.instrument.symbol if c.instrument else None,
        "direction": c.direction, "period": c.period, "session": c.session,
        "stated": plain.stated_text(c) or None, "stated_change_pct": c.change_pct,
        "stated_change_points": c.change_points, "stated_level": c.level,
        "qualifier": c.qualifier, "verb": c.verb, "time_text": c.time_text, "period_start": c.period_start,
        "speaker": c.speaker, "relation": c.relation,
        "benchmarks": ";".join(b.symbol or b.name for b in c.benchmarks) or None,
        "what": c.what, "length": c.length, "unit": c.unit,
        "deal_type": c.deal_type,
        "parties": ";".join(p.name + (f" ({p.role})" if p.role else "") for p in c.parties) or None,
        "quantity": c.quantity, "item": c.item,
        "value_amount": c.value.amount if c.value else None, "value_currency": c.value.currency if c.value else None,
        "status": c.status, "bank": c.bank, "action": c.action, "bp": c.bp,
        "horizon_start": c.horizon.start if c.horizon else None, "horizon_end": c.horizon.end if c.horizon else None,
        "explanation": v.explanation, "sentence": c.sentence, "char_start": c.char_start, "char_end": c.char_end,
    })
    row.update(_actual_fields(item))
    return row


def history_text(entries: Sequence[Any]) -> str | None:
    """A claim's verdicts over time in one line: "pending (market data to 2025-09-01, ...) → supported (...)"."""
    return " → ".join(plain.history_entry_text(e) for e in entries) if entries else None


def group_history(entries: Iterable[Any]) -> dict[tuple[str, str], list[Any]]:
    """Verdict history entries (``Store.verdict_history()``) by (article id, claim id), oldest first."""
    grouped: dict[tuple[str, str], list[Any]] = {}
    for entry in entries:
        grouped.setdefault((entry.article_id, entry.claim_id), []).append(entry)
    return grouped


def to_dataframe(checked: Iterable[CheckedClaim], articles: Mapping[str, Article] | Iterable[Article] | None = None,
                 history: Mapping[tuple[str, str], Sequence[Any]] | None = None) -> pd.DataFrame:
    """Checked claims as a DataFrame with one row per claim and flat, typed columns (see the module doc).

    ``articles`` (a mapping of id to Article, or a list of Articles) supplies each claim's url, title,
    outlet and publication time; without it those columns are empty. ``history`` (from
    :func:`group_history`) fills ``verdict_history`` and ``verdict_changes`` for stored claims.
    """
    import pandas as pd

    # pandas 3's "str" keeps missing values missing; pandas 2's would write "None"
    STRING = "str" if int(pd.__version__.split(".")[0]) >= 3 else "string"  # noqa: N806
    by_id = _by_id(articles)
    rows = []
    for item in checked:
        row = claim_row(item, by_id.get(item.claim.article_id))
        entries = (history or {}).get((item.claim.article_id, item.claim.claim_id), [])
        row["verdict_history"] = history_text(entries)
        row["verdict_changes"] = sum(1 for a, b in zip(entries, entries[1:], strict=False) if a.verdict != b.verdict)
        rows.append(row)
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    frame["published"] = pd.to_datetime(frame["published"].map(_utc_text), utc=True, errors="coerce",
                                        format="ISO8601")
    for column in DATE_COLUMNS:
        days = pd.to_datetime(frame[column].map(lambda d: d[:10] if isinstance(d, str) else None),
                              errors="coerce", format="%Y-%m-%d")
        frame[column] = days.dt.tz_localize(EXCHANGE_TZ)
    for column in FLOAT_COLUMNS:
        frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("float64")
    for column in INT_COLUMNS:
        frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("Int64")
    for column, values in CATEGORIES.items():
        extra = sorted(set(frame[column].dropna()) - set(values))  # a newer writer's value is kept, not lost
        frame[column] = pd.Categorical(frame[column], categories=[*values, *extra])
    for column in frame.columns:
        if frame[column].dtype == object:
            frame[column] = frame[column].astype(STRING)
    return frame


def _by_id(articles: Mapping[str, Article] | Iterable[Article] | None) -> dict[str, Article]:
    if articles is None:
        return {}
    if isinstance(articles, Mapping):
        return dict(articles)
    return {a.id: a for a in articles}


def _utc_text(value: Any) -> str | None:
    """An aware datetime as ISO text (pandas parses mixed offsets from text into UTC); naive ones are UTC."""
    if value is None:
        return None
    if getattr(value, "tzinfo", None) is None:
        return value.isoformat() + "+00:00"
    return value.isoformat()
