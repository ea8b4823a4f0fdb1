-- Initial schema (DESIGN §3). Money in integer cents; times are UTC ISO-8601 text.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE users (
    id             INTEGER PRIMARY KEY,
    username       TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name   TEXT NOT NULL DEFAULT '',
    role           TEXT NOT NULL CHECK (role IN ('owner', 'manager', 'staff', 'auditor')),
    secret_hash    TEXT NOT NULL,
    uses_pin       INTEGER NOT NULL DEFAULT 0 CHECK (uses_pin IN (0, 1)),
    password_stamp TEXT NOT NULL DEFAULT '',
    disabled       INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);

-- Keyed by the name typed, whether or not such a user exists, so an unknown name and a wrong
-- password are throttled alike.
CREATE TABLE login_throttle (
    username        TEXT PRIMARY KEY COLLATE NOCASE,
    failures        INTEGER NOT NULL DEFAULT 0,
    last_failure_at TEXT,
    blocked_until   TEXT
) WITHOUT ROWID;

CREATE TABLE customers (
    id              INTEGER PRIMARY KEY,
    member_no       TEXT,
    name            TEXT NOT NULL DEFAULT '',
    gender          TEXT NOT NULL DEFAULT '' CHECK (gender IN ('', 'female', 'male', 'other')),
    birthday        TEXT,
    phone           TEXT,
    email           TEXT,
    wechat_id       TEXT,
    province        TEXT NOT NULL DEFAULT '',
    city            TEXT NOT NULL DEFAULT '',
    district        TEXT NOT NULL DEFAULT '',
    address_detail  TEXT NOT NULL DEFAULT '',
    level           TEXT NOT NULL DEFAULT '',
    points          INTEGER NOT NULL DEFAULT 0,
    balance_cents   INTEGER NOT NULL DEFAULT 0,
    notes           TEXT NOT NULL DEFAULT '',
    source          TEXT NOT NULL DEFAULT '',
    -- Sensitive personal information (PIPL Art. 28): ciphertext under the owner-only field
    -- key, its masked form, and a keyed HMAC for exact-match search. Filled by a later issue.
    id_number_masked TEXT,
    id_number_hmac   BLOB,
    id_number_sealed BLOB,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);

CREATE TABLE customer_tags (
    customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    tag         TEXT NOT NULL,
    PRIMARY KEY (customer_id, tag)
) WITHOUT ROWID;

CREATE TABLE orders (
    id             INTEGER PRIMARY KEY,
    order_no       TEXT NOT NULL,
    channel        TEXT NOT NULL DEFAULT '',
    customer_id    INTEGER REFERENCES customers(id) ON DELETE SET NULL,
    status         TEXT NOT NULL CHECK (status IN
                   ('pending', 'paid', 'shipped', 'completed', 'cancelled', 'refunded')),
    ordered_at     TEXT NOT NULL,
    total_cents    INTEGER NOT NULL DEFAULT 0,
    discount_cents INTEGER NOT NULL DEFAULT 0,
    shipping_cents INTEGER NOT NULL DEFAULT 0,
    paid_cents     INTEGER NOT NULL DEFAULT 0,
    ship_name      TEXT NOT NULL DEFAULT '',
    ship_phone     TEXT NOT NULL DEFAULT '',
    ship_address   TEXT NOT NULL DEFAULT '',
    notes          TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);

CREATE TABLE order_items (
    id               INTEGER PRIMARY KEY,
    order_id         INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    sku              TEXT NOT NULL DEFAULT '',
    product_name     TEXT NOT NULL,
    quantity         INTEGER NOT NULL CHECK (quantity > 0),
    unit_price_cents INTEGER NOT NULL,
    amount_cents     INTEGER NOT NULL
);

CREATE TABLE feedback (
    id               INTEGER PRIMARY KEY,
    customer_id      INTEGER REFERENCES customers(id) ON DELETE SET NULL,
    order_id         INTEGER REFERENCES orders(id) ON DELETE SET NULL,
    kind             TEXT NOT NULL CHECK (kind IN ('review', 'complaint', 'inquiry', 'suggestion')),
    rating           INTEGER CHECK (rating BETWEEN 1 AND 5),
    channel          TEXT NOT NULL DEFAULT '',
    status           TEXT NOT NULL DEFAULT 'open'
                     CHECK (status IN ('open', 'in_progress', 'resolved')),
    assignee_user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    content          TEXT NOT NULL DEFAULT '',
    resolution       TEXT NOT NULL DEFAULT '',
    received_at      TEXT NOT NULL,
    resolved_at      TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);

CREATE TABLE consents (
    id                  INTEGER PRIMARY KEY,
    customer_id         INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    purpose             TEXT NOT NULL,
    granted             INTEGER NOT NULL CHECK (granted IN (0, 1)),
    channel             TEXT NOT NULL DEFAULT '',
    evidence            TEXT NOT NULL DEFAULT '',
    recorded_by_user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    recorded_at         TEXT NOT NULL,
    withdrawn_at        TEXT
);

CREATE TABLE data_requests (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER REFERENCES customers(id) ON DELETE SET NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('access', 'correct', 'delete', 'portability')),
    requester   TEXT NOT NULL DEFAULT '',
    received_at TEXT NOT NULL,
    due_at      TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'open'
                CHECK (status IN ('open', 'in_progress', 'done', 'rejected')),
    notes       TEXT NOT NULL DEFAULT '',
    closed_at   TEXT,
    handled_by_user_id INTEGER REFERENCES users(id) ON DELETE SET NULL
);

-- Hash-chained: hash = SHA-256(prev_hash || canonical entry). Never updated, never deleted.
CREATE TABLE audit_log (
    seq       INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    target    TEXT NOT NULL DEFAULT '',
    details   TEXT NOT NULL DEFAULT '{}',
    prev_hash BLOB NOT NULL,
    hash      BLOB NOT NULL
);
