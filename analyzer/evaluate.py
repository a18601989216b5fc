"""Measure the pipeline against hand-annotated gold sentences (``corpora/``).

Gold records point at real articles by corpus, id and character offsets; the article text is read
from the shared data at run time, never stored in the repository (``corpora/README.md`` describes
the format). This module sits above the stages, like the CLI: it runs extraction and checking on
each gold sentence's article and scores what comes back.

Two measurements:

* ``evaluate_extraction`` matches predicted claims to gold claims per sentence (by kind and
  instrument, the parties of a deal, the bank of a rate decision) and reports precision, recall
  and F1 per kind, per-field agreement on matched pairs, the false-claim rate on claim-free
  sentences and verdict accuracy where the gold has a verdict.
* ``evaluate_verification`` feeds the gold claims of the verification set (real reported closes,
  verified by hand) and a mutated copy of each (a number, the direction, the session or the
  instrument changed) straight to the checker, and reports verdict accuracy.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from analyzer.errors import InputError
from analyzer.ingest.readers import RESERVED_FROM_DAY
from analyzer.ingest.shared_data import HOW_TO_POINT, REUTERS_ALL, REUTERS_WRAPS, TRADINGVIEW, read_dump
from analyzer.records import CLAIM_KINDS, Article, Claim, from_dict

CORPORA = ("reuters_2006_2013", "tradingview_2025_02", "rss", "written",
           "benzinga_headlines",
           "reuters_headlines",
           "fnspid_summaries",
           "tradingview_titles")
# Reuters articles from this day on are reserved for blind evaluation: gold may never point at them.
SCORED_FIELDS = (
    "direction",
    "change_pct",
    "change_points",
    "level",
    "session",
    "period",
    "parties",
    "value",
    "bp",
    "modality",
)
_RSS = Path("news/rss")  # saved feeds; an item's id and text are what the feed reader makes of it


@dataclass
class GoldSentence:
    """One annotated sentence: where it lies in its article and the claims a careful reader finds."""

    corpus: str
    article: Article
    char_start: int
    char_end: int
    claims: list[Claim]
    verdicts: list[str | None]  # per gold claim; None where the annotator gave none
    source: str  # "file:line" of the gold record, for messages

    @property
    def sentence(self) -> str:
        return self.article.text[self.char_start : self.char_end]

    @property
    def key(self) -> tuple[str, str, int]:
        return (self.corpus, self.article.id, self.char_start)


def sentence_sha1(sentence: str) -> str:
    """The short fingerprint each gold record stores to prove its offsets still select its sentence."""
    return hashlib.sha1(sentence.encode("utf-8")).hexdigest()[:12]


# ---- loading ----------------------------------------------------------------------------------


def load_gold(path: Path, shared_data: Path) -> list[GoldSentence]:
    """Read a gold JSONL file and resolve every record's article text from ``shared_data``.

    Raises InputError when the file is malformed, the shared data is missing, an article is not
    found (or is reserved), or the offsets no longer select the recorded sentence.
    """
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"{path}: cannot read gold file: {exc.strerror or exc}") from exc
    records: list[tuple[str, dict[str, Any]]] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{where}: not JSON: {exc.msg}") from exc
        _check_record_shape(row, where)
        records.append((where, row))
    articles = _resolve_articles(records, Path(shared_data))
    return [_gold_sentence(where, row, articles) for where, row in records]


def load_gold_files(paths: Iterable[Path], shared_data: Path) -> list[GoldSentence]:
    return [gold for path in paths for gold in load_gold(path, shared_data)]


def _check_record_shape(row: Any, where: str) -> None:
    if not isinstance(row, dict):
        raise InputError(f"{where}: a gold record must be a JSON object")
    for key in ("corpus", "article_id", "char_start", "char_end", "sha1", "claims"):
        if key not in row:
            raise InputError(f"{where}: gold record lacks {key!r}")
    if row["corpus"] not in CORPORA:
        raise InputError(f"{where}: unknown corpus {row['corpus']!r} (expected one of {', '.join(CORPORA)})")
    if row["corpus"] == "written" and not (isinstance(row.get("text"), str) and row.get("published")):
        raise InputError(f"{where}: a 'written' record needs its own 'text' and 'published'")
    if row["corpus"] != "written" and "text" in row:
        raise InputError(
            f"{where}: only 'written' records may carry text; real articles are read from the shared data"
        )
    if not isinstance(row["claims"], list):
        raise InputError(f"{where}: 'claims' must be a list")
    for claim in row["claims"]:
        if not isinstance(claim, dict) or claim.get("kind") not in CLAIM_KINDS:
            raise InputError(f"{where}: claim {claim!r} has no known kind")


def _resolve_articles(
    records: list[tuple[str, dict[str, Any]]], shared_data: Path
) -> dict[tuple[str, str], Article]:
    """Fetch the articles the records name, reading each shared file at most once."""
    wanted: dict[str, set[str]] = defaultdict(set)
    for _, row in records:
        if row["corpus"] != "written":
            wanted[row["corpus"]].add(str(row["article_id"]))
    found: dict[tuple[str, str], Article] = {}
    if wanted.get("reuters_2006_2013"):
        found.update(_reuters_articles(wanted["reuters_2006_2013"], shared_data))
    if wanted.get("tradingview_2025_02"):
        found.update(_tradingview_articles(wanted["tradingview_2025_02"], shared_data))
    if wanted.get("rss"):
        found.update(_rss_articles(wanted["rss"], shared_data))
    found.update(_benzinga_articles(wanted.get("benzinga_headlines", set()), shared_data))
    found.update(_reuters_headline_articles(wanted.get("reuters_headlines", set()), shared_data))
    found.update(_fnspid_articles(wanted.get("fnspid_summaries", set()), shared_data))
    found.update(_tradingview_title_articles(wanted.get("tradingview_titles", set()), shared_data))
    for where, row in records:
        if row["corpus"] == "written":
            found[("written", str(row["article_id"]))] = _written_article(row, where)
    return found


def _read_jsonl_gz(path: Path) -> Iterable[dict[str, Any]]:
    return read_dump(path, "gold records resolve their article text from it")


def _all_found(ids: set[str], found: dict[tuple[str, str], Article], where: str) -> dict[tuple[str, str], Article]:
    """``found`` when it holds every id asked for; else an error naming the missing ids and ``where`` they were
    sought."""
    missing = ids - {key[1] for key in found}
    if missing:
        raise InputError(f"{where}: {', '.join(sorted(missing))}")
    return found


def _reuters_articles(ids: set[str], shared_data: Path) -> dict[tuple[str, str], Article]:
    from analyzer.ingest import parse_published

    found: dict[tuple[str, str], Article] = {}
    missing = set(ids)
    # the market-wrap subset is small: most dev articles are found there without opening the full file
    for source in (REUTERS_WRAPS, REUTERS_ALL):
        if not missing:
            break
        for row in _read_jsonl_gz(shared_data / source):
            if row["id"] not in missing:
                continue
            if int(row["day"]) >= RESERVED_FROM_DAY:
                raise InputError(
                    f"Reuters article {row['id']} is dated {row['day']}: articles from 2010 on are "
                    "reserved for blind evaluation and may not appear in gold files"
                )
            found[("reuters_2006_2013", row["id"])] = Article(
                id=row["id"],
                text=row["body"],
                published=parse_published(row["published"]),
                url=row.get("url"),
                source="Reuters",
                title=row.get("title"),
                published_raw=row["published"],
            )
            missing.discard(row["id"])
    if missing:
        raise InputError(
            f"Reuters articles not found in {shared_data / REUTERS_ALL}: {', '.join(sorted(missing))}"
        )
    return found


def _tradingview_articles(ids: set[str], shared_data: Path) -> dict[tuple[str, str], Article]:
    from analyzer.ingest import parse_published

    found: dict[tuple[str, str], Article] = {}
    for row in _read_jsonl_gz(shared_data / TRADINGVIEW):
        if row["id"] in ids:
            found[("tradingview_2025_02", row["id"])] = Article(
                id=row["id"],
                text=row.get("text") or "",
                published=parse_published(row["published"]),
                url=row.get("url"),
                source=row.get("source"),
                title=row.get("title"),
                published_raw=row["published"],
            )
    return _all_found(ids, found, f"TradingView items not found in {shared_data / TRADINGVIEW}")


# the 2025-02 wire outlets of dev and train; every other TradingView outlet is held out
_TITLE_OUTLETS = frozenset({"Reuters", "MT Newswires"})


def _tradingview_title_articles(ids: set[str], shared_data: Path) -> dict[tuple[str, str], Article]:
    """TradingView items whose body is empty, by their id: the title is the whole text (a flash headline)."""
    from analyzer.ingest import parse_published

    if not ids:
        return {}
    found: dict[tuple[str, str], Article] = {}
    for row in _read_jsonl_gz(shared_data / TRADINGVIEW):
        if row["id"] not in ids:
            continue
        if row.get("source") not in _TITLE_OUTLETS:
            raise InputError(
                f"TradingView item {row['id']} is from {row.get('source')!r}: only the titles of "
                f"{', '.join(sorted(_TITLE_OUTLETS))} may appear in gold files (the other outlets are held out)"
            )
        found[("tradingview_titles", row["id"])] = Article(
            id=row["id"], text=row.get("title") or "", published=parse_published(row["published"]),
            url=row.get("url"), source=row.get("source"), title=row.get("title"), published_raw=row["published"],
        )
    return _all_found(ids, found, f"TradingView titles not found in {shared_data / TRADINGVIEW}")


def _rss_articles(ids: set[str], shared_data: Path) -> dict[tuple[str, str], Article]:
    """Feed items by the id ``analyzer run`` gives them, read with the project's own feed parser."""
    from analyzer.ingest.feeds import parse_feed

    feeds = sorted((shared_data / _RSS).glob("*.xml"))
    if not feeds:
        raise InputError(
            f"no saved feeds (*.xml) in {shared_data / _RSS}: gold records resolve their text from them "
            "(pass --shared-data DIR or set ANALYZER_SHARED_DATA)"
        )
    found: dict[tuple[str, str], Article] = {}
    for path in feeds:
        for item in parse_feed(path.read_bytes(), str(path)).items:
            if item.article.id in ids:
                found[("rss", item.article.id)] = item.article
    return _all_found(ids, found, f"feed items not found in {shared_data / _RSS}/*.xml")


_BENZINGA = Path("news/benzinga_sample/analyst_ratings_processed_first10k.csv")
_REUTERS_HEADLINES = Path("news/headlines_2007_2016/reuters_market_headlines_filtered.jsonl.gz")


def _benzinga_articles(ids: set[str], shared_data: Path) -> dict[tuple[str, str], Article]:
    """Benzinga headlines by the row index of the sample: the title is the whole text."""
    import csv

    from analyzer.ingest import parse_published

    if not ids:
        return {}
    path = shared_data / _BENZINGA
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise InputError(f"cannot read Benzinga headlines {path}: {exc.strerror or exc} ({HOW_TO_POINT})") from exc
    found: dict[tuple[str, str], Article] = {}
    with handle:
        for row in csv.DictReader(handle):
            key = row.get("") or ""
            if key in ids:
                found[("benzinga_headlines", key)] = Article(
                    id=key, text=row["title"], published=parse_published(row["date"]), source="Benzinga",
                    title=row["title"], published_raw=row["date"],
                )
    return _all_found(ids, found, f"Benzinga headlines not found in {path}")


def _headline_year_allowed(row: dict[str, Any]) -> bool:
    """Reuters headlines of 2008 and of 2010 on are held out (2008 like the audit, 2010 on blind)."""
    year = int(str(row["day"])[:4])
    return year != 2008 and int(row["day"]) < RESERVED_FROM_DAY


def _reuters_headline_articles(ids: set[str], shared_data: Path) -> dict[tuple[str, str], Article]:
    """Reuters market headlines by the id at the end of their link (``idUSN...``); the title is the text."""
    from analyzer.ingest import parse_published

    if not ids:
        return {}
    found: dict[tuple[str, str], Article] = {}
    for row in _read_jsonl_gz(shared_data / _REUTERS_HEADLINES):
        key = str(row.get("href") or "").rstrip("/").rsplit("/", 1)[-1]
        if key not in ids or ("reuters_headlines", key) in found:
            continue
        if not _headline_year_allowed(row):
            raise InputError(
                f"Reuters headline {key} is dated {row['day']}: headlines of 2008 and of 2010 on are held out "
                "and may not appear in gold files"
            )
        found[("reuters_headlines", key)] = Article(
            id=key, text=row["title"], published=parse_published(row["ts"]), url=row.get("href"),
            source="Reuters", title=row["title"], published_raw=row["ts"],
        )
    return _all_found(ids, found, f"Reuters headlines not found in {shared_data / _REUTERS_HEADLINES}")


def _fnspid_articles(ids: set[str], shared_data: Path) -> dict[tuple[str, str], Article]:
    """FNSPID's Nasdaq.com article summaries (CC BY-NC): the id is the row's Url, the text its New_text."""
    import csv

    from analyzer.ingest import parse_published

    if not ids:
        return {}
    path = shared_data / "news" / "fnspid_samples" / "news_summarized_AA.csv"
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = [row for row in csv.DictReader(handle) if row.get("Url") in ids]
    except OSError as exc:
        raise InputError(f"{path}: cannot read the FNSPID summaries: {exc.strerror or exc}") from exc
    found = {
        ("fnspid_summaries", row["Url"]): Article(
            id=row["Url"],
            text=row.get("New_text") or "",
            published=parse_published(row["Date"]),
            url=row["Url"],
            source="Nasdaq.com (FNSPID)",
            published_raw=row["Date"],
        )
        for row in rows
    }
    return _all_found(ids, found, f"FNSPID summaries not found in {path}")


def _written_article(row: dict[str, Any], where: str) -> Article:
    from analyzer.ingest import parse_published

    return Article(
        id=str(row["article_id"]),
        text=row["text"],
        published=parse_published(row["published"]),
        source="written",
        published_raw=row["published"],
    )


def _gold_sentence(where: str, row: dict[str, Any], articles: dict[tuple[str, str], Article]) -> GoldSentence:
    article = articles[(row["corpus"], str(row["article_id"]))]
    start, end = row["char_start"], row["char_end"]
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(article.text)):
        raise InputError(
            f"{where}: offsets {start}..{end} do not fit article {article.id} "
            f"({len(article.text)} characters)"
        )
    sentence = article.text[start:end]
    if sentence_sha1(sentence) != row["sha1"]:
        raise InputError(
            f"{where}: offsets {start}..{end} of article {article.id} no longer select the "
            f"annotated sentence (sha1 {sentence_sha1(sentence)} != {row['sha1']}): {sentence[:60]!r}"
        )
    claims: list[Claim] = []
    verdicts: list[str | None] = []
    for gold in row["claims"]:
        fields = {k: v for k, v in gold.items() if k != "verdict"}
        fields.update(article_id=article.id, sentence=sentence, char_start=start, char_end=end)
        try:
            claims.append(from_dict(Claim, fields))
        except (TypeError, ValueError) as exc:
            raise InputError(f"{where}: claim {gold!r} is not a valid Claim: {exc}") from exc
        verdicts.append(gold.get("verdict"))
    return GoldSentence(row["corpus"], article, start, end, claims, verdicts, where)


# ---- matching ---------------------------------------------------------------------------------

_SYMBOL_ALIASES = {"GOOGL": "GOOG", "BRK.B": "BRK-B", "^SPX": "^GSPC", "^DJIA": "^DJI"}
_BANKS = {
    "fed": "fed",
    "federal reserve": "fed",
    "the fed": "fed",
    "fomc": "fed",
    "federal open market committee": "fed",
    "european central bank": "ecb",
    "ecb": "ecb",
    "bank of england": "boe",
    "boe": "boe",
    "bank of japan": "boj",
    "boj": "boj",
    "bank of canada": "boc",
    "boc": "boc",
    "reserve bank of australia": "rba",
    "rba": "rba",
    "swiss national bank": "snb",
    "snb": "snb",
    "people's bank of china": "pboc",
    "pboc": "pboc",
    "reserve bank of india": "rbi",
    "rbi": "rbi",
}
_COMPANY_SUFFIX = re.compile(
    r"\b(inc|corp|corporation|co|company|ltd|plc|llc|sa|ag|nv|holdings?|group)\b\.?", re.I
)


def instrument_key(claim: Claim) -> str:
    """What identifies a move/record/streak/comparison claim's instrument: its symbol, else its name."""
    if claim.instrument is None:
        return ""
    if claim.instrument.symbol:
        symbol = claim.instrument.symbol.upper()
        return _SYMBOL_ALIASES.get(symbol, symbol)
    return "name:" + _company(claim.instrument.name)


def _company(name: str | None) -> str:
    text = _COMPANY_SUFFIX.sub(" ", (name or "").lower())
    return " ".join(re.sub(r"[^a-z0-9&]+", " ", text).split())


def _other_bank_aliases() -> dict[str, str]:
    """The extractor's names for central banks outside ``_BANKS`` (the rates lexicon: alias -> name), lower-cased,
    each name also its own alias: 'RBNZ' and 'Reserve Bank of New Zealand' are one bank."""
    from analyzer.extract import lexicon

    aliases = {" ".join(a.lower().split()): " ".join(n.lower().split())
               for a, n in lexicon.labels("rates", "other_central_banks").items()}
    return {**{name: name for name in aliases.values()}, **aliases}


_OTHER_BANK_ALIASES = _other_bank_aliases()


def bank_key(bank: str | None) -> str:
    name = " ".join((bank or "").lower().split())
    name = _OTHER_BANK_ALIASES.get(name, _OTHER_BANK_ALIASES.get(name.removeprefix("the "), name))
    return _BANKS.get(name, _BANKS.get(name.removeprefix("the "), name))


def _party_names(claim: Claim) -> set[str]:
    return {_company(p.name) for p in claim.parties if p.name}


def _parties_overlap(gold: Claim, pred: Claim) -> bool:
    gold_names, pred_names = _party_names(gold), _party_names(pred)
    return any(g == p or (g and p and (g in p or p in g)) for g in gold_names for p in pred_names)


def same_claim(gold: Claim, pred: Claim) -> bool:
    """Whether a predicted claim is about the same thing as a gold claim (fields aside)."""
    if gold.kind != pred.kind:
        return False
    if gold.kind == "deal":
        return _parties_overlap(gold, pred)
    if gold.kind == "rate_policy":
        return bank_key(gold.bank) == bank_key(pred.bank)
    gold_key, pred_key = instrument_key(gold), instrument_key(pred)
    if gold_key == pred_key:
        return True
    # a gold symbol against a predicted name-only instrument (or the reverse): compare names
    return bool(
        gold.instrument
        and pred.instrument
        and _company(gold.instrument.name) == _company(pred.instrument.name)
        and not (gold.instrument.symbol and pred.instrument.symbol)
    )


def _numbers_equal(a: float, b: float) -> bool:
    # gold stores magnitudes as written ("fell 0.34 percent" -> 0.34, down); a signed prediction is fine
    return math.isclose(abs(a), abs(b), rel_tol=1e-6, abs_tol=0.005)


def field_value(claim: Claim, name: str) -> Any:
    value = getattr(claim, name)
    if name == "parties":
        return frozenset((_company(p.name), p.role) for p in value) or None
    if name == "value" and value is not None:
        return (float(value.amount), (value.currency or "USD").upper())
    if name == "modality":
        return value or "reported"
    return value


def field_agrees(gold: Claim, pred: Claim, name: str) -> bool:
    g, p = field_value(gold, name), field_value(pred, name)
    if g is None or p is None:
        return g is None and p is None
    if name == "value":
        return g[1] == p[1] and math.isclose(g[0], p[0], rel_tol=0.01)
    if isinstance(g, int | float) and isinstance(p, int | float) and not isinstance(g, bool):
        return _numbers_equal(float(g), float(p))
    return g == p


def match_claims(gold: Sequence[Claim], pred: Sequence[Claim]) -> list[tuple[int, int]]:
    """Pair gold and predicted claims of one sentence one-to-one.

    Candidates must be ``same_claim``; among them the pairs agreeing on most scored fields are
    taken first, so two moves of one instrument in a sentence (today's and Friday's) pair up right.
    """
    scored = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if same_claim(g, p):
                agreement = sum(
                    field_agrees(g, p, name) for name in SCORED_FIELDS if field_value(g, name) is not None
                )
                scored.append((-agreement, gi, pi))
    pairs: list[tuple[int, int]] = []
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    for _, gi, pi in sorted(scored):
        if gi not in used_gold and pi not in used_pred:
            pairs.append((gi, pi))
            used_gold.add(gi)
            used_pred.add(pi)
    return sorted(pairs)


# ---- scoring ----------------------------------------------------------------------------------


@dataclass
class Prediction:
    """What the pipeline produced for one gold sentence."""

    claims: list[Claim]
    verdicts: list[str | None] = field(default_factory=list)  # per claim, when checking ran


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@dataclass
class FieldCounts:
    """Agreement on one field over matched pairs: gold has it, prediction has it, both agree."""

    gold: int = 0
    predicted: int = 0
    correct: int = 0

    @property
    def accuracy(self) -> float | None:  # share of gold values reproduced exactly
        return self.correct / self.gold if self.gold else None

    @property
    def f1(self) -> float | None:
        if not self.gold and not self.predicted:
            return None
        return 2 * self.correct / (self.gold + self.predicted)

    def as_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "correct": self.correct,
            "accuracy": self.accuracy,
            "f1": self.f1,
        }


@dataclass
class ExtractionScores:
    sentences: int = 0
    gold_claims: int = 0
    predicted_claims: int = 0
    per_kind: dict[str, Counts] = field(default_factory=dict)
    per_field: dict[str, FieldCounts] = field(default_factory=dict)
    claim_free_sentences: int = 0
    claim_free_with_false_claims: int = 0
    false_claims_on_claim_free: int = 0
    verdicts_gold: int = 0
    verdicts_matched: int = 0
    verdicts_correct: int = 0
    verdict_confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    # why each gold claim was missed and each extra claim was made, by kind: aggregate figures only,
    # so that a held-out split can say where its errors lie without anyone reading its sentences
    missed_because: Counter[tuple[str, str]] = field(default_factory=Counter)
    extra_because: Counter[tuple[str, str]] = field(default_factory=Counter)

    @property
    def overall(self) -> Counts:
        total = Counts()
        for counts in self.per_kind.values():
            total.tp += counts.tp
            total.fp += counts.fp
            total.fn += counts.fn
        return total

    @property
    def false_claim_rate(self) -> float | None:
        if not self.claim_free_sentences:
            return None
        return self.claim_free_with_false_claims / self.claim_free_sentences

    @property
    def verdict_accuracy(self) -> float | None:
        # over gold verdicts whose claim was found; a missed claim counts in verdict_coverage instead
        return self.verdicts_correct / self.verdicts_matched if self.verdicts_matched else None

    @property
    def verdict_coverage(self) -> float | None:
        return self.verdicts_matched / self.verdicts_gold if self.verdicts_gold else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "sentences": self.sentences,
            "gold_claims": self.gold_claims,
            "predicted_claims": self.predicted_claims,
            "overall": self.overall.as_dict(),
            "per_kind": {kind: c.as_dict() for kind, c in self.per_kind.items()},
            "per_field": {name: c.as_dict() for name, c in self.per_field.items()},
            "claim_free_sentences": self.claim_free_sentences,
            "false_claim_rate": self.false_claim_rate,
            "false_claims_on_claim_free": self.false_claims_on_claim_free,
            "verdicts": {
                "gold": self.verdicts_gold,
                "matched": self.verdicts_matched,
                "correct": self.verdicts_correct,
                "accuracy": self.verdict_accuracy,
                "coverage": self.verdict_coverage,
                "confusion": [
                    {"gold": g, "predicted": p, "count": n}
                    for (g, p), n in sorted(self.verdict_confusion.items())
                ],
            },
            "missed_because": _reason_rows(self.missed_because),
            "extra_because": _reason_rows(self.extra_because),
        }


def _reason_rows(counts: Counter[tuple[str, str]]) -> list[dict[str, Any]]:
    return [{"kind": kind, "reason": reason, "count": n} for (kind, reason), n in sorted(counts.items())]


def score_extraction(golds: Sequence[GoldSentence], predictions: Sequence[Prediction]) -> ExtractionScores:
    """Compare predictions with gold, sentence by sentence (``predictions[i]`` belongs to ``golds[i]``)."""
    if len(golds) != len(predictions):
        raise ValueError(f"{len(golds)} gold sentences but {len(predictions)} predictions")
    scores = ExtractionScores(
        per_kind={kind: Counts() for kind in CLAIM_KINDS},
        per_field={name: FieldCounts() for name in SCORED_FIELDS},
    )
    for gold, pred in zip(golds, predictions, strict=True):
        scores.sentences += 1
        scores.gold_claims += len(gold.claims)
        scores.predicted_claims += len(pred.claims)
        if not gold.claims:
            scores.claim_free_sentences += 1
            scores.claim_free_with_false_claims += bool(pred.claims)
            scores.false_claims_on_claim_free += len(pred.claims)
        pairs = match_claims(gold.claims, pred.claims)
        matched_gold = {gi for gi, _ in pairs}
        matched_pred = {pi for _, pi in pairs}
        for gi, g in enumerate(gold.claims):
            counts = scores.per_kind.setdefault(g.kind, Counts())
            if gi in matched_gold:
                counts.tp += 1
            else:
                counts.fn += 1
            if gold.verdicts[gi] is not None:
                scores.verdicts_gold += 1
        for pi, p in enumerate(pred.claims):
            if pi not in matched_pred:
                scores.per_kind.setdefault(p.kind, Counts()).fp += 1
        count_reasons(scores, gold.claims, pred.claims, pairs)
        for gi, pi in pairs:
            g, p = gold.claims[gi], pred.claims[pi]
            count_fields(scores.per_field, g, p)
            expected = gold.verdicts[gi]
            got = pred.verdicts[pi] if pi < len(pred.verdicts) else None
            if expected is not None and got is not None:
                scores.verdicts_matched += 1
                scores.verdicts_correct += expected == got
                scores.verdict_confusion[(expected, got)] += 1
    return scores


MISSED_NO_CLAIM = "the sentence gave no claim"
MISSED_OTHER_KIND = "read as another kind"
MISSED_OTHER_THING = "same kind, another instrument, bank or party"
MISSED_TAKEN = "its match paired with another gold claim"
MISSED_ELSE = "only other claims in the sentence"
EXTRA_CLAIM_FREE = "on a claim-free sentence"
EXTRA_OTHER_KIND = "gold gives it as another kind"
EXTRA_OTHER_THING = "same kind, another instrument, bank or party than gold"
EXTRA_REPEAT = "a second claim of a matched thing"
EXTRA_ELSE = "nothing in the gold like it"
FIGURELESS = "(of these: no figure in the gold claim)"


def _same_thing(gold: Claim, pred: Claim) -> bool:
    """``same_claim`` with the kind set aside: what the claim is about (instrument, bank, parties)."""
    if pred.kind == gold.kind:
        return same_claim(gold, pred)
    if {gold.kind, pred.kind} & {"deal", "rate_policy"}:
        return False  # a deal or a rate claim is about parties or a bank, a move about an instrument
    return same_claim(gold, replace(pred, kind=gold.kind))


def missed_reason(gold: Claim, pred: Sequence[Claim], paired_pred: set[int]) -> str:
    """Why a gold claim found no partner among the sentence's predictions."""
    if not pred:
        return MISSED_NO_CLAIM
    if any(p.kind != gold.kind and _same_thing(gold, p) for p in pred):
        return MISSED_OTHER_KIND
    if any(pi in paired_pred and same_claim(gold, p) for pi, p in enumerate(pred)):
        return MISSED_TAKEN
    if any(pi not in paired_pred and p.kind == gold.kind for pi, p in enumerate(pred)):
        return MISSED_OTHER_THING
    return MISSED_ELSE


def extra_reason(pred: Claim, gold: Sequence[Claim], paired_gold: set[int]) -> str:
    """Why a predicted claim found no partner among the sentence's gold claims."""
    if not gold:
        return EXTRA_CLAIM_FREE
    if any(g.kind != pred.kind and _same_thing(g, pred) for g in gold):
        return EXTRA_OTHER_KIND
    if any(gi in paired_gold and same_claim(g, pred) for gi, g in enumerate(gold)):
        return EXTRA_REPEAT
    if any(g.kind == pred.kind for g in gold):
        return EXTRA_OTHER_THING
    return EXTRA_ELSE


def _figureless(claim: Claim) -> bool:
    return claim.kind not in ("deal", "rate_policy") and all(
        getattr(claim, name) is None for name in ("change_pct", "change_points", "level")
    )


def count_reasons(scores: ExtractionScores, gold: Sequence[Claim], pred: Sequence[Claim],
                  pairs: Sequence[tuple[int, int]]) -> None:
    """Tally why the sentence's unpaired gold and predicted claims went unpaired (see ``missed_reason``)."""
    paired_gold = {gi for gi, _ in pairs}
    paired_pred = {pi for _, pi in pairs}
    for gi, g in enumerate(gold):
        if gi not in paired_gold:
            scores.missed_because[(g.kind, missed_reason(g, pred, paired_pred))] += 1
            if _figureless(g):
                scores.missed_because[(g.kind, FIGURELESS)] += 1
    for pi, p in enumerate(pred):
        if pi not in paired_pred:
            scores.extra_because[(p.kind, extra_reason(p, gold, paired_gold))] += 1


REASON_HEADER = {
    "missed": ["kind", "why a gold claim was missed", "claims"],
    "extra": ["kind", "why a predicted claim matched no gold claim", "claims"],
}


def reason_rows(counts: Counter[tuple[str, str]]) -> list[list[str]]:
    """Rows kind, reason, count, most frequent first within each kind."""
    kinds = {kind for kind, _ in counts}
    ordered = [kind for kind in CLAIM_KINDS if kind in kinds] + sorted(kinds - set(CLAIM_KINDS))
    rows = []
    for kind in ordered:
        items = sorted(
            ((r, n) for (k, r), n in counts.items() if k == kind), key=lambda rn: (rn[0].startswith("("), -rn[1])
        )
        rows += [[kind, reason, str(n)] for reason, n in items]
    return rows


def count_fields(per_field: dict[str, FieldCounts], gold: Claim, pred: Claim) -> None:
    """Tally, for each field in ``per_field``, whether gold and prediction give it and agree on it."""
    for name, counts in per_field.items():
        has_gold = field_value(gold, name) is not None and _field_applies(gold, name)
        has_pred = field_value(pred, name) is not None and _field_applies(gold, name)
        counts.gold += has_gold
        counts.predicted += has_pred
        counts.correct += has_gold and has_pred and field_agrees(gold, pred, name)


def _field_applies(gold: Claim, name: str) -> bool:
    # modality is always set (default "reported"); score it on every pair. Other fields only count
    # where they make sense for the kind, so a deal's missing "direction" is neither right nor wrong.
    if name in ("direction", "change_pct", "change_points", "level", "period"):
        return gold.kind in ("index_move", "stock_move", "streak", "record", "comparison")
    if name in ("parties", "value"):
        return gold.kind == "deal"
    if name in ("bp", "action"):
        return gold.kind == "rate_policy"
    return True


# ---- running the pipeline ---------------------------------------------------------------------


def claim_char_range(claim: Claim) -> tuple[int, int]:
    """Where a predicted claim lies in its article: its span when given, else its sentence."""
    return claim.char_range


def _inside(claim: Claim, gold: GoldSentence) -> bool:
    start, end = claim_char_range(claim)
    if claim.span_start is not None and claim.span_end is not None:
        return gold.char_start <= start and end <= gold.char_end
    # no span: the extractor's sentence must lie mostly inside the gold sentence
    overlap = min(end, gold.char_end) - max(start, gold.char_start)
    return overlap > 0 and overlap >= 0.5 * (end - start)


def predict(
    golds: Sequence[GoldSentence],
    market_dir: Path | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[Prediction]:
    """Run the real extractor (and the checker, when ``market_dir`` is given) over the gold articles.

    Each article is processed whole, with its publication time, so offsets and references to a
    previous sentence work; claims are then kept for the gold sentence their span lies in.
    ``progress`` is called with the number of articles just finished.
    """
    from analyzer.engine import open_engine

    by_article: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, gold in enumerate(golds):
        by_article[(gold.corpus, gold.article.id)].append(index)
    predictions = [Prediction(claims=[]) for _ in golds]
    with open_engine(market_dir, workers=1) as engine:  # the same path as `analyzer check` and `run`
        for indexes in by_article.values():
            article = golds[indexes[0]].article
            analysis = engine.analyze([article])
            if analysis.failures:
                raise RuntimeError(f"{golds[indexes[0]].source}: {analysis.failures[0]}")
            for index in indexes:
                # opinions (kind "valuation") are kept for readers but are no checkable claim to score
                kept = [item for item in analysis if item.claim.article_id == article.id
                        and _inside(item.claim, golds[index]) and item.claim.kind in CLAIM_KINDS]
                predictions[index].claims = [item.claim for item in kept]
                if market_dir is not None:
                    predictions[index].verdicts = [item.verdict.verdict for item in kept]
            if progress is not None:
                progress(1)
    return predictions


class _Checker:
    """The real checker over one market directory, opened once per evaluation."""

    def __init__(self, market_dir: Path) -> None:
        from analyzer.market import MarketData

        self.market = MarketData.open(market_dir)

    def verdicts(self, claims: Sequence[Claim], articles: Sequence[Article] | None = None) -> dict[int, str]:
        from analyzer.check import check_claims

        if not claims:
            return {}
        by_id = {article.id: article for article in articles or ()}
        checked = check_claims(list(claims), self.market, articles=by_id or None)
        if len(checked) != len(claims):
            raise RuntimeError(f"check_claims returned {len(checked)} verdicts for {len(claims)} claims")
        return {id(claim): result.verdict.verdict for claim, result in zip(claims, checked, strict=True)}


def evaluate_extraction(
    golds: Sequence[GoldSentence],
    market_dir: Path | None = None,
    progress: Callable[[int], None] | None = None,
) -> ExtractionScores:
    return score_extraction(golds, predict(golds, market_dir, progress))


def articles_in(golds: Sequence[GoldSentence]) -> int:
    return len({(g.corpus, g.article.id) for g in golds})


# ---- the verification set: real claims and mutated copies ------------------------------------

MUTATIONS = ("number", "direction", "session", "instrument")
_INSTRUMENT_SWAPS = {
    "^DJI": ("^GSPC", "S&P 500"),
    "^GSPC": ("^IXIC", "Nasdaq Composite"),
    "^IXIC": ("^DJI", "Dow Jones industrial average"),
    "^NDX": ("^DJI", "Dow Jones industrial average"),
    "^RUT": ("^DJI", "Dow Jones industrial average"),
}


@dataclass
class VerificationCase:
    claim: Claim
    expected: str
    mutation: str | None  # None for the real claim as annotated
    source: str


def _previous_session(session: str) -> str:
    import exchange_calendars as xcals
    import pandas as pd

    calendar = xcals.get_calendar("XNYS", start="1990-01-01")
    # the day before, rolled back to a session: works whether or not ``session`` itself was one
    day_before = pd.Timestamp(session) - pd.Timedelta(days=1)
    if day_before < calendar.first_session:
        # a claim about 1987 (its biggest fall since October 19, 1987, read at that session): the project's own
        # calendar reaches back before the exchange calendar's first session
        from analyzer.market.calendar import previous_session

        return previous_session(pd.Timestamp(session).date()).isoformat()
    return calendar.date_to_session(day_before, direction="previous").date().isoformat()


def mutate(claim: Claim, how: str) -> Claim | None:
    """A copy of a verified move claim with one thing changed so that it no longer holds.

    The mutated figures sit far from the truth (a percentage raised by at least a full point, a
    level moved 5%), so a correct checker must say ``contradicted``. Returns None when the claim
    has nothing to change in that way.
    """
    if how not in _MUTATORS:
        raise ValueError(f"unknown mutation {how!r} (expected one of {', '.join(MUTATIONS)})")
    if claim.kind not in ("index_move", "stock_move") or claim.modality != "reported":
        return None
    return _MUTATORS[how](claim, replace(claim, stated={}, qualifier=None))


def _mutate_number(claim: Claim, base: Claim) -> Claim | None:
    """The move's figure raised, and written so in the claim's sentence where its figure is found there.

    Not made where the copy could still hold or cannot be checked: a bound ('rose more than 1 percent' holds of
    2 percent too) or a stock's price alone (the data's closes are adjusted, not traded prices)."""
    if _bound(claim):
        return None
    if claim.change_pct is not None:
        bumped = round(abs(claim.change_pct) + max(1.0, abs(claim.change_pct)), 2)
        # the sentence's other figures stay as written, and read ("up 4.22 points, or 1.50 percent, at 856.28")
        kept = {k: v for k, v in claim.stated.items() if k in ("change_points", "level")}
        return _write_figure(claim, replace(base, change_pct=bumped), "change_pct", bumped, kept)
    if claim.level is not None and claim.kind == "index_move":
        level = round(claim.level * 1.05, 2)
        return _write_figure(claim, replace(base, level=level, change_points=None), "level", level)
    return None


def _bound(claim: Claim) -> bool:
    from analyzer.extract.lexicon import words

    return bool(claim.qualifier) and (claim.qualifier or "").lower() in words("numbers", "bound_qualifiers")


def _write_figure(claim: Claim, mutated: Claim, key: str, value: float, kept: dict[str, str] | None = None) -> Claim:
    """``mutated`` with its new figure written in place of the old one in the sentence, as a writer's wrong figure
    would stand there (its period cues then read as the text's own); without the figures not ``kept`` where the
    figure is not found (the copy then holds the changed figure alone)."""
    from analyzer.check.readings import figure_start

    old = claim.stated.get(key)
    at = figure_start(claim.sentence, old, claim.span_start or 0) if old else -1
    kept = kept or {} if old is not None and at >= 0 else {}
    mutated = replace(mutated, **{k: None for k in ("change_points", "level") if k != key and k not in kept})
    if old is None or at < 0:
        return mutated
    decimals = len(old.split(".")[1]) if "." in old else 0
    new = f"{value:,.{decimals}f}" if "," in old else f"{value:.{decimals}f}"
    # ``mutated`` is a copy of ``claim``: the same sentence, end and span to rewrite
    return _rewrite(mutated, at, old, new, stated={**kept, key: new}, qualifier=claim.qualifier)


def _mutate_direction(claim: Claim, base: Claim) -> Claim | None:
    if claim.direction not in ("up", "down") or not (claim.change_pct or claim.change_points):
        return None
    if claim.change_pct is not None and abs(claim.change_pct) < 0.1:
        return None  # a flip of a near-flat move could still pass as "little changed"
    # the figures stay as written in the sentence: their words (where they stand, their precision) stay the claim's
    # and so does a level told with them ("lost 10.74 points, or 1.57 percent, at 671.81")
    stated = {k: v for k, v in claim.stated.items() if k in ("change_pct", "change_points", "level")}
    return replace(base, direction="down" if claim.direction == "up" else "up",
                   level=claim.level if "level" in stated else None, stated=stated, qualifier=claim.qualifier)


def _mutate_session(claim: Claim, base: Claim) -> Claim | None:
    """The move put on the session before, in the claim's own words: a writer who names the wrong day.

    Moving the session alone (the sentence and its article still saying the true day) would copy an extractor's
    slip, not an error of the text, and a checker that reads the article's own day is right not to accuse it. So
    the copy's words name the day before (its day word replaced, or "on <weekday>" set after its figure), its
    ``time_text`` is that day word, and its figures are kept as written.
    """
    if not claim.session or claim.period not in (None, "day") or not _day_figure(claim):
        return None
    session = _previous_session(claim.session)
    sentence, time_text, at, shift = _name_the_day(claim, session)
    end = claim.span_end + shift if claim.span_end is not None and claim.span_end >= at else claim.span_end
    start = claim.span_start + shift if claim.span_start is not None and claim.span_start > at else claim.span_start
    return replace(claim, session=session, time_text=time_text, sentence=sentence, char_end=claim.char_end + shift,
                   span_start=start, span_end=end)


def _day_figure(claim: Claim) -> bool:
    """Whether the claim states a figure that the session before is sure to miss: a move of at least 0.05% or in
    points, or an index's level, told exactly or about. A direction alone ('the Nasdaq ended lower') holds of the
    session before about half the time, a bound ('rose more than 1 percent') of any larger move, and a stock's
    price cannot be checked against the data's adjusted closes: such copies would be no error."""
    if _bound(claim):
        return False
    if claim.change_points or (claim.change_pct is not None and abs(claim.change_pct) >= 0.05):
        return True
    return claim.level is not None and claim.kind == "index_move"


def _name_the_day(claim: Claim, session: str) -> tuple[str, str, int, int]:
    """The claim's sentence with its day word naming ``session``'s weekday: the sentence, the new day words, where
    they stand and how far the text after them moved."""
    import calendar as weekdays

    from analyzer.extract.timeref import WEEKDAY_RE

    day = weekdays.day_name[date.fromisoformat(session).weekday()]
    sentence = claim.sentence
    at = sentence.find(claim.time_text) if claim.time_text else -1
    if at >= 0:
        old = claim.time_text or ""
        named = WEEKDAY_RE.search(old)
        if named is not None:  # "on Tuesday", "Tuesday's": only the weekday changes
            words = old[:named.start(1)] + day + old[named.end(1):]
        elif old.lower().startswith("on ") or not sentence[:at].rstrip().lower().endswith(" on"):
            words = f"on {day}"  # "today", "yesterday", "on March 3"
        else:  # "on" stands before them: "(on) March 3"
            words = day
        words = words[:1].upper() + words[1:] if at == 0 else words  # 'Overnight, ...' -> 'On Monday, ...'
        return sentence[:at] + words + sentence[at + len(old):], words, at, len(words) - len(old)
    # no day word of its own: the day is named after the claim's figure (its span's end, or the sentence's last word)
    at = claim.span_end if claim.span_end is not None else len(sentence.rstrip().rstrip(".;:!?\"'”’"))
    words = f"on {day}"
    return sentence[:at] + " " + words + sentence[at:], words, at + 1, len(words) + 1


def _mutate_instrument(claim: Claim, base: Claim) -> Claim | None:
    if claim.instrument is None or claim.instrument.symbol not in _INSTRUMENT_SWAPS:
        return None
    if claim.level is None and claim.change_points is None:
        # a percentage alone can hold for the other index too (the major indexes often move
        # alike over a week): only a level or a points figure is sure to be wrong after a swap
        return None
    symbol, name = _INSTRUMENT_SWAPS[claim.instrument.symbol]
    return replace(base, instrument=replace(claim.instrument, symbol=symbol, name=name))


_MUTATORS = {"number": _mutate_number, "direction": _mutate_direction, "session": _mutate_session,
             "instrument": _mutate_instrument}


# ---- figure-less injected errors (session 31): errors of the text in claims with no figure of their own --------

FIGURELESS_MUTATIONS = ("streak_length", "since_reach", "comparison_order", "rate_direction", "move_direction")
FIGURELESS_MIN_MOVE = 0.5  # a figure-less move flipped only where the day moved at least this much (percent)
FIGURELESS_MIN_GAP = 0.5  # a comparison flipped only where the two moves differ by at least this much (points)
STREAK_SLIP = 4  # a streak's length told this much longer: 'a fifth straight session' -> 'a ninth'
SINCE_SLIP_YEARS = 3  # a 'since' moved to this many years before the last time the data was as far
_SINCE_DATE_RE = re.compile(
    r"\bsince\s+(?:at least\s+)?(?:(?:early|mid|late)[- ])?(?P<date>(?:[A-Z][a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+)?"
    r"(?:[A-Z][a-z]+\.?\s+)?(?:\d{4}|\d{1,2}(?:st|nd|rd|th)?)|[A-Z][a-z]+)\b")


def figureless_copy(claim: Claim, verdict: Any) -> tuple[Claim, str] | None:
    """A copy of a supported claim with no figure of its own, its words changed as a writer's slip would stand, sure
    to be wrong against the data its verdict measured (``verdict.evidence``): a streak's length (``STREAK_SLIP``
    longer), a best/worst or lowest/highest 'since' moved years before the last time the data went as far, a
    comparison's order reversed where the two moves differ by ``FIGURELESS_MIN_GAP`` points, a rate decision's
    direction reversed on the day the bank decided, a figure-less move's direction reversed where the day moved
    ``FIGURELESS_MIN_MOVE`` percent. None where the claim takes none of these (or a reading other than its own
    supported it: its verdict names the readings tried)."""
    if verdict is None or verdict.verdict != "supported" or verdict.readings or claim.modality != "reported" or \
            claim.reader == "tagger" or not verdict.evidence:
        return None
    for how, make in _FIGURELESS.items():
        copy = make(claim, verdict.evidence)
        if copy is not None:
            return copy, how
    return None


def _opposites(key: str) -> dict[str, str]:
    """A slips.json table read both ways (a word's own entry first)."""
    from analyzer.extract.lexicon import labels

    table = {k: str(v) for k, v in labels("slips", key).items()}
    return {**{v: k for k, v in table.items()}, **table}


def _rewrite(claim: Claim, at: int, old: str, new: str, **fields: Any) -> Claim:
    """``claim`` with ``new`` written in place of ``old`` at ``at`` in its sentence (its span and end shifted), and
    ``fields`` changed."""
    shift = len(new) - len(old)
    end = claim.span_end + shift if claim.span_end is not None and claim.span_end > at else claim.span_end
    return replace(claim, sentence=claim.sentence[:at] + new + claim.sentence[at + len(old):],
                   char_end=claim.char_end + shift, span_end=end, **fields)


def _cased_as(new: str, old: str) -> str:
    """``new`` with a capital first letter where ``old`` had one ('Rose' -> 'Fell')."""
    return new[:1].upper() + new[1:] if old[:1].isupper() else new


def _span_words(claim: Claim) -> Iterable[re.Match[str]]:
    start = claim.span_start or 0
    end = claim.span_end if claim.span_end is not None else len(claim.sentence)
    return re.compile(r"[A-Za-z]+").finditer(claim.sentence, start, end)


def _swap_first(claim: Claim, table: dict[str, str], **fields: Any) -> Claim | None:
    """The claim with the first word of its span found in ``table`` turned into its opposite (its capital kept)."""
    for word in _span_words(claim):
        new = table.get(word.group(0).lower())
        if new is not None:
            return _rewrite(claim, word.start(), word.group(0), _cased_as(new, word.group(0)), **fields)
    return None


def _streak_length(claim: Claim, evidence: Sequence[Any]) -> Claim | None:
    """'a fifth straight session' -> 'a ninth': only where the data's run is the claim's length exactly."""
    from analyzer.extract.lexicon import numbers

    if claim.kind != "streak" or not claim.length:
        return None
    run = evidence[0].figures.get("run_before") if claim.what == "ended_streak" else evidence[0].figures
    if not isinstance(run, dict) or run.get("length") != claim.length or run.get("direction") != claim.direction or \
            run.get("reaches_first_data"):
        return None
    forms = {**{w: (n, "cardinal") for w, n in numbers("numbers", "word_numbers").items()},
             **{w: (n, "ordinal") for w, n in numbers("numbers", "ordinals").items()}}
    by_value = {(int(n), form): w for w, (n, form) in forms.items()}
    for word in re.compile(r"[A-Za-z]+|\d+").finditer(claim.sentence, claim.span_start or 0,
                                                      claim.span_end or len(claim.sentence)):
        text = word.group(0)
        value, form = (int(text), "digit") if text.isdigit() else forms.get(text.lower(), (None, ""))
        if value is None or value > 40:
            continue
        new = str(value + STREAK_SLIP) if form == "digit" else by_value.get((int(value) + STREAK_SLIP, form))
        if new is not None:
            return _rewrite(claim, word.start(), text, _cased_as(new, text), length=claim.length + STREAK_SLIP)
    return None


def _since_reach(claim: Claim, evidence: Sequence[Any]) -> Claim | None:
    """'its worst day since August 7' -> 'since 2005', 'its lowest close since 1997' -> 'since 1994': the 'since'
    moved ``SINCE_SLIP_YEARS`` years before the last session the data went as far (its verdict's 'since')."""
    if claim.kind not in ("comparison", "record") or not (claim.relation or claim.what or "").endswith("_since"):
        return None
    last, first = evidence[0].figures.get("since"), evidence[0].figures.get("first_data")
    if not last or not first or not claim.time_text:
        return None
    year = date.fromisoformat(last).year - SINCE_SLIP_YEARS
    found = _SINCE_DATE_RE.search(claim.sentence, claim.span_start or 0)
    if year <= date.fromisoformat(first).year or found is None or not claim.time_text.lower().startswith("since"):
        return None
    copy = _rewrite(claim, found.start("date"), found.group("date"), str(year), period_start=f"{year}-01-01")
    return replace(copy, time_text=copy.sentence[found.start():found.start("date") + 4])


def _comparison_order(claim: Claim, evidence: Sequence[Any]) -> Claim | None:
    """'outperformed the Dow' -> 'underperformed the Dow', where each benchmark's move is ``FIGURELESS_MIN_GAP``
    points from the subject's."""
    if claim.kind != "comparison" or claim.relation not in ("outperformed", "underperformed") or len(evidence) < 2:
        return None
    moves = [e.figures.get("change_pct") for e in evidence]
    if any(m is None for m in moves) or min(abs(moves[0] - m) for m in moves[1:]) < FIGURELESS_MIN_GAP:
        return None
    other = "underperformed" if claim.relation == "outperformed" else "outperformed"
    return _swap_first(claim, _opposites("comparison_opposites"), relation=other)


def _rate_direction(claim: Claim, evidence: Sequence[Any]) -> Claim | None:
    """'the Fed cut rates' -> 'raised rates', on the day the bank decided a change."""
    figures = evidence[0].figures
    if claim.kind != "rate_policy" or claim.action not in ("cut", "raise") or figures.get("horizon") or \
            not figures.get("change_bp") or claim.session not in (figures.get("announced"), figures.get("effective")):
        return None
    action = "raise" if claim.action == "cut" else "cut"
    verbs, nouns = _opposites("rate_opposites"), _opposites("rate_noun_opposites")
    for word in _span_words(claim):
        text = word.group(0)
        before = claim.sentence[:word.start()].rstrip().split(" ")[-1].lower()
        noun = before in _rate_noun_cues() or before.endswith(("-rate", "-point"))
        new = (nouns if noun else verbs).get(text.lower())
        if new is not None:
            return _rewrite(claim, word.start(), text, _cased_as(new, text), action=action)
    return None


def _rate_noun_cues() -> frozenset[str]:
    from analyzer.extract.lexicon import words

    return words("slips", "rate_noun_cues")


def _move_direction(claim: Claim, evidence: Sequence[Any]) -> Claim | None:
    """'Ford rose' -> 'Ford fell', where the day's move was at least ``FIGURELESS_MIN_MOVE`` percent."""
    if claim.kind not in ("index_move", "stock_move") or claim.direction not in ("up", "down") or \
            claim.period not in (None, "day") or claim.qualifier or \
            any(v is not None for v in (claim.change_pct, claim.change_points, claim.level)):
        return None
    move = evidence[0].figures.get("change_pct")
    if move is None or abs(move) < FIGURELESS_MIN_MOVE or (move > 0) != (claim.direction == "up"):
        return None
    return _swap_first(claim, _opposites("move_opposites"), direction="down" if claim.direction == "up" else "up")


_FIGURELESS = {"streak_length": _streak_length, "since_reach": _since_reach, "comparison_order": _comparison_order,
               "rate_direction": _rate_direction, "move_direction": _move_direction}


def verification_cases(golds: Sequence[GoldSentence]) -> list[VerificationCase]:
    """Every gold claim that has a verdict, plus one mutated copy of each ``supported`` move.

    Each claim's change is its own (``mutation_of``: its ``claim_id`` picks its place in the rotation over
    ``MUTATIONS``), so each kind of change is tried about equally often and a gold claim added or removed leaves the
    other claims' copies as they were; when a claim cannot take its own change, the next one that applies is used.
    """
    cases: list[VerificationCase] = []
    for gold in golds:
        for claim, verdict in zip(gold.claims, gold.verdicts, strict=True):
            if verdict is None:
                continue
            cases.append(VerificationCase(claim, verdict, None, gold.source))
            if verdict != "supported":
                continue
            mutated = mutation_of(claim)
            if mutated is not None:
                cases.append(VerificationCase(mutated[0], "contradicted", mutated[1], gold.source))
    return cases


def mutation_turn(claim: Claim) -> int:
    """The claim's own place in the ``MUTATIONS`` rotation, from its deterministic ``claim_id`` (a hash of its
    article, offsets and figures): the same claim takes the same change whatever other claims stand before or after
    it, and the places are spread evenly over the kinds of change."""
    return int(claim.claim_id, 16) % len(MUTATIONS)


def mutation_of(claim: Claim, skip: Sequence[str] = ()) -> tuple[Claim, str] | None:
    """The mutated copy of a supported claim in its own turn (``mutation_turn``), and how: the next change that
    applies where its own does not (or is in ``skip``); None when none does."""
    return mutation_in_turn(claim, mutation_turn(claim), skip)


def mutation_in_turn(claim: Claim, turn: int, skip: Sequence[str] = ()) -> tuple[Claim, str] | None:
    """The mutated copy of a supported claim in ``turn`` (its place in the rotation over ``MUTATIONS``), and how.

    When the claim cannot take its turn's change (or it is in ``skip``), the next one that applies is used; None
    when none does. The audit and the verification set give each claim its own turn (``mutation_of``).
    """
    for step in range(len(MUTATIONS)):
        how = MUTATIONS[(turn + step) % len(MUTATIONS)]
        if how in skip:
            continue
        mutated = mutate(claim, how)
        if mutated is not None:
            return mutated, how
    return None


@dataclass
class VerificationScores:
    cases: int = 0
    correct: int = 0
    by_mutation: dict[str, Counts] = field(default_factory=dict)  # tp = right verdict, fn = wrong
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    false_contradictions: list[str] = field(default_factory=list)  # real supported claims called contradicted
    wrong: list[dict[str, Any]] = field(default_factory=list)

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.cases if self.cases else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "cases": self.cases,
            "correct": self.correct,
            "accuracy": self.accuracy,
            "by_mutation": {
                k: {
                    "cases": c.tp + c.fn,
                    "correct": c.tp,
                    "accuracy": c.tp / (c.tp + c.fn) if c.tp + c.fn else None,
                }
                for k, c in self.by_mutation.items()
            },
            "confusion": [
                {"expected": e, "got": g, "count": n} for (e, g), n in sorted(self.confusion.items())
            ],
            "false_contradictions": self.false_contradictions,
            "wrong": self.wrong,
        }


def score_verification(cases: Sequence[VerificationCase], verdicts: Sequence[str]) -> VerificationScores:
    scores = VerificationScores()
    for case, got in zip(cases, verdicts, strict=True):
        label = case.mutation or "original"
        counts = scores.by_mutation.setdefault(label, Counts())
        scores.cases += 1
        scores.confusion[(case.expected, got)] += 1
        if got == case.expected:
            scores.correct += 1
            counts.tp += 1
            continue
        counts.fn += 1
        scores.wrong.append(
            {
                "source": case.source,
                "mutation": case.mutation,
                "expected": case.expected,
                "got": got,
                "sentence": case.claim.sentence[:120],
            }
        )
        if case.mutation is None and case.expected == "supported" and got == "contradicted":
            scores.false_contradictions.append(case.source)
    return scores


def evaluate_verification(golds: Sequence[GoldSentence], market_dir: Path) -> VerificationScores:
    """Check the verification claims and their mutations with the real checker; score the verdicts."""
    cases = verification_cases(golds)
    articles = {g.article.id: g.article for g in golds}
    checker = _Checker(market_dir)
    claims = [case.claim for case in cases]
    verdicts = checker.verdicts(claims, list(articles.values()))
    return score_verification(cases, [verdicts[id(c)] for c in claims])


# ---- agreement between two annotation passes -------------------------------------------------

# fields compared on claims both passes found: the scored fields, plus the rate decision's action and,
# for deals, the role of each party both passes name ("roles")
AGREEMENT_FIELDS = (*SCORED_FIELDS, "action", "roles")


@dataclass
class AgreementScores:
    """How far a second, independent annotation pass agrees with the first (the reference).

    Per sentence: claim / no claim (a 2x2 table, percent agreement and Cohen's kappa). Per claim:
    the second pass scored against the first like a prediction (precision, recall, F1 per kind,
    matched with ``match_claims``), and field agreement on the claims both passes found.
    """

    both_claim: int = 0
    first_only: int = 0  # the first pass found a claim, the second none
    second_only: int = 0
    neither: int = 0
    claims: ExtractionScores = field(default_factory=ExtractionScores)

    @property
    def sentences(self) -> int:
        return self.both_claim + self.first_only + self.second_only + self.neither

    @property
    def percent_agreement(self) -> float | None:
        return (self.both_claim + self.neither) / self.sentences if self.sentences else None

    @property
    def kappa(self) -> float | None:
        """Cohen's kappa on claim / no claim; None when chance agreement is already 1 (one class only)."""
        n = self.sentences
        if not n:
            return None
        first_yes = (self.both_claim + self.first_only) / n
        second_yes = (self.both_claim + self.second_only) / n
        chance = first_yes * second_yes + (1 - first_yes) * (1 - second_yes)
        if math.isclose(chance, 1.0):
            return None
        return (self.percent_agreement - chance) / (1 - chance)

    def as_dict(self) -> dict[str, Any]:
        return {
            "sentences": self.sentences,
            "claim_no_claim": {"both_claim": self.both_claim, "first_only": self.first_only,
                               "second_only": self.second_only, "neither": self.neither},
            "percent_agreement": self.percent_agreement,
            "kappa": self.kappa,
            "claims": self.claims.as_dict(),
        }


def pair_passes(
    first: Sequence[GoldSentence], second: Sequence[GoldSentence]
) -> list[tuple[GoldSentence, GoldSentence]]:
    """Pair each second-pass sentence with the first-pass record of the same sentence.

    Sentences are the same when corpus, article and offsets agree. A second-pass sentence the first
    pass does not have (or has with other offsets) is an error: agreement is only measured on a sample
    both passes annotated.
    """
    by_key = {(g.corpus, g.article.id, g.char_start, g.char_end): g for g in first}
    pairs = []
    for again in second:
        key = (again.corpus, again.article.id, again.char_start, again.char_end)
        if key not in by_key:
            raise InputError(
                f"{again.source}: no first-pass record of {again.corpus} {again.article.id} "
                f"[{again.char_start}:{again.char_end}] among the gold files given"
            )
        pairs.append((by_key[key], again))
    return pairs


def _count_roles(counts: FieldCounts, first: Claim, second: Claim) -> None:
    # parties named by both passes (the same name, or one name inside the other, as for matching)
    for party in first.parties:
        name = _company(party.name)
        twin = next((p for p in second.parties if name and _company(p.name)
                     and (name in _company(p.name) or _company(p.name) in name)), None)
        if twin is not None:
            counts.gold += 1
            counts.predicted += 1
            counts.correct += party.role == twin.role


def score_agreement(pairs: Sequence[tuple[GoldSentence, GoldSentence]]) -> AgreementScores:
    """Agreement of the second pass with the first over sentence pairs from ``pair_passes``."""
    firsts = [first for first, _ in pairs]
    claims = score_extraction(firsts, [Prediction(claims=list(second.claims)) for _, second in pairs])
    claims.per_field = {name: FieldCounts() for name in AGREEMENT_FIELDS}
    scores = AgreementScores(claims=claims)
    for first, second in pairs:
        if first.claims and second.claims:
            scores.both_claim += 1
        elif first.claims:
            scores.first_only += 1
        elif second.claims:
            scores.second_only += 1
        else:
            scores.neither += 1
        for fi, si in match_claims(first.claims, second.claims):
            one, two = first.claims[fi], second.claims[si]
            count_fields({k: v for k, v in claims.per_field.items() if k != "roles"}, one, two)
            _count_roles(claims.per_field["roles"], one, two)
    return scores


def split_of(gold: GoldSentence) -> str:
    """The split a gold sentence belongs to: the directory its file lies in (dev, train, test, ...)."""
    return Path(gold.source.rsplit(":", 1)[0]).parent.name


def agreement_by(
    pairs: Sequence[tuple[GoldSentence, GoldSentence]], group: Callable[[GoldSentence], str]
) -> dict[str, AgreementScores]:
    """``score_agreement`` for each group of pairs (grouped by ``group`` of the first-pass sentence)."""
    grouped: dict[str, list[tuple[GoldSentence, GoldSentence]]] = defaultdict(list)
    for first, second in pairs:
        grouped[group(first)].append((first, second))
    return {name: score_agreement(members) for name, members in sorted(grouped.items())}


# ---- tables -----------------------------------------------------------------------------------


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def extraction_rows(scores: ExtractionScores) -> list[list[str]]:
    """Per-kind rows: kind, gold, predicted, tp, precision, recall, F1 (plus an 'all' row)."""
    rows = []
    for kind, c in [*scores.per_kind.items(), ("all", scores.overall)]:
        if kind != "all" and not (c.tp or c.fp or c.fn):
            continue
        rows.append(
            [
                kind,
                str(c.tp + c.fn),
                str(c.tp + c.fp),
                str(c.tp),
                _fmt(c.precision),
                _fmt(c.recall),
                _fmt(c.f1),
            ]
        )
    return rows


def field_rows(scores: ExtractionScores) -> list[list[str]]:
    return [
        [name, str(c.gold), str(c.predicted), str(c.correct), _fmt(c.accuracy), _fmt(c.f1)]
        for name, c in scores.per_field.items()
        if c.gold or c.predicted
    ]


def summary_rows(scores: ExtractionScores) -> list[list[str]]:
    return [
        ["sentences", str(scores.sentences)],
        ["gold claims", str(scores.gold_claims)],
        ["predicted claims", str(scores.predicted_claims)],
        ["claim-free sentences", str(scores.claim_free_sentences)],
        ["false-claim rate on claim-free sentences", _fmt(scores.false_claim_rate)],
        [
            "verdict accuracy (gold verdicts, matched claims)",
            f"{_fmt(scores.verdict_accuracy)} ({scores.verdicts_correct}/{scores.verdicts_matched}; "
            f"{scores.verdicts_gold} gold verdicts)",
        ],
    ]


def verification_rows(scores: VerificationScores) -> list[list[str]]:
    rows = []
    for label, c in scores.by_mutation.items():
        total = c.tp + c.fn
        rows.append([label, str(total), str(c.tp), _fmt(c.tp / total if total else None)])
    rows.append(["all", str(scores.cases), str(scores.correct), _fmt(scores.accuracy)])
    return rows


def agreement_rows(groups: dict[str, AgreementScores]) -> list[list[str]]:
    """One row per group: sentences, the claim / no-claim table, percent agreement, kappa, claim F1."""
    rows = []
    for name, a in groups.items():
        overall = a.claims.overall
        rows.append([name, str(a.sentences), str(a.both_claim), str(a.first_only), str(a.second_only),
                     str(a.neither), _fmt(a.percent_agreement), _fmt(a.kappa),
                     str(overall.tp + overall.fn), str(overall.tp + overall.fp), _fmt(overall.f1)])
    return rows


AGREEMENT_HEADER = ["sentences of", "sentences", "both claim", "first only", "second only", "neither",
                    "agreement", "kappa", "first claims", "second claims", "claim F1"]
AGREEMENT_KIND_HEADER = ["kind", "first", "second", "matched", "precision", "recall", "F1"]
AGREEMENT_FIELD_HEADER = ["field", "first", "second", "agreed", "of first", "F1"]


def agreement_markdown(overall: AgreementScores, groups: dict[str, AgreementScores]) -> str:
    return "\n".join([
        markdown_table(AGREEMENT_HEADER, agreement_rows({**groups, "all": overall})),
        "",
        markdown_table(AGREEMENT_KIND_HEADER, extraction_rows(overall.claims)),
        "",
        markdown_table(AGREEMENT_FIELD_HEADER, field_rows(overall.claims)),
    ])


EXTRACTION_HEADER = ["kind", "gold", "predicted", "matched", "precision", "recall", "F1"]
FIELD_HEADER = ["field", "gold", "predicted", "correct", "accuracy", "F1"]
VERIFICATION_HEADER = ["case", "claims", "right verdict", "accuracy"]


def markdown_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def extraction_markdown(scores: ExtractionScores, by_field: bool = True) -> str:
    parts = [
        markdown_table(EXTRACTION_HEADER, extraction_rows(scores)),
        "",
        markdown_table(["measure", "value"], summary_rows(scores)),
    ]
    if by_field:
        parts += ["", markdown_table(FIELD_HEADER, field_rows(scores))]
    parts += ["", markdown_table(REASON_HEADER["missed"], reason_rows(scores.missed_because))]
    parts += ["", markdown_table(REASON_HEADER["extra"], reason_rows(scores.extra_because))]
    return "\n".join(parts)


def verification_markdown(scores: VerificationScores) -> str:
    return "\n".join(
        [
            markdown_table(VERIFICATION_HEADER, verification_rows(scores)),
            "",
            f"Real claims with closing figures that agree with the data but called contradicted: "
            f"{len(scores.false_contradictions)}",
        ]
    )


def stamp() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")
