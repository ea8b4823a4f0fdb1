"""The platforms whose exports the import knows (``Layout.platform``: taobao, jd, pdd,
douyin, shopify, woocommerce) as a shop names them."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

PLATFORM_CHANNELS: Final[Mapping[str, str]] = MappingProxyType({
    "taobao": "淘宝", "jd": "京东", "pdd": "拼多多", "douyin": "抖音",
    "shopify": "Shopify", "woocommerce": "WooCommerce",
})
"""The sales channel an export's orders and reviews are recorded under when the file has no
channel column: the platform by the name a shop calls it (the name the order form offers and
the demo shop uses), not its code, which stays the key of a customer's platform account."""


def platform_channel(platform: str | None) -> str:
    return PLATFORM_CHANNELS.get(platform, platform) if platform else ""
