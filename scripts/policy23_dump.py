"""Dump today's contradicted verdicts and injected cases of studied audits, for the accusation-policy study (s23).

Runs the one extract-then-check path over an audit directory as ``eval --audit`` does, and pickles what the
study needs (the checked claims, the injected cases with their first and final verdicts, the articles' stamps
and the labels matched to each contradicted verdict) to OUT/<audit>.pkl, with the drawn articles themselves (since
s31), so that the feature step and the figure-less copies (``weigher_fit``) need not re-read the shared corpus.
Never run it over a held-out audit.
"""

from __future__ import annotations

import pickle
import sys
import time
from pathlib import Path

from analyzer import audit
from analyzer.cli.check_cmd import run_pipeline
from analyzer.market import MarketData


def dump(audit_dir: Path, shared: Path, market: MarketData, out: Path) -> None:
    drawn = audit.load_drawn(audit_dir)
    articles = audit.read_drawn(shared, drawn, audit.audit_corpus(audit_dir))
    checked = run_pipeline(articles, market)
    by_id = {a.id: a for a in articles}
    cases = audit.check_injected_in_articles(audit.injected_cases(checked, market), checked, market, by_id)
    rows = [audit.verdict_row(item) for item in audit.contradicted(checked)]
    labels = audit.match_labels(rows, audit.load_labels(audit_dir))
    failed = sorted(audit.failures_of(checked))
    stamps = {a.id: (a.published, a.published_raw, len(a.text)) for a in articles}
    data = {"audit": audit_dir.name, "articles": len(drawn) - len(failed), "failed": failed,
            "checked": list(checked), "cases": list(cases), "rows": rows,
            "labels": [label.label if label else None for label in labels],
            "notes": [label.note if label else None for label in labels], "stamps": stamps,
            "texts": by_id}
    with (out / f"{audit_dir.name}.pkl").open("wb") as handle:
        pickle.dump(data, handle)


def main() -> None:
    shared, out = Path(sys.argv[1]), Path(sys.argv[2])
    market = MarketData.open(shared / "market")
    for name in sys.argv[3:]:
        started = time.time()
        dump(Path(name), shared, market, out)
        print(f"{name}: {time.time() - started:.0f}s", flush=True)


if __name__ == "__main__":
    main()
