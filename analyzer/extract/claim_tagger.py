"""The ``claim_tagger`` component: the fine-tuned tagger's veto on the rule components' claims.

It runs after the rule components, on the sentences that carry rule claims, and drops a claim when the
tagger gives its kind a probability under the veto threshold (``analyzer.models.tagger.combine_claims``;
the threshold is the one fixed on the dev set at training time, kept in the model's meta.json, unless the
config gives one). Off by default: ``load_pipeline`` adds it when $ANALYZER_TAGGER names ``veto``
(``veto+guided``). The model's figures against the rules are in ``models/claim-tagger/README.md``.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from analyzer.extract.classifier import SentenceModelComponent
from analyzer.models.tagger import combine_claims, load_tagger
from analyzer.records import CLAIM_KINDS, OPINION_KINDS


class ClaimTaggerComponent(SentenceModelComponent):
    kinds = CLAIM_KINDS + OPINION_KINDS  # it drops claims of any kind: scored over all of them

    def __init__(self, model_dir: str | None, veto_threshold: float | None, batch_size: int,
                 name: str = "claim_tagger") -> None:
        self.name = name
        self.tagger = self.model = load_tagger(model_dir)
        self.veto_threshold = float(veto_threshold if veto_threshold is not None
                                    else self.tagger.meta.get("veto_threshold", 0.0))
        self.batch_size = batch_size

    def _apply(self, doc: Doc, predictions: dict[int, Any]) -> None:
        kept = []
        for claim in doc._.claims or []:
            prediction = predictions.get(claim.char_start)
            kept.extend([claim] if prediction is None else combine_claims([claim], prediction, self.veto_threshold))
        doc._.claims = kept
