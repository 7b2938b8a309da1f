-- wrk script: one signed NCP call. The signature covers method, path, timestamp and access key (not
-- the body), so one signature made at start stays valid for the 5-minute window; the server still
-- verifies it on every request.
wrk.method = os.getenv("BENCH_METHOD")
wrk.path = os.getenv("BENCH_PATH")
wrk.headers["x-ncp-apigw-timestamp"] = os.getenv("BENCH_TS")
wrk.headers["x-ncp-iam-access-key"] = os.getenv("BENCH_AK")
wrk.headers["x-ncp-apigw-signature-v2"] = os.getenv("BENCH_SIG")
if wrk.method == "PATCH" then
  wrk.headers["Content-Type"] = "application/json"
  wrk.body = '{"keyType": "PRIMARY"}'
end

dofile("bench/pacing.lua")
dofile("bench/report.lua")
