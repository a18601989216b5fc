"""Rate-policy claims in the classes of writing a fresh, untuned annotation (corpora/train/rates16.jsonl) showed we
missed or misread, on sentences we wrote, through the real spaCy pipeline; each class with a control."""

from __future__ import annotations

from datetime import datetime

from analyzer.extract import extract_claims
from analyzer.records import Article, Claim

PUBLISHED = datetime.fromisoformat("2024-03-14T18:30:00-04:00")  # a Thursday evening


def rate_claims(nlp, text: str, published: datetime = PUBLISHED) -> list[Claim]:  # noqa: ANN001
    found = extract_claims([Article(id="t", text=text, published=published)], nlp)
    return [c for c in found if c.kind == "rate_policy"]


def test_a_move_put_off_to_a_time_is_expected_then(nlp) -> None:  # noqa: ANN001
    [held_off] = rate_claims(nlp, "A soft jobs report gave the Bank of Canada cover to hold off cutting rates until "
                                  "April.")
    assert (held_off.bank, held_off.action, held_off.modality, held_off.session) == ("BoC", "cut", "expected", None)
    assert (held_off.horizon.start, held_off.horizon.end) == ("2024-04-01", "2024-04-30")
    # the data, not the bank, is the subject of the verb that grants the room
    [room] = rate_claims(nlp, "Steady hiring will probably give the Fed cover to hold off raising its policy rate "
                              "until at least September.")
    assert (room.bank, room.action, room.modality) == ("Fed", "hike", "expected")
    assert (room.horizon.start, room.horizon.end) == ("2024-09-01", "2024-09-30")
    # control: put off with no time states no move (it used to be a cut reported on the story's day)
    assert rate_claims(nlp, "Robust retail sales gave Fed policymakers cover to hold off cutting rates.") == []


def test_holds_told_as_no_hurry_a_wait_or_a_move_ruled_out(nlp) -> None:  # noqa: ANN001
    # the hurry after the move and its rate ("will not cut rates in a hurry")
    [hurry] = rate_claims(nlp, "Powell told lawmakers the Fed will not cut rates in a hurry.")
    assert (hurry.bank, hurry.action) == ("Fed", "hold")
    [wait] = rate_claims(nlp, "Fed Chair Jerome Powell said any further rate hikes would have to wait until wage "
                              "growth slows.")
    assert (wait.bank, wait.action, wait.modality) == ("Fed", "hold", "opinion")
    [ruled] = rate_claims(nlp, "The Czech National Bank, which ruled out rate hikes for the near future, has "
                               "supported the crown.")
    assert (ruled.bank, ruled.action) == ("Czech National Bank", "hold")
    [pause] = rate_claims(nlp, "The data reinforced expectations that the Fed is likely to pause its rate-hiking "
                               "campaign for several months.")
    assert (pause.bank, pause.action, pause.modality) == ("Fed", "hold", "expected")
    # controls: a hurry about something else, a wait for something else
    assert rate_claims(nlp, "Toy store owners said holiday shoppers were not in a hurry to spend.") == []
    assert rate_claims(nlp, "The Fed said its review of bank capital rules would have to wait until next year.") == []


def test_expectations_given_up_or_denied_are_a_hold_expected(nlp) -> None:  # noqa: ANN001
    # as 'dimming hopes for an interest-rate cut any time soon' in the train split: no move expected, i.e. a hold
    for text in ("Stocks fell after the minutes, all but dashing hopes for a Fed rate cut this year.",
                 "Hot inflation data faded hopes for Fed rate cuts in June.",
                 "Dealers do not believe that the Fed is likely to cut rates soon."):
        [given_up] = rate_claims(nlp, text)
        assert (given_up.bank, given_up.action, given_up.modality) == ("Fed", "hold", "expected"), text
    # controls: hopes raised are an expectation; a move denied until a time is put off to it (a forecast then)
    [raised] = rate_claims(nlp, "Soft inflation data raised hopes for a Fed rate cut in June.")
    assert (raised.bank, raised.action, raised.modality) == ("Fed", "cut", "expected")
    [until] = rate_claims(nlp, "Economists do not expect the Fed to cut rates until June.")
    assert (until.action, until.modality, until.horizon.start) == ("cut", "forecast", "2024-06-01")
    # a thought about a move made is no view of one to come
    assert rate_claims(nlp, '"Honestly, I don\'t think this move from the Fed fixes the funding squeeze today," one '
                            "bond trader said.") == []


def test_a_measure_likened_to_a_move_is_no_move(nlp) -> None:  # noqa: ANN001
    assert rate_claims(nlp, '"In our view the Treasury purchases are equivalent to a Fed rate cut of 50 basis '
                            'points or so," an economist said.') == []
    # controls
    [cut] = rate_claims(nlp, "The Fed delivered a 50 basis point rate cut on Wednesday.")
    assert (cut.action, cut.bp, cut.session) == ("cut", 50.0, "2024-03-13")
    [hike] = rate_claims(nlp, "The ECB raised its deposit rate to 4 percent on Thursday.")
    assert (hike.bank, hike.action, hike.level, hike.session) == ("ECB", "hike", 4.0, "2024-03-14")


def test_a_priced_move_with_its_level(nlp) -> None:  # noqa: ANN001
    [priced] = rate_claims(nlp, "The ECB's next meeting is on April 11, where a deposit rate cut to 3.75% has been "
                                "fully priced in.")
    assert (priced.bank, priced.action, priced.modality, priced.level) == ("ECB", "cut", "expected", 3.75)
    # control: the figure of priced odds is no level
    [odds] = rate_claims(nlp, "Traders priced the odds of a Fed rate cut in June at 70%.")
    assert odds.level is None


def test_decisions_told_as_background(nlp) -> None:  # noqa: ANN001
    # a move noun owned by a past time is a decision taken then, whatever the verb above says of its effects
    [week] = rate_claims(nlp, "Analysts said last week's Bank of Canada rate cut could help home sales.")
    assert (week.bank, week.action, week.modality) == ("BoC", "cut", "reported")
    assert (week.horizon.start, week.horizon.end) == ("2024-03-04", "2024-03-10")
    # on a Sunday, "last week" is the week just ended
    sunday = datetime.fromisoformat("2024-03-17T19:00:00-04:00")
    [ended] = rate_claims(nlp, "Economists said last week's Bank of Canada rate cut could help home sales.", sunday)
    assert (ended.horizon.start, ended.horizon.end) == ("2024-03-11", "2024-03-17")
    # the perfect with no size: background, not the story's day
    [perfect] = rate_claims(nlp, "The Fed has cut its key overnight rate to almost zero and bought $1 trillion of "
                                 "Treasuries and mortgage bonds.")
    assert (perfect.action, perfect.modality, perfect.session) == ("cut", "reported", None)
    # controls: a decision story's perfect with its size is the day's decision; a potential cut is none
    [sized] = rate_claims(nlp, "The Fed has cut its main policy rate by half a percentage point.")
    assert (sized.bp, sized.session) == (50.0, "2024-03-14")


def test_the_perfect_background_cut_is_checked_as_the_latest_move(nlp, market_dir) -> None:  # noqa: ANN001
    from analyzer.check import check_claims
    from analyzer.market import MarketData

    published = datetime.fromisoformat("2009-06-10T20:00:00-04:00")
    text = "The Fed has cut its key overnight rate to almost zero and flooded banks with cash."
    [claim] = rate_claims(nlp, text, published)
    article = Article(id="t", text=text, published=published)
    [checked] = check_claims([claim], MarketData.open(market_dir), articles={"t": article})
    assert checked.verdict.verdict != "contradicted"


def test_a_bank_named_in_full_acting_on_its_policy(nlp) -> None:  # noqa: ANN001
    [ease] = rate_claims(nlp, "The European Central Bank should ease policy with great care, Bundesbank President "
                              "Joachim Nagel told a conference.")
    assert (ease.bank, ease.action, ease.modality) == ("ECB", "cut", "opinion")
    # control: a company's policy
    assert rate_claims(nlp, "The company should ease its policy on remote work, the union said.") == []


def test_a_story_led_by_another_economy_is_not_about_the_fed(nlp) -> None:  # noqa: ANN001
    text = ("Australian consumer sentiment stayed gloomy in March despite potential interest rate cuts. Economists "
            "said the result of the US election weighed on the mood, though many expect rate cuts domestically.")
    assert [c for c in rate_claims(nlp, text) if c.bank == "Fed"] == []
    # control: a story led by the US economy reads its central bank as the Fed
    [fed] = rate_claims(nlp, "U.S. consumer sentiment stayed gloomy in March. Traders bet the central bank will cut "
                             "rates in June.")
    assert (fed.bank, fed.action, fed.modality) == ("Fed", "cut", "expected")
