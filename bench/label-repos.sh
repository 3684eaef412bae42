#!/usr/bin/env bash
# Benchmark for `dlbugs label-repos` (issue 14): REPOS generated repositories of COMMITS commits
# each, labelled by one Spark job on local[2], against `label-repo` run on each, one after the other.
#
#   bench/label-repos.sh [REPOS] [COMMITS]     # default 20 repositories of 2000 commits
#
# Prints both wall times, their ratio and each side's peak resident memory (the Spark job runs in
# one JVM on local[2], so its peak RSS is the job's), and checks that both wrote the same records.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
repos=${1:-20}
commits=${2:-2000}
base=${BENCH_REPOS:-/tmp/dlbugs-bench-repos-$repos-$commits}
out=$(mktemp -d /tmp/dlbugs-bench-label-repos.XXXXXX)
trap 'rm -rf "$out"' EXIT
mkdir -p "$base"
for i in $(seq "$repos"); do  # each its own seed: no two histories alike
  [ -d "$base/r$i" ] || GEN_SEED="$i" python3 "$root/bench/gen-history.py" "$base/r$i" "$commits" >/dev/null
  echo "$base/r$i"
done > "$out/list.txt"
"$root/bin/dlbugs" --version >/dev/null   # build first, outside the timings
now() { date +%s.%N; }

echo "== label-repo on each of $repos repositories of $commits commits, one after the other"
t0=$(now)
peak_seq=0
for i in $(seq "$repos"); do
  /usr/bin/time -o "$out/time" -f "%M" "$root/bin/dlbugs" label-repo "$base/r$i" --out "$out/seq/r$i.jsonl" --no-progress 2>/dev/null
  rss=$(tail -1 "$out/time"); [ "$rss" -gt "$peak_seq" ] && peak_seq=$rss
done
t_seq=$(echo "$(now) - $t0" | bc)

echo "== label-repos on local[2]"
t0=$(now)
/usr/bin/time -o "$out/time" -f "%M" "$root/bin/dlbugs" label-repos "$out/list.txt" --out "$out/spark" --master 'local[2]' \
  --conf spark.ui.enabled=false --conf spark.driver.bindAddress=127.0.0.1 --conf spark.driver.host=127.0.0.1 2> "$out/spark.log"
t_spark=$(echo "$(now) - $t0" | bc)
peak_spark=$(tail -1 "$out/time")
grep -E "label-repos: .*repositories done" "$out/spark.log" | tail -1

same=yes
for i in $(seq "$repos"); do
  d=$(ls -d "$out"/spark/records/repo=r"$i"-*)
  cmp -s <(sort "$out/seq/r$i.jsonl") <(sort "$d/records.jsonl") || same=no
done
records=$(cat "$out"/seq/*.jsonl | wc -l)
printf 'sequential label-repo: %.1f s, peak RSS %d MB (one run)\n' "$t_seq" $((peak_seq / 1024))
printf 'label-repos local[2]:  %.1f s, peak RSS %d MB\n' "$t_spark" $((peak_spark / 1024))
printf 'ratio sequential/spark: %.2f; %d records; same records: %s; cores: %s\n' \
  "$(echo "$t_seq / $t_spark" | bc -l)" "$records" "$same" "$(nproc)"
