"""An article's body from a web page, with trafilatura.

Used for saved HTML files, single article URLs, and ``--full-text`` on feed items that carry only a
summary. Extraction can fail (a paywall, a page of links, a script-built page); the caller then keeps
what it had and records the reason this module gives.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import lxml.html
from lxml import etree

from analyzer.errors import InputError
from analyzer.ingest.dates import parse_published
from analyzer.ingest.text import tidy
from analyzer.records import Article

# trafilatura logs every page it finds too short at WARNING: that is a result here, not an alarm
logging.getLogger("trafilatura").setLevel(logging.ERROR)

MIN_BODY_CHARS = 200  # below this a "body" is a teaser or a cookie notice, not an article

# where pages state their publication time, most specific first
_TIME_XPATHS = (
    "//meta[@property='article:published_time']/@content",
    "//meta[@name='article:published_time']/@content",
    "//meta[@itemprop='datePublished']/@content",
    "//*[@itemprop='datePublished']/@datetime",
    "//meta[@name='pubdate']/@content",
    "//meta[@name='date']/@content",
    "//meta[@property='og:published_time']/@content",
    "//time[@datetime]/@datetime",
)


@dataclass
class Extracted:
    text: str | None  # None when no article body was found
    title: str | None
    published_raw: str | None
    published: datetime | None
    reason: str | None  # why text is None


def page_times(markup: str) -> str | None:
    """The publication time a page states in its metadata (full timestamps only, as written)."""
    try:
        root = lxml.html.document_fromstring(markup)
    except (etree.ParserError, ValueError):
        return None
    for xpath in _TIME_XPATHS:
        for value in root.xpath(xpath):
            value = str(value).strip()
            if len(value) > 10:  # a bare date cannot say which session the page describes
                return value
    return None


def extract_page(markup: str | bytes, url: str | None = None) -> Extracted:
    """The main text, title and time of one web page."""
    import trafilatura  # slow to import; only runs that read pages pay for it

    if isinstance(markup, bytes):
        markup = markup.decode("utf-8", errors="replace")
    if not markup.strip():
        return Extracted(None, None, None, None, "empty page")
    try:
        doc = trafilatura.bare_extraction(markup, url=url, with_metadata=True, include_comments=False,
                                          include_tables=False, favor_precision=True)
    except (ValueError, TypeError, etree.LxmlError) as exc:
        return Extracted(None, None, None, None, f"extraction failed ({exc})")
    title = tidy(doc.title) if doc is not None and doc.title else None
    raw_time = page_times(markup)
    published = None
    if raw_time:
        try:
            published = parse_published(raw_time)
        except InputError:
            published = None
    text = tidy(doc.text) if doc is not None and doc.text else ""
    if title and text.startswith(title):
        text = text[len(title):].lstrip()  # trafilatura repeats the headline as the first line
    if len(text) < MIN_BODY_CHARS:
        reason = "no article body found" if not text else f"body too short ({len(text)} characters)"
        return Extracted(None, title, raw_time, published, reason)
    return Extracted(text, title, raw_time, published, None)


def article_from_html_file(path: Path, published: datetime | None = None) -> Article:
    """One saved web page as an article; the page's own time unless ``published`` is given."""
    try:
        markup = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    page = extract_page(markup)
    if page.text is None:
        raise InputError(f"{path}: {page.reason}")
    when = published or page.published
    if when is None:
        raise InputError(f"{path}: the page states no publication time (give --published)")
    return Article(id=path.stem, text=page.text, published=when, title=page.title,
                   published_raw=page.published_raw if published is None else published.isoformat())
