#!/usr/bin/env bash
# Build step (mock-server `package`, Unix only): writes target/quarkus-app/azdp-mock-trained.jsa, a dynamic
# class-data-sharing archive recorded while the packaged emulator starts and serves one adhoc-backup flow (token, POST
# backup, operation status, job). Quarkus's own AppCDS archive records a relative class path and so only works when
# started from inside quarkus-app/; this one works from anywhere. bin/azdp-mock, the benchmark and azdp-mock-junit use
# it when present. Never fails the build: on any error it says why on stderr and leaves no archive behind.
#   train-cds.sh <mock-server quarkus-app dir>
set -uo pipefail
APP=$(cd "$1" 2>/dev/null && pwd) || { echo "[azdp] train-cds: no $1" >&2; exit 0; }
OUT="$APP/azdp-mock-trained.jsa"
say() { echo "[azdp] train-cds: $*" >&2; }
rm -f "$OUT"
if [ ! -f "$APP/quarkus-run.jar" ]; then say "no JVM jar in $APP (native build?); nothing to train"; exit 0; fi
WORK=$(mktemp -d)
MOCK_PID=
cleanup() { [ -n "$MOCK_PID" ] && kill "$MOCK_PID" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
# shellcheck source=start-emulator.sh
. "$(dirname "$0")/start-emulator.sh"
EMULATOR_DURATION=PT0S start_emulator "$APP/quarkus-run.jar" -XX:ArchiveClassesAtExit="$WORK/trained.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off
if [ -z "$PORT" ]; then say "emulator did not start (log: $(tail -n 3 "$WORK/mock.log" | tr '\n' ' '))"; exit 0; fi

# one HTTP/1.0 exchange over bash's /dev/tcp (a fresh machine need not have curl); prints the response
http() { # method path [header] [body]
  local header=${3:-} body=${4:-}
  exec 3<>"/dev/tcp/127.0.0.1/$PORT" || return 1
  printf '%s %s HTTP/1.0\r\nHost: 127.0.0.1\r\nContent-Type: %s\r\nContent-Length: %s\r\n%s\r\n%s' \
    "$1" "$2" "${5:-application/json}" "${#body}" "${header:+$header$'\r\n'}" "$body" >&3
  cat <&3
  exec 3<&-
}
SUB=00000000-0000-0000-0000-000000000000
VAULT=/subscriptions/$SUB/resourceGroups/azdp-demo-rg/providers/Microsoft.DataProtection/backupVaults/azdp-demo-vault
API=api-version=2024-04-01
ok=
for _ in $(seq 1 100); do
  if http GET /q/health/ready | head -n 1 | grep -q ' 200 '; then ok=1; break; fi
  sleep 0.1
done
TOKEN=$(http POST /00000000-0000-0000-0000-00000000feed/oauth2/v2.0/token "" \
  "grant_type=client_credentials&client_id=azdp-mock-client&client_secret=azdp-mock-secret&scope=https%3A%2F%2Fmanagement.azure.com%2F.default" \
  application/x-www-form-urlencoded | sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p')
if [ -z "$ok" ] || [ -z "$TOKEN" ]; then say "no token from the emulator; no archive"; exit 0; fi
AUTH="Authorization: Bearer $TOKEN"
RESPONSE=$(http POST "$VAULT/backupInstances/azdp-demo-instance/backup?$API" "$AUTH" \
  '{"backupRuleOptions":{"ruleName":"BackupWeekly","triggerOption":{"retentionTagOverride":"Weekly"}}}')
STATUS=$(printf '%s' "$RESPONSE" | tr -d '\r' | sed -n 's|^[Aa]zure-[Aa]sync[Oo]peration: http://[^/]*\(/.*\)|\1|p')
if [ -z "$STATUS" ]; then say "the backup POST was not accepted; no archive"; exit 0; fi
JOB=$(http GET "$STATUS" "$AUTH" | sed -n 's|.*"jobId" *: *"\([^"]*\)".*|\1|p')
http GET "$VAULT/backupInstances/azdp-demo-instance?$API" "$AUTH" >/dev/null
http GET "$VAULT/backupPolicies/azdp-demo-policy?$API" "$AUTH" >/dev/null
[ -n "$JOB" ] && http GET "$JOB?$API" "$AUTH" >/dev/null
http GET "$VAULT/backupJobs?$API" "$AUTH" >/dev/null
http GET "/subscriptions/$SUB/nope?$API" "$AUTH" >/dev/null
# a normal exit (SIGTERM runs the shutdown hooks) writes the archive
kill -TERM "$MOCK_PID"
wait "$MOCK_PID" 2>/dev/null
MOCK_PID=
if [ -s "$WORK/trained.jsa" ]; then
  mv "$WORK/trained.jsa" "$OUT"
  say "wrote $OUT ($(($(wc -c <"$OUT") / 1048576)) MB)"
else
  say "the JVM wrote no archive (no base CDS archive in this JDK?)"
fi
