"""Medications reconciled across the documents of a real vault: the service the app shows, and the PDF and
Markdown summaries exported from the same vault (``medication_vault`` says what each document lists)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pymupdf
import pytest
from medication_vault import DOCUMENTS, build_medication_vault
from review_health_data import SampleVault

from coheara.domain.medications import DrugStatus
from coheara.export.markdown import render_markdown
from coheara.services.exporting import export_to_file, gather
from coheara.services.health import medications

GP = "Prescription, 2025-03-05, Praxis Dr. Keller, Zürich"
PLAN = "Prescription, 2025-08-01, Praxis Dr. Keller, Zürich"
DISCHARGE = "Letter, 2024-11-20, Universitätsspital Zürich, Kardiologie"
CARDIO = "Letter, 2025-06-12, Kardiologie Zürich"
NOT_SEEN = "Medications not seen for over 12 months"


def section(markdown: str, title: str) -> str:
    return markdown.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def table_rows(text: str) -> list[list[str]]:
    return [[c.strip() for c in line.strip().strip("|").split(" | ")] for line in text.splitlines()
            if line.startswith("| ") and not line.startswith("|---")]


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> SampleVault:
    return build_medication_vault(tmp_path_factory.mktemp("meds"))


@pytest.fixture(scope="module")
def markdown(sample: SampleVault) -> str:
    return render_markdown(gather(sample.vault))


def test_the_service_reconciles_every_document(sample: SampleVault) -> None:
    meds = medications(sample.vault)
    assert meds.newest == "2025-08-01"
    groups = {status: [d.name for d in meds.having(status)] for status in DrugStatus}
    # The GP's prescriptions list only metformin: the discharge letter's drugs stay current.
    assert groups == {DrugStatus.CURRENT: ["Aspirin cardio", "Atorvastatin", "Metformin", "Ramipril"],
                      DrugStatus.NOT_SEEN: ["Simvastatin"], DrugStatus.STOPPED: ["Metoprolol"]}
    metformin = meds.current[2]
    (row,) = metformin.rows  # on both pages of one prescription and again on the plan: one line
    assert len(row.mentions) == 3
    assert [s.label() for s in row.sources] == [f"{PLAN} (Medikationsplan_August.pdf)",
                                                f"{GP} (Rezept_Hausarzt_Maerz.pdf)"]
    ramipril = meds.current[3]
    assert [(r.change, r.strength) for r in ramipril.history] == [("Started", "2,5 mg"), ("Strength changed", "5 mg")]
    assert meds.not_seen[0].last_seen == "2022-01-10" and meds.stopped[0].now.first_seen == "2025-06-12"


def test_markdown_lists_each_drug_once_at_its_latest_mention(markdown: str) -> None:
    now, earlier = section(markdown, "Current medications").split("### Earlier doses", 1)
    current = table_rows(now)
    assert current[0] == ["Medication", "Strength", "Dose", "Frequency", "Route", "Since", "Verification", "Source"]
    rows = {r[0]: r for r in current[1:]}
    assert [r[0] for r in current[1:]] == ["Metformin", "Ramipril", "Aspirin cardio", "Atorvastatin"]  # newest first
    assert rows["Metformin"][1:3] == ["500 mg", "1-0-1-0"] and rows["Metformin"][-1] == f"{PLAN}; {GP}"
    assert rows["Ramipril"][1] == "5 mg" and rows["Ramipril"][-1] == CARDIO
    assert rows["Aspirin cardio"][-1] == DISCHARGE and rows["Atorvastatin"][-1] == DISCHARGE
    assert [r[:4] for r in table_rows(earlier)[1:]] == [["Ramipril", "2024-11-20", "2,5 mg", "1-0-0-0"]]


def test_markdown_groups_the_stopped_and_the_long_unseen(markdown: str) -> None:
    titles = [line[3:] for line in markdown.splitlines() if line.startswith("## ")]
    assert titles[:4] == ["Current medications", NOT_SEEN, "Stopped medications", "Lab results"]
    old = table_rows(section(markdown, NOT_SEEN))
    assert old[0][5] == "Not seen since"
    assert [r[0] for r in old[1:]] == ["Simvastatin"] and old[1][5] == "2022-01-10"
    assert old[1][-1] == "Prescription, 2022-01-10, Dr. Huber, Bern"
    assert "before the newest one (2025-08-01)" in section(markdown, NOT_SEEN)
    stopped = section(markdown, "Stopped medications")
    (head, line) = table_rows(stopped.split("### Earlier doses", 1)[0])
    assert head[5] == "Stopped" and line[0] == "Metoprolol" and line[-1] == CARDIO
    assert line[5] == '2025-06-12 ("abgesetzt")'  # when, and the document's own words
    assert table_rows(stopped.split("### Earlier doses", 1)[1])[1][:4] == ["Metoprolol", "2024-11-20", "50 mg",
                                                                           "1-0-1-0"]


def test_no_medication_row_is_repeated_and_no_file_is_named(markdown: str) -> None:
    medication_part = markdown.split("\n## Lab results\n", 1)[0]
    rows = [line for line in medication_part.splitlines() if line.startswith("| ") and "Medication" not in line]
    assert rows and Counter(rows).most_common(1)[0][1] == 1
    for filename, *_ in DOCUMENTS.values():
        assert filename not in markdown


def test_the_pdf_says_the_same(sample: SampleVault, tmp_path: Path) -> None:
    pdf = export_to_file(sample.vault, "pdf", tmp_path / "summary.pdf").path.read_bytes()
    flags = pymupdf.TEXTFLAGS_TEXT & ~pymupdf.TEXT_PRESERVE_LIGATURES
    with pymupdf.open("pdf", pdf) as doc:
        text = " ".join(" ".join(page.get_text(flags=flags).split()) for page in doc)
    current, rest = text.split("Current medications", 1)[1].split(NOT_SEEN, 1)
    not_seen, rest = rest.split("Stopped medications", 1)
    stopped = rest.split("Lab results", 1)[0] if "Lab results" in rest else rest.split("Source documents", 1)[0]
    assert current.count("Metformin 500 mg 1-0-1-0") == 1
    assert "Aspirin cardio 100 mg 1-0-0-0" in current and "Atorvastatin 40 mg 0-0-1-0" in current
    assert "Praxis Dr. Keller, Zürich; Prescription, 2025-03-05" in current
    assert "Earlier doses" in current and "Ramipril 2024-11-20 2,5 mg 1-0-0-0" in current
    assert "Simvastatin 20 mg 0-0-1-0 2022-01-10" in not_seen
    assert "Metoprolol 50 mg 2025-06-12 (\"abgesetzt\")" in stopped and "Kardiologie Zürich" in stopped
    assert "Metoprolol" not in current and "Simvastatin" not in current
    for filename, *_ in DOCUMENTS.values():
        assert filename not in text
