"""Reusable widgets and models shared by the areas of the window."""
