-- Indexes for the everyday lookups. Kept in their own migration so that a bulk load can drop
-- and rebuild exactly this set (see desktop/store/bulk.py).

CREATE UNIQUE INDEX ix_customers_member_no ON customers(member_no) WHERE member_no IS NOT NULL;
CREATE INDEX ix_customers_phone ON customers(phone) WHERE phone IS NOT NULL;
CREATE INDEX ix_customers_phone_last4 ON customers(substr(phone, -4)) WHERE phone IS NOT NULL;
CREATE INDEX ix_customers_email ON customers(email COLLATE NOCASE) WHERE email IS NOT NULL;
CREATE INDEX ix_customers_wechat ON customers(wechat_id) WHERE wechat_id IS NOT NULL;
CREATE INDEX ix_customers_id_hmac ON customers(id_number_hmac) WHERE id_number_hmac IS NOT NULL;
CREATE INDEX ix_customers_created ON customers(created_at);
CREATE INDEX ix_customer_tags_tag ON customer_tags(tag, customer_id);
CREATE UNIQUE INDEX ix_orders_channel_no ON orders(channel, order_no);
CREATE INDEX ix_orders_customer ON orders(customer_id, ordered_at);
CREATE INDEX ix_orders_ordered ON orders(ordered_at);
CREATE INDEX ix_order_items_order ON order_items(order_id);
CREATE INDEX ix_feedback_customer ON feedback(customer_id, received_at);
CREATE INDEX ix_feedback_status ON feedback(status, received_at);
CREATE INDEX ix_consents_customer ON consents(customer_id);
CREATE INDEX ix_data_requests_status ON data_requests(status, due_at);
CREATE INDEX ix_audit_target ON audit_log(target);
