"""The kiosk PIN's rules for a new PIN, hash parameters a check can afford, and a lockout that survives a
restart of the kiosk (its state file beside the missed-search log)."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from ocop_tui.kiosk.config import ConfigError, load_settings
from ocop_tui.kiosk.lockout import LockoutState, lockout_path, read_lockout, write_lockout
from ocop_tui.kiosk.pin import (
    LOCK_SECONDS,
    MAX_TRIES,
    PinGuard,
    hash_pin,
    new_pin_problem,
    parse_pin_hash,
    verify_pin,
)

CHEAP = {"n": 2**4, "r": 1, "p": 1}
PIN = "246813"


class Clock:
    """Seconds that move only when the test says so."""

    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.mark.parametrize(
    ("pin", "problem"),
    [
        ("246813", None),
        ("135790", None),
        ("20240929", None),
        ("1234", "kiosk.pin.too_short"),
        ("24681", "kiosk.pin.too_short"),
        ("111111", "kiosk.pin.trivial"),
        ("121212", "kiosk.pin.trivial"),
        ("123456", "kiosk.pin.trivial"),
        ("0123456789", "kiosk.pin.trivial"),
        ("987654", "kiosk.pin.trivial"),
        ("12 456", "kiosk.pin.invalid"),
        ("١٢٣٤٥٦", "kiosk.pin.invalid"),
        ("1234567890123", "kiosk.pin.invalid"),
    ],
)
def test_a_new_pin_must_be_six_digits_and_not_a_guess(pin: str, problem: str | None) -> None:
    assert new_pin_problem(pin) == problem


def test_hash_parameters_that_need_too_much_memory_are_refused_when_the_config_is_read(tmp_path: Path) -> None:
    # n=2**20, r=8 needs 1 GiB: hashlib would refuse it at the first try of a PIN, in front of a visitor.
    greedy = hash_pin(PIN, **CHEAP).replace("n=16,r=1,p=1", f"n={2**20},r=8,p=1")
    with pytest.raises(ValueError, match="memory"):
        parse_pin_hash(greedy)
    config = tmp_path / "kiosk.toml"
    config.write_text(f'[kiosk]\npin_hash = "{greedy}"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(config)
    message = str(caught.value)
    assert "pin_hash" in message and "kiosk-pin" in message
    assert greedy.rsplit("$", 2)[1] not in message  # neither the salt nor the hash is shown
    assert not verify_pin(PIN, greedy)  # and a check never raises


def test_the_largest_parameters_a_check_can_afford_still_work() -> None:
    stored = hash_pin(PIN, n=2**17, r=15, p=1)  # 240 MiB, just under the 256 MiB cap
    assert parse_pin_hash(stored).n == 2**17
    assert verify_pin(PIN, stored)


def lock_out(guard: PinGuard) -> None:
    for _ in range(MAX_TRIES - 1):
        assert guard.attempt("000000") == "wrong"
    assert guard.attempt("000000") == "locked"


def test_a_restart_does_not_lift_a_lockout(tmp_path: Path) -> None:
    state = lockout_path(tmp_path / "logs")
    stored = hash_pin(PIN, **CHEAP)
    wall = Clock(1_700_000_000.0)
    lock_out(PinGuard(stored, Clock(10.0), state_file=state, wall_clock=wall))
    wall.now += 20
    # A new process: a new monotonic clock that starts anywhere.
    restarted = PinGuard(stored, Clock(5.0), state_file=state, wall_clock=wall)
    assert restarted.attempt(PIN) == "locked"
    assert restarted.locked_seconds() == LOCK_SECONDS - 20
    wall.now += LOCK_SECONDS
    again = PinGuard(stored, Clock(0.0), state_file=state, wall_clock=wall)
    assert again.locked_for() == 0 and again.tries_left == MAX_TRIES
    assert again.attempt(PIN) == "ok"


def test_wrong_tries_are_counted_across_restarts(tmp_path: Path) -> None:
    state = lockout_path(tmp_path)
    stored = hash_pin(PIN, **CHEAP)
    first = PinGuard(stored, Clock(0.0), state_file=state)
    for _ in range(3):
        first.attempt("000000")
    second = PinGuard(stored, Clock(0.0), state_file=state)
    assert second.tries_left == MAX_TRIES - 3
    assert second.attempt("000000") == "wrong"
    assert second.attempt("000000") == "locked"
    assert read_lockout(state).locked_until is not None


def test_a_right_pin_clears_the_count(tmp_path: Path) -> None:
    state = lockout_path(tmp_path)
    guard = PinGuard(hash_pin(PIN, **CHEAP), Clock(0.0), state_file=state)
    guard.attempt("000000")
    assert guard.attempt(PIN) == "ok"
    assert read_lockout(state) == LockoutState(0, None)


def test_a_clock_set_back_cannot_stretch_the_lockout(tmp_path: Path) -> None:
    state = lockout_path(tmp_path)
    stored = hash_pin(PIN, **CHEAP)
    wall = Clock(1_700_000_000.0)
    lock_out(PinGuard(stored, Clock(0.0), state_file=state, wall_clock=wall))
    wall.now -= 86_400
    assert PinGuard(stored, Clock(0.0), state_file=state, wall_clock=wall).locked_seconds() == LOCK_SECONDS


def test_a_kiosk_killed_before_saving_the_lock_is_still_locked(tmp_path: Path) -> None:
    state = lockout_path(tmp_path)
    write_lockout(state, LockoutState(MAX_TRIES, None))
    assert PinGuard(hash_pin(PIN, **CHEAP), Clock(0.0), state_file=state).attempt(PIN) == "locked"


@pytest.mark.parametrize(
    "content", [b"", b"{", b"[]", b'{"failures": "many"}', b'{"failures": 1, "locked_until": true}']
)
def test_a_damaged_state_file_fails_closed(tmp_path: Path, content: bytes) -> None:
    state = lockout_path(tmp_path)
    state.write_bytes(content)
    guard = PinGuard(hash_pin(PIN, **CHEAP), Clock(0.0), state_file=state)
    assert guard.attempt(PIN) == "locked"
    assert guard.locked_seconds() == LOCK_SECONDS


def test_the_state_file_is_private_and_an_unwritable_folder_is_reported(tmp_path: Path) -> None:
    state = lockout_path(tmp_path)
    guard = PinGuard(hash_pin(PIN, **CHEAP), Clock(0.0), state_file=state)
    guard.attempt("000000")
    assert stat.S_IMODE(state.stat().st_mode) == 0o600
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    errors: list[OSError] = []
    stuck = PinGuard(hash_pin(PIN, **CHEAP), Clock(0.0), state_file=blocked / "lock.json", on_state_error=errors.append)
    assert stuck.attempt("000000") == "wrong"  # the guard goes on in memory
    assert errors and stuck.tries_left == MAX_TRIES - 1
