"""Article text as plain text: sanitised at the door, HTML flattened, scripts dropped, wire hard-wraps undone.

Text from feeds is never trusted: it is parsed as HTML only to take the words out, and what we keep is
plain text (later stages and the report escape it again wherever it is shown). Every reader passes each
string it takes from outside through ``clean_text`` once, so nothing downstream meets a lone surrogate, a
control character or a non-NFC sequence; ``decode_text`` turns a file's bytes into text the same way for
every reader.
"""

from __future__ import annotations

import codecs
import html
import re
import unicodedata
from html.parser import HTMLParser

import lxml.html
from lxml import etree

# elements whose content is never article text
_DROPPED = {"script", "style", "noscript", "iframe", "template", "object", "embed", "svg", "math", "head",
            "form", "button", "select", "textarea"}
# elements that end a paragraph
_BLOCKS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
           "table", "tr", "section", "article", "header", "footer", "figure", "figcaption", "dd", "dt", "hr"}
_TAG = re.compile(r"<\s*/?\s*[A-Za-z][A-Za-z0-9:-]*(\s[^<>]*)?/?\s*>|<!--"
                  r"|&[A-Za-z]+;|&#\d+;|&#x[0-9a-fA-F]+;")
_SPACES = re.compile(r"[ \t\u00a0\u200b\f\v]+")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_SURROGATES = re.compile("[\ud800-\udfff]")
# C0 controls but tab, newline and carriage return; DEL and the C1 controls; the two noncharacters
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_ANY_TAG = re.compile(r"<[^>]*>")


def clean_text(value: str) -> str:
    """A string from outside made safe to store and parse: the one sanitiser every reader uses.

    Lone surrogates (a ``\\ud800`` escape in JSON, ``&#xD800;`` decoded by a lenient parser) become U+FFFD,
    as does anything a decoder could not read; control characters other than tab and newline are dropped,
    carriage returns become newlines, and the result is NFC (one spelling per accented letter, so equal
    words hash equal).
    """
    if not value:
        return ""
    value = _SURROGATES.sub("\ufffd", value)
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = _CONTROLS.sub("", value)
    return unicodedata.normalize("NFC", value)


# metadata is shown in one line and indexed: a feed whose title is megabytes long is cut here, not stored
MAX_TITLE_CHARS = 1000
MAX_NAME_CHARS = 200  # an outlet's name
MAX_LINK_CHARS = 2048  # the store's column width for URLs and GUIDs


def clip(value: str | None, limit: int) -> str | None:
    """``value`` cut to at most ``limit`` characters (at a space where one is near), with an ellipsis."""
    if value is None or len(value) <= limit:
        return value
    cut = value[: limit - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit * 0.8 else cut) + "\u2026"


_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def detect_encoding(raw: bytes) -> str:
    """The encoding of a text file: its BOM, else UTF-16 by its null bytes, else UTF-8, else Windows-1252.

    A BOM-less UTF-16 file of mostly Latin text has a null byte in every other position (odd positions for
    little-endian, even for big-endian); UTF-8 and Windows-1252 text never has nulls.
    """
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return name
    sample = raw[:4096]
    if len(sample) >= 4 and sample.count(0) >= len(sample) // 4:
        even_nulls = sample[0::2].count(0)
        odd_nulls = sample[1::2].count(0)
        return "utf-16-be" if even_nulls > odd_nulls else "utf-16-le"
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return "cp1252"  # a text file saved by an older Windows tool, by far the most common other case
    return "utf-8"


def decode_text(raw: bytes) -> tuple[str, str]:
    """Bytes of a text file as clean text, with the encoding used (unreadable bytes become U+FFFD)."""
    encoding = detect_encoding(raw)
    for bom, name in _BOMS:
        if name == encoding and raw.startswith(bom):
            raw = raw[len(bom):]
            break
    return clean_text(raw.decode(encoding, errors="replace")), encoding


# a text file holds almost no control characters besides line breaks and tabs; a file where more than this
# share of the characters are controls or undecodable bytes is an image, an archive or a program, not text
# (a short note with one stray byte is still text: at least BINARY_MIN such characters are needed)
BINARY_SHARE = 0.05
BINARY_MIN = 16


def binary_share(text: str) -> float:
    """The share of ``text``'s characters that no text file holds (controls other than whitespace, U+FFFD),
    or 0 when there are fewer than ``BINARY_MIN`` of them."""
    odd = sum(1 for ch in text if ch == "\ufffd" or (ord(ch) < 32 and ch not in "\t\n\r\f\v"))
    return odd / len(text) if odd >= BINARY_MIN else 0.0


def looks_like_html(text: str) -> bool:
    return bool(_TAG.search(text))


def html_to_text(markup: str) -> str:
    """The readable words of an HTML fragment or page, paragraphs separated by blank lines."""
    return html_to_text_noted(markup)[0]


def html_to_text_noted(markup: str) -> tuple[str, str | None]:
    """``html_to_text`` with a note when lxml could not read the markup and the plain stripper was used.

    libxml2 stops descending 255 elements deep and drops what lies below without an error; when its text
    is far shorter than the words the markup holds, the words come from ``strip_html`` instead.
    """
    if not markup or not markup.strip():
        return "", None
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError, etree.LxmlError):
        return strip_html(markup), "markup not readable as HTML; read with the plain-text stripper"
    pieces: list[str] = []
    _walk(root, pieces)
    text = tidy("".join(pieces))
    if len(text) < len(_ANY_TAG.sub("", markup)) // 4:
        stripped = strip_html(markup)
        if len(stripped) > 2 * len(text):
            return stripped, "markup too deeply nested for the HTML parser; read with the plain-text stripper"
    return text, None


class _Stripper(HTMLParser):
    """Text of any markup, however deep or broken: html.parser keeps no tree, so it has no depth limit."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self._dropped = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROPPED and tag not in _VOID:
            self._dropped += 1
        elif tag in _BLOCKS:
            self.pieces.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROPPED and tag not in _VOID:
            self._dropped = max(0, self._dropped - 1)
        elif tag in _BLOCKS:
            self.pieces.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._dropped:
            self.pieces.append(_inline(data))


_VOID = {"embed"}  # dropped elements without an end tag


def strip_html(markup: str) -> str:
    """Plain text of markup by a streaming tag stripper: the fallback when the tree parsers give up."""
    stripper = _Stripper()
    try:
        stripper.feed(markup)
        stripper.close()
    except (AssertionError, ValueError):  # html.parser's own complaints about hopeless input
        return tidy(html.unescape(_ANY_TAG.sub(" ", markup)))
    return tidy("".join(stripper.pieces))


def _inline(text: str) -> str:
    # in HTML a newline inside text is only a space; paragraphs come from elements
    return text.replace("\r", " ").replace("\n", " ")


def _walk(node: etree._Element, out: list[str]) -> None:
    tag = node.tag if isinstance(node.tag, str) else ""  # comments and processing instructions
    tag = tag.lower()
    if tag in _DROPPED or not tag:
        if node.tail:
            out.append(_inline(node.tail))
        return
    if tag in _BLOCKS:
        out.append("\n\n")
    if node.text:
        out.append(_inline(node.text))
    for child in node:
        _walk(child, out)
    if tag in _BLOCKS:
        out.append("\n\n")
    if node.tail:
        out.append(_inline(node.tail))


def tidy(text: str) -> str:
    """Normalise whitespace: paragraphs split by one blank line, no runs of spaces, no edge blanks."""
    text = clean_text(text)
    paragraphs = []
    for block in _PARAGRAPH_BREAK.split(text):
        lines = [_SPACES.sub(" ", line).strip() for line in block.split("\n")]
        joined = "\n".join(line for line in lines if line)
        if joined:
            paragraphs.append(joined)
    return "\n\n".join(paragraphs)


def unwrap_hard_breaks(text: str) -> str:
    """Join lines a wire wrapped at a fixed width; keep blank-line paragraph breaks.

    The 2006-2013 Reuters bodies break every ~60 characters mid-sentence ("offered \\nto pay"); left in,
    those newlines split sentences for the parser.
    """
    text = clean_text(text)
    blocks = _PARAGRAPH_BREAK.split(text)
    paragraphs = (_SPACES.sub(" ", block.replace("\n", " ")).strip() for block in blocks)
    return "\n\n".join(p for p in paragraphs if p)


def plain_text(value: str) -> str:
    """Plain text from a field that may hold HTML (feeds) or plain text (dumps)."""
    return html_to_text(value) if looks_like_html(value) else tidy(value)
