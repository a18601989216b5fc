"""The ingest stage: articles from files, feeds and pages, normalised, deduplicated and stored.

``parse_published`` and ``read_articles`` are the entry points other stages use; the feed client
and deduplication live in the modules beside this one; the store in ``analyzer.store``.
"""

from analyzer.ingest.dates import parse_published
from analyzer.ingest.readers import Problem, ReadReport, read_articles

__all__ = ["Problem", "ReadReport", "parse_published", "read_articles"]
