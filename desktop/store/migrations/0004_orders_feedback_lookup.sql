-- Indexes for the orders and feedback screens: each filter of the lists, newest first, is
-- served by an index range (keyset paging and counts never scan the whole table).
-- Not part of the bulk-load drop/rebuild set (that is exactly migration 0002).

CREATE INDEX ix_orders_status_ordered ON orders(status, ordered_at);
CREATE INDEX ix_orders_channel_ordered ON orders(channel, ordered_at);
CREATE INDEX ix_feedback_received ON feedback(received_at);
CREATE INDEX ix_feedback_kind_received ON feedback(kind, received_at);
CREATE INDEX ix_feedback_assignee ON feedback(assignee_user_id, received_at)
    WHERE assignee_user_id IS NOT NULL;
CREATE INDEX ix_feedback_order ON feedback(order_id) WHERE order_id IS NOT NULL;
