"""Rate-policy claims on sentences we wrote, through the real spaCy pipeline: one test per phrasing family."""

from __future__ import annotations

from datetime import date, datetime

from analyzer.extract import extract_claims
from analyzer.extract.rates import horizon_for, past_period
from analyzer.records import Article, Claim

# a Wednesday evening, after a decision announced that afternoon
DECISION_DAY = datetime.fromisoformat("2019-07-31T18:30:00-04:00")
MID_MONTH = datetime.fromisoformat("2019-05-15T10:00:00-04:00")


def rate_claims(nlp, text: str, published: datetime = DECISION_DAY) -> list[Claim]:  # noqa: ANN001
    found = extract_claims([Article(id="t", text=text, published=published)], nlp)
    return [c for c in found if c.kind == "rate_policy"]


def fields(claim: Claim) -> tuple:
    return claim.bank, claim.action, claim.bp, claim.modality, claim.level, claim.session


def span(claim: Claim) -> tuple[str, str] | None:
    return (claim.horizon.start, claim.horizon.end) if claim.horizon else None


def test_decision_stated_by_the_new_level(nlp) -> None:  # noqa: ANN001
    [c] = rate_claims(nlp, "The Federal Reserve met on Wednesday. The committee's decision brought the federal "
                           "funds rate, the rate that banks charge each other on overnight loans, down to 2.25 "
                           "percent.")
    assert fields(c) == ("Fed", "cut", None, "reported", 2.25, "2019-07-31")
    # no "down"/"up": the level's own words give the direction
    [c] = rate_claims(nlp, "The Fed's move takes its key overnight rate to 2.25 percent, which is its lowest level "
                           "since 2017.")
    assert (c.action, c.level) == ("cut", 2.25)
    [c] = rate_claims(nlp, "The Fed's action takes its benchmark rate to 2.5 percent, from 2.25 percent before.")
    assert (c.action, c.level) == ("hike", 2.5)
    # a level with no direction anywhere says nothing about a move
    assert rate_claims(nlp, "The Fed's action takes its benchmark rate to 2.5 percent.") == []


def test_holds_and_the_first_decision_verb(nlp) -> None:  # noqa: ANN001
    [c] = rate_claims(nlp, "The Federal Reserve kept interest rates unchanged on Wednesday and gave no sign it was "
                           "ready to raise them, brushing aside calls for hikes from some lawmakers.")
    assert fields(c) == ("Fed", "hold", None, "reported", None, "2019-07-31")
    [c] = rate_claims(nlp, "The Fed ended its meeting on Wednesday. Its split decision leaves the policy rate at a "
                           "low 2.5 percent.")
    assert fields(c) == ("Fed", "hold", None, "reported", 2.5, "2019-07-31")


def test_bank_from_an_earlier_sentence_and_only_from_the_article(nlp) -> None:  # noqa: ANN001
    text = "The Federal Reserve closed its two-day policy meeting on Wednesday. Policymakers kept rates steady again."
    assert [(c.bank, c.action) for c in rate_claims(nlp, text)] == [("Fed", "hold")]
    # no bank named anywhere and no other country's: market commentary's policymakers are the Fed's (the corpus'
    # convention, dev/written.jsonl); with another country's bank in the story they could be anyone's
    assert [(c.bank, c.action) for c in rate_claims(nlp, "Policymakers kept rates steady again.")] == [("Fed", "hold")]
    assert rate_claims(nlp, "Brazilian policymakers met on Wednesday. Policymakers kept rates steady again.") == []
    # another country's bank named next to the reference: not the one named before
    text = "The Federal Reserve held rates steady on Wednesday. The Swiss central bank kept its rates steady too."
    assert [c.bank for c in rate_claims(nlp, text)] == ["Fed", "SNB"]  # 'the Swiss central bank' is the SNB


def test_earlier_decision_mentioned_in_passing(nlp) -> None:  # noqa: ANN001
    text = ("The Fed's decision to lower the funds rate to 2.25 percent -- a step that came after a bigger cut of "
            "half a point last month -- surprised nobody.")
    today, earlier = rate_claims(nlp, text)
    assert fields(today) == ("Fed", "cut", None, "reported", 2.25, "2019-07-31")
    assert fields(earlier) == ("Fed", "cut", 50, "reported", None, None)
    assert span(earlier) == ("2019-06-01", "2019-06-30")
    # a run of past moves is background, not a second decision, and lends its size to nothing
    [c] = rate_claims(nlp, "The Fed's decision keeps its benchmark rate at 2.5 percent, the level it reached in "
                           "December after nine straight quarter-point increases.")
    assert fields(c) == ("Fed", "hold", None, "reported", 2.5, "2019-07-31")


def test_forecasts_and_expectations_with_horizons(nlp) -> None:  # noqa: ANN001
    [c] = rate_claims(nlp, "According to analysts, the Fed's new projections mean rates will stay on hold until "
                           "well into 2021.", MID_MONTH)
    assert (c.action, c.modality, span(c)) == ("hold", "forecast", ("2019-05-15", "2021-12-31"))
    [c] = rate_claims(nlp, "In a Reuters poll, most economists said that in 2021 the Fed will raise interest rates.",
                      MID_MONTH)
    assert (c.action, c.modality, span(c)) == ("hike", "forecast", ("2021-01-01", "2021-12-31"))
    text = ("Four dealers said the Fed will cut interest rates in 2020, and three said the central bank will wait "
            "until 2021 before lowering rates.")
    assert [(c.action, span(c)) for c in rate_claims(nlp, text, MID_MONTH)] == [
        ("cut", ("2020-01-01", "2020-12-31")), ("cut", ("2021-01-01", "2021-12-31"))]
    [c] = rate_claims(nlp, "The Fed is now widely expected to cut rates by a quarter point in September.", MID_MONTH)
    assert (c.action, c.bp, c.modality, span(c)) == ("cut", 25, "expected", ("2019-09-01", "2019-09-30"))


def test_forecast_of_a_level(nlp) -> None:  # noqa: ANN001
    text = "The Federal Reserve met this week. Their median forecast was that rates would eventually settle " \
           "one-quarter point lower at 2 percent."
    assert rate_claims(nlp, text) == []  # "settle" is not a verb that says where rates go
    text = "The Federal Reserve met this week. Their median forecast was that rates would eventually bottom out " \
           "at 2 percent, one-quarter point lower."
    [c] = rate_claims(nlp, text)
    assert fields(c)[:5] == ("Fed", "cut", 25, "forecast", 2.0)
    text = ("In a Reuters poll the median forecast was for a 2 percent federal funds rate when the cycle ends, "
            "a quarter-point below the rate the Fed set on Wednesday.")
    [c] = rate_claims(nlp, text)
    assert fields(c)[:5] == ("Fed", "cut", 25, "forecast", 2.0)
    [c] = rate_claims(nlp, 'The Fed is "signalling that unless the economy weakens, they will stay at 2.25 percent," '
                           "one strategist said.")
    assert (c.action, c.modality, c.level) == ("hold", "forecast", 2.25)


def test_move_nouns_need_a_size_or_a_time(nlp) -> None:  # noqa: ANN001
    [c] = rate_claims(nlp, "The Federal Reserve held rates. The median forecast pointed to the fed funds rate "
                           "getting one more quarter-point cut by year-end.", MID_MONTH)
    assert (c.action, c.bp, c.modality, span(c)) == ("cut", 25, "forecast", ("2019-05-15", "2019-12-31"))
    [c] = rate_claims(nlp, "The Fed met in May. A December rate cut is now seen as likely.", MID_MONTH)
    assert (c.action, c.modality, span(c)) == ("cut", "expected", ("2019-12-01", "2019-12-31"))
    # the day's decision named again as the cause of a market move, and hopes with no date: no claim
    assert rate_claims(nlp, "The Fed cut rates on Wednesday. Stocks pared gains after the smaller-than-hoped "
                            "rate cut.")[1:] == []
    assert rate_claims(nlp, "The Fed met on Wednesday. Short-dated notes rallied in anticipation of further rate "
                            "reductions.") == []


def test_market_pricing_moving_is_not_a_claim(nlp) -> None:  # noqa: ANN001
    text = ("The Fed met on Wednesday. Futures markets reflected that, with the implied probability of a "
            "September rate cut climbing to 60% from 45% a day earlier.")
    assert rate_claims(nlp, text) == []
    [c] = rate_claims(nlp, "The Fed met in May. Rate futures are pricing in a 70% probability of one rate cut by "
                           "end-September.", MID_MONTH)
    assert (c.action, c.modality, span(c)) == ("cut", "expected", ("2019-05-15", "2019-09-30"))


def test_not_a_cut(nlp) -> None:  # noqa: ANN001
    text = "The dollar rose on data that supported the Federal Reserve's case for holding off on rate cuts."
    assert rate_claims(nlp, text) == []
    text = ("This decision by the Fed to lower the funds rate, the rate on overnight loans between banks, "
            "prompted big lenders to cut their own prime rate.")
    assert rate_claims(nlp, text) == []
    assert rate_claims(nlp, "Stocks rose as part of a broad effort by the Fed to lower borrowing costs.") == []


def test_no_hurry_is_a_hold_said_as_a_view(nlp) -> None:  # noqa: ANN001
    [c] = rate_claims(nlp, "Powell told senators the Fed is in no rush to lower borrowing costs again.")
    assert (c.bank, c.action, c.modality) == ("Fed", "hold", "opinion")
    [c] = rate_claims(nlp, 'Fed officials said they were "not in a hurry" to cut interest rates.')
    assert (c.action, c.modality) == ("hold", "opinion")


def test_whose_view_decides_forecast_or_expected(nlp) -> None:  # noqa: ANN001
    [c] = rate_claims(nlp, "Traders are betting that the Fed will lower rates by a quarter point in September.",
                      MID_MONTH)
    assert (c.modality, c.bp, span(c)) == ("expected", 25, ("2019-09-01", "2019-09-30"))
    [c] = rate_claims(nlp, "Most forecasters in the survey expected at least one rate cut from the Fed by "
                           "end-September.", MID_MONTH)
    assert (c.modality, span(c)) == ("forecast", ("2019-05-15", "2019-09-30"))
    [c] = rate_claims(nlp, "The Fed is seen trimming rates by a quarter point at its meeting on July 31.",
                      MID_MONTH)
    assert (c.modality, span(c)) == ("expected", ("2019-07-31", "2019-07-31"))


def test_past_expectation_gives_way_to_the_decision(nlp) -> None:  # noqa: ANN001
    text = ("Investors had widely expected the Fed to lower borrowing costs, but were caught off guard by the "
            "bold half-point move.")
    [c] = rate_claims(nlp, text)
    assert fields(c) == ("Fed", "cut", 50, "reported", None, "2019-07-31")


def test_months_and_ranges_of_past_decisions(nlp) -> None:  # noqa: ANN001
    [c] = rate_claims(nlp, "Last month Fed policymakers kept their policy rate in a 2.25%-2.50% range.")
    assert (c.action, c.session, span(c), c.level) == ("hold", None, ("2019-06-01", "2019-06-30"), 2.5)
    [c] = rate_claims(nlp, "After cutting rates by a cumulative 75 basis points between March and June, Fed "
                           "officials said they would pause.")
    assert (c.action, c.bp, c.modality, span(c)) == ("cut", 75, "reported", ("2019-03-01", "2019-06-30"))
    # a running total to date is several decisions: a cut over the span from January to publication, its summed
    # size kept as stated (the checker compares bp with one decision's size)
    [c] = rate_claims(nlp, "The Fed has already cut rates by a full percentage point since January.")
    assert (c.action, c.bp, c.session, span(c)) == ("cut", None, None, ("2019-01-01", "2019-07-31"))
    assert c.stated["cumulative_bp"] == "100"


def test_horizon_words() -> None:
    published = date(2019, 5, 15)
    assert horizon_for("until next quarter before cutting", published, "cut") == \
        horizon_for("in the third quarter", published, "cut")
    assert (horizon_for("by mid-2020", published).start, horizon_for("by mid-2020", published).end) == \
        ("2019-05-15", "2020-06-30")
    assert horizon_for("for the rest of the year", published, "hold").end == "2019-12-31"
    weekend = date(2019, 5, 19)  # a Sunday: "this week" is the week ahead
    assert (horizon_for("a small cut this week", weekend).start, horizon_for("a small cut this week", weekend).end) \
        == ("2019-05-20", "2019-05-26")
    assert horizon_for("at its meeting on Tuesday", weekend).start == "2019-05-21"
    assert horizon_for("some time soon", published) is None
    assert past_period("in September and October", published).start == "2018-09-01"
    assert past_period("last December", published).end == "2018-12-31"
    assert past_period("last week", published).start == "2019-05-06"
