"""The ``valuation_opinions`` component: judgements about value that prices alone cannot settle.

"Small caps are cheap compared to large caps" and "valuations have been beaten down to some of the steepest
discounts in decades" are what a reader may well want flagged, but no daily price can prove them. They
become claims of kind ``valuation`` with modality ``opinion``, so the report shows them and the checker
says plainly why they are not checkable, instead of silently dropping them or inventing a move.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from analyzer.extract.component import ExtractComponent, span_text
from analyzer.extract.doc_fields import add_claims
from analyzer.extract.modality import speaker_of
from analyzer.extract.patterns import lead_module_patterns
from analyzer.records import Claim

VALUATION_RE = re.compile(
    r"\b(cheap|cheaper|expensive|pricey|overvalued|undervalued|over-valued|under-valued|bargains?|"
    r"valuations?|discounts? to|steep(?:est)? discounts?|premium to|frothy|stretched valuations?|"
    r"price-to-earnings|p/e (?:ratio|multiple)|multiples?)\b", re.I)
MARKET_SUBJECT_RE = re.compile(
    r"\b(stocks?|shares|equit(?:y|ies)|small[- ]caps?|large[- ]caps?|mid[- ]caps?|megacaps?|mega-cap|"
    r"the market|indexes|indices|index|sector|tech|valuations?)\b", re.I)
NUMBER_RE = re.compile(r"\d")


class ValuationOpinions(ExtractComponent):
    kinds = ("valuation",)

    def __call__(self, doc: Doc) -> Doc:
        claims: list[Claim] = []
        for sentence in doc.sents:
            text = span_text(sentence)
            m = VALUATION_RE.search(text)
            # a sentence with figures is a fact about multiples, not an opinion: leave it to the extractors
            if m is None or not MARKET_SUBJECT_RE.search(text) or NUMBER_RE.search(text):
                continue
            claims.append(Claim(
                article_id=doc._.article_id, sentence=text, char_start=sentence.start_char,
                char_end=sentence.end_char, kind="valuation", modality="opinion", speaker=speaker_of(sentence),
                verb=m.group(0), span_start=0, span_end=len(text.rstrip()),
            ))
        add_claims(doc, claims)
        return doc


lead_module_patterns(globals())
