"""Flag string literals in our tests that share an 8-word run with the shared news texts.

Project rule: sentences from elsewhere are not ours to commit; a test sentence is written in our own words (a
closing level or a date is a fact and may appear). This script collects every string literal of 8+ words from the
given Python files (``ast``: implicit concatenations are one literal; an f-string counts by its constant parts, a
placeholder breaks a run), normalizes words (lowercase, punctuation read as a space) and reports each literal that
shares a run of 8+ consecutive words with a news text: file, line, the length of the longest shared run.

    PYTHONPATH=. python scripts/copycheck.py tests/            # per-file counts and the flagged literals
    PYTHONPATH=. python scripts/copycheck.py tests/test_wire_sessions.py --shared-data /work/shared/data

News texts read (development material only; ``../shared/data`` relative to the repository by default):
Reuters 2006-2009 from ``news/reuters_2006_2013/reuters_news_106521.jsonl.gz`` (each line's ``day`` field is read
with a regex before the line is parsed: stories dated 2010-01-01 or later are skipped unparsed, they are reserved
for blind evaluation; the 1987 Reuters-21578 set is never opened), the 2025-02 TradingView wire items of
the outlets that no held-out split uses (the ``source`` field is read first, the same way), and the RSS files.

Memory: the 8-word shingles of the test literals (tens of thousands of tuples) are the set; each news text's
shingles are intersected with it and then dropped, so nothing of the news is kept but the matched test shingles.
The run length is the longest stretch of consecutive matched shingles in a literal plus 7: it assumes a stretch
comes from one text, which holds in practice and can only over-state a run that two texts share in pieces.
"""

from __future__ import annotations

import argparse
import ast
import gzip
import html
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUN = 8
REUTERS_FILE = Path("news/reuters_2006_2013/reuters_news_106521.jsonl.gz")
WIRE_FILE = Path("news/tradingview_2025_02/items.jsonl.gz")
RSS_DIR = Path("news/rss")
FIRST_DAY, RESERVED_FROM_DAY = 20060101, 20100101
# outlets of corpora/test/tradingview_2025_02_heldout.jsonl: held out whole (corpora/README.md, issue 13)
HELDOUT_OUTLETS = frozenset({
    "Dow Jones", "Trading Economics", "Forexlive", "MarketWatch", "TradingView", "GuruFocus", "Barchart",
    "StockNews", "Market Index", "Mace News", "Small Caps",
})
PLACEHOLDER = "\x00"  # an f-string's {...}: no word, so no run crosses it

_DAY = re.compile(r'"day"\s*:\s*"(\d{8})"')
_SOURCE = re.compile(r'"source"\s*:\s*"((?:[^"\\]|\\.)*)"')
_PUNCT = re.compile(r"[^\w\s\x00]")
_TAG = re.compile(r"<[^>]*>")

Shingle = tuple[str, ...]


class InputError(Exception):
    """A missing or unreadable input, named for the user."""


@dataclass
class Literal:
    path: Path
    line: int
    words: list[str]


@dataclass
class Flagged:
    path: Path
    line: int
    run: int
    text: str


def normalize(text: str) -> list[str]:
    """Lowercase words, punctuation read as a space (``S&P 500's`` -> ``s p 500 s``); a placeholder is a word.

    Splitting (rather than deleting) at punctuation makes ``U.S.-based`` and ``U.S. based`` the same words; it
    flagged a third more literals than deleting did on tests/ and lost none."""
    return _PUNCT.sub(" ", text.lower().replace(PLACEHOLDER, f" {PLACEHOLDER} ")).split()


def shingles(words: list[str]) -> Iterator[Shingle]:
    return zip(*(words[i:] for i in range(RUN)), strict=False)


def _string_text(node: ast.AST) -> str | None:
    """The text of a str constant or of an f-string's constant parts (placeholders marked); None for others."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(part.value if isinstance(part, ast.Constant) and isinstance(part.value, str)
                       else PLACEHOLDER for part in node.values)
    return None


def literals_of(path: Path) -> list[Literal]:
    """String literals of 8+ words in one Python file, with their first line."""
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    except (OSError, SyntaxError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read as Python: {exc}") from exc
    inner: set[int] = set()  # the parts of an f-string are not literals of their own
    found: list[Literal] = []
    for node in ast.walk(tree):
        if id(node) in inner:
            continue
        if isinstance(node, ast.JoinedStr):
            inner.update(id(child) for child in ast.walk(node) if child is not node)
        text = _string_text(node)
        if text is None:
            continue
        words = normalize(text)
        if sum(word != PLACEHOLDER for word in words) >= RUN:
            found.append(Literal(path, getattr(node, "lineno", 0), words))
    return sorted(found, key=lambda lit: lit.line)


def python_files(targets: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for target in targets:
        if target.is_dir():
            files.extend(sorted(target.rglob("*.py")))
        elif target.is_file():
            files.append(target)
        else:
            raise InputError(f"{target}: no such file or directory")
    return files


class Progress:
    """One line on stderr: done/total, rate and time left."""

    def __init__(self, label: str, total: int) -> None:
        self.label, self.total, self.start, self.shown = label, max(total, 1), time.monotonic(), 0.0

    def update(self, done: int, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self.shown < 2.0:
            return
        self.shown = now
        elapsed = now - self.start
        eta = elapsed / done * (self.total - done) if done else 0.0
        print(f"\r{self.label}: {done:,}/{self.total:,} ({100 * done / self.total:.0f}%), "
              f"{elapsed:.0f}s, ETA {eta:.0f}s   ", end="", file=sys.stderr, flush=True)

    def close(self, done: int) -> None:
        self.update(done, force=True)
        print(file=sys.stderr, flush=True)


def _need(path: Path) -> Path:
    if not path.exists():
        raise InputError(f"news input {path} not found (pass --shared-data DIR, the shared data folder)")
    return path


def _jsonl_lines(path: Path) -> Iterator[str]:
    with gzip.open(_need(path), "rt", encoding="utf-8") as handle:
        yield from handle


def _count_lines(path: Path) -> int:
    with gzip.open(_need(path), "rb") as handle:
        return sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))


def _json_text(line: str, fields: tuple[str, ...]) -> str:
    row = json.loads(line)
    return "\n".join(str(row.get(field) or "") for field in fields)


def reuters_texts(shared: Path) -> Iterator[str]:
    """Title and body of each Reuters story dated 2006-2009; later ones are skipped by date before parsing."""
    for line in _jsonl_lines(shared / REUTERS_FILE):
        day = _DAY.search(line, 0, 400)  # 'day' is the second field, well before the body
        if day and FIRST_DAY <= int(day.group(1)) < RESERVED_FROM_DAY:
            yield _json_text(line, ("title", "body"))
        else:
            yield ""  # undated or reserved: counted as a line, never parsed


def wire_texts(shared: Path, heldout: bool) -> Iterator[str]:
    """Title and text of each 2025-02 wire item of a development outlet (source read before parsing)."""
    for line in _jsonl_lines(shared / WIRE_FILE):
        source = _SOURCE.search(line, 0, 600)
        if source and (heldout or source.group(1) not in HELDOUT_OUTLETS):
            yield _json_text(line, ("title", "text"))
        else:
            yield ""


def rss_texts(shared: Path) -> Iterator[str]:
    """Each saved feed (and the shocktrade JSON renderings of them) with markup and entities removed."""
    files = sorted(p for p in _need(shared / RSS_DIR).rglob("*") if p.suffix in {".xml", ".json"})
    for path in files:
        raw = path.read_text(encoding="utf-8", errors="replace")
        yield _TAG.sub(" ", html.unescape(_TAG.sub(" ", html.unescape(raw))))


def scan(shared: Path, wanted: set[Shingle], heldout: bool) -> set[Shingle]:
    """The test shingles that occur in some news text."""
    sources = [
        ("reuters 2006-2009", lambda: reuters_texts(shared), _count_lines(shared / REUTERS_FILE)),
        ("wire items 2025-02", lambda: wire_texts(shared, heldout), _count_lines(shared / WIRE_FILE)),
        ("rss", lambda: rss_texts(shared), sum(1 for p in _need(shared / RSS_DIR).rglob("*")
                                               if p.suffix in {".xml", ".json"})),
    ]
    matched: set[Shingle] = set()
    for label, texts, total in sources:
        progress = Progress(label, total)
        done = read = 0
        for done, text in enumerate(texts(), 1):
            if text:
                read += 1
                matched.update(wanted.intersection(shingles(normalize(text))))
            progress.update(done)
        progress.close(done)
        print(f"{label}: {read:,} texts compared, {done - read:,} skipped (reserved, held out or empty)",
              file=sys.stderr)
    return matched


def longest_run(words: list[str], matched: set[Shingle]) -> tuple[int, int]:
    """(start, length) of the literal's longest run covered by consecutive matched shingles; length 0: none."""
    best = current = start = 0
    for index, shingle in enumerate(shingles(words)):
        current = current + 1 if shingle in matched else 0
        if current > best:
            best, start = current, index - current + 1
    return (start, best + RUN - 1) if best else (0, 0)


def check(files: list[Path], shared: Path, heldout: bool) -> tuple[list[Literal], list[Flagged]]:
    literals = [lit for path in files for lit in literals_of(path)]
    wanted = {s for lit in literals for s in shingles(lit.words) if PLACEHOLDER not in s}
    print(f"{len(literals):,} literals of {RUN}+ words in {len(files)} files, {len(wanted):,} shingles",
          file=sys.stderr)
    matched = scan(shared, wanted, heldout)
    flagged = []
    for lit in literals:
        start, run = longest_run(lit.words, matched)
        if run:  # the literal's own words of the run, so the writer sees what to reword
            flagged.append(Flagged(lit.path, lit.line, run, " ".join(lit.words[start:start + run])))
    return literals, flagged


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def report(files: list[Path], literals: list[Literal], flagged: list[Flagged], quiet: bool) -> None:
    if not quiet:
        for item in flagged:
            print(f"{_shown(item.path)}:{item.line}: run {item.run}: {item.text}")
        print()
    per_file = Counter(item.path for item in flagged)
    per_file_literals = Counter(lit.path for lit in literals)
    for path, count in sorted(per_file.items(), key=lambda kv: (-kv[1], str(kv[0]))):
        print(f"{count:4d} of {per_file_literals[path]:4d}  {_shown(path)}")
    print(f"total: {len(flagged)} of {len(literals)} literals flagged in {len(per_file)} of {len(files)} files")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, default=[ROOT / "tests"],
                        help="Python files or folders to check (default: tests/)")
    parser.add_argument("--shared-data", type=Path, default=ROOT.parent / "shared" / "data",
                        help="the shared data folder (default: ../shared/data relative to the repository)")
    parser.add_argument("--quiet", action="store_true", help="per-file counts only, no flagged literals")
    parser.add_argument("--with-heldout-outlets", action="store_true",
                        help="also read the wire items of the held-out outlets (the lead's call, not a helper's)")
    args = parser.parse_args(argv)
    try:
        files = python_files(args.paths)
        if not args.shared_data.is_dir():
            raise InputError(f"shared data folder {args.shared_data} not found (pass --shared-data DIR)")
        literals, flagged = check(files, args.shared_data, args.with_heldout_outlets)
    except InputError as exc:
        print(f"copycheck: {exc}", file=sys.stderr)
        return 2
    report(files, literals, flagged, args.quiet)
    return 1 if flagged else 0


if __name__ == "__main__":
    sys.exit(main())
