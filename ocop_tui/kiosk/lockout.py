"""The PIN lockout's memory across restarts: wrong tries and the end of a lockout, in a small state file
beside the kiosk's log of missed searches.

Without it, killing the kiosk after five wrong PINs (and the documented wrapper restarts it at once) would
give five more tries. The end of a lockout is kept as wall-clock time, so a restart cannot reset it; a
clock set back can at most make it LOCK_SECONDS long again. The file is written atomically, readable by
the kiosk's account only (0600). A damaged file counts as a lockout: a kiosk fails closed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ocop_tui.files import FileRefused, atomic_write, read_limited

LOCKOUT_FILE = "pin-lockout.json"
MAX_STATE_BYTES = 4096


@dataclass(frozen=True)
class LockoutState:
    failures: int = 0
    locked_until: float | None = None  # wall-clock seconds (time.time()) when the lockout ends


class LockoutDamaged(Exception):
    """The state file exists but cannot be read or understood."""


def lockout_path(log_dir: Path) -> Path:
    return log_dir / LOCKOUT_FILE


def read_lockout(path: Path) -> LockoutState:
    """The saved state: a missing file is a fresh start; a file that is not a small regular file of the
    expected JSON raises LockoutDamaged; a folder that cannot be read raises its OSError."""
    try:
        data = json.loads(read_limited(path, MAX_STATE_BYTES))
    except FileNotFoundError:
        return LockoutState()
    except (FileRefused, ValueError) as error:
        raise LockoutDamaged(str(error)) from None
    failures = data.get("failures") if isinstance(data, dict) else None
    locked_until = data.get("locked_until") if isinstance(data, dict) else None
    if isinstance(failures, bool) or not isinstance(failures, int) or failures < 0:
        raise LockoutDamaged(f"{path}: failures must be a whole number")
    if locked_until is not None and (isinstance(locked_until, bool) or not isinstance(locked_until, (int, float))):
        raise LockoutDamaged(f"{path}: locked_until must be a number")
    return LockoutState(failures, None if locked_until is None else float(locked_until))


def write_lockout(path: Path, state: LockoutState) -> None:
    """Save `state` atomically (OSError when the folder cannot be written)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps({"failures": state.failures, "locked_until": state.locked_until}).encode("ascii")
    atomic_write(path, data, mode=0o600)
