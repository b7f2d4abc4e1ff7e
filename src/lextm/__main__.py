"""`python -m lextm` runs the command line."""

from .cli import main

main()
