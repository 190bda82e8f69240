"""python -m autokg: the command line."""

from autokg.cli import main

main()
