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
    found = moves(nlp, "Exxon Mobil Corporation ( XOM.N ) shares closed down 22 cents at $107.54 in Tuesday's "
                       "session.")
    assert [(c.instrument.symbol, c.direction, c.change_points, c.level, c.period) for c in found] == \
        [("XOM", "down", 0.22, 107.54, "day")]
    assert [r.verdict.verdict for r in check_claims(found, market)] == ["supported"]
    found = moves(nlp, "Exxon Mobil Corporation ( XOM.N ) gained $2.18 to $107.62.",
                  datetime.fromisoformat("2025-03-06T17:00:00-05:00"))
    assert [(c.change_points, c.level) for c in found] == [(2.18, 107.62)]
    assert [r.verdict.verdict for r in check_claims(found, market)] == ["supported"]
    found = moves(nlp, "Acme Robotics Inc ( ACRB.O ) rose 1 cent in after-hours trading.")
    assert [(c.change_points, c.period) for c in found] == [(0.01, "other")]
    # controls: a per-share figure, a level and a sum in millions are no change of the price
    assert all(c.change_points is None for c in moves(nlp, "Shares of Acme Robotics Inc ( ACRB.O ) rose 3 percent "
                                                           "after the robot maker reported that profit rose 12 "
                                                           "cents a share."))
    assert [(c.change_points, c.level) for c in moves(nlp, "Shares in Acme Robotics Inc ( ACRB.O ) rose to "
                                                           "$107.62.")] == [(None, 107.62)]
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
    text = "\\*\\* Shares of Kestrel Aerospace rise 4.2% to $18.10\n\n\\*\\* During 2024, the stock gained 18.5%"
    found = moves(nlp, text)
    assert [(c.change_pct, c.period, c.session) for c in found][1:] == [(18.5, "year", "2024-12-31")]
    # controls: a year after the figure reads the same; a business figure of a year is no move
    found = moves(nlp, "Shares in Acme Robotics Inc ( ACRB.O ) fell 2% in 2024.")
    assert [(c.period, c.session) for c in found] == [("year", "2024-12-31")]
    assert moves(nlp, "In 2024, sales at Acme Robotics Inc ( ACRB.O ) rose 10%.") == []


def test_bare_company_shares_and_an_and_clause(nlp) -> None:  # noqa: ANN001
    text = ("Kestrel Aerospace said on Monday it earned $0.32 a share in the fourth quarter.\n\n"
            "The consensus had called for $0.23.\n\nCompany shares were up 2.7% late in after-hours activity.")
    found = moves(nlp, text)
    assert [(c.instrument.name, c.change_pct, c.period) for c in found] == [("Kestrel Aerospace", 2.7, "other")]
    found = moves(nlp, "Acme Robotics Inc ( ACRB.O ) lifted its forecast for robot-arm orders, and shares rose "
                       "2.6 percent.")
    assert [(c.instrument.symbol, c.change_pct) for c in found] == [("ACRB", 2.6)]
    # control: 'shares' with another word of its own is no bare 'shares' ('Sector shares were up 2%')
    assert moves(nlp, "Kestrel Aerospace reported earnings.\n\nSector shares were up 2% in recent trade.") == []


def test_the_sessions_extreme_or_open_is_intraday(nlp) -> None:  # noqa: ANN001
    found = moves(nlp, "Kestrel Aerospace Inc ( KSTA.O ) shares jumped as much as 23 percent in the morning and "
                       "later closed at $20.50, up 17.7 percent.")
    assert [(c.change_pct, c.period) for c in found] == [(23.0, "intraday"), (17.7, "day")]
    found = moves(nlp, "Exxon Mobil ( XOM.N ) opened 2 percent higher.")
    assert [(c.change_pct, c.period) for c in found] == [(2.0, "intraday")]
    # control: a week's extreme stays the week's
    found = moves(nlp, "For the week, Kestrel Aerospace Inc ( KSTA.O ) rose as much as 5 percent.")
    assert [c.period for c in found] == ["week"]


def test_a_past_weeks_moves_in_a_monday_story(nlp, market) -> None:  # noqa: ANN001
    # the week to 2025-02-28 from the close of 2025-02-21: S&P 500 -0.975%, Dow +0.951%, Russell 2000 -1.47%
    text = ("Wall Street's benchmark S&P 500 slid 1.0 percent in the week to Friday, whereas the Dow industrials "
            "rose 0.95 percent. The Russell 2000 index of smaller firms lost 1.5 percent.")
    found = moves(nlp, text, MONDAY_NOON)
    assert [(c.instrument.symbol, c.period, c.session) for c in found] == [
        ("^GSPC", "week", "2025-02-28"), ("^DJI", "week", "2025-02-28"), ("^RUT", "week", "2025-02-28")]
    assert [r.verdict.verdict for r in check_claims(found, market)] == ["supported"] * 3
    # control: the story's own week (filed Friday) keeps its session
    found = moves(nlp, text, datetime.fromisoformat("2025-02-28T17:00:00-05:00"))
    assert [c.session for c in found] == ["2025-02-28"] * 3


def test_a_tagged_names_share_words_and_an_idiom(nlp) -> None:  # noqa: ANN001
    text = ("Stock in Alcoa ( AA.N ) gained 2 percent. Shares of the Pennsylvania-based Alcoa rose $1.30 to $41.20 in "
            "New York Stock Exchange dealings and later slipped back to $40.05. Dealers speculated that Alcoa was up "
            "for grabs.")
    found = moves(nlp, text)
    # 'Stock' of 'New York Stock Exchange' is no Alcoa; a later bare 'Alcoa' is the tagged company
    assert "Stock" not in [c.instrument.name for c in found]
    assert {c.instrument.symbol for c in found} == {"AA"}
    assert (1.3, 41.2) in [(c.change_points, c.level) for c in found]
    # 'up for grabs' is no move; 'up for the week' is one
    assert not [c for c in found if c.char_start >= text.index("Dealers")]
    assert [(c.direction, c.period) for c in moves(nlp, "Norland Metals Inc. ( NRLM.N ) was up for the week.")] == \
        [("up", "week")]
