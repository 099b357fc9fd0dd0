"""The Help menu: keyboard shortcuts, the user guide, About with versions, and diagnostics for support."""
