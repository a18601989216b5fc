"""Claims and their evidence in the words and numbers a reader expects.

One place turns the records' fields into text for people: the figure as the article stated it
("up 2%"), the figure the data gave ("+0.07% to 185.10"), evidence as a sentence instead of raw
keys ("RSP adjusted close on Tue 2025-08-26: 184.97 -> 185.10 (+0.07%)"), and enum values in
prose ("best day since March" rather than "best_since up"). The CLI table, the HTML report and
the exports all use it, so the three say the same thing the same way.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime, timedelta
from typing import Any

from analyzer.records import Article, CheckedClaim, Claim, Evidence

MOVE_KINDS = ("index_move", "stock_move", "comparison")
SERIES_WORDS = {"close": "close", "adj_close": "adjusted close", "fomc_decisions": "Fed decisions"}
RELATION_WORDS = {"outperformed": "outperformed", "underperformed": "underperformed",
                  "best_since": "best", "worst_since": "worst"}
RECORD_WORDS = {
    "record_close_high": "record closing high", "record_close_low": "record closing low",
    "record_intraday_high": "record intraday high", "record_intraday_low": "record intraday low",
    "52_week_high": "52-week high", "52_week_low": "52-week low",
    "highest_since": "highest", "lowest_since": "lowest",
    "first_close_above": "first close above", "first_close_below": "first close below",
}
VERDICT_ICONS = {"supported": "✓", "contradicted": "✗", "unverifiable": "?", "pending": "…",
                 "not_checkable": "–"}


def words(value: str | None) -> str:
    """An enum value as words: "rate_policy" -> "rate policy"."""
    return (value or "").replace("_", " ")


def number(value: float, decimals: int = 2) -> str:
    """A level or price with thousands separators: 2358.6 -> "2,358.60"."""
    if not math.isfinite(value):
        return "n/a"
    return f"{value:,.{decimals}f}"


def count(value: float) -> str:
    """A count or amount without needless decimals: 103.0 -> "103", 2.5 -> "2.5"."""
    if not math.isfinite(value):
        return "n/a"
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")


def signed_pct(value: float, decimals: int = 2) -> str:
    """A percent change with its sign: 0.0691 -> "+0.07%"."""
    if not math.isfinite(value):
        return "n/a"
    text = f"{value:+.{decimals}f}%"
    return text.replace("-0.00%", "0.00%").replace("+0.00%", "0.00%")


def day_text(iso: str | None) -> str:
    """An ISO date with its weekday: "Tue 2025-08-26"; other text is returned as it is."""
    if not iso:
        return ""
    try:
        return date.fromisoformat(iso[:10]).strftime("%a ") + iso[:10]
    except ValueError:
        return iso


def _written(claim: Claim, name: str, value: float) -> str:
    """A figure as the article wrote it ("0.80"), else the value itself."""
    text = (claim.stated.get(name) or "").strip()
    return text or count(value)


def _with_unit(text: str, unit: str) -> str:
    return text if not re.fullmatch(r"[-+]?[\d.,]+", text) else text + unit


def stated_text(claim: Claim) -> str:
    """What the article states, in a few words: "up 2%", "to 2,358.6", "cut 25 bp", "103 airplanes"."""
    if claim.kind in MOVE_KINDS or claim.kind in ("record", "streak"):
        return _stated_move(claim)
    if claim.kind == "deal":
        parts = [words(claim.deal_type) or "deal"]
        if claim.quantity is not None:
            parts.append(f"{count(claim.quantity)} {claim.item or ''}".strip())
        if claim.value is not None:
            parts.append(f"{claim.value.currency} {count(claim.value.amount)}")
        return " ".join(parts)
    if claim.kind == "rate_policy":
        parts = [claim.action or "move"]
        if claim.bp is not None:
            parts.append(f"{count(claim.bp)} bp")
        if claim.modality != "reported":
            parts.insert(0, claim.modality)
        return " ".join(parts)
    return ""


def _stated_move(claim: Claim) -> str:
    parts: list[str] = []
    if claim.kind == "comparison" and claim.relation:
        parts.append(relation_text(claim))
    elif claim.kind == "record":
        parts.append(record_text(claim))
    elif claim.kind == "streak":
        parts.append(f"{claim.length or '?'} {claim.unit or 'day'}s {claim.direction or ''}".strip())
    if claim.kind != "streak" and claim.direction and not (claim.kind == "comparison" and claim.relation):
        parts.append(claim.direction)
    if claim.change_pct is not None:
        parts.append(_with_unit(_written(claim, "change_pct", claim.change_pct), "%"))
    if claim.change_points is not None:
        parts.append(_with_unit(_written(claim, "change_points", claim.change_points), " points"))
    if claim.level is not None and claim.kind != "record":
        parts.append("to " + _written(claim, "level", claim.level))
    return " ".join(p for p in parts if p)


def relation_text(claim: Claim) -> str:
    """A comparison in words: "outperformed S&P 500, Nasdaq Composite", "best day since March"."""
    relation = claim.relation or ""
    if relation in ("best_since", "worst_since"):
        unit = claim.unit or claim.period or "day"
        return f"{RELATION_WORDS[relation]} {unit} {claim.time_text or ''}".strip()
    others = ", ".join(b.name for b in claim.benchmarks) or "the market"
    return f"{RELATION_WORDS.get(relation, words(relation))} {others}"


def record_text(claim: Claim) -> str:
    """A record in words: "record closing high", "highest since October 2008", "first close above 9,000"."""
    what = RECORD_WORDS.get(claim.what or "", words(claim.what) or "record")
    if claim.what in ("first_close_above", "first_close_below") and claim.level is not None:
        what += " " + _written(claim, "level", claim.level)
    elif claim.level is not None:
        what += " at " + _written(claim, "level", claim.level)
    if claim.what in ("highest_since", "lowest_since", "first_close_above", "first_close_below") and claim.time_text:
        what += " " + claim.time_text
    return what


def main_evidence(item: CheckedClaim) -> Evidence | None:
    """The evidence that measured the claim itself (not a benchmark nor a diagnosed other day)."""
    for evidence in item.verdict.evidence:
        if evidence.figures.get("role") is None:
            return evidence
    return None


def _float(figures: dict[str, Any], key: str) -> float | None:
    value = figures.get(key)
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def actual_text(item: CheckedClaim) -> str:
    """What the data says, in a few words: "+0.07% to 185.10", "-25 bp on 2025-09-17"; "" when nothing."""
    evidence = main_evidence(item)
    if evidence is None:
        return ""
    f = evidence.figures
    change, close, bp = _float(f, "change_pct"), _float(f, "close"), _float(f, "change_bp")
    if bp is not None:
        return f"{bp:+.0f} bp on {f.get('announced') or evidence.session or ''}".strip()
    if change is not None:
        text = signed_pct(change) + (f" to {number(close)}" if close is not None else "")
        benchmarks = [signed_pct(b) for e in item.verdict.evidence if e.figures.get("role") == "benchmark"
                      and (b := _float(e.figures, "change_pct")) is not None]
        return text + (" vs " + ", ".join(benchmarks) if benchmarks else "")
    if close is not None:
        return number(close)
    return ""


def reason_text(item: CheckedClaim) -> str:
    """Why the verdict: the diagnosis when there is one (the sentences after the measurement), else the explanation."""
    explanation = " ".join(item.verdict.explanation.split())
    sentences = re.split(r"(?<=\.)\s+(?=[A-Z])", explanation)
    if item.verdict.diagnosis and len(sentences) > 1:
        return " ".join(sentences[1:])
    return explanation


def evidence_sentence(evidence: Evidence) -> str:
    """One evidence record as a sentence: "RSP adjusted close on Tue 2025-08-26: 184.97 -> 185.10 (+0.07%)"."""
    f = evidence.figures
    head = _evidence_head(evidence)
    bp = _float(f, "change_bp")
    if bp is not None:
        low, high = _float(f, "target_low"), _float(f, "target_high")
        target = f" to {low:.2f}-{high:.2f}%" if low is not None and high is not None else ""
        when = f.get("announced") or evidence.session
        return f"{head}: {'cut' if bp < 0 else 'hike' if bp > 0 else 'hold'} of {abs(bp):.0f} bp{target}, " \
               f"announced {day_text(when)}"
    text = head + (f" on {day_text(evidence.session)}" if evidence.session else "") + _closes_text(f)
    if f.get("prev_session"):
        text += f", against {day_text(str(f['prev_session']))}"
    return text


def _evidence_head(evidence: Evidence) -> str:
    """What the evidence is: "RSP adjusted close", "benchmark ^GSPC close", with a proxy named."""
    series = SERIES_WORDS.get(evidence.series or "", words(evidence.series))
    # a decision table's internal key ("FEDFUNDS_TARGET") means nothing to a reader: the series says it
    symbol = None if evidence.series == "fomc_decisions" else evidence.symbol
    head = " ".join(p for p in (symbol, series) if p)
    if evidence.proxy_for:
        head += f" (standing in for {evidence.proxy_for})"
    role = evidence.figures.get("role")
    if role == "benchmark":
        head = "benchmark " + head
    elif role == "diagnosed_session":
        head = "the day the claimed move happened: " + head
    return head


def _closes_text(f: dict[str, Any]) -> str:
    """": 184.97 → 185.10 (+0.07%, +0.13 points)" from an evidence record's figures (what of it there is)."""
    prev, close = _float(f, "prev_close"), _float(f, "close")
    text = ""
    if prev is not None and close is not None:
        text = f": {number(prev)} → {number(close)}"
    elif close is not None:
        text = f": {number(close)}"
    change, points = _float(f, "change_pct"), _float(f, "change_points")
    extras = [signed_pct(change)] if change is not None else []
    if points is not None:
        extras.append(f"{points:+,.2f} points")
    return text + (f" ({', '.join(extras)})" if extras else "")


def diagnosis_sentence(diagnosis: dict[str, Any]) -> str:
    """The diagnosis in words: "the claimed move matches Fri 2025-08-22 (+1.95%)"."""
    session = diagnosis.get("session")
    change = _float(diagnosis, "change_pct")
    if isinstance(session, str):
        return f"the claimed move matches {day_text(session)}" + (f" ({signed_pct(change)})" if change is not None
                                                                  else "")
    return "; ".join(f"{words(k)} {count(v) if isinstance(v, int | float) else v}" for k, v in diagnosis.items())


def figure_position(claim: Claim, text: str) -> tuple[int, int]:
    """Where the claim's figure sits in ``text`` (the stated number, else its move word), else (0, 0)."""
    for written in claim.stated.values():
        if written and (m := re.search(r"(?<![\d.])" + re.escape(written.strip()) + r"(?:\s?%| points?| bp)?", text)):
            return m.start(), m.end()
    if m := re.search(r"\d[\d,.]*\s?(?:%|percent|points?|bp|basis points)", text):
        return m.start(), m.end()
    if claim.quantity is not None and (m := re.search(rf"\b{count(claim.quantity)}\b", text)):
        return m.start(), m.end()
    if claim.action and (m := re.search(rf"\b{re.escape(claim.action)}\w*", text)):
        return m.start(), m.end()
    if claim.verb and (at := text.find(claim.verb)) >= 0:
        return at, at + len(claim.verb)
    return 0, 0


def _head_words(text: str, size: int) -> str:
    """The longest run of whole words at the start of ``text`` within ``size`` characters."""
    if len(text) <= size:
        return text
    cut = text[:max(size, 0)]
    return cut if text[len(cut)] == " " else (cut.rsplit(" ", 1)[0] if " " in cut else "")


def _tail_words(text: str, size: int) -> str:
    """The longest run of whole words at the end of ``text`` within ``size`` characters."""
    if len(text) <= size:
        return text
    cut = text[len(text) - max(size, 0):]
    return cut if text[-len(cut) - 1] == " " else (cut.split(" ", 1)[1] if " " in cut else "")


def shorten_around(text: str, keep: tuple[int, int], limit: int) -> str:
    """``text`` cut to about ``limit`` characters, never cutting the part at ``keep``.

    The opening words (the subject) and the words just before the kept part (the verb) stay,
    the middle gives way to "…": "S&P Equal-Weighted Index, … surged 2%".
    """
    if len(text) <= limit:
        return text
    start, end = max(0, min(keep[0], len(text))), max(0, min(keep[1], len(text)))
    if end <= start:  # nothing to keep: the opening words
        return _head_words(text, limit - 1).rstrip(" ,;:") + "…"
    kept, after, before = text[start:end], text[end:], text[:start]
    room = limit - len(kept) - 2
    tail = _head_words(after, max(room // 4, 0))
    tail = tail if len(tail) == len(after) else tail.rstrip(" ,;:") + "…"
    room -= len(tail)
    if len(before) <= room:
        return before + kept + tail
    near = _tail_words(before, room // 3)
    head = _head_words(before, room - len(near) - 3).rstrip(" ,;:")
    return f"{head} … {near}{kept}{tail}" if head else f"…{near}{kept}{tail}"


def claim_quote(claim: Claim) -> str:
    """The claim's own words (its span in the sentence), else the sentence."""
    sentence = claim.sentence
    if claim.span_start is not None and claim.span_end is not None and claim.span_end <= len(sentence):
        return sentence[claim.span_start:claim.span_end]
    return sentence


def short_quote(claim: Claim, limit: int) -> str:
    """The claim's words cut to ``limit`` characters around its figure (the figure is always kept)."""
    quote = " ".join(claim_quote(claim).split())
    start, end = figure_position(claim, quote)
    if start > 0 and quote[start - 1] == " " and end > start:  # the word before the figure: "surged 2%"
        start = quote.rfind(" ", 0, start - 1) + 1
    return shorten_around(quote, (start, end), limit)


# ---- articles: outlet, title and publication time as a reader expects them ----------------------

US_EASTERN = "America/New_York"
UNKNOWN_OUTLET = "outlet not given"


def outlet_of(article: Article | None) -> str:
    """The outlet: the source or feed title the article came with, else its web site, else a plain "not given"."""
    if article is None:
        return UNKNOWN_OUTLET
    if article.source and article.source.strip():
        return " ".join(article.source.split())
    host = urlsplit_host(article.url)
    return host or UNKNOWN_OUTLET


def urlsplit_host(url: str | None) -> str | None:
    from urllib.parse import urlsplit

    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


def title_of(article: Article) -> str:
    """The title, else the article's opening words (a plain-text file has no title), else its id."""
    if article.title and article.title.strip():
        return " ".join(article.title.split())
    first = next((line.strip() for line in article.text.splitlines() if line.strip()), "")
    if first:
        return _head_words(first, 90).rstrip(" ,;:") + ("…" if len(first) > 90 else "")
    return article.id


def local_time(article: Article) -> datetime | None:
    """The publication time where it was published: the offset the source wrote, else US Eastern time.

    Times are stored in UTC; 20:00 EDT must not show as the next day. A written offset other than
    UTC is the outlet's own; a time written in UTC (or none) is shown in New York, where the markets
    these articles discuss trade.
    """
    if article.published is None:
        return None
    from zoneinfo import ZoneInfo

    eastern = article.published.astimezone(ZoneInfo(US_EASTERN))
    written = _written_offset(article.published_raw)
    if written is not None and written.utcoffset() not in (None, timedelta(0), eastern.utcoffset()):
        return article.published.astimezone(written.tzinfo)
    return eastern  # "-04:00" in August is New York's own offset: shown as EDT


def _written_offset(raw: str | None) -> datetime | None:
    if not raw:
        return None
    from email.utils import parsedate_to_datetime

    for parse in (lambda t: datetime.fromisoformat(t.strip().replace("Z", "+00:00")), parsedate_to_datetime):
        try:
            value = parse(raw)
        except (ValueError, TypeError, IndexError):
            continue
        if value is not None and value.tzinfo is not None:
            return value
    return None


def time_words(when: datetime | None) -> str:
    """A local time as a reader expects it: "Tue 26 Aug 2025, 20:00 EDT"."""
    if when is None:
        return ""
    zone = when.tzname() or ""
    return when.strftime("%a %d %b %Y, %H:%M ") + zone


def history_entry_text(entry: Any) -> str:
    """One verdict a stored claim had: "pending (market data to 2025-09-01, checked 2025-09-02, first check)"."""
    when = f"market data to {entry.market_as_of}" if entry.market_as_of else "checked"
    parts = [when, f"checked {str(entry.checked_at)[:10]}" if entry.market_as_of else str(entry.checked_at)[:10]]
    if entry.reason:
        parts.append(words(entry.reason))
    return f"{entry.verdict} ({', '.join(parts)})"
