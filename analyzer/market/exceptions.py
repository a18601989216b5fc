"""Market-data errors that say precisely what is missing, so a checker can explain an `unverifiable`.

All are ``MarketDataError`` (an ``AnalyzerError``): callers that only want one line can catch that.
"""

from __future__ import annotations

from datetime import date

from analyzer.errors import MarketDataError


class NotASessionError(MarketDataError):
    """The date asked about was not an NYSE trading session (a weekend or holiday)."""

    def __init__(self, symbol: str | None, day: date, reason: str) -> None:
        self.symbol, self.day, self.reason = symbol, day, reason
        subject = f"{symbol}: " if symbol else ""
        super().__init__(f"{subject}{day.isoformat()} is not a trading session: it is {reason}")


class DataGapError(MarketDataError):
    """The date was a trading session but the data has no value for it."""

    def __init__(self, symbol: str, day: date, source: str) -> None:
        self.symbol, self.day, self.source = symbol, day, source
        super().__init__(f"{symbol}: no close for {day.isoformat()} in {source} although it was an NYSE "
                         "session (a gap in the data)")


class OutOfRangeError(MarketDataError):
    """The date lies before the data starts or after it ends."""

    def __init__(self, symbol: str, day: date, first: date, last: date, source: str, what: str = "") -> None:
        self.symbol, self.day, self.first, self.last, self.source = symbol, day, first, last, source
        side = "before the data starts" if day < first else "after the data ends"
        detail = f" ({what})" if what else ""
        super().__init__(f"{symbol}: {day.isoformat()} is {side}{detail}: {source} covers "
                         f"{first.isoformat()}..{last.isoformat()}")
