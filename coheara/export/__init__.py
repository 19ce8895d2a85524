"""Exports for the patient's doctor: FHIR R4, PDF, CSV and Markdown, as pure functions of domain objects."""
