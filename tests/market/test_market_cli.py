"""`analyzer market update|import|show` end to end, online sources served from 127.0.0.1."""

import pandas as pd
import pytest
from typer.testing import CliRunner

import analyzer.cli  # noqa: F401  (registers the commands)
from analyzer.cli.app import app
from analyzer.errors import InputError
from analyzer.market import MarketData

runner = CliRunner()


@pytest.fixture
def online(fake_market, monkeypatch):
    server, url = fake_market
    monkeypatch.setenv("ANALYZER_YAHOO_URL", url)
    monkeypatch.setenv("ANALYZER_FRED_URL", url)
    return server


def test_update_fetches_only_missing_dates(online, tmp_path):
    target = tmp_path / "market"
    first = runner.invoke(app, ["market", "update", "^RUT", "BA", "DGS10", "--market", str(target),
                                "--from", "2025-08-18", "--to", "2025-08-22"])
    assert first.exit_code == 0, first.output
    md = MarketData.open(target)
    assert md.bars("^RUT").index[-1] == pd.Timestamp("2025-08-22")
    assert md.series("DGS10").index[-1] <= pd.Timestamp("2025-08-22")

    online.requests.clear()
    second = runner.invoke(app, ["market", "update", "^RUT", "BA", "--market", str(target), "--to", "2025-08-27"])
    assert second.exit_code == 0, second.output
    # each symbol asked only for the days after its last row
    asked = {path.rsplit("/", 1)[1]: params for path, params in online.requests}
    assert set(asked) == {"^RUT", "BA"}
    for params in asked.values():
        assert pd.Timestamp(int(params["period1"]), unit="s", tz="UTC").tz_convert(
            "America/New_York").date().isoformat() == "2025-08-23"
    md = MarketData.open(target)
    assert md.bars("BA").loc["2025-08-26", "close"] == 234.83
    assert len(md.bars("^RUT").loc["2025-08-18":"2025-08-27"]) == 8

    online.requests.clear()
    third = runner.invoke(app, ["market", "update", "^RUT", "--market", str(target), "--to", "2025-08-27"])
    assert third.exit_code == 0 and "up to date" in third.output and online.requests == []


def test_update_reports_a_failing_symbol_and_goes_on(online, tmp_path):
    result = runner.invoke(app, ["market", "update", "NOPE", "^RUT", "--market", str(tmp_path / "m"),
                                 "--from", "2025-08-25", "--to", "2025-08-26"])
    assert result.exit_code == 1
    assert "error" in result.output and MarketData.open(tmp_path / "m").has_bars("^RUT")


def test_import_and_show(tmp_path, market_dir):
    src = tmp_path / "DGS2.csv"
    values = MarketData.open(market_dir).series("DGS2").loc["2025-08-01":"2025-08-29"]
    src.write_text("DATE,VALUE\n" + "".join(f"{ts.date()},{v:g}\n" for ts, v in values.items()))
    result = runner.invoke(app, ["market", "import", str(src), "--market", str(tmp_path / "m")])
    assert result.exit_code == 0, result.output
    assert "DGS2" in result.output and str(len(values)) in result.output

    shown = runner.invoke(app, ["market", "show", "Russell 2000", "--from", "2025-08-25", "--to", "2025-08-26",
                                "--market", str(market_dir)])
    assert shown.exit_code == 0, shown.output
    assert "2,358.60" in shown.output and "0.83" in shown.output and "daily/IDX_RUT.csv.gz" in shown.output

    proxy = runner.invoke(app, ["market", "show", "S&P 500 Equal Weight", "--from", "2025-08-22",
                                "--to", "2025-08-22", "--market", str(market_dir)])
    assert proxy.exit_code == 0 and "RSP" in proxy.output and "1.95" in proxy.output


def test_errors_are_analyzer_errors(tmp_path, market_dir, monkeypatch):
    monkeypatch.delenv("ANALYZER_MARKET_DIR", raising=False)
    result = runner.invoke(app, ["market", "show", "BA"])
    assert isinstance(result.exception, InputError)
    ambiguous = runner.invoke(app, ["market", "show", "Fox", "--market", str(market_dir)])
    assert isinstance(ambiguous.exception, InputError) and "FOXA" in str(ambiguous.exception)


def test_cli_main_prints_one_line_and_exits_2(tmp_path, monkeypatch, capsys):
    import sys

    from analyzer.cli import main
    monkeypatch.setattr(sys, "argv", ["analyzer", "market", "show", "BA", "--market", str(tmp_path / "nowhere")])
    with pytest.raises(SystemExit) as stop:
        main()
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert err.strip().count("\n") == 0 and "nowhere" in err and "Traceback" not in err
