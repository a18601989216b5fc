"""The classifier head: a small MLP on frozen MiniLM sentence embeddings, with two outputs.

One hidden layer is shared by the claim-kind output and the modality output. Training is in torch;
the artifact is the weights as a ``.npz`` plus a ``meta.json`` (labels, sizes, training facts), and
inference is plain numpy, so loading the head costs milliseconds and no torch state.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from analyzer.errors import InputError
from analyzer.models.artifact import read_model_meta

WEIGHTS_FILE = "head.npz"
META_FILE = "meta.json"
_PARAMS = ("hidden.weight", "hidden.bias", "kind.weight", "kind.bias", "modality.weight", "modality.bias")


def build_torch_head(dim: int, hidden: int, n_kinds: int, n_modalities: int, dropout: float = 0.1) -> Any:
    """The torch module trained by ``analyzer.models.train``."""
    import torch
    from torch import nn

    class ClaimHead(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.hidden = nn.Linear(dim, hidden)
            self.dropout = nn.Dropout(dropout)
            self.kind = nn.Linear(hidden, n_kinds)
            self.modality = nn.Linear(hidden, n_modalities)

        def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
            h = self.dropout(torch.relu(self.hidden(x)))
            return self.kind(h), self.modality(h)

    return ClaimHead()


def _softmax(logits: np.ndarray) -> np.ndarray:
    shifted = logits - logits.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    return exp / exp.sum(axis=1, keepdims=True)


@dataclass
class HeadWeights:
    """The trained head as numpy arrays, with the label names of its two outputs."""

    params: dict[str, np.ndarray]
    kind_labels: tuple[str, ...]
    modality_labels: tuple[str, ...]
    meta: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_torch(cls, module: Any, kind_labels: tuple[str, ...], modality_labels: tuple[str, ...],
                   meta: dict[str, Any] | None = None) -> HeadWeights:
        state = module.state_dict()
        params = {name: state[name].detach().cpu().numpy().astype(np.float32) for name in _PARAMS}
        return cls(params, tuple(kind_labels), tuple(modality_labels), dict(meta or {}))

    def probabilities(self, embeddings: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Kind and modality probabilities for each row of ``embeddings``."""
        p = self.params
        hidden = np.maximum(embeddings @ p["hidden.weight"].T + p["hidden.bias"], 0.0)
        kinds = _softmax(hidden @ p["kind.weight"].T + p["kind.bias"])
        modalities = _softmax(hidden @ p["modality.weight"].T + p["modality.bias"])
        return kinds, modalities

    def save(self, directory: Path) -> None:
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(directory / WEIGHTS_FILE, **{k.replace(".", "__"): v for k, v in self.params.items()})
        meta = dict(self.meta, kind_labels=list(self.kind_labels), modality_labels=list(self.modality_labels))
        (directory / META_FILE).write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, directory: Path) -> HeadWeights:
        directory = Path(directory)
        weights, meta_path, meta = read_model_meta(directory, WEIGHTS_FILE, META_FILE, "claim-classifier",
                                                   "classifier")
        try:
            with np.load(weights) as data:
                params = {k.replace("__", "."): data[k].astype(np.float32) for k in data.files}
        except (OSError, ValueError) as exc:
            raise InputError(f"{directory}: cannot read the claim-classifier model: {exc}") from exc
        missing = [name for name in _PARAMS if name not in params]
        if missing:
            raise InputError(f"{weights}: missing weights {', '.join(missing)}")
        kinds = tuple(meta.pop("kind_labels", ()))
        modalities = tuple(meta.pop("modality_labels", ()))
        if len(kinds) != params["kind.weight"].shape[0] or len(modalities) != params["modality.weight"].shape[0]:
            raise InputError(f"{meta_path}: label lists do not match the weights in {weights}")
        return cls(params, kinds, modalities, meta)
