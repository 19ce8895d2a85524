"""SQL migrations, applied in order; shipped as package data ``coheara._migrations``."""
