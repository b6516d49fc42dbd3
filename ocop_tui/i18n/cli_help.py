"""The command line's help pages (`ocop-tui ... --help`) in Vietnamese and English: the one source of every
command's and option's help text (cli/help_text.py shows them in the language of `--lang`).

Keys: `cli.help.<command path>` for a command ("cli.help.ocop-tui fair set"), whose first sentence is its
summary in its group's list of commands (kept short enough to show whole at 80 columns);
`cli.help.<command path> <option>` for an option of that command; `cli.help.<option>` for an option many
commands share (--data, --config, --help). Then click's own words: the headings and the [default: ...] notes,
and PLACEHOLDERS_VI for the usage line's and the options' placeholders (click's FILE, INTEGER... and ours).
"""

STRINGS: dict[str, tuple[str, str]] = {
    # Options shared by several commands
    "cli.help.--data": (
        "Tệp dữ liệu (tệp JSON của TinyDB). Mặc định: $OCOP_TUI_DATA, nếu không có thì tệp dữ liệu của bạn (xem `ocop-tui init`), nếu vẫn không có thì hội chợ mẫu.",
        "The store (TinyDB JSON file). Default: $OCOP_TUI_DATA, else your own store (see `ocop-tui init`), else the demo fair.",
    ),
    "cli.help.--config": (
        "Tệp cài đặt kiosk (TOML). Mặc định: $OCOP_TUI_CONFIG, nếu không có thì config.toml trong thư mục cấu hình của người dùng.",
        "Kiosk settings (TOML). Default: $OCOP_TUI_CONFIG, else config.toml in the user's config folder.",
    ),
    "cli.help.--help": ("Hiện trang trợ giúp này rồi thoát.", "Show this message and exit."),
    # ocop-tui
    "cli.help.ocop-tui": (
        "Tra cứu gian hàng và sản phẩm OCOP của Diễn đàn OCOP vùng Đồng bằng sông Cửu Long (Kiên Giang 2024).\n\n"
        "Không kèm lệnh: mở ứng dụng tra cứu trên tệp dữ liệu của bạn (--data, $OCOP_TUI_DATA, tệp do `ocop-tui init` tạo, nếu không có thì hội chợ mẫu); với --kiosk: chế độ kiosk công cộng, khóa chặt.\n\n"
        "Thông báo và trang trợ giúp bằng tiếng Việt; thêm --lang en để xem bằng tiếng Anh (ocop-tui --lang en import --help).",
        "Look up booths and OCOP products of the Mekong Delta OCOP Forum (Kiên Giang 2024).\n\n"
        "Without a command, opens the browser on your store (--data, $OCOP_TUI_DATA, the one `ocop-tui init` made, else the demo fair); with --kiosk, the locked-down kiosk.\n\n"
        "Messages and help pages are in Vietnamese unless --lang en is given (ocop-tui --lang en import --help).",
    ),
    "cli.help.ocop-tui --lang": ("Ngôn ngữ của giao diện, thông báo và trang trợ giúp.", "Language of the interface, the messages and the help pages."),
    "cli.help.ocop-tui --kiosk": (
        "Chế độ kiosk công cộng: khóa chặt, cần mã PIN để thoát (xem `ocop-tui kiosk-pin`).",
        "Public kiosk mode: locked down, PIN to exit (see `ocop-tui kiosk-pin`).",
    ),
    "cli.help.ocop-tui --idle-seconds": (
        "Kiosk: quay về màn hình chính sau chừng ấy giây không ai thao tác (mặc định 90, hoặc theo tệp cài đặt).",
        "Kiosk: back to the home screen after this long without input (default 90, or the config's).",
    ),
    # validate, stats, migrate
    "cli.help.ocop-tui validate": (
        "Kiểm tra tệp dữ liệu theo quy ước dữ liệu, liệt kê mọi vấn đề.",
        "Check a store against the data contract and list every problem.",
    ),
    "cli.help.ocop-tui stats": ("Thống kê theo tỉnh, nhóm, số sao và khu.", "Counts by province, group, stars and zone."),
    "cli.help.ocop-tui migrate": (
        "Nâng tệp dữ liệu lên phiên bản dữ liệu hiện hành.\n\nGhi sơ đồ (tự xếp) vào tệp và giữ một bản sao lưu.",
        "Upgrade a store to the current schema version.\n\nWrites the floor plan in (laid out automatically) and keeps a backup.",
    ),
    "cli.help.ocop-tui migrate --dry-run": (
        "Cho biết những gì sẽ thay đổi, không ghi vào tệp dữ liệu.",
        "Say what would change without writing the store.",
    ),
    # import, export
    "cli.help.ocop-tui import": (
        "Nhập gian hàng và sản phẩm từ tệp CSV, Excel hoặc JSON.\n\n"
        "Mọi thứ được kiểm tra trước: hoặc mọi dòng đều vào, hoặc không có gì thay đổi và từng vấn đề được liệt kê kèm tệp, dòng và cột. Bản ghi có số gian hàng / mã sản phẩm đã có thì được cập nhật, bản ghi mới được thêm vào; với --replace, các bảng được nhập sẽ đúng y nội dung các tệp.",
        "Import booths and products from CSV, Excel or JSON files.\n\n"
        "Everything is checked first: either every row goes in, or nothing changes and each problem is listed with its file, row and column. Records with a known booth number / product code are updated, new ones added; with --replace, the tables given become exactly the files' contents.",
    ),
    "cli.help.ocop-tui import --booths": ("Tệp danh sách gian hàng (.csv, .xlsx hoặc .json).", "Booths file (.csv, .xlsx or .json)."),
    "cli.help.ocop-tui import --products": ("Tệp danh sách sản phẩm (.csv, .xlsx hoặc .json).", "Products file (.csv, .xlsx or .json)."),
    "cli.help.ocop-tui import --replace": (
        "Thay hẳn các bảng được nhập thay vì gộp (bản ghi không có trong tệp sẽ bị xóa).",
        "Replace the tables given instead of merging (records not in the files are removed).",
    ),
    "cli.help.ocop-tui import --dry-run": (
        "Kiểm tra hết và liệt kê những gì sẽ thay đổi; không ghi gì.",
        "Check everything and list what would change; write nothing.",
    ),
    "cli.help.ocop-tui import --yes": (
        "Không hỏi lại khi lần nhập xóa hơn 10% một bảng.",
        "Go ahead without asking when the import removes more than 10% of a table.",
    ),
    "cli.help.ocop-tui import --sheet": (
        "Trang tính Excel cần đọc (mặc định: trang tính hiện đầu tiên có tiêu đề cột).",
        "Excel sheet to read (default: the first visible sheet with the headers).",
    ),
    "cli.help.ocop-tui import --report": (
        "Ghi thêm mọi vấn đề và mọi thay đổi vào tệp CSV này.",
        "Also write every problem and every change to this CSV file.",
    ),
    "cli.help.ocop-tui import --max-size": (
        "Từ chối tệp lớn hơn (với .xlsx: cả dung lượng sau khi giải nén).",
        "Refuse larger files (an .xlsx: also what it unpacks to).",
    ),
    "cli.help.ocop-tui import --max-rows": ("Từ chối tệp có nhiều dòng hơn.", "Refuse files with more rows."),
    "cli.help.ocop-tui export": (
        "Xuất gian hàng và sản phẩm ra tệp CSV, Excel hoặc JSON.\n\n`ocop-tui import` đọc lại các tệp này đúng như cũ.",
        "Write the store's booths and products to CSV, Excel or JSON.\n\n`ocop-tui import` reads the files back as they are.",
    ),
    "cli.help.ocop-tui export --out": (
        "Thư mục để ghi booths.<định dạng> và products.<định dạng> (tạo mới nếu chưa có).",
        "Folder for booths.<format> and products.<format> (created if needed).",
    ),
    "cli.help.ocop-tui export --format": ("Định dạng tệp.", "File format."),
    "cli.help.ocop-tui export --headers": (
        "csv và xlsx: tiêu đề cột và giá trị bằng tiếng Việt như trong các tệp mẫu (vi), hoặc tên trường và giá trị theo quy ước dữ liệu (en). json luôn theo quy ước dữ liệu.",
        "csv and xlsx: Vietnamese headers and values as in the templates (vi), or the data contract's field names and values (en). json always uses the contract's.",
    ),
    # backups, restore
    "cli.help.ocop-tui backups": (
        "Liệt kê các bản sao lưu của tệp dữ liệu, mới nhất trước.\n\nGiữ năm phiên bản gần nhất: mỗi lần ghi đều lưu lại bản trước đó.",
        "List the store's backups, newest first.\n\nThe last five versions are kept: each write backs up the one before.",
    ),
    "cli.help.ocop-tui restore": (
        "Khôi phục một bản sao lưu.\n\n"
        "Tệp dữ liệu hiện tại được sao lưu trước, nên việc khôi phục cũng hoàn tác được. BẢN-SAO-LƯU là tên tệp hoặc số thứ tự # trong `ocop-tui backups`, hoặc đường dẫn tới một tệp sao lưu.",
        "Put a backup back in place.\n\n"
        "The current store is backed up first, so this can be undone too. BACKUP is a file name or # number from `ocop-tui backups`, or the path of a backup file.",
    ),
    # init
    "cli.help.ocop-tui init": (
        "Tạo tệp dữ liệu riêng của bạn cho hội chợ.\n\nPhiên bản dữ liệu 2, có sơ đồ, sẵn sàng cho `ocop-tui import`.",
        "Create your own store for the fair.\n\nSchema 2, with a floor plan, ready for `ocop-tui import`.",
    ),
    "cli.help.ocop-tui init --data": (
        "Nơi tạo tệp dữ liệu. Mặc định: $OCOP_TUI_DATA, nếu không có thì fair.json trong thư mục dữ liệu của bạn.",
        "Where to create the store. Default: $OCOP_TUI_DATA, else fair.json in your data folder.",
    ),
    "cli.help.ocop-tui init --demo": (
        "Bắt đầu từ bản sao hội chợ mẫu (có gian hàng và sản phẩm).",
        "Start from a copy of the demo fair (booths and products).",
    ),
    "cli.help.ocop-tui init --empty": (
        "Bắt đầu với thông tin của diễn đàn, chưa có gian hàng và sản phẩm nào (mặc định).",
        "Start with the forum's details and no booths or products (the default).",
    ),
    "cli.help.ocop-tui init --name": ("Tên hội chợ.", "The fair's name."),
    "cli.help.ocop-tui init --theme": ("Chủ đề của hội chợ.", "Its theme."),
    "cli.help.ocop-tui init --venue": ("Địa điểm tổ chức.", "Its venue."),
    "cli.help.ocop-tui init --city": ("Thành phố.", "Its city."),
    "cli.help.ocop-tui init --start": ("Ngày bắt đầu, dạng YYYY-MM-DD.", "The first day, YYYY-MM-DD."),
    "cli.help.ocop-tui init --end": ("Ngày kết thúc, dạng YYYY-MM-DD.", "The last day, YYYY-MM-DD."),
    "cli.help.ocop-tui init --force": (
        "Thay tệp dữ liệu đã có (bản cũ được giữ trong .ocop-backups).",
        "Replace an existing store (the old version goes to .ocop-backups).",
    ),
    # fair show, fair set
    "cli.help.ocop-tui fair": (
        "Thông tin của hội chợ: xem, sửa từng mục.\n\nTên, chủ đề, địa điểm, thành phố, ngày bắt đầu và kết thúc, cờ dữ liệu mẫu.",
        "The fair's own details: show them, change one.\n\nName, theme, venue, city, first and last day, and the demo flag.",
    ),
    "cli.help.ocop-tui fair show": (
        "Xem thông tin hội chợ và nơi để tệp dữ liệu.",
        "Show the fair's details, and where its store is.",
    ),
    "cli.help.ocop-tui fair set": (
        "Sửa một mục thông tin của hội chợ.\n\n"
        "KHÓA là name (tên), theme (chủ đề), venue (địa điểm), city (thành phố), start (ngày bắt đầu), end (ngày kết thúc), hai ngày viết dạng YYYY-MM-DD, hoặc demo (dữ liệu mẫu: true/false).",
        "Change one of the fair's details.\n\n"
        "KEY is name, theme, venue, city, start, end (YYYY-MM-DD) or demo (true/false).",
    ),
    # demo-data
    "cli.help.ocop-tui demo-data": (
        "Ghi hội chợ mẫu do máy tạo, không phải danh sách thật.\n\n"
        "Diễn đàn OCOP vùng Đồng bằng sông Cửu Long như bản mẫu, hoặc một hội chợ lớn hơn để đo tốc độ.",
        "Write a generated demo fair, not the official list.\n\n"
        "The Mekong Delta OCOP Forum as the demo shows it, or a bigger one for benchmarks.",
    ),
    "cli.help.ocop-tui demo-data --out": ("Tệp dữ liệu cần ghi (JSON của TinyDB).", "The store file to write (TinyDB JSON)."),
    "cli.help.ocop-tui demo-data --products": ("Số sản phẩm.", "Number of products."),
    "cli.help.ocop-tui demo-data --booths": (
        "Số gian hàng.  [mặc định: 320, tăng giảm theo --products]",
        "Number of booths.  [default: 320, scaled with --products]",
    ),
    "cli.help.ocop-tui demo-data --seed": (
        "Số khởi tạo ngẫu nhiên: cùng số thì ra cùng một tệp.",
        "Random seed: same seed, same file.",
    ),
    "cli.help.ocop-tui demo-data --floor-plan": (
        "Ghi sơ đồ tự xếp vào tệp (phiên bản dữ liệu 2); hội chợ hàng nghìn gian hàng thì không có sơ đồ.",
        "Write the automatic floor plan in (schema 2); thousands of booths never get one.",
    ),
    "cli.help.ocop-tui demo-data --force": (
        "Thay tệp đã có (bản cũ được giữ trong .ocop-backups).",
        "Replace an existing file (the old version goes to .ocop-backups).",
    ),
    # kiosk-pin, report misses
    "cli.help.ocop-tui kiosk-pin": (
        "Đặt mã PIN để nhân viên thoát chế độ kiosk.\n\n"
        "6–12 chữ số, không dễ đoán như 123456; trên terminal được hỏi hai lần, nếu không thì đọc một dòng từ đầu vào chuẩn. Tệp cài đặt chỉ lưu giá trị băm scrypt có muối, không bao giờ lưu chính mã PIN.",
        "Set the PIN that staff type to leave kiosk mode.\n\n"
        "6-12 digits, not an easy guess such as 123456; asked twice on a terminal, or one line on stdin. Only a salted scrypt hash is written to the config file, never the PIN.",
    ),
    "cli.help.ocop-tui report": ("Báo cáo cho ban tổ chức từ nhật ký của kiosk.", "Reports for organisers from the kiosk's logs."),
    "cli.help.ocop-tui report misses": (
        "Các lượt tìm trên kiosk không ra kết quả, nhiều nhất trước.\n\nĐể thấy dữ liệu còn thiếu gì.",
        "Kiosk searches that found nothing, most frequent first.\n\nThey show the gaps in the data.",
    ),
    "cli.help.ocop-tui report misses --top": ("Số dòng cần liệt kê.", "How many to list."),
    # search
    "cli.help.ocop-tui search": (
        "Tìm sản phẩm như trong ứng dụng tra cứu.\n\n"
        "Cùng cú pháp, cùng thứ tự xếp hạng: in ra một bảng, hoặc với --json mỗi dòng một đối tượng JSON.",
        "Search the products as the browser does.\n\n"
        "Same syntax, same ranking: a table, or with --json one JSON object per line.",
    ),
    "cli.help.ocop-tui search --limit": ("Số kết quả cần liệt kê.", "How many results to list."),
    "cli.help.ocop-tui search --json": ("Mỗi dòng một đối tượng JSON thay cho bảng.", "One JSON object per line instead of a table."),
    # shortlist list, shortlist export
    "cli.help.ocop-tui shortlist": (
        "Các danh sách đã lưu: xem, xuất ra tệp.\n\n"
        "Những danh sách có tên được lưu từ ứng dụng tra cứu; xuất một danh sách kèm thông tin liên hệ của các đơn vị để người mua liên hệ lại sau hội chợ.",
        "Saved shortlists: list them, export one.\n\n"
        "The named shortlists saved in the browser; export one with the exhibitors' contacts for a buyer's follow-up.",
    ),
    "cli.help.ocop-tui shortlist list": (
        "Liệt kê các danh sách đã lưu.\n\nTên, số mục, lúc lưu và hội chợ; tệp bị hỏng kèm lý do.",
        "List the saved shortlists.\n\nName, items, when saved and fair; a damaged file with the reason.",
    ),
    "cli.help.ocop-tui shortlist export": (
        "Ghi danh sách TÊN ra tệp .csv hoặc .xlsx.\n\nKèm thông tin liên hệ của các đơn vị, để người mua liên hệ lại sau.",
        "Write the shortlist NAME to a .csv or .xlsx file.\n\nWith the exhibitors' contacts, for a buyer's follow-up.",
    ),
    "cli.help.ocop-tui shortlist export --out": ("Tệp cần ghi: .csv hoặc .xlsx.", "The file to write: .csv or .xlsx."),
    # click's own words on a help page
    "cli.help.usage": ("Cách dùng:", "Usage:"),
    "cli.help.options": ("Tùy chọn", "Options"),
    "cli.help.commands": ("Lệnh", "Commands"),
    "cli.help.default": ("mặc\u00a0định: {default}", "default: {default}"),
    "cli.help.required": ("bắt\u00a0buộc", "required"),
    "cli.help.env_var": ("biến môi trường: {var}", "env var: {var}"),
}  # fmt: skip

# The placeholders of the usage lines and the option lists, in Vietnamese; in English they stay as click and
# the commands write them. The usage errors say the arguments' placeholders the same way ("Thiếu đối số ...").
PLACEHOLDERS_VI: dict[str, str] = {
    "[OPTIONS]": "[TÙY CHỌN]",
    "COMMAND [ARGS]...": "LỆNH [ĐỐI SỐ]...",
    "[COMMAND] [ARGS]...": "[LỆNH] [ĐỐI SỐ]...",
    "FILE": "TỆP",
    "DIRECTORY": "THƯ-MỤC",
    "PATH": "ĐƯỜNG-DẪN",
    "INTEGER": "SỐ",
    "INTEGER RANGE": "SỐ",
    "TEXT": "CHỮ",
    "NAME": "TÊN",
    "KEY": "KHÓA",
    "VALUE": "GIÁ-TRỊ",
    "QUERY...": "TỪ-KHÓA...",
    "BACKUP": "BẢN-SAO-LƯU",
}
