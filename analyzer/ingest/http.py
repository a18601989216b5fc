"""The one HTTP client ingestion uses: bounded, polite and unwilling to reach internal addresses.

feedparser and trafilatura never fetch anything themselves; they get the bytes this client fetched.
The limits hold by construction, because this client owns every step between the URL and the bytes:

- the host is resolved once, every address it resolves to is checked (loopback, link-local and private
  addresses are refused unless the host is allow-listed), and the socket connects to a checked address,
  with the Host header and TLS SNI/certificate check set to the name: no second resolution can swap in
  another address (DNS rebinding);
- one deadline runs from the connect to the last byte, so a server that trickles its headers or its body
  one byte per read timeout is still cut off;
- the body is decompressed here, layer by layer, with zlib's ``max_length`` bound, and the size cap counts
  decompressed bytes as they stream, so a tiny gzip (or gzip-in-gzip) bomb stops at the cap with memory
  bounded by it.

HTTP/1.1 is spoken through ``h11`` (the protocol state machine httpx itself uses); 429/5xx are retried
with backoff honouring Retry-After, feeds are fetched conditionally (ETag/Last-Modified), each host is rate
limited, and every hop of a redirect chain goes through the same checks.
"""

from __future__ import annotations

import ipaddress
import random
import socket
import ssl
import time
import zlib
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from urllib.parse import quote, urljoin, urlsplit

import h11

from analyzer import __version__ as _version
from analyzer.errors import InputError

USER_AGENT = (f"analyzer/{_version} (market-commentary fact checker; feed reader; "
              "+https://github.com/analyzer-project/analyzer)")
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
MAX_HEADER_BYTES = 64 * 1024  # a response whose headers are longer is refused
READ_CHUNK = 64 * 1024
_PATH_SAFE = "/%:@!$&'()*+,;=-._~"


class FetchError(InputError):
    """A URL could not be fetched; the message says why in words a user can act on."""

    def __init__(self, url: str, reason: str, status: int | None = None):
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.status = status


@dataclass
class FetchPolicy:
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    total_timeout: float = 60.0  # connect to last byte: a server that trickles bytes is still cut off
    max_bytes: int = 20 * 1024 * 1024  # decompressed
    max_redirects: int = 5
    retries: int = 3
    backoff: float = 1.0  # first wait; doubles each retry, with jitter
    max_retry_after: float = 120.0  # a longer Retry-After is a failure for this run, not a wait
    per_host_interval: float = 1.0  # seconds between two requests to one host
    allow_private: bool = False  # every host may resolve to an internal address (prefer allowed_hosts)
    # "host" or "host:port" the user trusts although it resolves to a private address (an intranet feed)
    allowed_hosts: frozenset[str] = frozenset()
    user_agent: str = USER_AGENT
    ca_file: str | None = None  # extra certificate authorities to trust (an intranet CA), PEM


@dataclass
class FetchResult:
    url: str  # after redirects
    status: int
    content: bytes
    headers: dict[str, str] = field(default_factory=dict)
    not_modified: bool = False

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified")

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "")


@dataclass
class Destination:
    """A URL resolved and checked: where to connect, and what to say when there."""

    url: str
    scheme: str
    host: str  # as it goes in SNI and the certificate check (IDNA-encoded)
    host_header: str
    target: str  # path and query, percent-encoded
    addresses: list[tuple[int, int, int, tuple]]  # (family, type, proto, sockaddr), all checked


def _is_internal(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast or ip.is_reserved
            or ip.is_unspecified)


def _host_and_port(url: str) -> tuple[str, str, int, str]:
    """(scheme, IDNA host, port, request target) of an http(s) URL, or FetchError saying what is wrong."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise FetchError(url, f"not a valid URL ({exc})") from exc
    if parts.scheme not in ("http", "https"):
        scheme = parts.scheme or "(none)"
        raise FetchError(url, f"refusing scheme {scheme!r}: only http and https are fetched")
    host = parts.hostname
    if not host:
        raise FetchError(url, "no host in URL")
    if ":" not in host:
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError as exc:
            raise FetchError(url, f"host {host!r} is not a valid domain name ({exc})") from exc
    target = quote(parts.path or "/", safe=_PATH_SAFE)
    if parts.query:
        target += "?" + quote(parts.query, safe=_PATH_SAFE + "?")
    return parts.scheme, host, port or (443 if parts.scheme == "https" else 80), target


def check_destination(url: str, allow_private: bool, allowed_hosts: frozenset[str] = frozenset()) -> Destination:
    """Resolve a URL's host once and check every address; refuse other schemes and internal addresses.

    The returned ``Destination`` carries the checked addresses: the client connects to those, never
    resolving the name again.
    """
    scheme, host, port, target = _host_and_port(url)
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, ValueError, OSError) as exc:
        raise FetchError(url, f"cannot resolve host {host!r} ({exc})") from exc
    if not (allow_private or host in allowed_hosts or f"{host}:{port}" in allowed_hosts):
        for info in infos:
            address = str(info[4][0])
            if _is_internal(address):
                raise FetchError(url, f"refusing to fetch {host} ({address}): a loopback, link-local or private "
                                      f"address (use --allow-host {host} to allow it)")
    default_port = port == (443 if scheme == "https" else 80)
    shown = f"[{host}]" if ":" in host else host
    host_header = shown if default_port else f"{shown}:{port}"
    addresses = [(family, kind, proto, sockaddr) for family, kind, proto, _, sockaddr in infos]
    return Destination(url, scheme, host, host_header, target, addresses)


def retry_after_seconds(value: str | None) -> float | None:
    """Retry-After as seconds to wait: delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None or when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - time.time())


class HttpClient:
    """Fetches URLs under a FetchPolicy. One instance per run: it keeps the per-host clock."""

    def __init__(self, policy: FetchPolicy | None = None):
        self.policy = policy or FetchPolicy()
        self._last_request: dict[str, float] = {}
        self._tls: ssl.SSLContext | None = None

    def close(self) -> None:
        """Nothing to release: every request has its own connection, closed when it ends."""

    def __enter__(self) -> HttpClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _tls_context(self) -> ssl.SSLContext:
        if self._tls is None:
            self._tls = ssl.create_default_context(cafile=self.policy.ca_file)
        return self._tls

    def _wait_for_host(self, url: str) -> None:
        host = urlsplit(url).netloc.lower()
        last = self._last_request.get(host)
        if last is not None:
            delay = last + self.policy.per_host_interval - time.monotonic()
            if delay > 0:
                time.sleep(delay)
        self._last_request[host] = time.monotonic()

    def fetch(self, url: str, etag: str | None = None, last_modified: str | None = None,
              accept: str = "*/*", max_bytes: int | None = None) -> FetchResult:
        """GET a URL: follows redirects (each hop checked), retries, and returns the body or 304."""
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        limit = min(max_bytes or self.policy.max_bytes, self.policy.max_bytes)
        attempt = 0
        while True:
            try:
                return self._follow(url, headers, limit)
            except _Retryable as exc:
                attempt += 1
                if attempt > self.policy.retries:
                    reason = f"{exc.reason} (gave up after {attempt} attempts)"
                    raise FetchError(url, reason, exc.status) from None
                wait = self.policy.backoff * (2 ** (attempt - 1)) * (1 + random.random() / 4)
                if exc.retry_after is not None:
                    if exc.retry_after > self.policy.max_retry_after:
                        reason = f"{exc.reason}; server asks to retry after {exc.retry_after:.0f} s"
                        raise FetchError(url, reason, exc.status) from None
                    wait = max(wait, exc.retry_after)
                time.sleep(wait)

    def _follow(self, url: str, headers: dict[str, str], limit: int) -> FetchResult:
        seen: set[str] = set()
        current = url
        for _ in range(self.policy.max_redirects + 1):
            if current in seen:
                raise FetchError(url, f"redirect loop at {current}")
            seen.add(current)
            destination = check_destination(current, self.policy.allow_private, self.policy.allowed_hosts)
            self._wait_for_host(current)
            status, response_headers, body = self._get_once(destination, headers, limit)
            if status in REDIRECT_STATUSES:
                location = response_headers.get("location")
                if not location:
                    raise FetchError(url, f"HTTP {status} redirect without a Location", status)
                try:
                    current = urljoin(current, location)
                except ValueError as exc:
                    raise FetchError(url, f"HTTP {status} redirect to an invalid URL ({exc})", status) from exc
                continue
            if status == 304:
                return FetchResult(current, status, b"", response_headers, not_modified=True)
            if status in RETRY_STATUSES:
                wait = retry_after_seconds(response_headers.get("retry-after"))
                raise _Retryable(f"HTTP {status}", status, wait)
            if status >= 400:
                raise FetchError(url, f"HTTP {status}", status)
            return FetchResult(current, status, body, response_headers)
        raise FetchError(url, f"more than {self.policy.max_redirects} redirects")

    def _get_once(self, destination: Destination, headers: dict[str, str],
                  limit: int) -> tuple[int, dict[str, str], bytes]:
        exchange = _Exchange(destination, self.policy, limit)
        try:
            sock = exchange.connect(self._tls_context() if destination.scheme == "https" else None)
            with sock:
                return exchange.run(sock, headers)
        except ssl.SSLError as exc:  # before OSError: a certificate problem is not worth a retry
            raise FetchError(destination.url, f"TLS failed ({exc.reason or exc})") from exc
        except h11.RemoteProtocolError as exc:
            raise _Retryable(f"malformed HTTP response ({exc})", None, None) from exc
        except h11.LocalProtocolError as exc:
            raise FetchError(destination.url, f"cannot send this request ({exc})") from exc
        except zlib.error as exc:
            raise FetchError(destination.url, f"response body could not be decoded ({exc})") from exc
        except OSError as exc:
            raise _Retryable(f"connection failed ({exc.__class__.__name__}: {exc})", None, None) from exc


class _Exchange:
    """One request and its response on one connection, under one deadline."""

    def __init__(self, destination: Destination, policy: FetchPolicy, limit: int):
        self.destination = destination
        self.policy = policy
        self.limit = limit
        self.deadline = time.monotonic() + policy.total_timeout

    def _remaining(self) -> float:
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise FetchError(self.destination.url, f"download took longer than {self.policy.total_timeout:g} s")
        return remaining

    def connect(self, tls: ssl.SSLContext | None) -> socket.socket:
        """A socket to the first checked address that answers (TLS wrapped, with the name as SNI)."""
        error: OSError | None = None
        for family, kind, proto, sockaddr in self.destination.addresses:
            timeout = min(self.policy.connect_timeout, self._remaining())
            sock = socket.socket(family, kind, proto)
            sock.settimeout(timeout)
            try:
                sock.connect(sockaddr)
            except TimeoutError:
                sock.close()
                self._remaining()  # the deadline, if that is what ran out
                raise _Retryable(f"connect timeout after {timeout:g} s", None, None) from None
            except OSError as exc:
                sock.close()
                error = exc
                continue
            if tls is None:
                return sock
            sock.settimeout(min(self.policy.read_timeout, self._remaining()))
            try:
                return tls.wrap_socket(sock, server_hostname=self.destination.host)
            except BaseException:
                sock.close()
                raise
        raise _Retryable(f"connection failed ({error.__class__.__name__}: {error})", None, None)

    def run(self, sock: socket.socket, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        conn = h11.Connection(h11.CLIENT, max_incomplete_event_size=MAX_HEADER_BYTES)
        request_headers = [("Host", self.destination.host_header), ("User-Agent", self.policy.user_agent),
                           ("Accept-Encoding", "gzip, deflate"), ("Connection", "close"), *headers.items()]
        request = h11.Request(method="GET", target=self.destination.target, headers=request_headers)
        sock.settimeout(min(self.policy.read_timeout, self._remaining()))
        sock.sendall(conn.send(request) + conn.send(h11.EndOfMessage()))
        event = self._next(sock, conn)
        while isinstance(event, h11.InformationalResponse):
            event = self._next(sock, conn)
        if not isinstance(event, h11.Response):
            raise h11.RemoteProtocolError(f"no response ({type(event).__name__})")
        status = event.status_code
        response_headers: dict[str, str] = {}
        for name, value in event.headers:
            key = name.decode("latin-1").lower()
            text = value.decode("latin-1")
            response_headers[key] = f"{response_headers[key]}, {text}" if key in response_headers else text
        if status in REDIRECT_STATUSES or status == 304 or status >= 400:
            return status, response_headers, b""
        return status, response_headers, self._body(sock, conn, response_headers, status)

    def _body(self, sock: socket.socket, conn: h11.Connection, headers: dict[str, str], status: int) -> bytes:
        url, limit = self.destination.url, self.limit
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchError(url, f"response of {int(declared):,} bytes is over the {limit:,}-byte limit", status)
        decoder = BoundedDecoder(headers.get("content-encoding", ""), limit, url)
        chunks: list[bytes] = []
        while True:
            event = self._next(sock, conn)
            if isinstance(event, h11.Data):
                chunks.append(decoder.feed(bytes(event.data)))
            elif isinstance(event, h11.EndOfMessage | h11.ConnectionClosed):
                chunks.append(decoder.flush())
                return b"".join(chunks)

    def _next(self, sock: socket.socket, conn: h11.Connection) -> object:
        while True:
            event = conn.next_event()
            if event is not h11.NEED_DATA:
                return event
            timeout = min(self.policy.read_timeout, self._remaining())
            sock.settimeout(timeout)
            try:
                data = sock.recv(READ_CHUNK)
            except TimeoutError:
                self._remaining()  # the deadline, if that is what ran out
                raise _Retryable(f"read timeout after {timeout:g} s", None, None) from None
            conn.receive_data(data)


class BodyTooLarge(FetchError):
    pass


class BoundedDecoder:
    """Content-Encoding layers undone as the body streams, never producing more than ``limit`` bytes.

    zlib's ``max_length`` bounds each step, so a small compressed body that would expand to gigabytes
    (gzip inside gzip included) is stopped when its output passes the limit, having used about that much
    memory. Only the codings we ask for (gzip, deflate) are accepted.
    """

    def __init__(self, content_encoding: str, limit: int, url: str):
        codings = [c.strip().lower() for c in content_encoding.split(",") if c.strip()]
        codings = [c for c in codings if c != "identity"]
        for coding in codings:
            if coding not in ("gzip", "x-gzip", "deflate"):
                raise FetchError(url, f"unsupported Content-Encoding {coding!r}")
        self.layers = [_Layer(c) for c in reversed(codings)]  # the last coding applied is undone first
        self.limit = limit
        self.url = url
        self.produced = [0] * (len(self.layers) + 1)  # output so far of each layer, then the total

    def feed(self, data: bytes) -> bytes:
        for index, layer in enumerate(self.layers):
            data = layer.decompress(data, self.limit - self.produced[index], self._too_big)
            self.produced[index] += len(data)
        self.produced[-1] += len(data)
        if self.produced[-1] > self.limit:
            self._too_big()
        return data

    def flush(self) -> bytes:
        return self.feed(b"") if self.layers else b""

    def _too_big(self) -> None:
        raise BodyTooLarge(self.url, f"response larger than the {self.limit:,}-byte limit")


class _Layer:
    def __init__(self, coding: str):
        self.gzip = coding in ("gzip", "x-gzip")
        self.raw_deflate = False
        self.started = False
        self._decompressor = self._new()

    def _new(self):  # type: ignore[no-untyped-def]
        if self.gzip:
            return zlib.decompressobj(16 + zlib.MAX_WBITS)
        return zlib.decompressobj(-zlib.MAX_WBITS if self.raw_deflate else zlib.MAX_WBITS)

    def decompress(self, data: bytes, budget: int, too_big) -> bytes:  # type: ignore[no-untyped-def]
        out: list[bytes] = []
        produced = 0
        while data:
            try:
                piece = self._decompressor.decompress(data, max(budget - produced, 0) + 1)
            except zlib.error:
                if self.gzip or self.started or self.raw_deflate:
                    raise
                self.raw_deflate = True  # "deflate" sent without its zlib wrapper, as some servers do
                self._decompressor = self._new()
                continue
            self.started = True
            produced += len(piece)
            out.append(piece)
            if produced > budget:
                too_big()
            data = self._decompressor.unconsumed_tail
            if not data and self._decompressor.eof:
                data = self._decompressor.unused_data
                if not data.startswith(b"\x1f\x8b") or not self.gzip:
                    break  # trailing bytes after the stream end are not content
                self._decompressor = self._new()  # a second gzip member
        return b"".join(out)


class _Retryable(Exception):
    def __init__(self, reason: str, status: int | None, retry_after: float | None):
        super().__init__(reason)
        self.reason = reason
        self.status = status
        self.retry_after = retry_after
