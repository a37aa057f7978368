"""``python -m cleantext`` is the ``cleantext`` command."""

from cleantext.cli import main

raise SystemExit(main())
