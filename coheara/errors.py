"""Errors we expect, as opposed to bugs.

A ``KnownError`` is caused by the environment or by the user (a bad file, a wrong passphrase, Ollama
not running). It carries a one-line ``message`` a patient understands, an optional ``hint`` saying what
to do next, and the CLI ``exit_code``. The GUI and the CLI show ``message`` (and ``hint``) and never a
traceback. Anything else that escapes is a bug: it is logged without health data and reported as
"something went wrong".

Messages never contain document content, extracted values, file names or keys: callers that know a
file name put it in front of the message themselves, on the user's own screen.

    Exception
     └── CohearaError
          ├── Cancelled                      the user pressed cancel; not an error to report
          └── KnownError                     one line for the user (+ hint), exit_code
               ├── UsageError                exit 2: bad command line or setting
               ├── BadInputError             exit 1: a file is refused, nothing was written
               │    ├── EmptyFileError, UnsupportedFileError, CorruptFileError
               │    ├── FileTooLargeError, TooManyPagesError, ImageTooLargeError
               │    ├── PageTooSlowError     a PDF page takes longer to draw than its bound
               │    └── PdfPasswordError     needs a password, or the one given is wrong
               ├── VaultError                the vault cannot be opened or written
               │    ├── NoKeyAvailableError  no secure keyring and no passphrase given
               │    ├── WrongPassphraseError, WrongRecoveryKeyError
               │    ├── KeyringEntryLostError, StoredKeyInvalidError
               │    ├── VaultDamagedError, VaultTooNewError, VaultWriteError
               │    └── KeyFileError         the key file beside the vault is missing or unreadable
               ├── ModelError                exit 3: stored, but extraction could not finish
               │    ├── EngineUnreachableError, EngineTimeoutError, RemoteHostRefusedError
               │    ├── ModelMissingError, ModelNoVisionError, CloudModelRefusedError
               │    ├── OutOfMemoryError, InsufficientHardwareError
               │    ├── UnusableOutputError  every strategy looped or produced nothing usable
               │    └── ReadingBusyError     another Coheara is reading this vault's documents
               └── ExportError               the export file could not be written
"""

from __future__ import annotations

import traceback
from pathlib import Path
from typing import Protocol

from coheara.i18n import N_

# In English here; shown with _(BUG_MESSAGE) in the patient's language.
BUG_MESSAGE = N_("Something went wrong inside Coheara (a bug). Nothing stored was lost.")


class CohearaError(Exception):
    """Base of every exception Coheara raises on purpose."""


class Cancelled(CohearaError):
    """The user cancelled the operation; whatever was done so far is consistent."""


class Worded(Protocol):
    """A sentence kept as its template and what fills it (``coheara.domain.wording.Wording``)."""

    @property
    def text(self) -> str: ...


class KnownError(CohearaError):
    """An expected failure with a sentence for the user.

    ``message`` is one line without a trailing newline; ``hint`` (optional) says what to do next.
    Either may be given as a ``Worded`` sentence: ``message`` and ``hint`` are then its text in the
    current language, and ``wording``/``hint_wording`` keep it, so that a reason stored in the vault
    reads in the language it is shown in later.
    """

    exit_code: int = 1

    def __init__(self, message: str | Worded, hint: str | Worded | None = None) -> None:
        self.wording = None if isinstance(message, str) else message
        self.hint_wording = None if hint is None or isinstance(hint, str) else hint
        text = message if isinstance(message, str) else message.text
        super().__init__(text)
        self.message = text.strip().splitlines()[0] if text.strip() else type(self).__name__
        self.hint = hint if hint is None or isinstance(hint, str) else hint.text

    def __str__(self) -> str:
        return self.message

    def one_line(self) -> str:
        """The message and the hint on one line, as the CLI prints it."""
        return f"{self.message} {self.hint}" if self.hint else self.message


class UsageError(KnownError):
    exit_code = 2


class BadInputError(KnownError):
    exit_code = 1


class EmptyFileError(BadInputError):
    pass


class UnsupportedFileError(BadInputError):
    pass


class CorruptFileError(BadInputError):
    pass


class FileTooLargeError(BadInputError):
    pass


class TooManyPagesError(BadInputError):
    pass


class ImageTooLargeError(BadInputError):
    pass


class PdfPasswordError(BadInputError):
    pass


class PageTooSlowError(BadInputError):
    pass


class VaultError(KnownError):
    exit_code = 4


class NoKeyAvailableError(VaultError):
    pass


class WrongPassphraseError(VaultError):
    pass


class WrongRecoveryKeyError(VaultError):
    pass


class KeyringEntryLostError(VaultError):
    pass


class StoredKeyInvalidError(VaultError):
    pass


class VaultDamagedError(VaultError):
    pass


class VaultTooNewError(VaultError):
    pass


class VaultWriteError(VaultError):
    pass


class KeyFileError(VaultError):
    pass


class ModelError(KnownError):
    exit_code = 3


class EngineUnreachableError(ModelError):
    pass


class EngineTimeoutError(ModelError):
    pass


class RemoteHostRefusedError(ModelError):
    pass


class ModelMissingError(ModelError):
    pass


class ModelNoVisionError(ModelError):
    pass


class CloudModelRefusedError(ModelError):
    pass


class OutOfMemoryError(ModelError):
    pass


class InsufficientHardwareError(ModelError):
    pass


class UnusableOutputError(ModelError):
    pass


class ReadingBusyError(ModelError):
    pass


class ExportError(KnownError):
    exit_code = 1


def bug_location(exc: BaseException) -> str:
    """``TypeName at file.py:12 <- other.py:34``: what a bug report may log.

    The exception's message is left out on purpose: an unexpected error can quote file content.
    """
    frames = traceback.extract_tb(exc.__traceback__)
    where = " <- ".join(f"{Path(f.filename).name}:{f.lineno}" for f in reversed(frames[-6:]))
    return f"{type(exc).__name__} at {where}"
