"""How big a file, a document and an image may be before Coheara refuses it.

The limits protect the patient's machine from files that would exhaust memory or take hours,
not from honest documents: every number here is well above what a phone, a scanner or a
hospital portal produces.

- ``MAX_FILE_BYTES`` (256 MiB): a 300-page scanned PDF at 300 dpi is about 100 MB; phone photos
  are 2-15 MB. The whole file is held in memory while it is checked and stored.
- ``MAX_PAGES`` (500): a long hospital record export runs to a few hundred pages; each page is
  one model call (minutes on a CPU), so more than this is not a document anyone would wait for.
- ``MAX_IMAGE_PIXELS`` (120 Mpx) for photos and scans given as image files. A decoded RGB image
  needs 3 bytes per pixel (360 MB at the limit) plus a copy while it is converted; JPEGs are
  decoded at a reduced scale and need far less. The common camera modes (12, 48, 50 and the
  108 Mpx 12000x9000 mode) all fit, and an A4 page scanned at 1200 dpi (140 Mpx) does not need
  to: scanners save such pages as PDF or at 300-600 dpi. Pillow's own default warns at 89 Mpx
  and refuses at 179 Mpx; importing ``coheara.untrusted.guards`` sets Pillow's limit
  to ours for the process, and its bomb warning is raised as an error while we decode. A 200 Mpx
  "full resolution" phone mode is refused with a hint to take the photo at the normal resolution.
- ``MAX_PDF_IMAGE_PIXELS`` (150 Mpx) for one image drawn on a PDF page. MuPDF subsamples while it
  decodes, so rendering at 896 px stays small in memory (measured by bench/bench_raster.py: the
  35000x35000 corpus bomb rendered bare peaks at 55 MiB, 5-8 MiB above the baseline), but decoding
  still reads every pixel (1.5-3 s for that one image). Refusing it is about time, then, and about
  decoders that cannot subsample. A Letter or A4 page scanned at 1200 dpi is about 140 Mpx.
- ``MAX_RENDER_SIDE`` (4000 px): the largest page image the review view may ask for.
- ``PAGE_DRAW_FLOOR_S`` (10 s) and ``PAGE_DRAW_S_PER_MB`` (4 s): how long one PDF page may take to
  draw at 896 px (picture and text layer together), ``max(floor, s per MB × the page's content)``,
  where the content is the stored (compressed) bytes of the streams the page draws. Drawing time is
  not bounded by size: 1 MB of full-page fills took 100 s, 5.6 KB of forms that draw each other
  twice never finished, nor did 636 KB of compressed commands that expand to 250 MB. Real pages
  stay far below: a text page draws in 20-50 ms, 5 MB of map strokes (2 MB stored) in 1.4 s,
  5 MB of tiny text in 4.4 s. The floor leaves a slow computer five times that; a page that
  needs more is refused (``coheara.raster.drawer`` runs it in a child process it can stop).
- ``DRAWER_MEMORY_BYTES`` (1 GiB): what that child may allocate beyond the file it holds (Linux). The
  same pages grow it too: forms drawing each other reached 760 MB in 15 s, the expanding stream
  700 MB. Real pages need far less (a 4000 px review of a 300 dpi scan: 25 MB more; the 35000x35000
  corpus image at 896 px: 5 MB more); past it a page is refused as damaged.
"""

from __future__ import annotations

MAX_FILE_BYTES: int = 256 * 1024 * 1024
MAX_PAGES: int = 500
MAX_IMAGE_PIXELS: int = 120_000_000
MAX_PDF_IMAGE_PIXELS: int = 150_000_000
MAX_RENDER_SIDE: int = 4000
PAGE_DRAW_FLOOR_S: float = 10.0
PAGE_DRAW_S_PER_MB: float = 4.0
DRAWER_MEMORY_BYTES: int = 1024 * 1024 * 1024
