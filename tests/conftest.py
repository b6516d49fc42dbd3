"""Settings for the whole suite: every test process keeps its catalogue cache in its own temporary folder."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from ocop_tui.search.cache import CACHE_ENV


@pytest.fixture(autouse=True, scope="session")
def private_catalogue_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Never the user's own cache folder: tests (and the programs they start) use a fresh one."""
    previous = os.environ.get(CACHE_ENV)
    os.environ[CACHE_ENV] = str(tmp_path_factory.mktemp("catalogue-cache"))
    yield
    if previous is None:
        os.environ.pop(CACHE_ENV, None)
    else:
        os.environ[CACHE_ENV] = previous
