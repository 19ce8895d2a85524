"""Use cases shared by the GUI and the CLI. Qt-free, synchronous, with progress callbacks and cancel."""
