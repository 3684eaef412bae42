#!/usr/bin/env bash
# Benchmark for `dlbugs triage` (issue 13): triages COUNT issues of a fake GitHub on loopback
# (dlbugs.triage.fake.FakeGitHubMain: GitHub's REST shapes, 100 issues a page, every 10th a pull
# request) with the shipped model, as a maintainer would run it.
#
#   bench/triage.sh [COUNT]      # default 100
#
# Prints, for a dry run, an --apply --comment run and a re-run: triage's own summary (issues and
# seconds from the first GitHub call to the last, model loading excluded) and the wall time of the
# whole command (JVM start and model loading included) with its peak resident memory.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
count=${1:-100}
"$root/bin/dlbugs" --version >/dev/null   # build first, outside the timings
work=$(mktemp -d /tmp/dlbugs-triage-bench.XXXXXX)
java -cp "$root/cli/target/dlbugs-cli.jar" dlbugs.triage.fake.FakeGitHubMain acme/dlproject "$count" "$work/url" &
fake=$!
trap 'kill "$fake" 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do [ -s "$work/url" ] && break; sleep 0.1; done
url=$(cat "$work/url")
triage() {
  /usr/bin/time -f "   %e s wall for the whole command, peak RSS %M KB" \
    "$root/bin/dlbugs" triage acme/dlproject --api-url "$url" --journal "$work/journal.json" "$@" >"$work/out.txt"
}
echo "== dry run of $count issues (the default: reads, plans, prints)"
triage
echo "== --apply --comment (creates the labels, adds them, one comment per triaged issue)"
GITHUB_TOKEN=bench-token triage --apply --comment
echo "== re-run with --apply --comment (everything done: no write call)"
GITHUB_TOKEN=bench-token triage --apply --comment
