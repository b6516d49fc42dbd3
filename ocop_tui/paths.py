"""Where things live: the demo fair shipped with the project (read-only), the organisers' own store in the
user's data folder, and the user's config and log folders.

The store a command uses when it is given no `--data`: the file named by $OCOP_TUI_DATA, else the user's
own store (`fair.json` in the platform's user data folder, e.g. ~/.local/share/ocop-tui/ on Linux, which
honours XDG_DATA_HOME) once `ocop-tui init` has created it, else the packaged demo fair, which may be shown
but never written.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from platformdirs import user_config_dir, user_data_dir, user_log_dir

APP_NAME = "ocop-tui"
CONFIG_ENV = "OCOP_TUI_CONFIG"
DATA_ENV = "OCOP_TUI_DATA"
STORE_NAME = "fair.json"


def demo_store_path() -> Path:
    """data/fair.json in a checkout; the copy packaged as ocop_tui.fairdata in an installed wheel."""
    checkout = Path(__file__).resolve().parent.parent / "data" / "fair.json"
    if checkout.is_file():
        return checkout
    return Path(str(resources.files("ocop_tui.fairdata").joinpath("fair.json")))


def user_store_path() -> Path:
    """The organisers' own store: fair.json in the user's data folder (it may not exist yet)."""
    return Path(user_data_dir(APP_NAME)) / STORE_NAME


def configured_store_path() -> Path:
    """The store to use without --data, before falling back to the demo: $OCOP_TUI_DATA, else the user's."""
    env = os.environ.get(DATA_ENV)
    return Path(env) if env else user_store_path()


def default_store_path() -> Path:
    """The store a command reads without --data: the configured one if it exists (or $OCOP_TUI_DATA names
    it, so that a missing file is reported, not silently replaced by the demo), else the packaged demo."""
    configured = configured_store_path()
    if os.environ.get(DATA_ENV) or configured.exists():
        return configured
    return demo_store_path()


def is_packaged_demo(path: Path) -> bool:
    """Whether `path` is the demo fair shipped with ocop-tui (through a symlink or a hard link too)."""
    demo = demo_store_path()
    try:
        return Path(path).resolve() == demo.resolve() or os.path.samefile(path, demo)
    except OSError:
        return False


def default_config_path() -> Path:
    env = os.environ.get(CONFIG_ENV)
    if env:
        return Path(env)
    return Path(user_config_dir(APP_NAME)) / "config.toml"


def default_log_dir() -> Path:
    return Path(user_log_dir(APP_NAME))
