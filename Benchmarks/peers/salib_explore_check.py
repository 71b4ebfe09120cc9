#!/usr/bin/env python3
"""Cross-check a whole `concerto explore --design sobol` folder against SALib.

Reads the exploration's own sample matrix (manifest.json: the unit points of the Saltelli
design) and outputs (results.csv: each structure's mean at each point), and checks with SALib
(virtual environment under /tmp, as salib_check.py) that:

  1. SALib's saltelli.sample(problem, N, calc_second_order=False) on the unit cube is the
     exploration's design, row for row;
  2. SALib's sobol.analyze(problem, Y, calc_second_order=False) on each structure's means, and on
     each difference to the first structure, gives sensitivity.csv's S1 and ST to 1e-6.

Usage, from the repository root (builds nothing; run the exploration first):
    .build/release/concerto explore Scenarios/sept-rivieres.json Scenarios/orbite.json \
        --design sobol --points 2816 --replications 5 --years 1 --output /tmp/sobol-x
    python3 Benchmarks/peers/salib_explore_check.py /tmp/sobol-x
Exit status 0 when every check passes, 1 otherwise.
"""
import csv
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from salib_check import ensure_venv  # noqa: E402

TOLERANCE = 1e-6


def main():
    ensure_venv()
    import warnings
    import numpy as np
    from SALib.sample import saltelli
    from SALib.analyze import sobol
    warnings.filterwarnings("ignore")
    folder = sys.argv[1]
    manifest = json.load(open(os.path.join(folder, "manifest.json")))
    if manifest["design"]["name"] != "sobol":
        sys.exit(f"{folder}: not a sobol exploration (design {manifest['design']['name']})")
    names = [u["path"] for u in manifest["uncertainties"]]
    k, n = len(names), int(manifest["design"]["baseRows"])
    points = np.array(manifest["points"], dtype=float)
    problem = {"num_vars": k, "names": names, "bounds": [[0.0, 1.0]] * k}
    failures = []

    sample = saltelli.sample(problem, n, calc_second_order=False)
    gap = float(np.max(np.abs(sample - points)))
    print(f"design: {points.shape[0]} points × {k} uncertainties (N = {n}); largest difference to SALib's sample {gap:.3g}")
    if sample.shape != points.shape or gap > 1e-12:
        failures.append("design")

    structures = [s["id"] for s in manifest["structures"]]
    means = {}
    for row in csv.DictReader(open(os.path.join(folder, "results.csv"))):
        means.setdefault((row["structure"], row["measure"]), {})[int(row["point"])] = float(row["mean"]) if row["mean"] else float("nan")
    concerto = {}
    for row in csv.DictReader(open(os.path.join(folder, "sensitivity.csv"))):
        if row["index"] in ("S1", "ST"):
            concerto[(row["measure"], row["subject"], row["parameter"], row["index"])] = float(row["value"])

    checked, worst = 0, 0.0
    for measure in manifest["outcomes"]:
        series = {s: np.array([means[(s, measure)][p] for p in range(points.shape[0])]) for s in structures}
        subjects = [(s, series[s]) for s in structures]
        subjects += [(f"{s} - {structures[0]}", series[s] - series[structures[0]]) for s in structures[1:]]
        for subject, y in subjects:
            if not np.all(np.isfinite(y)) or (y.max() - y.min()) <= 1e-9 * max(1.0, np.abs(y).max()):
                continue  # sensitivity.csv says "undefined" or "constant" instead of indices
            si = sobol.analyze(problem, y, calc_second_order=False, num_resamples=10, print_to_console=False)
            for j, name in enumerate(names):
                for index, value in (("S1", si["S1"][j]), ("ST", si["ST"][j])):
                    mine = concerto.get((measure, subject, name, index))
                    if mine is None:
                        failures.append(f"{measure} {subject} {name} {index}: missing in sensitivity.csv")
                        continue
                    worst = max(worst, abs(mine - value))
                    checked += 1
                    if abs(mine - value) > TOLERANCE:
                        failures.append(f"{measure} {subject} {name} {index}: Concerto {mine} SALib {value}")
    print(f"indices: {checked} S1/ST values compared with SALib's sobol.analyze; largest difference {worst:.3g}")
    if failures:
        print("FAIL:\n  " + "\n  ".join(failures[:20]))
        return 1
    print("PASS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
