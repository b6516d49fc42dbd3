"""Named shortlists: kept in the user's state folder for staff and buyers, or in memory only on a kiosk.

Two books with the same methods (`ShortlistBook`): `SavedShortlists` keeps one JSON file per list in
`<user state folder>/shortlists/` (platformdirs' user_state_dir, e.g. ~/.local/state/ocop-tui/ on Linux,
honouring XDG_STATE_HOME; the format is in data/README.md, "Saved shortlists"), written atomically, the folder
private to the user; `MemoryShortlists` keeps nothing beyond the process, for the public kiosk, whose idle
reset forgets every list and may log only how many items there were.

Names are matched as people type them: "nuoc mam" opens "Nước mắm" (case, accents and spacing do not
matter). A file that cannot be read or is damaged is listed with the reason and refused when opened
(ShortlistDamaged), never a crash; other lists are not affected.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Literal, Protocol

import msgspec

from ocop_tui.files import FileRefused, atomic_write, read_limited
from ocop_tui.i18n import t
from ocop_tui.model import MAX_LINE, Lang
from ocop_tui.paths import APP_NAME
from ocop_tui.shortlist.items import MAX_ITEMS, Item, Kind, Shortlist
from ocop_tui.text import clean, fold, nfc, vi_sort_key

FILE_FORMAT = "ocop-tui-shortlist"
FILE_VERSION = 1
MAX_NAME = 80  # characters of a list's name
MAX_FILE_BYTES = 512 * 1024  # MAX_ITEMS items of a long code each fit with room to spare


class ShortlistError(Exception):
    """A named list cannot be used. `reason` is a key of the i18n table (shortlist.error.*); `name` the list."""

    def __init__(self, reason: str, name: str, detail: str = "") -> None:
        super().__init__(f"{name}: {reason}{': ' + detail if detail else ''}")
        self.reason = reason
        self.name = name
        self.detail = detail


class ShortlistNotFound(ShortlistError):
    def __init__(self, name: str) -> None:
        super().__init__("not_found", name)


class ShortlistExists(ShortlistError):
    def __init__(self, name: str) -> None:
        super().__init__("exists", name)


class ShortlistBadName(ShortlistError):
    def __init__(self, name: str) -> None:
        super().__init__("bad_name", name)


class ShortlistDamaged(ShortlistError):
    """The list's file is unreadable, not a shortlist, or made by a newer ocop-tui (`detail` says which)."""

    def __init__(self, name: str, detail: str, path: Path | None = None) -> None:
        super().__init__("damaged", name, detail)
        self.path = path


class ShortlistUnwritable(ShortlistError):
    """The system refused to write or remove the list's file (no space, no permission...): `detail` says why."""

    def __init__(self, name: str, detail: str) -> None:
        super().__init__("unwritable", name, detail)


@dataclass(frozen=True, slots=True)
class SavedInfo:
    """A line of the listing. `damaged` is empty for a usable list, else why it cannot be opened."""

    name: str
    items: int
    saved_at: str  # ISO 8601, UTC ("" when unknown)
    fair: str  # the name of the fair it was collected at
    path: Path | None = None
    damaged: str = ""


class ShortlistBook(Protocol):
    """Where named lists live: the same calls on disk and on a kiosk."""

    def listing(self) -> list[SavedInfo]: ...
    def load(self, name: str) -> Shortlist: ...
    def save(self, name: str, shortlist: Shortlist, fair: str = "") -> str: ...
    def rename(self, old: str, new: str) -> str: ...
    def delete(self, name: str) -> None: ...


def clean_name(name: str) -> str:
    """A list's name as kept: cleaned of control characters, NFC, single spaces. ShortlistBadName when empty or
    longer than MAX_NAME."""
    text = " ".join(nfc(clean(name)).split())
    if not text or len(text) > MAX_NAME:
        raise ShortlistBadName(text or name)
    return text


def name_key(name: str) -> str:
    """Names that fold alike are the same list ("Nước mắm", "nuoc  mam")."""
    return " ".join(fold(name).split())


# The file's layout, checked as it is decoded (msgspec): see data/README.md, "Saved shortlists".
Text = Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_LINE)]


class SavedItem(msgspec.Struct, frozen=True):
    kind: Kind
    key: Text


class SavedFile(msgspec.Struct, frozen=True):
    format: Literal["ocop-tui-shortlist"]
    version: Annotated[int, msgspec.Meta(ge=1)]
    name: Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_NAME)]
    items: Annotated[list[SavedItem], msgspec.Meta(max_length=MAX_ITEMS)]
    saved_at: str = ""
    fair: Annotated[str, msgspec.Meta(max_length=MAX_LINE)] = ""


class _Version(msgspec.Struct):
    format: str = ""
    version: int = 0


def default_folder() -> Path:
    """shortlists/ in the platform's user state folder (~/.local/state/ocop-tui/ on Linux, or $XDG_STATE_HOME)."""
    from platformdirs import user_state_dir  # only when lists are used: not on the app's start path

    return Path(user_state_dir(APP_NAME)) / "shortlists"


def encode_file(name: str, shortlist: Shortlist, fair: str, saved_at: datetime) -> bytes:
    doc = SavedFile(
        FILE_FORMAT, FILE_VERSION, name, [SavedItem(item.kind, item.key) for item in shortlist],
        saved_at.astimezone(UTC).isoformat(timespec="seconds"), fair[:MAX_LINE],
    )  # fmt: skip
    return msgspec.json.format(msgspec.json.encode(doc), indent=2) + b"\n"


def decode_file(data: bytes, path: Path) -> SavedFile:
    """The list in `data`; ShortlistDamaged (named after the file) when it is not a shortlist this version reads."""
    try:
        head = msgspec.json.decode(data, type=_Version)
    except msgspec.DecodeError:
        head = _Version()
    if head.format == FILE_FORMAT and head.version > FILE_VERSION:
        raise ShortlistDamaged(path.stem, "newer", path)
    try:
        doc = msgspec.json.decode(data, type=SavedFile)
    except msgspec.DecodeError as error:
        raise ShortlistDamaged(path.stem, str(error), path) from None
    if clean(doc.name) != doc.name or any(clean(item.key) != item.key for item in doc.items):
        raise ShortlistDamaged(path.stem, "control", path)
    return doc


def _file_name(key: str) -> str:
    """A safe, stable file name for the name key: ASCII letters and digits of the name, then a short hash
    that tells apart names whose letters are the same ("a/b" and "a b")."""
    slug = re.sub(r"[^a-z0-9]+", "-", key).strip("-")[:40] or "list"
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:8]
    return f"{slug}.{digest}.json"


class SavedShortlists:
    """Named lists, one file each in `folder` (default_folder() unless given)."""

    def __init__(
        self, folder: Path | None = None, *, clock: Callable[[], datetime] = lambda: datetime.now(UTC)
    ) -> None:
        self.folder = Path(folder) if folder is not None else default_folder()
        self._clock = clock

    def _read(self, path: Path) -> SavedFile:
        try:
            data = read_limited(path, MAX_FILE_BYTES)
        except FileRefused as error:
            raise ShortlistDamaged(path.stem, error.reason, path) from None
        except OSError as error:
            raise ShortlistDamaged(path.stem, error.strerror or str(error), path) from None
        return decode_file(data, path)

    def _files(self) -> list[Path]:
        try:
            return sorted(p for p in self.folder.glob("*.json") if not p.name.startswith("."))
        except OSError:
            return []

    def _find(self, name: str) -> tuple[Path, SavedFile] | None:
        """The file holding the list called `name` (as people type it), and its content.

        The file named after the name is looked at first; a file renamed by hand is still found by the name
        inside it. A damaged file named after the name, or whose file name is `name` (as the listing shows
        damaged files), raises ShortlistDamaged.
        """
        key = name_key(name)
        expected = self.folder / _file_name(key)
        if expected.exists():
            doc = self._read(expected)
            if name_key(doc.name) == key:
                return expected, doc
        for path in self._files():
            if path == expected:
                continue
            try:
                doc = self._read(path)
            except ShortlistDamaged:
                if name.strip() in (path.name, path.stem):  # a damaged file, named as the listing shows it
                    raise
                continue
            if name_key(doc.name) == key:
                return path, doc
        return None

    def listing(self) -> list[SavedInfo]:
        """Every list in the folder, by name in Vietnamese order; damaged files too, with the reason."""
        found: list[SavedInfo] = []
        for path in self._files():
            try:
                doc = self._read(path)
            except ShortlistDamaged as error:
                found.append(SavedInfo(path.name, 0, "", "", path, error.detail or error.reason))
                continue
            found.append(SavedInfo(doc.name, len(doc.items), doc.saved_at, doc.fair, path))
        return sorted(found, key=lambda info: (bool(info.damaged), vi_sort_key(info.name)))

    def load(self, name: str) -> Shortlist:
        """The list called `name`; ShortlistNotFound, or ShortlistDamaged when its file is."""
        found = self._find(name)
        if found is None:
            raise ShortlistNotFound(name)
        return Shortlist(Item(item.kind, item.key) for item in found[1].items)

    def save(self, name: str, shortlist: Shortlist, fair: str = "") -> str:
        """Keep `shortlist` as `name`, replacing a list of that name; returns the name as kept."""
        name = clean_name(name)
        found = self._find_quietly(name)
        path = found if found is not None else self.folder / _file_name(name_key(name))
        self._write(path, name, encode_file(name, shortlist, fair, self._clock()))
        return name

    def _find_quietly(self, name: str) -> Path | None:
        """Like _find, but a damaged file named after the list is simply overwritten by a save."""
        try:
            found = self._find(name)
        except ShortlistDamaged as error:
            return error.path
        return None if found is None else found[0]

    def _write(self, path: Path, name: str, data: bytes) -> None:
        try:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            atomic_write(path, data, mode=0o600)  # a buyer's contacts are nobody else's business
        except OSError as error:
            raise ShortlistUnwritable(name, error.strerror or str(error)) from None

    def rename(self, old: str, new: str) -> str:
        """Call the list `old` `new` from now on; returns the new name as kept. ShortlistExists when another
        list already has that name (a change of case or accents of the same list is fine)."""
        new = clean_name(new)
        found = self._find(old)
        if found is None:
            raise ShortlistNotFound(old)
        path, doc = found
        if name_key(new) != name_key(doc.name) and self._find_quietly(new) is not None:
            raise ShortlistExists(new)
        target = self.folder / _file_name(name_key(new))
        shortlist = Shortlist(Item(item.kind, item.key) for item in doc.items)
        self._write(target, new, encode_file(new, shortlist, doc.fair, self._clock()))
        if target != path:
            self._remove(path, new)
        return new

    def delete(self, name: str) -> None:
        """Remove the list called `name` (ShortlistNotFound when there is none); a damaged file of that name
        can be deleted too."""
        try:
            found = self._find(name)
        except ShortlistDamaged as error:
            if error.path is None:
                raise
            self._remove(error.path, name)
            return
        if found is None:
            raise ShortlistNotFound(name)
        self._remove(found[0], name)

    def _remove(self, path: Path, name: str) -> None:
        try:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
        except OSError as error:
            raise ShortlistUnwritable(name, error.strerror or str(error)) from None


class MemoryShortlists:
    """Named lists held in memory only (the kiosk: nothing about a visitor's list is ever written)."""

    def __init__(self) -> None:
        self._lists: dict[str, tuple[str, Shortlist, str]] = {}  # name key -> name, list, fair

    def listing(self) -> list[SavedInfo]:
        return sorted(
            (SavedInfo(name, len(items), "", fair) for name, items, fair in self._lists.values()),
            key=lambda info: vi_sort_key(info.name),
        )

    def load(self, name: str) -> Shortlist:
        found = self._lists.get(name_key(name))
        if found is None:
            raise ShortlistNotFound(name)
        return found[1].copy()

    def save(self, name: str, shortlist: Shortlist, fair: str = "") -> str:
        name = clean_name(name)
        self._lists[name_key(name)] = (name, shortlist.copy(), fair)
        return name

    def rename(self, old: str, new: str) -> str:
        new = clean_name(new)
        found = self._lists.get(name_key(old))
        if found is None:
            raise ShortlistNotFound(old)
        if name_key(new) != name_key(old) and name_key(new) in self._lists:
            raise ShortlistExists(new)
        del self._lists[name_key(old)]
        self._lists[name_key(new)] = (new, found[1], found[2])
        return new

    def delete(self, name: str) -> None:
        if self._lists.pop(name_key(name), None) is None:
            raise ShortlistNotFound(name)

    def reset(self, *current: Shortlist) -> int:
        """Forget every list (the kiosk's idle reset), emptying the `current` ones too; returns how many items
        were dropped in all: the only thing a kiosk may log about them."""
        dropped = sum(len(items) for _, items, _ in self._lists.values())
        self._lists.clear()
        return dropped + sum(shortlist.clear() for shortlist in current)


def describe_error(error: ShortlistError, lang: Lang) -> str:
    """The error as one line for people, in `lang`."""
    if isinstance(error, ShortlistBadName):
        return t("shortlist.error.bad_name", lang, most=MAX_NAME)
    detail = error.detail
    if error.reason == "damaged":
        known = {"newer", "not_regular", "too_large", "control"}
        detail = t(f"shortlist.damaged.{detail}", lang) if detail in known else detail
    return t(f"shortlist.error.{error.reason}", lang, name=error.name, detail=detail)
