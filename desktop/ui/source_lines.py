"""Dropping the module sources PySide6 leaves in :mod:`linecache`.

Once PySide6 is imported, each later import runs its ``__feature__`` check (is this module a
user of PySide?), which reads the new module's whole source through :func:`inspect.getsource`
and so leaves it in ``linecache``: for the ~430 modules the workspace imports, ~5.5 MiB of
text held as ~160,000 line strings, ~14 MiB of Python objects. linecache is only a cache for
tracebacks and warnings (a file is read again when a line is next asked for), so emptying it
costs nothing; the memory freed is reused by the objects made next.
"""

from __future__ import annotations

import linecache


def forget_imported_sources() -> None:
    linecache.clearcache()
