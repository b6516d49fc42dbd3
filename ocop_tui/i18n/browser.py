"""Strings of the browser screens (products, booths, help), the footer keys and the command palette."""

# Every example here is run on the shipped demo fair by tests/unit/test_search_examples.py, which checks
# its first result: (query, what it finds in Vietnamese, in English).
SEARCH_EXAMPLES: tuple[tuple[str, str, str], ...] = (
    ("nuoc mam phu quoc 5 sao", "nước mắm Phú Quốc, chỉ hạng 5 sao", "Phu Quoc fish sauce, 5 stars only"),
    ("tom kho ca mau", "tôm khô; sản phẩm của Cà Mau trước", "dried shrimp, Ca Mau's first"),
    ("K7", "sản phẩm ở gian K-007 (K-7, K-07, K 007 cũng được)", "what booth K-007 sells (or K-7, K-07, K 007)"),
    ("31030", "mã sản phẩm theo phần riêng của mã", "a product code by its own part"),
    ("tinh dau trram", "gõ sai vẫn tìm ra tinh dầu tràm", "a typo still finds cajeput oil"),
    ("gao st 25", "viết tách hay liền (st25) đều được", "split or joined words (st25) both work"),
    ("htx keo dua", "kẹo dừa của hợp tác xã", "coconut candy from cooperatives"),
    ("fish sauce", "tìm cả tên tiếng Anh", "English names are searched too"),
)
SEARCH_PREFIX_EXAMPLES: tuple[tuple[str, str, str], ...] = (
    ("gian:K-07", "số gian hàng (booth:)", "booth number (gian:)"),
    ("sao:4+ mat ong", "số sao, 4+ = từ 4 sao (stars:)", "stars, 4+ = four or more (sao:)"),
    ("tinh:ca mau", "tỉnh (province:)", "province (tinh:)"),
    ("nhom:do uong", "nhóm OCOP (group:)", "OCOP group (nhom:)"),
    ("ma:91-911", "mã sản phẩm, có gạch hay không (code:)", "product code, dashes or not (ma:)"),
    ("chuthe:tam quyen", "chủ thể (producer:)", "producer (chuthe:)"),
    ("khu:nuoc mam", "khu trưng bày (zone:)", "zone (khu:)"),
    ("loai:hop tac xa", "loại hình đơn vị (type:)", "exhibitor type (loai:)"),
    ('"nuoc mam"', "cụm từ liền nhau", "a phrase, words together"),
)


def _examples(rows: tuple[tuple[str, str, str], ...], column: int) -> str:
    width = max(len(row[0]) for row in rows) + 2
    return "\n".join(f"  {row[0].ljust(width)}{row[column]}" for row in rows)


_SEARCH_HELP_VI = (
    "Gõ vài từ, có dấu hay không dấu. Mọi từ phải khớp nguyên từ; từ đang gõ dở khớp phần đầu của từ.\n"
    'Gõ sai một chữ vẫn tìm ra (từ 4 chữ cái; hai chữ từ 8 chữ cái), nhưng xếp sau và báo "gần đúng".\n'
    "Hiểu luôn: 5 sao, 4 sao+, 5*, 5 ★ (lọc theo sao); tên tỉnh (xếp sản phẩm của tỉnh đó trước);\n"
    "số gian viết kiểu nào cũng được (K7, k-7, K-07); mã có hay không có gạch; htx, hợp tác xã, cơ sở.\n"
    "Thứ tự: tỉnh đã gõ; gõ đúng trước gõ sai; các từ liền nhau; từ nằm ở tên, rồi tỉnh, chủ thể, gian, mã,\n"
    "rồi tên tiếng Anh, rồi mô tả; đúng dấu như đã gõ; tên bắt đầu bằng từ tìm; nhiều sao; tên A–Z.\n"
    "Ví dụ:\n" + _examples(SEARCH_EXAMPLES, 1) + "\n"
    "Tiền tố theo trường (lấy cả nhiều từ, không cần ngoặc kép):\n" + _examples(SEARCH_PREFIX_EXAMPLES, 1)
)
_SEARCH_HELP_EN = (
    "Type a few words, with or without Vietnamese accents. Every word must match a whole word; the word\n"
    "being typed matches the start of one. One typo is forgiven (words of 4+ letters; two from 8 letters),\n"
    'ranked after exact matches and marked "closest". Understood too: 5 sao, 4 sao+, 5*, 5 ★ (a star\n'
    "filter); a province name (its products first); booth numbers however written (K7, k-7, K-07); codes\n"
    "with or without dashes; htx, hợp tác xã, cơ sở. Order: the province typed; exact before typos; words\n"
    "next to each other; words in the name, then province, producer, booth, code, then the English name,\n"
    "then the description; accents as typed; names starting with the search; more stars; names A–Z.\n"
    "Examples:\n" + _examples(SEARCH_EXAMPLES, 2) + "\n"
    "Field prefixes (they take several words, no quotes needed):\n" + _examples(SEARCH_PREFIX_EXAMPLES, 2)
)

STRINGS: dict[str, tuple[str, str]] = {
    # Tabs and titles
    "tab.products": ("Sản phẩm", "Products"),
    "tab.booths": ("Gian hàng", "Booths"),
    "tab.map": ("Bản đồ", "Map"),
    "tab.facts": ("Tổng quan", "Fair facts"),
    "app.subtitle.demo": ("dữ liệu mẫu", "demo data"),
    "app.crashed": (
        "ocop-tui dừng vì một lỗi không lường trước ({error}). Báo cáo lỗi: {report} (gửi tệp này cho người hỗ trợ).",
        "ocop-tui stopped because of an unexpected error ({error}). Crash report: {report} (send it to whoever helps).",
    ),
    "app.crashed.unsaved": (
        "ocop-tui dừng vì một lỗi không lường trước ({error}); không ghi được báo cáo lỗi.",
        "ocop-tui stopped because of an unexpected error ({error}); the crash report could not be written.",
    ),
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
    "help.columns": ("Cột và sắp xếp", "Columns and sorting"),
    "help.columns.drop": (
        "Cột {name} luôn hiện và được nhường chỗ trước; cửa sổ càng hẹp, các cột khác ẩn dần theo thứ tự: {order}.",
        "{name} always shows and gets the room first; as the window narrows, the others drop out in this order: "
        "{order}.",
    ),
    "help.columns.sort": (
        "ctrl+s (cả khi đang gõ ô tìm) sắp xếp theo cột kế tiếp trong các cột đang hiện, bắt đầu từ A–Z hay ít đến "
        "nhiều ({most}: nhiều trước); sau cột cuối thì về thứ tự của tìm kiếm. ctrl+d đảo chiều. Bấm tiêu đề cột "
        "cũng vậy. ▲ tăng dần (A–Z, ít sao trước, rẻ trước), ▼ giảm dần.",
        "ctrl+s (even while typing in the search box) sorts by the next column shown, A–Z or lowest first "
        "({most}: most first); after the last one, back to the search's own order. ctrl+d reverses. Clicking a "
        "column header does the same. ▲ ascending (A–Z, fewest stars first, cheapest first), ▼ descending.",
    ),
    "help.search": ("Cú pháp tìm kiếm", "Search syntax"),
    "help.search.text": (_SEARCH_HELP_VI, _SEARCH_HELP_EN),
    "help.icons": ("Ký hiệu", "Icons"),
    "help.icons.text": (
        "★★★ – ★★★★★  hạng OCOP 3 đến 5 sao\n"
        "■ / □          giá trị bộ lọc đang chọn / chưa chọn; số bên phải là số kết quả\n"
        "▲ / ▼          cột đang sắp xếp tăng dần (A–Z, ít đến nhiều) / giảm dần\n"
        "₫              giá tham khảo (đồng)",
        "★★★ – ★★★★★  OCOP rating, 3 to 5 stars\n"
        "■ / □          filter value selected / not selected; the number is how many results\n"
        "▲ / ▼          column sorted ascending (A–Z, lowest first) / descending\n"
        "VND            indicative price in Vietnamese đồng",
    ),
    "help.display": ("Ngôn ngữ và giao diện", "Language and themes"),
    "help.display.text": (
        "F6: tiếng Việt ⇄ English, cả bảng lệnh và thông báo; tên hội chợ, chủ đề, địa điểm và các khu theo\n"
        "bản tiếng Anh của dữ liệu nếu có (tên sản phẩm, đơn vị vẫn như dữ liệu ghi).\n"
        "F8: đổi giao diện ({themes}); chữ nào cũng đọc rõ, tương phản từ 4,5:1 trở lên.\n"
        "Terminal 16 màu (TERM=linux) hoặc không màu (NO_COLOR): dòng đang chọn hiện đảo màu.",
        "F6: Tiếng Việt ⇄ English, the command palette and messages too; the fair's name, theme, venue and the\n"
        "zones in English where the data has them (product and exhibitor names as the data gives them).\n"
        "F8: the next theme ({themes}); every text reads at a contrast of 4.5:1 or more.\n"
        "On a 16-colour terminal (TERM=linux) or without colour (NO_COLOR) the highlighted row is in reverse video.",
    ),
    "help.mouse": (
        "Chuột: bấm thẻ để đổi màn hình, bấm tiêu đề cột để sắp xếp, bấm dòng để chọn, bấm lần nữa để mở.",
        "Mouse: click a tab to switch screens, a column header to sort, a row to highlight it, again to open it.",
    ),
    # Command palette: the box, our commands, and the App's own (system) commands
    "palette.placeholder": ("Tìm lệnh, số gian hàng, mã sản phẩm…", "Search for commands, booths, product codes…"),
    "palette.no_matches": ("Không tìm thấy lệnh nào", "No matches found"),
    "key.palette.tooltip": ("Mở bảng lệnh", "Open the command palette"),
    "cmd.help": ("Trợ giúp", "Help"),
    "cmd.help.help": (
        "Mọi phím của màn hình này, cú pháp tìm kiếm và ký hiệu",
        "Every key of this screen, the search syntax and the icons",
    ),
    "cmd.maximize": ("Phóng to", "Maximize"),
    "cmd.maximize.help": ("Cho ô đang chọn chiếm cả màn hình", "Show the focused pane on the whole screen"),
    "cmd.minimize": ("Thu nhỏ", "Minimize"),
    "cmd.minimize.help": ("Trả ô đang phóng to về cỡ cũ", "Put the maximized pane back in its place"),
    "cmd.screenshot": ("Chụp màn hình", "Screenshot"),
    "cmd.screenshot.help": ("Lưu ảnh SVG của màn hình hiện tại", "Save an SVG picture of the current screen"),
    "cmd.quit": ("Thoát", "Quit"),
    "cmd.quit.help": ("Đóng chương trình", "Close the application"),
    "theme.ocop-dark": ("Tối", "Dark"),
    "theme.ocop-light": ("Sáng", "Light"),
    "theme.ocop-high-contrast": ("Tương phản cao", "High contrast"),
    "cmd.go_booth": ("Tới gian hàng", "Go to booth"),
    "cmd.go_product": ("Tới sản phẩm", "Go to product"),
    "cmd.language": ("Đổi ngôn ngữ sang English", "Switch language to Tiếng Việt"),
    "cmd.theme": ("Đổi giao diện: {theme}", "Switch theme: {theme}"),
    "cmd.help.booth": ("Mở gian hàng trên màn hình Gian hàng", "Open the booth on the Booths screen"),
    "cmd.help.product": ("Mở sản phẩm trên màn hình Sản phẩm", "Open the product on the Products screen"),
    "notify.language": ("Đã chuyển sang tiếng Việt", "Switched to English"),
    "notify.theme": ("Giao diện: {theme}", "Theme: {theme}"),
    "notify.quit": ("Nhấn ctrl+q để thoát.", "Press ctrl+q to quit."),
    "notify.quit.title": ("Thoát chương trình?", "Quit the app?"),
}
