"""The passphrase meter the GUI shows while the patient types."""

from __future__ import annotations

import pytest

from coheara.security import passphrase_strength


@pytest.mark.parametrize(
    ("passphrase", "at_most"),
    [
        ("", 0), ("password", 0), ("P@ssw0rd1", 0), ("12345678", 0), ("aaaaaaaaaaaa", 0),
        ("hunter2", 1), ("Tr0ub4dor&3", 2),
    ],  # fmt: skip
)
def test_weak_passphrases_score_low(passphrase: str, at_most: int) -> None:
    score, hint = passphrase_strength(passphrase)
    assert 0 <= score <= at_most
    assert "4 random words" in hint


@pytest.mark.parametrize(
    "passphrase", ["correct horse battery staple", "Wolke-Tisch-Regen-Fenster", "a8Kd93jfLq02mZxP"]
)
def test_four_random_words_or_long_random_strings_are_strong(passphrase: str) -> None:
    assert passphrase_strength(passphrase) == (4, "Strong passphrase.")


def test_more_words_raise_the_score() -> None:
    words = ["orbit", "tulip", "gravel", "monsoon"]
    scores = [passphrase_strength(" ".join(words[:n]))[0] for n in range(1, 5)]
    assert scores == sorted(scores) and scores[0] < scores[-1] == 4


def test_the_hint_says_what_to_do() -> None:
    assert passphrase_strength("orbit tulip")[1] == "Add more words: 4 random words are strong."
    assert "common" in passphrase_strength("password")[1]
    assert "repeats" in passphrase_strength("zzzzzzzz")[1]


def test_repeating_a_word_adds_nothing() -> None:
    assert passphrase_strength("orbit orbit orbit orbit")[0] <= passphrase_strength("orbit tulip")[0]
