#!/usr/bin/env bash
# Load benchmark for `dlbugs serve` (issue 5). Starts the server with the shipped bundle, runs
# wrk for DURATION seconds at concurrency 16, then 64, then 16 again (to see memory growth),
# and prints requests/s, p50/p99 latency, errors and resident memory before and after each run.
# Then times the predictor alone (no HTTP) on the same report, so the HTTP overhead shows.
# A 10 s warm-up at concurrency 16 comes first and is not counted.
#
#   bench/load.sh [DURATION] [REPLICAS]       # defaults: 60 s, one replica per core
#
# Needs wrk (Debian package wrk). The server binds 127.0.0.1 on a free port.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
duration=${1:-60}
replicas=${2:-$(nproc)}
port=${PORT:-17171}
command -v wrk >/dev/null || { echo "load.sh: wrk is missing (apt-get install wrk)" >&2; exit 1; }
"$root/bin/dlbugs" --version >/dev/null   # build first, outside the timings

"$root/bin/dlbugs" serve --port "$port" --replicas "$replicas" 2>/tmp/dlbugs-load-server.log &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
for _ in $(seq 120); do
  curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break
  sleep 0.5
done
rss() { awk '/VmRSS/ {printf "%.0f MB", $2/1024}' "/proc/$pid/status"; }
run() {  # run CONCURRENCY
  local out
  out=$(wrk -t2 -c"$1" -d"${duration}s" --latency -s "$root/bench/classify.lua" "http://127.0.0.1:$port/classify")
  local rps p50 p99 non2xx sock
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out"); non2xx=${non2xx:-0}
  sock=$(awk -F'[ ,]+' '/Socket errors/ {print $4+$6+$8+$10}' <<<"$out"); sock=${sock:-0}
  printf "c=%-3s %8s req/s   p50 %8s   p99 %8s   errors %s (non-2xx %s, socket %s)   RSS %s\n" \
    "$1" "$rps" "$p50" "$p99" "$((non2xx + sock))" "$non2xx" "$sock" "$(rss)"
}
echo "dlbugs serve, $replicas replica(s), $(nproc) cores, ${duration}s per run; RSS after start-up: $(rss)"
wrk -t2 -c16 -d10s -s "$root/bench/classify.lua" "http://127.0.0.1:$port/classify" >/dev/null
echo "(after 10 s of warm-up at c=16, not counted: the JIT compiles the hot paths)"
run 16
run 64
run 16
kill $pid; wait $pid 2>/dev/null || true
trap - EXIT
# The predictor runs with the service's JVM options, read from the launcher.
read -r -a serve_opts <<< "$(sed -n 's/^serve_opts="\(.*\)"$/\1/p' "$root/bin/dlbugs")"
java "${serve_opts[@]}" -cp "$root/serve/target/dlbugs-serve.jar" dlbugs.serve.bench.PredictorBenchmark \
  "$root/models/dlbugs-default.bundle" "$duration" "$replicas" 2>/dev/null
