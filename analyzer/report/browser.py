"""Headless Chromium, driven over the DevTools protocol: open a report, read its console, time it.

Used by the report's browser tests, the screenshot script and the report benchmark. Only a local
file is ever opened, with Chromium's background networking off, so nothing leaves the machine.
"""

from __future__ import annotations

import base64
import contextlib
import itertools
import json
import os
import re
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analyzer.errors import AnalyzerError

CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage", "--hide-scrollbars", "--mute-audio",
)
_DEVTOOLS_LINE = re.compile(r"DevTools listening on (ws://\S+)")


class BrowserError(AnalyzerError):
    """Chromium is missing, did not start, or a page did not load."""


def find_chromium() -> str | None:
    """Chromium's executable: ``$CHROMIUM`` if set, else ``chromium`` / ``chromium-browser`` on PATH."""
    given = os.environ.get("CHROMIUM")
    if given:
        return given if Path(given).exists() else shutil.which(given)
    return shutil.which("chromium") or shutil.which("chromium-browser")


@dataclass
class PageLoad:
    """What opening a page produced: console errors, uncaught exceptions, and how long it took."""

    url: str
    load_seconds: float
    errors: list[str] = field(default_factory=list)


class Chromium:
    """One headless Chromium process and one page in it, spoken to over a single websocket."""

    def __init__(self, executable: str | None = None, window: tuple[int, int] = (1400, 1000),
                 start_timeout: float = 30.0) -> None:
        self.executable = executable or find_chromium()
        if not self.executable:
            raise BrowserError("chromium not found: install Debian's chromium package "
                               "(apt-get install chromium) or set $CHROMIUM")
        self.window = window
        self.start_timeout = start_timeout
        self._ids = itertools.count(1)
        self._events: list[dict[str, Any]] = []
        self._stderr: list[str] = []
        self._proc: subprocess.Popen[str] | None = None
        self._ws: Any = None
        self._session: str | None = None
        self._profile: tempfile.TemporaryDirectory[str] | None = None

    # -- lifecycle -----------------------------------------------------------------------------
    def __enter__(self) -> Chromium:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def start(self) -> None:
        from websockets.sync.client import connect

        self._profile = tempfile.TemporaryDirectory(prefix="analyzer-chromium-")
        args = [self.executable, *CHROMIUM_FLAGS, f"--user-data-dir={self._profile.name}",
                f"--window-size={self.window[0]},{self.window[1]}", "--remote-debugging-port=0",
                "about:blank"]
        self._proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                      stderr=subprocess.PIPE, text=True)
        ws_url = self._wait_for_devtools()
        self._ws = connect(ws_url, max_size=None, open_timeout=self.start_timeout)
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        self._session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.send(f"{domain}.enable", page=True)

    def _wait_for_devtools(self) -> str:
        assert self._proc is not None and self._proc.stderr is not None
        found: list[str] = []
        ready = threading.Event()

        def drain() -> None:  # keep reading stderr for the process's life so it never blocks on a full pipe
            assert self._proc is not None and self._proc.stderr is not None
            for line in self._proc.stderr:
                self._stderr.append(line)
                match = _DEVTOOLS_LINE.search(line)
                if match and not found:
                    found.append(match.group(1))
                    ready.set()
            ready.set()

        threading.Thread(target=drain, daemon=True).start()
        ready.wait(self.start_timeout)
        if not found:
            self.close()
            tail = "".join(self._stderr[-5:]).strip()
            raise BrowserError(f"chromium ({self.executable}) did not start its DevTools endpoint: {tail}")
        return found[0]

    def close(self) -> None:
        if self._ws is not None:
            with contextlib.suppress(Exception):  # closing a dead socket is not an error worth raising
                self._ws.close()
            self._ws = None
        if self._proc is not None:
            self._proc.terminate()
            try:
                self._proc.wait(10)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait(10)
            self._proc = None
        if self._profile is not None:
            self._profile.cleanup()
            self._profile = None

    # -- protocol ------------------------------------------------------------------------------
    def send(self, method: str, params: dict[str, Any] | None = None, page: bool = False,
             timeout: float = 60.0) -> dict[str, Any]:
        """Call a DevTools method (on the page's session when ``page``) and wait for its result."""
        message: dict[str, Any] = {"id": next(self._ids), "method": method, "params": params or {}}
        if page:
            message["sessionId"] = self._session
        self._ws.send(json.dumps(message))
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise BrowserError(f"chromium did not answer {method} within {timeout:.0f} s")
            reply = json.loads(self._ws.recv(timeout=left))
            if reply.get("id") == message["id"]:
                if "error" in reply:
                    raise BrowserError(f"{method}: {reply['error'].get('message')}")
                return reply.get("result", {})
            if "method" in reply:
                self._events.append(reply)

    def wait_event(self, method: str, timeout: float = 60.0) -> dict[str, Any]:
        for event in self._events:
            if event["method"] == method:
                self._events.remove(event)
                return event
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise BrowserError(f"no {method} within {timeout:.0f} s")
            event = json.loads(self._ws.recv(timeout=left))
            if event.get("method") == method:
                return event
            if "method" in event:
                self._events.append(event)

    # -- pages ---------------------------------------------------------------------------------
    def open(self, path: str | Path, fragment: str = "", timeout: float = 120.0) -> PageLoad:
        """Load a local HTML file and wait for its load event; returns the errors it logged."""
        url = Path(path).resolve().as_uri() + (f"#{fragment}" if fragment else "")
        self._events.clear()
        started = time.perf_counter()
        result = self.send("Page.navigate", {"url": url}, page=True, timeout=timeout)
        if result.get("errorText"):
            raise BrowserError(f"{url}: {result['errorText']}")
        self.wait_event("Page.loadEventFired", timeout=timeout)
        elapsed = time.perf_counter() - started
        return PageLoad(url, elapsed, self.errors())

    def errors(self) -> list[str]:
        """Console errors, uncaught exceptions and error log entries seen since the last page load."""
        found = []
        for event in self._events:
            method, params = event["method"], event.get("params", {})
            if method == "Runtime.exceptionThrown":
                details = params.get("exceptionDetails", {})
                exception = details.get("exception", {})
                found.append(exception.get("description") or details.get("text", "exception"))
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                args = params.get("args", [])
                found.append(" ".join(str(a.get("value", a.get("description", ""))) for a in args))
            elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
                found.append(params["entry"].get("text", ""))
        return found

    def evaluate(self, expression: str) -> Any:
        """Evaluate a JavaScript expression in the page and return its value (JSON-able values only)."""
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": True}, page=True)
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            description = details.get("exception", {}).get("description", details)
            raise BrowserError(f"{expression[:60]}: {description}")
        return result.get("result", {}).get("value")

    def screenshot(self, path: str | Path, full_page: bool = False) -> Path:
        params: dict[str, Any] = {"format": "png"}
        if full_page:
            params["captureBeyondViewport"] = True
            size = self.send("Page.getLayoutMetrics", page=True)["cssContentSize"]
            params["clip"] = {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}
        data = self.send("Page.captureScreenshot", params, page=True)["data"]
        path = Path(path)
        path.write_bytes(base64.b64decode(data))
        return path


@contextmanager
def chromium(**kwargs: Any) -> Iterator[Chromium]:
    browser = Chromium(**kwargs)
    with browser:
        yield browser
