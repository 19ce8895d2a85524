"""Medication doses: Swiss/German time-of-day schemes, frequencies in three languages, strengths, routes."""

from __future__ import annotations

import pytest

from coheara.validation.doses import normalize_route, parse_frequency, parse_scheme, parse_strength


@pytest.mark.parametrize(
    ("printed", "slots", "per_day"),
    [
        ("1-0-1", (1, 0, 1, 0), 2),
        ("1-0-0.5-0", (1, 0, 0.5, 0), 1.5),  # the Swiss eMediplan four-slot scheme
        ("1-0-0,5-0", (1, 0, 0.5, 0), 1.5),
        ("½-0-½", (0.5, 0, 0.5, 0), 1),
        ("1/2-0-1/2", (0.5, 0, 0.5, 0), 1),
        ("1-1-1-1", (1, 1, 1, 1), 4),
        ("0-0-1", (0, 0, 1, 0), 1),
        ("1½-0-1", (1.5, 0, 1, 0), 2.5),
        ("1 – 0 – 1", (1, 0, 1, 0), 2),
        ("20-20-20-20 Tropfen", (20, 20, 20, 20), 80),
    ],
)
def test_time_of_day_schemes(printed: str, slots: tuple[float, ...], per_day: float) -> None:
    scheme = parse_scheme(printed)
    assert (scheme.morning, scheme.noon, scheme.evening, scheme.night) == slots
    assert scheme.per_day == per_day


def test_what_follows_a_scheme_is_its_unit() -> None:
    assert parse_scheme("1-0-1 Tabl.").unit == "Tabl."
    assert parse_scheme("2-0-0-0 Hub").unit == "Hub"


@pytest.mark.parametrize("printed", ["02-06-2025", "12.0-16.0", "100 mg", "1-2", "", None])
def test_dates_ranges_and_strengths_are_not_schemes(printed: str | None) -> None:
    assert parse_scheme(printed) is None


@pytest.mark.parametrize(
    ("printed", "per_day"),
    [
        ("2x täglich", 2),
        ("2 x tgl.", 2),
        ("3x/d", 3),
        ("einmal täglich", 1),
        ("täglich", 1),
        ("3 fois par jour", 3),
        ("une fois par jour", 1),
        ("deux fois par jour", 2),
        ("twice daily", 2),
        ("three times daily", 3),
        ("once daily", 1),
        ("bid", 2),
        ("b.i.d.", 2),
        ("tid", 3),
        ("qd", 1),
        ("qid", 4),
        ("alle 8 Stunden", 3),
        ("every 12 hours", 2),
        ("q8h", 3),
        ("toutes les 6 heures", 4),
        ("morgens und abends", 2),
        ("le matin", 1),
    ],
)
def test_frequencies_per_day(printed: str, per_day: float) -> None:
    assert parse_frequency(printed).per_day == per_day


def test_weekly_and_as_needed() -> None:
    assert parse_frequency("1x wöchentlich").per_week == 1
    assert parse_frequency("once weekly").per_week == 1
    assert parse_frequency("bei Bedarf").as_needed
    assert parse_frequency("si besoin").as_needed
    assert parse_frequency("as needed").as_needed
    assert parse_frequency("Reserve").as_needed
    assert parse_frequency("nach dem Essen") is None


@pytest.mark.parametrize(
    ("printed", "value", "unit"),
    [
        ("100 mg", 100.0, "mg"),
        ("2,5 mg", 2.5, "mg"),
        ("500mg", 500.0, "mg"),
        ("5 mg/ml", 5.0, "mg/mL"),
        ("1000 I.E.", 1000.0, "IU"),
        ("20 µg/h", 20.0, "µg/h"),
        ("0,5 %", 0.5, "%"),
        ("1 g", 1.0, "g"),
    ],
)
def test_strengths(printed: str, value: float, unit: str) -> None:
    strength = parse_strength(printed, "de")
    assert (strength.value, strength.rest) == (value, unit)


def test_combinations_and_counts_are_not_strengths() -> None:
    assert parse_strength("5 mg + 12,5 mg") is None
    assert parse_strength("1 Tablette") is None


@pytest.mark.parametrize(
    ("printed", "route"),
    [
        ("p.o.", "oral"),
        ("peroral", "oral"),
        ("rektal", "rectal"),
        ("i.v.", "intravenous"),
        ("s.c.", "subcutaneous"),
        ("inhalativ", "inhalation"),
        ("foo", None),
    ],
)
def test_routes(printed: str, route: str | None) -> None:
    assert normalize_route(printed) == route
