"""Searches that found nothing, kept so organisers can see what visitors looked for and did not find.

One JSON object per line in <log folder>/missed-searches.jsonl: the search text and which list it was
typed in (products or booths), nothing else. `most_frequent` groups spellings that fold alike ("nuoc mam"
and "Nước Mắm") and names each group by its most common spelling.
"""

from __future__ import annotations

import json
import os
import stat
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ocop_tui.files import read_limited
from ocop_tui.text import clean, fold

MISSES_FILE = "missed-searches.jsonl"
MAX_QUERY_CHARS = 200
MAX_LOG_BYTES = 5_000_000  # then the file is rolled over once (.1), so a kiosk never fills its disk
MAX_READ_BYTES = 4 * MAX_LOG_BYTES  # a log is rolled over at MAX_LOG_BYTES: anything far larger is not one
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


def misses_path(log_dir: Path) -> Path:
    return Path(log_dir) / MISSES_FILE


def normalise_query(text: str) -> str:
    """One line, cleaned and capped: what is worth recording of a search."""
    return " ".join(clean(text).split())[:MAX_QUERY_CHARS]


class MissLog:
    """Appends missed searches; every failure to write is swallowed (a kiosk must not stop for a log)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def record(self, query: str, where: str) -> bool:
        text = normalise_query(query)
        if not text:
            return False
        line = json.dumps({"query": text, "in": where}, ensure_ascii=False) + "\n"
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if self.path.is_file() and self.path.stat().st_size > MAX_LOG_BYTES:
                self.path.replace(self.path.with_name(self.path.name + ".1"))
            # Opened without blocking, and only a regular file is written: a FIFO put in the log's place would
            # otherwise hold the kiosk's screen until someone read it.
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | _NONBLOCK, 0o644)
            try:
                if not stat.S_ISREG(os.fstat(fd).st_mode):
                    return False
                os.write(fd, line.encode("utf-8"))
            finally:
                os.close(fd)
        except OSError:
            return False
        return True


@dataclass(frozen=True)
class Miss:
    query: str  # the most common spelling of the group
    where: str  # products, booths, or both ("products, booths")
    count: int


def read_misses(path: Path) -> list[tuple[str, str]]:
    """(query, where) for every readable line of the log and its rolled-over copy; bad lines are skipped."""
    entries: list[tuple[str, str]] = []
    for file in (Path(str(path) + ".1"), Path(path)):
        try:
            lines = read_limited(file, MAX_READ_BYTES).decode("utf-8", errors="replace").splitlines()
        except OSError:  # missing, or refused (not a regular file, or far too large: not this log)
            continue
        for line in lines:
            try:
                item = json.loads(line)
            except ValueError:
                continue
            if isinstance(item, dict) and isinstance(item.get("query"), str):
                query = normalise_query(item["query"])
                where = item.get("in") if isinstance(item.get("in"), str) else ""
                if query:
                    entries.append((query, clean(where)))
    return entries


def most_frequent(entries: list[tuple[str, str]], top: int = 20) -> list[Miss]:
    counts: Counter[str] = Counter()
    spellings: dict[str, Counter[str]] = {}
    places: dict[str, set[str]] = {}
    for query, where in entries:
        key = " ".join(fold(query).split())
        counts[key] += 1
        spellings.setdefault(key, Counter())[query] += 1
        if where:
            places.setdefault(key, set()).add(where)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:top]
    return [
        Miss(spellings[key].most_common(1)[0][0], ", ".join(sorted(places.get(key, ()))), count)
        for key, count in ranked
    ]
