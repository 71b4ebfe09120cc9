#!/usr/bin/env bash
# Regenerates the golden outputs in Tests/ConcertoCLITests/Goldens from the cases listed in
# cases.tsv, with the given binary (default .build/release/concerto). Use it only in a commit of
# its own that says why results changed; the test GoldenOutputTests compares byte for byte.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-.build/release/concerto}"
# A fixed date in the provenance of JSON outputs (the test ignores the date and commit anyway).
export SOURCE_DATE_EPOCH=0
dir=Tests/ConcertoCLITests/Goldens
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
while IFS=$'\t' read -r file args; do
  [[ -z "$file" || "$file" == \#* ]] && continue
  out="$tmp/out-$file"
  rm -rf "$tmp/sweep"
  read -r -a argv <<< "${args//\{DIR\}/$tmp/sweep}"
  env -u LC_ALL -u LC_MESSAGES -u LANG "$bin" "${argv[@]}" > "$out"   # English, as the test runs it
  if [[ "$args" == *"{DIR}"* ]]; then cp "$tmp/sweep/results.csv" "$dir/$file"; else cp "$out" "$dir/$file"; fi
  echo "wrote $dir/$file ($(wc -c < "$dir/$file") bytes)"
done < "$dir/cases.tsv"
