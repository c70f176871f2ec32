#!/usr/bin/env bash
# Latency of POST /v1/jobs at a fixed rate, against one API instance and the machine's Postgres
# (fsync and synchronous_commit on). Kafka is left unreachable on purpose: a submit never touches
# Kafka (the outbox keeps the dispatch messages), so this measures what a submit itself costs:
# key lookup, token bucket, validation and the submit transaction.
#
#   bench/api-submit.sh [rate_per_second] [seconds]      (needs: hey, psql; run ./mvnw package first)
set -euo pipefail
cd "$(dirname "$0")/.."
RATE=${1:-1000}
SECONDS_=${2:-30}
PORT=${PORT:-18080}
DB=agentq_bench
KEY=aq_bench_key_0123456789
JAR=$(ls api-ingest/target/agentq-api-ingest-*-exec.jar)
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java

psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
SERVER_PORT=$PORT AGENTQ_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB?user=postgres" \
  AGENTQ_KAFKA_BOOTSTRAP=127.0.0.1:1 AGENTQ_API_KEY=$KEY AGENTQ_AUTH_BOOTSTRAPTENANT=default \
  AGENTQ_LIMITS_REQUESTSPERSECOND=1000000 AGENTQ_LIMITS_BURST=1000000 \
  AGENTQ_LIMITS_MAXQUEUEDJOBS=${MAX_QUEUED:-10000000} LOGGING_LEVEL_ORG_APACHE_KAFKA=ERROR \
  "$JAVA" -Xmx512m -jar "$JAR" > /tmp/agentq-bench-api.log 2>&1 &
API=$!
trap 'kill $API 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf -o /dev/null "localhost:$PORT/health" && break
  sleep 0.5
done

BODY=$(mktemp)
printf '%s' '{"agent":"document-digest","input":{"document":"INVOICE #INV-2041. Total due: $1,500.00."},"metadata":{"customer":"acme"}}' > "$BODY"
run() { # requests, workers, per-worker rate
  hey -n "$1" -c "$2" -q "$3" -m POST -T application/json -D "$BODY" \
    -H "Authorization: Bearer $KEY" "http://127.0.0.1:$PORT/v1/jobs"
}
echo "== warm-up: 5,000 submits"
run 5000 20 100 > /dev/null
echo "== $RATE submits/s for $SECONDS_ s (50 workers at $((RATE / 50))/s each)"
run $((RATE * SECONDS_)) 50 $((RATE / 50))
echo "== jobs stored: $(psql -At -h 127.0.0.1 -U postgres -d $DB -c 'SELECT count(*) FROM jobs')"
