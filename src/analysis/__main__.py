"""Run ``python -m analysis ...``; see ``analysis.cli``."""

from analysis.cli import main

__all__: list[str] = []

raise SystemExit(main())
