"""The claim tagger's inference precision: float32 by default; bfloat16 when asked ('bf16', or 'auto' where the CPU
has bfloat16 units); a sentence whose reading bfloat16's rounding could change (a kind probability near the
caller's threshold, two tags or modalities close) is read again in float32, so both give the same readings."""

from __future__ import annotations

import pytest
import torch

from analyzer.errors import InputError
from analyzer.models import tagger as tagger_module
from analyzer.models.tagger import PRECISION_ENV, _unsure_rows, inference_precision, load_tagger

SENTENCES = [
    "Shares of Boeing rose 2.4 percent to $71.30 after the planemaker won a large order.",
    "The Nasdaq composite index slid 31.2 points, or 1.3 percent, to 2,310.5 in afternoon trade.",
    "Analysts said the stock could climb 10 percent if the merger goes through.",
    "The company will hold its annual meeting in Denver next month.",
]


@pytest.mark.parametrize(("given", "native", "expected"), [
    ("fp32", True, "fp32"), ("bf16", False, "bf16"), ("auto", True, "bf16"), ("auto", False, "fp32"),
    (None, True, "fp32"), (None, False, "fp32"), (" BF16 ", False, "bf16")])
def test_the_precision_is_asked_for_or_follows_the_cpu(monkeypatch, given, native, expected) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv(PRECISION_ENV, raising=False)
    monkeypatch.setattr(tagger_module, "native_bf16", lambda: native)
    assert inference_precision(given) == expected
    if given is not None:
        monkeypatch.setenv(PRECISION_ENV, given)
        assert inference_precision() == expected


def test_an_unknown_precision_is_refused(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv(PRECISION_ENV, "int8")
    with pytest.raises(InputError, match="ANALYZER_TAGGER_PRECISION"):
        inference_precision()


def test_bfloat16_reads_our_sentences_as_float32_does() -> None:
    tagger = load_tagger()
    exact = tagger.predict(SENTENCES)
    fast = tagger.predict(SENTENCES, precision="bf16", decided_at=(0.8,))
    for a, b in zip(exact, fast, strict=True):
        assert a.kinds(0.8) == b.kinds(0.8)
        assert a.modality == b.modality
        assert [(s.tag, s.start, s.end) for s in a.spans] == [(s.tag, s.start, s.end) for s in b.spans]
        assert max(abs(a.kind_probabilities[k] - b.kind_probabilities[k]) for k in a.kind_probabilities) < 0.05
        assert all(isinstance(p, float) for p in b.kind_probabilities.values())
    assert exact[0].kinds(0.8) == ["stock_move"]  # a control: the sentences are read, not all empty


def test_a_reading_close_to_a_decision_is_read_again_in_float32(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    tagger = load_tagger()
    exact = tagger.predict(SENTENCES)
    monkeypatch.setattr(tagger_module, "EXACT_MARGIN", 1e9)  # every reading is close: all in float32 again
    again = tagger.predict(SENTENCES, precision="bf16")
    for a, b in zip(exact, again, strict=True):
        assert max(abs(a.kind_probabilities[k] - b.kind_probabilities[k]) for k in a.kind_probabilities) < 1e-6


def test_which_rows_are_unsure() -> None:
    cuts = torch.logit(torch.tensor([0.8]))  # 1.386
    kinds = torch.tensor([[1.3, -5.0], [3.0, -5.0], [3.0, -5.0], [3.0, -5.0], [3.0, -5.0]])
    modality = torch.tensor([[2.0, 0.0], [2.0, 0.0], [2.0, 1.9], [2.0, 0.0], [2.0, 0.0]])
    tags = torch.tensor([[[4.0, 0.0]] * 2] * 5)
    tags[3, 1] = torch.tensor([1.0, 0.9])  # a token whose two likeliest tags are close
    tags[4, 1] = torch.tensor([1.0, 0.9])  # the same on a padding token: no matter
    mask = torch.tensor([[1, 1], [1, 1], [1, 1], [1, 1], [1, 0]])
    assert _unsure_rows(kinds, modality, tags, mask, cuts).tolist() == [True, False, True, True, False]


def test_length_batches_keep_every_row_once_in_batches_of_like_lengths() -> None:
    """Each index once, batches no larger than asked, sorted by length; far apart lengths in batches of their own,
    many equal ones together."""
    from analyzer.models.tagger import length_batches

    lengths = [5, 90, 10, 11, 12, 50, 52, 80]
    batches = length_batches(lengths, 32)
    assert sorted(i for b in batches for i in b) == list(range(len(lengths)))
    assert [lengths[i] for b in batches for i in b] == sorted(lengths)
    assert [0, 2, 3, 4] in batches and [1] in batches
    assert all(len(b) <= 4 for b in length_batches([10] * 9, 4))
    assert length_batches([], 8) == []


def test_a_sentence_reads_the_same_in_any_batch() -> None:
    """The readings of a sentence alone and among others of other lengths (its batch changes) are the same."""
    tagger = load_tagger()
    together = tagger.predict(SENTENCES)
    for sentence, reading in zip(SENTENCES, together, strict=True):
        alone = tagger.predict([sentence])[0]
        assert alone.spans == reading.spans and alone.modality == reading.modality
        assert alone.kind_probabilities == pytest.approx(reading.kind_probabilities, abs=1e-5)
