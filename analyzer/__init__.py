"""analyzer: reads market commentary and fact-checks its claims against real market data."""

__version__ = "0.1.0"
