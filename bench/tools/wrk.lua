-- wrk script of bench/run: each request a random line of the file $BENCH_PATHS (a path with its
-- query), with $BENCH_TOKEN as bearer token when set; at the end one line of figures is appended
-- to $BENCH_OUT: requests, seconds, requests/s, errors, non-2xx/3xx answers, latency percentiles.
local paths = {}
for line in io.lines(os.getenv("BENCH_PATHS")) do
  if #line > 0 then paths[#paths + 1] = line end
end
local token = os.getenv("BENCH_TOKEN")
local headers = { ["Accept"] = "application/json" }
if token and #token > 0 then headers["Authorization"] = "Bearer " .. token end

local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
end

function init(args)
  math.randomseed(os.time() * 1000 + (id or 0))
end

function request()
  return wrk.format("GET", paths[math.random(#paths)], headers)
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  local f = io.open(os.getenv("BENCH_OUT"), "a")
  f:write(string.format("requests=%d seconds=%.2f rps=%.1f errors=%d non2xx=%d mean_ms=%.2f p50_ms=%.2f p90_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f bytes=%d\n",
    summary.requests, seconds, summary.requests / seconds, e.connect + e.read + e.write + e.timeout, e.status,
    latency.mean / 1000, latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, summary.bytes))
  f:close()
end
