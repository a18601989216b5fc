"""The standing audit of ``contradicted`` verdicts (issue 12): draw, run, label, score.

A ``contradicted`` verdict accuses an article of an error, so its precision is measured on real
articles nobody tuned on. The audit draws articles at random (seeded) from one year of the Reuters
2006-2013 dump or from the 2025-02 TradingView items of the held-out outlets (those of the test split,
``corpora/test``), runs the one extract-then-check path on them, and writes every ``contradicted``
verdict to ``corpora/audit/<name>/``, where a person labels it: a real error in the article, or which
misreading of the program. The scorer re-runs the pipeline on the same articles and reports false
alarms per 100 articles, the precision of ``contradicted``, the verdicts still unlabelled and the share
of injected errors (mutated copies of supported moves, ``evaluate.mutate``) still caught.

What is stored is ids, offsets, labels and figures; never article text (``corpora/README.md``). The
review sheet that shows the text to the reviewer (``review.md``) is written beside them and ignored by git.

This module sits above the stages, like ``evaluate``: the pipeline comes in as a callable.
"""

from __future__ import annotations

import json
import math
import random
import re
import subprocess
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from analyzer.errors import InputError
from analyzer.evaluate import claim_char_range, figureless_copy, mutation_of, sentence_sha1
from analyzer.ingest.dates import parse_published
from analyzer.ingest.readers import RESERVED_FROM_DAY, article_from_row
from analyzer.ingest.shared_data import REUTERS_ALL, REUTERS_WRAPS, TRADINGVIEW, read_dump
from analyzer.records import Article, CheckedClaim, Claim, Verdict

REAL_ERROR = "real_error"
MISREADINGS = (
    "wrong_period",
    "intraday_or_after_hours",
    "wrong_instrument",
    "sub_index",
    "reference",
    "over_reading",
    "price_basis",
    "extraction_other",
    "checker_other",
)
LABELS = (REAL_ERROR, *MISREADINGS)
CORPUS = "reuters_2006_2013"
ARTICLES_FILE = "articles.jsonl"
VERDICTS_FILE = "verdicts.jsonl"
LABELS_FILE = "labels.jsonl"
DRAW_FILE = "draw.json"
REVIEW_FILE = "review.md"
TV_CORPUS = "tradingview_2025_02"
CORPORA = (CORPUS, TV_CORPUS)
# the injected errors must still be caught this often (issue 12, "Done when")
INJECTED_GOAL = 0.95

# A story outside the wraps file qualifies when it names a US index or a US listing's Reuters tag
# ("( IBM.N )") and states a percentage: a story with a price claim in it, not any story of the year.
_INDEX_NAME = re.compile(
    r"\b(Dow Jones industrial|Dow industrials|blue-chip Dow|S&P 500|Standard & Poor's 500|"
    r"Nasdaq Composite|Nasdaq composite|Russell 2000)\b"
)
_US_RIC = re.compile(r"\(\s*[A-Z][A-Z0-9]{0,5}(?:\.[A-Z])?\.(?:N|O|OQ|A)\s*\)")
_PERCENT = re.compile(r"\d(?:\.\d+)?\s?(?:percent|%)")
STORY_RULE = (
    "not a market wrap; body names a US index (Dow Jones industrial, Dow industrials, blue-chip Dow, "
    "S&P 500, Standard & Poor's 500, Nasdaq Composite, Russell 2000) or a US listing's RIC tag "
    "('( IBM.N )', .N/.O/.OQ/.A), and states a percentage"
)

# The TradingView items carry no RIC tags: a listed company shows as a ticker tag in the outlet's style,
# "(HTZ)", "(NYSE: HTZ)", GuruFocus' "(JPM, Financial)" or Dow Jones' ">WTS", and counts when the ticker
# has prices in our market data (a bare one-letter tag in brackets is a footnote or a grade, not a ticker).
_TV_INDEX_NAME = re.compile(
    r"\b(Dow Jones Industrial Average|Dow Jones industrial average|Dow industrials|Dow Industrials|blue-chip Dow|"
    r"the Dow|DJIA|S&P 500|Standard & Poor's 500|Nasdaq Composite|Nasdaq composite|Nasdaq 100|Nasdaq-100|"
    r"Russell 2000)\b"
)
_TV_TICKER = re.compile(
    r"\((?:(?P<exchange>NYSE American|NYSE|NASDAQ|Nasdaq|AMEX|Amex)\s*:\s*)?(?P<symbol>[A-Z]{1,5}(?:[.-][A-Z])?)"
    r"(?:,\s*[A-Z][a-z]+)?\)|(?<![\w>])>(?P<tag>[A-Z]{1,5})\b"
)
# the exchanges' price tables (closing prices, most actives, new highs and lows) are lists, not stories
_PRICE_TABLE = re.compile(r"Closing Stock Prices|Most Actives|52-Week Highs And Lows", re.IGNORECASE)
# A US market wrap: a title about the US market as a whole and a text naming at least two of its three
# main indexes. Titles about one company ("most active stock in the S&P 500"), analysts or Europe are not.
_WRAP_TITLE = re.compile(
    r"\b(U\.?S\.? [Ss]tocks|Wall Street|Wall St|[Ss]tock [Mm]arket|[Ss]tock [Ff]utures|Indexes|Dow|S&P 500|"
    r"Nasdaq|Global Markets|Global Equities|North American Morning Briefing|Asian Morning Briefing|"
    r"Stocks (?:Poised|Set|Rise|Fall|Trim|Close|End|Edge|Mostly|Slip|Gain|Climb|Drop))\b"
)
_NOT_WRAP_TITLE = re.compile(r"\b(Most Active|Worst Performer|Best Performer|Top Stock|Caboose|[Aa]nalysts?|"
                             r"Europe\w*)\b")
_MAIN_INDEXES = (re.compile(r"\bDow\b|\bDJIA\b"), re.compile(r"S&P 500|Standard & Poor's 500"),
                 re.compile(r"\bNasdaq\b"))
_NEW_YORK = ZoneInfo("America/New_York")
TV_STORY_RULE = (
    "an item of a held-out outlet with text, not an exchange price table; names a US index (Dow Jones "
    "Industrial Average, Dow industrials, the Dow, DJIA, S&P 500, Nasdaq Composite, Nasdaq 100, Russell 2000) "
    "or a listed company by its ticker tag in the text ('(HTZ)', '(NYSE: HTZ)', '(JPM, Financial)', '>HTZ'; a "
    "ticker with prices in the market data, bare one-letter tags in brackets excluded) or by its name in the "
    "title (a stock's name in the instrument registry; News, Target, Waters, Booking, Carrier and Fox excluded: "
    "ordinary words in a title-case headline), and states a percentage"
)
TV_WRAP_RULE = (
    "qualifies as a story, its title is about the US market as a whole (U.S. stocks, Wall Street, stock "
    "market, stock futures, indexes, Dow, S&P 500, Nasdaq, global markets/equities roundups, morning "
    "briefings; not titles naming a most active/best/worst stock, analysts or Europe) and its text names at "
    "least two of the Dow, the S&P 500 and the Nasdaq"
)


# ---- drawing ----------------------------------------------------------------------------------


@dataclass
class DrawnArticle:
    article_id: str
    pool: str  # "wrap" (us_market_wraps) or "story" (another story with a price claim)
    day: str  # the dump's YYYYMMDD


@dataclass
class Draw:
    year: int | None  # the Reuters year; None for the TradingView week
    n: int
    seed: int
    wrap_share: float
    pool_sizes: dict[str, int]
    excluded: int
    articles: list[DrawnArticle]
    # the earlier audits and held-out sets whose articles were kept out, and how many ids they held
    excluded_sources: list[str] = field(default_factory=list)
    excluded_other: int = 0
    corpus: str = CORPUS
    outlets: list[str] = field(default_factory=list)  # TradingView: the held-out outlets drawn from

    def parameters(self) -> dict[str, Any]:
        head: dict[str, Any] = {"corpus": self.corpus}
        if self.corpus == TV_CORPUS:
            head["outlets"] = self.outlets
            pools = {"wrap": f"{TRADINGVIEW}: {TV_WRAP_RULE}", "story": f"{TRADINGVIEW}, not a wrap: {TV_STORY_RULE}"}
        else:
            head["year"] = self.year
            pools = {
                "wrap": f"{REUTERS_WRAPS} dated {self.year} (the dump's 'day')",
                "story": f"{REUTERS_ALL} dated {self.year}: {STORY_RULE}",
            }
        return {
            **head,
            "n": self.n,
            "seed": self.seed,
            "wrap_share": self.wrap_share,
            "pools": pools,
            "pool_sizes": self.pool_sizes,
            "excluded_dev_verify_ids": self.excluded,
            "excluded_sources": self.excluded_sources,
            "excluded_other_ids": self.excluded_other,
        }


def check_corpus(corpus: str) -> str:
    if corpus not in CORPORA:
        raise InputError(f"--corpus {corpus}: the audit draws from {' or '.join(CORPORA)}")
    return corpus


def annotated_ids(corpora_dir: Path, corpus: str = CORPUS) -> set[str]:
    """Article ids of ``corpus`` in the dev and verification gold (``corpora/dev``, ``corpora/verify``)."""
    ids: set[str] = set()
    for sub in ("dev", "verify"):
        for path in sorted((Path(corpora_dir) / sub).glob("*.jsonl")):
            ids.update(str(row["article_id"]) for row in _read_jsonl(path) if row.get("corpus") == corpus)
    return ids


def default_exclusions(corpora_dir: Path) -> list[Path]:
    """What a new draw leaves out unless told otherwise: every earlier audit (``corpora/audit/*``) and the
    held-out test split (``corpora/test``), so that no article is audited twice or audited from the test set."""
    corpora_dir = Path(corpora_dir)
    audits = sorted(p for p in (corpora_dir / "audit").glob("*") if (p / ARTICLES_FILE).is_file())
    test = corpora_dir / "test"
    return audits + ([test] if test.is_dir() else [])


def audit_corpus(audit_dir: Path) -> str:
    """The corpus an audit directory drew from (its ``draw.json``; Reuters for one without)."""
    path = Path(audit_dir) / DRAW_FILE
    return str(load_parameters(audit_dir).get("corpus", CORPUS)) if path.is_file() else CORPUS


def ids_in(path: Path, corpus: str = CORPUS) -> set[str]:
    """Article ids of ``corpus`` held by ``path``: an audit directory (its ``articles.jsonl``; its rows are of
    the corpus its ``draw.json`` names), a directory of JSONL files (``corpora/test``), or one JSONL file;
    rows of another corpus are skipped (a row without a ``corpus`` field is Reuters)."""
    path = Path(path)
    own = CORPUS
    if path.is_dir():
        audit = (path / ARTICLES_FILE).is_file()
        files = [path / ARTICLES_FILE] if audit else sorted(path.glob("*.jsonl"))
        if not files:
            raise InputError(f"--exclude {path}: a directory without {ARTICLES_FILE} or any .jsonl file")
        own = audit_corpus(path) if audit else CORPUS
    elif path.is_file():
        files = [path]
    else:
        raise InputError(f"--exclude {path}: no such file or directory")
    ids: set[str] = set()
    for file in files:
        for number, row in enumerate(_read_jsonl(file), 1):
            if "article_id" not in row:
                raise InputError(f"{file}: row {number} has no article_id")
            if row.get("corpus", own) == corpus:
                ids.add(str(row["article_id"]))
    return ids


def _dump_rows(path: Path) -> Iterator[dict[str, Any]]:
    return read_dump(path, "the audit draws its articles from it")


def _year_rows(path: Path, year: int) -> Iterator[dict[str, Any]]:
    """Rows of one year of a Reuters dump, by its 'day' field; other years are never looked at."""
    prefix = str(year)
    for row in _dump_rows(path):
        if str(row.get("day", "")).startswith(prefix) and (row.get("body") or "").strip():
            yield row


def is_price_story(body: str) -> bool:
    """Whether a non-wrap story qualifies for the audit's second pool (``STORY_RULE``)."""
    return bool((_INDEX_NAME.search(body) or _US_RIC.search(body)) and _PERCENT.search(body))


def check_year(year: int) -> None:
    if not 2006 <= year < RESERVED_FROM_DAY // 10000:
        raise InputError(
            f"year {year}: the audit draws from Reuters 2006-2009 only; articles from "
            f"{RESERVED_FROM_DAY // 10000} on are reserved for blind evaluation"
        )


def candidate_pools(shared_data: Path, year: int, excluded: set[str]) -> dict[str, list[DrawnArticle]]:
    """The two pools of one year, each sorted by article id so a seed always draws the same ids."""
    check_year(year)
    wraps = {
        row["id"]: DrawnArticle(row["id"], "wrap", str(row["day"]))
        for row in _year_rows(Path(shared_data) / REUTERS_WRAPS, year)
        if row["id"] not in excluded
    }
    stories = {
        row["id"]: DrawnArticle(row["id"], "story", str(row["day"]))
        for row in _year_rows(Path(shared_data) / REUTERS_ALL, year)
        if row["id"] not in excluded and row["id"] not in wraps and is_price_story(row["body"])
    }
    return {
        "wrap": [wraps[key] for key in sorted(wraps)],
        "story": [stories[key] for key in sorted(stories)],
    }


# ---- the TradingView week (held-out outlets) ------------------------------------------------------


def held_out_outlets(corpora_dir: Path, shared_data: Path) -> list[str]:
    """The outlets of the TradingView items in the test split (``corpora/test``): whole outlets are held
    out from tuning (``corpora/README.md``), so the audit draws only from them."""
    from analyzer.models.data import held_out_sources

    test_files = sorted((Path(corpora_dir) / "test").glob("*.jsonl"))
    if not test_files:
        raise InputError(f"{Path(corpora_dir) / 'test'}: no test split (*.jsonl); the TradingView audit draws "
                         "from the outlets it holds out, so it needs the split to know them")
    outlets = sorted(held_out_sources(Path(shared_data), test_files))
    if not outlets:
        raise InputError(f"{Path(corpora_dir) / 'test'}: no TradingView item in the test split, so no held-out outlet")
    return outlets


@dataclass(frozen=True)
class Listings:
    """The listed companies a TradingView item may name: tickers with daily prices in the shared market data,
    and the names writers use for the registry's stocks (``InstrumentRegistry.aliases``)."""

    symbols: frozenset[str]
    names: re.Pattern[str]  # the stocks' names, longest first, as written (case-sensitive)


# names that are ordinary words in a title-case headline ("Top Company News of the Day", "Price Target")
_HEADLINE_WORDS = frozenset({"news", "target", "waters", "booking", "carrier", "fox"})


def listings(shared_data: Path) -> Listings:
    from analyzer.extract import lexicon
    from analyzer.market import MarketData

    market_dir = Path(shared_data) / "market"
    if not market_dir.is_dir():
        raise InputError(f"market data directory {market_dir} not found (pass --shared-data DIR)")
    market = MarketData.open(market_dir)
    stocks = {info.symbol for info in market.registry.instruments() if info.kind == "stock"}
    written = {name for name, symbol in market.registry.aliases()
               if symbol in stocks and len(name) > 2 and name[0].isupper() and name.lower() not in _HEADLINE_WORDS}
    names = lexicon.alternation(written)
    symbols = frozenset(symbol for symbol in market.symbols() if not symbol.startswith("^"))
    return Listings(symbols, re.compile(rf"(?<![\w.])(?:{names})(?![\w])"))


def names_listing(text: str, listed: Listings) -> bool:
    """Whether ``text`` carries the ticker tag of a listing with prices (``TV_STORY_RULE``)."""
    for match in _TV_TICKER.finditer(text):
        symbol = match.group("symbol") or match.group("tag")
        bare = match.group("symbol") and not match.group("exchange") and "," not in match.group(0)
        if symbol in listed.symbols and not (bare and len(symbol) < 2):
            return True
    return False


def is_tv_price_item(title: str, text: str, listed: Listings) -> bool:
    """Whether a TradingView item qualifies for the audit (``TV_STORY_RULE``)."""
    if not text.strip() or _PRICE_TABLE.search(title) or not _PERCENT.search(text):
        return False
    return bool(_TV_INDEX_NAME.search(text) or names_listing(text, listed) or listed.names.search(title))


def is_us_wrap(title: str, text: str) -> bool:
    """Whether a qualifying TradingView item is a US market wrap (``TV_WRAP_RULE``)."""
    if not _WRAP_TITLE.search(title) or _NOT_WRAP_TITLE.search(title):
        return False
    return sum(1 for index in _MAIN_INDEXES if index.search(text)) >= 2


def us_day(published: str, where: str) -> str:
    """The US Eastern date (YYYYMMDD) of a TradingView time stamp (stored as UTC+8)."""
    try:
        when = parse_published(published)
    except InputError as exc:
        raise InputError(f"{where}: {exc}") from exc
    if not isinstance(when, datetime) or when.tzinfo is None:
        raise InputError(f"{where}: publication time {published!r} has no time zone")
    return when.astimezone(_NEW_YORK).strftime("%Y%m%d")


def tradingview_pools(shared_data: Path, outlets: Sequence[str], excluded: set[str],
                      listed: Listings) -> dict[str, list[DrawnArticle]]:
    """The wrap and story pools of the held-out outlets' items, each sorted by id."""
    pools: dict[str, list[DrawnArticle]] = {"wrap": [], "story": []}
    wanted = set(outlets)
    path = Path(shared_data) / TRADINGVIEW
    for row in _dump_rows(path):
        title, text = str(row.get("title") or ""), str(row.get("text") or "")
        if row.get("source") not in wanted or row["id"] in excluded or not is_tv_price_item(title, text, listed):
            continue
        pool = "wrap" if is_us_wrap(title, text) else "story"
        pools[pool].append(DrawnArticle(row["id"], pool, us_day(str(row["published"]), f"{path}:{row['id']}")))
    return {name: sorted(pool, key=lambda d: d.article_id) for name, pool in pools.items()}


def draw_articles(
    shared_data: Path, year: int | None, n: int, seed: int, corpora_dir: Path, wrap_share: float = 0.5,
    exclude: Sequence[Path] | None = None, corpus: str = CORPUS,
) -> Draw:
    """Draw ``n`` articles: ``ceil(n * wrap_share)`` market wraps, the rest other price stories.

    Reuters: of one ``year``. TradingView (``TV_CORPUS``, ``year`` None): the items of the held-out outlets.
    Articles of the dev and verification gold are excluded, and those of ``exclude`` (audit directories,
    directories of JSONL or JSONL files; by default ``default_exclusions``: every earlier audit and the test
    split). When one pool runs short the other fills in.
    """
    check_corpus(corpus)
    if n < 1:
        raise InputError(f"--n {n}: draw at least one article")
    if not 0.0 <= wrap_share <= 1.0:
        raise InputError(f"--wrap-share {wrap_share}: a share between 0 and 1")
    gold = annotated_ids(corpora_dir, corpus)
    sources = list(default_exclusions(corpora_dir) if exclude is None else exclude)
    other = set().union(*(ids_in(source, corpus) for source in sources)) - gold if sources else set()
    outlets: list[str] = []
    if corpus == TV_CORPUS:
        if year is not None:
            raise InputError(f"--year {year}: does not apply to {TV_CORPUS} (one week of February 2025)")
        outlets = held_out_outlets(corpora_dir, shared_data)
        pools = tradingview_pools(shared_data, outlets, gold | other, listings(shared_data))
    else:
        if year is None:
            raise InputError(f"{CORPUS}: a draw needs --year (2006-2009)")
        pools = candidate_pools(shared_data, year, gold | other)
    chosen = draw_from_pools(pools, n, seed, wrap_share)
    sizes = {name: len(pool) for name, pool in pools.items()}
    return Draw(year, n, seed, wrap_share, sizes, len(gold), chosen, [str(s) for s in sources], len(other),
                corpus, outlets)


def draw_from_pools(
    pools: dict[str, list[DrawnArticle]], n: int, seed: int, wrap_share: float = 0.5
) -> list[DrawnArticle]:
    """The seeded draw itself: wraps first (their share of ``n``), then the other stories."""
    available = len(pools["wrap"]) + len(pools["story"])
    if available < n:
        raise InputError(f"only {available} candidate articles; cannot draw {n}")
    wanted_wraps = min(len(pools["wrap"]), max(math.ceil(n * wrap_share), n - len(pools["story"])))
    rng = random.Random(seed)
    return rng.sample(pools["wrap"], wanted_wraps) + rng.sample(pools["story"], n - wanted_wraps)


def _read_tradingview(shared_data: Path, wanted: set[str]) -> dict[str, Article]:
    path = Path(shared_data) / TRADINGVIEW
    return {row["id"]: article_from_row(row, f"{TRADINGVIEW}:{row['id']}") for row in _dump_rows(path)
            if row["id"] in wanted}


def _read_reuters(shared_data: Path, drawn: Sequence[DrawnArticle]) -> dict[str, Article]:
    wanted = {d.article_id for d in drawn}
    found: dict[str, Article] = {}
    years = {int(d.day[:4]) for d in drawn}
    for year in years:
        check_year(year)
    for source in (REUTERS_WRAPS, REUTERS_ALL):
        missing = wanted - set(found)
        if not missing:
            break
        for year in sorted(years):
            for row in _year_rows(Path(shared_data) / source, year):
                if row["id"] in missing and row["id"] not in found:
                    found[row["id"]] = article_from_row(row, f"{source}:{row['id']}")
    return found


def read_drawn(shared_data: Path, drawn: Sequence[DrawnArticle], corpus: str = CORPUS) -> list[Article]:
    """The drawn articles as the pipeline reads the dump (``article_from_row``), in drawn order."""
    if check_corpus(corpus) == TV_CORPUS:
        found = _read_tradingview(shared_data, {d.article_id for d in drawn})
        source = Path(shared_data) / TRADINGVIEW
    else:
        found = _read_reuters(shared_data, drawn)
        source = Path(shared_data) / REUTERS_ALL
    missing = {d.article_id for d in drawn} - set(found)
    if missing:
        raise InputError(f"drawn articles not found in {source}: {', '.join(sorted(missing))}")
    return [found[d.article_id] for d in drawn]


# ---- the audit directory ------------------------------------------------------------------------


def _write_jsonl(path: Path, rows: Iterable[dict[str, Any]]) -> None:
    text = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{path}: cannot write: {exc.strerror or exc}") from exc


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    rows = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{number}: not JSON: {exc.msg}") from exc
        if not isinstance(row, dict):
            raise InputError(f"{path}:{number}: a JSON object per line expected")
        rows.append(row)
    return rows


def load_drawn(audit_dir: Path) -> list[DrawnArticle]:
    path = Path(audit_dir) / ARTICLES_FILE
    if not path.is_file():
        raise InputError(f"{audit_dir}: no {ARTICLES_FILE} (draw first: analyzer audit draw ... --out {audit_dir})")
    drawn = []
    for row in _read_jsonl(path):
        try:
            drawn.append(DrawnArticle(str(row["article_id"]), str(row["pool"]), str(row["day"])))
        except KeyError as exc:
            raise InputError(f"{path}: a row lacks {exc.args[0]!r}") from exc
    if not drawn:
        raise InputError(f"{path}: no drawn articles")
    return drawn


def verdict_key(row: dict[str, Any]) -> tuple[str, str, int, int]:
    """How a label finds its verdict: claim id, article id and the claim's character offsets."""
    return (str(row["claim_id"]), str(row["article_id"]), int(row["char_start"]), int(row["char_end"]))


def _loose_key(row: dict[str, Any]) -> tuple[str, int, int, str, str]:
    # a re-run after the claim id's recipe changed still finds the label by place, kind and instrument
    return (str(row["article_id"]), int(row["char_start"]), int(row["char_end"]), str(row.get("kind")),
            str(row.get("symbol") or row.get("instrument") or ""))


def verdict_row(item: CheckedClaim) -> dict[str, Any]:
    """One contradicted verdict as stored: ids, offsets and figures, no article text."""
    claim = item.claim
    start, end = claim_char_range(claim)
    figures = {name: getattr(claim, name) for name in ("direction", "change_pct", "change_points", "level",
                                                       "period", "session", "what", "length", "relation")}
    return {
        "claim_id": claim.claim_id,
        "article_id": claim.article_id,
        "char_start": start,
        "char_end": end,
        "sentence_start": claim.char_start,
        "sentence_end": claim.char_end,
        "kind": claim.kind,
        "symbol": claim.instrument.symbol if claim.instrument else None,
        "instrument": claim.instrument.name if claim.instrument else claim.bank,
        **{k: v for k, v in figures.items() if v is not None},
        "evidence": [e.symbol for e in item.verdict.evidence if e.symbol],
    }


def article_row(drawn: DrawnArticle, checked: Sequence[CheckedClaim], failure: Any = None) -> dict[str, Any]:
    verdicts = Counter(item.verdict.verdict for item in checked)
    row = {"article_id": drawn.article_id, "pool": drawn.pool, "day": drawn.day, "claims": len(checked),
           "verdicts": dict(sorted(verdicts.items()))}
    if failure is not None:
        # an article the pipeline could not analyze is no clean article: it is named, not counted as one
        row["failed"] = f"{failure.stage}: {failure.reason}"[:200]
    return row


def failures_of(checked: Sequence[CheckedClaim]) -> dict[str, Any]:
    """The articles the engine could not analyze (``Analysis.failures``), by article id."""
    return {failure.article_id: failure for failure in getattr(checked, "failures", ())}


def by_article(checked: Sequence[CheckedClaim]) -> dict[str, list[CheckedClaim]]:
    grouped: dict[str, list[CheckedClaim]] = {}
    for item in checked:
        grouped.setdefault(item.claim.article_id, []).append(item)
    return grouped


def contradicted(checked: Sequence[CheckedClaim]) -> list[CheckedClaim]:
    return [item for item in checked if item.verdict.verdict == "contradicted"]


@dataclass
class Label:
    key: tuple[str, str, int, int]
    loose: tuple[str, int, int, str, str]
    label: str  # "" while nobody has labelled it
    note: str
    row: dict[str, Any]


def load_labels(audit_dir: Path) -> list[Label]:
    """The labels file; every label must be one of ``LABELS`` or empty (not yet labelled)."""
    path = Path(audit_dir) / LABELS_FILE
    if not path.is_file():
        return []
    labels = []
    for index, row in enumerate(_read_jsonl(path), 1):
        try:
            key, loose = verdict_key(row), _loose_key(row)
        except (KeyError, TypeError, ValueError) as exc:
            raise InputError(f"{path}: label {index} lacks claim_id/article_id/char_start/char_end: {exc}") from exc
        label = str(row.get("label") or "")
        if label and label not in LABELS:
            raise InputError(f"{path}: label {index} ({row['claim_id']}): {label!r} is not one of {', '.join(LABELS)}")
        labels.append(Label(key, loose, label, str(row.get("note") or ""), row))
    return labels


def match_labels(rows: Sequence[dict[str, Any]], labels: Sequence[Label]) -> list[Label | None]:
    """The label of each verdict row: by claim id and offsets, else by offsets, kind and instrument."""
    exact = {label.key: label for label in labels}
    loose: dict[tuple[str, int, int, str, str], Label] = {}
    for label in labels:
        loose.setdefault(label.loose, label)
    return [exact.get(verdict_key(row)) or loose.get(_loose_key(row)) for row in rows]


def add_label_stubs(audit_dir: Path, rows: Sequence[dict[str, Any]]) -> int:
    """Append an empty label for every verdict that has none; labels already there are never touched."""
    labels = load_labels(audit_dir)
    new = [row for row, label in zip(rows, match_labels(rows, labels), strict=True) if label is None]
    path = Path(audit_dir) / LABELS_FILE
    if not new:
        # a draw without a contradicted verdict still gets its (empty) labels file, as every audit directory has one
        try:
            path.touch(exist_ok=True)
        except OSError as exc:
            raise InputError(f"{path}: cannot create the labels file: {exc.strerror or exc}") from exc
        return 0
    stubs = [
        {"claim_id": r["claim_id"], "article_id": r["article_id"], "char_start": r["char_start"],
         "char_end": r["char_end"], "kind": r["kind"], "symbol": r["symbol"], "instrument": r["instrument"],
         "label": "", "note": ""}
        for r in new
    ]
    try:
        with path.open("a", encoding="utf-8") as handle:
            for stub in stubs:
                handle.write(json.dumps(stub, ensure_ascii=False) + "\n")
    except OSError as exc:
        raise InputError(f"{path}: cannot append labels: {exc.strerror or exc}") from exc
    return len(new)


def program_version() -> dict[str, str]:
    """The commit of the program that made a run, and whether its tree had uncommitted changes.

    An audit's figures are quoted "at commit X": a run made from a checkout with other people's uncommitted
    edits would silently measure something else, so the run records it. Outside a git checkout (an installed
    package) both read "unknown".
    """
    root = Path(__file__).resolve().parent.parent

    def git(*args: str) -> str | None:
        try:
            done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=10,
                                  check=False)
        except (OSError, subprocess.SubprocessError):
            return None
        return done.stdout.strip() if done.returncode == 0 else None

    commit = git("rev-parse", "HEAD")
    if commit is None:
        return {"commit": "unknown", "tree": "unknown"}
    changed = git("status", "--porcelain", "--untracked-files=no", "--", "analyzer")
    tree = "unknown" if changed is None else ("modified" if changed else "clean")
    return {"commit": commit, "tree": tree}


def write_run(
    audit_dir: Path, drawn: Sequence[DrawnArticle], checked: Sequence[CheckedClaim], parameters: dict[str, Any]
) -> list[dict[str, Any]]:
    """Store a run: drawn ids with their verdict counts, the contradicted verdicts, label stubs.

    Returns the contradicted verdict rows.
    """
    audit_dir = Path(audit_dir)
    audit_dir.mkdir(parents=True, exist_ok=True)
    grouped, failed = by_article(checked), failures_of(checked)
    _write_jsonl(audit_dir / ARTICLES_FILE,
                 [article_row(d, grouped.get(d.article_id, []), failed.get(d.article_id)) for d in drawn])
    rows = [verdict_row(item) for item in contradicted(checked)]
    _write_jsonl(audit_dir / VERDICTS_FILE, rows)
    totals = Counter(item.verdict.verdict for item in checked)
    summary = {**parameters, "articles": len(drawn), "failed": len(failed), "claims": len(checked),
               "verdicts": dict(sorted(totals.items())), "program": program_version()}
    try:
        (audit_dir / DRAW_FILE).write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{audit_dir / DRAW_FILE}: cannot write: {exc.strerror or exc}") from exc
    add_label_stubs(audit_dir, rows)
    return rows


def load_parameters(audit_dir: Path) -> dict[str, Any]:
    path = Path(audit_dir) / DRAW_FILE
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: not JSON: {exc.msg}") from exc


# ---- scoring ------------------------------------------------------------------------------------


@dataclass
class InjectedCase:
    claim: Claim
    mutation: str
    verdict: str = ""
    index: int = -1  # the supported claim it copies, in the run's claims: its article is its context
    first: Verdict | None = None  # the checker's own verdict, before the article's second look
    final: Verdict | None = None  # the verdict after the second look and the second reader
    original: Claim | None = None  # the supported claim it copies


def injected_cases(checked: Sequence[CheckedClaim], market: Any = None) -> list[InjectedCase]:
    """One mutated copy (``evaluate.mutate``) of every supported reported move of the run.

    Which change a claim gets depends on the claim alone (``evaluate.mutation_of``: its ``claim_id`` picks its place
    in the rotation over ``MUTATIONS``), not on how many supported claims come before it in the run: one claim more
    or less supported elsewhere leaves every other claim's copy as it was, so the share moves only with the copies
    of the claims that changed.
    A claim supported in another reading than its own (a period, another session, the article's day: its verdict
    names the readings tried) is no move of its session, so the session copy is not made of it: the day before
    would be no error of its words. Nor is it made where the day before bears its figures out (``market`` given,
    ``day_before_holds``): 'Verizon fell 1 percent on Tuesday' for a fall of 1.32% that Tuesday is no error either;
    nor a copy of a figure from during the session that the session's high-low range bears out (``range_holds``):
    'the Nasdaq rose around 1 percent' on a day it traded from 5% below its previous close to 6% above it. Such a
    claim takes its next mutation that applies, or no copy where every copy holds.
    A move read by the tagger alone (``reader == "tagger"``, the guided pass) is
    never accused by design (its figures may be misread), so no copy is made of it: the share stays the share of
    errors the checker may find."""
    cases = []
    for index, item in enumerate(checked):
        if item.verdict.verdict != "supported" or item.claim.reader == "tagger":
            continue
        skip: tuple[str, ...] = ("session",) if item.verdict.readings else ()
        mutated = mutation_of(item.claim, skip=skip)
        while mutated is not None and market is not None and _copy_holds(mutated[0], mutated[1], market):
            skip += (mutated[1],)
            mutated = mutation_of(item.claim, skip=skip)
        if mutated is not None:
            cases.append(InjectedCase(mutated[0], mutated[1], index=index))
    return cases


def figureless_cases(checked: Sequence[CheckedClaim]) -> list[InjectedCase]:
    """One figure-less injected error (``evaluate.figureless_copy``) of every supported claim that takes one: a
    streak's length, a record's or best/worst's 'since', a comparison's order, a rate decision's direction, a
    figure-less move's direction, changed in the claim's own words where the data its verdict measured makes the
    copy sure to be wrong (session 31). Counted apart from ``injected_cases`` (whose history the held-out figures
    depend on): these claims have no figure, so that set never copies them."""
    cases = []
    for index, item in enumerate(checked):
        made = figureless_copy(item.claim, item.verdict)
        if made is not None:
            cases.append(InjectedCase(made[0], made[1], index=index))
    return cases


def _copy_holds(copy: Claim, how: str, market: Any) -> bool:
    """Whether the data bears a mutated copy out, so that it is no error of the text: a session copy on the day it
    now names (``day_before_holds``), a copy of a figure from during the session inside that session's range
    (``range_holds``)."""
    return (how == "session" and day_before_holds(copy, market)) or range_holds(copy, market)


def range_holds(copy: Claim, market: Any) -> bool:
    """Whether a copy of a move at a moment of the session ('was down 2 percent in afternoon trade') holds in the
    session's high-low range: each figure it states, read as written (a qualifier's slack not counted), implies a
    price the session traded at, and its figures agree with each other. Daily data cannot tell the moment: 'the
    Nasdaq fell around 1 percent' made 'rose around 1 percent' is true of some moment of a session that traded on
    both sides of its previous close, and no careful checker may accuse it."""
    from datetime import date

    from analyzer.check.moves import check_intraday, target_for
    from analyzer.errors import MarketDataError

    if copy.period != "intraday" or copy.instrument is None or copy.instrument.symbol is None or \
            copy.session is None:
        return False
    try:
        target = target_for(copy.instrument.symbol, market)
        verdict = check_intraday(replace(copy, qualifier=None), market, target, date.fromisoformat(copy.session))
    except (MarketDataError, KeyError, ValueError):
        return False
    return verdict.verdict == "supported"


def day_before_holds(copy: Claim, market: Any) -> bool:
    """Whether a session copy's figures hold on the day it now names: its close-to-close move agrees with them at
    their precision, or sits within the gap a wire's price shortly before the close leaves from the close
    (``moves.near_close_stock``, for a stock whose data has no traded prices). Such a copy is no error of the text."""
    from datetime import date

    from analyzer.check.moves import mismatches, near_close_stock, target_for
    from analyzer.errors import MarketDataError
    from analyzer.market import measures

    if copy.instrument is None or copy.instrument.symbol is None or copy.session is None:
        return False
    try:
        target = target_for(copy.instrument.symbol, market)
        change = measures.session_change(market, target.data_symbol, date.fromisoformat(copy.session))
    except (MarketDataError, KeyError, ValueError):
        return False
    bad, _ = mismatches(copy, change, change.series)
    return not bad or near_close_stock(copy, change, bad) is not None


def check_injected_in_articles(cases: Sequence[InjectedCase], checked: Sequence[CheckedClaim], market: Any,
                               articles: dict[str, Article]) -> Sequence[InjectedCase]:
    """Each injected error checked as it would be met: in its own article, in the place of the claim it
    copies, beside that article's other claims and their verdicts (the article-level second look reads them)."""
    from analyzer.check.article import review_article
    from analyzer.check.checker import check_claim

    by_article: dict[str, list[int]] = {}
    for i, item in enumerate(checked):
        by_article.setdefault(item.claim.article_id, []).append(i)
    for case in cases:
        group = by_article.get(checked[case.index].claim.article_id, []) if case.index >= 0 else []
        claims = [case.claim if i == case.index else checked[i].claim for i in group]
        verdicts = [checked[i].verdict for i in group]
        own = group.index(case.index) if case.index in group else None
        first = check_claim(case.claim, market, articles)
        if own is None:
            claims, verdicts, own = [case.claim], [first], 0
        verdicts[own] = first
        reviewed = review_article(claims, verdicts, market, articles.get(case.claim.article_id), only=[own])[own]
        case.first, case.final = first, reviewed if reviewed is not None else first
        case.verdict = case.final.verdict
        if case.index >= 0:
            case.original = checked[case.index].claim
    return cases


def _stage(case: InjectedCase) -> str:
    """Which look made a missed injected error not contradicted: the checker itself or the article's second look."""
    if case.first is None or case.first.verdict != "contradicted":
        return "check"
    return "second look"


def missed_case(case: InjectedCase) -> dict[str, Any]:
    """One injected error that did not come out contradicted: what was changed, and the look that withdrew it."""
    fields = ("session", "time_text", "period", "direction", "change_pct", "change_points", "level")

    def figures(claim: Claim | None) -> dict[str, Any]:
        if claim is None:
            return {}
        out = {name: getattr(claim, name) for name in fields}
        out["instrument"] = claim.instrument.symbol if claim.instrument else None
        return out

    return {
        "mutation": case.mutation,
        "article_id": case.claim.article_id,
        "sentence": case.claim.sentence,
        "original": figures(case.original),
        "mutated": figures(case.claim),
        "stage": _stage(case),
        "first": {"verdict": case.first.verdict, "explanation": case.first.explanation,
                  "readings": case.first.readings} if case.first else None,
        "final": {"verdict": case.final.verdict, "explanation": case.final.explanation,
                  "readings": case.final.readings} if case.final else None,
    }


@dataclass
class AuditScores:
    articles: int  # analyzed: drawn articles less those that failed
    contradicted: int
    failed: list[str] = field(default_factory=list)  # drawn articles the pipeline could not analyze
    by_label: Counter[str] = field(default_factory=Counter)
    unlabelled: list[dict[str, Any]] = field(default_factory=list)
    # labelled verdicts that the current run no longer calls contradicted, by label
    gone: Counter[str] = field(default_factory=Counter)
    injected: Counter[str] = field(default_factory=Counter)  # cases per mutation
    injected_caught: Counter[str] = field(default_factory=Counter)
    injected_missed: list[dict[str, Any]] = field(default_factory=list)  # ``missed_case`` of each one not caught
    figureless: Counter[str] = field(default_factory=Counter)  # figure-less injected errors per mutation (s31)
    figureless_caught: Counter[str] = field(default_factory=Counter)
    figureless_missed: list[dict[str, Any]] = field(default_factory=list)

    @property
    def real_errors(self) -> int:
        return self.by_label[REAL_ERROR]

    @property
    def false_alarms(self) -> int:
        return sum(n for label, n in self.by_label.items() if label != REAL_ERROR)

    @property
    def labelled(self) -> int:
        return sum(self.by_label.values())

    @property
    def false_alarms_per_100(self) -> float | None:
        return 100.0 * self.false_alarms / self.articles if self.articles else None

    @property
    def precision(self) -> float | None:
        return self.real_errors / self.labelled if self.labelled else None

    @property
    def injected_share(self) -> float | None:
        return _caught_share(self.injected, self.injected_caught)

    @property
    def figureless_share(self) -> float | None:
        return _caught_share(self.figureless, self.figureless_caught)

    def as_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "failed": self.failed,
            "contradicted": self.contradicted,
            "labelled": self.labelled,
            "real_errors": self.real_errors,
            "false_alarms": self.false_alarms,
            "false_alarms_per_100_articles": self.false_alarms_per_100,
            "precision_of_contradicted": self.precision,
            "by_label": dict(sorted(self.by_label.items())),
            "unlabelled": self.unlabelled,
            "labelled_no_longer_contradicted": dict(sorted(self.gone.items())),
            "injected": {
                "cases": sum(self.injected.values()),
                "caught": sum(self.injected_caught.values()),
                "share": self.injected_share,
                "goal": INJECTED_GOAL,
                "by_mutation": {
                    how: {"cases": n, "caught": self.injected_caught[how]} for how, n in sorted(self.injected.items())
                },
                "missed": self.injected_missed,
            },
            "figureless_injected": {
                "cases": sum(self.figureless.values()),
                "caught": sum(self.figureless_caught.values()),
                "share": self.figureless_share,
                "by_mutation": {how: {"cases": n, "caught": self.figureless_caught[how]}
                                for how, n in sorted(self.figureless.items())},
                "missed": self.figureless_missed,
            },
        }


def score_audit(
    articles: int, rows: Sequence[dict[str, Any]], labels: Sequence[Label], injected: Sequence[InjectedCase],
    figureless: Sequence[InjectedCase] = (),
) -> AuditScores:
    """Figures from the current contradicted verdicts, the labels and the checked injected errors (the figure-less
    ones, ``figureless_cases``, counted apart)."""
    scores = AuditScores(articles=articles, contradicted=len(rows))
    matched = match_labels(rows, labels)
    for row, label in zip(rows, matched, strict=True):
        if label is None or not label.label:
            scores.unlabelled.append({k: row[k] for k in ("claim_id", "article_id", "char_start", "char_end")})
        else:
            scores.by_label[label.label] += 1
    used = {id(label) for label in matched if label is not None}
    for label in labels:
        if id(label) not in used and label.label:
            scores.gone[label.label] += 1
    _tally(injected, scores.injected, scores.injected_caught, scores.injected_missed)
    _tally(figureless, scores.figureless, scores.figureless_caught, scores.figureless_missed)
    return scores


def _caught_share(cases: Counter[str], caught: Counter[str]) -> float | None:
    total = sum(cases.values())
    return sum(caught.values()) / total if total else None


def _tally(cases: Sequence[InjectedCase], by_mutation: Counter[str], caught: Counter[str],
           missed: list[dict[str, Any]]) -> None:
    """Count checked injected cases by mutation: caught where the copy came out ``contradicted``."""
    for case in cases:
        by_mutation[case.mutation] += 1
        if case.verdict == "contradicted":
            caught[case.mutation] += 1
        else:
            missed.append(missed_case(case))


def check_injected(
    cases: Sequence[InjectedCase], check: Callable[[list[Claim]], list[CheckedClaim]]
) -> Sequence[InjectedCase]:
    """Give each injected case the verdict the checker returns for it."""
    if cases:
        results = check([case.claim for case in cases])
        for case, result in zip(cases, results, strict=True):
            case.verdict = result.verdict.verdict
    return cases


def audit_rows(scores: AuditScores) -> list[list[str]]:
    """The summary table: measure, value."""
    def fmt(value: float | None, digits: int = 3) -> str:
        return "-" if value is None else f"{value:.{digits}f}"

    injected_total = sum(scores.injected.values())
    rows = [
        ["articles analyzed", str(scores.articles)],
        ["articles that failed", str(len(scores.failed))],
        ["contradicted verdicts", str(scores.contradicted)],
        ["labelled", str(scores.labelled)],
        ["unlabelled", str(len(scores.unlabelled))],
        ["real errors", str(scores.real_errors)],
        ["false alarms", str(scores.false_alarms)],
        ["false alarms per 100 articles", fmt(scores.false_alarms_per_100, 2)],
        ["precision of contradicted", fmt(scores.precision)],
        [
            "injected errors caught",
            f"{fmt(scores.injected_share)} ({sum(scores.injected_caught.values())}/{injected_total}; "
            f"goal {INJECTED_GOAL:.2f})",
        ],
    ]
    rows += [[f"label {label}", str(scores.by_label[label])] for label in LABELS if scores.by_label[label]]
    rows += [[f"injected {how}", f"{scores.injected_caught[how]}/{n}"] for how, n in sorted(scores.injected.items())]
    rows += [["figure-less injected caught", f"{fmt(scores.figureless_share)} "
              f"({sum(scores.figureless_caught.values())}/{sum(scores.figureless.values())})"]]
    rows += [[f"figure-less injected {how}", f"{scores.figureless_caught[how]}/{n}"]
             for how, n in sorted(scores.figureless.items())]
    rows += [[f"labelled {label}, no longer contradicted", str(n)] for label, n in sorted(scores.gone.items())]
    return rows


# ---- the review sheet (shown to the reviewer, never committed) -----------------------------------

_SENTENCE_END = re.compile(r"[.!?][\"')\]]?\s+|\n\s*")


def _previous_sentence(text: str, start: int) -> str:
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, max(start - 1, 0))]
    if not ends:
        return text[:start].strip()
    # a short piece ("... Inc.") is an abbreviation's cut, not a sentence: reach one boundary further back
    pick = len(ends) - 2
    while pick >= 0 and start - ends[pick] < 60:
        pick -= 1
    return text[ends[pick] if pick >= 0 else 0 : start].strip()


def _next_sentence(text: str, end: int) -> str:
    tail = text[end:]
    first = _SENTENCE_END.search(tail.lstrip())
    stripped = tail.lstrip()
    return stripped[: first.end()].strip() if first else stripped[:300].strip()


def closes_table(bars: Any, session: str | None, before: int = 6, after: int = 2) -> str:
    """The closes around a session (close, change, high, low), and the moves since the last closes of the
    previous week, month and year, for checking a figure by hand. Stocks without as-traded closes show
    their adjusted closes (marked): moves are right, levels are not traded prices."""
    import pandas as pd

    if session is None or bars is None or bars.empty:
        return "(no session or no bars)"
    column = "close" if bars["close"].notna().any() else "adj_close"
    closes = bars[column].dropna()
    if closes.empty:
        return "(no closes)"
    day = pd.Timestamp(session)
    position = int(closes.index.searchsorted(day))
    changes = closes.pct_change() * 100
    lines = [f"date        {column:>9}     chg%       high        low"]
    for when in closes.index[max(0, position - before) : position + after + 1]:
        high, low = bars.at[when, "high"], bars.at[when, "low"]
        marker = " <" if when == day else ""
        lines.append(f"{when.date()}  {closes[when]:>9.2f}  {changes[when]:+7.2f}  {high:>9.2f}  {low:>9.2f}{marker}")
    on_day = closes[closes.index <= day]
    if on_day.empty:
        return "\n".join(lines)
    last = on_day.iloc[-1]
    for what, cut in (("week", day - pd.Timedelta(days=day.dayofweek + 1)),
                      ("month", day.replace(day=1) - pd.Timedelta(days=1)),
                      ("year", pd.Timestamp(day.year - 1, 12, 31))):
        base = closes[closes.index <= cut]
        if not base.empty:
            move = (last / base.iloc[-1] - 1) * 100
            lines.append(f"since previous {what}'s last close {base.index[-1].date()} {base.iloc[-1]:.2f}: "
                         f"{move:+.2f}% ({last - base.iloc[-1]:+.2f})")
    return "\n".join(lines)


def review_entry(item: CheckedClaim, article: Article, label: Label | None, bars: Callable[[str], Any]) -> str:
    claim, verdict = item.claim, item.verdict
    start, end = claim_char_range(claim)
    text = article.text
    row = verdict_row(item)
    figures = {k: v for k, v in row.items() if k not in ("claim_id", "article_id", "sentence_start", "sentence_end")}
    parts = [
        f"### {claim.claim_id}  {article.id}  [{start}:{end}]",
        f"{article.title or ''} | published {article.published_raw}",
        f"label: {label.label if label and label.label else '(none)'}  {label.note if label else ''}",
        "",
        f"BEFORE: {_previous_sentence(text, claim.char_start)}",
        f"SENTENCE: {text[claim.char_start:claim.char_end]}",
        f"CLAIM: {text[start:end]}",
        f"AFTER: {_next_sentence(text, claim.char_end)}",
        "",
        f"claim: {json.dumps(figures, ensure_ascii=False)}",
        f"explanation: {verdict.explanation}",
    ]
    for evidence in verdict.evidence:
        parts.append(f"evidence: {evidence.symbol} {evidence.series} {evidence.session} "
                     f"{json.dumps(evidence.figures, default=str)}")
    if verdict.diagnosis:
        parts.append(f"diagnosis: {json.dumps(verdict.diagnosis, default=str)}")
    symbols = [e.symbol for e in verdict.evidence if e.symbol] or ([claim.instrument.symbol]
                                                                   if claim.instrument and claim.instrument.symbol
                                                                   else [])
    for symbol in dict.fromkeys(symbols):
        parts += ["", f"{symbol}:", "```", closes_table(bars(symbol), claim.session), "```"]
    parts += ["", f"sha1 of claim text: {sentence_sha1(text[start:end])}", ""]
    return "\n".join(parts)


def write_review(
    audit_dir: Path, articles: Sequence[Article], checked: Sequence[CheckedClaim], bars: Callable[[str], Any]
) -> Path:
    """``review.md``: every contradicted verdict with its text, context, evidence and closes."""
    by_id = {a.id: a for a in articles}
    items = contradicted(checked)
    labels = match_labels([verdict_row(item) for item in items], load_labels(audit_dir))
    entries = [f"# Audit review sheet: {len(items)} contradicted verdicts in {len(articles)} articles",
               "", "Not for committing: it quotes article text. Labels go in labels.jsonl.", ""]
    for number, (item, label) in enumerate(zip(items, labels, strict=True), 1):
        entries.append(f"## {number}/{len(items)}")
        entries.append(review_entry(item, by_id[item.claim.article_id], label, bars))
    path = Path(audit_dir) / REVIEW_FILE
    try:
        path.write_text("\n".join(entries), encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{path}: cannot write: {exc.strerror or exc}") from exc
    return path


def evaluate_audit(
    audit_dir: Path,
    shared_data: Path,
    market: Any,
    pipeline: Callable[[list[Article]], list[CheckedClaim]],
) -> AuditScores:
    """Re-run a stored draw with the current program and score its contradicted verdicts against the labels.

    ``market`` is an open ``MarketData``; ``pipeline`` extracts and checks a list of articles (the CLI
    passes its batch runner). The injected errors are checked with the same market data.
    """
    drawn = load_drawn(audit_dir)
    articles = read_drawn(shared_data, drawn, audit_corpus(audit_dir))
    checked = pipeline(articles)
    rows = [verdict_row(item) for item in contradicted(checked)]
    by_id = {a.id: a for a in articles}
    cases = check_injected_in_articles(injected_cases(checked, market), checked, market, by_id)
    figureless = check_injected_in_articles(figureless_cases(checked), checked, market, by_id)
    failed = sorted(failures_of(checked))
    scores = score_audit(len(drawn) - len(failed), rows, load_labels(audit_dir), cases, figureless)
    scores.failed = failed
    return scores
