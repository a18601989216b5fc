"""analyzer: reads market commentary and fact-checks its claims against real market data.

    import analyzer
    checked = analyzer.analyze(articles_or_texts, market="../shared/data/market", published=...)

The public API is re-exported here lazily (module ``__getattr__``), so ``import analyzer`` stays light: spaCy
and torch load on the first call that needs them.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

# public name -> the module that defines it
_EXPORTS = {
    "analyze": "analyzer.engine",
    "check_text": "analyzer.engine",
    "open_engine": "analyzer.engine",
    "Analysis": "analyzer.engine",
    "Failure": "analyzer.engine",
    "Article": "analyzer.records",
    "Claim": "analyzer.records",
    "CheckedClaim": "analyzer.records",
    "Verdict": "analyzer.records",
    "to_dataframe": "analyzer.report.frame",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'analyzer' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
