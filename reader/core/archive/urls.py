"""Source URLs, normalised so one article reached by two routes is recognised as one."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_TRACKING = ("utm_", "fbclid", "gclid")


def normalize_url(url: str | None) -> str | None:
    """http/https, `www.`, a trailing slash, the fragment, tracking parameters and
    the order of query parameters do not make a different article."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return url.lower()
    if not parts.netloc:
        return url.lower()
    host = parts.hostname or ""
    if host.startswith("www."):
        host = host[4:]
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    query = sorted(
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith(_TRACKING)
    )
    path = parts.path.rstrip("/") or "/"
    return urlunsplit(("https", host.lower(), path, urlencode(query), ""))
