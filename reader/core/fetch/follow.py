"""Following a source: add one (its kind found by fetching it once when not given), or
the presets a site profile offers (the first-run "Follow OPDC's news")."""

from __future__ import annotations

from reader.core.archive import Archive, ArchiveError
from reader.core.archive.subscriptions import (
    DEFAULT_EVERY,
    KINDS,
    Subscription,
    Subscriptions,
    parse_every,
)
from reader.core.fetch.client import Fetcher, FetchSettings
from reader.core.fetch.errors import FetchError
from reader.core.fetch.kinds import detect_kind
from reader.core.fetch.sites import presets


def add_source(archive: Archive, url: str, kind: str | None = None, name: str = "",
               every_seconds: int = DEFAULT_EVERY, fetcher: Fetcher | None = None) -> Subscription:
    """Follow `url`. Without `kind`, the address is fetched once (politely) and its answer
    decides; FetchError says why when it cannot be. The first update fetches it again
    (this look is not stored: the archive is only filled by updates)."""
    url = url.strip()
    if kind is not None and kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}: one of {', '.join(KINDS)}")
    subs = Subscriptions(archive)
    if kind is None:
        if not url.lower().startswith(("http://", "https://")):
            raise ValueError(f"not a web address: {url!r} (it must start with http:// or https://)")
        if any(s.url == url for s in subs.all()):
            raise ArchiveError(f"already following {url}")
        own = fetcher is None
        fetcher = fetcher or Fetcher(FetchSettings(), robots_store=subs)
        try:
            response = fetcher.get(url)
        except FetchError as exc:
            raise FetchError(exc.kind, f"cannot tell what {url} is: {exc.message}; "
                             "give its kind (feed, listing or page) to add it anyway",
                             exc.status, exc.retry_after, exc.code, **exc.params,
                             adding=url) from None
        finally:
            if own:
                fetcher.close()
        kind = detect_kind(response)
    return subs.add(url, kind, name, every_seconds)


def follow_presets(archive: Archive, site: str = "opdc.go.th") -> list[Subscription]:
    """Follow every preset source of a site's profile not followed yet."""
    subs = Subscriptions(archive)
    have = {s.url for s in subs.all()}
    added = []
    for preset in presets(site):
        if preset["url"] in have:
            continue
        every = parse_every(str(preset.get("every", "6h")))
        added.append(subs.add(preset["url"], preset["kind"], preset.get("name", ""), every))
    return added
