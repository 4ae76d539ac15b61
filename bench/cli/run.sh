#!/usr/bin/env bash
# CLI benchmark, one command: bash bench/cli/run.sh
# Starts two local emulators (async 202 path and sync 200 path, operation and job durations zero), then times with
# hyperfine, in the same run: `azdp backup --no-wait`, `azdp backup` (sync 200 path), and curl sending the same POST
# (the floor); measures peak RSS with /usr/bin/time -v; runs a bulk of N instances (default 10000) with --parallel 64.
# When a native azdp exists (cli/target/azdp-cli-*-runner, left by ./mvnw -B package -Dnative; or AZDP_NATIVE=path),
# the same commands, RSS and bulk run on it too, interleaved in the same hyperfine run, and a table gives the
# JVM/native ratios. Prints markdown tables. Env: RUNS (default 10), BULK (default 10000), PARALLEL (default 64),
# AZDP_NATIVE (the native executable; NATIVE=0 to leave it out).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
RUNS=${RUNS:-10}
BULK=${BULK:-10000}
PARALLEL=${PARALLEL:-64}
CLI_JAR=cli/target/quarkus-app/quarkus-run.jar
MOCK_JAR=mock-server/target/quarkus-app/quarkus-run.jar

need() { command -v "$1" >/dev/null 2>&1; }
if ! need hyperfine; then (apt-get update -qq || true) && apt-get install -y -qq hyperfine >/dev/null; fi
if [ ! -x /usr/bin/time ]; then (apt-get update -qq || true) && apt-get install -y -qq time >/dev/null; fi
if [ ! -f "$CLI_JAR" ] || [ ! -f "$MOCK_JAR" ]; then ./mvnw -B -q -pl mock-server,cli -am package -DskipTests; fi
NATIVE_AZDP=${AZDP_NATIVE:-$(ls -t cli/target/azdp-cli-*-runner 2>/dev/null | head -1 || true)}
if [ "${NATIVE:-1}" = 0 ] || [ -z "$NATIVE_AZDP" ] || [ ! -x "$NATIVE_AZDP" ]; then NATIVE_AZDP=""; fi
if [ -n "$NATIVE_AZDP" ]; then NATIVE_AZDP=$(cd "$(dirname "$NATIVE_AZDP")" && pwd)/$(basename "$NATIVE_AZDP"); fi

WORK=$(mktemp -d)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
start_mock() { # port extra-props...
  local port=$1; shift
  java -Dquarkus.http.port="$port" -Dazdp.mock.https.enabled=false -Dquarkus.log.level=WARN -Dazdp.mock.operation-duration=PT0S \
    -Dazdp.mock.job-duration=PT0S -Dazdp.mock.retry-after=0 -Dazdp.mock.journal-size=100 "$@" \
    -jar "$MOCK_JAR" >"$WORK/mock-$port.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 300); do curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1 && return 0; sleep 0.2; done
  echo "emulator on $port did not start" >&2; cat "$WORK/mock-$port.log" >&2; exit 1
}

# the bulk below seeds BULK more instances than the built-in ones: raise the seed cap (azdp.mock.max-seed-instances, 10,000)
ASYNC=$(free_port); start_mock "$ASYNC" -Dazdp.mock.max-seed-instances=$((BULK + 1000))
SYNC=$(free_port); start_mock "$SYNC" -Dazdp.mock.default-scenario=mode=sync
SUB=00000000-0000-0000-0000-000000000000
ID=/subscriptions/$SUB/resourceGroups/azdp-demo-rg/providers/Microsoft.DataProtection/backupVaults/azdp-demo-vault/backupInstances/azdp-demo-instance
token() { curl -fs -X POST "http://127.0.0.1:$1/_mock/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'; }
export AZURE_SUBSCRIPTION_ID=$SUB AZDP_CONFIG=/nonexistent
TA=$(token "$ASYNC"); TS=$(token "$SYNC")
BODY='{"backupRuleOptions":{"ruleName":"BackupWeekly","triggerOption":{"retentionTagOverride":"Weekly"}}}'

AZDP="$ROOT/bin/azdp"
APP="$ROOT/cli/target/quarkus-app"
ARGS="backup --id $ID --rule-name BackupWeekly --retention-tag-override Weekly"
# the launcher's JVM flags with Quarkus's own start-up AppCDS archive instead of the trained one: the baseline. Started
# from inside quarkus-app/ (env -C), the only place where that archive's relative class path resolves.
BASELINE="env -C $APP java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k -XX:CICompilerCount=1 -Xshare:on -XX:SharedArchiveFile=app-cds.jsa -Xlog:cds=off -Xlog:cds+dynamic=off -jar quarkus-run.jar"
# each command on the JVM launcher, then (when there is one) on the native binary, so hyperfine interleaves the pairs
CMDS=()
pair() { # name, command line after the launcher (the launcher is substituted for @AZDP@)
  CMDS+=(-n "$1" "${2//@AZDP@/$AZDP}")
  if [ -n "$NATIVE_AZDP" ]; then CMDS+=(-n "native: $1" "${2//@AZDP@/$NATIVE_AZDP}"); fi
}
pair "azdp --version (start-up only)" "@AZDP@ --version"
pair "azdp backup --no-wait" "env AZDP_ENDPOINT=http://127.0.0.1:$ASYNC AZURE_ACCESS_TOKEN=$TA @AZDP@ $ARGS --no-wait -o none"
pair "azdp backup --no-wait --skip-preflight" "env AZDP_ENDPOINT=http://127.0.0.1:$ASYNC AZURE_ACCESS_TOKEN=$TA @AZDP@ $ARGS --no-wait --skip-preflight -o none"
pair "azdp backup (sync 200)" "env AZDP_ENDPOINT=http://127.0.0.1:$SYNC AZURE_ACCESS_TOKEN=$TS @AZDP@ $ARGS -o none"
CMDS+=(-n "azdp backup --no-wait, Quarkus AppCDS instead" "env AZDP_ENDPOINT=http://127.0.0.1:$ASYNC AZURE_ACCESS_TOKEN=$TA $BASELINE $ARGS --no-wait -o none")
CMDS+=(-n "curl POST (floor)" "curl -fs -o /dev/null -X POST -H 'Authorization: Bearer $TA' -H 'Content-Type: application/json' -d '$BODY' http://127.0.0.1:$ASYNC$ID/backup?api-version=2024-04-01")
hyperfine -N --warmup 2 --runs "$RUNS" --export-json "$WORK/hyperfine.json" "${CMDS[@]}" \
  >"$WORK/hyperfine.log" 2>&1 || { cat "$WORK/hyperfine.log" >&2; exit 1; }
python3 - "$WORK/hyperfine.json" >"$WORK/hyperfine.md" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
floor = next(r for r in results if r["command"].startswith("curl"))["median"]
print("| command | median [ms] | mean ± σ [ms] | min [ms] | max [ms] | median / curl |")
print("|:---|---:|---:|---:|---:|---:|")
for r in results:
    print(f"| `{r['command']}` | {r['median']*1000:.0f} | {r['mean']*1000:.0f} ± {r['stddev']*1000:.0f} "
          f"| {r['min']*1000:.0f} | {r['max']*1000:.0f} | {r['median']/floor:.1f}x |")
native = {r["command"][len("native: "):]: r for r in results if r["command"].startswith("native: ")}
if native:
    print()
    print("| command | JVM (bin/azdp) median [ms] | native median [ms] | JVM / native |")
    print("|:---|---:|---:|---:|")
    for r in results:
        n = native.get(r["command"])
        if n:
            print(f"| `{r['command']}` | {r['median']*1000:.0f} | {n['median']*1000:.0f} | {r['median']/n['median']:.1f}x |")
PY
TRAINED=$([ -f "$APP/azdp-trained.jsa" ] && echo "the trained archive azdp-trained.jsa" || echo "NO trained archive (JDK default CDS only)")

rss() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F: '/Maximum resident/ {gsub(/ /,"",$2); printf "%.0f", $2/1024}'; }
RSS_NOWAIT=$(AZDP_ENDPOINT=http://127.0.0.1:$ASYNC AZURE_ACCESS_TOKEN=$TA rss "$AZDP" backup --id "$ID" --rule-name BackupWeekly --no-wait -o none)
RSS_SYNC=$(AZDP_ENDPOINT=http://127.0.0.1:$SYNC AZURE_ACCESS_TOKEN=$TS rss "$AZDP" backup --id "$ID" --rule-name BackupWeekly -o none)
if [ -n "$NATIVE_AZDP" ]; then
  NRSS_NOWAIT=$(AZDP_ENDPOINT=http://127.0.0.1:$ASYNC AZURE_ACCESS_TOKEN=$TA rss "$NATIVE_AZDP" backup --id "$ID" --rule-name BackupWeekly --no-wait -o none)
  NRSS_SYNC=$(AZDP_ENDPOINT=http://127.0.0.1:$SYNC AZURE_ACCESS_TOKEN=$TS rss "$NATIVE_AZDP" backup --id "$ID" --rule-name BackupWeekly -o none)
fi

# bulk: BULK instances seeded on the async emulator, ids from a CSV, --parallel PARALLEL
curl -fs -X POST "http://127.0.0.1:$ASYNC/_mock/seed" -H 'Content-Type: application/json' -d "{\"subscriptions\":[{\"subscriptionId\":\"$SUB\",\"resourceGroups\":[{\"name\":\"azdp-demo-rg\",\"location\":\"westus\",\"vaults\":[{\"name\":\"azdp-demo-vault\",\"location\":\"westus\",\"policies\":[],\"instances\":[{\"name\":\"bulk\",\"policy\":\"azdp-demo-policy\",\"count\":$BULK}]}]}]}]}" >/dev/null
{ echo "id,ruleName"; for i in $(seq 1 "$BULK"); do echo "${ID%/*}/bulk-$i,BackupWeekly"; done; } >"$WORK/bulk.csv"
bulk() { # launcher, file prefix -> BULK_S BULK_RC BULK_OK BULK_RSS
  local start end
  start=$(date +%s.%N)
  set +e
  AZDP_ENDPOINT=http://127.0.0.1:$ASYNC AZURE_ACCESS_TOKEN=$TA AZDP_POLL_INTERVAL=50ms /usr/bin/time -v "$1" backup \
    --from-file "$WORK/bulk.csv" --parallel "$PARALLEL" >"$WORK/$2.ndjson" 2>"$WORK/$2.err"
  BULK_RC=$?
  set -e
  end=$(date +%s.%N)
  BULK_S=$(python3 -c "print(f'{$end-$start:.1f}')")
  BULK_OK=$(grep -c '"status":"Succeeded"' "$WORK/$2.ndjson" || true)
  BULK_RSS=$(awk -F: '/Maximum resident/ {gsub(/ /,"",$2); printf "%.0f", $2/1024}' "$WORK/$2.err")
}
if [ -n "$NATIVE_AZDP" ]; then
  bulk "$NATIVE_AZDP" native-bulk
  NBULK_S=$BULK_S NBULK_RC=$BULK_RC NBULK_OK=$BULK_OK NBULK_RSS=$BULK_RSS
fi
bulk "$AZDP" bulk

NATIVE_NOTE=$([ -n "$NATIVE_AZDP" ] && echo "; native: $("$NATIVE_AZDP" --version 2>/dev/null | tr '\n' ' ')" || echo "; no native azdp (build one with ./mvnw -B package -Dnative on a GraalVM/Mandrel 25 host)")
echo "## azdp CLI benchmark ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d" " -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1), bin/azdp with $TRAINED$NATIVE_NOTE)"
echo
cat "$WORK/hyperfine.md"
echo
echo "| measure | value |"
echo "|---|---|"
echo "| peak RSS, azdp backup --no-wait | ${RSS_NOWAIT} MB |"
echo "| peak RSS, azdp backup (sync 200) | ${RSS_SYNC} MB |"
echo "| bulk: $BULK instances, --parallel $PARALLEL, wall time | ${BULK_S} s (exit $BULK_RC, $BULK_OK succeeded) |"
echo "| bulk: peak RSS | ${BULK_RSS} MB |"
if [ -n "$NATIVE_AZDP" ]; then
  echo "| native: peak RSS, azdp backup --no-wait | ${NRSS_NOWAIT} MB (JVM/native $(python3 -c "print(f'{$RSS_NOWAIT/$NRSS_NOWAIT:.1f}')")x) |"
  echo "| native: peak RSS, azdp backup (sync 200) | ${NRSS_SYNC} MB |"
  echo "| native: bulk, wall time | ${NBULK_S} s (exit $NBULK_RC, $NBULK_OK succeeded; JVM/native $(python3 -c "print(f'{$BULK_S/$NBULK_S:.2f}')")x) |"
  echo "| native: bulk, peak RSS | ${NBULK_RSS} MB |"
fi
echo
grep '^bulk:' "$WORK/bulk.err" || tail -3 "$WORK/bulk.err"
