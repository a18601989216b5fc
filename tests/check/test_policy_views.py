"""Fed expectations and views are not decisions (issue 12's over-reading class): what officials or markets expect,
a policymaker's view of where rates should go, a move under discussion, a bank's readiness to move, a forecast given
to someone. Each is read as what it is (an expectation, a forecast, an opinion, a possibility) and is never checked
as if the Fed had decided it. Decisions stay checked: each class has a control that is a real decision, right or
wrong. Our own sentences (2006-2009 wire style and modern), the real pipeline and the real FOMC history."""

from __future__ import annotations

import pytest
from spacy.language import Language
from written import rate_rows

from analyzer.market import MarketData
from analyzer.records import CheckedClaim

# 2008: cuts on Jan 22 (75 bp), Jan 30 (50), Mar 18 (75), Apr 30 (25); none between Jan 30 and Mar 18
FRIDAY_BEFORE_MARCH_MEETING = "2008-03-14T16:30"



def verdicts(rows: list[CheckedClaim]) -> list[str]:
    return [r.verdict.verdict for r in rows]


@pytest.mark.parametrize("text", [
    "The Fed stands ready to cut rates again if the economy weakens.",
    "Bernanke signaled the Fed is prepared to lower rates further.",
    "Fed officials have signaled they are ready to cut interest rates again.",
    "The Fed has room to cut rates further, Mishkin said.",
    "The Fed's willingness to lower rates aggressively has reassured investors.",
    "Fed officials are weighing a cut of as much as a full point.",
    "Policymakers are considering cutting rates by a full point.",
    "The Fed's Bernanke on Tuesday opened the door to a rate cut.",
])
def test_a_move_the_bank_could_make_or_is_weighing_is_no_decision(nlp: Language, market: MarketData,
                                                                   text: str) -> None:
    # no decision between January 30 and March 18: read as decisions, each was called contradicted
    rows = rate_rows(nlp, market, text, FRIDAY_BEFORE_MARCH_MEETING)
    assert all(r.claim.modality != "reported" and r.verdict.verdict != "contradicted" for r in rows), \
        [(r.claim.modality, r.verdict.explanation) for r in rows]


@pytest.mark.parametrize("text", [
    "The Fed needs to cut rates, Senator Charles Schumer said.",
    "The Fed may need to raise rates to fight inflation, Charles Plosser, the Philadelphia Fed's president, said.",
    "Richmond Fed President Jeffrey Lacker said he favored holding rates steady.",
])
def test_a_view_of_what_the_fed_should_do_is_an_opinion(nlp: Language, market: MarketData, text: str) -> None:
    rows = rate_rows(nlp, market, text, FRIDAY_BEFORE_MARCH_MEETING)
    assert all(r.verdict.verdict in ("not_checkable", "unverifiable") for r in rows), \
        [r.verdict.explanation for r in rows]


def test_a_forecast_given_to_someone_reports_a_view(nlp: Language, market: MarketData) -> None:
    # the Fed cut by 75 bp on March 18 and 25 on April 30: neither is "another half point"
    said = rate_rows(nlp, market, "The Fed will likely have to cut rates by another half point, said Ian "
                     "Shepherdson, chief economist at High Frequency Economics.", FRIDAY_BEFORE_MARCH_MEETING)
    assert verdicts(said) == ["unverifiable"], [r.verdict.explanation for r in said]
    # written after the April 30 cut; the next ones were half points in October
    median = rate_rows(nlp, market, "The median forecast, however, was for another quarter-point reduction "
                       "in the fed funds target by year-end.", "2008-04-30T19:00")
    assert verdicts(median) == ["unverifiable"], [r.verdict.explanation for r in median]
    # the wire's own expectation, given to nobody, that did not come true: a view not borne out, said so, and no
    # accusation (a forecast that proved wrong is no error of fact)
    own = rate_rows(nlp, market, "The Fed is unlikely to cut rates this year.", FRIDAY_BEFORE_MARCH_MEETING)
    assert verdicts(own) == ["unverifiable"]
    assert "not borne out" in own[0].verdict.explanation and own[0].verdict.diagnosis["outcome"] == "not borne out"


def test_looking_for_a_move_is_an_expectation(nlp: Language, market: MarketData) -> None:
    # June 2008: the hike markets looked for never came; September is the coming one, not the past one
    [row] = rate_rows(nlp, market, "Lehman economists now look for the Fed to raise rates in September.",
                      "2008-06-13T16:30")
    assert row.claim.modality != "reported" and row.claim.horizon.start == "2008-09-01"
    assert row.verdict.verdict == "unverifiable"


def test_unlikely_to_raise_rules_out_a_hike_not_a_cut(nlp: Language, market: MarketData) -> None:
    [row] = rate_rows(nlp, market, "The Fed is unlikely to raise rates this year.", FRIDAY_BEFORE_MARCH_MEETING)
    assert (row.claim.action, row.claim.modality, row.verdict.verdict) == ("hold", "expected", "supported")
    # 2006-11: the Fed held through 2006 after its June hike
    [held] = rate_rows(nlp, market, "The Fed is unlikely to cut rates this year.", "2006-11-20T17:00")
    assert held.verdict.verdict == "supported"


def test_the_time_of_the_talk_is_not_the_time_of_the_move(nlp: Language, market: MarketData) -> None:
    # 'last month' dates the testimony: no cut in February 2008 makes the hint wrong
    rows = rate_rows(nlp, market, "Bernanke hinted at further rate cuts in testimony last month.",
                     FRIDAY_BEFORE_MARCH_MEETING)
    assert "contradicted" not in verdicts(rows), [r.verdict.explanation for r in rows]


def test_markets_scaling_back_expected_cuts_is_an_expectation(nlp: Language, market: MarketData) -> None:
    rows = rate_rows(nlp, market, "Markets have scaled back expected rate cuts for this year to only 38 "
                     "basis points.", "2025-02-11T05:30")
    assert [(r.claim.action, r.claim.modality) for r in rows] == [("cut", "expected")]
    assert "contradicted" not in verdicts(rows)
    # a stance said as "no rush to resume cutting" is a hold, the bank's view, not a cut that day
    [stance] = rate_rows(nlp, market, "Consumer prices posted their biggest rise in a year, backing the Fed's "
                         "view that it is in no rush to resume cutting its policy rate.", "2025-02-12T16:30")
    assert (stance.claim.action, stance.claim.modality, stance.verdict.verdict) == ("hold", "opinion", "not_checkable")


def test_decisions_stay_checked(nlp: Language, market: MarketData) -> None:
    right = rate_rows(nlp, market, "The Fed cut its benchmark rate on Tuesday by three-quarters of a point and "
                      "brought it to 2.25 percent, less than the full point many traders had expected.",
                      "2008-03-18T16:30")
    assert [(r.claim.modality, r.verdict.verdict) for r in right] == [("reported", "supported")]
    wrong = rate_rows(nlp, market, "The Fed cut its benchmark rate on Tuesday by half a point, taking it to 2.25 "
                      "percent.",
                      "2008-03-18T16:30")
    assert verdicts(wrong) == ["contradicted"]
    weighed = rate_rows(nlp, market, "Investors weighed the Fed's three-quarter-point cut on Tuesday.",
                        "2008-03-18T16:30")
    assert [(r.claim.modality, r.verdict.verdict) for r in weighed] == [("reported", "supported")]
    expected = rate_rows(nlp, market, "Stocks rallied after the Fed's widely expected three-quarter-point cut "
                         "on Tuesday.", "2008-03-18T16:30")
    assert [(r.claim.modality, r.verdict.verdict) for r in expected] == [("reported", "supported")]
    dated = rate_rows(nlp, market, "The Fed raised rates by a quarter point on Tuesday.",
                      FRIDAY_BEFORE_MARCH_MEETING)
    assert verdicts(dated) == ["contradicted"]


def test_an_undated_decision_is_read_as_the_latest_move(nlp: Language, market: MarketData) -> None:
    # no day named and no decision near the piece's day: the latest move (January 30, a cut) fits
    [speech] = rate_rows(nlp, market, "In a speech, Bernanke said the Fed cut rates aggressively to cushion "
                         "the economy.", FRIDAY_BEFORE_MARCH_MEETING)
    assert speech.verdict.verdict == "supported" and "2008-01-30" in speech.verdict.explanation
    # the hikes of 2023 are not the latest move in February 2025 (cuts), but the sentence may mean them
    late = rate_rows(nlp, market, "He conceded that the FOMC had been late in raising rates once the "
                     "pandemic ended.", "2025-02-12T16:30")
    assert "contradicted" not in verdicts(late), [r.verdict.explanation for r in late]
    # control: no hike in the two years before June 2009
    never = rate_rows(nlp, market, "Bernanke said the Fed raised rates aggressively to cool the economy.",
                      "2009-06-10T16:30")
    assert verdicts(never) == ["contradicted"]


def test_a_decision_in_a_since_clause_is_not_dated_by_it(nlp: Language, market: MarketData) -> None:
    # 'since the Fed began cutting' is the base of another move; the decision itself is undated (December 2024's cut)
    text = "Mortgage rates have barely moved since the Fed began cutting rates."
    [since] = rate_rows(nlp, market, text, "2025-02-10T15:00")
    assert since.verdict.verdict == "supported" and "2024-12-18" in since.verdict.explanation
    # controls: a day named for the decision, or a 'since' that names a time, is still read so
    assert verdicts(rate_rows(nlp, market, "The Fed cut rates on Monday.", "2025-02-10T15:00")) == \
        ["contradicted"]
    assert verdicts(rate_rows(nlp, market, "Bernanke said the Fed raised rates aggressively to cool the "
                              "economy since January.", "2009-06-10T16:30")) != ["supported"]


def test_a_decision_named_by_its_month_or_how_long_ago(nlp: Language, market: MarketData) -> None:
    rows = rate_rows(nlp, market, "The Fed trimmed its policy rate by a quarter point on Thursday, following "
                     "September's half-point reduction.", "2024-11-07T20:00")
    assert [(r.claim.bp, r.verdict.verdict) for r in rows] == [(25.0, "supported"), (50.0, "supported")]
    [december] = rate_rows(nlp, market, "The Fed's December quarter-point reduction left the range at "
                           "4.25 to 4.5 percent.", "2025-02-14T16:30")
    assert december.verdict.verdict == "supported" and "2024-12-18" in december.verdict.explanation
    [wrong] = rate_rows(nlp, market, "The Fed's December half-point reduction left the range at "
                        "4.25 to 4.5 percent.", "2025-02-14T16:30")
    assert wrong.verdict.verdict == "contradicted"
    [ago] = rate_rows(nlp, market, "The Fed slashed benchmark interest rates to near zero a year ago.",
                      "2009-12-16T18:00")
    assert ago.verdict.verdict == "supported" and "2008-12-16" in ago.verdict.explanation
    [raised] = rate_rows(nlp, market, "The Fed raised benchmark interest rates a year ago.",
                         "2009-12-16T18:00")
    assert raised.verdict.verdict == "contradicted"


def test_a_question_or_a_pledge_is_no_claim(nlp: Language, market: MarketData) -> None:
    for text in ("Will the Fed cut rates again?", "Fed officials said they are committed to cutting rates as needed."):
        rows = rate_rows(nlp, market, text, FRIDAY_BEFORE_MARCH_MEETING)
        assert rows == [], [(r.claim.modality, r.verdict.explanation) for r in rows]


def test_a_size_told_for_a_year_may_be_its_moves_added_up(nlp: Language, market: MarketData) -> None:
    # 2024: cuts of 50, 25 and 25 bp; no single cut of 100
    [year] = rate_rows(nlp, market, "The Fed lowered rates by 100 basis points last year.", "2025-02-20T16:30")
    assert year.verdict.verdict == "supported", year.verdict.explanation
    # control: no sum of 2024's cuts makes 150 bp, and no cut came near it
    [wrong] = rate_rows(nlp, market, "The Fed lowered rates by 150 basis points last year.", "2025-02-20T16:30")
    assert wrong.verdict.verdict == "contradicted"


def test_a_past_decision_told_by_the_level_it_set(nlp: Language, market: MarketData) -> None:
    # the date in the sentence is another event's; the level names the decision (2003-06-25: to 1.00%)
    text = ("As Federal Reserve chairman, Alan Greenspan slashed interest rates to an ultra-low 1 percent after the "
            "attacks that hit the United States on September 11, 2001.")
    [right] = rate_rows(nlp, market, text, "2007-09-01T14:36")
    assert right.verdict.verdict == "supported" and "2003-06-25" in right.verdict.explanation
    # control: no decision ever took the target to 0.5 percent
    [wrong] = rate_rows(nlp, market, text.replace("1 percent", "0.5 percent"), "2007-09-01T14:36")
    assert wrong.verdict.verdict == "contradicted"


def test_a_move_dated_only_by_the_run_it_belongs_to(nlp: Language, market: MarketData) -> None:
    # September 2007 to March 2008: six cuts, 300 bp in all
    text = "The Fed has cut rates aggressively, lowering its target by 3 percentage points since September."
    rows = rate_rows(nlp, market, text, "2008-03-28T16:30")
    assert rows and all(r.verdict.verdict == "supported" for r in rows), [r.verdict.explanation for r in rows]
    # control: no hike since September
    wrong = rate_rows(nlp, market, text.replace("cut rates", "raised rates").replace("lowering", "lifting"),
                      "2008-03-28T16:30")
    assert wrong and all(r.verdict.verdict == "contradicted" for r in wrong), [r.verdict.explanation for r in wrong]


def test_expectations_raised_by_data_are_the_markets_mood(nlp: Language, market: MarketData) -> None:
    # June 2008: the hike markets expected never came (cuts in October)
    rows = rate_rows(nlp, market, "Consumer prices were up 4.2 percent on the year, raising expectations the "
                     "Fed will raise rates.", "2008-06-13T10:00")
    assert rows and all(r.verdict.verdict == "unverifiable" for r in rows), [r.verdict.explanation for r in rows]
