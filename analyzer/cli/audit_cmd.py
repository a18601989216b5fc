"""`analyzer audit draw|run`: the standing audit of `contradicted` verdicts (``analyzer/audit.py``).

`draw` picks articles at random (seeded) and runs them; `run` re-runs a stored draw after the program
changed. Both write ids, offsets and verdict counts into the audit directory, add an empty label for every
new `contradicted` verdict to ``labels.jsonl`` and write ``review.md`` (article text: never committed).
`analyzer eval --audit DIR` scores the labels.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from analyzer.cli.app import app
from analyzer.errors import InputError
from analyzer.ingest.shared_data import REUTERS_ALL, TRADINGVIEW, shared_data_dir

audit_app = typer.Typer(help="Draw articles, run them and write the contradicted verdicts for labelling.",
                        no_args_is_help=True)
app.add_typer(audit_app, name="audit")

err = Console(stderr=True)

SharedDataOption = Annotated[
    Path | None,
    typer.Option("--shared-data", help="directory laid out like ../shared/data "
                 "[default: $ANALYZER_SHARED_DATA or ../shared/data]"),
]
MarketOption = Annotated[
    Path | None, typer.Option("--market", help="market data directory [default: SHARED_DATA/market]")
]


def run_and_write(audit_dir: Path, drawn: list, shared: Path, market_dir: Path, parameters: dict) -> None:
    """Read the drawn articles, extract and check them, store the run and write the review sheet.

    An article the pipeline cannot analyze does not stop the run: it is named in ``articles.jsonl``
    (``failed``, with the stage and reason) and counted in the closing line."""
    from analyzer import audit
    from analyzer.cli.check_cmd import run_pipeline
    from analyzer.market import MarketData

    if not market_dir.is_dir():
        raise InputError(f"market data directory {market_dir} not found (pass --market DIR)")
    market = MarketData.open(market_dir)
    with err.status(f"reading {len(drawn)} drawn articles from {shared}"):
        articles = audit.read_drawn(shared, drawn, str(parameters.get("corpus", audit.CORPUS)))
    checked = run_pipeline(articles, market, progress_label="extracting and checking")
    rows = audit.write_run(audit_dir, drawn, checked, parameters)

    def bars(symbol: str):  # type: ignore[no-untyped-def]
        try:
            return market.bars(symbol)
        except Exception:  # noqa: BLE001 - a symbol without bars just gets no closes table in the sheet
            return None

    sheet = audit.write_review(audit_dir, articles, checked, bars)
    labels = audit.load_labels(audit_dir)
    unlabelled = sum(1 for label in audit.match_labels(rows, labels) if label is None or not label.label)
    failed = audit.failures_of(checked)
    for article_id, failure in sorted(failed.items()):
        err.print(f"failed {article_id}: {failure.stage}: {failure.reason}"[:300], markup=False, highlight=False)
    err.print(f"{len(articles)} articles ({len(failed)} failed), {len(checked)} claims, {len(rows)} contradicted "
              f"({unlabelled} unlabelled); ids and counts in {audit_dir}, review sheet {sheet} (do not commit)")


@audit_app.command("draw")
def draw(
    out: Annotated[Path, typer.Option("--out", help="the audit directory, e.g. corpora/audit/NAME")],
    seed: Annotated[int, typer.Option("--seed", help="random seed: the same seed draws the same articles")],
    year: Annotated[int | None, typer.Option(
        "--year", help="year of the Reuters articles (2006-2009) [default: 2008]; not for tradingview_2025_02, "
        "which is one week of February 2025")] = None,
    n: Annotated[int, typer.Option("--n", help="number of articles")] = 300,
    corpus: Annotated[str, typer.Option(
        "--corpus", help="the corpus to draw from: reuters_2006_2013 (one year) or tradingview_2025_02 (the items "
        "of the held-out outlets, those of CORPORA/test)")] = "reuters_2006_2013",
    wrap_share: Annotated[float, typer.Option("--wrap-share",
                                              help="share drawn from the market wraps; the rest from other "
                                              "stories naming an index or a listed company")] = 0.5,
    corpora_dir: Annotated[Path, typer.Option("--corpora", help="the gold corpora whose articles are excluded")] =
    Path("corpora"),
    exclude: Annotated[list[Path] | None, typer.Option(
        "--exclude", help="an audit directory, a directory of JSONL or a JSONL file whose article ids are not "
        "drawn (repeatable) [default: every CORPORA/audit/* and CORPORA/test]")] = None,
    shared_data: SharedDataOption = None,
    market: MarketOption = None,
) -> None:
    """Draw N articles at random (seeded), run the pipeline and write the contradicted verdicts for labelling."""
    from analyzer import audit

    audit.check_corpus(corpus)
    shared = shared_data_dir(shared_data)
    if corpus == audit.CORPUS:
        year = 2008 if year is None else year
        what = f"{n} articles of {year} from {shared / REUTERS_ALL}"
    else:
        what = f"{n} items of the held-out outlets from {shared / TRADINGVIEW}"
    with err.status(f"drawing {what}"):
        drawn = audit.draw_articles(shared, year, n, seed, corpora_dir, wrap_share, exclude or None, corpus)
    existing = out / audit.ARTICLES_FILE
    if existing.is_file() and [d.article_id for d in audit.load_drawn(out)] != [d.article_id for d in drawn.articles]:
        raise InputError(f"{out} already holds a different draw: re-run it with `analyzer audit run {out}` "
                         "or choose another --out")
    run_and_write(out, drawn.articles, shared, market or shared / "market", drawn.parameters())


@audit_app.command("run")
def run(
    audit_dir: Annotated[Path, typer.Argument(help="an audit directory made by `analyzer audit draw`")],
    shared_data: SharedDataOption = None,
    market: MarketOption = None,
) -> None:
    """Re-run a stored draw with the current program: new contradicted verdicts get empty labels to fill in."""
    from analyzer import audit

    shared = shared_data_dir(shared_data)
    drawn = audit.load_drawn(audit_dir)
    parameters = {k: v for k, v in audit.load_parameters(audit_dir).items()
                  if k not in ("articles", "claims", "verdicts")}
    run_and_write(audit_dir, drawn, shared, market or shared / "market", parameters)
