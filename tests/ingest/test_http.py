import gzip
import time
from dataclasses import replace

import pytest

from analyzer.ingest.http import FetchError, HttpClient, check_destination, retry_after_seconds
from ingest.server import Response


@pytest.fixture()
def cnbc(rss_dir):
    return (rss_dir / "cnbc.xml").read_bytes()


def test_fetch_gzip_and_user_agent(server, fast_policy, cnbc):
    server.routes["/cnbc.xml"] = Response(body=cnbc, gzip=True, headers={"Content-Type": "application/rss+xml"})
    with HttpClient(fast_policy) as client:
        result = client.fetch(server.url("/cnbc.xml"))
    assert result.status == 200 and result.content == cnbc
    (seen,) = server.requests("/cnbc.xml")
    assert "gzip" in seen.headers["accept-encoding"]
    assert seen.headers["user-agent"].startswith("analyzer/") and "fact checker" in seen.headers["user-agent"]


def test_conditional_get_answers_304(server, fast_policy, cnbc):
    server.routes["/feed"] = Response(body=cnbc, conditional=True)
    with HttpClient(fast_policy) as client:
        first = client.fetch(server.url("/feed"))
        second = client.fetch(server.url("/feed"), etag=first.etag, last_modified=first.last_modified)
    assert first.etag and first.last_modified
    assert second.not_modified and second.status == 304 and second.content == b""
    assert server.requests("/feed")[1].headers["if-none-match"] == first.etag


def test_500_then_200_is_retried(server, fast_policy, cnbc):
    server.routes["/flaky"] = [Response(500, b"oops"), Response(503, b"busy"), Response(body=cnbc)]
    with HttpClient(fast_policy) as client:
        result = client.fetch(server.url("/flaky"))
    assert result.content == cnbc
    assert [s.status for s in server.requests("/flaky")] == [500, 503, 200]


def test_retries_give_up_with_the_reason(server, fast_policy):
    server.routes["/down"] = Response(502, b"bad gateway")
    with HttpClient(fast_policy) as client, pytest.raises(FetchError, match="HTTP 502 .gave up after 3 attempts"):
        client.fetch(server.url("/down"))


def test_retry_after_is_honoured(server, fast_policy, cnbc):
    server.routes["/limited"] = [Response(429, headers={"Retry-After": "1"}), Response(body=cnbc)]
    started = time.monotonic()
    with HttpClient(fast_policy) as client:
        assert client.fetch(server.url("/limited")).content == cnbc
    assert time.monotonic() - started >= 0.95


def test_retry_after_too_long_fails_now(server, fast_policy):
    server.routes["/later"] = Response(503, headers={"Retry-After": "3600"})
    started = time.monotonic()
    with HttpClient(fast_policy) as client, pytest.raises(FetchError, match="retry after 3600 s"):
        client.fetch(server.url("/later"))
    assert time.monotonic() - started < 1


def test_retry_after_forms():
    assert retry_after_seconds("120") == 120
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT") == 0  # in the past
    assert retry_after_seconds("soon") is None


def test_hanging_server_times_out(server, fast_policy):
    server.routes["/hang"] = Response(body=b"<rss/>", hang=30)
    policy = replace(fast_policy, read_timeout=0.5, retries=0)
    started = time.monotonic()
    with HttpClient(policy) as client, pytest.raises(FetchError, match="read timeout after 0.5 s"):
        client.fetch(server.url("/hang"))
    assert time.monotonic() - started < 2


@pytest.mark.parametrize("chunked", [False, True])
def test_response_over_the_size_limit(server, fast_policy, chunked):
    server.routes["/big"] = Response(body=b"<rss>" + b"x" * (3 * 1024 * 1024) + b"</rss>", chunked=chunked)
    with HttpClient(fast_policy) as client, pytest.raises(FetchError, match="limit"):
        client.fetch(server.url("/big"))


def test_gzip_bomb_is_cut_off_after_decoding(server, fast_policy):
    bomb = gzip.compress(b"\0" * (50 * 1024 * 1024))  # 50 MB of zeros in about 50 KB
    assert len(bomb) < 100_000
    server.routes["/bomb.gz"] = Response(body=bomb, headers={"Content-Encoding": "gzip"})
    with HttpClient(fast_policy) as client, pytest.raises(FetchError, match="larger than the 2,097,152-byte limit"):
        client.fetch(server.url("/bomb.gz"))


def test_private_addresses_are_refused_by_default(server, fast_policy):
    policy = replace(fast_policy, allowed_hosts=frozenset())
    server.routes["/feed"] = Response(body=b"<rss/>")
    with HttpClient(policy) as client, pytest.raises(FetchError, match="private address .use --allow-private"):
        client.fetch(server.url("/feed"))
    assert server.requests("/feed") == []  # refused before connecting
    with HttpClient(replace(policy, allow_private=True)) as client:
        assert client.fetch(server.url("/feed")).content == b"<rss/>"


@pytest.mark.parametrize("target", ["http://localhost:{port}/secret", "http://169.254.169.254/latest/meta-data/",
                                    "http://10.0.0.1/admin", "http://[::1]:{port}/secret"])
def test_redirect_to_an_internal_address_is_refused(server, fast_policy, target):
    target = target.format(port=server.port)
    server.routes["/go"] = Response(302, headers={"Location": target})
    server.routes["/secret"] = Response(body=b"internal")
    with HttpClient(fast_policy) as client, pytest.raises(FetchError, match="refusing to fetch"):
        client.fetch(server.url("/go"))
    assert server.requests("/secret") == []


def test_redirect_loop(server, fast_policy):
    server.routes["/a"] = Response(301, headers={"Location": "/b"})
    server.routes["/b"] = Response(301, headers={"Location": "/a"})
    with HttpClient(fast_policy) as client, pytest.raises(FetchError, match="redirect loop"):
        client.fetch(server.url("/a"))


def test_redirect_followed_within_the_limit(server, fast_policy, cnbc):
    server.routes["/old"] = Response(301, headers={"Location": "/new"})
    server.routes["/new"] = Response(body=cnbc)
    with HttpClient(fast_policy) as client:
        result = client.fetch(server.url("/old"))
    assert result.url == server.url("/new") and result.content == cnbc


@pytest.mark.parametrize("url, message", [("file:///etc/passwd", "scheme 'file'"), ("ftp://x/y", "scheme 'ftp'"),
                                          ("http:///nohost", "no host")])
def test_other_schemes_are_refused(url, message):
    with pytest.raises(FetchError, match=message):
        check_destination(url, allow_private=False)
