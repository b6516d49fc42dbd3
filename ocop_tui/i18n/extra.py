"""Strings added by later features (kiosk, import, map); each feature may move its own into a module."""

STRINGS: dict[str, tuple[str, str]] = {}
