"""Which instrument a name in commentary refers to: "the Dow", "Boeing", "the 10-year yield".

Three layers, each adding to the one before:

1. the curated table ``aliases.csv`` in this package (indices and their nicknames, yields, oil, VIX,
   ETFs, well-known companies by the names writers use);
2. a market directory's ``symbols.csv`` (official names of the instruments with data) and
   ``constituents.csv`` (every S&P 500 company, with a short name derived by dropping legal suffixes:
   "Boeing Company (The)" -> "Boeing");
3. a user CSV of the same shape as ``aliases.csv``.

Curated names (layers 1 and 3) win over derived ones, so "Dow" stays the index although Dow Inc. is an
S&P 500 member. When one name still maps to two instruments, ``resolve`` returns both: the caller reports
the ambiguity rather than guessing.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path

from analyzer.errors import InputError, MarketDataError

KINDS = ("index", "etf", "stock", "volatility", "yield", "commodity", "rate")
ALIAS_COLUMNS = ("alias", "symbol", "name", "kind", "proxy", "proxy_note")

# derived short names that are ordinary English words: kept only in their full form ("Target
# Corporation"), so a phrase matcher does not turn "the Fed's target" into a stock
_COMMON_WORD_SHORT_NAMES = frozenset({
    "ball", "block", "southern", "target", "progressive", "corning", "match", "mosaic", "flex", "insulet",
    "hartford", "trade desk", "travelers", "cooper", "williams", "apa", "global payments", "realty income",
    "regency centers", "public storage", "host hotels & resorts", "united rentals",
    "universal health services",
})

_LEGAL_SUFFIXES = re.compile(
    r"(?:,?\s+(?:inc\.?|incorporated|corporation|corp\.?|company|companies|co\.?|plc|ltd\.?|limited|"
    r"holdings?|group|n\.v\.|s\.a\.|se|ag|l\.p\.|lp|& co\.?))+$",
    re.IGNORECASE,
)
_PARENTHESISED = re.compile(r"\s*\((?:the|class [a-z])\)\s*", re.IGNORECASE)
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_TRAILING_INDEX = re.compile(r"\s+(?:index|indexes|indices|average)$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:'s|s')$", re.IGNORECASE)
_SPACE = re.compile(r"\s+")


def series_of_another_company(symbol: str, day: date) -> str | None:
    """Why a ticker's history in our data is not the company an article of ``day`` names, if it is not: a
    ticker taken over with a company's name ('CB' is ACE Limited's history before 2016). From the curated
    ``ticker_history.csv``: which series belong to whom before when."""
    row = _ticker_history().get(symbol)
    if row is None or day >= row[0]:
        return None
    return row[1]


@lru_cache(maxsize=1)
def _ticker_history() -> dict[str, tuple[date, str]]:
    text = resources.files("analyzer.market").joinpath("ticker_history.csv").read_text(encoding="utf-8")
    out = {}
    for line, row in enumerate(csv.DictReader(io.StringIO(text)), start=2):
        try:
            out[row["symbol"].strip()] = (date.fromisoformat(row["history_from"].strip()), row["note"].strip())
        except (KeyError, ValueError, AttributeError) as exc:
            raise InputError(f"analyzer/market/ticker_history.csv line {line}: {exc}") from exc
    return out


@dataclass(frozen=True)
class InstrumentInfo:
    symbol: str  # "^RUT", "BA", "RSP", "DCOILWTICO" (a FRED series)
    name: str  # "Russell 2000", "Boeing"
    kind: str  # index|etf|stock|volatility|yield|commodity|rate
    proxy: str | None = None  # the symbol whose data stands in when the instrument has none
    proxy_note: str | None = None  # why, in words for an explanation

    @property
    def data_symbol(self) -> str:
        """The symbol to read prices for: the proxy where there is one."""
        return self.proxy or self.symbol


def normalize_alias(text: str) -> str:
    """The lookup key of a name as written: case, apostrophes, "the", "index", possessives ignored."""
    key = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u00a0", " ")
    key = _SPACE.sub(" ", key).strip().strip(".,;:").strip()
    key = _LEADING_THE.sub("", key)
    key = _POSSESSIVE.sub("", key)
    key = _TRAILING_INDEX.sub("", key) if _TRAILING_INDEX.sub("", key) else key
    key = _POSSESSIVE.sub("", key)
    # hyphens and spaces are interchangeable ("blue-chip", "blue chip")
    return key.replace("-", " ").lower().strip()


def normalize_symbol(symbol: str) -> str:
    """A ticker as the data names it: upper case, "BRK.B" -> "BRK-B", "IDX_RUT" -> "^RUT"."""
    symbol = symbol.strip().upper()
    if symbol.startswith("IDX_"):
        symbol = "^" + symbol[4:]
    return symbol.replace(".", "-") if not symbol.startswith("^") else symbol


def short_company_name(official: str) -> str:
    """The name writers use for a company: "Alphabet Inc. (Class A)" -> "Alphabet"."""
    name = _PARENTHESISED.sub(" ", official).strip()
    name = re.sub(r"^(.*?)\s*\((.+)\)$", r"\2 \1", name)  # "Lilly (Eli)" -> "Eli Lilly"
    name = _LEGAL_SUFFIXES.sub("", name).strip().rstrip(",").strip()
    return name or official


class InstrumentRegistry:
    """Instruments by symbol, and the names commentary uses for them."""

    def __init__(self) -> None:
        self._by_symbol: dict[str, InstrumentInfo] = {}
        # alias key -> {symbol: alias as written}; curated entries shadow derived ones per key
        self._curated: dict[str, dict[str, str]] = {}
        self._derived: dict[str, dict[str, str]] = {}

    # -- building -------------------------------------------------------------------------------
    @classmethod
    def load(cls, market_dir: Path | None = None, user_csv: Path | None = None) -> InstrumentRegistry:
        registry = cls()
        registry._add_alias_rows(_builtin_alias_rows(), source="analyzer/market/aliases.csv", curated=True)
        if market_dir is not None:
            market_dir = Path(market_dir)
            registry._add_symbols_csv(market_dir / "symbols.csv")
            registry._add_constituents_csv(market_dir / "constituents.csv")
        if user_csv is not None:
            registry._add_alias_rows(_read_alias_csv(Path(user_csv)), source=str(user_csv), curated=True)
        return registry

    def add(self, info: InstrumentInfo, aliases: Iterable[str] = (), curated: bool = True) -> None:
        """Register an instrument (first definition of a symbol wins) and names for it."""
        self._by_symbol.setdefault(info.symbol, info)
        table = self._curated if curated else self._derived
        for alias in aliases:
            key = normalize_alias(alias)
            if key:
                table.setdefault(key, {}).setdefault(info.symbol, alias)

    def _add_alias_rows(self, rows: Iterable[dict[str, str]], source: str, curated: bool) -> None:
        for line, row in enumerate(rows, start=2):
            symbol = normalize_symbol(row.get("symbol") or "")
            kind = (row.get("kind") or "").strip()
            alias = (row.get("alias") or "").strip()
            if not symbol or not alias:
                raise InputError(f"{source} line {line}: alias and symbol are required")
            if kind not in KINDS:
                raise InputError(f"{source} line {line}: kind {kind!r} is not one of {', '.join(KINDS)}")
            info = InstrumentInfo(symbol=symbol, name=(row.get("name") or "").strip() or alias, kind=kind,
                                  proxy=normalize_symbol(row["proxy"]) if (row.get("proxy") or "").strip()
                                  else None,
                                  proxy_note=(row.get("proxy_note") or "").strip() or None)
            self.add(info, [alias], curated=curated)

    def _add_symbols_csv(self, path: Path) -> None:
        if not path.is_file():
            return  # a directory filled by `analyzer market update` may not have one yet
        with path.open(newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                symbol = normalize_symbol(row.get("symbol") or "")
                kind = (row.get("kind") or "").strip()
                if not symbol or kind not in KINDS:
                    continue
                name = (row.get("name") or symbol).strip()
                short = short_company_name(name) if kind == "stock" else name
                existing = self._by_symbol.get(symbol)
                self.add(InstrumentInfo(symbol=symbol, name=existing.name if existing else short, kind=kind),
                         [name, short] if _usable_short_name(short) else [name], curated=False)

    def _add_constituents_csv(self, path: Path) -> None:
        if not path.is_file():
            return
        with path.open(newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                symbol = normalize_symbol(row.get("Symbol") or "")
                official = (row.get("Security") or "").strip()
                if not symbol or not official:
                    continue
                short = short_company_name(official)
                existing = self._by_symbol.get(symbol)
                info = InstrumentInfo(symbol=symbol, name=existing.name if existing else short, kind="stock")
                names = [official, short] if _usable_short_name(short) else [official]
                self.add(info, names, curated=False)

    # -- queries --------------------------------------------------------------------------------
    def resolve(self, text: str) -> list[InstrumentInfo]:
        """Instruments a name or ticker may refer to: [] if unknown, several if ambiguous."""
        stripped = text.strip()
        ticker = normalize_symbol(stripped.lstrip("$"))
        # a ticker written as one (upper case, or with ^/$) names exactly one instrument
        if (stripped.isupper() or stripped[:1] in "^$") and ticker in self._by_symbol:
            return [self._by_symbol[ticker]]
        key = normalize_alias(stripped)
        found = self._curated.get(key) or self._derived.get(key) or {}
        return [self._by_symbol[symbol] for symbol in found]

    def get(self, symbol: str) -> InstrumentInfo:
        info = self._by_symbol.get(normalize_symbol(symbol))
        if info is None:
            raise MarketDataError(f"unknown instrument symbol {symbol!r}: not in the registry "
                                  "(built-in aliases, the market directory's symbols.csv/constituents.csv, "
                                  "or a user alias CSV)")
        return info

    def __contains__(self, symbol: object) -> bool:
        return isinstance(symbol, str) and normalize_symbol(symbol) in self._by_symbol

    def instruments(self) -> list[InstrumentInfo]:
        return list(self._by_symbol.values())

    def aliases(self) -> list[tuple[str, str]]:
        """(alias as writers write it, symbol) pairs for phrase matchers.

        A name that maps to two instruments appears once per instrument. Bare tickers of companies
        ("A", "IT", "ON") are left out: they are ordinary words; see ``tickers()``.
        """
        pairs: list[tuple[str, str]] = []
        for key in sorted(set(self._curated) | set(self._derived)):
            for symbol, written in (self._curated.get(key) or self._derived[key]).items():
                pairs.append((written, symbol))
        return pairs

    def tickers(self) -> list[str]:
        """Every known symbol, for a case-sensitive ticker matcher."""
        return sorted(self._by_symbol)


def _usable_short_name(short: str) -> bool:
    return len(short) > 1 and short.lower() not in _COMMON_WORD_SHORT_NAMES


def builtin_index_aliases() -> list[str]:
    """The curated names writers give the indices ("the Dow", "Nasdaq Composite"), longest first, for text
    patterns that must name an index rather than read one."""
    names = {row["alias"].strip() for row in _builtin_alias_rows() if row.get("kind") == "index" and row.get("alias")}
    return sorted(names, key=lambda name: (-len(name), name))


def _builtin_alias_rows() -> list[dict[str, str]]:
    text = resources.files("analyzer.market").joinpath("aliases.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


def _read_alias_csv(path: Path) -> list[dict[str, str]]:
    try:
        with path.open(newline="", encoding="utf-8-sig") as fh:
            reader = csv.DictReader(fh)
            missing = [c for c in ("alias", "symbol", "kind") if c not in (reader.fieldnames or [])]
            if missing:
                raise InputError(f"alias CSV {path}: missing column(s) {', '.join(missing)}; "
                                 f"expected {','.join(ALIAS_COLUMNS)}")
            return list(reader)
    except OSError as exc:
        raise InputError(f"cannot read alias CSV {path}: {exc.strerror or exc}") from exc
