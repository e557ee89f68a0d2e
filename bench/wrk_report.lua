-- wrk: print the run as one JSON line (requests, errors, latency percentiles in ms).
done = function(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read
                 + summary.errors.write + summary.errors.timeout
  io.write(string.format(
    '{"requests": %d, "seconds": %.2f, "rps": %.1f, "errors": %d, ' ..
    '"p50_ms": %.1f, "p95_ms": %.1f, "p99_ms": %.1f}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    errors, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000))
end
