"""The attribute ruler and lemmatizer that load_pipeline swaps in give spaCy's own output, token for token."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from analyzer.extract.fast_tags import CachedLemmatizer, IndexedAttributeRuler
from analyzer.extract.pipeline import model_name

# sentences we wrote: contractions ('ain't', 'gonna', "let's" are two-token patterns of the ruler), 'gets' and
# 'got' (a pattern with two alternatives), auxiliaries, quotes, spaces, numbers and names
TEXTS = [
    "Boeing shares rose 2.5 percent to $45.13 after the company said it got an order for 40 jets.",
    "\"It ain't over,\" said analyst Jane Doe. We're gonna see rates fall, let's be honest, she added.",
    "The Dow Jones industrial average fell 120.5 points, or 1.1 percent, to 10,850.25 on Tuesday.\n\n"
    "The Fed has been cutting rates and was expected to keep them low; it gets harder from here.",
    "  Oil   prices were mixed; Exxon Mobil Corp. (XOM.N) and Chevron Corp. were little changed.  ",
    "",
]
COMPARED = ("tag_", "pos_", "dep_", "lemma_")


@pytest.fixture(scope="module")
def stock() -> Language:
    nlp = spacy.load(model_name())
    nlp.add_pipe("sentence_boundaries", before="parser")
    return nlp


def tokens(nlp: Language, texts: list[str]) -> list[list[tuple[object, ...]]]:
    with nlp.select_pipes(enable=["tok2vec", "tagger", "sentence_boundaries", "parser", "attribute_ruler",
                                  "lemmatizer"]):
        return [[(*(getattr(t, a) for a in COMPARED), str(t.morph)) for t in doc]
                for doc in nlp.pipe(texts, batch_size=2)]


def test_the_pipeline_runs_the_fast_ruler_and_lemmatizer(nlp: Language) -> None:
    assert isinstance(nlp.get_pipe("attribute_ruler"), IndexedAttributeRuler)
    assert isinstance(nlp.get_pipe("lemmatizer"), CachedLemmatizer)
    assert nlp.get_pipe("attribute_ruler")._patterns() is not None  # every pattern on the array path


def test_same_tags_morphology_and_lemmas_as_spacy(nlp: Language, stock: Language) -> None:
    assert type(stock.get_pipe("attribute_ruler")) is not IndexedAttributeRuler
    ours = tokens(nlp, TEXTS)
    assert ours == tokens(stock, TEXTS)
    assert ours == tokens(nlp, TEXTS)  # again, from the lemma cache
    lemmas = [t[3] for doc in ours for t in doc]
    assert "get" in lemmas and "be" in lemmas and "go" in lemmas  # the ruler's and the lemmatizer's work


def test_a_single_doc_matches_a_batch(nlp: Language) -> None:
    ruler = nlp.get_pipe("attribute_ruler")
    with nlp.select_pipes(enable=["tok2vec", "tagger", "sentence_boundaries", "parser"]):
        docs = list(nlp.pipe(TEXTS))
    one = [ruler(doc.copy()) for doc in docs]
    batch = list(ruler.pipe([doc.copy() for doc in docs], batch_size=3))
    assert [[t.pos_ for t in d] for d in one] == [[t.pos_ for t in d] for d in batch]


def test_the_pipeline_runs_in_spacy_memory_zones(nlp: Language) -> None:
    # words first seen inside a memory zone have transient strings: once the zone ends, the lemmatizer's cache
    # must not hand out their hashes (it did: KeyError E018 on the next document with the same word)
    text = "Glorbonix shares were glimmering after Quarvex Holdings said its zindlefolk orders rose 4 percent."
    with nlp.memory_zone():
        inside = [(t.text, t.lemma_) for t in nlp(text)]
        claims_inside = [c.sentence for c in nlp(text)._.claims]
    again = nlp(text)
    assert [(t.text, t.lemma_) for t in again] == inside
    assert [c.sentence for c in again._.claims] == claims_inside
    with nlp.memory_zone():  # and in the next zone
        assert [(t.text, t.lemma_) for t in nlp(text)] == inside
