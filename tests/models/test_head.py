"""The head trains (seeded, in torch) on real MiniLM embeddings, and its artifact round-trips."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from analyzer.embeddings import embed_texts
from analyzer.errors import InputError
from analyzer.models.classifier import ClaimClassifier
from analyzer.models.data import Example
from analyzer.models.head import HeadWeights
from analyzer.models.train import TrainConfig, fit_head, training_set

EXAMPLES = [
    Example("The S&P 500 climbed 1.1 percent to 1,450.", "move", "reported", "w:1"),
    Example("The Nasdaq fell 2% on Tuesday.", "move", "reported", "w:2"),
    Example("Shares of Alcoa slipped 3 percent.", "move", "reported", "w:3"),
    Example("The Dow could fall 5 percent if earnings disappoint.", "move", "hypothetical", "w:4"),
    Example("The Fed trimmed interest rates by a quarter point.", "rate_policy", "reported", "w:5"),
    Example("Traders expect the Fed to raise rates in June.", "rate_policy", "expected", "w:6"),
    Example("Revenue rose 8 percent to $4.1 billion.", "numeric", None, "w:7"),
    Example("Quarterly profit was $2.3 billion.", "numeric", None, "w:8"),
    Example("The company is based in Ohio.", "none", None, "w:9"),
    Example("He joined the firm in 1999 as an analyst.", "none", None, "w:10"),
]


@pytest.fixture(scope="module")
def trained() -> tuple[HeadWeights, np.ndarray]:
    x = embed_texts([e.text for e in EXAMPLES])
    config = TrainConfig(shared_data=Path("."), out=Path("."), epochs=150, hidden=32, learning_rate=1e-2,
                         batch_size=4)
    return fit_head(training_set(EXAMPLES, x), config), x


def test_the_head_learns_its_training_sentences(trained: tuple[HeadWeights, np.ndarray]) -> None:
    head, x = trained
    predictions = ClaimClassifier(head).predict_embeddings(x)
    assert [p.kind for p in predictions] == [e.kind for e in EXAMPLES]
    assert predictions[4].checkable and not predictions[6].checkable
    for p, e in zip(predictions, EXAMPLES, strict=True):
        if e.modality:
            assert p.modality == e.modality


def test_training_is_seeded(trained: tuple[HeadWeights, np.ndarray]) -> None:
    head, x = trained
    config = TrainConfig(shared_data=Path("."), out=Path("."), epochs=150, hidden=32, learning_rate=1e-2,
                         batch_size=4)
    again = fit_head(training_set(EXAMPLES, x), config)
    for name, value in head.params.items():
        np.testing.assert_allclose(value, again.params[name], atol=1e-6)


def test_artifact_round_trip(trained: tuple[HeadWeights, np.ndarray], tmp_path: Path) -> None:
    head, x = trained
    head.meta = {"seed": 0}
    head.save(tmp_path)
    loaded = HeadWeights.load(tmp_path)
    assert loaded.kind_labels == head.kind_labels and loaded.meta["seed"] == 0
    np.testing.assert_allclose(loaded.probabilities(x)[0], head.probabilities(x)[0], atol=1e-6)


def test_missing_or_broken_artifact_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a claim-classifier model"):
        HeadWeights.load(tmp_path)
    (tmp_path / "head.npz").write_bytes(b"not an npz")
    (tmp_path / "meta.json").write_text("{}", encoding="utf-8")
    with pytest.raises(InputError, match="cannot read"):
        HeadWeights.load(tmp_path)
