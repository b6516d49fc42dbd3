"""`python -m ocop_tui` is the same as the `ocop-tui` command."""

from .cli import main

if __name__ == "__main__":
    main()
