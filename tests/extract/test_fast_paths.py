"""The faster paths of extraction give what the plain paths gave.

The rule sentence boundaries are read on token arrays, a deal's party entities are looked up per token while
deal_claims runs, the gate reads a pattern shared by two cues once, and verb_direction leaves a verb that is
no move, level or record verb before reading its children. Each is compared here with the plain reading, on
texts written for these tests.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Token

from analyzer.extract import extract_claims
from analyzer.extract.deals import PARTY_ENTITIES_KEY, _entity_at, _party_entities
from analyzer.extract.gate import Cues, SentenceGate
from analyzer.extract.instruments import BULLETS, RIC_TOKEN_RE, sentence_boundaries
from analyzer.extract.moves import MOVE_VERB_LEMMAS, verb_direction
from analyzer.extract.patterns import led_by_first_chars
from analyzer.records import Article

PUBLISHED = datetime(2008, 5, 6, 21, 0, tzinfo=UTC)


def _token_by_token(doc: Doc) -> Doc:
    """The rule as it was written token by token (the reference for the array reading)."""
    def after_line_break(token: Token) -> bool:
        before = token.doc[token.i - 1]
        if before.is_space and (before.text.count("\n") >= 2 or (before.text.startswith("\n")
                                                                   and token.text in BULLETS)):
            return True
        return "\n" in before.whitespace_ and token.text in ("*", "•")

    for token in doc[1:]:
        if RIC_TOKEN_RE.fullmatch(token.text):
            token.is_sent_start = False
        elif after_line_break(token) and not token.is_space:
            token.is_sent_start = True
            if token.text in BULLETS and token.i + 1 < len(doc):
                doc[token.i + 1].is_sent_start = False
    return doc


@pytest.mark.parametrize("text", [
    "", "Stocks", "Micron Technology Inc. MU.N added 4.6 percent. Dell Inc. DELL.O fell.",
    "Markets closed mixed.\n\nThe Dow rose 0.5 percent.\n\n\nBonds fell.",
    "Indexes:\n* Dow up 0.5%\n* Nasdaq down 0.2%\n\n* S&P 500 flat\n- Russell 2000 up 1%",
    "Top movers:\n• Acme ACME.N up 3%\n\n• MU.N down 2%\n\n*\n\n* ",
    "A line\nwith a break * and a star.\n\n- a dash item\n\n-\n\nend",
])
def test_the_array_boundaries_are_the_token_by_token_boundaries(nlp: Language, text: str) -> None:
    from spacy.attrs import SENT_START

    fast = sentence_boundaries(nlp.make_doc(text)).to_array([SENT_START]).tolist()
    assert fast == _token_by_token(nlp.make_doc(text)).to_array([SENT_START]).tolist()


DEAL_TEXT = ("Harbor Steel Corp said on Tuesday it agreed to buy Lakeside Metals Inc for $1.2 billion in cash. "
             "The company expects the deal, which Lakeside's board backs, to close in the third quarter. "
             "Separately, Jane Ortiz of Northgate Capital said Harbor Steel shares rose 3 percent to $41.10.")


def test_a_deals_party_entity_is_the_one_the_search_finds(nlp: Language) -> None:
    doc = nlp(DEAL_TEXT)
    assert PARTY_ENTITIES_KEY not in doc.user_data
    searched = [_entity_at(t) for t in doc]
    with _party_entities(doc):
        looked_up = [_entity_at(t) for t in doc]
    assert PARTY_ENTITIES_KEY not in doc.user_data  # the lookup lives only while the deals are read
    assert any(e is not None for e in searched)
    assert [(e.start, e.end, e.label_) if e else None for e in looked_up] == \
        [(e.start, e.end, e.label_) if e else None for e in searched]


def test_deal_parties_end_to_end(nlp: Language) -> None:
    claims = extract_claims([Article(id="fast-deal", text=DEAL_TEXT, published=PUBLISHED)], nlp)
    deals = [c for c in claims if c.kind == "deal"]
    assert deals
    names = {p.name for p in deals[0].parties}
    assert any("Harbor Steel" in n for n in names) and any("Lakeside" in n for n in names)


def test_a_pattern_of_two_cues_sets_both(nlp: Language) -> None:
    gate = SentenceGate(nlp)
    split = gate.sentences("The weather was mild. The Federal Reserve kept rates steady on Wednesday.")
    cues = gate.cues(split)
    assert not cues[0] & (Cues.POLICY | Cues.BANK)
    assert cues[1] & Cues.POLICY and cues[1] & Cues.BANK


def test_verb_direction_of_verbs_that_are_no_move(nlp: Language) -> None:
    doc = nlp("Analysts said Acme shares rose 2 percent and the Dow closed at 12,000 after traders bought bonds.")
    by_word = {t.text: verb_direction(t) for t in doc}
    assert by_word["rose"] == (True, "up")
    assert by_word["closed"][0]
    assert by_word["said"] == (False, None) and by_word["bought"] == (False, None)
    assert "say" not in MOVE_VERB_LEMMAS


# ---- patterns led by their first characters (analyzer/extract/patterns.py) ----------------------------------

LED_TEXTS = [
    "The Federal Reserve held rates; the Fed and the FOMC meet again. Bank of England and the ECB cut by 25 bp.",
    "the fed said nothing. FEDERAL RESERVE, Federal\nReserve and Federal  Reserve; Swiss National Bank, SNB.",
    "Shares of Acme Corp. rose 4.5 percent to a record high for the week, its best close since 2007.",
    "The central bank's policymakers, the committee, the Bank of Tanzania: a 50 basis-point cut this month.",
    "Stocks were cheap; valuations looked stretched. Oracle agreed to buy Sun for $7.4 billion, terms undisclosed.",
]


def test_led_patterns_match_where_the_patterns_do():
    """Every gate pattern and the bank names, led by their first characters, find the same matches, with the
    same groups, as written; a control text without any of them finds none either way."""
    from analyzer.extract.gate import _PATTERN_CUES, PATTERN_CUES
    from analyzer.extract.rates import ANY_BANK_RE, BANKS

    pairs = [(p, led) for (_, ps), (_, leds) in zip(_PATTERN_CUES, PATTERN_CUES, strict=True)
             for p, led in zip(ps, leds, strict=True)]
    union = re.compile("|".join(f"(?:{pattern.pattern})" for _, pattern in BANKS))
    pairs.append((union, ANY_BANK_RE))
    assert any(led is not p for p, led in pairs)  # most of them are led
    for text in [*LED_TEXTS, "nothing to see here at all"]:
        for p, led in pairs:
            assert [(m.span(), m.groups()) for m in p.finditer(text)] == \
                [(m.span(), m.groups()) for m in led.finditer(text)], p.pattern


def test_patterns_without_known_first_characters_stay_as_written():
    """A pattern that can match nothing, can start with any character or one outside a negated class, or
    sets its flags inline is kept; one led through an optional part or an assertion matches as written."""
    for pattern in (r"x*", r"(?:about )?\d*", r".x", r"[^a]b", r"(?i)^for the week"):
        compiled = re.compile(pattern)
        assert led_by_first_chars(compiled) is compiled
    text = "about 5 Fed, fed; THE FED: 12 percent, about 7, AboutFed"
    for pattern, flags in ((r"(?:about )?\d+", 0), (r"(?<!\w)Fed", 0), (r"\b(?:Fed|the\s+Fed)\b", re.I)):
        compiled = re.compile(pattern, flags)
        led = led_by_first_chars(compiled)
        assert led.pattern.startswith("(?=[")
        assert [m.span() for m in led.finditer(text)] == [m.span() for m in compiled.finditer(text)]


SIEVE_TEXTS = [
    "Boeing rose 2.4% and Airbus fell by 1.5 percent, while Acme SLID 3 pct; Zeta dipped   by  4.25%.",
    "Shares gained 5 points, not percent; it fell by by 2%; x-rose 7% and rose5 6% and rose 5.5 %.",
    "up 2%, DOWN 3 percent. Sales rose 10 percentage points; prices fell 1.2.3% to 99.",
]


def test_the_sieved_percent_move_pattern_finds_what_the_pattern_finds() -> None:
    """PERCENT_MOVE_RE read where its sieve matches gives the same matches as read everywhere, on move verbs in
    any case, with 'by', odd spacing and figures that are not a move's."""
    from analyzer.extract.gate import _LED, PERCENT_MOVE_RE, SievedPattern

    sieved = _LED[PERCENT_MOVE_RE]
    assert isinstance(sieved, SievedPattern)
    for text in [*SIEVE_TEXTS, " ".join(SIEVE_TEXTS), "nothing here"]:
        assert [(m.span(), m.groups()) for m in PERCENT_MOVE_RE.finditer(text)] == \
            [(m.span(), m.groups()) for m in sieved.finditer(text)]
    assert len(list(sieved.finditer(SIEVE_TEXTS[0]))) == 4


RATE_SIEVE_TEXTS = [
    "The bank may cut rates again; policymakers voted to RAISE RATES and to trim the discount rate it charges.",
    "A rate cut looked likely after the policy  meeting, and rates aren't going to go up; the rate-setting\nmeeting.",
    "Lenders lift their two key rates, hold the rates steady, keep its overnight rate; cut the cut the rate.",
    "Corporate rates rose; separate rate-setters; to-cut rates; cuts\trates; increase the the the rates.",
]


def test_the_start_sieved_rate_patterns_find_what_the_patterns_find() -> None:
    """RATE_ACTION_RE and RATE_VERB_OBJECT_RE read only where their sieves allow give the same matches as read
    everywhere: verbs in any case before 'rates', 'rate' nouns, policy meetings broken across a line, repeated
    verbs whose matches overlap."""
    from analyzer.extract.gate import _LED, RATE_ACTION_RE, RATE_VERB_OBJECT_RE, StartSieve

    for pattern in (RATE_ACTION_RE, RATE_VERB_OBJECT_RE):
        sieved = _LED[pattern]
        assert isinstance(sieved, StartSieve)
        for text in [*RATE_SIEVE_TEXTS, " ".join(RATE_SIEVE_TEXTS), "nothing here"]:
            assert [(m.span(), m.groups()) for m in pattern.finditer(text)] == \
                [(m.span(), m.groups()) for m in sieved.finditer(text)]
    assert len(list(_LED[RATE_ACTION_RE].finditer(RATE_SIEVE_TEXTS[0]))) == 2
