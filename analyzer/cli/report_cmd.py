"""`analyzer report [--db URL | --claims FILE.jsonl] [--articles FILE.jsonl] [--market DIR] --out report.html`."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import typer
from rich.console import Console

from analyzer.cli.app import app
from analyzer.errors import InputError
from analyzer.records import Article, CheckedClaim

err = Console(stderr=True)


def load_from_claims(claims_path: Path, articles_path: Path | None) -> tuple[list[CheckedClaim], dict[str, Article]]:
    """Checked claims from a JSONL file (``analyzer check --out``), and their articles if given."""
    from analyzer.ingest import ReadReport, read_articles
    from analyzer.report.export import read_jsonl

    if not claims_path.is_file():
        raise InputError(f"{claims_path}: no such claims file")
    if articles_path is not None and not articles_path.is_file():
        raise InputError(f"{articles_path}: no such articles file")
    checked = list(read_jsonl(claims_path))
    articles: dict[str, Article] = {}
    if articles_path is not None:
        logging.getLogger("analyzer.ingest").setLevel(logging.ERROR)  # the skipped lines are summed up below
        report = ReadReport()
        for article in read_articles(articles_path, report=report):
            articles.setdefault(article.id, article)
        if report.problems:
            err.print(f"{articles_path}: {len(report.problems)} lines skipped (first: {report.problems[0]})",
                      style="yellow", soft_wrap=True, highlight=False, markup=False)
    return checked, articles


def load_from_store(db: str | None) -> tuple[list[CheckedClaim], dict[str, Article]]:
    """Every stored claim with its verdict, and the stored articles they come from."""
    from analyzer.store import Store, default_db_url

    given = db or default_db_url()
    if "://" not in given and not Path(given).expanduser().is_file():
        raise InputError(f"{given}: no such database (run `analyzer run` first, or pass --db/--claims)")
    store = Store.open(given, create=False)  # an empty file or another program's database is refused too
    try:
        checked = list(store.checked_claims())
        articles: dict[str, Article] = {}
        for item in checked:
            article_id = item.claim.article_id
            if article_id not in articles:
                found = store.article(article_id)
                if found is not None:
                    articles[article_id] = found
    finally:
        store.close()
    return checked, articles


def stored_history(db: str | None):  # type: ignore[no-untyped-def]
    """Each stored claim's verdicts over time, by (article id, claim id)."""
    from analyzer.report.frame import group_history
    from analyzer.store import Store

    store = Store.open(db, create=False)
    try:
        return group_history(store.verdict_history())
    finally:
        store.close()


def open_market(market: Path | None):  # type: ignore[no-untyped-def]
    """The market data for the charts, or None (the report then says it has no charts)."""
    from analyzer.market import MarketData

    directory = market or os.environ.get("ANALYZER_MARKET_DIR")
    return MarketData.open(directory) if directory else None


@app.command("report")
def report(
    out: Path = typer.Option(..., "--out", "-o", help="the HTML file to write"),
    db: str | None = typer.Option(None, "--db", help="the article store (URL or SQLite path; default $ANALYZER_DB "
                                  "or the user data directory)"),
    claims: Path | None = typer.Option(None, "--claims", help="checked claims as JSONL (from `analyzer check`)"),
    articles: Path | None = typer.Option(None, "--articles",
                                         help="with --claims: the articles' texts (JSONL of articles); without "
                                              "it the texts are rebuilt from the claim sentences"),
    market: Path | None = typer.Option(None, "--market", help="market data directory for the price charts "
                                       "(default $ANALYZER_MARKET_DIR)"),
) -> None:
    """Write one self-contained HTML report: summary, annotated articles, claim details and charts."""
    from analyzer.report.html import write_report

    if db is not None and claims is not None:
        raise InputError("--db and --claims are alternatives: give one")
    if articles is not None and claims is None:
        raise InputError("--articles goes with --claims (the store already holds the articles)")
    md = open_market(market)
    with err.status("reading claims"):
        checked, texts = load_from_claims(claims, articles) if claims is not None else load_from_store(db)
        history = stored_history(db) if claims is None else None
    with err.status(f"rendering {len(checked)} claims"):
        path = write_report(out, checked, texts, md, history=history)
    size = path.stat().st_size / 1e6
    article_ids = {c.claim.article_id for c in checked} | set(texts)
    rebuilt = len({c.claim.article_id for c in checked} - set(texts))
    note = f"; {rebuilt} article texts rebuilt from claim sentences" if rebuilt else ""
    note += "" if md is not None else "; no market data, so no price charts"
    err.print(f"wrote {path}: {len(checked)} claims in {len(article_ids)} articles ({size:.1f} MB){note}",
              soft_wrap=True, highlight=False)
