"""The extract stage: articles in, typed claims out (spaCy components registered in ``factories``).

Importing the package is light: spaCy imports ``analyzer.extract.factories`` (an entry point) whenever it makes
a ``Language``, so the pipeline and its components load only when one of these names is used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from analyzer.extract.pipeline import extract_claims, load_pipeline, model_name

__all__ = ["extract_claims", "load_pipeline", "model_name"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from analyzer.extract import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'analyzer.extract' has no attribute {name!r}")
