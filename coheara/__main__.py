"""`python -m coheara` behaves exactly like the `coheara` console script."""

from coheara.app import main

raise SystemExit(main())
