"""The check stage."""
