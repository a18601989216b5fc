"""Errors a user can act on. The CLI prints them as one line; each names the input at fault."""


class AnalyzerError(Exception):
    """Base class: an error caused by input, configuration or data, not by a bug."""


class InputError(AnalyzerError):
    """An input file, feed or article could not be read or understood."""


class MarketDataError(AnalyzerError):
    """Market data is missing or unreadable (a directory, a symbol, a date range)."""
