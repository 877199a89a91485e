"""`python -m tm.cli`: the tmtool command line."""
import sys

from tm.cli import main

sys.exit(main())
