-- Cycles through prepared requests (one per line: method<TAB>path<TAB>cookie<TAB>csrf<TAB>body)
-- and prints one JSON line of results at the end.
-- Each wrk thread starts at its own share of the list, so state-changing requests
-- (one per learner and attempt) are not sent twice before the list wraps around.
local requests_file = os.getenv("BENCH_REQUESTS")
local threads = tonumber(os.getenv("BENCH_THREADS") or "2")
-- Think time: each connection (a learner) waits this long on average before its
-- next request, so latency is measured at a learner's pace, not at saturation.
local think_ms = tonumber(os.getenv("BENCH_THINK_MS") or "0")
-- Tag for the server's CPU accounting (bench/gunicorn_bench.py): which scenario
-- and round a request belongs to.
local tag = os.getenv("BENCH_TAG") or ""
-- Where in its share of the list each thread starts, as a fraction of the share:
-- the warm-up run starts half-way (0.5), so the measured run that follows (0)
-- sends new submissions rather than the warm-up's again.
local offset = tonumber(os.getenv("BENCH_OFFSET") or "0")
local prepared = {}
local index = 0
local counter = 0

setup = function(thread)
  thread:set("id", counter)
  counter = counter + 1
end

local function split(line)
  local fields = {}
  for field in (line .. "\t"):gmatch("(.-)\t") do table.insert(fields, field) end
  return fields
end

init = function(args)
  for line in io.lines(requests_file) do
    local f = split(line)
    local headers = { ["Cookie"] = f[3] }
    if tag ~= "" then headers["X-Bench-Tag"] = tag end
    if f[1] == "POST" then
      headers["Content-Type"] = "application/x-www-form-urlencoded"
      headers["X-CSRFToken"] = f[4]
      headers["Referer"] = "http://127.0.0.1/"
    end
    table.insert(prepared, wrk.format(f[1], f[2], headers, f[5] ~= "" and f[5] or nil))
  end
  index = math.floor(#prepared * ((id or 0) + offset) / threads)
end

if think_ms > 0 then
  delay = function()
    return math.random(math.floor(think_ms / 2), math.floor(think_ms * 3 / 2))
  end
end

request = function()
  index = (index % #prepared) + 1
  return prepared[index]
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "socket_errors": %d, "http_errors": %d, ' ..
    '"p50_us": %d, "p95_us": %d, "p99_us": %d, "mean_us": %.1f}\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout,
    e.status, latency:percentile(50), latency:percentile(95), latency:percentile(99),
    latency.mean))
end
