"""all-MiniLM-L6-v2 from the installed package, offline: real inference on a handful of sentences."""

from __future__ import annotations

import numpy as np
import pytest

from analyzer.embeddings import DIMENSION, NEAR_DUPLICATE_THRESHOLD, embed_texts, model_dir

SENTENCES = [
    "The Dow Jones industrial average fell 1.2 percent to close at 12,300.",
    "The blue-chip Dow dropped 1.2% and ended at 12,300.",
    "Boeing agreed to sell 30 jets to a Chinese airline.",
    "The weather in Seattle was rainy all week.",
]


def test_weights_come_from_the_installed_package() -> None:
    path = model_dir()
    assert (path / "config.json").is_file()
    assert (path / "model.safetensors").is_file()


def test_embeddings_are_unit_vectors_in_input_order() -> None:
    vectors = embed_texts(SENTENCES, batch_size=2)
    assert vectors.shape == (len(SENTENCES), DIMENSION)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    # batching and length sorting must not shuffle rows: each text alone gives its own row
    alone = embed_texts([SENTENCES[2]])
    np.testing.assert_allclose(vectors[2], alone[0], atol=1e-4)


def test_paraphrases_are_closer_than_unrelated_sentences() -> None:
    vectors = embed_texts(SENTENCES)
    sims = vectors @ vectors.T
    assert sims[0, 1] > 0.6
    assert sims[0, 1] > sims[0, 2] > sims[0, 3]
    assert sims[0, 3] < NEAR_DUPLICATE_THRESHOLD


def test_empty_and_bad_input() -> None:
    assert embed_texts([]).shape == (0, DIMENSION)
    with pytest.raises(TypeError):
        embed_texts("one string")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        embed_texts(["x"], batch_size=0)
