#!/usr/bin/env python3
"""Command-line abuse of the built `concerto` binary: wrong, missing, duplicated, huge, empty,
non-UTF-8 and hostile arguments for every command, and hostile files and streams.

Every case must end within the time limit with a documented exit code — 0, 1 (cannot write) or
2 (bad input) — and, when it fails, with a message on standard error (`concerto COMMAND: ...` or
`FILE: JSON path: ...`) that holds no raw control character; it must never crash (a signal, 132, 134, 139),
hang, or leave a temporary file in its folder.

Usage (after `swift build -c release`): python3 scripts/cli-abuse.py [--binary PATH]
Prints the counts by exit code; exit 0 when every case passes.
"""
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEPT = os.path.join(ROOT, "Scenarios", "sept-rivieres.json")
ORB = os.path.join(ROOT, "Scenarios", "orbite.json")
LIMIT = 60


def cases(tmp):
    out = os.path.join(tmp, "out")
    fifo = os.path.join(tmp, "fifo")
    os.mkfifo(fifo)
    folder = os.path.join(tmp, "folder")
    os.mkdir(folder)
    numbers = ["", "0", "-1", "1e30", "nan", "inf", "-inf", "1.5", "0x10", "99999999999999999999999", "1,5", " 3", "３", "\u001b[2J"]
    run_opts = ["--replications", "--seed", "--years", "--warmup-years", "--threads"]
    yield []
    yield ["--help"]
    yield ["help"]
    yield ["version"]
    yield ["nonsense"]
    yield ["RUN", SEPT]
    yield ["run"]
    yield ["run", "--"]
    yield ["run", "-"]
    yield ["run", ""]
    yield ["run", "/"]
    yield ["run", fifo]
    yield ["run", folder]
    yield ["run", "/dev/zero"]
    yield ["run", "/dev/null"]
    yield ["run", "Scenarios/sept-rivieres.jsn"]
    yield ["run", SEPT, SEPT]
    yield ["run", SEPT, "--bogus"]
    yield ["run", SEPT, "--replications"]
    yield ["run", SEPT, "--replications", "2", "--replications", "3"]
    yield ["run", SEPT, "--format", "xml"]
    yield ["run", SEPT, "--format"]
    yield ["run", SEPT, "--output", ""]
    yield ["run", SEPT, "--output", folder]
    yield ["run", SEPT, "--output", folder + "/"]
    yield ["run", SEPT, "--output", fifo, "--replications", "2"]
    yield ["run", SEPT, "--output", "/dev/full", "--replications", "2"]
    yield ["run", SEPT, "--output", "/proc/version", "--replications", "2"]
    yield ["run", SEPT, "--output", os.path.join(tmp, "missing", "deep", "x.json"), "--replications", "2"]
    yield ["run", SEPT, "--set"]
    yield ["run", SEPT, "--set", "=3"]
    yield ["run", SEPT, "--set", "nope=3"]
    yield ["run", SEPT, "--set", "instances.grande-table.schedule.meetingsPerYear"]
    yield ["run", SEPT, "--set", "instances.grande-table.schedule.meetingsPerYear=5e-324"]
    yield ["run", SEPT, "--set", "instances.grande-table.schedule.meetingsPerYear=1e308", "--replications", "2"]
    yield ["run", SEPT, "--set", "instances..meetingHours=3"]
    yield ["run", SEPT, "--set", "partnerDefaults.capacityHoursPerMonth=1e-18"]
    yield ["run", SEPT, "--set", "partners=[]"]
    yield ["run", SEPT, "--set", "id=\u001b[2J"]
    yield ["run", SEPT, "--measures", ""]
    yield ["run", SEPT, "--measures", "nope", "--replications", "2"]
    yield ["run", SEPT, "--measures", ",,,", "--replications", "2"]
    yield ["run", SEPT, "--lang", "fr", "--replications", "2"]
    yield ["run", "x" * 100_000]
    yield ["run", SEPT, "--seed", "18446744073709551615", "--replications", "2"]
    yield ["run", SEPT, "--seed", "18446744073709551616", "--replications", "2"]
    for opt in run_opts:
        for v in numbers:
            yield ["run", SEPT, opt, v] + (["--replications", "2"] if opt != "--replications" else [])
    yield ["compare"]
    yield ["compare", SEPT]
    yield ["compare", SEPT, SEPT, "--replications", "2"]
    yield ["compare", SEPT, ORB, "--format", "csv", "--replications", "2", "--threads", "1000"]
    yield ["sweep", SEPT]
    yield ["sweep", SEPT, "--output", os.path.join(tmp, "s1")]
    yield ["sweep", SEPT, "--vary", "x", "--output", os.path.join(tmp, "s2")]
    yield ["sweep", SEPT, "--vary", "instances.grande-table.schedule.meetingsPerYear=2:4", "--output", os.path.join(tmp, "s3")]
    yield ["sweep", SEPT, "--vary", "instances.grande-table.schedule.meetingsPerYear=4:2:1", "--output", os.path.join(tmp, "s4")]
    yield ["sweep", SEPT, "--vary", "instances.grande-table.schedule.meetingsPerYear=1:1000000:0.001", "--output", os.path.join(tmp, "s5")]
    yield ["sweep", SEPT, "--vary", "instances.grande-table.schedule.meetingsPerYear=3", "--vary", "instances.grande-table.schedule.meetingsPerYear=4", "--output", os.path.join(tmp, "s6")]
    for shard in ["0/2", "3/2", "1/0", "1//2", "a/b", "-1/2", "1/2/3", "", "1/99999999999999999999"]:
        yield ["sweep", SEPT, "--vary", "instances.grande-table.schedule.meetingsPerYear=3,4", "--shard", shard, "--replications", "2", "--output", os.path.join(tmp, "sh")]
    yield ["sweep", SEPT, "--vary", "instances.grande-table.schedule.meetingsPerYear=3,4", "--replications", "2", "--output", "/dev/null"]
    yield ["merge"]
    yield ["merge", "--output", os.path.join(tmp, "m1")]
    yield ["merge", folder, "--output", os.path.join(tmp, "m2")]
    yield ["merge", SEPT, "--output", os.path.join(tmp, "m3")]
    yield ["explore"]
    yield ["explore", SEPT]
    yield ["explore", SEPT, "--output", os.path.join(tmp, "x1"), "--design", "nope"]
    yield ["explore", SEPT, "--output", os.path.join(tmp, "x2"), "--points", "0"]
    yield ["explore", SEPT, "--output", os.path.join(tmp, "x3"), "--points", "1e9"]
    yield ["explore", SEPT, "--output", os.path.join(tmp, "x4"), "--design", "grid", "--levels", "1000"]
    yield ["explore", SEPT, "--output", os.path.join(tmp, "x5"), "--threshold", "medianDaysKM<90"]
    yield ["explore", SEPT, "--output", os.path.join(tmp, "x6"), "--threshold", "<=3"]
    yield ["explore", SEPT, "--output", os.path.join(tmp, "x7"), "--experiment", fifo]
    yield ["explore", SEPT, "--output", os.path.join(tmp, "x8"), "--experiment", folder]
    yield ["report"]
    yield ["report", SEPT]
    yield ["report", SEPT, "--output", os.path.join(tmp, "r.html"), "--lang", "de", "--replications", "2"]
    yield ["report", folder, "--output", os.path.join(tmp, "r2.html")]
    yield ["schema"]
    yield ["schema", SEPT, "--format", "png"]
    yield ["schema", SEPT, "--lang", ""]
    yield ["validate"]
    yield ["validate", fifo]
    yield ["validate", "/dev/urandom"]
    yield ["validate", SEPT, "/nonexistent.json", folder]
    yield ["gcm", "--runs", "-1"]
    yield ["gcm", "--variant", "X,Y,Z,W"]
    yield ["gcm", "--random-entry", "--runs", "1e12"]
    yield ["run", b"\xff\xfe".decode("latin-1")]
    yield ["run", SEPT, "--set", "name=" + "é" * 10_000, "--replications", "2"]


def main():
    args = sys.argv[1:]
    binary = args[args.index("--binary") + 1] if "--binary" in args else os.path.join(ROOT, ".build", "release", "concerto")
    counts, failures = {}, []
    with tempfile.TemporaryDirectory(prefix="concerto-abuse-") as tmp:
        all_cases = list(cases(tmp))
        for argv in all_cases:
            try:
                r = subprocess.run([binary] + argv, capture_output=True, timeout=LIMIT, cwd=ROOT, stdin=subprocess.DEVNULL)
            except subprocess.TimeoutExpired:
                failures.append((argv, "hang"))
                continue
            code = r.returncode
            counts[code] = counts.get(code, 0) + 1
            err = r.stderr.decode("utf-8", "replace")
            if code not in (0, 1, 2):
                failures.append((argv, f"exit {code}: {err[-300:]}"))
            elif code != 0 and not err.strip():
                failures.append((argv, "failed without a message"))
            elif any(ch in err for ch in "\u0000\u001b\r") or any(ord(c) < 32 and c not in "\n\t" for c in err):
                failures.append((argv, f"raw control character in the message: {err[:200]!r}"))
        left = [os.path.join(b, n) for b, _, ns in os.walk(tmp) for n in ns if n.startswith(".") and n.endswith(".tmp")]
    print(f"cli-abuse: {len(all_cases)} cases: " + ", ".join(f"exit {k}: {v}" for k, v in sorted(counts.items())))
    for argv, why in failures[:40]:
        shown = [a if len(a) < 80 else a[:40] + f"…({len(a)})" for a in argv]
        print("  FAIL", shown, why)
    if left:
        print("  temporary files left:", left[:5])
    return 0 if not failures and not left else 1


if __name__ == "__main__":
    sys.exit(main())
