"""A few hundred seeded mutants of the real feeds through parse-and-store: none may end in a traceback.

The harness is ``benchmarks/fuzz_feeds.py`` (run it with ``--count 10000`` for the full figures); here a
fixed seed keeps the run the same on every machine.
"""

import importlib.util
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "fuzz_feeds.py"
MUTANTS = 200  # about 30 s on an idle 2-core machine


def load_harness():
    spec = importlib.util.spec_from_file_location("fuzz_feeds", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up while being defined
    spec.loader.exec_module(module)
    return module


def test_seeded_mutants_never_end_in_a_traceback(shared_data):
    harness = load_harness()
    report = harness.fuzz(MUTANTS, seed=20251203, shared_data=shared_data, limit_s=30.0)
    assert len(report.outcomes) == MUTANTS
    failures = [f"mutant {o.index} ({o.base}; {', '.join(o.mutations)}): {o.detail}" for o in report.tracebacks]
    assert not failures, "\n".join(failures[:3])
    kinds = {o.kind for o in report.outcomes}
    assert kinds == {"read", "refused"}  # the mutations do break documents, and most still read


def test_mutants_are_reproducible(shared_data):
    harness = load_harness()
    bases = harness.load_bases(shared_data)
    assert harness.mutant(bases, 7, 42) == harness.mutant(bases, 7, 42)
    assert harness.mutant(bases, 7, 42)[2] != harness.mutant(bases, 7, 43)[2]
