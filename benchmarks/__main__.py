"""`python -m benchmarks` (see run.py; `--help` lists the options)."""

from .run import main

main()
