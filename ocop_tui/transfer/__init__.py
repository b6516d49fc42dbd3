"""Moving data in and out: importing organisers' spreadsheets (sheets -> rows -> merge) and exporting."""
