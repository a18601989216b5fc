"""Fingerprints for deduplication: exact content hashes and MinHash signatures for near-duplicates.

Syndicated stories reach us from several outlets with small edits (a different headline, a dateline,
a trailing disclaimer). A MinHash over word 3-gram shingles estimates their Jaccard similarity; LSH
band keys, stored in the article store, find candidates without keeping every signature in memory.
The threshold is measured on labelled pairs (see ``benchmarks/ingest_near_dup.py`` and
``tests/ingest/data/near_dup_pairs.csv``).
"""

from __future__ import annotations

import hashlib
import re
import struct
import zlib
from collections.abc import Sequence

import numpy as np
from datasketch import MinHash

NUM_PERM = 64
BANDS = 16  # 16 bands of 4 rows: a pair at Jaccard 0.8 becomes a candidate with p > 0.999, at 0.5 with p 0.64
ROWS = NUM_PERM // BANDS
SHINGLE_WORDS = 3
SHINGLE_KIND = f"word {SHINGLE_WORDS}-gram"
MIN_SHINGLES = 25  # a headline-length text has too few shingles for a meaningful estimate
SEED = 20061020
# Measured on 94 labelled TradingView pairs (benchmarks/ingest_near_dup.py): at 0.90 the MinHash estimate
# gives precision 0.91, recall 0.63; below it templated releases (earnings summaries, insider filings) and
# roundup editions share most 3-grams and precision falls under 0.7. A false link hides an article's claims,
# a missed one only checks them twice, so precision wins. Independent write-ups of one event are not
# near-duplicates at any word threshold; linking those needs embeddings.
NEAR_DUP_THRESHOLD = 0.9

_WORD = re.compile(r"[a-z0-9]+(?:[.,'][a-z0-9]+)*")


def normalised_words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


SHORT_TEXT_WORDS = 40  # below this a text may be a feed's stock teaser ("Read full story for details.")


def content_hash(text: str, title: str | None = None) -> str:
    """Hash of the words alone: the same text with other spacing, case or punctuation hashes alike.

    A short text is hashed with its title, so two items sharing a boilerplate teaser stay apart.
    """
    words = normalised_words(text)
    if len(words) < SHORT_TEXT_WORDS and title:
        words = normalised_words(title) + ["\n"] + words
    return hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    words = normalised_words(text)
    return {" ".join(words[i:i + size]).encode("utf-8") for i in range(max(0, len(words) - size + 1))}


def _crc32(data: bytes) -> int:
    # stable across processes (Python's hash() is salted) and much faster than sha1 per shingle
    return zlib.crc32(data)


def signature(text: str) -> np.ndarray | None:
    """The MinHash signature of a text (uint32 array), or None when it is too short to compare."""
    grams = shingles(text)
    if len(grams) < MIN_SHINGLES:
        return None
    mh = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=_crc32)
    mh.update_batch(list(grams))
    return mh.hashvalues.astype(np.uint32)


def signature_bytes(sig: np.ndarray) -> bytes:
    return sig.astype("<u4").tobytes()


def signature_from_bytes(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<u4")


def band_keys(sig: np.ndarray) -> list[int]:
    """One signed 64-bit key per LSH band (band index mixed in so bands never collide)."""
    keys = []
    for band in range(BANDS):
        chunk = sig[band * ROWS:(band + 1) * ROWS].astype("<u4").tobytes()
        digest = hashlib.blake2b(struct.pack("<H", band) + chunk, digest_size=8).digest()
        keys.append(struct.unpack("<q", digest)[0])
    return keys


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of the texts behind two signatures."""
    return float(np.mean(a == b))


def best_match(sig: np.ndarray, candidates: Sequence[tuple[str, np.ndarray]],
               threshold: float = NEAR_DUP_THRESHOLD) -> tuple[str, float] | None:
    """The most similar candidate at or above the threshold, as (id, similarity); of equally similar ones the
    smallest id, so that the match does not depend on the order the candidates come in (the store's, or a
    run's batches not yet stored)."""
    best: tuple[str, float] | None = None
    for cid, other in candidates:
        score = similarity(sig, other)
        if score >= threshold and (best is None or (-score, cid) < (-best[1], best[0])):
            best = (cid, score)
    return best
