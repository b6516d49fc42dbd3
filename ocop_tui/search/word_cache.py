"""The word indexes kept beside the catalogue cache, so that a start on an unchanged store reads its index (a
tenth of a second at 100,000 products) instead of building it (seconds of work, in the background, that the
first keystrokes would wait for).

An entry is one store version's index of one kind of record (products, booths), under the catalogue cache's
key (cache.py: this program, this very store file) and a digest of the code that builds an index (the search
package, text.py and model.py: a changed tokenizer or field list never reads an old index). Sets of records
are written as their bytes (bits or 4-byte positions), phrases once per distinct value. Like the catalogue
cache, it is never needed: any failure to read or write is silent, and a miss means the index is built.
"""

from __future__ import annotations

import hashlib
import os
import threading
import zlib
from array import array
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import msgspec

import ocop_tui
from ocop_tui.files import open_limited
from ocop_tui.search.bitset import Postings
from ocop_tui.search.cache import MAX_ENTRY_BYTES, Key, entry_path, private, read_part, write_parts
from ocop_tui.search.word_index import RANKS, FieldValues, Rank, WordIndex

FORMAT = 1
_BITS, _POSITIONS = 0, 1


class _Sets(msgspec.Struct, array_like=True, gc=False):
    """Sets of records, each as bits (`kinds[i]` 0) or sorted 4-byte positions (1)."""

    kinds: bytes
    data: list[bytes]


class _Phrases(msgspec.Struct, array_like=True, gc=False):
    """A field's " word word " texts, once per distinct text, and which one each record has (when they repeat)."""

    name: str
    rank: int
    texts: list[str]
    which: bytes | None  # array("i") of indices into texts, by position; None: texts are by position


class _Field(msgspec.Struct, array_like=True, gc=False):
    name: str
    stored: list[str]
    words: list[str]
    records: _Sets


class _Words(msgspec.Struct, array_like=True, gc=False):
    key: Key
    code: str
    size: int
    ranks: list[tuple[list[str], _Sets]]
    phrases: list[_Phrases]
    fields: list[_Field]


_DECODER = msgspec.msgpack.Decoder(_Words)


@cache
def code_digest() -> str:
    """A digest of the code an index depends on: the search package, text.py and model.py."""
    root = Path(ocop_tui.__file__).resolve().parent
    digest = hashlib.blake2b(digest_size=12)
    for source in sorted([*root.joinpath("search").glob("*.py"), root / "text.py", root / "model.py"]):
        digest.update(source.name.encode())
        digest.update(source.read_bytes())
    return digest.hexdigest()


def _pack_sets(sets: list[Postings]) -> _Sets:
    kinds = bytearray(len(sets))
    data: list[bytes] = []
    for i, postings in enumerate(sets):
        if isinstance(postings, int):
            data.append(postings.to_bytes((postings.bit_length() + 7) // 8, "little"))
        else:
            kinds[i] = _POSITIONS
            data.append(postings.tobytes())
    return _Sets(bytes(kinds), data)


def _unpack_sets(sets: _Sets) -> list[Postings]:
    result: list[Postings] = []
    for kind, data in zip(sets.kinds, sets.data, strict=True):
        if kind == _BITS:
            result.append(int.from_bytes(data, "little"))
        else:
            positions = array("i")
            positions.frombytes(data)
            result.append(positions)
    return result


def _pack_phrases(name: str, rank: Rank, texts: list[str]) -> _Phrases:
    distinct = list(dict.fromkeys(texts))
    if len(distinct) == len(texts):
        return _Phrases(name, rank, texts, None)
    number = {text: i for i, text in enumerate(distinct)}
    return _Phrases(name, rank, distinct, array("i", map(number.__getitem__, texts)).tobytes())


def _unpack_phrases(phrases: _Phrases) -> list[str]:
    if phrases.which is None:
        return phrases.texts
    which = array("i")
    which.frombytes(phrases.which)
    return list(map(phrases.texts.__getitem__, which))


def encode(key: Key, index: WordIndex) -> bytes:
    ranks = [(list(table), _pack_sets(list(table.values()))) for table in index.by_rank]
    phrases = [_pack_phrases(name, index.phrase_ranks[name], texts) for name, texts in index.phrases.items()]
    fields = [_Field(name, values.stored, values.words, _pack_sets(values.records))
              for name, values in index.fields.items()]  # fmt: skip
    return msgspec.msgpack.encode(_Words(key, code_digest(), index.size, ranks, phrases, fields))


def decode(key: Key, data: bytes) -> WordIndex | None:
    """The index in `data` if it is for this key and this code, else None."""
    words = _DECODER.decode(data)
    if words.key != key or words.code != code_digest() or len(words.ranks) != len(RANKS):
        return None
    by_rank = [dict(zip(names, _unpack_sets(sets), strict=True)) for names, sets in words.ranks]
    return WordIndex(
        size=words.size,
        by_rank=by_rank,
        vocabulary=sorted({word for table in by_rank for word in table}),
        phrases={p.name: _unpack_phrases(p) for p in words.phrases},
        phrase_ranks={p.name: Rank(p.rank) for p in words.phrases},
        fields={f.name: FieldValues(f.stored, f.words, _unpack_sets(f.records)) for f in words.fields},
    )


@dataclass(frozen=True)
class WordStore:
    """Where the word indexes of one store version go: the catalogue cache's folder, under its key."""

    folder: Path
    key: Key

    def path(self, kind: str) -> Path:
        return entry_path(self.folder, self.key).with_suffix(f".{kind}.words")

    def read(self, kind: str) -> WordIndex | None:
        """The index of `kind` for this store version and this code, or None."""
        try:
            with open_limited(self.path(kind), MAX_ENTRY_BYTES) as handle:  # never a FIFO (see cache.py)
                if not private(os.fstat(handle.fileno())):
                    return None
                version = read_part(handle)
                data = read_part(handle)
                if version != str(FORMAT).encode() or int.from_bytes(read_part(handle), "little") != zlib.crc32(data):
                    return None
            return decode(self.key, data)
        except (OSError, ValueError, msgspec.DecodeError):
            return None

    def write(self, kind: str, index: WordIndex) -> Path | None:
        """Write (atomically) the index of `kind`; None if it cannot be written."""
        try:
            data = encode(self.key, index)
        except msgspec.EncodeError:
            return None
        parts = [str(FORMAT).encode(), data, zlib.crc32(data).to_bytes(4, "little")]
        return write_parts(self.folder, self.path(kind), parts, temp_prefix=".words-")

    def write_later(self, kind: str, index: WordIndex) -> threading.Thread:
        """Write the index in a background thread that does not keep the program alive."""
        thread = threading.Thread(target=self.write, args=(kind, index), name=f"word-cache-{kind}", daemon=True)
        thread.start()
        return thread
