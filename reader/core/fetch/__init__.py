"""Keeping the archive filled by itself: subscribed sources fetched politely.

This package is the only code in the program that talks to the network (DESIGN.md,
"Boundaries"). Modules: errors (what can go wrong, in words), polite (one request at a
time per host, at least FLOOR seconds apart, Retry-After), robots (robots.txt, cached),
client (the HTTP fetcher itself), backoff (when a failing source is tried again),
sites (listing-page profiles from resources/sites/*.toml), kinds (feed, listing or page),
update (one pass over the due sources), opml (subscription lists in and out).
"""

from reader.core.fetch.client import Fetcher, FetchSettings, Response
from reader.core.fetch.errors import FetchError

__all__ = ["FetchError", "Fetcher", "FetchSettings", "Response"]
