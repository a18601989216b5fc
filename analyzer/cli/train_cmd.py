"""`analyzer train classifier|tagger|near-duplicates`: train the learned models and measure them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from analyzer.cli.app import app
from analyzer.errors import InputError
from analyzer.ingest.shared_data import shared_data_dir

train = typer.Typer(help="Train the learned models (claim classifier, claim tagger); measure the embedding threshold.",
                    no_args_is_help=True)
app.add_typer(train, name="train")


def _shared_data(given: Path | None) -> Path:
    path = shared_data_dir(given)
    if not (path / "news").is_dir():
        raise InputError(f"shared data directory {path} not found or has no news/ (pass --shared-data DIR)")
    return path


def _progress(console: Console) -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    TimeRemainingColumn(), console=console)


class _RichReporter:
    """The training runs' Reporter (``analyzer.models.train.Reporter``) as rich progress bars and console lines."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.tasks: dict[str, TaskID] = {}

    def stage(self, name: str, total: int) -> Callable[[int], None]:
        task = self.progress.add_task(name, total=total)
        self.tasks[name] = task
        return lambda n: self.progress.advance(task, n)

    def done(self, name: str) -> None:
        task = self.tasks[name]
        self.progress.update(task, completed=self.progress.tasks[task].total)

    def line(self, text: str) -> None:
        self.progress.console.print(text, highlight=False)


@train.command("classifier")
def train_classifier(
    out: Annotated[Path, typer.Option("--out", help="directory for the head, metrics.json (and the model card)")],
    shared_data: Annotated[Path | None, typer.Option(
        "--shared-data", help="directory laid out like ../shared/data [default: $ANALYZER_SHARED_DATA or "
        "../shared/data]")] = None,
    limit: Annotated[int, typer.Option("--limit", help="weak examples kept (embedding them is most of the time)")]
    = 8000,
    seed: Annotated[int, typer.Option("--seed")] = 0,
    epochs: Annotated[int, typer.Option("--epochs")] = 30,
    dev_in_training: Annotated[bool, typer.Option(
        "--dev-in-training/--weak-only", help="ship the head trained on weak labels plus the dev set's hand "
        "labels (measured by cross-fitting), or the one on weak labels only")] = True,
    cache: Annotated[Path | None, typer.Option(
        "--cache", help="an .npz file keeping sentence embeddings between runs")] = None,
) -> None:
    """Train the claim classifier head on frozen MiniLM embeddings and compare it with the rules on the dev set."""
    from analyzer.models.train import TrainConfig, markdown_table, run_training

    if limit < 100:
        raise InputError(f"--limit {limit}: too few examples to train on (at least 100)")
    console = Console()
    config = TrainConfig(shared_data=_shared_data(shared_data), out=out, seed=seed, limit=limit, epochs=epochs,
                         dev_in_training=dev_in_training, cache=cache)

    with _progress(console) as progress:
        metrics = run_training(config, _RichReporter(progress))
    console.print(f"training examples: {metrics['training_examples']} {metrics['weak_kind_counts']}")
    console.print(f"shipped: {metrics['shipped']}; wrote {out} in {metrics['seconds']:.0f} s")
    print(markdown_table(metrics))


@train.command("near-duplicates")
def train_near_duplicates(
    shared_data: Annotated[Path | None, typer.Option("--shared-data")] = None,
    seed: Annotated[int, typer.Option("--seed")] = 0,
    pairs: Annotated[int, typer.Option("--pairs", help="labelled pairs of each class")] = 300,
) -> None:
    """Build labelled story pairs from TradingView items and print the similarity threshold table."""
    from analyzer.models.neardup import evaluate_threshold, labelled_pairs, threshold_markdown

    console = Console()
    labelled = labelled_pairs(_shared_data(shared_data), pairs, seed)
    with _progress(console) as progress:
        task = progress.add_task("MiniLM embeddings", total=2 * len(labelled[1]))
        result = evaluate_threshold(labelled, progress=lambda n: progress.advance(task, n))
    print(threshold_markdown(result))


@train.command("tagger")
def train_tagger(
    out: Annotated[Path, typer.Option("--out", help="directory for the tagger weights, meta.json and metrics.json")]
    = Path("models/claim-tagger"),
    shared_data: Annotated[Path | None, typer.Option(
        "--shared-data", help="directory laid out like ../shared/data [default: $ANALYZER_SHARED_DATA or "
        "../shared/data]")] = None,
    seed: Annotated[int, typer.Option("--seed")] = 0,
    epochs: Annotated[int, typer.Option("--epochs")] = 4,
    frozen_layers: Annotated[int, typer.Option("--frozen-layers", help="lower encoder layers kept frozen (of 6)")]
    = 4,
    max_tokens: Annotated[int, typer.Option("--max-tokens")] = 80,
    threads: Annotated[int, typer.Option("--threads", help="torch CPU threads")] = 2,
    rules_cache: Annotated[Path | None, typer.Option(
        "--rules-cache", help="a directory keeping the rule pipeline's claims on dev and test between runs")] = None,
    train_files: Annotated[list[Path] | None, typer.Option(
        "--train", help="gold files to train on (repeatable) [default: corpora/train/*.jsonl and "
        "corpora/verify/*.jsonl]")] = None,
    dev_files: Annotated[list[Path] | None, typer.Option(
        "--dev", help="gold files for per-epoch figures and the veto threshold [default: corpora/dev/*.jsonl]")]
    = None,
    score_test: Annotated[bool, typer.Option(
        "--test/--no-test", help="score corpora/test/*.jsonl once at the end (aggregate figures only)")] = True,
) -> None:
    """Fine-tune all-MiniLM-L6-v2 for claim kinds, modality and token tags (CPU), and print the ablation."""
    from analyzer.training.tagger_train import TaggerConfig, ablation_markdown, run_training

    if epochs < 1 or not 0 <= frozen_layers < 6 or max_tokens < 16 or threads < 1:
        raise InputError(f"--epochs {epochs} (>= 1), --frozen-layers {frozen_layers} (0-5), --max-tokens "
                         f"{max_tokens} (>= 16) and --threads {threads} (>= 1) out of range")
    config = TaggerConfig(shared_data=_shared_data(shared_data), out=out, seed=seed, epochs=epochs,
                          frozen_layers=frozen_layers, max_tokens=max_tokens, threads=threads,
                          rules_cache=rules_cache, score_test=score_test)
    if train_files:
        config.train_files = list(train_files)
    if dev_files:
        config.dev_files = list(dev_files)
    console = Console()
    with _progress(console) as progress:
        metrics = run_training(config, _RichReporter(progress))
    console.print(f"trained on {metrics['training_sentences']} sentences in {metrics['train_cpu_seconds'] / 60:.1f} "
                  f"CPU min ({metrics['train_wall_seconds'] / 60:.1f} min wall); veto threshold "
                  f"{metrics['veto_threshold']} (chosen on dev); wrote {out}")
    print(ablation_markdown(metrics))
