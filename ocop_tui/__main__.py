"""`python -m ocop_tui` is the same as the `ocop-tui` command."""

from ocop_tui.cli.main import main

if __name__ == "__main__":
    main()
