"""Draw the development study dev_stories_mix_seed2020 (README.md): 300 Reuters price stories of 2006, 2007 and
2009 nobody studied, and any qualifying 2025-02 dev-outlet TradingView item nobody studied.

    PYTHONPATH=. python corpora/audit/dev_stories_mix_seed2020/draw_dev.py
    analyzer audit run corpora/audit/dev_stories_mix_seed2020

The rule is ../dev_stories_mix_seed2121/draw_dev.py's (one copy of it; that script takes the seed and the folder as
arguments): this runs it with seed 2020 and this folder. A draw excludes every corpus file's ids but its own, so it
reproduces the 300 only with the corpora of the commit it was drawn at (1a1d165).
"""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

if __name__ == "__main__":
    sys.argv = [sys.argv[0], "--seed", "2020", "--out", str(HERE), *sys.argv[1:]]
    runpy.run_path(str(HERE.parent / "dev_stories_mix_seed2121" / "draw_dev.py"), run_name="__main__")
