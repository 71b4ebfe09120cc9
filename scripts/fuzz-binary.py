#!/usr/bin/env python3
"""Structural fuzz of the built `concerto` binary: seeded mutants of the shipped scenarios through
`validate`, then (if accepted) `run --replications 2 --years 1`, each with a time limit.

Every mutant must end in one of two classes:
  - rejected: exit 2, stderr names the mutant's file (and a JSON path), no output file;
  - ran: validate exit 0 and run exit 0, with a JSON output holding `medianDaysKM`.
Anything else is a failure: a crash (exit >= 128 or an unexpected code), a hang (time limit), a
rejection without the file named, or an accepted scenario whose run fails.

Usage (from the repository root, after `swift build -c release`):
    python3 scripts/fuzz-binary.py [CASES] [--seed S] [--jobs J] [--binary PATH]
CI runs 1,000 cases; the long run is 10,000 (docs/errors.md). Exit 0 when every case is in a class.
"""
import json
import os
import random
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCENARIOS = sorted(os.path.join(ROOT, "Scenarios", f) for f in os.listdir(os.path.join(ROOT, "Scenarios")) if f.endswith(".json"))
TIME_LIMIT = 60

# Numbers a hostile user or a typo produces: tiny, subnormal, huge, negative, fractional.
NUMBERS = [0, -1, -0.0, 5e-324, 2.2e-308, 1e-300, 1e-18, 1e-6, 0.001, 0.5, 1, 2, 7, 365, 366, 1e4, 1e6, 1e9,
           999999999999999, 1e15, 1e300, 1.7976931348623157e308, 2 ** 53 + 1, 0.999999, 1.000001]
STRINGS = ["", " ", "x", "grande-table", "GT Logement", "\u001b[2J", "a\nb", "é" * 3, "x" * 5000, "\u200e", "null"]


def paths(node, prefix=()):
    """Every (path, value) in a JSON tree."""
    yield prefix, node
    if isinstance(node, dict):
        for k, v in node.items():
            yield from paths(v, prefix + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from paths(v, prefix + (i,))


def get_parent(tree, path):
    node = tree
    for p in path[:-1]:
        node = node[p]
    return node


def mutate(tree, rng):
    """One to three random structural mutations, described in words."""
    what = []
    for _ in range(rng.choice([1, 1, 1, 2, 3])):
        all_paths = [p for p, _ in paths(tree) if p]
        path = rng.choice(all_paths)
        parent, key = get_parent(tree, path), path[-1]
        value = parent[key]
        kind = rng.random()
        if isinstance(value, (int, float)) and not isinstance(value, bool) and kind < 0.6:
            parent[key] = rng.choice(NUMBERS)
            what.append(f"{'.'.join(map(str, path))}={parent[key]!r}")
        elif kind < 0.7:
            if isinstance(parent, dict):
                del parent[key]
            else:
                parent.pop(key)
            what.append(f"delete {'.'.join(map(str, path))}")
        elif kind < 0.8:
            parent[key] = rng.choice([None, True, "3", [], {}, rng.choice(STRINGS), [1, 2], {"a": 1}])
            what.append(f"retype {'.'.join(map(str, path))}")
        elif kind < 0.88 and isinstance(value, list) and value:
            value.append(json.loads(json.dumps(rng.choice(value))))
            what.append(f"duplicate in {'.'.join(map(str, path))}")
        elif kind < 0.94 and isinstance(value, str):
            parent[key] = rng.choice(STRINGS)
            what.append(f"string {'.'.join(map(str, path))}")
        elif isinstance(value, list):
            parent[key] = value * rng.choice([0, 2, 20]) if len(value) < 50 else []
            what.append(f"resize {'.'.join(map(str, path))}")
        else:
            if isinstance(parent, dict):
                parent[key + "x" if isinstance(key, str) else key] = value
            what.append(f"rename near {'.'.join(map(str, path))}")
    return what


def run_case(args):
    index, binary, seed, folder = args
    rng = random.Random(seed * 1_000_003 + index)
    source = rng.choice(SCENARIOS)
    tree = json.load(open(source))
    what = mutate(tree, rng)
    path = os.path.join(folder, f"mutant-{index}.json")
    with open(path, "w") as f:
        json.dump(tree, f)
    out = os.path.join(folder, f"out-{index}.json")
    try:
        v = subprocess.run([binary, "validate", path], capture_output=True, text=True, timeout=TIME_LIMIT)
    except subprocess.TimeoutExpired:
        return index, "hang", f"validate > {TIME_LIMIT} s", what, source
    if v.returncode == 2:
        ok = path in v.stderr and not os.path.exists(out)
        return index, "rejected" if ok else "bad-message", v.stderr[:300], what, source
    if v.returncode != 0:
        return index, "crash", f"validate exit {v.returncode}: {v.stderr[-300:]}", what, source
    try:
        r = subprocess.run([binary, "run", path, "--replications", "2", "--years", "1", "--threads", "1", "--format", "json", "--output", out],
                           capture_output=True, text=True, timeout=TIME_LIMIT)
    except subprocess.TimeoutExpired:
        return index, "hang", f"run > {TIME_LIMIT} s", what, source
    if r.returncode == 0 and os.path.exists(out) and "medianDaysKM" in open(out).read():
        os.remove(out)
        return index, "ran", "", what, source
    if r.returncode == 2 and path in r.stderr:
        # validate said ok, run refused: allowed only for horizon-dependent checks; report it.
        return index, "run-refused", r.stderr[:300], what, source
    return index, "crash", f"run exit {r.returncode}: {r.stderr[-300:]}", what, source


def main():
    args = sys.argv[1:]
    cases = int(args[0]) if args and not args[0].startswith("--") else 1000
    seed = int(args[args.index("--seed") + 1]) if "--seed" in args else 1
    jobs = int(args[args.index("--jobs") + 1]) if "--jobs" in args else os.cpu_count() or 2
    binary = args[args.index("--binary") + 1] if "--binary" in args else os.path.join(ROOT, ".build", "release", "concerto")
    counts, failures = {}, []
    with tempfile.TemporaryDirectory(prefix="concerto-fuzz-") as folder:
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            for index, cls, detail, what, source in pool.map(run_case, [(i, binary, seed, folder) for i in range(cases)]):
                counts[cls] = counts.get(cls, 0) + 1
                if cls not in ("rejected", "ran"):
                    failures.append((index, cls, detail, what, os.path.basename(source)))
                try:
                    os.remove(os.path.join(folder, f"mutant-{index}.json"))
                except OSError:
                    pass
        leftovers = [f for f in os.listdir(folder) if not f.startswith("mutant-")]
    print(f"fuzz: {cases} mutants (seed {seed}): " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    if leftovers:
        print(f"files left beside the mutants: {leftovers[:10]}")
    for f in failures[:30]:
        print("  FAIL", f)
    return 0 if not failures and not leftovers else 1


if __name__ == "__main__":
    sys.exit(main())
