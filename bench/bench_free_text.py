"""The free-text masker per note: notes with nothing to find (the fast path), notes with
phones, IDs, cards, e-mails and addresses in them, everyday Chinese numerals (第一次, 二〇二四年:
the spelled-mobile pre-test must leave these on the fast path) and mobiles spelled in Chinese
numerals.

    python -m bench.bench_free_text [--notes 3000] [--rounds 5]

Prints the best round's microseconds per note for each kind; no goal of its own (the export
benchmark is the goal), it shows where a change to the masker moves the time.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Sequence

from desktop.core.masking import mask_free_text

PLAIN = (
    "老客户，喜欢红色", "请尽快发货", "送人用，不要放发票", "Gift wrap please", "VIP",
    "只用顺丰快递", "对坚果过敏，食品类请注意", "Prefers e-mail contact",
)
WITH_DIGITS = (
    "2024年买过3次，每次约 ¥1,280.00。", "电话13812345678，晚上联系",
    "送到北京市朝阳区解放路985号碧桂园15栋1单元1504室", "请勿晚上9点后致电",
    "ID 110101199003071233, mail j.smith@corp.example.com", "尺码42，订单 #20240105",
    "卡号 6222 0212 3456 7890 123", "联系我alice@example.com谢谢，QQ 12345678",
)
EVERYDAY_NUMERALS = (
    "第一次买，一心一意", "三三两两来取货", "二〇二四年一月一日下单", "一二三四五六七八九十",
    "七夕前一定送到", "一三八一二三四五六七，十位而已",
)
SPELLED_MOBILES = (
    "电话一三八一二三四五六七八", "手机幺三八 幺二三四 五六七八，晚上打",
    "壹叁捌-壹贰叁肆-伍陆柒捌", "联系一五九〇〇〇〇幺二三四一定要打",
)


def best_microseconds(mask: Callable[[str], str], notes: Sequence[str], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        for note in notes:
            mask(note)
        best = min(best, time.perf_counter() - started)
    return best / len(notes) * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--notes", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    for label, kinds in (("no digit, @ or WeChat word", PLAIN), ("with digits", WITH_DIGITS),
                         ("everyday Chinese numerals", EVERYDAY_NUMERALS),
                         ("mobiles in Chinese numerals", SPELLED_MOBILES)):
        notes = [kinds[i % len(kinds)] for i in range(args.notes)]
        print(f"{label:<28} {best_microseconds(mask_free_text, notes, args.rounds):8.1f} µs/note")


if __name__ == "__main__":
    main()
