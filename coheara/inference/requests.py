"""One request to the model under the loop guard: stream, watch, stop, and say why it stopped.

Every request for a page is ``[system, user{image, question}]`` with the same options except
``num_predict`` (and, on the last retry, ``temperature``/``seed``): ``num_ctx`` never changes, since a
different value reloads the model. The stream is read chunk by chunk; the loop guard, the cancel
token and the page's time limit are checked on every chunk, and the stream is closed on the spot
(the engine sees the disconnect and stops generating). Engine errors come back inside the
``Answer``, so the attempt that caused them is still recorded.

A model that declares ``thinking`` gets ``think: false`` (top level) on every request; reasoning that
arrives anyway in ``message.thinking`` is watched by a guard of its own (a reasoning loop is still a
loop, and its tokens count against the cap) and then dropped: it is never part of the answer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from coheara.cancel import CancelToken, Progress, ProgressCallback, no_progress
from coheara.domain.documents import PageImage
from coheara.errors import ModelError
from coheara.i18n import _
from coheara.inference import prompts
from coheara.inference.client import EngineClient
from coheara.inference.guard import LoopGuard
from coheara.inference.strategies import Ask

# Leeway over num_predict before the guard's own token cap fires (an engine that ignores the cap).
_TOKEN_SLACK = 64
_PROGRESS_EVERY_S = 0.25


@dataclass(frozen=True, slots=True)
class Sampling:
    """Temperature 0 is greedy: the same page gives the same answer, loops included."""

    temperature: float = 0.0
    seed: int | None = None


@dataclass(frozen=True, slots=True)
class Answer:
    """What one request gave. ``stop``: done, length, loop:<shape>, tokens, time, cancel or error."""

    text: str
    tokens: int
    stop: str
    image_encoded: int
    error: ModelError | None = None


class RequestRunner:
    """Runs requests for one model; remembers which page image the engine's cache holds."""

    def __init__(
        self,
        client: EngineClient,
        tag: str,
        num_ctx: int,
        keep_alive: str,
        clock: Callable[[], float],
        *,
        thinking: bool = False,
    ) -> None:
        self.client = client
        self.tag = tag
        self.think: bool | None = False if thinking else None  # None: the field is left out
        self.num_ctx = num_ctx
        self.keep_alive = keep_alive
        self._clock = clock
        self._cached_image: str | None = None  # the page image the engine's prompt cache holds
        self._image_key = ""
        self._page: PageImage | None = None
        self._progress: ProgressCallback = no_progress
        self._context: dict[str, float | int | str] = {}
        self._document_id = 0
        self._page_started = 0.0
        self._page_tokens = 0
        self._last_report = 0.0

    def begin_page(self, page: PageImage, image_key: str, document_id: int, on_progress: ProgressCallback) -> None:
        self._page, self._image_key, self._document_id = page, image_key, document_id
        self._progress = on_progress
        self._page_started = self._clock()
        self._page_tokens = 0

    def begin_attempt(self, number: int, strategy: str) -> None:
        self._context = {"attempt": number, "strategy": strategy}
        self._report(force=True)

    def run(self, ask: Ask, sampling: Sampling, cancel: CancelToken, deadline: float) -> Answer:
        assert self._page is not None, "begin_page first"
        options: dict[str, float | int] = {
            "num_ctx": self.num_ctx,
            "temperature": sampling.temperature,
            "num_predict": ask.num_predict,
        }
        if sampling.seed is not None:
            options["seed"] = sampling.seed
        encoded = int(self._cached_image != self._image_key)
        self._cached_image = self._image_key
        seconds = max(0.0, deadline - self._clock())
        guard = LoopGuard(mode=ask.mode, max_tokens=ask.num_predict + _TOKEN_SLACK, max_seconds=seconds,
                          clock=self._clock)
        thought = LoopGuard(mode="text", max_tokens=ask.num_predict + _TOKEN_SLACK, max_seconds=seconds,
                            clock=self._clock)
        done, reason, stop = False, None, None
        try:
            stream = self.client.chat_stream(
                self.tag, prompts.messages(self._page.png, ask.question),
                format=ask.format, options=options, keep_alive=self.keep_alive, think=self.think,
            )
            try:
                for chunk in stream:
                    if cancel.cancelled:
                        stop = "cancel"
                        break
                    if chunk.thinking:  # watched, counted, never kept
                        self._page_tokens += 1
                        thought.feed(chunk.thinking)
                    if chunk.content:
                        self._page_tokens += 1
                        guard.feed(chunk.content)
                        self._report()
                    if chunk.done:
                        done, reason = True, chunk.done_reason
                        break
                    if guard.verdict is not None or thought.verdict is not None:
                        break
            finally:
                stream.close()
        except ModelError as exc:
            return Answer(guard.answer, guard.tokens + thought.tokens, "error", encoded, exc)
        if stop is None:
            verdict = guard.verdict or thought.verdict or guard.end_of_stream(done)
            if verdict is None or verdict.reason == "complete":
                stop = "length" if reason == "length" else "done"
            else:
                stop = verdict.reason
        return Answer(guard.answer, guard.tokens + thought.tokens, stop, encoded)

    def _report(self, *, force: bool = False) -> None:
        now = self._clock()
        if not force and now - self._last_report < _PROGRESS_EVERY_S:
            return
        self._last_report = now
        assert self._page is not None
        page_number = self._page.index + 1
        self._progress(
            Progress(
                stage="extract",
                message=_("Reading page {page}…").format(page=page_number),
                done=self._page_tokens,
                document_id=self._document_id,
                page=page_number,
                extra={"tokens": self._page_tokens, "elapsed_s": round(now - self._page_started, 1), **self._context},
            )
        )
