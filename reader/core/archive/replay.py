"""How each kind of journal entry is put back into a catalog being recovered.

Every replayer is idempotent and last-writer-wins per thing changed (one tag on one
article, one article's note...), so replaying the whole journal over a backup of any age
ends in the state the journal last recorded. Articles come back by extracting their
original again and picking the item whose text hash the journal recorded; their ids and
version numbers are the journal's, so tags and notes land on the right ones.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.core.ingest import ChromeLearner, IngestError, Source, extract
from reader.core.model import Article

from .adding import _article_json, _date, _text_hash, title_key
from .journal import Entry, replays
from .urls import normalize_url


@dataclass
class Replay:
    """What a replayer may use: the catalog being rebuilt and the archive's folder."""

    conn: sqlite3.Connection
    root: Path
    problems: list[str] = field(default_factory=list)
    articles: int = 0  # article versions put back from their originals

    chrome: ChromeLearner | None = None  # the sites' chrome the catalog learned (ingest/chrome.py)

    def site_chrome(self) -> ChromeLearner:
        """Pages are read again with the chrome they were first read with, so they give
        the same text (the rebuilt catalog holds the learned lines when its backup did)."""
        if self.chrome is None:
            known: dict[str, dict[str, str]] = {}
            try:
                for site, k, line in self.conn.execute("SELECT site, line_key, line FROM site_chrome"):
                    known.setdefault(site, {})[k] = line
            except sqlite3.OperationalError:
                pass  # a catalog from before the table
            self.chrome = ChromeLearner(known)
        return self.chrome

    def original(self, sha: str) -> bytes | None:
        path = self.root / "originals" / sha[:2] / sha
        try:
            return path.read_bytes()
        except OSError:
            return None


def _touch(r: Replay, e: Entry) -> bool:
    """The article's `updated_at` as the journal saw it; False when there is no article."""
    cur = r.conn.execute("UPDATE articles SET updated_at=max(updated_at, ?) WHERE id=?", (e["at"], e["id"]))
    if cur.rowcount == 0:
        r.problems.append(f"{e['kind']} for article {e['id']}, which could not be rebuilt; left out")
        return False
    return True


@replays("tag")
def _tag(r: Replay, e: Entry) -> None:
    if _touch(r, e):
        if e["on"]:
            r.conn.execute("INSERT OR IGNORE INTO tags(article_id, tag) VALUES (?,?)", (e["id"], e["tag"]))
        else:
            r.conn.execute("DELETE FROM tags WHERE article_id=? AND tag=?", (e["id"], e["tag"]))


@replays("note")
def _note(r: Replay, e: Entry) -> None:
    if _touch(r, e):
        r.conn.execute("UPDATE articles SET note=? WHERE id=?", (e["text"], e["id"]))


@replays("bookmark")
def _bookmark(r: Replay, e: Entry) -> None:
    if _touch(r, e):
        r.conn.execute("UPDATE articles SET bookmarked=? WHERE id=?", (1 if e["on"] else 0, e["id"]))


@replays("collection")
def _collection(r: Replay, e: Entry) -> None:
    if not _touch(r, e):
        return
    r.conn.execute("INSERT OR IGNORE INTO collections(name, created_at) VALUES (?,?)", (e["name"], e["at"]))
    cid = r.conn.execute("SELECT id FROM collections WHERE name=?", (e["name"],)).fetchone()[0]
    if e["on"]:
        r.conn.execute("INSERT OR IGNORE INTO collection_items VALUES (?,?)", (cid, e["id"]))
    else:
        r.conn.execute("DELETE FROM collection_items WHERE collection_id=? AND article_id=?", (cid, e["id"]))


@replays("batch")
def _batch(r: Replay, e: Entry) -> None:
    r.conn.execute("INSERT OR IGNORE INTO batches(id, started_at, targets) VALUES (?,?,?)",
                   (e["id"], e["at"], e["targets"]))


@replays("batch_done")
def _batch_done(r: Replay, e: Entry) -> None:
    cur = r.conn.execute(
        "UPDATE batches SET finished_at=?, status=?, new=?, versions=?, unchanged=?, duplicates=?,"
        " failed=? WHERE id=? AND finished_at IS NULL",
        (e["at"], e["status"], e["new"], e["versions"], e["unchanged"], e["duplicates"],
         len(e["failures"]), e["id"]))
    if cur.rowcount:
        r.conn.executemany("INSERT INTO failures(batch_id, name, reason) VALUES (?,?,?)",
                           [(e["id"], name, reason) for name, reason in e["failures"]])


_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@replays("row")
def _row(r: Replay, e: Entry) -> None:
    """A row of any table as journal.record_row saw it: put back, or deleted."""
    table, key, row = e["table"], e["key"], e["row"]
    tables = {t[0] for t in r.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    names = list(key) + list(row or {})
    if table not in tables or not all(_NAME.match(n) for n in names):
        raise ValueError(f"no table {table!r} or a strange column name")
    if row is None:
        where = " AND ".join(f"{c}=?" for c in key)
        r.conn.execute(f"DELETE FROM {table} WHERE {where}", tuple(key.values()))
        return
    columns = ", ".join(row)
    r.conn.execute(f"INSERT OR REPLACE INTO {table}({columns}) VALUES ({', '.join('?' * len(row))})",
                   tuple(row.values()))


def _batch_id(r: Replay, batch: int | None) -> int | None:
    """The batch, when the catalog has it (a journal begun after that import does not)."""
    if batch is None:
        return None
    found = r.conn.execute("SELECT 1 FROM batches WHERE id=?", (batch,)).fetchone()
    return batch if found else None


@replays("route")
def _route(r: Replay, e: Entry) -> None:
    if not r.conn.execute("SELECT 1 FROM articles WHERE id=?", (e["id"],)).fetchone():
        return  # its article could not be rebuilt; said once, by the article's entry
    r.conn.execute("INSERT OR IGNORE INTO originals(sha256, size, stored_at) VALUES (?,?,?)",
                   (e["sha256"], e["size"], e["at"]))
    r.conn.execute("INSERT OR IGNORE INTO routes(article_id, sha256, origin, url, seen_at, batch_id)"
                   " VALUES (?,?,?,?,?,?)",
                   (e["id"], e["sha256"], e["origin"], e["url"], e["at"], _batch_id(r, e["batch"])))


def _extracted(r: Replay, e: Entry) -> Article | None:
    data = r.original(e["sha256"])
    if data is None:
        r.problems.append(f"article {e['id']} version {e['version']}: its original {e['sha256']} "
                          "is missing; not rebuilt")
        return None
    try:
        found = extract(Source(e["name"], data, e["origin"], e.get("fetched_url")), chrome=r.site_chrome())
    except IngestError as exc:
        r.problems.append(f"article {e['id']} version {e['version']}: its original cannot be read "
                          f"again ({exc}); not rebuilt")
        return None
    for article in found:
        if _text_hash(article) == e["text_hash"]:
            return article
    same_title = [a for a in found if a.title == e.get("title")]
    if same_title:  # extracted a little differently by this version of the program
        return same_title[0]
    r.problems.append(f"article {e['id']} version {e['version']}: its original no longer gives "
                      "that text; not rebuilt")
    return None


@replays("article")
def _article(r: Replay, e: Entry) -> None:
    """One version of one article, from its original; the article row made or moved on."""
    conn = r.conn
    if conn.execute("SELECT 1 FROM versions WHERE article_id=? AND version=?",
                    (e["id"], e["version"])).fetchone():
        return
    article = _extracted(r, e)
    if article is None:
        return
    conn.execute("INSERT OR IGNORE INTO originals(sha256, size, stored_at) VALUES (?,?,?)",
                 (e["sha256"], e["size"], e["at"]))
    row = conn.execute("SELECT current_version FROM articles WHERE id=?", (e["id"],)).fetchone()
    fields = (normalize_url(article.source_url), title_key(article), article.title, _date(article),
              article.category, article.language)
    if row is None:
        conn.execute("INSERT INTO articles(id, url_key, title_key, current_version, title, date, category,"
                     " language, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                     (e["id"], *fields[:2], e["version"], *fields[2:], e["at"], e["at"]))
    elif e["version"] > row[0]:
        conn.execute("UPDATE articles SET url_key=COALESCE(url_key, ?), title_key=?, current_version=?,"
                     " title=?, date=?, category=?, language=?, updated_at=? WHERE id=?",
                     (fields[0], fields[1], e["version"], *fields[2:], e["at"], e["id"]))
    conn.execute("INSERT INTO versions(article_id, version, sha256, text_hash, kind, data, origin,"
                 " archived_at, batch_id) VALUES (?,?,?,?,?,?,?,?,?)",
                 (e["id"], e["version"], e["sha256"], e["text_hash"], article.kind, _article_json(article),
                  e["origin"], e["at"], _batch_id(r, e["batch"])))
    r.articles += 1


def article_entry(article_id: int, version: int, article: Article, sha: str, size: int, origin: str,
                  name: str | None, fetched_url: str | None, batch: int | None) -> dict[str, Any]:
    """The journal line for one stored version: enough to find its original and extract
    the same article from it again."""
    return {"id": article_id, "version": version, "sha256": sha, "size": size, "origin": origin,
            "name": name or origin, "fetched_url": fetched_url, "batch": batch,
            "text_hash": _text_hash(article), "title": article.title}


def route_entry(article_id: int, sha: str, size: int, origin: str, url: str | None,
                batch: int | None) -> dict[str, Any]:
    return {"id": article_id, "sha256": sha, "size": size, "origin": origin, "url": url, "batch": batch}
