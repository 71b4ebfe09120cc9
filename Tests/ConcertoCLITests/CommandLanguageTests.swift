import Foundation
import XCTest

/// French and English at the terminal (issue 15, item 2), through the built binary: `--lang` on
/// every command, the locale as default, tables with labels and units within 100 columns,
/// messages in both languages with paths and ids as written.
final class CommandLanguageTests: XCTestCase {
    let quick = ["--replications", "3", "--years", "1", "--seed", "4"]

    /// Every line of `text` fits `width` characters.
    func assertFits(_ text: String, width: Int = 100, file: StaticString = #filePath, line: UInt = #line) {
        for l in text.split(separator: "\n") where l.count > width {
            XCTFail("\(l.count) characters: \(l)", file: file, line: line)
        }
    }

    func testRunTableInFrenchAndEnglishShowsLabelsAndUnitsWithin100Columns() throws {
        let fr = try CLI.run(["run", "Scenarios/sept-rivieres.json", "--lang", "fr"] + quick)
        XCTAssertEqual(fr.code, 0, fr.stderr)
        assertFits(fr.stdout)
        for phrase in ["HYPERCONCERTATION — charge des partenaires", "LATENCE DÉCISIONNELLE", "REPRÉSENTATIVITÉ", "moyenne", "IC 95 %",
                       "Heures de réunion sollicitées", "h/partenaire/an", "PAR INSTANCE", "PAR TYPE D'ENJEU", "série aléatoire n° 4"] {
            XCTAssertTrue(fr.stdout.contains(phrase), phrase)
        }
        XCTAssertFalse(fr.stdout.contains("hoursPerPartnerYear"), "labels, not ids")
        XCTAssertNil(fr.stdout.range(of: #"\d\.\d"#, options: .regularExpression), "French numbers take a decimal comma")
        let en = try CLI.run(["run", "Scenarios/sept-rivieres.json", "--lang", "en"] + quick)
        XCTAssertEqual(en.code, 0, en.stderr)
        assertFits(en.stdout)
        XCTAssertTrue(en.stdout.contains("Meeting hours solicited"), "the label's first words (it wraps)")
        XCTAssertTrue(en.stdout.contains("h/partner/year"))
        XCTAssertFalse(en.stdout.contains("hoursPerPartnerYear"))
        // The same numbers in both: the first mean of the table, written each language's way.
        func firstMean(_ s: String, _ title: String) -> String? {
            s.components(separatedBy: title).dropFirst().first?.split(separator: "\n").dropFirst(3).first
                .flatMap { $0.split(separator: " ").first { $0.first!.isNumber } }.map(String.init)
        }
        let m = try XCTUnwrap(firstMean(en.stdout, "HYPERCONCERTATION"))
        XCTAssertEqual(firstMean(fr.stdout, "HYPERCONCERTATION"), m.replacingOccurrences(of: ".", with: ","))
    }

    func testCompareOfEveryShippedStructureFitsIn100ColumnsWithALegend() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: CLI.root.appendingPathComponent("Scenarios").path)
            .filter { $0.hasSuffix(".json") }.sorted().map { "Scenarios/" + $0 }
        XCTAssertGreaterThan(files.count, 4)
        let r = try CLI.run(["compare"] + files + ["--lang", "fr", "--replications", "2", "--years", "1", "--measures", "hoursPerPartnerYear,medianDaysKM,sectorGallagher"])
        XCTAssertEqual(r.code, 0, r.stderr)
        assertFits(r.stdout)
        for k in 1...files.count { XCTAssertTrue(r.stdout.contains("  [\(k)] "), "legend entry [\(k)]") }
        XCTAssertTrue(r.stdout.contains("Comparaison de \(files.count) structures"))
        XCTAssertTrue(r.stdout.contains("Délai") || r.stdout.contains("Médiane Kaplan–Meier"), r.stdout)
        // Every structure has a column in each family: [k] heads a column of a table.
        let heads = r.stdout.split(separator: "\n").filter { $0.hasPrefix("mesure ") }
        XCTAssertEqual(heads.count % 3, 0, "the same split for the three families")
        for k in 1...files.count {
            XCTAssertEqual(heads.filter { $0.contains(" [\(k)]") }.count, 3, "[\(k)] heads a column once per family")
        }
    }

    func testEveryCommandTakesLang() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let v = try CLI.run(["validate", "Scenarios/orbite.json", "--lang", "fr"])
        XCTAssertEqual(v.code, 0, v.stderr)
        XCTAssertTrue(v.stdout.contains("partenaires") && v.stdout.contains("types d'enjeux"), v.stdout)
        let md = try CLI.run(["run", "Scenarios/orbite.json", "--format", "md", "--lang", "fr"] + quick)
        XCTAssertTrue(md.stdout.contains("## Hyperconcertation — charge des partenaires") && md.stdout.contains("| Mesure | Unité |"), md.stdout)
        let schema = try CLI.run(["schema", "Scenarios/orbite.json", "--lang", "fr"])
        XCTAssertEqual(schema.code, 0, schema.stderr)
        let html = dir.appendingPathComponent("r.html")
        let report = try CLI.run(["report", "Scenarios/orbite.json", "--lang", "fr", "--output", html.path] + quick)
        XCTAssertEqual(report.code, 0, report.stderr)
        XCTAssertTrue(report.stderr.hasPrefix("report : écrit \(html.path) ("), report.stderr)
        let sweepDir = dir.appendingPathComponent("s")
        let sweep = try CLI.run(["sweep", "Scenarios/sept-rivieres.json", "--vary", "partnerDefaults.capacityHoursPerMonth=15;22,5",
                                 "--lang", "fr", "--output", sweepDir.path, "--replications", "2", "--years", "1"])
        XCTAssertEqual(sweep.code, 0, sweep.stderr)
        XCTAssertTrue(sweep.stderr.contains("sweep : 2 variantes terminées ; résultats dans"), sweep.stderr)
        XCTAssertTrue(sweep.stderr.contains("manifest.json, provenance.json, results.csv, cells/ (2 fichiers)"), sweep.stderr)
        let csv = try String(contentsOf: sweepDir.appendingPathComponent("results.csv"), encoding: .utf8)
        XCTAssertTrue(csv.contains("\n22.5,") || csv.contains(",22.5,"), "22,5 is 22.5: \(csv.prefix(300))")
        let merged = try CLI.run(["merge", sweepDir.path, "--lang", "fr", "--output", dir.appendingPathComponent("m").path])
        XCTAssertEqual(merged.code, 0, merged.stderr)
        XCTAssertTrue(merged.stderr.hasPrefix("merge : 2 variantes"), merged.stderr)
        let exploreDir = dir.appendingPathComponent("x")
        let explore = try CLI.run(["explore", "Scenarios/sept-rivieres.json", "Scenarios/orbite.json", "--points", "4", "--replications", "2", "--years", "1",
                                   "--measures", "hoursPerPartnerYear", "--lang", "fr", "--output", exploreDir.path])
        XCTAssertEqual(explore.code, 0, explore.stderr)
        XCTAssertTrue(explore.stderr.contains("réplications en") && explore.stderr.contains("explore : écrit dans"), explore.stderr)
        XCTAssertTrue(explore.stderr.contains("robustness.csv"), explore.stderr)
        let gcm = try CLI.run(["gcm", "--lang", "fr", "--variant", "nope"])
        XCTAssertEqual(gcm.code, 2, "gcm takes --lang too: the error is about the variant, not --lang")
        XCTAssertFalse(gcm.stderr.contains("--lang"), gcm.stderr)
        let bad = try CLI.run(["run", "Scenarios/orbite.json", "--lang", "de"])
        XCTAssertEqual(bad.code, 2)
        XCTAssertTrue(bad.stderr.contains("--lang must be fr or en"), bad.stderr)
    }

    func testTheLocaleIsTheDefault() throws {
        func header(_ env: [String: String]) throws -> String {
            let r = try CLI.run(["run", "Scenarios/orbite.json"] + quick, environment: env)
            XCTAssertEqual(r.code, 0, r.stderr)
            return String(r.stdout.split(separator: "\n")[1])
        }
        XCTAssertTrue(try header([:]).contains("replications"), "no locale: English")
        XCTAssertTrue(try header(["LANG": "fr_CA.UTF-8"]).contains("réplications"))
        XCTAssertTrue(try header(["LANG": "fr_CA.UTF-8", "LC_ALL": "en_CA.UTF-8"]).contains("replications"), "LC_ALL wins over LANG")
        XCTAssertTrue(try header(["LANG": "en_US.UTF-8", "LC_MESSAGES": "fr_FR.UTF-8"]).contains("réplications"), "LC_MESSAGES wins over LANG")
        XCTAssertTrue(try header(["LANG": "C.UTF-8"]).contains("replications"))
        XCTAssertTrue(try header(["LANG": "fr_CA.UTF-8"]).contains("replications") == false)
        let r = try CLI.run(["run", "Scenarios/orbite.json", "--lang", "en"] + quick, environment: ["LANG": "fr_CA.UTF-8"])
        XCTAssertTrue(r.stdout.contains("replications"), "--lang wins over the locale")
    }

    func testMessagesInFrenchKeepPathsAndIdsAsWritten() throws {
        let usage = try CLI.run(["run", "Scenarios/orbite.json", "--replicatons", "3"], environment: ["LANG": "fr_CA.UTF-8"])
        XCTAssertEqual(usage.code, 2)
        XCTAssertEqual(usage.stderr, "concerto run: option inconnue --replicatons (vouliez-vous dire --replications ?)\nLancez `concerto help` pour l'aide.\n")
        let key = try CLI.run(["run", "Scenarios/orbite.json", "--lang", "fr", "--set", "instances.orbite.schedule.meetingsPerYr=3"])
        XCTAssertEqual(key.code, 2)
        XCTAssertTrue(key.stderr.contains("clé inconnue `meetingsPerYr` dans `instances.orbite.schedule` (vouliez-vous dire `instances.orbite.schedule.meetingsPerYear` ?)"), key.stderr)
        let value = try CLI.run(["validate", "Scenarios/orbite.json", "--lang", "fr"] + [])
        XCTAssertEqual(value.code, 0)
        let missing = try CLI.run(["validate", "Scenarios/orbit.json", "--lang", "fr"])
        XCTAssertEqual(missing.stderr, "Scenarios/orbit.json : fichier introuvable (vouliez-vous dire Scenarios/orbite.json ?)\n")
        let english = try CLI.run(["validate", "Scenarios/orbit.json"])
        XCTAssertEqual(english.stderr, "Scenarios/orbit.json: no such file (did you mean Scenarios/orbite.json?)\n")
    }
}
