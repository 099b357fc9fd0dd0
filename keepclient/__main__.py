"""`python -m keepclient` runs the same entry point as the `keepclient` command."""

import sys

from keepclient.cli import main

if __name__ == "__main__":  # a helper process started by an import re-reads this module: it must not run the app
    sys.exit(main())
