"""The loop guard: watches every streamed chunk and says when to stop reading.

MedGemma at temperature 0 can fall into a loop that never ends on its own (DESIGN.md lists the
shapes: one row repeated, ``[Redacted]`` thousands of times inside leaked reasoning, a whole answer
repeated as a block, whitespace padding under a JSON grammar, a numbered list repeating one drug).
The guard catches each within about a hundred tokens of its start and stays silent on long normal
outputs (a 60-row lab table, a glucose series, a long list of instructions):

* exact repeating tail: the last ``span`` characters have a period ``p`` ≤ 400 with ≥ 4 repeats
  (3 from 40 characters, 2.5 from 80: a whole row repeated), span ≥ 200 characters;
* a whitespace run ≥ 64 characters;
* the same line ≥ 4 times in a row, after removing *only* list counters ("3. ", "- ") so that real
  values (a glucose series) are never normalized away;
* JSON mode: the same array item ≥ 3 times, or a run of 3 items that repeats an earlier run;
* list mode: a run of 3 lines that repeats an earlier run (a whole answer starting over);
* a token cap and a wall-clock cap; and a stream that ends without its ``done`` chunk (Ollama's own
  repeat guard closes the stream that way).

The token cap (``tokens``, like the engine's own ``done_reason: "length"``) is not a loop verdict:
an answer that reaches it with distinct rows was cut, and its complete rows are kept and continued
(strategies.py). Only a ``loop:<shape>`` verdict says the model repeated itself.

No compression ratio: normal JSON compresses like a loop. In JSON mode the guard also reports
``complete`` once the first top-level object closes: nothing after it is worth reading.
"""

from __future__ import annotations

import math
import re
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from coheara.inference.json_scan import JsonScanner
from coheara.inference.reasoning import REASONING_END, REASONING_START, strip_reasoning

__all__ = ["GuardLimits", "LoopGuard", "Verdict", "strip_reasoning"]

GuardMode = Literal["json", "list", "text"]
# Only list counters, never values: "12. Metformin" -> "Metformin", but "5.4 mmol/L" stays.
_COUNTER = re.compile(r"^\s*(?:[-*+•]\s+)?(?:\(?\d{1,4}[.)]\s+)?")


@dataclass(frozen=True, slots=True)
class Verdict:
    """Why reading stopped: ``loop:<shape>``, ``tokens``, ``time`` or ``complete``."""

    reason: str

    @property
    def is_loop(self) -> bool:
        return self.reason.startswith("loop:")


@dataclass(frozen=True, slots=True)
class GuardLimits:
    """Thresholds; the defaults are the ones measured in bench/bench_loop_guard.py."""

    max_period: int = 400
    min_repeats: int = 4
    min_span: int = 200
    # A long period is a whole row or sentence: fewer copies prove the loop, and waiting for four
    # would let a 57-token row run ~170 tokens. Rows under 80 characters still need three full
    # copies, so two identical undated readings followed by a third of the same test are no alarm.
    row_period: int = 40
    row_repeats: float = 3.0
    long_period: int = 80
    long_repeats: float = 2.5
    whitespace_run: int = 64
    line_repeats: int = 4
    item_repeats: int = 3
    block_lines: int = 3
    block_items: int = 3


@dataclass(slots=True)
class _Lines:
    """Completed lines of one section (reasoning and answer are tracked apart)."""

    last: str | None = None
    run: int = 0
    history: list[str] = field(default_factory=list)
    seen_blocks: dict[tuple[str, ...], int] = field(default_factory=dict)


class LoopGuard:
    """Feed each chunk with ``feed``; a returned ``Verdict`` means: stop reading and close the stream."""

    def __init__(
        self,
        *,
        mode: GuardMode = "text",
        max_tokens: int = 4096,
        max_seconds: float = 1800.0,
        limits: GuardLimits = GuardLimits(),
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.mode = mode
        self.max_tokens = max_tokens
        self.max_seconds = max_seconds
        self.limits = limits
        self._clock = clock
        self._started_at = clock()
        self.text = ""
        self.tokens = 0
        self.verdict: Verdict | None = None
        self._ws_run = 0
        self._line_pos = 0
        self._lines = _Lines()
        self._section: Literal["undecided", "reasoning", "answer"] = "undecided"
        self._answer_start = 0
        self._scanned = 0
        self._json = JsonScanner()
        self._json_fed = 0
        self._json_offset: int | None = None  # where in ``text`` the scanner's text starts
        self._items: dict[int, list[str]] = {}
        self._item_counts: dict[int, Counter[str]] = {}

    @property
    def elapsed(self) -> float:
        return self._clock() - self._started_at

    @property
    def answer(self) -> str:
        """What was streamed, reasoning removed (what may be parsed and stored); in JSON mode it ends
        after the last answer that was not a repeat of an earlier one."""
        cut = self._json.cut
        if cut is None or self._json_offset is None:
            return strip_reasoning(self.text)
        return strip_reasoning(self.text[: self._json_offset + cut])

    def feed(self, chunk: str) -> Verdict | None:
        """Take one streamed chunk (about one token). Returns a verdict once reading should stop."""
        if self.verdict is not None:
            return self.verdict
        self.tokens += 1
        self.text += chunk
        verdict = self._whitespace(chunk) or self._periodic()
        if verdict is None:
            # _sections only moves state and never stops the stream, so it runs outside the chain,
            # at the same point as before: after the checks on the raw text, before the answer's.
            self._sections()
            verdict = self._new_lines() or self._json_items() or self._caps()
        self.verdict = verdict
        return verdict

    def end_of_stream(self, done: bool) -> Verdict | None:
        """Call when the stream ends. Ending without ``done`` is Ollama's repeat guard: a loop."""
        if self.verdict is None and not done:
            self.verdict = Verdict("loop:eof")
        return self.verdict

    # -- signals ---------------------------------------------------------------------------------

    def _whitespace(self, chunk: str) -> Verdict | None:
        stripped = chunk.rstrip()
        self._ws_run = self._ws_run + len(chunk) if not stripped else len(chunk) - len(stripped)
        return Verdict("loop:whitespace") if self._ws_run >= self.limits.whitespace_run else None

    def _periodic(self) -> Verdict | None:
        text, lim = self.text, self.limits
        n = len(text)
        if n < lim.min_span:
            return None
        probe = text[-8:]
        low = max(0, n - 8 - lim.max_period)
        # Candidate periods are where the last 8 characters occurred before (nearest first).
        j = text.rfind(probe, low, n - 1)
        while j >= 0:
            p = n - 8 - j
            repeats = (
                lim.min_repeats if p < lim.row_period else lim.row_repeats if p < lim.long_period else lim.long_repeats
            )
            span = max(math.ceil(repeats * p), lim.min_span)
            if span <= n and text[n - span + p :] == text[n - span : n - p]:
                return Verdict("loop:periodic")
            j = text.rfind(probe, low, j + 7)
        return None

    def _sections(self) -> None:
        """Track leaked reasoning so that lines and JSON are read in the answer only."""
        if self._section == "undecided":
            head = self.text.lstrip()
            if head.startswith(REASONING_START):
                self._section = "reasoning"
            elif not REASONING_START.startswith(head):
                self._section = "answer"
        if self._section == "reasoning":
            end = self.text.find(REASONING_END, max(0, self._scanned - len(REASONING_END)))
            self._scanned = len(self.text)
            if end >= 0:
                self._section = "answer"
                self._answer_start = self._line_pos = end + len(REASONING_END)
                self._lines = _Lines()

    def _new_lines(self) -> Verdict | None:
        end = self.text.rfind("\n")
        if end < self._line_pos or self._section == "undecided":
            return None
        completed = self.text[self._line_pos : end].split("\n")
        self._line_pos = end + 1
        for line in completed:
            verdict = self._line(_COUNTER.sub("", line).strip())
            if verdict is not None:
                return verdict
        return None

    def _line(self, line: str) -> Verdict | None:
        if len(line) < 3:
            return None
        state, lim = self._lines, self.limits
        state.run = state.run + 1 if line == state.last else 1
        state.last = line
        if state.run >= lim.line_repeats:
            return Verdict("loop:line")
        if self.mode != "list" or self._section != "answer":
            return None
        # Blocks only in list answers: in JSON, lines like '"flag": null,' repeat legitimately, and
        # a reasoning draft is often repeated by the answer that follows it.
        state.history.append(line)
        i = len(state.history) - 1
        if i + 1 < lim.block_lines:
            return None
        block = tuple(state.history[i + 1 - lim.block_lines :])
        earlier = state.seen_blocks.setdefault(block, i)
        return Verdict("loop:block") if earlier <= i - 2 else None

    def _json_items(self) -> Verdict | None:
        if self.mode != "json" or self._section != "answer":
            return None
        start = max(self._answer_start, self._json_fed)
        if self._json_offset is None:
            self._json_offset = start
        new = self.text[start:]
        self._json_fed = len(self.text)
        for item in self._json.feed(new):
            counts = self._item_counts.setdefault(item.array_start, Counter())
            counts[item.key] += 1
            if counts[item.key] >= self.limits.item_repeats:
                return Verdict("loop:item")
            seq = self._items.setdefault(item.array_start, [])
            seq.append(item.key)
            if _run_repeats(seq, self.limits.block_items):
                return Verdict("loop:item")
        if self._json.complete:
            return Verdict("complete")
        return None

    def _caps(self) -> Verdict | None:
        if self.tokens >= self.max_tokens:
            return Verdict("tokens")
        if self.elapsed >= self.max_seconds:
            return Verdict("time")
        return None


def _run_repeats(seq: list[str], k: int) -> bool:
    """True when the last ``k`` items repeat an earlier run of ``k`` items that does not overlap."""
    if len(seq) < 2 * k:
        return False
    tail = seq[-k:]
    if len(set(tail)) == 1:  # k equal items: the per-item count decides that case
        return False
    return any(seq[j : j + k] == tail for j in range(0, len(seq) - 2 * k + 1))
