"""Domain code never imports Textual: the CLI, tools and tests can use it without a terminal UI.

Checked in a fresh interpreter, because this test process may already have imported Textual elsewhere.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "ocop_tui"

# Modules that must exist (so a rename cannot make this test pass by importing nothing).
CORE = {
    "model",
    "text",
    "store.contract",
    "store.reading",
    "search.catalog",
    "search.query",
    "plan.routes",
    "transfer.importing",
    "kiosk.config",
    "i18n",
    "cli.main",
    "paths",
}


def domain_modules() -> list[str]:
    """Every module of the package outside ocop_tui/ui/ (and not __main__, which would run the app)."""
    names = {p.stem for p in PACKAGE.glob("*.py") if p.stem not in {"__init__", "__main__"}}
    names |= {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file() and p.name != "ui"}
    for package in sorted(n for n in names if (PACKAGE / n / "__init__.py").is_file()):
        names |= {f"{package}.{p.stem}" for p in (PACKAGE / package).glob("*.py") if p.stem != "__init__"}
    return sorted(f"ocop_tui.{name}" for name in names)


def test_core_modules_are_found() -> None:
    found = {name.removeprefix("ocop_tui.") for name in domain_modules()}
    assert found >= CORE


def test_domain_modules_do_not_import_textual() -> None:
    modules = domain_modules()
    script = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps(sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [], f"textual imported by one of {modules}"


def test_the_ui_package_is_where_textual_lives() -> None:
    # The check above would be vacuous if nothing could import textual at all.
    done = subprocess.run(
        [sys.executable, "-c", "import textual, sys; print('textual' in sys.modules)"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.stdout.strip() == "True"
