-- Moderation decisions on held comments. Env: BENCH_IDS (file of comment ids, one a line, written
-- by the seeder), BENCH_TOKEN (admin bearer token). wrk's threads take interleaved slices of the
-- ids and walk them round-robin; the first pass approves, later passes alternate requeue and
-- approve, so every decision is a real status change (counters, audit log, cache invalidation,
-- learning). No "version" is sent (= the current one); 409s can only come from two connections
-- deciding the same id at once and are counted separately.
local threads = {}
id = 0
ok, conflict, other = 0, 0, 0
local ids = {}
local pos, pass = 0, 0

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  local n = tonumber(os.getenv("BENCH_THREADS") or "1")
  local i = 0
  for line in io.lines(os.getenv("BENCH_IDS")) do
    if i % n == id - 1 then table.insert(ids, line) end
    i = i + 1
  end
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
end

function request()
  pos = pos + 1
  if pos > #ids then pos, pass = 1, pass + 1 end
  local action = "approve"
  if pass % 2 == 1 then action = "requeue" end
  return wrk.format(nil, "/api/v1/moderation/comments/" .. ids[pos] .. "/decision", nil,
    '{"action":"' .. action .. '","reason":"bench"}')
end

function response(status, headers, body)
  if status < 300 then ok = ok + 1 elseif status == 409 then conflict = conflict + 1
  else other = other + 1 end
end

function done(summary, latency, requests)
  local o, c, x = 0, 0, 0
  for _, t in ipairs(threads) do
    o = o + t:get("ok"); c = c + t:get("conflict"); x = x + t:get("other")
  end
  io.write(string.format("STATUS 2xx=%d 409=%d other=%d\n", o, c, x))
end
