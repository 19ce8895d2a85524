"""Reading one page: strategies in order, each stream under the loop guard, every attempt recorded.

``PageExtractor.extract_page`` tries the strategies in the device's order (processor: A, B, C;
graphics card: B, A, C), then the first one again with a seed and a little temperature (at
temperature 0 a loop repeats exactly, so a retry must change something). It stops at the first
usable answer. A loop, prose where a list was asked, an engine error mid-answer, or an answer with
no values for a page whose text layer shows some move on to the next attempt; running out of
memory, a missing model or an engine that is gone end the page at once (the caller decides: smaller
variant, install, start Ollama). An answer cut by ``num_predict`` with no loop in it is not a
failure: the strategy keeps its complete rows and asks for the rest (strategies.py).
Every attempt becomes an ``AttemptRecord``; when all fail, ``UnusableOutputError.attempts`` has them
and its message names the causes (reasons.py). When every attempt that finished found nothing on a
page whose text seems to hold values, the page is returned empty with ``nothing_found`` set: the
document then carries a finding that says so, rather than silently "nothing on this page".
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from coheara.cancel import CancelToken, ProgressCallback, no_progress
from coheara.domain.documents import PageImage
from coheara.domain.provenance import AttemptRecord
from coheara.errors import Cancelled, ModelError
from coheara.inference.client import EngineClient
from coheara.inference.emptiness import holds_values, page_looks_like_values
from coheara.inference.engine_errors import EngineRuntimeError
from coheara.inference.models import ResolvedModel, canonical_tag, variant_of
from coheara.inference.reasons import page_failure
from coheara.inference.requests import Answer, RequestRunner, Sampling
from coheara.inference.strategies import STRATEGIES, Answered, Caps, OutputParsers, UnusableAnswer, order_for
from coheara.schemas.extraction import PROMPT_VERSION, Extraction


@dataclass(frozen=True, slots=True)
class ExtractionLimits:
    """How hard to try. ``order`` overrides the device's strategy order (benchmarks, tests)."""

    keep_alive: str = "30m"
    num_ctx: int = 8192
    page_time_limit_s: float = 1800.0
    max_attempts: int = 4
    retry_temperature: float = 0.3
    retry_seed: int = 7
    max_requests: int = 240
    caps: Caps = field(default_factory=Caps)
    order: tuple[str, ...] | None = None


@dataclass(frozen=True, slots=True)
class PageResult:
    """The page's extraction, the strategy that produced it, and every attempt (failed ones too).

    ``nothing_found``: every strategy that finished found nothing, though the page's text layer
    seems to hold values (the caller adds a finding; the extraction is empty).
    """

    extraction: Extraction
    strategy: str
    attempts: list[AttemptRecord]
    nothing_found: bool = False


def attempt_plan(device: str, limits: ExtractionLimits) -> list[tuple[str, Sampling]]:
    order = limits.order or order_for(device)
    plan = [(name, Sampling()) for name in order]
    plan.append((order[0], Sampling(limits.retry_temperature, limits.retry_seed)))
    return plan[: limits.max_attempts]


class PageExtractor:
    """Reads pages with one model on one device. Not thread-safe: one page at a time.

    ``device`` is "cpu" or anything else for a graphics card. ``parsers`` reads the answers: pass
    the module ``coheara.validation.parse`` (inference may not import validation itself).
    """

    def __init__(
        self,
        client: EngineClient,
        model: ResolvedModel | str,
        device: str,
        *,
        parsers: OutputParsers,
        limits: ExtractionLimits | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.model = model if isinstance(model, ResolvedModel) else ResolvedModel(model, variant_of(model))
        self.device = device
        self.parsers = parsers
        self.limits = limits or ExtractionLimits()
        self._clock = clock
        self._runner = RequestRunner(client, self.model.tag, self.limits.num_ctx, self.limits.keep_alive, clock,
                                     thinking=self.model.thinking)

    def extract_page(
        self,
        page: PageImage,
        *,
        on_progress: ProgressCallback = no_progress,
        cancel: CancelToken | None = None,
        document_id: int = 0,
    ) -> PageResult:
        """The page's extraction; raises UnusableOutputError, a ModelError or Cancelled, each with
        ``.attempts`` (the records so far)."""
        cancel = cancel or CancelToken()
        deadline = self._clock() + self.limits.page_time_limit_s
        attempts: list[AttemptRecord] = []
        empty: PageResult | None = None  # the first "nothing here" answer, if the page's text disagrees
        expect_values = page_looks_like_values(page)
        self._runner.begin_page(page, hashlib.sha256(page.png).hexdigest(), document_id, on_progress)
        for number, (name, sampling) in enumerate(attempt_plan(self.device, self.limits), 1):
            self._runner.begin_attempt(number, name)
            record, extraction, error = self._attempt(name, sampling, page, document_id, cancel, deadline)
            if extraction is not None and expect_values and not holds_values(extraction):
                # Not believed yet: the next strategy asks differently and may see the rows.
                record = replace(record, outcome="empty", stop_reason="empty")
                empty = empty or PageResult(extraction, name, [], nothing_found=True)
                extraction = None
            attempts.append(record)
            if extraction is not None:
                return PageResult(extraction, name, attempts)
            if record.outcome == "cancelled":
                raise _with_attempts(Cancelled("Cancelled."), attempts)
            if error is not None and not isinstance(error, EngineRuntimeError):
                raise _with_attempts(error, attempts)
            if record.stop_reason == "time":
                break
        if empty is not None and all(a.outcome == "empty" for a in attempts):
            return replace(empty, attempts=attempts)
        raise _with_attempts(page_failure(attempts, page.index + 1), attempts)

    def _attempt(
        self, name: str, sampling: Sampling, page: PageImage, document_id: int, cancel: CancelToken, deadline: float
    ) -> tuple[AttemptRecord, Extraction | None, ModelError | None]:
        started, started_at = self._clock(), datetime.now(UTC)
        strategy = STRATEGIES[name](self.parsers, self.limits.caps)
        answers: list[Answer] = []
        extraction: Extraction | None = None
        error: ModelError | None = None
        outcome, stop = "ok", "done"
        try:
            ask = next(strategy)
            while True:
                if cancel.cancelled:
                    outcome, stop = "cancelled", "cancel"
                    break
                if len(answers) >= self.limits.max_requests:
                    raise UnusableAnswer("requests")
                answer = self._runner.run(ask, sampling, cancel, deadline)
                answers.append(answer)
                if answer.error is not None:
                    error = answer.error
                    outcome, stop = "error", f"error:{_kind(error)}"
                    break
                cut = answer.stop in _CUT
                if answer.stop != "done" and not (cut and (ask.cut_ok or ask.continuable)):
                    outcome, stop = _failure(answer.stop)
                    break
                ask = strategy.send(Answered(answer.text, cut))
        except StopIteration as finished:
            extraction = finished.value
        except UnusableAnswer as bad:
            if bad.reason == "cut":
                outcome, stop = "cut", answers[-1].stop if answers else "length"
            else:
                outcome, stop = "unusable", f"unusable:{bad.reason}"
        finally:
            strategy.close()
        record = AttemptRecord(
            document_id=document_id,
            page_index=page.index,
            strategy=name if sampling.temperature == 0 else f"{name}+seed",
            model=self.model.tag,
            variant=self.model.variant,
            prompt_version=PROMPT_VERSION,
            started_at=started_at,
            seconds=round(self._clock() - started, 3),
            tokens=sum(a.tokens for a in answers),
            requests=len(answers),
            image_encodes=sum(a.image_encoded for a in answers),
            outcome=outcome,
            stop_reason=stop,
            raw_output="\n\n".join(a.text for a in answers if a.text),
        )
        return record, extraction, error


# The engine's num_predict ("length") or, for an engine that ignores it, the guard's token cap: the
# answer was cut, not looping (the guard would have said "loop:<shape>" first).
_CUT = ("length", "tokens")


def _failure(stop: str) -> tuple[str, str]:
    """(outcome, stop_reason) for a request that did not end well (AttemptRecord's vocabulary)."""
    if stop == "cancel":
        return "cancelled", "cancel"
    if stop == "loop:eof":  # Ollama's own repeat guard closed the stream
        return "loop", "eof"
    if stop.startswith("loop:"):
        return "loop", stop
    if stop in _CUT:
        return "cut", stop
    return "unusable", stop


def _kind(error: ModelError) -> str:
    """``OutOfMemoryError`` → ``out_of_memory``: the error's class as a word for the record."""
    name = type(error).__name__.removesuffix("Error")
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def _with_attempts(exc: Exception, attempts: list[AttemptRecord]) -> Exception:
    # The records ride on whichever error ends the page (Cancelled, any ModelError) and are read back
    # with getattr in services.extraction. No class can declare them: errors.py sits below domain.
    exc.attempts = list(attempts)  # type: ignore[attr-defined]
    return exc


def warm_up(client: EngineClient, model: ResolvedModel | str, limits: ExtractionLimits | None = None) -> None:
    """Load the model now with the options every page uses (another num_ctx would reload it)."""
    limits = limits or ExtractionLimits()
    tag = model.tag if isinstance(model, ResolvedModel) else model
    client.load(tag, keep_alive=limits.keep_alive, options={"num_ctx": limits.num_ctx})


def check_fit(client: EngineClient, model: ResolvedModel | str) -> tuple[int, int] | None:
    """``(size, size_vram)`` of the loaded model from /api/ps, or None when it is not loaded.

    ``size_vram < size`` means part of it runs on the processor (the vision part then too: minutes
    per page); the caller may choose a smaller variant.
    """
    tag = model.tag if isinstance(model, ResolvedModel) else model
    wanted = canonical_tag(tag)
    for running in client.running():
        if canonical_tag(running.name) == wanted:
            return running.size, running.size_vram
    return None
