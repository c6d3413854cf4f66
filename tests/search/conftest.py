import pytest

from participa.search.queries import search


@pytest.fixture
def found():
    """``found(text, **filters)``: the (kind, id) of what a search shows, in order."""
    def run(text, **filters):
        results = search(text, **filters)
        return [(hit.kind.value, hit.row.id) for hit in results.page.items]
    return run
