"""`python -m client` runs the `crosscheck` command line."""

import sys

from client.cli import main

sys.exit(main())
