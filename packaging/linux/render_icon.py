"""Render resources/coheara.svg to the 256x256 resources/coheara.png that desktops and the bundle use.

Qt's own SVG renderer, offscreen, so no display and no ImageMagick are needed and the PNG matches
what Qt itself would draw. Run: .venv/bin/python packaging/linux/render_icon.py [SIZE]
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

RESOURCES = Path(__file__).resolve().parents[2] / "resources"


def render(size: int = 256) -> Path:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6 import QtCore, QtGui, QtSvg

    _app = QtGui.QGuiApplication.instance() or QtGui.QGuiApplication([])  # QPainter needs one
    renderer = QtSvg.QSvgRenderer(str(RESOURCES / "coheara.svg"))
    if not renderer.isValid():
        raise SystemExit("render_icon: coheara.svg did not parse")
    image = QtGui.QImage(size, size, QtGui.QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QtCore.Qt.GlobalColor.transparent)  # the rounded tile leaves transparent corners
    painter = QtGui.QPainter(image)
    painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    target = RESOURCES / "coheara.png"
    if not image.save(str(target)):  # the format follows the .png suffix
        raise SystemExit(f"render_icon: could not write {target}")
    return target


if __name__ == "__main__":
    print(render(int(sys.argv[1]) if len(sys.argv) > 1 else 256))
