"""The architecture holds: `lint-imports` keeps every contract in pyproject.toml, and each contract fails when
the rule it states is broken (a copy of the package with one wrong import added)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    # PYTHONPATH first, so the copy under test is analysed and not the installed package.
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(root / "pyproject.toml"), "--no-cache"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_code_keeps_every_contract() -> None:
    done = lint_imports(ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout


@pytest.mark.parametrize(
    ("module", "wrong_import", "contract"),
    [
        ("text.py", "import ocop_tui.ui.app", "One way down"),
        ("store/contract.py", "import ocop_tui.search.catalog", "One way down"),
        ("store/contract.py", "import rich.text", "The domain is plain Python"),
        ("plan/routes.py", "import textual.widget", "The domain is plain Python"),
        ("ui/widgets/record_table.py", "import ocop_tui.store.writing", "The UI gets a Catalog"),
        ("ui/screens/help.py", "import tinydb", "The UI gets a Catalog"),
        ("plan/shapes.py", "import ocop_tui.plan.layout", "No import circles"),
    ],
)
def test_each_contract_fails_on_a_wrong_import(tmp_path: Path, module: str, wrong_import: str, contract: str) -> None:
    shutil.copytree(ROOT / "ocop_tui", tmp_path / "ocop_tui", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    target = tmp_path / "ocop_tui" / module
    target.write_text(target.read_text() + f"\n{wrong_import}  # a deliberate violation\n")
    done = lint_imports(tmp_path)
    assert done.returncode == 1, done.stdout + done.stderr
    broken = done.stdout.split("Broken contracts", 1)[-1]
    assert contract in broken, done.stdout
