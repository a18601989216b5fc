"""Whose shares an unnamed subject means ('its shares', 'the company's shares', 'the stock', 'the shares', 'their
shares') when another company is named nearby (issues 12 and 13, session 28, helper `subj28`), on sentences we
wrote, through the real pipeline. Each test holds one class and a control.

Trust first: a wrong company turns a true sentence into a false accusation, so where the choice is not clear the
move gets no instrument rather than the company named last.
"""

from __future__ import annotations

from analyzer.extract import extract_claims
from tests.written import of_kind, written_article

PUBLISHED = "2009-07-17T16:30:00-04:00"  # a Friday after the close, New York time


def _moves(nlp, text: str) -> list[tuple]:  # noqa: ANN001
    """The rules' stock moves (the tagger's second pass, never accused, left aside): (symbol or name, change)."""
    found = extract_claims([written_article(text, PUBLISHED)], nlp)
    return [(c.instrument.symbol or c.instrument.name, c.change_pct)
            for c in of_kind(found, "stock_move") if c.reader is None]


def test_a_verb_joined_to_a_since_clause_takes_the_main_subject(nlp) -> None:  # noqa: ANN001
    text = ("Apple Inc's (AAPL.O) results could lift its stock further. The shares have gained 5 percent since Intel "
            "topped forecasts on Tuesday, and are up over 60 percent this year.")
    assert _moves(nlp, text) == [("AAPL", 5.0), ("AAPL", 60.0)]
    # control: a company that is the subject of the joined verbs' own clause still moves
    assert _moves(nlp, "Intel Corp (INTC.O) rose 2 percent on Friday, and Apple Inc (AAPL.O) gained 3 percent.") == [
        ("INTC", 2.0), ("AAPL", 3.0)]


def test_their_shares_after_a_plural_are_not_the_company_before(nlp) -> None:  # noqa: ANN001
    text = ("Technology stocks like Apple Inc (AAPL.O) drew support from the soft dollar. The credit crisis hurt many "
            "lenders and home builders, pushing their shares 40 percent lower in the year.")
    assert ("AAPL", 40.0) not in _moves(nlp, text)
    # control: 'its shares' after the company still means it
    text = ("Apple Inc (AAPL.O) drew support from the soft dollar. The weak currency helped the company, pushing its "
            "shares 4 percent higher on the day.")
    assert ("AAPL", 4.0) in _moves(nlp, text)


def test_the_subject_company_not_the_one_it_was_spun_off_from(nlp) -> None:  # noqa: ANN001
    lead = "Agilent Technologies Inc (A.N) topped forecasts on Monday. "
    assert _moves(nlp, lead + "Agilent was spun off from Hewlett-Packard Co (HPQ.N) in 1999. Its shares have gained "
                  "roughly 40 percent in 2009.") == [("A", 40.0)]
    assert _moves(nlp, lead + "Agilent was spun off from Hewlett-Packard Co (HPQ.N) in 1999, and its shares have "
                  "gained roughly 40 percent in 2009.") == [("A", 40.0)]
    # control: a company that is a verb's object is what the next 'its shares' means
    text = ("Dell Inc (DELL.O) gave a strong outlook on Tuesday. Analysts prefer Apple Inc (AAPL.O) to its rivals, "
            "citing its margins. Its shares have risen 25 percent this year.")
    assert _moves(nlp, text) == [("AAPL", 25.0)]


def test_companies_only_named_in_a_phrase_are_not_the_company(nlp) -> None:  # noqa: ANN001
    text = ("Dell Inc (DELL.O) gave a strong outlook on Tuesday. Many PC makers hope to take share from Lenovo and "
            "Apple Inc (AAPL.O) this year. The company's shares have risen 25 percent this year.")
    # the sentence between names two companies in a phrase and is about neither: which company 'the company' means
    # is unclear, so no move is read (neither Apple's nor the story's opening company's; a miss, not a wrong company)
    assert _moves(nlp, text) == []
    # control: with nothing between, 'the company' is the company the story opened with
    text = "Dell Inc (DELL.O) gave a strong outlook on Tuesday. The company's shares have risen 25 percent this year."
    assert _moves(nlp, text) == [("DELL", 25.0)]
    # 'It' keeps the sentence on the company before, whatever it competes with
    text = ("Dell Inc (DELL.O) gave a strong outlook on Tuesday. It now competes with Apple Inc (AAPL.O) in phones. "
            "Its shares have risen 25 percent this year.")
    assert _moves(nlp, text) == [("DELL", 25.0)]


def test_a_short_name_as_subject_is_the_company_it_abbreviates(nlp) -> None:  # noqa: ANN001
    text = ("Texas Instruments Inc (TXN.O) beat forecasts on Monday. Intel Corp (INTC.O) reported last week. TI "
            "forecast revenue of $3 billion for the quarter. The company's stock gained 2.5 percent, ending at $24.10.")
    assert _moves(nlp, text) == [("TXN", 2.5)]
    # control: without the short name the company of the sentence before stays what 'the company' means
    text = ("Texas Instruments Inc (TXN.O) beat forecasts on Monday. Intel Corp (INTC.O) forecast revenue of "
            "$9 billion for the quarter. The company's stock gained 2.5 percent, ending at $24.10.")
    assert _moves(nlp, text) == [("INTC", 2.5)]


def test_a_longer_name_makes_no_broker(nlp) -> None:  # noqa: ANN001
    text = ("BlackRock Inc (BLK.N) bought the unit on Friday. The combined firm, to be called BlackRock Global "
            "Investors, will manage $2.8 trillion. It will have twice the assets of its rival State Street (STT.N). "
            "The company's shares are up 30 percent so far this year.")
    assert _moves(nlp, text) == [("BLK", 30.0)]


def test_the_owner_of_the_results_a_sentence_names_is_what_it_is_about(nlp) -> None:  # noqa: ANN001
    lead = "Stocks rose on Tuesday. Exxon Mobil Corp (XOM.N) shares added 1.6 percent. "
    text = lead + ("Quarterly reports start on Wednesday, with results from aluminum maker Alcoa Inc (AA.N). Its "
                   "stock gained 3.5 percent.")
    assert _moves(nlp, text) == [("XOM", 1.6), ("AA", 3.5)]
    # control: a company only named in passing beside another subject leaves 'its shares' unclear: no claim,
    # rather than Exxon's
    text = lead + ("Quarterly reports start on Wednesday, with a talk by the chief of Alcoa Inc (AA.N) in Texas. Its "
                   "stock gained 3.5 percent.")
    assert _moves(nlp, text) == [("XOM", 1.6)]


def test_the_main_clause_company_not_the_one_of_a_subordinate_clause(nlp) -> None:  # noqa: ANN001
    text = ("Intel Corp (INTC.O) shares rose 1 percent. The day after results from State Street Corp (STT.N) worried "
            "investors, quarterly profit from competitor Northern Trust Corp (NTRS.O) calmed them. The financial "
            "company's shares jumped 20 percent.")
    assert _moves(nlp, text) == [("INTC", 1.0), ("NTRS", 20.0)]
