"""Strings of `ocop-tui demo-data` (the demo fair generator); cli.demo.written lives in cli.py."""

STRINGS: dict[str, tuple[str, str]] = {
    "demo.exists": (
        "{path} đã có; thêm --force để thay toàn bộ (bản cũ được giữ trong .ocop-backups)",
        "{path} already exists; add --force to replace it (the old version is kept in .ocop-backups)",
    ),
    "demo.no_folder": ("không có thư mục {folder}", "there is no folder {folder}"),
    "demo.cannot_write": ("không ghi được {path}: {reason}", "cannot write {path}: {reason}"),
}
