"""The contract between Coheara and the model: what we ask it to return, versioned."""

from coheara.schemas.extraction import (
    PROMPT_VERSION,
    SCHEMA_VERSION,
    DocumentInfo,
    Extraction,
    extraction_json_schema,
)

__all__ = ["PROMPT_VERSION", "SCHEMA_VERSION", "DocumentInfo", "Extraction", "extraction_json_schema"]
