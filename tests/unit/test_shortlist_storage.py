"""Named shortlists (shortlist/storage.py): kept on disk in the user's state folder, or in memory on a kiosk;
damaged files reported, never a crash; failed writes leave the old list."""

from __future__ import annotations

import errno
import json
import os
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ocop_tui.shortlist.items import Item, Shortlist
from ocop_tui.shortlist.storage import (
    MAX_FILE_BYTES,
    MAX_NAME,
    MemoryShortlists,
    SavedShortlists,
    ShortlistBadName,
    ShortlistBook,
    ShortlistDamaged,
    ShortlistExists,
    ShortlistNotFound,
    ShortlistUnwritable,
    default_folder,
    describe_error,
)

LIST = Shortlist([Item("product", "91-001-1-5-2022"), Item("booth", "K-07"), Item("product", "84-001-1-5-2023")])
NOON = datetime(2024, 9, 30, 12, 0, tzinfo=UTC)


def saved(tmp_path: Path) -> SavedShortlists:
    return SavedShortlists(tmp_path / "lists", clock=lambda: NOON)


@pytest.fixture(params=["saved", "memory"])
def book(request: pytest.FixtureRequest, tmp_path: Path) -> ShortlistBook:
    return saved(tmp_path) if request.param == "saved" else MemoryShortlists()


def test_the_default_folder_is_in_the_users_state_folder() -> None:
    assert default_folder() == Path(os.environ["XDG_STATE_HOME"]) / "ocop-tui" / "shortlists"


def test_save_list_and_load_by_name_as_people_type_it(book: ShortlistBook) -> None:
    assert book.save("  Nước   mắm Phú Quốc ", LIST, fair="Diễn đàn OCOP") == "Nước mắm Phú Quốc"
    book.save("Bánh pía", Shortlist([Item("booth", "S-01")]))
    assert book.load("nuoc mam phu quoc") == LIST  # no accents, any case, any spacing
    assert book.load("NƯỚC MẮM PHÚ QUỐC").keys("booth") == ["K-07"]
    listing = book.listing()
    assert [(info.name, info.items) for info in listing] == [("Bánh pía", 1), ("Nước mắm Phú Quốc", 3)]
    assert listing[1].fair == "Diễn đàn OCOP" and not listing[1].damaged
    with pytest.raises(ShortlistNotFound):
        book.load("tiêu")


def test_a_loaded_list_is_a_copy(book: ShortlistBook) -> None:
    book.save("a", LIST)
    loaded = book.load("a")
    loaded.clear()
    assert book.load("a") == LIST


def test_saving_again_replaces_the_list(book: ShortlistBook) -> None:
    book.save("Khách sỉ", LIST)
    book.save("khach si", Shortlist([Item("booth", "B-01")]))
    assert [info.name for info in book.listing()] == ["khach si"]  # the name as last saved
    assert book.load("Khách sỉ").items == (Item("booth", "B-01"),)


def test_rename_and_delete(book: ShortlistBook) -> None:
    book.save("Nước mắm", LIST)
    book.save("Tiêu", Shortlist())
    assert book.rename("nuoc mam", "Cho anh Tuấn") == "Cho anh Tuấn"
    assert book.load("cho anh tuan") == LIST
    with pytest.raises(ShortlistNotFound):
        book.load("nước mắm")
    with pytest.raises(ShortlistExists):
        book.rename("cho anh tuan", "tieu")
    assert book.rename("cho anh tuan", "CHO ANH TUẤN") == "CHO ANH TUẤN"  # the same list, respelled
    assert [info.name for info in book.listing()] == ["CHO ANH TUẤN", "Tiêu"]
    book.delete("tieu")
    with pytest.raises(ShortlistNotFound):
        book.delete("tieu")
    with pytest.raises(ShortlistNotFound):
        book.rename("tieu", "x")
    assert [info.name for info in book.listing()] == ["CHO ANH TUẤN"]


@pytest.mark.parametrize("name", ["", "   ", "\x1b[31m", "x" * (MAX_NAME + 1)])
def test_names_must_be_1_to_80_characters(book: ShortlistBook, name: str) -> None:
    with pytest.raises(ShortlistBadName):
        book.save(name, LIST)
    book.save("ok", LIST)
    with pytest.raises(ShortlistBadName):
        book.rename("ok", name)


def test_control_characters_are_cleaned_from_names(book: ShortlistBook) -> None:
    assert book.save("Khách\x1b]0;x\x07 sỉ\u202e", LIST) == "Khách sỉ"  # the escape sequence goes whole


def test_files_are_private_json_as_documented(tmp_path: Path) -> None:
    lists = saved(tmp_path)
    lists.save("Nước mắm", LIST, fair="Diễn đàn OCOP")
    (path,) = lists.folder.iterdir()
    assert path.suffix == ".json" and path.name.isascii() and path.name.startswith("nuoc-mam.")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and stat.S_IMODE(lists.folder.stat().st_mode) == 0o700
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc == {
        "format": "ocop-tui-shortlist", "version": 1, "name": "Nước mắm",
        "items": [{"kind": "product", "key": "91-001-1-5-2022"}, {"kind": "booth", "key": "K-07"},
                  {"kind": "product", "key": "84-001-1-5-2023"}],
        "saved_at": "2024-09-30T12:00:00+00:00", "fair": "Diễn đàn OCOP",
    }  # fmt: skip


def test_names_whose_letters_match_get_files_of_their_own(tmp_path: Path) -> None:
    lists = saved(tmp_path)
    lists.save("a/b", LIST)
    lists.save("a b", Shortlist())
    assert len(list(lists.folder.iterdir())) == 2
    assert lists.load("a/b") == LIST and len(lists.load("a b")) == 0


def test_a_file_renamed_by_hand_is_still_found_by_its_name(tmp_path: Path) -> None:
    lists = saved(tmp_path)
    lists.save("Nước mắm", LIST)
    (path,) = lists.folder.iterdir()
    path.rename(lists.folder / "my list.json")
    assert lists.load("nuoc mam") == LIST
    lists.save("nuoc mam", Shortlist())  # saved back into the file it was found in
    assert [p.name for p in lists.folder.iterdir()] == ["my list.json"]


HEAD = b'"format": "ocop-tui-shortlist", "version": 1, "name": "x"'
DAMAGED = {
    "garbage": b"\x00\xff not json",
    "truncated": b"{" + HEAD + b', "items": [',
    "not a shortlist": b'{"name": "x", "items": []}',
    "wrong item": b"{" + HEAD + b', "items": [{"kind": "stand", "key": "1"}]}',
    "control characters": b"{" + HEAD + b', "items": [{"kind": "booth", "key": "\\u001b[2J"}]}',
    "newer": b'{"format": "ocop-tui-shortlist", "version": 2, "name": "x", "items": [], "colour": "red"}',
    "empty": b"",
}


@pytest.mark.parametrize("content", DAMAGED.values(), ids=DAMAGED.keys())
def test_a_damaged_file_is_listed_and_refused_never_a_crash(tmp_path: Path, content: bytes) -> None:
    lists = saved(tmp_path)
    lists.save("good", LIST)
    bad = lists.folder / "x.00000000.json"
    bad.write_bytes(content)
    listing = lists.listing()
    assert [(info.name, bool(info.damaged)) for info in listing] == [("good", False), ("x.00000000.json", True)]
    assert lists.load("good") == LIST  # the other lists are not affected
    with pytest.raises(ShortlistDamaged):
        lists.load("x.00000000.json")
    lists.delete("x.00000000.json")  # a damaged list is deleted by its file's name, as the listing shows it
    assert not bad.exists()


def test_a_damaged_file_under_the_lists_name_is_refused_then_overwritten(tmp_path: Path) -> None:
    lists = saved(tmp_path)
    lists.save("Nước mắm", LIST)
    (path,) = lists.folder.iterdir()
    path.write_bytes(b"{broken")
    with pytest.raises(ShortlistDamaged) as caught:
        lists.load("nuoc mam")
    assert describe_error(caught.value, "en").startswith(f"The shortlist “{path.stem}” is damaged")
    lists.save("Nước mắm", LIST)  # saving puts a good list in its place
    assert lists.load("nuoc mam") == LIST and list(lists.folder.iterdir()) == [path]


def test_a_newer_file_says_so(tmp_path: Path) -> None:
    lists = saved(tmp_path)
    lists.folder.mkdir(parents=True)
    (lists.folder / "x.json").write_bytes(DAMAGED["newer"])
    (info,) = lists.listing()
    assert info.damaged == "newer"
    assert describe_error(ShortlistDamaged("x", info.damaged), "en") == (
        "The shortlist “x” is damaged and cannot be opened: made by a newer ocop-tui"
    )
    with pytest.raises(ShortlistNotFound):
        lists.delete("nothing")  # a search through the folder passes over the damaged file


def test_special_and_huge_files_are_not_read(tmp_path: Path) -> None:
    lists = saved(tmp_path)
    lists.folder.mkdir(parents=True)
    os.mkfifo(lists.folder / "fifo.json")  # would block a plain open() forever
    (lists.folder / "huge.json").write_bytes(b" " * (MAX_FILE_BYTES + 1))
    (lists.folder / "folder.json").mkdir()
    reasons = {info.name: info.damaged for info in lists.listing()}
    assert reasons == {"fifo.json": "not_regular", "huge.json": "too_large", "folder.json": "not_regular"}
    with pytest.raises(ShortlistDamaged) as caught:
        lists.load("fifo.json")
    assert describe_error(caught.value, "vi") == "Danh sách “fifo” bị hỏng, không mở được: không phải một tệp thường"
    lists.delete("fifo.json")
    assert not (lists.folder / "fifo.json").exists()


def test_a_failed_write_keeps_the_old_list_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lists = saved(tmp_path)
    lists.save("Nước mắm", LIST)
    (path,) = lists.folder.iterdir()
    before = path.read_bytes()

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("ocop_tui.files.os.fsync", disk_full)
    with pytest.raises(ShortlistUnwritable) as caught:
        lists.save("Nước mắm", Shortlist())
    assert describe_error(caught.value, "en") == f"Could not save the shortlist “Nước mắm”: {os.strerror(errno.ENOSPC)}"
    with pytest.raises(ShortlistUnwritable):
        lists.rename("Nước mắm", "Tiêu")
    monkeypatch.undo()
    assert path.read_bytes() == before and list(lists.folder.iterdir()) == [path]
    assert lists.load("nuoc mam") == LIST


def test_a_folder_that_cannot_be_made_is_reported(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    lists = SavedShortlists(blocker / "lists")
    assert lists.listing() == []
    with pytest.raises(ShortlistUnwritable):
        lists.save("x", LIST)


def test_the_kiosk_book_writes_nothing_and_forgets_at_reset(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    book = MemoryShortlists()
    current = LIST.copy()
    book.save("Nước mắm", current)
    book.save("Tiêu", Shortlist([Item("booth", "K-08")]))
    assert book.reset(current) == 3 + 1 + 3  # the anonymous count: all a kiosk may log
    assert book.listing() == [] and len(current) == 0
    assert book.reset() == 0
    assert not (tmp_path / "state").exists()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(min_size=1, max_size=MAX_NAME))
def test_any_name_round_trips_or_is_refused(tmp_path: Path, name: str) -> None:
    lists = SavedShortlists(tmp_path / "any")
    try:
        kept = lists.save(name, LIST)
    except ShortlistBadName:
        return
    assert lists.load(kept) == LIST
    assert all(path.name.isascii() and "/" not in path.name for path in lists.folder.iterdir())
    lists.delete(kept)


def test_errors_in_both_languages() -> None:
    assert describe_error(ShortlistNotFound("tiêu"), "vi") == (
        "Không có danh sách nào tên “tiêu” (xem `ocop-tui shortlist list`)"
    )
    assert describe_error(ShortlistExists("a"), "en") == "There is already a shortlist called “a”"
    assert describe_error(ShortlistBadName(""), "en") == "A shortlist's name must be 1 to 80 characters long"
    assert describe_error(ShortlistDamaged("x", "newer"), "vi") == (
        "Danh sách “x” bị hỏng, không mở được: do một phiên bản ocop-tui mới hơn tạo ra"
    )
