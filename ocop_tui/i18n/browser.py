"""Strings of the browser screens (products, booths, help), the footer keys and the command palette."""

STRINGS: dict[str, tuple[str, str]] = {
    # Tabs and titles
    "tab.products": ("Sản phẩm", "Products"),
    "tab.booths": ("Gian hàng", "Booths"),
    "tab.map": ("Bản đồ", "Map"),
    "tab.facts": ("Tổng quan", "Fair facts"),
    "app.subtitle.demo": ("dữ liệu mẫu", "demo data"),
    # Footer keys (binding descriptions are these keys)
    "key.help": ("Trợ giúp", "Help"),
    "key.products": ("Sản phẩm", "Products"),
    "key.booths": ("Gian hàng", "Booths"),
    "key.language": ("English", "Tiếng Việt"),
    "key.theme": ("Giao diện", "Theme"),
    "key.search": ("Tìm", "Search"),
    "key.clear": ("Xoá lọc", "Clear"),
    "key.facets": ("Bộ lọc", "Filters"),
    "key.go_booth": ("Tới gian hàng", "Go to booth"),
    "key.open": ("Mở", "Open"),
    "key.sort": ("Sắp xếp", "Sort"),
    "key.reverse": ("Đảo thứ tự", "Reverse"),
    "key.toggle": ("Chọn", "Toggle"),
    "key.close": ("Đóng", "Close"),
    "key.quit": ("Thoát", "Quit"),
    "key.palette": ("Lệnh", "Commands"),
    # Search
    "search.products.placeholder": (
        "Tìm sản phẩm: tên, chủ thể, tỉnh, gian hàng… (gõ không dấu cũng được)",
        "Search products: name, producer, province, booth… (accents optional)",
    ),
    "search.booths.placeholder": (
        "Tìm gian hàng: số gian, đơn vị, tỉnh, khu…",
        "Search booths: booth number, exhibitor, province, zone…",
    ),
    # Facets
    "facet.province": ("Tỉnh", "Province"),
    "facet.group": ("Nhóm OCOP", "OCOP group"),
    "facet.stars": ("Số sao", "Stars"),
    "facet.zone": ("Khu", "Zone"),
    "facet.exhibitor_type": ("Loại hình", "Exhibitor type"),
    # Columns
    "col.name": ("Tên sản phẩm", "Product"),
    "col.stars": ("Sao", "Stars"),
    "col.group": ("Nhóm", "Group"),
    "col.province": ("Tỉnh", "Province"),
    "col.booth": ("Gian", "Booth"),
    "col.price": ("Giá", "Price"),
    "col.exhibitor": ("Đơn vị trưng bày", "Exhibitor"),
    "col.exhibitor_type": ("Loại hình", "Type"),
    "col.zone": ("Khu", "Zone"),
    "col.products": ("SP", "Items"),
    # Status and empty state
    "status.products": ("{shown} trên {total} sản phẩm", "{shown} of {total} products"),
    "status.booths": ("{shown} trên {total} gian hàng", "{shown} of {total} booths"),
    "status.sorted": ("xếp theo {column}", "sorted by {column}"),
    "status.filters": ("lọc: {filters}", "filters: {filters}"),
    "empty.products": ("Không tìm thấy sản phẩm nào.", "No products found."),
    "empty.booths": ("Không tìm thấy gian hàng nào.", "No booths found."),
    "empty.query": ("Tìm: “{query}”", "Search: “{query}”"),
    "empty.filters": ("Bộ lọc đang bật: {filters}", "Active filters: {filters}"),
    "empty.hint": (
        "Thử gõ ít chữ hơn, bỏ dấu, hoặc xoá bộ lọc.",
        "Try fewer words, no accents, or clear the filters.",
    ),
    "empty.clear": ("Xoá tìm kiếm và bộ lọc", "Clear search and filters"),
    # Details
    "detail.none": ("Chọn một dòng để xem chi tiết.", "Highlight a row to see its details."),
    "detail.code": ("Mã", "Code"),
    "detail.name_en": ("Tên tiếng Anh", "English name"),
    "detail.group": ("Nhóm", "Group"),
    "detail.subgroup": ("Bộ sản phẩm", "Product set"),
    "detail.stars": ("Hạng OCOP", "OCOP rating"),
    "detail.stars_value": ("{stars} sao", "{stars} stars"),
    "detail.price": ("Giá", "Price"),
    "detail.unit": ("Đơn vị tính", "Unit"),
    "detail.producer": ("Chủ thể", "Producer"),
    "detail.province": ("Tỉnh", "Province"),
    "detail.certified_year": ("Năm công nhận", "Certified in"),
    "detail.description": ("Mô tả", "Description"),
    "detail.booth": ("Gian hàng", "Booth"),
    "detail.exhibitor": ("Đơn vị", "Exhibitor"),
    "detail.exhibitor_type": ("Loại hình", "Type"),
    "detail.zone": ("Khu", "Zone"),
    "detail.contact": ("Liên hệ", "Contact"),
    "detail.phone": ("Điện thoại", "Phone"),
    "detail.extra": ("Khác", "Other"),
    "detail.same_producer": ("Sản phẩm khác của chủ thể ({count})", "More from this producer ({count})"),
    "detail.booth_products": ("Sản phẩm tại gian ({count})", "Products at this booth ({count})"),
    "detail.go_booth": ("Tới gian hàng {booth}", "Go to booth {booth}"),
    "detail.show_products": ("Xem sản phẩm của gian", "Show this booth's products"),
    # Help
    "help.title": ("Trợ giúp", "Help"),
    "help.keys": ("Phím trên màn hình này", "Keys on this screen"),
    "help.global_keys": ("Phím chung", "Everywhere"),
    "help.moving": (
        "↑ ↓ PgUp PgDn Home End   di chuyển trong kết quả (cả khi đang gõ ô tìm); Tab sang ô kế tiếp",
        "↑ ↓ PgUp PgDn Home End   move in the results (even while typing in the search box); Tab: next pane",
    ),
    "help.search": ("Cú pháp tìm kiếm", "Search syntax"),
    "help.search.text": (
        "Gõ một hoặc nhiều từ, có dấu hay không dấu đều được: mọi từ phải khớp.\n"
        "Kết quả: tên bắt đầu bằng từ tìm trước, rồi tên có chứa, rồi các trường khác.\n"
        "Tiền tố theo trường:\n"
        "  gian:K-07  booth:K-07      số gian hàng\n"
        "  sao:5  stars:4+            số sao (4+ = từ 4 sao)\n"
        '  tinh:"kien giang"          tỉnh (province:)\n'
        '  nhom:"do uong"             nhóm OCOP (group:)\n'
        "  ma:91-899  code:           mã sản phẩm\n"
        "  chuthe:  producer:         chủ thể\n"
        "  khu:  zone:                khu trưng bày\n"
        "  loai:hop tac xa  type:     loại hình\n"
        '  "nuoc mam"                 cụm từ liền nhau',
        "Type one or more words, with or without Vietnamese accents: every word must match.\n"
        "Results: names starting with the search first, then names containing it, then other fields.\n"
        "Field prefixes:\n"
        "  booth:K-07  gian:K-07      booth number\n"
        "  stars:5  stars:4+          stars (4+ = four or more)\n"
        '  province:"kien giang"      province (tinh:)\n'
        "  group:drinks               OCOP group (nhom:)\n"
        "  code:91-899  ma:           product code\n"
        "  producer:  chuthe:         producer\n"
        "  zone:  khu:                zone\n"
        "  type:cooperative  loai:    exhibitor type\n"
        '  "fish sauce"               a phrase, words together',
    ),
    "help.icons": ("Ký hiệu", "Icons"),
    "help.icons.text": (
        "★★★ – ★★★★★  hạng OCOP 3 đến 5 sao\n"
        "■ / □          giá trị bộ lọc đang chọn / chưa chọn; số bên phải là số kết quả\n"
        "▲ / ▼          cột đang sắp xếp tăng / giảm dần\n"
        "₫              giá tham khảo (đồng)",
        "★★★ – ★★★★★  OCOP rating, 3 to 5 stars\n"
        "■ / □          filter value selected / not selected; the number is how many results\n"
        "▲ / ▼          column sorted ascending / descending\n"
        "VND            indicative price in Vietnamese đồng",
    ),
    "help.mouse": (
        "Chuột: bấm thẻ để đổi màn hình, bấm tiêu đề cột để sắp xếp, bấm dòng để chọn, bấm lần nữa để mở.",
        "Mouse: click a tab to switch screens, a column header to sort, a row to highlight it, again to open it.",
    ),
    # Command palette
    "cmd.go_booth": ("Tới gian hàng", "Go to booth"),
    "cmd.go_product": ("Tới sản phẩm", "Go to product"),
    "cmd.language": ("Đổi ngôn ngữ sang English", "Switch language to Tiếng Việt"),
    "cmd.theme": ("Đổi giao diện: {theme}", "Switch theme: {theme}"),
    "cmd.help.booth": ("Mở gian hàng trên màn hình Gian hàng", "Open the booth on the Booths screen"),
    "cmd.help.product": ("Mở sản phẩm trên màn hình Sản phẩm", "Open the product on the Products screen"),
    "notify.language": ("Đã chuyển sang tiếng Việt", "Switched to English"),
    "notify.theme": ("Giao diện: {theme}", "Theme: {theme}"),
}
