"""One bad source never costs another: every input that once crashed a run, as a real file.

Each case is read on its own (it fails with a reason naming it, or is read with the damage repaired), and
then all of them in one run followed by a good source, which is stored.
"""

import json
import os
import resource
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from analyzer.ingest.pipeline import Ingestor
from analyzer.ingest.readers import MAX_FILE_BYTES
from analyzer.store import Store

WHEN = "Tue, 26 Aug 2025 20:00:00 -0400"
PUBLISHED = datetime(2025, 8, 27, 0, 0, tzinfo=UTC)  # for .txt files


def rss(items: str, channel_extra: str = "") -> bytes:
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Case wire</title>'
            f"<link>http://example.com/</link>{channel_extra}{items}</channel></rss>").encode()


def item(n: int, text: str, link: str | None = None) -> str:
    link = link or f"http://example.com/story/{n}"
    return (f"<item><title>Case {n}</title><link>{link}</link><guid>urn:case:{n}</guid><pubDate>{WHEN}</pubDate>"
            f"<description>{text}</description></item>")


def jsonl_line(**row: object) -> str:
    row.setdefault("published", "2025-08-26T20:00:00-04:00")
    return json.dumps(row)


@pytest.fixture()
def store(tmp_path):
    s = Store.open(str(tmp_path / "store.db"))
    yield s
    s.close()


@pytest.fixture()
def cases(tmp_path) -> dict[str, Path]:
    """The inputs of issue #16, each written as the file a user or a feed would hand us."""
    made: dict[str, Path] = {}

    def write(name: str, content: bytes | str) -> None:
        path = tmp_path / name
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        made[name] = path

    secret = tmp_path / "private" / "secret.jsonl"
    secret.parent.mkdir()
    secret.write_text(jsonl_line(id="secret-1", title="Private", text="A private note that must stay local.") + "\n")
    write("empty.xml", b"")
    write("surrogate-reference.xml", rss(item(1, "Stocks rose &#xD800; as the Dow gained 1%.")))
    write("beyond-unicode.xml", rss(item(2, "Stocks fell &#x110000; and &#99999999999; as bonds rallied.")))
    # 5,000 digits and no semicolon: the lenient parser still reads it, and int() refuses that many digits
    write("long-reference.xml", rss(item(5, "Stocks rose &#" + "9" * 5000 + " as bonds fell.")))
    write("broken-ipv6-link.xml", rss(item(3, "The Nasdaq gained 2%.", link="http://[::1/story/3")))
    write("stray-width.xml", rss(item(4, "The S&amp;P 500 slipped 0.2%."),
                                 channel_extra="<image><url>http://example.com/logo.png</url></width></image>"))
    # a \ud800 escape in the text, and in a line without an id (the id is derived from its words)
    write("surrogate-escape.jsonl",
          '{"id": "s1", "title": "T1", "text": "Stocks \\ud800 rose 1%.", "published": "2025-08-26T20:00:00Z"}\n'
          '{"title": "T2", "text": "Bonds \\udfff fell &#xD800;.", "published": "2025-08-26T20:00:00Z"}\n')
    write("deeply-nested.jsonl", "[" * 200_000 + "]" * 200_000 + "\n"
          + jsonl_line(id="after-deep", title="After", text="The Dow rose 0.5% after the deep line.") + "\n")
    write("content-is-dev-zero.xml", "/dev/zero")
    write("content-is-a-path.xml", str(secret))
    for name in ("endless.xml", "endless.jsonl", "endless.txt"):
        os.symlink("/dev/zero", tmp_path / name)
        made[name] = tmp_path / name
    made["name-too-long"] = tmp_path / ("x" * 5000)
    return made


def run_one(store: Store, source: Path):
    summary = Ingestor(store, published=PUBLISHED).run([str(source)])
    (outcome,) = summary.sources
    return summary, outcome


def stored_texts(store: Store) -> dict[str, str]:
    with store.engine.connect() as conn:
        return {r.id: r.text for r in conn.exec_driver_sql("select id, text from articles")}


@pytest.mark.parametrize("name, reason", [
    ("empty.xml", "empty document"),
    ("content-is-dev-zero.xml", "not a readable feed"),
    ("content-is-a-path.xml", "not a readable feed"),
    ("endless.xml", "larger than the"),
    ("endless.jsonl", "without an end"),
    ("endless.txt", "larger than the"),
    ("name-too-long", "unexpected error while reading it (OSError"),
])
def test_inputs_that_fail_fail_alone_with_a_reason(store, cases, name, reason):
    started = time.monotonic()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    summary, outcome = run_one(store, cases[name])
    assert not outcome.ok and reason in outcome.reason and str(cases[name]) in outcome.reason
    assert summary.failed and store.counts()["articles"] == 0  # never the private file a path names
    assert time.monotonic() - started < 10
    grown_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown_kb < 2 * MAX_FILE_BYTES // 1024  # an endless input costs at most the cap, not the disk


@pytest.mark.parametrize("name, stored", [
    ("surrogate-reference.xml", "Stocks rose \ufffd as the Dow gained 1%."),
    ("beyond-unicode.xml", "Stocks fell \ufffd and \ufffd as bonds rallied."),
    ("long-reference.xml", "Stocks rose \ufffd as bonds fell."),
    ("broken-ipv6-link.xml", "The Nasdaq gained 2%."),
    ("stray-width.xml", "The S&P 500 slipped 0.2%."),
])
def test_damaged_feeds_are_read_with_the_damage_repaired(store, cases, name, stored):
    summary, outcome = run_one(store, cases[name])
    assert outcome.ok and outcome.articles == 1, outcome.reason
    assert list(stored_texts(store).values()) == [stored]


def test_lone_surrogates_in_jsonl_become_replacement_characters(store, cases):
    summary, outcome = run_one(store, cases["surrogate-escape.jsonl"])
    assert outcome.ok and summary.new == 2
    texts = sorted(stored_texts(store).values())
    assert texts == ["Bonds \ufffd fell \ufffd.", "Stocks \ufffd rose 1%."]


def test_a_line_nested_too_deeply_is_skipped_and_the_next_read(store, cases):
    summary, outcome = run_one(store, cases["deeply-nested.jsonl"])
    assert outcome.ok and summary.new == 1
    assert any(":1: JSON nested too deeply" in w for w in summary.warnings)
    assert list(stored_texts(store)) == ["after-deep"]


def test_a_feed_whose_link_list_names_local_files(store, tmp_path, cases, server, fast_policy):
    """A remote OPML list may only name web feeds: its local-path entries are refused, each with a reason."""
    from analyzer.ingest.http import HttpClient
    from ingest.server import Response

    secret = cases["content-is-a-path.xml"].read_text()
    server.routes["/good.xml"] = Response(body=rss(item(9, "The Russell 2000 gained 0.8%.")))
    opml = ('<?xml version="1.0"?><opml version="2.0"><body>'
            f'<outline text="secret" xmlUrl="{secret}"/><outline text="rel" xmlUrl="private/secret.jsonl"/>'
            f'<outline text="file" xmlUrl="file://{secret}"/><outline text="good" xmlUrl="{server.url("/good.xml")}"/>'
            "</body></opml>").encode()
    server.routes["/list.opml"] = Response(body=opml)
    with HttpClient(fast_policy) as client:
        summary = Ingestor(store, client).run([server.url("/list.opml")])
    reasons = {s.source: s.reason for s in summary.sources if not s.ok}
    assert set(reasons) == {secret, "private/secret.jsonl", f"file://{secret}"}
    assert "never local files" in reasons[secret] and server.url("/list.opml") in reasons[secret]
    assert list(stored_texts(store).values()) == ["The Russell 2000 gained 0.8%."]


def test_every_case_then_a_good_source_in_one_run(store, cases, rss_dir):
    good = rss_dir / "cnbc.xml"
    sources = [str(p) for p in cases.values()] + [str(good)]
    summary = Ingestor(store, published=PUBLISHED).run(sources)
    by_source = {s.source: s for s in summary.sources}
    assert by_source[str(good)].ok and by_source[str(good)].articles > 0
    assert len(summary.sources) == len(sources) and summary.failed
    assert not any(s.unexpected for s in summary.sources if s.source != str(cases["name-too-long"]))
    titles = {a.title for batch in store.unprocessed(1000) for a in batch}
    assert len(titles) >= by_source[str(good)].articles - summary.already_stored - 5
    assert "Private" not in titles


def test_an_article_the_store_refuses_costs_only_itself(tmp_path):
    """A database trigger refuses one article: the other articles of its batch are stored."""
    store = Store.open(str(tmp_path / "trigger.db"))
    with store.engine.begin() as conn:
        conn.exec_driver_sql("CREATE TRIGGER refuse BEFORE INSERT ON articles WHEN NEW.title = 'Case 2' "
                             "BEGIN SELECT RAISE(ABORT, 'refused by a trigger'); END")
    path = tmp_path / "three.xml"
    path.write_bytes(rss("".join(item(n, f"Story {n}: the Dow rose {n}%.") for n in (1, 2, 3))))
    summary = Ingestor(store).run([str(path)])
    assert summary.items_failed == 1 and summary.failed
    assert "article f" in summary.failed_items[0] and "refused by a trigger" in summary.failed_items[0]
    assert str(path) in summary.failed_items[0]
    assert sorted(stored_texts(store).values()) == ["Story 1: the Dow rose 1%.", "Story 3: the Dow rose 3%."]
    store.close()


def test_a_list_that_lists_itself_is_read_once(store, server, fast_policy):
    from analyzer.ingest.http import HttpClient
    from ingest.server import Response

    server.routes["/feed.xml"] = Response(body=rss(item(7, "Oil fell 2%.")))
    opml = ('<?xml version="1.0"?><opml version="2.0"><body>'
            f'<outline xmlUrl="{server.url("/self.opml")}"/><outline xmlUrl="{server.url("/feed.xml")}"/>'
            "</body></opml>").encode()
    server.routes["/self.opml"] = Response(body=opml)
    with HttpClient(fast_policy) as client:
        summary = Ingestor(store, client).run([server.url("/self.opml"), server.url("/feed.xml")])
    assert len(server.requests("/self.opml")) == 1 and len(server.requests("/feed.xml")) == 1
    assert any("listed more than once" in w for w in summary.warnings) and not summary.failed
    assert list(stored_texts(store).values()) == ["Oil fell 2%."]


def test_a_flood_of_tags_is_bounded(store, tmp_path):
    """Tag floods cost feedparser ~150 us a tag: refused beyond the limit, rebuilt once when malformed."""
    flood = tmp_path / "flood.xml"
    flood.write_bytes(rss(item(1, "The Dow rose 1%.").replace("<title>", "<title>" + "<b>" * 150_000)))
    started = time.monotonic()
    summary, outcome = run_one(store, flood)
    assert not outcome.ok and "over the 100,000 a feed may have" in outcome.reason
    references = tmp_path / "references.xml"
    references.write_bytes(rss(item(3, "The Dow rose 3%. " + "&amp;" * 200_000)))
    summary, outcome = run_one(store, references)
    assert not outcome.ok and "200,0" in outcome.reason and "references, over the 150,000" in outcome.reason
    malformed = tmp_path / "malformed.xml"
    malformed.write_bytes(rss(item(2, "The Dow rose 2%.").replace("<title>", "<title>" + "<b>x</b>" * 30_000),
                              channel_extra="<image><url>http://example.com/i.png</url></width></image>"))
    summary, outcome = run_one(store, malformed)
    assert outcome.ok and any("rebuilt by the recovering XML parser" in w for w in summary.warnings)
    assert list(stored_texts(store).values()) == ["The Dow rose 2%."]
    assert time.monotonic() - started < 15
