"""CLI commands: check."""
