"""Run the real eval path (predict, with verdicts) with the guided pass at a floor threshold; sweep thresholds."""
import os, pickle, sys, time
from pathlib import Path
os.environ.setdefault("ANALYZER_TAGGER", "guided")
os.environ.setdefault("ANALYZER_GUIDED_THRESHOLD", "0.3")
from analyzer.evaluate import load_gold_files, predict, score_extraction, Prediction
from analyzer.models.tagger import load_tagger
split = sys.argv[1]
shared = Path("/work/shared/data")
golds = load_gold_files(sorted(Path(f"corpora/{split}").glob("*.jsonl")), shared)
cache = Path(f"/tmp/guided/sweep_{split}.pkl")
if cache.exists() and "--fresh" not in sys.argv:
    preds = pickle.load(open(cache, "rb"))
else:
    preds = predict(golds, shared / "market")
    pickle.dump(preds, open(cache, "wb"))
tagger = load_tagger(None)
guided = sorted({c.sentence for p in preds for c in p.claims if c.reader == "tagger"})
prob = dict(zip(guided, tagger.predict(guided)))
def show(s, label):
    o = s.overall
    print(f"{label:>8}: P {o.precision:.3f} R {o.recall:.3f} F1 {o.f1:.3f} fcr {s.false_claim_rate:.4f} "
          + " ".join(f"{k[:5]} {c.f1:.3f}" for k, c in s.per_kind.items() if c.f1 is not None)
          + f" | verdicts {s.verdicts_correct}/{s.verdicts_matched}")
for th in [None, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 0.98]:
    kept = []
    for p in preds:
        idx = [i for i, c in enumerate(p.claims) if c.reader != "tagger" or (th is not None and
               prob[c.sentence].kind_probabilities[c.kind] >= th)]
        kept.append(Prediction([p.claims[i] for i in idx], [p.verdicts[i] for i in idx] if p.verdicts else []))
    show(score_extraction(golds, kept), "off" if th is None else str(th))
if "-v" in sys.argv:
    from analyzer.evaluate import match_claims
    for g, p in zip(golds, preds):
        gc = [c for c in p.claims if c.reader == "tagger"]
        if not gc: continue
        pairs = match_claims(g.claims, p.claims)
        mp = {pi for _, pi in pairs}
        for i, c in enumerate(p.claims):
            if c.reader != "tagger": continue
            pr = prob[c.sentence].kind_probabilities[c.kind]
            v = p.verdicts[i] if p.verdicts else None
            print(f"{'TP' if i in mp else 'FP'} p={pr:.3f} {c.kind} {c.instrument.symbol or c.instrument.name} {c.direction} pct={c.change_pct} pts={c.change_points} lvl={c.level} {c.period} {c.session} v={v} | {g.source}")
            print("    ", c.sentence[:250].replace("\n", " "))
            print("     gold:", [(x.kind, x.instrument and x.instrument.symbol, x.direction, x.change_pct, x.change_points, x.level, x.period) for x in g.claims])
