#!/usr/bin/env bash
# Coverage study of `concerto calibrate` (docs/records.md, "Recovery and time"): 20 synthetic data
# sets of Sept-Rivières, each the minutes of one run at known values with its own seed, each
# calibrated from a wide range; counts how often each 90% interval holds the value used.
# Not part of `swift test` nor of CI (about 20 calibrations). Usage:
#   bash scripts/calibration-coverage.sh [DATASETS] [PARTICLES]     (defaults 20 and 100)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-20}
P=${2:-100}
BIN=${CONCERTO_BIN:-.build/release/concerto}
[ -x "$BIN" ] || swift build -c release --product concerto
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
S=Scenarios/sept-rivieres.json
# The values used, and the ranges the calibration searches.
declare -A TRUTH=(
  [partnerDefaults.capacityHoursPerMonth]=14
  [issueKinds.orientation-coordination.ratePerYear]=10
  [deliberation.consentThreshold]=0.3
)
declare -A RANGE=(
  [partnerDefaults.capacityHoursPerMonth]=4:20
  [issueKinds.orientation-coordination.ratePerYear]=4:16
  [deliberation.consentThreshold]=0.1:0.5
)
SETS=(); UNC=()
for p in "${!TRUTH[@]}"; do SETS+=(--set "$p=${TRUTH[$p]}"); UNC+=(--uncertain "$p=${RANGE[$p]}"); done
declare -A COVERED
for p in "${!TRUTH[@]}"; do COVERED[$p]=0; done
start=$(date +%s)
sims=0
for i in $(seq 1 "$N"); do
  "$BIN" run "$S" --replications 1 --seed "$((1000 + i))" "${SETS[@]}" --records "$WORK/pv$i" --measures attendanceRate > /dev/null
  out=$("$BIN" calibrate "$S" "$WORK/pv$i" "${UNC[@]}" --particles "$P" --seed "$i" --output "$WORK/cal$i")
  sims=$((sims + $(echo "$out" | sed -n 's/.*: \([0-9]*\) simulations.*/\1/p')))
  for p in "${!TRUTH[@]}"; do
    line=$(echo "$out" | grep "  $p:")
    lo=$(echo "$line" | sed -n 's/.*interval \[\([^,]*\), .*/\1/p')
    hi=$(echo "$line" | sed -n 's/.*interval \[[^,]*, \([^]]*\)\].*/\1/p')
    med=$(echo "$line" | sed -n 's/.*median \([^,]*\),.*/\1/p')
    inside=$(awk -v t="${TRUTH[$p]}" -v a="$lo" -v b="$hi" 'BEGIN { print (t >= a && t <= b) ? 1 : 0 }')
    COVERED[$p]=$((COVERED[$p] + inside))
    echo "data set $i  $p  true ${TRUTH[$p]}  median $med  90% [$lo, $hi]  $([ "$inside" = 1 ] && echo covered || echo MISSED)"
  done
done
echo "--- $N data sets, $sims simulations, $(( $(date +%s) - start )) s"
for p in "${!TRUTH[@]}"; do echo "coverage $p: ${COVERED[$p]} / $N (target 16 to 20)"; done
