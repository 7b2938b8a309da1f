-- wrk's end-of-run report, one RESULT line that bench/run.sh reads: shared by every wrk script here.
-- With BENCH_QUANTILES set, also a QUANTILES line: the call count and the latency (ms) at every 0.1 percentile
-- (0.1 to 100), from which bench/proxy.sh pools several runs into one distribution.
function done(summary, latency, requests)
  io.write(string.format("RESULT rps=%.1f p50=%.3f p99=%.3f non2xx=%d errors=%d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  if os.getenv("BENCH_QUANTILES") then
    local values = {}
    for i = 1, 1000 do
      values[i] = string.format("%.3f", latency:percentile(i / 10) / 1000)
    end
    io.write(string.format("QUANTILES n=%d %s\n", summary.requests, table.concat(values, ",")))
  end
end
