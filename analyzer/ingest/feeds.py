"""Feeds and feed lists: RSS 0.9x/1.0/2.0 and Atom via feedparser, OPML via lxml.

feedparser is only ever handed a stream of bytes (our client fetched them, or a file held them) together
with the response headers, so it can honour the declared charset; it never fetches or opens anything itself
(given a bare string or bytes, it would open them as a path or URL). Every string taken from a parsed feed
passes through ``clean_text``.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import re
import warnings
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import feedparser
from lxml import etree

from analyzer.errors import InputError
from analyzer.ingest.dates import parse_published
from analyzer.ingest.text import (
    MAX_LINK_CHARS,
    MAX_NAME_CHARS,
    MAX_TITLE_CHARS,
    clean_text,
    clip,
    html_to_text_noted,
    plain_text,
)
from analyzer.ingest.urls import canonical_url, host_of, join_url
from analyzer.records import Article

MAX_FEED_ELEMENTS = 100_000  # ~5 s of feedparser; the 10,000-item test feed has 60,000
MAX_FEED_REFERENCES = 150_000  # each costs feedparser ~30 us, and again in its HTML sanitiser
LENIENT_MAX_ELEMENTS = 20_000  # a malformed feed with more goes through libxml2's recovery first
FUTURE_TOLERANCE = timedelta(hours=26)  # clocks and zone mistakes; beyond this a date is wrong
_ENTITY_DECL = re.compile(rb"<!ENTITY", re.IGNORECASE)
_CHAR_REF = re.compile(r"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));?")  # the lenient parser reads them without ";" too
_CHAR_REF_BYTES = re.compile(_CHAR_REF.pattern.encode())
_TAGS = re.compile(rb"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<[?!][^>]*>|</\s*([^\s>]+)\s*>|<([^\s/>]+)[^>]*?(/?)>",
                   re.DOTALL)
_WIDE_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
              (codecs.BOM_UTF16_BE, "utf-16"))


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
        url = clean_text(outline.get("xmlUrl") or outline.get("xmlurl") or outline.get("url") or "").strip()
        if url and url not in urls:
            urls.append(url)
    return urls


def _safe_char_ref(match: re.Match) -> Any:
    hex_digits, digits = match.group(1), match.group(2)
    base = 16 if hex_digits is not None else 10
    text = hex_digits if hex_digits is not None else digits
    code = int(text, base) if len(text) <= 8 else -1  # more digits than any code point has
    if code <= 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return "&#xFFFD;" if isinstance(match.group(0), str) else b"&#xFFFD;"
    return match.group(0)


def neutralise_char_refs(content: bytes) -> bytes:
    """Character references to no character (a surrogate, beyond U+10FFFF, NUL) rewritten as U+FFFD.

    feedparser's lenient parser calls ``chr()`` on them and fails (or yields a lone surrogate); the
    replacement character keeps the item and shows where the bad reference was.
    """
    for bom, codec in _WIDE_BOMS:
        if content.startswith(bom):
            text = content.decode(codec, errors="replace")
            return _CHAR_REF.sub(_safe_char_ref, text).encode(codec)
    return _CHAR_REF_BYTES.sub(_safe_char_ref, content)


def _feedparser(content: bytes, headers: dict[str, str]) -> feedparser.FeedParserDict:
    # a stream, never bytes or str: feedparser opens a string that names a file or URL
    return feedparser.parse(io.BytesIO(content), response_headers=headers, sanitize_html=True,
                            resolve_relative_uris=True)


def drop_stray_end_tags(content: bytes) -> bytes:
    """The document without end tags that close no open element (``</width>`` in an ``<image>``).

    feedparser's lenient parser pops its element stack on every end tag it knows and fails when the
    matching start tag never came; such a tag carries nothing, so it is dropped. An end tag that closes an
    element further up closes the ones inside it, as an HTML parser would.
    """
    stack: list[bytes] = []
    kept: list[bytes] = []
    last = 0
    for match in _TAGS.finditer(content):
        end_name, start_name, self_closing = match.group(1), match.group(2), match.group(3)
        if start_name is not None:
            if not self_closing:
                stack.append(start_name.lower())
        elif end_name is not None:
            name = end_name.lower()
            if name in stack:
                while stack.pop() != name:
                    pass
            else:
                kept.append(content[last:match.start()])
                last = match.end()
    kept.append(content[last:])
    return b"".join(kept)


def _recovered(content: bytes, where: str) -> bytes:
    """The document as libxml2's recovering parser rebuilds it (the last resort: it may lose characters)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=True)
    try:
        root = etree.fromstring(content, parser=parser)
    except (etree.LxmlError, ValueError) as exc:
        raise InputError(f"{where}: not a readable feed ({exc})") from exc
    if root is None:
        raise InputError(f"{where}: not a readable feed (no element could be recovered)")
    return etree.tostring(root, encoding="utf-8", xml_declaration=True)


def _parse_leniently(content: bytes, where: str, headers: dict[str, str],
                     warnings: list[str]) -> feedparser.FeedParserDict:
    """feedparser on the bytes; where its lenient parser itself fails, on the document mended."""
    try:
        return _feedparser(content, headers)
    except Exception as exc:  # noqa: BLE001  feedparser's loose parser fails in many ways on broken XML
        first = f"{exc.__class__.__name__}: {exc}"
    try:
        parsed = _feedparser(drop_stray_end_tags(content), headers)
        how = "stray end tags dropped"
    except Exception:  # noqa: BLE001
        recovered = _recovered(content, where)
        try:
            parsed = _feedparser(recovered, {k: v for k, v in headers.items() if k.lower() != "content-type"})
            how = "rebuilt by the recovering XML parser"
        except Exception as exc:  # noqa: BLE001
            raise InputError(f"{where}: not a readable feed (the feed parser failed: {first}; and on the "
                             f"mended document: {exc.__class__.__name__}: {exc})") from exc
    warnings.append(f"malformed feed, {how} before reading (the feed parser failed: {first})")
    return parsed


def _bounded_for_feedparser(content: bytes, where: str, warnings: list[str]) -> bytes:
    """The document feedparser can read in bounded time, or InputError.

    feedparser costs about 50 us per element on a well-formed document and, on a malformed one, that
    again plus about 100 us per element in its lenient parser, which starts over: 500,000 stray ``<b>``
    tags took a minute; 500,000 ``&amp;`` took 15 s. Beyond ``MAX_FEED_ELEMENTS`` elements or
    ``MAX_FEED_REFERENCES`` references a document is refused; beyond
    ``LENIENT_MAX_ELEMENTS`` a malformed one is rebuilt by libxml2's recovering parser (C, linear) so
    that feedparser reads it once, strictly.
    """
    elements = content.count(b"<") - content.count(b"</")
    if elements > MAX_FEED_ELEMENTS:
        raise InputError(f"{where}: about {elements:,} elements, over the {MAX_FEED_ELEMENTS:,} a feed may have "
                         "(a real feed has a few thousand)")
    references = content.count(b"&")
    if references > MAX_FEED_REFERENCES:
        raise InputError(f"{where}: about {references:,} entity and character references, over the "
                         f"{MAX_FEED_REFERENCES:,} a feed may have")
    if elements <= LENIENT_MAX_ELEMENTS or content.startswith(tuple(bom for bom, _ in _WIDE_BOMS)):
        return content
    try:
        etree.fromstring(content, parser=etree.XMLParser(resolve_entities=False, no_network=True))
        return content
    except (etree.LxmlError, ValueError):
        pass
    warnings.append(f"malformed feed of about {elements:,} elements, rebuilt by the recovering XML parser "
                    "before reading")
    return _recovered(content, where)


def parse_feed(content: bytes, where: str, headers: dict[str, str] | None = None,
               now: datetime | None = None) -> ParsedFeed:
    """Parse feed bytes into articles. Recoverable problems (bozo) become warnings, not failures."""
    if not content.strip():
        raise InputError(f"{where}: empty document, not a feed")
    refuse_entity_declarations(content, where)
    warnings: list[str] = []
    content = _bounded_for_feedparser(neutralise_char_refs(content), where, warnings)
    parsed = _parse_leniently(content, where, headers or {}, warnings)
    if parsed.bozo:
        problem = parsed.get("bozo_exception")
        if not parsed.entries and not parsed.feed:
            raise InputError(f"{where}: not a readable feed ({clean_text(str(problem))})")
        warnings.append(f"malformed feed, read leniently ({problem.__class__.__name__}: {clean_text(str(problem))})")
    if not parsed.get("version") and not parsed.entries and not parsed.feed:
        raise InputError(f"{where}: not an RSS or Atom feed")
    feed_title = clip(" ".join(plain_text(_field(parsed.feed, "title")[:100_000]).split()), MAX_NAME_CHARS) or None
    base = _field(parsed.feed, "link") or (where if where.startswith("http") else None)
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
    return host_of(link)


def _field(mapping: Any, name: str) -> str:
    """A string field of a parsed feed or entry, cleaned at the door ('' when absent or not a string)."""
    value = mapping.get(name) if hasattr(mapping, "get") else None
    return clean_text(value) if isinstance(value, str) else ""


def _item_body(entry: feedparser.FeedParserDict) -> tuple[str, str, str | None]:
    """(full content, summary, a note when the markup had to be read with the plain stripper)."""
    full, note = "", None
    for content in entry.get("content", []) or []:
        value = _field(content, "value")
        if value:
            full, note = html_to_text_noted(value)
        if full:
            break
    summary, summary_note = html_to_text_noted(_field(entry, "summary"))
    return full, summary, note or (summary_note if not full else None)


def _item(entry: feedparser.FeedParserDict, source: str | None, base: str | None,
          now: datetime) -> FeedItem | None:
    link = _field(entry, "link") or None
    if link and base:
        link = join_url(base, link)
    if link and len(link) > MAX_LINK_CHARS:
        link = None  # a link cut short would be another page
    guid = _field(entry, "id").strip() or None
    if guid and len(guid) > MAX_LINK_CHARS:
        guid = "sha1:" + hashlib.sha1(guid.encode("utf-8")).hexdigest()  # the same identity, in a storable size
    title = clip(" ".join(plain_text(_field(entry, "title")[:100_000]).split()), MAX_TITLE_CHARS) or None
    full, summary, markup_note = _item_body(entry)
    text = full or summary or (title or "")
    if not text:
        return None
    raw_time, published, note = _item_time(entry, now)
    key = guid or canonical_url(link) or f"{title}\n{text}"
    article = Article(id="f" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:20], text=text,
                      published=published, url=link, source=source, title=title, published_raw=raw_time)
    note = "; ".join(n for n in (note, markup_note) if n) or None
    return FeedItem(article, guid, bool(full), note)


def _item_time(entry: feedparser.FeedParserDict,
               now: datetime) -> tuple[str | None, datetime | None, str | None]:
    with warnings.catch_warnings():  # feedparser warns about its updated->published fallback
        warnings.simplefilter("ignore", DeprecationWarning)
        raw = _field(entry, "published") or _field(entry, "updated") or _field(entry, "created")
    if not raw:
        return None, None, "no publication date in the feed item"
    try:
        when = parse_published(raw)
    except InputError:
        with warnings.catch_warnings():  # feedparser warns about its updated->published fallback
            warnings.simplefilter("ignore", DeprecationWarning)
            parsed = entry.get("published_parsed") or entry.get("updated_parsed")
        try:
            when = datetime(*parsed[:6], tzinfo=UTC)  # feedparser normalises what it can read to UTC
        except (TypeError, ValueError):
            return raw, None, f"unreadable publication date {raw!r}"
    if when > now + FUTURE_TOLERANCE:
        return raw, None, f"publication date {raw!r} is in the future; not trusted"
    return raw, when, None
