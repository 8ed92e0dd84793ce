#!/usr/bin/env bash
# Durability under failure (issue 17): tickets created at a fixed rate on PostgreSQL while the application is killed
# with SIGKILL and restarted, then PostgreSQL itself is restarted; at the end, every acknowledged creation must exist
# exactly once and every mail must have arrived once. Uses a PostgreSQL cluster of its own on 127.0.0.1:5433 (created
# if needed) so that nothing else on the machine is restarted. Loopback only; about 3 minutes. A mail claimed by the
# killed instance and not confirmed is sent after its lease (20 s here, shorter than the drain; SMTP timeouts 5 s).
# The journal's syslog receivers are off: another application on the machine may hold their port.
#   scripts/durability.sh [RATE] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
RATE=${1:-20}
SECONDS_OF_LOAD=${2:-60}
PGPORT=5433
APP_PORT=18181
SMTP_PORT=13025
export ENTENTE_DEMO_PASSWORD=durability
VERSION=$(ls /etc/postgresql | head -n 1)

if ! pg_lsclusters -h | awk '{print $2}' | grep -qx durab; then
  pg_createcluster "$VERSION" durab -p "$PGPORT" -- --auth=trust >/dev/null
fi
pg_ctlcluster "$VERSION" durab start 2>/dev/null || true
for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p "$PGPORT" -q && break; sleep 1; done
psql -h 127.0.0.1 -p "$PGPORT" -U postgres -q -c 'drop database if exists durab' -c 'create database durab'

mvn -B -ntp -q -DskipTests package
mvn -B -ntp -q dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
JAR=target/entente-0.1.0-SNAPSHOT.jar
CP=target/test-classes:target/classes:$(cat target/test-classpath.txt)
LOG=target/durability
mkdir -p "$LOG"

start_app() {
  SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PGPORT/durab" SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD= \
  ENTENTE_MAIL_ENABLED=true SPRING_MAIL_HOST=127.0.0.1 SPRING_MAIL_PORT=$SMTP_PORT ENTENTE_MAIL_RETRY_AFTER=PT5S ENTENTE_MAIL_RETRY_EVERY=PT5S \
  ENTENTE_MAIL_LEASE=PT20S \
    java -Xmx1g -jar "$JAR" --server.port=$APP_PORT --server.address=127.0.0.1 --logging.level.root=WARN \
      '--spring.mail.properties[mail.smtp.connectiontimeout]=5000' '--spring.mail.properties[mail.smtp.timeout]=5000' \
      '--spring.mail.properties[mail.smtp.writetimeout]=5000' \
      --entente.journal.syslog.tcp-port=0 --entente.journal.syslog.udp-port=0 >>"$LOG/app.log" 2>&1 &
  APP=$!
  for _ in $(seq 1 120); do
    curl -fs -o /dev/null "http://127.0.0.1:$APP_PORT/actuator/health/readiness" && return 0
    sleep 1
  done
  echo "l'application n'a pas démarré" >&2; return 1
}

start_app
java -cp "$CP" org.entente.benchmark.DurabilityRun "http://127.0.0.1:$APP_PORT" "jdbc:postgresql://127.0.0.1:$PGPORT/durab" \
  "$SMTP_PORT" "$RATE" "$SECONDS_OF_LOAD" > "$LOG/run.txt" 2>"$LOG/run.err" &
RUN=$!
sleep $((SECONDS_OF_LOAD / 4))
echo "$(date +%T) kill -9 de l'application ($APP)"
kill -9 "$APP"; wait "$APP" 2>/dev/null || true
start_app
echo "$(date +%T) application redémarrée"
sleep $((SECONDS_OF_LOAD / 4))
echo "$(date +%T) redémarrage de PostgreSQL"
pg_ctlcluster "$VERSION" durab restart
echo "$(date +%T) PostgreSQL redémarré"
wait "$RUN"
kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true
cat "$LOG/run.txt"
