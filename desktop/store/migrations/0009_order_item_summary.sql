-- An order item that only sums the order up (an order-list export packs all of an order's
-- products into one title cell: "西湖龙井 250g，青瓷茶杯" with the order's total quantity) is
-- marked, so that importing the detail list later replaces it with the real items
-- (desktop/exchange/plan_changes.py). Items stored before this migration count as real lines.
ALTER TABLE order_items ADD COLUMN summary INTEGER NOT NULL DEFAULT 0 CHECK (summary IN (0, 1));
