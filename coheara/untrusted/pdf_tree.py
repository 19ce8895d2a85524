"""Walk a PDF's page tree before any page is looked up, and refuse one shaped to stall MuPDF.

MuPDF finds a page by walking down the tree from its root, checking each level for cycles. A 10 MB
file whose one page hangs 100,000 levels deep took 2 s per lookup (the check, the images and the
rendering each look the page up: 7.4 s for one page, and 500 such pages would take hours). Writers
build shallow trees (pdfTeX, Word, scanners: 1-6 levels; merging tools add a level per merge), so a
depth above ``MAX_PAGE_TREE_DEPTH`` or more nodes than pages could need is damage, refused with the
same sentence as any other damaged PDF. The walk reads dictionaries only (a few ms for 500 pages).
"""

from __future__ import annotations

import re

import pymupdf

from coheara.errors import CorruptFileError
from coheara.i18n import _
from coheara.untrusted.guards import PDF_DAMAGED_MESSAGE
from coheara.untrusted.limits import MAX_PAGES

MAX_PAGE_TREE_DEPTH = 256
MAX_PAGE_TREE_NODES = 8 * MAX_PAGES + MAX_PAGE_TREE_DEPTH

_REFERENCE = re.compile(r"(\d+)\s+\d+\s+R")


def refuse_odd_page_tree(doc: pymupdf.Document) -> None:
    """Raise ``CorruptFileError`` when the page tree is deeper or larger than any writer makes it.

    A tree MuPDF had to rebuild, or one whose root is not where the catalogue says, is left to MuPDF.
    A node nested past MuPDF's own limits (a page dictionary holding arrays a million deep) is damage too:
    MuPDF would otherwise read such a page with its defaults (a Letter-size blank) and say nothing.
    """
    try:
        _walk(doc)
    except pymupdf.mupdf.FzErrorLimit:
        raise CorruptFileError(_(PDF_DAMAGED_MESSAGE)) from None


def _walk(doc: pymupdf.Document) -> None:
    kind, value = doc.xref_get_key(doc.pdf_catalog(), "Pages")
    root = _REFERENCE.fullmatch(value.strip()) if kind == "xref" else None
    if root is None:
        return
    seen: set[int] = set()
    stack = [(int(root.group(1)), 1)]
    while stack:
        xref, depth = stack.pop()
        if xref in seen:
            continue  # a cycle: MuPDF breaks it
        seen.add(xref)
        if depth > MAX_PAGE_TREE_DEPTH or len(seen) > MAX_PAGE_TREE_NODES:
            raise CorruptFileError(_(PDF_DAMAGED_MESSAGE))
        kind, kids = doc.xref_get_key(xref, "Kids")
        if kind == "array":
            stack.extend((int(found), depth + 1) for found in _REFERENCE.findall(kids))
