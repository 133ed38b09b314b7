-- People. Types chosen to mean the same on H2 and PostgreSQL: 64-bit ids, timestamps with time zone.
-- email_key is the lower-cased email; its unique constraint makes addresses unique regardless of case.
CREATE SEQUENCE latchkey_user_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE latchkey_user (
    id           BIGINT                   NOT NULL,
    uuid         VARCHAR(36)              NOT NULL,
    email        VARCHAR(254)             NOT NULL,
    email_key    VARCHAR(254)             NOT NULL,
    first_name   VARCHAR(150)             NOT NULL,
    last_name    VARCHAR(150)             NOT NULL,
    password     VARCHAR(128)             NOT NULL,
    is_active    BOOLEAN                  NOT NULL,
    is_staff     BOOLEAN                  NOT NULL,
    is_superuser BOOLEAN                  NOT NULL,
    date_joined  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_login   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT latchkey_user_pk PRIMARY KEY (id),
    CONSTRAINT latchkey_user_uuid_uk UNIQUE (uuid),
    CONSTRAINT latchkey_user_email_key_uk UNIQUE (email_key)
);
