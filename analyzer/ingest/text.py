"""Article text as plain text: HTML flattened, scripts dropped, wire hard-wraps undone.

Text from feeds is never trusted: it is parsed as HTML only to take the words out, and what we keep is
plain text (later stages and the report escape it again wherever it is shown).
"""

from __future__ import annotations

import html
import re

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


def looks_like_html(text: str) -> bool:
    return bool(_TAG.search(text))


def html_to_text(markup: str) -> str:
    """The readable words of an HTML fragment or page, paragraphs separated by blank lines."""
    if not markup or not markup.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        # not parseable as markup at all: drop anything tag-like rather than keep it
        return tidy(html.unescape(re.sub(r"<[^>]*>", " ", markup)))
    pieces: list[str] = []
    _walk(root, pieces)
    return tidy("".join(pieces))


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
    text = text.replace("\r\n", "\n").replace("\r", "\n")
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
    text = text.replace("\r\n", "\n")
    blocks = _PARAGRAPH_BREAK.split(text)
    paragraphs = (_SPACES.sub(" ", block.replace("\n", " ")).strip() for block in blocks)
    return "\n\n".join(p for p in paragraphs if p)


def plain_text(value: str) -> str:
    """Plain text from a field that may hold HTML (feeds) or plain text (dumps)."""
    return html_to_text(value) if looks_like_html(value) else tidy(value)
