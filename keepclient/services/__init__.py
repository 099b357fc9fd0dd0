"""Use cases over the database: plain data in and out, typed errors, no Qt."""
