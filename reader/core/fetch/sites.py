"""Listing pages: which links on a page are articles, and where the next page is.

Site profiles are data, one TOML file per site in resources/sites/ (see opdc.go.th.toml
for the keys). A page on a site without a profile is read by the generic rules: a link
is an article when it stays on the same site, its address looks like one article (a
number of three or more digits, or a date, in the path or query) and its text reads like
a headline (at least 15 letters); the next page is a rel="next" link or a link reading
"ถัดไป", "Next", "»" or "›".
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup
from bs4.element import Tag

from reader.core import paths
from reader.core.ingest.detect import decode

LISTING_MIN_LINKS = 5  # a page with this many article links is a listing
_ID_IN_URL = re.compile(r"(?:^|[/=_-])(?:\d{3,}|\d{4}[/-]\d{1,2}[/-]\d{1,2})(?:$|[/&._-])")
_ASSET = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|zip|rar|jpe?g|png|gif|mp[34]|wmv|avi)$", re.I)
_NEXT_WORDS = ("ถัดไป", "หน้าถัดไป", "next", "next page", "»", "›", ">>", ">")
_HEADLINE_MIN = 15


@dataclass
class Profile:
    name: str
    hosts: list[str]
    links: str = "a[href]"
    articles: list[re.Pattern[str]] = field(default_factory=list)
    next: str = ""
    presets: list[dict[str, Any]] = field(default_factory=list)
    file: str = ""


@functools.cache
def profiles() -> tuple[Profile, ...]:
    """Every profile shipped in resources/sites/."""
    try:
        folder = paths.resource("resources", "sites")
    except FileNotFoundError:
        return ()
    found = []
    for path in sorted(folder.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        found.append(Profile(
            name=str(data.get("name", path.stem)), hosts=[h.lower() for h in data.get("hosts", [])],
            links=str(data.get("links", "a[href]")),
            articles=[re.compile(p) for p in data.get("articles", [])],
            next=str(data.get("next", "")), presets=list(data.get("preset", [])), file=path.name))
    return tuple(found)


def profile_for(url: str) -> Profile | None:
    host = (urlsplit(url).hostname or "").lower()
    return next((p for p in profiles() if host in p.hosts), None)


def presets(site: str = "opdc.go.th") -> list[dict[str, Any]]:
    """The sources a site's profile offers to follow (the first-run "Follow OPDC's news")."""
    return next((list(p.presets) for p in profiles() if site in p.hosts), [])


@dataclass
class ListingLinks:
    articles: list[str]  # absolute, in page order, each once
    next_page: str | None


def read_listing(body: bytes, url: str, charset: str | None = None) -> ListingLinks:
    """The article links and the next-page link of a listing page."""
    text, _ = decode(body, charset)
    soup = BeautifulSoup(text, "lxml")
    profile = profile_for(url)
    base = url
    base_tag = soup.find("base", href=True)
    if isinstance(base_tag, Tag):
        base = urljoin(url, str(base_tag["href"]))
    articles: list[str] = []
    seen: set[str] = set()
    for a in soup.select(profile.links if profile else "a[href]"):
        target = _absolute(base, a)
        if target is None or target in seen or target.rstrip("/") == url.rstrip("/"):
            continue
        if _is_article(target, a, url, profile):
            seen.add(target)
            articles.append(target)
    return ListingLinks(articles, _next_page(soup, base, url, profile))


def _absolute(base: str, a: Tag) -> str | None:
    href = str(a.get("href") or "").strip()
    if not href or href.startswith(("#", "javascript:", "mailto:", "tel:")):
        return None
    target = urljoin(base, href).split("#", 1)[0]
    return target if urlsplit(target).scheme in ("http", "https") else None


def _same_site(a: str, b: str) -> bool:
    ha, hb = (urlsplit(a).hostname or ""), (urlsplit(b).hostname or "")
    strip = re.compile(r"^www\d*\.")
    return strip.sub("", ha) == strip.sub("", hb) or ha.endswith("." + strip.sub("", hb))


def _is_article(target: str, a: Tag, page: str, profile: Profile | None) -> bool:
    if not _same_site(target, page) or _ASSET.search(urlsplit(target).path):
        return False
    if profile is not None:
        return any(p.search(target) for p in profile.articles)
    parts = urlsplit(target)
    text = " ".join(a.get_text(" ").split())
    letters = sum(ch.isalpha() for ch in text)
    return bool(_ID_IN_URL.search(parts.path + "?" + parts.query)) and letters >= _HEADLINE_MIN


def _next_page(soup: BeautifulSoup, base: str, url: str, profile: Profile | None) -> str | None:
    if profile is not None and profile.next:
        for a in soup.select(profile.next):
            target = _absolute(base, a)
            if target and target != url:
                return target
    for a in soup.find_all("a", href=True):
        rel: list[str] | str = a.get("rel") or []
        text = " ".join(a.get_text(" ").split()).lower()
        if "next" in rel or text in _NEXT_WORDS:
            target = _absolute(base, a)
            if target and target != url and _same_site(target, url):
                return target
    return None


def looks_like_listing(body: bytes, url: str, charset: str | None = None) -> bool:
    try:
        return len(read_listing(body, url, charset).articles) >= LISTING_MIN_LINKS
    except Exception:  # noqa: BLE001 - undecodable or hostile bytes: simply not a listing
        return False
