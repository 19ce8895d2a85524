"""One action, one undo step: confirming or deleting several values is undone in one go."""

from __future__ import annotations

from pathlib import Path

from review_health_data import SampleVault, build_sample_vault

from coheara.domain import ReviewState
from coheara.services import review as review_service


def _states(sample: SampleVault, names: list[str]) -> list[ReviewState]:
    items = {i.id: i for i in review_service.items_for_document(sample.vault, sample.docs["berlin"])}
    return [items[sample.items[n]].review_state for n in names]


def test_confirming_several_values_is_one_undo_step(tmp_path: Path) -> None:
    sample = build_sample_vault(tmp_path)
    names = ["hb_berlin", "potassium", "creatinine"]
    review_service.confirm_items(sample.vault, [sample.items[n] for n in names])
    assert _states(sample, names) == [ReviewState.CONFIRMED] * 3
    review_service.undo(sample.vault, sample.docs["berlin"])
    assert _states(sample, names) == [ReviewState.PENDING] * 3  # all three, not only the last one


def test_deleting_a_selection_is_one_undo_step_and_older_changes_stay(tmp_path: Path) -> None:
    sample = build_sample_vault(tmp_path)
    doc = sample.docs["berlin"]
    review_service.confirm_items(sample.vault, [sample.items["tsh"]])  # an earlier, separate action
    review_service.delete_items(sample.vault, [sample.items["hb_berlin"], sample.items["potassium"]])
    alive = {i.id for i in review_service.items_for_document(sample.vault, doc)}
    assert sample.items["hb_berlin"] not in alive and sample.items["potassium"] not in alive
    review_service.undo(sample.vault, doc)
    alive = {i.id for i in review_service.items_for_document(sample.vault, doc)}
    assert {sample.items["hb_berlin"], sample.items["potassium"]} <= alive
    assert _states(sample, ["tsh"]) == [ReviewState.CONFIRMED]  # the next undo takes that one
    review_service.undo(sample.vault, doc)
    assert _states(sample, ["tsh"]) == [ReviewState.PENDING]
