"""Market layer throughput: answer 10,000 claims about random real symbols and sessions.

    .venv/bin/python benchmarks/market_bench.py [--market DIR] [--claims N] [--symbols K] [--seed S]

Claims are drawn at random: a symbol among those with daily files, a date among its rows (plus 5%
random calendar dates, so weekends, holidays and out-of-range dates are exercised too), and a measure
(session change 60%, week/month/ytd change 25%, record status 5%, streak 5%, session range 5%).
Prints the time to load the symbols (cold, lazy loading), claims/s answered, errors by kind and the
peak resident memory of the process.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import resource
import sys
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from analyzer.errors import MarketDataError  # noqa: E402
from analyzer.market import (  # noqa: E402
    MarketData,
    change_for_period,
    record_status,
    session_change,
    session_range,
    streak,
)

DEFAULT_MARKET = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "market"


def make_claims(md: MarketData, n: int, k: int, rng: random.Random) -> list[tuple[str, str, date]]:
    symbols = rng.sample(md.symbols(), min(k, len(md.symbols())))
    kinds = ["day"] * 12 + ["week", "month", "ytd", "week", "month"] + ["record", "streak", "range"]
    claims = []
    for _ in range(n):
        symbol = rng.choice(symbols)
        days = md.bars(symbol).index
        if rng.random() < 0.05:
            day = date(1990, 1, 1) + timedelta(days=rng.randrange(13000))
        else:
            day = days[rng.randrange(1, len(days))].date()
        claims.append((rng.choice(kinds), symbol, day))
    return claims


def answer(md: MarketData, kind: str, symbol: str, day: date) -> object:
    if kind == "day":
        return session_change(md, symbol, day)
    if kind in ("week", "month", "ytd"):
        return change_for_period(md, symbol, day, kind)
    if kind == "record":
        return record_status(md, symbol, day, weeks=52)
    if kind == "streak":
        return streak(md, symbol, day)
    return session_range(md, symbol, day)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--market", type=Path, default=Path(os.environ.get("ANALYZER_MARKET_DIR", DEFAULT_MARKET)))
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--symbols", type=int, default=200, help="distinct symbols the claims are about")
    parser.add_argument("--seed", type=int, default=20250826)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    t0 = time.perf_counter()
    md = MarketData.open(args.market)
    claims = make_claims(md, args.claims, args.symbols, rng)  # loads each symbol's file once
    load_s = time.perf_counter() - t0
    symbols = len({s for _, s, _ in claims})
    print(f"loaded {symbols} symbols in {load_s:.2f} s ({symbols / load_s:.0f} files/s)")

    outcomes: Counter[str] = Counter()
    t1 = time.perf_counter()
    for kind, symbol, day in claims:
        try:
            answer(md, kind, symbol, day)
            outcomes["answered"] += 1
        except MarketDataError as exc:
            outcomes[type(exc).__name__] += 1
    answer_s = time.perf_counter() - t1
    # first pass includes building the NYSE calendar and each symbol's price arrays; run again warm
    t2 = time.perf_counter()
    for kind, symbol, day in claims:
        with contextlib.suppress(MarketDataError):
            answer(md, kind, symbol, day)
    warm_s = time.perf_counter() - t2
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"answered {len(claims)} claims: first pass {answer_s:.2f} s ({len(claims) / answer_s:,.0f} claims/s), "
          f"warm {warm_s:.2f} s ({len(claims) / warm_s:,.0f} claims/s)")
    print(f"end to end (load + first pass): {len(claims) / (load_s + answer_s):,.0f} claims/s")
    print("outcomes: " + ", ".join(f"{k} {v}" for k, v in outcomes.most_common()))
    print(f"peak memory (max RSS): {peak_mb:.0f} MiB")


if __name__ == "__main__":
    main()
