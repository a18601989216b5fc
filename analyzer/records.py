"""The typed records that flow between stages, and their one JSON form.

Every stage takes and returns these records in batches. ``to_dict``/``from_dict`` are the only
serialisation: the JSONL written by ``analyzer check``/``export`` and the rows kept by the store
both go through them, so the output contract lives in this one file.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import MISSING, asdict, dataclass, field, fields
from datetime import datetime
from typing import Any, Literal, TypeVar

ClaimKind = Literal["index_move", "stock_move", "comparison", "record", "streak", "deal", "rate_policy", "valuation"]
Direction = Literal["up", "down", "flat"]
Period = Literal["day", "week", "month", "year", "ytd", "intraday", "other"]
Modality = Literal["reported", "expected", "forecast", "opinion", "hypothetical"]
VerdictLabel = Literal["supported", "contradicted", "unverifiable", "pending", "not_checkable"]

CLAIM_KINDS: tuple[str, ...] = ("index_move", "stock_move", "comparison", "record", "streak", "deal",
                                "rate_policy")
# statements kept for the reader but never checkable against market data
OPINION_KINDS: tuple[str, ...] = ("valuation",)
VERDICTS: tuple[str, ...] = ("supported", "contradicted", "unverifiable", "pending", "not_checkable")
MODALITIES: tuple[str, ...] = ("reported", "expected", "forecast", "opinion", "hypothetical")


@dataclass
class Instrument:
    name: str
    symbol: str | None = None


@dataclass
class Article:
    id: str
    text: str
    published: datetime | None = None  # aware; None when the source gave no usable time
    url: str | None = None
    source: str | None = None
    title: str | None = None
    published_raw: str | None = None  # the time as the source wrote it (sources lie about zones)


@dataclass
class Party:
    name: str
    role: str | None = None  # acquirer|target|seller|buyer|investor|partner


@dataclass
class Money:
    amount: float
    currency: str = "USD"


@dataclass
class DateRange:
    start: str  # ISO date
    end: str  # ISO date


@dataclass
class Claim:
    """One checkable statement, with the figures as the text states them."""

    article_id: str
    sentence: str
    char_start: int
    char_end: int
    kind: str
    instrument: Instrument | None = None
    direction: str | None = None
    change_pct: float | None = None
    change_points: float | None = None
    level: float | None = None
    period: str | None = None
    session: str | None = None  # ISO date of the session; for a period, its last session
    modality: str = "reported"
    # how the numbers were written ("0.80%"): checking honours the stated precision
    stated: dict[str, str] = field(default_factory=dict)
    qualifier: str | None = None  # about|nearly|more than|less than|at least|...
    verb: str | None = None  # the move word as written: "surged", "edged"
    time_text: str | None = None  # the words that anchored the session ("Tuesday")
    period_start: str | None = None  # ISO date, for "since <date>" periods
    speaker: str | None = None  # set when the claim is quoted speech of a person
    # comparison
    relation: str | None = None  # outperformed|underperformed
    benchmarks: list[Instrument] = field(default_factory=list)
    # record / streak
    what: str | None = None
    length: int | None = None
    unit: str | None = None
    # deal
    deal_type: str | None = None
    parties: list[Party] = field(default_factory=list)
    quantity: float | None = None
    item: str | None = None
    value: Money | None = None
    status: str | None = None
    # rate policy
    bank: str | None = None
    action: str | None = None
    bp: float | None = None
    horizon: DateRange | None = None
    # the claim's span inside the sentence (relative to char_start)
    span_start: int | None = None
    span_end: int | None = None
    # who read it: None for the rule components; "tagger" for the tagger-guided second pass
    # (analyzer/extract/guided.py), a looser reading that the checker never turns into an accusation
    reader: str | None = None

    @property
    def char_range(self) -> tuple[int, int]:
        """Where the claim lies in its article's text (document offsets): its span when given, else its sentence."""
        if self.span_start is not None and self.span_end is not None:
            return self.char_start + self.span_start, self.char_start + self.span_end
        return self.char_start, self.char_end

    @property
    def claim_id(self) -> str:
        """Deterministic and unique per claim: the article, where the claim lies, and what it states.

        Two claims of one span ("up 17 percent ... and nearly 60 percent from the low") differ in their
        figures or period, so those are part of the key too.
        """
        instrument = (self.instrument.symbol or self.instrument.name) if self.instrument else ""
        parts = (self.article_id, self.char_start, self.char_end, self.span_start, self.span_end, self.kind,
                 instrument, self.direction, self.change_pct, self.change_points, self.level, self.period,
                 self.session, self.what, self.relation, self.length, self.bank, self.action, self.bp)
        return hashlib.sha1("|".join("" if p is None else str(p) for p in parts).encode()).hexdigest()[:16]


@dataclass
class Evidence:
    """The data one verdict rests on: which series, from where, and the figures read from it."""

    symbol: str | None = None
    series: str | None = None  # close|adj_close|fomc_decisions|...
    source: str | None = None  # file or provider the figures came from
    session: str | None = None
    figures: dict[str, Any] = field(default_factory=dict)
    proxy_for: str | None = None  # set when the series stands in for an instrument without its own data


@dataclass
class Verdict:
    verdict: str
    explanation: str
    evidence: list[Evidence] = field(default_factory=list)
    diagnosis: dict[str, Any] | None = None  # e.g. {"session": "2025-08-22", "change_pct": 1.95}
    # for `contradicted`: how far off, in the stated unit ({"unit": "percent", "stated": 2.0, "actual": 0.07,
    # "off_by": 1.93}), so that "20.63 vs 20.66" reads differently from "2% vs 0.07%"
    severity: dict[str, Any] | None = None
    # the readings of the claim the checker tried before its verdict ("the day", "the week", "intraday")
    readings: list[str] = field(default_factory=list)


@dataclass
class CheckedClaim:
    claim: Claim
    verdict: Verdict

    def to_dict(self) -> dict[str, Any]:
        row = to_dict(self.claim)
        row["claim_id"] = self.claim.claim_id
        row.update(to_dict(self.verdict))
        return row

    @classmethod
    def from_dict(cls, row: dict[str, Any]) -> CheckedClaim:
        claim = from_dict(Claim, row)
        verdict = from_dict(Verdict, row)
        return cls(claim, verdict)


# ---- the one serialisation -------------------------------------------------------------------

def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def to_dict(record: Any) -> dict[str, Any]:
    return _plain(asdict(record))


T = TypeVar("T")


def from_dict(cls: type[T], row: dict[str, Any]) -> T:
    """Build ``cls`` from a dict made by ``to_dict``; unknown keys are ignored (a newer writer)."""
    kwargs: dict[str, Any] = {}
    for f in fields(cls):  # type: ignore[arg-type]
        if f.name not in row:
            if f.default is MISSING and f.default_factory is MISSING:
                raise ValueError(f"{cls.__name__}: missing field {f.name!r}")
            continue
        kwargs[f.name] = _revive(cls.__name__, f.name, row[f.name])
    return cls(**kwargs)


def _revive(owner: str, name: str, value: Any) -> Any:
    if value is None:
        return None
    nested = _NESTED_TYPES.get((owner, name))
    if nested is None:
        if owner == "Article" and name == "published" and isinstance(value, str):
            return datetime.fromisoformat(value)
        return value
    kind, target = nested
    if kind == "list":
        return [from_dict(target, v) for v in value]
    return from_dict(target, value)


_NESTED_TYPES: dict[tuple[str, str], tuple[str, type]] = {
    ("Claim", "instrument"): ("one", Instrument),
    ("Claim", "benchmarks"): ("list", Instrument),
    ("Claim", "parties"): ("list", Party),
    ("Claim", "value"): ("one", Money),
    ("Claim", "horizon"): ("one", DateRange),
    ("Verdict", "evidence"): ("list", Evidence),
}


def dumps(record: Any) -> str:
    """One JSON line for a record (CheckedClaim rows are flattened)."""
    row = record.to_dict() if isinstance(record, CheckedClaim) else to_dict(record)
    return json.dumps(row, ensure_ascii=False, sort_keys=False)
