"""Score the two development audits (corpora/audit/dev_wire_hours, dev_wire_periods) with the current program.

They hold labels in their README tables and no ``articles.jsonl``, so ``analyzer eval --audit`` cannot take them.
This script draws their article sets again from ../shared/data (the draws their READMEs name), runs extraction and
the checker (with the article second look and deal corroboration, as ``analyzer.engine`` does), matches the
`contradicted` verdicts to the README labels (article, kind, instrument, overlapping sentence offsets) and checks one
mutated copy of each supported move in its article, as ``analyzer eval --audit`` does. Article text stays outside
the repository (the cache directory); the output names verdicts by article id and offsets.

    PYTHONPATH=. python scripts/dev_wire_audit.py build /tmp/devaudit            # the four sets, pickled
    PYTHONPATH=. python scripts/dev_wire_audit.py run /tmp/devaudit ptv [--extract]

Sets: ``htv`` (the hours study's 240 TradingView items), ``hre`` (its 60 Reuters stories), ``ptv`` (the periods
study's 452 TradingView items, which hold the 240), ``pwr`` (200 of the periods study's 500 Reuters wraps, the
injected-error sample its README names). Development data only: no held-out outlet or year is read.
"""

from __future__ import annotations

import pickle
import random
import re
import sys
from collections import Counter
from pathlib import Path

from analyzer import audit
from analyzer.ingest.readers import article_from_row
from analyzer.ingest.shared_data import REUTERS_ALL, REUTERS_WRAPS, TRADINGVIEW, shared_data_dir

ROOT = Path(__file__).resolve().parent.parent
SHARED = shared_data_dir()
DEV_OUTLETS = ("Reuters", "MT Newswires")


def build(cache: Path) -> None:
    cache.mkdir(parents=True, exist_ok=True)
    listed = audit.listings(SHARED)
    pool = sorted((row for row in audit._dump_rows(SHARED / TRADINGVIEW)
                   if row.get("source") in DEV_OUTLETS and audit.is_tv_price_item(
                       str(row.get("title") or ""), str(row.get("text") or ""), listed)), key=lambda r: r["id"])
    rng = random.Random(6)  # corpora/audit/dev_wire_hours/draw_dev.py
    hours_tv = rng.sample(pool, 240)
    hours_reuters = []
    for year in (2006, 2007, 2009):
        stories = sorted((r for r in audit._year_rows(SHARED / REUTERS_ALL, year)
                          if audit.is_price_story(r["body"])), key=lambda r: r["id"])
        hours_reuters += rng.sample(stories, 20)
    wraps = sorted((r for y in (2006, 2007, 2009) for r in audit._year_rows(SHARED / REUTERS_WRAPS, y)),
                   key=lambda r: r["id"])
    sets = {"htv": hours_tv, "hre": hours_reuters, "ptv": pool, "pwr": random.Random(8).sample(wraps, 500)[:200]}
    for name, rows in sets.items():
        (cache / f"{name}.articles.pkl").write_bytes(pickle.dumps([article_from_row(r, r["id"]) for r in rows]))
        print(name, len(rows))


def readme_labels() -> dict[tuple[str, int, int, str, str], str]:
    """(article, start, end, kind, symbol) -> label, from both READMEs' tables."""
    labels: dict[tuple[str, int, int, str, str], str] = {}
    for line in (ROOT / "corpora/audit/dev_wire_hours/README.md").read_text().splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 9 and re.fullmatch(r"[0-9a-f]{16}", cells[0]):
            start, end = cells[2].split("-")
            labels[(cells[1], int(start), int(end), cells[4], cells[5])] = cells[6]
    for line in (ROOT / "corpora/audit/dev_wire_periods/README.md").read_text().splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 8 and cells[1].isdigit():
            labels.setdefault((cells[0], int(cells[1]), int(cells[2]), cells[3], cells[4]), cells[5])
    return labels


def label_of(row: dict, labels: dict[tuple[str, int, int, str, str], str]) -> str:
    for (article, start, end, kind, symbol), label in labels.items():
        if article == row["article_id"] and kind == row["kind"] and symbol == (row.get("symbol") or "") and \
                start < row["sentence_end"] and row["sentence_start"] < end and label:
            return label
    return "?"


def checked_claims(cache: Path, name: str, extract: bool) -> tuple[list, list, dict]:
    from analyzer.check.checker import check_claim, review_in_articles
    from analyzer.check.deals import corroborate_deals
    from analyzer.market import MarketData
    from analyzer.records import CheckedClaim

    articles = pickle.loads((cache / f"{name}.articles.pkl").read_bytes())
    claims_file = cache / f"{name}.claims.pkl"
    if extract or not claims_file.is_file():
        from analyzer.extract import extract_claims, load_pipeline

        nlp = load_pipeline()
        claims_file.write_bytes(pickle.dumps([c for i in range(0, len(articles), 20)
                                              for c in extract_claims(articles[i:i + 20], nlp)]))
    claims = pickle.loads(claims_file.read_bytes())
    market = MarketData.open(SHARED / "market")
    by_id = {a.id: a for a in articles}
    grouped: dict[str, list] = {a.id: [] for a in articles}
    for claim in claims:
        grouped[claim.article_id].append(claim)
    all_claims, verdicts = [], []
    for article in articles:
        own = grouped[article.id]
        first = [None if c.kind == "deal" else check_claim(c, market, {article.id: article}) for c in own]
        all_claims += own
        verdicts += review_in_articles(own, first, market, {article.id: article})
    deal_verdicts = corroborate_deals(all_claims, by_id)
    checked = [CheckedClaim(c, deal_verdicts.get(i, v)) for i, (c, v) in enumerate(zip(all_claims, verdicts,
                                                                                       strict=True))
               if deal_verdicts.get(i, v) is not None]
    return checked, [market], by_id


def run(cache: Path, name: str, extract: bool) -> None:
    checked, (market,), by_id = checked_claims(cache, name, extract)
    labels = readme_labels()
    rows = [audit.verdict_row(item) for item in audit.contradicted(checked)]
    by_label = Counter(label_of(row, labels) for row in rows)
    cases = audit.check_injected_in_articles(audit.injected_cases(checked), checked, market, by_id)
    cases_by, caught_by = Counter(c.mutation for c in cases), Counter(c.mutation for c in cases
                                                                      if c.verdict == "contradicted")
    print(f"{name}: {len(by_id)} articles, {len(checked)} claims, "
          f"{dict(Counter(i.verdict.verdict for i in checked))}")
    print(f"contradicted {len(rows)}: {dict(sorted(by_label.items()))} ('?': not labelled in the READMEs)")
    print(f"injected caught {sum(caught_by.values())}/{sum(cases_by.values())}: "
          + ", ".join(f"{k} {caught_by[k]}/{n}" for k, n in sorted(cases_by.items())))
    for row in rows:
        print(f"  {label_of(row, labels):24s} {row['article_id']} {row['sentence_start']}-{row['sentence_end']} "
              f"{row['kind']} {row.get('symbol') or ''}")


if __name__ == "__main__":
    command, where = sys.argv[1], Path(sys.argv[2])
    if command == "build":
        build(where)
    else:
        run(where, sys.argv[3], "--extract" in sys.argv)
