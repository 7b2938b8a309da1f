-- wrk script: the signed call of signed.lua (loaded from the repository root, where the benchmarks run),
-- stopped once N answers have come back (BENCH_COUNT, default 10000; run with -t1 so the count is the whole
-- run's). Prints how many answers were not 2xx. signed.lua's summary is dropped: wrk is stopped before it.
dofile("bench/signed.lua")
done = nil

local limit = tonumber(os.getenv("BENCH_COUNT") or "10000")
local answered = 0
local bad = 0

function response(status, headers, body)
  answered = answered + 1
  if status < 200 or status > 299 then bad = bad + 1 end
  if answered == limit then
    -- wrk itself only ends at -d; the benchmark reads this line and stops it
    io.write(string.format("RESULT answered=%d non2xx=%d\n", answered, bad))
    io.flush()
    wrk.thread:stop()
  end
end
