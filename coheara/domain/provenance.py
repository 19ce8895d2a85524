"""Where an extracted value came from: which attempt of which model read which page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class AttemptRecord:
    """One request series against the model for one page, successful or not.

    Kept for every attempt (loops and failures included): it is the data for choosing strategies.
    ``outcome`` is one of ``ok``, ``loop``, ``cut``, ``unusable``, ``empty``, ``invalid``, ``error``,
    ``cancelled`` (``coheara.inference.reasons`` words each for the patient); ``stop_reason`` says
    why the stream stopped (``done``, ``loop:<shape>``, ``length``, ``tokens``, ``eof``, ``time``,
    ``cancel``, ``error:<kind>``, ``unusable:<what>``, ``empty``).
    """

    document_id: int
    page_index: int
    strategy: str
    model: str
    variant: str | None
    prompt_version: str
    started_at: datetime
    seconds: float
    tokens: int
    requests: int
    image_encodes: int
    outcome: str
    stop_reason: str
    raw_output: str
    id: int | None = None
