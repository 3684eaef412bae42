#!/usr/bin/env bash
# The speed comparison of issue 21, in one run, with the shipped bundle:
#   1. the predictor alone (no HTTP), one report per call and in batches of 16, REPLICAS threads;
#   2. `dlbugs serve` through HTTP (wrk on this machine) at concurrency 1, 16 and 64, then 16
#      again, DURATION seconds each after a 10 s warm-up: req/s, its ratio to the predictor's
#      batched throughput of step 1, p50/p99, errors, and the server's resident memory after each;
#   3. `label-repo --all-commits` on a generated history of COMMITS commits: commits/s through the model.
# Every report is new to the service and the predictor (numbered apart), so no cache answers one.
#
#   bench/speed.sh [DURATION] [COMMITS]     # defaults: 60 s, 1000 commits; REPLICAS=N to override (default: cores)
#
# Needs wrk (Debian package wrk). The server binds 127.0.0.1 on a free port.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
duration=${1:-60}
commits=${2:-1000}
replicas=${REPLICAS:-$(nproc)}
port=${PORT:-17171}
command -v wrk >/dev/null || { echo "speed.sh: wrk is missing (apt-get install wrk)" >&2; exit 1; }
"$root/bin/dlbugs" --version >/dev/null   # build first, outside the timings
work=$(mktemp -d /tmp/dlbugs-speed.XXXXXX)
pid=
stop() { [ -z "$pid" ] || { kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; }; pid=; }
trap 'stop; rm -rf "$work"' EXIT
echo "dlbugs speed: $(nproc) cores, $replicas replica(s), ${duration} s per measurement, $(date -u +%F)"

echo "== 1. the predictor alone (no HTTP)"
read -r -a serve_opts <<< "$(sed -n 's/^serve_opts="\(.*\)"$/\1/p' "$root/bin/dlbugs")"
OMP_NUM_THREADS=1 java "${serve_opts[@]}" -cp "$root/serve/target/dlbugs-serve.jar" dlbugs.serve.bench.PredictorBenchmark \
  "$root/models/dlbugs-default.bundle" "$duration" "$replicas" 2>/dev/null | tee "$work/predictor"
batched=$(awk '/batches of 16/ {for (i = 1; i <= NF; i++) if ($i == "predictions/s,") print $(i - 1)}' "$work/predictor")

echo "== 2. the service through HTTP (ratio: req/s over the predictor's $batched/s in batches)"
"$root/bin/dlbugs" serve --port "$port" --replicas "$replicas" 2>"$work/server.log" &
pid=$!
for _ in $(seq 120); do
  curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break
  sleep 0.5
done
rss() { awk '/VmRSS/ {printf "%.0f MB", $2/1024}' "/proc/$pid/status"; }
batches() {  # reports and model calls so far, from the service's batch-size histogram
  curl -s "http://127.0.0.1:$port/metrics" |
    awk '/^dlbugs_inference_batch_size_sum/ {s = $2} /^dlbugs_inference_batch_size_count/ {c = $2} END {print s + 0, c + 0}'
}
echo "RSS after start-up: $(rss)"
wrk -t2 -c16 -d10s -s "$root/bench/classify.lua" "http://127.0.0.1:$port/classify" >/dev/null
run() {  # run CONCURRENCY
  local out rps p50 p99 non2xx sock b0 b1
  b0=$(batches)
  out=$(wrk -t"$(( $1 < 2 ? 1 : 2 ))" -c"$1" -d"${duration}s" --latency -s "$root/bench/classify.lua" "http://127.0.0.1:$port/classify")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out"); non2xx=${non2xx:-0}
  sock=$(awk -F'[ ,]+' '/Socket errors/ {print $4+$6+$8+$10}' <<<"$out"); sock=${sock:-0}
  b1=$(batches)
  printf "c=%-3s %8s req/s  ratio %4.2f   p50 %8s   p99 %8s   errors %s   RSS %s   mean batch %s\n" \
    "$1" "$rps" "$(echo "$rps / $batched" | bc -l)" "$p50" "$p99" "$((non2xx + sock))" "$(rss)" \
    "$(echo "$b0 $b1" | awk '{printf "%.1f", ($4 > $2 ? ($3 - $1) / ($4 - $2) : 0)}')"
}
run 1
run 16
run 64
run 16
stop

echo "== 3. label-repo --all-commits on a generated history of $commits commits"
repo=${BENCH_REPO:-/tmp/dlbugs-bench-repo-$commits}
[ -d "$repo" ] || python3 "$root/bench/gen-history.py" "$repo" "$commits" >/dev/null
"$root/bin/dlbugs" label-repo "$repo" --all-commits --no-progress --out "$work/all.jsonl" 2>"$work/label.log" >/dev/null
# Its summary line: "dlbugs: scanned N commits in S s (...); classified M in C s (...)"; S excludes C.
# Counts carry thousands separators (1,000): dropped before the fields are read.
awk '/^dlbugs: scanned/ {gsub(",", ""); t = $6 + $13; printf "label-repo: %d commits in %.1f s (walk %.1f s, model %.1f s): %.0f commits/s through the model\n", $3, t, $6, $13, $3 / t}' \
  "$work/label.log"
