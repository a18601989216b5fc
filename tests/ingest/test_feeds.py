"""Feeds end to end: a real HTTP server on 127.0.0.1 serving the real saved feeds and faulty ones."""

import time
from datetime import UTC, datetime, timedelta

import feedparser
import pytest

from analyzer.errors import InputError
from analyzer.ingest.feeds import parse_feed, parse_opml
from analyzer.ingest.http import HttpClient
from analyzer.ingest.pipeline import Ingestor
from analyzer.store import Store
from ingest.server import Response

RSS_FILES = ["cnbc.xml", "money_latest.rss.xml", "market-strategy.xml", "mutual-fund-etf-report.xml",
             "seekingalpha_MSFT_2017-10.xml"]


def rss(items: str, title: str = "Test wire", declaration: str = '<?xml version="1.0" encoding="utf-8"?>') -> bytes:
    return (f'{declaration}<rss version="2.0"><channel><title>{title}</title><link>http://example.com/</link>'
            f"{items}</channel></rss>").encode()


def item(n: int, date: str | None = "Tue, 26 Aug 2025 20:00:00 -0400", body: str | None = None) -> str:
    body = body or f"Stocks rose in story {n}; the Russell 2000 gained {n % 9}.{n % 7}% on the day."
    when = f"<pubDate>{date}</pubDate>" if date else ""
    return (f"<item><title>Story {n}</title><link>http://example.com/story/{n}?utm_source=rss</link>"
            f"<guid>urn:test:{n}</guid>{when}<description>{body}</description></item>")


BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>
<rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title></item></channel></rss>"""


@pytest.fixture()
def store(tmp_path):
    s = Store.open(str(tmp_path / "store.db"))
    yield s
    s.close()


def ingest(store, policy, urls, **kw):
    with HttpClient(policy) as client:
        return Ingestor(store, client, **kw).run(urls)


def test_real_feeds_over_http(server, fast_policy, store, rss_dir):
    expected = 0
    for name in RSS_FILES:
        content = (rss_dir / name).read_bytes()
        server.routes[f"/{name}"] = Response(body=content, gzip=True, conditional=True,
                                             headers={"Content-Type": "application/rss+xml"})
        expected += len(feedparser.parse(content).entries)
    urls = [server.url(f"/{n}") for n in RSS_FILES]
    summary = ingest(store, fast_policy, urls)
    assert summary.sources_ok == len(RSS_FILES) and not summary.sources_failed
    stored = store.counts()["articles"]
    assert summary.new + sum(summary.duplicates.values()) == stored
    assert stored + summary.already_stored == expected  # every entry is stored or was the same item again
    msft = [f for f in store.feeds() if f["url"].endswith("seekingalpha_MSFT_2017-10.xml")][0]
    assert msft["title"].startswith("Microsoft Corporation") and msft["etag"] and msft["last_status"] == 200

    # the second run asks conditionally, is told 304 everywhere, and stores nothing
    before = len(server.log)
    again = ingest(store, fast_policy, urls)
    second = server.log[before:]
    assert len(second) == len(RSS_FILES)
    assert all(s.headers.get("if-none-match") and s.headers.get("if-modified-since") for s in second)
    assert all(s.status == 304 for s in second)
    assert again.new == 0 and not again.duplicates and store.counts()["articles"] == stored
    assert all(s.not_modified for s in again.sources)


def test_feed_times_are_utc_with_the_raw_value_kept(store, rss_dir, tmp_path):
    summary = Ingestor(store).run([str(rss_dir / "money_latest.rss.xml")])
    assert summary.new > 0
    art = next(store.unprocessed(1))[0]
    assert art.published.utcoffset() == timedelta(0)
    assert art.published_raw and art.published_raw.endswith(("EDT", "EST", "GMT", "+0000", "-0400", "-0500"))


def test_one_bad_feed_never_stops_the_others(server, fast_policy, store, rss_dir):
    server.routes["/good.xml"] = Response(body=(rss_dir / "cnbc.xml").read_bytes())
    server.routes["/down.xml"] = Response(500, b"internal error")
    server.routes["/hang.xml"] = Response(body=b"<rss/>", hang=30)
    server.routes["/bomb.xml"] = Response(body=BOMB)
    server.routes["/html.xml"] = Response(body=b"<html><body><p>Not a feed</p></body></html>")
    server.routes["/empty-body.xml"] = Response(body=b"")
    policy = fast_policy.__class__(**{**fast_policy.__dict__, "read_timeout": 0.5, "retries": 1})
    names = ["down", "hang", "bomb", "good", "html", "empty-body"]
    opml = ('<?xml version="1.0"?><opml version="2.0"><head><title>feeds</title></head><body>'
            + "".join(f'<outline text="{n}" xmlUrl="{server.url(f"/{n}.xml")}"/>' for n in names)
            + "</body></opml>").encode()
    server.routes["/list.opml"] = Response(body=opml)
    started = time.monotonic()
    summary = ingest(store, policy, [server.url("/list.opml")])
    assert time.monotonic() - started < 10
    by_url = {s.source.rsplit("/", 1)[-1]: s for s in summary.sources}
    assert by_url["good.xml"].ok and by_url["good.xml"].articles > 0
    reasons = {name: by_url[f"{name}.xml"].reason for name in names if name != "good"}
    assert "HTTP 500" in reasons["down"]
    assert "read timeout" in reasons["hang"]
    assert "entities" in reasons["bomb"]
    assert reasons["empty-body"] and reasons["html"]
    feeds = {f["url"].rsplit("/", 1)[-1]: f for f in store.feeds()}
    assert feeds["down.xml"]["error_count"] == 1 and "HTTP 500" in feeds["down.xml"]["last_error"]
    assert feeds["down.xml"]["last_status"] == 500
    assert "entities" in feeds["bomb.xml"]["last_error"]
    assert feeds["good.xml"]["error_count"] == 0 and feeds["good.xml"]["last_error"] is None
    assert store.counts()["articles"] == by_url["good.xml"].articles - summary.already_stored


def test_entity_bomb_refused_quickly():
    started = time.monotonic()
    with pytest.raises(InputError, match="entities"):
        parse_feed(BOMB, "bomb.xml")
    assert time.monotonic() - started < 0.5
    utf16 = BOMB.decode().replace('encoding="utf-8"', "").encode("utf-16")
    with pytest.raises(InputError, match="entities"):
        parse_feed(utf16, "bomb16.xml")


def test_malformed_xml_is_read_leniently(rss_dir):
    content = (rss_dir / "cnbc.xml").read_bytes()
    broken = content.replace(b"</item>", b"</item> & <unclosed>", 1)[: int(len(content) * 0.8)]
    feed = parse_feed(broken, "broken.xml")
    assert feed.warnings and "malformed" in feed.warnings[0]
    assert len(feed.items) >= 5


def test_missing_and_wrong_charset():
    body = item(1, body="Soci\u00e9t\u00e9 G\u00e9n\u00e9rale shares rose 2% \u2013 the CAC 40 gained 1%.")
    # no charset anywhere: UTF-8 is the XML default
    no_charset = rss(body, declaration='<?xml version="1.0"?>')
    assert "Soci\u00e9t\u00e9" in parse_feed(no_charset, "a.xml").items[0].article.text
    # header says latin-1 but the bytes are UTF-8: decoded without mojibake or failure
    feed = parse_feed(no_charset, "b.xml", {"content-type": "application/rss+xml; charset=iso-8859-1"})
    assert feed.items and feed.items[0].article.title == "Story 1"
    # bytes in Windows-1252 declared as UTF-8: read leniently, reported
    cp = rss(body, declaration='<?xml version="1.0" encoding="utf-8"?>').decode("utf-8").encode("cp1252")
    feed = parse_feed(cp, "c.xml")
    assert feed.items and "G" in feed.items[0].article.text and feed.warnings


def test_empty_feed(server, fast_policy, store):
    server.routes["/empty.xml"] = Response(body=rss(""))
    summary = ingest(store, fast_policy, [server.url("/empty.xml")])
    assert summary.sources_ok == 1 and summary.new == 0


def test_items_without_a_date_or_in_the_future(store, tmp_path):
    future = (datetime.now(UTC) + timedelta(days=30)).strftime("%a, %d %b %Y %H:%M:%S +0000")
    body = rss(item(1, date=None) + item(2, date=future) + item(3) + item(4, date="the day after tomorrow"))
    feed = parse_feed(body, "dates.xml")
    got = {i.article.title: i for i in feed.items}
    assert got["Story 1"].article.published is None and "no publication date" in got["Story 1"].note
    assert got["Story 2"].article.published is None and "future" in got["Story 2"].note
    assert got["Story 2"].article.published_raw == future
    assert got["Story 3"].article.published == datetime(2025, 8, 27, 0, 0, tzinfo=UTC)
    assert got["Story 4"].article.published is None and "unreadable" in got["Story 4"].note
    path = tmp_path / "dates.xml"
    path.write_bytes(body)
    Ingestor(store).run([str(path)])
    assert store.counts()["articles"] == 4  # kept, with the reason noted


def test_html_and_scripts_in_items_become_plain_text():
    hostile = ("&lt;p&gt;The &lt;b&gt;Dow&lt;/b&gt; fell 1%.&lt;/p&gt;&lt;script&gt;alert('x')&lt;/script&gt;"
               "&lt;img src=x onerror=alert(1)&gt;&lt;p&gt;Bonds rallied.&lt;/p&gt;")
    body = rss(item(1, body=hostile).replace("<title>Story 1</title>",
                                             "<title>&lt;i&gt;Markets&lt;/i&gt; &amp; bonds</title>"))
    (got,) = parse_feed(body, "x.xml").items
    assert got.article.text == "The Dow fell 1%.\n\nBonds rallied."
    assert got.article.title == "Markets & bonds"
    assert "<" not in got.article.text and "alert" not in got.article.text and "onerror" not in got.article.text


def test_a_feed_of_10000_items(server, fast_policy, store):
    body = rss("".join(item(n) for n in range(10_000)))
    server.routes["/huge.xml"] = Response(body=body, gzip=True)
    policy = fast_policy.__class__(**{**fast_policy.__dict__, "max_bytes": 20 * 1024 * 1024})
    summary = ingest(store, policy, [server.url("/huge.xml")])
    assert summary.sources_ok == 1
    # the items differ only in two digits: short texts are told apart by title, never merged by MinHash
    assert summary.new + sum(summary.duplicates.values()) == 10_000 == store.counts()["articles"]


def test_same_item_under_a_tracking_url_is_not_stored_twice(store, tmp_path):
    first = tmp_path / "a.xml"
    first.write_bytes(rss(item(1)))
    second = tmp_path / "b.xml"
    second.write_bytes(rss(item(1).replace("urn:test:1", "urn:other:1").replace("utm_source=rss", "utm_medium=x")))
    Ingestor(store).run([str(first)])
    summary = Ingestor(store).run([str(second)])
    assert summary.already_stored == 1 and summary.new == 0


def test_opml_parsing():
    opml = b"""<?xml version="1.0"?><opml version="1.0"><body>
      <outline text="Markets"><outline text="a" type="rss" xmlUrl="http://a.example/rss"/>
      <outline text="b" xmlUrl="http://b.example/atom"/></outline>
      <outline text="a again" xmlUrl="http://a.example/rss"/></body></opml>"""
    assert parse_opml(opml, "list.opml") == ["http://a.example/rss", "http://b.example/atom"]
    with pytest.raises(InputError, match="not an OPML"):
        parse_opml(b"<rss/>", "x.opml")


def test_atom_feed():
    atom = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
      <title>Atom wire</title><link href="http://atom.example/"/><updated>2025-08-26T20:00:00Z</updated>
      <entry><title>Small caps lead</title><link href="/a/1"/><id>tag:atom.example,2025:1</id>
      <updated>2025-08-26T20:00:00Z</updated>
      <content type="html">&lt;p&gt;The Russell 2000 gained 0.8%.&lt;/p&gt;</content></entry></feed>"""
    feed = parse_feed(atom, "http://atom.example/feed")
    (got,) = feed.items
    assert feed.title == "Atom wire" and got.has_full_content
    assert got.article.url == "http://atom.example/a/1" and got.article.source == "Atom wire"
    assert got.article.text == "The Russell 2000 gained 0.8%."


ARTICLE_PAGE = b"""<html><head><title>Small caps lead</title>
<meta property="article:published_time" content="2025-08-26T20:00:00-04:00"></head><body>
<nav><a href="/">Home</a></nav><article><h1>Small caps lead as Russell 2000 climbs</h1>
<p>The Russell 2000 gained 0.8% on Tuesday, outpacing the more modest moves in the S&amp;P 500 and the
Nasdaq, as traders bet that lower interest rates would help smaller companies more than large ones.</p>
<p>The S&amp;P 500 rose 0.4% while the Nasdaq Composite added 0.4%, and the Dow Jones Industrial Average
gained 0.3%. Analysts said the rotation into small caps could continue if the Federal Reserve cuts.</p>
</article></body></html>"""


def test_full_text_replaces_summaries_and_keeps_them_on_failure(server, fast_policy, store):
    items = ("<item><title>Small caps lead</title><link>{}</link><guid>g1</guid>"
             "<description>Small caps led on Tuesday.</description></item>"
             "<item><title>Paywalled</title><link>{}</link><guid>g2</guid>"
             "<description>The Dow slipped 0.1%.</description></item>"
             "<item><title>Gone</title><link>{}</link><guid>g3</guid>"
             "<description>Bonds rallied.</description></item>").format(
        server.url("/a/small-caps"), server.url("/a/paywall"), server.url("/a/gone"))
    server.routes["/feed.xml"] = Response(body=rss(items))
    server.routes["/a/small-caps"] = Response(body=ARTICLE_PAGE, headers={"Content-Type": "text/html"})
    server.routes["/a/paywall"] = Response(body=b"<html><body><p>Subscribe to read.</p></body></html>")
    server.routes["/a/gone"] = Response(404, b"gone")
    ingest(store, fast_policy, [server.url("/feed.xml")], full_text=True)
    with store.engine.connect() as conn:
        rows = {r.title: r for r in conn.exec_driver_sql("select title, text, note from articles")}
    assert rows["Small caps lead"].text.startswith("The Russell 2000 gained 0.8% on Tuesday")
    assert "extracted" in rows["Small caps lead"].note
    assert rows["Paywalled"].text == "The Dow slipped 0.1%." and "kept the feed summary" in rows["Paywalled"].note
    assert rows["Gone"].text == "Bonds rallied." and "HTTP 404" in rows["Gone"].note


def test_single_article_url(server, fast_policy, store):
    server.routes["/story"] = Response(body=ARTICLE_PAGE, headers={"Content-Type": "text/html"})
    summary = ingest(store, fast_policy, [server.url("/story")])
    assert summary.new == 1
    art = next(store.unprocessed())[0]
    assert art.published == datetime(2025, 8, 27, 0, 0, tzinfo=UTC) and art.title.startswith("Small caps")
    assert art.url == server.url("/story") and "Russell 2000 gained 0.8%" in art.text


def test_local_opml_entries_are_relative_to_the_list_not_the_working_directory(store, rss_dir, tmp_path,
                                                                                monkeypatch):
    lists = tmp_path / "lists"
    lists.mkdir()
    (lists / "feeds").mkdir()
    (lists / "feeds" / "cnbc.xml").write_bytes((rss_dir / "cnbc.xml").read_bytes())
    (lists / "mine.opml").write_bytes(b'<?xml version="1.0"?><opml version="2.0"><body>'
                                      b'<outline text="cnbc" xmlUrl="feeds/cnbc.xml"/></body></opml>')
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # the run starts somewhere else than the list
    summary = Ingestor(store, None).run([str(lists / "mine.opml")])
    (feed,) = [s for s in summary.sources if s.source.endswith("cnbc.xml")]
    assert feed.ok and feed.articles > 0
    assert store.counts()["articles"] == feed.articles
