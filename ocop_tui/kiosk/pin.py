"""The kiosk's exit PIN: salted hashes, checking a try, and the lockout after too many wrong ones.

The PIN itself is never stored: only `scrypt$n=..,r=..,p=..$<salt>$<hash>` (base64), so a copy of the
config file does not give the PIN away. A try is compared with hmac.compare_digest. Time comes from an
injected clock (monotonic seconds), so the 60-second lockout is tested without waiting.
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

PIN_MIN_DIGITS = 4
PIN_MAX_DIGITS = 12
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

    One guard per kiosk (not per dialog): closing and reopening the dialog does not reset the count.
    """

    def __init__(self, stored: str | None, clock: Callable[[], float] = time.monotonic) -> None:
        self._stored = stored
        self._clock = clock
        self.failures = 0
        self._locked_until: float | None = None

    def locked_for(self) -> float:
        """Seconds left of the lockout (0 when not locked); the count starts again once it ends."""
        if self._locked_until is None:
            return 0.0
        left = self._locked_until - self._clock()
        if left <= 0:
            self._locked_until = None
            self.failures = 0
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
            self.failures = 0
            return "ok"
        self.failures += 1
        if self.failures >= MAX_TRIES:
            self._locked_until = self._clock() + LOCK_SECONDS
            return "locked"
        return "wrong"
