-- BENCH_DELAY_MS paces each connection: a call, then a pause drawn from an exponential distribution with that
-- mean (latency at a set load, not at saturation; random pauses keep the connections from firing together).
-- Read by the wrk scripts that take it (signed.lua, gateway.lua).
local pause = os.getenv("BENCH_DELAY_MS")
if pause then
  local mean = tonumber(pause)
  function delay()
    return math.floor(-mean * math.log(1 - math.random()) + 0.5)
  end
end
