import XCTest
@testable import Concerto

final class EventQueueTests: XCTestCase {
    func testPopsInTimeOrder() {
        var q = EventQueue()
        var rng = RandomStream(seed: 7)
        var times: [Double] = []
        for _ in 0..<2000 {
            let t = (rng.uniform() * 100).rounded()  // many ties
            times.append(t)
            q.push(Event(time: t, kind: 1))
            XCTAssertTrue(q._checkInvariants())
        }
        var last = -Double.infinity
        var n = 0
        while let e = q.pop() {
            XCTAssertGreaterThanOrEqual(e.time, last)
            last = e.time; n += 1
        }
        XCTAssertEqual(n, times.count)
    }

    func testTiesBrokenByPriorityThenSequence() {
        var q = EventQueue()
        q.push(Event(time: 5, priority: 2, kind: 1, subject: 0))
        q.push(Event(time: 5, priority: 1, kind: 1, subject: 1))
        q.push(Event(time: 5, priority: 2, kind: 1, subject: 2))
        q.push(Event(time: 4, priority: 9, kind: 1, subject: 3))
        q.push(Event(time: 5, priority: 1, kind: 1, subject: 4))
        let order = (0..<5).map { _ in Int(q.pop()!.subject) }
        XCTAssertEqual(order, [3, 1, 4, 0, 2], "time first, then priority, then first scheduled first")
        XCTAssertNil(q.pop())
    }

    func testSequenceNumbersAreAssignedInOrder() {
        var q = EventQueue()
        for k in 0..<10 { q.push(Event(time: 1, kind: 1, subject: Int32(k))) }
        XCTAssertEqual(q.pushed, 10)
        for k in 0..<10 { XCTAssertEqual(q.pop()!.subject, Int32(k)) }
    }

    func testSimulationStopsAtHorizon() {
        var sim = Simulation()
        sim.schedule(at: 1, kind: 1)
        sim.schedule(at: 10, kind: 1)
        sim.schedule(at: 20, kind: 1)
        var seen: [Double] = []
        while let e = sim.next(until: 10) { seen.append(e.time) }
        XCTAssertEqual(seen, [1, 10])
        XCTAssertEqual(sim.now, 10)
        XCTAssertEqual(sim.processed, 2)
    }
}
