-- azdp-mock benchmark mix: 1 in 10 requests triggers an adhoc backup (202), 6 poll the operation status,
-- 3 read the backup job. Paths and token come from the environment (set by run.sh).
local token = os.getenv("BENCH_TOKEN") or "none"
local post_path = os.getenv("BENCH_POST_PATH")
local status_path = os.getenv("BENCH_STATUS_PATH")
local job_path = os.getenv("BENCH_JOB_PATH")
local body = '{"backupRuleOptions":{"ruleName":"BackupWeekly","triggerOption":{"retentionTagOverride":"Weekly"}}}'
local counter = 0
local pace_ms = tonumber(os.getenv("BENCH_DELAY_MS") or "0")

-- with BENCH_DELAY_MS each connection waits that long between requests: N connections / D ms ~ a fixed rate
if pace_ms > 0 then
  delay = function()
    return pace_ms
  end
end

request = function()
  counter = counter + 1
  local m = counter % 10
  local headers = {}
  headers["Authorization"] = "Bearer " .. token
  headers["x-ms-client-request-id"] = "bench-" .. counter
  if m == 0 then
    headers["Content-Type"] = "application/json"
    return wrk.format("POST", post_path, headers, body)
  elseif m <= 6 then
    return wrk.format("GET", status_path, headers)
  else
    return wrk.format("GET", job_path, headers)
  end
end
