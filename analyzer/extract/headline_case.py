"""Title-case headlines written in sentence case before parsing.

Headlines of Benzinga, press-release wires and many outlets capitalise every word ('Agilent Technologies Falls
7% After-Hours', 'NovaBay And AmerisourceBergen Sign Distribution Agreement'). The small model then tags the
verbs and nouns as proper nouns, and no move or deal is read. ``sentence_case`` lowers, in a line that is
title case, the words of ``lexicon/headlines.json`` and the move and deal words of ``moves.json`` and
``deals.json`` (inflected), never a word inside a name the instrument matchers know ('Best Buy') nor a line's
first word, nor a word written all in capitals. A purchase headline that ``deals.py`` reads whole in title case
('Chevron to Buy Hess for $53 Billion in Stock', ``TITLE_CASE_PURCHASE_RE``) is left as written. Only letters change
case, so every offset holds.

A wire's slug before a headline ('UPDATE 2-', 'CORRECTED - UPDATE 1-', 'US STOCKS SNAPSHOT-', 'BRIEF-', 'INSTANT VIEW:')
is no part of its sentence: the parser took it for the subject or the root ('UPDATE 2-Silver Spring Networks to buy
...'). ``sentence_case`` blanks it (spaces for its characters), unless it is a name the matchers know.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache

from analyzer.extract import lexicon
from analyzer.extract.deals import TITLE_CASE_PURCHASE_RE
from analyzer.extract.gate import regular_forms

_WORD_RE = re.compile(r"[A-Za-z][A-Za-z']*")
_LINE_RE = re.compile(r"[^\n]+")
# a line is title case when this share of its words of three letters or more, after the first, are capitalised
TITLE_SHARE = 0.8
MIN_TITLE_WORDS = 3

# a slug: words in capitals (and a number) closed by a hyphen or a colon, before a headline that opens with a capital
_SLUG_WORDS = r"[A-Z][A-Z0-9&.]*(?:[ /][A-Z0-9][A-Z0-9&.]*)*"
# ('CORRECTED - ' only before another slug: 'STOCKHOLM - Acme ...' is a dateline, which deals.py reads)
SLUG_RE = re.compile(rf"^(?:{_SLUG_WORDS}\s+-\s+)*(?:{_SLUG_WORDS}(?:-\d+\s+|-|:\s*))+(?=[A-Z0-9\"'])")

Protector = Callable[[str], Iterable[tuple[int, int]]]


@cache
def source_re() -> re.Pattern[str]:
    """A headline's closing source: ', Bloomberg Reports', ', The Information Reports' (capitalised words and a
    reporting verb after a comma), or a tag after a dash ('-WSJ', ' - Analyst Blog'), at the line's end."""
    verbs = lexicon.alternation(sorted(lexicon.words("headlines", "reporting_verbs"), key=len, reverse=True))
    tags = lexicon.alternation(sorted(lexicon.words("headlines", "source_tags"), key=len, reverse=True))
    return re.compile(rf"(?:,\s+(?:[Tt]he\s+)?(?:[A-Z][\w.&'\u2019-]*\s+){{1,3}}(?:{verbs})|\s+-\s?(?:{tags}))\s*$")


@cache
def common_words() -> frozenset[str]:
    """The lower-case words a title-case headline capitalises that are no names."""
    out: set[str] = set()
    for key in ("small_words", "move_words", "deal_words", "news_words"):
        out |= lexicon.words("headlines", key)
    verbs = [("moves", key) for key in ("up_verbs", "down_verbs", "neutral_verbs", "causative_verbs")]
    verbs += [("deals", key) for key in ("buy_verbs", "sell_verbs", "merge_verbs", "invest_verbs", "partner_verbs")]
    for domain, key in verbs:
        for lemma in lexicon.words(domain, key):
            out |= regular_forms(lemma)  # (not the irregular ones: 'Rose' may be a name)
    for domain, key in (("deals", "buy_nouns"), ("deals", "sale_nouns"), ("deals", "merger_nouns"),
                        ("deals", "collaboration_nouns"), ("deals", "held_option_nouns"), ("deals", "ending_words")):
        for noun in lexicon.words(domain, key):
            out |= {noun, noun + "s"}
    return frozenset(out)


def _title_case(words: list[str]) -> bool:
    # (a link written small, as title case keeps 'for', 'with', 'and', counts neither way: 'Apple, Alibaba Partner
    # on AI Development for iPhone Users in China')
    small = lexicon.words("headlines", "small_words")
    long_words = [w for w in words[1:] if len(w) >= 3 and not w.isupper() and w not in small]
    capitalised = [w for w in long_words if w[0].isupper()]
    return len(capitalised) >= MIN_TITLE_WORDS and len(capitalised) >= TITLE_SHARE * len(long_words)


@cache
def label_re() -> re.Pattern[str]:
    """A wire's label opening a line ('Street Color: ', 'Corrected Headline-- ')."""
    return re.compile(rf"^\s*(?:{lexicon.alternation(lexicon.words('headlines', 'wire_labels'))})\s*(?::|--)\s*(?=\S)")


def _without_slug(line: str, protected: list[tuple[int, int]]) -> str:
    slug = SLUG_RE.match(line) or label_re().match(line)
    if slug is None or any(start < slug.end() and slug.start() < end for start, end in protected):
        return line
    return " " * slug.end() + line[slug.end():]


def _without_source(line: str) -> str:
    """``line`` with the source its end names blanked: the parser took 'Financial Times' for the subject of 'to
    Sell Stroke Care Business, Financial Times Reports' and the seller of the sale."""
    m = source_re().search(line)
    return line if m is None else line[:m.start()] + " " * (m.end() - m.start()) + line[m.end():]


def _lowered_line(line: str, protected: list[tuple[int, int]]) -> str:
    words = list(_WORD_RE.finditer(line))
    if not _title_case([w.group() for w in words]) or TITLE_CASE_PURCHASE_RE.match(line.strip()):
        return line
    chars = list(line)
    common = common_words()
    for word in words[1:]:
        text = word.group()
        if not text[0].isupper() or text.isupper() or text.lower() not in common:
            continue
        if any(start < word.end() and word.start() < end for start, end in protected):
            continue
        chars[word.start()] = text[0].lower()
    return "".join(chars)


def _a_headline_line(line: str) -> bool:
    return bool(SLUG_RE.match(line) or label_re().match(line) or _title_case(_WORD_RE.findall(line))
                or source_re().search(line))


def sentence_case(text: str, protect: Protector | None = None) -> str:
    """``text`` with its title-case lines' common words in lower case; the same length, the same offsets."""
    if not any(_a_headline_line(m.group()) for m in _LINE_RE.finditer(text)):
        return text
    out = []
    last = 0
    for line in _LINE_RE.finditer(text):
        out.append(text[last:line.start()])
        spans = list(protect(line.group())) if protect is not None else []
        out.append(_lowered_line(_without_source(_without_slug(line.group(), spans)), spans))
        last = line.end()
    out.append(text[last:])
    return "".join(out)
