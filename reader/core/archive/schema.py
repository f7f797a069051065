"""The catalog's SQLite schema and its migrations.

The schema version is SQLite's `user_version`. Each migration is applied in its own
transaction, so an archive is always at one version or the next, never between.
"""

from __future__ import annotations

import sqlite3

SCHEMA_VERSION = 7

_V1 = """
CREATE TABLE originals (
    sha256      TEXT PRIMARY KEY,
    size        INTEGER NOT NULL,
    stored_at   TEXT NOT NULL
);
CREATE TABLE batches (
    id          INTEGER PRIMARY KEY,
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    targets     TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'running',  -- running, done, cancelled
    new         INTEGER NOT NULL DEFAULT 0,
    versions    INTEGER NOT NULL DEFAULT 0,
    unchanged   INTEGER NOT NULL DEFAULT 0,
    duplicates  INTEGER NOT NULL DEFAULT 0,
    failed      INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE failures (
    batch_id    INTEGER NOT NULL REFERENCES batches(id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    reason      TEXT NOT NULL
);
CREATE TABLE articles (
    id              INTEGER PRIMARY KEY,
    url_key         TEXT,
    title_key       TEXT NOT NULL,
    current_version INTEGER NOT NULL,
    title           TEXT NOT NULL,
    date            TEXT,
    category        TEXT NOT NULL DEFAULT '',
    language        TEXT NOT NULL DEFAULT 'th',
    bookmarked      INTEGER NOT NULL DEFAULT 0,
    note            TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX articles_url ON articles(url_key);
CREATE INDEX articles_title_key ON articles(title_key);
CREATE INDEX articles_date ON articles(date, id);
CREATE INDEX articles_title ON articles(title, id);
CREATE INDEX articles_category ON articles(category, date);
CREATE INDEX articles_updated ON articles(updated_at);
CREATE TABLE versions (
    article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    version      INTEGER NOT NULL,
    sha256       TEXT NOT NULL REFERENCES originals(sha256),
    text_hash    TEXT NOT NULL,
    kind         TEXT NOT NULL DEFAULT '',
    data         TEXT NOT NULL,          -- the Article as JSON
    origin       TEXT NOT NULL,
    archived_at  TEXT NOT NULL,
    batch_id     INTEGER REFERENCES batches(id),
    PRIMARY KEY (article_id, version)
);
CREATE INDEX versions_text ON versions(text_hash);
CREATE INDEX versions_sha ON versions(sha256);
CREATE TABLE sources (                   -- every route an article arrived by
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    sha256      TEXT NOT NULL REFERENCES originals(sha256),
    origin      TEXT NOT NULL,
    url         TEXT,
    seen_at     TEXT NOT NULL,
    batch_id    INTEGER REFERENCES batches(id),
    UNIQUE (article_id, sha256, origin)
);
CREATE TABLE tags (
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    tag         TEXT NOT NULL,
    PRIMARY KEY (article_id, tag)
);
CREATE INDEX tags_tag ON tags(tag);
CREATE TABLE collections (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL
);
CREATE TABLE collection_items (
    collection_id INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
    article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (collection_id, article_id)
);
"""

# v2: the list sorted by category (A to Z, newest first within each) walked the
# (category, date) index and sorted each page in a temporary B-tree: 0.2-0.6 s a page deep
# in 60,000 articles. An index in exactly that order makes it ~4 ms, like the date order.
_V2 = """
CREATE INDEX articles_category_newest ON articles(category, date DESC, id DESC);
"""

# v3: subscribed sources (issue 11). The name `sources` was taken by the table of every
# route an article arrived by; that table becomes `routes` (its rows, indexes and
# references move with it), and `sources` now holds what the user follows: a feed, a
# listing page or a single page, with the fetcher's state for each. `fetches` keeps the
# provenance of every stored fetch beside the original bytes it produced (a WARC export
# reads the HTTP headers from there); `robots` caches each host's robots.txt, so a cron
# job run every hour still reads it at most once a day.
_V3 = """
ALTER TABLE sources RENAME TO routes;
CREATE TABLE sources (
    id              INTEGER PRIMARY KEY,
    kind            TEXT NOT NULL CHECK (kind IN ('feed', 'listing', 'page')),
    url             TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL DEFAULT '',
    every_seconds   INTEGER NOT NULL DEFAULT 21600,
    enabled         INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT NOT NULL,
    etag            TEXT,
    last_modified   TEXT,
    last_fetch      TEXT,                 -- when it was last tried
    last_status     INTEGER,              -- HTTP status of that try (NULL: no answer)
    last_message    TEXT NOT NULL DEFAULT '',
    next_due        TEXT,                 -- NULL: due now
    failures        INTEGER NOT NULL DEFAULT 0,
    backoff_until   TEXT,
    articles_added  INTEGER NOT NULL DEFAULT 0,
    pages_done      INTEGER NOT NULL DEFAULT 0   -- a listing's back-fill has been done
);
CREATE TABLE fetches (
    id              INTEGER PRIMARY KEY,
    sha256          TEXT NOT NULL REFERENCES originals(sha256),
    source_id       INTEGER REFERENCES sources(id) ON DELETE SET NULL,
    requested_url   TEXT NOT NULL,
    final_url       TEXT NOT NULL,
    status          INTEGER NOT NULL,
    date            TEXT,                 -- the response's Date header, as sent
    etag            TEXT,
    last_modified   TEXT,
    content_type    TEXT,
    headers         TEXT NOT NULL,        -- JSON [[name, value], ...], as received, in order
    fetched_at      TEXT NOT NULL,
    UNIQUE (sha256, final_url)
);
CREATE TABLE robots (
    origin          TEXT PRIMARY KEY,     -- scheme://host:port
    status          INTEGER NOT NULL,     -- HTTP status of robots.txt (0: unreachable)
    body            TEXT NOT NULL,
    fetched_at      TEXT NOT NULL
);
"""

# v4: passages a reader highlighted (offsets into one version's body, with the passage
# itself) and searches kept under a name (issue 13).
_V4 = """
CREATE TABLE highlights (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL,
    version     INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    quote       TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    FOREIGN KEY (article_id, version) REFERENCES versions(article_id, version) ON DELETE CASCADE,
    CHECK (0 <= start AND start < end)
);
CREATE INDEX highlights_article ON highlights(article_id, version, start);
CREATE TABLE saved_searches (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    query       TEXT NOT NULL,
    filters     TEXT NOT NULL DEFAULT '{}',   -- JSON: date_from, date_to, category, ...
    created_at  TEXT NOT NULL,
    seen_at     TEXT NOT NULL                 -- matches archived after this are new
);
"""

# v5: lines each site prints on most of its pages (its chrome), learned from imported
# batches, so later imports from the site tell them from headlines (issue 12).
_V5 = """
CREATE TABLE site_chrome (
    site        TEXT NOT NULL,               -- host, or folder:<path> for files
    line_key    TEXT NOT NULL,               -- letters and digits of the line, lower case
    line        TEXT NOT NULL,               -- the line as a page printed it
    pages       INTEGER NOT NULL,            -- pages it was seen on when learned
    learned_at  TEXT NOT NULL,
    PRIMARY KEY (site, line_key)
);
"""

# v6: where an original was captured from a WARC file (record id, target URI, date, HTTP
# status and headers), so provenance survives and a WARC export can give the headers back.
_V6 = """
CREATE TABLE captures (
    article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    sha256       TEXT NOT NULL REFERENCES originals(sha256),
    record_id    TEXT NOT NULL DEFAULT '',  -- WARC-Record-ID
    target_uri   TEXT NOT NULL DEFAULT '',  -- WARC-Target-URI
    captured_at  TEXT NOT NULL DEFAULT '',  -- WARC-Date
    record_type  TEXT NOT NULL DEFAULT '',  -- response, resource
    http_status  INTEGER,
    http         TEXT,                      -- JSON {protocol, status, headers: [[name, value]]}
    warc_file    TEXT NOT NULL DEFAULT '',
    stored_at    TEXT NOT NULL,
    UNIQUE (article_id, sha256, record_id)
);
CREATE INDEX captures_sha ON captures(sha256);
"""

# v7: a followed source's last state for a program: a code and its parameters as JSON
# (`last_message` keeps the English sentence for the command line and older programs),
# so the window can say it in Thai (issue 11). And the routes by origin: the sidebar
# lists a followed source's articles by it (listing.py), which read the whole table.
_V7 = """
ALTER TABLE sources ADD COLUMN state TEXT;
CREATE INDEX IF NOT EXISTS routes_origin ON routes(origin);
"""

MIGRATIONS: dict[int, str] = {1: _V1, 2: _V2, 3: _V3, 4: _V4, 5: _V5, 6: _V6, 7: _V7}


class SchemaTooNew(Exception):
    pass


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the catalog to SCHEMA_VERSION; returns the version it was at."""
    found = conn.execute("PRAGMA user_version").fetchone()[0]
    if found > SCHEMA_VERSION:
        raise SchemaTooNew(
            f"this archive was written by a newer OPDC Reader (catalog version {found}, "
            f"this program knows up to {SCHEMA_VERSION})"
        )
    for version in range(found + 1, SCHEMA_VERSION + 1):
        conn.executescript("BEGIN;" + MIGRATIONS[version] + f"PRAGMA user_version = {version};COMMIT;")
    return int(found)
