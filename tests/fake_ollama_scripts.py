"""What the fake Ollama's "model" says: replies streamed token by token, and the loop shapes.

Tests only: a fake model must never ship in the product. A ``Reply`` is a head (streamed once), an
optional loop unit (streamed again and again until the client disconnects or a cap), and how the
stream ends. ``PageResponder`` answers Coheara's own prompts (all-at-once JSON, per-domain lists,
drill questions) from a known "truth" in the extraction contract, like a model that reads well.
The shapes below are the loops DESIGN.md lists, built from that truth.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from coheara.domain.items import DOMAIN_FIELDS, Domain

# About one token per chunk, as small as real ones: words of up to 8 letters, one digit, one mark.
_TOKEN = re.compile(r"<unused\d+>|\n|[ \t]{2,16}| ?[^\W\d_]{1,8}| ?\d| ?[^\w\s]|\s|.", re.S)

OOM_LOAD = "model requires more system memory (7.1 GiB) than is available (3.2 GiB)"
OOM_RUNTIME = "an error was encountered while running the model: CUDA error: out of memory"
NO_VISION = (
    "Failed to create new sequence: failed to process inputs: this model is missing data required for image input"
)

LoopUnit = str | Callable[[int], str]


def tokenize(text: str) -> list[str]:
    """Split like a real tokenizer would, roughly; ``"".join(tokenize(t)) == t``."""
    return _TOKEN.findall(text)


@dataclass
class Reply:
    """One scripted answer. ``end``: done | eof (no final chunk) | drop (socket closed) | error.

    ``status`` other than 200 answers before any byte with ``{"error": error}``.
    """

    head: str = ""
    loop: LoopUnit | None = None
    end: str = "done"
    error: str | None = None
    status: int = 200
    token_delay_s: float = 0.0
    first_token_delay_s: float = 0.0

    def tokens(self) -> Iterator[str]:
        yield from tokenize(self.head)
        if self.loop is None:
            return
        unit = self.loop
        i = 0
        while True:
            yield from tokenize(unit(i) if callable(unit) else unit)
            i += 1

    @property
    def loop_start(self) -> int | None:
        """Index of the first token of the loop (what the guard must catch soon after)."""
        return len(tokenize(self.head)) if self.loop is not None else None


Responder = Callable[[Mapping[str, Any]], Reply]

# -- pages ---------------------------------------------------------------------------------------


def lab_page(rows: int = 12) -> dict[str, Any]:
    """A German lab report with ``rows`` results, as printed (decimal commas, German units)."""
    names = ["Hämoglobin", "Hämatokrit", "Erythrozyten", "Leukozyten", "Thrombozyten", "MCV", "MCH",
             "MCHC", "Natrium", "Kalium", "Kreatinin", "Harnstoff", "GOT (AST)", "GPT (ALT)", "Gamma-GT",
             "CRP", "TSH", "Glukose", "HbA1c", "Cholesterin", "HDL", "LDL", "Triglyceride", "Ferritin"]
    units = ["g/dl", "%", "/pl", "/nl", "/nl", "fl", "pg", "g/dl", "mmol/l", "mmol/l", "mg/dl", "mg/dl",
             "U/l", "U/l", "U/l", "mg/l", "mU/l", "mg/dl", "%", "mg/dl", "mg/dl", "mg/dl", "mg/dl", "ng/ml"]
    results = []
    for i in range(rows):
        k = i % len(names)
        round_ = i // len(names)
        results.append({
            "test": names[k] + (f" ({round_ + 1})" if round_ else ""),
            "value": f"{(i * 7.3) % 90 + 1:.1f}".replace(".", ","),
            "unit": units[k],
            "reference_range": f"{k % 9 + 1},0 - {k % 9 + 12},0",
            "flag": "H" if i % 5 == 0 else None,
            "date": None,
        })
    return {"document": {"type": "lab_report", "date": "12.03.2024", "language": "de",
                         "issuer": "Labor Dr. Müller"}, "lab_results": results}


def prescription_page() -> dict[str, Any]:
    meds = [
        {"name": "Metformin", "strength": "500 mg", "dose": "1 Tablette", "frequency": "1-0-1",
         "route": "oral", "duration": "3 Monate", "instructions": "zu den Mahlzeiten"},
        {"name": "Ramipril", "strength": "5 mg", "dose": "1 Tablette", "frequency": "1-0-0",
         "route": None, "duration": None, "instructions": None},
        {"name": "Ibuprofen", "strength": "400 mg", "dose": None, "frequency": "bei Bedarf",
         "route": None, "duration": None, "instructions": "max. 3x täglich"},
    ]
    return {"document": {"type": "prescription", "date": "02.06.2025", "language": "de",
                         "issuer": "Dr. med. A. Schmidt"}, "medications": meds,
            "diagnoses": [{"text": "Diabetes mellitus Typ 2", "code": "E11.9", "date": None}]}


def compact(truth: Mapping[str, Any]) -> dict[str, Any]:
    """The truth without nulls and empty lists: what a model under the schema writes."""
    out: dict[str, Any] = {}
    for key, value in truth.items():
        if isinstance(value, list):
            rows = [{k: v for k, v in row.items() if v is not None} for row in value]
            if rows:
                out[key] = rows
        elif isinstance(value, dict):
            out[key] = {k: v for k, v in value.items() if v is not None}
    return out


def json_answer(truth: Mapping[str, Any]) -> str:
    return json.dumps(compact(truth), ensure_ascii=False)


def list_line(domain: str, item: Mapping[str, Any]) -> str:
    fields = DOMAIN_FIELDS[Domain(domain)] if domain != "document" else ("type", "date", "language", "issuer")
    return " | ".join(f"{f}: {item[f]}" for f in fields if item.get(f) is not None)


def list_answer(truth: Mapping[str, Any], domain: str) -> str:
    if domain == "document":
        return list_line("document", truth.get("document", {})) + "\n"
    rows = truth.get(domain) or []
    return "".join(f"- {list_line(domain, row)}\n" for row in rows) if rows else "None\n"


# -- a model that reads well ---------------------------------------------------------------------


def _question(body: Mapping[str, Any]) -> str:
    users = [m for m in body.get("messages") or [] if m.get("role") == "user"]
    return str(users[-1].get("content") or "") if users else ""


class PageResponder:
    """Answers Coheara's prompts about one page from ``truth`` (a dict in the extraction contract).

    ``overrides`` maps a request kind ("all", "document", a domain value, "names:<domain>",
    "field") to a Reply factory, so a test can make one kind misbehave.
    """

    def __init__(self, truth: Mapping[str, Any], **overrides: Callable[[], Reply]) -> None:
        from coheara.inference.prompts import DOMAIN_WORDS

        self.truth = truth
        self.overrides = overrides
        self._plural = {plural: d.value for d, (plural, _) in DOMAIN_WORDS.items()}

    def __call__(self, body: Mapping[str, Any]) -> Reply:
        kind, text = self.answer(body)
        if kind in self.overrides:
            return self.overrides[kind]()
        return Reply(text)

    def answer(self, body: Mapping[str, Any]) -> tuple[str, str]:
        q = _question(body)
        if m := re.search(r'The answer so far was cut off after (.+?) number (\d+): "(.*?)"\. Continue', q, re.S):
            return "all:more", self._json_after(self._plural[m.group(1)], int(m.group(2)), m.group(3))
        if m := re.match(r'List every one of the (.+?) printed on this page that comes after number (\d+): "(.*?)"\.',
                         q, re.S):
            domain = self._plural[m.group(1)]
            rest = self._rows_after(domain, int(m.group(2)), m.group(3))
            return f"{domain}:more", "".join(f"- {list_line(domain, row)}\n" for row in rest) or "None\n"
        if m := re.match(r'Name each of the (.+?) printed on this page that comes after number (\d+): "(.*?)"',
                         q, re.S):
            domain = self._plural[m.group(1)]
            first = DOMAIN_FIELDS[Domain(domain)][0]
            rest = self._rows_after(domain, int(m.group(2)), m.group(3), by=first)
            start = int(m.group(2)) + 1
            names = "".join(f"{i}. {row[first]}\n" for i, row in enumerate(rest, start))
            return f"names:{domain}:more", names or "None"
        if body.get("format") or "fill this JSON schema" in q:
            return "all", json_answer(self.truth)
        if q.startswith("Describe this document in one line"):
            return "document", list_answer(self.truth, "document")
        if m := re.match(r"List every one of the (.+?) printed on this page", q):
            domain = self._plural[m.group(1)]
            return domain, list_answer(self.truth, domain)
        if m := re.match(r"Name each of the (.+?) printed on this page", q):
            domain = self._plural[m.group(1)]
            rows = self.truth.get(domain) or []
            first = DOMAIN_FIELDS[Domain(domain)][0]
            names = "".join(f"{i}. {row[first]}\n" for i, row in enumerate(rows, 1))
            return f"names:{domain}", names or "None"
        if m := re.match(r'Item (\d+) of the (.+?) on this page is "(.*)"\. What is its (.+?)\?', q, re.S):
            rows = self.truth.get(self._plural[m.group(2)]) or []
            number, field = int(m.group(1)), m.group(4).replace(" ", "_")
            value = rows[number - 1].get(field) if 0 < number <= len(rows) else None
            return "field", value if value is not None else "none"
        if m := re.match(r"What is this document's (\w+)", q):
            value = (self.truth.get("document") or {}).get(m.group(1))
            return "field", value if value is not None else "none"
        return "other", "I am not sure what you are asking."

    def _rows_after(self, domain: str, count: int, last: str, by: str | None = None) -> list[dict[str, Any]]:
        """The rows after the one the question quotes, found by its text as a model finds its place
        (by counting when no row matches)."""
        from coheara.inference.strategies import label

        rows = list(self.truth.get(domain) or [])
        for i, row in enumerate(rows):
            if (row.get(by) if by else label(row)) == last:
                return rows[i + 1 :]
        return rows[count:]

    def _json_after(self, domain: str, count: int, last: str) -> str:
        """A continuation under the schema: the rest of ``domain``, then the domains after it."""
        data = compact(self.truth)
        order = [d.value for d in Domain]
        out: dict[str, Any] = {}
        rest = [{k: v for k, v in row.items() if v is not None} for row in self._rows_after(domain, count, last)]
        if rest:
            out[domain] = rest
        for key in order[order.index(domain) + 1 :]:
            if key in data:
                out[key] = data[key]
        return json.dumps(out, ensure_ascii=False)


def long_lab_responder(rows: int, **overrides: Callable[[], Reply]) -> PageResponder:
    """A model reading an ``rows``-row lab page. The server cuts every answer at ``num_predict`` with
    ``done_reason: "length"`` (as Ollama does), so a long page needs the client to continue."""
    return PageResponder(lab_page(rows), **overrides)


def thinking_text() -> str:
    """What a thinking model streams in ``message.thinking`` before its answer (never data)."""
    return "The page shows a table of laboratory results. I will copy each row exactly as printed."


# -- the shapes of loops and failures (DESIGN.md) -------------------------------------------------

LOOP_DELAY_S = 0.002  # paced like a fast GPU, so the count of tokens sent before a disconnect is exact


def _json_rows_prefix(truth: Mapping[str, Any], domain: str) -> tuple[str, str]:
    """The answer up to and including the first row of ``domain``, and that row with its comma."""
    data = compact(truth)
    rows = data[domain]
    head = json.dumps({k: v for k, v in data.items() if k != domain}, ensure_ascii=False)[:-1]
    first = json.dumps(rows[0], ensure_ascii=False)
    return f'{head}, "{domain}": [{first}, ', f"{first}, "


def loop_row(truth: Mapping[str, Any], domain: str = "lab_results") -> Reply:
    """One row repeated forever inside the JSON array."""
    head, unit = _json_rows_prefix(truth, domain)
    return Reply(head, loop=unit, token_delay_s=LOOP_DELAY_S)


def loop_list_row(truth: Mapping[str, Any], domain: str = "medications") -> Reply:
    """A per-domain list whose first line repeats forever."""
    line = f"- {list_line(domain, truth[domain][0])}\n"
    return Reply(line, loop=line, token_delay_s=LOOP_DELAY_S)


def loop_redacted() -> Reply:
    """Leaked reasoning that turns into "[Redacted]" thousands of times (a handwritten prescription)."""
    head = "<unused94>thought\nThe image shows a handwritten prescription. The patient name is "
    return Reply(head, loop="[Redacted] ", token_delay_s=LOOP_DELAY_S)


def loop_block(truth: Mapping[str, Any], domain: str = "medications") -> Reply:
    """A whole correct list answer, repeated as a block."""
    block = list_answer(truth, domain)
    return Reply(block, loop=block, token_delay_s=LOOP_DELAY_S)


def loop_json_block(truth: Mapping[str, Any]) -> Reply:
    """A whole correct JSON answer in a fence, repeated as a block."""
    block = f"```json\n{json_answer(truth)}\n```\n"
    return Reply(block, loop=block, token_delay_s=LOOP_DELAY_S)


def loop_whitespace(truth: Mapping[str, Any]) -> Reply:
    """Whitespace padding under a JSON grammar, after a good start."""
    doc = json.dumps({"document": compact(truth)["document"]}, ensure_ascii=False)[:-1]
    return Reply(doc + ",", loop="\n ", token_delay_s=LOOP_DELAY_S)


def loop_numbered(drug: str = "Paracetamol 500 mg") -> Reply:
    """A numbered list repeating one drug with rising numbers."""
    return Reply(f"1. {drug}\n", loop=lambda i: f"{i + 2}. {drug}\n", token_delay_s=LOOP_DELAY_S)


def fenced_with_chatter(truth: Mapping[str, Any]) -> Reply:
    return Reply(f"Here is the extracted data:\n```json\n{json_answer(truth)}\n```\nLet me know if you need more.")


def reasoning_then_json(truth: Mapping[str, Any]) -> Reply:
    thought = "<unused94>thought\nI see a table {with rows}. I will copy each row.<unused95>"
    return Reply(thought + json_answer(truth))


def truncated_json(truth: Mapping[str, Any], keep: float = 0.6) -> Reply:
    """Cut mid-way, as ``num_predict`` would; the stream still ends with done_reason "length"."""
    text = json_answer(truth)
    return Reply(text[: int(len(text) * keep)])


def garbage() -> Reply:
    return Reply("The image appears to show a medical document. It contains several lines of text and a table.")


def oom_before_stream() -> Reply:
    return Reply(status=500, error=OOM_LOAD)


def oom_mid_stream(truth: Mapping[str, Any]) -> Reply:
    return Reply(json_answer(truth)[:40], end="error", error=OOM_RUNTIME)


def dropped(truth: Mapping[str, Any]) -> Reply:
    return Reply(json_answer(truth)[:40], end="drop")


def eof_without_done(truth: Mapping[str, Any]) -> Reply:
    """Ollama's own repeat guard: the stream just ends, no final chunk, no error."""
    return Reply(json_answer(truth)[:40] + " own" * 31, end="eof")


def slow(truth: Mapping[str, Any], delay_s: float) -> Reply:
    return Reply(json_answer(truth), token_delay_s=delay_s)


def page_png(size: int = 896) -> bytes:
    """A letterboxed page image as the raster layer makes it: an RGB PNG, ``size`` × ``size``."""
    import io

    from PIL import Image, ImageDraw

    image = Image.new("RGB", (size, size), "white")
    ImageDraw.Draw(image).rectangle((148, 0, size - 148, size - 1), outline="black")
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()
