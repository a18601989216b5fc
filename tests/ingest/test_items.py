"""Which items a run keeps: identity by GUID, then link, then content; short items; robots.txt for full text."""

from pathlib import Path

from analyzer.ingest.http import HttpClient
from analyzer.ingest.pipeline import Ingestor
from analyzer.store import Store
from ingest.server import Response

SHARED_LINK_FEED = Path(__file__).parent / "data" / "shared_link_feed.xml"


def rss(items: str) -> bytes:
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Item wire</title>'
            f"<link>http://example.com/</link>{items}</channel></rss>").encode()


def item(guid: str | None, link: str | None, title: str, text: str) -> str:
    parts = [f"<title>{title}</title>", f"<description>{text}</description>",
             "<pubDate>Tue, 26 Aug 2025 20:00:00 -0400</pubDate>"]
    if guid:
        parts.append(f"<guid>{guid}</guid>")
    if link:
        parts.append(f"<link>{link}</link>")
    return "<item>" + "".join(parts) + "</item>"


def test_thirty_items_with_their_own_guids_and_one_link_are_thirty_articles(tmp_path):
    store = Store.open(str(tmp_path / "fresh.db"))
    first = Ingestor(store).run([str(SHARED_LINK_FEED)])
    assert first.new == 30 and store.counts()["articles"] == 30 and store.counts()["duplicates"] == 0
    second = Ingestor(store).run([str(SHARED_LINK_FEED)])
    assert second.new == 0 and not second.duplicates and second.already_stored == 30
    assert store.counts()["articles"] == 30
    store.close()


def test_identity_falls_back_to_the_link_then_to_the_content(tmp_path):
    store = Store.open(str(tmp_path / "ids.db"))
    body = "The Dow rose 1% on Tuesday as bank shares climbed."
    feed_a = tmp_path / "a.xml"
    feed_a.write_bytes(rss(item(None, "http://example.com/s/1?utm_source=a", "Dow up", body)
                           + item(None, None, "No link", "Bond yields fell as Treasury prices rose.")))
    feed_b = tmp_path / "b.xml"
    feed_b.write_bytes(rss(
        item(None, "http://example.com/s/1?utm_source=b", "Dow up (b)", body + " Updated.")  # same link: same item
        + item(None, None, "No link", "Bond yields fell as Treasury prices rose.")  # same content: same item
        + item("urn:new:1", "http://example.com/s/1", "Dow up", body)))  # a new GUID, same link and text
    Ingestor(store).run([str(feed_a)])
    summary = Ingestor(store).run([str(feed_b)])
    assert summary.already_stored == 3 and summary.new == 0 and store.counts()["articles"] == 2
    store.close()


def test_a_run_of_short_items_says_so(tmp_path):
    store = Store.open(str(tmp_path / "short.db"))
    teasers = tmp_path / "teasers.xml"
    teasers.write_bytes(rss("".join(item(f"t{n}", f"http://example.com/t/{n}", f"Teaser {n}",
                                         f"Stocks moved on news {n}. Read more.") for n in range(8))))
    assert Ingestor(store).run([str(teasers)]).mostly_short
    long_text = "The S&amp;P 500 rose 1.2% on Tuesday. " * 10
    full = tmp_path / "full.xml"
    full.write_bytes(rss("".join(item(f"f{n}", f"http://example.com/f/{n}", f"Full {n}", f"{n}: {long_text}")
                                 for n in range(8))))
    summary = Ingestor(store).run([str(full)])
    assert summary.new == 8 and summary.short == 0 and not summary.mostly_short
    store.close()


PAGE = ("<html><head><title>Small caps lead</title></head><body><article><h1>Small caps lead</h1><p>"
        + "The Russell 2000 gained 0.8% on Tuesday, outpacing the more modest moves in the S&amp;P 500. " * 4
        + "</p></article></body></html>").encode()


def test_full_text_honours_robots_txt(server, fast_policy, tmp_path):
    server.routes["/robots.txt"] = Response(body=b"User-agent: *\nDisallow: /private/\n")
    for path in ("/open/1", "/open/2", "/private/1", "/private/2"):
        server.routes[path] = Response(body=PAGE, headers={"Content-Type": "text/html"})
    links = ["/open/1", "/open/2", "/private/1", "/private/2"]
    server.routes["/feed.xml"] = Response(body=rss("".join(
        item(f"g{n}", server.url(link), f"Story {n}", "Small caps led.") for n, link in enumerate(links))))
    store = Store.open(str(tmp_path / "robots.db"))
    with HttpClient(fast_policy) as client:
        Ingestor(store, client, full_text=True).run([server.url("/feed.xml")])
    assert len(server.requests("/robots.txt")) == 1  # once per host and run
    assert server.requests("/open/1") and server.requests("/open/2")
    assert not server.requests("/private/1") and not server.requests("/private/2")
    with store.engine.connect() as conn:
        notes = dict(conn.exec_driver_sql("select title, note from articles").fetchall())
    assert "full text extracted" in notes["Story 0"]
    assert "robots.txt disallows it" in notes["Story 2"] and "robots.txt disallows it" in notes["Story 3"]
    store.close()


def test_robots_txt_answers(server, fast_policy, tmp_path):
    """No robots.txt (404) allows the site; 403 forbids it; an unreachable one forbids it for the run."""
    from analyzer.ingest.robots import RobotsRules

    with HttpClient(fast_policy) as client:
        rules = RobotsRules(client)
        assert rules.refusal(server.url("/a")) is None  # the server answers 404 to /robots.txt
        server.routes["/robots.txt"] = Response(403, b"no")
        fresh = RobotsRules(client)
        assert "disallows" in fresh.refusal(server.url("/a"))
        server.routes["/robots.txt"] = Response(503, b"busy")
        down = RobotsRules(client)
        assert "could not be read" in down.refusal(server.url("/a"))
        # a group for our own agent takes precedence over the one for every crawler
        server.routes["/robots.txt"] = Response(body=b"User-agent: *\nDisallow: /\n\n"
                                                     b"User-agent: analyzer\nDisallow: /private/\n")
        ours = RobotsRules(client)
        assert ours.refusal(server.url("/news/1")) is None and ours.refusal(server.url("/private/1"))
