"""Character-trigram store: which articles contain a Thai string, whatever the segmenter
made of it (names glued to words, words inside compounds).

Why not a Whoosh field: measured here on real articles, a Whoosh trigram field holds
~950 postings per article against ~270 for the words, and Whoosh spends ~10 µs per
posting, so the 63k-article corpus would take well over the 5-minute budget to index.
Here the 3- and 4-grams of a block of 16,384 articles are kept as one row per gram in
SQLite (a list of slots, or a packed bitmap for common grams): building costs one dict
update per gram and article (in the worker process), and a query ANDs a few Python ints
per block. Checking against the stored text (query.py) removes the rare candidate that
holds every gram but not the string.

Slots: each article gets a (block, slot) position; deleting or replacing an article only
marks its old slot dead. `rebuild` starts afresh.
"""

from __future__ import annotations

import sqlite3
import threading
import zlib
from array import array
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from reader.core.search import analyzer as ana

BLOCK = 16384  # articles per block: fewer, bigger rows (most grams are rare)
FILE_NAME = "grams.sqlite"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS slots (
    block INTEGER, slot INTEGER, article_id INTEGER, date INTEGER, alive INTEGER,
    PRIMARY KEY (block, slot)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS slots_article ON slots (article_id);
CREATE TABLE IF NOT EXISTS grams (
    gram TEXT, block INTEGER, bits BLOB, PRIMARY KEY (gram, block)) WITHOUT ROWID;
"""


@dataclass
class Block:
    ids: list[int] = field(default_factory=list)  # article id per slot
    dates: list[int] = field(default_factory=list)  # yyyymmdd or 0
    alive: int = 0  # bitmask of live slots


SPARSE_MAX = 96  # up to this many articles a row is a list of slots, else a bitmap


def _slots_of(mask: int) -> list[int]:
    """Set bits of a (sparse) mask; via its binary string, which is C-speed."""
    text = bin(mask)[:1:-1]  # least significant bit first
    out = []
    i = text.find("1")
    while i >= 0:
        out.append(i)
        i = text.find("1", i + 1)
    return out


def _encode_slots(slots: list[int]) -> bytes:
    """A row from sorted, distinct slot numbers: most grams are in a few articles of a
    block (90% in 64 or fewer here), kept as 2-byte slot numbers; common ones as a
    zlib-packed bitmap."""
    if len(slots) <= SPARSE_MAX:
        return b"S" + array("H", slots).tobytes()
    mask = 0
    for s in slots:
        mask |= 1 << s
    return b"Z" + zlib.compress(mask.to_bytes(BLOCK // 8, "little"), 1)


def _encode(mask: int) -> bytes:
    if mask.bit_count() <= SPARSE_MAX:
        return b"S" + array("H", _slots_of(mask)).tobytes()
    return b"Z" + zlib.compress(mask.to_bytes(BLOCK // 8, "little"), 1)


def _pack(slots: Iterable[int]) -> bytes:
    return _encode_slots(sorted(set(slots)))


def _unpack(blob: bytes) -> int:
    if blob[:1] == b"S":
        slots = array("H")
        slots.frombytes(blob[1:])
        mask = 0
        for s in slots:
            mask |= 1 << s
        return mask
    return int.from_bytes(zlib.decompress(blob[1:]), "little")


def _merge(blob: bytes, new: list[int]) -> bytes:
    """A stored row with more slots added."""
    if blob[:1] == b"S":
        old = array("H")
        old.frombytes(blob[1:])
        return _encode_slots(sorted(set(old).union(new)))
    mask = int.from_bytes(zlib.decompress(blob[1:]), "little")
    for s in new:
        mask |= 1 << s
    return b"Z" + zlib.compress(mask.to_bytes(BLOCK // 8, "little"), 1)


class GramStore:
    def __init__(self, path: Path, readonly: bool = False):
        self.path = Path(path)
        self._lock = threading.RLock()
        if readonly:  # an archive on a read-only medium: search it, never write
            self.db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True,
                                      check_same_thread=False, isolation_level=None)
            try:
                self.db.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except sqlite3.OperationalError:  # WAL without a writable -shm file
                self.db.close()
                self.db = sqlite3.connect(f"file:{self.path}?immutable=1", uri=True,
                                          check_same_thread=False, isolation_level=None)
        else:
            self.db = sqlite3.connect(str(self.path), check_same_thread=False, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.executescript(_SCHEMA)
        self._blocks: list[Block] | None = None
        self._generation = None
        self._where: dict[int, tuple[int, int]] | None = None
        self._chunks: dict[int, dict[str, int]] = {}  # rebuild: block -> gram -> bits
        self._pairs_cache: dict[str, dict[int, int]] = {}

    # Reading state -------------------------------------------------------

    def _current_generation(self) -> str:
        row = self.db.execute("SELECT value FROM meta WHERE key='generation'").fetchone()
        return row[0] if row else "0"

    def blocks(self) -> list[Block]:
        """Slot tables, reloaded when another writer changed the store."""
        with self._lock:
            gen = self._current_generation()
            if self._blocks is None or gen != self._generation:
                blocks: list[Block] = []
                for b, s, aid, date, alive in self.db.execute(
                    "SELECT block, slot, article_id, date, alive FROM slots ORDER BY block, slot"
                ):
                    while len(blocks) <= b:
                        blocks.append(Block())
                    blk = blocks[b]
                    blk.ids.append(aid)
                    blk.dates.append(date)
                    if alive:
                        blk.alive |= 1 << s
                self._blocks = blocks
                self._generation = gen
                self._where = None
                self._pairs_cache = {}
            return self._blocks

    def masks_for(self, article_ids) -> dict[int, int]:
        """Per-block masks of these (live) articles."""
        with self._lock:
            blocks = self.blocks()
            if self._where is None:
                self._where = {
                    aid: (b, s) for b, blk in enumerate(blocks) for s, aid in enumerate(blk.ids)
                    if blk.alive >> s & 1
                }
            out: dict[int, int] = {}
            for aid in article_ids:
                pos = self._where.get(aid)
                if pos:
                    out[pos[0]] = out.get(pos[0], 0) | 1 << pos[1]
            return out

    def count(self) -> int:
        return sum(b.alive.bit_count() for b in self.blocks())

    def _pair_bits(self, pair: str) -> dict[int, int]:
        """Articles holding a 2-letter string: the trigrams that start with it (a range
        of the primary key) and the run end `pair$`."""
        out: dict[int, int] = {}
        rows = self.db.execute(
            "SELECT block, bits FROM grams WHERE gram > ? AND gram < ? AND length(gram) = 3",
            (pair, pair + "\U0010ffff"))
        for b, blob in rows:
            out[b] = out.get(b, 0) | _unpack(blob)
        for b, bits in self._bits(pair + ana.RUN_END).items():
            out[b] = out.get(b, 0) | bits
        return out

    # Queries -------------------------------------------------------------

    def _bits(self, gram: str) -> dict[int, int]:
        return {b: _unpack(blob) for b, blob in self.db.execute(
            "SELECT block, bits FROM grams WHERE gram=?", (gram,))}

    def containing(self, text: str) -> dict[int, int]:
        """Per block, a bitmask of live articles whose trigrams allow `text` (a folded
        Thai string of 2+ letters) to occur; a superset of the true set."""
        with self._lock:
            blocks = self.blocks()
            if len(text) >= 3:
                size = 4 if len(text) >= 4 else 3
                grams = sorted({text[i : i + size] for i in range(len(text) - size + 1)})
                result: dict[int, int] | None = None
                for g in grams:
                    bits = self._bits(g)
                    if result is None:
                        result = bits
                    else:
                        result = {b: m & bits[b] for b, m in result.items() if b in bits}
                    result = {b: m for b, m in result.items() if m}
                    if not result:
                        return {}
                found = result or {}
            elif len(text) == 2:
                # an OR of up to hundreds of rows: kept until the store changes
                found = self._pairs_cache.get(text)
                if found is None:
                    found = self._pair_bits(text)
                    if len(self._pairs_cache) > 64:
                        self._pairs_cache.clear()
                    self._pairs_cache[text] = found
            else:
                return {}
            return {b: m & blocks[b].alive for b, m in found.items() if b < len(blocks) and m & blocks[b].alive}

    def articles(self, masks: dict[int, int]) -> list[tuple[int, int]]:
        """(article id, date) for the slots set in masks."""
        blocks = self.blocks()
        out = []
        for b, m in masks.items():
            blk = blocks[b]
            while m:
                low = m & -m
                s = low.bit_length() - 1
                out.append((blk.ids[s], blk.dates[s]))
                m ^= low
        return out

    # Writing -------------------------------------------------------------

    def add(self, items: Iterable[tuple[int, int, set[str]]]) -> int:
        """Add or replace articles: (article id, yyyymmdd or 0, trigrams). One transaction."""
        with self._lock:
            blocks = self.blocks()
            db = self.db
            db.execute("BEGIN IMMEDIATE")
            try:
                pending: dict[int, defaultdict[str, list[int]]] = {}
                n = 0
                for aid, date, grams in items:
                    self._kill(aid, blocks)
                    if not blocks or len(blocks[-1].ids) >= BLOCK:
                        blocks.append(Block())
                    b = len(blocks) - 1
                    blk = blocks[b]
                    s = len(blk.ids)
                    blk.ids.append(aid)
                    blk.dates.append(date)
                    blk.alive |= 1 << s
                    if self._where is not None:
                        self._where[aid] = (b, s)
                    db.execute("INSERT OR REPLACE INTO slots VALUES (?,?,?,?,1)", (b, s, aid, date))
                    per = pending.get(b)
                    if per is None:
                        per = pending[b] = defaultdict(list)
                    for g in grams:
                        per[g].append(s)
                    n += 1
                    if len(per) > 400_000:  # bound memory on huge imports
                        self._flush(pending)
                        pending = {}
                self._flush(pending)
                self._bump()
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                self._blocks = None
                raise
            return n

    def add_chunk(self, ids: list[int], dates: list[int], masks: dict[int, int]) -> None:
        """Append a chunk of new articles analysed elsewhere: masks maps each gram's code
        (analyzer.gram_codes) to a bitmask over the chunk (bit i: ids[i]). For rebuilds,
        into an empty store, with chunks that never straddle a block (BLOCK is a
        multiple of the chunk size)."""
        with self._lock:
            blocks = self.blocks()
            if not blocks or len(blocks[-1].ids) >= BLOCK:
                blocks.append(Block())
            b = len(blocks) - 1
            blk = blocks[b]
            offset = len(blk.ids)
            if offset + len(ids) > BLOCK:
                raise ValueError("chunk straddles a block")
            pending = self._chunks.setdefault(b, {})
            for g, m in masks.items():
                pending[g] = pending.get(g, 0) | (m << offset)
            self.db.execute("BEGIN IMMEDIATE")
            try:
                self.db.executemany(
                    "INSERT OR REPLACE INTO slots VALUES (?,?,?,?,1)",
                    [(b, offset + i, aid, d) for i, (aid, d) in enumerate(zip(ids, dates, strict=True))])
                for i, (aid, d) in enumerate(zip(ids, dates, strict=True)):
                    blk.ids.append(aid)
                    blk.dates.append(d)
                    blk.alive |= 1 << (offset + i)
                if len(blk.ids) >= BLOCK:
                    self._write_chunks(b)
                self._bump()
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                self._blocks = None
                raise

    def finish_chunks(self) -> None:
        """Write the bitmaps of a block still being filled by add_chunk."""
        with self._lock:
            if not self._chunks:
                return
            self.db.execute("BEGIN IMMEDIATE")
            for b in list(self._chunks):
                self._write_chunks(b)
            self._bump()
            self.db.execute("COMMIT")

    def _write_chunks(self, b: int) -> None:
        import numpy as np

        pending = self._chunks.pop(b, {})
        codes = np.fromiter(pending, dtype=np.uint32, count=len(pending))
        rows = sorted(zip(ana.gram_strings(codes), pending.values(), strict=True))
        # in key order: each insert lands next to the previous one in the B-tree
        self.db.executemany("INSERT OR REPLACE INTO grams VALUES (?,?,?)",
                            ((g, b, _encode(m)) for g, m in rows))

    def _flush(self, pending: dict[int, dict[str, list[int]]]) -> None:
        db = self.db
        for b, per in pending.items():
            existing = {}
            if self._block_has_rows(b):
                keys = list(per)
                for i in range(0, len(keys), 500):  # one query per 500 grams, not per gram
                    part = keys[i : i + 500]
                    marks = ",".join("?" * len(part))
                    existing.update(db.execute(
                        f"SELECT gram, bits FROM grams WHERE block=? AND gram IN ({marks})", [b, *part]))
            rows = []
            for g, slots in per.items():
                old = existing.get(g)
                rows.append((g, b, _merge(old, slots) if old is not None else _pack(slots)))
            db.executemany("INSERT OR REPLACE INTO grams VALUES (?,?,?)", rows)

    def _block_has_rows(self, b: int) -> bool:
        return self.db.execute("SELECT 1 FROM grams WHERE block=? LIMIT 1", (b,)).fetchone() is not None

    def _kill(self, aid: int, blocks: list[Block]) -> None:
        for b, s in self.db.execute("SELECT block, slot FROM slots WHERE article_id=? AND alive=1", (aid,)).fetchall():
            self.db.execute("UPDATE slots SET alive=0 WHERE block=? AND slot=?", (b, s))
            if b < len(blocks):
                blocks[b].alive &= ~(1 << s)
            if self._where is not None:
                self._where.pop(aid, None)

    def delete(self, ids: Iterable[int]) -> None:
        with self._lock:
            blocks = self.blocks()
            self.db.execute("BEGIN IMMEDIATE")
            try:
                for aid in ids:
                    self._kill(aid, blocks)
                self._bump()
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                self._blocks = None
                raise

    def _bump(self) -> None:
        gen = str(int(self._current_generation()) + 1)
        self.db.execute("INSERT OR REPLACE INTO meta VALUES ('generation', ?)", (gen,))
        self._generation = gen
        self._pairs_cache = {}

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the file (after a rebuild: one file, true size)."""
        with self._lock:
            self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def check(self) -> None:
        """Raise if the file cannot be read (a damaged file fails on the first read)."""
        self._blocks = None
        self.blocks()
        self.db.execute("SELECT gram, bits FROM grams LIMIT 1").fetchall()

    def close(self) -> None:
        with self._lock:
            self.db.close()


def item(article_id: int, date: int, search_text: str) -> tuple[int, int, set[str]]:
    return article_id, date, ana.grams(search_text)
