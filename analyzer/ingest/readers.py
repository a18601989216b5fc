"""Articles from files: JSONL dumps (plain or gzip) and plain-text files.

A dump is read as a stream, one line at a time, so a 100k-article file costs the memory of one line (a
line is capped at ``MAX_LINE_BYTES``, a whole file read at once at ``MAX_FILE_BYTES``: an endless input such
as ``/dev/zero`` is cut off, not read into memory). One bad line never stops a dump: it is skipped and
reported (file:line and why) in a ``ReadReport``; only a file that cannot be read at all raises
``InputError``. Every string a line holds passes through ``clean_text`` before it is used.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from analyzer.errors import InputError
from analyzer.ingest.dates import parse_published
from analyzer.ingest.text import (
    BINARY_SHARE,
    MAX_LINK_CHARS,
    MAX_NAME_CHARS,
    MAX_TITLE_CHARS,
    binary_share,
    clean_text,
    clip,
    decode_text,
    detect_encoding,
    plain_text,
    unwrap_hard_breaks,
)
from analyzer.records import Article

log = logging.getLogger("analyzer.ingest")

JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
TEXT_SUFFIXES = (".txt",)
MAX_ID_CHARS = 200
MAX_PROBLEMS_KEPT = 1000  # a report on a broken 100k dump keeps the first problems and counts the rest
MAX_FILE_BYTES = 64 * 1024 * 1024  # a feed, page or text file read whole; the largest real feed is ~50 MB
MAX_LINE_BYTES = 16 * 1024 * 1024  # one JSONL article; longer lines are skipped, never held
MAX_SKIPPED_BYTES = 256 * 1024 * 1024  # an over-long line longer than this ends the file (an endless input)


@dataclass
class Problem:
    where: str  # "file:line" or a feed URL
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


@dataclass
class ReadReport:
    """What reading one input produced: articles read, lines skipped and warnings, with places."""

    source: str = ""
    read: int = 0
    skipped: int = 0
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def skip(self, where: str, reason: str) -> None:
        self.skipped += 1
        self._keep(self.problems, Problem(where, reason))

    def warn(self, where: str, reason: str) -> None:
        self._keep(self.warnings, Problem(where, reason))

    @staticmethod
    def _keep(bucket: list[Problem], problem: Problem) -> None:
        log.warning("%s", problem)
        if len(bucket) < MAX_PROBLEMS_KEPT:
            bucket.append(problem)


def suffix_of(path: Path) -> str:
    name = path.name.lower()
    for suffix in JSONL_SUFFIXES + TEXT_SUFFIXES + (".html", ".htm", ".opml", ".xml", ".rss", ".atom"):
        if name.endswith(suffix):
            return suffix
    return path.suffix.lower()


def read_articles(path: str | Path, published: datetime | None = None,
                  report: ReadReport | None = None) -> Iterator[Article]:
    """Stream the articles in a file.

    ``.jsonl``/``.jsonl.gz``: one article per line; the project's own shape
    ``{"id", "url", "source", "published", "title", "text"}``, the Reuters 2006-2013 dump shape
    (``body`` instead of ``text``) and TradingView items are all read. ``published`` fills in for lines
    without a time. ``.txt``: the whole file is one article, id = file stem, and ``published`` is required.
    ``.html``/``.htm``: one saved web page, its article body extracted. Bad lines go to ``report``.
    """
    path = Path(path)
    report = report if report is not None else ReadReport()
    report.source = str(path)
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not an article file")
    suffix = suffix_of(path)
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(path, published, report)
    elif suffix in TEXT_SUFFIXES:
        yield _read_text_file(path, published, report)
    elif suffix in (".html", ".htm"):
        from analyzer.ingest.fulltext import article_from_html_file
        article, warning = article_from_html_file(path, published)
        if warning:
            report.warn(str(path), warning)
        report.read += 1
        yield article
    else:
        raise InputError(f"{path}: unsupported article file type {suffix or '(none)'!r} "
                         f"(expected .jsonl, .jsonl.gz, .txt or .html)")


def _read_text_file(path: Path, published: datetime | None, report: ReadReport) -> Article:
    if published is None:
        raise InputError(f"{path}: a plain-text article needs its publication time (--published)")
    if published.tzinfo is None:
        raise InputError(f"{path}: publication time {published.isoformat()} has no time zone")
    raw = read_capped(path)
    encoding = detect_encoding(raw)
    share = binary_share(raw.decode(encoding, errors="replace"))
    if share > BINARY_SHARE:
        raise InputError(f"{path}: not a text file ({share:.0%} of its characters are control bytes or "
                         f"undecodable as {encoding}); pass a UTF-8, UTF-16 or Windows-1252 text file")
    text, encoding = decode_text(raw)
    text = text.lstrip("\ufeff").strip()
    if not text:
        raise InputError(f"{path}: the file is empty")
    if encoding not in ("utf-8", "cp1252"):
        report.warn(str(path), f"read as {encoding}")
    report.read += 1
    return Article(id=path.name[: -len(".txt")] if path.name.lower().endswith(".txt") else path.stem,
                   text=text, published=published, published_raw=published.isoformat())


def read_capped(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """A whole file's bytes, refused beyond ``limit`` (read in one bounded call, so a device that never
    ends, or a file that grows while we read, costs at most ``limit`` bytes of memory)."""
    try:
        with open(path, "rb") as stream:
            data = stream.read(limit + 1)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    if len(data) > limit:
        raise InputError(f"{path}: larger than the {limit:,}-byte limit for one file")
    return data


def _open_binary(path: Path):  # type: ignore[no-untyped-def]
    try:
        if path.name.lower().endswith(".gz"):
            return gzip.open(path, "rb")
        return open(path, "rb")
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc


def _lines(stream, path: Path, report: ReadReport) -> Iterator[tuple[int, bytes]]:  # type: ignore[no-untyped-def]
    """(line number, bytes) of each line up to ``MAX_LINE_BYTES``; a longer line is skipped and reported."""
    lineno = 0
    while True:
        raw = stream.readline(MAX_LINE_BYTES + 1)
        if not raw:
            return
        lineno += 1
        if len(raw) <= MAX_LINE_BYTES or raw.endswith(b"\n"):
            yield lineno, raw
            continue
        skipped = len(raw)
        while raw and not raw.endswith(b"\n"):
            raw = stream.readline(MAX_LINE_BYTES)
            skipped += len(raw)
            if skipped > MAX_SKIPPED_BYTES:
                raise InputError(f"{path}:{lineno}: a line of more than {MAX_SKIPPED_BYTES:,} bytes without an "
                                 "end; stopped reading (not a JSONL dump?)")
        report.skip(f"{path}:{lineno}", f"line of {skipped:,} bytes is over the {MAX_LINE_BYTES:,}-byte limit")


def _read_jsonl(path: Path, published: datetime | None, report: ReadReport) -> Iterator[Article]:
    lineno = 0
    good = 0
    with _open_binary(path) as stream:
        try:
            for lineno, raw in _lines(stream, path, report):
                if not raw.strip():
                    continue
                where = f"{path}:{lineno}"
                article = _article_from_line(raw, where, published, report)
                if article is not None:
                    good += 1
                    report.read += 1
                    yield article
        except (OSError, EOFError, zlib.error, gzip.BadGzipFile) as exc:
            raise InputError(f"{path}: unreadable after line {lineno} ({exc})") from exc
    if good == 0 and report.skipped:
        first = report.problems[0] if report.problems else None
        raise InputError(f"{path}: no line is an article ({report.skipped} bad; first: {first})")


def _article_from_line(raw: bytes, where: str, published: datetime | None,
                       report: ReadReport) -> Article | None:
    try:
        row = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        report.skip(where, f"not JSON ({exc})")
        return None
    except RecursionError:
        report.skip(where, "JSON nested too deeply to read")
        return None
    if not isinstance(row, dict):
        report.skip(where, f"a JSON {type(row).__name__}, not an object")
        return None
    row = {key: clean_text(value) if isinstance(value, str) else value for key, value in row.items()}
    try:
        return article_from_row(row, where, published, report)
    except InputError as exc:
        report.skip(where, str(exc))
        return None


def _text_field(row: dict[str, Any], *names: str) -> str | None:
    for name in names:
        value = row.get(name)
        if isinstance(value, str) and value.strip():
            return value
    return None


def article_from_row(row: dict[str, Any], where: str, published: datetime | None = None,
                     report: ReadReport | None = None) -> Article:
    """One article from a dump row in any of the shapes we read; InputError when it has no words."""
    title = _text_field(row, "title", "headline")
    title = clip(" ".join(plain_text(title[:100_000]).split()), MAX_TITLE_CHARS) if title else None
    text = _row_text(row)
    if not text:
        # flash headlines carry the news in the title alone
        if not title:
            raise InputError("no text and no title")
        text = title
    url = _text_field(row, "url", "href", "link")
    if url and len(url) > MAX_LINK_CHARS:
        url = None  # a link cut short would be another page
    raw_time = _text_field(row, "published", "ts", "date", "datetime", "time", "day")
    when = _row_time(raw_time, where, published, report)
    return Article(id=_row_id(row, url, title, text), text=text, published=when, url=url.strip() if url else None,
                   source=_row_source(row, url), title=title, published_raw=raw_time)


def _row_text(row: dict[str, Any]) -> str:
    body = _text_field(row, "text", "body", "content")
    if body is None:
        return ""
    # the Reuters dump wraps lines at a fixed width; other dumps keep their own line breaks
    return unwrap_hard_breaks(body) if "body" in row and "text" not in row else plain_text(body)


def _row_source(row: dict[str, Any], url: str | None) -> str | None:
    source = clip(_text_field(row, "source", "outlet", "publisher"), MAX_NAME_CHARS)
    if source is None and "body" in row and "day" in row and url and "reuters.com" in url:
        return "Reuters"
    return source


def _row_time(raw_time: str | None, where: str, published: datetime | None,
              report: ReadReport | None) -> datetime | None:
    if raw_time is None:
        return published
    try:
        return parse_published(raw_time)
    except InputError as exc:
        if report is not None:
            report.warn(where, f"{exc}; kept without a time")
        return published


def _row_id(row: dict[str, Any], url: str | None, title: str | None, text: str) -> str:
    article_id = _text_field(row, "id", "article_id", "guid")
    if article_id is None and isinstance(row.get("id"), int):
        article_id = str(row["id"])
    if article_id is None:
        article_id = derived_id(url, title, text)
    article_id = article_id.strip()
    if len(article_id) > MAX_ID_CHARS:  # the store's key width; the same long id always maps alike
        article_id = "a" + hashlib.sha1(article_id.encode("utf-8")).hexdigest()[:20]
    return article_id


def derived_id(url: str | None, title: str | None, text: str) -> str:
    """A stable id for an article whose source gave none: its URL, else its words."""
    key = url.strip() if url else f"{title or ''}\n{text}"
    return "a" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]


# Reuters articles from this day on (and the 1987 Reuters-21578 set) are kept for blind evaluation: code
# that develops, tunes or benchmarks on the shared newswire reads articles from before it only
RESERVED_FROM_DAY = 20100101
RESERVED_FROM = date(RESERVED_FROM_DAY // 10000, RESERVED_FROM_DAY // 100 % 100, RESERVED_FROM_DAY % 100)
EASTERN = ZoneInfo("America/New_York")


def development_articles(path: str | Path, limit: int | None = None) -> Iterator[Article]:
    """Articles of a Reuters dump dated before the reserved period, with text, in file order."""
    count = 0
    for article in read_articles(path):
        if article.published is None or article.published.astimezone(EASTERN).date() >= RESERVED_FROM:
            continue
        if not article.text.strip():
            continue
        yield article
        count += 1
        if limit is not None and count >= limit:
            return

