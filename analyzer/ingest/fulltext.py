"""An article's body from a web page, with trafilatura.

Used for saved HTML files, single article URLs, and ``--full-text`` on feed items that carry only a
summary. Extraction can fail (a paywall, a page of links, a script-built page); the caller then keeps
what it had and records the reason this module gives. A page trafilatura cannot read at all (over
``MAX_EXTRACT_CHARS``, or nested deeper than libxml2 descends) is read with the plain-text stripper
instead, and the result says so in ``warning``: never an empty body in silence.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import lxml.html
from lxml import etree

from analyzer.errors import InputError
from analyzer.ingest.dates import parse_published
from analyzer.ingest.text import decode_text, strip_html, tidy
from analyzer.records import Article

# trafilatura logs every page it finds too short at WARNING: that is a result here, not an alarm
logging.getLogger("trafilatura").setLevel(logging.ERROR)

MIN_BODY_CHARS = 200  # below this a "body" is a teaser or a cookie notice, not an article
# trafilatura truncates bigger documents (12.9 MB gave 639 characters after 10 s): beyond this, strip instead
MAX_EXTRACT_CHARS = 10_000_000

_TITLE = re.compile(r"<title[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)
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
    warning: str | None = None  # the body came from the plain-text fallback, and why


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


def unreadable_for_the_extractor(markup: str) -> str | None:
    """Why trafilatura cannot read this page (too big, nested too deep for libxml2), or None."""
    if len(markup) > MAX_EXTRACT_CHARS:
        return f"page of {len(markup):,} characters is over the extractor's {MAX_EXTRACT_CHARS:,}"
    try:
        root = lxml.html.document_fromstring(markup)
        parsed = len(" ".join(root.text_content().split()))
    except (etree.ParserError, ValueError, etree.LxmlError):
        parsed = 0
    plain = len(" ".join(strip_html(markup).split()))
    if plain >= MIN_BODY_CHARS and parsed < plain // 2:
        return f"the HTML parser read {parsed:,} of its {plain:,} characters (nested too deeply)"
    return None


def _page_title(markup: str) -> str | None:
    match = _TITLE.search(markup[:200_000])
    return " ".join(strip_html(match.group(1)).split()) or None if match else None


def _fallback(markup: str, why: str) -> Extracted:
    text = strip_html(markup)
    warning = f"the extractor cannot read this page ({why}); read with the plain-text stripper"
    raw_time = page_times(markup)
    published = _published(raw_time)
    title = _page_title(markup)
    if len(text) < MIN_BODY_CHARS:
        return Extracted(None, title, raw_time, published, f"{warning}: body too short ({len(text)} characters)",
                         warning)
    return Extracted(text, title, raw_time, published, None, warning)


def _published(raw_time: str | None) -> datetime | None:
    if not raw_time:
        return None
    try:
        return parse_published(raw_time)
    except InputError:
        return None


def extract_page(markup: str | bytes, url: str | None = None) -> Extracted:
    """The main text, title and time of one web page."""
    import trafilatura  # slow to import; only runs that read pages pay for it

    if isinstance(markup, bytes):
        markup = decode_text(markup)[0]
    if not markup.strip():
        return Extracted(None, None, None, None, "empty page")
    why = unreadable_for_the_extractor(markup)
    if why is not None:
        return _fallback(markup, why)
    try:
        doc = trafilatura.bare_extraction(markup, url=url, with_metadata=True, include_comments=False,
                                          include_tables=False, favor_precision=True)
    except (ValueError, TypeError, etree.LxmlError, RecursionError) as exc:
        return _fallback(markup, f"{exc.__class__.__name__}: {exc}")
    title = tidy(doc.title) if doc is not None and doc.title else None
    raw_time = page_times(markup)
    published = _published(raw_time)
    text = tidy(doc.text) if doc is not None and doc.text else ""
    if title and text.startswith(title):
        text = text[len(title):].lstrip()  # trafilatura repeats the headline as the first line
    if len(text) < MIN_BODY_CHARS:
        reason = "no article body found" if not text else f"body too short ({len(text)} characters)"
        return Extracted(None, title, raw_time, published, reason)
    return Extracted(text, title, raw_time, published, None)


def article_from_html_file(path: Path, published: datetime | None = None) -> tuple[Article, str | None]:
    """One saved web page as an article, with the fallback warning if the extractor could not read it.

    The page's own time is used unless ``published`` is given.
    """
    from analyzer.ingest.readers import read_capped

    page = extract_page(read_capped(path))
    if page.text is None:
        raise InputError(f"{path}: {page.reason}")
    when = published or page.published
    if when is None:
        raise InputError(f"{path}: the page states no publication time (give --published)")
    article = Article(id=path.stem, text=page.text, published=when, title=page.title,
                      published_raw=page.published_raw if published is None else published.isoformat())
    return article, page.warning
