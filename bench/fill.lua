-- wrk script: creates keys in one tenant (signed POST /api-keys, one signature valid for 5 minutes) until the
-- tenant holds its limit; past it every call is 429, which is expected here.
wrk.method = "POST"
wrk.path = os.getenv("BENCH_FILL_PATH")
wrk.headers["x-ncp-apigw-timestamp"] = os.getenv("BENCH_TS")
wrk.headers["x-ncp-iam-access-key"] = os.getenv("BENCH_AK")
wrk.headers["x-ncp-apigw-signature-v2"] = os.getenv("BENCH_SIG")
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"apiKeyName": "filler"}'
