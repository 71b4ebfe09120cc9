#!/usr/bin/env python3
"""Cross-check Concerto's sensitivity analysis (Sources/Concerto/Explore) against SALib.

Concerto's own tests write its Saltelli design on the Ishigami function, its Sobol indices
and bootstrap resamples, and a Morris design on Sobol's G-function with its elementary-effect
summaries, as CSV (the tests `testWritesThe...CaseForSALib`, which run only when
CONCERTO_SALIB_OUT is set). This script then checks, with SALib and NumPy from PyPI in a
virtual environment under /tmp:

  1. the design: SALib's saltelli.sample(problem, N, calc_second_order=False) and SciPy's
     unscrambled Sobol points are Concerto's, row for row;
  2. the outputs: SALib's Ishigami.evaluate on Concerto's parameter values gives Concerto's y;
  3. the indices: SALib's sobol.analyze(problem, y, calc_second_order=False) on those outputs
     gives Concerto's S1 and ST to 1e-6;
  4. the intervals: SALib's estimators on Concerto's own bootstrap resamples give Concerto's
     S1_conf and ST_conf to 1e-6 (SALib's own resamples come from NumPy's generator: their
     half-widths are shown beside Concerto's, and differ only by resampling noise);
  5. Morris: SALib's morris.analyze on Concerto's design and G-function outputs gives
     Concerto's mu, mu_star and sigma to 1e-6 (mu_star_conf shown beside, as in 4).

Usage, from the repository root:
    python3 Benchmarks/peers/salib_check.py [--skip-build] [--keep DIR]
Exit status 0 when every check passes, 1 otherwise.
"""
import os
import subprocess
import sys
import tempfile

VENV = os.environ.get("CONCERTO_SALIB_VENV", "/tmp/concerto-salib-venv")
TOLERANCE = 1e-6


def ensure_venv():
    """Re-run this script inside a virtual environment that has SALib and NumPy."""
    python = os.path.join(VENV, "bin", "python")
    if os.path.realpath(sys.prefix) == os.path.realpath(VENV):
        return
    if not os.path.exists(python):
        print(f"creating {VENV} (python3 -m venv) and installing SALib, numpy from PyPI", flush=True)
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
    has = subprocess.run([python, "-c", "import SALib, numpy, scipy"], capture_output=True).returncode == 0
    if not has:
        subprocess.run([python, "-m", "pip", "install", "--quiet", "SALib", "numpy"], check=True)
    os.execv(python, [python] + sys.argv)


def write_concerto_files(folder, skip_build):
    """Builds the tests and runs the two writers with CONCERTO_SALIB_OUT=folder."""
    if not skip_build:
        subprocess.run(["swift", "build", "--build-tests"], check=True)
    env = dict(os.environ, CONCERTO_SALIB_OUT=folder)
    run = subprocess.run(["swift", "test", "--skip-build", "--filter", "ConcertoTests.*testWritesThe.*CaseForSALib"],
                         env=env, capture_output=True, text=True)
    if run.returncode != 0:
        print(run.stdout[-3000:], run.stderr[-3000:])
        sys.exit("the Swift tests that write the CSV files failed")


def main():
    ensure_venv()
    import warnings
    import numpy as np
    from scipy.stats import norm, qmc
    from SALib.sample import saltelli
    from SALib.analyze import sobol, morris
    from SALib.analyze.sobol import first_order, total_order, separate_output_values
    from SALib.test_functions import Ishigami
    from importlib.metadata import version
    warnings.filterwarnings("ignore")

    args = sys.argv[1:]
    keep = args[args.index("--keep") + 1] if "--keep" in args else None
    folder = keep or tempfile.mkdtemp(prefix="concerto-salib-")
    write_concerto_files(folder, "--skip-build" in args)
    load = lambda name: np.loadtxt(os.path.join(folder, name), delimiter=",", skiprows=1, ndmin=2)
    n, resamples, skip = (int(v) for v in open(os.path.join(folder, "saltelli_meta.csv")).read().split(","))
    print(f"SALib {version('SALib')}, NumPy {np.__version__}, SciPy {version('scipy')}; Concerto files in {folder}")
    failures = []

    def check(label, difference, tolerance=TOLERANCE):
        ok = difference <= tolerance
        print(f"  {'ok  ' if ok else 'FAIL'} {label}: max |difference| = {difference:.3g}")
        if not ok:
            failures.append(label)

    # 1. The Saltelli design.
    k = 3
    unit = load("saltelli_unit.csv")
    print(f"Saltelli design, Ishigami: N = {n}, k = {k}, {len(unit)} rows, skip {skip}")
    unit_problem = {"num_vars": k, "names": ["x1", "x2", "x3"], "bounds": [[0, 1]] * k}
    check("design = SALib saltelli.sample(N, calc_second_order=False)",
          np.abs(saltelli.sample(unit_problem, n, calc_second_order=False) - unit).max(), 0)
    base = qmc.Sobol(d=2 * k, scramble=False).random(skip + n)[skip:]
    check("A and B rows = SciPy qmc.Sobol(6, scramble=False) after the skip",
          max(np.abs(unit[0::k + 2] - base[:, :k]).max(), np.abs(unit[k + 1::k + 2] - base[:, k:]).max()), 0)

    # 2. The outputs.
    data = load("ishigami.csv")
    x, y = data[:, :k], data[:, k]
    problem = {"num_vars": k, "names": ["x1", "x2", "x3"], "bounds": [[-np.pi, np.pi]] * k}
    check("parameter values = SALib's scaling of the unit design",
          np.abs(x - (-np.pi + unit * 2 * np.pi)).max(), 1e-12)
    check("y = SALib Ishigami.evaluate(x)", np.abs(Ishigami.evaluate(x) - y).max(), 1e-12)

    # 3. The indices.
    mine = load("concerto_sobol.csv")
    salib = sobol.analyze(problem, y, calc_second_order=False, num_resamples=resamples, seed=1)
    check("S1 = SALib sobol.analyze S1", np.abs(salib["S1"] - mine[:, 0]).max())
    check("ST = SALib sobol.analyze ST", np.abs(salib["ST"] - mine[:, 2]).max())

    # 4. The intervals, from Concerto's resamples through SALib's estimator functions.
    rows = load("bootstrap_rows.csv").astype(int).T  # N × resamples, as SALib's r
    yn = (y - y.mean()) / y.std()
    A, B, AB, _ = separate_output_values(yn, k, n, False)
    z = norm.ppf(0.5 + 0.95 / 2)
    conf1 = [z * first_order(A[rows], AB[rows, j], B[rows]).std(ddof=1) for j in range(k)]
    confT = [z * total_order(A[rows], AB[rows, j], B[rows]).std(ddof=1) for j in range(k)]
    check("S1_conf = SALib's formula on Concerto's resamples", np.abs(np.array(conf1) - mine[:, 1]).max())
    check("ST_conf = SALib's formula on Concerto's resamples", np.abs(np.array(confT) - mine[:, 3]).max())
    print("  index   Concerto S1 ± conf     SALib S1 ± conf (own resamples)   Concerto ST ± conf     SALib ST ± conf")
    for j in range(k):
        print(f"  x{j + 1}      {mine[j, 0]:.6f} ± {mine[j, 1]:.4f}    {salib['S1'][j]:.6f} ± {salib['S1_conf'][j]:.4f}"
              f"                 {mine[j, 2]:.6f} ± {mine[j, 3]:.4f}    {salib['ST'][j]:.6f} ± {salib['ST_conf'][j]:.4f}")

    # 5. Morris on the G-function.
    g = load("morris_g.csv")
    X, Y = g[:, :8], g[:, 8]
    mine = load("concerto_morris.csv")
    mproblem = {"num_vars": 8, "names": [f"x{i + 1}" for i in range(8)], "bounds": [[0, 1]] * 8}
    m = morris.analyze(mproblem, X, Y, num_resamples=1000, num_levels=4, seed=7)
    print(f"Morris, G-function: {len(X) // 9} trajectories, 4 levels")
    check("mu = SALib morris.analyze mu", np.abs(np.array(m["mu"]) - mine[:, 0]).max())
    check("mu_star = SALib morris.analyze mu_star", np.abs(np.array(m["mu_star"]) - mine[:, 1]).max())
    check("sigma = SALib morris.analyze sigma", np.abs(np.array(m["sigma"]) - mine[:, 2]).max())
    print("  mu_star (Concerto ± conf | SALib ± conf, own resamples): " + ", ".join(
        f"x{i + 1} {mine[i, 1]:.4f}±{mine[i, 3]:.4f}|{m['mu_star'][i]:.4f}±{m['mu_star_conf'][i]:.4f}" for i in range(8)))

    if failures:
        print(f"{len(failures)} check(s) failed: {', '.join(failures)}")
        sys.exit(1)
    print("all checks passed")


if __name__ == "__main__":
    main()
