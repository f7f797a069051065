"""Thai-aware full-text search over the archive (no Qt here).

    index = SearchIndex.open(archive.index_dir)   # recreated if damaged (.was_rebuilt)
    sync_index(archive, index)                    # repair against the catalog
    results = index.search("ธรรมาภิบาล date:2556..2560", Filters(language="th"))
"""

from reader.core.search.index import IndexUnavailable, SearchIndex
from reader.core.search.query import Filters, Hit, Results, parse
from reader.core.search.snippets import highlight_spans, snippet
from reader.core.search.sync import sync_index

__all__ = ["Filters", "Hit", "IndexUnavailable", "Results", "SearchIndex", "highlight_spans", "parse", "snippet", "sync_index"]
