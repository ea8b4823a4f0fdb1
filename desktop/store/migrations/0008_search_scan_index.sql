-- The customer list of a short Latin search ("z", "li", "@ya": tens of thousands of matches)
-- in "newest"/"oldest" order. The matches are found by walking created_at and testing each
-- customer's name, pinyin, initials, member number, WeChat ID and e-mail; with this index the
-- walk reads those from the index alone instead of decrypting a random table page per
-- customer (desktop/store/customer_search.py: the "scan" plan; search_terms.SCAN_INDEX).
-- `id` is spelled out so that the index is ordered by (created_at, id), the list's keyset.
-- A plain index on customers: SQLite keeps it in step with every insert, update and delete,
-- and a bulk load drops and rebuilds it with the others.
CREATE INDEX ix_customers_created_search ON customers(
    created_at, id, name_pinyin, name_initials, name, member_no, wechat_id, email
);
