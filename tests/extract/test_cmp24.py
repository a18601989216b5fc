"""Records, runs and superlatives of the main U.S. indexes told as a group or as a causative verb's object, in
wordings found among the train split's misses (issue 13, session 24), on sentences we wrote, through the real spaCy
pipeline and, where a verdict is at stake, real closes. Each test holds one class of writing and a control."""

from __future__ import annotations

from tests.written import checked, of_kind
from tests.written import move_claims_in as claims_in

THREE = "The Dow Jones industrial average rose 1 percent, the S&P 500 gained 1.5 percent and the Nasdaq Composite " \
        "Index added 1 percent."
MAIN = ["^DJI", "^GSPC", "^IXIC"]


def _symbols(claims) -> list[str]:  # noqa: ANN001
    return sorted(c.instrument.symbol for c in claims)


def test_the_indexes_alone_in_a_story_that_names_all_three(nlp) -> None:  # noqa: ANN001
    # 'the indexes' with no word marking them as the main ones stands for the three where the story names all three
    [*found] = of_kind(claims_in(nlp, f"{THREE} The indexes posted their biggest one-day gain since March."),
                       "comparison")
    assert _symbols(found) == MAIN and {c.relation for c in found} == {"best_since"}
    # controls: a story naming two of them, or foreign indexes, gives 'the indexes' to no one
    text = "The Dow Jones industrial average and the S&P 500 fell. The indexes posted their biggest drop since March."
    assert of_kind(claims_in(nlp, text), "comparison") == []
    text = "Britain's FTSE 100 and Germany's DAX fell. The indexes posted their biggest one-day drop since March."
    assert of_kind(claims_in(nlp, text), "comparison") == []


def test_a_group_as_the_object_of_a_causative_verb(nlp, market) -> None:  # noqa: ANN001
    # 16 November 2009: the three indexes closed at their highest since early October 2008 (13 months)
    text = f"{THREE} Upbeat comments from the Fed sent the major indexes to 13-month closing highs."
    rows = [(r.claim.instrument.symbol, r.verdict.verdict) for r in checked(nlp, market, text, "2009-11-16T17:00:00")
            if r.claim.kind == "record"]
    assert sorted(rows) == [(s, "supported") for s in MAIN]
    # 'each of the major indexes' as the object
    found = of_kind(claims_in(nlp, f"{THREE} Bank results lifted each of the major indexes to their best week "
                                   "since March."), "comparison")
    assert _symbols(found) == MAIN
    # control: a sector group sent to a low is none of the main indexes
    text = f"{THREE} The selloff sent the bank indexes to 13-month lows."
    assert of_kind(claims_in(nlp, text), "record") == []


def test_a_causative_verbs_subject_is_the_cause_not_the_record(nlp) -> None:  # noqa: ANN001
    # "Strong earnings drove the Dow to a record close": the Dow's record (earnings are what drove it there)
    for text in ("Strong earnings drove the Dow Jones industrial average to a record close on Tuesday.",
                 "Upbeat results pushed the Dow Jones industrial average to a record close on Tuesday."):
        [record] = of_kind(claims_in(nlp, text), "record")
        assert record.instrument.symbol == "^DJI" and record.what == "record_close_high", text
    # control: a business figure as the object is no price record
    assert of_kind(claims_in(nlp, "Strong sales drove quarterly profit to a record high."), "record") == []


def test_record_wordings_closing_records_and_its_record(nlp) -> None:  # noqa: ANN001
    found = of_kind(claims_in(nlp, "The Dow and the S&P 500 rose on Tuesday, eking out closing records."), "record")
    assert _symbols(found) == ["^DJI", "^GSPC"] and {c.what for c in found} == {"record_close_high"}
    for text in ("Gains in banks helped drive the Dow Jones industrial average to its record on Tuesday.",
                 "Oil stocks drove the Dow Jones industrial average to yet another record above 14,000 on Tuesday."):
        [record] = of_kind(claims_in(nlp, text), "record")
        assert record.instrument.symbol == "^DJI", text
    # controls: 'its record' of something else is no record
    for text in ("The Dow Jones industrial average rose 1 percent as the company improved its record on safety.",
                 "Boeing Co. shares fell 1 percent after the company pointed to its record of on-time deliveries."):
        assert of_kind(claims_in(nlp, text), "record") == [], text


def test_a_record_in_a_relative_clause_of_something_no_instrument_names(nlp) -> None:  # noqa: ANN001
    # the relative clause is its antecedent's: the euro's, the losses', not the company named before it
    for text in ("Analyst John Smith at Goldman Sachs ( GS.N ) said the comments hurt the dollar, especially against "
                 "the euro, which earlier climbed to its highest level since early June.",
                 "Financial stocks rose on earnings from PNC Financial Services ( PNC.N ), helping the group reclaim "
                 "some of Tuesday's heavy losses that dropped the financial sector to a 14-year low."):
        assert of_kind(claims_in(nlp, text), "record") == [], text
    # controls: a relative clause of an index or of a company's shares keeps its record
    [record] = of_kind(claims_in(nlp, "The Nasdaq, which climbed to its highest close since November, rose 1 "
                                      "percent."), "record")
    assert record.instrument.symbol == "^IXIC"
    [record] = of_kind(claims_in(nlp, "Shares of Boeing Co. ( BA.N ), which fell to their lowest level since March, "
                                      "dropped 2 percent."), "record")
    assert record.instrument.symbol == "BA"
    # and one whose clause names the instrument it moved: "a rally that took the S&P 500 to a 10-month high"
    [record] = of_kind(claims_in(nlp, "Stocks fell on Monday as investors booked profits after a four-week rally that "
                                      "took the broad S&P 500 index to a 10-month high on Friday."), "record")
    assert record.instrument.symbol == "^GSPC"


def test_the_lowest_price_since(nlp) -> None:  # noqa: ANN001
    # "the lowest price since", "their lowest price in more than 10 years": a record told by the price itself
    for text in ("Microsoft Corp. ( MSFT.O ) traded as low as $17.07, the lowest price since January 1998.",
                 "Shares of Microsoft Corp. ( MSFT.O ) fell 3 percent to $17.07, their lowest price in more than 10 "
                 "years."):
        [record] = of_kind(claims_in(nlp, text), "record")
        assert (record.instrument.symbol, record.what, record.level) == ("MSFT", "lowest_since", 17.07), text
    # control: a commodity's price is no instrument's record
    assert of_kind(claims_in(nlp, "Oil prices rose 2 percent to $70 a barrel, the highest price since May."),
                   "record") == []
