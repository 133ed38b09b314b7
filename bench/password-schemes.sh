#!/usr/bin/env bash
# What checking a password imported from Django costs against Latchkey's own bcrypt-sha256 (cost 12): one thread,
# PBKDF2-SHA256 at the iteration counts of Django 3.2 / 4.2 / 5.1 / 5.2, plain bcrypt, argon2, hashes that match nothing;
# each against the unknown address, idle and while a login flood runs (BENCH_SECONDS a case, default 3). Prints
# figures; asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/jdk.sh
mvn -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
"${JAVA_HOME:+$JAVA_HOME/bin/}java" -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" ${BENCH_SECONDS:+-Dbench.seconds=$BENCH_SECONDS} \
  org.latchkey.password.PasswordSchemesBench 2>&1 | grep -vE '^WARNING: '
