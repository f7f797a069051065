"""One update pass: every due source fetched politely, what it yields stored as articles.

- A feed's items go through the feed importer. An item that carries only a summary
  (under SUMMARY_CHARS of text) has its linked page fetched and stored as the full
  article; the feed item is stored after it, so it becomes a second route of the same
  article (the importer keeps a summary from replacing a page).
- A listing page's article links are fetched, each page stored. Adding a listing
  back-fills up to `max_pages` pages of it; later refreshes stop at the first page that
  brings no new link.
- A single page is fetched again on its schedule; a changed text becomes a new version.

Each article is committed on its own, and a source's ETag/Last-Modified are stored only
after everything it yielded is: a pass killed half-way leaves what it committed, and the
next pass fetches the source again in full and finishes the job (the archive knows the
articles it already has, so nothing is stored twice).

No network at all (no host answered, every failure a connection failure) is one state,
"offline": no failure is counted against the sources and they are tried again soon.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from reader.core.archive import DUPLICATE, NEW, UNCHANGED, VERSION, Archive, ArchiveError
from reader.core.archive.originals import sha256_of
from reader.core.archive.subscriptions import Subscription, Subscriptions
from reader.core.fetch import errors as E
from reader.core.fetch.backoff import OFFLINE_RETRY, failure_delay
from reader.core.fetch.client import Fetcher, FetchSettings, Response, origin_of
from reader.core.fetch.errors import FetchError
from reader.core.fetch.sites import read_listing
from reader.core.ingest import IngestError, Source, extract
from reader.core.model import Article

SUMMARY_CHARS = 500  # a feed item with less text than this is a summary of its page
MAX_PAGES = 5  # listing pages a back-fill reads
INDEX_CHUNK = 200


@dataclass
class SourceOutcome:
    source_id: int
    label: str
    status: str  # "updated", "unchanged", "failed", "waiting", "offline"
    new: int = 0
    versions: int = 0
    message: str = ""
    problems: list[str] = field(default_factory=list)  # items that could not be stored


@dataclass
class UpdateEvent:
    done: int
    total: int
    label: str
    outcome: SourceOutcome | None = None


@dataclass
class UpdateSummary:
    outcomes: list[SourceOutcome] = field(default_factory=list)
    offline: bool = False
    cancelled: bool = False
    requests: int = 0
    bytes: int = 0
    article_ids: list[int] = field(default_factory=list)
    batch_id: int | None = None
    index_message: str | None = None

    @property
    def new(self) -> int:
        return sum(o.new for o in self.outcomes)

    @property
    def failed(self) -> list[SourceOutcome]:
        return [o for o in self.outcomes if o.status == "failed"]

    def to_dict(self) -> dict[str, Any]:
        return {"new": self.new, "new_versions": sum(o.versions for o in self.outcomes),
                "offline": self.offline, "cancelled": self.cancelled, "requests": self.requests,
                "bytes": self.bytes, "batch": self.batch_id, "index": self.index_message,
                "sources": [o.__dict__ for o in self.outcomes]}


def _state(exc: FetchError) -> dict[str, Any]:
    """What a source's `state` column holds after this error (Subscription.state_info)."""
    return {"code": exc.code, **exc.params}


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _iso(when: dt.datetime) -> str:
    return when.isoformat(timespec="seconds")


def run_update(archive: Archive, source_id: int | None = None, *, fetcher: Fetcher | None = None,
               index: Any = None, progress: Callable[[UpdateEvent], None] | None = None,
               cancel: threading.Event | None = None, force: bool = False,
               max_pages: int = MAX_PAGES) -> UpdateSummary:
    """One pass over the due sources (or only `source_id`, due or not). `index` is an
    open search index to keep current. Raises ArchiveInUse when another import or
    update holds the archive."""
    subs = Subscriptions(archive)
    with archive.batch(wait=2.0):
        chosen = [subs.get(source_id)] if source_id is not None else (
            subs.all() if force else subs.due())
        own = fetcher is None
        fetcher = fetcher or Fetcher(FetchSettings(), robots_store=subs, cancel=cancel)
        run = _Pass(archive, subs, fetcher, index, cancel, max_pages)
        try:
            for n, sub in enumerate(chosen, 1):
                if cancel is not None and cancel.is_set():
                    run.summary.cancelled = True
                    break
                if progress:
                    progress(UpdateEvent(n - 1, len(chosen), sub.label))
                outcome = run.source(sub)
                if progress:
                    progress(UpdateEvent(n, len(chosen), sub.label, outcome))
            run.finish()
        finally:
            run.flush_index(force=True)
            if own:
                fetcher.close()
    return run.summary


class _Pass:
    """The state of one update pass."""

    def __init__(self, archive: Archive, subs: Subscriptions, fetcher: Fetcher, index: Any,
                 cancel: threading.Event | None, max_pages: int):
        self.archive, self.subs, self.fetcher, self.index = archive, subs, fetcher, index
        self.cancel, self.max_pages = cancel, max_pages
        self.summary = UpdateSummary()
        self.counts = {NEW: 0, VERSION: 0, UNCHANGED: 0, DUPLICATE: 0}
        self.pending: list[int] = []
        self.reached = False  # some host answered during this pass
        self.down: dict[str, FetchError] = {}  # origin -> its connection failure
        self.unreachable: list[tuple[Subscription, SourceOutcome, FetchError]] = []
        self.requests0, self.bytes0 = fetcher.requests, fetcher.bytes

    # -- one source ------------------------------------------------------------------

    def source(self, sub: Subscription) -> SourceOutcome:
        outcome = SourceOutcome(sub.id, sub.label, "unchanged")
        self.summary.outcomes.append(outcome)
        host = origin_of(sub.url)  # scheme, host and port: one server
        if host in self.down:  # no error storm: one failed connection per host and pass
            self.unreachable.append((sub, outcome, self.down[host]))
            return outcome
        try:
            response = self.fetcher.get(sub.url, sub.etag, sub.last_modified)
            self.reached = True
            if not response.not_modified:
                self._yield(sub, response, outcome)
        except FetchError as exc:
            return self._failed(sub, outcome, exc, host)
        except (IngestError, ArchiveError) as exc:
            return self._failed(sub, outcome, FetchError(E.BROKEN, str(exc), code="not-stored",
                                                         detail=str(exc)), host)
        self._succeeded(sub, response, outcome)
        return outcome

    def _yield(self, sub: Subscription, response: Response, outcome: SourceOutcome) -> None:
        if sub.kind == "feed":
            self._feed(sub, response, outcome)
        elif sub.kind == "listing":
            self._listing(sub, response, outcome)
        else:
            self._store(sub, response, outcome, extract(_source(sub, response)))

    def _succeeded(self, sub: Subscription, response: Response, outcome: SourceOutcome) -> None:
        now = _now()
        if outcome.new or outcome.versions:
            outcome.status = "updated"
        code: dict[str, Any] = {"code": "unchanged"}
        if response.not_modified:
            message = "not changed since the last visit"
        else:
            message = f"{outcome.new} new, {outcome.versions} changed"
            code = {"code": "fetched", "new": outcome.new, "changed": outcome.versions,
                    "problems": len(outcome.problems)}
            if outcome.problems:
                message += f"; {len(outcome.problems)} could not be stored: {outcome.problems[0]}"
                code["problem"] = outcome.problems[0]
        outcome.message = message
        state: dict[str, Any] = dict(
            last_fetch=_iso(now), last_status=response.status, last_message=message, failures=0,
            backoff_until=None, next_due=_iso(now + dt.timedelta(seconds=sub.every_seconds)),
            state=code)
        if not response.not_modified:
            state.update(etag=response.header("etag"), last_modified=response.header("last-modified"))
        if sub.kind == "listing":
            state["pages_done"] = 1
        self.subs.record(sub.id, **state)
        self.subs.add_articles(sub.id, outcome.new)

    def _failed(self, sub: Subscription, outcome: SourceOutcome, exc: FetchError,
                host: str) -> SourceOutcome:
        if exc.kind == E.UNREACHABLE and host:
            self.down[host] = exc
            self.unreachable.append((sub, outcome, exc))
            return outcome
        now = _now()
        outcome.message = exc.message
        if exc.kind not in (E.UNREACHABLE, E.DEFERRED):
            self.reached = True  # the host answered, even if with an error: the network is up
        if exc.kind == E.DEFERRED:  # the host asked for a pause: not the source's fault
            outcome.status = "waiting"
            wait = exc.retry_after or OFFLINE_RETRY
            self.subs.record(sub.id, last_message=exc.message, state=_state(exc),
                             next_due=_iso(now + dt.timedelta(seconds=wait)))
            return outcome
        outcome.status = "failed"
        failures = sub.failures + 1
        wait = exc.retry_after if exc.retry_after is not None else failure_delay(failures)
        until = _iso(now + dt.timedelta(seconds=wait))
        self.subs.record(sub.id, last_fetch=_iso(now), last_status=exc.status, failures=failures,
                         last_message=exc.message, state=_state(exc), backoff_until=until,
                         next_due=until)
        return outcome

    def finish(self) -> None:
        """Settle the sources whose host could not be reached: offline when no host
        answered this pass, else ordinary failures of those hosts."""
        self.summary.offline = bool(self.unreachable) and not self.reached
        for sub, outcome, exc in self.unreachable:
            if self.summary.offline:
                outcome.status, outcome.message = "offline", "offline: no network; trying again later"
                due = _iso(_now() + dt.timedelta(seconds=OFFLINE_RETRY))
                self.subs.record(sub.id, last_message=outcome.message, state={"code": "offline"},
                                 next_due=due)
            else:  # this host is down while others answered: a failure of its sources
                self._failed(sub, outcome, FetchError(E.HTTP, exc.message, exc.status, None,
                                                      exc.code, **exc.params), "")
        s = self.summary
        s.requests, s.bytes = self.fetcher.requests - self.requests0, self.fetcher.bytes - self.bytes0
        if s.batch_id is not None:
            problems = [(o.label, o.message) for o in s.outcomes if o.status == "failed"]
            self.archive.imports.finish(s.batch_id, self.counts, problems,
                                      "cancelled" if s.cancelled else "done")

    # -- what each kind yields --------------------------------------------------------

    def _feed(self, sub: Subscription, response: Response, outcome: SourceOutcome) -> None:
        items = extract(_source(sub, response))
        for item in items:
            if self._cancelled():
                break
            link = item.source_url
            if link and len(item.body) < SUMMARY_CHARS and not self.subs.known_url(link):
                self._page(sub, link, outcome)  # the full article first ...
        self._store(sub, response, outcome, items)  # ... then each item, as a route to it

    def _listing(self, sub: Subscription, response: Response, outcome: SourceOutcome) -> None:
        backfill = sub.pages_done == 0
        page, seen = response, {response.final_url}
        for n in range(self.max_pages):
            found = read_listing(page.body, page.final_url)
            fresh = [u for u in found.articles if not self.subs.known_url(u)]
            for url in fresh:
                if self._cancelled():
                    return
                self._page(sub, url, outcome)
            nxt = found.next_page
            if (not fresh and not backfill) or not nxt or nxt in seen or n + 1 >= self.max_pages:
                return
            seen.add(nxt)
            try:
                page = self.fetcher.get(nxt)
            except FetchError as exc:
                outcome.problems.append(f"{nxt}: {exc.message}")
                return

    def _page(self, sub: Subscription, url: str, outcome: SourceOutcome) -> None:
        """Fetch and store one linked article page; a failure is noted, not fatal (a
        feed item keeps its summary). A host found unreachable is not tried again."""
        host = origin_of(url)
        if host in self.down:
            outcome.problems.append(f"{url}: {self.down[host].message}")
            return
        try:
            response = self.fetcher.get(url)
            self._store(sub, response, outcome, extract(_source(sub, response)))
        except (FetchError, IngestError) as exc:
            if isinstance(exc, FetchError) and exc.kind == E.UNREACHABLE:
                self.down[host] = exc
            outcome.problems.append(f"{url}: {exc}")

    def _store(self, sub: Subscription, response: Response, outcome: SourceOutcome,
               articles: list[Article]) -> None:
        stored = False
        for article in articles:
            result = self.archive.add(article, response.body, sub.url, self._batch())
            self.counts[result.status] += 1
            stored = True
            if result.status == NEW:
                outcome.new += 1
            elif result.status == VERSION:
                outcome.versions += 1
            if result.status in (NEW, VERSION):
                self.summary.article_ids.append(result.article_id)
                self.pending.append(result.article_id)
        if stored:
            self.subs.record_fetch(sha256_of(response.body), sub.id, response.record())
        self.flush_index()

    # -- housekeeping -----------------------------------------------------------------

    def _batch(self) -> int:
        if self.summary.batch_id is None:  # a pass that stores nothing leaves no batch behind
            self.summary.batch_id = self.archive.imports.begin(["update"])
        return self.summary.batch_id

    def _cancelled(self) -> bool:
        if self.cancel is not None and self.cancel.is_set():
            self.summary.cancelled = True
            return True
        return False

    def flush_index(self, force: bool = False) -> None:
        if self.index is None or not self.pending or (len(self.pending) < INDEX_CHUNK and not force):
            return
        try:
            self.index.update(self.archive.iter_index_docs(sorted(set(self.pending))))
        except Exception as exc:  # noqa: BLE001 - the catalog is the truth; the index is repaired
            self.summary.index_message = f"search index not updated ({exc}); it is repaired at next start"
        self.pending.clear()


def _source(sub: Subscription, response: Response) -> Source:
    return Source(response.final_url, response.body, sub.url, url=response.final_url)
