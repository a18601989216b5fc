"""Our components as a spaCy user meets them: entry points, declared requirements, claims as spans,
serialisation, and pipelines and components that share no state. Passages are our own sentences."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime, timedelta, timezone

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span
from spacy.training import Example

from analyzer.errors import InputError
from analyzer.extract import load_pipeline, model_name
from analyzer.extract.component import ExtractComponent
from analyzer.extract.doc_fields import CLAIMS_SPAN_KEY

EDT = timezone(timedelta(hours=-4))
PUBLISHED = datetime(2025, 8, 26, 20, 0, tzinfo=EDT)
PASSAGE = ("Stocks ended a quiet session mixed on Tuesday. The Dow Jones industrial average rose 1.2% to 35,000, "
           "its best day in a month. Apple shares fell 3 percent after the company trimmed its sales outlook. "
           "The Federal Reserve is widely expected to cut rates by a quarter point next month.")


def _processed(nlp: Language, text: str = PASSAGE) -> Doc:
    doc = nlp.make_doc(text)
    doc._.article_id = "ours"
    doc._.published = PUBLISHED
    return nlp(doc)


def test_add_pipe_works_in_a_fresh_interpreter_through_the_entry_points() -> None:
    # nothing from analyzer is imported by the script: spaCy finds the factory through the package metadata
    script = (
        "import json, spacy, sys\n"
        f"nlp = spacy.load({model_name()!r})\n"
        # spaCy imports every entry point for each Language it makes: ours costs no component module until used
        "heavy = [m for m in ('analyzer.extract.moves', 'analyzer.market.calendar') if m in sys.modules]\n"
        "nlp.add_pipe('market_claims')\n"
        "doc = nlp('The Dow Jones industrial average rose 1.2% to 35,000 on Tuesday.')\n"
        "print(json.dumps({'pipes': nlp.pipe_names, 'heavy_before_add': heavy,\n"
        "                  'spans': [[s.text, s.label_] for s in doc.spans['market_claims']]}))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    found = json.loads(out.stdout.strip().splitlines()[-1])
    # market_claims reads doc._.instruments: it brought instrument_mentions along, in front of itself
    assert found["pipes"][-2:] == ["instrument_mentions", "market_claims"]
    assert found["spans"] == [["Dow Jones industrial average rose 1.2% to 35,000", "index_move"]]
    assert found["heavy_before_add"] == []


def test_components_declare_what_they_read_and_write() -> None:
    spacy.blank("en")  # a new Language loads the entry points: the classifier's module is not imported before
    for name in ("instrument_mentions", "market_claims", "rate_policy_claims", "deal_claims", "valuation_opinions",
                 "claim_classifier"):
        meta = Language.get_factory_meta(name)
        assert "doc.sents" in meta.requires or "doc._.claims" in meta.requires, name
        assert meta.assigns, name
    assert "doc._.instruments" in Language.get_factory_meta("market_claims").requires
    assert Language.get_factory_meta("instrument_mentions").default_config == {"market_dir": None}


def test_spacys_own_analysis_finds_nothing_missing_in_our_pipeline(nlp: Language) -> None:
    analysis = nlp.analyze_pipes()
    assert all(not problems for problems in analysis["problems"].values()), analysis["problems"]
    assert analysis["attrs"]["doc._.instruments"] == {"assigns": ["instrument_mentions"],
                                                      "requires": ["market_claims", "tagger_guided"]}


def test_a_component_without_the_parse_it_reads_fails_when_added() -> None:
    nlp = spacy.blank("en")
    with pytest.raises(InputError, match=r"'market_claims' component reads .*token\.dep.*parser"):
        nlp.add_pipe("market_claims")
    assert nlp.pipe_names == []


def test_the_classifier_without_claim_components_fails_when_added() -> None:
    nlp = spacy.load(model_name(), exclude=["ner"])
    with pytest.raises(InputError, match="judges claims.*market_claims"):
        nlp.add_pipe("claim_classifier")


def test_market_claims_ahead_of_its_instruments_fails_instead_of_finding_nothing() -> None:
    nlp = spacy.load(model_name())
    nlp.add_pipe("instrument_mentions")
    nlp.add_pipe("market_claims", before="instrument_mentions")
    with pytest.raises(InputError, match=r"needs doc\._\.instruments.*add 'instrument_mentions' before"):
        nlp("The Dow Jones industrial average rose 1.2% to 35,000 on Tuesday.")


def test_claims_are_spans_with_document_offsets(nlp: Language) -> None:
    doc = _processed(nlp)
    claims = doc._.claims
    spans = list(doc.spans[CLAIMS_SPAN_KEY])
    assert [(s.label_, s.text) for s in spans] == [
        ("index_move", "Dow Jones industrial average rose 1.2% to 35,000"),
        ("comparison", "its best day in a month"),
        ("stock_move", "Apple shares fell 3 percent"),
        ("rate_policy", "Federal Reserve is widely expected to cut rates by a quarter point next month."),
    ]
    by_id = {c.claim_id: c for c in claims}
    for span in spans:
        claim = by_id[span.id_]
        start, end = claim.char_range
        assert (span.start_char, span.end_char) == (start, end)
        assert doc[span.start:span.end].text == PASSAGE[start:end]
        assert span._.claim == claim
    # the sentence-relative offsets of the output contract are unchanged
    apple = next(c for c in claims if c.kind == "stock_move")
    assert apple.sentence[apple.span_start:apple.span_end] == "Apple shares fell 3 percent"


def test_the_claims_scorer_compares_spans_with_a_reference(nlp: Language) -> None:
    predicted = _processed(nlp)
    reference = nlp.make_doc(PASSAGE)
    dow = next(s for s in predicted.spans[CLAIMS_SPAN_KEY] if s.label_ == "index_move")
    # the right index move, and a stock move the reference puts on the first sentence, not on Apple's
    reference.spans[CLAIMS_SPAN_KEY] = [Span(reference, dow.start, dow.end, label="index_move"),
                                        Span(reference, 0, 6, label="stock_move")]
    example = Example(predicted, reference)
    moves = nlp.get_pipe("market_claims").score([example])
    # three predicted (the move, its 'best day in a month', Apple's move), two in the reference, one agreed
    assert (moves["market_claims_p"], moves["market_claims_r"]) == (pytest.approx(1 / 3), 0.5)
    assert moves["market_claims_per_type"]["index_move"]["f"] == 1.0
    rates = nlp.get_pipe("rate_policy_claims").score([example])
    assert rates["rate_policy_claims_p"] == 0.0  # one predicted, none in the reference


def test_docbin_round_trips_a_processed_doc(nlp: Language) -> None:
    doc = _processed(nlp)
    assert len(doc._.claims) == 4
    stored = DocBin(store_user_data=True)
    stored.add(doc)
    [back] = DocBin().from_bytes(stored.to_bytes()).get_docs(nlp.vocab)
    assert back._.claims == doc._.claims
    assert back._.published == PUBLISHED and back._.published.utcoffset() == timedelta(hours=-4)
    assert back._.article_id == "ours"
    assert back._.instruments == doc._.instruments
    assert [(s.start, s.end, s.label_, s.id_) for s in back.spans[CLAIMS_SPAN_KEY]] == \
        [(s.start, s.end, s.label_, s.id_) for s in doc.spans[CLAIMS_SPAN_KEY]]
    # and the Doc's own bytes, which nlp.pipe(n_process=2) sends between processes
    again = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert again._.claims == doc._.claims and again._.published == PUBLISHED


def test_each_load_is_a_pipeline_of_its_own(market_dir) -> None:  # noqa: ANN001
    first = load_pipeline(market_dir=str(market_dir))
    second = load_pipeline(market_dir=str(market_dir))
    assert first is not second
    first.remove_pipe("deal_claims")
    assert "deal_claims" in second.pipe_names
    assert first.get_pipe("market_claims") is not second.get_pipe("market_claims")
    assert first.get_pipe("instrument_mentions").registry is not second.get_pipe("instrument_mentions").registry


def _state(component: ExtractComponent) -> dict[str, tuple[int, int | None]]:
    # the shared vocab grows with every new word: it is spaCy's, not per-document state of ours
    return {k: (id(v), len(v) if hasattr(v, "__len__") else None) for k, v in vars(component).items()
            if k != "vocab"}


def test_components_keep_nothing_of_a_document(nlp: Language) -> None:
    ours = [(name, pipe) for name, pipe in nlp.pipeline if isinstance(pipe, ExtractComponent)]
    assert [name for name, _ in ours] == ["instrument_mentions", "market_claims", "rate_policy_claims",
                                          "deal_claims", "valuation_opinions", "tagger_guided"]
    before = {name: _state(pipe) for name, pipe in ours}
    _processed(nlp)
    _processed(nlp, "Boeing agreed to sell 40 jets to a Gulf carrier. The Nasdaq gained 0.5% on the day.")
    assert {name: _state(pipe) for name, pipe in ours} == before


def test_a_saved_pipeline_keeps_its_instrument_names(nlp: Language, tmp_path) -> None:  # noqa: ANN001
    # Hormel Foods is named only in the market directory's constituents list, not in our built-in aliases
    text = PASSAGE + " Hormel Foods shares rose 2 percent."
    nlp.to_disk(tmp_path / "pipeline")
    assert (tmp_path / "pipeline" / "instrument_mentions" / "registry.json").is_file()
    # loaded with no market directory at all: the names come from the saved component
    loaded = spacy.load(tmp_path / "pipeline", config={"components": {"instrument_mentions": {"market_dir": None}}})
    assert loaded.pipe_names == nlp.pipe_names
    claims = _processed(loaded, text)._.claims
    assert claims == _processed(nlp, text)._.claims
    assert any(c.instrument is not None and c.instrument.symbol == "HRL" for c in claims)
