"""CPU time of each pipeline component, ours against bare spaCy's, on the same Reuters articles in one process.

    .venv/bin/python benchmarks/component_cpu.py [--articles 200] [--skip 16] [--repeat 2]

Runs bare ``nlp.pipe`` over the whole texts, then our gate and every component of ``load_pipeline`` one after
another over all the gated docs (batches of 32, as ``extract_claims``), and bare spaCy's components one by one;
prints the least CPU time of ``--repeat`` passes for each. It shows where our time goes and the ceiling of
bare/ours with the same model work: bare's total over the sum of the model rows alone (tok2vec, tagger,
parser, attribute ruler, lemmatizer, NER and the claim tagger's network). The gate and the reduced texts'
tokenization are timed apart (the second tokenization is cheap: the tokenizer's cache holds every word run the
gate tokenized), and the work each model does is counted: the words the gate keeps, the tokens the scoped NER
reads, the sentences the tagger-guided pass reads and how many of them give a claim. Not a test: machines here
are shared and noisy; CPU time (user + system of this process) is steadier than wall time.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from analyzer.ingest.shared_data import REUTERS_ALL, shared_data_dir

REPO = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared-data", type=Path,
                        default=shared_data_dir(beside=REPO))
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--skip", type=int, default=16, help="start after this many articles (the first warm up)")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    import spacy

    from analyzer.extract import load_pipeline, model_name
    from analyzer.extract.guided import candidates
    from analyzer.extract.pipeline import _docs, segments
    from analyzer.ingest.readers import development_articles

    articles = list(development_articles(args.shared_data / REUTERS_ALL, args.skip + args.articles))
    warm, sample = articles[:args.skip], articles[args.skip:]
    bare = spacy.load(model_name())
    nlp = load_pipeline(market_dir=str(args.shared_data / "market"))
    list(bare.pipe(a.text for a in warm))
    list(nlp.pipe(_docs([p for a in warm for p in segments(a, nlp)], nlp)))
    times: dict[str, list[float]] = {}
    work: dict[str, int] = {}

    def timed(name: str, work):  # type: ignore[no-untyped-def]
        start = time.process_time()
        out = work()
        times.setdefault(name, []).append(time.process_time() - start)
        return out

    for _ in range(args.repeat):
        timed("bare nlp.pipe", lambda: list(bare.pipe((a.text for a in sample), batch_size=32)))
        pieces = timed("ours: gate", lambda: [p for a in sample for p in segments(a, nlp)])
        docs = timed("ours: make_doc (reduced texts)", lambda pieces=pieces: list(_docs(pieces, nlp)))
        for name, proc in nlp.pipeline:
            if name == "tagger_guided":
                work["guided candidates"] = sum(len(candidates(doc, proc.guided_kinds)) for doc in docs)
            if isinstance(getattr(proc, "readings", None), dict):
                proc.readings.clear()  # each pass reads its sentences anew (the pass keeps its latest readings)
            docs = timed(f"ours: {name}", lambda proc=proc, docs=docs: _run(proc, docs))
        work["guided claims"] = sum(c.reader == "tagger" for doc in docs for c in doc._.claims or [])
        work["NER tokens"] = sum(_scoped_tokens(doc) for doc in docs)
        work["parsed tokens"] = sum(len(doc) for doc in docs)
        plain = [bare.make_doc(a.text) for a in sample]
        for name, proc in bare.pipeline:
            plain = timed(f"bare: {name}", lambda proc=proc, plain=plain: _run(proc, plain))
    least = {name: min(values) for name, values in times.items()}
    ours = sum(v for k, v in least.items() if k.startswith("ours: "))
    for name, seconds in least.items():
        share = f"{seconds / ours:6.1%} of ours" if name.startswith("ours: ") else ""
        print(f"{name:32s} {seconds:7.2f} s  {share}")
    print(f"{len(sample)} articles: bare {least['bare nlp.pipe']:.2f} s, ours {ours:.2f} s (no check stage), "
          f"bare/ours {least['bare nlp.pipe'] / ours:.2f}")
    all_tokens = sum(len(doc) for doc in plain)
    print(f"tokens: all {all_tokens:,}, parsed (kept by the gate) {work['parsed tokens']:,} "
          f"({work['parsed tokens'] / all_tokens:.1%}), read by the scoped NER {work['NER tokens']:,} "
          f"({work['NER tokens'] / all_tokens:.1%}); tagger-guided pass: {work['guided candidates']} sentences read, "
          f"{work['guided claims']} claims")


def _scoped_tokens(doc) -> int:  # type: ignore[no-untyped-def]
    """The tokens of a doc the scoped NER read (all of them without a scope)."""
    from analyzer.extract.scoped_ner import ENTITY_SCOPE_KEY, _token_ranges

    scope = doc.user_data.get(ENTITY_SCOPE_KEY)
    return len(doc) if scope is None else sum(end - start for start, end in _token_ranges(doc, scope))


def _run(proc, docs):  # type: ignore[no-untyped-def]
    return list(proc.pipe(docs, batch_size=32)) if hasattr(proc, "pipe") else [proc(doc) for doc in docs]


if __name__ == "__main__":
    main()
