-- wrk script: one admitted call at the mock's gateway (invoke URL, x-ncp-apigw-api-key), answered by its echo.
wrk.method = "GET"
wrk.path = os.getenv("BENCH_GATEWAY_PATH")
wrk.headers["x-ncp-apigw-api-key"] = os.getenv("BENCH_GATEWAY_KEY")

dofile("bench/pacing.lua")
dofile("bench/report.lua")
