-- Comment POSTs through the whole filter pipeline. Every request has a distinct random text (the
-- server refuses exact duplicates and holds near-duplicates from other names), so each one is a
-- real submission: filters, durable write (fsync group commit) before the 201.
-- Env: BENCH_ARTICLE (default bench-post).
local words = {"council", "bridge", "spring", "delays", "costs", "residents", "traffic",
  "parking", "schools", "library", "park", "river", "station", "budget", "mayor", "vote", "plan",
  "road", "bus", "train", "weather", "summer", "winter", "garden", "market", "coffee", "bakery",
  "football", "season", "coach", "players", "fans", "tickets", "music", "festival", "concert",
  "street", "shop", "family", "children", "teacher", "history", "science", "report", "thanks",
  "interesting", "agree", "perhaps", "really", "useful", "clear", "question", "answer", "local",
  "election", "housing", "rent", "wages", "jobs", "harbour", "ferry", "village", "hospital",
  "nurse", "funding", "services", "water", "energy", "solar", "homes", "recycling", "weekend",
  "morning", "evening", "remember", "grandmother", "story"}
local names = {"Ana", "Ben", "Chloe", "Dev", "Elif", "Femi", "Greta", "Hiro", "Ines", "Jon",
  "Kasia", "Liam", "Mara", "Nils", "Olu", "Priya"}
local threads = {}
local article = os.getenv("BENCH_ARTICLE") or "bench-post"
local counter = 0
id = 0
ok, conflict, other = 0, 0, 0

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() * 1000 + id * 7919 + math.floor(os.clock() * 1e6))
  wrk.method = "POST"
  wrk.path = "/api/v1/articles/" .. article .. "/comments"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Accept"] = "application/json"
end

function request()
  counter = counter + 1
  local n = 8 + math.random(12)
  local t = {}
  for i = 1, n do t[i] = words[math.random(#words)] end
  local body = string.format('{"name":"%s %d","comment":"%s. #%d-%d-%d"}',
    names[math.random(#names)], math.random(1000), table.concat(t, " "), id, counter,
    math.random(1000000000))
  return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
  if status < 300 then ok = ok + 1 elseif status == 409 then conflict = conflict + 1
  else other = other + 1 end
end

-- One line run.sh greps: answers by class, summed over wrk's threads.
function done(summary, latency, requests)
  local o, c, x = 0, 0, 0
  for _, t in ipairs(threads) do
    o = o + t:get("ok"); c = c + t:get("conflict"); x = x + t:get("other")
  end
  io.write(string.format("STATUS 2xx=%d 409=%d other=%d\n", o, c, x))
end
