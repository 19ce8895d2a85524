"""Medications reconciled across documents (``domain.medications``), on lines built by hand."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from medication_support import med, summary

from coheara.domain.medication_words import drug_key, says_stopped
from coheara.domain.medications import NOT_SEEN_MONTHS, DrugStatus, MedicationList, reconcile

LETTER = summary(1, "Entlassbrief_Anna_Muster.pdf", "letter", "2024-11-20", "Universitätsspital Zürich, Kardiologie")
RX = summary(2, "rezept.jpg", "prescription", "2025-03-05", "Praxis Dr. Keller")
CARDIO = summary(3, "kontrolle.pdf", "letter", "2025-06-12", None)


def names(meds: MedicationList, status: DrugStatus) -> list[str]:
    return [d.name for d in meds.having(status)]


def test_a_discharge_letters_drugs_stay_current_after_an_unrelated_prescription() -> None:
    meds = reconcile([med(1, 1, "Aspirin cardio", "100 mg", "1-0-0-0"), med(2, 1, "Atorvastatin", "40 mg", "0-0-1-0"),
                      med(3, 2, "Metformin", "500 mg", "1-0-1-0")], [LETTER, RX])
    assert names(meds, DrugStatus.CURRENT) == ["Aspirin cardio", "Atorvastatin", "Metformin"]
    assert meds.not_seen == [] and meds.stopped == []
    aspirin = meds.current[0]
    assert (aspirin.rows[0].strength, aspirin.rows[0].dose, aspirin.since, aspirin.last_seen) == (
        "100 mg", "1-0-0-0", "2024-11-20", "2024-11-20")


def test_a_drug_leaves_the_list_only_when_its_newest_document_says_it_was_stopped() -> None:
    items = [med(1, 1, "Metoprolol", "50 mg"), med(2, 1, "Aspirin", "100 mg", "1-0-0-0"),
             med(3, 2, "Metformin", "500 mg"),
             med(4, 3, "Metoprolol", "50 mg", None, instructions="abgesetzt"),
             med(5, 3, "ASPIRIN (abgesetzt)", None, None)]
    meds = reconcile(items, [LETTER, RX, CARDIO])
    assert names(meds, DrugStatus.STOPPED) == ["Aspirin", "Metoprolol"]
    metoprolol = meds.stopped[1]
    assert metoprolol.now.first_seen == "2025-06-12"
    assert [r.change for r in metoprolol.history] == ["Started", "Stopped"]
    assert metoprolol.last_dose[0].strength == "50 mg" and metoprolol.rows[0].sources[0].document_id == 3
    assert metoprolol.stopped_as_printed == "abgesetzt" and meds.stopped[0].stopped_as_printed == "ASPIRIN (abgesetzt)"
    # A stop in an older document does not outlive a newer one that lists the drug again.
    restarted = reconcile([*items, med(6, 4, "Metoprolol", "25 mg")],
                          [LETTER, RX, CARDIO, summary(4, "plan.pdf", "prescription", "2025-09-01", None)])
    again = next(d for d in restarted.current if d.key == "metoprolol")
    assert [r.change for r in again.history] == ["Started", "Stopped", "Started again"]
    assert again.since == "2025-09-01" and again.rows[0].strength == "25 mg"


@pytest.mark.parametrize(("text", "stopped"), [
    ("abgesetzt", True), ("Abgesetzt am 12.06.2025", True), ("STOPPED", True), ("discontinued 03/2025", True),
    ("arrêté", True), ("traitement interrompu", True), ("sospeso", True), ("suspendido", True),
    ("nicht abgesetzt", False), ("not to be stopped", False), ("bei Ausschlag absetzen", False),
    ("stop after 7 days", False), ("to be stopped if rash", False), ("pausiert", False), ("Stoptussin", False),
    ("statt Simvastatin (abgesetzt)", False),
    ("zu den Mahlzeiten", False), (None, False),
])
def test_what_counts_as_stopped(text: str | None, stopped: bool) -> None:
    assert says_stopped(text) is stopped


def test_a_dose_change_keeps_its_history() -> None:
    documents = [summary(i, f"plan{i}.pdf", "prescription", f"2025-0{i}-01", "Dr. Keller") for i in range(1, 5)]
    items = [med(1, 1, "Ramipril", "2,5 mg", "1-0-0-0"), med(2, 2, "Ramipril", "5 mg", "1-0-0-0"),
             med(3, 3, "Ramipril", "5 mg", "1-0-1-0"), med(4, 4, "Ramipril", "2,5 mg", "1-0-0-0")]
    (ramipril,) = reconcile(items, documents).current
    assert [(r.change, r.strength, r.dose) for r in ramipril.history] == [
        ("Started", "2,5 mg", "1-0-0-0"), ("Strength changed", "5 mg", "1-0-0-0"), ("Dose changed", "5 mg", "1-0-1-0"),
        ("Strength and dose changed", "2,5 mg", "1-0-0-0")]
    assert ramipril.last_changed == "2025-04-01" and ramipril.since == "2025-01-01"
    steady = reconcile([med(1, 1, "Ramipril", "5 mg"), med(2, 2, "Ramipril", "5 mg")], documents)
    assert steady.current[0].last_changed == "" and len(steady.current[0].history) == 1


def test_a_drug_not_named_for_a_year_is_not_seen_since_its_last_mention() -> None:
    assert NOT_SEEN_MONTHS == 12
    documents = [summary(1, "a.pdf", "prescription", "2024-03-14", None),
                 summary(2, "b.pdf", "prescription", "2024-03-13", None),
                 summary(3, "c.pdf", "prescription", "2024-02", None),
                 summary(4, "labs.pdf", "lab_report", "2025-03-14", "Labor Dr. Wagner"),
                 # Not read yet (no printed date): its import day does not move "newest".
                 summary(5, "queued.pdf", None, None, None, imported=datetime(2026, 5, 1, tzinfo=UTC))]
    meds = reconcile([med(1, 1, "Exactly a year", "1 mg"), med(2, 2, "A year and a day", "1 mg"),
                      med(3, 3, "Only a month printed", "1 mg")], documents)
    assert meds.newest == "2025-03-14"
    assert names(meds, DrugStatus.CURRENT) == ["Exactly a year"]
    assert names(meds, DrugStatus.NOT_SEEN) == ["A year and a day", "Only a month printed"]
    assert [d.last_seen for d in meds.not_seen] == ["2024-03-13", "2024-02"]


def test_identical_lines_collapse_into_one_row_that_names_every_source() -> None:
    items = [med(1, 2, "Metformin", "500 mg", "1-0-1-0", page=0),
             med(2, 2, "metformin ", "500mg", "1 - 0 - 1 - 0", page=1),
             med(3, 1, "Metformin", "500 mg", "1-0-1-0"),
             med(4, 2, "Metformin", "500 mg", "1-0-1-0", frequency="bei Bedarf")]
    (metformin,) = reconcile(items, [LETTER, RX]).current
    assert len(metformin.steps) == 2  # the letter said one line, the prescription two
    first, *_ = metformin.history
    assert [s.document_id for s in first.sources] == [1]
    rows = metformin.rows
    assert len(rows) == 2 and [len(r.mentions) for r in rows] == [2, 1]
    assert [s.document_id for s in rows[0].sources] == [2]
    steady = reconcile([items[0], items[2]], [LETTER, RX]).current[0]
    assert len(steady.history) == 1 and [s.document_id for s in steady.rows[0].sources] == [2, 1]


def test_names_are_grouped_without_merging_different_drugs() -> None:
    assert drug_key("  L-Thyroxin   75 ") == drug_key("l thyroxin 75") == "l thyroxin 75"
    assert drug_key("Aspirin (abgesetzt)") == drug_key("ASPIRIN") == "aspirin"
    meds = reconcile([med(1, 1, "Metformin", "500 mg"), med(2, 2, "Metformin Mepha", "500 mg"),
                      med(3, 2, "METFORMIN", "1000 mg"), med(4, 2, "", "5 mg")], [LETTER, RX])
    assert [(d.name, d.rows[0].strength) for d in meds.current] == [("METFORMIN", "1000 mg"),
                                                                   ("Metformin Mepha", "500 mg")]


def test_sources_are_named_by_type_date_issuer_and_file() -> None:
    meds = reconcile([med(1, 1, "Aspirin", "100 mg"), med(2, 9, "Ibuprofen", "400 mg")],
                     [LETTER, summary(9, "IMG_2041.heic", None, None, None)])
    letter = meds.current[0].rows[0].sources[0]
    assert letter.label() == ("Letter, 2024-11-20, Universitätsspital Zürich, Kardiologie "
                              "(Entlassbrief_Anna_Muster.pdf)")
    assert letter.label(filename=False) == "Letter, 2024-11-20, Universitätsspital Zürich, Kardiologie"
    assert letter.label(show_date=lambda iso: iso[::-1]).startswith("Letter, 02-11-4202")
    assert meds.current[1].rows[0].sources[0].label() == "Document, undated (IMG_2041.heic)"
