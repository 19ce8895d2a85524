"""Files in: sniff the real type from the bytes, hash, enforce limits, refuse bad files with a reason.

Public surface: ``sniff`` (type by content), ``check_file`` -> ``CheckedFile`` (the gate before
anything is stored) and the limits in ``coheara.untrusted.limits``. Nothing here writes to disk.
"""

from coheara.domain.documents import NOTE_PASSWORD_PROTECTED, NOTE_REPAIRED
from coheara.ingest.checks import CheckedFile, check_file
from coheara.ingest.sniff import sniff

__all__ = ["NOTE_PASSWORD_PROTECTED", "NOTE_REPAIRED", "CheckedFile", "check_file", "sniff"]
