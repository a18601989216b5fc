"""An index move whose day or period another sentence of the article fixes (issue 12, 'wrong period';
analyzer.check.session_readings): a move since an event the sentence before dates, the move of the one month the
sentence before is about, a chronology entry's date, a finished day's move in a piece stamped minutes after the
open. Each reading holds or the claim is not read so; controls with figures no reading holds stay `contradicted`.

Facts used (from ../shared/data/market at run time): the S&P 500 closed at 2,186.48 on 2016-09-06, 5,881.63 on
2024-12-31, 6,040.53 on 2025-01-31 (January +2.70%), 5,994.57 on 2025-02-03 (-0.76%), 6,051.97 on 2025-02-12
(+176.79% from 2,186.48 on 2016-09-06). The Dow lost 225.09 points (-0.50%) to 44,368.56 on Wednesday 2025-02-12.
"""

from __future__ import annotations

from written import checked

from analyzer.records import CheckedClaim

WEDNESDAY_EVENING = "2025-02-12T18:30:00-05:00"
THURSDAY_AFTER_THE_OPEN = "2025-02-13T09:50:00-05:00"


def index_move(nlp, market, text: str, published: str = WEDNESDAY_EVENING) -> CheckedClaim:  # type: ignore[no-untyped-def]
    found = [c for c in checked(nlp, market, text, published) if c.claim.kind == "index_move"]
    assert found, text
    return found[-1]


SINCE = ("Acme's chief executive took over on September 6, 2016, and the shares have lagged since. The S&P 500 "
         "has gained {} percent since he took over.")


def test_since_the_date_the_sentence_before_names(nlp, market) -> None:  # type: ignore[no-untyped-def]
    item = index_move(nlp, market, SINCE.format("177"))
    assert item.verdict.verdict == "supported", item.verdict.explanation
    assert "the move since 2016-09-06" in item.verdict.readings
    far = index_move(nlp, market, SINCE.format("250"))  # control: no reading holds
    assert far.verdict.verdict == "contradicted", far.verdict.explanation


MONTH = ("January's fund inflows arrived despite choppy trading in stocks over that month. The benchmark S&P 500 "
         "rose {} percent.")


def test_the_month_the_sentence_before_names(nlp, market) -> None:  # type: ignore[no-untyped-def]
    item = index_move(nlp, market, MONTH.format("2.7"))
    assert item.verdict.verdict == "supported", item.verdict.explanation
    assert "the move of January 2025" in item.verdict.readings
    far = index_move(nlp, market, MONTH.format("6.5"))  # control
    assert far.verdict.verdict == "contradicted", far.verdict.explanation


ENTRY = ("A timeline of the tariff dispute. January 31 - The White House confirms the tariffs. February 3 - "
         "Canada and Mexico win a pause. Wall Street slides and the S&P 500 loses {} percent.")


def test_the_day_of_the_entry(nlp, market) -> None:  # type: ignore[no-untyped-def]
    item = index_move(nlp, market, ENTRY.format("0.76"))
    assert item.verdict.verdict == "supported", item.verdict.explanation
    assert "the session of 2025-02-03" in item.verdict.readings
    far = index_move(nlp, market, ENTRY.format("3.5"))  # control
    assert far.verdict.verdict == "contradicted", far.verdict.explanation


EARLY = "The Dow Jones industrial average lost {} points -- its biggest one-day point drop in a week."


def test_a_finished_day_early_in_the_session(nlp, market) -> None:  # type: ignore[no-untyped-def]
    item = index_move(nlp, market, EARLY.format("225"), THURSDAY_AFTER_THE_OPEN)
    assert item.verdict.verdict == "supported", item.verdict.explanation
    assert "the last finished session (2025-02-12)" in item.verdict.readings
    far = index_move(nlp, market, EARLY.format("900"), THURSDAY_AFTER_THE_OPEN)  # control
    assert far.verdict.verdict == "contradicted", far.verdict.explanation
