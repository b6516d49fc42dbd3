"""Where things live: the demo fair shipped with the project, and the user's config and log folders."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from platformdirs import user_config_dir, user_log_dir

APP_NAME = "ocop-tui"
CONFIG_ENV = "OCOP_TUI_CONFIG"


def demo_store_path() -> Path:
    """data/fair.json in a checkout; the copy packaged as ocop_tui.fairdata in an installed wheel."""
    checkout = Path(__file__).resolve().parent.parent / "data" / "fair.json"
    if checkout.is_file():
        return checkout
    return Path(str(resources.files("ocop_tui.fairdata").joinpath("fair.json")))


def default_config_path() -> Path:
    env = os.environ.get(CONFIG_ENV)
    if env:
        return Path(env)
    return Path(user_config_dir(APP_NAME)) / "config.toml"


def default_log_dir() -> Path:
    return Path(user_log_dir(APP_NAME))
