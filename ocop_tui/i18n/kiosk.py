"""Strings of kiosk mode: the home screen, the idle countdown, the PIN dialog, kiosk-pin and report misses."""

STRINGS: dict[str, tuple[str, str]] = {
    # Home screen
    "tab.home": ("Trang chủ", "Home"),
    "key.home": ("Trang chủ", "Home"),
    "home.dates": ("{start} – {end}", "{start} – {end}"),
    "home.where": ("{venue}, {city}", "{venue}, {city}"),
    "home.counts": ("{booths} gian hàng · {products} sản phẩm OCOP", "{booths} booths · {products} OCOP products"),
    "home.find_product": ("Tìm sản phẩm", "Find a product"),
    "home.find_booth": ("Tìm gian hàng", "Find a booth"),
    "home.map": ("Bản đồ", "Floor map"),
    "home.facts": ("Tổng quan", "Fair facts"),
    "home.language": ("English", "Tiếng Việt"),
    "home.featured": ("Sản phẩm OCOP 5 sao", "5-star OCOP products"),
    "home.featured.top": ("Sản phẩm OCOP nổi bật", "Featured OCOP products"),
    "home.featured.where": ("Gian {booth} · {province}", "Booth {booth} · {province}"),
    "home.featured.open": ("Chạm để xem", "Touch to see it"),
    # Idle countdown
    "idle.title": ("Bạn vẫn đang xem chứ?", "Are you still there?"),
    "idle.countdown": ("Màn hình sẽ về trang chủ sau {seconds} giây.", "Going back to the home screen in {seconds} s."),
    "idle.hint": ("Chạm phím bất kỳ để tiếp tục", "Touch any key to stay"),
    # PIN dialog
    "pin.title": ("Dành cho ban tổ chức", "Staff only"),
    "pin.prompt": ("Nhập mã PIN để thoát chế độ kiosk.", "Enter the PIN to leave kiosk mode."),
    "pin.placeholder": ("Mã PIN", "PIN"),
    "pin.ok": ("Thoát kiosk", "Exit kiosk"),
    "pin.close": ("Quay lại", "Back"),
    "pin.wrong": ("Sai mã PIN. Còn {tries} lần thử.", "Wrong PIN. {tries} tries left."),
    "pin.locked": (
        "Nhập sai quá nhiều lần. Thử lại sau {seconds} giây.",
        "Too many wrong tries. Try again in {seconds} s.",
    ),
    "pin.unlocked": ("Có thể nhập lại mã PIN.", "You can enter the PIN again."),
    # Command line
    "kiosk.pin.prompt": ("Mã PIN mới (6–12 chữ số)", "New PIN (6–12 digits)"),
    "kiosk.pin.confirm": ("Nhập lại mã PIN", "Repeat the PIN"),
    "kiosk.pin.mismatch": ("Hai lần nhập không khớp.", "The two entries do not match."),
    "kiosk.pin.invalid": ("Mã PIN phải gồm 6 đến 12 chữ số (0–9).", "A PIN is 6 to 12 digits (0–9)."),
    "kiosk.pin.too_short": (
        "Mã PIN quá ngắn: cần ít nhất 6 chữ số.",
        "That PIN is too short: use at least 6 digits.",
    ),
    "kiosk.pin.trivial": (
        "Mã PIN quá dễ đoán (một chữ số lặp lại, một cặp lặp lại hoặc dãy liên tiếp như 123456): chọn mã khác.",
        "That PIN is too easy to guess (one digit repeated, a pair repeated or a run such as 123456): choose another.",
    ),
    "kiosk.pin.gave_up": (
        "Hai lần nhập không khớp, ba lần liền: chưa lưu gì.",
        "The entries did not match three times: nothing saved.",
    ),
    "kiosk.pin.none": ("Không đọc được mã PIN từ đầu vào chuẩn.", "No PIN on standard input."),
    "kiosk.pin.saved": (
        "Đã lưu mã PIN (chỉ lưu dạng băm có muối) vào {path}",
        "PIN saved (only as a salted hash) in {path}",
    ),
    "kiosk.no_pin": (
        "Chưa đặt mã PIN thoát kiosk ({path}). Kiosk không chạy khi chưa có mã PIN. Đặt mã bằng lệnh: {command}",
        "No kiosk exit PIN is set ({path}). The kiosk does not start without one. Set it with: {command}",
    ),
    "kiosk.crashed": (
        "Kiosk dừng vì một lỗi không lường trước ({error}); nơi xảy ra lỗi được ghi trong {log}.",
        "The kiosk stopped because of an unexpected error ({error}); where it happened is in {log}.",
    ),
    "kiosk.started": ("Kiosk bắt đầu: {path}", "Kiosk started: {path}"),
    "report.title": ("Tìm kiếm không có kết quả, nhiều nhất trước", "Searches that found nothing, most frequent first"),
    "report.col.rank": ("#", "#"),
    "report.col.count": ("Số lần", "Times"),
    "report.col.query": ("Từ khoá", "Search"),
    "report.col.where": ("Tìm trong", "Searched in"),
    "report.where.products": ("sản phẩm", "products"),
    "report.where.booths": ("gian hàng", "booths"),
    "report.none": (
        "Chưa ghi nhận lượt tìm nào không có kết quả ({path}).",
        "No missed searches recorded yet ({path}).",
    ),
    "report.total": (
        "{count} lượt tìm không có kết quả, {distinct} từ khoá khác nhau ({path})",
        "{count} searches found nothing, {distinct} different ones ({path})",
    ),
}
