"""`--engine ray` on a real two-node Ray cluster (head and one worker on 127.0.0.1) gives the claims and
verdicts of the single-process run; the Parquet-shard path gives them too.

The cluster is started with `ray start --block` in a new session per node and torn down by signalling
those sessions' process groups (the processes this test started, nothing else).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ray = pytest.importorskip("ray", reason='Ray is an optional extra: pip install -e ".[ray]"')

from analyzer.engine.local import LocalEngine  # noqa: E402
from analyzer.engine.ray_engine import RayEngine, analyze_files, article_row, load_shards  # noqa: E402
from analyzer.ingest.readers import development_articles  # noqa: E402

NODE_FLAGS = ["--num-cpus", "1", "--object-store-memory", str(100 * 1024 ** 2), "--node-ip-address", "127.0.0.1",
              "--disable-usage-stats", "--block"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _ray_cli() -> str:
    found = Path(sys.executable).with_name("ray")
    return str(found) if found.exists() else (shutil.which("ray") or "ray")


@pytest.fixture(scope="module")
def two_node_cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = _free_port()
    address = f"127.0.0.1:{port}"
    logs = tmp_path_factory.mktemp("ray")
    # no token authentication: a token an earlier local ray.init left in ~/.ray would otherwise switch it on for
    # the nodes, and this driver (and the probe) would need it to connect
    patch = pytest.MonkeyPatch()
    patch.setenv("RAY_AUTH_MODE", "disabled")
    env = dict(os.environ, RAY_USAGE_STATS_ENABLED="0")
    nodes = [subprocess.Popen([_ray_cli(), "start", "--head", "--port", str(port), "--include-dashboard=false",
                               *NODE_FLAGS], stdout=(logs / "head.log").open("w"), stderr=subprocess.STDOUT,
                              start_new_session=True, env=env)]
    try:
        _wait_for_nodes(address, nodes, 1)
        nodes.append(subprocess.Popen([_ray_cli(), "start", "--address", address, *NODE_FLAGS],
                                      stdout=(logs / "worker.log").open("w"), stderr=subprocess.STDOUT,
                                      start_new_session=True, env=env))
        _wait_for_nodes(address, nodes, 2)
        yield address
    finally:
        if ray.is_initialized():
            ray.shutdown()
        for node in reversed(nodes):
            _stop_session(node)
        patch.undo()


def _wait_for_nodes(address: str, nodes: list[subprocess.Popen], count: int, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    probe = ("import ray, sys; ray.init(address=sys.argv[1], log_to_driver=False); "
             "print(sum(1 for n in ray.nodes() if n['Alive']))")
    while time.monotonic() < deadline:
        if any(n.poll() is not None for n in nodes):
            raise RuntimeError(f"a Ray node exited early (code {[n.poll() for n in nodes]})")
        done = subprocess.run([sys.executable, "-c", probe, address], capture_output=True, text=True, timeout=120)
        if done.returncode == 0 and done.stdout.strip().splitlines()[-1:] == [str(count)]:
            return
        time.sleep(2)
    raise RuntimeError(f"the Ray cluster at {address} did not reach {count} nodes in {timeout:.0f} s")


def _stop_session(node: subprocess.Popen) -> None:
    """SIGTERM, then SIGKILL, to the process group of one `ray start --block` (its session's processes)."""
    for sig, wait in ((signal.SIGTERM, 20), (signal.SIGKILL, 10)):
        try:
            os.killpg(node.pid, sig)
        except ProcessLookupError:
            return
        try:
            node.wait(timeout=wait)
            time.sleep(1)  # children of the group get their signal too; give them a moment
        except subprocess.TimeoutExpired:
            continue
    with contextlib.suppress(ProcessLookupError):
        os.killpg(node.pid, signal.SIGKILL)  # whatever of the group is left


@pytest.fixture(scope="module")
def articles(shared_data: Path) -> list:
    path = shared_data / "news" / "reuters_2006_2013" / "reuters_news_106521.jsonl.gz"
    return list(development_articles(path, 20))


@pytest.fixture(scope="module")
def single_process(articles: list, market_dir: Path) -> list[dict]:
    with LocalEngine(market_dir, workers=1) as engine:
        result = engine.analyze(articles)
    assert not result.failures and len(result) > 20
    return [c.to_dict() for c in result]


def test_ray_engine_on_two_nodes_gives_the_single_process_claims(
        two_node_cluster: str, articles: list, market_dir: Path, single_process: list[dict]) -> None:
    with RayEngine(market_dir, workers=2, address=two_node_cluster) as engine:
        alive = [n for n in ray.nodes() if n["Alive"]]
        assert len(alive) == 2
        pids = engine.actor_pids()
        assert len(set(pids)) == 2
        assert engine.warm_up() == sorted(pids)  # each actor loaded, the same actors
        for _ in range(2):  # batch after batch on the same actors: each loads its pipeline once per engine
            result = engine.analyze(articles)
            assert result.failures == []
            assert [c.to_dict() for c in result] == single_process
        ahead = [engine.submit(articles) for _ in range(2)]  # as a run: the next batch before the last is stored
        assert [[c.to_dict() for c in pending.result()] for pending in ahead] == [single_process] * 2
        assert engine.actor_pids() == pids


def test_an_actor_that_dies_costs_its_chunks_and_is_replaced(
        two_node_cluster: str, articles: list, market_dir: Path, single_process: list[dict]) -> None:
    with RayEngine(market_dir, workers=2, address=two_node_cluster) as engine:
        pids = engine.actor_pids()
        ray.kill(engine._actors[0], no_restart=True)  # as the kernel's OOM killer would
        broken = engine.analyze(articles)
        lost = {f.article_id for f in broken.failures}
        assert lost and lost != {a.id for a in articles}  # the chunks it held, and only those
        assert all(f.stage == "worker" and "Ray actor failed" in f.reason for f in broken.failures)
        assert broken and {c.claim.article_id for c in broken}.isdisjoint(lost)
        again = engine.analyze(articles)  # on the replacement actor
        assert again.failures == [] and [c.to_dict() for c in again] == single_process
        assert engine.actor_pids()[1] == pids[1] and engine.actor_pids()[0] != pids[0]


def test_parquet_shards_from_jsonl_and_parquet_give_the_single_process_claims(
        two_node_cluster: str, articles: list, market_dir: Path, single_process: list[dict], tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    half = len(articles) // 2
    first = tmp_path / "first.jsonl"
    first.write_text("".join(json.dumps(article_row(a)) + "\n" for a in articles[:half]), encoding="utf-8")
    second = tmp_path / "second.parquet"
    pq.write_table(pa.Table.from_pylist([article_row(a) for a in articles[half:]]), second)
    out = tmp_path / "claims"
    done = analyze_files([first, second], out, market_dir, workers=2, address=two_node_cluster, shard_articles=6)
    assert (done.articles, done.problems, done.failures) == (len(articles), [], [])
    assert len(done.shards) == -(-len(articles) // 6) and sorted(out.glob("*.parquet")) == done.shards
    loaded = load_shards(out)
    assert loaded.failures == []
    assert [c.to_dict() for c in loaded] == single_process
