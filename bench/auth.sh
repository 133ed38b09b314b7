#!/usr/bin/env bash
# The auth server's benchmark: bare bcrypt (the floor), then Latchkey on Payara Micro — logins/s (API and form) at 2
# and 8 connections, silent and API refreshes/s, /api/me alone and during a 50-connection login flood, anonymous
# GET /login and the memory 20 000 views cost, start-up and memory against an empty WAR. Prints figures; asserts
# nothing. On PostgreSQL when LATCHKEY_DB_HOST/_PORT/_NAME/_USER/_PASSWORD are set, else on the embedded H2.
# Usage: bash bench/auth.sh [bcrypt cost ...]   (default: 12 10); BENCH_PASSWORD_CONCURRENCY=1 runs it with fewer
# bcrypt checks at once than cores (latchkey.password.concurrency)
set -euo pipefail
cd "$(dirname "$0")/.."
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
dpkg -s wrk >/dev/null 2>&1 || { as_root apt-get update -q; as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk; }
source bench/jdk.sh
mvn -q -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
costs=("$@"); [ ${#costs[@]} -gt 0 ] || costs=(12 10)
for cost in "${costs[@]}"; do
  "${JAVA_HOME:+$JAVA_HOME/bin/}java" -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    -Dpayara.microJar=target/payara-micro.jar -Dbench.cost="$cost" ${BENCH_SECONDS:+-Dbench.seconds=$BENCH_SECONDS} \
    ${BENCH_PASSWORD_CONCURRENCY:+-Dbench.passwordConcurrency=$BENCH_PASSWORD_CONCURRENCY} \
    ${LATCHKEY_DB_HOST:+-Dlatchkey.postBoot=payara-config/post-boot-commands-postgresql.asadmin} \
    org.latchkey.bench.AuthBench 2>&1 | grep -vE '^(WARNING: |SLF4J)' | grep -v '^$'
done
