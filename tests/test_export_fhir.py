"""The FHIR export: a Bundle the official R4B models accept, which says how far each value can be trusted."""

from __future__ import annotations

import json
import math
from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest
from export_support import ATTEMPTS, GENERATED_AT, MODEL, PATIENT_FILE_NAME, empty_data, lab, sample_data
from fhir.resources.R4B.bundle import Bundle
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coheara.domain import Domain, ExtractedItem, Verification
from coheara.export.fhir import build_bundle
from coheara.notice import SHORT_NOTICE

UCUM = "http://unitsofmeasure.org"
VERIFICATION = "urn:coheara:verification"


def resources(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def observation(bundle: dict[str, Any], printed_test: str, date: str | None = None) -> dict[str, Any]:
    found = [o for o in resources(bundle, "Observation")
             if o["code"]["text"] == printed_test and (date is None or o.get("effectiveDateTime") == date)]
    assert len(found) == 1, printed_test
    return found[0]


def tag_codes(resource: dict[str, Any], system: str = VERIFICATION) -> list[str]:
    return [t["code"] for t in resource.get("meta", {}).get("tag", []) if t["system"] == system]


@pytest.fixture(scope="module")
def bundle() -> dict[str, Any]:
    return build_bundle(sample_data())


def test_bundle_is_valid_fhir_r4b(bundle: dict[str, Any]) -> None:
    parsed = Bundle.model_validate(bundle)
    assert parsed.type == "collection"
    assert len(parsed.entry) == len(bundle["entry"])


def test_bundle_is_plain_json(bundle: dict[str, Any]) -> None:
    assert json.loads(json.dumps(bundle)) == bundle


def test_empty_vault_gives_a_valid_bundle_with_only_the_notice() -> None:
    bundle = build_bundle(empty_data())
    Bundle.model_validate(bundle)
    assert [e["resource"]["resourceType"] for e in bundle["entry"]] == ["Composition"]
    composition = bundle["entry"][0]["resource"]
    assert SHORT_NOTICE in composition["text"]["div"]
    assert SHORT_NOTICE in composition["section"][0]["text"]["div"]
    assert bundle["meta"]["tag"][0]["display"] == SHORT_NOTICE


def test_notice_heads_the_bundle(bundle: dict[str, Any]) -> None:
    first = bundle["entry"][0]["resource"]
    assert first["resourceType"] == "Composition"
    assert first["status"] == "preliminary"
    assert "Health AI Developer Foundations" in first["section"][0]["text"]["div"]
    assert bundle["meta"]["tag"][0]["display"] == SHORT_NOTICE


def test_lab_values_are_preliminary_until_the_patient_confirms(bundle: dict[str, Any]) -> None:
    assert observation(bundle, "Kalium")["status"] == "final"
    others = [o for o in resources(bundle, "Observation") if o["code"]["text"] != "Kalium"]
    assert len(others) == 6
    assert {o["status"] for o in others} == {"preliminary"}


def test_decimal_comma_values_become_numbers_with_ucum_units(bundle: dict[str, Any]) -> None:
    potassium = observation(bundle, "Kalium")
    assert potassium["valueQuantity"] == {"value": 5.7, "unit": "mmol/L", "system": UCUM, "code": "mmol/L"}
    hb = observation(bundle, "Hämoglobin", "2025-03-14")
    assert hb["valueQuantity"]["value"] == 13.2 and hb["valueQuantity"]["code"] == "g/dL"
    assert hb["code"]["coding"] == [{"system": "http://loinc.org", "code": "718-7", "display": "Haemoglobin"}]
    assert hb["category"][0]["coding"][0]["code"] == "laboratory"


def test_text_results_stay_text(bundle: dict[str, Any]) -> None:
    nitrite = observation(bundle, "Nitrit im Urin")
    # A qualitative word: the printed word is the text, SNOMED CT says what it means.
    assert nitrite["valueCodeableConcept"] == {
        "text": "negativ", "coding": [{"system": "http://snomed.info/sct", "code": "260385009", "display": "Negative"}]}
    assert "valueQuantity" not in nitrite and "coding" not in nitrite["code"]
    assert nitrite["referenceRange"] == [{"text": "negativ"}]


def test_reference_ranges_keep_both_bounds_or_one(bundle: dict[str, Any]) -> None:
    potassium = observation(bundle, "Kalium")["referenceRange"][0]
    assert potassium["low"]["value"] == 3.5 and potassium["high"]["value"] == 5.1
    assert potassium["low"]["system"] == UCUM and potassium["text"] == "3,5 - 5,1"
    hba1c = observation(bundle, "HbA1c")["referenceRange"][0]
    assert "low" not in hba1c and hba1c["high"]["value"] == 5.7


def test_interpretation_uses_v3_codes(bundle: dict[str, Any]) -> None:
    def code(o: dict[str, Any]) -> str:
        coding = o["interpretation"][0]["coding"][0]
        assert coding["system"] == "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"
        return coding["code"]

    assert code(observation(bundle, "Kalium")) == "H"
    assert code(observation(bundle, "Hämoglobin", "2024-09-02")) == "L"
    assert code(observation(bundle, "Hämoglobin", "2025-03-14")) == "N"


def test_every_extracted_value_says_how_far_it_can_be_trusted(bundle: dict[str, Any]) -> None:
    assert tag_codes(observation(bundle, "Hämoglobin", "2025-03-14")) == ["verified"]
    assert tag_codes(observation(bundle, "Hämoglobin", "2024-09-02")) == ["unverified"]
    assert tag_codes(observation(bundle, "Glucose nüchtern")) == ["implausible"]
    assert tag_codes(observation(bundle, "Kalium")) == ["confirmed"]
    edited = observation(bundle, "LDL-Cholesterin")
    assert tag_codes(edited) == ["unverified"] and tag_codes(edited, "urn:coheara:review") == ["edited"]
    kinds = {"Observation", "MedicationStatement", "Condition", "AllergyIntolerance", "Procedure",
             "ServiceRequest", "CarePlan"}
    clinical = [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] in kinds]
    assert len(clinical) == len(sample_data().items)
    for resource in clinical:
        assert len(tag_codes(resource)) == 1
        assert tag_codes(resource)[0] in {"verified", "unverified", "confirmed", "implausible"}


def test_implausible_value_is_kept_with_its_finding(bundle: dict[str, Any]) -> None:
    glucose = observation(bundle, "Glucose nüchtern")
    assert glucose["valueQuantity"]["value"] == 7400
    assert "outside what is possible" in glucose["note"][0]["text"]


def test_medications_from_the_swiss_plan(bundle: dict[str, Any]) -> None:
    meds = {m["medicationCodeableConcept"]["text"]: m for m in resources(bundle, "MedicationStatement")}
    assert set(meds) == {"Metformin Mepha 500 mg", "Ramipril 5 mg", "Dafalgan 500 mg", "Simvastatin 20 mg"}
    metformin = meds["Metformin Mepha 500 mg"]
    assert metformin["status"] == "active"  # the patient confirmed it
    assert metformin["dosage"][0]["text"].startswith("1-0-1-0")
    assert metformin["dosage"][0]["route"] == {"text": "oral"}
    assert metformin["dosage"][0]["patientInstruction"] == "zu den Mahlzeiten"
    assert metformin["effectivePeriod"] == {"start": "2024-06-01"}
    assert meds["Ramipril 5 mg"]["status"] == "unknown"
    assert "bei Bedarf" in meds["Dafalgan 500 mg"]["dosage"][0]["text"]


def test_letter_items_map_to_fitting_resources(bundle: dict[str, Any]) -> None:
    conditions = {c["code"]["text"]: c for c in resources(bundle, "Condition")}
    diabetes = conditions["Diabetes mellitus Typ 2"]
    assert diabetes["code"]["coding"][0] == {"system": "http://hl7.org/fhir/sid/icd-10", "code": "E11.9",
                                             "display": "Diabetes mellitus Typ 2"}
    # A national code (ICD-10-GM with a certainty marker) stays printed text, never a false WHO code.
    assert "coding" not in conditions["Arterielle Hypertonie (I10.90 G)"]["code"]
    assert conditions["Arterielle Hypertonie (I10.90 G)"]["recordedDate"] == "2025-01-12"
    (allergy,) = resources(bundle, "AllergyIntolerance")
    assert allergy["code"]["text"] == "Penicillin"
    assert allergy["reaction"][0]["manifestation"][0]["text"] == "Exanthem"
    (procedure,) = resources(bundle, "Procedure")
    assert procedure["performedDateTime"] == "2024-11-05" and procedure["status"] == "completed"
    (referral,) = resources(bundle, "ServiceRequest")
    assert referral["performerType"]["text"] == "Kardiologie" and referral["intent"] == "order"
    (plan,) = resources(bundle, "CarePlan")
    assert plan["description"] == "Nüchtern zur Blutentnahme erscheinen"


def test_every_reference_resolves_inside_the_bundle(bundle: dict[str, Any]) -> None:
    full_urls = {e["fullUrl"] for e in bundle["entry"]}
    assert len(full_urls) == len(bundle["entry"])
    text = json.dumps(bundle)
    references = [part.split('"')[0] for part in text.split('"reference": "')[1:]]
    assert references and all(r in full_urls for r in references)


def test_documents_carry_type_and_date_but_no_file_name(bundle: dict[str, Any]) -> None:
    docs = resources(bundle, "DocumentReference")
    assert len(docs) == 5
    lab_report = next(d for d in docs if d.get("context", {}).get("period", {}).get("start") == "2025-03-14")
    assert lab_report["type"]["text"] == "Lab report"
    assert lab_report["author"] == [{"display": "Labor Dr. Wagner, Berlin"}]
    text = json.dumps(bundle, ensure_ascii=False)
    for doc in sample_data().documents:
        assert doc.filename not in text
    assert PATIENT_FILE_NAME not in text


def test_patient_is_anonymous(bundle: dict[str, Any]) -> None:
    (patient,) = resources(bundle, "Patient")
    assert set(patient) == {"resourceType", "text"}


def test_provenance_names_the_model_for_each_attempt_that_produced_values(bundle: dict[str, Any]) -> None:
    provenance = resources(bundle, "Provenance")
    assert len(provenance) == 6  # attempt 52 failed and produced nothing
    assert {p["agent"][0]["who"]["display"] for p in provenance} == {MODEL}
    assert all(p["agent"][0]["who"]["type"] == "Device" for p in provenance)
    letter = next(p for p in provenance if len(p["target"]) == 6)
    assert letter["recorded"] == (ATTEMPTS[51].started_at + timedelta(seconds=62.7)).isoformat()
    assert "raw model output" not in json.dumps(bundle)


def test_same_data_gives_the_same_bundle_and_another_export_other_ids() -> None:
    assert build_bundle(sample_data()) == build_bundle(sample_data())
    later = build_bundle(replace(sample_data(), generated_at=GENERATED_AT + timedelta(days=1)))
    first = {e["fullUrl"] for e in build_bundle(sample_data())["entry"]}
    assert first.isdisjoint(e["fullUrl"] for e in later["entry"])


_ANY = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
                 st.text(max_size=12),
                 st.sampled_from(["2025-03-14", "2025-13-45", "14.03.2025", "H", "N", "mg  /dL", " "]))
_KEYS = ["value_num", "value_text", "unit", "ucum", "ref_low", "ref_high", "ref_text", "flag", "analyte_key",
         "analyte_display", "loinc", "date", "name", "strength", "dose_text", "schedule", "start_date", "route"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(domain=st.sampled_from(list(Domain)), normalized=st.dictionaries(st.sampled_from(_KEYS), _ANY, max_size=10),
       printed=st.dictionaries(st.sampled_from(["test", "value", "name", "text", "code", "to", "substance"]),
                               st.one_of(st.none(), st.text(max_size=20)), max_size=4))
def test_odd_normalized_values_still_give_a_valid_bundle(domain: Domain, normalized: dict[str, Any],
                                                          printed: dict[str, Any]) -> None:
    item = ExtractedItem(domain=domain, fields=printed, normalized=normalized, id=1, document_id=1, attempt_id=11)
    data = replace(sample_data(), items=[item])
    Bundle.model_validate(build_bundle(data))


def test_non_finite_numbers_fall_back_to_text() -> None:
    item = lab(900, 1, "CRP", "∞", "mg/l", "< 5", num=math.inf, canonical="mg/L", ucum="mg/L", low=None,
               high=math.nan, flag=None, analyte="crp", display="CRP", loinc=None, date="2025-03-14",
               verification=Verification.UNVERIFIED)
    bundle = build_bundle(replace(sample_data(), items=[item]))
    Bundle.model_validate(bundle)
    crp = observation(bundle, "CRP")
    assert "valueQuantity" not in crp and crp["referenceRange"] == [{"text": "< 5"}]


@pytest.mark.parametrize("display", ["", "   "])
def test_blank_analyte_name_gives_no_empty_display(display: str) -> None:
    # Found by the property test above: FHIR strings may not be empty, so the display is left out.
    normalized = {"loinc": "718-7", "analyte_display": display, "value_num": 13.5, "unit": "g/dL", "ucum": "g/dL"}
    item = ExtractedItem(domain=Domain.LAB_RESULTS, fields={"test": "Hb", "value": "13,5", "unit": "g/dl"},
                         normalized=normalized, id=1, document_id=1, attempt_id=11)
    bundle = build_bundle(replace(sample_data(), items=[item]))
    Bundle.model_validate(bundle)
    (observation,) = [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Observation"]
    assert observation["code"]["coding"] == [{"system": "http://loinc.org", "code": "718-7"}]
