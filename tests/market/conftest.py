"""A local stand-in for Yahoo's chart endpoint and FRED's CSV endpoint, on 127.0.0.1.

It answers from the real shared market data (read at test time, never copied), in the services'
own response shapes, and can be told to answer a request with a rate limit or an error first.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import date, datetime, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse
from zoneinfo import ZoneInfo

import pandas as pd
import pytest

from analyzer.market.data import MarketData

NEW_YORK = ZoneInfo("America/New_York")


class FakeMarketServer:
    def __init__(self, md: MarketData) -> None:
        self.md = md
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.scripted: list[tuple[int, dict[str, str], bytes]] = []  # answered first, in order
        self.fred_header = "observation_date"

    def chart(self, symbol: str, period1: int, period2: int) -> tuple[int, bytes]:
        if not self.md.has_bars(symbol):
            body = {"chart": {"result": None, "error": {"code": "Not Found",
                                                         "description": "No data found, symbol may be delisted"}}}
            return 404, json.dumps(body).encode()
        bars = self.md.bars(symbol)
        lo = datetime.fromtimestamp(period1, NEW_YORK).date()
        hi = datetime.fromtimestamp(period2, NEW_YORK).date()
        window = bars[(bars.index >= pd.Timestamp(lo)) & (bars.index < pd.Timestamp(hi))]
        # Yahoo stamps each daily bar with the session's opening time
        stamps = [int(datetime.combine(ts.date(), time(9, 30), NEW_YORK).timestamp()) for ts in window.index]

        def values(col: str) -> list[float | None]:
            return [None if v != v else float(v) for v in window[col]]

        result = {"meta": {"symbol": symbol, "currency": "USD", "exchangeTimezoneName": "America/New_York"},
                  "timestamp": stamps,
                  "indicators": {"quote": [{c: values(c) for c in ("open", "high", "low", "close", "volume")}],
                                 "adjclose": [{"adjclose": values("adj_close")}]}}
        return 200, json.dumps({"chart": {"result": [result], "error": None}}).encode()

    def fred(self, series_id: str, start: str, end: str) -> tuple[int, bytes]:
        if not self.md.has_series(series_id):
            return 404, b"<html>Series not found</html>"
        values = self.md.series(series_id).loc[start:end]
        lines = [f"{self.fred_header},{series_id}"]
        lines += [f"{ts.date().isoformat()},{v:g}" for ts, v in values.items()]
        # FRED marks holidays with "." (older CSVs) or an empty cell
        lines.insert(2, f"{(values.index[0] + pd.Timedelta(days=1)).date().isoformat()},.") if len(values) else None
        return 200, ("\n".join(lines) + "\n").encode()


@pytest.fixture
def fake_market(market_dir: Path) -> Iterator[tuple[FakeMarketServer, str]]:
    state = FakeMarketServer(MarketData.open(market_dir))

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            url = urlparse(self.path)
            params = {k: v[0] for k, v in parse_qs(url.query).items()}
            state.requests.append((url.path, params))
            if state.scripted:
                status, headers, body = state.scripted.pop(0)
            elif url.path.startswith("/v8/finance/chart/"):
                status, body = state.chart(url.path.rsplit("/", 1)[1], int(params["period1"]),
                                           int(params["period2"]))
                headers = {"Content-Type": "application/json"}
            elif url.path == "/graph/fredgraph.csv":
                status, body = state.fred(params["id"], params["cosd"], params["coed"])
                headers = {"Content-Type": "text/csv"}
            else:
                status, headers, body = 404, {}, b"not found"
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield state, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def day(text: str) -> date:
    return date.fromisoformat(text)
