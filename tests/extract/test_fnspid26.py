"""Classes of writing from an outlet the rules were never tuned on (issue 13, session 26, helper `fnspid26`): the
Nasdaq.com summaries of FNSPID. A daily-recap line that gives the direction by the sign of its percentage ('marking
a +0.5% move'), and a company we do not list that is 'higher by about 1.6%'. On sentences we wrote, through the real
spaCy pipeline; each test has controls that must give no move."""

from __future__ import annotations

from tests.written import move_claims_in as claims_in
from tests.written import of_kind


def _moves(found: list) -> list[tuple]:  # type: ignore[type-arg]
    return sorted((c.instrument.symbol or c.instrument.name, c.direction, c.change_pct, c.level)
                  for c in of_kind(found, "stock_move"))


def test_a_signed_percentage_gives_the_direction(nlp) -> None:  # noqa: ANN001
    found = claims_in(nlp, "Boeing (BA) closed at $171.20 in the latest trading session, marking a -1.2% move "
                           "from the prior day.")
    assert _moves(found) == [("BA", "down", 1.2, 171.2)]
    found = claims_in(nlp, "Boeing (BA) closed the most recent trading day at $171.20, moving +1.3% from the "
                           "previous trading session.")
    assert _moves(found) == [("BA", "up", 1.3, 171.2)]
    # a company we do not list: the signed figure is what makes the line a move at all
    found = claims_in(nlp, "Kestrel Outfitters (KSO) closed at $33.10, marking a +0.8% move from the previous day.")
    assert _moves(found) == [("Kestrel Outfitters", "up", 0.8, 33.1)]


def test_a_signed_figure_of_something_else_is_no_move(nlp) -> None:  # noqa: ANN001
    assert claims_in(nlp, "Revenue grew 5% to $3 billion, against a -2% change a year earlier.") == []
    assert claims_in(nlp, "Kestrel Outfitters said its fund returned -3.5% over the quarter.") == []
    # a range's second figure carries no sign
    found = claims_in(nlp, "Kestrel Outfitters (KSO) closed at $33.10, marking a 2-3% move from the previous day.")
    assert [c.direction for c in of_kind(found, "stock_move")] in ([], [None])


def test_an_unlisted_company_higher_or_lower_by_a_percent(nlp) -> None:  # noqa: ANN001
    found = claims_in(nlp, "In trading today Kestrel Outfitters Corp (Symbol: KSO) is up by about 0.9%, and Harbor "
                           "Lumber Inc (Symbol: HLB) is lower by about 1.6%.")
    assert _moves(found) == [("HLB", "down", 1.6, None), ("KSO", "up", 0.9, None)]
    found = claims_in(nlp, "Harbor Lumber Inc is higher by about 1.6%.")
    assert _moves(found) == [("Harbor Lumber Inc", "up", 1.6, None)]
    # a business figure higher by a percent is no share move
    assert claims_in(nlp, "Harbor Lumber's revenue is higher by about 1.6%.") == []
    assert claims_in(nlp, "Harbor Lumber's sales were up by 4% in the quarter.") == []


def test_a_symbol_label_names_the_us_ticker(nlp) -> None:  # noqa: ANN001
    # Nasdaq.com writes '(Symbol: FCX)' where others write '(NYSE: FCX)': the ticker, not a longer company's name
    found = claims_in(nlp, "In trading today Freeport-McMoran Copper & Gold (Symbol: FCX) is up about 0.9%.")
    assert [(c.instrument.symbol, c.direction, c.change_pct) for c in of_kind(found, "stock_move")] == \
        [("FCX", "up", 0.9)]
    # a label that is neither an exchange nor 'Symbol' names no listing
    found = claims_in(nlp, "Harbor Lumber Inc (Reporting: HLB) is up about 0.9%.")
    assert [c.instrument.symbol for c in of_kind(found, "stock_move")] in ([], [None])
