"""Our own names for lab tests read in the patient's language (#11): "Hämoglobin" in German and
"Hémoglobine" in French for a report read in English, taken from the analyte key when shown; the stored
value keeps its key and its English name, and what the page printed stays as printed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from review_health_data import LONDON, LONDON_ROWS, SampleVault, _import, _store, lab_pdf, labs_read

from coheara import i18n
from coheara.config import AppPaths
from coheara.domain import Domain
from coheara.schemas import DocumentInfo, Extraction
from coheara.security.keys import KeyStore
from coheara.services import health
from coheara.services.vault import create_vault
from coheara.storage import items as item_store
from coheara.validation.analytes import analyte_table, display_name

PASSPHRASE = "correct horse battery staple"


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    yield
    i18n.set_language("en")


def test_every_analyte_has_a_german_and_a_french_name() -> None:
    table = analyte_table()
    assert len(table) >= 120
    for analyte in table.values():
        for language in ("de", "fr"):
            name = analyte.names.get(language, "")
            assert name.strip() and name == name.strip(), (analyte.key, language)
            assert display_name(analyte.key, analyte.name, language) == name


def test_names_as_known_there_and_abbreviations_kept() -> None:
    expected = {
        "hemoglobin": ("Hemoglobin", "Hämoglobin", "Hémoglobine"),
        "wbc": ("White blood cells", "Leukozyten", "Leucocytes"),
        "platelets": ("Platelets", "Thrombozyten", "Plaquettes"),
        "creatinine": ("Creatinine", "Kreatinin", "Créatinine"),
        "potassium": ("Potassium", "Kalium", "Potassium"),
        "ldl": ("LDL cholesterol", "LDL-Cholesterin", "Cholestérol LDL"),
        "hba1c": ("HbA1c", "HbA1c", "HbA1c"),
        "tsh": ("TSH", "TSH", "TSH"),
    }
    for key, (english, german, french) in expected.items():
        assert [display_name(key, english, lang) for lang in ("en", "de", "fr")] == [english, german, french]


def test_english_shows_the_stored_name_and_an_unknown_key_keeps_it() -> None:
    # A value stored by an older version keeps the name it was stored with in English.
    assert display_name("hemoglobin", "Haemoglobin", "en") == "Haemoglobin"
    assert display_name("hemoglobin", None, "en") == "Hemoglobin"
    assert display_name("glucose_fasting", "Glucose (fasting)", "de") == "Glucose (fasting)"
    assert display_name(None, "Xyzase", "fr") == "Xyzase"
    assert display_name(None, None, "de") == ""
    i18n.set_language("de")
    assert display_name("hemoglobin", "Hemoglobin") == "Hämoglobin"


@pytest.fixture
def london(tmp_path: Path) -> SampleVault:
    """A lab report read in English: its values are stored with their English names."""
    paths = AppPaths(tmp_path / "home")
    vault, _recovery = create_vault(paths, KeyStore(paths.keyfile, keyring_backend=None, kdf_n=2**14), PASSPHRASE)
    sample = SampleVault(paths, vault)
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    sample.docs["london"] = _import(vault, incoming, "bloods_sept_2024.pdf", lab_pdf(LONDON, [LONDON_ROWS]))
    _store(sample, "london", [
        Extraction(document=DocumentInfo(type="lab_report", date="02 Sep 2024", language="en",
                                         issuer="City Hospital Laboratory"), lab_results=labs_read(LONDON_ROWS)),
    ], {"Hemoglobin": "hb", "Potassium": "potassium"})
    return sample


@pytest.mark.parametrize(("language", "hemoglobin", "potassium"), [
    ("en", "Hemoglobin", "Potassium"),
    ("de", "Hämoglobin", "Kalium"),
    ("fr", "Hémoglobine", "Potassium"),
])
def test_the_lab_series_of_an_english_report_reads_in_the_language(london: SampleVault, language: str,
                                                                   hemoglobin: str, potassium: str) -> None:
    i18n.set_language(language)
    by_key = {s.key: s for s in health.lab_series(london.vault)}
    assert by_key["hemoglobin"].display == hemoglobin
    assert by_key["potassium"].display == potassium
    # Stored values are untouched: the key and the English name, and the test as printed.
    with london.vault.reading() as conn:
        stored = {i.id: i for i in item_store.items_in_domain(conn, Domain.LAB_RESULTS)}
    hb = stored[london.items["hb"]]
    assert (hb.normalized["analyte_key"], hb.normalized["analyte_display"], hb.fields["test"]) == (
        "hemoglobin", "Hemoglobin", "Hemoglobin")


def test_the_series_are_in_alphabetical_order_of_the_shown_names(london: SampleVault) -> None:
    i18n.set_language("de")
    names = [s.display for s in health.lab_series(london.vault)]
    assert names == sorted(names, key=i18n.sort_key)
    assert i18n.sort_key("Hämoglobin") < i18n.sort_key("Harnsäure") < i18n.sort_key("Zink")
    assert i18n.sort_key("Éosinophiles") < i18n.sort_key("Fer")


@pytest.mark.parametrize(("language", "heading"), [
    ("en", "### Haemoglobin (LOINC 718-7)"),
    ("de", "### Hämoglobin (LOINC 718-7)"),
    ("fr", "### Hémoglobine (LOINC 718-7)"),
])
def test_the_summary_headings_read_in_the_language(language: str, heading: str) -> None:
    """The summary's tables are headed with our name for the test; the "as printed" column keeps the page's."""
    from export_support import sample_data

    from coheara.export.markdown import render_markdown

    i18n.set_language(language)
    markdown = render_markdown(sample_data())
    assert heading in markdown
    assert "Hämoglobin 13,2 g/dl" in markdown  # as printed on the German report
    # A key the table does not know keeps the stored name.
    assert "### Glucose (fasting)" in markdown
