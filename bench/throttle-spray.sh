#!/usr/bin/env bash
# What 100 000 distinct failed sign-ins leave in PostgreSQL: the throttle's rows (the migration's own DDL, in a
# scratch schema), written as Latchkey writes them — one row per hashed key, inserted, then locked and updated —
# their size on disk, and how long the housekeeping's delete takes once they are forgotten. The JVM keeps nothing
# per key (the counts live only in the table). Prints figures; asserts nothing.
# Uses LATCHKEY_DB_HOST/_PORT/_NAME/_USER/_PASSWORD, or the local cluster as the postgres user.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
if [ -n "${LATCHKEY_DB_HOST:-}" ]; then
  psql_() { PGPASSWORD="$LATCHKEY_DB_PASSWORD" psql -h "$LATCHKEY_DB_HOST" -p "${LATCHKEY_DB_PORT:-5432}" \
    -U "$LATCHKEY_DB_USER" -d "$LATCHKEY_DB_NAME" -v ON_ERROR_STOP=1 -qAt "$@"; }
else
  psql_() { su postgres -c "psql -v ON_ERROR_STOP=1 -qAt $(printf '%q ' "$@")"; }
fi
ddl=$(sed -n '/CREATE TABLE throttle_count/,/throttle_count_forget_idx/p' src/main/resources/db/migration/V6__throttle.sql)
psql_ <<SQL
DROP SCHEMA IF EXISTS throttle_spray CASCADE;
CREATE SCHEMA throttle_spray;
SET search_path = throttle_spray;
$ddl
\timing on
-- every failure of a spray is a key never seen before: the row is made (its own transaction in Latchkey) ...
INSERT INTO throttle_count SELECT encode(sha256(('account:spray' || i || '@example.test')::bytea), 'hex'), 0,
  now(), now() FROM generate_series(1, $n) i;
-- ... then locked and counted
UPDATE throttle_count SET failures = 1, last_failure = now(), forget_at = now() + interval '15 minutes';
\timing off
SELECT 'FIGURES ' || count(*) || ' rows after ' || $n || ' distinct failures: table '
  || pg_size_pretty(pg_relation_size('throttle_count')) || ', with its indexes '
  || pg_size_pretty(pg_total_relation_size('throttle_count')) || ' ('
  || round(pg_total_relation_size('throttle_count')::numeric / count(*)) || ' bytes a row)' FROM throttle_count;
UPDATE throttle_count SET forget_at = now() - interval '1 second';
\timing on
DELETE FROM throttle_count WHERE forget_at < now();
\timing off
SELECT 'FIGURES after the housekeeping delete: ' || count(*) || ' rows' FROM throttle_count;
DROP SCHEMA throttle_spray CASCADE;
SQL
