"""Which installed model reads the pages: Coheara's MedGemma variants and the choice among them.

The variants are ``coheara-medgemma-4b-{q4,q8,f16}``, also accepted with a registry prefix
(``ktiyab/coheara-medgemma-4b-q8``) and any tag (``:latest``). The hardware layer says which variant
fits; ``resolve_model`` takes it if installed, else another installed variant with a note, else
raises with the exact command to install one. A model without the ``vision`` capability (a
community GGUF that lost its vision tower) is refused: it would answer without seeing the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from coheara.errors import ModelMissingError, ModelNoVisionError
from coheara.inference.client import ModelDetails
from coheara.inference.hosts import refuse_cloud

VARIANTS: tuple[str, ...] = ("q4", "q8", "f16")  # smallest first
MODEL_PREFIX = "coheara-medgemma-4b-"
# Where the published builds live on ollama.com (the model card's "ollama pull" lines).
PULL_NAMESPACE = "ktiyab"
_QUANTIZE = {"q4": "--quantize q4_K_M ", "q8": "--quantize q8_0 ", "f16": ""}
_NAME = re.compile(r"^(?:(?P<ns>[\w.\-:]+(?:/[\w.\-]+)*)/)?coheara-medgemma-4b-(?P<variant>q4|q8|f16)(?::[\w.\-]+)?$")


class ModelCatalog(Protocol):
    """What resolving needs from the engine (``EngineClient`` has it)."""

    def installed_models(self) -> list[str]: ...
    def show(self, model: str) -> ModelDetails: ...


@dataclass(frozen=True, slots=True)
class ResolvedModel:
    """The model to use: its exact ``tag``, its ``variant`` (None for a custom tag) and why, if not
    the one asked for (``note``, for the patient)."""

    tag: str
    variant: str | None
    note: str | None = None


def model_name(variant: str) -> str:
    return f"{MODEL_PREFIX}{variant}"


def variant_tag(variant: str) -> str:
    """The model name of a variant, as built locally (``coheara-medgemma-4b-q8``)."""
    return model_name(variant)


def is_coheara_model(name: str) -> bool:
    """True for any of our variants, with or without a registry prefix or a tag."""
    return variant_of(name) is not None


def variant_of(name: str) -> str | None:
    """``q8`` for ``coheara-medgemma-4b-q8``, ``user/coheara-medgemma-4b-q8:latest``; else None."""
    match = _NAME.match(name.strip())
    return match.group("variant") if match else None


def smaller_variant(variant: str | None) -> str | None:
    """The next smaller variant, for a retry after running out of memory (None below q4)."""
    if variant not in VARIANTS:
        return None
    index = VARIANTS.index(variant)
    return VARIANTS[index - 1] if index > 0 else None


def pull_command(variant: str) -> str:
    return f"ollama pull {PULL_NAMESPACE}/{model_name(variant)}"


def build_command(variant: str) -> str:
    return f"ollama create {model_name(variant)} {_QUANTIZE[variant]}-f packaging/modelfiles/Modelfile.{variant}"


def _missing(variant: str, what: str) -> ModelMissingError:
    return ModelMissingError(
        f"{what} is not installed in the local AI engine.",
        f"Install it with: {pull_command(variant)} — or build it from Google's safetensors with the "
        f"Modelfiles in packaging/modelfiles/: {build_command(variant)}",
    )


def _fallback_order(preferred: str) -> list[str]:
    """The preferred variant, then smaller ones (they fit), then larger ones."""
    i = VARIANTS.index(preferred)
    return [preferred, *reversed(VARIANTS[:i]), *VARIANTS[i + 1 :]]


def _best_tag(tags: list[str], variant: str) -> str | None:
    """Among installed names of one variant: the local build before a registry copy."""
    candidates = [t for t in tags if variant_of(t) == variant]
    candidates.sort(key=lambda t: ("/" in t, not t.endswith(":latest"), t))
    return candidates[0] if candidates else None


def canonical_tag(tag: str) -> str:
    """``tag`` as the engine lists it: with ``:latest`` when it has no tag of its own."""
    return tag if ":" in tag.rsplit("/", 1)[-1] else f"{tag}:latest"


def resolve_model(client: ModelCatalog, preferred: str, override: str | None = None) -> ResolvedModel:
    """The model to use. ``preferred`` is a variant; ``override`` (COHEARA_MODEL or the setting) is a
    variant or an exact model name and is taken as is (no fallback): the patient chose it."""
    if preferred not in VARIANTS:
        raise ValueError(f"unknown variant {preferred!r}")
    installed = client.installed_models()
    if override and override.strip():
        override = override.strip()
        if override in VARIANTS:
            tag = _best_tag(installed, override)
            if tag is None:
                raise _missing(override, f"The AI model {model_name(override)} chosen in the settings")
            return _checked(client, ResolvedModel(tag, override))
        refuse_cloud(override)
        wanted = canonical_tag(override)
        tag = next((t for t in installed if canonical_tag(t) == wanted), None)
        if tag is None:
            raise ModelMissingError(
                f"The AI model '{override}' chosen in the settings is not installed in the local AI engine.",
                f"Install it with: ollama pull {override} — or choose another model in the settings.",
            )
        return _checked(client, ResolvedModel(tag, variant_of(tag)))
    for variant in _fallback_order(preferred):
        tag = _best_tag(installed, variant)
        if tag is not None:
            note = None if variant == preferred else f"Using {variant} because {preferred} is not installed."
            return _checked(client, ResolvedModel(tag, variant, note))
    raise _missing(preferred, f"The AI model Coheara needs ({model_name(preferred)})")


def _checked(client: ModelCatalog, resolved: ResolvedModel) -> ResolvedModel:
    details = client.show(resolved.tag)
    if not details.has_vision:
        variant = resolved.variant or "q8"
        raise ModelNoVisionError(
            f"The AI model '{resolved.tag}' cannot read images: its vision part is missing.",
            f"Install a Coheara build, which keeps it: {pull_command(variant)} — or build it from "
            f"Google's safetensors: {build_command(variant)}",
        )
    return resolved
