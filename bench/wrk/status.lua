-- Plain GETs of the URL given to wrk, counting answers by class (so a run of 4xx/5xx is not
-- mistaken for throughput). Env: BENCH_TOKEN, when set, is sent as a bearer token.
local threads = {}
ok, conflict, other = 0, 0, 0

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  local token = os.getenv("BENCH_TOKEN")
  if token and token ~= "" then wrk.headers["Authorization"] = "Bearer " .. token end
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
