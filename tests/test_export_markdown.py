"""The Markdown summary a patient hands to their doctor."""

from __future__ import annotations

import re
from dataclasses import replace

from export_support import PATIENT_FILE_NAME, empty_data, item, lab, sample_data

from coheara.domain import Domain
from coheara.export.markdown import render_markdown
from coheara.notice import SHORT_NOTICE

SECTIONS = ["Current medications", "Medications not seen for over 12 months", "Lab results", "Diagnoses", "Allergies",
            "Procedures", "Referrals", "Instructions", "Source documents", "How these values were read"]


def section(markdown: str, title: str) -> str:
    body = markdown.split(f"\n## {title}\n", 1)[1]
    return body.split("\n## ", 1)[0]


def table_rows(text: str) -> list[list[str]]:
    return [[c.strip() for c in line.strip().strip("|").split(" | ")] for line in text.splitlines()
            if line.startswith("| ") and not line.startswith("|---")]


def test_notice_comes_first() -> None:
    markdown = render_markdown(sample_data())
    lines = markdown.splitlines()
    assert lines[0] == "# Health record summary"
    assert lines[2] == f"> {SHORT_NOTICE}"
    assert "Health AI Developer Foundations Terms of Use" in "\n".join(lines[:6])


def test_sections_in_reading_order() -> None:
    markdown = render_markdown(sample_data())
    positions = [markdown.index(f"\n## {title}\n") for title in SECTIONS]
    assert positions == sorted(positions)


def test_current_medications_at_their_latest_mention_and_the_old_one_not_seen_since() -> None:
    markdown = render_markdown(sample_data())
    current = table_rows(section(markdown, "Current medications"))
    assert current[0][-3:] == ["Since", "Verification", "Source"]
    assert [r[0] for r in current[1:]] == ["Metformin Mepha", "Ramipril", "Dafalgan"]
    assert current[1][2] == "1-0-1-0" and current[1][5] == "2024-06-01" and current[1][-2] == "confirmed"
    assert current[1][-1] == "Prescription, 2025-02-01, Praxis Dr. Keller, Zürich"
    assert current[2][-2] == "**unverified**"
    # The 2023 prescription is 22 months older than the newest document (2025-03-14).
    old = table_rows(section(markdown, "Medications not seen for over 12 months"))
    assert old[0][5] == "Not seen since"
    assert [r[:6] for r in old[1:]] == [["Simvastatin", "20 mg", "0-0-1-0", "", "", "2023-05-10"]]
    assert old[1][-1] == "Prescription, 2023-05-10"
    assert "Earlier medications" not in markdown and "Stopped medications" not in markdown


def test_lab_results_grouped_by_analyte_newest_first() -> None:
    labs = section(render_markdown(sample_data()), "Lab results")
    hb = labs.split("### Haemoglobin (LOINC 718-7)", 1)[1].split("###", 1)[0]
    rows = table_rows(hb)
    assert rows[0][:4] == ["Date", "Result", "Reference", "Flag"]
    # The range keeps its printed decimals: "12,0 - 16,0" is 12.0–16.0, not 12–16.
    assert [r[:4] for r in rows[1:]] == [["2025-03-14", "13.2 g/dL", "12.0–16.0", "normal"],
                                         ["2024-09-02", "11.4 g/dL", "12.0–16.0", "low"]]
    assert rows[2][4] == "Hämoglobin 11,4 g/dl" and rows[2][5] == "**unverified**"
    assert "**implausible**" in labs and "Glucose of 7400 mg/dL is outside what is possible." in labs
    assert "| 2025-03-14 | 5.7 mmol/L | 3.5–5.1 | high | Kalium 5,7 mmol/l | confirmed |" in labs


def test_letter_sections_and_badges() -> None:
    markdown = render_markdown(sample_data())
    assert table_rows(section(markdown, "Allergies"))[1][:3] == ["Penicillin", "Exanthem", "verified"]
    assert table_rows(section(markdown, "Diagnoses"))[1][:3] == ["Diabetes mellitus Typ 2", "E11.9", "2025-01-20"]
    assert "Koloskopie" in section(markdown, "Procedures")
    assert "Kardiologie" in section(markdown, "Referrals")
    assert "Nüchtern zur Blutentnahme erscheinen" in section(markdown, "Instructions")
    assert "coheara-medgemma-4b-q8 (6 pages)" in section(markdown, "How these values were read")


def test_source_documents_without_file_names() -> None:
    markdown = render_markdown(sample_data())
    sources = table_rows(section(markdown, "Source documents"))
    assert sources[1] == ["#1", "Lab report", "2025-03-14", "Labor Dr. Wagner, Berlin", "2"]
    for doc in sample_data().documents:
        assert doc.filename not in markdown
    assert PATIENT_FILE_NAME not in markdown and "raw model output" not in markdown


def test_hostile_text_cannot_break_a_table_or_inject_markup() -> None:
    printed = {"substance": "Nuts | <script>alert(1)</script>", "reaction": "[x](http://e)\nrow"}
    hostile = [item(1, Domain.ALLERGIES, 5, printed, {}, attempt=51),
               lab(2, 1, "A|B", "1", "mg", "", num=1.0, canonical="mg", ucum="mg", low=None, high=None, flag=None,
                   analyte="ab", display="", loinc=None, date="2025-03-14")]
    markdown = render_markdown(replace(sample_data(), items=hostile))
    (header, row) = table_rows(section(markdown, "Allergies"))
    assert len(row) == len(header)
    assert "\\<script>" in markdown and not re.search(r"(?<!\\)<script>", markdown)
    assert "\\[x\\](http" in markdown and not re.search(r"(?<!\\)\]\(http", markdown)
    assert "### A\\|B" in markdown


def test_empty_vault_still_says_what_was_not_found() -> None:
    markdown = render_markdown(empty_data())
    assert f"> {SHORT_NOTICE}" in markdown
    assert "not seen for over" not in markdown and "Stopped medications" not in markdown
    for title in ("Current medications", "Lab results", "Allergies", "Instructions"):
        assert "None extracted from the documents (this does not mean there are none)." in section(markdown, title)
