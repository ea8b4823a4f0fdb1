"""Named points where tests kill the process, to prove that a kill there loses nothing.

Set ``SHOPVAULT_KILL_AT=<name>`` in a subprocess's environment and it dies with SIGKILL when
it reaches that point — a real kill, not an exception the code could clean up after.
"""

from __future__ import annotations

import errno
import os
import signal

ENV_VAR = "SHOPVAULT_KILL_AT"


def crash_point(name: str) -> None:
    if os.environ.get(ENV_VAR) == name:
        os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))


DISK_FULL_ENV_VAR = "SHOPVAULT_DISK_FULL_AT"


def disk_full_point(name: str) -> None:
    """Raise the OSError a full disk gives (ENOSPC) when ``SHOPVAULT_DISK_FULL_AT=<name>``:
    tests prove that a write failing there leaves no half file behind."""
    if os.environ.get(DISK_FULL_ENV_VAR) == name:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
