"""The recovery key: 160 random bits the patient writes down once, in groups a person can copy.

Format: Crockford Base32 (no I, L, O or U, so nothing looks like 1 or 0 or another letter),
32 characters of key plus 4 characters of checksum, shown as nine groups of four:
``7K3M-QX9D-...-C2HV``. The checksum lets us say "typo" rather than "wrong key". Parsing accepts
lowercase, spaces, missing or extra dashes, and reads I/L as 1 and O as 0.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from coheara.errors import WrongRecoveryKeyError
from coheara.i18n import N_, _

RAW_BYTES = 20  # 160 bits
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_VALUE = {ch: i for i, ch in enumerate(_ALPHABET)}
_LOOKALIKES = str.maketrans({"I": "1", "L": "1", "O": "0"})
_KEY_CHARS = RAW_BYTES * 8 // 5  # 32
_CHECK_CHARS = 4  # 20 bits: one typo in a million slips through as "wrong key" instead of "typo"
_GROUP = 4

_FORMAT_HINT = N_("It has 36 letters and digits in groups of four, like ABCD-EFGH-…")


def generate() -> tuple[bytes, str]:
    """A new recovery key: the raw bytes (for the KDF) and the text shown to the patient."""
    raw = secrets.token_bytes(RAW_BYTES)
    return raw, format_key(raw)


def format_key(raw: bytes) -> str:
    """Raw bytes -> ``XXXX-XXXX-…`` with the checksum group at the end."""
    text = _encode(raw) + _checksum(raw)
    return "-".join(text[i : i + _GROUP] for i in range(0, len(text), _GROUP))


def parse(text: str) -> bytes:
    """Patient-typed text -> raw bytes. Raises WrongRecoveryKeyError; never echoes the text."""
    compact = "".join(ch for ch in text.upper() if not ch.isspace() and ch not in "-_.")
    compact = compact.translate(_LOOKALIKES)
    if len(compact) != _KEY_CHARS + _CHECK_CHARS or any(ch not in _VALUE for ch in compact):
        raise WrongRecoveryKeyError(_("That is not a Coheara recovery key."), hint=_(_FORMAT_HINT))
    raw = _decode(compact[:_KEY_CHARS])
    if not hmac.compare_digest(_checksum(raw), compact[_KEY_CHARS:]):
        raise WrongRecoveryKeyError(
            _("The recovery key has a typo."), hint=_("Check each group of four against your saved copy.")
        )
    return raw


def _encode(raw: bytes) -> str:
    number = int.from_bytes(raw, "big")
    chars = [_ALPHABET[(number >> shift) & 31] for shift in range(len(raw) * 8 - 5, -1, -5)]
    return "".join(chars)


def _decode(text: str) -> bytes:
    number = 0
    for ch in text:
        number = (number << 5) | _VALUE[ch]
    return number.to_bytes(len(text) * 5 // 8, "big")


def _checksum(raw: bytes) -> str:
    digest = int.from_bytes(hashlib.sha256(b"coheara-recovery-check|" + raw).digest()[:3], "big")
    return "".join(_ALPHABET[(digest >> shift) & 31] for shift in (19, 14, 9, 4))
