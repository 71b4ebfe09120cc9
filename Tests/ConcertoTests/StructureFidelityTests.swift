import XCTest
@testable import Concerto

/// Each shipped structure's instances, memberships and routes match its seed document.
final class StructureFidelityTests: XCTestCase {
    func load(_ name: String) throws -> Structure { try TestScenarios.loadShipped(name) }
    func instance(_ s: Structure, _ id: String) -> InstanceDef { s.instances.first { $0.id == id }! }
    func index(_ s: Structure, _ id: String) -> Int { s.instances.firstIndex { $0.id == id }! }
    func members(_ s: Structure, _ id: String, replication: Int = 0) -> [PartnerDef] {
        var r = Replication(structure: s, seed: 1, replication: replication)
        r.buildMemberships()
        return r.members(of: index(s, id)).map { s.partners[$0] }
    }

    // MARK: Sept-Rivières (sept-rivieres-gouvernance.txt)

    func testSeptRivieres() throws {
        let s = try load("sept-rivieres")
        XCTAssertEqual(s.partners.count, 40, "« une quarantaine d'organismes »")
        let gt = instance(s, "grande-table")
        XCTAssertEqual(gt.rules.periodDays!, 365.0 / 3, accuracy: 1e-9, "« Au moins trois fois par année »")
        XCTAssertEqual(members(s, "grande-table").count, 40, "all partners are invited")
        XCTAssertEqual(gt.rules.decision.voteAtAttempt, 1, "vote at the same meeting without consensus")
        XCTAssertEqual(gt.rules.decision.voteThreshold, 2.0 / 3.0, accuracy: 1e-3)
        XCTAssertGreaterThan(gt.rules.decision.surveyShare, 0, "surveys in exceptional cases")
        XCTAssertEqual(gt.rules.urgentDelegate.map { Int($0) }, index(s, "comite-coordination"), "the comité decides urgent issues between Tables")
        for rep in 0..<5 {
            let coco = members(s, "comite-coordination", replication: rep)
            XCTAssertEqual(coco.count, 7)
            let ocs = coco.filter { $0.role == "organisateur-communautaire" }
            XCTAssertEqual(ocs.count, 2, "2 CISSS community organisers")
            XCTAssertEqual(Set(ocs.map(\.territory)).count, 2, "one from each town")
            XCTAssertEqual(coco.filter(\.staff).map(\.id), ["coordination-territoriale"], "the coordinator, with a vote")
            XCTAssertEqual(coco.filter { !$0.staff && $0.role != "organisateur-communautaire" }.count, 4, "at least 4 organisations")
            for wc in s.instances where wc.kind == "working" {
                let m = members(s, wc.id, replication: rep)
                XCTAssertTrue(m.contains { $0.id == "coordination-territoriale" }, "every working committee includes the coordinator")
                XCTAssertTrue(m.contains { p in coco.contains { $0.id == p.id && !p.staff } }, "and a member of the comité de coordination")
                XCTAssertEqual(Dictionary(grouping: m, by: \.organisation).values.map(\.count).max(), 1, "no over-representation of an organisation")
            }
        }
        XCTAssertEqual(instance(s, "comite-coordination").rules.election?.termDays ?? 0, 730, accuracy: 1e-9, "two-year mandates")
        for wc in s.instances where wc.kind == "working" {
            XCTAssertEqual(wc.rules.decision.voteAtAttempt, 3, "vote at the third meeting on a subject")
            XCTAssertTrue(wc.rules.powers.contains(.decide), "working committees decide on their enjeu")
        }
        for k in s.issueKinds where k.category == "actionPlan" {
            // The seed's route (committee decides, the Table is informed), after any arrimage
            // step at another body of the territory holding the theme.
            XCTAssertEqual(k.steps.suffix(2).map(\.act), [.decide, .inform], "committee decides, the Table is informed")
            XCTAssertTrue(k.steps.dropLast(2).allSatisfy { $0.act == .consult || $0.act == .inform }, "arrimage steps only")
            XCTAssertEqual(k.steps.last!.instances, [index(s, "grande-table")])
        }
    }

    // MARK: Lanaudière (lanaudiere-roles-mandats.txt)

    func testSeptRivieresCreatesACommitteeForEachNewPriority() throws {
        // « mettre en place un comité de travail pour chaque enjeu priorisé »: the committees of
        // the enjeux without one exist only after the Grande Table prioritises them.
        let s = try TestScenarios.loadShipped("sept-rivieres")
        let table = index(s, "grande-table")
        for theme in ["aines", "realites-masculines"] {
            let c = index(s, "comite-travail-\(theme)")
            XCTAssertEqual(s.instances[c].kind, "working")
            let t = s.themeIDs.firstIndex(of: theme)!
            for rep in 0..<4 {
                var r = Replication(structure: s, seed: 1, replication: rep, recordMinutes: true)
                _ = r.run()
                let m = r.minutes!
                let atTable = Set(m.items.filter { m.meetings[$0.meeting].instance == table }.map(\.issue))
                let priorities = m.issues.filter { $0.theme == t && atTable.contains($0.id) }
                let firstDecision = priorities.compactMap { $0.decided?.day }.min() ?? .infinity
                XCTAssertTrue(m.meetings.filter { $0.instance == c }.allSatisfy { $0.day >= firstDecision }, "comite-travail-\(theme) before its priority")
            }
        }
        XCTAssertGreaterThan(Ensemble.run(s, settings: RunSettings(replications: 8, seed: 1, threads: 2)).summary(.instance, "creationsPerYear", group: "comite-travail-aines")!.mean, 0)
    }

    func testLanaudiere() throws {
        let s = try load("lanaudiere")
        let analysis = s.instances.first { $0.kind == "analysis" }!
        let am = members(s, analysis.id)
        XCTAssertEqual(am.filter { $0.role == "agent-local" }.count, 6, "the six MRC local agents")
        XCTAssertEqual(Set(am.filter { $0.role == "agent-local" }.map(\.territory)).count, 6, "one per MRC")
        XCTAssertTrue(analysis.rules.decision.recuseSameTerritory, "no member analyses its own project")
        let crs = instance(s, "crs")
        XCTAssertEqual(crs.membership.named.count, 12, "the CRS's twelve named members")
        XCTAssertEqual(s.instances.filter { $0.kind == "local" }.count, 6, "one CLDS per MRC")
        let board = instance(s, "tpl-conseil")
        XCTAssertTrue(board.rules.powers.contains(.ratify))
        let plan = s.issueKinds.first { $0.id == "plan-action-local" }!
        XCTAssertEqual(plan.steps.map(\.act), [.decide, .recommend, .ratify], "CLDS adopts, CRS analyses, TPL board ratifies")
        XCTAssertEqual(plan.steps[2].instances, [index(s, "tpl-conseil")])
        // COCO may take operational decisions but never set orientations, priorities, action plans or budgets.
        for k in s.issueKinds where ["actionPlan", "priority", "budget"].contains(k.category) {
            for st in k.steps where st.act == .decide {
                for t in st.instances { XCTAssertNotEqual(s.instances[t].kind, "coordination", "\(k.id) decided by a COCO") }
            }
        }
        let cdp = s.instances.first { $0.kind == "practiceCommunity" }!
        XCTAssertTrue((28...35).contains(cdp.rules.periodDays!), "every 4 to 5 weeks")
        let project = s.issueKinds.first { $0.id == "projet-alliance" }!
        XCTAssertEqual(project.steps.map(\.act), [.recommend, .decide])
        XCTAssertEqual(project.steps[0].instances, [index(s, analysis.id)])
    }

    // MARK: ORBITE (mirabel-orbite.txt)

    func testOrbite() throws {
        let s = try load("orbite")
        let o = instance(s, "orbite")
        XCTAssertEqual(o.rules.periodDays!, 365.0 / 4, accuracy: 1e-9, "four ORBITE mornings a year")
        XCTAssertEqual(o.rules.quorum, .present, "quorum = the partners present")
        let satellites = s.instances.filter { $0.kind == "satellite" }
        XCTAssertEqual(satellites.count, 2, "HUMAINS and the anti-poverty satellite")
        for sat in satellites { XCTAssertEqual(sat.rules.coupledTo.map { Int($0) }, index(s, "orbite"), "the afternoon of each ORBITE morning") }
        let r = Ensemble.run(s, settings: RunSettings(replications: 6, seed: 1, threads: 2))
        let om = r.summary(.instance, "meetingsPerYear", group: "orbite")!.mean
        for sat in satellites { XCTAssertEqual(r.summary(.instance, "meetingsPerYear", group: sat.id)!.mean, om, accuracy: 1e-9, "same days") }
        XCTAssertTrue(s.instances.contains { $0.kind == "subSatellite" && $0.rules.onDemand }, "sub-satellites created and dissolved on demand")
        let envelope = s.issueKinds.first { $0.category == "budget" }!
        XCTAssertEqual(envelope.steps.map(\.act), [.recommend, .ratify], "satellite proposes, ORBITE ratifies")
    }

    // MARK: Charlevoix (charlevoix-gouvernance-partagee.txt)

    func testCharlevoix() throws {
        let s = try load("charlevoix")
        let assembly = s.instances.first { $0.kind == "assembly" }!
        XCTAssertEqual(assembly.rules.periodDays!, 365.0 / 2, accuracy: 1e-9, "« Une assemblée se tient 2 fois par année »")
        XCTAssertTrue(assembly.membership.open, "« regroupe l'ensemble des partenaires »")
        let strategic = s.instances.first { $0.kind == "strategic" }!
        XCTAssertEqual(strategic.rules.election.map { Int($0.by) }, index(s, assembly.id), "the assembly elects the strategic committee")
        XCTAssertTrue((2...4).contains(Int((365 / strategic.rules.periodDays!).rounded())), "2 to 4 meetings a year")
        for rep in 0..<4 {
            let m = members(s, strategic.id, replication: rep)
            let orgs = m.filter { !$0.staff }
            XCTAssertEqual(Set(orgs.map(\.territory)).count, 2, "both MRCs sit on the strategic committee")
            XCTAssertGreaterThanOrEqual(Set(orgs.map(\.sector)).count, s.sectorIDs.count - 1, "representatives of (nearly) all sectors")
        }
        XCTAssertGreaterThan(s.instances.filter { $0.kind == "working" }.count, 0, "thematic working groups")
        XCTAssertTrue(s.partners.contains { $0.staff }, "the ADOC team as staff")
    }

    // MARK: Mirabel before ORBITE (the counterfactual of mirabel-orbite.txt)

    func testMirabelBeforeOrbiteIsMoreDuplicatedThanOrbite() throws {
        let before = try load("mirabel-before-orbite"), after = try load("orbite")
        XCTAssertEqual(Set(before.partners.map(\.id)), Set(after.partners.map(\.id)), "the same partners, so the structures compare")
        XCTAssertFalse(before.instances.contains { $0.kind == "assembly" }, "no global space")
        let settings = RunSettings(replications: 8, seed: 3, threads: 2)
        let rb = Ensemble.run(before, settings: settings), ra = Ensemble.run(after, settings: settings)
        XCTAssertGreaterThan(rb.summary(.hyperconcertation, "duplicationJaccard")!.mean, ra.summary(.hyperconcertation, "duplicationJaccard")!.mean,
                             "duplicated committees before ORBITE")
        XCTAssertGreaterThan(rb.summary(.hyperconcertation, "instancesPerPartnerMax")!.mean, ra.summary(.hyperconcertation, "instancesPerPartnerMax")!.mean)
    }
}
