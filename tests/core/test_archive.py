"""The archive on disk: versions, routes, the librarian's data, locks, verify."""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import sys
import textwrap
from contextlib import contextmanager

import pytest

from reader.core.archive import (
    DUPLICATE,
    NEW,
    UNCHANGED,
    VERSION,
    Archive,
    ArchiveError,
    ArchiveInUse,
    ArchiveReadOnly,
    ListFilter,
)
from reader.core.archive.urls import normalize_url
from reader.core.archive.verify import verify
from reader.core.model import Article


def make(title="สำนักงาน ก.พ.ร. จับมือธนาคารโลก", paragraphs=("ย่อหน้าแรก", "ย่อหน้าที่สอง"),
         url="https://www.opdc.go.th/content/1", date=dt.date(2013, 8, 26), kind="text", **kw):
    return Article(title=title, paragraphs=list(paragraphs), date=date, source_url=url, kind=kind,
                   category=kw.pop("category", "ข่าวเด่น"), **kw)


@pytest.fixture
def archive(tmp_path):
    with Archive.open(tmp_path / "arch") as arch:
        yield arch


def test_new_archive_layout(tmp_path):
    root = tmp_path / "arch"
    Archive.open(root).close()
    assert "created = " in (root / "archive.toml").read_text()
    assert "format_version = 1" in (root / "archive.toml").read_text()
    assert (root / "catalog.sqlite").exists() and (root / "originals").is_dir()
    conn = sqlite3.connect(root / "catalog.sqlite")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] >= 1


def test_refuses_non_archive_folder_with_files(tmp_path):
    (tmp_path / "x.txt").write_text("mine")
    with pytest.raises(ArchiveError, match="not empty"):
        Archive.open(tmp_path)
    assert (tmp_path / "x.txt").read_text() == "mine"


def test_missing_archive_without_create(tmp_path):
    with pytest.raises(ArchiveError, match="no archive"):
        Archive.open(tmp_path / "nothing", create=False)


def test_identical_bytes_change_nothing(archive):
    first = archive.add(make(), b"page bytes", "a.txt")
    stamp = archive.index_stamp()
    again = archive.add(make(), b"page bytes", "a.txt")
    assert (first.status, again.status) == (NEW, UNCHANGED)
    assert again.article_id == first.article_id
    assert archive.index_stamp() == stamp
    assert len(archive.sources(first.article_id)) == 1
    assert archive.count_articles() == 1


def test_changed_text_becomes_new_version_old_one_kept(archive):
    a = archive.add(make(), b"v1", "a.txt")
    b = archive.add(make(paragraphs=["แก้ไขแล้ว"]), b"v2", "a.txt")
    assert b.status == VERSION and b.article_id == a.article_id and b.version == 2
    assert archive.get(a.article_id).paragraphs == ["แก้ไขแล้ว"]
    assert archive.get(a.article_id, 1).paragraphs == ["ย่อหน้าแรก", "ย่อหน้าที่สอง"]
    versions = archive.versions(a.article_id)
    assert [v.version for v in versions] == [1, 2]
    assert archive.original_bytes(versions[0].sha256) == b"v1"
    assert archive.original_bytes(versions[1].sha256) == b"v2"


def test_same_text_other_bytes_is_a_duplicate_route(archive):
    a = archive.add(make(), b"saved page", "page.html")
    b = archive.add(make(url="http://opdc.go.th/content/1/"), b"text copy", "page.txt")
    assert b.status == DUPLICATE and b.article_id == a.article_id
    assert {s["origin"] for s in archive.sources(a.article_id)} == {"page.html", "page.txt"}


def test_feed_item_and_saved_page_are_one_article(archive):
    page = archive.add(make(url="https://www.opdc.go.th/news/77"), b"<html>page</html>", "p.html")
    item = archive.add(make(paragraphs=["สรุปสั้น"], url="https://opdc.go.th/rss?id=77", kind="feed"),
                       b"<rss/>", "feed.xml")
    assert item.article_id == page.article_id  # title and date agree
    assert item.status == DUPLICATE  # a summary does not replace the full page
    assert archive.get(page.article_id).paragraphs == ["ย่อหน้าแรก", "ย่อหน้าที่สอง"]


def test_feed_first_then_full_page_becomes_current(archive):
    item = archive.add(make(paragraphs=["สรุปสั้น"], kind="feed"), b"<rss/>", "feed.xml")
    page = archive.add(make(kind="html"), b"<html/>", "p.html")
    assert page.article_id == item.article_id and page.status == VERSION
    assert archive.get(item.article_id).paragraphs == ["ย่อหน้าแรก", "ย่อหน้าที่สอง"]


def test_different_urls_and_titles_are_different_articles(archive):
    archive.add(make(), b"1", "1")
    archive.add(make(title="ข่าวอื่นที่ไม่เกี่ยวข้องกันเลย", url="https://opdc.go.th/content/2"), b"2", "2")
    assert archive.count_articles() == 2


def test_normalize_url():
    assert normalize_url("http://www.OPDC.go.th/content/1/?b=2&a=1&utm_source=x#top") == \
        "https://opdc.go.th/content/1?a=1&b=2"
    assert normalize_url(None) is None


def test_librarian_data_survives_reopen(tmp_path):
    root = tmp_path / "arch"
    with Archive.open(root) as arch:
        aid = arch.add(make(), b"x", "x").article_id
        arch.bookmarks.set(aid, True)
        arch.tags.add(aid, "อาเซียน")
        arch.tags.add(aid, "  ธรรมาภิบาล  ")
        arch.notes.set(aid, "ใช้ในรายงานประจำปี")
        arch.collections.add(aid, "รายงาน 2556")
    with Archive.open(root) as arch:
        assert arch.bookmarks.has(aid)
        assert arch.tags.of(aid) == ["ธรรมาภิบาล", "อาเซียน"]
        assert arch.notes.of(aid) == "ใช้ในรายงานประจำปี"
        assert arch.collections.counts() == [("รายงาน 2556", 1)]
        assert [r.id for r in arch.list_articles(ListFilter(tag="อาเซียน"))] == [aid]
        assert [r.id for r in arch.list_articles(ListFilter(bookmarked=True))] == [aid]
        doc = next(arch.iter_index_docs([aid]))
        assert doc.tags == ["ธรรมาภิบาล", "อาเซียน"] and doc.note and doc.bookmarked


def test_tag_change_moves_index_stamp(archive):
    aid = archive.add(make(), b"x", "x").article_id
    before = archive.index_stamp()
    archive.tags.add(aid, "tag")
    after = archive.index_stamp()
    assert after[0] == before[0] and after[1] > before[1]
    assert archive.changed_since(before[1]) == [aid]
    with pytest.raises(ValueError):
        archive.tags.add(aid, "   ")
    with pytest.raises(KeyError):
        archive.tags.add(999, "x")


def test_list_filters_and_order(archive):
    for i in range(30):
        archive.add(make(title=f"ข่าวที่ {i:02d} เรื่องการพัฒนาระบบราชการ", url=f"https://x.go.th/{i}",
                         date=dt.date(2020 + i % 3, 1 + i % 12, 1), language="th" if i % 2 else "en",
                         category="ข่าวเด่น" if i % 5 == 0 else "ทั่วไป"), f"{i}".encode(), f"{i}")
    assert archive.count_articles() == 30
    assert archive.count_articles(ListFilter(year=2021)) == 10
    assert archive.count_articles(ListFilter(category="ข่าวเด่น")) == 6
    assert archive.count_articles(ListFilter(language="en")) == 15
    assert archive.count_articles(ListFilter(date_from=dt.date(2022, 1, 1))) == 10
    assert archive.count_articles(ListFilter(title_contains="ที่ 07")) == 1
    page1 = archive.list_articles(limit=10)
    page2 = archive.list_articles(offset=10, limit=10)
    assert len(page1) == 10 and not {r.id for r in page1} & {r.id for r in page2}
    dates = [r.date for r in archive.list_articles(limit=100)]
    assert dates == sorted(dates, reverse=True)
    assert dict(archive.years()) == {2022: 10, 2021: 10, 2020: 10}
    assert dict(archive.categories()) == {"ทั่วไป": 24, "ข่าวเด่น": 6}


def test_read_only_archive_refuses_writes(tmp_path):
    root = tmp_path / "arch"
    with Archive.open(root) as arch:
        aid = arch.add(make(), b"x", "x").article_id
    with Archive.open(root, readonly=True) as arch:
        assert arch.get(aid).title
        with pytest.raises(ArchiveReadOnly):
            arch.add(make(title="ใหม่ทั้งหมดเลยนะครับ"), b"y", "y")
        with pytest.raises(ArchiveReadOnly):
            arch.tags.add(aid, "x")


@contextmanager
def held_elsewhere(root, lock: str):
    """Another process holding one of the archive's locks (`writing` or `batch`) until
    the block ends."""
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys
            from reader.core.archive import Archive
            a = Archive.open({str(root)!r})
            with a.{lock}():
                print("held", flush=True)
                sys.stdin.readline()
        """)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        yield
    finally:
        holder.communicate("\n", timeout=10)


def test_edits_go_in_between_a_long_jobs_writes(tmp_path):
    """Another process is importing (it holds the batch lock): a second import is
    refused with "in use", but a tag from the window is stored at once."""
    root = tmp_path / "arch"
    with Archive.open(root) as arch:
        aid = arch.add(make(), b"x", "x").article_id
    with held_elsewhere(root, "batch"), Archive.open(root) as arch:
        with pytest.raises(ArchiveInUse, match="in use by another import"):
            with arch.batch(wait=0.2):
                pass
        with arch.writing(wait=0.2):
            pass
        arch.tags.add(aid, "ระหว่างนำเข้า")
        assert arch.tags.of(aid) == ["ระหว่างนำเข้า"]


def test_second_writer_gets_archive_in_use(tmp_path):
    root = tmp_path / "arch"
    Archive.open(root).close()
    with held_elsewhere(root, "writing"), Archive.open(root) as arch:
        with pytest.raises(ArchiveInUse, match="in use"):
            with arch.writing(wait=0.2):
                pass
        assert arch.count_articles() == 0  # readers still read
    with Archive.open(root) as arch, arch.writing(wait=0.2):
        pass  # free again once the holder is gone


def test_newer_schema_is_refused_clearly(tmp_path):
    root = tmp_path / "arch"
    Archive.open(root).close()
    conn = sqlite3.connect(root / "catalog.sqlite")
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(ArchiveError, match="newer"):
        Archive.open(root)


def test_verify_finds_tampered_and_missing_originals(tmp_path):
    root = tmp_path / "arch"
    with Archive.open(root) as arch:
        a = arch.add(make(), b"original one", "1")
        b = arch.add(make(title="อีกข่าวหนึ่งที่แตกต่าง", url="https://x.go.th/2"), b"original two", "2")
        assert verify(arch).ok
        sha_a = arch.get(a.article_id).sha256
        sha_b = arch.get(b.article_id).sha256
    path_a = root / "originals" / sha_a[:2] / sha_a
    path_a.chmod(0o644)
    path_a.write_bytes(b"tampered")
    (root / "originals" / sha_b[:2] / sha_b).unlink()
    with Archive.open(root) as arch:
        report = verify(arch)
    assert not report.ok
    text = "\n".join(report.problems)
    assert "changed on disk" in text and "missing on disk" in text


def test_version_one_catalog_is_migrated_and_lists_by_category_from_an_index(tmp_path):
    """An archive written by the first release (catalog v1) opens, gains the v2 index,
    keeps its articles, and the category order no longer sorts in a temporary B-tree."""
    from reader.core.archive import schema

    root = tmp_path / "old"
    with Archive.open(root) as arc:
        for i in range(3):
            arc.add(Article(title=f"ข่าว {i}", paragraphs=["เนื้อหา"], category="ข่าว" if i else "ประกาศ",
                            date=dt.date(2023, 1, 1 + i)), f"v1 {i}".encode(), f"{i}.txt")
    conn = sqlite3.connect(root / "catalog.sqlite")
    conn.execute("DROP INDEX articles_category_newest")
    conn.execute("DROP TABLE captures")  # and undo v6 (WARC captures)
    # and undo v3 (subscribed sources): the routes table under its v1 name; and v4, v5
    conn.executescript("DROP TABLE sources; DROP TABLE fetches; DROP TABLE robots;"
                       " ALTER TABLE routes RENAME TO sources;"
                       " DROP TABLE highlights; DROP TABLE saved_searches; DROP TABLE site_chrome;")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    with Archive.open(root) as arc:
        assert [r.title for r in arc.list_articles(order="category_asc")] == ["ข่าว 2", "ข่าว 1", "ข่าว 0"]
        plan = arc.db.query("EXPLAIN QUERY PLAN SELECT a.id FROM articles a ORDER BY a.category ASC,"
                          " a.date DESC, a.id DESC LIMIT 10 OFFSET 1")
    assert not any("TEMP B-TREE" in row[3] for row in plan), [tuple(r) for r in plan]
    conn = sqlite3.connect(root / "catalog.sqlite")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    conn.close()
