-- The trigram index in three columns (desktop/store/search_keys.py: text_columns), so that a
-- role that sees e-mail, WeChat ID and phone-like member numbers masked can search substrings
-- of names and ordinary member numbers without probing those hidden values character by
-- character: its searches name the columns `name` and `member` only, and find `private`
-- values by the whole value (desktop/store/search_terms.py).
--   name     the customer's name
--   member   the member number, unless it looks like a phone, ID or card number
--   private  e-mail, WeChat ID and such a number-like member number, joined by line feeds
-- The expressions below are search_keys.TEXT_COLUMNS_SQL (a test holds them equal): the
-- table is contentless, and removing an entry must pass back exactly what was indexed.
-- Customers still waiting for their keys (customer_search_stale) get them on open, as before.

DROP TABLE customer_text_fts;

CREATE VIRTUAL TABLE customer_text_fts USING fts5(
    name, member, private, content = '', tokenize = 'trigram', columnsize = 0
);

INSERT INTO customer_text_fts (rowid, name, member, private)
SELECT c.id,
       c.name,
       CASE WHEN (replace(replace(c.member_no, ' ', ''), '-', '') <> '' AND replace(replace(c.member_no, ' ', ''), '-', '') NOT GLOB '*[^0-9+Xx]*' AND (length(replace(replace(c.member_no, ' ', ''), '-', '')) >= 11 OR replace(replace(c.member_no, ' ', ''), '-', '') GLOB '+*')) THEN '' ELSE ifnull(c.member_no, '') END,
       ifnull(c.email, '') || char(10) || ifnull(c.wechat_id, '') || char(10) || CASE WHEN (replace(replace(c.member_no, ' ', ''), '-', '') <> '' AND replace(replace(c.member_no, ' ', ''), '-', '') NOT GLOB '*[^0-9+Xx]*' AND (length(replace(replace(c.member_no, ' ', ''), '-', '')) >= 11 OR replace(replace(c.member_no, ' ', ''), '-', '') GLOB '+*')) THEN c.member_no ELSE '' END
FROM customers c
WHERE c.id NOT IN (SELECT customer_id FROM customer_search_stale)
ORDER BY c.id;
