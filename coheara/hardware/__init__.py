"""RAM and GPU memory detection, and the choice of model variant that really fits."""

from coheara.hardware.budget import VARIANTS, Variant
from coheara.hardware.choice import VariantChoice, choose_variant, correct_after_load
from coheara.hardware.detect import Gpu, Hardware, detect

__all__ = [
    "VARIANTS",
    "Gpu",
    "Hardware",
    "Variant",
    "VariantChoice",
    "choose_variant",
    "correct_after_load",
    "detect",
]
