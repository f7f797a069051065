"""Subscribed sources in the catalog: the v3 migration (old `sources` -> `routes`), the
manager's rows and state, provenance of fetches, and sources travelling in bundles."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from reader.core.archive import Archive, ArchiveError
from reader.core.archive.bundle import backup, restore
from reader.core.archive.schema import MIGRATIONS
from reader.core.archive.subscriptions import FetchRecord, Subscriptions, parse_every
from reader.core.archive.verify import verify
from reader.core.model import Article


def _article(n: int) -> Article:
    return Article(title=f"ข่าวการทดสอบการย้ายตาราง ฉบับที่ {n}", paragraphs=[f"เนื้อหา {n}"],
                   date=dt.date(2021, 3, n + 1), source_url=f"https://www.opdc.go.th/n/{n}",
                   kind="text")


def test_v2_catalog_migrates_routes_kept(tmp_path):
    """A catalog written before v3: its routes survive the rename, the new table is empty."""
    with Archive.open(tmp_path / "a") as arch:
        first = arch.add(_article(1), b"one", "one.txt")
        arch.add(_article(1), b"one again", "copy.txt")
    conn = sqlite3.connect(tmp_path / "a" / "catalog.sqlite")
    # take the catalog back to v2 by hand: the routes table under its old name, no v3 tables
    conn.executescript("DROP TABLE sources; DROP TABLE fetches; DROP TABLE robots;"
                       "ALTER TABLE routes RENAME TO sources;"
                       "DROP TABLE highlights; DROP TABLE saved_searches;"  # and v4's
                       "DROP TABLE site_chrome;"  # and v5's
                       "DROP TABLE captures;"  # and v6's
                       "PRAGMA user_version=2;")
    conn.close()
    with Archive.open(tmp_path / "a", readonly=True) as arch:  # read-only: not migrated
        assert {s["origin"] for s in arch.sources(first.article_id)} == {"one.txt", "copy.txt"}
        assert Subscriptions(arch).all() == [] and not Subscriptions(arch).known_url("https://x/")
    with Archive.open(tmp_path / "a") as arch:
        assert {s["origin"] for s in arch.sources(first.article_id)} == {"one.txt", "copy.txt"}
        assert Subscriptions(arch).all() == []
        assert arch.db.value("PRAGMA user_version") == max(MIGRATIONS)
        assert verify(arch).ok


def test_add_list_edit_remove(tmp_path):
    with Archive.open(tmp_path / "a") as arch:
        subs = Subscriptions(arch)
        s = subs.add("https://www.opdc.go.th/_rss.php?cat=N", "feed", name="ข่าว ก.พ.ร.",
                     every_seconds=parse_every("6h"))
        assert (s.kind, s.every_seconds, s.enabled, s.failures) == ("feed", 21600, True, 0)
        with pytest.raises(ArchiveError, match="already following"):
            subs.add("https://www.opdc.go.th/_rss.php?cat=N", "feed")
        with pytest.raises(ValueError, match="web address"):
            subs.add("file:///etc/passwd", "page")
        assert [x.id for x in subs.due()] == [s.id]
        subs.record(s.id, next_due="2999-01-01T00:00:00+00:00", etag='"abc"', last_status=200)
        assert subs.due() == []
        assert subs.get(s.id).etag == '"abc"'
        subs.edit(s.id, enabled=False, name="OPDC")
        assert subs.get(s.id).label == "OPDC" and not subs.get(s.id).enabled
        subs.remove(s.id)
        with pytest.raises(KeyError):
            subs.get(s.id)


def test_parse_every():
    assert parse_every("30m") == 1800 and parse_every("1d") == 86400 and parse_every("90") == 5400
    with pytest.raises(ValueError, match="15 minutes"):
        parse_every("1m")
    with pytest.raises(ValueError, match="not an interval"):
        parse_every("often")


def test_fetch_provenance_and_bundle_round_trip(tmp_path):
    with Archive.open(tmp_path / "a") as arch:
        subs = Subscriptions(arch)
        s = subs.add("https://www.opdc.go.th/news", "listing", name="ข่าวเด่น")
        added = arch.add(_article(2), b"<html>page</html>", "https://www.opdc.go.th/n/2")
        sha = arch.get(added.article_id).sha256
        rec = FetchRecord("http://opdc.go.th/n/2", "https://www.opdc.go.th/n/2", 200,
                          [("Date", "Tue, 02 Mar 2021 10:00:00 GMT"), ("ETag", '"x1"'),
                           ("Content-Type", "text/html; charset=utf-8")], "2021-03-02T10:00:01+00:00")
        subs.record_fetch(sha, s.id, rec)
        subs.record_fetch(sha, s.id, rec)  # the same bytes again: kept once
        subs.record_fetch("0" * 64, s.id, rec)  # bytes that were never stored: not recorded
        [kept] = subs.fetches_for(sha)
        assert kept["etag"] == '"x1"' and kept["date"].startswith("Tue")
        assert kept["headers"][2] == ["Content-Type", "text/html; charset=utf-8"]
        assert subs.fetches_for("0" * 64) == []
        backup(arch, tmp_path / "b.zip")
    restore(tmp_path / "b.zip", tmp_path / "r")
    with Archive.open(tmp_path / "r") as arch:
        subs = Subscriptions(arch)
        assert [(x.url, x.name) for x in subs.all()] == [("https://www.opdc.go.th/news", "ข่าวเด่น")]
        assert subs.fetches_for(sha)[0]["final_url"] == "https://www.opdc.go.th/n/2"


def test_recover_gives_back_the_subscriptions(tmp_path):
    """Sources are journaled (journal.record_row): a lost catalog is rebuilt with them."""
    from reader.core.archive.recover import recover

    root = tmp_path / "a"
    with Archive.open(root) as arch:
        subs = Subscriptions(arch)
        keep = subs.add("https://www.opdc.go.th/_rss.php?cat=N", "feed", name="ข่าว ก.พ.ร.")
        moved = subs.add("https://www.prd.go.th/old", "page")
        gone = subs.add("https://www.thaigov.go.th/news", "listing")
        subs.edit(keep.id, every_seconds=43200, enabled=False)
        subs.edit(moved.id, url="https://www.prd.go.th/new", kind="listing")
        subs.remove(gone.id)
        want = {(s.url, s.kind, s.name, s.every_seconds, s.enabled) for s in subs.all()}
    (root / "catalog.sqlite").unlink()
    recover(root)
    with Archive.open(root) as arch:
        back = Subscriptions(arch).all()
    assert {(s.url, s.kind, s.name, s.every_seconds, s.enabled) for s in back} == want


def test_bundle_merged_into_another_archive_brings_its_sources(tmp_path):
    from reader.core.archive.bundle import merge_bundle

    with Archive.open(tmp_path / "a") as arch:
        subs = Subscriptions(arch)
        subs.add("https://www.opdc.go.th/", "listing", name="ข่าวเด่น")
        paused = subs.add("https://www.prd.go.th/rss.xml", "feed")
        subs.edit(paused.id, enabled=False)
        arch.add(_article(1), b"one", "one.txt")
        backup(arch, tmp_path / "a.zip")
    with Archive.open(tmp_path / "b") as arch:
        Subscriptions(arch).add("https://www.opdc.go.th/", "listing", name="mine")
        merge_bundle(arch, (tmp_path / "a.zip").read_bytes(), "a.zip")
        got = {(s.url, s.name, s.enabled) for s in Subscriptions(arch).all()}
    assert got == {("https://www.opdc.go.th/", "mine", True), ("https://www.prd.go.th/rss.xml", "", False)}
