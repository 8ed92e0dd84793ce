#!/usr/bin/env bash
# Two instances behind HAProxy on one PostgreSQL database (issue 17). Shows, through the load balancer:
#   1. a session opened on one instance is honoured by the other (sessions in the database, Spring Session JDBC);
#   2. a scheduled job fires once per period across both instances (ShedLock): the personal-data purge is set to
#      every 10 s on both (its lock held 5 s after each run, lockAtLeastFor), and its runs are counted in privacy_purge_run;
#   3. tickets created at a fixed rate (with Idempotency-Key, retried with the same key) while instance A is killed
#      with SIGKILL and restarted: every acknowledged ticket is stored once, every mail sent once (DurabilityRun);
#   4. X-Forwarded-For from HAProxy is honoured by Tomcat's RemoteIpValve (server.forward-headers-strategy: native):
#      wrong passwords from two client addresses are counted per address, and the lock names the client's address;
#      it also shows how many attempts the per-instance login throttle lets through two instances.
#   5. a convention amendment uploaded through instance A is served by instance B (Conventions.refreshIfChanged, 30 s).
# Not in CI (minutes; needs haproxy, installed from Debian if absent). Loopback only.
#   scripts/two-instances.sh [RATE] [SECONDS]     env: ENTENTE_TWO_DB (default entente_two), PGHOST/PGPORT
set -euo pipefail
cd "$(dirname "$0")/.."
RATE=${1:-10}
SECONDS_OF_LOAD=${2:-60}
DB=${ENTENTE_TWO_DB:-entente_two}
PGH=${PGHOST:-127.0.0.1}
PGP=${PGPORT:-5432}
LB=${LB_PORT:-18470}
PORT_A=$((LB + 1))
PORT_B=$((LB + 2))
SMTP_PORT=$((LB + 5))
export ENTENTE_DEMO_PASSWORD=two-instances
LOG=target/two-instances
mkdir -p "$LOG"
: >"$LOG/a.log"; : >"$LOG/b.log"

command -v haproxy >/dev/null || apt-get install -y haproxy >/dev/null
psql -h "$PGH" -p "$PGP" -U postgres -q -c "drop database if exists $DB" -c "create database $DB"

JAR=target/entente-0.1.0-SNAPSHOT.jar
[ -f "$JAR" ] || mvn -o -B -q -DskipTests package
[ -d target/test-classes/org/entente/benchmark ] || mvn -o -B -q -DskipTests test-compile
# The load generator's classpath: the application's own libraries (from its jar) and GreenMail (a test dependency).
mkdir -p "$LOG/lib"
unzip -qo -j "$(realpath "$JAR")" 'BOOT-INF/lib/*' -d "$LOG/lib"
GREENMAIL=$(find ~/.m2/repository/com/icegreen/greenmail -name 'greenmail-2*.jar' | sort | tail -n 1)
CP="target/test-classes:target/classes:$GREENMAIL:$LOG/lib/*"

declare -A PID
start() { # name port
  SPRING_DATASOURCE_URL="jdbc:postgresql://$PGH:$PGP/$DB" SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD= \
  ENTENTE_MAIL_ENABLED=true SPRING_MAIL_HOST=127.0.0.1 SPRING_MAIL_PORT=$SMTP_PORT ENTENTE_MAIL_RETRY_AFTER=PT5S ENTENTE_MAIL_RETRY_EVERY=PT5S \
  ENTENTE_PRIVACY_PURGE_CRON='*/10 * * * * *' ENTENTE_PRIVACY_PURGE_LOCK_AT_LEAST_FOR=PT5S \
    java -Xmx768m -jar "$JAR" --server.port="$2" --server.address=127.0.0.1 --logging.level.root=WARN \
      --entente.journal.directory="$LOG/journal-$1" --entente.journal.syslog.tcp-port=0 --entente.journal.syslog.udp-port=0 \
      --logging.level.org.entente.directory.internal.LoginThrottle=WARN >>"$LOG/$1.log" 2>&1 &
  PID[$1]=$!
  for _ in $(seq 1 180); do
    curl -fs -o /dev/null "http://127.0.0.1:$2/actuator/health/readiness" && return 0
    sleep 1
  done
  echo "l'instance $1 n'a pas démarré (voir $LOG/$1.log)" >&2; return 1
}
cleanup() { for p in "${PID[@]}" ${HAP:-}; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

start a "$PORT_A"   # A runs the migrations first; B then finds the schema ready
start b "$PORT_B"
echo "$(date +%T) instances a (:$PORT_A) et b (:$PORT_B) prêtes"

cat >"$LOG/haproxy.cfg" <<EOF
global
  maxconn 2000
defaults
  mode http
  timeout connect 2s
  timeout client 30s
  timeout server 30s
  retries 2
  option redispatch
  retry-on conn-failure
frontend entente
  bind 127.0.0.1:$LB
  # The client's address is HAProxy's own view of it: a header sent by the client is dropped, not trusted.
  http-request del-header X-Forwarded-For
  option forwardfor
  default_backend instances
backend instances
  balance roundrobin
  option httpchk GET /actuator/health/readiness
  http-check expect status 200
  http-response set-header X-Served-By %s
  server a 127.0.0.1:$PORT_A check inter 1s fall 2 rise 2
  server b 127.0.0.1:$PORT_B check inter 1s fall 2 rise 2
EOF
haproxy -f "$LOG/haproxy.cfg" -db >"$LOG/haproxy.log" 2>&1 &
HAP=$!
sleep 3
BASE="http://127.0.0.1:$LB"

echo "== 1. Session partagée"
JAR_C="$LOG/cookies.txt"; rm -f "$JAR_C"
CSRF=$(curl -s -c "$JAR_C" -b "$JAR_C" "$BASE/connexion" | grep -o 'name="_csrf"[^>]*value="[^"]*"' | sed 's/.*value="//;s/"$//' | head -n 1)
curl -s -o /dev/null -c "$JAR_C" -b "$JAR_C" -D "$LOG/login.headers" --data-urlencode "username=admin" \
  --data-urlencode "password=$ENTENTE_DEMO_PASSWORD" --data-urlencode "_csrf=$CSRF" "$BASE/connexion"
echo "connexion servie par $(grep -i '^x-served-by' "$LOG/login.headers" | tr -d '\r' | cut -d' ' -f2) : $(head -n 1 "$LOG/login.headers" | tr -d '\r')"
declare -A SERVED=([a]=0 [b]=0)
SIGNED_IN=0
for i in $(seq 1 10); do
  out=$(curl -s -o /dev/null -b "$JAR_C" -w '%{http_code}' -D - "$BASE/notifications")
  by=$(echo "$out" | grep -i '^x-served-by' | tr -d '\r' | cut -d' ' -f2)
  code=$(echo "$out" | tail -n 1)
  SERVED[$by]=$((SERVED[$by] + 1))
  [ "$code" = 200 ] && SIGNED_IN=$((SIGNED_IN + 1))
done
echo "session : 10 pages /notifications, a=${SERVED[a]} b=${SERVED[b]}, connecté sur $SIGNED_IN/10"

echo "== 3. Charge pendant kill -9 de a (et 2. ShedLock pendant ce temps)"
PURGES_BEFORE=$(psql -h "$PGH" -p "$PGP" -U postgres -d "$DB" -Atc "select count(*) from privacy_purge_run")
T0=$(date +%s)
java -cp "$CP" org.entente.benchmark.DurabilityRun "$BASE" "jdbc:postgresql://$PGH:$PGP/$DB" \
  "$SMTP_PORT" "$RATE" "$SECONDS_OF_LOAD" >"$LOG/run.txt" 2>"$LOG/run.err" &
RUN=$!
sleep $((SECONDS_OF_LOAD / 3))
echo "$(date +%T) kill -9 de l'instance a (${PID[a]})"
kill -9 "${PID[a]}"; wait "${PID[a]}" 2>/dev/null || true
start a "$PORT_A"
echo "$(date +%T) instance a redémarrée"
wait "$RUN" || true
T1=$(date +%s)
cat "$LOG/run.txt"
PURGES_AFTER=$(psql -h "$PGH" -p "$PGP" -U postgres -d "$DB" -Atc "select count(*) from privacy_purge_run")
echo "ShedLock : purge réglée toutes les 10 s sur les deux instances, $((PURGES_AFTER - PURGES_BEFORE)) exécutions en $((T1 - T0)) s (une par période attendue : $(((T1 - T0) / 10)) à $(((T1 - T0) / 10 + 1)))"
psql -h "$PGH" -p "$PGP" -U postgres -d "$DB" -Atc \
  "select to_char(date_trunc('second', started_at), 'HH24:MI:SS') as s, count(*) from privacy_purge_run group by 1 having count(*) > 1" \
  2>/dev/null | sed 's/^/  même seconde : /' || true

echo "== 4. X-Forwarded-For (RemoteIpValve) et verrouillage des connexions"
attempt() { # source address, account -> HTTP code
  curl -s -o /dev/null -w '%{http_code}' --interface "$1" -u "$2:mauvais-mot-de-passe" "$BASE/api/v1/tickets"
}
N=0; CODE=401
while [ "$CODE" != 429 ] && [ $N -lt 30 ]; do N=$((N + 1)); CODE=$(attempt 127.0.0.5 college2); done
echo "depuis 127.0.0.5, college2 : verrouillé (429) après $N essais faux (5 sur une instance seule)"
echo "depuis 127.0.0.6, college2 : $(attempt 127.0.0.6 college2) (401 = l'adresse du client est lue dans X-Forwarded-For)"
echo "journaux de verrouillage : $(grep -h 'Verrouillage' "$LOG/a.log" "$LOG/b.log" | grep -c '127.0.0.5') ligne(s) nomment 127.0.0.5, $(grep -h 'Verrouillage' "$LOG/a.log" "$LOG/b.log" | grep -c '127.0.0.1\b') nomment 127.0.0.1 (HAProxy)"

echo "== 5. Avenant chargé par a, servi par b"
# The shipped file as a new version with an amendment: the upload goes to a directly, the reading to b directly.
AMENDED="$LOG/avenant-deux-instances.yaml"
sed -e '0,/^version: "1"/s//version: "2"/' \
    -e '0,/^amendment: null/s//amendment: { number: 1, signedOn: 2026-03-01, summary: "Avenant deux instances" }/' \
    src/main/resources/convention/convention-2025-2026.yaml >"$AMENDED"
versions_on() { curl -s "http://127.0.0.1:$1/api/v1/convention/versions" | grep -o '"version":"2"[^}]*"current":true' || true; }
echo "avant : version 2 en vigueur sur b : $( [ -n "$(versions_on "$PORT_B")" ] && echo oui || echo non)"
T_UP=$(date +%s)
UP=$(curl -s -o "$LOG/avenant.json" -w '%{http_code}' -u "admin:$ENTENTE_DEMO_PASSWORD" -H 'Content-Type: application/yaml' \
  -H 'X-Filename: avenant-deux-instances.yaml' --data-binary @"$AMENDED" "http://127.0.0.1:$PORT_A/api/v1/convention/versions")
echo "chargé par a : HTTP $UP ($(head -c 200 "$LOG/avenant.json"))"
echo "sur a aussitôt : version 2 en vigueur : $( [ -n "$(versions_on "$PORT_A")" ] && echo oui || echo non)"
SEEN=""
for _ in $(seq 1 90); do
  if [ -n "$(versions_on "$PORT_B")" ]; then SEEN=$(( $(date +%s) - T_UP )); break; fi
  sleep 1
done
if [ -n "$SEEN" ]; then
  echo "sur b : version 2 en vigueur après ${SEEN} s (relecture toutes les 30 s), résumé : $(curl -s "http://127.0.0.1:$PORT_B/api/v1/convention/versions" | grep -o '"amendmentSummary":"Avenant deux instances"' | head -n 1)"
else
  echo "sur b : version 2 toujours absente après 90 s" >&2
fi
