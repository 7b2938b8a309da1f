# Pools wrk runs into one latency distribution: reads QUANTILES lines (a run's call count, then its latency at
# every 0.1 percentile) and prints the pooled p50 and p99 in ms: the smallest latency at or under which that
# share of all the runs' calls fell, each run weighted by its calls. Usage: awk -f bench/pool.awk FILES...
/^QUANTILES/ {
  runs++
  sub(/^n=/, "", $2); weight[runs] = $2; total += $2
  grid[runs] = split($3, values, ",")
  for (i = 1; i <= grid[runs]; i++) { q[runs, i] = values[i] + 0; if (q[runs, i] > largest) largest = q[runs, i] }
}
function share(x,   r, lo, hi, mid, sum) { # of all calls, the share at or under x (binary search in each run's grid)
  sum = 0
  for (r = 1; r <= runs; r++) {
    lo = 0; hi = grid[r]
    while (lo < hi) { mid = int((lo + hi + 1) / 2); if (q[r, mid] <= x) lo = mid; else hi = mid - 1 }
    sum += weight[r] * lo / grid[r]
  }
  return sum / total
}
function at(target,   lo, hi, mid) { # the smallest latency (to 1 microsecond) with that share of all calls at or under it
  lo = 0; hi = largest
  while (hi - lo > 0.0005) { mid = (lo + hi) / 2; if (share(mid) >= target) hi = mid; else lo = mid }
  return hi
}
END {
  if (runs == 0) { print "no QUANTILES lines" > "/dev/stderr"; exit 1 }
  printf "POOLED runs=%d calls=%d p50=%.3f p99=%.3f\n", runs, total, at(0.5), at(0.99)
}
