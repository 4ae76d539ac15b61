# Sourced by the build's class-data training scripts (mock-server and cli): start_emulator JAR [JVM options...] starts
# the packaged emulator on a free loopback port, operations and jobs lasting $EMULATOR_DURATION (default PT0.2S), and
# sets MOCK_PID and PORT (empty when it did not start; its log is $WORK/mock.log). Needs $WORK. The caller stops it.
start_emulator() {
  local jar=$1
  shift
  java "$@" -Dquarkus.http.port=0 -Dquarkus.http.host=127.0.0.1 -Dazdp.mock.operation-duration="${EMULATOR_DURATION:-PT0.2S}" \
    -Dazdp.mock.job-duration="${EMULATOR_DURATION:-PT0.2S}" -jar "$jar" >"$WORK/mock.log" 2>&1 &
  MOCK_PID=$!
  PORT=
  for _ in $(seq 1 150); do
    PORT=$(sed -n 's|.*Listening on: http://127.0.0.1:\([0-9]*\).*|\1|p' "$WORK/mock.log" | head -n 1)
    [ -n "$PORT" ] && return 0
    kill -0 "$MOCK_PID" 2>/dev/null || return 0
    sleep 0.2
  done
}
