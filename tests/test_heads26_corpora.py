"""The two headline corpora of `analyzer eval` (session 26, helper heads26): Benzinga titles by the sample's row
index and Reuters market headlines by the id at the end of their link; Reuters headlines of 2008 and of 2010 on are
held out and refused. Built on small shared-data folders we write, headlines in our own words."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from analyzer import evaluate
from analyzer.errors import InputError

_BENZINGA = ",title,date,stock\n7,Acme Widgets Shares Rise 4% After Upbeat Guidance,2016-05-03 16:20:00-04:00,ACME\n" \
            "9,Brokerage Starts Acme Widgets At Buy,2016-05-04 08:00:00-04:00,ACME\n"


def _write_gold(tmp_path: Path, rows: list[dict]) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def _row(corpus: str, article_id: str, text: str) -> dict:
    return {"corpus": corpus, "article_id": article_id, "char_start": 0, "char_end": len(text),
            "sha1": evaluate.sentence_sha1(text), "claims": []}


def _benzinga(tmp_path: Path) -> Path:
    folder = tmp_path / "data" / "news" / "benzinga_sample"
    folder.mkdir(parents=True)
    (folder / "analyst_ratings_processed_first10k.csv").write_text(_BENZINGA)
    return tmp_path / "data"


def _headlines(tmp_path: Path, rows: list[tuple[str, str, str]]) -> Path:
    folder = tmp_path / "data" / "news" / "headlines_2007_2016"
    folder.mkdir(parents=True)
    with gzip.open(folder / "reuters_market_headlines_filtered.jsonl.gz", "wt") as out:
        for day, title, key in rows:
            out.write(json.dumps({"day": day, "ts": f"{day} 05:10 PM EST", "title": title,
                                  "href": f"http://www.reuters.com/article/x/{key}"}) + "\n")
    return tmp_path / "data"


def test_a_benzinga_title_resolves_by_its_row_index(tmp_path: Path) -> None:
    data = _benzinga(tmp_path)
    title = "Acme Widgets Shares Rise 4% After Upbeat Guidance"
    [gold] = evaluate.load_gold(_write_gold(tmp_path, [_row("benzinga_headlines", "7", title)]), data)
    assert gold.sentence == title
    assert gold.article.source == "Benzinga"
    assert gold.article.published.isoformat() == "2016-05-03T20:20:00+00:00"
    with pytest.raises(InputError, match="Benzinga headlines not found .*: 8"):
        evaluate.load_gold(_write_gold(tmp_path, [_row("benzinga_headlines", "8", title)]), data)


def test_a_reuters_headline_resolves_by_the_id_of_its_link(tmp_path: Path) -> None:
    title = "Acme Widgets to buy Beta Tools for $90 mln"
    data = _headlines(tmp_path, [("20090305", title, "idUSN0512345620090305")])
    [gold] = evaluate.load_gold(_write_gold(tmp_path, [_row("reuters_headlines", "idUSN0512345620090305", title)]),
                                data)
    assert gold.sentence == title
    assert gold.article.source == "Reuters"
    assert gold.article.published.isoformat() == "2009-03-05T22:10:00+00:00"


@pytest.mark.parametrize("day", ["20080612", "20100104", "20131120"])
def test_reuters_headlines_of_2008_and_of_2010_on_are_refused(tmp_path: Path, day: str) -> None:
    title = "Acme Widgets to buy Beta Tools for $90 mln"
    data = _headlines(tmp_path, [(day, title, "idUSN1")])
    with pytest.raises(InputError, match="held out"):
        evaluate.load_gold(_write_gold(tmp_path, [_row("reuters_headlines", "idUSN1", title)]), data)


def test_the_heads26_training_file_loads_from_the_shared_data(shared_data: Path) -> None:
    golds = evaluate.load_gold(Path(__file__).resolve().parent.parent / "corpora/train/heads26.jsonl", shared_data)
    assert {g.corpus for g in golds} == {"benzinga_headlines", "reuters_headlines"}
    assert all(g.article.published is not None for g in golds)
    assert all(g.article.published.year in (2007, 2009) for g in golds if g.corpus == "reuters_headlines")
