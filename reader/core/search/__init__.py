"""Thai-aware full-text search over the archive (no Qt here).

    index = open_index(archive)                   # recreated if damaged, synced with the catalog
    results = index.search("ธรรมาภิบาล date:2556..2560", Filters(language="th"))
"""

from reader.core.search.index import IndexUnavailable, SearchIndex
from reader.core.search.query import Filters, Hit, Results, parse
from reader.core.search.snippets import highlight_spans, snippet
from reader.core.search.sync import open_index, sync_index

__all__ = ["Filters", "Hit", "IndexUnavailable", "Results", "SearchIndex", "highlight_spans", "open_index", "parse",
           "snippet", "sync_index"]
