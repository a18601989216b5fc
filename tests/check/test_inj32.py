"""Session 32, helper inj32 (issue 12): readings a writer's slip must not hide behind. Our own sentences, the real
pipeline and real prices: the S&P 500 closed at 1,105.98 on Friday 2009-12-04, up 6.06 points (+0.55%), after
1,099.92 on Thursday 2009-12-03."""

from __future__ import annotations

from written import checked

from analyzer.market import MarketData

FRIDAY_EVENING = "2009-12-04T17:30:00-05:00"


def _one(nlp, market: MarketData, text: str, published: str, kind: str = "index_move"):  # noqa: ANN001, ANN202
    """The verdict of the one claim of ``kind`` the text gives."""
    [row] = [r for r in checked(nlp, market, text, published) if r.claim.kind == kind]
    return row.verdict


def _index_verdict(nlp, market: MarketData, text: str):  # noqa: ANN001, ANN202
    return _one(nlp, market, text, FRIDAY_EVENING)


def test_a_days_close_heading_the_sentence_dates_its_main_clause(nlp, market: MarketData) -> None:  # noqa: ANN001
    # Friday's figures told of Thursday's close: the words heading the sentence fix the day, as 'On Thursday,' does,
    # so the session of publication is no reading of them
    for head in ("At Thursday's close,", "In Thursday's session,"):
        verdict = _index_verdict(nlp, market, f"{head} the S&P 500 was 0.55 percent higher at "
                                              "1,105.98.")
        assert verdict.verdict == "contradicted", (head, verdict.explanation)
        assert "the session of publication" not in " ".join(verdict.readings)


def test_controls_the_right_day_and_a_day_word_of_another_clause(nlp, market: MarketData) -> None:  # noqa: ANN001
    right = _index_verdict(nlp, market, "At Friday's close, the benchmark S&P 500 was 0.55 percent higher at 1,105.98.")
    assert right.verdict == "supported", right.explanation
    # the day word stands in a clause of the news after the figure: the article's day stays a reading, no accusation
    other = _index_verdict(nlp, market, "The S&P 500 ended 0.55 percent higher at 1,105.98, helped by a report "
                                        "released at Thursday's close.")
    assert other.verdict != "contradicted", other.explanation


MONDAY_EVENING = "2008-06-30T17:30:00-04:00"  # the Nasdaq Composite closed down 0.98% on 2008-06-30


def _nasdaq(nlp, market: MarketData, text: str):  # noqa: ANN001, ANN202
    return _one(nlp, market, text, MONDAY_EVENING)


def test_a_direction_said_of_the_close_is_no_state_at_the_time_of_writing(nlp, market: MarketData) -> None:  # noqa: ANN001
    verdict = _nasdaq(nlp, market, "The Nasdaq ended the session higher, helped by a rise in the shares of Yahoo.")
    assert verdict.verdict == "contradicted", verdict.explanation
    assert "a direction at the time of writing" not in verdict.readings


def test_controls_the_close_told_right_and_a_bare_direction(nlp, market: MarketData) -> None:  # noqa: ANN001
    right = _nasdaq(nlp, market, "The Nasdaq ended the session lower, held back as Yahoo's shares fell.")
    assert right.verdict == "supported", right.explanation
    # no close word and no day word: it may tell where the index stood when the piece was written
    bare = _nasdaq(nlp, market, "The Nasdaq rose, helped by a rise in the shares of Yahoo.")
    assert bare.verdict == "unverifiable", bare.explanation
    assert "a direction at the time of writing" in bare.readings


OCTOBER_5_2007 = "2007-10-05T17:30:00-04:00"  # the Nasdaq's high that day 2,784.93; it closed higher on 2001-01-30


def _record(nlp, market: MarketData, text: str):  # noqa: ANN001, ANN202
    return _one(nlp, market, text, OCTOBER_5_2007, "record")


def test_a_level_of_the_session_beaten_by_a_close_after_the_window_is_wrong(nlp, market: MarketData) -> None:  # noqa: ANN001
    verdict = _record(nlp, market, "The Nasdaq climbed to 2,784.93 in the session, its highest level since 1998.")
    assert verdict.verdict == "contradicted", verdict.explanation
    assert "after that window, was higher still" in verdict.explanation


def test_controls_the_right_since_and_a_level_no_close_reached(nlp, market: MarketData) -> None:  # noqa: ANN001
    right = _record(nlp, market, "The Nasdaq climbed to 2,784.93 in the session, its highest level since January 2001.")
    assert right.verdict == "supported", right.explanation
    # the last close as high as the session's high fell inside the window, before it only intraday highs could
    # have reached the level: daily closes cannot settle it
    early = _record(nlp, market, "The Nasdaq climbed to 2,784.93 in the session, its highest level since 2003.")
    assert early.verdict != "contradicted", early.explanation


def test_control_a_record_level_of_an_earlier_session_is_not_this_sessions(nlp, market: MarketData) -> None:  # noqa: ANN001
    # 37.50 is August 16's level, far outside what the VIX traded on the piece's day: a record of that session,
    # never refuted by closes after the window measured from the piece's day
    rows = [r for r in checked(nlp, market, "The VIX has lost nearly 45 percent since August 16, when it rose to "
                                            "37.50, its highest in five years.", "2007-08-24T18:37:00-04:00")
            if r.claim.kind == "record"]
    assert all(r.verdict.verdict != "contradicted" for r in rows), [r.verdict.explanation for r in rows]
