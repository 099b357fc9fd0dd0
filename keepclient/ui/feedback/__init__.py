"""Feedback area of the main window."""
