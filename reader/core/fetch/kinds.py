"""Which kind of source an address is, from what it answers: a feed (by its content type
or its body), a listing page (a page that is a list of article links, not an article),
or a single page."""

from __future__ import annotations

from reader.core.fetch.client import Response
from reader.core.fetch.sites import LISTING_MIN_LINKS, read_listing
from reader.core.ingest import IngestError, Source, extract
from reader.core.ingest.detect import FEED, decode, sniff_kind

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml",
              "application/feed+json", "application/xml", "text/xml")


def detect_kind(response: Response) -> str:
    """'feed', 'listing' or 'page' for a fetched address."""
    if response.content_type in FEED_TYPES[:3]:
        return "feed"
    try:
        text, _ = decode(response.body)
    except IngestError:
        return "page"
    if sniff_kind(text, response.final_url) == FEED:
        return "feed"
    try:
        links = len(read_listing(response.body, response.final_url).articles)
    except Exception:  # noqa: BLE001 - a page we cannot read for links is no listing
        links = 0
    if links < LISTING_MIN_LINKS:
        return "page"
    try:
        extract(Source(response.final_url, response.body, response.final_url, url=response.final_url))
    except IngestError:
        return "listing"  # many article links and no article of its own (the importer says "a list")
    return "page"  # an article with links to related ones
