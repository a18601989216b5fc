"""Session 29's faster paths give what the plain paths gave (texts written for these tests)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Token

from analyzer.extract.moves import PERCENT_WORDS, _a_figure_on

SENTENCES = [
    "Acme Foods posted a 3% gain in March after a loss of 2 percent the month before.",
    "The top five gainers on the index were all miners, with Bolt Mining the top gainer, up 5%.",
    "A drop in shares of 12 regional lenders of about 4 percent weighed on the gauge.",
    "The rally, the biggest in 7 weeks for the group of 30 blue chips, lifted the S&P 500 by 1.2 points.",
    "Its decline of 1.5% in the session on the back of weaker orders from 3 big clients surprised traders.",
]


def _reference(noun: Token) -> bool:
    """The reading as it was written: each word of the subtree walks its ancestors."""
    return any(c.like_num and any(ch.isdigit() for ch in c.text) or c.lower_ in PERCENT_WORDS or c.text == "%"
               for c in noun.subtree
               if c.i != noun.i and not any(a.dep_ == "prep" and a.lower_ not in ("of",) and a.head.i == noun.i
                                            for a in c.ancestors))


def test_a_figure_on_reads_as_the_ancestor_walk_did(nlp: Language) -> None:
    seen = 0
    for doc in nlp.pipe(SENTENCES):
        for token in doc:
            assert _a_figure_on(token) == _reference(token), (token.text, doc.text)
            seen += _reference(token)
    assert seen >= 5  # the sentences hold nouns with figures of their own


def test_share_and_company_words_are_cues_as_nouns_only() -> None:
    from analyzer.extract.gate import COMPANY_FORMS, SHARE_FORMS

    assert {"stock", "stocks", "shares", "index", "indexes", "prices"} <= SHARE_FORMS
    assert {"company", "companies", "lender", "lenders", "subsidiaries", "its"} <= COMPANY_FORMS
    assert not {"priced", "pricing", "measured", "sharing", "indexed"} & SHARE_FORMS
    assert not {"funding", "united", "concerned", "targeted", "banking"} & COMPANY_FORMS
