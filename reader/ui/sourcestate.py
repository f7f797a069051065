"""A followed source's state and last error in the reader's language.

reader.core stores each source's state as a code and its parameters
(Subscription.state_info, FetchError.code/params) beside an English sentence for the
command line; this module words the code with Qt's translations. A state written by a
program older than catalog v7 has no code: its English sentence is shown as it is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication

from .i18n import fill

Params = dict[str, Any]
translate = QCoreApplication.translate  # every call names its context: lupdate reads them


def duration(seconds: float) -> str:
    """A wait in words: 45 s, 12 min, 1.5 h."""
    if seconds >= 3600:
        return fill(translate("SourceState", "%1 h"),
                    f"{seconds / 3600:.1f}".removesuffix(".0"))
    if seconds >= 90:
        return fill(translate("SourceState", "%1 min"), f"{seconds / 60:.0f}")
    return fill(translate("SourceState", "%1 s"), f"{seconds:.0f}")


def _size(n: Any) -> str:
    from reader.core.ingest.base import size_text

    return size_text(int(n or 0))


def _status(p: Params) -> str:
    """An HTTP status with its meaning, for the statuses a reader meets."""
    code = int(p.get("http_status") or 0)
    meaning = {
        401: translate("SourceState", "a login is needed"),
        403: translate("SourceState", "access is forbidden"),
        404: translate("SourceState", "no such page"),
        410: translate("SourceState", "the page was removed"),
        429: translate("SourceState", "too many requests"),
        500: translate("SourceState", "the server failed"),
        502: translate("SourceState", "the server's gateway failed"),
        503: translate("SourceState", "busy or down for maintenance"),
    }.get(code) or str(p.get("reason") or "")
    return f"{code} ({meaning})" if meaning else str(code)


def _fetched(p: Params) -> str:
    text = fill(translate("SourceState", "%1 new, %2 changed"), p.get("new", 0), p.get("changed", 0))
    if p.get("problems"):
        text = fill(translate("SourceState", "%1; %2 could not be stored: %3"), text, p["problems"], p.get("problem", ""))
    return text


def _busy(p: Params) -> str:
    text = fill(translate("SourceState", "%1 answered %2"), p.get("host", ""), _status(p))
    if p.get("wait"):
        text = fill(translate("SourceState", "%1; it asked us to come back in %2"), text, duration(float(p["wait"])))
    return text


def _too_large(p: Params) -> str:
    if p.get("size"):
        return fill(translate("SourceState", "%1 is %2, more than the %3 limit; not downloaded"),
                    p.get("url", ""), _size(p["size"]), _size(p.get("limit")))
    return fill(translate("SourceState", "%1 is more than the %2 limit; the download was stopped"), p.get("url", ""),
                _size(p.get("limit")))


WORDS: dict[str, Callable[[Params], str]] = {
    "unchanged": lambda p: translate("SourceState", "Not changed since the last visit"),
    "fetched": _fetched,
    "offline": lambda p: translate("SourceState", "Offline: no network; fetched again when it is back"),
    "disallowed": lambda p: fill(translate("SourceState", "The site's robots.txt asks programs not to fetch %1; it is "
                                     "not fetched"), p.get("url", "")),
    "robots-unreadable": lambda p: fill(translate("SourceState", "%1/robots.txt answered %2; nothing is fetched from "
                                            "this site until it can be read"),
                                        p.get("host", ""), _status(p)),
    "http": lambda p: fill(translate("SourceState", "%1 answered %2"), p.get("url", ""), _status(p)),
    "busy": _busy,
    "too-large": _too_large,
    "download-too-slow": lambda p: fill(translate("SourceState", "%1 took more than %2 to download; stopped"),
                                        p.get("url", ""), duration(float(p.get("seconds", 0)))),
    "too-many-redirects": lambda p: fill(translate("SourceState", "%1 redirects more than %2 times; not followed further"),
                                         p.get("url", ""), p.get("limit", "")),
    "not-web-address": lambda p: fill(translate("SourceState", "%1 leads to %2: only http and https addresses are fetched"),
                                      p.get("url", ""), p.get("target", "")),
    "connect-timeout": lambda p: fill(translate("SourceState", "No connection to %1 within %2"), p.get("host", ""),
                                      duration(float(p.get("seconds", 0)))),
    "timeout": lambda p: fill(translate("SourceState", "%1 stopped answering (nothing for %2)"), p.get("host", ""),
                              duration(float(p.get("seconds", 0)))),
    "proxy": lambda p: fill(translate("SourceState", "The proxy refused or failed to reach %1 (%2)"), p.get("host", ""),
                            p.get("detail", "")),
    "tls": lambda p: fill(translate("SourceState", "The secure connection to %1 cannot be trusted (%2). Nothing was "
                              "fetched. If your office uses its own certificate authority, install "
                              "it in the system's certificate store."),
                          p.get("host", ""), p.get("detail", "")),
    "unreachable": lambda p: fill(translate("SourceState", "Cannot reach %1 (%2)"), p.get("host", ""), p.get("detail", "")),
    "broken": lambda p: fill(translate("SourceState", "%1 broke off the answer (%2)"), p.get("host", ""), p.get("detail", "")),
    "deferred": lambda p: fill(translate("SourceState", "%1 asked us to wait %2; tried again later"), p.get("host", ""),
                               duration(float(p.get("wait", 0)))),
    "cancelled": lambda p: translate("SourceState", "Stopped before it was fetched"),
    "not-stored": lambda p: fill(translate("SourceState", "What was fetched could not be stored (%1)"), p.get("detail", "")),
}


def describe(info: Params | None, english: str = "") -> str:
    """The state {"code": ..., parameters} in words; `english` (the core's sentence) when
    there is no code or the code is unknown to this version."""
    if not info or info.get("code") not in WORDS:
        return english or translate("SourceState", "Not fetched yet")
    text = WORDS[info["code"]](info)
    if info.get("adding"):  # the fetch made to tell a new source's kind
        text = fill(translate("SourceState", "Cannot tell what %1 is: %2. Choose its kind (feed, listing page or single "
                        "page) to add it anyway."), info["adding"], text)
    return text


def error_text(error: BaseException) -> str:
    """An exception from reader.core in words: a FetchError by its code, else as it is."""
    code = getattr(error, "code", None)
    if isinstance(code, str) and isinstance(getattr(error, "params", None), dict):
        return describe({"code": code, **error.params}, str(error))  # type: ignore[attr-defined]
    return str(error)


def source_state(source: Any, when: Callable[[dt.datetime], str]) -> str:
    """A Subscription's state for the Sources dialog: paused, its last state, and after
    failures how many in a row and when it is tried again (`when` words a local time)."""
    if not source.enabled:
        return translate("SourceState", "Paused")
    state = describe(source.state_info, source.last_message)
    if not source.failures:
        return state
    until = _local(source.backoff_until)
    if until is None:
        return fill(translate("SourceState", "%1 (failed %2 times in a row; tried again later)"), state, source.failures)
    return fill(translate("SourceState", "%1 (failed %2 times in a row; tried again after %3)"), state, source.failures,
                when(until))


def _local(stamp: str | None) -> dt.datetime | None:
    if not stamp:
        return None
    try:
        moment = dt.datetime.fromisoformat(stamp)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone()
