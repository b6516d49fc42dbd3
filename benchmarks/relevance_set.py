"""The relevance set: staff-style queries over the demo fair, each with what its first result must be.

Written as booth staff type (no accents, accents, NFD from a Mac, typos, joined words, booth and code
spellings, star and province words, English names), before the ranking was tuned, and never changed to
suit it. Each expectation is a small predicate on the first product, in a tiny language:

    name~tôm khô       the name holds these words, in this order, whole (accents and case ignored)
    en~fish sauce      the same for the English name; producer~ and zone~ likewise
    province=Cà Mau    the province (accents and case ignored); booth= and type= likewise
    stars=5, stars>=4  the stars
    code=91-911-31030-3-2023, code^91-911, code~31030   the code: equal, starting with, containing

Conditions joined with " & " must all hold.
"""

from __future__ import annotations

import unicodedata

NFD = unicodedata.normalize("NFD", "Nước mắm Phú Quốc")

QUERIES: tuple[tuple[str, str], ...] = (
    # Plain lookups, with and without accents
    ("nuoc mam phu quoc", "name~nước mắm phú quốc"),
    ("Nước mắm Phú Quốc", "name~nước mắm phú quốc"),
    (NFD, "name~nước mắm phú quốc"),
    ("NUOC MAM", "name~nước mắm"),
    ("tom kho ca mau", "name~tôm khô & province=Cà Mau"),
    ("tôm khô cà mau", "name~tôm khô & province=Cà Mau"),
    ("kho ca loc", "name~khô cá lóc"),
    ("keo dua", "name~kẹo dừa"),
    ("keo dua mo cay", "name~kẹo dừa mỏ cày"),
    ("banh pia", "name~bánh pía"),
    ("gao st25", "name~gạo st25"),
    ("xoai cat hoa loc", "name~xoài cát hòa lộc"),
    ("sau rieng say", "name~sầu riêng sấy"),
    ("mat ong u minh", "name~mật ong u minh"),
    ("mat ong u minh thuong", "name~mật ong u minh thượng"),
    ("muoi bac lieu", "name~muối bạc liêu"),
    ("hanh tim vinh chau", "name~hành tím vĩnh châu"),
    ("tieu phu quoc", "name~tiêu phú quốc"),
    ("tieu chin do", "name~tiêu chín đỏ"),
    ("tra mang cau", "name~trà mãng cầu"),
    ("ruou sim", "name~rượu sim"),
    ("ruou sim phu quoc", "name~rượu sim phú quốc"),
    ("dua sap cau ke", "name~dừa sáp cầu kè"),
    ("bot ca cao", "name~bột ca cao"),
    ("cua nam can", "name~cua năm căn"),
    ("mam ba khia", "name~mắm ba khía"),
    ("dua bon bon", "name~dưa bồn bồn"),
    ("ca that lat", "name~cá thát lát"),
    ("chiếu cà hom", "name~chiếu cà hom"),
    ("khom cau duc", "name~khóm cầu đúc"),
    ("lap xuong vung thom", "name~lạp xưởng vũng thơm"),
    ("hat sen thap muoi", "name~hạt sen tháp mười"),
    ("bot ngo sen", "name~bột ngó sen"),
    ("tranh la thot not", "name~tranh lá thốt nốt"),
    ("duong thot not", "name~đường thốt nốt"),
    ("thanh long", "name~thanh long"),
    ("banh trang my long", "name~bánh tráng mỹ lồng"),
    ("buoi da xanh", "name~bưởi da xanh"),
    ("vu sua lo ren", "name~vú sữa lò rèn"),
    ("gom do mang thit", "name~gốm đỏ mang thít"),
    ("ong hut co bang", "name~ống hút cỏ bàng"),
    ("tinh dau tram", "name~tinh dầu tràm"),
    ("mắm", "name~mắm"),
    # Still typing: the last word is unfinished
    ("nuoc ma", "name~nước mắm"),
    ("keo d", "name~kẹo"),
    ("banh pi", "name~bánh pía"),
    ("hanh tim vinh ch", "name~hành tím vĩnh châu"),
    # Typos: one letter wrong, missing, doubled or swapped
    ("nuoc mam phu quok", "name~nước mắm phú quốc"),
    ("tinh dau trram", "name~tinh dầu tràm"),
    ("keo dua mo cayy", "name~kẹo dừa mỏ cày"),
    ("banh tranh my long", "name~bánh tráng mỹ lồng"),
    ("xoai cat hoa locc", "name~xoài cát hòa lộc"),
    ("sau reing say", "name~sầu riêng sấy"),
    ("mat ong u minh thuongg", "name~mật ong u minh thượng"),
    ("lap xuong vugn thom", "name~lạp xưởng vũng thơm"),
    ("ca that lat rut xuogn", "name~cá thát lát rút xương"),
    ("banh pia soc trangg", "name~bánh pía & province=Sóc Trăng"),
    # Joined and split words
    ("nuoc mam phuquoc", "name~nước mắm phú quốc"),
    ("nuocmam phu quoc", "name~nước mắm phú quốc"),
    ("keodua", "name~kẹo dừa"),
    ("tieu phuquoc", "name~tiêu phú quốc"),
    ("duong thotnot", "name~đường thốt nốt"),
    ("gao st 25", "name~gạo st25"),
    ("chieu cahom", "name~chiếu cà hom"),
    # Booth numbers, however they are written
    ("K7", "booth=K-007"),
    ("k-7", "booth=K-007"),
    ("K-07", "booth=K-007"),
    ("K 007", "booth=K-007"),
    ("gian:k7", "booth=K-007"),
    ("booth:K-07", "booth=K-007"),
    ("a12", "booth=A-012"),
    ("B 3", "booth=B-003"),
    ("gian:r-2", "booth=R-002"),
    ("k7 bot ngo sen", "booth=K-007 & name~bột ngó sen"),
    # Product codes: with dashes, without, with spaces, by the distinctive part, by the start
    ("91-911-31030-3-2024", "code=91-911-31030-3-2024"),
    ("919113103032024", "code=91-911-31030-3-2024"),
    ("91 911 31030 3 2024", "code=91-911-31030-3-2024"),
    ("31030", "code~31030"),
    ("ma:91-911", "code^91-911"),
    ("ma:91911", "code^91-911"),
    # Stars and provinces said in words
    ("nuoc mam phu quoc 5 sao", "name~nước mắm phú quốc & stars=5"),
    ("nuoc mam 5*", "name~nước mắm & stars=5"),
    ("mat ong 4 sao+", "name~mật ong & stars>=4"),
    ("keo dua 5 ★", "name~kẹo dừa & stars=5"),
    ("kho ca loc sao:4+", "name~khô cá lóc & stars>=4"),
    ("tinh:ca mau sao:4+", "province=Cà Mau & stars>=4"),
    ("gao kien giang", "name~gạo & province=Kiên Giang"),
    ("kien giang nuoc mam", "name~nước mắm & province=Kiên Giang"),
    ("ruou can tho", "name~rượu & province=Cần Thơ"),
    ("sen dong thap", "name~sen & province=Đồng Tháp"),
    ("bánh tét trà vinh", "name~bánh tét & province=Trà Vinh"),
    ("tinh:dong thap sen", "name~sen & province=Đồng Tháp"),
    ("ca that lat rut xuong 5 sao", "name~cá thát lát rút xương & stars=5"),
    # Field prefixes with values of several words
    ("loai:hop tac xa keo dua", "name~kẹo dừa & type=cooperative"),
    ("chuthe:tam quyen", "producer~tám quyên"),
    ("khu:nuoc mam", "zone~nước mắm"),
    ("nhom:do uong ruou", "name~rượu"),
    # English names
    ("fish sauce", "en~fish sauce"),
    ("dried shrimp", "en~dried shrimp"),
    ("coconut candy", "en~coconut candy"),
    ("palm sugar", "en~palm sugar"),
    ("lotus seeds", "en~lotus seeds"),
    ("honey u minh", "en~honey & name~u minh"),
    ("dragon fruit long an", "en~dragon fruit & province=Long An"),
    # Who makes it
    ("htx nuoc mam", "name~nước mắm & producer~htx"),
    ("co so tom kho", "name~tôm khô & producer~cơ sở"),
    # Numbers and units
    ("nuoc mam 43 do", "name~nước mắm & name~43 độ"),
    ("ruou 45 do", "name~rượu & name~45 độ"),
    ("mat ong 500ml", "name~mật ong & name~500ml"),
)
