"""CLI commands: report."""
