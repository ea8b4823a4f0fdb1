-- Customer search and sorting (issue 3). No triggers: desktop/store/search_keys.py keeps the
-- search columns and tables in step with each customer, in the transaction that changes it,
-- and desktop/store/bulk.py fills them after a bulk load. The indexes below are dropped and
-- rebuilt by a bulk load like those of migration 0002.

-- Pinyin of the name ("zhangsan") and its initials ("zs"), lower case; prefix searches use
-- ranges (>= ? AND < ?), which the indexes serve (a LIKE 'zs%' would not, being
-- case-insensitive). The second column lets "newest first" be sorted from the index alone.
ALTER TABLE customers ADD COLUMN name_pinyin TEXT NOT NULL DEFAULT '';
ALTER TABLE customers ADD COLUMN name_initials TEXT NOT NULL DEFAULT '';

-- Every Chinese character of a name, and every pair of neighbouring Chinese characters
-- (other characters skipped): 张三丰 → 张 三 丰 张三 三丰. A search for one or two characters
-- (王, 张伟), which FTS5's trigram tokenizer cannot answer, reads one key range, already in
-- created_at order.
CREATE TABLE customer_name_grams (
    gram        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    customer_id INTEGER NOT NULL,
    PRIMARY KEY (gram, created_at, customer_id)
) WITHOUT ROWID;

-- Substrings of three or more characters of name, e-mail, WeChat ID and member number (rowid =
-- customer id; body = those four joined by line feeds). Contentless: the text lives in
-- customers only; removing an entry passes the old body back ('delete' command).
CREATE VIRTUAL TABLE customer_text_fts USING fts5(
    body, content = '', tokenize = 'trigram', columnsize = 0
);

-- Customers stored before this migration get their search keys from the program on the next
-- open (desktop/store/search_keys.py: refresh_stale).
CREATE TABLE customer_search_stale (
    customer_id INTEGER PRIMARY KEY
);
INSERT INTO customer_search_stale (customer_id) SELECT id FROM customers;

-- One index per sort order of the customer list, ending in the id (keyset paging), and for the
-- level and city filters. created_at and the tag filter use migration 0002's indexes.
CREATE INDEX ix_customers_pinyin ON customers(name_pinyin, created_at);
CREATE INDEX ix_customers_initials ON customers(name_initials, created_at);
CREATE INDEX ix_customers_member_sort ON customers(ifnull(member_no, char(1114111)));
CREATE INDEX ix_customers_points ON customers(points);
CREATE INDEX ix_customers_balance ON customers(balance_cents);
CREATE INDEX ix_customers_level ON customers(level, created_at);
CREATE INDEX ix_customers_city ON customers(city, created_at);
