"""The ``claim_classifier`` component: a learned second opinion on the rule extractors' claims.

It runs after the rule components, on the candidate sentences that carry rule claims (a sentence
with a claim always names an instrument, a number or a policy word), embedding them in one batch
per ``nlp.pipe`` batch. What it does with the predictions is set by ``use``:

* ``gate``: drop the claims of a sentence the model finds claim-free (probability of a checkable
  claim below ``gate_threshold``), the rules' false positives on background sentences;
* ``modality``: replace a claim's modality by the model's when the model is at least
  ``modality_threshold`` sure;
* ``gate+modality``: both.

Every prediction is kept on ``doc._.sentence_predictions`` (sentence start char -> prediction).
"""

from __future__ import annotations

from dataclasses import asdict, replace
from typing import Any

from spacy.tokens import Doc, Span

from analyzer.errors import InputError
from analyzer.extract.component import BatchedComponent, missing_input
from analyzer.models.classifier import SentencePrediction, load_classifier
from analyzer.models.labels import is_candidate_text
from analyzer.records import CLAIM_KINDS, OPINION_KINDS, Claim

USES = ("gate", "modality", "gate+modality")


def _get_predictions(doc: Doc) -> dict[int, SentencePrediction] | None:
    rows = doc._.sentence_prediction_rows
    # msgpack gives the keys back as ints, and spaCy's user data may come back with tuples: rebuild both
    return None if rows is None else {int(start): SentencePrediction(**row) for start, row in rows.items()}


def _set_predictions(doc: Doc, predictions: dict[int, SentencePrediction] | None) -> None:
    # plain dicts in the user data, so that a classified doc survives DocBin and nlp.pipe(n_process=2)
    doc._.sentence_prediction_rows = None if predictions is None else {
        start: asdict(p) for start, p in predictions.items()}


if not Doc.has_extension("sentence_prediction_rows"):
    Doc.set_extension("sentence_prediction_rows", default=None)
if not Doc.has_extension("sentence_predictions"):
    Doc.set_extension("sentence_predictions", getter=_get_predictions, setter=_set_predictions)


def candidate_sentences(doc: Doc) -> list[Span]:
    """Sentences worth classifying: they name an instrument, carry a number or a policy word."""
    mention_tokens = {i for m in (doc._.instruments or []) for i in range(m.start, m.end)}
    out = []
    for sentence in doc.sents:
        has_instrument = any(i in mention_tokens for i in range(sentence.start, sentence.end))
        if is_candidate_text(sentence.text, has_instrument):
            out.append(sentence)
    return out


def sentences_with_claims(doc: Doc) -> list[Span]:
    """The candidate sentences that carry at least one rule claim: the only ones the model can act on."""
    starts = {c.char_start for c in doc._.claims or []}
    return [s for s in candidate_sentences(doc) if s.start_char in starts]


class SentenceModelComponent(BatchedComponent):
    """A learned model read over the sentences that hold rule claims, in batches: its predictions, keyed by the
    sentence's start in the doc, go to ``_apply`` per doc. ``self.model`` has ``predict(texts, batch_size)``."""

    model: Any
    batch_size: int

    def _process(self, docs: list[Doc]) -> list[Doc]:
        if any(doc._.claims is None for doc in docs):
            raise missing_input(self.name, "doc._.claims", "market_claims")
        spans = [(d, s) for d, doc in enumerate(docs) for s in sentences_with_claims(doc)]
        predictions = self.model.predict([s.text for _, s in spans], batch_size=self.batch_size)
        by_doc: list[dict[int, Any]] = [{} for _ in docs]
        for (d, sentence), prediction in zip(spans, predictions, strict=True):
            by_doc[d][sentence.start_char] = prediction
        for doc, found in zip(docs, by_doc, strict=True):
            self._apply(doc, found)
        return docs

    def _apply(self, doc: Doc, predictions: dict[int, Any]) -> None:
        raise NotImplementedError


class ClaimClassifierComponent(SentenceModelComponent):
    kinds = CLAIM_KINDS + OPINION_KINDS  # it drops claims of any kind: scored over all of them

    def __init__(self, use: str, model_dir: str | None, gate_threshold: float, modality_threshold: float,
                 batch_size: int, name: str = "claim_classifier") -> None:
        if use not in USES:
            raise InputError(f"claim classifier: unknown use {use!r} (one of {', '.join(USES)})")
        self.name = name
        self.use = use
        self.classifier = self.model = load_classifier(model_dir)
        self.gate_threshold = gate_threshold
        self.modality_threshold = modality_threshold
        self.batch_size = batch_size

    def _apply(self, doc: Doc, predictions: dict[int, SentencePrediction]) -> None:
        doc._.sentence_predictions = predictions
        doc._.claims = apply_predictions(doc._.claims or [], predictions, self.use, self.gate_threshold,
                                         self.modality_threshold)


def apply_predictions(claims: list[Claim], predictions: dict[int, SentencePrediction], use: str,
                      gate_threshold: float = 0.5, modality_threshold: float = 0.8) -> list[Claim]:
    """The claims the model lets through, with its modality where it is sure (``predictions`` by sentence start)."""
    kept = []
    for claim in claims:
        prediction = predictions.get(claim.char_start)
        if prediction is None:
            kept.append(claim)
            continue
        if "gate" in use and prediction.checkable_probability < gate_threshold:
            continue
        if ("modality" in use and prediction.modality_probability >= modality_threshold
                and prediction.modality != claim.modality):
            claim = replace(claim, modality=prediction.modality)
        kept.append(claim)
    return kept
