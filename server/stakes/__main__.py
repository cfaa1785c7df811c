"""Allows ``python -m stakes``."""

from stakes.cli import main

raise SystemExit(main())
