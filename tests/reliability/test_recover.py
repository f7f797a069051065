"""`recover` gives back everything: 2,000 corpus articles with tags, notes, bookmarks,
collections, highlights and saved searches, two catalog backups and the journal; then the catalog is deleted, cut short,
overwritten at random pages (20 seeds), and deleted with its newest backup. After each,
recover rebuilds it, a full dump equals the one taken before, and `verify` passes.

The archive is built once per session (about 10 s) and copied for each case."""

from __future__ import annotations

import json
import random
import shutil
import sqlite3
import tarfile
from pathlib import Path
from typing import Any

import pytest

from reader.core.archive import Archive, backups
from reader.core.archive.recover import recover
from reader.core.archive.verify import verify
from reader.core.importer import import_targets
from tests.conftest import need_corpus
from tests.reliability.helpers import cli

ARTICLES = 2000
FIRST = 1500  # imported before the first backup; the rest before the second
SEEDS = 20
EDITS_BEFORE, EDITS_AFTER = 180, 180  # before and after the newest backup
PAGE = 4096


def unpack(tar: Path, dest: Path, n: int) -> list[Path]:
    """The first n article files of the corpus tar (its folder dates and categories kept)."""
    out: list[Path] = []
    with tarfile.open(tar, "r:xz") as tf:
        for member in tf:
            if not (member.isfile() and member.name.endswith(".txt") and "/data/" in member.name):
                continue
            target = dest / member.name.split("/data/", 1)[1]
            target.parent.mkdir(parents=True, exist_ok=True)
            fh = tf.extractfile(member)
            assert fh is not None
            target.write_bytes(fh.read())
            out.append(target)
            if len(out) >= n:
                break
    return out


def edits(archive: Archive, ids: list[int], rng: random.Random, n: int) -> None:
    """The librarian's work: tags added and removed, notes, bookmarks, collections."""
    for step in range(n):
        article = rng.choice(ids)
        what = step % 9
        if what == 0:
            archive.tags.add(article, rng.choice(["นโยบาย", "เศรษฐกิจ", "to read", "ภาคใต้"]))
        elif what == 1:
            archive.notes.set(article, f"บันทึก {step}: ตรวจสอบกับต้นฉบับแล้ว")
        elif what == 2:
            archive.bookmarks.set(article, rng.random() < 0.7)
        elif what == 3:
            archive.collections.add(article, rng.choice(["รายงานประจำปี", "Cabinet 2566"]))
        elif what == 4 and archive.tags.of(article):
            archive.tags.remove(article, archive.tags.of(article)[0])
        elif what == 5 and archive.collections.of(article):
            archive.collections.remove(article, archive.collections.of(article)[0])
        elif what == 6:
            body = archive.get(article).body
            start = rng.randrange(max(1, len(body) - 40))
            if body[start:start + 30].strip():
                archive.highlights.add(article, archive.get(article).version or 1, start, start + 30,
                                       note=rng.choice(["", "อ้างอิงในรายงาน"]))
        elif what == 7 and archive.highlights.count():
            mark = rng.choice(archive.highlights.all())
            if rng.random() < 0.5:
                archive.highlights.remove(mark.id)
            else:
                archive.highlights.set_note(mark.id, f"หมายเหตุ {step}")
        elif what == 8:
            saved = archive.saved.save(rng.choice(["งบประมาณ", "ภัยแล้ง"]), rng.choice(["งบ", "น้ำ"]))
            if rng.random() < 0.3:
                archive.saved.mark_seen(saved.id)


def dump(root: Path) -> dict[str, Any]:
    """Everything the catalog knows that recover must give back (times of the last edit
    excepted: replay stamps them with the journal's time)."""
    conn = sqlite3.connect(f"file:{root / 'catalog.sqlite'}?mode=ro", uri=True)
    queries = {
        "articles": "SELECT id, url_key, title_key, current_version, title, date, category, language,"
                    " bookmarked, note, created_at FROM articles ORDER BY id",
        "versions": "SELECT * FROM versions ORDER BY article_id, version",
        "routes": "SELECT * FROM routes ORDER BY article_id, sha256, origin",
        "originals": "SELECT * FROM originals ORDER BY sha256",
        "tags": "SELECT article_id, tag FROM tags ORDER BY 1, 2",
        "collections": "SELECT c.name, ci.article_id FROM collection_items ci JOIN collections c"
                       " ON c.id=ci.collection_id ORDER BY 1, 2",
        "batches": "SELECT * FROM batches ORDER BY id",
        "failures": "SELECT * FROM failures ORDER BY batch_id, name",
        "highlights": "SELECT * FROM highlights ORDER BY id",
        "saved searches": "SELECT * FROM saved_searches ORDER BY id",
    }
    try:
        return {name: [tuple(r) for r in conn.execute(sql)] for name, sql in queries.items()}
    finally:
        conn.close()


@pytest.fixture(scope="session")
def filled(tmp_path_factory) -> tuple[Path, dict[str, Any]]:
    tar = need_corpus("thaigov-v2-all.tar.xz")
    base = tmp_path_factory.mktemp("recover")
    pages = unpack(tar, base / "pages", ARTICLES)
    first, second = base / "first", base / "second"
    for n, path in enumerate(pages):
        target = (first if n < FIRST else second) / path.relative_to(base / "pages")
        target.parent.mkdir(parents=True, exist_ok=True)
        path.rename(target)
    root = base / "archive"
    rng = random.Random(16)
    with Archive.open(root) as archive:
        import_targets(archive, [str(first)])  # takes the first backup by itself
        assert len(backups.existing(root)) == 1
        edits(archive, archive.all_ids(), rng, EDITS_BEFORE)
        import_targets(archive, [str(second)])  # the same day: no automatic backup
        assert len(backups.existing(root)) == 1
        backups.take(root, root / "catalog.sqlite")  # as the next day's import would
        # After the newest backup, only the journal knows: a new version of an article,
        # new articles, and more edits.
        changed = sorted(second.rglob("*.txt"))[0]
        text = changed.read_text(encoding="utf-8").replace("\n\n", "\n\nย่อหน้าที่เพิ่มภายหลัง\n\n", 1)
        (base / "third").mkdir()
        (base / "third" / changed.name).write_text(text, encoding="utf-8")
        import_targets(archive, [str(base / "third")])
        edits(archive, archive.all_ids(), rng, EDITS_AFTER)
        assert archive.count_articles() > 1900
    before = dump(root)
    assert len(before["tags"]) > 20 and before["collections"] and any(r[8] for r in before["articles"])
    assert len(before["highlights"]) > 10 and before["saved searches"]
    assert max(r[3] for r in before["articles"]) >= 2  # the new version is there
    return root, before


def overwrite_random_pages(catalog: Path, seed: int, count: int = 50) -> None:
    rng = random.Random(seed)
    pages = catalog.stat().st_size // PAGE
    with open(catalog, "r+b") as fh:
        for page in rng.sample(range(pages), min(count, pages)):
            fh.seek(page * PAGE)
            fh.write(rng.randbytes(PAGE))


def deleted(root: Path) -> None:
    (root / "catalog.sqlite").unlink()


def truncated(root: Path) -> None:
    catalog = root / "catalog.sqlite"
    with open(catalog, "r+b") as fh:
        fh.truncate(catalog.stat().st_size // 3)


def deleted_with_newest_backup(root: Path) -> None:
    deleted(root)
    backups.existing(root)[0].unlink()


CASES = {"deleted": deleted, "truncated": truncated, "deleted with the newest backup": deleted_with_newest_backup}
CASES.update({f"random pages, seed {seed}": (lambda r, s=seed: overwrite_random_pages(r / "catalog.sqlite", s))
              for seed in range(SEEDS)})


@pytest.mark.slow
@pytest.mark.parametrize("case", list(CASES))
def test_recover_gives_back_everything(filled, tmp_path, case):
    golden, before = filled
    root = tmp_path / "archive"
    shutil.copytree(golden, root, ignore=shutil.ignore_patterns("*-wal", "*-shm", "index"))
    CASES[case](root)
    report = recover(root)
    assert report.problems == []
    assert dump(root) == before
    if case != "deleted" and case != "deleted with the newest backup":
        kept = Path(report.damaged_kept or "")
        assert (kept / "catalog.sqlite").exists()  # the damaged file is kept aside, not deleted
    if case == "deleted with the newest backup":
        assert report.articles_from_journal > (ARTICLES - FIRST) * 0.9  # the second import: from the journal
    with Archive.open(root, create=False) as archive:
        result = verify(archive)
        assert result.ok, result.problems


@pytest.mark.slow
def test_recover_command_rebuilds_and_syncs_the_index(filled, tmp_path):
    golden, before = filled
    root = tmp_path / "archive"
    shutil.copytree(golden, root, ignore=shutil.ignore_patterns("*-wal", "*-shm", "index"))
    overwrite_random_pages(root / "catalog.sqlite", 99)
    broken = cli("stats", archive=root)
    assert broken.returncode == 2 and "recover" in broken.stderr
    proc = cli("recover", "--json", archive=root)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    report = json.loads(proc.stdout)
    assert report["articles"] == len(before["articles"])
    assert dump(root) == before
    assert cli("verify", archive=root).returncode == 0
    title = before["articles"][-1][4]
    found = cli("search", "--json", title.split()[0], archive=root)
    assert found.returncode == 0 and json.loads(found.stdout)["total"] > 0


def test_journal_is_one_readable_line_per_change(tmp_path, seed_path):
    with Archive.open(tmp_path / "a") as archive:
        import_targets(archive, [str(seed_path)])
        archive.tags.add(1, "ข่าว")
        archive.notes.set(1, "หมายเหตุ")
        archive.tags.remove(1, "ข่าว")
    lines = [json.loads(line) for f in sorted((tmp_path / "a" / "journal").glob("*.jsonl"))
             for line in f.read_text(encoding="utf-8").splitlines()]
    kinds = [e["kind"] for e in lines]
    assert kinds == ["batch", "article", "route", "batch_done", "tag", "note", "tag"]
    assert lines[1]["name"] == str(seed_path) and lines[1]["version"] == 1
    assert lines[4] == {**lines[4], "id": 1, "tag": "ข่าว", "on": True}
    assert "ข่าว" in (tmp_path / "a" / "journal").glob("*.jsonl").__next__().read_text(encoding="utf-8")


def test_recover_keeps_subscriptions_after_the_catalog_is_lost(tmp_path, seed_path):
    from reader.core.archive.subscriptions import Subscriptions

    root = tmp_path / "a"
    with Archive.open(root) as archive:
        import_targets(archive, [str(seed_path)])
        subs = Subscriptions(archive)
        kept = subs.add("https://www.opdc.go.th/_rss.php?cat=N", "feed", name="ข่าว ก.พ.ร.")
        subs.edit(kept.id, name="ข่าวสำนักงาน ก.พ.ร.")
        gone = subs.add("https://www.thaigov.go.th/rss", "feed")
        subs.remove(gone.id)
        archive.tags.add(1, "ติดตาม")
        before = [(s.id, s.url, s.name, s.every_seconds) for s in subs.all()]
    (root / "catalog.sqlite").unlink()
    report = recover(root)
    assert report.problems == []
    with Archive.open(root, create=False) as archive:
        after = [(s.id, s.url, s.name, s.every_seconds) for s in Subscriptions(archive).all()]
        assert after == before == [(kept.id, kept.url, "ข่าวสำนักงาน ก.พ.ร.", kept.every_seconds)]
        assert archive.tags.of(1) == ["ติดตาม"]


def test_recover_gives_back_a_warc_import_with_its_provenance(tmp_path):
    from tests.core.test_warc import corpus_warc

    corpus_warc(tmp_path / "crawl.warc.gz")
    root = tmp_path / "a"
    with Archive.open(root) as archive:
        summary = import_targets(archive, [tmp_path / "crawl.warc.gz"])
        assert not summary.failed
    before = dump(root)
    conn = sqlite3.connect(root / "catalog.sqlite")
    captures = conn.execute("SELECT * FROM captures ORDER BY article_id").fetchall()
    conn.close()
    (root / "catalog.sqlite").unlink()
    for backup in backups.existing(root):
        backup.unlink()  # the journal alone: the WARC's records extracted again
    report = recover(root)
    assert report.problems == []
    assert dump(root) == before
    conn = sqlite3.connect(root / "catalog.sqlite")
    assert conn.execute("SELECT * FROM captures ORDER BY article_id").fetchall() == captures
    conn.close()
