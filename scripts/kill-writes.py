#!/usr/bin/env python3
"""Kills every kind of write with SIGKILL at random moments and checks what is left.

For each writer — `run`, `compare`, `report`, `schema` with `--output FILE`, `sweep` and
`explore` into a folder, `merge` of two shards — the command is started TRIALS times and killed
after a random delay (0 to the time an uninterrupted run takes). After each kill:
  - a single-file target is absent or complete (byte-identical to the uninterrupted output);
  - a folder holds only complete cells (each parses, with the folder's fingerprint);
then the same command is run again (with --resume for folders) and must exit 0, produce the
same bytes as the uninterrupted run, and leave no temporary file and no lock.

Usage (after `swift build -c release`): python3 scripts/kill-writes.py [TRIALS (20)] [--binary PATH]
Prints one line per writer with its counts; exit 0 when every trial passes.
"""
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
S = os.path.join(ROOT, "Scenarios")
SMALL = ["--replications", "20", "--years", "1"]


def writers(tmp):
    sept, orbite = os.path.join(S, "sept-rivieres.json"), os.path.join(S, "orbite.json")
    return [
        ("run", lambda out: ["run", sept, "--format", "json", "--output", out] + SMALL, "file"),
        ("compare", lambda out: ["compare", sept, orbite, "--format", "json", "--output", out] + SMALL, "file"),
        ("report", lambda out: ["report", sept, orbite, "--output", out] + SMALL, "file"),
        ("schema", lambda out: ["schema", os.path.join(S, "lanaudiere.json"), "--format", "svg", "--output", out], "file"),
        ("sweep", lambda out: ["sweep", sept, "--vary", "instances.grande-table.schedule.meetingsPerYear=3,4,6,8",
                               "--vary", "partnerDefaults.capacityHoursPerMonth=15,20,25", "--output", out] + SMALL, "folder"),
        ("explore", lambda out: ["explore", sept, orbite, "--points", "12", "--output", out, "--replications", "5", "--years", "1"], "folder"),
    ]


def files(folder):
    out = {}
    for base, _, names in os.walk(folder):
        for n in names:
            p = os.path.join(base, n)
            out[os.path.relpath(p, folder)] = open(p, "rb").read()
    return out


def check_folder_after_kill(folder):
    """Only complete cells with the manifest's fingerprint (temporaries are allowed: a SIGKILL)."""
    cells = os.path.join(folder, "cells")
    if not os.path.isdir(cells):
        return True
    if not os.path.exists(os.path.join(folder, "manifest.json")):
        return all(n.startswith(".") for n in os.listdir(cells))  # killed before the manifest: no cell yet
    manifest = json.load(open(os.path.join(folder, "manifest.json")))
    for n in os.listdir(cells):
        if n.startswith("."):
            continue
        cell = json.load(open(os.path.join(cells, n)))
        if cell.get("fingerprint") != manifest["fingerprint"]:
            return False
    return True


def main():
    args = sys.argv[1:]
    trials = int(args[0]) if args and not args[0].startswith("--") else 20
    binary = args[args.index("--binary") + 1] if "--binary" in args else os.path.join(ROOT, ".build", "release", "concerto")
    rng = random.Random(17)
    failures = 0
    with tempfile.TemporaryDirectory(prefix="concerto-kill-") as tmp:
        for name, command, kind in writers(tmp):
            ref = os.path.join(tmp, f"{name}-reference" + ("" if kind == "folder" else ".out"))
            start = time.time()
            subprocess.run([binary] + command(ref), check=True, capture_output=True)
            duration = time.time() - start
            reference = files(ref) if kind == "folder" else open(ref, "rb").read()
            if kind == "folder":
                reference.pop("concerto.lock", None)
            counts = {"killed": 0, "finished before the kill": 0, "bad": 0}
            for t in range(trials):
                out = os.path.join(tmp, f"{name}-{t}" + ("" if kind == "folder" else ".out"))
                p = subprocess.Popen([binary] + command(out), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                time.sleep(rng.uniform(0, duration))
                if p.poll() is None:
                    p.send_signal(signal.SIGKILL)
                    counts["killed"] += 1
                else:
                    counts["finished before the kill"] += 1
                p.wait()
                ok = True
                if kind == "file":
                    if os.path.exists(out) and open(out, "rb").read() != reference:
                        ok = False  # a half-written target
                    again = subprocess.run([binary] + command(out), capture_output=True)
                    ok = ok and again.returncode == 0 and open(out, "rb").read() == reference
                    left = [n for n in os.listdir(tmp) if n.startswith(f".{os.path.basename(out)}.")]
                    ok = ok and not left
                else:
                    ok = check_folder_after_kill(out)
                    again = subprocess.run([binary] + command(out) + ["--resume"], capture_output=True)
                    got = files(out)
                    ok = ok and again.returncode == 0 and got == reference
                    if not ok:
                        extra = sorted(set(got) ^ set(reference))[:5]
                        print(f"  {name} trial {t}: exit {again.returncode} {again.stderr.decode()[-200:]!r}; differing files {extra}")
                if not ok:
                    counts["bad"] += 1
                shutil.rmtree(out, ignore_errors=True) if kind == "folder" else (os.path.exists(out) and os.remove(out))
            failures += counts["bad"]
            print(f"{name}: {trials} trials ({duration:.2f} s uninterrupted): " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    print("kill-writes: PASS" if failures == 0 else f"kill-writes: FAIL ({failures})")
    return 0 if failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
