"""Stock and index moves in writing found on a fresh, untuned annotation file (issue 13, session 16,
corpora/train/stocks16.jsonl), on sentences we wrote, through the real spaCy pipeline and, for verdicts, the real
prices: a change in dollars or cents, a bare ticker for the company the story spelled out, a year put first, bare
'Company shares' and '..., and shares rose', the session's extreme or open, and a past week's moves in a Monday
story. Each test has controls that must keep their old reading."""

from __future__ import annotations

from datetime import datetime

from analyzer.check import check_claims
from analyzer.extract import extract_claims
from analyzer.records import Article, Claim

AFTER_CLOSE = datetime.fromisoformat("2025-03-04T17:00:00-05:00")  # a Tuesday evening
MONDAY_NOON = datetime.fromisoformat("2025-03-03T12:00:00-05:00")


def moves(nlp, text: str, published: datetime = AFTER_CLOSE) -> list[Claim]:  # noqa: ANN001
    found = extract_claims([Article(id="t", text=text, published=published)], nlp)
    return [c for c in found if c.kind in ("stock_move", "index_move")]


def test_a_change_in_dollars_or_cents(nlp, market) -> None:  # noqa: ANN001
    # XOM closed at $107.54 on 2025-03-04, 22 cents below the day before
    found = moves(nlp, "Exxon Mobil Corp ( XOM.N ) shares closed down 22 cents at $107.54 on the New York Stock "
                       "Exchange.")
    assert [(c.instrument.symbol, c.direction, c.change_points, c.level, c.period) for c in found] == \
        [("XOM", "down", 0.22, 107.54, "day")]
    assert [r.verdict.verdict for r in check_claims(found, market)] == ["supported"]
    found = moves(nlp, "Exxon Mobil ( XOM.N ) gained $2.18 to $107.62.",
                  datetime.fromisoformat("2025-03-06T17:00:00-05:00"))
    assert [(c.change_points, c.level) for c in found] == [(2.18, 107.62)]
    assert [r.verdict.verdict for r in check_claims(found, market)] == ["supported"]
    found = moves(nlp, "Acme Robotics Inc ( ACRB.O ) rose 1 cent in after-hours trading.")
    assert [(c.change_points, c.period) for c in found] == [(0.01, "other")]
    # controls: a per-share figure, a level and a sum in millions are no change of the price
    assert all(c.change_points is None for c in moves(nlp, "Acme Robotics Inc ( ACRB.O ) said profit rose 12 "
                                                           "cents a share, and its shares rose 3 percent."))
    assert [(c.change_points, c.level) for c in moves(nlp, "Exxon Mobil ( XOM.N ) shares rose to $107.62.")] == \
        [(None, 107.62)]
    assert all(c.change_points is None for c in moves(nlp, "Acme Robotics Inc ( ACRB.O ) shares rose 4 percent "
                                                           "after revenue fell $12 million."))


def test_a_bare_ticker_for_the_company_the_story_spelled_out(nlp) -> None:  # noqa: ANN001
    text = ("\\*\\* Shares of Kestrel Aerospace rise 4.2% to $18.10 in early trading\n\n"
            "\\*\\* YTD, KSTA shares have gained over 15%")
    found = moves(nlp, text)
    assert [(c.instrument.name, c.change_pct, c.period) for c in found] == \
        [("Kestrel Aerospace", 4.2, "intraday"), ("Kestrel Aerospace", 15.0, "ytd")]
    # control: letters that do not come in order from the name ('QSR' of 'Restaurant Brands') name another thing
    text = ("\\*\\* Shares of Kestrel Aerospace rise 4.2% to $18.10 in early trading\n\n"
            "\\*\\* YTD, QSR shares have gained over 15%")
    assert "Kestrel Aerospace" not in [c.instrument.name for c in moves(nlp, text)[1:]]


def test_a_year_put_first(nlp) -> None:  # noqa: ANN001
    text = "\\*\\* Shares of Kestrel Aerospace rise 4.2% to $18.10\n\n\\*\\* In 2024, the stock rose by 18.5%"
    found = moves(nlp, text)
    assert [(c.change_pct, c.period, c.session) for c in found][1:] == [(18.5, "year", "2024-12-31")]
    # controls: a year after the figure reads the same; a business figure of a year is no move
    found = moves(nlp, "Exxon Mobil ( XOM.N ) shares fell 2% in 2024.")
    assert [(c.period, c.session) for c in found] == [("year", "2024-12-31")]
    assert moves(nlp, "In 2024, revenue at Exxon Mobil ( XOM.N ) rose 10%.") == []


def test_bare_company_shares_and_an_and_clause(nlp) -> None:  # noqa: ANN001
    text = ("Kestrel Aerospace reported fourth-quarter earnings late Monday of $0.32 per diluted share.\n\n"
            "Analysts surveyed by FactSet expected $0.23.\n\nCompany shares were up 2.5% in recent after-hours "
            "activity.")
    found = moves(nlp, text)
    assert [(c.instrument.name, c.change_pct, c.period) for c in found] == [("Kestrel Aerospace", 2.5, "other")]
    found = moves(nlp, "Exxon Mobil Corp ( XOM.N ) posted a higher quarterly profit on Tuesday, and shares rose "
                       "2 percent.")
    assert [(c.instrument.symbol, c.change_pct) for c in found] == [("XOM", 2.0)]
    # control: 'shares' with another word of its own is no bare 'shares' ('Sector shares were up 2%')
    assert moves(nlp, "Kestrel Aerospace reported earnings.\n\nSector shares were up 2% in recent trade.") == []


def test_the_sessions_extreme_or_open_is_intraday(nlp) -> None:  # noqa: ANN001
    found = moves(nlp, "Shares of Kestrel Aerospace Inc ( KSTA.O ) climbed as much as 23 percent and closed at "
                       "$20, up 17.7 percent.")
    assert [(c.change_pct, c.period) for c in found] == [(23.0, "intraday"), (17.7, "day")]
    found = moves(nlp, "Exxon Mobil ( XOM.N ) opened 2 percent higher.")
    assert [(c.change_pct, c.period) for c in found] == [(2.0, "intraday")]
    # control: a week's extreme stays the week's
    found = moves(nlp, "For the week, Exxon Mobil ( XOM.N ) rose as much as 5 percent.")
    assert [c.period for c in found] == ["week"]


def test_a_past_weeks_moves_in_a_monday_story(nlp, market) -> None:  # noqa: ANN001
    # the week to 2025-02-28 from the close of 2025-02-21: S&P 500 -0.975%, Dow +0.951%, Russell 2000 -1.47%
    text = ("The S&P 500 slid 1.0 percent in the week to Friday while the Dow Jones industrial average was up 0.95 "
            "percent. The small-cap Russell 2000 lost 1.5 percent.")
    found = moves(nlp, text, MONDAY_NOON)
    assert [(c.instrument.symbol, c.period, c.session) for c in found] == [
        ("^GSPC", "week", "2025-02-28"), ("^DJI", "week", "2025-02-28"), ("^RUT", "week", "2025-02-28")]
    assert [r.verdict.verdict for r in check_claims(found, market)] == ["supported"] * 3
    # control: the story's own week (filed Friday) keeps its session
    found = moves(nlp, text, datetime.fromisoformat("2025-02-28T17:00:00-05:00"))
    assert [c.session for c in found] == ["2025-02-28"] * 3


def test_a_tagged_names_share_words_and_an_idiom(nlp) -> None:  # noqa: ANN001
    text = ("Stock in Alcoa Inc. ( AA.N ) rose 2 percent. Shares of the Pittsburgh-based Alcoa climbed $1.15 to $36.05 "
            "on the New York Stock Exchange, before falling back to $34.86. Talk that Alcoa was up for grabs grew.")
    found = moves(nlp, text)
    # 'Stock' of 'New York Stock Exchange' is no Alcoa; a later bare 'Alcoa' is the tagged company
    assert "Stock" not in [c.instrument.name for c in found]
    assert {c.instrument.symbol for c in found} == {"AA"}
    assert (1.15, 36.05) in [(c.change_points, c.level) for c in found]
    # 'up for grabs' is no move; 'up for the week' is one
    assert not [c for c in found if c.char_start >= text.index("Talk")]
    assert [(c.direction, c.period) for c in moves(nlp, "Alcoa Inc. ( AA.N ) was up for the week.")] == \
        [("up", "week")]
