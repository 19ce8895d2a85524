"""The frozen app's entry point: exactly the ``coheara`` console script (GUI without arguments)."""

from coheara.app import main

raise SystemExit(main())
