"""The raw material of the demo fair: each province's OCOP specialities, places, codes and people's names.

The specialities come from the domain notes (section 3 of OCOP-DOMAIN.md: real products with their product
set number). A few were added so every group has something to show (drinks, herbal products, tourism); those
carry `noted=False`. Brands other than the few named in the notes (Khải Hoàn, Thanh Quốc, VICOSAP, Kỳ Như,
Kim Nhiên) are made up by the generator. Nothing here is the official product list.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_SIZE = re.compile(r"\d+(?:[.,]\d+)?\s?(?:ml|lít|kg|g|cm)\b|\d+x\d+cm")


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@dataclass(frozen=True, slots=True)
class Pack:
    """A packaging size and its reference price (VND) for the plain spec at 3 stars."""

    unit: str
    price: int
    size: str  # the part of the unit that can tell two SKUs' names apart ("500ml"), or ""


@dataclass(frozen=True, slots=True)
class Spec:
    """A variety, grade or strength: the last words of a product name."""

    vi: str
    en: str
    factor: float = 1.0
    packs: tuple[Pack, ...] | None = None  # packs of its own (fried shallots come in jars, fresh ones by the kg)


@dataclass(frozen=True, slots=True)
class FixedProducer:
    """A producer the notes name; it leads a booth, with fixed stars when the notes give them."""

    brand: str
    producer: str
    exhibitor_type: str
    stars: int | None
    skus: int


@dataclass(frozen=True, slots=True)
class Speciality:
    key: str
    province: str
    subgroup: int
    weight: float  # share within its province and group
    name: str  # template with {brand} and {spec}: "Product Place Brand Spec"
    name_en: str
    short: str  # lower-case name for sentences and producer names ("kẹo dừa")
    specs: tuple[Spec, ...]
    packs: tuple[Pack, ...]
    description: str
    district: int  # GSO district code used in product codes
    places: tuple[str, ...] = ()  # communes where its producers are (default: the province's)
    sector: str = "Thực phẩm"  # word in company names ("Công ty TNHH Nước mắm ...")
    coop: str = "Nông nghiệp"  # word in cooperative names ("HTX Nông nghiệp ...")
    village: str = ""  # craft village name prefix ("Làng nghề dệt chiếu"); empty: no craft village
    fixed: tuple[FixedProducer, ...] = ()
    top_stars: bool = False  # the notes say this product reached 5 stars: its first producer gets them
    noted: bool = True  # False: added for the demo, not in the domain notes
    variants: tuple[tuple[str, str], ...] = ()  # extra name endings when specs run out


def P(unit: str, price: int) -> Pack:
    unit = _nfc(unit)
    match = _SIZE.search(unit)
    return Pack(unit, price, match.group(0) if match else "")


def S(vi: str, en: str, factor: float = 1.0, packs: tuple[Pack, ...] | None = None) -> Spec:
    return Spec(_nfc(vi), en, factor, packs)


FOOD_VARIANTS = (
    ("hộp quà", "gift box"),
    ("loại đặc biệt", "special grade"),
    ("nhãn xanh", "green label"),
    ("nhãn vàng", "gold label"),
    ("túi zip", "zip bag"),
    ("phiên bản Tết", "Tết edition"),
    ("đóng gói xuất khẩu", "export pack"),
)
CRAFT_VARIANTS = (
    ("mẫu truyền thống", "traditional design"),
    ("mẫu mới", "new design"),
    ("phối màu", "two-tone"),
    ("loại đặc biệt", "special grade"),
    ("hàng xuất khẩu", "export quality"),
)
PLANT_VARIANTS = (
    ("cỡ nhỏ", "small"),
    ("cỡ lớn", "large"),
    ("dáng trực", "upright form"),
    ("dáng huyền", "cascade form"),
    ("loại đặc biệt", "special grade"),
)
TOUR_VARIANTS = (
    ("gói gia đình", "family package"),
    ("đoàn từ 10 khách", "groups of 10 or more"),
    ("cuối tuần", "weekend"),
    ("mùa nước nổi", "flood season"),
)

_TOUR_SPECS = (
    S("tour trong ngày", "day tour"),
    S("tour 2 ngày 1 đêm", "two days, one night", 2.4),
    S("homestay 1 đêm", "homestay, one night", 0.7),
    S("trải nghiệm làm nông dân", "a day as a farmer", 0.6),
    S("chèo xuồng ngắm cảnh", "rowing-boat trip", 0.5),
)
_TOUR_PACKS = (P("khách", 350000),)

_RICE_PACKS = (P("túi 2kg", 78000), P("túi 5kg", 180000), P("bao 10kg", 350000))
_DRIED_FISH_PACKS = (P("kg", 300000), P("túi 500g", 155000), P("hộp 300g", 98000))
_SPIRIT_PACKS = (P("chai 500ml", 90000), P("chai 750ml", 130000), P("can 2 lít", 300000))
_FRUIT_PACKS = (P("kg", 40000), P("thùng 5kg", 190000))


def _specialities() -> list[Speciality]:
    K = Speciality
    # fmt: off
    items = [
        # ---- Kiên Giang (91) -------------------------------------------------------------------------
        K("kg_fish_sauce", "Kiên Giang", 9, 34, "Nước mắm Phú Quốc {brand} {spec}",
          "{brand} Phu Quoc fish sauce {spec}",
          "nước mắm Phú Quốc",
          (S("40 độ đạm", "40°N"), S("35 độ đạm", "35°N", 0.8), S("43 độ đạm", "43°N", 1.35),
           S("43 độ đạm thượng hạng", "43°N premium", 1.55), S("40 độ đạm cá cơm than", "40°N black anchovy", 1.15)),
          (P("chai 500ml", 98000), P("chai 250ml", 56000), P("chai 750ml", 140000), P("can 2 lít", 330000)),
          "Nước mắm nhĩ từ cá cơm tươi đánh bắt quanh đảo, ủ chượp với muối trong thùng gỗ bời lời từ 12 đến 15 "
          "tháng; màu nâu cánh gián, vị đậm, hậu ngọt.",
          911, ("Dương Đông", "An Thới", "Hàm Ninh", "Cửa Dương", "Gành Dầu", "Bãi Thơm"),
          sector="Nước mắm", coop="Chế biến thủy sản",
          fixed=(FixedProducer("Khải Hoàn", "Công ty TNHH Nước mắm Khải Hoàn", "enterprise", 5, 6),
                 FixedProducer("Thanh Quốc", "Công ty TNHH Nước mắm Thanh Quốc", "enterprise", 5, 5)),
          variants=(("thùng gỗ", "barrel-aged"), ("nhãn vàng", "gold label"), ("loại đặc biệt", "special grade"),
                    ("hộp quà", "gift box"))),
        K("kg_pepper", "Kiên Giang", 10, 10, "Tiêu Phú Quốc {brand} {spec}", "{brand} Phu Quoc pepper, {spec}",
          "tiêu Phú Quốc",
          (S("tiêu đen", "black"), S("tiêu chín đỏ", "ripe red", 2.0), S("tiêu sọ trắng", "white", 1.6),
           S("tiêu xanh ngâm nước mắm", "green, in fish sauce", 1.2)),
          (P("hũ 100g", 55000), P("túi 250g", 110000), P("hộp 500g", 200000)),
          "Tiêu trồng trên đất đỏ Phú Quốc, hái chín, phơi nắng tự nhiên; hạt chắc, cay nồng và thơm.",
          911, ("Cửa Dương", "Hàm Ninh", "Dương Đông", "Bãi Thơm"), sector="Nông sản"),
        K("kg_shrimp_paste", "Kiên Giang", 9, 5, "Mắm ruốc Kiên Giang {brand} {spec}",
          "{brand} Kien Giang shrimp paste, {spec}",
          "mắm ruốc",
          (S("nguyên chất", "pure"), S("xào sả ớt", "with lemongrass and chilli", 1.3)),
          (P("hũ 200g", 35000), P("hũ 500g", 75000)),
          "Ruốc biển tươi trộn muối, phơi và ủ chín theo cách của người làng biển; dùng kho, chưng hay chấm.",
          902, ("Bình An", "Hòn Nghệ", "Dương Hòa", "Mỹ Lâm"), sector="Thủy sản", coop="Thủy sản"),
        K("kg_myrtle_wine", "Kiên Giang", 15, 6, "Rượu sim Phú Quốc {brand} {spec}",
          "{brand} Phu Quoc rose-myrtle wine, {spec}",
          "rượu sim",
          (S("13 độ", "13% ABV"), S("16 độ", "16% ABV", 1.1), S("sim rừng", "wild myrtle", 1.3)),
          (P("chai 500ml", 120000), P("chai 750ml", 170000), P("chai 300ml", 80000)),
          "Lên men từ trái sim rừng chín hái trên núi Phú Quốc; màu tím đỏ, vị chát nhẹ, ngọt dịu.",
          911, ("Dương Đông", "Hàm Ninh", "Cửa Cạn"), sector="Rượu"),
        K("kg_dried_gourami", "Kiên Giang", 8, 8, "Khô cá sặc rằn U Minh Thượng {brand} {spec}",
          "{brand} U Minh Thuong dried snakeskin gourami, {spec}", "khô cá sặc",
          (S("một nắng", "sun-dried once"), S("loại đặc biệt", "special grade", 1.3),
           S("ít mặn", "lightly salted", 1.05)),
          _DRIED_FISH_PACKS,
          "Cá sặc rằn nuôi trong rừng tràm, làm sạch, ướp muối vừa ăn rồi phơi một nắng; thịt dày, béo.",
          913, ("Thạnh Yên", "An Minh Bắc", "Minh Thuận", "Vĩnh Hòa"), sector="Thủy sản", coop="Thủy sản"),
        K("kg_honey", "Kiên Giang", 4, 6, "Mật ong U Minh Thượng {brand} {spec}", "{brand} U Minh Thuong honey, {spec}",
          "mật ong",
          (S("ong rừng tràm", "melaleuca forest"), S("ong nuôi hoa tràm", "farmed, melaleuca flowers", 0.7)),
          (P("chai 500ml", 250000), P("chai 1 lít", 450000), P("chai 250ml", 135000)),
          "Mật lấy từ hoa tràm trong vùng đệm Vườn quốc gia U Minh Thượng; màu vàng sẫm, thơm mùi tràm.",
          913, ("An Minh Bắc", "Minh Thuận", "Thạnh Yên"), coop="Nuôi ong"),
        K("kg_pineapple", "Kiên Giang", 1, 4, "Khóm Tắc Cậu {brand} {spec}", "{brand} Tac Cau pineapple, {spec}",
          "khóm",
          (S("trái tươi", "fresh"), S("loại 1", "grade 1", 1.2)),
          (P("kg", 18000), P("thùng 10kg", 170000)),
          "Khóm Queen trồng trên đất phèn ven sông Cái Bé; trái nhỏ, ngọt thanh, thơm.",
          905, ("Minh Lương", "Vĩnh Hòa Hiệp", "Bình An")),
        K("kg_rice", "Kiên Giang", 3, 8, "Gạo ST25 lúa tôm An Minh {brand} {spec}",
          "{brand} An Minh shrimp-field ST25 rice, {spec}",
          "gạo ST25 lúa tôm",
          (S("thơm dẻo", "fragrant"), S("hữu cơ", "organic", 1.3), S("gạo lứt", "brown", 1.15)),
          _RICE_PACKS,
          "Lúa ST25 trồng luân canh trên ruộng nuôi tôm, không dùng thuốc hóa học; cơm dẻo, thơm lá dứa.",
          909, ("Đông Hưng", "Vân Khánh", "Thuận Hòa", "Nam Thái")),
        K("kg_sedge", "Kiên Giang", 21, 5, "{spec} cỏ bàng Phú Mỹ {brand}", "{brand} Phu My sedge {spec}",
          "cỏ bàng",
          (S("Túi xách", "handbag"), S("Nón", "hat", 0.5), S("Giỏ", "basket", 0.8), S("Ví cầm tay", "clutch", 0.6),
           S("Thảm", "mat", 1.5)),
          (P("cái", 150000),),
          "Cỏ bàng hái ở đồng Phú Mỹ, phơi, đập dẹp rồi đan tay theo hoa văn của đồng bào Khmer.",
          914, ("Phú Mỹ", "Phú Lợi"), sector="Mỹ nghệ", coop="Tiểu thủ công nghiệp",
          village="Làng nghề đan đát cỏ bàng", variants=CRAFT_VARIANTS),
        K("kg_cajeput_oil", "Kiên Giang", 20, 3, "Tinh dầu tràm U Minh Thượng {brand} {spec}",
          "{brand} U Minh Thuong cajeput oil, {spec}", "tinh dầu tràm",
          (S("nguyên chất", "pure"), S("xịt phòng", "room spray", 0.8)),
          (P("chai 50ml", 70000), P("chai 100ml", 120000)),
          "Chưng cất từ lá tràm gió trong rừng U Minh Thượng; dùng xoa bóp, giữ ấm, đuổi muỗi.",
          913, ("An Minh Bắc", "Minh Thuận"), sector="Dược liệu", coop="Dược liệu", noted=False),
        K("kg_tourism", "Kiên Giang", 26, 2, "Du lịch cộng đồng Hòn Sơn {brand} – {spec}",
          "{brand} Hon Son community tourism – {spec}", "du lịch cộng đồng",
          _TOUR_SPECS, _TOUR_PACKS,
          "Đảo Hòn Sơn (Kiên Hải): tắm biển, leo núi Ma Thiên Lãnh, ăn hải sản và ngủ nhà dân.",
          912, ("Lại Sơn",), sector="Du lịch", coop="Du lịch cộng đồng", noted=False, variants=TOUR_VARIANTS),
        # ---- An Giang (89) ---------------------------------------------------------------------------
        K("ag_mam", "An Giang", 8, 12, "{spec} Châu Đốc {brand}", "{brand} Chau Doc {spec}", "mắm Châu Đốc",
          (S("Mắm thái đu đủ", "fermented fish with papaya"), S("Mắm cá linh", "fermented mud carp", 0.9),
           S("Mắm cá lóc", "fermented snakehead", 1.2), S("Mắm cá sặc", "fermented gourami", 1.1)),
          (P("hộp 500g", 85000), P("hũ 1kg", 160000), P("hộp 300g", 55000)),
          "Cá đồng mùa nước nổi ủ muối, thính gạo rang và đường thốt nốt theo bí quyết của vùng núi Sam.",
          884, ("Núi Sam", "Vĩnh Mỹ", "Vĩnh Ngươn", "Vĩnh Tế"), sector="Thực phẩm"),
        K("ag_dried_snakehead", "An Giang", 8, 7, "Khô cá lóc An Giang {brand} {spec}",
          "{brand} An Giang dried snakehead, {spec}",
          "khô cá lóc",
          (S("một nắng", "sun-dried once"), S("loại đặc biệt", "special grade", 1.25),
           S("ít mặn", "lightly salted", 1.05)),
          (P("kg", 450000), P("túi 500g", 230000)),
          "Cá lóc đồng xẻ bướm, ướp muối nhạt và phơi một nắng trên giàn tre.",
          889, ("Bình Thủy", "Mỹ Đức", "Ô Long Vỹ"), sector="Thủy sản", coop="Thủy sản"),
        K("ag_palm_sugar", "An Giang", 4, 9, "Đường thốt nốt Bảy Núi {brand} {spec}",
          "{brand} Bay Nui palm sugar, {spec}",
          "đường thốt nốt",
          (S("nguyên chất", "pure"), S("dạng viên", "tablets", 1.05), S("dạng bột", "powder", 1.1),
           S("mật thốt nốt", "palm syrup", 1.2)),
          (P("túi 500g", 45000), P("kg", 85000), P("hũ 400g", 50000)),
          "Nước thốt nốt leo cây lấy mỗi sáng, nấu cô đặc trên bếp củi; ngọt thanh, thơm mùi khói nhẹ.",
          891, ("Tri Tôn", "Cô Tô", "Ô Lâm", "Lương Phi", "An Cư", "Văn Giáo"), village="Làng nghề đường thốt nốt"),
        K("ag_tung_lo_mo", "An Giang", 8, 4, "Tung lò mò An Giang {brand} {spec}",
          "{brand} An Giang Cham beef sausage, {spec}",
          "tung lò mò",
          (S("truyền thống", "traditional"), S("cay", "spicy", 1.05), S("loại đặc biệt", "special grade", 1.2)),
          (P("kg", 260000), P("hộp 500g", 135000)),
          "Lạp xưởng bò của người Chăm, ướp tỏi, tiêu và gạo rang rồi phơi gió cho lên men chua nhẹ.",
          886, ("Đa Phước", "Nhơn Hội", "Châu Phong"), sector="Thực phẩm"),
        K("ag_palm_leaf_art", "An Giang", 21, 3, "Tranh lá thốt nốt Tri Tôn {brand} {spec}",
          "{brand} Tri Ton palm-leaf picture, {spec}", "tranh lá thốt nốt",
          (S("phong cảnh Bảy Núi", "Bay Nui landscape"), S("chân dung", "portrait", 1.5),
           S("tĩnh vật", "still life", 0.8)),
          (P("bức 40x60cm", 450000), P("bức 30x40cm", 280000), P("bức 60x90cm", 850000)),
          "Lá thốt nốt phơi khô, cắt, ghép và dán thủ công thành tranh; không dùng màu vẽ.",
          891, ("Tri Tôn", "Cô Tô"), sector="Mỹ nghệ", coop="Tiểu thủ công nghiệp",
          village="Làng nghề tranh lá thốt nốt", variants=CRAFT_VARIANTS),
        K("ag_brocade", "An Giang", 22, 3, "{spec} thổ cẩm Châu Phong {brand}", "{brand} Chau Phong brocade {spec}",
          "thổ cẩm",
          (S("Khăn choàng", "scarf"), S("Xà rông", "sarong", 1.8), S("Túi xách", "handbag", 0.8),
           S("Khăn rằn", "checked scarf", 0.5)),
          (P("cái", 250000),),
          "Dệt tay trên khung gỗ của người Chăm ở Châu Phong, sợi tơ tằm và cotton nhuộm màu tự nhiên.",
          887, ("Châu Phong", "Vĩnh Trường"), sector="Dệt may", coop="Tiểu thủ công nghiệp",
          village="Làng nghề dệt thổ cẩm", variants=CRAFT_VARIANTS),
        K("ag_rice", "An Giang", 3, 4, "Gạo Nàng Nhen Bảy Núi {brand} {spec}", "{brand} Bay Nui Nang Nhen rice, {spec}",
          "gạo Nàng Nhen",
          (S("thơm", "fragrant"), S("gạo lứt", "brown", 1.1)),
          (P("túi 2kg", 90000), P("túi 5kg", 210000)),
          "Giống lúa mùa cổ của đồng bào Khmer, trồng một vụ trên ruộng gò; cơm mềm, thơm.",
          891, ("Lương Phi", "Châu Lăng", "Tà Đảnh")),
        K("ag_palm_juice", "An Giang", 17, 3, "Nước thốt nốt Bảy Núi {brand} {spec}",
          "{brand} Bay Nui palm juice, {spec}",
          "nước thốt nốt",
          (S("tươi", "fresh"), S("ít đường", "less sugar", 1.05)),
          (P("chai 330ml", 15000), P("chai 500ml", 22000)),
          "Nước thốt nốt lấy trong ngày, lọc và thanh trùng, đóng chai giữ vị ngọt tự nhiên.",
          891, ("Tri Tôn", "Văn Giáo", "An Cư"), sector="Đồ uống", noted=False),
        K("ag_cajeput_oil", "An Giang", 20, 2, "Tinh dầu tràm Trà Sư {brand} {spec}",
          "{brand} Tra Su cajeput oil, {spec}",
          "tinh dầu tràm",
          (S("nguyên chất", "pure"), S("dầu xoa bóp", "massage oil", 0.9)),
          (P("chai 50ml", 65000), P("chai 100ml", 115000)),
          "Chưng cất từ lá tràm ở vùng rừng Trà Sư, Tịnh Biên.",
          890, ("Văn Giáo", "Nhơn Hưng"), sector="Dược liệu", coop="Dược liệu", noted=False),
        K("ag_tourism", "An Giang", 26, 1.5, "Du lịch Rừng tràm Trà Sư {brand} – {spec}",
          "{brand} Tra Su cajeput forest tourism – {spec}", "du lịch rừng tràm",
          _TOUR_SPECS, _TOUR_PACKS,
          "Đi xuồng xuyên rừng tràm ngập nước, ngắm chim và bèo tấm phủ xanh mặt nước.",
          890, ("Văn Giáo",), sector="Du lịch", coop="Du lịch cộng đồng", noted=False, variants=TOUR_VARIANTS),
        # ---- Đồng Tháp (87) --------------------------------------------------------------------------
        K("dt_lotus", "Đồng Tháp", 7, 10, "{spec} Tháp Mười {brand}", "{brand} Thap Muoi lotus {spec}", "sen Tháp Mười",
          (S("Hạt sen sấy", "seeds, dried"), S("Bột ngó sen", "root powder", 1.2),
           S("Hạt sen tươi", "seeds, fresh", 0.7),
           S("Mứt hạt sen", "seeds, candied", 0.9)),
          (P("hộp 500g", 160000), P("hộp 250g", 85000)),
          "Sen trồng trên đồng Tháp Mười, hạt được tách tim và sấy nhiệt thấp; bùi, thơm.",
          872, ("Mỹ An", "Mỹ Hòa", "Trường Xuân", "Mỹ Quý"), coop="Nông nghiệp"),
        K("dt_lotus_tea", "Đồng Tháp", 12, 5, "{spec} Tháp Mười {brand}", "{brand} Thap Muoi {spec}", "trà sen",
          (S("Trà tim sen", "lotus embryo tea"), S("Trà lá sen", "lotus leaf tea", 0.8),
           S("Trà ướp hoa sen", "lotus-scented tea", 2.0)),
          (P("hộp 100g", 65000), P("hộp 20 túi lọc", 55000)),
          "Trà làm từ tim sen, lá sen và hoa sen Tháp Mười; uống giúp dễ ngủ, thanh nhiệt.",
          872, ("Mỹ An", "Mỹ Hòa", "Trường Xuân")),
        K("dt_mango", "Đồng Tháp", 1, 8, "{spec} Cao Lãnh {brand}", "{brand} Cao Lanh {spec}", "xoài",
          (S("Xoài cát Chu", "Cat Chu mango"), S("Xoài cát Hòa Lộc", "Hoa Loc mango", 1.5),
           S("Xoài Đài Loan", "Taiwanese mango", 0.7)),
          _FRUIT_PACKS,
          "Xoài trồng theo VietGAP ven sông Tiền, bao trái từ nhỏ; thịt vàng, ít xơ, ngọt đậm.",
          873, ("Mỹ Xương", "Tịnh Thới", "Tân Thuận Đông", "Mỹ Long")),
        K("dt_flowers", "Đồng Tháp", 23, 6, "{spec} Sa Đéc {brand}", "{brand} Sa Dec {spec}", "hoa kiểng",
          (S("Hoa hồng", "roses"), S("Cúc mâm xôi", "button chrysanthemums", 1.2),
           S("Hoa giấy ghép nhiều màu", "grafted bougainvillea", 2.5), S("Vạn thọ", "marigolds", 0.6),
           S("Hoa lan", "orchids", 2.0)),
          (P("chậu", 120000),),
          "Trồng ở làng hoa Sa Đéc trên liếp cao giữa mương nước, hơn trăm năm làm nghề.",
          867, ("Tân Quy Đông", "Tân Khánh Đông"), sector="Hoa kiểng", coop="Hoa kiểng",
          village="Làng hoa kiểng", variants=PLANT_VARIANTS),
        K("dt_noodles", "Đồng Tháp", 6, 5, "Hủ tiếu Sa Đéc {brand} {spec}", "{brand} Sa Dec rice noodles, {spec}",
          "hủ tiếu",
          (S("sợi khô", "dried"), S("sợi nhỏ", "thin", 1.0), S("gạo lứt", "brown rice", 1.2), S("tươi", "fresh", 0.8)),
          (P("gói 500g", 35000), P("gói 200g", 16000), P("thùng 5kg", 320000)),
          "Tráng từ gạo lúa mùa xay bột nước, phơi nắng; sợi dai, không bở khi nấu.",
          867, ("Tân Phú Đông", "Tân Khánh Đông", "Tân Quy Tây"), village="Làng nghề hủ tiếu"),
        K("dt_nem", "Đồng Tháp", 8, 5, "Nem Lai Vung {brand} {spec}", "{brand} Lai Vung fermented pork roll, {spec}",
          "nem",
          (S("truyền thống", "traditional"), S("loại đặc biệt", "special grade", 1.3), S("không hàn the",
           "borax-free", 1.05)),
          (P("chục 10 cái", 45000), P("hộp 50 cái", 200000)),
          "Thịt heo nạc quết nhuyễn, trộn bì, tỏi, ớt, gói lá chùm ruột và lá chuối cho lên men chua.",
          876, ("Tân Thành", "Long Hậu", "Tân Dương"), village="Làng nghề làm nem"),
        K("dt_tourism", "Đồng Tháp", 26, 1.5, "Du lịch Làng hoa Sa Đéc {brand} – {spec}",
          "{brand} Sa Dec flower village tourism – {spec}", "du lịch làng hoa",
          _TOUR_SPECS, _TOUR_PACKS,
          "Tham quan vườn hoa, chụp ảnh trên cầu gỗ giữa ruộng hoa và học trồng hoa với nhà vườn.",
          867, ("Tân Quy Đông", "Tân Khánh Đông"), sector="Du lịch", coop="Du lịch cộng đồng", noted=False,
          variants=TOUR_VARIANTS),
        # ---- Tiền Giang (82) -------------------------------------------------------------------------
        K("tg_mango", "Tiền Giang", 1, 8, "Xoài cát Hòa Lộc {brand} {spec}", "{brand} Hoa Loc mango, {spec}",
          "xoài cát Hòa Lộc",
          (S("loại 1", "grade 1"), S("trái tuyển", "select", 1.25), S("VietGAP", "VietGAP", 1.1)),
          (P("kg", 85000), P("thùng 5kg", 400000)),
          "Giống xoài gốc ở Hòa Hưng, Cái Bè; thịt vàng, mịn, thơm, vị ngọt đậm.",
          819, ("Hòa Hưng", "An Hữu", "Hậu Thành")),
        K("tg_durian_chips", "Tiền Giang", 7, 6, "Sầu riêng sấy Cai Lậy {brand} {spec}",
          "{brand} Cai Lay dried durian, {spec}",
          "sầu riêng sấy",
          (S("sấy giòn", "crispy"), S("sấy dẻo", "chewy", 1.1), S("Ri6", "Ri6 variety", 1.15), S("Monthong",
           "Monthong", 1.2)),
          (P("hộp 200g", 180000), P("túi 100g", 95000), P("hộp 500g", 420000)),
          "Sầu riêng chín cây từ vườn Cai Lậy, sấy chân không giữ màu vàng và mùi thơm tự nhiên.",
          820, ("Ngũ Hiệp", "Tam Bình", "Long Trung")),
        K("tg_rice", "Tiền Giang", 3, 5, "Gạo VD20 Gò Công {brand} {spec}", "{brand} Go Cong VD20 rice, {spec}",
          "gạo VD20",
          (S("thơm", "fragrant"), S("hữu cơ", "organic", 1.3)),
          (P("túi 5kg", 110000), P("túi 2kg", 48000), P("bao 10kg", 210000)),
          "Lúa VD20 trồng trên đất phù sa ven biển Gò Công; hạt dài, cơm mềm, thơm nhẹ.",
          824, ("Tân Thành", "Kiểng Phước", "Bình Đông")),
        K("tg_shrimp_paste", "Tiền Giang", 9, 5, "Mắm tôm chà Gò Công {brand} {spec}",
          "{brand} Go Cong shrimp paste, {spec}",
          "mắm tôm chà",
          (S("truyền thống", "traditional"), S("loại đặc biệt", "special grade", 1.3), S("cay", "spicy", 1.05)),
          (P("hũ 200g", 55000), P("hũ 500g", 125000)),
          "Tôm đất tươi bỏ đầu, chà nhuyễn với muối, đường và ớt, phơi nắng cho lên màu đỏ tươi.",
          816, ("Bình Đông", "Tân Trung", "Bình Xuân")),
        K("tg_soursop_tea", "Tiền Giang", 12, 4, "Trà mãng cầu xiêm Tân Phú Đông {brand} {spec}",
          "{brand} Tan Phu Dong soursop tea, {spec}", "trà mãng cầu xiêm",
          (S("túi lọc", "tea bags"), S("sấy lát", "dried slices", 1.2), S("hòa tan", "instant", 0.9)),
          (P("hộp 200g", 65000), P("hộp 500g", 150000)),
          "Mãng cầu xiêm trồng trên cù lao Tân Phú Đông, thái lát và sấy lạnh; vị chua ngọt dễ uống.",
          825, ("Phú Thạnh", "Tân Thới", "Phú Đông")),
        K("tg_altar", "Tiền Giang", 21, 2, "Tủ thờ Gò Công {brand} {spec}", "{brand} Go Cong altar cabinet, {spec}",
          "tủ thờ",
          (S("gỗ gõ khảm xà cừ", "rosewood with mother-of-pearl", 1.6), S("gỗ căm xe", "Burma ironwood"),
           S("chạm rồng phượng", "dragon and phoenix carving", 1.4)),
          (P("cái", 15000000), P("bộ", 25000000)),
          "Đóng tay bằng gỗ quý, chạm khắc và khảm xà cừ theo lối truyền thống của thợ Gò Công.",
          816, ("Long Hưng", "Long Thuận", "Bình Đông"), sector="Mỹ nghệ", coop="Tiểu thủ công nghiệp",
          village="Làng nghề đóng tủ thờ", variants=CRAFT_VARIANTS),
        K("tg_star_apple", "Tiền Giang", 1, 4, "Vú sữa Lò Rèn Vĩnh Kim {brand} {spec}",
          "{brand} Vinh Kim Lo Ren star apple, {spec}",
          "vú sữa Lò Rèn",
          (S("loại 1", "grade 1"), S("trái tuyển", "select", 1.2)),
          (P("kg", 55000), P("thùng 5kg", 260000)),
          "Trồng ở cù lao Vĩnh Kim; vỏ mỏng, thịt trắng, ngọt như sữa.",
          821, ("Vĩnh Kim", "Kim Sơn", "Song Thuận")),
        K("tg_soursop_juice", "Tiền Giang", 17, 2, "Nước mãng cầu xiêm Tân Phú Đông {brand} {spec}",
          "{brand} Tan Phu Dong soursop juice, {spec}", "nước mãng cầu",
          (S("ít đường", "less sugar"), S("nguyên chất", "pure", 1.1)),
          (P("chai 330ml", 25000), P("chai 1 lít", 65000)),
          "Ép từ mãng cầu xiêm chín, thanh trùng, không chất bảo quản.",
          825, ("Phú Thạnh", "Tân Thới"), sector="Đồ uống", noted=False),
        K("tg_tourism", "Tiền Giang", 26, 1, "Du lịch cù lao Thới Sơn {brand} – {spec}",
          "{brand} Thoi Son islet tourism – {spec}", "du lịch cù lao",
          _TOUR_SPECS, _TOUR_PACKS,
          "Đi xuồng trong rạch dừa nước, nghe đờn ca tài tử và ăn trái cây tại vườn.",
          815, ("Thới Sơn",), sector="Du lịch", coop="Du lịch cộng đồng", noted=False, variants=TOUR_VARIANTS),
        # ---- Long An (80) ----------------------------------------------------------------------------
        K("la_rice", "Long An", 3, 7, "Gạo Nàng Thơm Chợ Đào {brand} {spec}", "{brand} Cho Dao Nang Thom rice, {spec}",
          "gạo Nàng Thơm Chợ Đào",
          (S("dẻo thơm", "soft and fragrant"), S("thượng hạng", "premium", 1.2), S("hữu cơ", "organic", 1.35)),
          (P("túi 5kg", 160000), P("túi 2kg", 68000), P("bao 10kg", 310000)),
          "Giống lúa thơm nổi tiếng vùng Cần Đước; hạt nhỏ, cơm dẻo, để nguội vẫn mềm.",
          806, ("Mỹ Lệ", "Tân Lân", "Long Trạch")),
        K("la_dragon_fruit", "Long An", 1, 7, "Thanh long Châu Thành {brand} {spec}",
          "{brand} Chau Thanh dragon fruit, {spec}",
          "thanh long",
          (S("ruột đỏ", "red flesh"), S("ruột trắng", "white flesh", 0.7), S("VietGAP", "VietGAP", 1.1)),
          (P("kg", 25000), P("thùng 10kg", 230000)),
          "Thanh long thắp đèn cho ra trái nghịch vụ; trái to, vỏ đỏ tươi, tai xanh.",
          808, ("Dương Xuân Hội", "An Lục Long", "Long Trì")),
        K("la_lime", "Long An", 1, 5, "Chanh không hạt Bến Lức {brand} {spec}", "{brand} Ben Luc seedless lime, {spec}",
          "chanh không hạt",
          (S("loại 1", "grade 1"), S("VietGAP", "VietGAP", 1.1), S("GlobalGAP", "GlobalGAP", 1.25)),
          (P("kg", 22000), P("túi 3kg", 60000)),
          "Chanh vỏ mỏng, nhiều nước, không hạt; trồng trên đất phèn được cải tạo ở Bến Lức.",
          803, ("Thạnh Lợi", "Thạnh Hòa", "Lương Bình")),
        K("la_sausage", "Long An", 8, 6, "Lạp xưởng Cần Đước {brand} {spec}",
          "{brand} Can Duoc Chinese sausage, {spec}",
          "lạp xưởng",
          (S("tươi", "fresh"), S("tôm", "with shrimp", 1.3), S("mai quế lộ", "rose liqueur", 1.1),
           S("loại đặc biệt", "special grade", 1.35)),
          (P("kg", 220000), P("hộp 500g", 115000)),
          "Thịt heo nạc và mỡ thái hạt lựu, ướp rượu mai quế lộ, nhồi ruột non và phơi nắng.",
          806, ("Tân Lân", "Phước Đông", "Long Định"), village="Làng nghề lạp xưởng"),
        K("la_sedge_straws", "Long An", 21, 3, "Ống hút cỏ bàng Tân Thạnh {brand} {spec}",
          "{brand} Tan Thanh sedge drinking straws, {spec}", "ống hút cỏ bàng",
          (S("khô", "dried"), S("tươi", "fresh", 0.8)),
          (P("hộp 100 ống", 60000), P("túi 50 ống", 32000)),
          "Cắt từ thân cỏ bàng mọc tự nhiên ở Đồng Tháp Mười, rửa sạch, sấy khô; thay ống hút nhựa.",
          799, ("Tân Lập", "Nhơn Hòa Lập", "Hậu Thạnh Đông"), sector="Mỹ nghệ", coop="Tiểu thủ công nghiệp",
          variants=CRAFT_VARIANTS),
        K("la_rice_spirit", "Long An", 14, 4, "Rượu đế Gò Đen {brand} {spec}", "{brand} Go Den rice spirit, {spec}",
          "rượu đế",
          (S("29 độ", "29% ABV"), S("39 độ", "39% ABV", 1.2), S("rượu nếp", "glutinous rice", 1.1)),
          _SPIRIT_PACKS,
          "Nấu từ gạo lên men bằng men thuốc bắc, chưng cất bằng nồi đồng; rượu trong, thơm gạo.",
          803, ("Phước Lợi", "Long Hiệp"), sector="Rượu", village="Làng nghề nấu rượu", noted=False),
        K("la_tourism", "Long An", 26, 1, "Du lịch Làng nổi Tân Lập {brand} – {spec}",
          "{brand} Tan Lap floating village tourism – {spec}", "du lịch làng nổi",
          _TOUR_SPECS, _TOUR_PACKS,
          "Đi cầu gỗ xuyên rừng tràm, ngắm sen súng và lên tháp quan sát giữa vùng ngập nước.",
          799, ("Tân Lập",), sector="Du lịch", coop="Du lịch cộng đồng", noted=False, variants=TOUR_VARIANTS),
        # ---- Bến Tre (83) ----------------------------------------------------------------------------
        K("bt_coconut_candy", "Bến Tre", 7, 12, "Kẹo dừa Mỏ Cày {brand} {spec}", "{brand} Mo Cay coconut candy, {spec}",
          "kẹo dừa",
          (S("sầu riêng", "durian"), S("lá dứa", "pandan"), S("đậu phộng", "peanut"), S("sữa", "milk"),
           S("ca cao", "cocoa", 1.1), S("không đường", "sugar-free", 1.25)),
          (P("hộp 400g", 42000), P("túi 250g", 28000), P("hộp quà 500g", 70000)),
          "Nấu từ nước cốt dừa và mạch nha, kéo và cắt bằng tay; gói giấy gạo ăn được.",
          833, ("Đa Phước Hội", "Thành Thới A", "Thành Thới B", "An Thạnh"), sector="Thực phẩm",
          village="Làng nghề kẹo dừa"),
        K("bt_rice_paper", "Bến Tre", 6, 5, "Bánh tráng Mỹ Lồng {brand} {spec}",
          "{brand} My Long rice crackers, {spec}",
          "bánh tráng",
          (S("nước dừa", "coconut milk"), S("mè đen", "black sesame", 1.05), S("ngọt", "sweet")),
          (P("xấp 10 cái", 40000), P("xấp 5 cái", 22000)),
          "Tráng bằng tay trên nồi hấp, bột gạo pha nước cốt dừa, phơi nắng và nướng than.",
          834, ("Mỹ Thạnh", "Phong Nẫm", "Sơn Phú"), village="Làng nghề bánh tráng"),
        K("bt_rice_puffs", "Bến Tre", 6, 5, "Bánh phồng Sơn Đốc {brand} {spec}", "{brand} Son Doc rice puffs, {spec}",
          "bánh phồng",
          (S("sữa", "milk"), S("lá dứa", "pandan"), S("sầu riêng", "durian", 1.15), S("tôm", "shrimp", 1.2)),
          (P("xấp 10 cái", 45000), P("túi 500g", 60000)),
          "Nếp quết với đường, sữa và nước cốt dừa, cán mỏng, phơi khô; nướng lên phồng giòn.",
          834, ("Hưng Nhượng", "Hưng Lễ"), village="Làng nghề bánh phồng"),
        K("bt_pomelo", "Bến Tre", 1, 6, "Bưởi da xanh Chợ Lách {brand} {spec}",
          "{brand} Cho Lach green-skin pomelo, {spec}",
          "bưởi da xanh",
          (S("loại 1", "grade 1"), S("VietGAP", "VietGAP", 1.1), S("trái tuyển", "select", 1.3)),
          (P("kg", 55000), P("thùng 10kg", 520000)),
          "Vỏ xanh, tép hồng, ráo nước, vị ngọt không the; trồng trên đất cù lao Minh.",
          832, ("Vĩnh Thành", "Sơn Định", "Hòa Nghĩa")),
        K("bt_bonsai", "Bến Tre", 24, 5, "{spec} Cái Mơn {brand}", "{brand} Cai Mon {spec}", "cây kiểng",
          (S("Mai chiếu thủy bonsai", "bonsai mock-lime"), S("Tắc kiểng", "kumquat tree", 0.4),
           S("Cần thăng", "Feroniella bonsai", 2.0), S("Mai vàng ghép", "grafted yellow apricot", 1.5),
           S("Kim quýt", "kim quyt bonsai", 2.5)),
          (P("chậu", 800000),),
          "Nhà vườn Cái Mơn uốn tỉa, tạo dáng cây theo thế truyền thống; cây đã thuần, dễ chăm.",
          832, ("Vĩnh Thành", "Long Thới", "Phú Phụng"), sector="Hoa kiểng", coop="Hoa kiểng",
          village="Làng cây kiểng", variants=PLANT_VARIANTS),
        K("bt_coconut_oil", "Bến Tre", 19, 3, "Dầu dừa Bến Tre {brand} {spec}", "{brand} Ben Tre coconut oil, {spec}",
          "dầu dừa",
          (S("nguyên chất ép lạnh", "virgin, cold-pressed"), S("dưỡng tóc", "hair care", 0.9), S("dưỡng da",
           "skin care")),
          (P("chai 100ml", 60000), P("chai 250ml", 125000)),
          "Ép lạnh từ cơm dừa tươi, lọc nhiều lần; dùng dưỡng da, dưỡng tóc.",
          838, ("Tân Thành Bình", "Phước Mỹ Trung"), sector="Mỹ phẩm", coop="Dừa", noted=False),
        K("bt_rice_spirit", "Bến Tre", 14, 3, "Rượu Phú Lễ {brand} {spec}", "{brand} Phu Le rice spirit, {spec}",
          "rượu Phú Lễ",
          (S("30 độ", "30% ABV"), S("40 độ", "40% ABV", 1.2), S("rượu nếp", "glutinous rice", 1.1)),
          _SPIRIT_PACKS,
          "Rượu gạo nấu theo cách xưa của làng Phú Lễ, Ba Tri; chưng cất hai lần.",
          836, ("Phú Lễ",), sector="Rượu", village="Làng nghề nấu rượu", noted=False),
        K("bt_coconut_shell", "Bến Tre", 21, 2, "{spec} gáo dừa Bến Tre {brand}",
          "{brand} Ben Tre coconut-shell {spec}",
          "đồ mỹ nghệ gáo dừa",
          (S("Bộ chén", "bowls"), S("Muỗng", "spoons", 0.4), S("Đèn ngủ", "night lamp", 3.0),
           S("Hộp trang sức", "jewellery box", 2.0)),
          (P("bộ", 120000),),
          "Gáo dừa khô được cắt, mài, đánh bóng bằng tay; không sơn phủ hóa chất.",
          829, ("Phú Hưng", "Sơn Đông", "Mỹ Thạnh An"), sector="Mỹ nghệ", coop="Tiểu thủ công nghiệp",
          village="Làng nghề mỹ nghệ dừa", noted=False, variants=CRAFT_VARIANTS),
        # ---- Vĩnh Long (86) --------------------------------------------------------------------------
        K("vl_sweet_potato", "Vĩnh Long", 7, 5, "Khoai lang tím sấy Bình Tân {brand} {spec}",
          "{brand} Binh Tan dried purple sweet potato, {spec}", "khoai lang tím sấy",
          (S("sấy giòn", "crispy"), S("sấy dẻo", "chewy", 1.05), S("sấy thăng hoa", "freeze-dried", 1.4)),
          (P("hộp 250g", 85000), P("túi 100g", 38000)),
          "Khoai lang tím Nhật trồng trên đất cát giồng Bình Tân, sấy giữ màu tím và vị ngọt bùi.",
          863, ("Tân Quới", "Thành Trung", "Tân Thành"), top_stars=True),
        K("vl_freeze_dried_durian", "Vĩnh Long", 7, 4, "Sầu riêng sấy thăng hoa Vĩnh Long {brand} {spec}",
          "{brand} Vinh Long freeze-dried durian, {spec}", "sầu riêng sấy thăng hoa",
          (S("Ri6", "Ri6"), S("Monthong", "Monthong", 1.1), S("loại đặc biệt", "special grade", 1.3)),
          (P("hộp 100g", 150000), P("hộp 250g", 350000)),
          "Sấy thăng hoa ở nhiệt độ âm, giữ gần nguyên mùi vị sầu riêng chín; giòn tan.",
          857, ("Thanh Đức", "Long Phước", "Phú Đức"), top_stars=True),
        K("vl_watercress", "Vĩnh Long", 1, 4, "Xà lách xoong Bình Minh {brand} {spec}",
          "{brand} Binh Minh watercress, {spec}",
          "xà lách xoong",
          (S("VietGAP", "VietGAP"), S("hữu cơ", "organic", 1.3)),
          (P("kg", 30000), P("bó 500g", 16000)),
          "Trồng trên ruộng ngập nước ven sông Hậu, tưới nước giếng; lá xanh, giòn, không đắng.",
          861, ("Mỹ Hòa", "Đông Thành", "Đông Bình")),
        K("vl_bitter_melon_tea", "Vĩnh Long", 12, 4, "Trà khổ qua Long Hồ {brand} {spec}",
          "{brand} Long Ho bitter-melon tea, {spec}",
          "trà khổ qua",
          (S("túi lọc", "tea bags"), S("sấy lát", "dried slices", 1.1), S("khổ qua rừng", "wild bitter melon", 1.3)),
          (P("hộp 30 túi lọc", 50000), P("hộp 200g", 75000)),
          "Khổ qua thái lát, sấy lạnh rồi sao vàng; vị đắng nhẹ, hậu ngọt.",
          857, ("Thanh Đức", "Long An", "Hòa Ninh")),
        K("vl_pomelo", "Vĩnh Long", 1, 5, "Bưởi Năm Roi Bình Minh {brand} {spec}",
          "{brand} Binh Minh Nam Roi pomelo, {spec}",
          "bưởi Năm Roi",
          (S("loại 1", "grade 1"), S("VietGAP", "VietGAP", 1.1), S("trái tuyển", "select", 1.3)),
          (P("kg", 35000), P("thùng 10kg", 320000)),
          "Trái hình quả lê, ít hạt, tép mọng nước, ngọt thanh; đặc sản đất Mỹ Hòa.",
          861, ("Mỹ Hòa", "Thuận An", "Đông Thạnh")),
        K("vl_red_pottery", "Vĩnh Long", 21, 3, "{spec} gốm đỏ Mang Thít {brand}",
          "{brand} Mang Thit red pottery {spec}",
          "gốm đỏ",
          (S("Chậu", "flower pot"), S("Lu", "jar", 2.0), S("Bình hoa", "vase", 1.2),
           S("Tượng trang trí", "ornament", 1.5)),
          (P("cái", 180000),),
          "Nặn từ đất sét ven sông Cổ Chiên, nung trong lò bao bằng củi; màu đỏ cam đặc trưng.",
          858, ("An Phước", "Nhơn Phú", "Hòa Tịnh"), sector="Gốm", coop="Tiểu thủ công nghiệp",
          village="Làng nghề gốm đỏ", variants=CRAFT_VARIANTS),
        K("vl_mats", "Vĩnh Long", 21, 2, "Chiếu Cà Hom {brand} {spec}", "{brand} Ca Hom sedge mat, {spec}", "chiếu",
          (S("hoa văn đỏ", "red pattern"), S("trơn", "plain", 0.8), S("khổ lớn", "large", 1.3)),
          (P("chiếc 1,6m", 180000), P("chiếc 1,8m", 220000)),
          "Dệt từ cói nhuộm màu trên khung gỗ, nghề truyền thống hơn trăm năm ở Cà Hom.",
          860, ("Cà Hom", "Ngãi Tứ"), sector="Mỹ nghệ", coop="Tiểu thủ công nghiệp",
          village="Làng nghề dệt chiếu", variants=CRAFT_VARIANTS),
        K("vl_tourism", "Vĩnh Long", 26, 1, "Du lịch cù lao An Bình {brand} – {spec}",
          "{brand} An Binh islet tourism – {spec}", "du lịch cù lao",
          _TOUR_SPECS, _TOUR_PACKS,
          "Vườn trái cây, lò bánh và nhà cổ trên cù lao giữa sông Tiền; ngủ nhà vườn.",
          857, ("An Bình", "Bình Hòa Phước", "Hòa Ninh"), sector="Du lịch", coop="Du lịch cộng đồng", noted=False,
          variants=TOUR_VARIANTS),
        # ---- Trà Vinh (84) ---------------------------------------------------------------------------
        K("tv_wax_coconut", "Trà Vinh", 1, 6, "Dừa sáp Cầu Kè {brand} {spec}", "{brand} Cau Ke wax coconut, {spec}",
          "dừa sáp",
          (S("loại 1", "grade 1"), S("trái tuyển", "select", 1.3), S("cấy phôi", "embryo-cultured", 1.5)),
          (P("trái", 150000), P("cặp 2 trái", 280000)),
          "Cơm dừa dày, sệt như sáp, béo; trồng xen trong vườn dừa ta ở Cầu Kè.",
          845, ("Hòa Tân", "Phong Phú", "Thông Hòa", "Ninh Thới")),
        K("tv_wax_coconut_flesh", "Trà Vinh", 7, 4, "Dừa sáp sợi {brand} {spec}",
          "{brand} shredded wax coconut, {spec}",
          "dừa sáp sợi",
          (S("đóng lon", "canned"), S("nước đường", "in syrup"), S("sấy dẻo", "dried", 1.1)),
          (P("hũ 200g", 120000), P("lon 400g", 180000)),
          "Cơm dừa sáp nạo sợi, thanh trùng và đóng hộp; ăn liền, dùng làm kem, chè.",
          845, ("Hòa Tân", "Phong Phú"), sector="Dừa",
          fixed=(FixedProducer("VICOSAP", "Công ty TNHH Dừa sáp VICOSAP", "enterprise", 5, 4),)),
        K("tv_coconut_nectar", "Trà Vinh", 4, 4, "Mật hoa dừa Trà Vinh {brand} {spec}",
          "{brand} Tra Vinh coconut nectar, {spec}",
          "mật hoa dừa",
          (S("nguyên chất", "pure"), S("hữu cơ", "organic", 1.2)),
          (P("chai 250ml", 120000), P("chai 500ml", 220000)),
          "Nhựa hoa dừa hứng mỗi ngày, cô đặc ở nhiệt độ thấp; chỉ số đường huyết thấp.",
          846, ("Hùng Hòa", "Tân Hòa", "Long Thới"), sector="Dừa", top_stars=True),
        K("tv_cocoa", "Trà Vinh", 13, 3, "Bột ca cao Càng Long {brand} {spec}",
          "{brand} Cang Long cocoa powder, {spec}",
          "bột ca cao",
          (S("nguyên chất", "pure"), S("sữa", "with milk", 0.8), S("hòa tan", "instant", 0.9)),
          (P("hộp 250g", 150000), P("túi 500g", 270000)),
          "Hạt ca cao trồng dưới tán dừa, lên men và rang xay tại chỗ.",
          844, ("An Trường", "Tân An", "Đức Mỹ")),
        K("tv_banh_tet", "Trà Vinh", 6, 4, "Bánh tét Trà Cuôn {brand} {spec}", "{brand} Tra Cuon banh tet, {spec}",
          "bánh tét",
          (S("nhân đậu mỡ", "mung bean and pork"), S("lá cẩm", "purple-leaf", 1.1),
           S("nhân trứng muối", "salted egg", 1.3), S("chay", "vegetarian", 0.9)),
          (P("đòn 1kg", 120000), P("đòn 500g", 65000)),
          "Nếp dẻo gói lá chuối, nhân đậu xanh, thịt mỡ và trứng muối, luộc tám tiếng trên bếp củi.",
          848, ("Kim Hòa", "Hiệp Hòa"), village="Làng nghề bánh tét"),
        K("tv_tourism", "Trà Vinh", 26, 2, "Du lịch cộng đồng Cồn Chim {brand} – {spec}",
          "{brand} Con Chim community tourism – {spec}", "du lịch cộng đồng",
          _TOUR_SPECS, _TOUR_PACKS,
          "Cồn nhỏ giữa sông Cổ Chiên: đi xuồng, bắt cá, làm bánh dân gian và ngủ nhà dân.",
          847, ("Hòa Minh",), sector="Du lịch", coop="Du lịch cộng đồng",
          fixed=(FixedProducer("Cồn Chim", "HTX Du lịch cộng đồng Cồn Chim", "cooperative", 4, 3),),
          variants=TOUR_VARIANTS),
        K("tv_rice_spirit", "Trà Vinh", 14, 2, "Rượu Xuân Thạnh {brand} {spec}",
          "{brand} Xuan Thanh rice spirit, {spec}",
          "rượu Xuân Thạnh",
          (S("40 độ", "40% ABV"), S("45 độ", "45% ABV", 1.1)),
          _SPIRIT_PACKS,
          "Rượu gạo chưng cất theo công thức gia truyền, ủ trong khạp sành.",
          842, ("Long Đức", "Phường 1"), sector="Rượu", noted=False),
        # ---- Cần Thơ (92) ----------------------------------------------------------------------------
        K("ct_custard_apple_tea", "Cần Thơ", 12, 6, "Trà mãng cầu {brand} {spec}", "{brand} soursop tea, {spec}",
          "trà mãng cầu",
          (S("túi lọc", "tea bags"), S("sấy lát", "dried slices", 1.2), S("hòa tan", "instant", 0.9)),
          (P("hộp 200g", 95000), P("hộp 20 túi lọc", 60000)),
          "Mãng cầu xiêm Cần Thơ thái lát, sấy lạnh giữ vị chua ngọt và mùi thơm.",
          926, ("Mỹ Khánh", "Nhơn Ái", "Giai Xuân"),
          fixed=(FixedProducer("Kim Nhiên", "Công ty TNHH Kim Nhiên", "enterprise", None, 3),)),
        K("ct_custard_apple_wine", "Cần Thơ", 15, 4, "Rượu mãng cầu Phong Điền {brand} {spec}",
          "{brand} Phong Dien soursop wine, {spec}", "rượu mãng cầu",
          (S("16 độ", "16% ABV"), S("25 độ", "25% ABV", 1.1)),
          (P("chai 500ml", 150000), P("chai 750ml", 210000)),
          "Lên men từ mãng cầu xiêm chín trong vườn Phong Điền; vị chua ngọt, thơm trái cây.",
          926, ("Nhơn Ái", "Nhơn Nghĩa", "Tân Thới"), sector="Rượu"),
        K("ct_cordyceps", "Cần Thơ", 18, 5, "Đông trùng hạ thảo Cần Thơ {brand} {spec}",
          "{brand} Can Tho cordyceps, {spec}",
          "đông trùng hạ thảo",
          (S("sấy thăng hoa", "freeze-dried"), S("trà túi lọc", "tea bags", 0.3), S("ngâm mật ong", "in honey", 0.6)),
          (P("hộp 10g", 1200000), P("hũ 5g", 650000)),
          "Nuôi cấy trong phòng sạch trên giá thể gạo lứt và nhộng tằm; kiểm nghiệm hàm lượng cordycepin.",
          919, ("Hưng Phú", "Thường Thạnh", "Tân Phú"), sector="Dược liệu", coop="Dược liệu"),
        K("ct_fishcake", "Cần Thơ", 8, 5, "Chả cá thát lát Thới Lai {brand} {spec}",
          "{brand} Thoi Lai featherback fishcake, {spec}",
          "chả cá",
          (S("tươi", "fresh"), S("tẩm gia vị", "seasoned", 1.1), S("chiên sẵn", "fried", 1.15)),
          (P("khay 500g", 120000), P("kg", 230000)),
          "Thịt cá thát lát nuôi ao quết dẻo, nêm vừa ăn; cấp đông ngay sau khi làm.",
          927, ("Thới Thạnh", "Trường Xuân", "Định Môn"), sector="Thủy sản", coop="Thủy sản"),
        K("ct_water_hyacinth", "Cần Thơ", 21, 3, "{spec} lục bình Cần Thơ {brand}",
          "{brand} Can Tho water-hyacinth {spec}",
          "hàng đan lục bình",
          (S("Giỏ", "basket"), S("Túi xách", "handbag", 1.5), S("Thảm", "mat", 2.0),
           S("Hộp đựng đồ", "storage box", 1.2)),
          (P("cái", 120000),),
          "Lục bình vớt trên sông, phơi khô và đan tay; nhẹ, bền, không hóa chất.",
          925, ("Thới Hưng", "Đông Thắng", "Trung An"), sector="Mỹ nghệ", coop="Tiểu thủ công nghiệp",
          village="Làng nghề đan lục bình", variants=CRAFT_VARIANTS),
        K("ct_tourism", "Cần Thơ", 26, 2, "Du lịch cộng đồng Cồn Sơn {brand} – {spec}",
          "{brand} Con Son community tourism – {spec}", "du lịch cộng đồng",
          _TOUR_SPECS, _TOUR_PACKS,
          "Xem cá lóc bay, làm bánh dân gian và ăn trái cây trên cồn giữa sông Hậu.",
          918, ("Cồn Sơn", "Bùi Hữu Nghĩa"), sector="Du lịch", coop="Du lịch cộng đồng", noted=False,
          variants=TOUR_VARIANTS),
        K("ct_ha_chau_berry", "Cần Thơ", 1, 3, "Dâu Hạ Châu Phong Điền {brand} {spec}",
          "{brand} Phong Dien Ha Chau berry, {spec}",
          "dâu Hạ Châu",
          (S("loại 1", "grade 1"), S("VietGAP", "VietGAP", 1.15)),
          (P("kg", 45000),),
          "Trái chín vàng, vỏ mỏng, cơm ngọt chua; trồng ở vườn xã Nhơn Nghĩa.",
          926, ("Nhơn Nghĩa", "Mỹ Khánh"), noted=False),
        # ---- Hậu Giang (93) --------------------------------------------------------------------------
        K("hg_featherback", "Hậu Giang", 8, 6, "Cá thát lát rút xương Hậu Giang {brand} {spec}",
          "{brand} Hau Giang deboned featherback fish, {spec}", "cá thát lát rút xương",
          (S("tẩm gia vị", "seasoned"), S("nguyên con", "whole", 1.1), S("chả viên", "fish balls", 0.9)),
          (P("khay 500g", 110000), P("kg", 210000)),
          "Cá thát lát nuôi trong mương vườn, rút xương bằng tay, đóng khay cấp đông.",
          934, ("Tân Long", "Hòa An", "Phương Bình"), sector="Thủy sản", coop="Thủy sản",
          fixed=(FixedProducer("Kỳ Như", "Công ty TNHH Thủy sản Kỳ Như", "enterprise", 5, 4),)),
        K("hg_gac_wine", "Hậu Giang", 15, 3, "Rượu gấc Hậu Giang {brand} {spec}",
          "{brand} Hau Giang gac fruit wine, {spec}",
          "rượu gấc",
          (S("20 độ", "20% ABV"), S("29 độ", "29% ABV", 1.1)),
          (P("chai 500ml", 180000), P("chai 300ml", 120000)),
          "Ngâm và lên men từ màng đỏ trái gấc chín với rượu nếp; màu đỏ cam, vị ngọt nhẹ.",
          935, ("Vị Thủy", "Vĩnh Thuận Tây"), sector="Rượu"),
        K("hg_pineapple", "Hậu Giang", 1, 5, "Khóm Cầu Đúc {brand} {spec}", "{brand} Cau Duc pineapple, {spec}",
          "khóm Cầu Đúc",
          (S("trái tươi", "fresh"), S("loại 1", "grade 1", 1.2)),
          (P("trái", 20000), P("chục 10 trái", 180000)),
          "Khóm trồng trên đất phèn Hỏa Tiến; trái nhỏ, mắt lồi, ngọt đậm.",
          930, ("Hỏa Tiến", "Tân Tiến", "Hỏa Lựu")),
        K("hg_dried_pineapple", "Hậu Giang", 7, 3, "Khóm sấy Cầu Đúc {brand} {spec}",
          "{brand} Cau Duc dried pineapple, {spec}",
          "khóm sấy",
          (S("sấy dẻo", "chewy"), S("sấy giòn", "crispy", 1.05)),
          (P("hộp 250g", 75000), P("túi 100g", 35000)),
          "Khóm Cầu Đúc chín cây thái lát, sấy ít đường.",
          930, ("Hỏa Tiến", "Tân Tiến"), noted=False),
        K("hg_pomelo", "Hậu Giang", 1, 3, "Bưởi Năm Roi Phú Hữu {brand} {spec}",
          "{brand} Phu Huu Nam Roi pomelo, {spec}",
          "bưởi Năm Roi",
          (S("loại 1", "grade 1"), S("VietGAP", "VietGAP", 1.1)),
          (P("kg", 32000), P("thùng 10kg", 300000)),
          "Bưởi trồng trên đất phù sa ven sông Hậu; ít hạt, ngọt thanh.",
          933, ("Phú Hữu", "Đông Phước"), noted=False),
        # ---- Sóc Trăng (94) --------------------------------------------------------------------------
        K("st_rice", "Sóc Trăng", 3, 7, "Gạo ST25 Sóc Trăng {brand} {spec}", "{brand} Soc Trang ST25 rice, {spec}",
          "gạo ST25",
          (S("thơm dẻo", "fragrant"), S("hữu cơ", "organic", 1.3), S("gạo lứt", "brown", 1.15)),
          _RICE_PACKS,
          "Giống lúa ST25 lai tạo tại Sóc Trăng; hạt dài, cơm dẻo, thơm mùi lá dứa.",
          947, ("Tham Đôn", "Đại Tâm", "Thạnh Phú", "Gia Hòa 1")),
        K("st_banh_pia", "Sóc Trăng", 6, 8, "Bánh pía Sóc Trăng {brand} {spec}", "{brand} Soc Trang banh pia, {spec}",
          "bánh pía",
          (S("sầu riêng trứng muối", "durian and salted egg"), S("đậu xanh", "mung bean", 0.85),
           S("khoai môn", "taro", 0.9), S("kim sa", "custard lava", 1.2), S("chay", "vegetarian", 0.85)),
          (P("hộp 4 cái", 80000), P("hộp 500g", 75000)),
          "Vỏ bánh nhiều lớp cán bằng tay, nhân sầu riêng, đậu xanh và trứng muối; nướng lò than.",
          942, ("Phú Tâm", "An Hiệp", "Thuận Hòa"), village="Làng nghề bánh pía"),
        K("st_sausage", "Sóc Trăng", 8, 5, "Lạp xưởng Vũng Thơm {brand} {spec}",
          "{brand} Vung Thom Chinese sausage, {spec}",
          "lạp xưởng",
          (S("tươi", "fresh"), S("tôm", "with shrimp", 1.25), S("loại đặc biệt", "special grade", 1.35)),
          (P("kg", 240000), P("hộp 500g", 125000)),
          "Lạp xưởng của người Hoa ở Vũng Thơm, thịt nạc nhiều, phơi nắng; ngọt, thơm rượu.",
          942, ("Phú Tâm", "Phú Tân")),
        K("st_shallot", "Sóc Trăng", 10, 5, "Hành tím Vĩnh Châu {brand} {spec}", "{brand} Vinh Chau shallots, {spec}",
          "hành tím",
          (S("củ tươi", "fresh bulbs", 1.0, (P("kg", 45000), P("túi 3kg", 125000))),
           S("phi giòn", "fried, crispy", 1.0, (P("hũ 200g", 55000), P("hũ 500g", 120000))),
           S("sấy lát", "dried slices", 1.0, (P("hũ 100g", 40000),))),
          (P("kg", 45000),),
          "Trồng trên đất giồng cát ven biển Vĩnh Châu; củ chắc, vỏ tím đỏ, thơm nồng.",
          950, ("Lạc Hòa", "Vĩnh Hải", "Vĩnh Hiệp", "Lai Hòa")),
        K("st_lotus_root_powder", "Sóc Trăng", 7, 3, "Bột củ sen Sóc Trăng {brand} {spec}",
          "{brand} Soc Trang lotus-root powder, {spec}",
          "bột củ sen",
          (S("nguyên chất", "pure"), S("hạt sen", "with lotus seeds", 1.15)),
          (P("hộp 300g", 140000), P("túi 500g", 220000)),
          "Củ sen ngâm, xay và lắng tinh bột nhiều lần rồi phơi khô; pha nước sôi thành chè sánh.",
          944, ("Mỹ Hương", "Long Hưng", "Mỹ Phước")),
        # ---- Bạc Liêu (95) ---------------------------------------------------------------------------
        K("bl_salt", "Bạc Liêu", 10, 7, "Muối Bạc Liêu {brand} {spec}", "{brand} Bac Lieu salt, {spec}", "muối",
          (S("hạt sạch", "clean sea salt"), S("muối ớt", "chilli salt", 1.6), S("muối tôm", "shrimp salt", 2.0),
           S("muối hầm", "roasted salt", 1.5)),
          (P("hũ 500g", 30000), P("túi 1kg", 45000)),
          "Muối phơi trên ruộng trải bạt ven biển Đông Hải; hạt to, trắng, vị mặn dịu.",
          960, ("Long Điền Tây", "Long Điền Đông", "Điền Hải"), coop="Diêm nghiệp", top_stars=True),
        K("bl_dried_shrimp", "Bạc Liêu", 8, 5, "Tôm khô Gành Hào {brand} {spec}",
          "{brand} Ganh Hao dried shrimp, {spec}",
          "tôm khô",
          (S("loại 1", "grade 1"), S("loại đặc biệt", "special grade", 1.3), S("tôm đất", "mud shrimp", 0.9)),
          (P("hộp 500g", 550000), P("túi 250g", 290000)),
          "Tôm biển luộc nước muối, phơi nắng và chà vỏ; thịt đỏ, ngọt.",
          960, ("Gành Hào", "Long Điền Tây"), sector="Thủy sản", coop="Thủy sản"),
        # ---- Cà Mau (96) -----------------------------------------------------------------------------
        K("cm_honey", "Cà Mau", 4, 5, "Mật ong U Minh Hạ {brand} {spec}", "{brand} U Minh Ha honey, {spec}", "mật ong",
          (S("ong rừng tràm", "melaleuca forest"), S("ong nuôi", "farmed", 0.7)),
          (P("chai 500ml", 260000), P("chai 1 lít", 480000)),
          "Mật ong gác kèo trong rừng tràm U Minh Hạ, lấy theo mùa hoa tràm.",
          966, ("Khánh An", "Khánh Hòa", "Khánh Thuận"), coop="Nuôi ong"),
        K("cm_dried_shrimp", "Cà Mau", 8, 5, "Tôm khô Rạch Gốc {brand} {spec}", "{brand} Rach Goc dried shrimp, {spec}",
          "tôm khô",
          (S("loại 1", "grade 1"), S("loại đặc biệt", "special grade", 1.3), S("tôm đất", "mud shrimp", 0.9)),
          (P("hộp 500g", 600000), P("túi 250g", 310000)),
          "Tôm nuôi quảng canh rừng ngập mặn, luộc, phơi và đập vỏ theo cách làm của Rạch Gốc.",
          973, ("Rạch Gốc", "Tân Ân", "Viên An"), sector="Thủy sản", coop="Thủy sản"),
        K("cm_crab_paste", "Cà Mau", 8, 3, "Mắm ba khía Rạch Gốc {brand} {spec}",
          "{brand} Rach Goc pickled crab, {spec}",
          "mắm ba khía",
          (S("trộn sẵn", "mixed and seasoned"), S("nguyên con", "whole", 0.9)),
          (P("hũ 500g", 90000), P("hũ 1kg", 170000)),
          "Ba khía bắt trong rừng đước, muối chượp rồi trộn tỏi, ớt, đường, chanh.",
          973, ("Rạch Gốc", "Tam Giang Tây"), sector="Thủy sản", coop="Thủy sản"),
        K("cm_crab", "Cà Mau", 2, 3, "Cua Năm Căn {brand} {spec}", "{brand} Nam Can mud crab, {spec}", "cua",
          (S("cua thịt", "meat crab"), S("cua gạch", "roe crab", 1.3)),
          (P("kg", 450000),),
          "Cua biển nuôi trong rừng đước, chắc thịt, buộc dây lác và giao trong ngày.",
          971, ("Hàm Rồng", "Hàng Vịnh", "Tam Giang"), sector="Thủy sản", coop="Thủy sản"),
        K("cm_dried_fish", "Cà Mau", 8, 3, "Khô cá bổi Cà Mau {brand} {spec}", "{brand} Ca Mau dried fish, {spec}",
          "khô cá bổi",
          (S("một nắng", "sun-dried once"), S("loại đặc biệt", "special grade", 1.25)),
          _DRIED_FISH_PACKS,
          "Cá biển nhỏ làm sạch, ướp muối nhạt, phơi trên giàn tre ven biển.",
          970, ("Tân Thuận", "Nguyễn Huân", "Tân Tiến"), sector="Thủy sản", coop="Thủy sản"),
        K("cm_cattail", "Cà Mau", 7, 2, "Dưa bồn bồn Thới Bình {brand} {spec}",
          "{brand} Thoi Binh pickled cattail, {spec}",
          "dưa bồn bồn",
          (S("chua ngọt", "sweet and sour"), S("ngâm giấm", "in vinegar")),
          (P("hũ 500g", 55000), P("hũ 300g", 35000)),
          "Thân non cây bồn bồn mọc ở vùng ngập ngọt, muối chua giòn.",
          967, ("Tân Lộc", "Biển Bạch", "Trí Phải")),
        K("cm_cajeput_oil", "Cà Mau", 20, 3, "Tinh dầu tràm U Minh Hạ {brand} {spec}",
          "{brand} U Minh Ha cajeput oil, {spec}",
          "tinh dầu tràm",
          (S("nguyên chất", "pure"), S("dầu xoa bóp", "massage oil", 0.9)),
          (P("chai 50ml", 70000), P("chai 100ml", 120000)),
          "Chưng cất từ lá tràm gió U Minh Hạ; thơm, ấm, dùng cho trẻ nhỏ và người già.",
          966, ("Khánh Thuận", "Khánh Lâm"), sector="Dược liệu", coop="Dược liệu", noted=False),
        K("cm_tourism", "Cà Mau", 26, 1, "Du lịch cộng đồng Đất Mũi {brand} – {spec}",
          "{brand} Dat Mui community tourism – {spec}", "du lịch cộng đồng",
          _TOUR_SPECS, _TOUR_PACKS,
          "Đến mũi Cà Mau, đi rừng đước, câu cá thòi lòi và ăn hải sản ở nhà dân.",
          973, ("Đất Mũi",), sector="Du lịch", coop="Du lịch cộng đồng", noted=False, variants=TOUR_VARIANTS),
    ]
    # fmt: on
    return [_normalised(item) for item in items]


def _normalised(item: Speciality) -> Speciality:
    from dataclasses import replace

    return replace(
        item,
        name=_nfc(item.name),
        short=_nfc(item.short),
        description=_nfc(item.description),
        places=tuple(_nfc(p) for p in item.places),
        sector=_nfc(item.sector),
        coop=_nfc(item.coop),
        village=_nfc(item.village),
        variants=tuple((_nfc(vi), en) for vi, en in item.variants),
        fixed=tuple(replace(f, brand=_nfc(f.brand), producer=_nfc(f.producer)) for f in item.fixed),
    )


SPECIALITIES: tuple[Speciality, ...] = tuple(_specialities())


@dataclass(frozen=True, slots=True)
class ProvinceGeo:
    """GSO district codes and the province's span of commune codes, for product codes."""

    districts: tuple[int, ...]
    communes: tuple[int, int]
    places: tuple[str, ...]  # communes and wards, for cooperative and craft village names


GEO: dict[str, ProvinceGeo] = {
    name: ProvinceGeo(districts, communes, tuple(_nfc(p) for p in places))
    for name, districts, communes, places in (
        ("Long An", tuple(range(794, 809)), (27460, 28050),
         ("Mỹ Lệ", "Tân Lân", "Phước Lợi", "Thạnh Lợi", "Tân Lập", "Dương Xuân Hội", "An Lục Long", "Long Trì",
          "Bình Hòa Tây", "Nhựt Ninh", "Long Hựu Đông", "Mỹ Quý Tây")),
        ("Tiền Giang", tuple(range(815, 826)), (28200, 28660),
         ("Hòa Hưng", "Vĩnh Kim", "Bình Đông", "Tân Trung", "Bình Phan", "Long Bình Điền", "Thới Sơn", "Phú An",
          "Tam Bình", "Hậu Mỹ Bắc", "Tân Thới", "Long Hưng")),
        ("Bến Tre", (829,) + tuple(range(831, 839)), (28756, 29230),
         ("Đa Phước Hội", "Thành Thới A", "Mỹ Thạnh", "Hưng Nhượng", "Vĩnh Thành", "Phú Lễ", "Tân Thành Bình",
          "An Thạnh", "Sơn Định", "Phú Phụng", "Tân Thạch", "Hòa Nghĩa")),
        ("Trà Vinh", (842,) + tuple(range(844, 852)), (29242, 29530),
         ("Thông Hòa", "Hòa Tân", "Phong Phú", "Kim Hòa", "Hòa Minh", "Long Hòa", "Tân Hòa", "Huyền Hội",
          "Tập Sơn", "Ngũ Lạc", "Đôn Xuân", "An Phú Tân")),
        ("Vĩnh Long", (855,) + tuple(range(857, 864)), (29551, 29840),
         ("Mỹ Hòa", "Đông Thành", "An Phước", "Ngãi Tứ", "Thanh Đức", "An Bình", "Hòa Ninh", "Tân Quới",
          "Thành Trung", "Trung Thành", "Hựu Thành", "Tân Lược")),
        ("Đồng Tháp", tuple(range(866, 878)), (29869, 30310),
         ("Tân Quy Đông", "Tân Khánh Đông", "Mỹ An", "Mỹ Hòa", "Trường Xuân", "Mỹ Xương", "Tịnh Thới", "Tân Thành",
          "Long Hậu", "Định Yên", "Phong Hòa", "Tân Dương")),
        ("An Giang", (883, 884) + tuple(range(886, 895)), (30316, 30730),
         ("Châu Phong", "Núi Sam", "Tri Tôn", "Văn Giáo", "An Cư", "Ô Lâm", "Lương Phi", "Cô Tô", "Mỹ Hòa Hưng",
          "Kiến An", "Phú Lâm", "Đa Phước")),
        ("Kiên Giang", (899, 900) + tuple(range(902, 915)), (30733, 31110),
         ("Dương Đông", "An Thới", "Hàm Ninh", "Cửa Dương", "Gành Dầu", "Phú Mỹ", "Minh Lương", "Vĩnh Hòa Hiệp",
          "Thạnh Yên", "An Minh Bắc", "Sóc Sơn", "Mỹ Lâm", "Thạnh Đông", "Bình An")),
        ("Cần Thơ", (916, 917, 918, 919) + tuple(range(923, 928)), (31117, 31300),
         ("Mỹ Khánh", "Nhơn Ái", "Tân Lộc", "Thới Lai", "Trường Xuân", "Thạnh Phú", "Giai Xuân", "Trung An",
          "Thới Long", "Nhơn Nghĩa", "Định Môn", "Thạnh Quới")),
        ("Hậu Giang", tuple(range(930, 938)), (31315, 31480),
         ("Hỏa Tiến", "Tân Long", "Phú Hữu", "Long Trị", "Vị Thủy", "Hiệp Hưng", "Phương Bình", "Tân Phú Thạnh",
          "Vĩnh Viễn", "Thạnh Xuân", "Vị Thanh", "Tân Bình")),
        ("Sóc Trăng", (941,) + tuple(range(942, 952)), (31490, 31810),
         ("Lạc Hòa", "Vĩnh Hải", "Phú Tâm", "Kế An", "An Thạnh Nam", "Đại Ân 1", "Tham Đôn", "Long Phú",
          "Mỹ Phước", "Tài Văn", "Thạnh Tân", "Gia Hòa 1")),
        ("Bạc Liêu", (954,) + tuple(range(956, 962)), (31825, 31990),
         ("Long Điền Tây", "Gành Hào", "Phong Thạnh", "Vĩnh Hậu", "Châu Hưng", "Ninh Quới", "Hưng Thành",
          "Điền Hải", "Vĩnh Trạch", "Long Điền", "Vĩnh Hưng", "Phước Long")),
        ("Cà Mau", (964,) + tuple(range(966, 974)), (32002, 32250),
         ("Rạch Gốc", "Đất Mũi", "Khánh An", "Khánh Hòa", "Tân Ân", "Lâm Hải", "Tân Hưng Đông", "Tạ An Khương",
          "Trí Phải", "Khánh Bình", "Nguyễn Huân", "Tân Thành")),
    )
}

# People's names in the Mekong Delta: family names by rough frequency, and southern birth-order nicknames
# ("Tư Hương", "Út Lan") that small producers use as brands.
FAMILY_NAMES: tuple[tuple[str, int], ...] = tuple(
    (_nfc(name), weight)
    for name, weight in (
        ("Nguyễn", 30), ("Trần", 11), ("Lê", 9), ("Phạm", 6), ("Huỳnh", 6), ("Võ", 6), ("Phan", 4), ("Trương", 3),
        ("Đặng", 3), ("Bùi", 2), ("Đỗ", 2), ("Hồ", 3), ("Ngô", 2), ("Dương", 2), ("Lý", 2), ("Lâm", 2),
        ("Thạch", 2), ("Danh", 1), ("Châu", 1), ("Tô", 1), ("Mai", 1), ("Đinh", 1), ("Kim", 1), ("Sơn", 1),
        ("Lưu", 1), ("Quách", 1),
    )
)
MIDDLE_FEMALE = tuple(_nfc(n) for n in ("Thị", "Thị", "Thị", "Ngọc", "Kim", "Thanh", "Mỹ", "Bích", "Hồng"))
MIDDLE_MALE = tuple(_nfc(n) for n in ("Văn", "Văn", "Văn", "Minh", "Hữu", "Thanh", "Quốc", "Hoàng", "Công"))
GIVEN_FEMALE = tuple(
    _nfc(n)
    for n in (
        "Lan", "Hoa", "Hương", "Mai", "Hạnh", "Dung", "Thủy", "Nga", "Loan", "Phượng", "Tuyết", "Nhung", "Hằng",
        "Trinh", "Diễm", "Yến", "Thảo", "Ngân", "Bích", "Cúc", "Đào", "Huệ", "Lệ", "Hiền", "Liên", "Xuân", "Vân",
        "Thu", "Nguyệt", "Hồng", "Thơ", "Kiều", "Oanh", "Trang", "Phương", "Quyên", "Tươi", "Ngọc", "Nhi", "Sương",
    )
)
GIVEN_MALE = tuple(
    _nfc(n)
    for n in (
        "Hùng", "Dũng", "Tuấn", "Thành", "Phúc", "Lộc", "Tài", "Hải", "Sơn", "Bình", "Trung", "Nghĩa", "Hiếu",
        "Tâm", "Quang", "Vinh", "Khải", "Hoàng", "Tùng", "Sang", "Lợi", "Tín", "Nhân", "Phong", "Thắng", "Toàn",
        "Đức", "Hậu", "Khang", "Long", "Minh", "Nam", "Phát", "Quý", "Thiện", "Trí", "Việt", "Hòa", "Thuận", "Tấn",
    )
)
BIRTH_ORDER = tuple(_nfc(n) for n in ("Ba", "Tư", "Năm", "Sáu", "Bảy", "Tám", "Chín", "Mười", "Út"))
HOUSEHOLD_TITLES = tuple(_nfc(n) for n in ("Cô", "Bà", "Chú", "Dì", "Ông"))

# Two syllables that sound like a Vietnamese trade name ("Hưng Thịnh", "Phú Thành").
BRAND_FIRST = tuple(
    _nfc(n)
    for n in (
        "An", "Bảo", "Bình", "Đại", "Đức", "Gia", "Hải", "Hạnh", "Hồng", "Hưng", "Hữu", "Khánh", "Kim", "Lộc",
        "Long", "Minh", "Mỹ", "Ngọc", "Nhật", "Phú", "Phúc", "Quang", "Tâm", "Tân", "Thành", "Thanh", "Thiên",
        "Thịnh", "Thuận", "Trung", "Trường", "Tường", "Vạn", "Việt", "Xuân", "Hoàng", "Song", "Sao", "Cửu",
    )
)
BRAND_SECOND = tuple(
    _nfc(n)
    for n in (
        "Phát", "Lợi", "Thịnh", "Hưng", "Thành", "Phú", "Tín", "Nguyên", "Khang", "Long", "Hòa", "An", "Việt",
        "Mai", "Lộc", "Quý", "Sơn", "Hà", "Tiến", "Vượng", "Phong", "Đạt", "Hải", "Ngân", "Giang", "Nghĩa",
    )
)
