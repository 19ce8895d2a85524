"""Qt item models over domain objects, testable without a window."""
