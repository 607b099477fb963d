"""`python -m toolkit`: the command line (:mod:`toolkit.cli`)."""

from toolkit.cli import main

raise SystemExit(main())
