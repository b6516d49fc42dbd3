"""The kiosk's exit PIN: what a new PIN must be, salted hashes, checking a try, and the lockout after too
many wrong ones.

The PIN itself is never stored: only `scrypt$n=..,r=..,p=..$<salt>$<hash>` (base64), so a copy of the
config file does not give the PIN away. A try is compared with hmac.compare_digest. Time comes from an
injected clock (monotonic seconds), so the 60-second lockout is tested without waiting; the lockout
survives a restart through a small state file (lockout.py), so killing the kiosk does not buy more tries.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import math
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from ocop_tui.kiosk.lockout import LockoutDamaged, LockoutState, read_lockout, write_lockout

PIN_MIN_DIGITS = 4  # what a stored hash may have been made from (kiosks set up before the rule below)
PIN_MAX_DIGITS = 12
NEW_PIN_MIN_DIGITS = 6  # what `ocop-tui kiosk-pin` accepts from now on
MAX_TRIES = 5
LOCK_SECONDS = 60.0

SCRYPT_N = 2**14  # about 50 ms per try on a small laptop: cheap for one person, slow for guessing
SCRYPT_R = 8
SCRYPT_P = 1
_SALT_BYTES = 16
_KEY_BYTES = 32
# Bounds on the parameters read back from a config file, so a damaged or hostile file cannot make
# one check take minutes or gigabytes.
_MAX_N = 2**20
_MAX_R = 32
_MAX_P = 16
_MAXMEM = 256 * 1024 * 1024

_PIN = re.compile(rf"[0-9]{{{PIN_MIN_DIGITS},{PIN_MAX_DIGITS}}}")
_HASH = re.compile(r"scrypt\$n=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)")


def valid_pin(pin: str) -> bool:
    """4 to 12 ASCII digits (no spaces, no other digit scripts)."""
    return _PIN.fullmatch(pin) is not None


def new_pin_problem(pin: str) -> str | None:
    """Why `pin` is not good enough for a new kiosk PIN (an i18n key), or None when it is.

    At least NEW_PIN_MIN_DIGITS digits, and not one a visitor tries first: one digit repeated (111111), a
    pair repeated (121212), or a run up or down (123456, 987654).
    """
    if not valid_pin(pin):
        return "kiosk.pin.invalid"
    if len(pin) < NEW_PIN_MIN_DIGITS:
        return "kiosk.pin.too_short"
    digits = [int(d) for d in pin]
    steps = {b - a for a, b in pairwise(digits)}
    if (len(set(pin[0::2])) == 1 and len(set(pin[1::2])) == 1) or steps in ({1}, {-1}):
        return "kiosk.pin.trivial"
    return None


@dataclass(frozen=True)
class PinHash:
    n: int
    r: int
    p: int
    salt: bytes
    key: bytes

    def __str__(self) -> str:
        salt = base64.b64encode(self.salt).decode("ascii")
        key = base64.b64encode(self.key).decode("ascii")
        return f"scrypt$n={self.n},r={self.r},p={self.p}${salt}${key}"


def _scrypt_memory(n: int, r: int, p: int) -> int:
    """Bytes scrypt needs for these parameters (OpenSSL's own estimate: 128·r·(n + p + 2))."""
    return 128 * r * (n + p + 2)


def _derive(pin: str, salt: bytes, n: int, r: int, p: int, length: int) -> bytes:
    return hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=length, maxmem=_MAXMEM)


def hash_pin(pin: str, *, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P, salt: bytes | None = None) -> str:
    """The string to store for `pin` (a fresh random salt each time)."""
    if not valid_pin(pin):
        raise ValueError(f"a PIN is {PIN_MIN_DIGITS} to {PIN_MAX_DIGITS} digits")
    salt = os.urandom(_SALT_BYTES) if salt is None else salt
    return str(PinHash(n, r, p, salt, _derive(pin, salt, n, r, p, _KEY_BYTES)))


def parse_pin_hash(stored: str) -> PinHash:
    """Read a stored hash back; ValueError if it is not one `hash_pin` could have made."""
    match = _HASH.fullmatch(stored.strip())
    if match is None:
        raise ValueError("not a PIN hash (expected scrypt$n=...,r=...,p=...$salt$hash)")
    n, r, p = (int(match.group(i)) for i in (1, 2, 3))
    if n < 2 or n & (n - 1) or n > _MAX_N or not 1 <= r <= _MAX_R or not 1 <= p <= _MAX_P:
        raise ValueError(f"PIN hash parameters out of range (n={n}, r={r}, p={p})")
    if _scrypt_memory(n, r, p) > _MAXMEM:
        # hashlib.scrypt would refuse these at the first try of a PIN, in front of a visitor.
        raise ValueError(f"PIN hash parameters need more memory than a check may use (n={n}, r={r}, p={p})")
    try:
        salt = base64.b64decode(match.group(4), validate=True)
        key = base64.b64decode(match.group(5), validate=True)
    except ValueError:
        raise ValueError("PIN hash is not valid base64") from None
    if len(salt) < 8 or len(key) < 16:
        raise ValueError("PIN hash salt or key too short")
    return PinHash(n, r, p, salt, key)


def verify_pin(pin: str, stored: str) -> bool:
    """True only for the right PIN; a malformed stored hash never matches."""
    try:
        parsed = parse_pin_hash(stored)
    except ValueError:
        return False
    if not valid_pin(pin):
        # Still spend the time of a real check, so a wrong length is not quicker to find out.
        pin = "0" * PIN_MIN_DIGITS
        _derive(pin, parsed.salt, parsed.n, parsed.r, parsed.p, len(parsed.key))
        return False
    candidate = _derive(pin, parsed.salt, parsed.n, parsed.r, parsed.p, len(parsed.key))
    return hmac.compare_digest(candidate, parsed.key)


class PinGuard:
    """Counts wrong tries; after MAX_TRIES the PIN is refused for LOCK_SECONDS, whatever is typed.

    One guard per kiosk (not per dialog): closing and reopening the dialog does not reset the count. With
    `state_file`, the count and the lockout are saved after every change and read back at start, so a
    restart does not reset them either (`wall_clock` dates the end of a lockout in that file).
    `on_state_error` hears of a state file that cannot be read or written because of its folder (the guard
    then goes on in memory); a damaged state file counts as a lockout.
    """

    def __init__(
        self,
        stored: str | None,
        clock: Callable[[], float] = time.monotonic,
        *,
        state_file: Path | None = None,
        wall_clock: Callable[[], float] = time.time,
        on_state_error: Callable[[OSError], None] | None = None,
    ) -> None:
        self._stored = stored
        self._clock = clock
        self._wall_clock = wall_clock
        self._state_file = state_file
        self._on_state_error = on_state_error
        self.failures = 0
        self._locked_until: float | None = None
        if state_file is not None:
            self._restore(state_file)

    def _restore(self, state_file: Path) -> None:
        try:
            state = read_lockout(state_file)
        except LockoutDamaged:
            state = LockoutState(MAX_TRIES, self._wall_clock() + LOCK_SECONDS)  # fail closed
        except OSError as error:
            if self._on_state_error is not None:
                self._on_state_error(error)
            return
        self.failures = min(state.failures, MAX_TRIES)
        if state.locked_until is not None:
            # Clamped: a clock set back since cannot stretch the lockout beyond its length.
            left = min(LOCK_SECONDS, state.locked_until - self._wall_clock())
            if left > 0:
                self._locked_until = self._clock() + left
            else:
                self.failures = 0
        elif self.failures >= MAX_TRIES:  # the kiosk died between the last wrong try and saving the lock
            self._locked_until = self._clock() + LOCK_SECONDS

    def _save(self) -> None:
        if self._state_file is None:
            return
        left = None if self._locked_until is None else self._locked_until - self._clock()
        state = LockoutState(self.failures, None if left is None else self._wall_clock() + left)
        try:
            write_lockout(self._state_file, state)
        except OSError as error:
            if self._on_state_error is not None:
                self._on_state_error(error)

    def locked_for(self) -> float:
        """Seconds left of the lockout (0 when not locked); the count starts again once it ends."""
        if self._locked_until is None:
            return 0.0
        left = self._locked_until - self._clock()
        if left <= 0:
            self._locked_until = None
            self.failures = 0
            self._save()
            return 0.0
        return left

    def locked_seconds(self) -> int:
        """Whole seconds left, rounded up, for a countdown."""
        return math.ceil(self.locked_for())

    @property
    def tries_left(self) -> int:
        return max(0, MAX_TRIES - self.failures)

    def attempt(self, pin: str) -> str:
        """'ok', 'wrong' or 'locked' (a try during the lockout is not even checked)."""
        if self.locked_for() > 0:
            return "locked"
        if self._stored is not None and verify_pin(pin, self._stored):
            if self.failures:
                self.failures = 0
                self._save()
            return "ok"
        self.failures += 1
        if self.failures >= MAX_TRIES:
            self._locked_until = self._clock() + LOCK_SECONDS
            self._save()
            return "locked"
        self._save()
        return "wrong"
