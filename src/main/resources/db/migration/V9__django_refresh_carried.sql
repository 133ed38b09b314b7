-- Switch-over from the article's Django auth service: each Django-minted refresh token is turned into a Latchkey
-- sign-in once. The SHA-256 of its jti is kept here (as long as such a token could still be presented), so a second
-- use, on any instance, is refused.
CREATE TABLE django_refresh_carried (
    jti_hash   VARCHAR(64)              NOT NULL,
    user_id    BIGINT                   NOT NULL,
    carried_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT django_refresh_carried_pk PRIMARY KEY (jti_hash)
);
