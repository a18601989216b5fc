"""Comparisons, records and runs: readings of the writing around them (issue 13, session 29).

Helpers of the record, superlative and run readers in ``moves``: a superlative or record told as what the session
is heading for ('set for its biggest drop since ...', 'on track for best week since ..., if gains hold', 'on course
to close at another record high') is hypothetical; a record reached 'as much as' a figure is the session's high; a
superlative told headline-style, without an article, after 'set for' / 'on track for' / 'posts'; a bullet line that
opens with 'Stock' or 'The shares' refers to the company of the line before; the direction of a run ended 'for the
first time in N weeks' is that of the clause's own verb. Session 31: the name of an index the registry does not
know, beaten or lagged ('outperforming a 1.1 percent fall in the Amsterdam midcap index').
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from analyzer.extract.component import doc_text, span_text

# 'set for', 'on track for', 'on course to', 'on pace for', 'poised for', 'heading for' just before the phrase
AHEAD_BEFORE_RE = re.compile(r"\b(?:on\s+(?:the\s+)?(?:track|course|pace)\s+(?:for|to)|set\s+(?:for|to)|"
                             r"poised\s+(?:for|to)|head(?:ed|ing|s)?\s+for|in\s+line\s+for)\s+(?:\S+\s+){0,4}$", re.I)
# '..., if gains hold', 'if the gains hold': the figure is the session's so far
IF_IT_HOLDS_RE = re.compile(r"^[^.;]{0,60}?\bif\s+(?:the\s+)?(?:gains?|losses|declines?|rally|it|they)\s+"
                            r"(?:hold|holds|persist|persists|stick|sticks)\b", re.I)
# a move told at its peak within the session just before the phrase: "jumped as much as 9.4% to its record high",
# "rose as high as $61 to a lifetime high" (the record is the session's high, not its close)
SESSION_PEAK_BEFORE_RE = re.compile(r"\bas\s+(?:much|high|low)\s+as\b(?:[^,;.]|(?<=\d)[.,](?=\d)){0,30}"
                                    r"\bto\s+(?:\S+\s+){0,2}$", re.I)
# the openings of a superlative told without an article ('set for biggest intraday pct drop since February 3',
# '** Stock posts biggest one-day gain since 2022'): zero-width, for BEST_WORST_RE's determiner group
HEADLINE_SUPERLATIVE_OPENINGS = r"(?<=\bset for )|(?<=\btrack for )|(?<=\bcourse for )|(?<=\bposts )"
# a bullet line about the item's company: '** Stock on track for ...', '** The shares are ...'
BULLET_MARKS = ("*", "\\", "\u2022")  # "\\*\\*" where the feed escaped the Markdown
BULLET_REFERENCE_RE = re.compile(r"^\W*(?:(?:the|its)\s+)?(?:stock|shares)\b", re.I)


def told_ahead(text: str, start: int, end: int) -> bool:
    """Whether the phrase text[start:end] is told as what the session is heading for, not what it did."""
    return bool(AHEAD_BEFORE_RE.search(text[max(0, start - 60):start]) or IF_IT_HOLDS_RE.search(text[end:]))


def refers_to_the_line_before(sentence: Span) -> bool:
    """'** Stock on track for best week since ...', '** The shares are ...': a bullet line whose subject is the
    stock of the item (the bullet marks may sit at the end of the sentence before)."""
    text = span_text(sentence)
    before = doc_text(sentence.doc)[max(0, sentence.start_char - 6):sentence.start_char]
    bullet = text.lstrip().startswith(BULLET_MARKS) or before.rstrip().endswith(BULLET_MARKS)
    return bullet and BULLET_REFERENCE_RE.match(text) is not None


def clause_verb_direction(sentence: Span, char: int) -> str | None:
    """The direction of the verb the phrase at ``char`` (relative to the sentence) hangs from, when that verb is a
    move verb: 'the averages lost ground for the week for the first time in five weeks' -> 'down'."""
    from analyzer.extract.moves import verb_direction  # the move readers' own verb reading

    phrase = sentence.doc.char_span(sentence.start_char + char, sentence.start_char + char + 1,
                                    alignment_mode="expand")
    if phrase is None:
        return None
    token: Token = phrase.root
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    is_move, direction = verb_direction(token)
    return direction if is_move and direction in ("up", "down") else None


def named_index_start(head: Token) -> int | None:
    """The first token of the name of an index the registry does not know, ending at its head noun: from the first
    capitalised word before the head ('a flat UK mining index' -> 'UK mining index', 'the DJ Stoxx European technology
    sector', "Tokyo's transport sector subindex"); None where no capitalised word names it ('the broader index') or a
    number is part of it ('the 13 percent index')."""
    words = sorted((t for t in head.subtree if t.i < head.i and t.dep_ not in ("det", "punct", "case")),
                   key=lambda t: t.i)
    if any(t.like_num for t in words):
        return None
    first = next((t for t in words if t.text[:1].isupper()), None)
    return first.i if first is not None else None


def not_a_word(token: Token) -> bool:
    """A token with no letter in it ('\\*\\*', '*'): a bullet mark the parser may take for a verb's subject."""
    return not any(ch.isalpha() for ch in token.text)

