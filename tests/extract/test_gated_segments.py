"""What the gated pipeline parses, with what its gate kept (``pipeline.gated_segments``; issue 14).

benchmarks/gate_recall.py measures the gate on these segments, so its recall is that of the text the parser
really sees: sentence-cased, cut in parts, each part gated on its own. Every text here is written for these tests.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

import analyzer.extract.pipeline as pipeline
from analyzer.extract.pipeline import gated_segments, segments
from tests.written import written_article

FILLER = ("The weather in the city was mild for the season. Commuters crowded the trains as usual. "
          "A local museum opened a new wing devoted to maritime history. ")
MOVE = "Shares of Harbor Steel Corp rose 3.5 percent to $21.40 on Tuesday after its profit beat forecasts. "
HEADLINE = "HARBOR STEEL SHARES JUMP AFTER PROFIT BEAT\n\n"


def test_the_segments_are_the_pipelines_and_each_tells_what_its_gate_kept(nlp: Language) -> None:
    article = written_article(HEADLINE + FILLER + MOVE + FILLER, "2007-03-13 16:30")
    parts = gated_segments(article, nlp)
    assert [(s.text, s.text_map) for s, _ in parts] == [(s.text, s.text_map) for s in segments(article, nlp)]
    ((segment, stats),) = parts
    start = article.text.index(MOVE)
    assert segment.text_map.covers(start, start + len(MOVE.rstrip()))
    assert "Harbor Steel" in segment.text and "museum" not in segment.text
    assert 0 < stats.kept_sentences < stats.sentences and 0 < stats.kept_words < stats.words


def test_a_long_text_is_gated_part_by_part_and_its_counts_add_up(nlp: Language) -> None:
    text = (FILLER * 3 + MOVE + "\n\n") * 3 + FILLER
    article = written_article(text, "2007-03-13 16:30")
    whole = gated_segments(article, nlp)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pipeline, "PART_CHARS", len(FILLER * 3 + MOVE) + 10)
        cut = gated_segments(article, nlp)
    assert len(whole) == 1 and len(cut) > 1
    # every part's map points into the whole article: each move is kept whole in the part that holds it
    starts = [i for i in range(len(text)) if text.startswith(MOVE, i)]
    assert all(any(s.text_map.covers(at, at + len(MOVE.rstrip())) for s, _ in cut) for at in starts)
    # parts cut at paragraph breaks between the moves: each keeps its move and the sentence before, as the whole does
    for field in ("sentences", "kept_sentences", "words", "kept_words"):
        assert sum(getattr(stats, field) for _, stats in cut) == getattr(whole[0][1], field)
    assert whole[0][1].kept_sentences == 6
