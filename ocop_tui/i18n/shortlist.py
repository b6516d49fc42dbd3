"""Strings of the shortlist: the walking plan, the take-away QR and contact card, the follow-up sheet's headers,
and `ocop-tui shortlist`."""

STRINGS: dict[str, tuple[str, str]] = {
    # The walking plan (plan/walk.py)
    "walk.summary.one": ("1 gian hàng · khoảng {metres} m", "1 booth · about {metres} m"),
    "walk.summary": ("{stops} gian hàng · khoảng {metres} m", "{stops} booths · about {metres} m"),
    "walk.unplaced": ("không có trên sơ đồ: {booths}", "not on the floor plan: {booths}"),
    "walk.unreachable": ("không có lối đi tới: {booths}", "no walking route to: {booths}"),
    # The take-away text and contact card
    "shortlist.qr.page": ("Trang {page}/{pages}", "Page {page}/{pages}"),
    "shortlist.vcard.note": ("Gian {booth} · {zone} · {fair}", "Booth {booth} · {zone} · {fair}"),
    # The follow-up sheet (`ocop-tui shortlist export`)
    "shortlist.sheet": ("Danh sách", "Shortlist"),
    "shortlist.col.booth_no": ("Số gian hàng", "Booth"),
    "shortlist.col.exhibitor": ("Tên đơn vị", "Exhibitor"),
    "shortlist.col.contact_name": ("Người liên hệ", "Contact"),
    "shortlist.col.phone": ("Điện thoại", "Phone"),
    "shortlist.col.province": ("Tỉnh", "Province"),
    "shortlist.col.zone": ("Khu", "Zone"),
    "shortlist.col.code": ("Mã sản phẩm", "Product code"),
    "shortlist.col.name": ("Tên sản phẩm", "Product"),
    "shortlist.col.name_en": ("Tên tiếng Anh", "English name"),
    "shortlist.col.stars": ("Số sao", "Stars"),
    "shortlist.col.price_vnd": ("Giá (đồng)", "Price (VND)"),
    "shortlist.col.unit": ("Đơn vị tính", "Unit"),
    # Named lists: what goes wrong (storage.py's ShortlistError reasons)
    "shortlist.error.not_found": (
        "Không có danh sách nào tên “{name}” (xem `ocop-tui shortlist list`)",
        "No shortlist called “{name}” (see `ocop-tui shortlist list`)",
    ),
    "shortlist.error.exists": ("Đã có một danh sách tên “{name}”", "There is already a shortlist called “{name}”"),
    "shortlist.error.bad_name": (
        "Tên danh sách phải có từ 1 đến {most} ký tự",
        "A shortlist's name must be 1 to {most} characters long",
    ),
    "shortlist.error.damaged": (
        "Danh sách “{name}” bị hỏng, không mở được: {detail}",
        "The shortlist “{name}” is damaged and cannot be opened: {detail}",
    ),
    "shortlist.error.unwritable": (
        "Không lưu được danh sách “{name}”: {detail}",
        "Could not save the shortlist “{name}”: {detail}",
    ),
    "shortlist.damaged.newer": ("do một phiên bản ocop-tui mới hơn tạo ra", "made by a newer ocop-tui"),
    "shortlist.damaged.not_regular": ("không phải một tệp thường", "not a regular file"),
    "shortlist.damaged.too_large": ("tệp quá lớn", "the file is too large"),
    "shortlist.damaged.control": ("có ký tự điều khiển", "it holds control characters"),
    # `ocop-tui shortlist list` and `export`
    "shortlist.cli.none": ("Chưa có danh sách nào được lưu trong {path}", "No shortlist saved yet in {path}"),
    "shortlist.cli.title": ("Danh sách đã lưu ({path})", "Saved shortlists ({path})"),
    "shortlist.cli.col.name": ("Tên", "Name"),
    "shortlist.cli.col.items": ("Số mục", "Items"),
    "shortlist.cli.col.saved": ("Lưu lúc (UTC)", "Saved (UTC)"),
    "shortlist.cli.col.fair": ("Hội chợ", "Fair"),
    "shortlist.cli.damaged": ("hỏng: {detail}", "damaged: {detail}"),
    "shortlist.cli.written": (
        "Đã ghi {path}: {booths} gian hàng, {products} sản phẩm",
        "Wrote {path}: {booths} booths, {products} products",
    ),
    "shortlist.cli.missing": (
        "{count} mục của danh sách không có trong dữ liệu này (bỏ qua): {items}",
        "{count} item(s) of the list are not in this store (left out): {items}",
    ),
    "shortlist.cli.bad_format": (
        "{path}: chỉ xuất được ra tệp .csv hoặc .xlsx",
        "{path}: the export can only be a .csv or .xlsx file",
    ),
    "shortlist.cli.unwritable": ("Không ghi được {path}: {reason}", "Cannot write {path}: {reason}"),
}
