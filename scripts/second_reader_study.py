"""Choose the second reader's threshold on development material (analyzer/check/second_reader.py, issue 12).

Runs a development set with the second reader off, keeps every `contradicted` verdict with its label and every
injected error (the audit's mutated copies of supported moves, checked in their article), reads each of their
sentences with the claim tagger, and prints, for a grid of thresholds, the false alarms removed, the real errors
kept and the injected errors still caught. Writes no text, only figures (``--out`` JSON: per verdict the label,
kind and the tagger's probability; per injected case the mutation and probability).

    python scripts/second_reader_study.py audit corpora/audit/reuters_2008_seed12 --out /tmp/sr/seed12.json
    python scripts/second_reader_study.py hours /tmp/devhours/items.jsonl --out /tmp/sr/hours.json
    python scripts/second_reader_study.py table /tmp/sr/*.json [--rule shipped|kind|tags]

``--tagger DIR`` reads with another tagger artifact than the committed one (also ``$ANALYZER_TAGGER_MODEL``);
``--keep PATH`` pickles the verdicts' and injected errors' claims (outside the repository), and
``reread PATH --tagger DIR --out X.json`` reads them again with another tagger without rerunning the pipeline
(to compare two taggers on the same verdicts).

Only spent audits and development items: never a held-out audit (the script refuses them).
"""

from __future__ import annotations

import json
import os
import pickle
import re
import sys
import time
from pathlib import Path

from analyzer.ingest.shared_data import shared_data_dir

os.environ["ANALYZER_SECOND_READER"] = "off"  # the study reads the verdicts as the rules and checker give them

HELD_OUT = ("reuters_2008_stories_seed6208", "tradingview_2025_02_seed2025")
GRID = (0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5)
SHARED = shared_data_dir(beside=Path(__file__).resolve().parent.parent)
HOURS_README = Path(__file__).resolve().parents[1] / "corpora" / "audit" / "dev_wire_hours" / "README.md"


def _run(articles):  # type: ignore[no-untyped-def]
    from analyzer import audit
    from analyzer.cli.check_cmd import run_pipeline
    from analyzer.market import MarketData

    market = MarketData.open(SHARED / "market")
    checked = run_pipeline(articles, market)
    by_id = {a.id: a for a in articles}
    cases = audit.check_injected_in_articles(audit.injected_cases(checked), checked, market, by_id)
    return checked, cases


TAGGER: dict[str, str | None] = {"dir": None}


def _read(claims):  # type: ignore[no-untyped-def]
    from analyzer.check.second_reader import reading_of
    from analyzer.models.tagger import load_tagger

    started = time.time()
    tagger = load_tagger(TAGGER["dir"])
    loaded = time.time()
    sentences = sorted({c.sentence for c in claims})
    tagged = dict(zip(sentences, tagger.predict(sentences), strict=True))
    done = time.time()
    print(f"tagger load {loaded - started:.1f} s, {len(sentences)} sentences in {done - loaded:.1f} s "
          f"({(done - loaded) / max(len(sentences), 1) * 1000:.0f} ms each)", file=sys.stderr)
    return [reading_of(c, tagged[c.sentence]) for c in claims]


def _rows(checked, cases, labels_for):  # type: ignore[no-untyped-def]
    from analyzer import audit

    bad = audit.contradicted(checked)
    labels = labels_for([audit.verdict_row(item) for item in bad])
    return {"articles": len({c.claim.article_id for c in checked}),
            "verdicts": [(item.claim, label) for item, label in zip(bad, labels, strict=True)],
            # an injected error keeps its sentence: the figure the tagger may tag there is the original claim's
            "injected": [(case.mutation, case.claim.kind, case.verdict == "contradicted",
                          checked[case.index].claim if case.verdict == "contradicted" else None) for case in cases]}


def _readings(material):  # type: ignore[no-untyped-def]
    bad = material["verdicts"]
    caught = [row for row in material["injected"] if row[2]]
    readings = _read([claim for claim, _ in bad] + [row[3] for row in caught])
    verdicts = [{"claim_id": claim.claim_id, "kind": claim.kind, "label": label, **{
        k: reading[k] for k in ("kind_probability", "modality", "modality_probability", "figure_tagged",
                                "figure_in_span", "instrument_in_span")}}
        for (claim, label), reading in zip(bad, readings[:len(bad)], strict=True)]
    injected = [{"mutation": mutation, "kind": kind, "caught": was_caught}
                for mutation, kind, was_caught, _ in material["injected"]]
    for row, reading in zip([r for r in injected if r["caught"]], readings[len(bad):], strict=True):
        row.update(kind_probability=reading["kind_probability"], modality=reading["modality"],
                   figure_tagged=reading["figure_tagged"], figure_in_span=reading["figure_in_span"],
                   instrument_in_span=reading["instrument_in_span"])
    private = os.environ.get("SECOND_READER_SENTENCES")  # a file outside the repository, to read the cases by eye
    if private:
        with open(private, "w", encoding="utf-8") as handle:
            for (claim, label), reading in zip(bad, readings[:len(bad)], strict=True):
                handle.write(json.dumps({"label": label, "sentence": claim.sentence, **reading}) + "\n")
            for row, reading in zip(caught, readings[len(bad):], strict=True):
                handle.write(json.dumps({"injected": row[0], "sentence": row[3].sentence, **reading}) + "\n")
    return {"articles": material["articles"], "verdicts": verdicts, "injected": injected}


def study_audit(audit_dir: Path) -> dict:
    from analyzer import audit

    if audit_dir.name in HELD_OUT:
        raise SystemExit(f"{audit_dir.name} is held out: only the lead runs it")
    drawn = audit.load_drawn(audit_dir)
    articles = audit.read_drawn(SHARED, drawn, audit.audit_corpus(audit_dir))
    checked, cases = _run(articles)
    labels = audit.load_labels(audit_dir)

    def labels_for(rows):  # type: ignore[no-untyped-def]
        return [label.label if label is not None and label.label else None
                for label in audit.match_labels(rows, labels)]

    out = _rows(checked, cases, labels_for)
    out["articles"] = len(drawn)
    return out


def hours_labels() -> tuple[dict[str, str], dict[tuple[str, str, str, str], str]]:
    """The dev wire study's labels (its README table): by claim id, and by article, sentence offsets, kind, symbol."""
    by_id, by_place = {}, {}
    for line in HOURS_README.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 8 or not re.fullmatch(r"[0-9a-f]{16}", cells[0]):
            continue
        claim, article, chars, _stamp, kind, symbol, label = cells[:7]
        by_id[claim] = label
        by_place[(article, chars, kind, symbol)] = label
    return by_id, by_place


def study_hours(items: Path) -> dict:
    from analyzer.ingest import ReadReport, read_articles

    articles = list(read_articles(items, None, ReadReport()))
    checked, cases = _run(articles)
    by_id, by_place = hours_labels()

    def labels_for(rows):  # type: ignore[no-untyped-def]
        return [by_id.get(r["claim_id"]) or by_place.get((r["article_id"], f"{r['sentence_start']}-{r['sentence_end']}",
                                                          r["kind"], r["symbol"] or "")) for r in rows]

    return _rows(checked, cases, labels_for)


def stands(row: dict, limit: float, rule: str) -> bool:
    """Whether a contradicted verdict (or a caught injected error) stays contradicted under ``rule``:
    ``kind`` doubts on the kind's probability alone, every kind; ``tags`` also keeps it when the tagger tagged a
    figure and an instrument inside the claim's own words; ``shipped`` is the rule of check.second_reader (its
    kinds only; a figure tagged inside the claim's words keeps it)."""
    from analyzer.check.second_reader import READ_KINDS

    if row["kind_probability"] >= limit:
        return True
    if rule == "shipped":
        return row["kind"] not in READ_KINDS or bool(row.get("figure_in_span"))
    return rule == "tags" and bool(row.get("figure_in_span")) and bool(row.get("instrument_in_span"))


def table(paths: list[Path], rule: str = "shipped") -> None:
    sets = {p.stem: json.loads(p.read_text()) for p in paths}
    if len(sets) > 1:  # the sets together, as the corpora/README table gives them
        sets["all"] = {"articles": sum(d["articles"] for d in sets.values()),
                       "verdicts": [v for d in sets.values() for v in d["verdicts"]],
                       "injected": [i for d in sets.values() for i in d["injected"]]}
    print(f"rule: {rule}")
    print("| set | threshold | contradicted | false alarms removed | real errors kept | unlabelled removed "
          "| false alarms per 100 articles | injected caught |")
    print("|---|---|---|---|---|---|---|---|")
    for name, data in sets.items():
        verdicts, injected, n = data["verdicts"], data["injected"], data["articles"]
        false = [v for v in verdicts if v["label"] and v["label"] != "real_error"]
        real = [v for v in verdicts if v["label"] == "real_error"]
        unl = [v for v in verdicts if not v["label"]]
        for limit in (0.0, *GRID):
            def kept(rows, limit=limit):  # type: ignore[no-untyped-def]
                return [r for r in rows if stands(r, limit, rule)]
            caught = [r for r in injected if r["caught"] and stands(r, limit, rule)]
            print(f"| {name} | {'off' if limit == 0 else limit} | {len(kept(verdicts))} "
                  f"| {len(false) - len(kept(false))}/{len(false)} | {len(kept(real))}/{len(real)} "
                  f"| {len(unl) - len(kept(unl))}/{len(unl)} | {100 * len(kept(false)) / n:.1f} "
                  f"| {len(caught)}/{len(injected)} ({len(caught) / max(len(injected), 1):.3f}) |")


def main(argv: list[str]) -> None:
    command, *rest = argv
    if command == "table":
        rule = rest.pop(rest.index("--rule") + 1) if "--rule" in rest else "shipped"
        table([Path(p) for p in rest if p != "--rule"], rule)
        return
    out = Path(rest[rest.index("--out") + 1])
    if "--tagger" in rest:
        TAGGER["dir"] = rest[rest.index("--tagger") + 1]
    if command == "reread":
        with open(rest[0], "rb") as handle:
            material = pickle.load(handle)
    else:
        material = study_audit(Path(rest[0])) if command == "audit" else study_hours(Path(rest[0]))
    if "--keep" in rest:
        with open(rest[rest.index("--keep") + 1], "wb") as handle:
            pickle.dump(material, handle)
    data = _readings(material)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(data, indent=1) + "\n")
    print(f"wrote {out}: {len(data['verdicts'])} contradicted, {len(data['injected'])} injected", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
