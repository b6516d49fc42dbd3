"""Messages the plain-Python layers and click word in English, said in Vietnamese: one mechanism for all.

The data contract's checks (store/fields.py, store/contract.py, plan/reading.py), the store's reading and
writing errors and click's usage errors are written once, in English (tests, logs and the English interface
read them as they are). A person reading in Vietnamese gets each through its table here: the first pattern
matching the whole message gives the Vietnamese template, its {0}, {1}... filled with the pattern's groups
(a group key such as "drinks" reads as its Vietnamese name). A message no pattern knows is shown as it is;
tests check that every message the checks and click can give here is known.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from ocop_tui.model import GROUPS, Lang

# The data contract, the floor plan and the store file (store/, plan/): (English pattern, Vietnamese).
DATA_MESSAGES_VI: tuple[tuple[str, str], ...] = (
    # One field
    (r"required field is missing( or empty)?", "bắt buộc, đang thiếu hoặc để trống"),
    (r"control or bidi characters removed", "đã bỏ ký tự điều khiển hoặc ký tự đảo chiều văn bản"),
    (r"longer than (\d+) characters \((\d+)\)", "dài quá {0} ký tự ({1})"),
    (r"longer than (\d+) characters", "dài quá {0} ký tự"),
    (r"must be (\d+)\.\.(\d+)", "phải từ {0} đến {1}"),
    (r"must be >= (\d+)", "phải từ {0} trở lên"),
    (r"must be at least (\d+)", "phải từ {0} trở lên"),
    (r"must be at most (\d+)", "không được quá {0}"),
    (r"must be 0 or more", "phải từ 0 trở lên"),
    (r"must be text, not \w+", "phải là chữ"),
    (r"must be non-empty text", "phải là chữ, không để trống"),
    (r"must be a (finite )?whole number( without a decimal point)?", "phải là số nguyên"),
    (r"must be a whole number (\d+)\.\.(\d+)", "phải là số nguyên từ {0} đến {1}"),
    (r"must be true or false", "phải là true hoặc false"),
    (r"must be an ISO date \(YYYY-MM-DD\)", "phải là ngày dạng YYYY-MM-DD"),
    (r"must be one of (.+)", "phải là một trong: {0}"),
    (r"must be an object", "phải là một đối tượng JSON"),
    (r"must be a list", "phải là một danh sách JSON"),
    # Across the fields of a record, and across records
    (r"product set (\d+) is not in group (\w+)", "bộ sản phẩm {0} không thuộc nhóm {1}"),
    (r"x, y, w and h go together: give all four or none", "x, y, w, h phải có đủ cả bốn hoặc bỏ trống cả bốn"),
    (r"made by a newer ocop-tui \(this one reads up to (\d+)\)",
     "do ocop-tui mới hơn tạo ra (bản này đọc được tới phiên bản {0})"),
    (r"is before start_date", "sớm hơn ngày bắt đầu (start_date)"),
    (r'document id must be a whole number such as "1" \(no letters, no leading 0, at most (\d+) digits\)',
     'mã bản ghi phải là số nguyên như "1" (không có chữ, không có số 0 ở đầu, nhiều nhất {0} chữ số)'),
    (r"must hold exactly one document, found (\d+)", "phải có đúng một bản ghi, đang có {0}"),
    (r"duplicate of document (.+)", "trùng với bản ghi {0}"),
    (r"names no booth", "không có gian hàng này"),
    # The floor plan
    (r"has a position, but the fair has no floor plan", "có vị trí nhưng hội chợ chưa có sơ đồ"),
    (r"has no position on the floor plan: not shown on the map", "chưa có vị trí trên sơ đồ: không hiện trên bản đồ"),
    (r"overlaps booth (.+)", "chồng lên gian {0}"),
    (r"overlaps a wall", "chồng lên tường"),
    (r"overlaps landmark (.+)", "chồng lên {0}"),
    (r"stands on the plan's outer wall", "nằm trên tường bao của sơ đồ"),
    (r"lies outside the (\d+)x(\d+) plan", "nằm ngoài sơ đồ {0}×{1}"),
    (r"width and height must be at least 1", "rộng và cao phải từ 1 trở lên"),
    (r"must be two positive numbers \[across, down\]", "phải là hai số dương [ngang, dọc]"),
    (r"must be a colour slot (\d+)\.\.(\d+)", "phải là ô màu từ {0} đến {1}"),
    (r"x, y must be a cell of the plan", "x, y phải là một ô của sơ đồ"),
    (r"must be on the plan's outer edge", "phải nằm trên viền ngoài của sơ đồ"),
    (r"must be n, s, e or w", "phải là n, s, e hoặc w"),
    (r"x, y must be a cell inside the plan's outer wall", "x, y phải là một ô bên trong tường bao của sơ đồ"),
    (r"the plan needs at least one entrance", "sơ đồ cần ít nhất một lối vào"),
    (r"cannot be reached from an entrance on the floor plan", "không đi tới được từ lối vào nào trên sơ đồ"),
    (r"this zone is not drawn on the floor plan", "khu này chưa có trên sơ đồ"),
    # The store file (store/reading.py, store/writing.py)
    (r"no such file", "không có tệp này"),
    (r"is a folder, not a store file", "là một thư mục, không phải tệp dữ liệu"),
    (r"cannot be read: (.+)", "không đọc được tệp: {0}"),
    (r"the file is empty", "tệp trống"),
    (r"the file holds only whitespace", "tệp chỉ có khoảng trắng"),
    (r"not UTF-8 text \(byte (\d+)\)", "không phải văn bản UTF-8 (byte {0})"),
    (r"not valid JSON: (.+) at line (\d+), column (\d+) \(truncated or damaged\?\)",
     "không phải JSON hợp lệ: {0} ở dòng {1}, cột {2} (tệp bị cắt cụt hay hỏng?)"),
    (r"not a TinyDB store: the top level is (\w+), expected an object of tables",
     "không phải tệp dữ liệu TinyDB: cấp ngoài cùng là {0}, cần một đối tượng gồm các bảng"),
    (r"not a TinyDB store: table '(\w+)' is (\w+), not an object",
     "không phải tệp dữ liệu TinyDB: bảng '{0}' là {1}, không phải một đối tượng"),
    (r"cannot be written as JSON: (.+)", "không ghi được thành JSON: {0}"),
    (r"another program is writing this store; try again when it has finished",
     "một chương trình khác đang ghi tệp này; hãy thử lại khi chương trình đó xong"),
    (r"cannot take the write lock: (.+)", "không khoá được tệp để ghi: {0}"),
)  # fmt: skip

# Click's usage errors as click words them (English pattern, Vietnamese). A group that is itself one of these
# messages is said in Vietnamese too ("Invalid value for '--data': File 'x' is a directory.").
CLICK_MESSAGES_VI: tuple[tuple[str, str], ...] = (
    (r"Usage: (.*)\[OPTIONS\] COMMAND \[ARGS\]\.\.\.", "Cách dùng: {0}[TÙY CHỌN] LỆNH [ĐỐI SỐ]..."),
    (r"Usage: (.*)\[OPTIONS\] \[COMMAND\] \[ARGS\]\.\.\.", "Cách dùng: {0}[TÙY CHỌN] [LỆNH] [ĐỐI SỐ]..."),
    (r"Usage: (.*)\[OPTIONS\](.*)", "Cách dùng: {0}[TÙY CHỌN]{1}"),
    (r"Usage: (.*)", "Cách dùng: {0}"),
    (r"Try '(.+)' for help\.", "Xem '{0}' để biết cách dùng."),
    (r"Invalid value for (.+?): (.+)", "Giá trị không hợp lệ cho {0}: {1}"),
    (r"Invalid value: (.+)", "Giá trị không hợp lệ: {0}"),
    (r"Missing option (.+?)\. Choose from:(.*)", "Thiếu tùy chọn {0}. Chọn một trong:{1}"),
    (r"Missing option (.+?)\.", "Thiếu tùy chọn {0}."),
    (r"Missing argument (.+?)\.", "Thiếu đối số {0}."),
    (r"Missing parameter(?:: | )(.+?)\.?", "Thiếu tham số {0}."),
    (r"(.+\.) Did you mean (.+)\?", "{0} Có phải ý bạn là {1}?"),
    (r"(.+\.) \(Did you mean one of: (.+)\?\)", "{0} (Có phải ý bạn là một trong: {1}?)"),
    (r"(File|Directory|Path) '(.*)' does not exist\.", "{0} '{1}' không tồn tại."),
    (r"(File|Directory|Path) '(.*)' is a file\.", "{0} '{1}' là một tệp."),
    (r"(File|Directory|Path) '(.*)' is a directory\.", "{0} '{1}' là một thư mục."),
    (r"(File|Directory|Path) '(.*)' is not readable\.", "{0} '{1}' không đọc được."),
    (r"(File|Directory|Path) '(.*)' is not writable\.", "{0} '{1}' không ghi được."),
    (r"(File|Directory|Path) '(.*)' is not executable\.", "{0} '{1}' không chạy được."),
    (r"(.+) is not in the range (.+)\.", "{0} nằm ngoài khoảng {1}."),
    (r"'(.*)' is not a valid (.+)\.", "'{0}' không phải là {1} hợp lệ."),
    (r"'(.*)' is not one of (.+)\.", "'{0}' không phải một trong {1}."),
    (r"'(.*)' is not (.+)\.", "'{0}' không phải {1}."),
    (r"No such command '(.*)'\.", "Không có lệnh '{0}'."),
    (r"No such option: (.+)", "Không có tùy chọn {0}"),
    (r"No such option '(.*)'\.", "Không có tùy chọn '{0}'."),
    (r"Missing command\.", "Thiếu lệnh."),
    (r"Got unexpected extra arguments? \((.*)\)", "Có đối số thừa ({0})"),
    (r"Option '(.*)' requires an argument\.", "Tùy chọn '{0}' cần một giá trị."),
    (r"Option '(.*)' requires (\d+) arguments\.", "Tùy chọn '{0}' cần {1} giá trị."),
    (r"Option '(.*)' does not take a value\.", "Tùy chọn '{0}' không nhận giá trị."),
    (r"Could not open file '(.*)': (.+)", "Không mở được tệp '{0}': {1}"),
    (r"Aborted!", "Đã dừng."),
)

# Words inside click's messages, said in Vietnamese where they are a group above.
_CLICK_WORDS_VI = {"File": "Tệp", "Directory": "Thư mục", "Path": "Đường dẫn", "integer": "số nguyên",
                   "float": "số thực", "integer range": "số nguyên", "float range": "số",
                   "boolean": "giá trị đúng/sai", "UUID": "UUID"}  # fmt: skip


class MessageTable:
    """English messages (patterns of whole messages) and their Vietnamese templates."""

    def __init__(self, rows: Iterable[tuple[str, str]], word: Callable[[str], str] = str) -> None:
        # DOTALL: a message may go on over several lines (click's "Choose from:" list).
        self.rows = [(re.compile(pattern, re.DOTALL), template) for pattern, template in rows]
        self.word = word  # how a matched group reads in Vietnamese

    def vietnamese(self, message: str) -> str | None:
        """`message` in Vietnamese, or None when no pattern knows it."""
        for pattern, template in self.rows:
            match = pattern.fullmatch(message)
            if match:
                return template.format(*(self.word(group or "") for group in match.groups()))
        return None

    def say(self, message: str, lang: Lang) -> str:
        """`message` in `lang`: as it is in English (or when no pattern knows it), translated in Vietnamese."""
        if lang == "en":
            return message
        return self.vietnamese(message) or message


def _group_name_vi(word: str) -> str:
    return GROUPS[word].vi if word in GROUPS else word


def _click_word_vi(word: str) -> str:
    """A part of a click message: itself a message of click's (said in Vietnamese), or a word of one."""
    return CLICK_MESSAGES.vietnamese(word) or _CLICK_WORDS_VI.get(word, word)


DATA_MESSAGES = MessageTable(DATA_MESSAGES_VI, _group_name_vi)
CLICK_MESSAGES = MessageTable(CLICK_MESSAGES_VI, _click_word_vi)
_TABLE_PREFIX = re.compile(r"(fair|booths|products): (.+)")


def check_message(message: str, lang: Lang) -> str:
    """A message of the data contract (or the store file) in `lang`. A check on a whole store may name its
    table first ("products: ..."): that stays as it is."""
    prefixed = _TABLE_PREFIX.fullmatch(message)
    if prefixed:
        return f"{prefixed.group(1)}: {DATA_MESSAGES.say(prefixed.group(2), lang)}"
    return DATA_MESSAGES.say(message, lang)


def click_message(message: str, lang: Lang) -> str:
    """A message click wrote (a usage error, or a part of one) in `lang`."""
    return CLICK_MESSAGES.say(message, lang)
