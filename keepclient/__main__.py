"""`python -m keepclient` runs the same entry point as the `keepclient` command."""

import sys

from keepclient.cli import main

sys.exit(main())
