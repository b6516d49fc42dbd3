"""Strings of the browser screens (products, booths, help)."""

STRINGS: dict[str, tuple[str, str]] = {}
