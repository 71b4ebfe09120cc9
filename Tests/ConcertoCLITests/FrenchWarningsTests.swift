import Foundation
import XCTest
@testable import ConcertoCLI

/// Issue 15 ("French everywhere"): the warnings before surprises, `concerto help` and the
/// progress lines of sweep and explore in French when the locale is French or `--lang fr` is
/// given; the English text unchanged otherwise.
final class FrenchWarningsTests: XCTestCase {
    static let nnbsp = "\u{202F}"

    /// One body `a` with three named members at `engagements` and a count quorum (0: none),
    /// one issue kind `k` deciding there (as in ScenarioWarningsTests).
    func small(engagements: [Double] = [0.9, 0.6, 0.5], quorum: Int = 2) -> [String: Any] {
        let partners: [[String: Any]] = engagements.enumerated().map {
            ["id": "p\($0.offset)", "sector": "s", "territory": "t", "capacityHoursPerMonth": 744, "engagement": $0.element, "defaultInterest": 0]
        }
        return [
            "id": "small", "years": 1, "sectors": [["id": "s"]], "territories": [["id": "t"]], "themes": [["id": "x"]], "partners": partners,
            "instances": [["id": "a", "themes": ["x"], "schedule": ["periodDays": 7], "membership": ["named": engagements.indices.map { "p\($0)" }],
                           "quorum": quorum > 0 ? ["kind": "count", "value": quorum] : ["kind": "none"], "powers": ["decide"], "meetingHours": 1, "preparationHours": 0]],
            "issueKinds": [["id": "k", "theme": "x", "ratePerYear": 2, "route": [["act": "decide", "instance": "a"]]]],
            "attendance": ["interestFloor": 0.3, "mandateInterest": 1],
            "engagement": ["decisionBoost": 0, "overloadDecay": 0],
        ]
    }

    /// `validate` of `object` in a French locale (and in English): the standard error.
    func validate(_ object: [String: Any], french: Bool = true) throws -> (file: String, stderr: String) {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("w.json")
        try CLI.write(object, to: file)
        let r = try CLI.run(["validate", file.path], environment: french ? ["LANG": "fr_CA.UTF-8"] : [:])
        XCTAssertEqual(r.code, 0, r.stderr)
        return (file.path, r.stderr)
    }

    func testLowAttendanceAndFrequentQuorumFailureInFrench() throws {
        // 35% expected, under 40%; quorum 2 of 3 fails at 72% of meetings.
        let (file, err) = try validate(small(engagements: [0.35, 0.35, 0.35], quorum: 2))
        XCTAssertTrue(err.contains("avertissement : \(file): instances[a] : présence attendue de 35\(Self.nnbsp)% des sièges à l'instance `a`, sous le seuil de 40\(Self.nnbsp)% (prévue par la formule de présence"), err)
        XCTAssertTrue(err.contains("avertissement : \(file): instances[a] : le quorum de l'instance `a` (2 sur 3 sièges votants) manquerait dans 72\(Self.nnbsp)% des rencontres, au-delà du seuil de 20\(Self.nnbsp)% (membres votants présents attendus : 1,0)"), err)
        XCTAssertFalse(err.contains("expected"), err)
        // English unchanged.
        let (enFile, en) = try validate(small(engagements: [0.35, 0.35, 0.35], quorum: 2), french: false)
        XCTAssertTrue(en.contains("warning: \(enFile): instances[a]: expected attendance 35% of its seats, under 40% (predicted from the attendance formula"), en)
        XCTAssertTrue(en.contains("instances[a]: its quorum (2 of 3 voting seats) is expected to fail at 72% of meetings, over 20% (1.0 voting members expected)"), en)
    }

    func testBodyNoIssueReachesInFrench() throws {
        var obj = small(quorum: 1)
        var instances = obj["instances"] as! [[String: Any]]
        var idle = instances[0]
        idle["id"] = "idle"
        instances.append(idle)
        obj["instances"] = instances
        let (file, err) = try validate(obj)
        XCTAssertTrue(err.contains("avertissement : \(file): instances[idle] : aucun enjeu n'arrive jamais à l'instance `idle` (aucune étape du parcours"), err)
        XCTAssertTrue(err.contains("; elle se réunit et occupe ses membres, mais ne décide rien"), err)
    }

    func testRoutesThatCanNeverCompleteInFrench() throws {
        // The body ends on day 100; issues of `late` arrive from day 200.
        var obj = small(quorum: 1)
        var instances = obj["instances"] as! [[String: Any]]
        instances[0]["end"] = 100
        obj["instances"] = instances
        obj["issueKinds"] = [["id": "late", "theme": "x", "ratePerYear": 2, "start": 200, "route": [["act": "decide", "instance": "a"]]]]
        let (file, err) = try validate(obj)
        XCTAssertTrue(err.contains("avertissement : \(file): issueKinds[late].route[0] : le parcours du type d'enjeux `late` ne peut jamais aboutir : `a` prend fin avant l'arrivée des enjeux de ce type, et aucune réforme ne lui donne de successeur"), err)
        // A quorum never reached: all three members needed, one never comes.
        let (file2, never) = try validate(small(engagements: [0.9, 0.9, 0], quorum: 3))
        XCTAssertTrue(never.contains("avertissement : \(file2): issueKinds[k].route[0] : le parcours du type d'enjeux `k` ne peut jamais aboutir : `a` n'atteint jamais son quorum, alors les enjeux de ce type ne dépassent jamais cette étape"), never)
        XCTAssertTrue(never.contains("manquerait dans 100\(Self.nnbsp)% des rencontres"), never)
    }

    func testStrictRefusalInFrench() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("w.json")
        try CLI.write(small(engagements: [0.35, 0.35, 0.35], quorum: 0), to: file)
        let r = try CLI.run(["run", file.path, "--strict", "--lang", "fr"])
        XCTAssertEqual(r.code, 2)
        XCTAssertTrue(r.stderr.contains("--strict : 1 avertissement : le scénario est refusé (retirez --strict pour le lancer quand même)"), r.stderr)
    }

    /// The rules alone, for the route warnings a valid scenario can hardly produce and for
    /// decimals in percentages.
    func testRulesForEveryWarningKind() {
        let cases: [(String, String)] = [
            ("warning: s.json: issueKinds[k].route[1]: no body of the issue's territory exists for any territory of this kind, so its issues never get past this step",
             "avertissement : s.json: issueKinds[k].route[1] : le parcours du type d'enjeux `k` ne peut jamais aboutir : aucune instance n'existe pour les territoires de ce type, alors ses enjeux ne dépassent jamais cette étape"),
            ("warning: s.json: issueKinds[k].route[0]: no body holds any theme of this kind, so its issues never get past this step",
             "avertissement : s.json: issueKinds[k].route[0] : le parcours du type d'enjeux `k` ne peut jamais aboutir : aucune instance ne porte les thèmes de ce type, alors ses enjeux ne dépassent jamais cette étape"),
            ("s.json: instances[gt]: expected attendance 35.2% of its seats, under 40% (predicted from the attendance formula: engagement × availability × max(interestFloor, interest))",
             "s.json: instances[gt] : présence attendue de 35,2\(Self.nnbsp)% des sièges à l'instance `gt`, sous le seuil de 40\(Self.nnbsp)% (prévue par la formule de présence : engagement × disponibilité × max(interestFloor, interest))"),
            ("s.json: instances[gt]: its quorum (1 of 1 voting seats) is expected to fail at 27% of meetings, over 20% (0.7 voting members expected)",
             "s.json: instances[gt] : le quorum de l'instance `gt` (1 sur 1 siège votant) manquerait dans 27\(Self.nnbsp)% des rencontres, au-delà du seuil de 20\(Self.nnbsp)% (membres votants présents attendus : 0,7)"),
            ("sweep: 2 cells done; results in d/results.csv (provenance in provenance.json)",
             "sweep : 2 variantes terminées ; résultats dans d/results.csv (provenance dans provenance.json)"),
            ("warning: s.json: issueKinds[k].ratePerYear: 0: no issue of this kind will arrive",
             "avertissement : s.json: issueKinds[k].ratePerYear : 0 : aucun enjeu de ce type n'arrivera"),
        ]
        for (en, fr) in cases { XCTAssertEqual(MessageFrench.translateLine(en), fr) }
    }

    func testHelpInFrenchByLangOrLocaleAndEnglishUnchanged() throws {
        let fr = try CLI.run(["help", "--lang", "fr"])
        XCTAssertEqual(fr.code, 0)
        XCTAssertTrue(fr.stdout.hasPrefix("concerto — simuler des structures de concertation"), fr.stdout)
        XCTAssertTrue(fr.stdout.contains("OPTIONS DE RUN") && fr.stdout.contains("CODES DE SORTIE"), fr.stdout)
        XCTAssertEqual(try CLI.run(["help"], environment: ["LANG": "fr_CA.UTF-8"]).stdout, fr.stdout)
        XCTAssertEqual(try CLI.run(["run", "--help"], environment: ["LC_ALL": "fr_CA.UTF-8"]).stdout, fr.stdout)
        // English: exactly the text it was, by default and with --lang en over a French locale.
        let en = try CLI.run(["help"])
        XCTAssertEqual(en.stdout, Usage.text)
        XCTAssertTrue(en.stdout.hasPrefix("concerto — simulate concertation structures"), en.stdout)
        XCTAssertEqual(try CLI.run(["help", "--lang", "en"], environment: ["LANG": "fr_CA.UTF-8"]).stdout, Usage.text)
        XCTAssertEqual(try CLI.run(["sweep", "--help", "--lang", "en"]).stdout, Usage.text)
        // Every option of the English text is in the French one.
        let options = Set(Usage.text.split(whereSeparator: { " [|,=(".contains($0) || $0.isNewline }).filter { $0.hasPrefix("--") && $0.count > 3 }.map(String.init))
        for o in options { XCTAssertTrue(Usage.french.contains(o), o) }
    }

    func testProgressLinesInFrench() {
        XCTAssertEqual(progressLine(command: "sweep", done: 3, of: 10, rate: 120, secondsLeft: 5, french: false), "\rsweep: 3/10 cells, 120 replications/s, 5 s left   ")
        XCTAssertEqual(progressLine(command: "explore", done: 3, of: 10, rate: 120, secondsLeft: 5, french: true), "\rexplore : 3/10 variantes, 120 réplications/s, encore 5 s   ")
        XCTAssertEqual(progressNotice("d: removed 2 temporary file(s) left by an interrupted write", command: "sweep", french: true),
                       "sweep : d : 2 fichier(s) temporaire(s) laissé(s) par une écriture interrompue retiré(s)\n")
        XCTAssertEqual(progressNotice("d: took over the lock of a sweep that is no longer running (pid 12 on this host, since 2026-11-30T10:00:00Z)", command: "sweep", french: false),
                       "sweep: d: took over the lock of a sweep that is no longer running (pid 12 on this host, since 2026-11-30T10:00:00Z)\n")
        XCTAssertEqual(progressNotice("d: took over the lock of a sweep that is no longer running (pid 12 on this host, since 2026-11-30T10:00:00Z)", command: "sweep", french: true),
                       "sweep : d : verrou repris d'un sweep qui ne tourne plus (pid 12 sur cet hôte, depuis 2026-11-30T10:00:00Z)\n")
    }
}
