"""Customers area of the main window."""
