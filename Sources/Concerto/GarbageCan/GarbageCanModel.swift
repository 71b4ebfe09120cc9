// The garbage-can model of organizational choice (Cohen, March & Olsen 1972), as in the
// published Fortran: 20 periods, 10 choices, 10 decision makers, 20 problems.

/// Which arithmetic a run uses for energies.
public enum GarbageCanArithmetic: Int, CaseIterable, Hashable, Sendable {
    /// IEEE doubles, the published model's arithmetic (its results are sensitive to rounding).
    case float
    /// Exact integers in units of 1/100 energy.
    case exact
}

/// The garbage-can model.
///
/// One step `t = 0…19` produces period `t + 1`, carrying the state of period `t`:
/// 1. in steps 0…9, choice `choiceOrder[t]` and problems `problemOrder[2t]`, `problemOrder[2t+1]`
///    become active;
/// 2. each active unsolved problem, in index order, attaches to the active accessible choice with
///    the smallest `required − spent` of the previous period (lowest index on ties) and adds the
///    load to that choice's required energy for this period (which starts at 0 each step);
///    with no such choice it is latent;
/// 3. each decision maker, in index order, adds its energy to the cumulative spent energy of the
///    active choice it may join with the smallest previous `required − spent` (lowest index on ties);
/// 4. every active choice, in index order, with `required − spent ≤ 0` (one subtraction, required
///    minus spent) is made in period `t + 1`, and solves the problems attached to it now.
public enum GarbageCanModel {
    public static let periods = 20
    public static let choiceCount = 10
    public static let decisionMakerCount = 10
    public static let problemCount = 20
    /// Steps (0…9) in which choices and problems enter.
    public static let entrySteps = 10

    /// Runs `variant` once with the given entry sequence and arithmetic.
    public static func run(_ variant: GarbageCanVariant, entry: GarbageCanEntrySequence,
                           arithmetic: GarbageCanArithmetic = .float) -> GarbageCanRunResult {
        switch arithmetic {
        case .float:
            return simulate(load: variant.load.energyPerProblem, energies: variant.energy.energies,
                            access: variant.access, decision: variant.decision, entry: entry)
        case .exact:
            return simulate(load: variant.load.exactEnergyPerProblem, energies: variant.energy.exactEnergies,
                            access: variant.access, decision: variant.decision, entry: entry)
        }
    }

    /// The kernel, generic over the energy arithmetic (`Double` or `Int`). All state lives in
    /// arrays allocated once per run; the period loop allocates nothing.
    @usableFromInline
    static func simulate<E: AdditiveArithmetic & Comparable>(
        load: E, energies: [E], access: GarbageCanStructure, decision: GarbageCanStructure,
        entry: GarbageCanEntrySequence
    ) -> GarbageCanRunResult {
        let nC = choiceCount, nP = problemCount, nD = decisionMakerCount
        precondition(energies.count == nD, "one energy per decision maker")

        // Choices.
        var choiceActive = [Bool](repeating: false, count: nC)
        var closePeriod = [Int](repeating: 0, count: nC)          // 0: not made
        var required = [E](repeating: .zero, count: nC)           // this period's required energy
        var spent = [E](repeating: .zero, count: nC)              // cumulative spent energy
        var previousGap = [E](repeating: .zero, count: nC)        // previous period's required − spent
        var everRequired = [Bool](repeating: false, count: nC)
        var solvedCount = [Int](repeating: 0, count: nC)
        // Problems.
        var problemActive = [Bool](repeating: false, count: nP)
        var solvedBy = [Int](repeating: -1, count: nP)
        var attachedTo = [Int](repeating: -1, count: nP)          // this period's choice, -1: none
        // Decision makers.
        var workingOn = [Int](repeating: -1, count: nD)           // previous period's choice, -1: idle

        var latency = 0, activity = 0, moves = 0

        for t in 0..<periods {
            // 1. Entrants.
            if t < entrySteps {
                choiceActive[entry.choiceOrder[t]] = true
                problemActive[entry.problemOrder[2 * t]] = true
                problemActive[entry.problemOrder[2 * t + 1]] = true
            }
            for c in 0..<nC {
                previousGap[c] = required[c] - spent[c]
                required[c] = .zero
            }

            // 2–3. Problems attach to choices and load them.
            for p in 0..<nP {
                attachedTo[p] = -1
                guard problemActive[p], solvedBy[p] < 0 else { continue }
                var best = -1
                for c in 0..<nC where choiceActive[c] && access.problem(p, reaches: c) {
                    if best < 0 || previousGap[c] < previousGap[best] { best = c }
                }
                if best >= 0 {
                    attachedTo[p] = best
                    required[best] += load
                } else {
                    latency += 1
                }
            }

            // 4–5. Decision makers spend their energy (spent is cumulative).
            for d in 0..<nD {
                var best = -1
                for c in 0..<nC where choiceActive[c] && decision.decisionMaker(d, joins: c) {
                    if best < 0 || previousGap[c] < previousGap[best] { best = c }
                }
                if best >= 0 {
                    spent[best] += energies[d]
                    if workingOn[d] >= 0 && workingOn[d] != best { moves += 1 }
                }
                workingOn[d] = best
            }

            // 5. Choices with enough energy are made and solve the problems attached now.
            for c in 0..<nC where choiceActive[c] {
                if required[c] > .zero { everRequired[c] = true }
                if required[c] - spent[c] <= .zero {
                    choiceActive[c] = false
                    closePeriod[c] = t + 1
                    for p in 0..<nP where attachedTo[p] == c {
                        solvedBy[p] = c
                        solvedCount[c] += 1
                    }
                }
            }
            for p in 0..<nP where attachedTo[p] >= 0 && solvedBy[p] < 0 { activity += 1 }
        }

        var resolution = 0, flight = 0, oversight = 0, unmade = 0
        var styles = [GarbageCanDecisionStyle?](repeating: nil, count: nC)
        for c in 0..<nC {
            guard closePeriod[c] > 0 else { unmade += 1; continue }
            if solvedCount[c] > 0 { styles[c] = .resolution; resolution += 1 }
            else if everRequired[c] { styles[c] = .flight; flight += 1 }
            else { styles[c] = .oversight; oversight += 1 }
        }
        let solved = solvedBy.reduce(0) { $0 + ($1 >= 0 ? 1 : 0) }
        return GarbageCanRunResult(
            choiceClosePeriod: closePeriod.map { $0 > 0 ? $0 : nil },
            problemSolvedByChoice: solvedBy.map { $0 >= 0 ? $0 : nil },
            choiceStyle: styles,
            resolution: resolution, flight: flight, oversight: oversight, problemsSolved: solved,
            problemLatency: latency, problemActivity: activity, decisionMakerMoves: moves,
            choicesUnmade: unmade)
    }
}
