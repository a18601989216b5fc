"""`analyzer market update|import|show`: keep a local market directory current and look inside it."""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from analyzer.cli.app import app
from analyzer.errors import InputError

if TYPE_CHECKING:  # analyzer.market loads pandas: imported in the commands, so --help is quick
    from analyzer.market.registry import InstrumentRegistry

market = typer.Typer(help="Market data: update from the internet, import CSV exports, show bars.",
                     no_args_is_help=True)
app.add_typer(market, name="market")

# tables are wide: when output goes to a file or pipe, do not squeeze them into 80 columns
out = Console(width=None if os.isatty(1) else 140)
err = Console(stderr=True)

ENV_MARKET_DIR = "ANALYZER_MARKET_DIR"  # the same name as analyzer.market.data.ENV_MARKET_DIR
MarketOption = typer.Option(None, "--market", help=f"market data directory (default: ${ENV_MARKET_DIR})")
# first date asked for when a symbol has no file yet: Yahoo answers from each symbol's own first day
EARLIEST = date(1900, 1, 1)
SERIES_KINDS = ("rate", "commodity")
# FRED ids that go to FRED without --fred (those the shared market directory carries, and their kin)
FRED_PREFIXES = ("DGS", "DFEDTAR", "DFF", "DCOIL", "FEDFUNDS", "VIXCLS", "DFII", "BAML", "UNRATE", "M2SL",
                 "WALCL", "DTB", "T10Y", "SOFR", "CPIAUCSL")


def _market_dir(market_dir: Path | None, create: bool = False) -> Path:
    chosen = market_dir or (Path(os.environ[ENV_MARKET_DIR]) if os.environ.get(ENV_MARKET_DIR) else None)
    if chosen is None:
        raise InputError(f"no market data directory: pass --market DIR or set ${ENV_MARKET_DIR}")
    if create:
        chosen.mkdir(parents=True, exist_ok=True)
    elif not chosen.is_dir():
        raise InputError(f"market data directory {chosen} does not exist")
    return chosen


def _parse_day(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise InputError(f"{option} {value!r} is not an ISO date (YYYY-MM-DD)") from exc


def _is_series(symbol: str, directory: Path, registry: InstrumentRegistry) -> bool:
    """FRED series ids (DGS10, DCOILWTICO) go to FRED; tickers go to Yahoo."""
    if (directory / "series" / f"{symbol}.csv").is_file() or symbol.startswith(FRED_PREFIXES):
        return True
    if symbol in registry:
        return registry.get(symbol).kind in SERIES_KINDS or (
            registry.get(symbol).kind == "yield" and not symbol.startswith("^"))
    return False


@market.command("update")
def update(symbols: list[str] = typer.Argument(..., help="tickers (^GSPC, BA) or FRED series ids (DGS10)"),
           market_dir: Path | None = MarketOption,
           provider: str = typer.Option("yahoo", help="price source: yahoo (chart API) or yfinance"),
           start: str | None = typer.Option(None, "--from", help="first date for symbols without data"),
           end: str | None = typer.Option(None, "--to", help="last date (default: today)"),
           fred: bool = typer.Option(False, "--fred", help="treat every symbol as a FRED series id")) -> None:
    """Fetch what the directory lacks: only the dates after each symbol's last row."""
    from analyzer.market import store
    from analyzer.market.providers import FredCsvProvider, YahooChartProvider, YFinanceProvider
    from analyzer.market.registry import InstrumentRegistry, normalize_symbol

    directory = _market_dir(market_dir, create=True)
    first_day, last_day = _parse_day(start, "--from"), _parse_day(end, "--to") or date.today()
    registry = InstrumentRegistry.load(directory)
    prices = {"yahoo": YahooChartProvider, "yfinance": YFinanceProvider}.get(provider)
    if prices is None:
        raise InputError(f"--provider {provider!r}: choose yahoo or yfinance")
    price_source, series_source = prices(), FredCsvProvider()
    table = Table("symbol", "source", "from", "to", "added", "rows", title=f"market update: {directory}")
    failures = 0
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("updating", total=len(symbols))
        for raw in symbols:
            symbol = raw.strip().upper() if fred else normalize_symbol(raw)
            progress.update(task, description=f"updating {symbol}")
            as_series = fred or _is_series(symbol, directory, registry)
            last = store.last_series_date(directory, symbol) if as_series else store.last_bar_date(directory, symbol)
            since = (last.date() + timedelta(days=1)) if last is not None else (first_day or EARLIEST)
            if since > last_day:
                table.add_row(symbol, "-", since.isoformat(), last_day.isoformat(), "0", "up to date")
                progress.advance(task)
                continue
            try:
                if as_series:
                    result = store.merge_series(directory, symbol,
                                                series_source.fetch_series(symbol, since, last_day))
                    source = "FRED"
                else:
                    info = registry.get(symbol) if symbol in registry else None
                    kind = info.kind if info else ("index" if symbol.startswith("^") else "stock")
                    bars = price_source.fetch_bars(symbol, since, last_day)
                    result = store.merge_bars(directory, symbol, bars, kind=kind, name=info.name if info else None,
                                              source=f"{price_source.name} {date.today().isoformat()}")
                    source = price_source.name
                table.add_row(symbol, source, since.isoformat(), last_day.isoformat(), str(result.added),
                              str(result.added + result.kept))
            except InputError:
                raise
            except Exception as exc:  # one symbol failing must not stop the others
                failures += 1
                table.add_row(symbol, "error", since.isoformat(), last_day.isoformat(), "0", str(exc)[:80])
            progress.advance(task)
    out.print(table)
    if failures:
        raise typer.Exit(code=1)


@market.command("import")
def import_(files: list[Path] = typer.Argument(..., help="Yahoo, yfinance or FRED CSV exports"),
            market_dir: Path | None = MarketOption,
            symbol: str | None = typer.Option(None, help="symbol of a Yahoo plain export (default: file name)")
            ) -> None:
    """Merge CSV exports into the market directory (existing rows are kept)."""
    from analyzer.market.importers import import_file
    from analyzer.market.registry import InstrumentRegistry

    directory = _market_dir(market_dir, create=True)
    registry = InstrumentRegistry.load(directory)
    table = Table("file", "symbol/series", "added", "rows", "first", "last", title=f"market import: {directory}")
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), console=err,
                  transient=True, disable=len(files) < 2) as progress:
        task = progress.add_task("importing", total=len(files))
        for path in files:
            for result in import_file(directory, path, symbol, registry):
                table.add_row(path.name, result.symbol, str(result.added), str(result.added + result.kept),
                              result.first or "", result.last or "")
            progress.advance(task)
    out.print(table)


@market.command("show")
def show(symbol: str = typer.Argument(..., help="ticker, FRED series id or a name (\"the Dow\")"),
         start: str | None = typer.Option(None, "--from", help="first date (default: 30 days before --to)"),
         end: str | None = typer.Option(None, "--to", help="last date (default: the data's last date)"),
         market_dir: Path | None = MarketOption) -> None:
    """Print a symbol's daily bars, with the day-over-day change of the close used for claims."""
    from analyzer.market.data import MarketData
    from analyzer.market.registry import normalize_symbol

    md = MarketData.open(_market_dir(market_dir))
    resolved = md.registry.resolve(symbol)
    if len(resolved) > 1:
        choices = ", ".join(f"{i.symbol} ({i.name})" for i in resolved)
        raise InputError(f"{symbol!r} is ambiguous: {choices}")
    data_symbol = resolved[0].data_symbol if resolved else normalize_symbol(symbol)
    bars = md.bars(data_symbol)
    last = _parse_day(end, "--to") or bars.index[-1].date()
    first = _parse_day(start, "--from") or last - timedelta(days=30)
    window = bars.loc[str(first):str(last)]
    prices, column = md.price_series(data_symbol, start=first, end=last)
    change = prices.pct_change().mul(100).reindex(window.index)
    title = f"{data_symbol} {first.isoformat()}..{last.isoformat()} ({md.source_of(data_symbol)}; change of {column})"
    if resolved and resolved[0].proxy:
        title += f"\n{resolved[0].proxy_note}"
    table = Table("date", "open", "high", "low", "close", "adj_close", "volume", "change %", title=title)

    def fmt(value: float, digits: int = 2) -> str:
        return "" if value != value else f"{value:,.{digits}f}"  # NaN -> empty

    for ts, row in window.iterrows():
        table.add_row(ts.date().isoformat(), fmt(row["open"]), fmt(row["high"]), fmt(row["low"]),
                      fmt(row["close"]), fmt(row["adj_close"], 4), fmt(row["volume"], 0), fmt(change.loc[ts]))
    if window.empty:
        err.print(f"no rows for {data_symbol} between {first.isoformat()} and {last.isoformat()}")
    out.print(table)
