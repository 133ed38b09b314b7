-- Verified addresses: accounts made before this version were never verified (with verification required they
-- confirm their address at their next sign-in; the first superuser is marked verified at start-up).
ALTER TABLE latchkey_user ADD COLUMN email_verified BOOLEAN DEFAULT FALSE NOT NULL;

-- Links sent by email (password reset, address verification, change of address and its undo): only a SHA-256
-- hash of the token is kept, so the table holds no usable link. A link is used once (used_at), expires, and is
-- retired (used_at) when a newer link of the same purpose is sent or the password changes.
CREATE SEQUENCE email_link_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE email_link (
    id         BIGINT                   NOT NULL,
    token_hash VARCHAR(64)              NOT NULL,
    user_id    BIGINT                   NOT NULL,
    purpose    VARCHAR(16)              NOT NULL,
    address    VARCHAR(254),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT email_link_pk PRIMARY KEY (id),
    CONSTRAINT email_link_token_hash_uk UNIQUE (token_hash),
    CONSTRAINT email_link_user_fk FOREIGN KEY (user_id) REFERENCES latchkey_user (id) ON DELETE CASCADE
);

CREATE INDEX email_link_user_idx ON email_link (user_id, purpose);

-- Every mail sent, by lower-cased address and kind, for the hourly limit per address that every instance counts
-- the same (no mail content is kept).
CREATE SEQUENCE mail_sent_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE mail_sent (
    id          BIGINT                   NOT NULL,
    address_key VARCHAR(254)             NOT NULL,
    kind        VARCHAR(32)              NOT NULL,
    sent_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT mail_sent_pk PRIMARY KEY (id)
);

CREATE INDEX mail_sent_address_idx ON mail_sent (address_key, kind, sent_at);
