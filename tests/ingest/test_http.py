import gzip
import socket
import subprocess
import threading
import time
import tracemalloc
import zlib
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from analyzer.ingest.http import FetchError, FetchPolicy, HttpClient, check_destination, retry_after_seconds
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
    with HttpClient(policy) as client, pytest.raises(FetchError, match=r"private address \(use --allow-host 127"):
        client.fetch(server.url("/feed"))
    assert server.requests("/feed") == []  # refused before connecting
    with HttpClient(replace(policy, allow_private=True)) as client:
        assert client.fetch(server.url("/feed")).content == b"<rss/>"


def test_a_name_that_resolves_to_a_private_address_is_refused(server, fast_policy):
    server.routes["/feed"] = Response(body=b"<rss/>")
    with HttpClient(fast_policy) as client, pytest.raises(FetchError, match=r"localhost \(127.0.0.1\)"):
        client.fetch(server.url("/feed", host="localhost"))  # only 127.0.0.1:port is allowed, not the name
    assert server.requests("/feed") == []
    allowed = replace(fast_policy, allowed_hosts=frozenset({"localhost"}))
    with HttpClient(allowed) as client:
        assert client.fetch(server.url("/feed", host="localhost")).content == b"<rss/>"
    assert server.requests("/feed")[0].headers["host"] == f"localhost:{server.port}"


def test_the_connection_goes_to_the_address_that_was_checked(server, fast_policy, monkeypatch):
    """DNS rebinding: the name answers 127.0.0.1 when checked and 127.0.0.2 (nothing there) afterwards.

    The client resolves once and connects to what it checked, so the fetch reaches the server.
    """
    real = socket.getaddrinfo
    asked: list[str] = []

    def rebinding(host, port, *args, **kwargs):  # the internet's DNS, stood in for
        if host != "feeds.rebind.test":
            return real(host, port, *args, **kwargs)
        asked.append(host)
        return real("127.0.0.1" if len(asked) == 1 else "127.0.0.2", port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    server.routes["/feed"] = Response(body=b"<rss/>")
    policy = replace(fast_policy, allowed_hosts=frozenset({"feeds.rebind.test"}), retries=0)
    with HttpClient(policy) as client:
        result = client.fetch(server.url("/feed", host="feeds.rebind.test"))
    assert result.content == b"<rss/>" and asked == ["feeds.rebind.test"]
    assert server.requests("/feed")[0].headers["host"] == f"feeds.rebind.test:{server.port}"


def test_trickled_headers_are_cut_off_at_the_deadline(server, fast_policy):
    # one header byte every 0.05 s never trips the 1 s read timeout; the 1.5 s deadline covers it
    server.routes["/slow"] = Response(body=b"<rss/>", trickle=0.05)
    policy = replace(fast_policy, total_timeout=1.5, retries=0)
    started = time.monotonic()
    with HttpClient(policy) as client, pytest.raises(FetchError, match="took longer than 1.5 s"):
        client.fetch(server.url("/slow"))
    assert time.monotonic() - started < 2.5


def test_double_gzip_bomb_stops_at_the_cap_with_little_memory(server, fast_policy):
    inner = gzip.compress(b"\0" * (128 * 1024 * 1024), compresslevel=1)  # 128 MiB of zeros in about 0.5 MB
    bomb = gzip.compress(inner)  # and again: a few KB
    assert len(bomb) < 20_000
    server.routes["/bomb"] = Response(body=bomb, headers={"Content-Encoding": "gzip, gzip"})
    tracemalloc.start()
    try:
        with HttpClient(fast_policy) as client, pytest.raises(FetchError, match="larger than the 2,097,152-byte"):
            client.fetch(server.url("/bomb"))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 16 * 1024 * 1024  # bounded by the 2 MB cap, not by the 128 MiB the body expands to


def test_double_gzip_within_the_cap_is_decoded(server, fast_policy, cnbc):
    server.routes["/twice"] = Response(body=gzip.compress(gzip.compress(cnbc)),
                                       headers={"Content-Encoding": "gzip, gzip"})
    server.routes["/deflate"] = Response(body=zlib.compress(cnbc), headers={"Content-Encoding": "deflate"})
    server.routes["/br"] = Response(body=b"xx", headers={"Content-Encoding": "br"})
    with HttpClient(fast_policy) as client:
        assert client.fetch(server.url("/twice")).content == cnbc
        assert client.fetch(server.url("/deflate")).content == cnbc
        with pytest.raises(FetchError, match="unsupported Content-Encoding 'br'"):
            client.fetch(server.url("/br"))


@pytest.mark.parametrize("url", ["http://[::1/feed", "http://exa mple.com:99999/", "http://xn--/"])
def test_broken_urls_fail_with_a_reason(url):
    with HttpClient(FetchPolicy(retries=0)) as client, pytest.raises(FetchError) as info:
        client.fetch(url)
    assert url in str(info.value)


@pytest.fixture()
def tls_server(tmp_path):
    """An HTTPS server on 127.0.0.1 whose certificate names only 'localhost', recording the SNI it saw."""
    import ssl

    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out",
                    str(cert), "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost"],
                   check=True, capture_output=True)
    seen: dict[str, str | None] = {}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802
            seen["host"] = self.headers["Host"]
            body = b"<rss/>"
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    context.sni_callback = lambda sock, name, ctx: seen.__setitem__("sni", name)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield httpd.server_address[1], str(cert), seen
    httpd.shutdown()
    httpd.server_close()


def test_tls_to_the_checked_address_with_the_name_as_sni(tls_server):
    port, ca_file, seen = tls_server
    policy = FetchPolicy(retries=0, per_host_interval=0, ca_file=ca_file, allowed_hosts=frozenset({"localhost"}))
    with HttpClient(policy) as client:
        assert client.fetch(f"https://localhost:{port}/feed").content == b"<rss/>"
    assert seen == {"sni": "localhost", "host": f"localhost:{port}"}
    # the same server by its address: the certificate does not name 127.0.0.1, so TLS refuses it
    policy = replace(policy, allowed_hosts=frozenset({"127.0.0.1"}))
    with HttpClient(policy) as client, pytest.raises(FetchError, match="TLS failed"):
        client.fetch(f"https://127.0.0.1:{port}/feed")


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
