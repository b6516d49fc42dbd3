"""Kiosk mode: the browser locked down for the organisers' public laptop (see app.py)."""

from ocop_tui.ui.kiosk.app import KioskApp

__all__ = ["KioskApp"]
