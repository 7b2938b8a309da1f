-- wrk script: one admitted call at the mock's gateway (invoke URL, x-ncp-apigw-api-key), answered by its echo.
wrk.method = "GET"
wrk.path = os.getenv("BENCH_GATEWAY_PATH")
wrk.headers["x-ncp-apigw-api-key"] = os.getenv("BENCH_GATEWAY_KEY")

-- BENCH_DELAY_MS paces each connection (a pause drawn from an exponential distribution with that mean), as in signed.lua
local pause = os.getenv("BENCH_DELAY_MS")
if pause then
  local mean = tonumber(pause)
  function delay()
    return math.floor(-mean * math.log(1 - math.random()) + 0.5)
  end
end

dofile("bench/report.lua")
