"""The shortlist: products and booths a visitor or buyer collects at the fair, to take away.

- items.py: the list itself (add, remove, toggle, clear), plain Python;
- groups.py: the list grouped by booth against a catalogue, and its lines of text in either language;
- storage.py: named lists saved in the user's state folder, or kept in memory only on a kiosk;
- payload.py: the take-away text a phone shows from a QR code, split into pages when it is long;
- vcard.py: a booth's exhibitor contact as a vCard;
- qr.py: a payload as a QR code drawn in half-block characters;
- followup.py: the list as a CSV or Excel sheet for a buyer's follow-up (`ocop-tui shortlist export`).

The walking order through the shortlisted booths is in ocop_tui/plan/walk.py.
"""
