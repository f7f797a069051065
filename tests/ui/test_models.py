"""The article list loads rows a page at a time and speaks title and date."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reader.core.archive import Archive, ListFilter
from reader.ui.models import DATE, PAGE, TITLE, ArticleListModel, CatalogSource

from .conftest import fill


def fmt(d, style="long"):
    return f"{style}:{d.isoformat()}"


def test_rows_load_lazily(tmp_path):
    with Archive.open(tmp_path / "a") as archive:
        fill(archive, PAGE * 2 + 10)
        model = ArticleListModel(fmt)
        model.set_source(CatalogSource(archive))
        assert model.total == PAGE * 2 + 10
        assert model.rowCount() == PAGE  # only the first page
        assert model.canFetchMore()
        model.fetchMore()
        model.fetchMore()
        assert model.rowCount() == PAGE * 2 + 10
        assert not model.canFetchMore()


def test_accessible_text_is_title_then_the_date_once_and_the_star_in_words(tmp_path):
    with Archive.open(tmp_path / "a") as archive:
        fill(archive, 3)
        model = ArticleListModel(fmt)
        model.set_source(CatalogSource(archive))
        spoken = Qt.ItemDataRole.AccessibleTextRole
        row = model.rows[0]
        assert model.data(model.index(0, TITLE), spoken) == row.title  # the date is its own cell
        assert model.data(model.index(0, DATE), spoken) == f"long:{row.date.isoformat()}"
        assert model.data(model.index(0, DATE)) == f"short:{row.date.isoformat()}"
        archive.bookmarks.set(row.id, True)
        model.reload()
        row = model.rows[model.row_of(row.id)]
        assert model.data(model.index(model.row_of(row.id), TITLE), spoken) == f"{row.title}, bookmarked"
        assert model.data(model.index(model.row_of(row.id), TITLE)).startswith("★ ")


def test_sort_and_filter(tmp_path):
    with Archive.open(tmp_path / "a") as archive:
        fill(archive, 6)
        model = ArticleListModel(fmt)
        model.set_source(CatalogSource(archive, ListFilter(category="ข่าวเด่น")))
        assert model.total == 3
        model.sort(DATE, Qt.SortOrder.AscendingOrder)
        dates = [r.date for r in model.rows]
        assert dates == sorted(dates)
        model.sort(DATE, Qt.SortOrder.DescendingOrder)
        assert [r.date for r in model.rows] == sorted(dates, reverse=True)


def test_one_query_serves_the_first_pages(tmp_path):
    with Archive.open(tmp_path / "a") as archive:
        fill(archive, PAGE * 2 + 10)
        calls = []
        real = archive.list_articles

        def counting(*args, **kwargs):
            calls.append(kwargs.get("offset"))
            return real(*args, **kwargs)

        archive.list_articles = counting
        model = ArticleListModel(fmt)
        model.set_source(CatalogSource(archive))
        model.fetchMore()
        model.fetchMore()
        assert model.rowCount() == PAGE * 2 + 10
        assert calls == [0]  # sorting the catalog once, not once per page
        model.sort(DATE, Qt.SortOrder.AscendingOrder)
        assert len(calls) == 2
