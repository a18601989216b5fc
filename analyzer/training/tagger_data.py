"""Training examples for the claim tagger: sentence labels and token spans derived from gold records.

A gold record gives each sentence's claims with their fields (kinds, modality, figures as floats,
instrument name and symbol, deal parties and value, bank, period), not where in the sentence they are
written. Token tags are therefore found by string matching inside the sentence:

* figures: every number written with digits is parsed ("2,626.71", "0.34", "$41.20", "1.5 billion") and
  matched to the gold field with the same value; the role comes from the field (``change_pct`` -> PCT,
  ``change_points`` -> PTS, ``level`` -> LEVEL, deal ``value`` -> VALUE, ``quantity`` -> QTY, ``bp`` ->
  BP). The span runs over the unit written after the number ("percent", "%", "points", "basis points",
  "million"). Numbers written as words ("two hundred points", "a quarter point", "half a percent") are
  not aligned and counted as such.
* instruments and parties: the gold name, else a shorter form of it (the name without its corporate
  suffix, its first two words, its first word when capitalised and at least four letters long), else the
  curated aliases of an index or yield (``analyzer/market/aliases.csv``: "Standard & Poor's 500", "the Dow"),
  else the symbol as a word ("WMT" in "( WMT.N )"), case-insensitive at word boundaries; mentions by reference
  ("the index", "the blue-chip average", "it") are not aligned.
* banks: the bank's name or its usual names ("Fed", "Federal Reserve", "FOMC", "central bank").
* periods: the period words of the gold period ("week", "month", "year to date", weekday names for a day,
  "midday"/"morning" for intraday) when the sentence contains them.

Every field that could not be aligned is counted in ``AlignmentReport`` (the model card prints it); the
sentence labels (kinds, modality) need no alignment and are always exact.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from analyzer.evaluate import GoldSentence
from analyzer.models.tagger import MODALITY_LABELS, SENTENCE_KINDS, TAG_LABELS
from analyzer.records import Claim

NUMBER_RE = re.compile(r"(?<![\w.])([$€£¥])?\s?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
                       r"(\s?(?:%|percent(?:age points?)?|per cent|pct|basis[- ]points?|bps?|points?|pts|"
                       r"million|billion|trillion|mln|bln|bn|m\b))?", re.I)
SCALE = {"million": 1e6, "mln": 1e6, "m": 1e6, "billion": 1e9, "bln": 1e9, "bn": 1e9, "trillion": 1e12}
_SUFFIX_RE = re.compile(r"[,.]?\s+(?:inc|corp|corporation|co|company|ltd|plc|llc|sa|ag|nv|holdings?|group)\.?$",
                        re.I)
BANK_WORDS = {
    "fed": r"Fed|Federal Reserve|FOMC|Federal Open Market Committee|central bank|policymakers",
    "ecb": r"ECB|European Central Bank|central bank",
    "boe": r"BoE|BOE|Bank of England|central bank",
    "boj": r"BoJ|BOJ|Bank of Japan|central bank",
}
PERIOD_WORDS = {
    "day": r"Monday|Tuesday|Wednesday|Thursday|Friday|today|on the day|session",
    "intraday": r"midday|morning|afternoon|early trade|early trading|intraday|at the open",
    "week": r"(?:this|last|the) week|weekly|for the week|week",
    "month": r"(?:this|last|the) month|monthly|for the month|January|February|March|April|May|June|July|August|"
             r"September|October|November|December",
    "quarter": r"quarter",
    "year": r"(?:this|last|the) year|for the year|\b20\d\d\b",
    "ytd": r"year to date|year-to-date|so far this year|this year|for the year",
}
FIGURE_TAGS = {"change_pct": "PCT", "change_points": "PTS", "level": "LEVEL", "bp": "BP", "quantity": "QTY"}


@dataclass
class TaggerExample:
    text: str
    kinds: tuple[str, ...]  # the sentence's claim kinds (empty: claim-free)
    modality: str | None  # of its first claim; None for a claim-free sentence
    spans: list[tuple[int, int, str]]  # (start, end, tag type) in the sentence
    source: str
    weight: float = 1.0

    def kind_vector(self) -> list[float]:
        return [1.0 if kind in self.kinds else 0.0 for kind in SENTENCE_KINDS]

    def modality_index(self) -> int:
        return MODALITY_LABELS.index(self.modality) if self.modality else -1


@dataclass
class AlignmentReport:
    """How many gold fields were found in their sentence, per tag type."""

    aligned: Counter[str] = field(default_factory=Counter)
    missed: Counter[str] = field(default_factory=Counter)

    def add(self, tag: str, found: bool) -> None:
        (self.aligned if found else self.missed)[tag] += 1

    def rows(self) -> list[dict[str, object]]:
        tags = sorted(set(self.aligned) | set(self.missed))
        return [{"tag": t, "aligned": self.aligned[t], "missed": self.missed[t],
                 "share": self.aligned[t] / max(self.aligned[t] + self.missed[t], 1)} for t in tags]


@dataclass(frozen=True)
class Number:
    start: int
    end: int  # including the unit
    value: float  # scaled ("1.5 billion" -> 1.5e9)
    raw: float  # as written ("1.5")
    unit: str


def numbers_in(text: str) -> list[Number]:
    out = []
    for match in NUMBER_RE.finditer(text):
        raw = float(match.group(2).replace(",", ""))
        unit = (match.group(3) or "").strip().lower()
        start = match.start(1) if match.group(1) else match.start(2)
        out.append(Number(start, match.end(), raw * SCALE.get(unit, 1.0), raw, unit))
    return out


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(b))


def _unit_fits(tag: str, unit: str) -> bool:
    if tag == "PCT":
        return unit in ("%", "percent", "per cent", "pct") or unit.startswith("percentage")
    if tag == "PTS":
        return unit in ("points", "point", "pts", "")
    if tag == "BP":
        return unit.startswith(("basis", "bp")) or unit.startswith("percentage")
    if tag == "LEVEL":
        return unit in ("", "%", "percent")  # a yield's level is a percentage
    return True


def find_figure(text: str, value: float, tag: str, used: set[int]) -> tuple[int, int] | None:
    """The first unused number in ``text`` equal to ``value`` with a unit that fits the role."""
    candidates = [n for n in numbers_in(text) if n.start not in used]
    if tag == "VALUE":
        matches = [n for n in candidates if _close(n.value, value) or _close(n.raw, value)]
    elif tag == "BP":
        matches = [n for n in candidates if (_close(n.raw, value) or _close(n.raw * 100, value))
                   and _unit_fits(tag, n.unit)]
    else:
        matches = [n for n in candidates if _close(n.raw, value)]
        matches = [n for n in matches if _unit_fits(tag, n.unit)] or (matches if tag == "LEVEL" else [])
    if not matches:
        return None
    used.add(matches[0].start)
    return matches[0].start, matches[0].end


def name_forms(name: str) -> list[str]:
    """The gold name and shorter forms a writer uses for it, longest first."""
    forms = [name]
    bare = _SUFFIX_RE.sub("", name).strip()
    words = bare.split()
    forms.append(bare)
    if len(words) > 2:
        forms.append(" ".join(words[:2]))
    if words and len(words[0]) >= 4 and words[0][0].isupper():
        forms.append(words[0])
    return list(dict.fromkeys(f for f in forms if f))


def find_words(text: str, forms: Iterable[str]) -> tuple[int, int] | None:
    for form in forms:
        match = re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text, re.I)
        if match:
            return match.start(), match.end()
    return None


def find_pattern(text: str, pattern: str) -> tuple[int, int] | None:
    match = re.search(rf"(?<!\w)(?:{pattern})(?!\w)", text, re.I)
    return (match.start(), match.end()) if match else None


@lru_cache(maxsize=1)
def curated_aliases() -> dict[str, list[str]]:
    """The curated names of indices, yields and commodities by symbol (analyzer/market/aliases.csv)."""
    from analyzer.market.registry import _builtin_alias_rows

    out: dict[str, list[str]] = {}
    for row in _builtin_alias_rows():
        out.setdefault(row["symbol"], []).append(row["alias"])
    return {symbol: sorted(names, key=len, reverse=True) for symbol, names in out.items()}


def _instrument_span(text: str, claim: Claim) -> tuple[int, int] | None:
    if claim.instrument is None:
        return None
    forms = name_forms(claim.instrument.name) + curated_aliases().get(claim.instrument.symbol or "", [])
    symbol = (claim.instrument.symbol or "").lstrip("^")
    if symbol and len(symbol) >= 2:
        forms.append(symbol)
    return find_words(text, forms)


def claim_spans(text: str, claim: Claim, used: set[int], report: AlignmentReport) -> list[tuple[int, int, str]]:
    """The tag spans of one gold claim that string matching finds in its sentence."""
    wanted: list[tuple[str, tuple[int, int] | None]] = []
    for name, tag in FIGURE_TAGS.items():
        value = getattr(claim, name)
        if value is not None and not (name == "level" and claim.kind == "rate_policy"):
            wanted.append((tag, find_figure(text, float(value), tag, used)))
    if claim.value is not None:
        wanted.append(("VALUE", find_figure(text, claim.value.amount, "VALUE", used)))
    if claim.instrument is not None:
        wanted.append(("INSTR", _instrument_span(text, claim)))
    for party in claim.parties:
        wanted.append(("PARTY", find_words(text, name_forms(party.name))))
    if claim.bank:
        wanted.append(("BANK", find_pattern(text, BANK_WORDS.get(claim.bank.lower(), re.escape(claim.bank)))))
    if claim.period in PERIOD_WORDS and claim.kind != "rate_policy":
        wanted.append(("PERIOD", find_pattern(text, PERIOD_WORDS[claim.period])))
    out = []
    for tag, span in wanted:
        report.add(tag, span is not None)
        if span is not None:
            out.append((span[0], span[1], tag))
    return out


def non_overlapping(spans: Iterable[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Spans in text order, a span overlapping one already kept dropped (the same name matched twice)."""
    kept: list[tuple[int, int, str]] = []
    for span in sorted(set(spans), key=lambda s: (s[0], -(s[1] - s[0]))):
        if all(span[0] >= k[1] or span[1] <= k[0] for k in kept):
            kept.append(span)
    return kept


def example_from_gold(gold: GoldSentence, report: AlignmentReport, weight: float = 1.0) -> TaggerExample:
    text = gold.sentence
    used: set[int] = set()
    spans = [span for claim in gold.claims for span in claim_spans(text, claim, used, report)]
    kinds = tuple(dict.fromkeys(c.kind for c in gold.claims if c.kind in SENTENCE_KINDS))
    modality = gold.claims[0].modality if gold.claims else None
    return TaggerExample(text=text, kinds=kinds, modality=modality, spans=non_overlapping(spans),
                         source=gold.source, weight=weight)


def examples_from_gold(golds: Sequence[GoldSentence], weight: float = 1.0) -> tuple[list[TaggerExample],
                                                                                     AlignmentReport]:
    report = AlignmentReport()
    return [example_from_gold(g, report, weight) for g in golds if g.sentence.strip()], report


def token_labels(spans: Sequence[tuple[int, int, str]], offsets: Sequence[tuple[int, int]]) -> list[int]:
    """BIO label indexes for tokens with these character offsets (-100 for special tokens: no loss).

    A token starting inside a span is B when it is the span's first token, I after that."""
    labels = []
    span_seen: set[int] = set()
    for start, end in offsets:
        if start == end:
            labels.append(-100)
            continue
        label = "O"
        for index, (span_start, span_end, tag) in enumerate(spans):
            if span_start <= start < span_end:
                label = f"{'I' if index in span_seen else 'B'}-{tag}"
                span_seen.add(index)
                break
        labels.append(TAG_LABELS.index(label))
    return labels
