-- The server's side of each refresh token: only a SHA-256 hash of its jti, so the table holds no usable token.
CREATE SEQUENCE refresh_token_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE refresh_token (
    id         BIGINT                   NOT NULL,
    jti_hash   VARCHAR(64)              NOT NULL,
    user_id    BIGINT                   NOT NULL,
    issued_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT refresh_token_pk PRIMARY KEY (id),
    CONSTRAINT refresh_token_jti_hash_uk UNIQUE (jti_hash),
    CONSTRAINT refresh_token_user_fk FOREIGN KEY (user_id) REFERENCES latchkey_user (id) ON DELETE CASCADE
);

CREATE INDEX refresh_token_user_idx ON refresh_token (user_id);
