"""`analyzer eval`: score the pipeline against hand-annotated gold sentences."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from analyzer import evaluate
from analyzer.cli.app import app
from analyzer.errors import InputError
from analyzer.ingest.shared_data import shared_data_dir


def _rich_table(title: str, header: list[str], rows: list[list[str]]) -> Table:
    table = Table(title=title)
    for index, name in enumerate(header):
        table.add_column(name, justify="left" if index == 0 else "right")
    for row in rows:
        table.add_row(*row)
    return table


def _write_figures(json_out: Path, figures: dict[str, object]) -> None:
    try:
        json_out.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{json_out}: cannot write figures: {exc.strerror or exc}") from exc


def _eval_audit(audit_dir: Path, shared: Path, market_dir: Path, markdown: bool, json_out: Path | None) -> None:
    from analyzer import audit
    from analyzer.cli.check_cmd import run_pipeline
    from analyzer.market import MarketData

    if not market_dir.is_dir():
        raise InputError(f"market data directory {market_dir} not found (pass --market DIR or --shared-data DIR)")
    market_data = MarketData.open(market_dir)
    scores = audit.evaluate_audit(audit_dir, shared, market_data, lambda articles: run_pipeline(articles, market_data))
    rows = audit.audit_rows(scores)
    if markdown:
        print(evaluate.markdown_table(["measure", "value"], rows))
    else:
        Console().print(_rich_table(f"Audit of contradicted verdicts ({audit_dir})", ["measure", "value"], rows))
    for row in scores.unlabelled:
        print(f"unlabelled: {row['claim_id']} {row['article_id']} [{row['char_start']}:{row['char_end']}]")
    if scores.unlabelled:
        Console(stderr=True).print(
            f"{len(scores.unlabelled)} contradicted verdicts have no label: `analyzer audit run {audit_dir}` "
            "adds them to labels.jsonl and review.md"
        )
    if json_out is not None:
        figures = {"audit": str(audit_dir), "when": evaluate.stamp(), **scores.as_dict()}
        _write_figures(json_out, figures)


def _eval_agreement(
    first: list[evaluate.GoldSentence], second_path: Path, shared: Path, markdown: bool, json_out: Path | None
) -> None:
    second = evaluate.load_gold(second_path, shared)
    if not second:
        raise InputError(f"{second_path}: no second-pass sentences")
    pairs = evaluate.pair_passes(first, second)
    overall = evaluate.score_agreement(pairs)
    by_split = evaluate.agreement_by(pairs, evaluate.split_of)
    if markdown:
        print(evaluate.agreement_markdown(overall, by_split))
    else:
        console = Console()
        console.print(_rich_table(f"Claim / no claim per sentence ({second_path} against the first pass)",
                                  evaluate.AGREEMENT_HEADER, evaluate.agreement_rows({**by_split, "all": overall})))
        console.print(_rich_table("Claims per kind (first pass as reference)", evaluate.AGREEMENT_KIND_HEADER,
                                  evaluate.extraction_rows(overall.claims)))
        console.print(_rich_table("Fields on claims both passes found", evaluate.AGREEMENT_FIELD_HEADER,
                                  evaluate.field_rows(overall.claims)))
    if json_out is not None:
        figures = {"second_pass": str(second_path), "when": evaluate.stamp(), "overall": overall.as_dict(),
                   "by_split": {name: a.as_dict() for name, a in by_split.items()}}
        _write_figures(json_out, figures)


@app.command("eval")
def eval_command(
    gold: Annotated[
        list[Path] | None,
        typer.Argument(help="gold JSONL files (corpora/dev/*.jsonl, corpora/verify/*.jsonl)"),
    ] = None,
    shared_data: Annotated[
        Path | None,
        typer.Option(
            "--shared-data",
            help="directory laid out like ../shared/data: article texts are read from it "
            "[default: $ANALYZER_SHARED_DATA or ../shared/data]",
        ),
    ] = None,
    market: Annotated[
        Path | None,
        typer.Option("--market", help="market data directory for verdicts [default: SHARED_DATA/market]"),
    ] = None,
    by_field: Annotated[
        bool, typer.Option("--by-field", help="also print per-field agreement on matched claims")
    ] = False,
    verification: Annotated[
        bool,
        typer.Option(
            "--verification",
            help="score the checker alone: gold claims with verdicts and a mutated copy of each "
            "go straight to check_claims",
        ),
    ] = False,
    no_check: Annotated[bool, typer.Option("--no-check", help="extraction only: skip verdicts")] = False,
    json_out: Annotated[
        Path | None, typer.Option("--json", help="write the figures to this JSON file")
    ] = None,
    markdown: Annotated[
        bool, typer.Option("--markdown", help="print the tables as Markdown (for corpora/README.md)")
    ] = False,
    audit_dir: Annotated[
        Path | None,
        typer.Option(
            "--audit",
            help="score an audit directory (corpora/audit/NAME): re-run its articles, compare the "
            "contradicted verdicts with the labels, check injected errors",
        ),
    ] = None,
    agreement: Annotated[
        Path | None,
        typer.Option(
            "--agreement",
            help="a second annotation pass (corpora/agreement/second_pass.jsonl): its agreement with the "
            "gold files given (the first pass), per split, per kind and per field; nothing is run",
        ),
    ] = None,
) -> None:
    """Run extraction (and checking) on gold sentences and report precision, recall and F1 per kind."""
    shared = shared_data_dir(shared_data)
    market_dir = market or shared / "market"
    if audit_dir is not None:
        _eval_audit(audit_dir, shared, market_dir, markdown, json_out)
        return
    if not gold:
        raise InputError("no gold files given (or pass --audit DIR)")
    if (verification or not (no_check or agreement)) and not market_dir.is_dir():
        raise InputError(
            f"market data directory {market_dir} not found (pass --market DIR or --shared-data DIR)"
        )
    golds = evaluate.load_gold_files(gold, shared)
    if not golds:
        raise InputError(f"no gold sentences in {', '.join(map(str, gold))}")
    if agreement is not None:
        _eval_agreement(golds, agreement, shared, markdown, json_out)
        return
    console = Console()
    figures: dict[str, object] = {"files": [str(p) for p in gold], "when": evaluate.stamp()}
    if verification:
        vscores = evaluate.evaluate_verification(golds, market_dir)
        figures["verification"] = vscores.as_dict()
        if markdown:
            print(evaluate.verification_markdown(vscores))
        else:
            console.print(
                _rich_table(
                    "Verdict accuracy on the verification set",
                    evaluate.VERIFICATION_HEADER,
                    evaluate.verification_rows(vscores),
                )
            )
            console.print(
                f"real claims that agree with the closes but were called contradicted: "
                f"{len(vscores.false_contradictions)}"
            )
    else:
        with Progress(
            TextColumn("extracting"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            transient=True,
        ) as progress:
            task = progress.add_task("articles", total=evaluate.articles_in(golds))
            scores = evaluate.evaluate_extraction(
                golds, None if no_check else market_dir, progress=lambda n: progress.advance(task, n)
            )
        figures["extraction"] = scores.as_dict()
        if markdown:
            print(evaluate.extraction_markdown(scores, by_field=by_field))
        else:
            console.print(
                _rich_table(
                    f"Claims per kind ({scores.sentences} sentences)",
                    evaluate.EXTRACTION_HEADER,
                    evaluate.extraction_rows(scores),
                )
            )
            console.print(_rich_table("Summary", ["measure", "value"], evaluate.summary_rows(scores)))
            console.print(_rich_table("Missed gold claims", evaluate.REASON_HEADER["missed"],
                                      evaluate.reason_rows(scores.missed_because)))
            console.print(_rich_table("Predicted claims without a gold partner", evaluate.REASON_HEADER["extra"],
                                      evaluate.reason_rows(scores.extra_because)))
            if by_field:
                console.print(
                    _rich_table(
                        "Fields on matched claims", evaluate.FIELD_HEADER, evaluate.field_rows(scores)
                    )
                )
    if json_out is not None:
        _write_figures(json_out, figures)
