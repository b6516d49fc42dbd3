"""Strings of the command line (validate, stats, demo-data and the shared error messages)."""

STRINGS: dict[str, tuple[str, str]] = {
    "cli.error": ("Lỗi", "Error"),
    "cli.needs_terminal": (
        "ocop-tui cần một cửa sổ dòng lệnh (terminal) để hiện màn hình và nhận phím, nhưng đầu vào hoặc đầu ra"
        " chuẩn không phải là terminal. Các lệnh như `ocop-tui stats` hay `ocop-tui validate` chạy được không cần"
        " terminal.",
        "ocop-tui needs a terminal to show its screens and read keys, but standard input or output is not one."
        " Commands such as `ocop-tui stats` or `ocop-tui validate` work without a terminal.",
    ),
    "cli.unexpected": (
        "không xử lý được dữ liệu vào: {error}",
        "could not handle the input: {error}",
    ),
    "cli.out_of_memory": (
        "không đủ bộ nhớ để xử lý dữ liệu vào (tệp quá lớn?)",
        "not enough memory to handle the input (is the file too large?)",
    ),
    "cli.valid": (
        "{path}: hợp lệ — {booths} gian hàng, {products} sản phẩm",
        "{path}: valid — {booths} booths, {products} products",
    ),
    "cli.invalid": ("{path}: {count} lỗi", "{path}: {count} error(s)"),
    "cli.warnings": ("{count} cảnh báo", "{count} warning(s)"),
    "cli.col.table": ("Bảng", "Table"),
    "cli.col.record": ("Bản ghi", "Record"),
    "cli.col.field": ("Trường", "Field"),
    "cli.col.value": ("Giá trị", "Value"),
    "cli.col.problem": ("Vấn đề", "Problem"),
    "cli.col.severity": ("Mức", "Severity"),
    "cli.severity.error": ("lỗi", "error"),
    "cli.severity.warning": ("cảnh báo", "warning"),
    "cli.stats.title": ("{name}", "{name}"),
    "cli.stats.by_province": ("Sản phẩm theo tỉnh", "Products by province"),
    "cli.stats.by_group": ("Sản phẩm theo nhóm", "Products by group"),
    "cli.stats.by_stars": ("Sản phẩm theo số sao", "Products by stars"),
    "cli.stats.by_zone": ("Gian hàng theo khu", "Booths by zone"),
    "cli.stats.count": ("Số lượng", "Count"),
    "cli.stats.totals": (
        "{booths} gian hàng · {products} sản phẩm · {producers} chủ thể · {provinces} tỉnh",
        "{booths} booths · {products} products · {producers} producers · {provinces} provinces",
    ),
    "cli.demo.written": (
        "Đã ghi {path}: {booths} gian hàng, {products} sản phẩm",
        "Wrote {path}: {booths} booths, {products} products",
    ),
}
