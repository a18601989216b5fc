"""The ``tagger_guided`` component: a second pass for recall, guided by the fine-tuned claim tagger.

On text we never tuned on, the rules miss claim sentences that the tagger recognizes (test sentence-level F1
for stock moves 0.876 against the rules' 0.782; ``models/claim-tagger/README.md``), but the tagger makes no
claim by itself: its figure and name spans are ragged. This pass joins the two. It runs after the rule
components, on the candidate sentences only: a sentence that names an instrument of a kind (an index for
``index_move``, a stock or fund for ``stock_move``) with a move word or a figure, and in which the rules made no
claim of that kind. The tagger reads those sentences in one batch per ``nlp.pipe`` batch; where it gives the
kind at least ``threshold`` (fixed on the dev split, never on test), the claim is built in a relaxed way with
the rules' own machinery:

* the instrument: a name the instrument resolver found in the sentence (one the tagger tagged INSTR first),
  not one a rule claim of the sentence is already about;
* the direction: the lexicon's move verbs (with their particles), move nouns ('a 3% gain') and direction words
  right before a figure ('down 5.6%'), read linearly from the name up to the next name;
* the figures: the number reader's percents, points and levels in that stretch, kept where the tagger tagged a
  figure (PCT, PTS, LEVEL) over them;
* the time: the sentence's time words anchored to the publication time (``timeref.anchor``), and the
  modality of the move word (``modality.modality_of``).

A claim made here carries ``reader="tagger"``: the checker never accuses it (a mismatch is `unverifiable`,
``analyzer.check.guided``). On by default (``pipeline.DEFAULT_TAGGER``): ``load_pipeline`` adds it when
$ANALYZER_TAGGER names ``guided`` or is unset; ``ANALYZER_TAGGER=off`` leaves it out. The figures that set the
threshold and the default (test claim F1 0.731 -> 0.750, false-claim rate 0.014 -> 0.015) are in
``models/claim-tagger/README.md``.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from spacy.attrs import LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from analyzer.extract.component import BatchedComponent, missing_input, span_text
from analyzer.extract.doc_fields import add_claims
from analyzer.extract.instruments import NOT_COMPANIES, SHARE_WORDS, Mention, proper_name_ending_at
from analyzer.extract.modality import modality_of
from analyzer.extract.moves import (
    BUSINESS_NOUNS,
    DIRECTION_WORDS,
    MOVE_NOUNS,
    NOT_MARKET_KINDS,
    NOT_PRICE_OBJECTS,
    SECTOR_INDEX_SYMBOLS,
    SHARE_OF_RE,
    Move,
    _a_reporting_periods_figure,
    _an_index_name,
    _figure_values,
    _figures,
    _instrument,
    _told_of_a_business_figure,
    moves_a_business_figure,
    returning_particle,
    set_aside,
    verb_direction,
)
from analyzer.extract.numbers import NumberMention
from analyzer.extract.timeref import TimeAnchor, anchor, no_period_to_check
from analyzer.records import Claim

READER = "tagger"
# the kinds this pass builds, and the instrument kinds (``Mention.kind``) each is about
MENTION_KINDS = {"index_move": ("index",), "stock_move": ("stock", "etf")}
GUIDED_KINDS: tuple[str, ...] = tuple(MENTION_KINDS)
# the tagger's probability of the kind at or above which a candidate sentence gets a claim: chosen on dev
DEFAULT_THRESHOLD = 0.8
THRESHOLD_ENV = "ANALYZER_GUIDED_THRESHOLD"  # a threshold of its own (the config's, when given, wins)
FIGURE_TAGS = ("PCT", "PTS", "LEVEL")
CHANGE_FIELDS = ("change_pct", "change_points")
READINGS_KEPT = 2048  # the latest sentence readings the pass keeps, to read a repeated sentence once


@dataclass(frozen=True)
class Candidate:
    """A sentence worth a reading: which kinds it may hold that the rules did not find, and for whom."""

    sentence: Span
    kinds: dict[str, list[Mention]]  # kind -> the free names it could be about, in text order (maybe none yet)


def _claimed(claims: Sequence[Claim], sentence: Span) -> set[str]:
    """What the rule claims of the sentence are about: their instruments' symbols and names."""
    out: set[str] = set()
    for claim in claims:
        if claim.char_start == sentence.start_char:
            for instrument in [claim.instrument, *claim.benchmarks]:
                if instrument is not None:
                    out |= {instrument.symbol or "", instrument.name} - {""}
    return out


def _rule_kinds(claims: Sequence[Claim], sentence: Span) -> set[str]:
    return {claim.kind for claim in claims if claim.char_start == sentence.start_char}


def _a_market_name(mention: Mention) -> bool:
    """A name whose move is a market claim: no commodity or policy rate, no sector index, no unknown index."""
    if mention.kind in NOT_MARKET_KINDS or mention.symbol in SECTOR_INDEX_SYMBOLS:
        return False
    return mention.kind != "index" or mention.symbol is not None


def _free(mention: Mention, claimed: set[str], entities: Sequence[tuple[int, int]]) -> bool:
    """No rule claim of the sentence is about it, and it is a name of its own: not a word inside a longer one
    ('Stock' of 'the New York Stock Exchange'); ``entities``: the doc's entities' token ranges (``doc.ents``
    makes a span of each on every reading, so candidates reads it once a doc)."""
    if mention.name in claimed or mention.symbol is not None and mention.symbol in claimed:
        return False
    return not any(start < mention.start and mention.end < end for start, end in entities)


def _moves_something(sentence: Span) -> bool:
    """A move verb or noun with a direction, and a percent or points figure."""
    return any(f.kind in ("pct", "points") for f in _figures(span_text(sentence))) and any(
        verb_direction(t)[1] is not None or (t.pos_ == "NOUN" and t.lemma_.lower() in MOVE_NOUNS) or
        t.lower_ in DIRECTION_WORDS for t in sentence)


def _may_name_a_company(sentence: Span, share_words: np.ndarray) -> bool:
    """A share word: where a company the resolver missed may be named ('3Com shares', 'Shares in Sinopec');
    ``share_words``: the doc's tokens that are one, in order (``_share_word_tokens``)."""
    at = int(np.searchsorted(share_words, sentence.start))
    return at < len(share_words) and int(share_words[at]) < sentence.end


def _share_word_tokens(doc: Doc) -> np.ndarray:
    """The indices of a doc's tokens whose lower-case form is a share word, read on the token array (a ``Token``
    made for each word of each sentence took a fifth of the candidates' time)."""
    strings = doc.vocab.strings
    hashes = np.fromiter((strings.add(w) for w in SHARE_WORDS), dtype=np.uint64, count=len(SHARE_WORDS))
    return np.flatnonzero(np.isin(doc.to_array([LOWER]).ravel(), hashes))


def candidates(doc: Doc, kinds: Sequence[str] = GUIDED_KINDS) -> list[Candidate]:
    """The sentences the tagger reads: a move word and a percent or points figure, and a name of an instrument of
    the kind that no rule claim of the sentence is about (for stock moves, where the rules found none, a share word
    will do: the tagger may tag the name the resolver missed)."""
    if doc._.claims is None:
        raise missing_input("tagger_guided", "doc._.claims", "market_claims")
    claims = doc._.claims
    mentions = [m for m in doc._.instruments or [] if _a_market_name(m)]
    entities = [(e.start, e.end) for e in doc.ents]
    share_words = _share_word_tokens(doc)
    out = []
    for sentence in doc.sents:
        claimed = _claimed(claims, sentence)
        # 'Besides Citigroup, JPMorgan fell 8.5%': a company the sentence sets aside is no mover of its own
        named = [m for m in mentions if sentence.start <= m.start < sentence.end and _free(m, claimed, entities)
                 and not set_aside(doc, sentence, m)]
        open_kinds = _open_kinds(sentence, named, claims, kinds, share_words)
        if open_kinds and _moves_something(sentence):
            out.append(Candidate(sentence, open_kinds))
    return out


def _open_kinds(sentence: Span, named: Sequence[Mention], claims: Sequence[Claim], kinds: Sequence[str],
                share_words: np.ndarray) -> dict[str, list[Mention]]:
    """The kinds a sentence may hold that its rule claims do not, each with its free names: a kind with names,
    or a stock move without any where the rules found none and a share word may name a company."""
    open_kinds = {kind: [m for m in named if m.kind in MENTION_KINDS[kind]] for kind in kinds}
    return {kind: names for kind, names in open_kinds.items() if names or kind == "stock_move" and
            not _rule_kinds(claims, sentence) & {"stock_move"} and _may_name_a_company(sentence, share_words)}


def _direction_of(token: Token, figures: Sequence[NumberMention], offset: int) -> str | None:
    """The direction a word gives: a move verb's (with its particle), a move noun's, or a direction word's when a
    figure follows it at once ('down 5.6%', 'up $1.20')."""
    moving, direction = verb_direction(token)
    if moving and direction is not None:
        return direction
    lemma = token.lemma_.lower()
    if lemma in MOVE_NOUNS and token.pos_ == "NOUN":
        return MOVE_NOUNS[lemma]
    if token.lower_ in DIRECTION_WORDS and DIRECTION_WORDS[token.lower_] and not returning_particle(token):
        after = token.idx + len(token.text) - offset
        if any(0 <= f.start - after <= 2 for f in figures):
            return DIRECTION_WORDS[token.lower_]
    return None


def _tagged(fig: NumberMention, spans: Sequence[Any]) -> bool:
    """Whether the tagger tagged a figure over this one (its spans are in sentence characters)."""
    return any(s.tag in FIGURE_TAGS and s.start < fig.end and s.end > fig.start for s in spans)


def _stretch(sentence: Span, mention: Mention, named: Sequence[Mention]) -> tuple[int, int]:
    """The tokens a name's move may be told in: from the name to the next name of the sentence (an instrument of
    any kind, or an organisation the resolver does not know: 'Talk that Oracle might acquire Dunmore Software Inc.
    sent the software maker's shares up 12%' is Dunmore's move); past it when only 'and' or a comma comes between
    ('Fannie Mae and Freddie Mac tumbled')."""
    organisations = [e for e in sentence.ents if e.label_ == "ORG" and e.start >= mention.end]
    later = sorted([*(m for m in named if m.start >= mention.end), *organisations], key=lambda m: m.start)
    end = mention.end
    while later and all(t.pos_ in ("CCONJ", "PUNCT") for t in sentence.doc[end:later[0].start]):
        end = later.pop(0).end
    return mention.end, later[0].start if later else sentence.end


def _instr_spans(sentence: Span, tagged: Any) -> list[Span]:
    """The tagger's instrument spans as whole tokens, pieces of one name joined ('Petro' 'China')."""
    out: list[Span] = []
    for tag in tagged.spans:
        if tag.tag != "INSTR":
            continue
        span = sentence.char_span(tag.start, tag.end, alignment_mode="expand")
        if span is None:
            continue
        if out and out[-1].end >= span.start:
            before = out.pop()
            span = sentence.doc[before.start:max(span.end, before.end)]
        out.append(span)
    return out


def tagged_names(sentence: Span, tagged: Any, known: Sequence[Mention], resolve: Any) -> list[Mention]:
    """Companies the tagger tagged where the resolver found none: the proper name around its span, resolved by
    the registry to one stock, else kept by name (the checker calls a name without a listing unverifiable)."""
    taken = {i for m in known for i in range(m.start, m.end)}
    out = []
    for span in _instr_spans(sentence, tagged):
        if any(i in taken for i in range(span.start, span.end)):
            continue
        name = _name_around(span, sentence)
        if name is None:
            continue
        text = span_text(name).removesuffix("'s").removesuffix("\u2019s").strip()
        resolved = resolve(text)
        listed = [info for info in resolved if info.kind in MENTION_KINDS["stock_move"]]
        if resolved and not listed:  # an index's or a commodity's name ('the S&P 500')
            continue
        symbol = listed[0].symbol if len(listed) == 1 else None
        out.append(Mention(name.start, name.end, symbol, listed[0].name if symbol else text,
                           listed[0].kind if symbol else "stock", (symbol,) if symbol else ()))
        taken |= set(range(name.start, name.end))
    return out


def _name_around(span: Span, sentence: Span) -> Span | None:
    """The proper name a tagged span is part of ('Freddie' -> 'Freddie Mac'); else the span's own words when
    they are written as a name ('3Com', 'Sinopec', which the parser takes for a number or a place)."""
    heads = [t for t in span if t.pos_ == "PROPN" or t.ent_type_ == "ORG"]
    name = proper_name_ending_at(_last_name_word(heads[-1], sentence)) if heads else None
    if name is not None and any(span.start <= t.i < span.end for t in name):
        return name
    return span if _written_as_a_name(span, sentence) else None


def _written_as_a_name(span: Span, sentence: Span) -> bool:
    """Capitalised words (or a leading digit: '3Com'), no common word, not part of a longer proper name."""
    words = [t for t in span if any(c.isalpha() for c in t.text)]
    if not words or len("".join(t.text for t in words)) <= 2 or any(t.lower_ in NOT_COMPANIES for t in words):
        return False
    if any(sentence.start <= i < sentence.end and span.doc[i].pos_ == "PROPN" for i in (span.start - 1, span.end)):
        return False
    return all(t.text[:1].isupper() or t.text[:1].isdigit() for t in words)


def _last_name_word(token: Token, sentence: Span) -> Token:
    """The last word of the proper name a tagged word begins: 'Freddie' -> 'Mac'."""
    while token.i + 1 < sentence.end and token.nbor(1).pos_ == "PROPN" and token.nbor(1).whitespace_ != "" and \
            token.whitespace_:
        token = token.nbor(1)
    return token


def build_claims(doc: Doc, candidate: Candidate, kind: str, tagged: Any, resolve: Any) -> list[Claim]:
    """The claims of one kind the pass makes in a candidate sentence the tagger is sure of."""
    sentence = candidate.sentence
    figures = _figures(span_text(sentence))
    named = [m for m in doc._.instruments or [] if sentence.start <= m.start < sentence.end]
    names = list(candidate.kinds[kind])
    if kind == "stock_move":
        found = tagged_names(sentence, tagged, named, resolve)
        names += found
        named = sorted([*named, *found], key=lambda m: m.start)
    names.sort(key=lambda m: (not _instr_tagged(doc, m, tagged, sentence.start_char), m.start))
    out: list[Claim] = []
    for mention in names:
        claim = _claim_for(doc, sentence, mention, kind, figures, named, tagged)
        if claim is not None and claim.instrument and claim.instrument.symbol is None and _an_index_name(claim):
            continue  # a name the tagger tagged that names an index ('the NYSE Energy Sector Index')
        if claim is not None and not any(c.instrument == claim.instrument for c in out):
            out.append(claim)
    return out


def _instr_tagged(doc: Doc, mention: Mention, tagged: Any, offset: int) -> bool:
    start, end = doc[mention.start].idx - offset, doc[mention.end - 1].idx + len(doc[mention.end - 1]) - offset
    return any(s.tag == "INSTR" and s.start < end and s.end > start for s in tagged.spans)


def _mover(stretch: Span, figures: Sequence[NumberMention], own: Sequence[NumberMention],
           offset: int) -> tuple[Token, str] | None:
    """The move word of a stretch and its direction: the last one before its first tagged change figure ('said
    deliveries would fall short, driving its stock down 4.2 percent': 'down'), else the first one."""
    movers = [(t, d) for t in stretch if (d := _direction_of(t, figures, offset)) is not None]
    change = next((f for f in own if f.kind in ("pct", "points")), None)
    before = [m for m in movers if change is not None and m[0].idx - offset < change.start]
    return before[-1] if before else next(iter(movers), None)


def _a_business_figure(sentence: Span, mover: tuple[Token, str] | None, own: Sequence[NumberMention]) -> bool:
    """The rules' business words near the move ('posted a 1.6 percent drop in February same-store sales', 'up 12%
    in revenue'), a business figure the move word's verb moves ('sales were down 6.5 percent') or a share of
    something after its figure ('rose to 5.2% of the portfolio'): no price move."""
    text = span_text(sentence)
    if any(SHARE_OF_RE.match(text, f.end) or _told_of_a_business_figure(text, f.end) for f in own if f.kind == "pct"):
        return True
    if mover is not None and moves_a_business_figure(mover[0]):
        return True  # 'profit, excluding charges, was down 6.5 percent': the business figure is the subject
    words = [(f.start, f.end) for f in own]
    if mover:
        words.append((mover[0].idx - sentence.start_char, mover[0].idx + len(mover[0]) - sentence.start_char))
    if not words:
        return False
    window = sentence.char_span(min(a for a, _ in words), max(b for _, b in words), alignment_mode="expand")
    if window is None:
        return False
    after = sentence.doc[window.end:min(window.end + 8, sentence.end)]  # 'in February same-store sales'
    return any(t.lower_ in BUSINESS_NOUNS or t.lower_ in NOT_PRICE_OBJECTS for t in [*window, *after])


def _time_of(sentence: Span, own: Sequence[NumberMention], published: Any) -> TimeAnchor:
    """The sentence's time words; as the rules, none for a figure told as a distance from an extreme ('slid 10
    percent or more below 52-week highs set last month': the high's time, not the move's)."""
    time = anchor(span_text(sentence), published)
    if any(f.kind == "pct" and no_period_to_check(span_text(sentence), f.start, f.end) for f in own):
        time = replace(time, period="other", period_start=None)
    return time


def _claim_for(doc: Doc, sentence: Span, mention: Mention, kind: str, figures: Sequence[NumberMention],
               named: Sequence[Mention], tagged: Any) -> Claim | None:
    """A move of one name: the first move word after it (before the next name), and the tagged figures there;
    None when neither a direction nor a change figure is read, or the move is a hypothesis or an opinion."""
    offset = sentence.start_char
    first, last = _stretch(sentence, mention, named)
    begin = (doc[first].idx if first < len(doc) else sentence.end_char) - offset
    end = (doc[last - 1].idx + len(doc[last - 1]) if last > first else sentence.end_char) - offset
    own = [f for f in figures if begin <= f.start and f.end <= end and _tagged(f, tagged.spans)]
    values, stated, qualifier = _figure_values(own, mention.kind, span_text(sentence))
    mover = _mover(doc[first:last], figures, own, offset)
    # as the rules: a business figure ('up 12% in revenue'), or one under a reporting period's heading ('In the
    # latest quarter, Pfizer (PFE) increased 6%')
    if _a_business_figure(sentence, mover, own) or \
            _a_reporting_periods_figure(doc, sentence, Move(doc[mention.start], None, mention=mention)):
        return None
    if mover is None and not any(k in values for k in CHANGE_FIELDS):
        return None
    verb = mover[0] if mover is not None else doc[mention.start]
    modality = modality_of(verb if verb.pos_ in ("VERB", "AUX") else verb.head, sentence)
    if modality in ("hypothetical", "opinion"):  # as the rules: 'could climb 10% if ...' is no move claim
        return None
    time = _time_of(sentence, own, doc._.published)
    span_end = max([f.end for f in own] + [verb.idx + len(verb.text) - offset])
    return Claim(
        article_id=doc._.article_id, sentence=span_text(sentence), char_start=offset, char_end=sentence.end_char,
        kind=kind, instrument=_instrument(mention), direction=mover[1] if mover else None,
        change_pct=values.get("change_pct"), change_points=values.get("change_points"), level=values.get("level"),
        period=time.period, session=time.session.isoformat() if time.session else None,
        period_start=time.period_start.isoformat() if time.period_start else None, time_text=time.time_text,
        modality=modality, stated=stated,
        qualifier=qualifier, verb=mover[0].text if mover else None,
        span_start=doc[mention.start].idx - offset, span_end=span_end, reader=READER)


class TaggerGuidedClaims(BatchedComponent):
    """Reads the candidate sentences of a batch of docs with the tagger and adds the claims it guides."""

    kinds = GUIDED_KINDS

    def __init__(self, nlp: Language, model_dir: str | None, threshold: float | None, kinds: Sequence[str],
                 batch_size: int, name: str = "tagger_guided") -> None:
        import torch

        from analyzer.models.tagger import inference_precision, load_tagger

        # one intra-op thread, as the second reader (check/second_reader.py): the engine runs a process per core
        torch.set_num_threads(1)
        self.name = name
        self.vocab = nlp.vocab
        self.nlp = nlp  # its instrument resolver's registry names what the tagger tags
        self.tagger = load_tagger(model_dir)
        self.threshold = float(threshold if threshold is not None else
                               os.environ.get(THRESHOLD_ENV) or DEFAULT_THRESHOLD)
        self.guided_kinds = tuple(k for k in kinds if k in MENTION_KINDS)
        self.batch_size = batch_size
        # fp32 unless $ANALYZER_TAGGER_PRECISION asks for bf16 (the same readings in ~3/4 of the time, more memory)
        self.precision = inference_precision()
        self.readings: OrderedDict[str, Any] = OrderedDict()  # the latest readings by sentence text (``_read``)

    def _process(self, docs: list[Doc]) -> list[Doc]:
        found = [(doc, c) for doc in docs for c in candidates(doc, self.guided_kinds)]
        readings = self._read([span_text(c.sentence) for _, c in found])
        resolve = self._resolver()
        new: dict[int, list[Claim]] = {}
        for (doc, candidate), tagged in zip(found, readings, strict=True):
            for kind in candidate.kinds:
                if tagged.kind_probabilities.get(kind, 0.0) >= self.threshold:
                    new.setdefault(id(doc), []).extend(build_claims(doc, candidate, kind, tagged, resolve))
        for doc in docs:
            if new.get(id(doc)):
                add_claims(doc, new[id(doc)])
        return docs

    def _read(self, texts: list[str]) -> list[Any]:
        """The tagger's readings of sentence texts, each distinct text read once: a feed repeats sentences (a story
        and its update; 155 distinct of 165 candidates on 200 Reuters articles), and a reading is the text's own."""
        known = {text: self.readings[text] for text in texts if text in self.readings}
        new = list(dict.fromkeys(text for text in texts if text not in known))
        if new:
            known |= zip(new, self.tagger.predict(new, batch_size=self.batch_size, precision=self.precision,
                                                  decided_at=(self.threshold,)), strict=True)
        for text in texts:
            self.readings[text] = known[text]
            self.readings.move_to_end(text)
        while len(self.readings) > READINGS_KEPT:
            self.readings.popitem(last=False)
        return [known[text] for text in texts]

    def _resolver(self) -> Any:
        """The registry's name lookup of the pipeline's instrument resolver (none: nothing resolves)."""
        if "instrument_mentions" in self.nlp.pipe_names:
            return self.nlp.get_pipe("instrument_mentions").registry.resolve
        return lambda text: []
