"""Which installed model reads the pages: Coheara's MedGemma variants and the choice among them.

The variants are ``coheara-medgemma-4b-{q4,q8,f16}``, also accepted with a registry prefix
(``ktiyab/coheara-medgemma-4b-q8``) and any tag (``:latest``). Ollama's library also has an official
``medgemma1.5`` build with vision (Q4_K_M, 3.3 GB): any tag of it, with or without a registry
prefix, is a q4 option (a tag that names another quantization, ``…-q8_0``, counts as that one), and
``ollama pull medgemma1.5`` is the simplest install. A Coheara build of the same variant is preferred
when both are installed (its Modelfile sets our parameters). The hardware layer says which variant
fits; ``resolve_model`` takes it if installed, else another installed variant with a note, else
raises with the exact command to install one. A model without the ``vision`` capability (a
community GGUF that lost its vision tower) is refused: it would answer without seeing the page.
A model that declares ``thinking`` is marked so: Ollama thinks by default for it unless each
request says ``think: false``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Protocol

from coheara.errors import ModelMissingError, ModelNoVisionError
from coheara.i18n import _
from coheara.inference.client import ModelDetails
from coheara.inference.hosts import refuse_cloud

VARIANTS: tuple[str, ...] = ("q4", "q8", "f16")  # smallest first
MODEL_PREFIX = "coheara-medgemma-4b-"
# Where the published builds live on ollama.com (the model card's "ollama pull" lines).
PULL_NAMESPACE = "ktiyab"
_QUANTIZE = {"q4": "--quantize q4_K_M ", "q8": "--quantize q8_0 ", "f16": ""}
_NAME = re.compile(r"^(?:(?P<ns>[\w.\-:]+(?:/[\w.\-]+)*)/)?coheara-medgemma-4b-(?P<variant>q4|q8|f16)(?::[\w.\-]+)?$")
OFFICIAL_MODEL = "medgemma1.5"
OFFICIAL_PULL = f"ollama pull {OFFICIAL_MODEL}"
_OFFICIAL = re.compile(r"^(?:[\w.\-:]+(?:/[\w.\-]+)*/)?medgemma1\.5(?::(?P<tag>[\w.\-]+))?$", re.I)
_OFFICIAL_QUANT = (("q8", re.compile(r"q8", re.I)), ("f16", re.compile(r"(?:^|[-_])(?:b?f16|fp16)(?:$|[-_])", re.I)))


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
    thinking: bool = False  # the model declares ``thinking``: every request must say think=False


def model_name(variant: str) -> str:
    return f"{MODEL_PREFIX}{variant}"


def variant_tag(variant: str) -> str:
    """The model name of a variant, as built locally (``coheara-medgemma-4b-q8``)."""
    return model_name(variant)


def is_coheara_model(name: str) -> bool:
    """True for any of our variants or the official build, with or without a registry prefix or a tag."""
    return variant_of(name) is not None


def is_official_model(name: str) -> bool:
    """True for Ollama's library build ``medgemma1.5`` (any tag, any registry prefix)."""
    return _OFFICIAL.match(name.strip()) is not None


def variant_of(name: str) -> str | None:
    """``q8`` for ``coheara-medgemma-4b-q8``, ``user/coheara-medgemma-4b-q8:latest``; ``q4`` for
    ``medgemma1.5``, ``medgemma1.5:4b`` (unless its tag names q8 or f16); else None."""
    match = _NAME.match(name.strip())
    if match:
        return match.group("variant")
    official = _OFFICIAL.match(name.strip())
    if official is None:
        return None
    tag = official.group("tag") or ""
    return next((variant for variant, pattern in _OFFICIAL_QUANT if pattern.search(tag)), "q4")


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


def install_commands(variant: str) -> list[str]:
    """Every way to install a model: Coheara's build of ``variant``, the official build (the
    simplest: one command, but q4 only), and building from Google's safetensors."""
    return [pull_command(variant), OFFICIAL_PULL, build_command(variant)]


def install_hint(variant: str) -> str:
    """The ways to install a model in one sentence; the first ``ollama pull`` is the one the GUI runs."""
    return _(
        "Install it with: {pull} — or the simplest, Ollama's official build (q4, 3.3 GB): {official} — or build it "
        "from Google's safetensors with the Modelfiles in packaging/modelfiles/: {build}"
    ).format(pull=pull_command(variant), official=OFFICIAL_PULL, build=build_command(variant))


def _missing(variant: str, message: str) -> ModelMissingError:
    return ModelMissingError(message, install_hint(variant))


def _fallback_order(preferred: str) -> list[str]:
    """The preferred variant, then smaller ones (they fit), then larger ones."""
    i = VARIANTS.index(preferred)
    return [preferred, *reversed(VARIANTS[:i]), *VARIANTS[i + 1 :]]


def _best_tag(tags: list[str], variant: str) -> str | None:
    """Among installed names of one variant: a Coheara build before the official one, a local build
    before a registry copy."""
    candidates = [t for t in tags if variant_of(t) == variant]
    candidates.sort(key=lambda t: (is_official_model(t), "/" in t, not t.endswith(":latest"), t))
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
                raise _missing(override, _("The AI model {name} chosen in the settings is not installed in the local "
                                           "AI engine.").format(name=model_name(override)))
            return _checked(client, ResolvedModel(tag, override))
        refuse_cloud(override)
        wanted = canonical_tag(override)
        tag = next((t for t in installed if canonical_tag(t) == wanted), None)
        if tag is None:
            raise ModelMissingError(
                _("The AI model '{name}' chosen in the settings is not installed in the local AI engine.").format(
                    name=override),
                _("Install it with: {command} — or choose another model in the settings.").format(
                    command=f"ollama pull {override}"),
            )
        return _checked(client, ResolvedModel(tag, variant_of(tag)))
    blind: ModelNoVisionError | None = None
    for variant in _fallback_order(preferred):
        tag = _best_tag(installed, variant)
        if tag is not None:
            note = None if variant == preferred else _("Using {variant} because {preferred} is not installed.").format(
                variant=variant, preferred=preferred)
            try:
                return _checked(client, ResolvedModel(tag, variant, note))
            except ModelNoVisionError as exc:
                if not is_official_model(tag):
                    raise
                # The official build is an option only with its vision part; look further.
                blind = blind or exc
    if blind is not None:
        raise blind
    raise _missing(preferred, _("The AI model Coheara needs ({name}) is not installed in the local AI engine.").format(
        name=model_name(preferred)))


def _checked(client: ModelCatalog, resolved: ResolvedModel) -> ResolvedModel:
    details = client.show(resolved.tag)
    if not details.has_vision:
        variant = resolved.variant or "q8"
        raise ModelNoVisionError(
            _("The AI model '{model}' cannot read images: its vision part is missing.").format(model=resolved.tag),
            _("Install a build that keeps it: {official} (q4), or Coheara's: {pull} — or build it from Google's "
              "safetensors: {build}").format(official=OFFICIAL_PULL, pull=pull_command(variant),
                                             build=build_command(variant)),
        )
    return replace(resolved, thinking=details.has_thinking)
