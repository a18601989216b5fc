"""Feeds and feed lists: RSS 0.9x/1.0/2.0 and Atom via feedparser, OPML via lxml.

feedparser is only ever handed bytes (our client fetched them, or a file held them) together with the
response headers, so it can honour the declared charset; it never fetches anything itself.
"""

from __future__ import annotations

import hashlib
import re
import warnings
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from urllib.parse import urljoin, urlsplit

import feedparser
from lxml import etree

from analyzer.errors import InputError
from analyzer.ingest.dates import parse_published
from analyzer.ingest.text import html_to_text, plain_text
from analyzer.ingest.urls import canonical_url
from analyzer.records import Article

FUTURE_TOLERANCE = timedelta(hours=26)  # clocks and zone mistakes; beyond this a date is wrong
_ENTITY_DECL = re.compile(rb"<!ENTITY", re.IGNORECASE)


@dataclass
class FeedItem:
    article: Article
    guid: str | None
    has_full_content: bool  # content:encoded / atom content rather than a summary
    note: str | None = None


@dataclass
class ParsedFeed:
    title: str | None
    items: list[FeedItem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def refuse_entity_declarations(content: bytes, where: str) -> None:
    """Refuse documents that declare entities: feeds never need them; expansion bombs always do."""
    head = content
    if content[:2] in (b"\xff\xfe", b"\xfe\xff"):
        head = content.decode("utf-16", errors="ignore").encode("utf-8")
    if _ENTITY_DECL.search(head):
        raise InputError(f"{where}: refusing a document that declares XML entities (possible entity "
                         "expansion attack)")


def looks_like_feed(content: bytes) -> bool:
    head = content[:2048].lstrip().lower()
    return any(tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf", b"<rdf", b"<channel"))


def looks_like_opml(content: bytes) -> bool:
    return b"<opml" in content[:2048].lower()


def parse_opml(content: bytes, where: str) -> list[str]:
    """Feed URLs listed in an OPML document (nested outlines included), in document order."""
    refuse_entity_declarations(content, where)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=True)
    try:
        root = etree.fromstring(content, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{where}: not a readable OPML document ({exc})") from exc
    if root is None or etree.QName(root).localname.lower() != "opml":
        raise InputError(f"{where}: not an OPML document")
    urls = []
    for outline in root.iter("outline"):
        url = outline.get("xmlUrl") or outline.get("xmlurl") or outline.get("url")
        if url and url.strip() not in urls:
            urls.append(url.strip())
    return urls


def parse_feed(content: bytes, where: str, headers: dict[str, str] | None = None,
               now: datetime | None = None) -> ParsedFeed:
    """Parse feed bytes into articles. Recoverable problems (bozo) become warnings, not failures."""
    refuse_entity_declarations(content, where)
    parsed = feedparser.parse(content, response_headers=headers or {}, sanitize_html=True,
                              resolve_relative_uris=True)
    warnings: list[str] = []
    if parsed.bozo:
        problem = parsed.get("bozo_exception")
        if not parsed.entries and not parsed.feed:
            raise InputError(f"{where}: not a readable feed ({problem})")
        warnings.append(f"malformed feed, read leniently ({problem.__class__.__name__}: {problem})")
    if not parsed.version and not parsed.entries and not parsed.feed:
        raise InputError(f"{where}: not an RSS or Atom feed")
    feed_title = plain_text(parsed.feed.get("title", "")) or None
    base = parsed.feed.get("link") or (where if where.startswith("http") else None)
    source = _outlet_name(feed_title, base)
    now = now or datetime.now(UTC)
    result = ParsedFeed(feed_title, warnings=warnings)
    for entry in parsed.entries:
        item = _item(entry, source, base, now)
        if item is not None:
            result.items.append(item)
    return result


def _outlet_name(feed_title: str | None, link: str | None) -> str | None:
    if feed_title:
        return feed_title
    if link:
        host = urlsplit(link).hostname or ""
        return host.removeprefix("www.") or None
    return None


def _item(entry: feedparser.FeedParserDict, source: str | None, base: str | None,
          now: datetime) -> FeedItem | None:
    link = entry.get("link")
    if link and base:
        link = urljoin(base, link)
    guid = entry.get("id") or None
    title = " ".join(plain_text(entry.get("title", "")).split()) or None
    full = ""
    for content in entry.get("content", []) or []:
        full = html_to_text(content.get("value", "")) if content.get("value") else ""
        if full:
            break
    summary = html_to_text(entry.get("summary", "")) if entry.get("summary") else ""
    text = full or summary or (title or "")
    if not text:
        return None
    raw_time, published, note = _item_time(entry, now)
    key = guid or canonical_url(link) or f"{title}\n{text}"
    article = Article(id="f" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:20], text=text,
                      published=published, url=link, source=source, title=title, published_raw=raw_time)
    return FeedItem(article, guid, bool(full), note)


def _item_time(entry: feedparser.FeedParserDict,
               now: datetime) -> tuple[str | None, datetime | None, str | None]:
    raw = entry.get("published") or entry.get("updated") or entry.get("created")
    if not raw:
        return None, None, "no publication date in the feed item"
    try:
        when = parse_published(raw)
    except InputError:
        with warnings.catch_warnings():  # feedparser warns about its updated->published fallback
            warnings.simplefilter("ignore", DeprecationWarning)
            parsed = entry.get("published_parsed") or entry.get("updated_parsed")
        if not parsed:
            return raw, None, f"unreadable publication date {raw!r}"
        when = datetime(*parsed[:6], tzinfo=UTC)  # feedparser normalises what it can read to UTC
    if when > now + FUTURE_TOLERANCE:
        return raw, None, f"publication date {raw!r} is in the future; not trusted"
    return raw, when, None
