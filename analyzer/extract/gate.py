"""Gated parsing: only sentences that can hold a claim (and the context they need) reach the parser.

Most sentences of a news story carry no figure and name no market, policy or deal: running the tagger,
parser and NER over them is most of the pipeline's time for nothing. The gate runs the cheap steps over the
whole text -- the tokenizer, a rule sentence splitter with our own boundary rules, the instrument name
matchers of ``instrument_mentions`` and the patterns and word lists the components and the claim classifier
already use -- and keeps a sentence when it names an instrument, states a figure or a policy, deal, record
or streak wording, or has something that trades doing something; a kept sentence without a name of its own
brings the sentence before it (back-references: "the index", "it"), and the article's first sentence
(header, dateline) is always kept. The kept sentences are joined
into a reduced text (a blank line where sentences were left out, which our sentence rules always treat as a
boundary) that the full pipeline parses; ``TextMap`` maps offsets in it back to the original text.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

from analyzer.extract.deals import COMPANY_NOUNS, DEAL_NOUNS, DEAL_VERBS
from analyzer.extract.instruments import RIC_RE, sentence_boundaries
from analyzer.extract.moves import (
    CAUSATIVE_LEMMAS,
    COMPARISON_LEMMAS,
    DOWN_LEMMAS,
    INSTRUMENT_HEADS,
    RECORD_RE,
    RECORD_VERBS,
    STREAK_RE,
    UP_LEMMAS,
)
from analyzer.extract.numbers import LEVEL_RE, PERCENT_RE, POINTS_RE, RATE_POINT_RE
from analyzer.extract.opinions import VALUATION_RE
from analyzer.extract.rates import BANK_REFERENCE_RE
from analyzer.models.labels import DEAL_CUE_RE, FIGURE_RE, POLICY_WORD_RE

GAP = "\n\n"  # what stands for the sentences left out: a paragraph break, so no kept sentences merge
# a sentence with any of these can hold a claim by itself: a figure (percent, points, money, a level), a
# policy or deal wording (a bank named by reference: 'policymakers', 'the committee'), a RIC tag, a record or a
# streak, a judgement of value
CUE_PATTERNS = (FIGURE_RE, PERCENT_RE, POINTS_RE, RATE_POINT_RE, LEVEL_RE, POLICY_WORD_RE, BANK_REFERENCE_RE,
                DEAL_CUE_RE, RIC_RE, RECORD_RE, STREAK_RE, VALUATION_RE)


def word_forms(lemmas: set[str] | dict[str, str]) -> frozenset[str]:
    """The regular inflections of the components' lemmas ('gain' -> gains, gained, gaining), read on the
    tokenizer's output where no tagger has set a lemma; irregular forms are in the lists themselves."""
    out: set[str] = set()
    for lemma in lemmas:
        out |= {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing"}
        if lemma.endswith("e"):
            out.add(lemma[:-1] + "ing")
        if lemma.endswith("y"):
            out |= {lemma[:-1] + "ied", lemma[:-1] + "ies"}
        if len(lemma) >= 3 and lemma[-1] not in "aeiouwy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
            out |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}  # slip -> slipped
    return frozenset(out)


# without a figure, a sentence holds a claim when something that trades does something: "the indexes all
# notched losses", "Boeing agreed to buy ...", "shares of the company slid"
SUBJECT_FORMS = word_forms(INSTRUMENT_HEADS | COMPANY_NOUNS)
ACTION_FORMS = word_forms(UP_LEMMAS | DOWN_LEMMAS | set(CAUSATIVE_LEMMAS) | set(COMPARISON_LEMMAS) | RECORD_VERBS
                         | DEAL_VERBS | DEAL_NOUNS)


@dataclass(frozen=True)
class TextMap:
    """Where each piece of a derived text (a part, a reduced text) lies in the original text."""

    pieces: tuple[tuple[int, int, int], ...]  # (start in derived text, start in original, length)

    @classmethod
    def identity(cls, length: int, offset: int = 0) -> TextMap:
        return cls(((0, offset, length),))

    def to_original(self, position: int) -> int:
        """The original offset of a position in the derived text (a position in a gap maps to its piece end)."""
        starts = [p[0] for p in self.pieces]
        i = max(0, bisect.bisect_right(starts, position) - 1)
        derived, original, length = self.pieces[i]
        return original + min(position - derived, length)

    def shifted(self, offset: int) -> TextMap:
        """The same map for a derived text of a part that starts at ``offset`` in the original."""
        return TextMap(tuple((d, o + offset, n) for d, o, n in self.pieces))

    def covers(self, start: int, end: int) -> bool:
        """Whether the original range [start, end) lies inside one piece."""
        return any(o <= start and end <= o + n for _, o, n in self.pieces)


@dataclass(frozen=True)
class GateStats:
    sentences: int
    kept_sentences: int
    words: int
    kept_words: int


class SentenceGate:
    """Chooses the sentences of a text worth a full parse; built once per pipeline."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.sentencizer = Sentencizer()
        mentions = nlp.get_pipe("instrument_mentions") if "instrument_mentions" in nlp.pipe_names else None
        self.matchers = (mentions.by_lower, mentions.by_orth) if mentions is not None else ()

    def sentences(self, text: str) -> Doc:
        """The text tokenized and split by rule (no statistical model)."""
        doc = sentence_boundaries(self.sentencizer(self.nlp.make_doc(text)))
        return doc

    def kept(self, doc: Doc) -> list[bool]:
        """Per rule sentence: whether it goes to the full pipeline."""
        sentences = list(doc.sents)
        named = self._named_tokens(doc)
        names = [any(named[s.start:s.end]) for s in sentences]
        keep = [False] * len(sentences)
        for i, sentence in enumerate(sentences):
            if names[i] or self._is_candidate(sentence):
                keep[i] = True
                if i > 0 and not names[i]:
                    # no name of its own: the sentence before says what "the index" or "it" refers to
                    keep[i - 1] = True
        if keep:
            keep[0] = True  # the header or dateline
        return keep

    def reduce(self, text: str) -> tuple[str, TextMap, GateStats]:
        """The reduced text for the full pipeline, its map back to ``text``, and what was kept."""
        doc = self.sentences(text)
        sentences = list(doc.sents)
        keep = self.kept(doc)
        spans = _merged([(s.start_char, _end_with_space(s)) for s, k in zip(sentences, keep, strict=True) if k])
        pieces: list[tuple[int, int, int]] = []
        parts: list[str] = []
        at = 0
        for start, end in spans:
            if parts:
                parts.append(GAP)
                at += len(GAP)
            pieces.append((at, start, end - start))
            parts.append(text[start:end])
            at += end - start
        words = [len(s) - sum(1 for t in s if t.is_space or t.is_punct) for s in sentences]
        stats = GateStats(len(sentences), sum(keep), sum(words), sum(w for w, k in zip(words, keep, strict=True) if k))
        return "".join(parts), TextMap(tuple(pieces) or ((0, 0, 0),)), stats

    def _named_tokens(self, doc: Doc) -> list[bool]:
        named = [False] * len(doc)
        for matcher in self.matchers:
            for _match_id, start, end in matcher(doc):
                for i in range(start, end):
                    named[i] = True
        return named

    @staticmethod
    def _is_candidate(sentence) -> bool:  # type: ignore[no-untyped-def]
        if any(p.search(sentence.text) for p in CUE_PATTERNS):
            return True
        words = {t.lower_ for t in sentence}
        return not words.isdisjoint(SUBJECT_FORMS) and not words.isdisjoint(ACTION_FORMS)


def _end_with_space(sentence) -> int:  # type: ignore[no-untyped-def]
    """A sentence's end including the whitespace after it (the rule splitter may start the next sentence with
    it), so kept sentences keep the spacing and paragraph breaks they were written with."""
    text = sentence.doc.text
    end = sentence[-1].idx + len(sentence[-1].text_with_ws)
    while end < len(text) and text[end].isspace():
        end += 1
    return end


def _merged(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def split_parts(text: str, limit: int) -> list[tuple[int, str]]:
    """A text cut into parts of at most ``limit`` characters at paragraph breaks (else line, sentence, space
    breaks), each with its offset: texts beyond the parser's length limit are processed in parts."""
    parts: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = _last_break(window)
        parts.append((start, text[start:start + cut]))
        start += cut
    parts.append((start, text[start:]))
    return parts


def _last_break(window: str) -> int:
    """Where to end a part inside ``window``: after the last paragraph break, else line, sentence, space."""
    half = len(window) // 2  # never cut so early that parts become tiny
    for pattern in ("\n\n", "\n", ". ", " "):
        at = window.rfind(pattern)
        if at >= half:
            return at + len(pattern)
    return len(window)
