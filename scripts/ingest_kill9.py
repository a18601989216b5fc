"""Proof that `analyzer run` survives kill -9: same articles, claims and verdicts as a clean run.

    .venv/bin/python scripts/ingest_kill9.py [--articles 300] [--extract --market DIR] [--kills 3]
                                             [--workers N] [--clean-workers N] [--shared-data DIR]

1. writes a JSONL dump of N Reuters articles dated before 2010-01-01, without the 2008 audit split
   (a third from the start of each of 2006, 2007 and 2009, through ``development_articles``; read from
   shared data at run time, into a temporary directory);
2. starts `analyzer run DUMP --db A` (ingest only unless --extract) and kills it with SIGKILL once a
   given share of the articles is stored, ``--kills`` times at growing shares, restarting it each time;
3. reruns the same command to completion;
4. runs the same command once more into a fresh database B without any kill;
5. checks that A passes SQLite's integrity check, holds every article exactly once, has the same articles,
   duplicate links and (with --extract) the same claims and the same verdicts (verdict, explanation,
   evidence) as B, every claim with its verdict, and no article half-processed.
Exit status 0 when all checks hold.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def write_dump(shared: Path, count: int, out: Path) -> int:
    from analyzer.ingest.readers import development_articles

    src = shared / "news" / "reuters_2006_2013" / "reuters_news_106521.jsonl.gz"
    per_year = {2006: count - 2 * (count // 3), 2007: count // 3, 2009: count // 3}
    written = 0
    with open(out, "w", encoding="utf-8") as dump:
        for article in development_articles(src):
            year = article.published.year if article.published else None
            if per_year.get(year, 0) <= 0:  # 2008 is the audit split; a year's share may be full
                if all(v <= 0 for v in per_year.values()):
                    break
                continue
            per_year[year] -= 1
            row = {"id": article.id, "url": article.url, "source": article.source, "title": article.title,
                   "published": article.published.isoformat() if article.published else None, "text": article.text}
            dump.write(json.dumps(row) + "\n")
            written += 1
    return written


def stored(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("select count(*) from articles").fetchone()[0]
    except sqlite3.Error:
        return 0  # schema not created yet


def command(dump: Path, db: Path, extract: bool, market: str | None, workers: int | None) -> list[str]:
    cmd = [sys.executable, "-c", "from analyzer.cli import main; main()", "run", str(dump), "--db", str(db)]
    if extract:
        cmd += ["--market", market] if market else []
        cmd += ["--workers", str(workers)] if workers else []
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
        # claims and verdicts by (article, position): what a reader sees, without the times they were stored
        rows = conn.execute("select c.article_id, c.seq, c.data, v.data from claims c "
                            "left join verdicts v on v.claim_row = c.id")
        claim_data, verdict_data = {}, {}
        for article_id, seq, claim, verdict in rows:
            claim_data[(article_id, seq)] = json.loads(claim)
            verdict_data[(article_id, seq)] = json.loads(verdict) if verdict else None
        unverdicted = sum(1 for v in verdict_data.values() if v is None)
        half = conn.execute("select count(*) from articles where processed_at is null and id in "
                            "(select article_id from claims)").fetchone()[0]
    return {"integrity": integrity, "ids": ids, "links": links, "claims": claims, "claim_ids": claim_ids,
            "claim_data": claim_data, "verdict_data": verdict_data, "unverdicted": unverdicted,
            "half_processed": half}


def differing_verdicts(a: dict, b: dict) -> list[tuple[str, int]]:
    return sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))


def kill_when_stored(cmd: list[str], env: dict[str, str], db: Path, target: int) -> int | None:
    """Start the run, SIGKILL it once ``target`` articles are stored; the count then (None: it finished)."""
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while proc.poll() is None and stored(db) < target:
        time.sleep(0.05)
    if proc.poll() is not None:
        return None
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    return stored(db)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--extract", action="store_true", help="extract and check too (needs --market)")
    parser.add_argument("--market", default=None)
    parser.add_argument("--workers", type=int, default=None, help="--workers for the runs (with --extract)")
    parser.add_argument("--clean-workers", type=int, default=None,
                        help="--workers for the clean run (default: --workers), to compare 2 workers against 1")
    parser.add_argument("--shared-data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--kills", type=int, default=3, help="how many times the run is killed")
    parser.add_argument("--first-kill-at", type=float, default=0.2, help="share stored at the first kill")
    parser.add_argument("--last-kill-at", type=float, default=0.8, help="share stored at the last kill")
    args = parser.parse_args()
    env = dict(os.environ, PYTHONPATH=str(REPO))
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        dump = work / "reuters_dev.jsonl"
        n = write_dump(args.shared_data, args.articles, dump)
        print(f"dump: {n} Reuters articles of 2006, 2007 and 2009")
        killed_db, clean_db = work / "killed.db", work / "clean.db"
        cmd = command(dump, killed_db, args.extract, args.market, args.workers)

        started = time.monotonic()
        step = (args.last_kill_at - args.first_kill_at) / max(args.kills - 1, 1)
        for k in range(args.kills):
            target = int(n * (args.first_kill_at + k * step))
            at_kill = kill_when_stored(cmd, env, killed_db, target)
            if at_kill is None:
                print(f"run {k + 1} finished before the kill; use more articles or lower shares")
                return 1
            print(f"kill -9 #{k + 1} after {time.monotonic() - started:.1f} s with {at_kill} articles stored")

        rerun = subprocess.run(cmd, env=env, capture_output=True, text=True)
        print("resumed run:", rerun.stderr.strip().replace("\n", " | "))
        clean_started = time.monotonic()
        clean_workers = args.clean_workers or args.workers
        clean = subprocess.run(command(dump, clean_db, args.extract, args.market, clean_workers), env=env,
                               capture_output=True, text=True)
        print(f"clean run ({time.monotonic() - clean_started:.1f} s):", clean.stderr.strip().replace("\n", " | "))

        a, b = snapshot(killed_db), snapshot(clean_db)
        verdicts_off = differing_verdicts(a["verdict_data"], b["verdict_data"])
        checks = {
            "integrity_check ok": a["integrity"] == "ok",
            "no article stored twice": len(a["ids"]) == len(set(a["ids"])),
            "same articles as a clean run": sorted(a["ids"]) == sorted(b["ids"]),
            "same duplicate links as a clean run": a["links"] == b["links"],
            "same claims per article as a clean run": a["claims"] == b["claims"],
            "same claims (all fields) as a clean run": a["claim_data"] == b["claim_data"],
            "same verdicts (verdict, explanation, evidence) as a clean run": not verdicts_off,
            "no claim stored twice": len(a["claim_ids"]) == len(set(a["claim_ids"])),
            "every claim has its verdict": a["unverdicted"] == 0,
            "no half-processed article": a["half_processed"] == 0,
        }
        verdict_counts = Counter(v["verdict"] for v in a["verdict_data"].values() if v)
        deals = sum(1 for c in a["claim_data"].values() if c.get("kind") == "deal")
        print(f"stored after the kills and resume: {len(a['ids'])} articles ({len(a['links'])} duplicates linked), "
              f"{len(a['claim_ids'])} claims ({deals} deals), verdicts {dict(verdict_counts.most_common())}; "
              f"clean run: {len(b['ids'])} articles, {len(b['claim_ids'])} claims")
        if verdicts_off:
            print(f"{len(verdicts_off)} verdicts differ, first: {verdicts_off[:5]}")
        for name, ok in checks.items():
            print(f"  {'ok  ' if ok else 'FAIL'} {name}")
        return 0 if all(checks.values()) and rerun.returncode == 0 and clean.returncode == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
