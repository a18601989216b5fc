"""The one HTTP client ingestion uses: bounded, polite and unwilling to reach internal addresses.

feedparser and trafilatura never fetch anything themselves; they get the bytes this client fetched.
Every request has connect/read timeouts and an overall deadline, bodies are streamed and cut off at a size
limit (counted after gzip decoding, so a compression bomb is cut off too), 429/5xx are retried with backoff
honouring Retry-After, feeds are fetched conditionally (ETag/Last-Modified), each host is rate limited, and
every hop of a redirect chain is resolved and refused if it points at a loopback, link-local or private
address, unless the user allowed that.
"""

from __future__ import annotations

import ipaddress
import random
import socket
import time
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import httpx

from analyzer import __version__ as _version
from analyzer.errors import InputError

USER_AGENT = (f"analyzer/{_version} (market-commentary fact checker; feed reader; "
              "+https://github.com/analyzer-project/analyzer)")
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


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
    total_timeout: float = 60.0  # a server that trickles one byte per read timeout is still cut off
    max_bytes: int = 20 * 1024 * 1024
    max_redirects: int = 5
    retries: int = 3
    backoff: float = 1.0  # first wait; doubles each retry, with jitter
    max_retry_after: float = 120.0  # a longer Retry-After is a failure for this run, not a wait
    per_host_interval: float = 1.0  # seconds between two requests to one host
    allow_private: bool = False
    # "host" or "host:port" the user trusts although it resolves to a private address (an intranet feed)
    allowed_hosts: frozenset[str] = frozenset()
    user_agent: str = USER_AGENT


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


def _is_internal(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast or ip.is_reserved
            or ip.is_unspecified)


def check_destination(url: str, allow_private: bool, allowed_hosts: frozenset[str] = frozenset()) -> None:
    """Refuse URLs we must not fetch: other schemes, and hosts that resolve to internal addresses."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        scheme = parts.scheme or "(none)"
        raise FetchError(url, f"refusing scheme {scheme!r}: only http and https are fetched")
    host = parts.hostname
    if not host:
        raise FetchError(url, "no host in URL")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    if allow_private or host in allowed_hosts or f"{host}:{port}" in allowed_hosts:
        return
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, ValueError) as exc:
        raise FetchError(url, f"cannot resolve host {host!r} ({exc})") from exc
    for info in infos:
        address = str(info[4][0])
        if _is_internal(address):
            raise FetchError(url, f"refusing to fetch {host} ({address}): a loopback, link-local or private "
                                  "address (use --allow-private to allow it)")


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
        timeout = httpx.Timeout(connect=self.policy.connect_timeout, read=self.policy.read_timeout,
                                write=self.policy.read_timeout, pool=self.policy.connect_timeout)
        self._client = httpx.Client(
            timeout=timeout, follow_redirects=False, trust_env=False,
            headers={"User-Agent": self.policy.user_agent, "Accept-Encoding": "gzip, deflate"})
        self._last_request: dict[str, float] = {}

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> HttpClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _wait_for_host(self, url: str) -> None:
        host = urlsplit(url).netloc.lower()
        last = self._last_request.get(host)
        if last is not None:
            delay = last + self.policy.per_host_interval - time.monotonic()
            if delay > 0:
                time.sleep(delay)
        self._last_request[host] = time.monotonic()

    def fetch(self, url: str, etag: str | None = None, last_modified: str | None = None,
              accept: str = "*/*") -> FetchResult:
        """GET a URL: follows redirects (each hop checked), retries, and returns the body or 304."""
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        attempt = 0
        while True:
            try:
                result = self._follow(url, headers)
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
                continue
            return result

    def _follow(self, url: str, headers: dict[str, str]) -> FetchResult:
        seen: set[str] = set()
        current = url
        for _ in range(self.policy.max_redirects + 1):
            if current in seen:
                raise FetchError(url, f"redirect loop at {current}")
            seen.add(current)
            check_destination(current, self.policy.allow_private, self.policy.allowed_hosts)
            self._wait_for_host(current)
            status, response_headers, body = self._get_once(current, headers)
            if status in REDIRECT_STATUSES:
                location = response_headers.get("location")
                if not location:
                    raise FetchError(url, f"HTTP {status} redirect without a Location", status)
                current = urljoin(current, location)
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

    def _get_once(self, url: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        deadline = time.monotonic() + self.policy.total_timeout
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                response_headers = {k.lower(): v for k, v in response.headers.items()}
                status = response.status_code
                if status in REDIRECT_STATUSES or status == 304 or status >= 400:
                    return status, response_headers, b""
                declared = response_headers.get("content-length", "")
                if declared.isdigit() and int(declared) > self.policy.max_bytes:
                    raise FetchError(url, f"response of {int(declared):,} bytes is over the "
                                          f"{self.policy.max_bytes:,}-byte limit", status)
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():  # decoded: the limit applies after gunzip
                    size += len(chunk)
                    if size > self.policy.max_bytes:
                        limit = self.policy.max_bytes
                        raise FetchError(url, f"response larger than the {limit:,}-byte limit", status)
                    if time.monotonic() > deadline:
                        raise FetchError(url, f"download took longer than {self.policy.total_timeout:g} s")
                    chunks.append(chunk)
                return status, response_headers, b"".join(chunks)
        except httpx.TimeoutException as exc:
            kind = "connect" if isinstance(exc, httpx.ConnectTimeout) else "read"
            limit = self.policy.connect_timeout if kind == "connect" else self.policy.read_timeout
            raise _Retryable(f"{kind} timeout after {limit:g} s", None, None) from exc
        except httpx.DecodingError as exc:
            raise FetchError(url, f"response body could not be decoded ({exc})") from exc
        except httpx.TransportError as exc:
            raise _Retryable(f"connection failed ({exc.__class__.__name__}: {exc})", None, None) from exc


class _Retryable(Exception):
    def __init__(self, reason: str, status: int | None, retry_after: float | None):
        super().__init__(reason)
        self.reason = reason
        self.status = status
        self.retry_after = retry_after
