"""Rate-policy claims of three classes of writing the train split showed we missed: runs of moves to date ('has
lowered rates by 75 basis points since September'), pauses and 'no change' told as nouns ('an ECB pause in July',
'betting on no change in rates'), and moves said likely ('further cuts are likely this year'). Sentences we wrote,
through the real spaCy pipeline and the real checker; each class with claim-free lookalikes."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from analyzer.check import check_claims
from analyzer.extract import extract_claims
from analyzer.market import MarketData
from analyzer.records import Article, Claim

EVENING = datetime.fromisoformat("2024-12-10T18:30:00-05:00")  # a Tuesday, after the Fed's 2024 cuts of 50 and 25 bp


def rate_claims(nlp, text: str, published: datetime = EVENING) -> list[Claim]:  # noqa: ANN001
    found = extract_claims([Article(id="t", text=text, published=published)], nlp)
    return [c for c in found if c.kind == "rate_policy"]


def test_a_run_of_moves_to_date_is_one_claim_over_its_span(nlp) -> None:  # noqa: ANN001
    [run] = rate_claims(nlp, "Since September the Fed has already trimmed three-quarters of a percentage point "
                             "from its policy rate.")
    assert (run.bank, run.action, run.modality, run.session) == ("Fed", "cut", "reported", None)
    assert (run.horizon.start, run.horizon.end) == ("2024-09-01", "2024-12-10")
    # the sum is no one decision's size: kept as stated, so the checker does not compare it with each move
    assert run.bp is None and run.stated["cumulative_bp"] == "75"
    # a year given, a plural 'percentage points', several years back
    [long_run] = rate_claims(nlp, "Since September 2007 the Federal Reserve has lowered rates by 4.25 percentage "
                                  "points.",
                             datetime.fromisoformat("2008-10-31T18:00:00-04:00"))
    assert (long_run.horizon.start, long_run.horizon.end, long_run.stated["cumulative_bp"]) == (
        "2007-09-01", "2008-10-31", "425")
    # told as a total after the day's decision, in a sentence that names no bank
    decision, total = rate_claims(nlp, "The Fed cut rates on Wednesday. It was the third straight reduction, "
                                       "bringing the total since September to a full percentage point.",
                                  datetime.fromisoformat("2024-12-18T21:45:00-05:00"))
    assert (decision.session, total.session, total.horizon.start, total.stated["cumulative_bp"]) == (
        "2024-12-18", None, "2024-09-01", "100")
    # controls: no size, a month still ahead, a yield's total, a rise of prices since September
    assert rate_claims(nlp, "The Fed has lowered rates since September.") == []
    assert rate_claims(nlp, "Treasury yields have risen by 75 basis points in total since September.") == []
    assert rate_claims(nlp, "Consumer prices have risen 3 percent since September, the Fed said.") == []


def test_a_run_of_moves_is_checked_over_its_span(nlp, market_dir: Path) -> None:  # noqa: ANN001
    market = MarketData.open(market_dir)
    [run] = rate_claims(nlp, "The Fed has lowered rates by 75 basis points since September.")
    [cuts] = check_claims([run], market)
    assert cuts.verdict.verdict == "supported"  # 50 bp in September and 25 bp in November, none of them 75
    assert "add up to 75 bp" in cuts.verdict.explanation  # the run summed: 50 + 25
    [wrong_way] = rate_claims(nlp, "The Fed has raised rates by 75 basis points since September.")
    assert check_claims([wrong_way], market)[0].verdict.verdict == "contradicted"
    # a total that differs from the sum is no accusation while cuts did happen (where the run starts is loose)
    [other_total] = rate_claims(nlp, "The Fed has lowered rates by 150 basis points since September.")
    other = check_claims([other_total], market)[0].verdict
    assert other.verdict == "unverifiable" and "add up to 75 bp" in other.explanation


def test_pauses_and_no_change_told_as_nouns_are_holds(nlp) -> None:  # noqa: ANN001
    [_, talk] = rate_claims(nlp, "The ECB cut its deposit rate on Thursday. Talk of an ECB pause in January grew "
                                 "after the decision.")
    assert (talk.bank, talk.action, talk.modality) == ("ECB", "hold", "expected")
    assert (talk.horizon.start, talk.horizon.end) == ("2025-01-01", "2025-01-31")
    [extended] = rate_claims(nlp, "After a hot inflation reading, traders added to bets that the Federal "
                                  "Reserve will prolong its policy pause into March.")
    assert (extended.bank, extended.action) == ("Fed", "hold") and extended.horizon.end == "2025-03-31"
    [unchanged] = rate_claims(nlp, "Stocks were calm ahead of the Fed's decision as investors bet heavily on no "
                                   "change in interest rates.")
    assert (unchanged.bank, unchanged.action, unchanged.modality) == ("Fed", "hold", "expected")
    # controls: a pause of the market, no change in other figures, a change of rates that is not ruled out
    assert rate_claims(nlp, "After the Fed's decision, the rally took a pause in late trading.") == []
    assert rate_claims(nlp, "The Fed said there was no change in its view of the labor market.") == []
    assert rate_claims(nlp, "Mortgage lenders saw no change in mortgage rates this week.") == []


def test_moves_said_likely_are_the_speakers_forecast(nlp) -> None:  # noqa: ANN001
    [barkin] = rate_claims(nlp, "More rate cuts are likely this year, Richmond Fed President Tom Barkin said.")
    assert (barkin.bank, barkin.action, barkin.modality) == ("Fed", "cut", "forecast")
    assert (barkin.horizon.start, barkin.horizon.end) == ("2024-12-10", "2024-12-31")
    [_, lagarde] = rate_claims(nlp, "The ECB cut rates again on Thursday. ECB President Christine Lagarde said "
                                    "further cuts were likely if inflation kept easing toward the bank's 2% target.")
    assert (lagarde.bank, lagarde.action, lagarde.modality) == ("ECB", "cut", "forecast")
    # controls: likely moves of prices and of other rates, and an unlikely one is no forecast of a move
    assert rate_claims(nlp, "The Fed said further price increases are likely this year.") == []
    assert rate_claims(nlp, "Banks said further mortgage rate cuts are likely this year.") == []


def test_other_central_banks_by_their_names(nlp) -> None:  # noqa: ANN001
    [nz] = rate_claims(nlp, "The Reserve Bank of New Zealand trimmed its official cash rate on Wednesday by 50 "
                            "basis points to 3.75%.", datetime.fromisoformat("2025-02-19T03:00:00-05:00"))
    assert (nz.bank, nz.action, nz.bp, nz.level, nz.session) == (
        "Reserve Bank of New Zealand", "cut", 50, 3.75, "2025-02-19")
    # a country's central bank by its possessive: that bank, not the one the story named before
    [_, brazil] = rate_claims(nlp, "The ECB cut rates on Thursday. Brazil's central bank raised its benchmark Selic "
                                   "rate by 100 basis points on Wednesday.")
    assert (brazil.bank, brazil.action, brazil.bp) == ("Central Bank of Brazil", "hike", 100)
    # controls: a commercial bank with a central bank's kind of name is nobody's policy, and a bank we have no name
    # for is not the bank named before
    [fed] = rate_claims(nlp, "Bank of America said it expects the Fed to cut rates in June.")
    assert fed.bank == "Fed"
    assert rate_claims(nlp, "Bank of America cut its prime lending rate on Tuesday.") == []
    assert rate_claims(nlp, "The ECB cut rates on Thursday. The Bank of Tonga's central bank held its rate at "
                            "3 percent.")[1:] == []


def test_odds_raised_and_moves_priced_in_are_the_markets_expectation(nlp) -> None:  # noqa: ANN001
    summer = datetime.fromisoformat("2025-08-01T20:45:00-04:00")
    [_, odds] = rate_claims(nlp, "The Fed held rates steady on Wednesday. Traders raised the odds of a September rate "
                                 "cut to about 80% from roughly 40% a day earlier.", summer)
    assert (odds.bank, odds.action, odds.modality) == ("Fed", "cut", "expected")
    assert (odds.horizon.start, odds.horizon.end, odds.level) == ("2025-09-01", "2025-09-30", None)  # 80% is odds
    [_, priced] = rate_claims(nlp, "The Fed held rates steady on Wednesday. Futures traders moved to price in a first "
                                   "rate cut as early as March.", datetime.fromisoformat("2023-12-13T21:45:00-05:00"))
    assert (priced.action, priced.modality, priced.horizon.start, priced.horizon.end) == (
        "cut", "expected", "2024-03-01", "2024-03-31")
    # controls: good news priced in, the odds of a recession
    assert len(rate_claims(nlp, "The Fed held rates steady on Wednesday. Stocks have priced in a lot of good news.",
                           summer)) == 1
    assert len(rate_claims(nlp, "The Fed held rates steady on Wednesday. Economists raised the odds of a recession "
                                "to 40%.", summer)) == 1
    # odds with no figure state no expectation
    assert rate_claims(nlp, "An economist said this reduces the odds that the Bank of Canada will trim rates "
                            "again in March.", summer) == []


def test_wire_fractions_and_number_words_size_a_move_and_its_run(nlp) -> None:  # noqa: ANN001
    march = datetime.fromisoformat("2008-03-18T18:00:00-04:00")
    [day] = rate_claims(nlp, "The Fed cut the federal funds rate by 3/4 percentage point to 2-1/4 percent on Tuesday.",
                        march)
    assert (day.bp, day.level, day.session, day.stated["level"]) == (75, 2.25, "2008-03-18", "2-1/4")
    [words] = rate_claims(nlp, "The Fed has cut its key rate by three percentage points since last September.", march)
    assert (words.horizon.start, words.stated["cumulative_bp"]) == ("2007-09-01", "300")
    # the day's decision and the total it brings, in one sentence: two claims
    decision, total = rate_claims(nlp, "On Wednesday the Fed brought rates down a half point, to 3 percent, "
                                       "taking its total reductions since September to 2-1/4 percentage points.",
                                  datetime.fromisoformat("2008-01-30T18:00:00-05:00"))
    assert (decision.bp, decision.level, decision.session) == (50, 3.0, "2008-01-30")
    assert (total.session, total.horizon.start, total.stated["cumulative_bp"]) == (None, "2007-09-01", "225")
    # control: a fraction of a percent that is no size of a move, a price in points
    [cut] = rate_claims(nlp, "The Fed cut rates on Tuesday, and the 10-year note's yield rose 1/4 point.", march)
    assert (cut.bp, cut.session) == (None, "2008-03-18")


def test_market_commentary_that_names_no_bank_speaks_of_the_fed(nlp) -> None:  # noqa: ANN001
    [bet] = rate_claims(nlp, "Traders are betting that the central bank will cut rates by a quarter point in June.",
                        datetime.fromisoformat("2025-02-12T08:00:00-05:00"))
    assert (bet.bank, bet.action, bet.bp, bet.modality) == ("Fed", "cut", 25, "expected")
    [held] = rate_claims(nlp, "Policymakers left interest rates unchanged for a fourth straight meeting.")
    assert (held.bank, held.action, held.session) == ("Fed", "hold", "2024-12-10")
    # controls: a story about another country's central bank, and lenders' own rates
    assert rate_claims(nlp, "The Danish central bank surprised economists. Policymakers left interest rates "
                            "unchanged for a fourth straight meeting.") == []
    assert rate_claims(nlp, "Mortgage lenders cut rates by a quarter point in June.") == []


def test_a_bank_named_with_a_possessive_and_chinas_loan_prime_rate(nlp) -> None:  # noqa: ANN001
    [lpr] = rate_claims(nlp, "The People's Bank of China kept its one-year loan prime rate unchanged at 3.1% in "
                             "February, as widely expected.", datetime.fromisoformat("2025-02-20T02:00:00-05:00"))
    assert (lpr.bank, lpr.action, lpr.level) == ("PBoC", "hold", 3.1)
    # control: a U.S. bank's prime rate is no policy rate
    assert rate_claims(nlp, "Citibank kept its prime rate unchanged at 7.5% on Thursday.") == []


def test_a_cut_priced_in_for_the_meeting_next_tuesday(nlp) -> None:  # noqa: ANN001
    [priced] = rate_claims(nlp, "Rate futures fully price in a cut of 75 basis points at the Fed's policy meeting "
                                "next Tuesday.", datetime.fromisoformat("2008-03-14T18:00:00-04:00"))
    assert (priced.action, priced.bp, priced.modality) == ("cut", 75, "expected")
    assert (priced.horizon.start, priced.horizon.end) == ("2008-03-18", "2008-03-18")
    # control: a cut of prices priced in is no rate claim
    assert rate_claims(nlp, "Retailers are pricing in a steep price cut for the holidays.") == []
