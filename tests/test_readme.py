"""The README as a new user meets it: its Python examples run as written and print what it says, and its
install and test commands are the ones CI runs.

The examples to run are the ```python blocks right after a ``<!-- readme-test: NAME -->`` line. Each runs in
a fresh interpreter of this environment from the repository root, as a reader would paste it, with
``$ANALYZER_SHARED_DATA`` set only when the shared data is not at the README's default ``../shared/data``.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
README = REPO / "README.md"
CI_SCRIPT = REPO / ".ci" / "run"
MARKED_BLOCK = re.compile(r"^<!-- readme-test: (?P<name>[\w-]+) -->\n```python\n(?P<code>.*?)^```$",
                          re.MULTILINE | re.DOTALL)


def marked_examples(text: str) -> dict[str, str]:
    """The marked ```python blocks of a README, by name."""
    return {m["name"]: m["code"] for m in MARKED_BLOCK.finditer(text)}


def section(text: str, heading: str) -> str:
    """The text of the README section under ``## heading``, up to the next ``## ``."""
    start = text.index(f"\n## {heading}\n")
    end = text.find("\n## ", start + 1)
    return text[start:end if end != -1 else len(text)]


def run_example(code: str, shared_data: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if shared_data.resolve() == (REPO.parent / "shared" / "data").resolve():
        env.pop("ANALYZER_SHARED_DATA", None)  # the README's default path, as a reader runs it
    else:
        env["ANALYZER_SHARED_DATA"] = str(shared_data.resolve())
    env.pop("ANALYZER_MARKET_DIR", None)  # the example names its market directory itself
    return subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True,
                          timeout=600)


def printed_rows(stdout: str, kind: str, symbol: str) -> list[str]:
    """The printed DataFrame rows of one kind and instrument (a row: index, kind, symbol, ...)."""
    return [line for line in stdout.splitlines() if re.match(rf"\s*\d+\s+{kind}\s+{re.escape(symbol)}\s", line)]


@pytest.fixture(scope="module")
def readme() -> str:
    return README.read_text(encoding="utf-8")


def test_the_marked_examples_are_where_a_reader_looks(readme: str) -> None:
    examples = marked_examples(readme)
    assert set(examples) == {"python-api", "spacy"}
    assert "<!-- readme-test: python-api -->" in section(readme, "Python API")
    assert "<!-- readme-test: spacy -->" in section(readme, "spaCy users")
    assert re.search(r"^import analyzer$", examples["python-api"], re.MULTILINE)


VERDICT_WORDS = {"supported", "contradicted", "unverifiable", "pending", "not_checkable"}


@pytest.fixture(scope="module")
def api_example_run(readme: str, shared_data: Path) -> subprocess.CompletedProcess[str]:
    return run_example(marked_examples(readme)["python-api"], shared_data)


def test_the_python_api_example_analyzes_the_seed_and_prints_a_dataframe(
        readme: str, api_example_run: subprocess.CompletedProcess[str], seed_article: Path) -> None:
    assert seed_article.name in marked_examples(readme)["python-api"]  # the seed's verdicts are known
    out = api_example_run
    assert out.returncode == 0, out.stderr
    header = out.stdout.splitlines()[0].split()
    assert header == ["kind", "instrument_symbol", "stated", "verdict", "actual"]
    # the seed's known verdicts: the Russell 2000 did gain 0.83%; the equal-weight index rose 0.07%, not 2%
    [russell] = printed_rows(out.stdout, "index_move", "^RUT")
    assert "supported" in russell and "+0.83%" in russell
    [equal_weight] = printed_rows(out.stdout, "index_move", "^SPXEW")
    assert "contradicted" in equal_weight and "+0.07%" in equal_weight
    [boeing] = printed_rows(out.stdout, "stock_move", "BA")
    assert "supported" in boeing
    rate = [line for line in out.stdout.splitlines() if re.match(r"\s*\d+\s+rate_policy\s", line)]
    assert len(rate) == 1 and "supported" in rate[0] and "2025-09-17" in rate[0]


def kinds_and_verdicts(printed: str) -> list[tuple[str, str]]:
    """(kind, verdict) of each row of a printed DataFrame (the header line first)."""
    rows = [line.split() for line in printed.splitlines()[1:] if line.strip()]
    return [(row[1], next(word for word in row if word in VERDICT_WORDS)) for row in rows]


def shown_output(readme: str, name: str) -> str:
    """The plain ``` block that follows a marked example: the output the README says it prints."""
    after_example = readme.split(f"<!-- readme-test: {name} -->", 1)[1]
    shown = re.search(r"^```python\n.*?^```$\s*^```\n(?P<output>.*?)^```$", after_example, re.MULTILINE | re.DOTALL)
    assert shown is not None, f"the {name} example is followed by its output in a plain ``` block"
    return shown["output"]


def test_the_dataframe_the_readme_shows_is_what_the_example_prints(
        readme: str, api_example_run: subprocess.CompletedProcess[str]) -> None:
    assert api_example_run.returncode == 0, api_example_run.stderr
    assert kinds_and_verdicts(shown_output(readme, "python-api")) == kinds_and_verdicts(api_example_run.stdout)


def test_the_spacy_example_finds_the_claims_as_spans_with_document_offsets(readme: str,
                                                                         shared_data: Path) -> None:
    out = run_example(marked_examples(readme)["spacy"], shared_data)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert "index_move | Dow Jones industrial average rose 1.2% to 35,000 | 4 52" in lines
    assert any(line.startswith("rate_policy | Federal Reserve is widely expected to cut rates") for line in lines)
    # 'Tuesday' read against the publication time the example sets
    assert "index_move reported 2025-08-26" in lines
    assert "rate_policy expected None" in lines
    assert lines == shown_output(readme, "spacy").splitlines()


def command_line(text: str, prefix: str) -> str:
    """The one line of ``text`` that starts (after indentation) with ``prefix``."""
    [line] = [line.strip() for line in text.splitlines() if line.strip().startswith(prefix)]
    return line


def test_the_readme_install_and_test_commands_are_the_ones_ci_runs(readme: str) -> None:
    set_up = section(readme, "Set up")
    ci = CI_SCRIPT.read_text(encoding="utf-8")
    assert command_line(set_up, "python3 -m venv") == command_line(ci, "python3 -m venv")
    assert command_line(set_up, ".venv/bin/python -m pytest") == command_line(ci, ".venv/bin/python -m pytest")
    # exactly two commands to set up a fresh machine: install, then the tests
    assert len(re.findall(r"^    \S", set_up, re.MULTILINE)) == 2
