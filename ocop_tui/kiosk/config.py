"""Kiosk settings: a small TOML file (the [kiosk] table) with the exit PIN's hash and the kiosk's habits.

    [kiosk]
    pin_hash = "scrypt$n=16384,r=8,p=1$...$..."   # written by `ocop-tui kiosk-pin`, never the PIN itself
    idle_seconds = 90           # back to the home screen after this long without input (+ a 10 s countdown)
    location = "B-12"           # "you are here" on the map: a booth number or a named point of the plan
    lang = "vi"                 # the language the kiosk starts in and returns to
    log_dir = "/var/log/ocop"   # kiosk.log and missed-searches.jsonl (default: the user's log folder)
    reload_seconds = 3          # how often the store file is checked for a new version

The file's place: --config, else $OCOP_TUI_CONFIG, else the user's config folder (platformdirs).
Reading a missing file gives the defaults (and no PIN). Writing the PIN replaces the file atomically
(temporary file + os.replace) and changes only the pin_hash line.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ocop_tui.files import FileRefused, atomic_write, read_limited, shown_path
from ocop_tui.kiosk.pin import parse_pin_hash
from ocop_tui.model import LANGS, Lang
from ocop_tui.paths import default_config_path, default_log_dir

TABLE = "kiosk"
DEFAULT_IDLE_SECONDS = 90
MIN_IDLE_SECONDS = 5
MAX_IDLE_SECONDS = 24 * 3600
DEFAULT_RELOAD_SECONDS = 3.0
MAX_CONFIG_BYTES = 1024 * 1024  # a config is a few lines; a FIFO or /dev/zero in its place is refused
KNOWN_KEYS = ("pin_hash", "idle_seconds", "location", "lang", "log_dir", "reload_seconds")


class ConfigError(Exception):
    """A config file that cannot be used (exit 2); the message names the file, and the line if known."""

    exit_code = 2


@dataclass(frozen=True)
class KioskSettings:
    pin_hash: str | None = None
    idle_seconds: int = DEFAULT_IDLE_SECONDS
    location: str | None = None
    lang: Lang | None = None
    log_dir: Path = field(default_factory=default_log_dir)
    reload_seconds: float = DEFAULT_RELOAD_SECONDS
    source: Path | None = None  # the file these came from (None: built in code)

    @property
    def has_pin(self) -> bool:
        return bool(self.pin_hash)


def resolve_config_path(path: Path | None) -> Path:
    return Path(path) if path is not None else default_config_path()


def _read_text(path: Path) -> str | None:
    try:
        return read_limited(path, MAX_CONFIG_BYTES).decode("utf-8")
    except FileNotFoundError:
        return None
    except FileRefused as exc:
        if exc.reason == "too_large":
            raise ConfigError(
                f"{shown_path(path)}: larger than {MAX_CONFIG_BYTES // 1024:,} KB, not a config file"
            ) from None
        if exc.kind == "folder":
            raise ConfigError(f"{shown_path(path)}: is a folder, not a config file") from None
        kind = exc.kind
        raise ConfigError(f"{shown_path(path)}: is a {kind}, not a regular file: only a regular file is read") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{shown_path(path)}: not UTF-8 text (byte {exc.start})") from None
    except OSError as exc:
        raise ConfigError(f"{shown_path(path)}: cannot be read: {exc.strerror or exc}") from None


def _parse(path: Path, text: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # The message carries "(at line N, column M)".
        raise ConfigError(f"{shown_path(path)}: not valid TOML: {exc}") from None


def _settings_from(path: Path, document: dict[str, Any]) -> KioskSettings:
    table = document.get(TABLE, {})
    if not isinstance(table, dict):
        raise ConfigError(f"{shown_path(path)}: '{TABLE}' must be a table ([{TABLE}])")
    unknown = sorted(set(table) - set(KNOWN_KEYS))
    if unknown:
        known = ", ".join(KNOWN_KEYS)
        raise ConfigError(f"{shown_path(path)}: unknown setting(s) in [{TABLE}]: {', '.join(unknown)} (known: {known})")

    def where(key: str) -> str:
        return f"{shown_path(path)}: [{TABLE}] {key}"

    pin_hash = table.get("pin_hash")
    if pin_hash is not None:
        if not isinstance(pin_hash, str):
            raise ConfigError(f"{where('pin_hash')} must be a string")
        try:
            parse_pin_hash(pin_hash)
        except ValueError as exc:
            raise ConfigError(f"{where('pin_hash')}: {exc}; set it again with `ocop-tui kiosk-pin`") from None
    idle = table.get("idle_seconds", DEFAULT_IDLE_SECONDS)
    if isinstance(idle, bool) or not isinstance(idle, int) or not MIN_IDLE_SECONDS <= idle <= MAX_IDLE_SECONDS:
        raise ConfigError(
            f"{where('idle_seconds')} must be a whole number from {MIN_IDLE_SECONDS} to {MAX_IDLE_SECONDS}"
        )
    location = table.get("location")
    if isinstance(location, int) and not isinstance(location, bool):
        location = str(location)  # booth 12 written without quotes
    if location is not None and (not isinstance(location, str) or not location.strip()):
        raise ConfigError(f"{where('location')} must be a booth number or the name of a point on the plan")
    lang = table.get("lang")
    if lang is not None and lang not in LANGS:
        raise ConfigError(f"{where('lang')} must be one of {', '.join(LANGS)}")
    log_dir = table.get("log_dir")
    if log_dir is not None and (not isinstance(log_dir, str) or not log_dir.strip()):
        raise ConfigError(f"{where('log_dir')} must be a folder path")
    reload_seconds = table.get("reload_seconds", DEFAULT_RELOAD_SECONDS)
    if (isinstance(reload_seconds, bool) or not isinstance(reload_seconds, (int, float))
            or not 0.5 <= reload_seconds <= 10):  # fmt: skip
        raise ConfigError(f"{where('reload_seconds')} must be a number of seconds from 0.5 to 10")
    return KioskSettings(
        pin_hash=pin_hash,
        idle_seconds=idle,
        location=location.strip() if location else None,
        lang=lang,
        # A relative folder is taken from the config file's folder, not from wherever the kiosk starts.
        log_dir=(path.parent / Path(log_dir).expanduser()) if log_dir else default_log_dir(),
        reload_seconds=float(reload_seconds),
        source=path,
    )


def load_settings(path: Path | None = None) -> KioskSettings:
    """The settings in `path` (default: the usual place); defaults if the file does not exist."""
    path = resolve_config_path(path)
    text = _read_text(path)
    if text is None:
        return KioskSettings(source=path)
    return _settings_from(path, _parse(path, text))


# Writing -------------------------------------------------------------------------------------------

_HEADER = re.compile(r"^\s*\[\s*([^\]]*?)\s*\]\s*(#.*)?$")
_PIN_LINE = re.compile(r"^\s*pin_hash\s*=")


def _with_pin_hash(text: str, pin_hash: str) -> str:
    """`text` with [kiosk] pin_hash set: the old line replaced, or a new one under the table's header."""
    line_out = f'pin_hash = "{pin_hash}"'
    lines = text.splitlines()
    section: str | None = ""
    header_at: int | None = None
    for number, line in enumerate(lines):
        header = _HEADER.match(line)
        if header:
            section = header.group(1).strip()
            if section == TABLE and header_at is None:
                header_at = number
            continue
        if section == TABLE and _PIN_LINE.match(line):
            lines[number] = line_out
            return "\n".join(lines) + "\n"
    if header_at is not None:
        lines.insert(header_at + 1, line_out)
        return "\n".join(lines) + "\n"
    prefix = "\n".join(lines).rstrip("\n")
    return (prefix + "\n\n" if prefix else "") + f"[{TABLE}]\n{line_out}\n"


def save_pin_hash(path: Path | None, pin_hash: str) -> Path:
    """Store `pin_hash` in the config file (created if missing), keeping every other line as it was."""
    path = resolve_config_path(path)
    parse_pin_hash(pin_hash)
    text = _read_text(path) or ""
    before = _parse(path, text) if text else {}  # a broken file is reported, never overwritten
    if not isinstance(before.get(TABLE, {}), dict):
        raise ConfigError(f"{shown_path(path)}: '{TABLE}' must be a table ([{TABLE}])")
    updated = _with_pin_hash(text, pin_hash)
    # The line edit must change nothing but the hash; if the file's layout fooled it, say so.
    after = _parse(path, updated)
    expected = dict(before)
    expected[TABLE] = {**before.get(TABLE, {}), "pin_hash": pin_hash}
    if after != expected:
        raise ConfigError(
            f"{shown_path(path)}: could not add the PIN without changing other settings; edit the file by hand"
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    # 0600: the hash is not the PIN, but there is no reason to let others read it.
    atomic_write(path, updated.encode("utf-8"), mode=0o600)
    return path
