"""Strings of the shortlist: marking rows, the shortlist screen and its named lists, the walking plan, the
take-away QR and contact card, the follow-up sheet's headers, and `ocop-tui shortlist`."""

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
    # Marking rows (every table, the map) and the tab
    "tab.shortlist": ("Danh sách", "Shortlist"),
    "key.shortlist": ("Danh sách", "Shortlist"),
    "key.mark": ("Chọn/bỏ", "Mark"),
    "status.shortlist": ("đã chọn {count}", "{count} shortlisted"),
    "shortlist.full": ("Danh sách đã đầy ({most} mục)", "The shortlist is full ({most} items)"),
    "shortlist.marked": ("Đã thêm gian {booth} vào danh sách", "Booth {booth} added to the shortlist"),
    "shortlist.unmarked": ("Đã bỏ gian {booth} khỏi danh sách", "Booth {booth} taken off the shortlist"),
    # The shortlist screen
    "shortlist.title": ("Danh sách mang theo", "Your shortlist"),
    "shortlist.empty": (
        "Chưa chọn gì. Nhấn Space trên một sản phẩm, một gian hàng hay một gian trên bản đồ để thêm vào đây.",
        "Nothing collected yet. Press Space on a product, a booth or a booth on the map to add it here.",
    ),
    "shortlist.summary": ("{booths} gian hàng · {products} sản phẩm", "{booths} booths · {products} products"),
    "shortlist.list_name": ("Danh sách: {name}", "List: {name}"),
    "shortlist.missing": (
        "{count} mục không có trong dữ liệu này: {items}",
        "{count} item(s) not in this fair's data: {items}",
    ),
    "shortlist.booth_only": ("(cả gian hàng)", "(the whole booth)"),
    "key.remove": ("Bỏ mục", "Remove"),
    "key.clear_list": ("Xoá hết", "Clear all"),
    "key.walk": ("Đường đi", "Walk"),
    "key.qr": ("Mã QR", "QR code"),
    "key.lists": ("Lưu/mở", "Save/open"),
    "shortlist.clear.question": (
        "Xoá hết {count} mục khỏi danh sách?",
        "Take all {count} items off the shortlist?",
    ),
    "shortlist.clear.yes": ("Xoá hết", "Clear all"),
    "shortlist.clear.no": ("Không", "Cancel"),
    "shortlist.cleared": ("Đã xoá danh sách", "The shortlist is empty now"),
    # Named lists (outside the kiosk)
    "lists.title": ("Danh sách đã lưu", "Saved shortlists"),
    "lists.name": ("Tên danh sách", "The list's name"),
    "lists.save": ("Lưu", "Save"),
    "lists.open": ("Mở", "Open"),
    "lists.rename": ("Đổi tên", "Rename"),
    "lists.delete": ("Xoá", "Delete"),
    "lists.close": ("Đóng", "Close"),
    "lists.none": ("Chưa có danh sách nào được lưu", "No shortlist saved yet"),
    "lists.item": ("{name} · {items} mục", "{name} · {items} items"),
    "lists.item.damaged": ("{name} · hỏng: {detail}", "{name} · damaged: {detail}"),
    "lists.pick": ("Chọn một danh sách ở trên trước", "Pick a list above first"),
    "lists.hint": (
        "Lưu: gõ tên rồi Enter. Mở, đổi tên (gõ tên mới) hay xoá danh sách đang chọn.",
        "Save: type a name and press Enter. Open, rename (type the new name) or delete the list picked.",
    ),
    "lists.saved": ("Đã lưu “{name}”", "Saved “{name}”"),
    "lists.opened": ("Đã mở “{name}”", "Opened “{name}”"),
    "lists.renamed": ("Đã đổi tên thành “{name}”", "Renamed to “{name}”"),
    "lists.deleted": ("Đã xoá “{name}”", "Deleted “{name}”"),
    # The QR screen
    "qr.title": ("Quét bằng điện thoại, không cần mạng", "Scan it with your phone, no network needed"),
    "qr.contact_title": ("Danh bạ của gian {booth}: quét để lưu số", "Booth {booth}'s contact: scan to save it"),
    "qr.page": ("Mã {page}/{pages}", "Code {page}/{pages}"),
    "qr.paging": ("[ ] hoặc ← → để xem mã khác", "[ ] or ← → for the other codes"),
    "qr.too_small": (
        "Cửa sổ quá nhỏ cho mã QR: cần ít nhất {columns}×{rows} ký tự",
        "The window is too small for the QR code: it needs at least {columns}×{rows} cells",
    ),
    "qr.too_many": (
        "Danh sách quá dài cho mã QR trên màn hình này: hãy phóng to cửa sổ hoặc bớt mục",
        "The shortlist is too long for QR codes on this screen: enlarge the window or remove items",
    ),
    "qr.card_short": (
        "Không kèm ghi chú (gian, khu, hội chợ): cửa sổ lớn hơn sẽ có đủ",
        "Without the note (booth, zone, fair): a larger window shows it all",
    ),
    "qr.empty": ("Danh sách trống: chưa có gì để mang theo", "The shortlist is empty: nothing to take away yet"),
    "key.next_code": ("Mã sau", "Next code"),
    "key.previous_code": ("Mã trước", "Previous code"),
    "key.contact_qr": ("Danh bạ QR", "Contact QR"),
    "detail.contact_qr": ("Danh bạ dạng mã QR", "Contact as a QR code"),
    # The walking plan on the map
    "key.walk_plan": ("Đường đi", "Walking plan"),
    "walk.title": ("Đường đi qua danh sách", "Walking plan through the shortlist"),
    "walk.empty": (
        "Danh sách chưa có gian hàng nào để đi tới (Space để chọn)",
        "The shortlist has no booth to walk to yet (Space marks one)",
    ),
    "walk.no_start": ("Chọn điểm xuất phát trước", "Choose a starting point first"),
    "walk.leg": ("{number}. Gian {booth}", "{number}. Booth {booth}"),
    # The kiosk's idle reset
    "idle.shortlist": (
        "Danh sách đã chọn ({count} mục) sẽ bị xoá",
        "The shortlist ({count} items) will be cleared",
    ),
    # The help screen's section
    "help.shortlist": ("Mang theo: danh sách, đường đi, mã QR", "Take it with you: shortlist, walk, QR code"),
    "help.shortlist.text": (
        "Space trên một dòng (hay bấm cột ✓) thêm sản phẩm, gian hàng vào danh sách; Space lần nữa để bỏ. "
        "Trên bản đồ, Space chọn gian đang chọn. F9 mở Danh sách: Delete bỏ mục, Ctrl+R xoá hết (có hỏi lại), "
        "Ctrl+W vẽ đường đi qua mọi gian trên bản đồ (hay P trên bản đồ), Ctrl+T hiện mã QR để quét mang theo, "
        "không cần mạng ([ ] để xem các mã khi danh sách dài), Ctrl+S lưu, mở, đổi tên, xoá danh sách có tên. "
        "Ctrl+K trên Gian hàng hay bản đồ (hay nút trong thông tin gian hàng): danh bạ của gian dưới dạng mã QR. Ở máy tra cứu công cộng, danh sách "
        "bị xoá khi màn hình tự về trang chủ.",
        "Space on a row (or a click on its ✓ column) puts the product or booth on the shortlist; Space again "
        "takes it off. On the map Space marks the selected booth. F9 opens the Shortlist: Delete removes an item, "
        "ctrl+r clears it all (after asking), ctrl+w draws the walk through every booth on the map (or p on the "
        "map), ctrl+t shows QR codes to take it away without a network ([ ] for the other codes of a long list), "
        "ctrl+s saves, opens, renames or deletes named lists. ctrl+k on the Booths screen or the map (or the button "
        "in a booth's details): the booth's contact as a QR code. On the public kiosk the list is cleared when the screen goes back home.",
    ),
}
