"""The `ocop-tui` command line (click): one module per group of commands; common.py holds what they share."""
