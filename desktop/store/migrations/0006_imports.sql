-- Imports (issue 4): each import is a batch; every record it created or updated is listed
-- with the values it replaced, so the whole import can be undone later. Platform identities
-- (a Taobao buyer nick, a Shopify customer e-mail at a platform) match customers across files.

CREATE TABLE import_batches (
    id          INTEGER PRIMARY KEY,
    file_name   TEXT NOT NULL,
    sheet       TEXT NOT NULL DEFAULT '',
    target      TEXT NOT NULL CHECK (target IN ('customers', 'orders', 'feedback')),
    imported_at TEXT NOT NULL,
    imported_by TEXT NOT NULL,
    counts      TEXT NOT NULL DEFAULT '{}',
    undone_at   TEXT,
    undone_by   TEXT
);

-- before / after: JSON objects of the changed columns (updates only), so that undo restores
-- exactly those and only when nothing changed them since.
CREATE TABLE import_changes (
    batch_id  INTEGER NOT NULL REFERENCES import_batches(id) ON DELETE CASCADE,
    entity    TEXT NOT NULL CHECK (entity IN ('customer', 'account', 'order', 'feedback')),
    entity_id INTEGER NOT NULL,
    action    TEXT NOT NULL CHECK (action IN ('created', 'updated')),
    before    TEXT,
    after     TEXT,
    PRIMARY KEY (batch_id, entity, entity_id)
) WITHOUT ROWID;

CREATE TABLE customer_accounts (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    platform    TEXT NOT NULL,
    account     TEXT NOT NULL,
    UNIQUE (platform, account)
);

CREATE INDEX ix_customer_accounts_customer ON customer_accounts(customer_id);
CREATE INDEX ix_orders_order_no ON orders(order_no);
CREATE INDEX ix_feedback_received_content ON feedback(received_at, content);
