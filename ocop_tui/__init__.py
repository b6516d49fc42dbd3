"""ocop-tui: a terminal directory of the Mekong Delta OCOP Forum (Kiên Giang 2024)."""

__version__ = "0.1.0"
