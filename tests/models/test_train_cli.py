"""`analyzer train` refuses bad input with a message that names it (the CLI prints it as one line)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from analyzer.cli import app
from analyzer.errors import InputError

runner = CliRunner()


def test_missing_shared_data_is_named(tmp_path: Path) -> None:
    result = runner.invoke(app, ["train", "classifier", "--out", str(tmp_path / "m"), "--shared-data",
                                 str(tmp_path / "nowhere")])
    assert isinstance(result.exception, InputError)
    assert "nowhere" in str(result.exception)
    assert not (tmp_path / "m").exists()


def test_too_small_a_limit_is_refused(tmp_path: Path, shared_data: Path) -> None:
    result = runner.invoke(app, ["train", "classifier", "--out", str(tmp_path / "m"), "--shared-data",
                                 str(shared_data), "--limit", "10"])
    assert isinstance(result.exception, InputError)
    assert "--limit 10" in str(result.exception)


@pytest.mark.slow
def test_a_small_training_run_end_to_end(tmp_path: Path, shared_data: Path) -> None:
    """Weak labels from real articles, embeddings, model W and C, artifact and metrics (about a minute)."""
    from analyzer.models.classifier import ClaimClassifier
    from analyzer.models.train import REPO, TrainConfig, markdown_table, run_training

    config = TrainConfig(shared_data=shared_data, out=tmp_path / "model", n_wraps=4, n_reuters=4, n_tradingview=8,
                         limit=150, epochs=3, folds=2, dev_files=[REPO / "corpora" / "dev" / "written.jsonl"])
    metrics = run_training(config)
    assert 0 < metrics["training_examples"] <= 150
    assert metrics["training_articles"] == {"reuters": 8, "tradingview": 8}
    assert len(metrics["epochs_model_w"]) == 3
    assert "rules" in metrics["claim_level"] and "rules+gate (C)" in metrics["claim_level"]
    assert markdown_table(metrics).count("\n") == 1 + len(metrics["claim_level"])
    classifier = ClaimClassifier.load(config.out)
    assert len(classifier.predict(["The Dow fell 1 percent."])) == 1
