-- azdp-mock benchmark mix: 1 in 10 requests triggers an adhoc backup (202), 6 poll the operation status,
-- 3 read the backup job. Paths and token come from the environment (set by run.sh). Every response is counted by
-- status; done() prints "status <code> <count>" lines, which run.sh checks.
local token = os.getenv("BENCH_TOKEN") or "none"
local post_path = os.getenv("BENCH_POST_PATH")
local status_path = os.getenv("BENCH_STATUS_PATH")
local job_path = os.getenv("BENCH_JOB_PATH")
local body = '{"backupRuleOptions":{"ruleName":"BackupWeekly","triggerOption":{"retentionTagOverride":"Weekly"}}}'
local counter = 0
local pace_ms = tonumber(os.getenv("BENCH_DELAY_MS") or "0")
local threads = {}

-- with BENCH_DELAY_MS each connection waits that long between requests: N connections / D ms ~ a fixed rate
if pace_ms > 0 then
  delay = function()
    return pace_ms
  end
end

function setup(thread)
  table.insert(threads, thread)
end

codes = {}

function response(status, headers, body)
  codes[status] = (codes[status] or 0) + 1
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

function done(summary, latency, requests)
  local total = {}
  for _, t in ipairs(threads) do
    for code, n in pairs(t:get("codes")) do
      total[code] = (total[code] or 0) + n
    end
  end
  for code, n in pairs(total) do
    io.write(string.format("status %d %d\n", code, n))
  end
end
