"""Views: one module per screen."""
