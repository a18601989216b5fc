import gzip
import json
from datetime import UTC, datetime

import pytest

from analyzer.errors import InputError
from analyzer.ingest import ReadReport, read_articles
from ingest.realdata import reuters_rows_before_2010, tradingview_rows


def test_reuters_dump_shape(reuters_jsonl, shared_data):
    first = next(reuters_rows_before_2010(shared_data, 1))
    report = ReadReport()
    articles = list(read_articles(reuters_jsonl, report=report))
    assert len(articles) == 200 and report.read == 200 and report.skipped == 0
    art = articles[0]
    assert art.id == first["id"] and art.title == first["title"] and art.url == first["url"]
    assert art.source == "Reuters"
    assert art.published_raw == first["published"] == "Fri Oct 20, 2006 6:15pm EDT"
    assert art.published == datetime(2006, 10, 20, 22, 15, tzinfo=UTC)
    # the dump's fixed-width wrapping is undone; paragraphs stay apart
    assert "offered to pay" in art.text and "\n" not in art.text.split("\n\n")[0]
    assert all(a.published and a.published.year == 2006 for a in articles)


def test_tradingview_shape_and_flash_headlines(shared_data, tmp_path):
    rows = list(tradingview_rows(shared_data, 300))
    path = tmp_path / "tv.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    articles = {a.id: a for a in read_articles(path)}
    assert len(articles) == len(rows)
    for row in rows:
        art = articles[row["id"]]
        assert art.source == row["source"]
        assert art.published == datetime.fromisoformat(row["published"]).astimezone(UTC)
        if not row["text"].strip():
            assert art.text == art.title  # flash headline: the title is the news
    assert any(not r["text"].strip() for r in rows)


def test_bad_lines_are_skipped_and_reported(reuters_jsonl, tmp_path):
    with gzip.open(reuters_jsonl, "rt", encoding="utf-8") as src:
        good = src.read().splitlines()[:5]
    lines = [good[0], "{not json", good[1], "[1, 2]", "", json.dumps({"id": "x", "title": ""}), good[2],
             json.dumps({"id": "late", "title": "A title", "text": "Words.", "published": "soon"}),
             b"\xff\xfe broken utf8".decode("latin-1")]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = ReadReport()
    articles = list(read_articles(path, report=report))
    assert [a.id for a in articles][:3] == [json.loads(g)["id"] for g in good[:3]]
    assert articles[-1].id == "late" and articles[-1].published is None  # kept, its time reported
    assert report.read == 4 and report.skipped == 4
    wheres = [p.where for p in report.problems]
    assert wheres[:3] == [f"{path}:2", f"{path}:4", f"{path}:6"]
    assert "not JSON" in report.problems[0].reason and "no text and no title" in report.problems[2].reason
    assert any("soon" in w.reason for w in report.warnings)


def test_a_file_of_no_articles_is_an_error(tmp_path):
    path = tmp_path / "prices.jsonl"
    path.write_text("date,close\n2025-01-02,5868.55\n", encoding="utf-8")
    with pytest.raises(InputError, match="no line is an article"):
        list(read_articles(path))


@pytest.mark.parametrize("name, content, message", [
    ("missing.jsonl", None, "no such file"),
    ("broken.jsonl.gz", b"\x1f\x8b\x08\x00garbage", "unreadable"),
    ("notes.docx", b"PK", "unsupported"),
])
def test_unreadable_files(tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(InputError, match=message) as info:
        list(read_articles(path))
    assert name in str(info.value)


def test_truncated_gzip_keeps_what_was_read(reuters_jsonl, tmp_path):
    data = reuters_jsonl.read_bytes()
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(data[: len(data) // 2])
    seen = []
    with pytest.raises(InputError, match="cut.jsonl.gz: unreadable after line"):
        for article in read_articles(cut):
            seen.append(article)
    assert 0 < len(seen) < 200


def test_text_file_needs_a_time(seed_article):
    with pytest.raises(InputError, match="publication time"):
        list(read_articles(seed_article))
    when = datetime(2025, 8, 26, 20, 0, tzinfo=UTC)
    (article,) = read_articles(seed_article, published=when)
    assert article.id == seed_article.stem and article.published == when
    assert article.text.startswith("For months now") and "Russell 2000" in article.text


def test_cp1252_text_file(tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes("Stocks rose \u2013 the Dow gained 1%.".encode("cp1252"))
    (article,) = read_articles(path, published=datetime(2007, 1, 3, 21, tzinfo=UTC))
    assert article.text == "Stocks rose \u2013 the Dow gained 1%."


def test_binary_file_named_txt_is_refused_not_read_as_an_empty_article(tmp_path):
    when = datetime(2007, 1, 3, 21, tzinfo=UTC)
    image = tmp_path / "chart.txt"  # a PNG saved under the wrong name: header, then compressed bytes
    image.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    with pytest.raises(InputError, match=r"chart\.txt: not a text file"):
        list(read_articles(image, published=when))
    # text with a stray control character or two is still text
    note = tmp_path / "note.txt"
    note.write_bytes(b"The Dow rose 1% on Tuesday.\x0c\nShares of Acme fell 2%.\x07")
    (article,) = read_articles(note, published=when)
    assert "Shares of Acme fell 2%." in article.text
    # UTF-16 without a BOM has a null byte in every other position, and is text
    wide = tmp_path / "wide.txt"
    wide.write_bytes("The S&P 500 fell 0.5 percent.".encode("utf-16-le"))
    (article,) = read_articles(wide, published=when)
    assert article.text == "The S&P 500 fell 0.5 percent."


def test_html_in_dump_text_is_flattened(tmp_path):
    row = {"id": "h1", "published": "2025-02-10T10:00:00+08:00", "title": "<b>Stocks</b> &amp; bonds",
           "text": "<p>The S&amp;P 500 rose 1%.</p><script>alert('x')</script><p>Bonds fell.</p>"}
    path = tmp_path / "h.jsonl"
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    (article,) = read_articles(path)
    assert article.title == "Stocks & bonds"
    assert article.text == "The S&P 500 rose 1%.\n\nBonds fell."


PAGE = """<html><head><title>Small caps lead</title>
<meta property="article:published_time" content="2025-08-26T20:00:00-04:00"></head>
<body><nav><a href="/">Home</a> <a href="/markets">Markets</a></nav>
<article><h1>Small caps lead as Russell 2000 climbs</h1>
<p>The Russell 2000 gained 0.8% on Tuesday, outpacing the more modest moves in the S&amp;P 500 and the
Nasdaq, as traders bet that lower interest rates would help smaller companies more than large ones.</p>
<p>The S&amp;P 500 rose 0.4% while the Nasdaq Composite added 0.4%, and the Dow Jones Industrial Average
gained 0.3%. Analysts said the rotation into small caps could continue if the Federal Reserve cuts.</p>
<script>document.write('tracking pixel')</script></article>
<footer>Copyright notice and other links</footer></body></html>"""


def test_saved_html_page(tmp_path):
    path = tmp_path / "small-caps.html"
    path.write_text(PAGE, encoding="utf-8")
    (article,) = read_articles(path)
    assert article.id == "small-caps"
    assert article.published == datetime(2025, 8, 27, 0, 0, tzinfo=UTC)
    assert article.text.startswith("The Russell 2000 gained 0.8% on Tuesday")
    assert "tracking pixel" not in article.text and "Copyright" not in article.text


def test_html_page_without_a_body(tmp_path):
    path = tmp_path / "links.html"
    path.write_text("<html><body><a href='/a'>A</a> <a href='/b'>B</a></body></html>", encoding="utf-8")
    with pytest.raises(InputError, match="links.html: no article body|links.html: body too short"):
        list(read_articles(path))
