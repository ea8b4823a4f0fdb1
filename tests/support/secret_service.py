"""A real, private Secret Service (gnome-keyring) for tests, and the keyring fixtures.

``secret_service`` (session scope) starts, in a fresh temporary directory:

1. a private D-Bus session bus (``dbus-daemon --nofork`` with its own config: no service
   directories, so nothing is ever auto-activated, e.g. a GUI password prompter);
2. ``gnome-keyring-daemon --foreground --unlock --components=secrets`` with HOME, XDG_* and
   the bus pointing into that directory, fed a random NON-EMPTY password on stdin (with an empty
   one gnome-keyring would keep the keyring file unencrypted), so it creates and unlocks the
   ``login`` collection, which the ``default`` alias resolves to.

It waits until ``org.freedesktop.secrets`` is owned and the default collection is unlocked
(creating one through gnome-keyring's internal interface if needed), points
``DBUS_SESSION_BUS_ADDRESS`` at the private bus and makes the ``keyring`` library use its
SecretService backend. Everything is restored and the daemons stopped at the end of the session.
The real user's keyrings and session bus are never touched.

When a binary is missing or the daemons cannot start the fixture skips, unless the environment
sets ``SHOPVAULT_REQUIRE_KEYRING=1`` (CI installs gnome-keyring, so there a skip would hide a
broken setup and the fixture fails instead). ``SHOPVAULT_TEST_GNOME_KEYRING`` and
``SHOPVAULT_TEST_DBUS_DAEMON`` override the binaries (name or path), e.g. to check the skip.

secretstorage / jeepney are imported lazily: they are Linux-only dependencies, and this module is
imported by conftest on every platform.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, NoReturn

import pytest

from desktop.security.keyring_vault import DISABLE_ENV, KeyringVault

REQUIRE_ENV = "SHOPVAULT_REQUIRE_KEYRING"
GNOME_KEYRING_ENV = "SHOPVAULT_TEST_GNOME_KEYRING"
DBUS_DAEMON_ENV = "SHOPVAULT_TEST_DBUS_DAEMON"

SECRETS_BUS_NAME = "org.freedesktop.secrets"
SECRETS_PATH = "/org/freedesktop/secrets"
LOGIN_COLLECTION_PATH = "/org/freedesktop/secrets/collection/login"
# gnome-keyring's own interface for creating/unlocking a collection with a password passed in
# the call instead of through a (GUI) prompt. Public API would need a prompter.
GNOME_INTERNAL_IFACE = "org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface"

START_TIMEOUT_S = 20.0
STOP_TIMEOUT_S = 5.0
# After the bus name is owned, how long to wait for the login collection before creating one.
LOGIN_GRACE_S = 2.0

_BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path={socket}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


class SecretServiceUnavailable(Exception):
    """The private Secret Service could not be started (missing binary, daemon failure)."""


def _dying_with_parent(args: list[str]) -> list[str]:
    """Run ``args`` with SIGTERM as parent-death signal, so no daemon outlives a killed pytest.

    ``setpriv`` (util-linux, always on Debian) sets it and execs, keeping the pid; this avoids
    ``preexec_fn``, which may deadlock when other threads (e.g. Qt's) exist at fork time.
    gnome-keyring also exits by itself when its bus goes away.
    """
    setpriv = shutil.which("setpriv")
    return [setpriv, "--pdeathsig", "TERM", "--", *args] if setpriv else args


@dataclass
class SecretService:
    """A running private bus + gnome-keyring. Paths are inside ``root``, deleted on stop."""

    root: Path
    data_home: Path
    bus_address: str
    password: bytes = field(repr=False)
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list, repr=False)
    log_files: list[IO[bytes]] = field(default_factory=list, repr=False)

    @property
    def keyrings_dir(self) -> Path:
        """Where gnome-keyring keeps its ``*.keyring`` files."""
        return self.data_home / "keyrings"

    # -- D-Bus helpers (own connection, independent of os.environ) -------------------------

    @contextlib.contextmanager
    def connect(self) -> Iterator[Any]:
        from jeepney.io.blocking import open_dbus_connection

        conn = open_dbus_connection(bus=self.bus_address)
        try:
            yield conn
        finally:
            conn.close()

    def default_collection_locked(self) -> bool:
        import secretstorage

        with self.connect() as conn:
            return bool(secretstorage.Collection(conn).is_locked())

    def lock_default(self) -> None:
        """Lock the default collection (no prompt is involved in locking)."""
        import secretstorage

        with self.connect() as conn:
            secretstorage.Collection(conn).lock()

    def unlock_default(self) -> None:
        """Unlock the default collection with the session password, without any prompt."""
        import secretstorage

        with self.connect() as conn:
            collection = secretstorage.Collection(conn)
            if collection.is_locked():
                _unlock_with_password(conn, collection.collection_path, self.password)
            if collection.is_locked():
                raise SecretServiceUnavailable("the default collection stays locked")

    def item_count(self, service: str) -> int:
        """How many items the keyring library stored under ``service`` in the default collection."""
        import secretstorage

        with self.connect() as conn:
            return len(list(secretstorage.Collection(conn).search_items({"service": service})))

    def usernames(self, service: str) -> list[str]:
        """The ``username`` attribute of every item stored under ``service``, sorted."""
        import secretstorage

        with self.connect() as conn:
            items = secretstorage.Collection(conn).search_items({"service": service})
            return sorted(item.get_attributes().get("username", "") for item in items)

    def delete_items(self, service: str) -> None:
        import secretstorage

        with self.connect() as conn:
            for item in list(secretstorage.Collection(conn).search_items({"service": service})):
                item.delete()

    # -- lifecycle -------------------------------------------------------------------------

    def stop(self) -> None:
        """Stop the daemons (newest first) and delete the temporary directory."""
        for proc in reversed(self.processes):
            _stop_process(proc)
        self.processes.clear()
        for log_file in self.log_files:
            log_file.close()
        self.log_files.clear()
        shutil.rmtree(self.root, ignore_errors=True)

    def log_tail(self, limit: int = 400) -> str:
        """The end of each non-empty daemon log, on one line (for a skip or failure reason)."""
        chunks = []
        for path in sorted(self.root.glob("*.log")):
            with contextlib.suppress(OSError):
                text = " ".join(path.read_text(errors="replace").split())
                if text:
                    chunks.append(f"{path.name}: {text[-limit:]}")
        return " | ".join(chunks)


def _stop_process(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is not None:
        return
    # Each daemon runs in its own session (start_new_session=True): its process group is ours.
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=STOP_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=STOP_TIMEOUT_S)


def _find_binary(env_name: str, default: str) -> str:
    wanted = os.environ.get(env_name, default)
    found = shutil.which(wanted)
    if found is None:
        raise SecretServiceUnavailable(
            f"{wanted!r} not found on PATH (Debian package: "
            f"{'gnome-keyring' if default.startswith('gnome') else 'dbus-daemon'})"
        )
    return found


def _make_root() -> Path:
    # A unix socket path must stay under ~108 bytes: keep the directory short.
    base = tempfile.gettempdir()
    if len(base) > 60 and Path("/tmp").is_dir():
        base = "/tmp"
    return Path(tempfile.mkdtemp(prefix="shopvault-ss-", dir=base))


def _unlock_with_password(conn: Any, collection_path: str, password: bytes) -> None:
    from secretstorage.util import DBusAddressWrapper, format_secret, open_session

    session = open_session(conn)
    internal = DBusAddressWrapper(SECRETS_PATH, GNOME_INTERNAL_IFACE, conn)
    internal.call(
        "UnlockWithMasterPassword",
        "o(oayays)",
        collection_path,
        format_secret(session, password, "text/plain"),
    )


def _make_default_collection(conn: Any, password: bytes) -> None:
    """Point the ``default`` alias at the login collection, creating it when it is missing."""
    import secretstorage
    from secretstorage.exceptions import ItemNotFoundException
    from secretstorage.util import DBusAddressWrapper, format_secret, open_session

    try:
        path = secretstorage.Collection(conn, LOGIN_COLLECTION_PATH).collection_path
    except ItemNotFoundException:
        session = open_session(conn)
        internal = DBusAddressWrapper(SECRETS_PATH, GNOME_INTERNAL_IFACE, conn)
        properties = {"org.freedesktop.Secret.Collection.Label": ("s", "Login")}
        (path,) = internal.call(
            "CreateWithMasterPassword",
            "a{sv}(oayays)",
            properties,
            format_secret(session, password, "text/plain"),
        )
    service = DBusAddressWrapper(SECRETS_PATH, "org.freedesktop.Secret.Service", conn)
    service.call("SetAlias", "so", "default", path)


def _wait_until_ready(service: SecretService, keyring_proc: subprocess.Popen[bytes]) -> None:
    """Poll until the secrets bus name is owned and the default collection is unlocked."""
    import secretstorage
    from jeepney.bus_messages import message_bus
    from jeepney.io.blocking import Proxy
    from secretstorage.exceptions import ItemNotFoundException

    deadline = time.monotonic() + START_TIMEOUT_S
    owned_since: float | None = None
    last_error = "no attempt made"
    while time.monotonic() < deadline:
        if keyring_proc.poll() is not None:
            raise SecretServiceUnavailable(
                f"gnome-keyring-daemon exited with {keyring_proc.returncode}"
            )
        try:
            with service.connect() as conn:
                if not Proxy(message_bus, conn).NameHasOwner(SECRETS_BUS_NAME)[0]:
                    raise SecretServiceUnavailable(f"{SECRETS_BUS_NAME} not owned yet")
                owned_since = owned_since or time.monotonic()
                try:
                    collection = secretstorage.Collection(conn)
                except ItemNotFoundException:
                    if time.monotonic() - owned_since < LOGIN_GRACE_S:
                        raise SecretServiceUnavailable("no default collection yet") from None
                    _make_default_collection(conn, service.password)
                    collection = secretstorage.Collection(conn)
                if collection.is_locked():
                    _unlock_with_password(conn, collection.collection_path, service.password)
                if not collection.is_locked():
                    return
                last_error = "the default collection is locked"
        # Connecting races the daemons' start-up: socket missing, auth refused, D-Bus errors.
        except Exception as exc:  # noqa: BLE001 - retried until the deadline, then reported
            last_error = f"{type(exc).__name__}: {exc}"
        time.sleep(0.1)
    raise SecretServiceUnavailable(f"not ready after {START_TIMEOUT_S:.0f}s ({last_error})")


def start_secret_service() -> SecretService:
    """Start a private bus and gnome-keyring; raise SecretServiceUnavailable when impossible."""
    if not sys.platform.startswith("linux"):
        raise SecretServiceUnavailable("the Secret Service tests run on Linux only")
    try:
        import jeepney  # noqa: F401
        import secretstorage  # noqa: F401
    except ImportError as exc:
        raise SecretServiceUnavailable(f"secretstorage/jeepney not installed ({exc})") from exc
    dbus_daemon = _find_binary(DBUS_DAEMON_ENV, "dbus-daemon")
    gnome_keyring = _find_binary(GNOME_KEYRING_ENV, "gnome-keyring-daemon")

    root = _make_root()
    dirs = {name: root / name for name in ("run", "home", "data", "config", "cache")}
    for path in dirs.values():
        path.mkdir(mode=0o700)
    socket = dirs["run"] / "bus"
    (root / "bus.conf").write_text(_BUS_CONFIG.format(socket=socket), encoding="utf-8")
    service = SecretService(
        root=root,
        data_home=dirs["data"],
        bus_address=f"unix:path={socket}",
        password=secrets.token_urlsafe(24).encode("ascii"),
    )
    # A minimal environment: nothing of the real user's session (DISPLAY, keyring control,
    # session bus) reaches the daemons.
    child_env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "LANG": "C.UTF-8",
        "HOME": str(dirs["home"]),
        "XDG_RUNTIME_DIR": str(dirs["run"]),
        "XDG_DATA_HOME": str(dirs["data"]),
        "XDG_CONFIG_HOME": str(dirs["config"]),
        "XDG_CACHE_HOME": str(dirs["cache"]),
        "DBUS_SESSION_BUS_ADDRESS": service.bus_address,
    }

    def spawn(args: list[str], log_name: str) -> subprocess.Popen[bytes]:
        log_file = (root / log_name).open("wb")
        service.log_files.append(log_file)
        proc = subprocess.Popen(
            _dying_with_parent(args),
            stdin=subprocess.PIPE,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            env=child_env,
            cwd=root,
            start_new_session=True,
        )
        service.processes.append(proc)
        return proc

    try:
        bus_proc = spawn(
            [dbus_daemon, f"--config-file={root / 'bus.conf'}", "--nofork", "--nopidfile"],
            "dbus-daemon.log",
        )
        assert bus_proc.stdin is not None
        bus_proc.stdin.close()
        keyring_proc = spawn(
            [gnome_keyring, "--foreground", "--unlock", "--components=secrets"],
            "gnome-keyring.log",
        )
        # --unlock reads the password from stdin up to EOF: no trailing newline.
        assert keyring_proc.stdin is not None
        keyring_proc.stdin.write(service.password)
        keyring_proc.stdin.close()
        _wait_until_ready(service, keyring_proc)
    except (SecretServiceUnavailable, OSError) as exc:
        detail = service.log_tail()
        service.stop()
        raise SecretServiceUnavailable(f"{exc} [{detail}]" if detail else str(exc)) from exc
    except BaseException:
        service.stop()
        raise
    return service


def _unavailable(reason: str) -> NoReturn:
    message = f"no Secret Service for keyring tests: {reason}"
    if os.environ.get(REQUIRE_ENV, "").strip() in {"1", "true", "yes"}:
        pytest.fail(f"{message} ({REQUIRE_ENV} is set)", pytrace=False)
    pytest.skip(message)


# -- fixtures ------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def secret_service() -> Iterator[SecretService]:
    """A real gnome-keyring Secret Service on a private bus, used by ``keyring`` for the session."""
    try:
        service = start_secret_service()
    except SecretServiceUnavailable as exc:
        _unavailable(str(exc))

    import keyring
    import keyring.backends.SecretService

    previous_backend = keyring.get_keyring()
    previous_address = os.environ.get("DBUS_SESSION_BUS_ADDRESS")
    os.environ["DBUS_SESSION_BUS_ADDRESS"] = service.bus_address
    try:
        keyring.set_keyring(keyring.backends.SecretService.Keyring())
        _check_through_environment()
        yield service
    finally:
        keyring.set_keyring(previous_backend)
        if previous_address is None:
            os.environ.pop("DBUS_SESSION_BUS_ADDRESS", None)
        else:
            os.environ["DBUS_SESSION_BUS_ADDRESS"] = previous_address
        service.stop()


def _check_through_environment() -> None:
    """What the app does: connect via DBUS_SESSION_BUS_ADDRESS and find an unlocked default."""
    import secretstorage

    with contextlib.closing(secretstorage.dbus_init()) as conn:
        if secretstorage.get_default_collection(conn).is_locked():
            _unavailable("the default collection is locked")


@pytest.fixture
def keyring_vault(secret_service: SecretService) -> Iterator[KeyringVault]:
    """A KeyringVault on the real Secret Service, with a service name unique to this test."""
    service_name = f"ShopVault-test-{uuid.uuid4().hex[:12]}"
    yield KeyringVault(service_name)
    # A test may have locked the collection (or failed while it was locked).
    secret_service.unlock_default()
    secret_service.delete_items(service_name)


@pytest.fixture
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    """Simulate a PC without an OS keyring (``SHOPVAULT_KEYRING=none``)."""
    monkeypatch.setenv(DISABLE_ENV, "none")
