"""The kiosk's plain-Python side: its settings, the exit PIN, the log of missed searches. No Textual here."""
