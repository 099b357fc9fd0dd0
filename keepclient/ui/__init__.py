"""The window: the only package that imports QtWidgets. It gets plain data from services and never runs SQL."""
