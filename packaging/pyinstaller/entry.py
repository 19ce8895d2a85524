"""The frozen app's entry point: exactly the ``coheara`` console script (GUI without arguments).

Started by itself with the page drawer's flag (``coheara.raster.wire.DRAWER_FLAG``), the app is a page
drawer instead (``coheara.raster.worker``): a frozen app has no ``python -c`` to start one with.
"""

import sys

if sys.argv[1:] == ["--coheara-page-drawer"]:
    from coheara.raster.worker import main as draw_pages

    raise SystemExit(draw_pages())

from coheara.app import main

raise SystemExit(main())
