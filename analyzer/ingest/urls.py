"""Canonical article URLs: the same page reached through a tracking link is the same article."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

# query parameters that say how a reader arrived, never which page they read
TRACKING_PARAMS = frozenset({
    "fbclid", "gclid", "dclid", "msclkid", "yclid", "mc_cid", "mc_eid", "_hsenc", "_hsmi", "mkt_tok",
    "cmpid", "cmp", "ncid", "ref", "ref_src", "referrer", "src", "source", "feedtype", "feedname", "rss",
    "rpc", "smid", "partner", "soc_src", "soc_trk", "taid", "yptr", "guccounter", "ito", "sr_share",
    "cid", "sref", "ocid", "igshid", "spm",
})
TRACKING_PREFIXES = ("utm_", "at_", "pk_", "mtm_", "hmb_", "__")


def is_tracking_param(name: str) -> bool:
    lower = name.lower()
    return lower in TRACKING_PARAMS or lower.startswith(TRACKING_PREFIXES)


def canonical_url(url: str | None) -> str | None:
    """The URL with tracking parameters, fragment, default port and host case removed.

    Returns None for anything that is not an absolute http(s) URL (a GUID like "tag:..." is not a page).
    """
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname.lower().rstrip(".")
    if port and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        host = f"{host}:{port}"
    if ":" in parts.hostname:  # IPv6 literal
        host = f"[{parts.hostname}]" + (f":{port}" if port else "")
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not is_tracking_param(k)]
    query.sort()
    path = parts.path or "/"
    return urlunsplit((scheme, host, path, urlencode(query, doseq=True), ""))


def join_url(base: str, link: str) -> str:
    """``link`` resolved against ``base``; the link as written when either is not a parseable URL
    (``http://[::1/x``: urljoin raises on a broken IPv6 literal)."""
    try:
        return urljoin(base, link)
    except ValueError:
        return link


def host_of(url: str | None) -> str | None:
    """The lower-case host of a URL without ``www.``, or None when it has none or cannot be parsed."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None
