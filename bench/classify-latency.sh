#!/usr/bin/env bash
# Latency of POST /classify against a running service, one request at a time.
#   bin/dlbugs serve &   then   bench/classify-latency.sh [N] [URL]
# Prints p50, p90, p99 and max in milliseconds over N requests (after 20 warm-up requests).
# Every request's text ends with its own number, so the service's embedding cache never answers
# it: the figures are those of a report the service has not seen.
set -euo pipefail
n="${1:-300}"
url="${2:-http://127.0.0.1:7070/classify}"
post() {  # post I
  local body='{"text":"ValueError: Error when checking input: expected dense_1_input to have shape (784,) but got array with shape (28,28) (run '"$1"')","library":"keras"}'
  curl -s -o /dev/null -w '%{time_total}\n' -H 'Content-Type: application/json' -d "$body" "$url"
}
for i in $(seq 20); do post "w$i" >/dev/null; done
for i in $(seq "$n"); do post "$$-$i"; done | sort -n | awk -v n="$n" '
  { t[NR] = $1 * 1000 }
  END { printf "requests %d  p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  max %.1f ms\n",
        n, t[int(n*0.5)], t[int(n*0.9)], t[int(n*0.99)], t[n] }'
