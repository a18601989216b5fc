"""The ``claim_tagger`` component: the fine-tuned tagger's veto on the rule components' claims.

It runs after the rule components, on the sentences that carry rule claims, and drops a claim when the
tagger gives its kind a probability under the veto threshold (``analyzer.models.tagger.combine_claims``;
the threshold is the one fixed on the dev set at training time, kept in the model's meta.json, unless the
config gives one). Off by default: ``load_pipeline`` adds it when $ANALYZER_TAGGER is ``veto``. The model's
figures against the rules are in ``models/claim-tagger/README.md``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from spacy.tokens import Doc

from analyzer.extract.classifier import sentences_with_claims
from analyzer.extract.component import ExtractComponent, missing_input
from analyzer.models.tagger import combine_claims, load_tagger
from analyzer.records import CLAIM_KINDS, OPINION_KINDS


class ClaimTaggerComponent(ExtractComponent):
    kinds = CLAIM_KINDS + OPINION_KINDS  # it drops claims of any kind: scored over all of them

    def __init__(self, model_dir: str | None, veto_threshold: float | None, batch_size: int,
                 name: str = "claim_tagger") -> None:
        self.name = name
        self.tagger = load_tagger(model_dir)
        self.veto_threshold = float(veto_threshold if veto_threshold is not None
                                    else self.tagger.meta.get("veto_threshold", 0.0))
        self.batch_size = batch_size

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        stream = iter(docs)
        while batch := list(islice(stream, batch_size)):
            yield from self._process(batch)

    def _process(self, docs: list[Doc]) -> list[Doc]:
        if any(doc._.claims is None for doc in docs):
            raise missing_input(self.name, "doc._.claims", "market_claims")
        spans = [(d, s) for d, doc in enumerate(docs) for s in sentences_with_claims(doc)]
        tagged = self.tagger.predict([s.text for _, s in spans], batch_size=self.batch_size)
        by_start = [{} for _ in docs]
        for (d, sentence), prediction in zip(spans, tagged, strict=True):
            by_start[d][sentence.start_char] = prediction
        for doc, predictions in zip(docs, by_start, strict=True):
            kept = []
            for claim in doc._.claims or []:
                prediction = predictions.get(claim.char_start)
                kept.extend([claim] if prediction is None else combine_claims([claim], prediction,
                                                                              self.veto_threshold))
            doc._.claims = kept
        return docs
