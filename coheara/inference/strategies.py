"""The three ways of asking the model about a page, as generators of questions.

A strategy yields an ``Ask`` (a question, its ``num_predict`` cap and how the loop guard should
read the answer), receives the answer text, and finally returns an ``Extraction``. It raises
``UnusableAnswer`` when an answer cannot be used. The extractor runs the requests; the strategies
only decide what to ask next, so they are tested without a model.

* ``all_at_once`` (A): one request, ``format`` = the JSON schema, the schema also in the prompt.
* ``per_domain`` (B): the document line, then one short list per domain.
* ``drill`` (C): the document fields one by one; per domain the item names, then one short
  question per field of each item. Many requests, each tiny: the last resort.

A page longer than one answer may be (``num_predict``) is read in parts: when the engine cuts an
answer with no loop in it, the complete rows are kept and the next request, with the same system
text and image first, asks for the rows after the last one kept (``cut.py``). Each part must bring
a new row, and the parts are bounded (``Caps.continuations``).

Parsing lives in ``coheara.validation`` (adapters do not import each other): it is passed in as an
object with the ``OutputParsers`` functions, usually the module ``coheara.validation.parse``.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any, Protocol, TypeVar

from coheara.domain.items import DOMAIN_FIELDS, Domain, Finding
from coheara.inference import prompts
from coheara.inference.cut import complete_lines, salvage_json
from coheara.inference.guard import GuardMode
from coheara.schemas.extraction import Extraction, extraction_json_schema


class ParsedPage(Protocol):
    """A parsed answer: the extraction, and whether the answer was whole (not cut, JSON found)."""

    @property
    def extraction(self) -> Extraction: ...
    @property
    def complete(self) -> bool: ...


class OutputParsers(Protocol):
    """What the strategies need to read answers (``coheara.validation.parse`` provides it)."""

    def parse_extraction(self, text: str) -> ParsedPage: ...
    def extraction_from_dict(self, data: Mapping[str, Any]) -> ParsedPage: ...
    def parse_markdown_list(self, text: str, domain: Any) -> list[dict[str, str | None]]: ...
    def parse_name_list(self, text: str) -> list[str]: ...
    def parse_field_answer(self, text: str) -> str | None: ...
    def says_none(self, text: str) -> bool: ...


@dataclass(frozen=True, slots=True)
class Caps:
    """``num_predict`` per kind of request: the maintainers' first guard against endless output.

    Sized for a dense page, not a typical one: Gemma writes every digit as its own token, so one lab
    row costs ~35 tokens as a list line and ~45 as JSON; a 60-row table needs ~2,700 tokens in A
    and ~2,100 in B. A loop is stopped by the guard after ~100 tokens whatever the cap. A page
    longer than the cap is not lost: the complete rows are kept and up to ``continuations`` more
    requests ask for what follows the last one (same image prefix, so no new image encode).
    """

    all_at_once: int = 3072
    document_line: int = 96
    domain_list: int = 2048
    names: int = 512
    field: int = 64
    continuations: int = 8


@dataclass(frozen=True, slots=True)
class Ask:
    """One request. ``cut_ok``: an answer cut by ``num_predict`` is still usable (first line);
    ``continuable``: a cut answer is sent back marked ``cut`` and the strategy asks for the rest."""

    question: str
    num_predict: int
    mode: GuardMode
    format: dict[str, Any] | None = None
    cut_ok: bool = False
    continuable: bool = False


@dataclass(frozen=True, slots=True)
class Answered:
    """What the strategy gets back: the answer's text (reasoning removed) and whether the engine cut
    it at ``num_predict`` (or the guard at its token cap) with no loop seen."""

    text: str
    cut: bool = False


class UnusableAnswer(Exception):
    """An answer the strategy cannot use; ``reason`` is a short word for the attempt record
    (``json``, ``list:<domain>``, ``cut``, ``requests``)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


Strategy = Generator[Ask, Answered, Extraction]
DOCUMENT_FIELDS = ("type", "date", "language", "issuer")
_DOMAIN_ORDER = tuple(Domain)  # the schema's order, the order a JSON answer follows
_DOMAIN_VALUES = frozenset(d.value for d in Domain)
Row = dict[str, str | None]
T = TypeVar("T")


def label(row: Mapping[str, Any]) -> str:
    """How a continuation names the last row kept: its first two printed fields ("Kalium 3,2")."""
    return " ".join(str(v) for v in row.values() if v not in (None, ""))[:80].strip() or "?"


def append_new(kept: list[T], found: list[T]) -> int:
    """Append ``found`` to ``kept``, less any leading rows that repeat the tail of ``kept`` (a model
    that restarts its continuation at the last row it wrote). Returns how many were new."""
    overlap = 0
    for k in range(min(len(kept), len(found)), 0, -1):
        if kept[-k:] == found[:k]:
            overlap = k
            break
    kept.extend(found[overlap:])
    return len(found) - overlap


def all_at_once(parsers: OutputParsers, caps: Caps) -> Strategy:
    schema = extraction_json_schema()
    answer = yield Ask(prompts.all_at_once(), caps.all_at_once, "json", schema, continuable=True)
    document: Row = {}
    rows: dict[Domain, list[Row]] = {d: [] for d in Domain}
    after: Domain | None = None  # the domain the last continuation was asked to resume
    resume: Domain | None = None  # the domain a cut answer stopped in
    unread: tuple[Finding, ...] = ()  # what the reader could not place, carried to the result
    for round_ in range(caps.continuations + 1):
        if answer.cut:
            salvaged = salvage_json(answer.text)
            if salvaged is None or salvaged.array not in _DOMAIN_VALUES:
                raise UnusableAnswer("cut")
            resume = Domain(salvaged.array)
            parsed = parsers.parse_extraction(salvaged.text)
        elif not answer.text.strip():
            parsed = parsers.extraction_from_dict({})  # said nothing at all: the same as "{}"
        else:
            parsed = parsers.parse_extraction(answer.text)
            if not parsed.complete:
                raise UnusableAnswer("json")
        extraction = parsed.extraction
        if round_ == 0 and not answer.cut:
            return extraction  # the whole page in one answer: exactly as the reader read it
        unread += extraction.reader_findings
        if not document:
            document = {k: v for k, v in extraction.document.model_dump().items() if v is not None}
        added = 0
        # A continuation answers for the domain it resumes and the ones after it; anything it says
        # about earlier domains (already complete) is a repeat.
        start = _DOMAIN_ORDER.index(after) if after is not None else 0
        for domain in _DOMAIN_ORDER[start:]:
            added += append_new(rows[domain], extraction.items(domain))
        if not answer.cut:
            data: dict[str, Any] = {"document": document, **{d.value: rows[d] for d in Domain}}
            result = parsers.extraction_from_dict(data).extraction
            result.add_reader_findings(unread)
            return result
        if added == 0 or round_ == caps.continuations:
            raise UnusableAnswer("cut")  # nothing new (asking again would not help either), or no more tries
        after = resume
        assert after is not None
        later = [prompts.DOMAIN_WORDS[d][0] for d in _DOMAIN_ORDER[_DOMAIN_ORDER.index(after) + 1 :]]
        question = prompts.all_at_once_continued(after, len(rows[after]), label(rows[after][-1]), later)
        answer = yield Ask(question, caps.all_at_once, "json", schema, continuable=True)
    raise UnusableAnswer("cut")


def _checked_empty(parsers: OutputParsers, text: str, found: list[Any], domain: Domain) -> None:
    """An empty list is fine when the model said "none" (or nothing); prose instead is not."""
    if not found and text.strip() and not parsers.says_none(text):
        raise UnusableAnswer(f"list:{domain.value}")


def _whole_list(
    parsers: OutputParsers,
    caps: Caps,
    question: str,
    cap: int,
    domain: Domain,
    read: Callable[[str], list[T]],
    continued: Callable[[int, str], str],
    name_of: Callable[[T], str],
) -> Generator[Ask, Answered, list[T]]:
    """One list, continued after its last complete line for as long as the engine cuts it."""
    kept: list[T] = []
    answer = yield Ask(question, cap, "list", continuable=True)
    for round_ in range(caps.continuations + 1):
        text = complete_lines(answer.text) if answer.cut else answer.text
        found = read(text)
        if round_ == 0 and not answer.cut:
            _checked_empty(parsers, text, found, domain)
        added = append_new(kept, found)
        if not answer.cut:
            return kept
        if added == 0 or round_ == caps.continuations:
            raise UnusableAnswer("cut")
        answer = yield Ask(continued(len(kept), name_of(kept[-1])), cap, "list", continuable=True)
    raise UnusableAnswer("cut")


def _markdown_rows(parsers: OutputParsers, domain: Domain, text: str) -> list[Row]:
    return parsers.parse_markdown_list(text, domain)


def per_domain(parsers: OutputParsers, caps: Caps) -> Strategy:
    line = yield Ask(prompts.document_line(), caps.document_line, "list")
    documents = parsers.parse_markdown_list(line.text, "document")
    data: dict[str, Any] = {"document": documents[0] if documents else {}}
    for domain in Domain:
        read: Callable[[str], list[Row]] = partial(_markdown_rows, parsers, domain)
        continued: Callable[[int, str], str] = partial(prompts.domain_list_continued, domain)
        data[domain.value] = yield from _whole_list(
            parsers, caps, prompts.domain_list(domain), caps.domain_list, domain, read, continued, label
        )
    return parsers.extraction_from_dict(data).extraction


def drill(parsers: OutputParsers, caps: Caps) -> Strategy:
    document: dict[str, str | None] = {}
    for name in DOCUMENT_FIELDS:
        answer = yield Ask(prompts.document_field(name), caps.field, "text", cut_ok=True)
        document[name] = parsers.parse_field_answer(answer.text)
    data: dict[str, Any] = {"document": document}
    for domain in Domain:
        more: Callable[[int, str], str] = partial(prompts.item_names_continued, domain)
        names = yield from _whole_list(
            parsers, caps, prompts.item_names(domain), caps.names, domain, parsers.parse_name_list, more, str
        )
        first, *rest = DOMAIN_FIELDS[domain]
        items = []
        for number, title in enumerate(names, 1):
            item: dict[str, str | None] = {first: title}
            for name in rest:
                answer = yield Ask(prompts.item_field(domain, number, title, name), caps.field, "text", cut_ok=True)
                item[name] = parsers.parse_field_answer(answer.text)
            items.append(item)
        data[domain.value] = items
    return parsers.extraction_from_dict(data).extraction


STRATEGIES: dict[str, Callable[[OutputParsers, Caps], Strategy]] = {
    "all_at_once": all_at_once,
    "per_domain": per_domain,
    "drill": drill,
}
CPU_ORDER = ("all_at_once", "per_domain", "drill")
GPU_ORDER = ("per_domain", "all_at_once", "drill")


def order_for(device: str) -> tuple[str, ...]:
    """On a processor A never looped in the benchmarks; on a GPU (Vulkan above all) it did: B first."""
    return CPU_ORDER if device == "cpu" else GPU_ORDER
