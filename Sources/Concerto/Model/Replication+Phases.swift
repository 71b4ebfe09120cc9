/// Structures that change: bodies that start and end (phases, reforms), and bodies born from
/// decisions (a working committee for each priority adopted).
extension Replication {
    /// Instance `i` begins (its phase starts, or a reform brings it in).
    mutating func startBody(_ i: Int) {
        if !instanceRules[i].onDemand { instances.active[i] = true }
        instances.lastWork[i] = sim.now
    }

    /// Instance `i` ends: it meets no more, and its waiting issues go to its successor (a
    /// reform's) or are dropped.
    mutating func endBody(_ i: Int) {
        instances.active[i] = false
        instances.extraPending[i] = nil
        let count = waiting[i].count
        for r in 0..<count {
            let s = Int(waiting[i][r])
            if let j = successor(of: i) {
                setInstance(s, j)
                enqueue(s)
            } else {
                minutes?.dropped(issue: issues.slots[s].id, at: sim.now, reason: .bodyEnded)
                endIssue(s, outcome: .dropped)
            }
        }
        waiting[i].removeAll()
    }

    /// The body that takes over from `i` now that it has ended, following reforms (nil: none,
    /// or one that has ended too without successor).
    mutating func successor(of i: Int) -> Int? {
        var j = i
        var depth = 0
        while sim.now >= instanceRules[j].endDay {
            guard let next = instanceRules[j].successor, depth < 64 else { return nil }
            j = Int(next)
            depth += 1
        }
        return j == i ? nil : j
    }

    /// Where an issue routed to `i` goes: `i` itself, or its successor if `i` has ended.
    mutating func current(_ i: Int) -> Int? {
        sim.now >= instanceRules[i].endDay ? successor(of: i) : i
    }

    /// The final decision on an issue of a kind that creates a body: the template's body for
    /// the issue's theme is created (if it does not exist now).
    mutating func createBody(forIssue s: Int) {
        let k = Int(issues.slots[s].kind)
        guard let table = kindRules[k].creates, issues.slots[s].theme >= 0,
              let i32 = stepTargets.slice(table)[Int(issues.slots[s].theme)] else { return }
        let i = Int(i32)
        if instances.active[i] || sim.now >= instanceRules[i].endDay { return }
        instances.active[i] = true
        instances.lastWork[i] = sim.now
        instances.createdAt[i] = sim.now
        tally.created(instance: i, at: sim.now)
        if let life = instanceRules[i].lifetimeDays, sim.now + life <= horizon {
            sim.schedule(at: sim.now + life, priority: EventPriority.phase.rawValue, kind: ModelEvent.lifetimeEnd.rawValue,
                         subject: Int32(i), payload: Int64(bitPattern: sim.now.bitPattern))
        }
    }
}
