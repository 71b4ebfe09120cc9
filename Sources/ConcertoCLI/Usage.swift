/// The usage text of `concerto help`.
enum Usage {
    static let text = """
    concerto — simulate concertation structures (hyperconcertation, decision latency, representativity)

    USAGE
      concerto run SCENARIO [--replications N] [--seed S] [--years Y] [--warmup-years W]
                            [--threads T] [--format table|json|csv|md] [--output PATH] [--set PATH=VALUE ...]
      concerto compare SCENARIO SCENARIO... [same options as run]
      concerto sweep SCENARIO --vary PATH=V1,V2,... [--vary PATH=LO:HI:STEP ...] --output DIR
                     [--replications N] [--seed S] [--threads T] [--shard I/N] [--resume] [--set ...]
      concerto explore SCENARIO... --output DIR [--experiment FILE] [--design lhs|sobol|morris|grid]
                       [--points N] [--levels L] [--replications R] [--seed S] [--threads T]
                       [--measures M,M,...] [--threshold M<=X ...] [--shard I/N] [--resume] [--set ...]
      concerto merge DIR... --output DIR
      concerto report SCENARIO... [run options] [--lang fr|en] --output FILE.html
      concerto report SWEEP_DIR [--lang fr|en] --output FILE.html
      concerto report EXPLORE_DIR [--lang fr|en] --output FILE.html
      concerto schema SCENARIO [--format svg|dot|text] [--lang fr|en] [--output PATH]
      concerto run SCENARIO ... --records DIR [--records-replications K] [--anonymise [--anonymity-key KEY]]
      concerto observe RECORDS_DIR --scenario SCENARIO [--format table|json|csv|md] [--output PATH]
                       [--measures M,M,...] [--anonymity-key KEY]
      concerto calibrate SCENARIO RECORDS_DIR --output DIR [--uncertain PATH=LO:HI ...] [--particles N]
                         [--draws N] [--generations G] [--seed S] [--threads T] [--set ...]
      concerto schema --paths                 # every path --set, --vary and explore accept, with its type
      concerto validate SCENARIO... [--allow-large] [--strict]
      concerto init [--lang fr|en]   a commented starting scenario on standard output:
                                     concerto init --lang fr > ma-table.json && concerto run ma-table.json
      Every command takes --lang fr|en (default: French when LC_ALL, LC_MESSAGES or LANG starts with fr).
      concerto gcm [--variant LOAD,ENERGY,ACCESS,DECISION] [--random-entry --runs N --seed S] [--exact]
                   [--format table|json|csv]
      concerto help | version

    RUN OPTIONS
      --replications N   independent replications (default 100)
      --seed S           master seed, an integer 0 ... 2^64-1 (default 1); same seed, same output
      --years Y          measured years, overrides the scenario's `years`
      --warmup-years W   years simulated before measuring, overrides `warmupYears`
      --threads T        worker threads (default: all cores); the output does not depend on it
      --allow-large      run scenarios above the event budget (docs/scenario-format.md, "Limits"); also sweep, explore, validate
      --format F         table (default), json, csv or md (a Markdown summary for minutes and wikis)
      --output PATH      write there (atomically) instead of standard output: a regular file or a
                         new path, never a device, FIFO or folder (exit 1)
      --set PATH=VALUE   override a scenario value, written in the file or left at its default;
                         array elements are addressed by id, all of them by *, e.g.
                         --set instances.grande-table.schedule.meetingsPerYear=6
                         --set attendance.interestFloor=0.4 --set partners.*.capacityHoursPerMonth=10;
                         a decimal comma is accepted wherever a number is expected (--set x=2,5 is 2.5)
      --strict           refuse (exit 2) a scenario with warnings (run, compare, report, validate);
                         without it warnings go to standard error and change nothing
      --lang fr|en       tables and messages in French or English (default: the locale)
      --measures M,M,... compute and report only these measures (run, compare), named as in the
                         JSON output: hoursPerPartnerYear, latency.medianDaysKM, instance.attendanceRate

    COMPARE
      Runs every scenario with the same seed and replication indices (common random numbers)
      and shows, per measure, one column per structure (mean and 95% CI); * marks a difference
      to the first structure whose paired 95% CI excludes zero. --format csv gives a tidy long
      table (structure, family, measure, unit, statistic, value); --format json the same data.
      --set applies to every scenario.

    SWEEP
      --vary PATH=V1,V2 lists values; with decimal commas separate them by ';' (x=2,5;3;3,5);
      PATH=LO:HI:STEP is a range (LO:HI without a step is refused).
      Runs every combination of the --vary values (last varies fastest), each cell with the same
      seed and replications (common random numbers). Each finished cell is written atomically to
      DIR/cells/; DIR/results.csv (varied paths as columns, then measure, mean, sd, CI, median,
      p90, n) when all cells are there. --shard I/N runs cells k with k mod N = I−1 (in a Slurm
      array, SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT are used when --shard is absent);
      `concerto merge` combines shard folders and refuses folders of different sweeps.
      Ctrl-C stops after the cell in progress (exit 130); --resume skips finished cells.
    EXPLORE
      Compares the structures across what nobody knows: every scenario value with a `ranges` entry
      (or an experiment file's uncertainties) varies over its range, a path shared by the
      structures varying together. The design (lhs by default, 256 points; sobol: N × (k+2)
      points for Sobol indices; morris: r × (k+1) points; grid: levels^k) gives the points; every
      structure runs at every point with the same seed and replication indices (default 30).
      Cells are written as they finish (--resume, --shard, merge as for sweeps; the output does
      not depend on threads or shards). DIR/design.csv, results.csv (point × structure ×
      measure), robustness.csv (probability of being the best, regret, thresholds met),
      sensitivity.csv and discovery.csv/discovery.md (the conditions under which one structure
      beats another or misses a threshold). See docs/explore.md.
    REPORT
      Runs the scenario (or compares the scenarios, as compare does) and writes one self-contained
      HTML file (inline SVG and CSS, no script, no network) for planners: per structure a
      plain-language summary and the governance diagram; the three families side by side with
      95% CI whiskers; partner load ratios; Kaplan–Meier curves of issues still undecided; sector
      shares present at decisions against the reference. --lang fr or en (default: the locale).
      With a finished sweep folder instead (one folder, no scenario, no run options), writes the
      sweep report: the trade-off between median days to decision and meeting hours per partner
      (one point per cell, coloured by the Gallagher index, Pareto-efficient cells ringed and
      listed), every cell's numbers, and one line chart per varied parameter. An unfinished
      sweep (no results.csv) is refused with exit 2.
      With a finished explore folder, writes the exploration report: what was explored (the
      structures, the design, each uncertain assumption's range, distribution and reason); per
      measure, each structure's probability of being the best with its 95% CI and the share best
      beyond noise, and the thresholds met; regret (mean and 90th percentile); tornado charts of
      the sensitivity indices of each structure and of each difference to the first; and every
      scenario-discovery box as a sentence with a scatter of the points and the box.

    RECORDS (docs/records.md)
      A table's minutes as three CSV files in a folder: meetings.csv (meeting, body, date, hours,
      attendees, absentees...), items.csv (item, issue, body, meeting, act, outcome) and
      issues.csv (issue, kind, emerged), English or French headers. run --records DIR writes a
      replication's minutes in that form (the first K with --records-replications; --anonymise
      writes keyed pseudonyms instead of partner ids). observe computes from records the measures
      records carry, with the code that computes them from a simulation, in run's formats. Bad
      records: every problem with its file, line and column, exit 2, nothing written.
      calibrate fits the scenario's uncertain values (--uncertain PATH=LO:HI, else its `ranges`)
      to the records by approximate Bayesian computation (rejection, then sequential Monte
      Carlo; the output does not depend on --threads) and writes DIR/posterior.csv, fit.csv,
      SCENARIO-calibrated.json (posterior medians, sources, 90% ranges) and fit-report.fr.html /
      fit-report.en.html.

    SCHEMA
      The governance diagram of a scenario, without running it: instances by level (parents
      above), reporting links, who decides and ratifies, membership. --format text (default),
      svg (a standalone image) or dot (for Graphviz: dot -Tpng).

    EXIT CODES
      0 success · 2 bad input (usage, scenario) · 1 could not write the output · 130 interrupted

    """
}
