"""Strings of the command line (validate, stats, demo-data and the shared error messages)."""

STRINGS: dict[str, tuple[str, str]] = {
    "cli.error": ("Lỗi", "Error"),
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
