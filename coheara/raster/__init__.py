"""Pages out: every page of an image or PDF as a 896x896 letterboxed PNG plus its text layer. No Qt.

Public surface: ``iter_pages`` (model pages, streamed), ``render_page`` (review view) and
``thumbnail``. Everything works on bytes in memory; nothing is written to disk. PDF pages are drawn
in a child process with a time limit per page (``PageTime``; ``raster.drawer``).
"""

from coheara.raster.letterbox import MODEL_SIDE
from coheara.raster.pages import iter_pages, render_page, thumbnail
from coheara.raster.wire import PageTime

__all__ = ["MODEL_SIDE", "PageTime", "iter_pages", "render_page", "thumbnail"]
