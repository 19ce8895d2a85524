"""Every failure of the engine, as a sentence a patient understands (a ``KnownError``).

Each sentence is kept as its template (``sentence``), so a reason stored with a document reads in the
language it is shown in later.

The ollama client raises ``ResponseError`` (an HTTP status, or -1 for an error line mid-stream),
the builtin ``ConnectionError`` (server down, non-streaming), raw ``httpx`` errors while streaming
(connect, timeouts, a dropped connection) and ``pydantic``/``json`` errors on an answer it cannot
read. ``engine_error`` turns each into the right ``ModelError`` subclass; anything else is a bug and
is left alone. Engine error texts never carry document content, so they may be logged.
"""

from __future__ import annotations

import json
import logging

import httpx
import ollama
import pydantic

from coheara.domain.wording import sentence
from coheara.errors import (
    EngineTimeoutError,
    EngineUnreachableError,
    KnownError,
    ModelError,
    ModelMissingError,
    ModelNoVisionError,
    OutOfMemoryError,
)
from coheara.i18n import N_

log = logging.getLogger(__name__)

_OOM_WORDS = ("out of memory", "more system memory", "cudamalloc failed", "vk_error_out_of_device_memory",
              "insufficient memory", "unable to allocate", "failed to allocate")
_VISION_WORDS = ("missing data required for image input", "does not support vision")
START_HINT = N_("Start Ollama (open the Ollama app, or run `ollama serve` in a terminal), then try again.")


class EngineRuntimeError(ModelError):
    """The engine answered, but with an error that is neither memory, vision nor a missing model.

    Worth one more try with another strategy; the next request tells whether the engine is still up.
    """


def engine_error(exc: BaseException, *, host: str, model: str | None = None) -> KnownError | None:
    """The ``KnownError`` for ``exc``, or None when ``exc`` is not an engine failure (a bug)."""
    if isinstance(exc, KnownError):
        return exc
    if isinstance(exc, ollama.ResponseError):
        return _response_error(exc, host=host, model=model)
    if isinstance(exc, (httpx.ConnectError, httpx.ConnectTimeout, ConnectionError)):
        return EngineUnreachableError(
            sentence(N_("The local AI engine (Ollama) is not running at {host}."), {"host": host}),
            sentence(START_HINT),
        )
    if isinstance(exc, httpx.TimeoutException):
        return EngineTimeoutError(
            sentence(N_("The local AI engine (Ollama) at {host} stopped answering."), {"host": host}),
            sentence(N_("It may be busy or stuck: wait a little, or restart Ollama, then try again.")),
        )
    if isinstance(exc, (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError)):
        return EngineRuntimeError(
            sentence(N_("The connection to the local AI engine was lost while it was reading.")),
            sentence(N_("If this happens again, restart Ollama.")),
        )
    if isinstance(exc, (httpx.HTTPError, pydantic.ValidationError, json.JSONDecodeError)):
        log.warning("unreadable answer from the engine: %s", type(exc).__name__)
        return EngineRuntimeError(
            sentence(N_("The local AI engine sent an answer Coheara does not understand.")),
            sentence(N_("Update Ollama to a recent version, then try again.")),
        )
    return None


def _response_error(exc: ollama.ResponseError, *, host: str, model: str | None) -> KnownError:
    text = str(exc.error)
    low = text.lower()
    # The engine's text is not logged: a runner error can echo part of the prompt.
    log.info("engine error (status %s)", exc.status_code)
    if any(word in low for word in _OOM_WORDS):
        return OutOfMemoryError(
            sentence(N_("This computer does not have enough free memory to run the AI model.")),
            sentence(N_("Close other programs, or use a smaller model variant (q4), then try again.")),
        )
    if any(word in low for word in _VISION_WORDS):
        return ModelNoVisionError(
            sentence(N_("The AI model '{model}' cannot read images: its vision part is missing."), {"model": model})
            if model else sentence(N_("The AI model cannot read images: its vision part is missing.")),
            sentence(N_("Install a Coheara build of MedGemma (ollama pull …), which keeps the vision part.")),
        )
    if exc.status_code == 404 and model is None:
        return EngineRuntimeError(
            sentence(N_("The program at {host} does not answer like Ollama."), {"host": host}),
            sentence(N_("Check the AI engine address in the settings, and update Ollama to a recent version.")),
        )
    if exc.status_code == 404 or "not found" in low or "file does not exist" in low:
        return ModelMissingError(
            sentence(N_("The AI model '{model}' is not installed in the local AI engine."), {"model": model})
            if model else sentence(N_("The AI model is not installed in the local AI engine.")),
            sentence(N_("Install it with `ollama pull`, or choose another model in the settings.")),
        )
    if exc.status_code == 503 or "server busy" in low:
        return EngineTimeoutError(sentence(N_("The local AI engine at {host} is busy."), {"host": host}),
                                  sentence(N_("Wait a moment, then try again.")))
    if "pull model manifest" in low or "dial tcp" in low or "no such host" in low:
        return EngineRuntimeError(
            sentence(N_("The local AI engine could not download the model.")),
            sentence(N_("Check the internet connection of this computer, then try again.")),
        )
    return EngineRuntimeError(
        sentence(N_("The local AI engine stopped with an error while reading.")),
        sentence(N_("Try again; if it keeps happening, restart Ollama or update it.")),
    )
