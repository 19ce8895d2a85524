"""The local AI engine: which host, which model, on which device — and what to do when it is missing.

``engine_status`` never raises: it is what ``coheara doctor`` and the GUI's status area show.
``prepare_engine`` returns a ready ``Engine`` or raises the ModelError a patient needs to see (Ollama
not running, model not installed with the exact command to get it, no vision, computer too small).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from coheara.cancel import CancelToken, ProgressCallback, no_progress
from coheara.config import DEFAULT_OLLAMA_HOST, Settings
from coheara.errors import InsufficientHardwareError, KnownError, ModelError
from coheara.hardware import Hardware, VariantChoice, choose_variant, correct_after_load, detect
from coheara.i18n import _
from coheara.inference.client import EngineClient
from coheara.inference.extractor import ExtractionLimits
from coheara.inference.hosts import without_credentials
from coheara.inference.models import (
    OFFICIAL_PULL,
    ResolvedModel,
    install_commands,
    resolve_model,
    smaller_variant,
    variant_tag,
)

log = logging.getLogger(__name__)

VARIANT_WORDS = ("q4", "q8", "f16")


@dataclass(frozen=True, slots=True)
class EngineStatus:
    """A snapshot of the engine for doctor and the GUI (no health data)."""

    host: str
    reachable: bool
    version: str | None
    installed: tuple[str, ...]
    choice: VariantChoice
    model: str | None
    model_present: bool
    vision: bool | None
    problem: str | None = None
    hint: str | None = None
    note: str | None = None

    def install_commands(self) -> list[str]:
        """How to install a model when none is (the official ``medgemma1.5`` is the simplest)."""
        if self.model_present:
            return []
        return install_commands(self.choice.variant) if self.choice.variant else [OFFICIAL_PULL]

    def as_json(self) -> dict[str, object]:
        return {
            "variant": self.choice.variant,
            "device": self.choice.device,
            "reason": self.choice.reason,
            "gpu": self.choice.gpu_name,
            "model": self.model,
            "vision": self.vision,
            "note": self.note,
            "problem": self.problem,
            "hint": self.hint,
            "install": self.install_commands(),
            "ollama": {
                "host": self.host,
                "reachable": self.reachable,
                "version": self.version,
                "installed": list(self.installed),
                "model_present": self.model_present,
            },
        }


@dataclass
class Engine:
    """A model that answered and has vision, ready for extraction."""

    client: EngineClient
    model: ResolvedModel
    choice: VariantChoice
    hardware: Hardware
    limits: ExtractionLimits = field(default_factory=ExtractionLimits)
    notes: list[str] = field(default_factory=list)
    fit_checked: bool = False

    @property
    def device(self) -> str:
        return self.choice.device

    def check_fit(self) -> str | None:
        """After the first load: if the model spilled off the GPU, say so and pick a better variant.

        Asked once per engine: the answer does not change while the model stays loaded.
        """
        if self.fit_checked:
            return None
        self.fit_checked = True
        for name, size, size_vram in self.client.running():
            if name.split(":")[0] != self.model.tag.split(":")[0] or size <= 0:
                continue
            better = correct_after_load(self.choice, size, size_vram, hw=self.hardware)
            if better is None:
                return None
            self.choice = better
            note = better.reason
            self.notes.append(note)
            return note
        return None


def resolve_host(settings: Settings, env: Mapping[str, str]) -> tuple[str, bool]:
    """The engine address (OLLAMA_HOST overrides the setting) and whether a remote one is allowed."""
    host = env.get("OLLAMA_HOST") or settings.ollama_host or DEFAULT_OLLAMA_HOST
    if "://" not in host:
        host = f"http://{host}"
    allow = settings.allow_remote_host or env.get("COHEARA_ALLOW_REMOTE_HOST") == "1"
    return host, allow


def _requested(settings: Settings, env: Mapping[str, str]) -> tuple[str, str | None]:
    """(variant request, exact model tag or None) from COHEARA_MODEL, then the settings."""
    override = (env.get("COHEARA_MODEL") or "").strip()
    if override:
        return (override.lower(), None) if override.lower() in VARIANT_WORDS else ("auto", override)
    return settings.model_variant, settings.model_tag


def make_client(settings: Settings, env: Mapping[str, str]) -> EngineClient:
    host, allow = resolve_host(settings, env)
    return EngineClient(host, allow_remote=allow, timeout_s=settings.request_timeout_s)


def engine_status(settings: Settings, env: Mapping[str, str], hardware: Hardware | None = None) -> EngineStatus:
    hw = hardware or detect()
    variant_request, tag = _requested(settings, env)
    try:
        choice = choose_variant(hw, variant_request)
    except KnownError:
        choice = choose_variant(hw, "auto")
    host, _allow = resolve_host(settings, env)
    status = EngineStatus(
        host=without_credentials(host), reachable=False, version=None, installed=(), choice=choice,
        model=tag or (variant_tag(choice.variant) if choice.variant else None), model_present=False, vision=None,
    )
    try:
        client = make_client(settings, env)
    except KnownError as exc:
        return replace(status, problem=exc.message, hint=exc.hint)
    with client:  # close its connections: the GUI asks every minute
        return _probe(client, status, tag)


def _probe(client: EngineClient, status: EngineStatus, tag: str | None) -> EngineStatus:
    try:
        status = replace(status, reachable=True, version=client.version(), installed=tuple(client.installed_models()))
    except KnownError as exc:
        return replace(status, problem=exc.message, hint=exc.hint)
    if status.choice.variant is None and tag is None:
        return replace(status, problem=status.choice.reason)
    try:
        resolved = resolve_model(client, status.choice.variant or "q8", tag)
    except KnownError as exc:
        return replace(status, problem=exc.message, hint=exc.hint)
    return replace(status, model=resolved.tag, model_present=True, vision=True, note=resolved.note)


def prepare_engine(settings: Settings, env: Mapping[str, str], hardware: Hardware | None = None) -> Engine:
    """A ready engine, or the ModelError that says what is missing and how to get it."""
    hw = hardware or detect()
    variant_request, tag = _requested(settings, env)
    choice = choose_variant(hw, variant_request)
    if choice.variant is None and tag is None:
        raise InsufficientHardwareError(choice.reason)
    client = make_client(settings, env)
    try:
        client.version()  # fails fast, naming the host, when Ollama is not running
        resolved = resolve_model(client, choice.variant or "q8", tag)
    except BaseException:
        client.close()  # the caller gets no Engine to close
        raise
    notes = [resolved.note] if resolved.note else []
    if resolved.variant and resolved.variant != choice.variant:
        choice = VariantChoice(resolved.variant, choice.device, choice.reason, choice.gpu_name)
    log.info("engine ready (variant %s on %s)", resolved.variant, choice.device)
    limits = ExtractionLimits(page_time_limit_s=settings.page_time_limit_s)
    return Engine(client=client, model=resolved, choice=choice, hardware=hw, limits=limits, notes=notes)


def downgrade(engine: Engine) -> bool:
    """After an out-of-memory error: switch to the next smaller installed Coheara variant, if any."""
    current = engine.model.variant
    smaller = smaller_variant(current)
    while smaller is not None:
        try:
            resolved = resolve_model(engine.client, smaller, None)
        except ModelError:
            resolved = None
        if resolved is not None and resolved.variant == smaller:
            engine.notes.append(_("The {current} model ran out of memory; using the smaller {smaller} model "
                                  "instead.").format(current=current, smaller=smaller))
            engine.model = resolved
            engine.fit_checked = False  # a new model loads: ask again where it landed
            engine.choice = VariantChoice(smaller, engine.choice.device, engine.choice.reason, engine.choice.gpu_name)
            return True
        smaller = smaller_variant(smaller)
    return False


def pull_model(
    settings: Settings,
    env: Mapping[str, str],
    model: str,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> None:
    """Download a model through Ollama (GUI: with a progress bar and Cancel)."""
    with make_client(settings, env) as client:
        client.pull(model, progress=progress, cancel=cancel or CancelToken())
