#!/usr/bin/env bash
# What azure-identity would cost azdp (ADR 0010), one command: bash bench/identity/run.sh
# Times, in one hyperfine run against the local emulator's HTTPS token endpoint, three fresh JVMs that each get one
# ARM token with client credentials: the same POST with the JDK's HttpClient (the floor: JVM start, TLS, one request),
# azure-identity's ClientSecretCredential (the version mock-junit's SDK tests use, with the JDK HTTP client), and the
# whole `azdp auth show` (Quarkus, our chain, quarkus-oidc-client). Both java runs use bin/azdp's JIT and GC flags.
# Prints medians and CPU time. Env: RUNS (default 15).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
RUNS=${RUNS:-15}
MOCK_JAR=mock-server/target/quarkus-app/quarkus-run.jar
command -v hyperfine >/dev/null || { (apt-get update -qq || true) && apt-get install -y -qq hyperfine >/dev/null; }
if [ ! -f "$MOCK_JAR" ] || [ ! -f cli/target/quarkus-app/quarkus-run.jar ]; then
  ./mvnw -B -q -pl mock-server,cli -am package -DskipTests -DskipNativeSources
fi
WORK=$(mktemp -d)
PID=
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

# azure-identity and its run-time dependencies, as mock-junit's tests resolve them (no Quarkus on this class path)
./mvnw -B -q -pl mock-junit dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/all.txt" >/dev/null
tr ':' '\n' < "$WORK/all.txt" | grep -E '/com/azure/(azure-identity|azure-core|azure-json|azure-xml|azure-core-http-jdk-httpclient)/|/com/microsoft/azure/msal4j|/io/projectreactor/|/org/reactivestreams/|/org/slf4j/slf4j-api/|/net/java/dev/jna/|/com/fasterxml/' \
  | grep -v azure-core-management | paste -sd: > "$WORK/cp.txt"
mkdir -p "$WORK/classes"
javac -d "$WORK/classes" -cp "$(cat "$WORK/cp.txt")" bench/identity/AzureIdentityToken.java bench/identity/JdkToken.java
CP="$WORK/classes:$(cat "$WORK/cp.txt")"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
HTTP=$(free_port); HTTPS=$(free_port)
java -Dquarkus.http.port="$HTTP" -Dazdp.mock.https.port="$HTTPS" -Dazdp.mock.https.certificate-file="$WORK/mock.pem" \
  -Dquarkus.log.level=WARN -jar "$MOCK_JAR" >"$WORK/mock.log" 2>&1 &
PID=$!
for _ in $(seq 1 300); do curl -fs "http://127.0.0.1:$HTTP/q/health/ready" >/dev/null 2>&1 && break; sleep 0.2; done
keytool -importcert -noprompt -alias azdp-mock -file "$WORK/mock.pem" -keystore "$WORK/trust.p12" -storepass changeit \
  -storetype PKCS12 >/dev/null 2>&1
TRUST="-Djavax.net.ssl.trustStore=$WORK/trust.p12 -Djavax.net.ssl.trustStorePassword=changeit"
TENANT=00000000-0000-0000-0000-00000000feed
ARGS="https://localhost:$HTTPS $TENANT azdp-mock-client azdp-mock-secret"
JVM="java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC $TRUST -cp $CP"
cat > "$WORK/azdp.sh" <<SH
#!/bin/sh
export AZDP_CONFIG=/nonexistent AZDP_ENDPOINT=https://localhost:$HTTPS AZURE_TENANT_ID=$TENANT \
  AZURE_CLIENT_ID=azdp-mock-client AZURE_CLIENT_SECRET=azdp-mock-secret \
  AZURE_SUBSCRIPTION_ID=00000000-0000-0000-0000-000000000000 AZDP_JAVA_OPTS="$TRUST"
exec "$ROOT/bin/azdp" auth show -o none
SH
chmod +x "$WORK/azdp.sh"
for c in "$JVM JdkToken $ARGS" "$JVM AzureIdentityToken $ARGS"; do
  [ "$($c 2>/dev/null)" = ok ] || { echo "no token from: $c" >&2; exit 1; }
done
"$WORK/azdp.sh" || { echo "azdp auth show failed" >&2; exit 1; }
hyperfine -N --warmup 2 --runs "$RUNS" --export-json "$WORK/result.json" \
  -n "JDK HttpClient, one token (floor)" "$JVM JdkToken $ARGS" \
  -n "azure-identity ClientSecretCredential, one token" "$JVM AzureIdentityToken $ARGS" \
  -n "azdp auth show (whole CLI)" "$WORK/azdp.sh" >"$WORK/hyperfine.log" 2>&1 || { cat "$WORK/hyperfine.log" >&2; exit 1; }
python3 - "$WORK/result.json" <<'PY'
import json, sys
rows = json.load(open(sys.argv[1]))["results"]
floor = rows[0]["median"]
print("| fresh JVM, one ARM token over HTTPS | median [ms] | CPU user+sys [ms] | median - floor [ms] |")
print("|:---|---:|---:|---:|")
for r in rows:
    print("| %s | %.0f | %.0f | %+.0f |" % (r["command"], r["median"] * 1000, (r["user"] + r["system"]) * 1000,
                                            (r["median"] - floor) * 1000))
PY
