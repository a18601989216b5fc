"""Every spaCy component of ``analyzer``: its name, what it reads and writes, its settings, how it is made.

This is the module the package's ``spacy_factories`` entry points name. spaCy imports every entry point each
time it makes a ``Language`` (``spacy.blank``, ``spacy.load``), in any program of an environment where
``analyzer`` is installed, so this module stays light: a component's own module (its word lists, the
market calendar, the classifier's weights) is imported only when the component is made.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.pipeline.ner import DEFAULT_NER_MODEL
from spacy.tokens import Doc

from analyzer.extract.component import (
    ENTITIES,
    PARSE,
    TAGS,
    check_requirements,
    require_claim_components,
)

if TYPE_CHECKING:
    from thinc.api import Model

    from analyzer.extract.claim_tagger import ClaimTaggerComponent
    from analyzer.extract.classifier import ClaimClassifierComponent
    from analyzer.extract.deals import DealClaims
    from analyzer.extract.fast_tags import CachedLemmatizer, IndexedAttributeRuler
    from analyzer.extract.guided import TaggerGuidedClaims
    from analyzer.extract.instruments import InstrumentMentions
    from analyzer.extract.moves import MarketClaims
    from analyzer.extract.opinions import ValuationOpinions
    from analyzer.extract.rates import RatePolicyClaims
    from analyzer.extract.scoped_ner import ScopedEntities

CLAIMS_OUT = ["doc._.claims", "doc.spans"]
INSTRUMENT_REQUIRES = PARSE + TAGS + ENTITIES
MARKET_CLAIMS_REQUIRES = ["doc._.instruments", *PARSE, *TAGS]
RATE_POLICY_REQUIRES = PARSE + TAGS
DEAL_REQUIRES = PARSE + TAGS + ENTITIES
OPINION_REQUIRES = PARSE


@Language.factory("sentence_boundaries", default_config={}, assigns=["token.is_sent_start"])
def make_sentence_boundaries(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """Sentence starts the small model misses, set before the parser (add it with ``before="parser"``)."""
    from analyzer.extract.instruments import sentence_boundaries

    return sentence_boundaries


@Language.factory("scoped_entities", assigns=["doc.ents", "token.ent_iob", "token.ent_type"],
                  default_config={"moves": None, "update_with_oracle_cut_size": 100, "model": DEFAULT_NER_MODEL,
                                  "incorrect_spans_key": None, "scorer": {"@scorers": "spacy.ner_scorer.v1"}})
def make_scoped_entities(nlp: Language, name: str, model: Model, moves: object, update_with_oracle_cut_size: int,
                         incorrect_spans_key: str | None, scorer: Callable | None) -> ScopedEntities:
    """spaCy's entity recognizer (these are its settings) run only on the stretches the gate marks;
    ``load_pipeline`` swaps it in for the model's ``ner`` and hands it that recognizer."""
    from spacy.pipeline import EntityRecognizer

    from analyzer.extract.scoped_ner import ScopedEntities

    return ScopedEntities(name, EntityRecognizer(nlp.vocab, model, name=name, moves=moves,
                                                 update_with_oracle_cut_size=update_with_oracle_cut_size,
                                                 incorrect_spans_key=incorrect_spans_key, scorer=scorer))


@Language.factory("indexed_attribute_ruler",
                  default_config={"validate": False, "scorer": {"@scorers": "spacy.attribute_ruler_scorer.v1"}})
def make_indexed_attribute_ruler(nlp: Language, name: str, validate: bool,
                                 scorer: Callable | None) -> IndexedAttributeRuler:
    """spaCy's attribute ruler with the same output, matched on token arrays (``load_pipeline`` swaps it in)."""
    from analyzer.extract.fast_tags import IndexedAttributeRuler

    return IndexedAttributeRuler(nlp.vocab, name, validate=validate, scorer=scorer)


@Language.factory("cached_lemmatizer", assigns=["token.lemma"], default_score_weights={"lemma_acc": 1.0},
                  default_config={"model": None, "mode": "rule", "overwrite": False,
                                  "scorer": {"@scorers": "spacy.lemmatizer_scorer.v1"}})
def make_cached_lemmatizer(nlp: Language, model: Model | None, name: str, mode: str, overwrite: bool,
                           scorer: Callable | None) -> CachedLemmatizer:
    """spaCy's English lemmatizer with the same output, its cache read on token arrays."""
    from analyzer.extract.fast_tags import CachedLemmatizer

    return CachedLemmatizer(nlp.vocab, model, name, mode=mode, overwrite=overwrite, scorer=scorer)


@Language.factory("instrument_mentions", default_config={"market_dir": None}, requires=INSTRUMENT_REQUIRES,
                  assigns=["doc._.instruments"])
def make_instrument_mentions(nlp: Language, name: str, market_dir: str | None) -> InstrumentMentions:
    """``market_dir``: a market directory whose symbols.csv/constituents.csv widen the built-in names."""
    from pathlib import Path

    from analyzer.extract.instruments import InstrumentMentions
    from analyzer.market.registry import InstrumentRegistry

    check_requirements(nlp, name, INSTRUMENT_REQUIRES)
    # a registry of its own (read in ~0.1 s): nothing a caller changes in one pipeline reaches another
    return InstrumentMentions(nlp, name, InstrumentRegistry.load(Path(market_dir) if market_dir else None))


@Language.factory("market_claims", default_config={}, requires=MARKET_CLAIMS_REQUIRES, assigns=CLAIMS_OUT)
def make_market_claims(nlp: Language, name: str) -> MarketClaims:
    """Moves, comparisons, records and streaks of the instruments ``instrument_mentions`` found (added when
    missing)."""
    from analyzer.extract.moves import MarketClaims

    check_requirements(nlp, name, MARKET_CLAIMS_REQUIRES)
    return MarketClaims(nlp, name)


@Language.factory("rate_policy_claims", default_config={}, requires=RATE_POLICY_REQUIRES, assigns=CLAIMS_OUT)
def make_rate_policy_claims(nlp: Language, name: str) -> RatePolicyClaims:
    from analyzer.extract.rates import RatePolicyClaims

    check_requirements(nlp, name, RATE_POLICY_REQUIRES)
    return RatePolicyClaims(nlp, name)


@Language.factory("deal_claims", default_config={}, requires=DEAL_REQUIRES, assigns=CLAIMS_OUT)
def make_deal_claims(nlp: Language, name: str) -> DealClaims:
    from analyzer.extract.deals import DealClaims

    check_requirements(nlp, name, DEAL_REQUIRES)
    return DealClaims(nlp, name)


@Language.factory("valuation_opinions", default_config={}, requires=OPINION_REQUIRES, assigns=CLAIMS_OUT)
def make_valuation_opinions(nlp: Language, name: str) -> ValuationOpinions:
    from analyzer.extract.opinions import ValuationOpinions

    check_requirements(nlp, name, OPINION_REQUIRES)
    return ValuationOpinions(nlp, name)


@Language.factory("claim_classifier", default_config={"use": "gate", "model_dir": None, "gate_threshold": 0.5,
                                                      "modality_threshold": 0.8, "batch_size": 64},
                  requires=["doc._.claims", "doc._.instruments"],
                  assigns=[*CLAIMS_OUT, "doc._.sentence_predictions"])
def make_claim_classifier(nlp: Language, name: str, use: str, model_dir: str | None, gate_threshold: float,
                          modality_threshold: float, batch_size: int) -> ClaimClassifierComponent:
    """The learned second opinion on the rule components' claims (``use``: gate, modality or both)."""
    require_claim_components(nlp, name)
    from analyzer.extract.classifier import ClaimClassifierComponent

    return ClaimClassifierComponent(use, model_dir, gate_threshold, modality_threshold, batch_size, name)


@Language.factory("claim_tagger", default_config={"model_dir": None, "veto_threshold": None, "batch_size": 32},
                  requires=["doc._.claims"], assigns=CLAIMS_OUT)
def make_claim_tagger(nlp: Language, name: str, model_dir: str | None, veto_threshold: float | None,
                      batch_size: int) -> ClaimTaggerComponent:
    """The fine-tuned tagger's veto on the rule components' claims (threshold: the model's, fixed on dev)."""
    require_claim_components(nlp, name)
    from analyzer.extract.claim_tagger import ClaimTaggerComponent

    return ClaimTaggerComponent(model_dir, veto_threshold, batch_size, name)


@Language.factory("tagger_guided", default_config={"model_dir": None, "threshold": None,
                                                   "kinds": ["index_move", "stock_move"], "batch_size": 32},
                  requires=["doc._.claims", "doc._.instruments"], assigns=CLAIMS_OUT)
def make_tagger_guided(nlp: Language, name: str, model_dir: str | None, threshold: float | None, kinds: list[str],
                       batch_size: int) -> TaggerGuidedClaims:
    """The tagger-guided second pass for recall: claims of ``kinds`` the rules missed in sentences the tagger is
    at least ``threshold`` sure of (default: the one fixed on dev), built with the rules' readers."""
    require_claim_components(nlp, name)
    from analyzer.extract.guided import TaggerGuidedClaims

    return TaggerGuidedClaims(nlp, model_dir, threshold, kinds, batch_size, name)
