#!/usr/bin/env bash
# Starts two different sweeps (seeds 1 and 2) at the same moment into one new folder, TRIALS
# times, and counts the outcomes. With the folder lock, every trial must end with exactly one
# sweep exiting 0 and the other exiting 2, and the folder holding one sweep whole (the manifest's
# fingerprint in every cell, results.csv written, no lock left). Usage:
#   scripts/lock-race.sh [TRIALS (50)] [CONCERTO (.build/debug/concerto)]
# Prints one line of counts; exits 1 if any trial mixed the two sweeps or did not end 0 + 2.
set -uo pipefail
TRIALS=${1:-50}
CONCERTO=${2:-.build/debug/concerto}
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
root=$(mktemp -d "${TMPDIR:-/tmp}/concerto-lock-race.XXXXXX")
trap 'rm -rf "$root"' EXIT
args=(Scenarios/sept-rivieres.json --vary instances.grande-table.schedule.meetingsPerYear=3,6 --replications 2 --years 0.3)
fp() { sed -n 's/.*"fingerprint": "\([0-9a-f]*\)".*/\1/p' "$1" | head -1; }
ok=0 bad=0 by_lock=0 by_folder=0
for i in $(seq 1 "$TRIALS"); do
  dir=$root/race-$i
  "$CONCERTO" sweep "${args[@]}" --seed 1 --output "$dir" >/dev/null 2>"$root/a-$i" & a=$!
  "$CONCERTO" sweep "${args[@]}" --seed 2 --output "$dir" >/dev/null 2>"$root/b-$i" & b=$!
  wait $a; ca=$?
  wait $b; cb=$?
  codes=$(printf '%s\n' "$ca" "$cb" | sort | tr '\n' ' ')
  m=$(fp "$dir/manifest.json" 2>/dev/null)
  mixed=0
  for c in "$dir"/cells/cell-*.json; do
    [ -e "$c" ] || continue
    [ "$(fp "$c")" = "$m" ] || mixed=1
  done
  if [ "$codes" = "0 2 " ] && [ "$mixed" = 0 ] && [ -n "$m" ] && [ -f "$dir/results.csv" ] && [ ! -e "$dir/concerto.lock" ]; then
    ok=$((ok + 1))
    if grep -qh "is in use by another concerto" "$root/a-$i" "$root/b-$i"; then by_lock=$((by_lock + 1)); else by_folder=$((by_folder + 1)); fi
  else
    bad=$((bad + 1))
    echo "trial $i: exit codes $ca $cb, mixed=$mixed, results.csv $([ -f "$dir/results.csv" ] && echo present || echo missing)" >&2
    cat "$root/a-$i" "$root/b-$i" >&2
  fi
done
echo "lock race: $TRIALS trials: $ok correct ($by_lock refused by the lock, $by_folder refused by the finished folder), $bad wrong"
[ "$bad" = 0 ]
