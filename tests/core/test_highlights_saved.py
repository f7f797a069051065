"""Highlights and saved searches in a real archive: offsets into one version's text,
kept through a restart, a reindex and a backup/restore; saved searches count new matches."""

from __future__ import annotations

import pytest

from reader.core.archive import Archive
from reader.core.archive.bundle import backup, restore
from reader.core.importer import import_targets
from reader.core.search import SearchIndex, sync_index
from reader.core.search.saved import count, new_ids
from tests.conftest import SEED, need_corpus

PASSAGE = "ASEAN Executive Governance Program"


@pytest.fixture
def archive(tmp_path):
    with Archive.open(tmp_path / "arch") as arch:
        import_targets(arch, [SEED])
        yield arch


def test_a_highlight_marks_a_passage_of_one_version(archive):
    mark = archive.highlights.add_text(1, PASSAGE, note="หลักสูตรผู้บริหาร")
    body = archive.get(1).body
    assert body[mark.start:mark.end] == PASSAGE == mark.quote
    assert (mark.article_id, mark.version, mark.note) == (1, 1, "หลักสูตรผู้บริหาร")
    assert archive.highlights.for_article(1) == [mark]
    assert archive.highlights.all()[0].title.startswith("สำนักงาน ก.พ.ร.")
    assert archive.highlights.set_note(mark.id, "  ").note == ""


def test_bad_passages_are_refused_with_a_reason(archive):
    with pytest.raises(ValueError, match="outside the text"):
        archive.highlights.add(1, 1, 10, 10_000_000)
    with pytest.raises(ValueError, match="not in article"):
        archive.highlights.add_text(1, "ไม่มีข้อความนี้ในข่าว")
    with pytest.raises(KeyError):
        archive.highlights.add(1, 9, 0, 5)
    with pytest.raises(KeyError):
        archive.highlights.remove(12345)
    assert archive.highlights.count() == 0


def test_highlights_survive_restart_reindex_and_backup_restore(tmp_path):
    root = tmp_path / "arch"
    with Archive.open(root) as arch:
        import_targets(arch, [SEED])
        mark = arch.highlights.add_text(1, PASSAGE, note="note")
        index = SearchIndex.open(arch.index_dir)
        sync_index(arch, index)
        index.rebuild(arch.iter_index_docs(), arch.count_articles())
        index.close()
    with Archive.open(root, create=False) as arch:
        assert arch.highlights.for_article(1) == [mark]
        backup(arch, tmp_path / "b.zip")
    restore(tmp_path / "b.zip", tmp_path / "restored")
    with Archive.open(tmp_path / "restored", create=False) as arch:
        assert arch.highlights.for_article(1) == [mark]


def test_saved_search_counts_and_marks_new_matches(tmp_path):
    pages = need_corpus("thaigov-samples")
    with Archive.open(tmp_path / "arch") as arch:
        import_targets(arch, [SEED])
        index = SearchIndex.open(arch.index_dir)
        sync_index(arch, index)
        saved = arch.saved.save("ก.พ.ร.", "ก.พ.ร.")
        first = count(arch, index, saved)
        assert (first.total, first.new) == (1, 0)
        import_targets(arch, [pages])  # several of these name ก.พ.ร.
        sync_index(arch, index)
        later = count(arch, index, arch.saved.get(saved.id))
        assert later.total > 1 and later.new == later.total - 1
        assert 1 not in new_ids(arch, index, arch.saved.get(saved.id))
        arch.saved.mark_seen(saved.id)
        assert count(arch, index, arch.saved.get(saved.id)).new == 0
        index.close()


def test_saved_search_names_and_filters(archive):
    s = archive.saved.save(" ข่าว  เด่น ", "ASEAN", {"category": "ข่าวเด่น", "bookmarked": False})
    assert s.name == "ข่าว เด่น" and s.filters == {"category": "ข่าวเด่น"}
    again = archive.saved.save("ข่าว เด่น", "OPDC")
    assert again.id == s.id and again.query == "OPDC"
    with pytest.raises(ValueError):
        archive.saved.save("", "x")
    with pytest.raises(ValueError):
        archive.saved.save("x", "  ")
    with pytest.raises(ValueError):
        archive.saved.save("x", "q", {"colour": "red"})
    archive.saved.remove(s.id)
    assert archive.saved.all() == []
