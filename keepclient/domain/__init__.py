"""Pure rules and plain data: no database, no Qt."""
