"""Calendar area of the main window."""
