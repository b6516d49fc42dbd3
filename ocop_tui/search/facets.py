"""Facets: the filters beside the results (province, group, stars, zone, exhibitor type) and which of them
each screen offers. Counting is done on sets of records by the search index (`(found & value).bit_count()`).
"""

from __future__ import annotations

PRODUCT_FACETS = ("province", "group", "stars", "zone", "exhibitor_type")


BOOTH_FACETS = ("province", "zone", "exhibitor_type")
