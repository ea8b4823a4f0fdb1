"""The free-text masker per note: notes with nothing to find (the fast path) and notes with
phones, IDs, cards, e-mails and addresses in them.

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
    for label, kinds in (("no digit, @ or WeChat word", PLAIN), ("with digits", WITH_DIGITS)):
        notes = [kinds[i % len(kinds)] for i in range(args.notes)]
        print(f"{label:<28} {best_microseconds(mask_free_text, notes, args.rounds):8.1f} µs/note")


if __name__ == "__main__":
    main()
