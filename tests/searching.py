"""The one way search tests run a query: SearchIndex.search never raises (a query must
not bring the window down), so a search that failed inside only says so in its Results.
A test that accepted any message would pass on a crash; this fails it instead."""

from __future__ import annotations

from typing import Any

import pytest

from reader.core.search import Results, SearchIndex


def search(index: SearchIndex, query: str, *args: Any, **kwargs: Any) -> Results:
    """index.search(query, ...), failing the test when the search could not run."""
    res = index.search(query, *args, **kwargs)
    if res.failed:
        pytest.fail(f"the search {query!r} could not run: {res.message}")
    return res
