"""Proof that `analyzer run` survives kill -9: every article is stored exactly once after a rerun.

    .venv/bin/python scripts/ingest_kill9.py [--articles 5000] [--extract --market DIR] [--shared-data DIR]

1. writes a JSONL dump of the first N Reuters articles dated before 2010-01-01 (read from shared data at
   run time, into a temporary directory);
2. starts `analyzer run DUMP --db A` (ingest only unless --extract), waits until about half the articles
   are stored, and kills it with SIGKILL;
3. reruns the same command to completion;
4. runs the same command once more into a fresh database B without any kill;
5. checks that A passes SQLite's integrity check, holds every article exactly once, has the same articles,
   duplicate links and (with --extract) the same claims per article as B, and no article half-processed.
Exit status 0 when all checks hold.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def write_dump(shared: Path, count: int, out: Path) -> int:
    src = shared / "news" / "reuters_2006_2013" / "reuters_news_106521.jsonl.gz"
    written = 0
    with gzip.open(src, "rt", encoding="utf-8") as lines, open(out, "w", encoding="utf-8") as dump:
        for line in lines:
            if json.loads(line)["day"] >= "20100101":  # reserved for blind evaluation
                continue
            dump.write(line)
            written += 1
            if written == count:
                break
    return written


def stored(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("select count(*) from articles").fetchone()[0]
    except sqlite3.Error:
        return 0  # schema not created yet


def command(dump: Path, db: Path, extract: bool, market: str | None) -> list[str]:
    cmd = [sys.executable, "-c", "from analyzer.cli import main; main()", "run", str(dump), "--db", str(db)]
    if extract:
        cmd += ["--market", market] if market else []
    else:
        cmd.append("--ingest-only")
    return cmd


def snapshot(db: Path) -> dict[str, object]:
    with sqlite3.connect(db) as conn:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        ids = [r[0] for r in conn.execute("select id from articles")]
        links = dict(conn.execute("select id, duplicate_of from articles where duplicate_of is not null"))
        claims = dict(conn.execute("select article_id, count(*) from claims group by article_id"))
        claim_ids = [r[0] for r in conn.execute("select article_id || claim_id || seq from claims")]
        unverdicted = conn.execute("select count(*) from claims c left join verdicts v on v.claim_row = c.id "
                                   "where v.claim_row is null").fetchone()[0]
        half = conn.execute("select count(*) from articles where processed_at is null and id in "
                            "(select article_id from claims)").fetchone()[0]
    return {"integrity": integrity, "ids": ids, "links": links, "claims": claims, "claim_ids": claim_ids,
            "unverdicted": unverdicted, "half_processed": half}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--extract", action="store_true", help="extract and check too (needs --market)")
    parser.add_argument("--market", default=None)
    parser.add_argument("--shared-data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--kill-at", type=float, default=0.5, help="fraction stored before the kill")
    args = parser.parse_args()
    env = dict(os.environ, PYTHONPATH=str(REPO))
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        dump = work / "reuters_pre2010.jsonl"
        n = write_dump(args.shared_data, args.articles, dump)
        print(f"dump: {n} Reuters articles dated before 2010-01-01")
        killed_db, clean_db = work / "killed.db", work / "clean.db"

        started = time.monotonic()
        proc = subprocess.Popen(command(dump, killed_db, args.extract, args.market), env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        target = int(n * args.kill_at)
        while proc.poll() is None and stored(killed_db) < target:
            time.sleep(0.05)
        if proc.poll() is not None:
            print("the run finished before the kill; use more articles or a lower --kill-at")
            return 1
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        at_kill = stored(killed_db)
        print(f"kill -9 after {time.monotonic() - started:.1f} s with {at_kill} articles stored")

        rerun = subprocess.run(command(dump, killed_db, args.extract, args.market), env=env,
                               capture_output=True, text=True)
        print("rerun:", rerun.stderr.strip().replace("\n", " | "))
        clean = subprocess.run(command(dump, clean_db, args.extract, args.market), env=env,
                               capture_output=True, text=True)
        print("clean run:", clean.stderr.strip().replace("\n", " | "))

        a, b = snapshot(killed_db), snapshot(clean_db)
        checks = {
            "integrity_check ok": a["integrity"] == "ok",
            "no article stored twice": len(a["ids"]) == len(set(a["ids"])),
            "same articles as a clean run": sorted(a["ids"]) == sorted(b["ids"]),
            "same duplicate links as a clean run": a["links"] == b["links"],
            "same claims per article as a clean run": a["claims"] == b["claims"],
            "no claim stored twice": len(a["claim_ids"]) == len(set(a["claim_ids"])),
            "every claim has its verdict": a["unverdicted"] == 0,
            "no half-processed article": a["half_processed"] == 0,
        }
        print(f"stored after rerun: {len(a['ids'])} articles ({len(a['links'])} duplicates linked), "
              f"{len(a['claim_ids'])} claims; clean run: {len(b['ids'])} articles, {len(b['claim_ids'])} claims")
        for name, ok in checks.items():
            print(f"  {'ok  ' if ok else 'FAIL'} {name}")
        return 0 if all(checks.values()) and rerun.returncode == 0 and clean.returncode == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
