-- Failed sign-in attempts, counted where every instance looks: one row per account, client address (IPv6 by /64)
-- or known device, keyed by a SHA-256 hash of that name (no address or email is stored). A row is forgotten at
-- forget_at: the end of its current wait plus the window; housekeeping deletes it then.
CREATE TABLE throttle_count (
    key_hash     VARCHAR(64)              NOT NULL,
    failures     INTEGER                  NOT NULL,
    last_failure TIMESTAMP WITH TIME ZONE NOT NULL,
    forget_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT throttle_count_pk PRIMARY KEY (key_hash)
);

CREATE INDEX throttle_count_forget_idx ON throttle_count (forget_at);

-- Housekeeping deletes refresh tokens a day after they expired or were revoked.
CREATE INDEX refresh_token_expires_idx ON refresh_token (expires_at);
