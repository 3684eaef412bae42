#!/usr/bin/env bash
# Benchmark for `dlbugs label-repo` (issue 4): labels a generated history and compares the
# scanning speed with `git log -p` on the same repository.
#
#   bench/label-repo.sh [COMMITS]      # default 10000; the repository is generated once
#
# Prints, for each run, label-repo's own summary (commits/s scanning, units/s classifying),
# the wall time and the peak resident memory.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
commits=${1:-10000}
repo=${BENCH_REPO:-/tmp/dlbugs-bench-repo-$commits}
[ -d "$repo" ] || python3 "$root/bench/gen-history.py" "$repo" "$commits"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$root/bin/dlbugs" --version >/dev/null   # build first, outside the timings

echo "== git log -p over all $commits commits (3 runs)"
for _ in 1 2 3; do
  /usr/bin/time -f "   %e s wall, peak RSS %M KB" git -C "$repo" log -p --no-color >/dev/null
done

echo "== dlbugs label-repo --all-commits --dry-run (every commit walked and diffed, no model: the scan alone; 3 runs)"
for _ in 1 2 3; do
  /usr/bin/time -f "   %e s wall, peak RSS %M KB" \
    "$root/bin/dlbugs" label-repo "$repo" --all-commits --dry-run --no-progress >/dev/null
done

echo "== dlbugs label-repo --all-commits (every commit diffed and classified; diffing overlaps the model)"
/usr/bin/time -f "   %e s wall, peak RSS %M KB" \
  "$root/bin/dlbugs" label-repo "$repo" --all-commits --no-progress --out "$out/all.jsonl"

echo "== dlbugs label-repo (default: bug fixes touching DL code), with the report"
/usr/bin/time -f "   %e s wall, peak RSS %M KB" \
  "$root/bin/dlbugs" label-repo "$repo" --no-progress --out "$out/fixes.jsonl" --report "$out/report"

echo "== re-run on the finished output (resume: nothing left to label)"
/usr/bin/time -f "   %e s wall, peak RSS %M KB" \
  "$root/bin/dlbugs" label-repo "$repo" --no-progress --out "$out/fixes.jsonl"
echo "records: $(wc -l < "$out/all.jsonl") (all commits), $(wc -l < "$out/fixes.jsonl") (fixes)"
