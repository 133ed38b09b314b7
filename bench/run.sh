#!/usr/bin/env bash
# The consumer's benchmark: JMH (cold and repeat verification, raw HMAC floor, one thread and all cores),
# simplejwt on the same token, and wrk against a downstream service. Prints figures; asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
missing=()
for p in wrk python3-django python3-djangorestframework-simplejwt python3-jwt; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
source bench/jdk.sh
mvn -q -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
"${JAVA_HOME:+$JAVA_HOME/bin/}java" -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  -Dpayara.microJar=target/payara-micro.jar -Dlatchkey.consumerJar=target/latchkey-consumer.jar \
  org.latchkey.bench.Bench 2>&1 | grep -vE '^(# |Iteration|WARNING: )' | grep -v '^$' | tail -n 40
