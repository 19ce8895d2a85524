"""The hardened Ollama client: local only, no proxies, always a timeout, every error a KnownError.

Wraps ``ollama.Client`` (0.6.x) the way DESIGN.md asks: the host must be this computer unless the
patient opted in; ``trust_env=False`` so ``HTTP_PROXY``/``ALL_PROXY`` never route a document through
a proxy (httpx would, even for 127.0.0.1); a short connect timeout so "Ollama is not running" is
said within seconds, and a long read timeout because in a stream it is the gap between chunks and
the first gap includes loading the model and encoding the image. Cloud models are refused.
"""

from __future__ import annotations

import logging
from collections.abc import Generator, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, NamedTuple, TypeVar

import httpx
import ollama

from coheara.cancel import CancelToken, Progress, ProgressCallback, no_progress
from coheara.errors import Cancelled, CloudModelRefusedError
from coheara.i18n import _
from coheara.inference.engine_errors import EngineRuntimeError, engine_error
from coheara.inference.hosts import DEFAULT_OLLAMA_HOST, checked_host, is_cloud_model, refuse_cloud

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class ModelDetails:
    """What ``/api/show`` says about a model."""

    name: str
    capabilities: tuple[str, ...]
    family: str | None
    quantization: str | None
    parameter_size: str | None

    @property
    def has_vision(self) -> bool:
        return "vision" in self.capabilities

    @property
    def has_thinking(self) -> bool:
        """Ollama turns thinking on by default for such a model; only ``think: false`` turns it off."""
        return "thinking" in self.capabilities


class RunningModel(NamedTuple):
    """A loaded model (``/api/ps``): ``size_vram < size`` means part of it runs on the processor.

    A tuple, so ``for name, size, size_vram in client.running()`` works too.
    """

    name: str
    size: int
    size_vram: int


@dataclass(frozen=True, slots=True)
class StreamChunk:
    """One streamed piece (about one token). The last one has ``done`` and the counts.

    ``thinking``: the model's reasoning, when the engine sends it apart (``message.thinking``). It is
    never data: the caller may watch it for loops and must drop it.
    """

    content: str
    thinking: str = ""
    done: bool = False
    done_reason: str | None = None
    prompt_eval_count: int | None = None
    eval_count: int | None = None


class EngineClient:
    """One engine (Ollama) on this computer. Close it, or use it as a context manager."""

    def __init__(
        self,
        host: str = DEFAULT_OLLAMA_HOST,
        *,
        allow_remote: bool = False,
        timeout_s: float = 600.0,
        connect_timeout_s: float = 3.0,
    ) -> None:
        self.host = checked_host(host, allow_remote=allow_remote).url
        timeout = httpx.Timeout(timeout_s, connect=connect_timeout_s)
        self._ollama = ollama.Client(host=self.host, trust_env=False, timeout=timeout)
        # The client adds OLLAMA_API_KEY (an ollama.com credential) to every request; a local
        # engine never needs it, and a remote one must not get it by accident.
        self._ollama._client.headers.pop("authorization", None)

    def close(self) -> None:
        self._ollama.close()

    def __enter__(self) -> EngineClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _call(self, fn: Any, model: str | None = None) -> Any:
        try:
            return fn()
        except Exception as exc:
            known = engine_error(exc, host=self.host, model=model)
            if known is None:
                raise
            raise known from None

    # -- questions -------------------------------------------------------------------------------

    def _get_json(self, method: str, path: str, model: str | None = None, **kwargs: Any) -> dict[str, Any]:
        """A JSON object from the engine; anything else means it is not (a recent) Ollama."""
        data = self._call(lambda: self._ollama._request_raw(method, path, **kwargs).json(), model)
        if not isinstance(data, dict):
            raise EngineRuntimeError(
                _("The local AI engine sent an answer Coheara does not understand."),
                _("Check that the address points to Ollama, and update it to a recent version."),
            )
        return data

    def version(self) -> str:
        """The engine's version, e.g. "0.12.6"."""
        return str(self._get_json("GET", "/api/version").get("version") or "unknown")

    def installed_models(self) -> list[str]:
        """Names of the models installed locally (cloud entries left out), e.g. "x:latest"."""
        data = self._get_json("GET", "/api/tags")
        names = []
        for entry in data.get("models") or []:
            name = str(entry.get("name") or entry.get("model") or "")
            if name and not entry.get("remote_host") and not is_cloud_model(name):
                names.append(name)
        return names

    def show(self, model: str) -> ModelDetails:
        refuse_cloud(model)
        data = self._get_json("POST", "/api/show", model, json={"model": model})
        if data.get("remote_host"):
            raise CloudModelRefusedError(
                _("'{name}' runs on another computer; Coheara only uses AI models that run on this one.").format(
                    name=model)
            )
        details = data.get("details") or {}
        return ModelDetails(
            name=model,
            capabilities=tuple(str(c) for c in data.get("capabilities") or ()),
            family=details.get("family"),
            quantization=details.get("quantization_level"),
            parameter_size=details.get("parameter_size"),
        )

    def running(self) -> list[RunningModel]:
        """Loaded models with their memory: ``(name, size, size_vram)``."""
        listing = self._call(self._ollama.ps)
        return [RunningModel(str(m.name or m.model), int(m.size or 0), int(m.size_vram or 0)) for m in listing.models]

    # -- actions ---------------------------------------------------------------------------------

    def pull(self, model: str, progress: ProgressCallback = no_progress, cancel: CancelToken | None = None) -> None:
        """Download ``model``, reporting bytes; ``cancel`` stops it (Cancelled), the engine keeps parts."""
        refuse_cloud(model)
        stream = self._ollama.pull(model, stream=True)  # no request yet: it starts on the first next()
        try:
            for part in self._iterate(stream, model):
                if cancel is not None and cancel.cancelled:
                    raise Cancelled("Download cancelled.")
                progress(
                    Progress(
                        stage="pull",
                        message=_("Downloading the AI model…"),
                        done=int(part.completed or 0),
                        total=int(part.total or 0),
                        extra={"status": str(part.status or "")},
                    )
                )
        finally:
            _close(stream)

    def load(self, model: str, keep_alive: str | float = "30m", options: Mapping[str, Any] | None = None) -> None:
        """Load ``model`` into memory now (an empty chat), so the first page does not wait for it."""
        refuse_cloud(model)
        self._call(lambda: self._ollama.chat(model=model, messages=[], keep_alive=keep_alive, options=options), model)

    def chat_stream(
        self,
        model: str,
        messages: Sequence[Mapping[str, Any]],
        *,
        format: Literal["", "json"] | dict[str, Any] | None = None,  # noqa: A002 - Ollama's name
        options: Mapping[str, Any] | None = None,
        keep_alive: str | float | None = None,
        think: bool | None = None,
    ) -> Generator[StreamChunk, None, None]:
        """Stream the answer. Close the iterator to stop: the engine sees the disconnect and stops.

        ``think=False`` goes at the top level of the request (the only place Ollama reads it) and
        turns a thinking model's default reasoning off; None leaves the field out, for engines and
        models that do not know it (``think: true`` on a model without it is a 400).
        """
        refuse_cloud(model)
        # No request yet (it starts on the first next()); an error here is a bad argument: a bug.
        inner = self._ollama.chat(
            model=model, messages=messages, stream=True, format=format, options=options, keep_alive=keep_alive,
            think=think,
        )
        return self._chunks(inner, model)

    def _chunks(self, inner: Iterator[Any], model: str) -> Generator[StreamChunk, None, None]:
        try:
            for part in self._iterate(inner, model):
                yield StreamChunk(
                    content=part.message.content or "",
                    thinking=part.message.thinking or "",
                    done=bool(part.done),
                    done_reason=part.done_reason,
                    prompt_eval_count=part.prompt_eval_count,
                    eval_count=part.eval_count,
                )
        finally:
            _close(inner)

    def _iterate(self, inner: Iterator[T], model: str) -> Iterator[T]:
        """``inner`` with every engine error raised as a KnownError (generators raise on ``next``)."""
        while True:
            try:
                part = next(inner)
            except StopIteration:
                return
            except Exception as exc:
                known = engine_error(exc, host=self.host, model=model)
                if known is None:
                    raise
                raise known from None
            yield part


def _close(stream: Iterator[Any]) -> None:
    """Close an ollama stream: that ends its HTTP response, so the engine stops generating.

    ollama types its streams as plain iterators; they are generators, which have ``close``."""
    close = getattr(stream, "close", None)
    if close is not None:
        close()
