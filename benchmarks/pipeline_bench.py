"""Throughput and memory of the engine against bare spaCy, on the same articles, in one run.

    .venv/bin/python benchmarks/pipeline_bench.py [--articles 1000] [--modes bare,local1,local2,ray2]
    .venv/bin/python benchmarks/pipeline_bench.py --all      # every pre-2010 Reuters article through `run`

The first mode runs each engine in a process of its own on the first N Reuters 2006-2009 articles
(``development_articles``): bare ``en_core_web_sm`` ``nlp.pipe``; our extract + check with 1 worker, with 2
worker processes, and on Ray with 2 actors (a local cluster). It prints articles/s, words/s, the peak RSS of
the largest process, the ratios to bare spaCy and to 1 worker, and whether every engine gave the same
claims. One-time start-up (loading spaCy, starting workers) is left out where it can be: bare spaCy loads
before the clock starts, 1 and 2 workers and the Ray actors (started once per engine) analyze a warm-up
batch first.

``--all`` writes the 45,312 pre-2010 Reuters articles to a temporary JSONL file, runs
``analyzer run FILE --workers 2`` into a fresh SQLite store and prints wall time, articles/s and the peak
RSS of the run and of its largest worker, sampled over the run to show whether memory stays flat.
Not a test: machines here are shared and noisy.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from analyzer.ingest.shared_data import REUTERS_ALL, shared_data_dir

REPO = Path(__file__).resolve().parent.parent
MODES = {"bare": "bare spaCy", "local1": "1 worker", "local2": "2 workers", "ray2": "Ray, 2 actors"}
PRE_2010_ARTICLES = 45_312  # Reuters articles dated before 2010 (development_articles): the --all run's total
PROGRESS_EVERY_S = 30


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared-data", type=Path,
                        default=shared_data_dir(beside=REPO))
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--modes", default=",".join(MODES), help=f"comma-separated, of {', '.join(MODES)}")
    parser.add_argument("--all", action="store_true", help="all pre-2010 Reuters articles through `analyzer run`")
    parser.add_argument("--workers", type=int, default=2, help="--all: workers for `analyzer run`")
    parser.add_argument("--all-articles", type=int, default=None, help="--all: stop after this many (to try it)")
    parser.add_argument("--one", help=argparse.SUPPRESS)  # internal: run one mode in this process
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.shared_data, args.articles)))
    elif args.all:
        run_all(args.shared_data, args.workers, args.all_articles)
    else:
        compare([m for m in args.modes.split(",") if m], args.shared_data, args.articles)


# ---- one mode, in its own process ------------------------------------------------------------------------

def run_one(mode: str, shared: Path, limit: int) -> dict[str, object]:
    from analyzer.ingest.readers import development_articles

    articles = list(development_articles(shared / REUTERS_ALL, limit))
    words = sum(len(a.text.split()) for a in articles)
    console = Console(stderr=True)
    sampler = RssSampler(os.getpid(), every=1.0)  # worker processes and Ray actors are descendants of this one
    sampler.start()
    if mode == "bare":
        seconds, cpu, digest, claims = bare_spacy(articles, console)
    else:
        seconds, cpu, digest, claims = engine_run(mode, articles, shared / "market", console)
    sampler.stop()
    self_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    children_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    return {"mode": mode, "articles": len(articles), "words": words, "seconds": seconds, "claims": claims,
            # this process's CPU time: that of bare spaCy and of 1 worker (in-process), not of other processes
            "cpu_seconds": cpu if mode in ("bare", "local1") else None,
            "digest": digest, "peak_rss": max(self_rss, children_rss, sampler.peak_child)}


def progress_bar(console: Console, label: str, total: int) -> Progress:
    columns = (TextColumn(label), BarColumn(), MofNCompleteColumn(), TextColumn("{task.speed} art/s"),
               TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn())
    return Progress(*columns, console=console, transient=True)


def bare_spacy(articles: list, console: Console) -> tuple[float, float, str, int]:
    import spacy

    from analyzer.extract import model_name

    nlp = spacy.load(model_name())
    with progress_bar(console, "bare spaCy", len(articles)) as bar:
        task = bar.add_task("bare", total=len(articles))
        start, cpu = time.perf_counter(), time.process_time()
        for _ in nlp.pipe((a.text for a in articles), batch_size=32):
            bar.advance(task)
        return time.perf_counter() - start, time.process_time() - cpu, "", 0


def engine_run(mode: str, articles: list, market: Path, console: Console) -> tuple[float, float, str, int]:
    from analyzer.engine import open_engine

    workers = 1 if mode == "local1" else 2
    engine_name = "ray" if mode.startswith("ray") else "local"
    with open_engine(market, workers, engine_name) as engine:
        engine.warm_up()  # every worker or actor loads the pipeline, the market data and the second reader
        with progress_bar(console, MODES[mode], len(articles)) as bar:
            task = bar.add_task(mode, total=len(articles))
            start, cpu = time.perf_counter(), time.process_time()
            result = engine.analyze(articles, progress=lambda n: bar.advance(task, n))
            seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    if result.failures:
        console.print(f"{len(result.failures)} articles failed; first: {result.failures[0]}")
    digest = hashlib.sha1("\n".join(json.dumps(c.to_dict(), sort_keys=True) for c in result).encode()).hexdigest()
    return seconds, cpu, digest, len(result)


# ---- the comparison --------------------------------------------------------------------------------------

def compare(modes: list[str], shared: Path, limit: int) -> None:
    console = Console()
    results = {}
    for mode in modes:
        console.print(f"[bold]{MODES.get(mode, mode)}[/] ...")
        done = subprocess.run([sys.executable, __file__, "--one", mode, "--articles", str(limit),
                               "--shared-data", str(shared)], stdout=subprocess.PIPE, text=True)
        if done.returncode != 0:
            console.print(f"[red]{MODES.get(mode, mode)} failed (exit code {done.returncode}); see stderr[/]")
            continue
        results[mode] = json.loads(done.stdout.strip().splitlines()[-1])
        console.print(f"  {results[mode]['seconds']:.1f} s")
    if not results:
        return
    first = next(iter(results.values()))
    console.print(f"{first['articles']} Reuters articles (2006-2009), {first['words']:,} words")
    bare, one = results.get("bare"), results.get("local1")
    for mode, r in results.items():
        line = (f"{MODES[mode]:14s} {r['seconds']:7.1f} s  {r['articles'] / r['seconds']:6.1f} articles/s  "
                f"{r['words'] / r['seconds']:8.0f} words/s  peak RSS {r['peak_rss'] / 2 ** 30:4.2f} GB")
        if bare and mode != "bare":
            line += f"  bare/this time {bare['seconds'] / r['seconds']:.2f}"
            if r.get("cpu_seconds") and bare.get("cpu_seconds"):  # the machine is shared: CPU time is steadier
                line += f" (CPU {bare['cpu_seconds']:.1f} s / {r['cpu_seconds']:.1f} s = " \
                        f"{bare['cpu_seconds'] / r['cpu_seconds']:.2f})"
        if one and mode not in ("bare", "local1"):
            line += f"  speed-up over 1 worker {one['seconds'] / r['seconds']:.2f}x"
        if mode != "bare":
            line += f"  claims {r['claims']}"
        console.print(line)
    digests = {r["digest"] for m, r in results.items() if m != "bare"}
    if len(digests) > 1:
        console.print("[red]the engines gave different claims[/]")
    elif digests:
        console.print("every engine gave the same claims and verdicts")


# ---- every pre-2010 article through `analyzer run` ---------------------------------------------------------

def run_all(shared: Path, workers: int, limit: int | None = None) -> None:
    from analyzer.ingest.readers import development_articles
    from analyzer.records import to_dict

    console = Console()
    with tempfile.TemporaryDirectory(prefix="pipeline_bench_") as tmp:
        source, db = Path(tmp) / "reuters_pre2010.jsonl", Path(tmp) / "store.sqlite"
        count = 0
        with source.open("w", encoding="utf-8") as out, progress_bar(console, "writing JSONL", 0) as bar:
            task = bar.add_task("write", total=limit or PRE_2010_ARTICLES)
            for article in development_articles(shared / REUTERS_ALL, limit):
                out.write(json.dumps(to_dict(article), default=str) + "\n")
                count += 1
                bar.advance(task)
        console.print(f"{count:,} pre-2010 Reuters articles -> analyzer run --workers {workers} (fresh store)")
        # `run` draws its own progress bar on a terminal; this prints the count processed, the rate and an ETA
        # from the store every PROGRESS_EVERY_S seconds, which also shows in a log
        command = [str(Path(sys.executable).with_name("analyzer")), "run", str(source), "--db", str(db),
                   "--market", str(shared / "market"), "--workers", str(workers)]
        start = time.perf_counter()
        process = subprocess.Popen(command)
        sampler = RssSampler(process.pid)
        sampler.start()
        while True:
            try:
                code = process.wait(timeout=PROGRESS_EVERY_S)
                break
            except subprocess.TimeoutExpired:
                print_progress(console, db, count, time.perf_counter() - start)
        seconds = time.perf_counter() - start
        sampler.stop()
    console.print(f"exit code {code}; wall {seconds / 60:.1f} min, {count / seconds:.1f} articles/s")
    console.print(f"peak RSS: run process {sampler.peak_main / 2 ** 30:.2f} GB, largest worker "
                  f"{sampler.peak_child / 2 ** 30:.2f} GB; largest worker RSS by quarter of the run: "
                  + ", ".join(f"{q / 2 ** 30:.2f}" for q in sampler.quarters()) + " GB; run process by quarter: "
                  + ", ".join(f"{q / 2 ** 30:.2f}" for q in sampler.main_quarters()) + " GB")
    # CPU share of each process while it was seen: a worker below 100% waited for work (or, on a busy
    # machine, for a core)
    console.print("CPU: " + "; ".join(f"{'run' if pid == process.pid else f'worker {pid}'} {cpu:.0f} s "
                                      f"({share:.0%} of wall)" for pid, cpu, share in sampler.busy()
                                      if cpu >= 1.0))
    workers = [(pid, n, total) for pid, (n, total) in sampler.states.items()
               if total and any(p == pid and cpu >= 10.0 for p, cpu, _ in sampler.busy())]
    console.print("workers with work (state R: running or waiting for a core, not for a chunk): "
                  + "; ".join(f"{'run' if pid == process.pid else pid} {n / total:.0%}" for pid, n, total in workers))


def print_progress(console: Console, db: Path, total: int, seconds: float) -> None:
    """Articles processed so far in the run's store (read-only), with the rate and the time left at that rate."""
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            done = conn.execute("SELECT count(*) FROM articles WHERE processed_at IS NOT NULL").fetchone()[0]
    except sqlite3.Error:  # not created yet, or busy: try again at the next tick
        return
    rate = done / seconds if seconds else 0.0
    eta = f"{(total - done) / rate / 60:.1f} min" if rate else "-"
    console.print(f"  {done:,}/{total:,} articles processed, {seconds / 60:.1f} min, {rate:.1f} articles/s, ETA {eta}")


class RssSampler(threading.Thread):
    """Samples the RSS of a process and of its descendants every few seconds (Linux /proc)."""

    def __init__(self, pid: int, every: float = 5.0) -> None:
        super().__init__(daemon=True)
        self.pid, self.every = pid, every
        self.samples: list[tuple[int, int]] = []  # (main, largest descendant)
        self.cpu: dict[int, tuple[float, float, float]] = {}  # pid -> (first seen, last seen, CPU seconds then)
        self.states: dict[int, list[int]] = {}  # pid -> [samples running or runnable, samples]
        self._done = threading.Event()
        self._states = threading.Thread(target=self._sample_states, daemon=True)

    def start(self) -> None:
        super().start()
        self._states.start()

    def _sample_states(self, every: float = 0.25) -> None:
        """How often each process has work: state R (running, or runnable waiting for a core on a busy
        machine) against S (a worker waiting on its pipe for the next chunk)."""
        while not self._done.wait(every):
            for pid in [self.pid, *descendants(self.pid)]:
                state = process_state(pid)
                if state:
                    counts = self.states.setdefault(pid, [0, 0])
                    counts[0] += state == "R"
                    counts[1] += 1

    def run(self) -> None:
        while not self._done.wait(self.every):
            kids = descendants(self.pid)
            children = [rss(p) for p in kids]
            self.samples.append((rss(self.pid), max(children, default=0)))
            now = time.perf_counter()
            for pid in [self.pid, *kids]:
                seconds = cpu_seconds(pid)
                if seconds is not None:
                    self.cpu[pid] = (self.cpu.get(pid, (now, 0.0, 0.0))[0], now, seconds)

    def busy(self) -> list[tuple[int, float, float]]:
        """(pid, CPU seconds, CPU share of the time it was seen), the sampled process first."""
        return [(pid, c, c / max(last - first + self.every, 1e-9)) for pid, (first, last, c) in self.cpu.items()]

    def main_quarters(self) -> list[int]:
        n = len(self.samples)
        return [max((m for m, _ in self.samples[i * n // 4:(i + 1) * n // 4]), default=0) for i in range(4)]

    def stop(self) -> None:
        self._done.set()
        self.join()
        self._states.join()

    @property
    def peak_main(self) -> int:
        return max((m for m, _ in self.samples), default=0)

    @property
    def peak_child(self) -> int:
        return max((c for _, c in self.samples), default=0)

    def quarters(self) -> list[int]:
        n = len(self.samples)
        return [max((c for _, c in self.samples[i * n // 4:(i + 1) * n // 4]), default=0) for i in range(4)]


def _status_field(pid: int, field: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


def process_state(pid: int) -> str | None:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return None


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU seconds of a process so far (Linux /proc), None when it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss(pid: int) -> int:
    return _status_field(pid, "VmRSS")


def descendants(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        parent = todo.pop()
        for task in Path(f"/proc/{parent}/task").glob("*/children"):
            try:
                kids = [int(k) for k in task.read_text().split()]
            except OSError:
                continue
            out.extend(kids)
            todo.extend(kids)
    return out


if __name__ == "__main__":
    main()
