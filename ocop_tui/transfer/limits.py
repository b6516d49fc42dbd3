"""How much an import reads at most: the size of a file (for an .xlsx, also what its parts unpack to) and
the number of rows. Both can be raised on the command line (`import --max-size MB --max-rows N`)."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MAX_MEGABYTES = 512
DEFAULT_MAX_ROWS = 1_000_000


@dataclass(frozen=True, slots=True)
class ImportLimits:
    max_megabytes: int = DEFAULT_MAX_MEGABYTES
    max_rows: int = DEFAULT_MAX_ROWS

    @property
    def max_bytes(self) -> int:
        return self.max_megabytes * 1024 * 1024
