"""The threshold of the tagger-guided pass (analyzer/extract/guided.py), chosen on dev and train, never on test.

    PYTHONPATH=. .venv/bin/python scripts/guided_sweep.py dev|train [--cache DIR] [--fresh] [-v]

Runs the real evaluation path (``analyzer.evaluate.predict``, with verdicts) once with the guided pass at a floor
threshold of 0.3, reads the guided claims' sentences with the tagger again, and scores the split with the guided
claims kept at each threshold of a grid ("off": none kept). ``-v`` lists each guided claim, matched (TP) or not
(FP), with the gold claims of its sentence: use it on dev and train only.
"""

from __future__ import annotations

import argparse
import os
import pickle
from pathlib import Path

from analyzer.ingest.shared_data import shared_data_dir

GRID = (0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 0.98)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("split", choices=("dev", "train"))
    parser.add_argument("--shared-data", type=Path, default=shared_data_dir())
    parser.add_argument("--cache", type=Path, default=Path("/tmp"))
    parser.add_argument("--fresh", action="store_true")
    parser.add_argument("-v", dest="verbose", action="store_true")
    args = parser.parse_args()
    os.environ["ANALYZER_TAGGER"] = "guided"
    os.environ["ANALYZER_GUIDED_THRESHOLD"] = "0.3"
    from analyzer.evaluate import Prediction, load_gold_files, predict, score_extraction
    from analyzer.models.tagger import load_tagger

    golds = load_gold_files(sorted(Path(f"corpora/{args.split}").glob("*.jsonl")), args.shared_data)
    cache = args.cache / f"guided_sweep_{args.split}.pkl"
    if cache.exists() and not args.fresh:
        preds = pickle.loads(cache.read_bytes())
    else:
        preds = predict(golds, args.shared_data / "market")
        cache.write_bytes(pickle.dumps(preds))
    guided = sorted({c.sentence for p in preds for c in p.claims if c.reader == "tagger"})
    prob = dict(zip(guided, load_tagger(None).predict(guided), strict=True))

    def p_of(claim):  # type: ignore[no-untyped-def]
        return prob[claim.sentence].kind_probabilities[claim.kind]

    for threshold in (None, *GRID):
        kept = []
        for p in preds:
            keep = [i for i, c in enumerate(p.claims) if c.reader != "tagger" or
                    (threshold is not None and p_of(c) >= threshold)]
            kept.append(Prediction([p.claims[i] for i in keep], [p.verdicts[i] for i in keep] if p.verdicts else []))
        s = score_extraction(golds, kept)
        o = s.overall
        print(f"{'off' if threshold is None else threshold!s:>5}: P {o.precision:.3f} R {o.recall:.3f} F1 {o.f1:.3f} "
              f"false-claim rate {s.false_claim_rate:.4f} "
              + " ".join(f"{k} {c.f1:.3f}" for k, c in s.per_kind.items() if c.f1 is not None)
              + f" | verdicts {s.verdicts_correct}/{s.verdicts_matched}")
    if args.verbose:
        _listing(golds, preds, p_of)


def _listing(golds, preds, p_of) -> None:  # type: ignore[no-untyped-def]
    from analyzer.evaluate import match_claims

    for gold, pred in zip(golds, preds, strict=True):
        matched = {pi for _, pi in match_claims(gold.claims, pred.claims)}
        for i, c in enumerate(pred.claims):
            if c.reader != "tagger":
                continue
            verdict = pred.verdicts[i] if pred.verdicts else None
            name = c.instrument.symbol or c.instrument.name if c.instrument else None
            print(f"{'TP' if i in matched else 'FP'} p={p_of(c):.3f} {c.kind} {name} {c.direction} "
                  f"pct={c.change_pct} pts={c.change_points} level={c.level} {c.period} {c.session} "
                  f"verdict={verdict} | {gold.source}")
            print("    ", c.sentence[:250].replace("\n", " "))
            print("     gold:", [(g.kind, g.instrument and g.instrument.symbol, g.direction, g.change_pct)
                                 for g in gold.claims])


if __name__ == "__main__":
    main()
