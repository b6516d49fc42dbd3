"""The demo fair generator and its tables of real Mekong Delta specialities."""
