"""The store file: reading it, the data contract (contract.py), atomic locked writes and backups."""
