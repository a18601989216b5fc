"""The data the report's script works from: one compact entry per claim, embedded as JSON.

Everything here ends up inside a ``<script type="application/json">`` block, so it is serialised
with :func:`script_json`, which makes the JSON safe to place in HTML whatever text a feed sent.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from analyzer.records import CheckedClaim, Claim, Verdict
from analyzer.report import plain
from analyzer.report.charts import PRICE_COLUMNS, series_key
from analyzer.report.spans import Placement

# characters that could end the script block or start markup, and the two line separators that
# older JavaScript parsers treat as line ends
_SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026",
                   0x2028: "\\u2028", 0x2029: "\\u2029"}


def script_json(data: Any) -> str:
    """JSON for a ``<script>`` element: no ``</script>``, ``<!--`` or markup can appear in it."""
    try:
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False, default=str)
    except ValueError:  # a NaN or infinity somewhere: rare, so only then walk the data to null them
        text = json.dumps(_finite(data), ensure_ascii=False, separators=(",", ":"), allow_nan=False,
                          default=str)
    return text.translate(_SCRIPT_ESCAPES)


def _finite(value: Any) -> Any:
    """NaN and infinities are not JSON: they become null."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {str(k): _finite(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [_finite(v) for v in value]
    return value


def fmt_number(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if isinstance(value, float) and not math.isfinite(value):
        return "n/a"
    if float(value).is_integer() and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.4f}".rstrip("0").rstrip(".")


def _stated(claim: Claim, name: str, value: Any, suffix: str = "") -> str:
    """A figure as the text wrote it ("0.80%"), with its unit added when only the digits were kept."""
    written = claim.stated.get(name)
    if not written:
        return fmt_number(value) + suffix
    return written + suffix if re.fullmatch(r"[-+]?[\d.,]+", written.strip()) else written


def instrument_label(claim: Claim) -> str:
    if claim.instrument is None:
        return claim.bank or ""
    name, symbol = claim.instrument.name, claim.instrument.symbol
    return f"{name} ({symbol})" if symbol and symbol != name else name


def claim_fields(claim: Claim) -> list[list[str]]:
    """The extracted fields worth showing, as [label, value] pairs; empty fields are left out."""
    # kind, instrument, session and modality travel as their own keys and head the panel
    rows: list[list[str]] = []

    def add(label: str, value: Any) -> None:
        if value is None or value == "" or value == []:
            return
        rows.append([label, value if isinstance(value, str) else fmt_number(value)])

    add("stated", plain.stated_text(claim))
    add("direction", claim.direction)
    add("verb", claim.verb)
    add("qualifier", claim.qualifier)
    add("change %", _stated(claim, "change_pct", claim.change_pct, "%") if claim.change_pct is not None
        else None)
    add("change points", _stated(claim, "change_points", claim.change_points)
        if claim.change_points is not None else None)
    add("level", _stated(claim, "level", claim.level) if claim.level is not None else None)
    add("period", plain.words(claim.period) if claim.period != "ytd" else "year to date")
    add("period start", claim.period_start)
    add("time words", claim.time_text)
    add("speaker", claim.speaker)
    add("read by", "the claim tagger (a looser second reading)" if claim.reader == "tagger" else None)
    add("relation", plain.relation_text(claim) if claim.relation else None)
    add("benchmarks", ", ".join(b.name + (f" ({b.symbol})" if b.symbol else "") for b in claim.benchmarks))
    add("what", plain.record_text(claim) if claim.what else None)
    add("length", f"{claim.length} {claim.unit or ''}".strip() if claim.length is not None else None)
    add("deal type", plain.words(claim.deal_type) or None)
    add("parties", "; ".join(p.name + (f" ({p.role})" if p.role else "") for p in claim.parties))
    add("quantity", claim.quantity)
    add("item", claim.item)
    add("value", f"{claim.value.currency} {fmt_number(claim.value.amount)}" if claim.value else None)
    add("status", plain.words(claim.status) or None)
    add("bank", claim.bank)
    add("action", plain.words(claim.action) or None)
    add("basis points", claim.bp)
    add("horizon", f"{claim.horizon.start} to {claim.horizon.end}" if claim.horizon else None)
    return rows


def evidence_entries(verdict: Verdict) -> list[dict[str, Any]]:
    """Each evidence record as one plain sentence ("RSP adjusted close on Tue 2025-08-26: 184.97 → 185.10
    (+0.07%)") and the file it was read from."""
    return [{"text": plain.evidence_sentence(ev), "src": ev.source or ""} for ev in verdict.evidence]


def chart_target(item: CheckedClaim) -> tuple[str, str, str] | None:
    """(symbol, price column, session) to draw for a claim, preferring what its evidence used."""
    claim, verdict = item.claim, item.verdict
    for ev in verdict.evidence:
        if ev.symbol and (ev.series in PRICE_COLUMNS or ev.series is None):
            session = ev.session or claim.session
            if session:
                return ev.symbol, ev.series or "close", session[:10]
    if claim.instrument and claim.instrument.symbol and claim.session:
        return claim.instrument.symbol, "close", claim.session[:10]
    return None


def chart_spec(item: CheckedClaim, target: tuple[str, str, str], key: str | None = None) -> dict[str, Any]:
    """What the browser needs to draw a claim: its series, session, claimed figures, wrong day."""
    symbol, column, session = target
    claim, diagnosis = item.claim, item.verdict.diagnosis or {}
    spec: dict[str, Any] = {"key": key or series_key(symbol, column), "s": session}
    if claim.direction:
        spec["dir"] = claim.direction
    if not spec["key"].endswith("|" + column):
        spec["asked"] = column  # drawn from the other price column
    if claim.kind in ("index_move", "stock_move", "comparison", "record"):
        if claim.change_pct is not None:
            spec["pct"] = claim.change_pct
        if claim.change_points is not None:
            spec["pts"] = claim.change_points
        if claim.level is not None:
            spec["lvl"] = claim.level
    wrong_day = diagnosis.get("session")
    if isinstance(wrong_day, str) and wrong_day[:10] != session:
        spec["dg"] = wrong_day[:10]
        if isinstance(diagnosis.get("change_pct"), int | float):
            spec["dgp"] = diagnosis["change_pct"]
    return spec


def claim_entry(item: CheckedClaim, article_index: int, placement: Placement | None,
                chart: dict[str, Any] | None) -> dict[str, Any]:
    claim, verdict = item.claim, item.verdict
    entry: dict[str, Any] = {
        "id": claim.claim_id, "a": article_index, "kind": claim.kind, "verdict": verdict.verdict,
        "inst": instrument_label(claim), "session": claim.session or "", "claimed": plain.stated_text(claim),
        "actual": plain.actual_text(item), "fields": claim_fields(claim), "expl": verdict.explanation,
        "ev": evidence_entries(verdict),
    }
    if claim.modality != "reported":  # the script reads a missing modality as "reported"
        entry["modality"] = claim.modality
    if placement is not None:
        entry["span"] = [placement.span_start, placement.span_end]
        entry["sent"] = [placement.sentence_start, placement.sentence_end]
    else:  # not in the text we have: carry the sentence itself
        entry["text"] = claim.sentence
    if verdict.diagnosis:
        entry["diag"] = plain.diagnosis_sentence(verdict.diagnosis)
    if chart is not None:
        entry["chart"] = chart
    return entry
