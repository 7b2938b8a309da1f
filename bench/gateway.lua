-- wrk script: one admitted call at the mock's gateway (invoke URL, x-ncp-apigw-api-key), answered by its echo.
wrk.method = "GET"
wrk.path = os.getenv("BENCH_GATEWAY_PATH")
wrk.headers["x-ncp-apigw-api-key"] = os.getenv("BENCH_GATEWAY_KEY")

function done(summary, latency, requests)
  io.write(string.format("RESULT rps=%.1f p50=%.3f p99=%.3f non2xx=%d errors=%d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
