// concerto-bench: speed and memory of the engine and the model, with self-checks so a fast
// wrong answer cannot pass. Usage: swift run -c release concerto-bench [--quick] [--json PATH]
//   [--scenarios DIR]
import Foundation
import Dispatch
import Concerto

struct Options {
    var quick = false
    var json: String?
    var scenarios = "Scenarios"
    var reference = "Benchmarks/reference-workload.json"
}

func parseOptions() -> Options {
    var o = Options()
    var args = Array(CommandLine.arguments.dropFirst())[...]
    while let a = args.popFirst() {
        switch a {
        case "--quick": o.quick = true
        case "--json": o.json = args.popFirst()
        case "--scenarios": o.scenarios = args.popFirst() ?? o.scenarios
        case "--reference": o.reference = args.popFirst() ?? o.reference
        case "--help": print("usage: concerto-bench [--quick] [--json PATH] [--scenarios DIR] [--reference FILE]"); exit(0)
        default: FileHandle.standardError.write(Data("concerto-bench: unknown option \(a)\n".utf8)); exit(2)
        }
    }
    return o
}

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

func peakMemoryMiB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024  // Linux: kilobytes
}

func check(_ ok: Bool, _ what: String) {
    if !ok { FileHandle.standardError.write(Data("concerto-bench: CHECK FAILED: \(what)\n".utf8)); exit(1) }
}

/// The "hold" model: a calendar of `size` pending events; each step pops the earliest and
/// schedules one later by an exponential increment (the classic priority-queue benchmark).
func calendarHold(size: Int, operations: Int) -> (eventsPerSecond: Double, seconds: Double) {
    var q = EventQueue(capacity: size + 1)
    var rng = RandomStream(seed: 12345)
    for k in 0..<size { q.push(Event(time: rng.exponential(rate: 1), kind: 1, subject: Int32(k))) }
    // Increments drawn before timing, so the loop measures the calendar alone.
    let increments = (0..<65_536).map { _ in rng.exponential(rate: 1) }
    var last = -Double.infinity
    var ordered = true
    let t0 = now()
    for k in 0..<operations {
        let e = q.pop()!
        if e.time < last { ordered = false }
        last = e.time
        q.push(Event(time: e.time + increments[k & 65_535], kind: 1, subject: e.subject))
    }
    let dt = now() - t0
    check(ordered, "calendar pops in time order (size \(size))")
    check(q.count == size, "calendar keeps its size")
    return (Double(operations) / dt, dt)
}

/// Runs `reps` replications on `threads` threads (best of `tries` timings), checks the
/// invariants, returns the result and the seconds.
func timedRun(_ s: Structure, reps: Int, name: String, threads: Int = 1, measures: [String]? = nil, tries: Int = 1) -> (EnsembleResult, Double) {
    var best = Double.infinity
    var r: EnsembleResult!
    for _ in 0..<tries {
        let t0 = now()
        r = Ensemble.run(s, settings: RunSettings(replications: reps, seed: 1, threads: threads, measures: measures))
        best = min(best, now() - t0)
    }
    let dt = best
    let t = r.totals
    check(t.decided + t.dropped + t.open == t.emerged, "\(name): every issue decided, dropped or open once")
    check(abs(t.partnerHours - t.meetingHours) <= 1e-6 * max(1, t.partnerHours), "\(name): hours add up")
    check(t.events > 0 && t.meetings > 0, "\(name): events and meetings happened")
    return (r, dt)
}

let options = parseOptions()
var report: [(String, JSONValue)] = []
print("concerto-bench\(options.quick ? " (quick)" : "") — \(ProcessInfo.processInfo.activeProcessorCount) cores")

// 1. Engine: the calendar alone.
var engine: [JSONValue] = []
print("\nEvent calendar (hold model: pop the earliest, push one later)")
for size in [200, 10_000] {
    let ops = options.quick ? 1_000_000 : 10_000_000
    let r = calendarHold(size: size, operations: ops)
    print("  \(size) pending events: \(NumberFormat.fixed(r.eventsPerSecond / 1e6, digits: 2)) M events/s (\(ops) pop+push in \(NumberFormat.fixed(r.seconds, digits: 2)) s)")
    engine.append(.object([("pending", .number(Double(size))), ("operations", .number(Double(ops))),
                           ("eventsPerSecond", .number(r.eventsPerSecond.rounded()))]))
}
report.append(("calendar", .array(engine)))

// 2. Full model, per shipped scenario, one thread.
let files = ((try? FileManager.default.contentsOfDirectory(atPath: options.scenarios)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
check(!files.isEmpty, "scenarios found in \(options.scenarios)")
var models: [JSONValue] = []
print("\nFull model, 1 thread")
for f in files {
    let path = options.scenarios + "/" + f
    let structure: Structure
    do { structure = try ScenarioLoader.load(path: path).structure } catch { print("  \(f): \(error)"); exit(1) }
    let reps = options.quick ? 20 : 200
    let (r, dt) = timedRun(structure, reps: reps, name: f)
    let t = r.totals
    let eps = Double(t.events) / dt
    print("  \(structure.id): \(reps) replications × \(NumberFormat.fixed(structure.years, digits: 0)) years in \(NumberFormat.fixed(dt, digits: 2)) s — \(NumberFormat.fixed(Double(reps) / dt, digits: 1)) replications/s, \(NumberFormat.fixed(eps / 1e6, digits: 2)) M events/s")
    models.append(.object([("scenario", .string(structure.id)), ("replications", .number(Double(reps))),
                           ("seconds", .number((dt * 1000).rounded() / 1000)), ("replicationsPerSecond", .number((Double(reps) / dt * 10).rounded() / 10)),
                           ("eventsPerSecond", .number(eps.rounded())), ("events", .number(Double(t.events)))]))
}
report.append(("model", .array(models)))

// 3. The reference workload (the same model as Benchmarks/peers/reference_simpy.py), one thread:
// every measure, and only the three figures the SimPy peer computes.
print("\nReference workload (\(options.reference)), 1 thread")
let referenceStructure: Structure
do { referenceStructure = try ScenarioLoader.load(path: options.reference).structure } catch { print("  \(error)"); exit(1) }
let referenceReps = options.quick ? 1_000 : 20_000
let threeFigures = ["latency.meanDaysDecided", "latency.decisionsPerYear", "hyperconcertation.hoursPerPartnerYear"]
var reference: [(String, JSONValue)] = []
for (label, measures) in [("every measure", nil), ("the three figures", threeFigures)] as [(String, [String]?)] {
    let (r, dt) = timedRun(referenceStructure, reps: referenceReps, name: "reference", measures: measures, tries: options.quick ? 1 : 3)
    let days = r.summary(.latency, "meanDaysDecided")!.mean, decisions = r.summary(.latency, "decisionsPerYear")!.mean
    let hours = r.summary(.hyperconcertation, "hoursPerPartnerYear")!.mean
    check(abs(days - 111.5) < 3 && abs(decisions - 39) < 1 && abs(hours - 21.17) < 0.1, "reference workload figures (\(days), \(decisions), \(hours))")
    let rate = Double(referenceReps) / dt
    print("  \(label): \(referenceReps) replications in \(NumberFormat.fixed(dt, digits: 2)) s — \(NumberFormat.fixed(rate, digits: 0)) replications/s; "
          + "\(NumberFormat.fixed(days, digits: 1)) days, \(NumberFormat.fixed(decisions, digits: 2)) decisions/year, \(NumberFormat.fixed(hours, digits: 2)) h/partner/year")
    reference.append((measures == nil ? "everyMeasure" : "threeFigures", .object([("replications", .number(Double(referenceReps))),
        ("seconds", .number((dt * 1000).rounded() / 1000)), ("replicationsPerSecond", .number(rate.rounded())),
        ("meanDaysDecided", .number((days * 100).rounded() / 100)), ("decisionsPerYear", .number((decisions * 100).rounded() / 100)),
        ("hoursPerPartnerYear", .number((hours * 100).rounded() / 100))])))
}
report.append(("reference", .object(reference)))

// 4. Sept-Rivières (with its warm-up year): one thread, all cores, identical output.
let cores = ProcessInfo.processInfo.activeProcessorCount
let first = try! ScenarioLoader.load(path: options.scenarios + "/" + (files.contains("sept-rivieres.json") ? "sept-rivieres.json" : files[0])).structure
let reps = options.quick ? 200 : 2_000
let tries = options.quick ? 1 : 5
let (one, d1) = timedRun(first, reps: reps, name: first.id, threads: 1, tries: tries)
let (many, dn) = timedRun(first, reps: reps, name: first.id, threads: cores, tries: tries)
let identical = ResultJSON.render(one) == ResultJSON.render(many)
check(identical, "1 thread and \(cores) threads give identical output")
print("\n\(first.id), \(reps) replications × \(NumberFormat.fixed(first.years, digits: 0)) years after \(NumberFormat.fixed(first.warmupYears, digits: 0)) warm-up (best of \(tries)): "
      + "1 thread \(NumberFormat.fixed(d1, digits: 3)) s (\(NumberFormat.fixed(Double(reps) / d1, digits: 0)) replications/s), "
      + "\(cores) threads \(NumberFormat.fixed(dn, digits: 3)) s — speed-up ×\(NumberFormat.fixed(d1 / dn, digits: 2)); identical output: \(identical)")
report.append(("parallel", .object([("scenario", .string(first.id)), ("replications", .number(Double(reps))), ("threads", .number(Double(cores))),
                                    ("secondsOneThread", .number((d1 * 1000).rounded() / 1000)), ("secondsAllThreads", .number((dn * 1000).rounded() / 1000)),
                                    ("replicationsPerSecondOneThread", .number((Double(reps) / d1).rounded())),
                                    ("speedUp", .number((d1 / dn * 100).rounded() / 100)), ("identicalOutput", .bool(identical))])))

// 5. Memory stays flat as years grow (streaming measures).
var memory: [JSONValue] = []
print("\nPeak memory (getrusage) as the horizon grows, \(first.id)")
for years in options.quick ? [3.0, 12.0] : [3.0, 12.0, 48.0] {
    let s = try! ScenarioLoader.load(path: options.scenarios + "/sept-rivieres.json", years: years).structure
    _ = Ensemble.run(s, settings: RunSettings(replications: 8, seed: 1, threads: cores))
    let m = peakMemoryMiB()
    print("  \(NumberFormat.fixed(years, digits: 0)) years: peak RSS \(NumberFormat.fixed(m, digits: 1)) MiB")
    memory.append(.object([("years", .number(years)), ("peakMiB", .number((m * 10).rounded() / 10))]))
}
report.append(("memory", .array(memory)))

// 6. Scale: a generated Québec-wide structure.
var scale: [JSONValue] = []
print("\nScale: generated Québec-wide structure (17 regions, 100 MRC, ~4,100 partners, 617 instances), 1 thread")
for years in options.quick ? [2.0] : [10.0, 20.0] {
    let s: Structure
    do { s = try QuebecWide.structure(years: years) } catch { print("  cannot build the Québec-wide structure: \(error)"); exit(1) }
    let reps = options.quick ? 1 : 2
    let (r, dt) = timedRun(s, reps: reps, name: "Québec-wide")
    let t = r.totals
    let m = peakMemoryMiB()
    print("  \(s.partners.count) partners, \(s.instances.count) instances, \(NumberFormat.fixed(years, digits: 0)) years × \(reps): \(NumberFormat.fixed(dt, digits: 2)) s, \(NumberFormat.fixed(Double(t.events) / dt / 1e6, digits: 2)) M events/s, \(t.meetings / reps) meetings a replication, peak RSS \(NumberFormat.fixed(m, digits: 1)) MiB")
    scale.append(.object([("years", .number(years)), ("partners", .number(Double(s.partners.count))), ("instances", .number(Double(s.instances.count))),
                          ("seconds", .number((dt * 1000).rounded() / 1000)), ("eventsPerSecond", .number((Double(t.events) / dt).rounded())),
                          ("peakMiB", .number((m * 10).rounded() / 10))]))
}
report.append(("scale", .array(scale)))

if let path = options.json {
    do { try AtomicFile.write(Data((JSONValue.object(report).serialized(pretty: true) + "\n").utf8), to: URL(fileURLWithPath: path)) }
    catch { FileHandle.standardError.write(Data("concerto-bench: \(error)\n".utf8)); exit(1) }
}
print("\nall checks passed")
