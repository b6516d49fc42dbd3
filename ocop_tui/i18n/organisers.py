"""Strings of the organisers' own store: where it lives, `ocop-tui init`, `ocop-tui fair set|show`."""

STRINGS: dict[str, tuple[str, str]] = {
    # Where the store is
    "store.demo_read_only": (
        "hội chợ mẫu đi kèm ocop-tui chỉ để xem, không ghi vào được. Dữ liệu của bạn sẽ nằm ở {own} (chưa tạo)."
        " Tạo bằng: {init} (trống, để nhập danh sách của bạn) hoặc {init} --demo (bản sao hội chợ mẫu).",
        "the demo fair shipped with ocop-tui is read-only. Your own store goes in {own} (not created yet)."
        " Create it with: {init} (empty, for your own lists) or {init} --demo (a copy of the demo fair).",
    ),
    "store.demo_read_only.exists": (
        "hội chợ mẫu đi kèm ocop-tui chỉ để xem, không ghi vào được. Dữ liệu của bạn ở {own}: bỏ --data để dùng nó.",
        "the demo fair shipped with ocop-tui is read-only. Your own store is {own}: leave out --data to use it.",
    ),
    "store.missing": ("{path}: chưa có dữ liệu ở đây. Tạo bằng: {init}", "{path}: there is no store here yet. Create it with: {init}"),
    # ocop-tui init
    "init.exists": (
        "{path} đã có; thêm --force để thay (bản cũ được giữ trong .ocop-backups)",
        "{path} already exists; add --force to replace it (the old version is kept in .ocop-backups)",
    ),
    "init.no_folder": ("không có thư mục {folder}", "there is no folder {folder}"),
    "init.cannot_write": ("không ghi được {path}: {reason}", "cannot write {path}: {reason}"),
    "init.done.empty": (
        "Đã tạo {path}: hội chợ \"{name}\", chưa có gian hàng và sản phẩm nào.",
        "Created {path}: the fair \"{name}\", with no booths or products yet.",
    ),
    "init.done.demo": (
        "Đã tạo {path}: bản sao hội chợ mẫu \"{name}\" ({booths} gian hàng, {products} sản phẩm).",
        "Created {path}: a copy of the demo fair \"{name}\" ({booths} booths, {products} products).",
    ),
    "init.backup": ("Bản cũ được giữ ở {name}.", "The old version was kept as {name}."),
    "init.next": (
        "Tiếp theo: nhập danh sách bằng  ocop-tui import --booths GIAN-HANG.xlsx --products SAN-PHAM.xlsx{data}\n"
        "           xem, sửa thông tin hội chợ bằng  ocop-tui fair show{data}  và  ocop-tui fair set KHÓA GIÁ-TRỊ{data}",
        "Next: import your lists with  ocop-tui import --booths BOOTHS.xlsx --products PRODUCTS.xlsx{data}\n"
        "      see and change the fair's details with  ocop-tui fair show{data}  and  ocop-tui fair set KEY VALUE{data}",
    ),
    "init.bad_date": ("phải là một ngày dạng YYYY-MM-DD, ví dụ 2024-09-29", "must be a date written YYYY-MM-DD, e.g. 2024-09-29"),
    # ocop-tui fair set / show
    "fair.key.name": ("Tên hội chợ", "Name"),
    "fair.key.theme": ("Chủ đề", "Theme"),
    "fair.key.venue": ("Địa điểm", "Venue"),
    "fair.key.city": ("Thành phố", "City"),
    "fair.key.start_date": ("Ngày bắt đầu", "First day"),
    "fair.key.end_date": ("Ngày kết thúc", "Last day"),
    "fair.key.demo": ("Dữ liệu mẫu", "Demo data"),
    "fair.key.schema_version": ("Phiên bản dữ liệu", "Schema version"),
    "fair.key.plan": ("Sơ đồ", "Floor plan"),
    "fair.key.records": ("Dữ liệu", "Records"),
    "fair.key.store": ("Tệp", "File"),
    "fair.col.key": ("Khóa", "Key"),
    "fair.col.value": ("Giá trị", "Value"),
    "fair.yes": ("có", "yes"),
    "fair.no": ("không", "no"),
    "fair.plan": ("{width} × {height} ô, {zones} khu", "{width} × {height} cells, {zones} zones"),
    "fair.no_plan": ("chưa có (tự xếp khi mở; ocop-tui migrate để ghi vào)", "none (laid out when opened; ocop-tui migrate writes one in)"),
    "fair.records": ("{booths} gian hàng, {products} sản phẩm", "{booths} booths, {products} products"),
    "fair.show.hint": ("Sửa: ocop-tui fair set KHÓA GIÁ-TRỊ{data}", "To change one: ocop-tui fair set KEY VALUE{data}"),
    "fair.bad_key": ("không có khóa \"{name}\"; dùng một trong: {keys}", "no key \"{name}\"; use one of: {keys}"),
    "fair.bad_text": ("{label} không được để trống và dài tối đa 200 ký tự", "{label} must not be empty and at most 200 characters long"),
    "fair.bad_date": ("{label} phải là một ngày dạng YYYY-MM-DD, ví dụ 2024-09-29", "{label} must be a date written YYYY-MM-DD, e.g. 2024-09-29"),
    "fair.bad_order": ("ngày kết thúc ({end}) không được trước ngày bắt đầu ({start})", "the last day ({end}) cannot be before the first ({start})"),
    "fair.bad_bool": ("{label}: dùng true hoặc false (có / không)", "{label}: use true or false (yes / no)"),
    "fair.set.done": ("Đã đổi {label} trong {path}: {old} → {new}", "Changed {label} in {path}: {old} → {new}"),
    "fair.set.same": ("{label} đã là {value}: {path} giữ nguyên.", "{label} already is {value}: {path} is as it was."),
    "fair.set.backup": ("Bản trước khi đổi: {name} (hoàn tác: {command})", "Backup of the previous version: {name} (to undo: {command})"),
}  # fmt: skip
