"""Text at the door: the one sanitiser, encodings of text files, and markup the tree parsers cannot read."""

import json
import unicodedata
from datetime import UTC, datetime

import pytest

from analyzer.ingest import ReadReport, read_articles
from analyzer.ingest.text import clean_text, decode_text, html_to_text, html_to_text_noted, strip_html

WHEN = datetime(2025, 8, 27, 0, 0, tzinfo=UTC)
SENTENCE = "Soci\u00e9t\u00e9 G\u00e9n\u00e9rale shares rose 2% \u2013 the CAC 40 gained 1%.\nBonds fell."


def test_clean_text():
    decomposed = unicodedata.normalize("NFD", "Soci\u00e9t\u00e9")
    assert clean_text("a\ud800b\udfffc") == "a\ufffdb\ufffdc"
    assert clean_text("one\r\ntwo\rthree\x00\x07\x1b\x7f\x85\ufffe four\tfive") == "one\ntwo\nthree four\tfive"
    assert clean_text(decomposed) == "Soci\u00e9t\u00e9" and clean_text(decomposed) != decomposed
    assert clean_text(SENTENCE) == SENTENCE  # clean text passes unchanged


@pytest.mark.parametrize("encoding, bom", [
    ("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
    ("utf-16-le", b""), ("utf-16-be", b""), ("cp1252", b""),
])
def test_text_file_encodings(tmp_path, encoding, bom):
    text = SENTENCE if encoding != "cp1252" else SENTENCE.replace("\u00e9", "e")
    path = tmp_path / f"{encoding}-{'bom' if bom else 'plain'}.txt"
    path.write_bytes(bom + text.encode(encoding))
    (article,) = read_articles(path, published=WHEN)
    assert article.text == text


def test_bom_less_utf16_is_not_mojibake(tmp_path):
    """The case of issue #16: a UTF-16 file saved without a BOM was stored as mojibake."""
    path = tmp_path / "notes.txt"
    path.write_bytes(SENTENCE.encode("utf-16-le"))
    report = ReadReport()
    (article,) = read_articles(path, published=WHEN, report=report)
    assert article.text == SENTENCE and "\x00" not in article.text
    assert report.warnings[0].reason == "read as utf-16-le"
    assert decode_text(SENTENCE.encode("utf-16-be")) == (SENTENCE, "utf-16-be")


def test_undecodable_bytes_become_replacement_characters(tmp_path):
    path = tmp_path / "odd.txt"
    path.write_bytes(b"The Dow rose \x81 1%.")  # 0x81 is undefined even in Windows-1252
    (article,) = read_articles(path, published=WHEN)
    assert article.text == "The Dow rose \ufffd 1%."


PARAGRAPH = ("The Russell 2000 gained 0.8% on Tuesday, outpacing the more modest moves in the S&amp;P 500 "
             "and the Nasdaq, as traders bet that lower rates would help smaller companies. ")


def deep(levels: int, paragraphs: int = 3) -> str:
    return "<div>" * levels + "<p>" + PARAGRAPH * paragraphs + "</p>" + "</div>" * levels


def test_deep_markup_in_a_feed_item_falls_back_to_the_stripper():
    assert html_to_text(deep(10)).startswith("The Russell 2000 gained 0.8%")
    text, note = html_to_text_noted(deep(300))
    assert text == (PARAGRAPH.replace("&amp;", "&") * 3).strip()
    assert "too deeply nested" in note
    assert html_to_text_noted(deep(10))[1] is None


def test_stripper_drops_scripts_and_keeps_paragraphs():
    markup = "<p>One &amp; two.</p><script>var x = '<p>no</p>';</script><style>p {}</style><p>Three&#xD800;</p>"
    assert strip_html(markup) == "One & two.\n\nThree\ufffd"


def page(body: str) -> str:
    return ('<html><head><title>Small caps lead</title><meta property="article:published_time" '
            f'content="2025-08-26T20:00:00-04:00"></head><body>{body}</body></html>')


def test_a_page_nested_too_deep_for_the_extractor_is_read_and_says_so(tmp_path):
    path = tmp_path / "deep.html"
    path.write_text(page(deep(300)), encoding="utf-8")
    report = ReadReport()
    (article,) = read_articles(path, report=report)
    assert article.text.startswith("The Russell 2000 gained 0.8% on Tuesday") and len(article.text) > 400
    assert article.title == "Small caps lead" and article.published == WHEN
    assert "the extractor cannot read this page" in report.warnings[0].reason
    assert "plain-text stripper" in report.warnings[0].reason


def test_a_page_over_the_extractor_limit_is_read_and_says_so(tmp_path):
    path = tmp_path / "big.html"
    body = "<article>" + "".join(f"<p>Paragraph {n}. {PARAGRAPH}</p>" for n in range(55_000)) + "</article>"
    path.write_text(page(body), encoding="utf-8")
    assert path.stat().st_size > 10_000_000
    report = ReadReport()
    (article,) = read_articles(path, report=report)
    assert "Paragraph 54999." in article.text  # all of it, not a truncated first screen
    assert "over the extractor's" in report.warnings[0].reason


def test_jsonl_fields_are_cleaned_at_the_door(tmp_path):
    row = {"id": "c1", "title": "Stocks\u0007 rise", "text": "The Dow\x00 rose \ud800 1%.",
           "url": "http://example.com/a\x1b", "published": "2025-08-26T20:00:00-04:00"}
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    (article,) = read_articles(path)
    assert (article.title, article.text, article.url) == ("Stocks rise", "The Dow rose \ufffd 1%.",
                                                          "http://example.com/a")
