#!/usr/bin/env bash
# Submits a Concerto exploration as a Slurm job array (one task per shard) and a merge job that
# runs when every task has succeeded; the merge writes every table of the exploration. Usage:
#   scripts/slurm-explore.sh SHARDS CONCERTO OUT "SCENARIO SCENARIO ..." ["EXTRA OPTIONS"]
set -euo pipefail
SHARDS=$1 CONCERTO=$2 OUT=$3 SCENARIOS=$4 EXTRA=${5:-}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$OUT"
export CONCERTO SCENARIOS OUT EXTRA
array=$(sbatch --parsable --array=0-$((SHARDS - 1)) --chdir="$OUT" --export=ALL "$here/concerto-explore.sbatch")
merge=$(sbatch --parsable --dependency=afterok:"$array" --chdir="$OUT" --job-name=concerto-merge --output=concerto-merge-%j.log \
  --wrap="\"$CONCERTO\" merge $(for i in $(seq 0 $((SHARDS - 1))); do printf '%q ' "$OUT/shard-$i"; done) --output \"$OUT/merged\"")
echo "array job $array, merge job $merge; tables in $OUT/merged/ (robustness.csv, sensitivity.csv, discovery.md)"
