"""The rule pipeline's claims for gold sentences, computed once and kept in a cache file.

Scoring the ablation needs the rules' claims for every dev and test sentence; running the pipeline over
the test split's 255 articles takes minutes on a loaded machine, so the claims are pickled next to a
fingerprint of the gold sentences and of the code version they were made with.
"""

from __future__ import annotations

import hashlib
import pickle
import subprocess
from collections.abc import Callable, Sequence
from pathlib import Path

from analyzer.evaluate import GoldSentence, Prediction, predict
from analyzer.records import Claim

REPO = Path(__file__).resolve().parents[2]


def _code_version() -> str:
    """The commit of the extraction code (plus 'dirty' when analyzer/extract has local edits)."""
    try:
        head = subprocess.run(["git", "-C", str(REPO), "rev-parse", "HEAD"], capture_output=True, text=True,
                              check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "analyzer/extract"],
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + ("+dirty" if dirty else "")


def gold_fingerprint(golds: Sequence[GoldSentence]) -> str:
    digest = hashlib.sha1()
    for gold in golds:
        digest.update(f"{gold.corpus}|{gold.article.id}|{gold.char_start}|{gold.char_end}\n".encode())
    return digest.hexdigest()


def rule_claims(golds: Sequence[GoldSentence], cache: Path | None,
                progress: Callable[[int], None] | None = None) -> tuple[list[list[Claim]], str]:
    """The rule claims of each gold sentence, and the code version that made them.

    A cache made for the same sentences is reused whatever its code version (the version is reported
    with the figures, so a stale cache shows); delete the file to recompute.
    """
    fingerprint = gold_fingerprint(golds)
    if cache is not None and cache.is_file():
        with cache.open("rb") as handle:
            stored = pickle.load(handle)
        if stored.get("fingerprint") == fingerprint:
            if progress is not None:
                progress(len({(g.corpus, g.article.id) for g in golds}))
            return stored["claims"], stored["version"]
    version = _code_version()
    predictions: list[Prediction] = predict(golds, None, progress)
    claims = [p.claims for p in predictions]
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        with cache.open("wb") as handle:
            pickle.dump({"fingerprint": fingerprint, "version": version, "claims": claims}, handle)
    return claims, version
