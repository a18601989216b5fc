"""When a wire brief's stock move happened (corpora/train/wire29.jsonl, Reuters and MT Newswires 2025-02, issue 13,
session 29), on sentences we wrote, through the real spaCy pipeline. Each test holds one class of writing and a
control."""

from __future__ import annotations

from analyzer.extract import extract_claims
from tests.written import of_kind, written_article


def _moves(nlp, text: str, published: str) -> list[tuple]:  # noqa: ANN001
    found = extract_claims([written_article(text, published)], nlp)
    return [(c.instrument.name, c.change_pct, c.period, c.session) for c in of_kind(found, "stock_move")]


def test_a_listing_abroad_in_recent_trade_is_a_moment_of_its_own_session(nlp) -> None:  # noqa: ANN001
    # stamped 21:30 New York time on a Wednesday: Thursday morning in Sydney; before: Wednesday's US close, 'day'
    text = ("Harbourline Metals told the ASX in a Thursday note that its drillers hit copper up north. Harbourline "
            "Metals shares climbed 12% in recent trade.")
    assert _moves(nlp, text, "2025-02-12T21:30:00-05:00") == [("Harbourline Metals", 12.0, "intraday", "2025-02-13")]
    # a weekday named is the one on or before the day there (before: the Thursday a week back)
    text = ("Harbourline Metals told the ASX that its drillers hit copper up north. Harbourline Metals shares "
            "climbed 12% in late-morning trade Thursday.")
    assert _moves(nlp, text, "2025-02-12T21:30:00-05:00") == [("Harbourline Metals", 12.0, "intraday", "2025-02-13")]
    # control: no exchange abroad in the piece, so the New York reading stands
    text = "Harbourline Metals said it struck copper. Harbourline Metals shares climbed 12% in recent trade."
    assert _moves(nlp, text, "2025-02-12T21:30:00-05:00") == [("Harbourline Metals", 12.0, "day", "2025-02-12")]


def test_a_quote_before_the_open_is_of_the_session_about_to_open(nlp) -> None:  # noqa: ANN001
    # 07:40 on a Tuesday: the premarket figure is Tuesday's, not Monday's close
    assert _moves(nlp, "Harbourline Metals shares were 6% lower in recent premarket activity.",
                  "2025-02-11T07:40:00-05:00") == [("Harbourline Metals", 6.0, "other", "2025-02-11")]
    # control: after hours, the session of the close before stands
    assert _moves(nlp, "Harbourline Metals shares were 6% lower in after-hours trading.",
                  "2025-02-11T18:10:00-05:00") == [("Harbourline Metals", 6.0, "other", "2025-02-11")]


def test_a_company_line_of_a_pre_open_piece_is_a_pre_open_quote(nlp) -> None:  # noqa: ANN001
    text = ("Materials stocks were edging higher pre-bell Wednesday. Harbourline Metals shares were up 3% after the "
            "miner raised its output forecast. Keystone Forge shares closed down 2% on Tuesday.")
    found = _moves(nlp, text, "2025-02-12T08:50:00-05:00")
    assert ("Harbourline Metals", 3.0, "other", "2025-02-12") in found
    # control: a close told in the same piece keeps its day
    assert ("Keystone Forge", 2.0, "day", "2025-02-11") in found
