"""CLI commands: market."""
