"""The committed classifier in the real spaCy pipeline: offline, on a short written article."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from analyzer.extract import extract_claims, load_pipeline
from analyzer.extract.classifier import apply_predictions, candidate_sentences
from analyzer.models.classifier import DEFAULT_MODEL_DIR, SentencePrediction, load_classifier
from analyzer.records import Article, Claim

TEXT = ("The Dow Jones industrial average fell 120 points, or 1.1 percent, to 10,850 on Tuesday. "
        "Traders were cautious ahead of the holiday. "
        "On Tuesday the Fed trimmed interest rates by a quarter point.")
ARTICLE = Article(id="written-1", text=TEXT, published=datetime(2008, 10, 7, 21, 0, tzinfo=UTC))


def test_committed_model_predicts_offline() -> None:
    assert (DEFAULT_MODEL_DIR / "head.npz").is_file(), "run: analyzer train classifier --out models/claim-classifier"
    classifier = load_classifier()
    move, quiet, fed = classifier.predict([s.strip() for s in TEXT.split(". ")])
    assert move.kind == "move" and move.checkable and move.modality == "reported"
    assert fed.kind == "rate_policy" and fed.checkable
    assert not quiet.checkable


@pytest.fixture(scope="module")
def gated_nlp():
    return load_pipeline(classifier="gate+modality")


def test_pipeline_with_classifier_keeps_real_claims(gated_nlp) -> None:
    plain = extract_claims([ARTICLE], nlp=load_pipeline(classifier="off"))
    gated = extract_claims([ARTICLE], nlp=gated_nlp)
    assert {c.kind for c in plain} >= {"index_move", "rate_policy"}
    assert [(c.kind, c.char_start) for c in gated] == [(c.kind, c.char_start) for c in plain]


def test_classifier_runs_only_on_sentences_with_claims(gated_nlp) -> None:
    doc = gated_nlp(gated_nlp.make_doc(TEXT))
    starts = set(doc._.sentence_predictions)
    assert starts == {c.char_start for c in doc._.claims}
    assert TEXT.index("Traders") not in starts
    assert TEXT.index("Traders") not in {s.start_char for s in candidate_sentences(doc)}


def test_gate_and_modality_override() -> None:
    claim = Claim(article_id="a", sentence="s", char_start=0, char_end=1, kind="index_move")
    sure_none = SentencePrediction("none", 0.9, 0.1, "opinion", 0.95)
    unsure = SentencePrediction("move", 0.6, 0.6, "expected", 0.7)
    assert apply_predictions([claim], {0: sure_none}, "gate") == []
    assert apply_predictions([claim], {0: sure_none}, "modality")[0].modality == "opinion"
    assert apply_predictions([claim], {0: unsure}, "gate+modality")[0].modality == "reported"
    assert apply_predictions([claim], {}, "gate") == [claim]


def test_unknown_use_is_refused() -> None:
    from analyzer.errors import InputError
    from analyzer.extract.classifier import ClaimClassifierComponent

    with pytest.raises(InputError, match="unknown use"):
        ClaimClassifierComponent("everything", None, 0.5, 0.8, 64)
