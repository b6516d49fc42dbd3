"""Settings for the whole suite: tests (and the programs they start) never touch the user's own folders."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

_FOLDERS = ("XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME")


@pytest.fixture(autouse=True, scope="session")
def private_user_folders(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Caches, settings, data and state go to fresh temporary folders for the whole session."""
    previous = {name: os.environ.get(name) for name in _FOLDERS}
    for name in _FOLDERS:
        os.environ[name] = str(tmp_path_factory.mktemp(name.lower()))
    yield
    for name, value in previous.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
