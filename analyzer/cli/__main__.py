"""`python -m analyzer.cli ...`: the same entry point as the `analyzer` script."""

from analyzer.cli import main

main()
