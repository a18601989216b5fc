"""The Typer application that every command module registers itself on."""

import typer

app = typer.Typer(
    name="analyzer",
    help="Fact-check market commentary against real market data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
