"""Coheara: a private, offline, encrypted companion for a patient's medical documents."""

__version__ = "0.1.0"
