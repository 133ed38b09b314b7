#!/usr/bin/env bash
# The import command on a Django auth database of N people (default 10,000): made by Debian's Django (the article's
# registration view for a few, the rest bulk-created with one real PBKDF2 hash), then imported into a fresh H2 file
# (and into a fresh PostgreSQL schema when LATCHKEY_DB_* are set) with the progress bar. Prints people/s for the
# dry run (reading + the rules: the floor) and for the import, and their ratio. Asserts nothing.
#   bash bench/import.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/jdk.sh
count=${1:-10000}
[ -f target/latchkey-import.jar ] || mvn -q -DskipTests package
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
key=$(head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
started=$(date +%s.%N)
printf '{"key":"%s","register":[{"first_name":"Ann","last_name":"Lee","email":"ann@example.test","password":"ann-%s"}],"bulk":{"count":%d,"password":"bulk-%s"}}' \
  "$key" "$key" "$count" "$key" | /usr/bin/python3 src/test/python/django_auth.py "$work/django.sqlite3" > /dev/null
printf 'Django database of %d people made in %.1f s (%s)\n' "$((count + 1))" "$(echo "$(date +%s.%N) - $started" | bc)" \
  "$(du -h "$work/django.sqlite3" | cut -f1)"

run() { # label, then the command's arguments; the progress bar on this terminal, the summary lines printed
  local t0 t1
  t0=$(date +%s.%N)
  "$java" -jar target/latchkey-import.jar "${@:2}" --progress > "$work/out"
  t1=$(date +%s.%N)
  grep -E '^(Read|Added|Would add|Dry run done|Done)' "$work/out" | sed "s/^/  $1: /" >&2
  echo "$t1 - $t0" | bc
}

h2() { env -u LATCHKEY_DB_HOST LATCHKEY_DATA_DIR="$work/h2" bash -c "$(declare -f run); java='$java' work='$work' run \"\$@\"" h2 "$@"; }
h2_dry=$(h2 "H2 dry run" --from "sqlite:$work/django.sqlite3" --dry-run)
h2=$(h2 "H2 import" --from "sqlite:$work/django.sqlite3")
h2_again=$(h2 "H2 re-run" --from "sqlite:$work/django.sqlite3")
people=$((count + 1))
printf 'H2, %d people, whole command (JVM start included): dry run %.2f s = %.0f/s; import %.2f s = %.0f/s (%.2fx the dry run); re-run %.2f s = %.0f/s\n' \
  "$people" "$h2_dry" "$(echo "$people / $h2_dry" | bc -l)" "$h2" "$(echo "$people / $h2" | bc -l)" \
  "$(echo "$h2 / $h2_dry" | bc -l)" "$h2_again" "$(echo "$people / $h2_again" | bc -l)"

if [ -n "${LATCHKEY_DB_HOST:-}" ]; then
  schema="bench_import_$$"
  PGPASSWORD="$LATCHKEY_DB_PASSWORD" psql -q -h "$LATCHKEY_DB_HOST" -p "$LATCHKEY_DB_PORT" -U "$LATCHKEY_DB_USER" \
    "$LATCHKEY_DB_NAME" -c "CREATE SCHEMA $schema"
  url="jdbc:postgresql://$LATCHKEY_DB_HOST:$LATCHKEY_DB_PORT/$LATCHKEY_DB_NAME?currentSchema=$schema"
  pg=$(run "PostgreSQL import" --from "sqlite:$work/django.sqlite3" --to "$url")
  pg_again=$(run "PostgreSQL re-run" --from "sqlite:$work/django.sqlite3" --to "$url")
  PGPASSWORD="$LATCHKEY_DB_PASSWORD" psql -q -h "$LATCHKEY_DB_HOST" -p "$LATCHKEY_DB_PORT" -U "$LATCHKEY_DB_USER" \
    "$LATCHKEY_DB_NAME" -c "SET client_min_messages = warning" -c "DROP SCHEMA $schema CASCADE"
  printf 'PostgreSQL, %d people: import %.2f s = %.0f/s (%.2fx the H2 dry run); re-run %.2f s = %.0f/s\n' "$people" \
    "$pg" "$(echo "$people / $pg" | bc -l)" "$(echo "$pg / $h2_dry" | bc -l)" "$pg_again" "$(echo "$people / $pg_again" | bc -l)"
fi
