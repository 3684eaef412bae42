#!/usr/bin/env bash
# Corrections benchmark (issue 20). Starts `dlbugs serve` with the shipped bundle and a fresh
# SQLite corrections store (or the PostgreSQL database of DLBUGS_CORRECTIONS, if set to a
# jdbc:postgresql: URL), warms up, then in one run:
#   1. /classify alone at concurrency 16 (the baseline);
#   2. POST /corrections alone at concurrency 16: corrections/s, p50, p99;
#   3. both at once, 16 connections each: /classify's req/s again, and the ratio to (1).
# Each phase lasts DURATION seconds. Every correction is a new one (201); the rows stored are
# counted at the end against the 201s wrk saw.
#
#   bench/corrections.sh [DURATION]          # default 20 s per phase
#
# Needs wrk (Debian package wrk). The server binds 127.0.0.1 on a free port.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
duration=${1:-20}
port=${PORT:-17172}
command -v wrk >/dev/null || { echo "corrections.sh: wrk is missing (apt-get install wrk)" >&2; exit 1; }
"$root/bin/dlbugs" --version >/dev/null   # build first, outside the timings

work=$(mktemp -d)
store=${DLBUGS_CORRECTIONS:-$work/corrections.db}
export DLBUGS_ADMIN_TOKEN=bench-token
"$root/bin/dlbugs" serve --port "$port" --corrections "$store" 2>"$work/server.log" &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 120); do
  curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break
  sleep 0.5
done
url="http://127.0.0.1:$port"

# wrk's report → "req/s p50 p99 non2xx"; non-2xx and socket errors are added up.
figures() {
  awk '/Requests\/sec/ {rps=$2} $1=="50%" {p50=$2} $1=="99%" {p99=$2}
       /Non-2xx/ {bad+=$NF} /Socket errors/ {gsub(",", ""); bad+=$4+$6+$8+$10}
       /requests in/ {n=$1}
       END {printf "%s %s %s %d %d\n", rps, p50, p99, bad, n}'
}
classify() { wrk -t1 -c16 -d"${duration}s" --latency -s "$root/bench/classify.lua" "$url/classify"; }
correct() { wrk -t1 -c16 -d"${duration}s" --latency -s "$root/bench/corrections.lua" "$url/corrections"; }

echo "dlbugs serve with the shipped bundle, $(nproc) cores, corrections in ${store##*/} ($( [[ $store == jdbc:* ]] && echo PostgreSQL || echo SQLite)), ${duration}s per phase"
wrk -t1 -c16 -d10s -s "$root/bench/classify.lua" "$url/classify" >/dev/null
wrk -t1 -c16 -d5s -s "$root/bench/corrections.lua" "$url/corrections" >/dev/null
warm=$(curl -s -H "Authorization: Bearer $DLBUGS_ADMIN_TOKEN" "$url/metrics" | awk -F' ' '/^dlbugs_corrections_total\{/ {s+=$2} END {printf "%d", s}')
echo "(warm-up, not counted: 10 s of /classify, 5 s of corrections)"

read -r alone _ _ bad_a _ < <(classify | figures)
printf "1. /classify alone        c=16: %8s req/s   (errors %s)\n" "$alone" "$bad_a"
read -r cps p50 p99 bad_c n_c < <(correct | figures)
printf "2. POST /corrections      c=16: %8s corrections/s   p50 %s   p99 %s   (errors %s)\n" "$cps" "$p50" "$p99" "$bad_c"
classify >"$work/both-classify.txt" & c_pid=$!
correct >"$work/both-correct.txt"
wait $c_pid
read -r both _ _ bad_b _ < <(figures <"$work/both-classify.txt")
read -r cps_b _ p99_b bad_cb n_cb < <(figures <"$work/both-correct.txt")
printf "3. both at once     c=16 + c=16: /classify %8s req/s (errors %s); corrections %s/s, p99 %s (errors %s)\n" \
  "$both" "$bad_b" "$cps_b" "$p99_b" "$bad_cb"
awk -v a="$alone" -v b="$both" 'BEGIN {printf "/classify with corrections arriving / alone: %.2f\n", b / a}'

stored=$(curl -s -H "Authorization: Bearer $DLBUGS_ADMIN_TOKEN" "$url/metrics" | awk '/^dlbugs_corrections_total\{/ {s+=$2} END {printf "%d", s}')
echo "corrections recorded while measured: $((stored - warm)) (wrk saw $((n_c + n_cb)) requests, $((bad_c + bad_cb)) of them not 201)"
