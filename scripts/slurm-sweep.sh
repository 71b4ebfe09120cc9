#!/usr/bin/env bash
# Submits a Concerto sweep as a Slurm job array (one task per shard) and a merge job that runs
# when every task has succeeded. Usage:
#   scripts/slurm-sweep.sh SHARDS CONCERTO SCENARIO OUT "--vary PATH=V1,V2 --vary ..." [EXTRA OPTIONS]
set -euo pipefail
SHARDS=$1 CONCERTO=$2 SCENARIO=$3 OUT=$4 VARY=$5 EXTRA=${6:-}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$OUT"
# Values go through the environment: sbatch --export=NAME=VALUE would split VARY at its commas.
export CONCERTO SCENARIO OUT VARY EXTRA
array=$(sbatch --parsable --array=0-$((SHARDS - 1)) --chdir="$OUT" --export=ALL "$here/concerto-sweep.sbatch")
merge=$(sbatch --parsable --dependency=afterok:"$array" --chdir="$OUT" --job-name=concerto-merge --output=concerto-merge-%j.log \
  --wrap="\"$CONCERTO\" merge $(for i in $(seq 0 $((SHARDS - 1))); do printf '%q ' "$OUT/shard-$i"; done) --output \"$OUT/merged\"")
echo "array job $array, merge job $merge; results: $OUT/merged/results.csv"
