#!/usr/bin/env bash
# What checking a password imported from Django costs against Latchkey's own bcrypt-sha256 (cost 12): one thread,
# PBKDF2-SHA256 at the iteration counts of Django 3.2 / 4.2 / 5.1 / 5.2, plain bcrypt. Prints figures; asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/jdk.sh
mvn -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
"${JAVA_HOME:+$JAVA_HOME/bin/}java" -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  org.latchkey.password.PasswordSchemesBench 2>&1 | grep -vE '^WARNING: '
