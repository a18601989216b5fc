"""A real HTTP server on 127.0.0.1 for ingestion tests: routes, faults, and a log of what it was asked."""

from __future__ import annotations

import gzip
import hashlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Response:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    gzip: bool = False
    conditional: bool = False  # answer If-None-Match / If-Modified-Since with 304
    hang: float = 0.0  # sleep this long before answering
    chunked: bool = False  # no Content-Length: stream the body in chunks
    trickle: float = 0.0  # send the status line and headers one byte at a time, this many seconds apart


Route = Response | list[Response] | Callable[[BaseHTTPRequestHandler], Response]

LAST_MODIFIED = "Tue, 11 Mar 2014 18:00:00 GMT"


@dataclass
class Seen:
    path: str
    headers: dict[str, str]
    status: int = 0


class FeedServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.log: list[Seen] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:  # quiet
                pass

            def do_GET(self) -> None:  # noqa: N802
                server._handle(self)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                       daemon=True)
        self.thread.start()

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def requests(self, path: str) -> list[Seen]:
        return [s for s in self.log if s.path == path]

    def close(self) -> None:
        self._stop.set()
        self.httpd.shutdown()
        self.httpd.server_close()

    def _pick(self, handler: BaseHTTPRequestHandler) -> Response:
        route = self.routes.get(handler.path)
        if route is None:
            return Response(404, b"not found")
        if isinstance(route, list):
            with self._lock:
                return route.pop(0) if len(route) > 1 else route[0]
        if callable(route):
            return route(handler)
        return route

    def _handle(self, handler: BaseHTTPRequestHandler) -> None:
        seen = Seen(handler.path, {k.lower(): v for k, v in handler.headers.items()})
        with self._lock:
            self.log.append(seen)
        response = self._pick(handler)
        if response.hang:
            self._stop.wait(response.hang)
            if self._stop.is_set():
                return
        status, body, headers = response.status, response.body, dict(response.headers)
        if response.conditional:
            etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
            headers.setdefault("ETag", etag)
            headers.setdefault("Last-Modified", LAST_MODIFIED)
            if seen.headers.get("if-none-match") == etag or seen.headers.get("if-modified-since") == LAST_MODIFIED:
                status, body = 304, b""
        if response.gzip and body and "gzip" in seen.headers.get("accept-encoding", ""):
            body = gzip.compress(body)
            headers["Content-Encoding"] = "gzip"
        seen.status = status
        if response.trickle:
            self._trickle(handler, status, headers, body, response.trickle)
            return
        try:
            handler.send_response(status)
            for key, value in headers.items():
                handler.send_header(key, value)
            if response.chunked:
                handler.send_header("Transfer-Encoding", "chunked")
                handler.end_headers()
                for start in range(0, len(body), 65536):
                    piece = body[start:start + 65536]
                    handler.wfile.write(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
                handler.wfile.write(b"0\r\n\r\n")
            else:
                handler.send_header("Content-Length", str(len(body)))
                handler.end_headers()
                handler.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (size limit, timeout): that is what some tests want


    def _trickle(self, handler: BaseHTTPRequestHandler, status: int, headers: dict[str, str], body: bytes,
                 pause: float) -> None:
        head = f"HTTP/1.1 {status} OK\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items())
        head += "X-Padding: " + "x" * 200 + "\r\n" + f"Content-Length: {len(body)}\r\n\r\n"
        try:
            for byte in head.encode("latin-1"):
                if self._stop.wait(pause):
                    return
                handler.wfile.write(bytes([byte]))
                handler.wfile.flush()
            handler.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass


def wait_until(predicate: Callable[[], bool], timeout: float = 2.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.01)
    return predicate()
