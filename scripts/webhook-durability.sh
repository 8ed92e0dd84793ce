#!/usr/bin/env bash
# Webhook durability (issue 19): the receiver is down while N tickets are opened, the application is killed with
# SIGKILL mid-delivery, the receiver comes up and the application restarts on the same database; counts the events
# lost and duplicated (by webhook-id) and the time to drain. Loopback only; a few minutes.
#   scripts/webhook-durability.sh [N] [h2|pg] [PG_DATABASE]
# pg: a schema of its own (webhook_durab, dropped first) in PG_DATABASE on 127.0.0.1:5432; h2: a file under /tmp.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-500}
DB=${2:-h2}
PGDB=${3:-entente}
WORK=${WORK:-/tmp/entente-webhook-durability/$DB}
rm -rf "$WORK"; mkdir -p "$WORK"
mvn -o -B -q -DskipTests compile test-compile
if mvn -o -B -q dependency:build-classpath -Dmdep.outputFile=target/runtime-classpath.txt -Dmdep.includeScope=runtime \
   && mvn -o -B -q dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test; then
  echo "$PWD/target/classes:$(cat target/runtime-classpath.txt)" > "$WORK/app-classpath.txt"
else
  # Offline without the dependency plugin: the test class path of a Surefire report (run any test once), without
  # the test classes for the application (its test-scope jars are inert there).
  REPORT=$(ls target/surefire-reports/TEST-*.xml | head -n 1)
  grep -o 'name="surefire.test.class.path" value="[^"]*"' "$REPORT" | sed 's/.*value="//; s/"$//' | tr ':' '\n' \
    | grep -v '/target/test-classes$' | grep -v '/target/classes$' | paste -sd: > target/test-classpath.txt
  echo "$PWD/target/classes:$(cat target/test-classpath.txt)" > "$WORK/app-classpath.txt"
fi
if [ "$DB" = pg ]; then
  psql -h 127.0.0.1 -U postgres -d "$PGDB" -q -c 'drop schema if exists webhook_durab cascade' -c 'create schema webhook_durab'
  URL="jdbc:postgresql://127.0.0.1:5432/$PGDB?currentSchema=webhook_durab"; USER=postgres
else
  URL="jdbc:h2:file:$WORK/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE;WRITE_DELAY=0"; USER=sa
fi
java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" org.entente.benchmark.WebhookDurabilityRun \
  "$WORK/app-classpath.txt" "$URL" "$USER" "$N" "$WORK" | tee "$WORK/run.txt"
