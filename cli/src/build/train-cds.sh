#!/usr/bin/env bash
# Build step (cli `package`, Unix only): writes target/quarkus-app/azdp-trained.jsa, a dynamic class-data-sharing
# archive recorded while the packaged CLI runs one real adhoc backup, with --wait-for-job, against the emulator that the
# reactor has just packaged (mock-server). Quarkus's own app-cds.jsa only covers classes loaded up to Quarkus's start;
# this one also covers the client, Vert.x, Jackson and picocli work that every command does. bin/azdp prefers it.
# Never fails the build: without the emulator jar or on any error it says why on stderr and leaves no archive behind.
#   train-cds.sh <cli quarkus-app dir> <mock-server quarkus-run.jar>
set -uo pipefail
APP=$(cd "$1" 2>/dev/null && pwd) || { echo "[azdp] train-cds: no $1" >&2; exit 0; }
MOCK_JAR=$2
OUT="$APP/azdp-trained.jsa"
say() { echo "[azdp] train-cds: $*" >&2; }
rm -f "$OUT"
if [ ! -f "$APP/quarkus-run.jar" ]; then say "no JVM jar in $APP (native build?); nothing to train"; exit 0; fi
if [ ! -f "$MOCK_JAR" ]; then say "no emulator at $MOCK_JAR (build mock-server too); bin/azdp runs without a trained archive"; exit 0; fi
WORK=$(mktemp -d)
MOCK_PID=
cleanup() { [ -n "$MOCK_PID" ] && kill "$MOCK_PID" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
# shellcheck source=../../../mock-server/src/build/start-emulator.sh
. "$(dirname "$MOCK_JAR")/../../src/build/start-emulator.sh"
start_emulator "$MOCK_JAR"
if [ -z "$PORT" ]; then say "emulator did not start (log: $(tail -n 3 "$WORK/mock.log" | tr '\n' ' '))"; exit 0; fi
# the same JVM flags as bin/azdp, so the archive matches the launcher's VM configuration
if ! env -i PATH="$PATH" HOME="$WORK" AZDP_CONFIG=/nonexistent AZDP_ENDPOINT="http://127.0.0.1:$PORT" \
    AZURE_TENANT_ID=00000000-0000-0000-0000-00000000feed AZURE_CLIENT_ID=azdp-mock-client \
    AZURE_CLIENT_SECRET=azdp-mock-secret AZURE_SUBSCRIPTION_ID=00000000-0000-0000-0000-000000000000 \
    AZDP_POLL_INTERVAL=100ms \
    java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k -XX:CICompilerCount=1 -Xshare:auto \
    -XX:ArchiveClassesAtExit="$WORK/trained.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
    -jar "$APP/quarkus-run.jar" backup -g azdp-demo-rg -v azdp-demo-vault -n azdp-demo-instance \
    --rule-name BackupWeekly --retention-tag-override Weekly --wait-for-job -o table >"$WORK/run.log" 2>&1; then
  say "training run failed, no archive (output: $(tail -n 3 "$WORK/run.log" | tr '\n' ' '))"
  exit 0
fi
if [ -s "$WORK/trained.jsa" ]; then
  mv "$WORK/trained.jsa" "$OUT"
  say "wrote $OUT ($(($(wc -c <"$OUT") / 1048576)) MB)"
else
  say "the JVM wrote no archive (no base CDS archive in this JDK?); bin/azdp runs without a trained archive"
fi
