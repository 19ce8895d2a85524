"""The three ways of asking the model about a page, as generators of questions.

A strategy yields an ``Ask`` (a question, its ``num_predict`` cap and how the loop guard should
read the answer), receives the answer text, and finally returns an ``Extraction``. It raises
``UnusableAnswer`` when an answer cannot be used. The extractor runs the requests; the strategies
only decide what to ask next, so they are tested without a model.

* ``all_at_once`` (A): one request, ``format`` = the JSON schema, the schema also in the prompt.
* ``per_domain`` (B): the document line, then one short list per domain.
* ``drill`` (C): the document fields one by one; per domain the item names, then one short
  question per field of each item. Many requests, each tiny: the last resort.

Parsing lives in ``coheara.validation`` (adapters do not import each other): it is passed in as an
object with the ``OutputParsers`` functions, usually the module ``coheara.validation.parse``.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from coheara.domain.items import DOMAIN_FIELDS, Domain
from coheara.inference import prompts
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
    and ~2,100 in B. A cap that cuts a real page turns a good answer into a failure, while a loop
    is stopped by the guard after ~100 tokens whatever the cap, so the caps stay generous.
    """

    all_at_once: int = 3072
    document_line: int = 96
    domain_list: int = 2048
    names: int = 512
    field: int = 64


@dataclass(frozen=True, slots=True)
class Ask:
    """One request. ``cut_ok``: an answer cut by ``num_predict`` is still usable (first line)."""

    question: str
    num_predict: int
    mode: GuardMode
    format: dict[str, Any] | None = None
    cut_ok: bool = False


class UnusableAnswer(Exception):
    """An answer the strategy cannot use; ``reason`` is a short word for the attempt record."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


Strategy = Generator[Ask, str, Extraction]
DOCUMENT_FIELDS = ("type", "date", "language", "issuer")


def all_at_once(parsers: OutputParsers, caps: Caps) -> Strategy:
    text = yield Ask(prompts.all_at_once(), caps.all_at_once, "json", extraction_json_schema())
    parsed = parsers.parse_extraction(text)
    if not parsed.complete:
        raise UnusableAnswer("json")
    return parsed.extraction


def _checked_empty(parsers: OutputParsers, text: str, found: list[Any], domain: Domain) -> None:
    """An empty list is fine when the model said "none" (or nothing); prose instead is not."""
    if not found and text.strip() and not parsers.says_none(text):
        raise UnusableAnswer(f"list:{domain.value}")


def per_domain(parsers: OutputParsers, caps: Caps) -> Strategy:
    line = yield Ask(prompts.document_line(), caps.document_line, "list")
    documents = parsers.parse_markdown_list(line, "document")
    data: dict[str, Any] = {"document": documents[0] if documents else {}}
    for domain in Domain:
        text = yield Ask(prompts.domain_list(domain), caps.domain_list, "list")
        items = parsers.parse_markdown_list(text, domain)
        _checked_empty(parsers, text, items, domain)
        data[domain.value] = items
    return parsers.extraction_from_dict(data).extraction


def drill(parsers: OutputParsers, caps: Caps) -> Strategy:
    document: dict[str, str | None] = {}
    for name in DOCUMENT_FIELDS:
        answer = yield Ask(prompts.document_field(name), caps.field, "text", cut_ok=True)
        document[name] = parsers.parse_field_answer(answer)
    data: dict[str, Any] = {"document": document}
    for domain in Domain:
        text = yield Ask(prompts.item_names(domain), caps.names, "list")
        names = parsers.parse_name_list(text)
        _checked_empty(parsers, text, names, domain)
        first, *rest = DOMAIN_FIELDS[domain]
        items = []
        for number, title in enumerate(names, 1):
            item: dict[str, str | None] = {first: title}
            for name in rest:
                answer = yield Ask(prompts.item_field(domain, number, title, name), caps.field, "text", cut_ok=True)
                item[name] = parsers.parse_field_answer(answer)
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
