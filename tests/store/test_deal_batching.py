"""Deal verdicts are a function of the reports of the deal, never of how the articles were batched.

The same five articles (our own sentences: three reports of one acquisition, one of them with another
price, and an aircraft order) stored by one `analyzer run`, and by three runs that each bring part of
them, end with the same verdict for every claim; in the split runs the first report is re-checked when
the others arrive, and its history says so.
"""

from __future__ import annotations

import json
from pathlib import Path

from cli_runner import run_cli

from analyzer.records import to_dict
from analyzer.store import Store

ARTICLES = [
    {"id": "deal-a1", "published": "2007-03-05T14:00:00Z",
     "text": "Northrop Grumman Corp said on Monday it agreed to buy Sterling Software Inc for $2.5 billion in "
             "cash.\n\nThe defense company said the deal would close in the third quarter."},
    {"id": "deal-a2", "published": "2007-03-06T09:00:00Z",
     "text": "Northrop Grumman agreed to acquire Sterling Software for about $2.5 billion, the companies said on "
             "Monday.\n\nShares of Sterling rose in early trading."},
    {"id": "deal-a3", "published": "2007-03-07T10:00:00Z",
     "text": "Northrop Grumman will pay $3.1 billion for Sterling Software, a person familiar with the matter "
             "said.\n\nNorthrop declined to comment."},
    {"id": "deal-a4", "published": "2007-03-07T16:00:00Z",
     "text": "Air China agreed to buy 15 Boeing 787 jets, Boeing Co said on Wednesday.\n\nThe order is worth "
             "about $2.4 billion at list prices."},
    {"id": "deal-a5", "published": "2007-03-08T08:00:00Z",
     "text": "Boeing said Air China had ordered 15 of its 787 Dreamliner jets.\n\nThe airline did not give a "
             "price."},
]


def _dump(rows: list[dict], path: Path) -> str:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return str(path)


def _verdicts(db: Path) -> dict[tuple[str, int], dict]:
    store = Store.open(str(db))
    try:
        return {(s.claim.article_id, n): to_dict(s.verdict)
                for n, s in enumerate(sorted(store.stored_claims(), key=lambda s: (s.claim.article_id, s.row)))}
    finally:
        store.close()


def test_one_run_and_split_runs_give_the_same_deal_verdicts(market_dir, tmp_path, capsys, monkeypatch):
    together, split = tmp_path / "together.db", tmp_path / "split.db"
    code, _, stderr = run_cli(capsys, monkeypatch, "run", _dump(ARTICLES, tmp_path / "all.jsonl"), "--db",
                                str(together), "--market", str(market_dir))
    assert code == 0, stderr
    for n, part in enumerate([ARTICLES[:1], ARTICLES[1:2], ARTICLES[2:]]):
        code, _, stderr = run_cli(capsys, monkeypatch, "run", _dump(part, tmp_path / f"part{n}.jsonl"), "--db",
                                    str(split), "--market", str(market_dir))
        assert code == 0, stderr
    one, parts = _verdicts(together), _verdicts(split)
    deals = {key: v["verdict"] for key, v in one.items() if v["evidence"] and v["evidence"][0]["series"] ==
             "deal_reports"}
    assert list(deals.values()).count("supported") >= 2 and "contradicted" in deals.values()  # the test has teeth
    assert parts == one

    store = Store.open(str(split))
    first = [h for h in store.verdict_history("deal-a1")]
    store.close()
    assert [h.verdict for h in first] == ["unverifiable", "supported"]
    assert "another report of the deal" in first[1].reason
