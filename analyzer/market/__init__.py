"""Market data: local directories, online providers, trading calendars and measures.

The public names other stages use are re-exported here::

    md = MarketData.open(market_dir)
    md.registry.resolve("the Dow")            # -> [InstrumentInfo(symbol="^DJI", ...)]
    session_change(md, "^DJI", date(1987, 10, 19))
    session_for(published)                    # -> SessionRef(session, intraday)
    md.policy.decision_near(date(2025, 9, 17))
"""

from analyzer.market.calendar import (
    SessionRef,
    closing_time,
    is_session,
    next_session,
    previous_session,
    session_for,
    sessions_between,
    why_not_a_session,
)
from analyzer.market.data import MarketData, PriceTrack
from analyzer.market.exceptions import DataGapError, NotASessionError, OutOfRangeError
from analyzer.market.measures import (
    Change,
    best_worst_since,
    change_for_period,
    last_close_beyond,
    month_change,
    period_change,
    record_status,
    relative_performance,
    session_change,
    session_changes,
    session_range,
    streak,
    week_change,
    year_change,
    ytd_change,
)
from analyzer.market.policy import FedDecision, PolicyHistory
from analyzer.market.registry import InstrumentInfo, InstrumentRegistry

__all__ = [
    "Change", "DataGapError", "FedDecision", "InstrumentInfo", "InstrumentRegistry", "MarketData",
    "NotASessionError", "OutOfRangeError", "PolicyHistory", "PriceTrack", "SessionRef", "best_worst_since",
    "change_for_period", "closing_time", "is_session", "month_change", "next_session", "period_change",
    "previous_session", "last_close_beyond", "record_status", "relative_performance", "session_change",
    "session_changes",
    "session_for", "session_range", "sessions_between", "streak", "week_change", "why_not_a_session",
    "year_change", "ytd_change",
]
