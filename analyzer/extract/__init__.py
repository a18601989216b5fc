"""The extract stage: articles in, typed claims out (spaCy components registered with @Language.factory)."""

from analyzer.extract.pipeline import extract_claims, load_pipeline, model_name

__all__ = ["extract_claims", "load_pipeline", "model_name"]
