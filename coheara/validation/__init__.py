"""Model output → checked values: parse, normalize, ground against the page text, find implausibles."""
