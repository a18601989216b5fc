"""CLI commands: eval."""
