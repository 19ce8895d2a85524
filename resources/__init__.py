"""Static resources (HAI-DEF terms, icons), shipped as package data ``coheara._resources``."""
