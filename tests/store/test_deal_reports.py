"""Earlier reports of a deal found in the store: through chains of reports, within the deal window."""

from __future__ import annotations

from analyzer.cli.recheck_cmd import earlier_deal_reports
from analyzer.ingest import dedup
from analyzer.records import Article, CheckedClaim, Claim, Party, Verdict
from analyzer.store import Store, StoredArticle


def _deal(article_id: str, day: str, buyer: str, target: str) -> Claim:
    return Claim(article_id=article_id, sentence=f"{buyer} agreed to buy {target}, we wrote.", char_start=0,
                 char_end=30, kind="deal", deal_type="acquisition", status="announced", session=day,
                 parties=[Party(buyer, "acquirer"), Party(target, "target")])


def _store(store: Store, claim: Claim) -> None:
    article = Article(id=claim.article_id, text=f"text of {claim.article_id}")
    store.save(StoredArticle(article, dedup.content_hash(article.text)),
               [CheckedClaim(claim, Verdict("unverifiable", "the only report."))])


def test_a_chain_of_reports_within_the_window_is_found(store):
    for claim in (_deal("a", "2007-01-02", "Acme Corp.", "Widget Holdings Inc."),
                  _deal("b", "2007-01-25", "Acme", "Widget Holdings"),       # 23 days after a
                  _deal("c", "2008-06-02", "Acme Corp", "Widget Holdings"),  # another deal, a year later
                  _deal("d", "2007-01-20", "Acme", "Gadget Works")):          # Acme buying something else
        _store(store, claim)
    new = _deal("n", "2007-02-20", "Acme Inc", "Widget Holdings")  # 26 days after b, 49 after a
    found = earlier_deal_reports(store, [new])
    assert [s.claim.article_id for s in found] == ["a", "b"]
    assert earlier_deal_reports(store, [_deal("z", "2007-02-20", "Nobody Ltd", "Nothing Inc")]) == []
