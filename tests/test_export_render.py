"""Every export format through ``render``: the notice in each, no file name, and the HAI-DEF terms shipped."""

from __future__ import annotations

import json
from importlib.resources import files

import pymupdf
import pytest
from export_support import PATIENT_FILE_NAME, empty_data, sample_data
from fhir.resources.R4B.bundle import Bundle

from coheara.errors import UsageError
from coheara.export import EXPORT_FORMATS, render
from coheara.export.data import ExportData
from coheara.notice import HAI_DEF_TERMS_URL, NOTICE_VERSION, SHORT_NOTICE, export_notice, full_terms


def as_text(fmt: str, raw: bytes) -> str:
    if fmt == "pdf":
        with pymupdf.open("pdf", raw) as doc:
            return " ".join(" ".join(page.get_text().split()) for page in doc)
    return raw.decode("utf-8-sig")


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
@pytest.mark.parametrize("data", [sample_data(), empty_data()], ids=["sample", "empty"])
def test_every_format_carries_the_notice(fmt: str, data: ExportData) -> None:
    text = as_text(fmt, render(fmt, data))
    assert SHORT_NOTICE in text
    assert PATIENT_FILE_NAME not in text
    assert "raw model output" not in text


def test_fhir_render_is_a_valid_json_bundle() -> None:
    bundle = json.loads(render("fhir", sample_data()))
    Bundle.model_validate(bundle)
    assert "Hämoglobin" in render("fhir", sample_data()).decode("utf-8")  # not \u-escaped


def test_unknown_format_is_a_usage_error() -> None:
    with pytest.raises(UsageError) as info:
        render("docx", sample_data())
    assert "fhir, pdf, csv, md" in info.value.one_line()


def test_short_notice_wording() -> None:
    assert SHORT_NOTICE == ("Extracted by an AI model that can be wrong. Not a medical device and not medical "
                            "advice — check every value with your clinician.")
    assert NOTICE_VERSION


def test_export_notice_starts_with_the_short_notice() -> None:
    assert export_notice().startswith(SHORT_NOTICE)
    assert HAI_DEF_TERMS_URL in export_notice()


def test_full_terms_are_shipped_as_package_data() -> None:
    shipped = files("coheara._resources")
    assert shipped.joinpath("hai_def_terms.md").is_file()
    assert shipped.joinpath("hai_def_notice.md").is_file()
    terms = full_terms()
    assert terms.startswith("# Health AI Developer Foundations (HAI-DEF) — Terms of Use")
    for passage in ("This model is not approved for direct clinical use.", "Pass-through restrictions.",
                    "Prohibited uses.", "Google provides this model **\"AS IS\"**", "is\ndeveloped by Google",
                    HAI_DEF_TERMS_URL, "https://ai.google.dev/gemma/prohibited_use_policy"):
        assert passage in terms
