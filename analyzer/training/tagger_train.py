"""Fine-tuning the claim tagger (``analyzer train tagger``) and its ablation against the rules.

The run:

1. gold sentences: ``corpora/train`` and ``corpora/verify`` for training, ``corpora/dev`` for per-epoch
   figures and for fixing the one combination threshold, ``corpora/test`` scored once at the end, in
   aggregate only;
2. labels from the gold records (``tagger_data``): claim kinds, modality, token tags by string matching;
3. all-MiniLM-L6-v2 with its embeddings and lower ``frozen_layers`` layers frozen: their output is computed
   once per sentence, so an epoch runs only the upper layers and the heads (this is what makes CPU
   fine-tuning affordable); seeded, fixed epochs, no early stopping;
4. the artifact (upper layers and heads in float16) is saved, loaded back and run over dev and test
   through the inference path (``ClaimTagger.predict``), which also measures sentences per second;
5. the ablation: the rules alone (the real pipeline's claims, cached), the model alone (sentence kinds),
   and the rules with the model's veto (a rule claim is dropped when the model gives its kind a
   probability under the veto threshold, chosen on dev from a fixed grid).
"""

from __future__ import annotations

import json
import platform
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from analyzer.evaluate import Prediction, load_gold_files, score_extraction
from analyzer.models.tagger import (
    MODALITY_LABELS,
    SENTENCE_KINDS,
    TAG_LABELS,
    TAG_TYPES,
    ClaimTagger,
    TaggedSentence,
    base_weights_path,
    build_network,
    combine_claims,
    decode_tags,
    file_sha256,
    load_base,
    save_trained,
)
from analyzer.models.train import Reporter, prf
from analyzer.records import Claim
from analyzer.training.rule_cache import rule_claims
from analyzer.training.tagger_data import AlignmentReport, TaggerExample, examples_from_gold, token_labels

REPO = Path(__file__).resolve().parents[2]
KIND_THRESHOLD = 0.5  # fixed before any measurement
VETO_GRID = (0.02, 0.05, 0.1, 0.2, 0.3, 0.5)
RESTORE_GRID = (0.5, 0.7, 0.8, 0.9, 0.95, 1.01)  # 1.01: restore nothing


def _corpus_files(name: str) -> list[Path]:
    return sorted((REPO / "corpora" / name).glob("*.jsonl"))


@dataclass
class TaggerConfig:
    shared_data: Path
    out: Path
    seed: int = 0
    epochs: int = 4
    frozen_layers: int = 4
    max_tokens: int = 80
    batch_size: int = 16
    encoder_lr: float = 1e-4
    head_lr: float = 2e-3
    threads: int = 2
    rules_cache: Path | None = None  # a directory for the rules' claims on dev and test
    train_files: list[Path] = field(default_factory=lambda: _corpus_files("train") + _corpus_files("verify"))
    dev_files: list[Path] = field(default_factory=lambda: _corpus_files("dev"))
    test_files: list[Path] = field(default_factory=lambda: _corpus_files("test"))
    score_test: bool = True


# ---- encoding -----------------------------------------------------------------------------------


@dataclass
class Encoded:
    ids: list[list[int]]
    offsets: list[list[tuple[int, int]]]
    tags: list[list[int]]
    kinds: list[list[float]]
    modality: list[int]
    texts: list[str]
    lower: list[Any] = field(default_factory=list)  # per sentence, hidden states after the frozen layers


def encode(examples: Sequence[TaggerExample], tokenizer: Any, max_tokens: int) -> Encoded:
    batch = tokenizer([e.text for e in examples], truncation=True, max_length=max_tokens,
                      return_offsets_mapping=True)
    offsets = [[tuple(o) for o in row] for row in batch["offset_mapping"]]
    return Encoded(ids=list(batch["input_ids"]), offsets=offsets,
                   tags=[token_labels(e.spans, o) for e, o in zip(examples, offsets, strict=True)],
                   kinds=[e.kind_vector() for e in examples], modality=[e.modality_index() for e in examples],
                   texts=[e.text for e in examples])


def _pad(rows: Sequence[Sequence[int]], value: int) -> Any:
    import torch

    width = max(len(r) for r in rows)
    return torch.tensor([list(r) + [value] * (width - len(r)) for r in rows])


def _length_batches(lengths: Sequence[int], batch_size: int, rng: random.Random | None) -> list[list[int]]:
    """Batches of similar lengths (little padding); shuffled with ``rng`` when training, in order otherwise."""
    order = list(range(len(lengths)))
    if rng is not None:
        rng.shuffle(order)
    chunk = batch_size * 20
    batches = []
    for begin in range(0, len(order), chunk):
        part = sorted(order[begin:begin + chunk], key=lambda i: lengths[i])
        batches.extend(part[i:i + batch_size] for i in range(0, len(part), batch_size))
    if rng is not None:
        rng.shuffle(batches)
    return batches


def compute_lower(network: Any, data: Encoded, batch_size: int, progress: Callable[[int], None]) -> None:
    """The frozen layers' output for every sentence, kept on ``data.lower`` (unpadded)."""
    data.lower = [None] * len(data.ids)
    for idx in _length_batches([len(r) for r in data.ids], batch_size * 2, None):
        ids = _pad([data.ids[i] for i in idx], 0)
        mask = (ids != 0).long()
        hidden = network.lower(ids, mask)
        for row, i in enumerate(idx):
            data.lower[i] = hidden[row, :len(data.ids[i])].clone()
        progress(len(idx))


def _padded_lower(data: Encoded, idx: Sequence[int]) -> tuple[Any, Any]:
    import torch

    width = max(len(data.ids[i]) for i in idx)
    hidden = torch.zeros(len(idx), width, data.lower[idx[0]].shape[-1])
    mask = torch.zeros(len(idx), width, dtype=torch.long)
    for row, i in enumerate(idx):
        n = len(data.ids[i])
        hidden[row, :n] = data.lower[i]
        mask[row, :n] = 1
    return hidden, mask


# ---- training -----------------------------------------------------------------------------------


def batch_loss(network: Any, data: Encoded, idx: Sequence[int]) -> Any:
    import torch
    from torch.nn import functional

    hidden, mask = _padded_lower(data, idx)
    kind_logits, modality_logits, tag_logits = network.upper(hidden, mask)
    kinds = torch.tensor([data.kinds[i] for i in idx])
    loss = functional.binary_cross_entropy_with_logits(kind_logits, kinds) * len(SENTENCE_KINDS)
    modality = torch.tensor([data.modality[i] for i in idx])
    if (modality >= 0).any():
        loss = loss + functional.cross_entropy(modality_logits, modality, ignore_index=-1)
    tags = _pad([data.tags[i] for i in idx], -100)
    return loss + functional.cross_entropy(tag_logits.reshape(-1, len(TAG_LABELS)), tags.reshape(-1),
                                           ignore_index=-100)


def train_network(network: Any, train: Encoded, dev: Encoded, dev_examples: Sequence[TaggerExample],
                  config: TaggerConfig, reporter: Reporter) -> list[dict[str, Any]]:
    """Fixed epochs of AdamW over the upper layers and heads; per-epoch loss and dev figures."""
    import torch

    parameters = [p for p in network.parameters() if p.requires_grad]
    heads = {id(p) for m in (network.kind, network.modality, network.tags) for p in m.parameters()}
    optimiser = torch.optim.AdamW([
        {"params": [p for p in parameters if id(p) not in heads], "lr": config.encoder_lr},
        {"params": [p for p in parameters if id(p) in heads], "lr": config.head_lr}], weight_decay=0.01)
    rng = random.Random(config.seed)
    lengths = [len(r) for r in train.ids]
    per_epoch = len(_length_batches(lengths, config.batch_size, None))
    advance = reporter.stage(f"fine-tuning ({config.epochs} epochs x {per_epoch} batches)", config.epochs * per_epoch)
    history = []
    for epoch in range(1, config.epochs + 1):
        network.train()
        total, count = 0.0, 0
        for idx in _length_batches(lengths, config.batch_size, rng):
            loss = batch_loss(network, train, idx)
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            total += float(loss.detach()) * len(idx)
            count += len(idx)
            advance(1)
        network.eval()
        figures = dev_figures(predict_cached(network, dev), dev_examples)
        history.append({"epoch": epoch, "loss": total / max(count, 1), **figures})
        reporter.line(f"epoch {epoch}/{config.epochs}: loss {total / max(count, 1):.4f}; dev sentence kinds "
                      f"micro F1 {_f(figures['kinds']['micro']['f1'])}, false-claim rate "
                      f"{_f(figures['kinds']['false_claim_rate'])}, modality acc. {_f(figures['modality_accuracy'])}, "
                      f"tag F1 {_f(figures['tags']['micro']['f1'])}")
    reporter.done(f"fine-tuning ({config.epochs} epochs x {per_epoch} batches)")
    return history


def predict_cached(network: Any, data: Encoded, batch_size: int = 64) -> list[TaggedSentence]:
    """Predictions from the cached lower states (the per-epoch dev figures)."""
    import torch

    out: list[TaggedSentence | None] = [None] * len(data.ids)
    with torch.inference_mode():
        for idx in _length_batches([len(r) for r in data.ids], batch_size, None):
            hidden, mask = _padded_lower(data, idx)
            kind_logits, modality_logits, tag_logits = network.upper(hidden, mask)
            kinds = torch.sigmoid(kind_logits).tolist()
            modalities = torch.softmax(modality_logits, -1)
            tags = tag_logits.argmax(-1).tolist()
            for row, i in enumerate(idx):
                n = len(data.ids[i])
                m = int(modalities[row].argmax())
                out[i] = TaggedSentence(dict(zip(SENTENCE_KINDS, kinds[row], strict=True)), MODALITY_LABELS[m],
                                        float(modalities[row][m]),
                                        decode_tags([TAG_LABELS[t] for t in tags[row][:n]], data.offsets[i],
                                                    data.texts[i]))
    return [t for t in out if t is not None]


# ---- figures ------------------------------------------------------------------------------------


def _f(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def sentence_kind_scores(gold: Sequence[Sequence[str]], predicted: Sequence[Sequence[str]]) -> dict[str, Any]:
    """Per-kind P/R/F1 over sentences (does the sentence carry a claim of this kind) and the false-claim
    rate: the share of claim-free gold sentences given any kind."""
    per_kind = {}
    for kind in SENTENCE_KINDS:
        tp = sum(kind in g and kind in p for g, p in zip(gold, predicted, strict=True))
        fp = sum(kind not in g and kind in p for g, p in zip(gold, predicted, strict=True))
        fn = sum(kind in g and kind not in p for g, p in zip(gold, predicted, strict=True))
        per_kind[kind] = prf(tp, fp, fn)
    micro = prf(*(sum(c[k] for c in per_kind.values()) for k in ("tp", "fp", "fn")))
    free = [bool(p) for g, p in zip(gold, predicted, strict=True) if not g]
    return {"per_kind": per_kind, "micro": micro, "claim_free": len(free),
            "false_claim_rate": sum(free) / len(free) if free else None}


def tag_scores(examples: Sequence[TaggerExample], predicted: Sequence[TaggedSentence]) -> dict[str, Any]:
    """Exact-span P/R/F1 per tag type against the aligned gold spans."""
    counts = {t: [0, 0, 0] for t in TAG_TYPES}
    for example, tagged in zip(examples, predicted, strict=True):
        gold = {(s, e, t) for s, e, t in example.spans}
        pred = {(s.start, s.end, s.tag) for s in tagged.spans}
        for s, e, t in pred:
            counts[t][0 if (s, e, t) in gold else 1] += 1
        for _start, _end, t in gold - pred:
            counts[t][2] += 1
    per_tag = {t: prf(*c) for t, c in counts.items()}
    return {"per_tag": per_tag, "micro": prf(*(sum(c[k] for c in counts.values()) for k in range(3)))}


def modality_accuracy(examples: Sequence[TaggerExample], predicted: Sequence[TaggedSentence]) -> float | None:
    pairs = [(e.modality, p.modality) for e, p in zip(examples, predicted, strict=True) if e.modality]
    return sum(g == p for g, p in pairs) / len(pairs) if pairs else None


def dev_figures(predicted: Sequence[TaggedSentence], examples: Sequence[TaggerExample]) -> dict[str, Any]:
    kinds = sentence_kind_scores([e.kinds for e in examples], [p.kinds(KIND_THRESHOLD) for p in predicted])
    return {"kinds": kinds, "modality_accuracy": modality_accuracy(examples, predicted),
            "tags": tag_scores(examples, predicted)}


def claim_scores(golds: Sequence[Any], claims: Sequence[Sequence[Claim]]) -> dict[str, Any]:
    scores = score_extraction(golds, [Prediction(claims=list(c)) for c in claims])
    per_kind = {kind: scores.per_kind[kind].as_dict() for kind in SENTENCE_KINDS}
    return {"per_kind": per_kind, "micro": scores.overall.as_dict(), "false_claim_rate": scores.false_claim_rate,
            "claim_free": scores.claim_free_sentences}


def vetoed(claims: Sequence[Sequence[Claim]], predicted: Sequence[TaggedSentence],
           threshold: float) -> list[list[Claim]]:
    return [combine_claims(c, p, threshold) for c, p in zip(claims, predicted, strict=True)]


def choose_veto_threshold(golds: Sequence[Any], claims: Sequence[Sequence[Claim]],
                          predicted: Sequence[TaggedSentence]) -> tuple[float, list[dict[str, Any]]]:
    """The veto threshold with the best dev claim F1 (ties: the lower false-claim rate, then the lower
    threshold); the grid is fixed, the test split plays no part."""
    rows = []
    for threshold in VETO_GRID:
        scores = claim_scores(golds, vetoed(claims, predicted, threshold))
        rows.append({"threshold": threshold, "f1": scores["micro"]["f1"] or 0.0,
                     "false_claim_rate": scores["false_claim_rate"] or 0.0})
    best = max(rows, key=lambda r: (round(r["f1"], 6), -r["false_claim_rate"], -r["threshold"]))
    return best["threshold"], rows


def restored(claims: Sequence[Sequence[Claim]], predicted: Sequence[TaggedSentence],
             threshold: float) -> list[set[str]]:
    """Sentence kinds of the rule claims plus the kinds the model is at least ``threshold`` sure of."""
    return [{c.kind for c in cs} | set(p.kinds(threshold)) for cs, p in zip(claims, predicted, strict=True)]


def choose_restore_threshold(examples: Sequence[TaggerExample], claims: Sequence[Sequence[Claim]],
                             predicted: Sequence[TaggedSentence]) -> tuple[float, list[dict[str, Any]]]:
    """The restore threshold with the best dev sentence-level micro F1 (ties: the higher threshold)."""
    rows = []
    for threshold in RESTORE_GRID:
        scores = sentence_kind_scores([e.kinds for e in examples], restored(claims, predicted, threshold))
        rows.append({"threshold": threshold, "f1": scores["micro"]["f1"] or 0.0,
                     "false_claim_rate": scores["false_claim_rate"] or 0.0})
    best = max(rows, key=lambda r: (round(r["f1"], 6), r["threshold"]))
    return best["threshold"], rows


def ablation(golds: Sequence[Any], examples: Sequence[TaggerExample], rules: Sequence[Sequence[Claim]],
             predicted: Sequence[TaggedSentence], threshold: float, restore_threshold: float) -> dict[str, Any]:
    """Rules alone, model alone and the combination on one split, at sentence and claim level."""
    gold_kinds = [e.kinds for e in examples]
    combined = vetoed(rules, predicted, threshold)
    return {
        "sentences": len(golds),
        "sentence_level": {
            "rules": sentence_kind_scores(gold_kinds, [{c.kind for c in cs} for cs in rules]),
            "model": sentence_kind_scores(gold_kinds, [p.kinds(KIND_THRESHOLD) for p in predicted]),
            "combined (veto)": sentence_kind_scores(gold_kinds, [{c.kind for c in cs} for cs in combined]),
            "combined (veto + restore)": sentence_kind_scores(
                gold_kinds, restored(combined, predicted, restore_threshold)),
        },
        "claim_level": {"rules": claim_scores(golds, rules), "combined (veto)": claim_scores(golds, combined)},
        "modality_accuracy": modality_accuracy(examples, predicted),
        "tags": tag_scores(examples, predicted),
    }


# ---- the run ------------------------------------------------------------------------------------


def _load_split(files: Sequence[Path], shared_data: Path, name: str) -> tuple[list[Any], list[TaggerExample],
                                                                               AlignmentReport]:
    from analyzer.errors import InputError

    if not files:
        raise InputError(f"no {name} files (corpora/{name}/*.jsonl)")
    golds = [g for g in load_gold_files(files, shared_data) if g.sentence.strip()]
    examples, report = examples_from_gold(golds)
    return golds, examples, report


def _predict_timed(tagger: ClaimTagger, texts: Sequence[str], reporter: Reporter,
                   name: str) -> tuple[list[TaggedSentence], float]:
    advance = reporter.stage(name, len(texts))
    out: list[TaggedSentence] = []
    start = time.perf_counter()
    for begin in range(0, len(texts), 128):
        out.extend(tagger.predict(texts[begin:begin + 128]))
        advance(len(texts[begin:begin + 128]))
    reporter.done(name)
    return out, time.perf_counter() - start


def _split_rules(golds: Sequence[Any], config: TaggerConfig, split: str,
                 reporter: Reporter) -> tuple[list[list[Claim]], str]:
    name = f"rule pipeline on {split}"
    advance = reporter.stage(name, len({(g.corpus, g.article.id) for g in golds}))
    cache = config.rules_cache / f"rules_{split}.pkl" if config.rules_cache else None
    claims, version = rule_claims(golds, cache, advance)
    reporter.done(name)
    return claims, version


def run_training(config: TaggerConfig, reporter: Reporter) -> dict[str, Any]:
    """The whole seeded run; writes the artifact and metrics.json to ``config.out`` and returns the figures."""
    import torch

    torch.set_num_threads(config.threads)
    torch.manual_seed(config.seed)
    random.seed(config.seed)
    wall, cpu = time.perf_counter(), time.process_time()

    train_golds, train_examples, alignment = _load_split(config.train_files, config.shared_data, "train")
    dev_golds, dev_examples, _ = _load_split(config.dev_files, config.shared_data, "dev")
    reporter.line(f"training sentences: {len(train_examples)} ({sum(bool(e.kinds) for e in train_examples)} with "
                  f"claims) from {len(config.train_files)} files; dev sentences: {len(dev_examples)}")
    tokenizer, encoder = load_base()
    network = build_network(encoder, config.frozen_layers).eval()
    train = encode(train_examples, tokenizer, config.max_tokens)
    dev = encode(dev_examples, tokenizer, config.max_tokens)
    advance = reporter.stage("frozen layers (once per sentence)", len(train.ids) + len(dev.ids))
    compute_lower(network, train, config.batch_size, advance)
    compute_lower(network, dev, config.batch_size, advance)
    reporter.done("frozen layers (once per sentence)")
    history = train_network(network, train, dev, dev_examples, config, reporter)
    train_cpu, train_wall = time.process_time() - cpu, time.perf_counter() - wall

    meta = {"seed": config.seed, "epochs": config.epochs, "max_tokens": config.max_tokens,
            "kind_threshold": KIND_THRESHOLD, "base_sha256": file_sha256(base_weights_path()),
            "training_sentences": len(train_examples)}
    save_trained(network, meta, config.out)
    tagger = ClaimTagger.load(config.out)  # measured as shipped: float16 weights, the inference path
    dev_pred, dev_seconds = _predict_timed(tagger, [e.text for e in dev_examples], reporter, "tagger on dev")
    dev_rules, rules_version = _split_rules(dev_golds, config, "dev", reporter)
    threshold, grid = choose_veto_threshold(dev_golds, dev_rules, dev_pred)
    restore, restore_grid = choose_restore_threshold(dev_examples, vetoed(dev_rules, dev_pred, threshold), dev_pred)
    tagger.meta.update(veto_threshold=threshold, restore_threshold=restore)
    tagger.save(config.out)
    metrics: dict[str, Any] = {
        "config": {k: str(v) if isinstance(v, Path) else v for k, v in asdict(config).items()
                   if k not in ("train_files", "dev_files", "test_files")},
        "train_files": [str(p.relative_to(REPO)) if p.is_relative_to(REPO) else str(p) for p in config.train_files],
        "training_sentences": len(train_examples),
        "training_claim_sentences": sum(bool(e.kinds) for e in train_examples),
        "training_kind_counts": {k: sum(k in e.kinds for e in train_examples) for k in SENTENCE_KINDS},
        "alignment": alignment.rows(), "history": history, "veto_threshold": threshold, "veto_grid_dev": grid,
        "restore_threshold": restore, "restore_grid_dev": restore_grid,
        "rules_version": rules_version, "train_cpu_seconds": train_cpu, "train_wall_seconds": train_wall,
        "dev": ablation(dev_golds, dev_examples, dev_rules, dev_pred, threshold, restore),
        "dev_sentences_per_second": len(dev_examples) / max(dev_seconds, 1e-9),
        "machine": f"{platform.machine()}, torch threads {config.threads}",
    }
    if config.score_test:
        metrics.update(_score_test(config, tagger, (threshold, restore), reporter))
    (config.out / "metrics.json").write_text(json.dumps(metrics, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return metrics


def _score_test(config: TaggerConfig, tagger: ClaimTagger, thresholds: tuple[float, float],
                reporter: Reporter) -> dict[str, Any]:
    """The test split, once, in aggregate: nothing here feeds back into the model or the threshold."""
    test_golds, test_examples, _ = _load_split(config.test_files, config.shared_data, "test")
    test_pred, seconds = _predict_timed(tagger, [e.text for e in test_examples], reporter, "tagger on test")
    test_rules, _ = _split_rules(test_golds, config, "test", reporter)
    return {"test": ablation(test_golds, test_examples, test_rules, test_pred, *thresholds),
            "test_sentences_per_second": len(test_examples) / max(seconds, 1e-9)}


# ---- tables -------------------------------------------------------------------------------------


def ablation_markdown(metrics: dict[str, Any]) -> str:
    """The model card's ablation tables: per-kind F1 and the false-claim rate, dev and test."""
    splits = [s for s in ("dev", "test") if s in metrics]
    header = "| split | configuration | " + " | ".join(SENTENCE_KINDS) + " | all (micro) | false-claim rate |"
    rule = "|" + "---|" * (len(SENTENCE_KINDS) + 4)
    lines = ["Sentence level (does the sentence carry a claim of this kind):", "", header, rule]
    for split in splits:
        for name, scores in metrics[split]["sentence_level"].items():
            lines.append(_row(split, name, scores))
    lines += ["", "Claim level (the project's scorer, `analyzer.evaluate.score_extraction`):", "", header, rule]
    for split in splits:
        for name, scores in metrics[split]["claim_level"].items():
            lines.append(_row(split, name, scores))
    return "\n".join(lines)


def _row(split: str, name: str, scores: dict[str, Any]) -> str:
    cells = [_f(scores["per_kind"][k]["f1"]) for k in SENTENCE_KINDS]
    return (f"| {split} | {name} | " + " | ".join(cells) + f" | {_f(scores['micro']['f1'])} | "
            f"{_f(scores['false_claim_rate'])} |")
