"""Fuzz the feed path: mutated real feeds through parse-and-store, in process, counting tracebacks.

    .venv/bin/python benchmarks/fuzz_feeds.py [--count N] [--seed S] [--start I] [--shared-data DIR]
                                              [--save DIR] [--only INDEX] [--limit-s SECONDS]

Each mutant is one of the real RSS files in ``../shared/data/news/rss`` or one of our own test feeds,
changed by one to three seeded mutations (byte flips, truncation, deleted or stray tags, character
references to no character, other encodings, deep nesting, control bytes, odd dates and links, entity
declarations, a body that is a path...). It is written to a file and read by ``Ingestor.run`` into a fresh
SQLite store in a temporary directory (no network), then read back from the store.

A mutant may be refused (an ``InputError`` with a reason naming it): that is the expected outcome for a
document that is no longer a feed. A *traceback* is anything else: an exception escaping the run, a
source that failed on an unexpected error, an article the store refused, or a mutant over the time limit.
Prints counts, the slowest mutant (by CPU time, which other load on the machine does not inflate) and
the largest memory growth of one mutant (peak RSS during it over RSS before it, sampled every 5 ms, so
C allocations in lxml and libxml2 count), with a progress line that shows the total and an ETA. Exit
code 1 when there was any traceback. ``--only INDEX`` replays one mutant (same seed) and prints its
traceback; ``--save DIR`` keeps the mutants that failed or were slow.
``--start I`` begins at mutant I, so that two processes can share one seed's mutants (0..4999, 5000..9999).
"""

from __future__ import annotations

import argparse
import codecs
import os
import random
import re
import shutil
import signal
import statistics
import sys
import tempfile
import threading
import time
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from analyzer.ingest.shared_data import shared_data_dir

REPO = Path(__file__).resolve().parent.parent
OUR_FEEDS = [REPO / "tests" / "ingest" / "data" / "shared_link_feed.xml"]
SLOW_S = 5.0  # goal: no mutant slower than this
BIG_MB = 200.0  # goal: no mutant growing memory by more than this

# Written for this harness: an Atom feed and an RSS feed using the extensions feedparser reads
# (content:encoded, media, dc, an image with width and height), so mutations reach those code paths.
ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title type="text">Fuzz wire (Atom)</title><link href="https://wire.example.com/"/>
  <updated>2025-08-26T20:00:00Z</updated><id>tag:wire.example.com,2025:feed</id>
  <author><name>Desk</name><email>desk@wire.example.com</email></author>
  <entry><title type="html">Small caps &lt;b&gt;lead&lt;/b&gt;</title><link href="/a/1" rel="alternate"/>
    <id>tag:wire.example.com,2025:1</id><published>2025-08-26T20:00:00-04:00</published>
    <updated>2025-08-26T20:05:00-04:00</updated><category term="markets"/>
    <summary type="html">&lt;p&gt;The Russell 2000 gained 0.8% on Tuesday.&lt;/p&gt;</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The Russell 2000 gained 0.8% on
    Tuesday, outpacing the S&amp;P 500, which rose 0.4%.</p><p>The Dow added 0.3%.</p></div></content></entry>
  <entry><title>Bonds rally</title><link href="https://wire.example.com/a/2"/><id>tag:wire.example.com,2025:2</id>
    <updated>2025-08-26T21:00:00Z</updated><summary>Treasury yields fell as prices rose.</summary></entry>
</feed>
"""
RSS_EXTENSIONS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
  <channel><title>Fuzz wire (RSS)</title><link>https://wire.example.com/</link><description>Test</description>
    <image><url>https://wire.example.com/logo.png</url><title>Fuzz wire</title><link>https://wire.example.com/</link>
      <width>144</width><height>40</height></image><ttl>15</ttl>
    <item><title>Stocks close higher</title><link>https://wire.example.com/s/1?utm_source=rss</link>
      <guid isPermaLink="false">fuzz-1</guid><pubDate>Tue, 26 Aug 2025 20:00:00 -0400</pubDate>
      <dc:creator>Markets desk</dc:creator><category>Markets</category>
      <description>The S&amp;P 500 rose 0.4% and the Nasdaq added 0.4%.</description>
      <content:encoded><![CDATA[<p>The S&amp;P 500 rose 0.4% on Tuesday while the Nasdaq Composite added
      0.4%.</p><p>The Dow Jones Industrial Average gained 0.3%.</p><script>alert(1)</script>]]></content:encoded>
      <media:content url="https://wire.example.com/i/1.jpg" medium="image" width="600" height="400"/>
      <enclosure url="https://wire.example.com/a/1.mp3" length="1234" type="audio/mpeg"/></item>
    <item><title>Oil slips</title><link>/s/2</link><guid>https://wire.example.com/s/2</guid>
      <pubDate>26 Aug 2025 16:30 EDT</pubDate><description>Crude oil fell 1.2% to $63.25 a barrel.</description></item>
  </channel>
</rss>
"""

FEED_TAGS = [b"width", b"height", b"title", b"link", b"item", b"channel", b"image", b"url", b"description",
             b"guid", b"pubDate", b"author", b"category", b"enclosure", b"source", b"content:encoded",
             b"media:content", b"dc:creator", b"rss", b"feed", b"entry", b"summary", b"updated", b"published",
             b"id", b"name", b"email", b"textinput", b"cloud", b"ttl", b"content", b"div", b"p", b"br"]
CHAR_REFS = [b"&#xD800;", b"&#xDFFF;", b"&#x110000;", b"&#0;", b"&#1;", b"&#99999999999;", b"&#x1F600;",
             b"&#x" + b"F" * 50 + b";", b"&#" + b"9" * 5000 + b";", b"&amp;", b"&unknown;", b"&", b"&#;",
             b"&#x85;", b"&#xFFFE;", b"&lt;script&gt;", b"&#8232;"]
CONTROL_BYTES = [b"\x00", b"\x01", b"\x08", b"\x0b", b"\x1b", b"\x7f", b"\xed\xa0\x80", b"\xc0\x80", b"\xff\xfe",
                 b"\xef\xbf\xbf", b"\x85", b"\xe2\x80\xa8", b"\r", b"\x80\x81"]
ODD_DATES = [b"9999-12-31T23:59:59-23:59", b"0001-01-01T00:00:00+23:59", b"Tue, 32 Foo 2025 25:61:00 +9999",
             b"2025-02-30", b"0000-00-00", b"1" * 300, b"Tue, 26 Aug 2025 20:00:00 -0400" * 20, b"", b"tomorrow",
             b"26 August 2025 8:00 PM ET", b"\xed\xa0\x80", b"2025-08-26T20:00:00+99:00", b"-1"]
ODD_LINKS = [b"http://[::1/story", b"javascript:alert(1)", b"http://" + b"a" * 5000 + b".com/", b"file:///etc/passwd",
             b"//example.com/x", b"http://exa mple.com:99999/", b"http://\xed\xa0\x80/", b"/dev/zero", b"",
             b"http://[fe80::1%25eth0]/x", b"https://example.com/?" + b"&a=1" * 2000, b"mailto:x@example.com"]
WHOLE = [b"", b"   \n", b"/dev/zero", b"/etc/passwd", b"<rss/>", b"<feed/>", b"<?xml version='1.0'?>", b"\xff\xfe",
         b"<rss version='2.0'><channel></channel></rss>", b"\x1f\x8b\x08\x00\x00\x00\x00\x00"]
_TAG = re.compile(rb"</?[A-Za-z][^<>]{0,200}>")
_DECL = re.compile(rb"<\?xml[^>]*\?>")


def _positions(doc: bytes, rng: random.Random, count: int) -> list[int]:
    return sorted(rng.randrange(len(doc) + 1) for _ in range(count)) if doc else [0] * count


def _insert_all(doc: bytes, rng: random.Random, pieces: list[bytes], count: int) -> bytes:
    out, last = [], 0
    for pos in _positions(doc, rng, count):
        out += [doc[last:pos], rng.choice(pieces)]
        last = pos
    return b"".join(out) + doc[last:]


def flip_bytes(doc: bytes, rng: random.Random) -> bytes:
    data = bytearray(doc)
    for _ in range(rng.randint(1, 32)):
        if data:
            data[rng.randrange(len(data))] = rng.randrange(256)
    return bytes(data)


def truncate(doc: bytes, rng: random.Random) -> bytes:
    return doc[:rng.randrange(len(doc) + 1)]


def delete_tags(doc: bytes, rng: random.Random) -> bytes:
    tags = list(_TAG.finditer(doc))
    for match in sorted(rng.sample(tags, min(len(tags), rng.randint(1, 8))), key=lambda m: -m.start()):
        doc = doc[:match.start()] + doc[match.end():]
    return doc


def stray_tags(doc: bytes, rng: random.Random) -> bytes:
    pieces = [b"</" + t + b">" for t in FEED_TAGS] + [b"<" + t + b">" for t in FEED_TAGS]
    return _insert_all(doc, rng, pieces, rng.randint(1, 6))


def char_refs(doc: bytes, rng: random.Random) -> bytes:
    return _insert_all(doc, rng, CHAR_REFS, rng.randint(1, 10))


def control_bytes(doc: bytes, rng: random.Random) -> bytes:
    return _insert_all(doc, rng, CONTROL_BYTES, rng.randint(1, 10))


def reencode(doc: bytes, rng: random.Random) -> bytes:
    text = doc.decode("utf-8", errors="replace")
    choice = rng.randrange(8)
    if choice == 0:
        return text.encode("utf-16")  # with a BOM
    if choice == 1:
        return text.encode(rng.choice(["utf-16-le", "utf-16-be"]))  # without one
    if choice == 2:
        return text.encode("utf-32")
    if choice == 3:
        return codecs.BOM_UTF8 + doc
    if choice == 4:  # Windows-1252 bytes under the UTF-8 declaration
        return text.encode("cp1252", errors="replace")
    if choice == 5:
        name = rng.choice([b"x-unknown", b"ebcdic-cp-us", b"utf-7", b"iso-2022-jp", b"", b"utf-16"])
        return _DECL.sub(b'<?xml version="1.0" encoding="' + name + b'"?>', doc, count=1)
    if choice == 6:
        return text.encode("cp500", errors="replace")  # EBCDIC
    return _DECL.sub(b"", doc, count=1).decode("utf-8", errors="replace").encode("latin-1", errors="replace")


def nest(doc: bytes, rng: random.Random) -> bytes:
    depth = rng.choice([50, 256, 300, 1000, 5000])
    if rng.random() < 0.5:  # escaped HTML inside a description: the item text parser meets it
        inner = b"&lt;div&gt;" * depth + b"Stocks rose 1%." + b"&lt;/div&gt;" * depth
        return doc.replace(b"<description>", b"<description>" + inner, 1)
    tag = rng.choice([b"div", b"item", b"title", b"x"])
    inner = (b"<" + tag + b">") * depth + b"deep" + (b"</" + tag + b">") * depth
    pos = rng.choice([m.end() for m in _TAG.finditer(doc)] or [0])
    return doc[:pos] + inner + doc[pos:]


def duplicate_chunk(doc: bytes, rng: random.Random) -> bytes:
    if not doc:
        return doc
    start = rng.randrange(len(doc))
    chunk = doc[start:start + rng.randint(1, 4000)]
    pos = rng.randrange(len(doc) + 1)
    return doc[:pos] + chunk * rng.randint(1, 20) + doc[pos:]


def huge_value(doc: bytes, rng: random.Random) -> bytes:
    size = rng.choice([10_000, 200_000, 2_000_000])
    filler = rng.choice([b"a", b"Stocks rose 1%. ", b"&amp;", b"<b>", b" "]) * (size // 4)
    target = rng.choice([b"<title>", b"<description>", b"<guid>", b"<link>"])
    return doc.replace(target, target + filler, 1)


def odd_dates(doc: bytes, rng: random.Random) -> bytes:
    return re.sub(rb"(<(pubDate|published|updated)>)[^<]*", lambda m: m.group(1) + rng.choice(ODD_DATES), doc)


def odd_links(doc: bytes, rng: random.Random) -> bytes:
    def swap(match: re.Match) -> bytes:
        return match.group(1) + rng.choice(ODD_LINKS) if rng.random() < 0.5 else match.group(0)
    doc = re.sub(rb"(<link>)[^<]*", swap, doc)
    return re.sub(rb'(<link href=")[^"]*', swap, doc)


def entity_declaration(doc: bytes, rng: random.Random) -> bytes:
    decl = b'<!DOCTYPE rss [<!ENTITY a "' + b"x" * rng.randint(1, 100) + b'"><!ENTITY b "&a;&a;&a;">]>'
    return _DECL.sub(lambda m: m.group(0) + decl, doc, count=1) if _DECL.search(doc) else decl + doc


def whole(doc: bytes, rng: random.Random) -> bytes:
    return rng.choice(WHOLE)


MUTATORS: dict[str, Callable[[bytes, random.Random], bytes]] = {
    f.__name__: f for f in (flip_bytes, truncate, delete_tags, stray_tags, char_refs, control_bytes, reencode, nest,
                            duplicate_chunk, huge_value, odd_dates, odd_links, entity_declaration, whole)
}
WEIGHTS = {"whole": 0.2, "entity_declaration": 0.3, "huge_value": 0.3}


def mutant(bases: list[tuple[str, bytes]], seed: int, index: int) -> tuple[str, list[str], bytes]:
    """The ``index``-th mutant of a seed: (base name, mutations applied, bytes). Reproducible by index."""
    rng = random.Random(f"{seed}:{index}")
    name, doc = rng.choice(bases)
    names = list(MUTATORS)
    chosen = rng.choices(names, weights=[WEIGHTS.get(n, 1.0) for n in names], k=rng.randint(1, 3))
    for mutation in chosen:
        doc = MUTATORS[mutation](doc, rng)
    return name, chosen, doc


def load_bases(shared_data: Path) -> list[tuple[str, bytes]]:
    rss_dir = shared_data / "news" / "rss"
    bases = [(p.name, p.read_bytes()) for p in sorted(rss_dir.glob("*.xml"))]
    if not bases:
        raise SystemExit(f"no RSS files in {rss_dir} (give --shared-data)")
    bases += [(p.name, p.read_bytes()) for p in OUR_FEEDS if p.exists()]
    bases += [("atom (ours)", ATOM), ("rss extensions (ours)", RSS_EXTENSIONS)]
    return bases


class MemoryWatch:
    """Peak resident memory of this process, sampled every 5 ms by a thread."""

    def __init__(self) -> None:
        self._page = os.sysconf("SC_PAGE_SIZE")
        self.peak = self.now()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def now(self) -> int:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1]) * self._page

    def _sample(self) -> None:
        while not self._stop.wait(0.005):
            self.peak = max(self.peak, self.now())

    def reset(self) -> int:
        current = self.now()
        self.peak = current
        return current

    def close(self) -> None:
        self._stop.set()
        self._thread.join()


@dataclass
class Outcome:
    index: int
    base: str
    mutations: list[str]
    kind: str  # read | refused | traceback
    seconds: float  # wall clock
    grown_mb: float
    detail: str = ""
    cpu_seconds: float = 0.0  # this process's CPU time: the figure that a busy machine does not inflate


@dataclass
class FuzzReport:
    count: int
    seed: int
    outcomes: list[Outcome] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def tracebacks(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.kind == "traceback"]

    @property
    def slowest(self) -> Outcome:
        return max(self.outcomes, key=lambda o: o.cpu_seconds)

    @property
    def biggest(self) -> Outcome:
        return max(self.outcomes, key=lambda o: o.grown_mb)


class _TooSlow(BaseException):
    """Raised by the alarm in a mutant over the time limit (BaseException: no handler may swallow it)."""


def empty_store(path: Path) -> Path:
    """A new store's file, created once: each mutant starts from a copy (schema creation is slow)."""
    from analyzer.store import Store

    Store.open(str(path)).close()
    return path


def run_one(path: Path, db_dir: Path, template: Path) -> tuple[str, str]:
    """Parse and store one file into a fresh store, read it back; (kind, detail)."""
    from analyzer.ingest.pipeline import Ingestor
    from analyzer.store import Store

    shutil.copy(template, db_dir / "fuzz.db")
    store = Store.open(str(db_dir / "fuzz.db"))
    try:
        summary = Ingestor(store).run([str(path)])
        for batch in store.unprocessed(256):  # what was stored reads back
            for article in batch:
                article.text.encode("utf-8")
    finally:
        store.close()
        for leftover in db_dir.iterdir():
            leftover.unlink()
    (outcome,) = summary.sources
    if outcome.unexpected:
        return "traceback", outcome.reason or ""
    if summary.items_failed:
        return "traceback", "; ".join(summary.failed_items[:3])
    return ("read", f"{outcome.articles} items") if outcome.ok else ("refused", outcome.reason or "")


def fuzz(count: int, seed: int, shared_data: Path, limit_s: float = 60.0, save: Path | None = None,
         progress: Callable[[int, int, float, int], None] | None = None, only: int | None = None,
         start: int = 0) -> FuzzReport:
    """Run ``count`` mutants from ``start`` (or the one numbered ``only``); what happened to each."""
    import logging

    logging.getLogger("analyzer.ingest").setLevel(logging.CRITICAL)  # the report says it all
    bases = load_bases(shared_data)
    report = FuzzReport(count, seed)
    watch = MemoryWatch()
    indices = [only] if only is not None else range(start, start + count)
    started = time.perf_counter()
    previous = signal.signal(signal.SIGALRM, _expire)
    work = Path(tempfile.mkdtemp(prefix="fuzz-feeds-"))
    db_dir = work / "db"
    db_dir.mkdir()
    template = empty_store(work / "empty.db")
    try:
        for done, index in enumerate(indices, 1):
            base, mutations, doc = mutant(bases, seed, index)
            path = work / f"mutant-{index}.xml"
            path.write_bytes(doc)
            before = watch.reset()
            t0, cpu0 = time.perf_counter(), time.process_time()
            signal.setitimer(signal.ITIMER_REAL, limit_s)
            try:
                kind, detail = run_one(path, db_dir, template)
            except _TooSlow:
                kind, detail = "traceback", f"over the {limit_s:g} s limit"
            except Exception:  # noqa: BLE001  what the harness is here to count
                kind, detail = "traceback", traceback.format_exc()
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            seconds, cpu = time.perf_counter() - t0, time.process_time() - cpu0
            grown = (watch.peak - before) / 2**20
            outcome = Outcome(index, base, mutations, kind, seconds, grown, detail, cpu)
            report.outcomes.append(outcome)
            if save is not None and (kind == "traceback" or cpu > SLOW_S or grown > BIG_MB):
                save.mkdir(parents=True, exist_ok=True)
                shutil.copy(path, save / f"seed{seed}-mutant{index}.xml")
            path.unlink()
            if progress is not None:
                progress(done, len(indices), time.perf_counter() - started, len(report.tracebacks))
    finally:
        signal.signal(signal.SIGALRM, previous)
        watch.close()
        shutil.rmtree(work, ignore_errors=True)
    report.seconds = time.perf_counter() - started
    return report


def _expire(signum, frame):  # type: ignore[no-untyped-def]
    raise _TooSlow()


def print_progress(done: int, total: int, elapsed: float, tracebacks: int) -> None:
    step = max(1, total // 100)
    if done % step and done != total:
        return
    rate = done / elapsed if elapsed else 0.0
    eta = (total - done) / rate if rate else 0.0
    line = (f"{done:,}/{total:,} mutants ({100 * done / total:.0f}%), {rate:.1f}/s, "
            f"ETA {int(eta // 60)}:{int(eta % 60):02d}, tracebacks {tracebacks}")
    end = "\r" if sys.stderr.isatty() and done != total else "\n"
    print(line, end=end, file=sys.stderr, flush=True)


def print_report(report: FuzzReport) -> None:
    kinds = Counter(o.kind for o in report.outcomes)
    times = sorted(o.cpu_seconds for o in report.outcomes)
    walls = sorted(o.seconds for o in report.outcomes)
    first = report.outcomes[0].index if report.outcomes else 0
    print(f"{len(report.outcomes):,} mutants (seed {report.seed}, from {first}) in {report.seconds:.0f} s: "
          f"{kinds['read']:,} read, {kinds['refused']:,} refused with a reason, {kinds['traceback']} tracebacks")
    by_mutation = Counter(m for o in report.tracebacks for m in set(o.mutations))
    if by_mutation:
        print("tracebacks by mutation: " + ", ".join(f"{m} {n}" for m, n in by_mutation.most_common()))
    for outcome in report.tracebacks[:5]:
        print(f"--- mutant {outcome.index} ({outcome.base}; {', '.join(outcome.mutations)}):\n{outcome.detail}")
    slow, big = report.slowest, report.biggest
    print(f"CPU time per mutant: median {statistics.median(times) * 1000:.0f} ms, "
          f"p99 {times[int(0.99 * (len(times) - 1))] * 1000:.0f} ms; slowest: mutant {slow.index} "
          f"({slow.base}; {', '.join(slow.mutations)}) {slow.cpu_seconds:.2f} s CPU, {slow.seconds:.2f} s wall "
          f"(goal < {SLOW_S:g} s); slowest wall clock {walls[-1]:.2f} s (a shared machine's load included)")
    print(f"largest memory growth: mutant {big.index} ({big.base}; {', '.join(big.mutations)}) "
          f"{big.grown_mb:.0f} MB (goal < {BIG_MB:g} MB); peak RSS of the run "
          f"{_peak_rss_mb():.0f} MB")


def _peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--start", type=int, default=0, help="index of the first mutant")
    parser.add_argument("--shared-data", type=Path,
                        default=shared_data_dir(beside=REPO))
    parser.add_argument("--limit-s", type=float, default=60.0, help="a mutant slower than this is a traceback")
    parser.add_argument("--save", type=Path, help="keep failing or slow mutants in this directory")
    parser.add_argument("--only", type=int, help="replay the mutant with this index and print its outcome")
    args = parser.parse_args()
    report = fuzz(args.count, args.seed, args.shared_data, args.limit_s, args.save,
                  progress=None if args.only is not None else print_progress, only=args.only, start=args.start)
    if args.only is not None:
        (outcome,) = report.outcomes
        print(f"mutant {outcome.index} ({outcome.base}; {', '.join(outcome.mutations)}): {outcome.kind} "
              f"in {outcome.seconds:.2f} s, +{outcome.grown_mb:.0f} MB\n{outcome.detail}")
    else:
        print_report(report)
    sys.exit(1 if report.tracebacks else 0)


if __name__ == "__main__":
    main()
