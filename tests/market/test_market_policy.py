"""The federal funds target history: decisions, targets and meetings."""

from datetime import date

import pytest

from analyzer.errors import MarketDataError
from analyzer.market import MarketData, PolicyHistory


@pytest.fixture(scope="module")
def policy(market_dir) -> PolicyHistory:
    return PolicyHistory.load(market_dir)


def test_september_2025_cut(policy):
    cut = policy.decision_near(date(2025, 9, 17))
    assert cut.announced == date(2025, 9, 17) and cut.effective == date(2025, 9, 18)
    assert (cut.target_low, cut.target_high, cut.change_bp) == (4.0, 4.25, -25)
    assert cut.action == "cut" and cut.describe() == "cut 25 bp to 4.00-4.25% on 2025-09-17"
    # a story on the Friday after still finds it; one a week later does not
    assert policy.decision_near(date(2025, 9, 19)) == cut
    assert policy.decision_near(date(2025, 9, 25)) is None


def test_range_starts_2008_12_16(policy):
    d = policy.decision_near(date(2008, 12, 16), days=0)
    assert (d.target_low, d.target_high, d.change_bp) == (0.0, 0.25, -75)
    assert policy.target_on(date(2008, 12, 15)) == (1.0, 1.0)  # the last point target
    assert policy.target_on(date(2008, 12, 17)) == (0.0, 0.25)


def test_coordinated_cut_of_october_2008(policy):
    # the conference call was on 2008-10-07; the cut was announced with other central banks on 10-08
    d = policy.decision_near(date(2008, 10, 8), days=1)
    assert d.effective == date(2008, 10, 8) and d.change_bp == -50 and d.target_high == 1.5


def test_decisions_and_meetings_in_a_window(policy):
    cuts = policy.decisions_between(date(2025, 1, 1), date(2025, 12, 31))
    assert [d.announced for d in cuts] == [date(2025, 9, 17), date(2025, 10, 29), date(2025, 12, 10)]
    meetings = policy.meetings_between(date(2025, 8, 27), date(2025, 12, 31))
    assert meetings == [date(2025, 9, 17), date(2025, 10, 29), date(2025, 12, 10)]
    # a scheduled meeting without a change: the Fed held on 2025-07-30
    assert date(2025, 7, 30) in policy.meetings_between(date(2025, 7, 1), date(2025, 7, 31))
    assert policy.decisions_between(date(2025, 7, 1), date(2025, 7, 31)) == []


def test_target_and_data_end(policy):
    assert policy.target_on(date(2025, 8, 26)) == (4.25, 4.5)
    # after DFEDTARU ends (2025-11-12) the DFF-inferred December cut is used
    assert policy.target_on(date(2026, 1, 5)) == (3.5, 3.75)
    # the effective rate vouches for the history to its own last day
    assert policy.data_end == date(2026, 8, 6)
    with pytest.raises(MarketDataError, match="known only until 2026-08-06"):
        policy.target_on(date(2026, 9, 1))
    assert policy.target_on(date(1987, 10, 19)) == (7.3125, 7.3125)  # a point target in 1/16ths


def test_policy_from_market_data_is_lazy_and_cached(market_dir):
    md = MarketData.open(market_dir)
    assert md.policy is md.policy
    assert len(md.policy.decisions()) >= 100


def test_missing_files_give_an_empty_history(tmp_path):
    (tmp_path / "series").mkdir()
    policy = PolicyHistory.load(tmp_path)
    assert policy.decisions() == [] and policy.decision_near(date(2025, 9, 17)) is None
    with pytest.raises(MarketDataError):
        policy.target_on(date(2025, 9, 17))
