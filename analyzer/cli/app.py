"""The Typer application that every command module registers itself on.

Command modules import only typer, rich and the light parts of the package at import time; spaCy,
torch, pandas and the stages are imported inside the commands that use them, so that `--help` and
`--version` answer at once.
"""

import typer

from analyzer import __version__

app = typer.Typer(
    name="analyzer",
    help="Fact-check market commentary against real market data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # plain help: typer's rich panels print every flag as "<bool>"
    rich_markup_mode=None,
)


def _show_version(value: bool) -> None:
    if value:
        print(f"analyzer {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: bool = typer.Option(False, "--version", help="print the version and exit", is_eager=True,
                                 callback=_show_version),
) -> None:
    """Fact-check market commentary against real market data."""
