#!/usr/bin/env python3
"""The Concerto reference workload (Benchmarks/reference-workload.json) in SimPy.

40 partners; 6 instances, each with 12 members drawn at random among the 40 once per
replication, meeting every 91.25 days (first meeting uniform in the first period), 3.5 h,
absentees charged 20% of the meeting; each member attends with probability
engagement (0.8) x interest (1); quorum 6 present; issues arrive at each instance as a Poisson
process of 0.02 a day and are decided there; at most 6 items a meeting, first come first
served; each discussion reaches consensus with probability 0.5, and at the third discussion a
vote that always passes; a monthly engagement update of every partner (constant engagement:
no overload, no decision boost); 3 years of 365 days, no warm-up.

Per replication: mean latency (days from arrival to decision) of decided issues, decisions per
year, hours per partner per year (all 40 partners). Aggregated over replications as mean, sd
and a 95% confidence interval (mean +- t(0.975, n-1) sd / sqrt(n)), as Concerto does.

Usage: reference_simpy.py [--replications N] [--seed S] [--format table|json] [--output PATH]
"""

import argparse
import json
import math
import random
import statistics
import sys
import time

import simpy

# The model's parameters (the same values as Benchmarks/reference-workload.json).
PARTNERS = 40
INSTANCES = 6
MEMBERS = 12
PERIOD_DAYS = 91.25
MEETING_HOURS = 3.5
ABSENT_COST_FRACTION = 0.2
QUORUM = 6
MAX_ITEMS = 6
ARRIVAL_RATE_PER_DAY = 0.02
CONSENSUS_PROBABILITY = 0.5
VOTE_AT_ATTEMPT = 3
YEARS = 3
HORIZON_DAYS = YEARS * 365.0
ENGAGEMENT = 0.8
INTEREST = 1.0
CAPACITY_HOURS_PER_MONTH = 744.0
OVERLOAD_DECAY = 0.0
RECOVERY_RATE = 0.15
# Month lengths from September (Concerto's default startMonth), 365-day years.
MONTH_DAYS = (30, 31, 30, 31, 31, 28, 31, 30, 31, 30, 31, 31)


class Partner:
    __slots__ = ("engagement", "month_hours", "hours")

    def __init__(self):
        self.engagement = ENGAGEMENT
        self.month_hours = 0.0
        self.hours = 0.0


class Issue:
    __slots__ = ("arrival", "attempts")

    def __init__(self, arrival):
        self.arrival = arrival
        self.attempts = 0


class Replication:
    """One replication: an Environment, the partners, the instances' members and queues."""

    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.env = simpy.Environment()
        self.partners = [Partner() for _ in range(PARTNERS)]
        self.latencies = []
        for _ in range(INSTANCES):
            members = [self.partners[i] for i in self.rng.sample(range(PARTNERS), MEMBERS)]
            queue = []  # waiting issues in arrival order (FCFS)
            self.env.process(self.arrivals(queue))
            self.env.process(self.meetings(members, queue))
        self.env.process(self.monthly())

    def arrivals(self, queue):
        env, rng = self.env, self.rng
        while True:
            yield env.timeout(rng.expovariate(ARRIVAL_RATE_PER_DAY))
            queue.append(Issue(env.now))

    def meetings(self, members, queue):
        env = self.env
        yield env.timeout(self.rng.uniform(0.0, PERIOD_DAYS))
        while True:
            self.hold_meeting(members, queue)
            yield env.timeout(PERIOD_DAYS)

    def hold_meeting(self, members, queue):
        rng = self.rng
        present = 0
        for partner in members:
            # P(attend) = engagement x availability (1: never overloaded) x interest.
            if rng.random() < partner.engagement * INTEREST:
                present += 1
                hours = MEETING_HOURS
            else:
                hours = ABSENT_COST_FRACTION * MEETING_HOURS
            partner.hours += hours
            partner.month_hours += hours
        if present < QUORUM:
            return  # no quorum: nothing is discussed, the agenda is untouched
        now = self.env.now
        agenda, not_reached = queue[:MAX_ITEMS], queue[MAX_ITEMS:]
        carried_over = []
        for issue in agenda:
            issue.attempts += 1
            if rng.random() < CONSENSUS_PROBABILITY or issue.attempts >= VOTE_AT_ATTEMPT:
                # Consensus, or the vote at the third discussion, which always passes.
                self.latencies.append(now - issue.arrival)
            else:
                carried_over.append(issue)  # keeps its place in the queue
        queue[:] = carried_over + not_reached

    def monthly(self):
        env = self.env
        month = 0
        while True:
            yield env.timeout(MONTH_DAYS[month % 12])
            month += 1
            for partner in self.partners:
                ratio = partner.month_hours / CAPACITY_HOURS_PER_MONTH
                if ratio > 1.0:
                    partner.engagement = max(0.0, partner.engagement - OVERLOAD_DECAY * (ratio - 1.0))
                else:
                    partner.engagement += RECOVERY_RATE * (ENGAGEMENT - partner.engagement)
                partner.month_hours = 0.0

    def run(self):
        self.env.run(until=HORIZON_DAYS)
        latency = statistics.fmean(self.latencies) if self.latencies else None
        decisions_per_year = len(self.latencies) / YEARS
        hours_per_partner_year = sum(p.hours for p in self.partners) / PARTNERS / YEARS
        return latency, decisions_per_year, hours_per_partner_year


def t975(dof):
    """t(0.975, dof) by the Cornish-Fisher expansion (error < 1e-3 for dof >= 5)."""
    z = 1.959963984540054
    if dof <= 0:
        return float("nan")
    table = {1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776}
    if dof in table:
        return table[dof]
    g1 = (z**3 + z) / 4
    g2 = (5 * z**5 + 16 * z**3 + 3 * z) / 96
    g3 = (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / 384
    return z + g1 / dof + g2 / dof**2 + g3 / dof**3


def summary(values):
    values = [v for v in values if v is not None]
    n = len(values)
    if n == 0:
        return {"mean": None, "sd": None, "ci95": [None, None], "n": 0}
    mean = statistics.fmean(values)
    if n < 2:
        return {"mean": mean, "sd": None, "ci95": [None, None], "n": n}
    sd = statistics.stdev(values)
    half = t975(n - 1) * sd / math.sqrt(n)
    return {"mean": mean, "sd": sd, "ci95": [mean - half, mean + half], "n": n}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replications", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.add_argument("--output", default="-")
    args = parser.parse_args(argv)
    if args.replications < 1:
        parser.error("--replications must be at least 1")

    latency, decisions, hours = [], [], []
    start = time.perf_counter()
    for rep in range(args.replications):
        # Python's random seeded per replication (one stream for all draws).
        result = Replication(args.seed * 1_000_003 + rep).run()
        latency.append(result[0])
        decisions.append(result[1])
        hours.append(result[2])
    seconds = time.perf_counter() - start

    out = {
        "model": "reference-workload (SimPy %s, Python %s)" % (simpy.__version__, sys.version.split()[0]),
        "seed": args.seed,
        "replications": args.replications,
        "years": YEARS,
        "simulationSeconds": seconds,
        "replicationsPerSecond": args.replications / seconds if seconds > 0 else None,
        "measures": {
            "latency.meanDaysDecided": summary(latency),
            "latency.decisionsPerYear": summary(decisions),
            "hyperconcertation.hoursPerPartnerYear": summary(hours),
        },
    }
    if args.format == "json":
        text = json.dumps(out, indent=2) + "\n"
    else:
        lines = ["%s, %d replications, seed %d: %.2f s (%.0f replications/s)"
                 % (out["model"], args.replications, args.seed, seconds, out["replicationsPerSecond"] or 0)]
        for name, s in out["measures"].items():
            lo, hi = s["ci95"]
            ci = "[%.2f, %.2f]" % (lo, hi) if lo is not None else "[-, -]"
            lines.append("%-40s %10.2f  %s  n=%d" % (name, s["mean"], ci, s["n"]))
        text = "\n".join(lines) + "\n"
    if args.output == "-":
        sys.stdout.write(text)
    else:
        with open(args.output, "w") as f:
            f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
