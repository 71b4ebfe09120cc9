import XCTest
@testable import Concerto

/// A worker's workspace: buffers reused from one replication to the next, never carrying
/// anything from one to the next.
final class ReplicationWorkspaceTests: XCTestCase {
    func testAReusedWorkspaceGivesTheResultsOfAFreshOne() throws {
        for name in ["sept-rivieres", "orbite", "lanaudiere"] {
            let s = try TestScenarios.loadShipped(name)
            let ws = ReplicationWorkspace(structure: s)
            for rep in [3, 0, 7, 3] {
                var reused = Replication(structure: s, seed: 11, replication: rep, workspace: ws)
                let a = reused.run()
                let b = Ensemble.replicate(s, seed: 11, replication: rep)
                XCTAssertEqual(a.values.map(\.bitPattern), b.values.map(\.bitPattern), "\(name) replication \(rep)")
                XCTAssertEqual(a.diagnostics, b.diagnostics)
                XCTAssertEqual(a.latency, b.latency)
            }
        }
    }

    func testSetUpAndRunAllocateNoBufferOnceWarm() throws {
        // After enough replications the buffers have reached their peak sizes (waiting lists
        // grow with the longest queue seen): the next ones reset them in place (same addresses,
        // same capacities).
        let s = try TestScenarios.loadShipped("sept-rivieres")
        let ws = ReplicationWorkspace(structure: s)
        for rep in 0..<200 {
            var r = Replication(structure: s, seed: 1, replication: rep, workspace: ws)
            _ = r.run()
        }
        let warm = ws.footprint
        for rep in 200..<210 {
            do {
                var r = Replication(structure: s, seed: 1, replication: rep, workspace: ws)
                _ = r.run()
            }  // the replication gives its buffers back when it ends
            XCTAssertEqual(ws.footprint, warm, "replication \(rep) reused every buffer")
        }
    }

    func testAWorkspaceServesOneReplicationAtATime() throws {
        let s = try TestScenarios.loadShipped("charlevoix")
        let ws = ReplicationWorkspace(structure: s)
        var first = Replication(structure: s, seed: 1, replication: 0, workspace: ws)
        // A second replication asking for the same workspace while the first holds it gets its own.
        var second = Replication(structure: s, seed: 1, replication: 1, workspace: ws)
        let b = second.run()
        let a = first.run()
        XCTAssertEqual(a.values.map(\.bitPattern), Ensemble.replicate(s, seed: 1, replication: 0).values.map(\.bitPattern))
        XCTAssertEqual(b.values.map(\.bitPattern), Ensemble.replicate(s, seed: 1, replication: 1).values.map(\.bitPattern))
        let other = try TestScenarios.loadShipped("orbite")
        XCTAssertFalse(ws.fits(other), "a workspace is sized for one structure")
    }
}
