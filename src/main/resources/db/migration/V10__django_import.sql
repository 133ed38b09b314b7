-- People the import command brought from a Django auth service: a SHA-256 digest of their row as the import last
-- wrote it. A re-run updates a row only while it still has that digest, so what changed at Latchkey since (a sign-in
-- re-hashes the password, a new name, a role) is never undone; a row without a line here is Latchkey's own and is
-- never written by the import.
CREATE TABLE django_import (
    user_id     BIGINT                   NOT NULL,
    row_digest  VARCHAR(64)              NOT NULL,
    imported_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT django_import_pk PRIMARY KEY (user_id),
    CONSTRAINT django_import_user_fk FOREIGN KEY (user_id) REFERENCES latchkey_user (id) ON DELETE CASCADE
);
