"""robots.txt for ``--full-text``: article pages are fetched only where the site's robots.txt allows it.

Each host's robots.txt is fetched once per run through our own client (so its limits, address guard and
politeness apply) and read with the standard library's ``urllib.robotparser``. As that parser does on its
own: 401 and 403 forbid the whole site, any other 4xx (no robots.txt) allows it. A robots.txt that cannot
be fetched at all (a 5xx, a timeout) forbids the site for this run, as RFC 9309 asks of crawlers.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

from analyzer.errors import InputError
from analyzer.ingest.http import FetchError, HttpClient

ROBOTS_MAX_BYTES = 512 * 1024  # RFC 9309 asks crawlers to read at least 500 KiB
USER_AGENT_TOKEN = "analyzer"


class RobotsRules:
    """Per-host robots.txt rules for one run."""

    def __init__(self, client: HttpClient):
        self.client = client
        self._rules: dict[str, RobotFileParser | str] = {}  # site -> parser, or why the site is refused

    def refusal(self, url: str) -> str | None:
        """Why robots.txt forbids fetching ``url`` (None when it may be fetched)."""
        try:
            parts = urlsplit(url)
        except ValueError:
            return None  # the fetcher refuses it with its own reason
        site = urlunsplit((parts.scheme.lower(), parts.netloc.lower(), "", "", ""))
        if site not in self._rules:
            self._rules[site] = self._load(site)
        rules = self._rules[site]
        if isinstance(rules, str):
            return rules
        if not rules.can_fetch(USER_AGENT_TOKEN, url):
            return f"{site}/robots.txt disallows it"
        return None

    def _load(self, site: str) -> RobotFileParser | str:
        parser = RobotFileParser(f"{site}/robots.txt")
        try:
            result = self.client.fetch(f"{site}/robots.txt", accept="text/plain", max_bytes=ROBOTS_MAX_BYTES)
        except FetchError as exc:
            if exc.status in (401, 403):
                parser.disallow_all = True
            elif exc.status is not None and 400 <= exc.status < 500:
                parser.allow_all = True
            else:
                return f"{site}/robots.txt could not be read ({exc.reason}); the site is not crawled this run"
            return parser
        except InputError as exc:
            return f"{site}/robots.txt could not be read ({exc}); the site is not crawled this run"
        parser.parse(result.content.decode("utf-8", errors="replace").splitlines())
        return parser
