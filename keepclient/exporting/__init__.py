"""Writing data out: customer sheets (.xlsx, .csv, .json), formula-safe."""
