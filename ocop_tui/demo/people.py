"""Invented people and producers for the demo fair: Vietnamese names, phone numbers, where a producer is,
and producer names in the forms the OCOP lists use ("HTX Nông nghiệp Mỹ An", "Hộ SXKD Nguyễn Thị ...").

Every choice comes from the generator's one random.Random, in a fixed order, so the same seed always gives
the same people.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass
from itertools import accumulate

from ocop_tui.demo.specialities import (
    BIRTH_ORDER,
    BRAND_FIRST,
    BRAND_SECOND,
    FAMILY_NAMES,
    GEO,
    GIVEN_FEMALE,
    GIVEN_MALE,
    MIDDLE_FEMALE,
    MIDDLE_MALE,
    FixedProducer,
    Speciality,
)

_FAMILIES = [name for name, _ in FAMILY_NAMES]
_FAMILY_WEIGHTS = list(accumulate(weight for _, weight in FAMILY_NAMES))
_COOP_WORDS = ("Dịch vụ Nông nghiệp", "Sản xuất Thương mại Dịch vụ", "Nông nghiệp Thương mại", "Nông nghiệp Sạch")


def ascii_name(text: str) -> str:
    """Vietnamese without diacritics, case kept ("Khải Hoàn" -> "Khai Hoan"), for English names."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@dataclass(eq=False, slots=True)
class Producer:
    name: str
    brand: str
    kind: str  # exhibitor type
    owner: str
    district: int
    commune: int
    fixed_stars: int | None = None


class People:
    """The producers and contact people of one demo fair; producer names are never used twice."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.producer_names: dict[str, None] = {}

    def person(self) -> tuple[str, str, bool]:
        """(full name, given name, female)."""
        rng = self.rng
        family = rng.choices(_FAMILIES, cum_weights=_FAMILY_WEIGHTS)[0]
        female = rng.random() < 0.55
        middle = rng.choice(MIDDLE_FEMALE if female else MIDDLE_MALE)
        given = rng.choice(GIVEN_FEMALE if female else GIVEN_MALE)
        while given == middle:  # no "Huỳnh Minh Minh"
            given = rng.choice(GIVEN_FEMALE if female else GIVEN_MALE)
        return f"{family} {middle} {given}", given, female

    def phone(self) -> str:
        digits = f"{self.rng.randrange(10**8):08d}"
        return f"09{digits[:2]} {digits[2:5]} {digits[5:]}"

    def location(self, kind: Speciality, province: str) -> tuple[int, int]:
        geo = GEO[province]
        rng = self.rng
        district = kind.district if rng.random() < 0.75 else rng.choice(geo.districts)
        index = geo.districts.index(district) if district in geo.districts else 0
        low, high = geo.communes
        step = max(1, (high - low) // len(geo.districts))
        start = low + index * step
        return district, rng.randrange(start, start + step)

    def new_producer(self, kind_of: str, speciality: Speciality, province: str) -> Producer:
        rng = self.rng
        places = speciality.places or GEO[province].places
        owner, given, female = self.person()
        name = brand = ""
        for attempt in range(12):
            place = rng.choice(places if attempt < 6 else GEO[province].places)
            if kind_of == "enterprise":
                first, second = rng.choice(BRAND_FIRST), rng.choice(BRAND_SECOND)
                if first == second:
                    continue
                brand = f"{first} {second}"
                form = rng.choices(
                    ("Công ty TNHH {s} {b}", "Công ty TNHH MTV {s} {b}", "Công ty Cổ phần {s} {b}",
                     "Doanh nghiệp tư nhân {b}", "Công ty TNHH {b}"),
                    (45, 15, 15, 15, 10),
                )[0]  # fmt: skip
                name = form.format(s=speciality.sector, b=brand)
            elif kind_of == "cooperative":
                brand = place
                coop = speciality.coop if attempt < 2 else rng.choice(_COOP_WORDS + (speciality.coop,))
                name = f"HTX {coop} {place}"
            elif kind_of == "cooperative_group":
                brand = place
                name = f"Tổ hợp tác {speciality.short} {place}"
            elif kind_of == "craft_village":
                brand = place
                name = f"{speciality.village or 'Làng nghề ' + speciality.short} {place}"
            else:
                order = rng.choice(BIRTH_ORDER)
                title = rng.choice(("Cô", "Bà", "Dì") if female else ("Chú", "Ông", "Anh"))
                brand = rng.choices((f"{order} {given}", f"{title} {given}", f"{title} {order}"), (5, 3, 2))[0]
                form = rng.choices(
                    (f"Hộ kinh doanh {owner}", f"Cơ sở sản xuất {brand}", f"Cơ sở {speciality.short} {brand}",
                     f"Hộ SXKD {owner}"),
                    (45, 20, 20, 15),
                )[0]  # fmt: skip
                name = form
            if name not in self.producer_names:
                break
            if kind_of == "household":
                owner, given, female = self.person()
        else:
            number = 2
            while f"{name} {number}" in self.producer_names:
                number += 1
            name = f"{name} {number}"
        self.producer_names[name] = None
        district, commune = self.location(speciality, province)
        return Producer(name, brand, kind_of, owner, district, commune)

    def fixed_producer(self, fixed: FixedProducer, speciality: Speciality, province: str) -> Producer:
        owner, _, _ = self.person()
        self.producer_names[fixed.producer] = None
        district, commune = self.location(speciality, province)
        return Producer(fixed.producer, fixed.brand, fixed.exhibitor_type, owner, district, commune, fixed.stars)
