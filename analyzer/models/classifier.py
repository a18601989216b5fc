"""Inference: sentences in, claim kind and modality out, from MiniLM embeddings and the trained head."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from analyzer.embeddings import embed_texts
from analyzer.models.head import HeadWeights
from analyzer.models.labels import CHECKABLE_LABELS

# the artifact committed with the repository (models/claim-classifier at the repository root)
DEFAULT_MODEL_DIR = Path(__file__).resolve().parents[2] / "models" / "claim-classifier"


def model_dir(given: str | os.PathLike[str] | None = None) -> Path:
    """The classifier artifact: the argument, else $ANALYZER_CLASSIFIER_MODEL, else the committed one."""
    return Path(given or os.environ.get("ANALYZER_CLASSIFIER_MODEL") or DEFAULT_MODEL_DIR)


@dataclass(frozen=True)
class SentencePrediction:
    kind: str  # one of KIND_LABELS
    kind_probability: float
    checkable_probability: float  # total probability of the labels that are checkable claims
    modality: str
    modality_probability: float

    @property
    def checkable(self) -> bool:
        return self.checkable_probability >= 0.5


class ClaimClassifier:
    """The trained head over all-MiniLM-L6-v2 sentence embeddings."""

    def __init__(self, head: HeadWeights) -> None:
        self.head = head
        self._checkable = np.array([label in CHECKABLE_LABELS for label in head.kind_labels])

    @classmethod
    def load(cls, directory: str | os.PathLike[str] | None = None) -> ClaimClassifier:
        return cls(HeadWeights.load(model_dir(directory)))

    def predict_embeddings(self, embeddings: np.ndarray) -> list[SentencePrediction]:
        kinds, modalities = self.head.probabilities(embeddings)
        out = []
        for kind_row, mod_row in zip(kinds, modalities, strict=True):
            k, m = int(kind_row.argmax()), int(mod_row.argmax())
            out.append(SentencePrediction(
                kind=self.head.kind_labels[k], kind_probability=float(kind_row[k]),
                checkable_probability=float(kind_row[self._checkable].sum()),
                modality=self.head.modality_labels[m], modality_probability=float(mod_row[m])))
        return out

    def predict(self, sentences: Sequence[str], batch_size: int = 64) -> list[SentencePrediction]:
        """Predictions for ``sentences``, embedded in batches."""
        if not sentences:
            return []
        return self.predict_embeddings(embed_texts(sentences, batch_size=batch_size))


@lru_cache(maxsize=2)
def load_classifier(directory: str | None = None) -> ClaimClassifier:
    """The classifier in ``directory`` (default: ``model_dir()``), loaded once per process."""
    return ClaimClassifier.load(directory)
