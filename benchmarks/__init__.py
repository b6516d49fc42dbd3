"""Benchmarks of ocop-tui against a bare Textual app: run `python -m benchmarks` from the project root."""
