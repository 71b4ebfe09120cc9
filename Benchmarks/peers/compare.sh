#!/usr/bin/env bash
# Runs the reference workload in Concerto and in SimPy, on one thread each, and compares the
# three figures (mean latency of decided issues, decisions per year, hours per partner per year)
# and the speed (replications per second, wall time of each whole process).
#
# Usage: Benchmarks/peers/compare.sh [CONCERTO_BINARY] [--swift-reps N] [--simpy-reps N]
#                                    [--seed S] [--json PATH]
#   CONCERTO_BINARY  default: .build/release/concerto under the repository root
#   --swift-reps N   Concerto replications (env SWIFT_REPS, default 20000)
#   --simpy-reps N   SimPy replications (env SIMPY_REPS, default 1000)
#   --seed S         master seed of both (env SEED, default 1); the streams differ anyway
#   --tries N        time each run N times and keep the fastest (env TRIES, default 3)
#   --json PATH      also write a machine-readable summary there
# Concerto runs twice: computing every measure it reports (about 140 for this workload, each
# with mean, sd, CI, median and p90), and with --measures computing only the three figures the
# SimPy model computes. Both ratios are printed.
# Exit status: 0 the figures agree, 1 a figure disagrees (95% CIs do not overlap), 2 bad usage
# or a run failed.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

binary=""
json_out=""
swift_reps="${SWIFT_REPS:-20000}"
simpy_reps="${SIMPY_REPS:-1000}"
seed="${SEED:-1}"
tries="${TRIES:-3}"

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --json) json_out="${2:?--json needs a path}"; shift 2 ;;
    --json=*) json_out="${1#--json=}"; shift ;;
    --swift-reps) swift_reps="${2:?--swift-reps needs a number}"; shift 2 ;;
    --swift-reps=*) swift_reps="${1#--swift-reps=}"; shift ;;
    --simpy-reps) simpy_reps="${2:?--simpy-reps needs a number}"; shift 2 ;;
    --simpy-reps=*) simpy_reps="${1#--simpy-reps=}"; shift ;;
    --seed) seed="${2:?--seed needs a number}"; shift 2 ;;
    --seed=*) seed="${1#--seed=}"; shift ;;
    --tries) tries="${2:?--tries needs a number}"; shift 2 ;;
    --tries=*) tries="${1#--tries=}"; shift ;;
    -*) echo "compare.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
    *)
      if [[ -n "$binary" ]]; then echo "compare.sh: one Concerto binary only" >&2; exit 2; fi
      binary="$1"; shift ;;
  esac
done
binary="${binary:-$root/.build/release/concerto}"
for n in "$swift_reps" "$simpy_reps" "$seed" "$tries"; do
  if ! [[ "$n" =~ ^[0-9]+$ ]]; then echo "compare.sh: not a non-negative integer: $n" >&2; exit 2; fi
done
if [[ "$swift_reps" -lt 2 || "$simpy_reps" -lt 2 ]]; then
  echo "compare.sh: at least 2 replications on each side (a CI needs them)" >&2; exit 2
fi
if [[ ! -x "$binary" ]]; then
  echo "compare.sh: no Concerto binary at $binary (build it: swift build -c release)" >&2; exit 2
fi

python="$here/.venv/bin/python"
if ! { [[ -x "$python" ]] && "$python" -c 'import simpy' >/dev/null 2>&1; }; then
  "$here/setup.sh" >&2
fi

exec "$python" - "$binary" "$root/Benchmarks/reference-workload.json" "$here/reference_simpy.py" \
  "$swift_reps" "$simpy_reps" "$seed" "$json_out" "$tries" <<'PY'
import json, math, os, platform, subprocess, sys, time

binary, scenario, simpy_script, swift_reps, simpy_reps, seed, json_out, tries = sys.argv[1:]
swift_reps, simpy_reps, tries = int(swift_reps), int(simpy_reps), max(1, int(tries))
env = dict(os.environ, OMP_NUM_THREADS="1", PYTHONHASHSEED="0")

def fail(message):
    sys.stderr.write("compare.sh: %s\n" % message)
    sys.exit(2)

def timed(cmd):
    """Runs `cmd` `tries` times; the output of the first run and the fastest wall time."""
    best, out = float("inf"), None
    for _ in range(tries):
        start = time.perf_counter()
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
        wall = time.perf_counter() - start
        if proc.returncode != 0:
            sys.stderr.write(proc.stderr)
            fail("failed (exit %d): %s" % (proc.returncode, " ".join(cmd)))
        best = min(best, wall)
        if out is None:
            try:
                out = json.loads(proc.stdout)
            except ValueError as e:
                fail("not JSON (%s): %s" % (e, " ".join(cmd)))
    return out, best

concerto_cmd = [binary, "run", scenario, "--replications", str(swift_reps), "--seed", seed,
                "--threads", "1", "--format", "json"]
simpy_cmd = [sys.executable, simpy_script, "--replications", str(simpy_reps), "--seed", seed,
             "--format", "json"]
three_cmd = concerto_cmd + ["--measures", "latency.meanDaysDecided,latency.decisionsPerYear,hyperconcertation.hoursPerPartnerYear"]
print("Concerto: %s" % " ".join(concerto_cmd), flush=True)
concerto, concerto_wall = timed(concerto_cmd)
print("Concerto: %s" % " ".join(three_cmd), flush=True)
three, three_wall = timed(three_cmd)
print("SimPy:    %s" % " ".join(simpy_cmd), flush=True)
simpy, simpy_wall = timed(simpy_cmd)

MEASURES = [  # (Concerto family, name, label, unit)
    ("latency", "meanDaysDecided", "mean latency, decided issues", "days"),
    ("latency", "decisionsPerYear", "decisions per year", "/year"),
    ("hyperconcertation", "hoursPerPartnerYear", "hours per partner per year", "h"),
]

def fmt(s):
    lo, hi = s["ci95"]
    return "%.2f [%.2f, %.2f]" % (s["mean"], lo, hi)

rows, all_agree = [], True
for family, name, label, unit in MEASURES:
    try:
        c = concerto["measures"][family][name]
        p = simpy["measures"]["%s.%s" % (family, name)]
    except KeyError:
        fail("%s.%s missing from an output" % (family, name))
    if c["mean"] is None or p["mean"] is None or c["ci95"][0] is None or p["ci95"][0] is None:
        fail("%s.%s undefined on one side" % (family, name))
    hc = (c["ci95"][1] - c["ci95"][0]) / 2
    hp = (p["ci95"][1] - p["ci95"][0]) / 2
    diff = c["mean"] - p["mean"]
    overlap = c["ci95"][0] <= p["ci95"][1] and p["ci95"][0] <= c["ci95"][1]
    within_combined = abs(diff) <= math.hypot(hc, hp)
    z = diff / (math.hypot(hc, hp) / 1.96) if hc or hp else 0.0
    all_agree = all_agree and overlap
    rows.append({"measure": "%s.%s" % (family, name), "label": label, "unit": unit,
                 "concerto": c, "simpy": p, "difference": diff, "differenceOverCombinedSE": z,
                 "ciOverlap": overlap, "withinCombinedCI": within_combined, "agree": overlap})

for family, name, _, _ in MEASURES:
    if three["measures"][family][name] != concerto["measures"][family][name]:
        fail("%s.%s differs between the full run and the run with --measures" % (family, name))

c_rate = swift_reps / concerto_wall
t_rate = swift_reps / three_wall
p_rate = simpy_reps / simpy_wall
ratio = c_rate / p_rate
ratio_three = t_rate / p_rate

w = (36, 26, 26, 7, 5)
print()
print("Reference workload (Benchmarks/reference-workload.json), seed %s, one thread each" % seed)
print("%-*s  %-*s  %-*s  %*s  %s" % (w[0], "measure", w[1], "Concerto mean [95% CI]",
                                    w[2], "SimPy mean [95% CI]", w[3], "diff/SE", "agree"))
print("  ".join("─" * x for x in w))
for r in rows:
    if not r["ciOverlap"]:
        agree = "NO (CIs disjoint)"
    elif r["withinCombinedCI"]:
        agree = "yes"
    else:
        agree = "yes (CIs overlap; |diff| > combined half-width)"
    print("%-*s  %-*s  %-*s  %*.2f  %s" % (w[0], "%s (%s)" % (r["label"], r["unit"]), w[1], fmt(r["concerto"]),
                                          w[2], fmt(r["simpy"]), w[3], r["differenceOverCombinedSE"], agree))
print()
print("speed (wall time of the whole process, fastest of %d)" % tries)
print("%-36s  %17s  %17s  %17s" % ("", "Concerto, all", "Concerto, three", "SimPy"))
print("%-36s  %17d  %17d  %17d" % ("replications", swift_reps, swift_reps, simpy_reps))
print("%-36s  %17.2f  %17.2f  %17.2f" % ("wall seconds", concerto_wall, three_wall, simpy_wall))
print("%-36s  %17.0f  %17.0f  %17.0f" % ("replications per second", c_rate, t_rate, p_rate))
print("%-36s  %17s  %17s  %17.0f" % ("  (SimPy: simulation loop only)", "", "", simpy.get("replicationsPerSecond") or 0))
print()
print("Concerto / SimPy: %.2fx replications per second computing every measure; %.2fx computing the three figures" % (ratio, ratio_three))
print("Figures %s." % ("agree (all three 95% CIs overlap)" if all_agree else "DISAGREE (see the rows marked NO)"))

if json_out:
    summary = {
        "workload": "Benchmarks/reference-workload.json",
        "seed": int(seed),
        "machine": {"platform": platform.platform(), "processor": platform.processor() or platform.machine(),
                    "cpus": os.cpu_count()},
        "concerto": {"binary": binary, "command": concerto_cmd, "replications": swift_reps,
                     "wallSeconds": concerto_wall, "replicationsPerSecond": c_rate,
                     "events": concerto.get("totals", {}).get("events")},
        "simpy": {"command": simpy_cmd, "model": simpy.get("model"), "replications": simpy_reps,
                  "wallSeconds": simpy_wall, "replicationsPerSecond": p_rate,
                  "simulationSeconds": simpy.get("simulationSeconds"),
                  "simulationReplicationsPerSecond": simpy.get("replicationsPerSecond")},
        "concertoThreeFigures": {"command": three_cmd, "wallSeconds": three_wall, "replicationsPerSecond": t_rate},
        "tries": tries,
        "ratioConcertoOverSimpy": ratio,
        "ratioThreeFiguresOverSimpy": ratio_three,
        "measures": rows,
        "agree": all_agree,
    }
    tmp = json_out + ".tmp"
    with open(tmp, "w") as f:
        json.dump(summary, f, indent=2)
        f.write("\n")
    os.replace(tmp, json_out)
    print("JSON summary: %s" % json_out)

sys.exit(0 if all_agree else 1)
PY
