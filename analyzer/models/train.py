"""Seeded training of the claim classifier head, and its measurement against the rules on the dev set.

The run (``analyzer train classifier``):

1. weak examples from 2006-2009 Reuters and 2025-02 TradingView items (``analyzer.models.data``),
   leaving out every article of the dev set;
2. MiniLM embeddings of the examples and of the dev sentences;
3. model W, trained on the weak labels only, with loss and dev metrics printed per epoch (the dev
   set plays no part in its training, so these figures are clean);
4. model C, weak labels plus the dev set's hand labels, measured by K-fold cross-fitting over dev
   articles: each fold is predicted by a head that never saw it;
5. the shipped head: model C's recipe on all dev folds (``dev_in_training``) or model W.

Thresholds are fixed before any measurement (0.5 for the gate, 0.8 for a modality override); the
epochs and sizes are fixed too, so nothing is tuned on the figures reported.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from analyzer.models.data import (
    Example,
    held_out_sources,
    reuters_articles,
    sample_examples,
    tradingview_articles,
    weak_examples,
)
from analyzer.models.head import HeadWeights, build_torch_head
from analyzer.models.labels import CHECKABLE_LABELS, KIND_LABELS, MODALITY_LABELS, gold_kind_label

REPO = Path(__file__).resolve().parents[2]
DEV_DIR = REPO / "corpora" / "dev"
TEST_DIR = REPO / "corpora" / "test"  # held out: its year and outlets are never trained on
GATE_THRESHOLD = 0.5
MODALITY_THRESHOLD = 0.8


@dataclass
class TrainConfig:
    shared_data: Path
    out: Path
    seed: int = 0
    limit: int | None = 8000  # weak examples kept (embedding them is most of the run's time)
    n_wraps: int = 150  # Reuters US market wraps
    n_reuters: int = 300  # other Reuters stories
    n_tradingview: int = 800  # TradingView wire items
    epochs: int = 30
    hidden: int = 128
    learning_rate: float = 1e-3
    batch_size: int = 256
    dev_weight: float = 3.0  # a hand label counts as this many weak ones
    folds: int = 5
    dev_in_training: bool = True
    cache: Path | None = None  # embeddings cache (a .npz), to re-run quickly
    dev_files: list[Path] = field(default_factory=lambda: sorted(DEV_DIR.glob("*.jsonl")))


class Reporter:
    """Where the run tells what it does: the CLI passes rich progress bars and a console."""

    def stage(self, name: str, total: int) -> Callable[[int], None]:
        return lambda n: None

    def done(self, name: str) -> None:
        pass

    def line(self, text: str) -> None:
        pass


# ---- embeddings ---------------------------------------------------------------------------------


def _text_key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def embed_with_cache(texts: Sequence[str], cache: Path | None, progress: Callable[[int], None],
                     chunk: int = 256) -> np.ndarray:
    from analyzer.embeddings import embed_texts

    known: dict[str, np.ndarray] = {}
    if cache is not None and cache.is_file():
        with np.load(cache) as data:
            known = dict(zip(data["keys"].tolist(), data["vectors"], strict=True))
    keys = [_text_key(t) for t in texts]
    todo = sorted({k: t for k, t in zip(keys, texts, strict=True) if k not in known}.items())
    progress(len(texts) - len(todo))
    for begin in range(0, len(todo), chunk):
        part = todo[begin:begin + chunk]
        vectors = embed_texts([t for _, t in part])
        known.update(zip([k for k, _ in part], vectors, strict=True))
        progress(len(part))
    if cache is not None and todo:
        cache.parent.mkdir(parents=True, exist_ok=True)
        np.savez(cache, keys=np.array(list(known)), vectors=np.stack(list(known.values())))
    return np.stack([known[k] for k in keys]) if keys else np.zeros((0, 384), dtype=np.float32)


# ---- the head -----------------------------------------------------------------------------------


@dataclass
class TrainingSet:
    x: np.ndarray
    kind: np.ndarray  # index into KIND_LABELS
    modality: np.ndarray  # index into MODALITY_LABELS, -1 when the sentence has no claim
    weight: np.ndarray


def training_set(examples: Sequence[Example], x: np.ndarray) -> TrainingSet:
    kind = np.array([KIND_LABELS.index(e.kind) for e in examples], dtype=np.int64)
    modality = np.array([MODALITY_LABELS.index(e.modality) if e.modality else -1 for e in examples], dtype=np.int64)
    weight = np.array([e.weight for e in examples], dtype=np.float32)
    return TrainingSet(x.astype(np.float32), kind, modality, weight)


def concat(a: TrainingSet, b: TrainingSet) -> TrainingSet:
    return TrainingSet(np.concatenate([a.x, b.x]), np.concatenate([a.kind, b.kind]),
                       np.concatenate([a.modality, b.modality]), np.concatenate([a.weight, b.weight]))


def subset(data: TrainingSet, index: np.ndarray) -> TrainingSet:
    return TrainingSet(data.x[index], data.kind[index], data.modality[index], data.weight[index])


def fit_head(data: TrainingSet, config: TrainConfig,
             on_epoch: Callable[[int, float, HeadWeights], None] | None = None) -> HeadWeights:
    """Train the two-output head (seeded); ``on_epoch`` sees the epoch, mean loss and current weights."""
    import torch

    torch.manual_seed(config.seed)
    generator = torch.Generator().manual_seed(config.seed)
    module = build_torch_head(data.x.shape[1], config.hidden, len(KIND_LABELS), len(MODALITY_LABELS))
    optimiser = torch.optim.AdamW(module.parameters(), lr=config.learning_rate, weight_decay=1e-4)
    x = torch.from_numpy(data.x)
    kind = torch.from_numpy(data.kind)
    modality = torch.from_numpy(data.modality)
    weight = torch.from_numpy(data.weight)
    cross_entropy = torch.nn.CrossEntropyLoss(reduction="none")
    for epoch in range(1, config.epochs + 1):
        module.train()
        order = torch.randperm(len(x), generator=generator)
        total, seen = 0.0, 0.0
        for begin in range(0, len(order), config.batch_size):
            idx = order[begin:begin + config.batch_size]
            kind_logits, modality_logits = module(x[idx])
            w = weight[idx]
            loss = (cross_entropy(kind_logits, kind[idx]) * w).sum()
            has_modality = modality[idx] >= 0
            if has_modality.any():
                mod_loss = cross_entropy(modality_logits[has_modality], modality[idx][has_modality])
                loss = loss + (mod_loss * w[has_modality]).sum()
            loss = loss / w.sum()
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            total += float(loss.detach()) * float(w.sum())
            seen += float(w.sum())
        if on_epoch is not None:
            module.eval()
            on_epoch(epoch, total / max(seen, 1e-9),
                     HeadWeights.from_torch(module, KIND_LABELS, MODALITY_LABELS))
    module.eval()
    return HeadWeights.from_torch(module, KIND_LABELS, MODALITY_LABELS)


# ---- measuring on the dev set -------------------------------------------------------------------


def prf(tp: int, fp: int, fn: int) -> dict[str, float | int | None]:
    p = tp / (tp + fp) if tp + fp else None
    r = tp / (tp + fn) if tp + fn else None
    f = 2 * p * r / (p + r) if p is not None and r is not None and p + r else None
    return {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": f}


def sentence_metrics(gold_labels: Sequence[str], gold_modalities: Sequence[str | None],
                     kinds: np.ndarray, modalities: np.ndarray) -> dict[str, Any]:
    """Sentence-level figures of the model alone: claim detection and modality of claim sentences."""
    checkable = np.array([label in CHECKABLE_LABELS for label in KIND_LABELS])
    predicted = kinds[:, checkable].sum(axis=1) >= GATE_THRESHOLD
    gold = np.array([label in CHECKABLE_LABELS for label in gold_labels])
    detection = prf(int((predicted & gold).sum()), int((predicted & ~gold).sum()), int((~predicted & gold).sum()))
    with_modality = [i for i, m in enumerate(gold_modalities) if m]
    correct = sum(MODALITY_LABELS[int(modalities[i].argmax())] == gold_modalities[i] for i in with_modality)
    kind_correct = sum(KIND_LABELS[int(kinds[i].argmax())] == gold_labels[i] for i in range(len(gold_labels)))
    return {"detection": detection, "kind_accuracy": kind_correct / max(len(gold_labels), 1),
            "modality_accuracy": correct / max(len(with_modality), 1), "modality_sentences": len(with_modality)}


def claim_metrics(golds: Sequence[Any], predictions: Sequence[Any]) -> dict[str, Any]:
    """Claim-level figures through the project's scorer: detection P/R/F1 and modality on matched claims."""
    from analyzer.evaluate import match_claims, score_extraction

    scores = score_extraction(golds, predictions)
    overall = scores.overall
    tp = fp = fn = correct = matched = 0
    for gold, pred in zip(golds, predictions, strict=True):
        for gi, pi in match_claims(gold.claims, pred.claims):
            g_non = gold.claims[gi].modality != "reported"
            p_non = pred.claims[pi].modality != "reported"
            tp += g_non and p_non
            fp += p_non and not g_non
            fn += g_non and not p_non
            correct += gold.claims[gi].modality == pred.claims[pi].modality
            matched += 1
    return {"detection": prf(overall.tp, overall.fp, overall.fn),
            "false_claim_rate": scores.false_claim_rate,
            "modality_not_reported": prf(tp, fp, fn),
            "modality_accuracy": correct / matched if matched else None, "matched": matched}


def gated_predictions(predictions: Sequence[Any], sentence_predictions: dict[int, dict[int, Any]],
                      use: str) -> list[Any]:
    """The rule predictions as the pipeline component would leave them (by gold index, sentence start)."""
    from analyzer.extract.classifier import apply_predictions

    out = []
    for index, pred in enumerate(predictions):
        claims = apply_predictions(pred.claims, sentence_predictions.get(index, {}), use, GATE_THRESHOLD,
                                   MODALITY_THRESHOLD)
        out.append(replace(pred, claims=claims, verdicts=[]))
    return out


# ---- the run ------------------------------------------------------------------------------------


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def run_training(config: TrainConfig, reporter: Reporter | None = None) -> dict[str, Any]:
    """Train, measure and save the claim classifier; returns the figures written to metrics.json."""
    from analyzer.evaluate import load_gold_files

    reporter = reporter or Reporter()
    started = time.monotonic()
    golds = load_gold_files(config.dev_files, config.shared_data)
    dev_ids = {g.article.id for g in golds}

    held_out = held_out_sources(config.shared_data, sorted(TEST_DIR.glob("*.jsonl")))
    articles = (reuters_articles(config.shared_data, config.n_wraps, config.n_reuters, config.seed, dev_ids)
                + tradingview_articles(config.shared_data, config.n_tradingview, config.seed, dev_ids, held_out))
    labelling = reporter.stage("weak labels (rule pipeline)", len(articles))
    examples = sample_examples(weak_examples(articles, progress=labelling), config.limit, config.seed)
    reporter.done("weak labels (rule pipeline)")

    rule_predictions = _rule_predictions(golds, config.shared_data)
    dev = _embedded_dev_set(examples, golds, rule_predictions, config, reporter)
    weak = training_set(examples, dev.x_weak)

    head_w, epochs_w = _train_model_w(weak, dev, config, reporter)
    sentence_w = _sentence_predictions(rule_predictions, dev, [head_w], [0] * len(golds))
    heads_c, fold_of, oof_kinds, oof_modalities = _cross_fit_model_c(weak, dev, config, reporter)
    sentence_c = _sentence_predictions(rule_predictions, dev, heads_c, fold_of)

    rules_sentence = {
        "detection": prf(*_rule_sentence_counts(dev.labels, rule_predictions)),
        "modality_accuracy": _rule_sentence_modality(dev.modalities, rule_predictions),
    }
    table = {"rules": claim_metrics(golds, rule_predictions)}
    for name, sentence_predictions in (("W", sentence_w), ("C", sentence_c)):
        for use in ("gate", "modality", "gate+modality"):
            table[f"rules+{use} ({name})"] = claim_metrics(
                golds, gated_predictions(rule_predictions, sentence_predictions, use))

    final = fit_head(concat(weak, dev.examples), config) if config.dev_in_training else head_w
    kinds_w, mods_w = head_w.probabilities(dev.x_gold)
    metrics: dict[str, Any] = {
        "config": {k: (str(v) if isinstance(v, Path) else v) for k, v in asdict(config).items()
                   if k not in ("dev_files", "cache", "out", "shared_data")},
        "dev_files": [str(p.relative_to(REPO)) if p.is_relative_to(REPO) else str(p) for p in config.dev_files],
        "thresholds": {"gate": GATE_THRESHOLD, "modality": MODALITY_THRESHOLD},
        "training_articles": _count_by_prefix(a.id for a in articles),
        "training_examples": len(examples),
        "weak_kind_counts": _counts(e.kind for e in examples),
        "weak_modality_counts": _counts(e.modality for e in examples if e.modality),
        "dev_sentences": len(golds),
        "dev_kind_counts": _counts(dev.labels),
        "dev_modality_counts": _counts(m for m in dev.modalities if m),
        "epochs_model_w": epochs_w,
        "sentence_level": {
            "rules": rules_sentence,
            "model W": sentence_metrics(dev.labels, dev.modalities, kinds_w, mods_w),
            "model C (cross-fitted)": sentence_metrics(dev.labels, dev.modalities, oof_kinds, oof_modalities),
        },
        "claim_level": table,
        "shipped": "C recipe on weak + all dev" if config.dev_in_training else "W",
        "seconds": round(time.monotonic() - started, 1),
        "platform": platform.platform(),
    }
    final.meta = {"metrics": "metrics.json", "base_model": "sentence-transformers/all-MiniLM-L6-v2",
                  "thresholds": metrics["thresholds"], "seed": config.seed, "shipped": metrics["shipped"]}
    final.save(config.out)
    (config.out / "metrics.json").write_text(json.dumps(metrics, indent=2) + "\n", encoding="utf-8")
    return metrics


def _rule_predictions(golds: Sequence[Any], shared_data: Path) -> list[Any]:
    """The rule pipeline on the dev articles as `analyzer eval` runs it (the market directory widens the
    instrument names), with the learned classifier off whatever the environment says."""
    from analyzer.evaluate import predict

    previous = os.environ.get("ANALYZER_CLASSIFIER")
    os.environ["ANALYZER_CLASSIFIER"] = "off"
    try:
        market = shared_data / "market"
        return predict(golds, market if market.is_dir() else None)
    finally:
        if previous is None:
            os.environ.pop("ANALYZER_CLASSIFIER", None)
        else:
            os.environ["ANALYZER_CLASSIFIER"] = previous


@dataclass
class DevSet:
    """The dev sentences with their hand labels, and the embeddings the run needs: of the weak examples, of the
    dev sentences and of the sentences the rules' claims lie in."""

    golds: Sequence[Any]
    labels: list[str]  # each sentence's kind label
    modalities: list[str | None]  # the modality of its first claim
    examples: TrainingSet  # the hand labels as training data, weighted
    x_weak: np.ndarray
    x_gold: np.ndarray
    x_claim_sentence: dict[str, np.ndarray]


def _embedded_dev_set(examples: Sequence[Example], golds: Sequence[Any], rule_predictions: Sequence[Any],
                      config: TrainConfig, reporter: Reporter) -> DevSet:
    claim_sentences = sorted({c.sentence.strip() for p in rule_predictions for c in p.claims})
    gold_texts = [g.sentence.strip() for g in golds]
    texts = [e.text for e in examples] + gold_texts + claim_sentences
    embedding = reporter.stage("MiniLM embeddings", len(texts))
    vectors = embed_with_cache(texts, config.cache, embedding)
    reporter.done("MiniLM embeddings")
    x_gold = vectors[len(examples):len(examples) + len(golds)]
    labels = [gold_kind_label([c.kind for c in g.claims], g.sentence) for g in golds]
    modalities = [g.claims[0].modality if g.claims else None for g in golds]
    dev_examples = [Example(text=t, kind=k, modality=m, source=f"{g.corpus}:{g.article.id}", weight=config.dev_weight)
                    for t, k, m, g in zip(gold_texts, labels, modalities, golds, strict=True)]
    return DevSet(golds, labels, modalities, training_set(dev_examples, x_gold), vectors[:len(examples)], x_gold,
                  dict(zip(claim_sentences, vectors[len(examples) + len(golds):], strict=True)))


def _sentence_predictions(rule_predictions: Sequence[Any], dev: DevSet, heads: Sequence[HeadWeights],
                          fold_of: Sequence[int]) -> dict[int, dict[int, Any]]:
    """The classifier's prediction for each rule claim's sentence, by gold index and claim start; a dev sentence
    is predicted by the head of its fold."""
    from analyzer.models.classifier import ClaimClassifier

    out: dict[int, dict[int, Any]] = {}
    for index, pred in enumerate(rule_predictions):
        classifier = ClaimClassifier(heads[fold_of[index]])
        for claim in pred.claims:
            vector = dev.x_claim_sentence[claim.sentence.strip()][None, :]
            out.setdefault(index, {})[claim.char_start] = classifier.predict_embeddings(vector)[0]
    return out


def _train_model_w(weak: TrainingSet, dev: DevSet, config: TrainConfig,
                   reporter: Reporter) -> tuple[HeadWeights, list[dict[str, Any]]]:
    """Model W: weak labels only; dev metrics per epoch are clean."""
    reporter.line("model W (weak labels only): epoch, loss, dev sentence detection P/R/F1, modality accuracy")
    epochs_w: list[dict[str, Any]] = []

    def report_epoch(epoch: int, loss: float, head: HeadWeights) -> None:
        kinds, modalities = head.probabilities(dev.x_gold)
        m = sentence_metrics(dev.labels, dev.modalities, kinds, modalities)
        d = m["detection"]
        epochs_w.append({"epoch": epoch, "loss": loss, **m})
        reporter.line(f"  epoch {epoch:2d}  loss {loss:.4f}  dev P {_fmt(d['precision'])} R {_fmt(d['recall'])} "
                      f"F1 {_fmt(d['f1'])}  modality {m['modality_accuracy']:.3f}")

    return fit_head(weak, config, on_epoch=report_epoch), epochs_w


def _cross_fit_model_c(weak: TrainingSet, dev: DevSet, config: TrainConfig,
                       reporter: Reporter) -> tuple[list[HeadWeights], list[int], np.ndarray, np.ndarray]:
    """Model C: weak + dev hand labels, cross-fitted over dev articles: the heads, each dev sentence's fold and
    the out-of-fold kind and modality probabilities."""
    golds = dev.golds
    articles_in_dev = sorted({(g.corpus, g.article.id) for g in golds})
    fold_of_article = {a: int(_text_key(f"{config.seed}:{a}")[:8], 16) % config.folds for a in articles_in_dev}
    fold_of = [fold_of_article[(g.corpus, g.article.id)] for g in golds]
    folds = reporter.stage(f"model C ({config.folds}-fold cross-fitting on dev)", config.folds)
    heads_c: list[HeadWeights] = []
    oof_kinds = np.zeros((len(golds), len(KIND_LABELS)), dtype=np.float32)
    oof_modalities = np.zeros((len(golds), len(MODALITY_LABELS)), dtype=np.float32)
    for fold in range(config.folds):
        train_index = np.array([i for i, f in enumerate(fold_of) if f != fold], dtype=np.int64)
        test_index = np.array([i for i, f in enumerate(fold_of) if f == fold], dtype=np.int64)
        head = fit_head(concat(weak, subset(dev.examples, train_index)), config)
        heads_c.append(head)
        if len(test_index):
            k, m = head.probabilities(dev.x_gold[test_index])
            oof_kinds[test_index], oof_modalities[test_index] = k, m
        folds(1)
    reporter.done(f"model C ({config.folds}-fold cross-fitting on dev)")
    return heads_c, fold_of, oof_kinds, oof_modalities


def _rule_sentence_counts(gold_labels: Sequence[str], predictions: Sequence[Any]) -> tuple[int, int, int]:
    tp = fp = fn = 0
    for label, pred in zip(gold_labels, predictions, strict=True):
        gold, found = label in CHECKABLE_LABELS, bool(pred.claims)
        tp += gold and found
        fp += found and not gold
        fn += gold and not found
    return tp, fp, fn


def _rule_sentence_modality(gold_modalities: Sequence[str | None], predictions: Sequence[Any]) -> float | None:
    pairs = [(m, p.claims[0].modality) for m, p in zip(gold_modalities, predictions, strict=True) if m and p.claims]
    return sum(a == b for a, b in pairs) / len(pairs) if pairs else None


def _counts(values: Any) -> dict[str, int]:
    out: dict[str, int] = {}
    for v in values:
        out[v] = out.get(v, 0) + 1
    return dict(sorted(out.items()))


def _count_by_prefix(ids: Any) -> dict[str, int]:
    return _counts(i.split(":", 1)[0] for i in ids)


def markdown_table(metrics: dict[str, Any]) -> str:
    """The claim-level comparison table of the model card."""
    lines = ["| configuration | claim P | claim R | claim F1 | false-claim rate | modality acc. | "
             "not-reported P | not-reported R | not-reported F1 |", "|---|---|---|---|---|---|---|---|---|"]
    for name, m in metrics["claim_level"].items():
        d, n = m["detection"], m["modality_not_reported"]
        lines.append(f"| {name} | {_fmt(d['precision'])} | {_fmt(d['recall'])} | {_fmt(d['f1'])} | "
                     f"{_fmt(m['false_claim_rate'])} | {_fmt(m['modality_accuracy'])} | {_fmt(n['precision'])} | "
                     f"{_fmt(n['recall'])} | {_fmt(n['f1'])} |")
    return "\n".join(lines)
