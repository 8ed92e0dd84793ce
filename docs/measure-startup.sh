#!/usr/bin/env bash
# Cold start to ready: launches the packaged jar in an empty folder (fresh H2 database, so Flyway and demo data
# run) and polls /actuator/health/readiness until it answers UP. Prints the elapsed milliseconds.
# Usage: docs/measure-startup.sh target/entente-0.1.0-SNAPSHOT.jar [port]
set -euo pipefail
jar=$(realpath "$1"); port=${2:-18080}
dir=$(mktemp -d); cd "$dir"
start=$(date +%s%3N)
ENTENTE_DEMO_PASSWORD=demo java -jar "$jar" --server.port="$port" > startup.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$dir"' EXIT
until curl -fs "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null | grep -q UP; do
  kill -0 $pid 2>/dev/null || { cat startup.log; exit 1; }
  sleep 0.05
done
echo "prêt en $(( $(date +%s%3N) - start )) ms ($(grep -o 'Started EntenteApplication in [0-9.]* seconds' startup.log))"
