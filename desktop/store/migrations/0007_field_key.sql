-- The owner-only field key (DESIGN §2, last bullet). Its public key is kept here in clear
-- (inside the encrypted database), so every role that writes a customer can seal a resident
-- ID to it; the private key only wrapped: under an Argon2id key of the owner password and
-- under the recovery code. A password wrap belongs to the key file's password stamp, so an
-- owner password change is safe against a crash between the key file and this table: the
-- wrap whose stamp the key file carries is the one used. The sealed value, its masked form
-- and a keyed HMAC for exact-match search are the customers.id_number_* columns (0001/0002).
-- A shop created before this migration gets its key pair at the owner's next login.

CREATE TABLE field_keys (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    public_key  BLOB NOT NULL,
    created_at  TEXT NOT NULL
);

CREATE TABLE field_key_wraps (
    kind        TEXT NOT NULL CHECK (kind IN ('password', 'recovery')),
    stamp       TEXT NOT NULL DEFAULT '',
    salt        BLOB NOT NULL,
    memory_kib  INTEGER NOT NULL,
    time_cost   INTEGER NOT NULL,
    parallelism INTEGER NOT NULL,
    nonce       BLOB NOT NULL,
    ciphertext  BLOB NOT NULL,
    created_at  TEXT NOT NULL,
    PRIMARY KEY (kind, stamp)
) WITHOUT ROWID;
