"""Character-trigram store: which articles contain a Thai string, whatever the segmenter
made of it (names glued to words, words inside compounds).

Why not a Whoosh field: measured here on real articles, a Whoosh trigram field holds
~950 postings per article against ~270 for the words, and Whoosh spends ~10 µs per
posting, so the 63k-article corpus would take well over the 5-minute budget to index.
Here the 3- and 4-grams of a block of 16,384 articles are kept as one row per gram in
SQLite (a list of slots, or a packed bitmap for common grams): grams are built as integer
codes with numpy (analyzer.gram_codes, build.chunk_masks, _write_chunks), and a query
ANDs a few Python ints per block. Checking against the stored text (query.py) removes the rare candidate that
holds every gram but not the string.

Slots: each article gets a (block, slot) position; deleting or replacing an article only
marks its old slot dead. `rebuild` starts afresh.

Incremental adds (imports) write their rows to a small `delta` table, one part per
batch, instead of merging them into the big rows: that read-merge-rewrite of ~120,000
rows spread over the whole file cost ~10 ms per article at 60,000 articles. A query ORs a
gram's base and delta rows per block. A block's parts are merged into one when there are
more than MAX_PARTS, and when the block is full; a full block that began in the delta
table (no base rows) then moves to the base table.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import zlib
from array import array
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.core.search import analyzer as ana

if TYPE_CHECKING:  # numpy is imported where used: start-up does not need it
    import numpy as np

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
CREATE TABLE IF NOT EXISTS delta (
    gram TEXT, block INTEGER, part INTEGER, bits BLOB,
    PRIMARY KEY (gram, block, part)) WITHOUT ROWID;
"""
MAX_PARTS = 8  # delta parts per block before they are merged into one
_SLOT_BITS = 14  # a slot number's bits in a batch key (code << 14 | slot); BLOCK <= 2**14


@dataclass
class Block:
    ids: list[int] = field(default_factory=list)  # article id per slot
    dates: list[int] = field(default_factory=list)  # yyyymmdd or 0
    alive: int = 0  # bitmask of live slots


SPARSE_MAX = 96  # up to this many articles a row is a list of slots, else a bitmap


def _unpack(blob: bytes) -> int:
    if blob[:1] == b"S":
        slots = array("H")
        slots.frombytes(blob[1:])
        mask = 0
        for s in slots:
            mask |= 1 << s
        return mask
    return int.from_bytes(zlib.decompress(blob[1:]), "little")


def _slot_array(blob: bytes) -> np.ndarray:
    """The slot numbers of a stored row, as a numpy array."""
    import numpy as np

    if blob[:1] == b"S":
        return np.frombuffer(blob, dtype=np.uint16, offset=1)
    bits = np.frombuffer(zlib.decompress(blob[1:]), dtype=np.uint8)
    return np.flatnonzero(np.unpackbits(bits, bitorder="little")).astype(np.uint16)


def _encode_array(slots: np.ndarray) -> bytes:
    """A row (as _encode writes it) from a sorted numpy array of distinct slots."""
    import numpy as np

    if len(slots) <= SPARSE_MAX:
        return b"S" + bytes(slots.astype(np.uint16).tobytes())
    bits = np.zeros(BLOCK, dtype=bool)
    bits[slots] = True
    return b"Z" + zlib.compress(np.packbits(bits, bitorder="little").tobytes(), 1)


def _rows_of(keys: np.ndarray) -> list[tuple[str, bytes]]:
    """(gram, encoded row) per gram of sorted distinct keys code << _SLOT_BITS | slot,
    sorted by gram."""
    import numpy as np

    if not len(keys):
        return []
    code = keys >> _SLOT_BITS
    slots = (keys & ((1 << _SLOT_BITS) - 1)).astype(np.uint16)
    new = np.empty(len(keys), dtype=bool)
    new[:1] = True
    np.not_equal(code[1:], code[:-1], out=new[1:])
    starts = np.flatnonzero(new)
    ends = np.append(starts[1:], len(keys))
    buf = slots.tobytes()
    out = []
    for gram, a, z in zip(ana.gram_strings(code[starts]), starts.tolist(), ends.tolist(), strict=True):
        out.append((gram, b"S" + buf[2 * a : 2 * z] if z - a <= SPARSE_MAX else _encode_array(slots[a:z])))
    out.sort()
    return out


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
        # A store written before the delta table existed, opened read-only, has none.
        self._delta = self.db.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='delta'").fetchone() is not None
        self._blocks: list[Block] | None = None
        self._generation: str | None = None
        self._where: dict[int, tuple[int, int]] | None = None
        self._chunks: dict[int, list[Any]] = {}  # rebuild: block -> [(offset, codes, masks)]
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

    def masks_for(self, article_ids: Iterable[int]) -> dict[int, int]:
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
        sql = "SELECT block, bits FROM grams WHERE gram > ?1 AND gram < ?2 AND length(gram) = 3"
        if self._delta:
            sql += " UNION ALL SELECT block, bits FROM delta WHERE gram > ?1 AND gram < ?2 AND length(gram) = 3"
        rows = self.db.execute(sql, (pair, pair + "\U0010ffff"))
        for b, blob in rows:
            out[b] = out.get(b, 0) | _unpack(blob)
        for b, bits in self._bits(pair + ana.RUN_END).items():
            out[b] = out.get(b, 0) | bits
        return out

    # Queries -------------------------------------------------------------

    def _bits(self, gram: str) -> dict[int, int]:
        out: dict[int, int] = {}
        sql = "SELECT block, bits FROM grams WHERE gram=?1"
        if self._delta:
            sql += " UNION ALL SELECT block, bits FROM delta WHERE gram=?1"
        for b, blob in self.db.execute(sql, (gram,)):
            out[b] = out.get(b, 0) | _unpack(blob)
        return out

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
                cached = self._pairs_cache.get(text)
                if cached is None:
                    cached = self._pair_bits(text)
                    if len(self._pairs_cache) > 64:
                        self._pairs_cache.clear()
                    self._pairs_cache[text] = cached
                found = cached
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

    def add(self, items: Iterable[tuple[int, int, Any]]) -> int:
        """Add or replace articles: (article id, yyyymmdd or 0, analyzer.gram_codes of
        its search text). One transaction; the rows go to delta parts."""
        import numpy as np

        with self._lock:
            blocks = self.blocks()
            db = self.db
            with self._transaction():
                if self._meta("based") is None:  # see _based: before any block is added
                    self._set_meta("based", json.dumps(list(range(len(blocks)))))
                pending: dict[int, list[np.ndarray]] = {}
                size = n = 0
                for aid, date, codes in items:
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
                    pending.setdefault(b, []).append(np.asarray(codes, dtype=np.int64) << _SLOT_BITS | s)
                    size += len(codes)
                    n += 1
                    if size > 4_000_000:  # bound memory on huge imports (~32 MB of keys)
                        self._add_parts(pending, blocks)
                        pending, size = {}, 0
                self._add_parts(pending, blocks)
            return n

    def _add_parts(self, pending: dict[int, list[np.ndarray]], blocks: list[Block]) -> None:
        import numpy as np

        for b, arrays in pending.items():
            keys = np.concatenate(arrays)
            keys.sort()
            part = self._parts(b) + 1
            self.db.executemany("INSERT INTO delta VALUES (?,?,?,?)",
                                ((g, b, part, blob) for g, blob in _rows_of(keys)))
            self._set_meta(f"parts:{b}", str(part))
            full = len(blocks[b].ids) >= BLOCK
            if part > MAX_PARTS or (full and (part > 1 or b not in self._based())):
                self._merge_parts(b, full)

    def _merge_parts(self, b: int, full: bool) -> None:
        """One delta part for block b; moved to the base table when the block is full and
        has no base rows."""
        import numpy as np

        per: dict[str, list[np.ndarray]] = {}
        for gram, blob in self.db.execute("SELECT gram, bits FROM delta WHERE block=?", (b,)):
            per.setdefault(gram, []).append(_slot_array(blob))
        rows = []
        for gram in sorted(per):
            parts = per[gram]
            slots = parts[0] if len(parts) == 1 else np.sort(np.concatenate(parts))
            rows.append((gram, _encode_array(slots)))
        self.db.execute("DELETE FROM delta WHERE block=?", (b,))
        based = self._based()
        if full and b not in based:
            self.db.executemany("INSERT INTO grams VALUES (?,?,?)", ((g, b, blob) for g, blob in rows))
            self._set_meta("based", json.dumps(sorted(based | {b})))
            self._set_meta(f"parts:{b}", "0")
        else:
            self.db.executemany("INSERT INTO delta VALUES (?,?,1,?)", ((g, b, blob) for g, blob in rows))
            self._set_meta(f"parts:{b}", "1")

    def _meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    def _set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def _parts(self, b: int) -> int:
        return int(self._meta(f"parts:{b}") or 0)

    def _based(self) -> set[int]:
        """Blocks with rows in the base table (a store written before the delta table
        existed has no such key: add() records all its blocks first)."""
        return set(json.loads(self._meta("based") or "[]"))

    def add_chunk(self, ids: list[int], dates: list[int], codes: np.ndarray, masks: np.ndarray) -> None:
        """Append a chunk of new articles analysed elsewhere (build.chunk_masks): codes,
        the chunk's distinct gram codes (numpy uint32, analyzer.gram_codes), and masks,
        one row of bytes per code, bit i (little-endian) for ids[i]. For rebuilds, into an
        empty store, with chunks that never straddle a block (BLOCK is a multiple of the
        chunk size, itself a multiple of 8)."""
        with self._lock:
            blocks = self.blocks()
            if not blocks or len(blocks[-1].ids) >= BLOCK:
                blocks.append(Block())
            b = len(blocks) - 1
            blk = blocks[b]
            offset = len(blk.ids)
            if offset + len(ids) > BLOCK or offset % 8:
                raise ValueError("chunk straddles a block")
            # kept as numpy arrays (~36 bytes per gram and chunk) until the block is
            # full: a Python int per gram, as before, took ~1 GB for one block
            self._chunks.setdefault(b, []).append((offset, codes, masks))
            with self._transaction():
                self.db.executemany(
                    "INSERT OR REPLACE INTO slots VALUES (?,?,?,?,1)",
                    [(b, offset + i, aid, d) for i, (aid, d) in enumerate(zip(ids, dates, strict=True))])
                for i, (aid, d) in enumerate(zip(ids, dates, strict=True)):
                    blk.ids.append(aid)
                    blk.dates.append(d)
                    blk.alive |= 1 << (offset + i)
                if len(blk.ids) >= BLOCK:
                    self._write_chunks(b)

    def finish_chunks(self) -> None:
        """Write the bitmaps of a block still being filled by add_chunk."""
        with self._lock:
            if not self._chunks:
                return
            with self._transaction():
                for b in list(self._chunks):
                    self._write_chunks(b)
                self._set_meta("based", json.dumps(list(range(len(self.blocks())))))

    def _write_chunks(self, b: int) -> None:
        """The rows of block b from its chunks' (offset, codes, masks), with numpy:
        rows grouped by gram (a stable sort keeps the chunks in order, so slots come out
        sorted), a slot list for grams in up to SPARSE_MAX articles, else a bitmap."""
        import numpy as np

        chunks = self._chunks.pop(b, [])
        if not chunks:
            return
        width = max(m.shape[1] for _o, _c, m in chunks)
        codes = np.concatenate([c for _o, c, _m in chunks])
        at = np.concatenate([np.full(len(c), o // 8, dtype=np.int64) for o, c, _m in chunks])
        masks = np.concatenate([m if m.shape[1] == width else np.pad(m, ((0, 0), (0, width - m.shape[1])))
                                for _o, _c, m in chunks])
        del chunks
        order = np.argsort(codes, kind="stable")
        codes, at, masks = codes[order], at[order], masks[order]
        del order
        new = np.empty(len(codes), dtype=bool)
        new[:1] = True
        np.not_equal(codes[1:], codes[:-1], out=new[1:])
        starts = np.flatnonzero(new)
        group = np.cumsum(new) - 1
        del new
        counts = np.add.reduceat(np.bitwise_count(masks).sum(axis=1, dtype=np.int64), starts)
        dense = counts > SPARSE_MAX
        # sparse grams: their slots, in order (rows by gram then chunk, bits ascending)
        rows = np.flatnonzero(~dense[group])
        pieces = []
        for i in range(0, len(rows), 1 << 18):  # ~64 MB of unpacked bits at a time
            part = rows[i : i + (1 << 18)]
            r, bit = np.nonzero(np.unpackbits(masks[part], axis=1, bitorder="little"))
            pieces.append((at[part][r] * 8 + bit).astype(np.uint16))
        slots = np.concatenate(pieces) if pieces else np.zeros(0, dtype=np.uint16)
        del pieces, rows
        ends = np.cumsum(np.where(dense, 0, counts))  # end of each gram's slots (sparse ones)
        # dense grams: their bitmaps, a chunk's bytes at a time
        rank = np.cumsum(dense) - 1
        rows = np.flatnonzero(dense[group])
        bitmaps = np.zeros((int(dense.sum()), BLOCK // 8), dtype=np.uint8)
        for j in range(width):
            bitmaps[rank[group[rows]], at[rows] + j] = masks[rows, j]
        del masks, rows
        buf = slots.tobytes()
        out = []
        for gram, is_dense, end, n, k in zip(ana.gram_strings(codes[starts]), dense.tolist(), ends.tolist(),
                                             counts.tolist(), rank.tolist(), strict=True):
            if is_dense:
                out.append((gram, b"Z" + zlib.compress(bitmaps[k].tobytes(), 1)))
            else:
                out.append((gram, b"S" + buf[2 * (end - n) : 2 * end]))
        out.sort()  # in key order: each insert lands next to the previous one in the B-tree
        self.db.executemany("INSERT OR REPLACE INTO grams VALUES (?,?,?)", ((g, b, blob) for g, blob in out))

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
            with self._transaction():
                for aid in ids:
                    self._kill(aid, blocks)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """One write transaction that moves the store's generation on (readers in other
        processes reload). On failure it is rolled back and the slot tables in memory,
        which the body may have changed, are read again from the file."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
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
        if self._delta:
            self.db.execute("SELECT gram, bits FROM delta LIMIT 1").fetchall()

    def close(self) -> None:
        with self._lock:
            self.db.close()


def item(article_id: int, date: int, search_text: str) -> tuple[int, int, np.ndarray]:
    """An entry for GramStore.add."""
    return article_id, date, ana.gram_codes(search_text)
