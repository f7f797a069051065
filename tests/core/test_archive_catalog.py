"""The catalog's one write path: SQLite's errors told apart by their codes, and the
librarian's managers (tags, notes, bookmarks, collections, imports) on top of it."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from reader.core.archive import AddStatus, Archive, ArchiveError, ArchiveInUse, ArchiveReadOnly
from reader.core.model import Article


def make(n: int = 1, text: str = "ย่อหน้าแรก") -> Article:
    return Article(title=f"ข่าวการพัฒนาระบบราชการ ฉบับที่ {n}", paragraphs=[text],
                   date=dt.date(2013, 8, 26), source_url=f"https://www.opdc.go.th/content/{n}",
                   kind="text")


@pytest.fixture
def archive(tmp_path):
    with Archive.open(tmp_path / "arch") as arch:
        yield arch


def test_full_catalog_is_reported_by_its_code_and_changes_nothing(archive):
    archive.add(make(1), b"first", "a.txt")
    pages = archive.db.value("PRAGMA page_count")
    archive.db.conn.execute(f"PRAGMA max_page_count={pages}")  # SQLITE_FULL on the next page
    big = make(2, "ข้อความยาว " * 20000)
    with pytest.raises(ArchiveError, match="is full; nothing was changed"):
        archive.add(big, b"second original", "b.txt")
    assert archive.count_articles() == 1
    assert [sha for sha, _ in archive.originals.iter_all()] == [
        archive.versions(archive.all_ids()[0])[0].sha256]  # the fresh bytes were taken back


def test_busy_catalog_is_reported_by_its_code(archive, tmp_path):
    aid = archive.add(make(), b"x", "x").article_id
    archive.db.conn.execute("PRAGMA busy_timeout=0")  # fail at once instead of waiting 10 s
    other = sqlite3.connect(tmp_path / "arch" / "catalog.sqlite", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program writing, bypassing the archive's lock
    try:
        with pytest.raises(ArchiveInUse, match="busy"):
            archive.tags.add(aid, "สำคัญ")
    finally:
        other.execute("ROLLBACK")
        other.close()
    archive.tags.add(aid, "สำคัญ")
    assert archive.tags.of(aid) == ["สำคัญ"]


def test_read_only_catalog_is_reported_by_its_code(archive):
    aid = archive.add(make(), b"x", "x").article_id
    archive.db.conn.execute("PRAGMA query_only=ON")  # SQLite refuses writes: SQLITE_READONLY
    with pytest.raises(ArchiveReadOnly, match="read-only"):
        archive.notes.set(aid, "บันทึก")
    archive.db.conn.execute("PRAGMA query_only=OFF")
    assert archive.notes.of(aid) == ""


def test_managers_add_remove_and_list(archive):
    a = archive.add(make(1), b"1", "1").article_id
    b = archive.add(make(2), b"2", "2").article_id
    archive.tags.add(a, "ก")
    archive.tags.add(b, "ก")
    archive.tags.add(b, "ข")
    archive.tags.remove(b, "ก")
    assert (archive.tags.of(a), archive.tags.of(b)) == (["ก"], ["ข"])
    assert archive.tags.counts() == [("ก", 1), ("ข", 1)]
    archive.collections.add(a, "  รายงาน   ประจำปี ")
    archive.collections.add(b, "รายงาน ประจำปี")
    archive.collections.add(b, "อื่น ๆ")
    archive.collections.remove(a, "รายงาน ประจำปี")
    assert archive.collections.of(a) == [] and archive.collections.of(b) == ["รายงาน ประจำปี", "อื่น ๆ"]
    assert archive.collections.counts() == [("รายงาน ประจำปี", 1), ("อื่น ๆ", 1)]
    with pytest.raises(ValueError):
        archive.collections.add(a, "  ")
    with pytest.raises(KeyError):
        archive.collections.add(999, "ใหม่")
    assert ("ใหม่", 0) not in archive.collections.counts()  # rolled back with the failed edit
    archive.bookmarks.set(b, True)
    assert (archive.bookmarks.has(a), archive.bookmarks.has(b), archive.bookmarks.count()) == (False, True, 1)
    archive.bookmarks.set(b, False)
    assert not archive.bookmarks.has(b)
    archive.notes.set(a, "อ่านอีกครั้ง")
    assert (archive.notes.of(a), archive.notes.of(b), archive.notes.of(999)) == ("อ่านอีกครั้ง", "", "")


def test_import_record(archive):
    batch = archive.imports.begin(["/data/ข่าว", "https://www.opdc.go.th/rss"])
    status = archive.add(make(), b"x", "x", batch).status
    assert status is AddStatus.NEW and status == "new"
    archive.imports.finish(batch, {AddStatus.NEW: 1}, [("เสีย.html", "empty page")])
    (job,) = archive.imports.recent()
    assert (job.id, job.status, job.new, job.failed) == (batch, "done", 1, 1)
    assert job.targets.splitlines() == ["/data/ข่าว", "https://www.opdc.go.th/rss"]
    assert archive.imports.failures(batch) == [("เสีย.html", "empty page")]


def test_damage_is_told_by_error_code(archive, tmp_path):
    from reader.core.archive import health

    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a catalog at all " * 300)
    with pytest.raises(sqlite3.DatabaseError) as notadb:
        sqlite3.connect(junk).execute("SELECT * FROM sqlite_master").fetchall()
    assert health.is_damage(notadb.value)  # SQLITE_NOTADB
    with pytest.raises(sqlite3.OperationalError) as missing:
        archive.db.conn.execute("SELECT * FROM no_such_table")
    assert not health.is_damage(missing.value, archive.db.conn)  # a sound catalog: a bug, not damage
    archive.db.conn.execute("DROP TABLE tags")
    assert health.is_damage(missing.value, archive.db.conn)  # a table the catalog needs is gone
