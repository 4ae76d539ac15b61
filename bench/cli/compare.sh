#!/usr/bin/env bash
# Start-time comparison of two builds of the CLI in one run: bash bench/cli/compare.sh OTHER_CHECKOUT [ROUNDS]
# OTHER_CHECKOUT is another copy of this repository with cli/ and mock-server/ packaged (e.g. main's code in a scratch
# directory). Both launchers run against the same emulator; each round runs hyperfine over both builds' commands, the
# order alternating between rounds, so load from other processes on a shared machine hits both alike. Prints each
# round's medians and the median over rounds of the ratio this/other, for wall time and for CPU time (user + system,
# hyperfine's means), which other processes on a shared machine disturb less. Env: RUNS per command and round
# (default 10).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OTHER=$(cd "${1:?usage: compare.sh OTHER_CHECKOUT [ROUNDS]}" && pwd)
ROUNDS=${2:-3}
RUNS=${RUNS:-10}
MOCK_JAR=$ROOT/mock-server/target/quarkus-app/quarkus-run.jar
for d in "$ROOT" "$OTHER"; do
  [ -f "$d/cli/target/quarkus-app/quarkus-run.jar" ] || { echo "$d: package cli first" >&2; exit 2; }
done
command -v hyperfine >/dev/null || { (apt-get update -qq || true) && apt-get install -y -qq hyperfine >/dev/null; }
WORK=$(mktemp -d)
PID=
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
java -Dquarkus.http.port="$PORT" -Dazdp.mock.https.enabled=false -Dquarkus.log.level=WARN -Dazdp.mock.operation-duration=PT0S -Dazdp.mock.job-duration=PT0S \
  -Dazdp.mock.retry-after=0 -Dazdp.mock.journal-size=100 -jar "$MOCK_JAR" >"$WORK/mock.log" 2>&1 &
PID=$!
for _ in $(seq 1 300); do curl -fs "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1 && break; sleep 0.2; done
SUB=00000000-0000-0000-0000-000000000000
ID=/subscriptions/$SUB/resourceGroups/azdp-demo-rg/providers/Microsoft.DataProtection/backupVaults/azdp-demo-vault/backupInstances/azdp-demo-instance
TOKEN=$(curl -fs -X POST "http://127.0.0.1:$PORT/_mock/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
ENV="env AZURE_SUBSCRIPTION_ID=$SUB AZDP_CONFIG=/nonexistent AZDP_ENDPOINT=http://127.0.0.1:$PORT AZURE_ACCESS_TOKEN=$TOKEN"
ARGS="backup --id $ID --rule-name BackupWeekly --retention-tag-override Weekly --no-wait -o none"
for r in $(seq 1 "$ROUNDS"); do
  if [ $((r % 2)) -eq 1 ]; then FIRST=$OTHER; SECOND=$ROOT; else FIRST=$ROOT; SECOND=$OTHER; fi
  cmds=()
  for d in "$FIRST" "$SECOND"; do
    tag=$([ "$d" = "$ROOT" ] && echo this || echo other)
    cmds+=(-n "$tag: azdp --version" "$ENV $d/bin/azdp --version")
    cmds+=(-n "$tag: azdp backup --no-wait" "$ENV $d/bin/azdp $ARGS")
  done
  hyperfine -N --warmup 2 --runs "$RUNS" --export-json "$WORK/round-$r.json" "${cmds[@]}" >"$WORK/round-$r.log" 2>&1 \
    || { cat "$WORK/round-$r.log" >&2; exit 1; }
done
python3 - "$WORK" "$ROUNDS" <<'PY'
import json, statistics, sys
work, rounds = sys.argv[1], int(sys.argv[2])
ratios, cpu_ratios = {}, {}
print("| round | command | other median [ms] | this median [ms] | this / other | other CPU [ms] | this CPU [ms] | CPU this / other |")
print("|---:|:---|---:|---:|---:|---:|---:|---:|")
for r in range(1, rounds + 1):
    results = json.load(open(f"{work}/round-{r}.json"))["results"]
    res = {x["command"]: x["median"] for x in results}
    cpu = {x["command"]: x["user"] + x["system"] for x in results}
    for cmd in ("azdp --version", "azdp backup --no-wait"):
        o, t = res["other: " + cmd], res["this: " + cmd]
        oc, tc = cpu["other: " + cmd], cpu["this: " + cmd]
        ratios.setdefault(cmd, []).append(t / o)
        cpu_ratios.setdefault(cmd, []).append(tc / oc)
        print(f"| {r} | `{cmd}` | {o*1000:.0f} | {t*1000:.0f} | {t/o:.3f} | {oc*1000:.0f} | {tc*1000:.0f} | {tc/oc:.3f} |")
print()
for cmd, rs in ratios.items():
    print(f"median ratio this/other, `{cmd}`: wall {statistics.median(rs):.3f}, CPU "
          f"{statistics.median(cpu_ratios[cmd]):.3f} over {len(rs)} rounds")
PY
