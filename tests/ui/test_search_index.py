"""Search through the real index: results as you type, hit terms marked in the list's
snippets and in the open article. Runs once reader.core.search provides SearchIndex."""

from __future__ import annotations

import shutil
from contextlib import contextmanager

import pytest

from reader.core.archive import Archive
from reader.ui.models import SEGMENTS_ROLE, SNIPPET

from .conftest import fill


@pytest.fixture
def indexed_archive(tmp_path):
    search = pytest.importorskip("reader.core.search")
    if not hasattr(search, "SearchIndex") or not hasattr(search, "sync_index"):
        pytest.skip("reader.core.search does not provide SearchIndex/sync_index yet")
    path = tmp_path / "archive"
    with Archive.open(path) as archive:
        fill(archive, 12)
        index = search.SearchIndex.open(archive.index_dir)
        search.sync_index(archive, index)
        index.close()
    return path


def test_search_uses_the_index_with_snippets(open_window, indexed_archive, qtbot):
    window = open_window(indexed_archive)
    assert window.index is not None
    window.search.box.insert("ธนาคาร")  # QTest can only type ASCII keys
    qtbot.waitUntil(lambda: window.list_model.show_snippets, timeout=5000)
    assert window.list_model.total >= 1
    assert not window.list.isColumnHidden(SNIPPET)
    segments = window.list_model.data(window.list_model.index(0, SNIPPET), SEGMENTS_ROLE)
    assert any(is_hit for _, is_hit in segments)
    window.list.viewport().grab()  # the delegate paints the marked snippet
    qtbot.waitUntil(lambda: window.reader.hit_count() >= 1, timeout=3000)
    assert "พบ" in window.search.count_label.text() or "found" in window.search.count_label.text()


@contextmanager
def started_as_run_does(path, qtbot):
    """The window as `scripts/run` starts it: shown first, the index opened (or rebuilt)
    in the background; closed with its index and archive afterwards."""
    from reader.ui.app import create_app, open_archive, open_index, open_window
    from reader.ui.settings import Settings

    app = create_app(["test"], Settings())
    archive, _ = open_archive(path)
    window = open_window(app, archive, Settings(), index_opener=lambda: open_index(archive))
    qtbot.addWidget(window)
    try:
        yield window, archive
    finally:
        window.close()
        if window.indexer.index is not None:
            window.indexer.index.close()
        archive.close()


def search_finds_with_snippets(window) -> bool:
    window.search.box.insert("ธนาคาร")
    window.search.fire_now()
    return window.list_model.show_snippets and window.list_model.total >= 1


def test_index_opens_in_the_background_as_run_does(indexed_archive, qtbot):
    with started_as_run_does(indexed_archive, qtbot) as (window, _archive):
        window.show()
        window.start()
        assert window.index is None  # the window is usable before the index is loaded
        qtbot.waitUntil(lambda: window.index is not None, timeout=10000)
        assert search_finds_with_snippets(window)


def test_a_lost_index_is_rebuilt_in_a_child_process_and_searched(indexed_archive, qtbot):
    """The window's repair runs in a child process (reader.core.offload); the window lets
    go of the empty index it opened, the child rebuilds it, the window reads it again."""
    shutil.rmtree(indexed_archive / "index")
    with started_as_run_does(indexed_archive, qtbot) as (window, archive):
        done: list[object] = []
        window.indexer.finished.connect(done.append)
        window.show()
        window.start()
        qtbot.waitUntil(lambda: bool(done), timeout=60000)
        assert done == [12]  # all twelve articles, indexed by the child
        assert window.index.stamp() == archive.index_stamp()
        assert search_finds_with_snippets(window)
