"""Bringing spreadsheets in: readers, header and column detection, value normalization, plan, write, undo."""
