-- A line per change of a person's standing (deactivated or reactivated, a role, the second from which their access
-- tokens count): every instance reads the new lines each second and drops those people from its in-memory cache
-- of standings, so a change made on one instance holds on every other within about a second. Lines older than an
-- hour are deleted.
CREATE TABLE standing_change (
    id          VARCHAR(36)              NOT NULL,
    user_uuid   VARCHAR(36)              NOT NULL,
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT standing_change_pk PRIMARY KEY (id)
);

CREATE INDEX standing_change_at_idx ON standing_change (changed_at);
