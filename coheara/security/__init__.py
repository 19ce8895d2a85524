"""The key hierarchy: a random data key wrapped by the OS keyring, a passphrase and a recovery key.

Public surface: ``KeyStore`` (create, unlock, re-wrap), ``CreatedKey``, ``KeyProtection``,
``secure_keyring_backend`` (the keyring allowlist) and ``passphrase_strength`` (for the GUI meter).
"""

from coheara.security.keyring_backend import secure_keyring_backend
from coheara.security.keys import CreatedKey, KeyProtection, KeyStore
from coheara.security.strength import passphrase_strength

__all__ = ["CreatedKey", "KeyProtection", "KeyStore", "passphrase_strength", "secure_keyring_backend"]
