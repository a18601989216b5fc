"""Names writers use for instruments, from the built-in table, the market directory and a user CSV."""

from pathlib import Path

import pytest

from analyzer.errors import InputError, MarketDataError
from analyzer.market.registry import InstrumentRegistry, normalize_alias, short_company_name


@pytest.fixture(scope="module")
def registry(market_dir: Path) -> InstrumentRegistry:
    return InstrumentRegistry.load(market_dir)


def symbols(registry: InstrumentRegistry, text: str) -> list[str]:
    return sorted(i.symbol for i in registry.resolve(text))


@pytest.mark.parametrize(("text", "symbol"), [
    ("S&P 500", "^GSPC"), ("the S&P", "^GSPC"), ("S&P", "^GSPC"), ("Standard & Poor's 500", "^GSPC"),
    ("Standard & Poor's 500 index", "^GSPC"), ("the broad S&P 500 index", "^GSPC"), ("SPX", "^GSPC"),
    ("Dow Jones Industrial Average", "^DJI"), ("the Dow", "^DJI"), ("Dow", "^DJI"), ("blue-chip Dow", "^DJI"),
    ("Dow industrials", "^DJI"), ("Dow Jones industrial average", "^DJI"), ("the blue-chip average", "^DJI"),
    ("Nasdaq Composite", "^IXIC"), ("Nasdaq", "^IXIC"), ("the tech-heavy Nasdaq", "^IXIC"),
    ("Nasdaq Composite Index", "^IXIC"), ("Nasdaq-100", "^NDX"), ("Nasdaq 100", "^NDX"),
    ("Russell 2000", "^RUT"), ("small-cap benchmark", "^RUT"), ("Russell 2000 index", "^RUT"),
    ("VIX", "^VIX"), ("Cboe Volatility Index", "^VIX"), ("the volatility index", "^VIX"),
    ("Wall Street\u2019s fear gauge", "^VIX"),
    ("10-year yield", "^TNX"), ("the 10-year Treasury yield", "^TNX"),
    ("benchmark 10-year note yield", "^TNX"),
    ("5-year yield", "^FVX"), ("13-week Treasury bill yield", "^IRX"),
    ("3-month Treasury bill yield", "^IRX"),
    ("WTI", "DCOILWTICO"), ("U.S. crude", "DCOILWTICO"), ("oil", "DCOILWTICO"), ("Brent", "DCOILBRENTEU"),
    ("Technology Select Sector SPDR", "XLK"), ("XLK", "XLK"), ("Energy Select Sector SPDR Fund", "XLE"),
    ("Boeing", "BA"), ("Boeing's", "BA"), ("Apple", "AAPL"), ("Alphabet", "GOOGL"), ("Google", "GOOGL"),
    ("Exxon", "XOM"), ("Exxon Mobil", "XOM"), ("Wal-Mart", "WMT"), ("Walmart", "WMT"), ("JPMorgan", "JPM"),
    ("Goldman Sachs", "GS"), ("Goldman", "GS"), ("the Home Depot", "HD"), ("Eli Lilly", "LLY"),
    ("Caterpillar Inc.", "CAT"), ("BA", "BA"), ("$AAPL", "AAPL"), ("BRK.B", "BRK-B"),
])
def test_names_writers_use(registry, text, symbol):
    assert symbols(registry, text) == [symbol]


def test_equal_weight_index_has_a_proxy(registry):
    (info,) = registry.resolve("S&P Equal-Weighted Index")
    assert info.symbol == "^SPXEW" and info.proxy == "RSP" and info.data_symbol == "RSP"
    assert "RSP" in info.proxy_note and "Invesco S&P 500 Equal Weight ETF" in info.proxy_note
    for text in ("S&P 500 Equal Weight", "S&P 500 Equal Weight Index", "equal-weighted S&P 500"):
        assert symbols(registry, text) == ["^SPXEW"]


def test_every_constituent_resolves_by_its_official_name(registry, market_dir):
    import csv
    with (market_dir / "constituents.csv").open() as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) > 500
    for row in rows:
        found = symbols(registry, row["Security"])
        assert row["Symbol"].replace(".", "-") in found, row


def test_two_companies_with_one_short_name_are_ambiguous(registry):
    # Fox Corporation has two share classes in the S&P 500: report both, never guess
    assert symbols(registry, "Fox") == ["FOX", "FOXA"]
    pairs = [(a, s) for a, s in registry.aliases() if normalize_alias(a) == "fox"]
    assert sorted(s for _, s in pairs) == ["FOX", "FOXA"]


def test_unknown_names_and_symbols(registry):
    assert registry.resolve("Acme Widgets") == []
    with pytest.raises(MarketDataError, match="ZZZZ"):
        registry.get("ZZZZ")


def test_common_words_are_not_company_aliases(registry):
    names = {normalize_alias(a) for a, _ in registry.aliases()}
    assert "block" not in names and "southern" not in names
    assert symbols(registry, "Target Corporation") == ["TGT"]


def test_builtin_table_works_without_a_directory():
    registry = InstrumentRegistry.load()
    assert symbols(registry, "the Dow") == ["^DJI"]
    assert symbols(registry, "Boeing") == ["BA"]
    assert registry.resolve("Alaska Air") == []  # only with constituents.csv


def test_user_csv_adds_and_can_make_names_ambiguous(tmp_path, market_dir):
    user = tmp_path / "aliases.csv"
    user.write_text("alias,symbol,name,kind,proxy,proxy_note\n"
                    "Big Blue,IBM,IBM,stock,,\n"
                    "the Russell,IWM,iShares Russell 2000 ETF,etf,,\n")
    registry = InstrumentRegistry.load(market_dir, user)
    assert symbols(registry, "Big Blue") == ["IBM"]
    assert symbols(registry, "the Russell") == ["IWM", "^RUT"]


def test_user_csv_errors_name_the_file(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("alias,symbol,name,kind\nFoo,FOO,Foo,spaceship\n")
    with pytest.raises(InputError, match="bad.csv line 2"):
        InstrumentRegistry.load(None, bad)
    with pytest.raises(InputError, match="missing column"):
        bad.write_text("name,ticker\nFoo,FOO\n")
        InstrumentRegistry.load(None, bad)


# indices named in the curated list only so that their names ("Dow Jones transportation average") are not
# read as an index we do have (the Dow); claims about them are unverifiable
NAMED_WITHOUT_DATA = {"^DJT", "^DJU", "^NYA", "^SOX", "^BKX", "^MID", "^SML"}


def test_curated_company_symbols_exist_in_the_data(market_dir):
    registry = InstrumentRegistry.load()
    daily = {p.name.split(".")[0] for p in (market_dir / "daily").iterdir()}
    series = {p.stem for p in (market_dir / "series").glob("*.csv")}
    for info in registry.instruments():
        if info.proxy:
            assert info.proxy in daily
        elif info.symbol not in NAMED_WITHOUT_DATA:
            assert info.symbol.replace("^", "IDX_") in daily | series, info


def test_the_transportation_average_is_not_the_dow():
    registry = InstrumentRegistry.load()
    assert [i.symbol for i in registry.resolve("Dow Jones transportation average")] == ["^DJT"]
    assert [i.symbol for i in registry.resolve("Dow Jones industrial average")] == ["^DJI"]


@pytest.mark.parametrize(("official", "short"), [
    ("Alphabet Inc. (Class A)", "Alphabet"), ("Home Depot (The)", "Home Depot"), ("Lilly (Eli)", "Eli Lilly"),
    ("Merck & Co.", "Merck"), ("Tesla, Inc.", "Tesla"), ("Linde plc", "Linde"),
    ("Norwegian Cruise Line Holdings", "Norwegian Cruise Line"), ("Caterpillar Inc.", "Caterpillar"),
])
def test_short_company_name(official, short):
    assert short_company_name(official) == short
