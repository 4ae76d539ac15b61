#!/usr/bin/env bash
# azdp-mock benchmark: one command, JVM mode, loopback, wrk. Compares against WireMock standalone serving equivalent
# static stubs in the same run. Usage: bench/mock/run.sh  (env: DURATION=15s CONNS=64 LAT_CONNS=8 THREADS=2)
# Targets (issue #3): >= 15,000 req/s, p99 < 10 ms at 1,000 req/s, RSS < 256 MB after the run, start-to-ready < 1.5 s.
# Plain wrk cannot hold a fixed request rate; the p99 run paces each of LAT_CONNS connections with a Lua delay()
# of PACE_MS between requests (10 connections x 9 ms + service time ~ 1,000 req/s, closed loop, no coordinated-omission correction) and
# reports the rate it actually reached.
# Every response is counted by status (mix.lua); any non-2xx response in any run of either server makes the script
# print them by status code and exit 1 after the table: the mix only asks for what must succeed.
set -euo pipefail
trap 'echo "run.sh failed at line $LINENO" >&2' ERR
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
OUT=$ROOT/bench/mock/target
mkdir -p "$OUT"
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-5s}
CONNS=${CONNS:-64}
LAT_CONNS=${LAT_CONNS:-10}
PACE_MS=${PACE_MS:-9}
THREADS=${THREADS:-2}
PORT=${PORT:-18189}
WM_PORT=${WM_PORT:-18190}
WM_VERSION=3.13.2
JAR=$ROOT/mock-server/target/quarkus-app/quarkus-run.jar
# same JVM options for both servers; a capped heap keeps the resident set honest
JAVA_OPTS=${JAVA_OPTS:--Xms32m -Xmx128m -XX:+UseSerialGC}

if ! command -v wrk >/dev/null; then
  echo "installing wrk..." >&2
  (apt-get install -y wrk >/dev/null 2>&1 || (apt-get update >/dev/null && apt-get install -y wrk >/dev/null)) \
    || { echo "wrk is missing and could not be installed" >&2; exit 2; }
fi
if [ ! -f "$JAR" ]; then
  echo "building mock-server..." >&2
  ./mvnw -B -q -pl mock-server -am package -DskipTests
fi
WM_JAR=$OUT/wiremock-standalone-$WM_VERSION.jar
if [ ! -f "$WM_JAR" ]; then
  echo "fetching WireMock $WM_VERSION..." >&2
  ./mvnw -B -q dependency:copy -Dartifact=org.wiremock:wiremock-standalone:$WM_VERSION \
    -DoutputDirectory="$OUT" -Dmdep.overWriteIfNewer=true -N >&2
fi

LOAD_BEFORE=$(cut -d' ' -f1 /proc/loadavg)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

now_ms() { date +%s%3N; }
wait_ready() { # url timeout_s
  local deadline=$(( $(date +%s) + $2 ))
  until curl -sf -o /dev/null "$1"; do
    [ "$(date +%s)" -lt "$deadline" ] || { echo "not ready: $1" >&2; return 1; }
  done
}
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }
wrk_run() { # base conns duration extra...
  local base=$1 conns=$2 dur=$3; shift 3
  wrk -t"$THREADS" -c"$conns" -d"$dur" -s "$ROOT/bench/mock/mix.lua" "$@" "$base"
}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
reqs() { awk '/requests in/ {print $1}'; }
rps() { awk '/Requests\/sec/ {printf "%.0f", $2}'; }
p99() { awk '/^ *99%/ {print $2}'; }
# "429=12 503=3" for the non-2xx "status <code> <count>" lines mix.lua prints; empty when there are none
non2xx() { awk '$1 == "status" && ($2 < 200 || $2 > 299) {printf "%s%s=%s", sep, $2, $3; sep=" "}'; }
UNEXPECTED=()
check() { # server run file; sets CHECKED (not in a subshell: it records into UNEXPECTED)
  CHECKED=$(non2xx < "$3")
  [ -z "$CHECKED" ] || UNEXPECTED+=("$1 $2: $CHECKED")
  CHECKED=${CHECKED:-0}
}

SUB=00000000-0000-0000-0000-000000000000
VAULT=/subscriptions/$SUB/resourceGroups/azdp-demo-rg/providers/Microsoft.DataProtection/backupVaults/azdp-demo-vault
export BENCH_POST_PATH="$VAULT/backupInstances/azdp-demo-instance/backup?api-version=2024-04-01"

# ---------------------------------------------------------------- azdp-mock start-up
# median of STARTS fresh starts, with the class-data archive the build trained (what bin/azdp-mock and azdp-mock-junit
# use) and without it (the baseline), interleaved in the same run
ARCHIVE=$ROOT/mock-server/target/quarkus-app/azdp-mock-trained.jsa
CDS_OPTS=""
[ -f "$ARCHIVE" ] && CDS_OPTS="-XX:SharedArchiveFile=$ARCHIVE -Xlog:cds=off -Xlog:cds+dynamic=off"
STARTS=${STARTS:-5}
start_once() { # extra JVM options...
  local t0 pid
  t0=$(now_ms)
  java $JAVA_OPTS "$@" -Dquarkus.http.port=$((PORT + 2)) -Dazdp.mock.https.port=$((PORT + 3)) -jar "$JAR" >/dev/null 2>&1 &
  pid=$!
  wait_ready "http://localhost:$((PORT + 2))/q/health/ready" 60
  echo $(( $(now_ms) - t0 ))
  kill "$pid"; wait "$pid" 2>/dev/null || true
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
: >"$OUT/start-trained"; : >"$OUT/start-plain"
for _ in $(seq 1 "$STARTS"); do
  [ -n "$CDS_OPTS" ] && start_once $CDS_OPTS >>"$OUT/start-trained"
  start_once >>"$OUT/start-plain"
done
ready_plain_ms=$(median <"$OUT/start-plain")
ready_trained_ms=$([ -n "$CDS_OPTS" ] && median <"$OUT/start-trained" || echo "n/a (no archive)")

# ---------------------------------------------------------------- azdp-mock
start=$(now_ms)
# the mix triggers ~10% of its requests: thousands of backups a second. Each job runs 5 s (not evictable meanwhile);
# a retention window of 5 s instead of the default minute lets the cap (default 20,000) evict finished, idle ones as
# fast as they come instead of refusing triggers with 429. The polled operation and the read job are used
# continuously, so they are never evicted.
java $JAVA_OPTS $CDS_OPTS -Dquarkus.http.port=$PORT -Dazdp.mock.https.port=$((PORT + 3)) -Dazdp.mock.retention-window=PT5S -jar "$JAR" > "$OUT/azdp-mock.log" 2>&1 &
MOCK_PID=$!; PIDS+=($MOCK_PID)
wait_ready "http://localhost:$PORT/q/health/ready" 60
ready_ms=$(( $(now_ms) - start ))

B=http://localhost:$PORT
export BENCH_TOKEN=$(curl -sf -X POST "$B/_mock/token" | jq -r .access_token)
# the polled operation stays Inprogress for an hour (as WireMock's static stub does); the mix's own triggers finish
ASYNC=$(curl -sf -D - -o /dev/null -X POST "$B$BENCH_POST_PATH" -H "Authorization: Bearer $BENCH_TOKEN" \
  -H 'x-azdp-mock-scenario: opDuration=PT1H' -H 'Content-Type: application/json' -d '{"backupRuleOptions":{"ruleName":"BackupWeekly","triggerOption":{}}}' \
  | awk 'tolower($1)=="azure-asyncoperation:" {print $2}' | tr -d '\r')
export BENCH_STATUS_PATH=${ASYNC#$B}
JOB=$(curl -sf -X POST "$B$BENCH_POST_PATH" -H "Authorization: Bearer $BENCH_TOKEN" -H 'x-azdp-mock-scenario: mode=sync' \
  -H 'Content-Type: application/json' -d '{"backupRuleOptions":{"ruleName":"BackupWeekly","triggerOption":{}}}' | jq -r .jobId)
export BENCH_JOB_PATH="$JOB?api-version=2024-04-01"
curl -sf "$B$BENCH_JOB_PATH" -H "Authorization: Bearer $BENCH_TOKEN" > "$OUT/job.json"

wrk_run "$B" "$CONNS" "$WARMUP" > "$OUT/azdp-mock-warmup.txt"
export BENCH_DELAY_MS=$PACE_MS
wrk_run "$B" "$LAT_CONNS" "$DURATION" --latency > "$OUT/azdp-mock-latency.txt"
export BENCH_DELAY_MS=0
t0=$(cpu_ticks $MOCK_PID)
wrk_run "$B" "$CONNS" "$DURATION" --latency > "$OUT/azdp-mock-throughput.txt"
mock_cpu_us=$(awk -v t=$(( $(cpu_ticks $MOCK_PID) - t0 )) -v n=$(reqs < "$OUT/azdp-mock-throughput.txt") -v hz=$(getconf CLK_TCK) 'BEGIN { printf "%.0f", t / hz * 1e6 / n }')
mock_rps=$(rps < "$OUT/azdp-mock-throughput.txt")
mock_p99_tp=$(p99 < "$OUT/azdp-mock-throughput.txt")
mock_lat_rps=$(rps < "$OUT/azdp-mock-latency.txt")
mock_p99=$(p99 < "$OUT/azdp-mock-latency.txt")
check azdp-mock warmup "$OUT/azdp-mock-warmup.txt"
check azdp-mock paced "$OUT/azdp-mock-latency.txt"; mock_err_lat=$CHECKED
check azdp-mock throughput "$OUT/azdp-mock-throughput.txt"; mock_err=$CHECKED
mock_rss=$(rss_mb $MOCK_PID)
curl -sf "$B/_mock/retention" > "$OUT/azdp-mock-retention.json"
mock_jobs=$(jq .jobs "$OUT/azdp-mock-retention.json")
mock_evicted=$(jq .evictedJobs "$OUT/azdp-mock-retention.json")
mock_refused=$(jq .refusedTriggers "$OUT/azdp-mock-retention.json")
mock_cap=$(jq .maxJobs "$OUT/azdp-mock-retention.json")
# where the memory is at the cap (the profile behind the RSS figure)
jcmd $MOCK_PID GC.class_histogram > "$OUT/azdp-mock-histogram.txt" 2>&1 || true
kill $MOCK_PID; wait $MOCK_PID 2>/dev/null || true; PIDS=()

# ---------------------------------------------------------------- WireMock with equivalent static stubs
# the same job JSON azdp-mock served, as a static body
JOB_BODY=$(cat "$OUT/job.json")
WM_DIR=$OUT/wiremock; rm -rf "$WM_DIR"; mkdir -p "$WM_DIR/mappings"
cat > "$WM_DIR/mappings/stubs.json" <<JSON
{"mappings":[
 {"request":{"method":"POST","urlPathPattern":".*/backupInstances/[^/]+/backup"},
  "response":{"status":202,"headers":{"Azure-AsyncOperation":"http://localhost:$WM_PORT$BENCH_STATUS_PATH",
   "Location":"http://localhost:$WM_PORT$BENCH_STATUS_PATH","Retry-After":"1","x-ms-request-id":"00000000-0000-0000-0000-000000000001"}}},
 {"request":{"method":"GET","urlPathPattern":".*/operationStatus/.*"},
  "response":{"status":200,"headers":{"Content-Type":"application/json"},
   "jsonBody":{"id":"${BENCH_STATUS_PATH%%\?*}","name":"op","status":"Inprogress","startTime":"2026-01-01T00:00:00Z","endTime":"0001-01-01T00:00:00Z"}}},
 {"request":{"method":"GET","urlPathPattern":".*/backupJobs/.*"},
  "response":{"status":200,"headers":{"Content-Type":"application/json"},"jsonBody":$JOB_BODY}}
]}
JSON
start=$(now_ms)
java $JAVA_OPTS -jar "$WM_JAR" --port $WM_PORT --root-dir "$WM_DIR" --disable-banner --no-request-journal > "$OUT/wiremock.log" 2>&1 &
WM_PID=$!; PIDS+=($WM_PID)
wait_ready "http://localhost:$WM_PORT/__admin/health" 60 || wait_ready "http://localhost:$WM_PORT/__admin/mappings" 60
wm_ready_ms=$(( $(now_ms) - start ))
W=http://localhost:$WM_PORT
wrk_run "$W" "$CONNS" "$WARMUP" > "$OUT/wiremock-warmup.txt"
export BENCH_DELAY_MS=$PACE_MS
wrk_run "$W" "$LAT_CONNS" "$DURATION" --latency > "$OUT/wiremock-latency.txt"
export BENCH_DELAY_MS=0
t0=$(cpu_ticks $WM_PID)
wrk_run "$W" "$CONNS" "$DURATION" --latency > "$OUT/wiremock-throughput.txt"
wm_cpu_us=$(awk -v t=$(( $(cpu_ticks $WM_PID) - t0 )) -v n=$(reqs < "$OUT/wiremock-throughput.txt") -v hz=$(getconf CLK_TCK) 'BEGIN { printf "%.0f", t / hz * 1e6 / n }')
wm_rps=$(rps < "$OUT/wiremock-throughput.txt")
wm_p99_tp=$(p99 < "$OUT/wiremock-throughput.txt")
wm_lat_rps=$(rps < "$OUT/wiremock-latency.txt")
wm_p99=$(p99 < "$OUT/wiremock-latency.txt")
check WireMock warmup "$OUT/wiremock-warmup.txt"
check WireMock paced "$OUT/wiremock-latency.txt"; wm_err_lat=$CHECKED
check WireMock throughput "$OUT/wiremock-throughput.txt"; wm_err=$CHECKED
wm_rss=$(rss_mb $WM_PID)
kill $WM_PID; wait $WM_PID 2>/dev/null || true; PIDS=()

ratio=$(awk -v a="$mock_rps" -v b="$wm_rps" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }')
cat <<TABLE

### azdp-mock benchmark ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average before the run $LOAD_BEFORE, JVM $(java -version 2>&1 | head -1 | cut -d'"' -f2) \`$JAVA_OPTS\`, wrk -t$THREADS, $DURATION per run)

Mix per 10 requests: 1 POST backup (202, creates an operation + job), 6 GET operationStatus, 3 GET backupJob.
p99 "paced" = wrk --latency, $LAT_CONNS connections each waiting ${PACE_MS} ms between requests (plain wrk cannot hold
an exact rate; the rate reached is shown). Throughput = $CONNS connections, no pacing.

| metric | azdp-mock | WireMock $WM_VERSION (static stubs) | target |
|---|---|---|---|
| start to ready, median of $STARTS, trained class-data archive | ${ready_trained_ms} ms | | < 1500 ms |
| start to ready, median of $STARTS, no archive (baseline) | ${ready_plain_ms} ms | | |
| start to ready, this run's server | ${ready_ms} ms | ${wm_ready_ms} ms | |
| throughput, $CONNS connections | ${mock_rps} req/s | ${wm_rps} req/s | >= 15000 req/s |
| azdp-mock / WireMock throughput | ${ratio}x | 1.00x | > 1 |
| p99, $CONNS connections | ${mock_p99_tp} | ${wm_p99_tp} | |
| p99, paced (${mock_lat_rps} / ${wm_lat_rps} req/s) | ${mock_p99} | ${wm_p99} | < 10 ms at 1,000 req/s |
| server CPU time per request (throughput run) | ${mock_cpu_us} µs | ${wm_cpu_us} µs | |
| non-2xx responses (paced run / throughput run) | ${mock_err_lat} / ${mock_err} | ${wm_err_lat} / ${wm_err} | 0 |
| RSS after the run | ${mock_rss} MB | ${wm_rss} MB | < 256 MB |
| backup jobs held after the run (cap ${mock_cap}) / evicted / triggers refused | ${mock_jobs} / ${mock_evicted} / ${mock_refused} | (stateless) | |
TABLE
if [ ${#UNEXPECTED[@]} -gt 0 ]; then
  echo "unexpected non-2xx responses, by status code:" >&2
  printf '  %s\n' "${UNEXPECTED[@]}" >&2
  exit 1
fi
