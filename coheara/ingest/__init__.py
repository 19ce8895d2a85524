"""Files in: sniff the real type from the bytes, hash, enforce limits, refuse bad files with a reason."""
