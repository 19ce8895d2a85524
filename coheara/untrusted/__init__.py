"""Opening files nobody trusts: the size limits and the guards every decoder runs inside.

Shared by ``ingest`` (checking a file before it is stored) and ``raster`` (turning it into pages),
so both refuse the same files with the same sentence, and the rasterizer stays safe even with bytes
that never went through the check (an old vault, a bug upstream).
"""
