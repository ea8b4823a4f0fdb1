"""The real shop `bench_keystroke` measures: key file, owner and staff accounts, and N demo
customers (same generator and seed as `bench_search`, so the two hold the same customers).

Built once in the work directory and reused while the customer count and schema match.
The vault key sits in a file beside the shop (a benchmark's stand-in for the OS keyring), so
every run goes straight to the login screen as on a PC that remembers the shop.
"""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path
from typing import Any

from desktop.security.keyring_vault import KeyringVault
from desktop.services.paths import ShopPaths

SHOP_NAME = "基准测试店"
OWNER, OWNER_PASSWORD = "wang", "Correct-horse-42"
STAFF, STAFF_PASSWORD = "li", "Counter-staff-7"


class FileKeyring(KeyringVault):
    """A keyring kept in one JSON file of the work directory (benchmarks only)."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def _entries(self) -> dict[str, str]:
        return json.loads(self.path.read_text()) if self.path.exists() else {}

    def _store(self, key: str, value: str | None) -> None:
        entries = self._entries()
        if value is None:
            entries.pop(key, None)
        else:
            entries[key] = value
        self.path.write_text(json.dumps(entries))

    def available(self) -> bool:
        return True

    def get_vault_key(self, shop_id: str) -> bytes | None:
        value = self._entries().get(shop_id)
        return bytes.fromhex(value) if value is not None else None

    def set_vault_key(self, shop_id: str, key: bytes) -> bool:
        self._store(shop_id, key.hex())
        return True

    def delete_vault_key(self, shop_id: str) -> None:
        self._store(shop_id, None)

    def get_text(self, shop_id: str, name: str) -> str | None:
        return self._entries().get(f"{shop_id}/{name}")

    def set_text(self, shop_id: str, name: str, value: str) -> bool:
        self._store(f"{shop_id}/{name}", value)
        return True

    def delete_text(self, shop_id: str, name: str) -> None:
        self._store(f"{shop_id}/{name}", None)


def shop_paths(workdir: Path) -> ShopPaths:
    return ShopPaths(workdir / "shop")


def keyring_for(workdir: Path) -> FileKeyring:
    return FileKeyring(workdir / "keyring.json")


def ensure_shop(workdir: Path, customers: int, rebuild: bool = False) -> dict[str, Any]:
    """The shop in ``workdir``, built unless a matching one is there already."""
    # Imported here: the window's process (which measures its memory) needs only the paths
    # and the keyring above, as the app does.
    from bench.bench_store import SEED
    from desktop.core.demo_data import generate_customers, generate_feedback, generate_orders
    from desktop.core.roles import Role
    from desktop.services.workspace import new_workspace
    from desktop.store.migrations import latest_version

    workdir.mkdir(parents=True, exist_ok=True)
    meta_path = workdir / "keystroke-meta.json"
    wanted = {"customers": customers, "schema": latest_version(), "seed": SEED}
    paths = shop_paths(workdir)
    if meta_path.exists() and not rebuild and paths.exists():
        meta = json.loads(meta_path.read_text())
        # An older schema is not a reason to rebuild (~6 min): the app migrates on open.
        same_data = {k: meta.get(k) for k in ("customers", "seed")} == {
            k: wanted[k] for k in ("customers", "seed")}
        if same_data and meta.get("schema", 0) <= wanted["schema"]:
            print(f"reusing the shop in {paths.home}", flush=True)
            return dict(meta)
    if paths.home.exists():
        shutil.rmtree(paths.home)
    (workdir / "keyring.json").unlink(missing_ok=True)
    print(f"building a shop with {customers:,} customers in {paths.home} …", flush=True)
    workspace, owner, _code = new_workspace(
        paths, SHOP_NAME, OWNER, OWNER_PASSWORD, keyring=keyring_for(workdir), remember=True)
    try:
        workspace.accounts.add_user(owner, STAFF, Role.STAFF, STAFF_PASSWORD)
        started = time.perf_counter()
        result = workspace.shop.db.bulk_load(
            generate_customers(customers, SEED),
            lambda ids: generate_orders(ids, SEED),
            lambda ids, stored: generate_feedback(ids, SEED, orders=stored),
        )
        seconds = time.perf_counter() - started
    finally:
        workspace.close()
    meta = {**wanted, "load_seconds": seconds, "customers_loaded": result.customers}
    meta_path.write_text(json.dumps(meta, indent=2))
    return meta
