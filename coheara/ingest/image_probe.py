"""Check an image file before it is stored: open it safely, count its pages, decode it fully.

Decoding is the only way to know an image is whole: Pillow's ``verify()`` passes a truncated
JPEG, ``load()`` does not. JPEGs are decoded at 1/8 scale (libjpeg still reads every coefficient,
so truncation is still found) to keep the check cheap for 12-108 Mpx phone photos.
"""

from __future__ import annotations

from coheara.domain import FileKind
from coheara.errors import TooManyPagesError
from coheara.i18n import _, ngettext
from coheara.untrusted.guards import check_image_size, guarded_image_decoding, open_image
from coheara.untrusted.limits import MAX_PAGES


def probe_image(data: bytes, kind: FileKind) -> int:
    """Decode every page of the image once and return how many pages it has.

    Only TIFF has several pages; GIF, WebP, PNG and HEIF animations or bursts count as their
    first frame, which is what will be read.
    """
    with guarded_image_decoding():
        image = open_image(data, kind)
        pages = getattr(image, "n_frames", 1) if kind is FileKind.TIFF else 1
        if pages > MAX_PAGES:
            raise TooManyPagesError(
                ngettext("This image has {pages} page; Coheara reads at most {most}.",
                         "This image has {pages} pages; Coheara reads at most {most}.", pages).format(
                    pages=pages, most=MAX_PAGES),
                _("Split it into smaller files."),
            )
        for index in range(pages):
            if index:
                image.seek(index)
                check_image_size(image.size)
            if kind is FileKind.JPEG:
                image.draft("RGB", (1, 1))
            image.load()
        image.close()
    return pages
