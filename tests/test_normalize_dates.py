"""Dates by document language, and the language itself (given, named, or guessed from the page)."""

from __future__ import annotations

import pytest

from coheara.validation.dates import date_order_for, page_date_order, parse_date
from coheara.validation.language import detect_language, normalize_language


@pytest.mark.parametrize(
    ("printed", "language", "iso"),
    [
        ("02/06/2025", "fr", "2025-06-02"),
        ("02/06/2025", "de", "2025-06-02"),
        ("02/06/2025", "en-GB", "2025-06-02"),
        ("02/06/2025", "en-US", "2025-02-06"),
        ("02.06.2025", None, "2025-06-02"),
        ("02.06.2025", "en-US", "2025-06-02"),  # dotted dates are day first everywhere
        ("2025-06-02", None, "2025-06-02"),
        ("2. Juni 2025", None, "2025-06-02"),
        ("2 juin 2025", None, "2025-06-02"),
        ("1er juin 2025", None, "2025-06-01"),
        ("June 2, 2025", None, "2025-06-02"),
        ("2 June 2025", None, "2025-06-02"),
        ("4. Februar 2012, 14:05", None, "2012-02-04"),  # the Swiss eMediplan header
        ("15. Mai 1943", None, "1943-05-15"),
        ("3 févr. 2024", None, "2024-02-03"),
        ("ausgestellt am: 03.07.2023", None, "2023-07-03"),
        ("13/03/2024", None, "2024-03-13"),  # a part above 12 settles it
        ("03/13/2024", None, "2024-03-13"),
        ("12.03.24", None, "2024-03-12"),
    ],
)
def test_dates_are_read_by_language(printed: str, language: str | None, iso: str) -> None:
    assert parse_date(printed, date_order_for(language)).iso == iso


def test_a_slashed_date_without_language_stays_unread_and_says_why() -> None:
    parsed = parse_date("02/06/2025", date_order_for(None))
    assert parsed.iso is None and parsed.ambiguous
    assert date_order_for("en") is None  # plain English could be either side of the Atlantic


def test_the_page_own_dates_settle_the_order() -> None:
    assert page_date_order("Datum 24/05/2025, Befund vom 02/06/2025") == "DMY"
    assert page_date_order("Collected 05/24/2025") == "MDY"
    assert page_date_order("02/06/2025 only") is None


@pytest.mark.parametrize("printed", ["", "30.02.2025", "Juni 2025", "gestern", "99/99/9999", None])
def test_impossible_or_partial_dates_give_no_iso(printed: str | None) -> None:
    assert parse_date(printed, "DMY").iso is None


@pytest.mark.parametrize(
    ("said", "code"),
    [
        ("de", "de"),
        ("Deutsch", "de"),
        ("German", "de"),
        ("de_CH", "de-ch"),
        ("FR", "fr"),
        ("français", "fr"),
        ("English (US)", "en-us"),
        ("en-GB", "en-gb"),
        ("", None),
        ("klingon", None),
        (None, None),
    ],
)
def test_language_names_are_normalized(said: str | None, code: str | None) -> None:
    assert normalize_language(said) == code


def test_language_is_guessed_from_page_text() -> None:
    german = (
        "Laborbefund für die Patientin. Die Werte sind im Normbereich, der Kaliumwert ist erhöht und wird kontrolliert."
    )
    french = "Résultats d'analyses de la patiente. Les valeurs normales sont indiquées pour chaque analyse du jour."
    english = "Laboratory report for the patient. The results of the tests are within the reference range."
    assert detect_language(german) == "de"
    assert detect_language(french) == "fr"
    assert detect_language(english) == "en"
    assert detect_language("Hb 13,2 g/dl") is None
