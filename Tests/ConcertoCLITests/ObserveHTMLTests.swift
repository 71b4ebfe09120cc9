import Foundation
import XCTest
#if canImport(FoundationXML)
import FoundationXML
#endif

/// `concerto observe RECORDS_DIR --scenario S --format html --output FILE.html`: the planners'
/// page of `concerto report`, for one history measured in the records.
final class ObserveHTMLTests: XCTestCase {
    /// The page without its embedded downloads (base64) nor script: what a reader sees.
    func visible(_ html: String) -> String {
        var h = html
        while let a = h.range(of: ";base64,"), let b = h.range(of: "\"", range: a.upperBound..<h.endIndex) { h.removeSubrange(a.lowerBound..<b.lowerBound) }
        if let s = h.range(of: "<script>") { h = String(h[..<s.lowerBound]) }
        return h
    }

    func testObservedPageIsWellFormedMatchesTheJSONAndShowsNoInterval() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let pv = dir.appendingPathComponent("pv").path
        let scenario = "Scenarios/sept-rivieres.json"
        let run = try CLI.run(["run", scenario, "--replications", "1", "--format", "json", "--measures", "attendanceRate", "--records", pv])
        XCTAssertEqual(run.code, 0, run.stderr)
        let out = dir.appendingPathComponent("observe.html").path
        let r = try CLI.run(["observe", pv, "--scenario", scenario, "--format", "html", "--lang", "fr", "--output", out])
        XCTAssertEqual(r.code, 0, r.stderr)
        XCTAssertEqual(r.stdout, "")
        XCTAssertTrue(r.stderr.contains("observe : écrit"), r.stderr)  // --lang fr: the closing line is French too
        XCTAssertEqual(Set(try FileManager.default.contentsOfDirectory(atPath: dir.path)), ["pv", "observe.html"], "one file, no temporary left behind")
        let html = try String(contentsOfFile: out, encoding: .utf8)
        XCTAssertTrue(wellFormed(html))
        XCTAssertTrue(html.contains("<html lang=\"fr\">"))
        XCTAssertFalse(html.contains("http"))
        let page = visible(html)
        // Says where the numbers come from: the records, their period and counts; not replications.
        XCTAssertTrue(page.contains("mesurée dans ses procès-verbaux"))
        XCTAssertTrue(page.contains("Mesuré dans les procès-verbaux"))
        XCTAssertTrue(page.contains(" réunions, "), "the counts")
        XCTAssertFalse(page.contains("réplications de"), "no replications note")
        XCTAssertFalse(page.contains("Série aléatoire"), "no seed")
        XCTAssertFalse(page.contains("Les chiffres sont des moyennes sur les réplications simulées"), "the simulated footer")
        // Never an interval: no CI wording, no CI column, no [low ; high].
        for s in ["IC 95", "intervalle de confiance à 95", "(moustaches)"] {
            XCTAssertFalse(page.contains(s), s)
        }
        XCTAssertNil(page.range(of: #"\[[0-9][0-9 ,.\u{202F}]* ; "#, options: .regularExpression), "an interval [a ; b]")
        // What records cannot carry says so, and is not drawn as a zero.
        XCTAssertTrue(page.contains("id=\"load-unavailable\""))
        XCTAssertTrue(page.contains("id=\"unavailable-hypersollicitedShare\""))
        XCTAssertTrue(page.contains("id=\"unavailable-staffHoursPerYear\""))
        XCTAssertFalse(page.contains("id=\"hist0\""), "no load histogram")
        XCTAssertTrue(page.contains("non disponible dans les procès-verbaux"))
        // The summary's numbers are the observed JSON's.
        let j = try CLI.run(["observe", pv, "--scenario", scenario, "--format", "json"])
        XCTAssertEqual(j.code, 0, j.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(j.stdout.utf8)) as! [String: Any]
        let m = json["measures"] as! [String: [String: [String: Any]]]
        let nums = summaryNumbers(html, id: json["scenario"] as! String)
        XCTAssertEqual(nums.count, 5, "\(nums)")  // hours, median, community present and partners, meetings
        guard nums.count == 5 else { return }
        XCTAssertTrue(nums[0].hasSuffix(" h"), nums[0])
        XCTAssertEqual(frenchNumber(nums[0])!, m["hyperconcertation"]!["hoursPerPartnerYear"]!["mean"] as! Double, accuracy: 0.5)
        XCTAssertTrue(nums[1].hasSuffix(" jours"), nums[1])
        // One replication: the pooled Kaplan–Meier median is the replication's own (to the day bins).
        XCTAssertEqual(frenchNumber(nums[1])!, m["latency"]!["medianDaysKM"]!["mean"] as! Double, accuracy: 1)
        XCTAssertEqual(frenchNumber(nums[4])!, m["hyperconcertation"]!["meetingsPerYear"]!["mean"] as! Double, accuracy: 0.5)
        XCTAssertNil(m["hyperconcertation"]!["hypersollicitedShare"], "not carried, so not in the JSON either")

        // In English.
        let en = dir.appendingPathComponent("observe-en.html").path
        let e = try CLI.run(["observe", pv, "--scenario", scenario, "--format", "html", "--lang", "en", "--output", en])
        XCTAssertEqual(e.code, 0, e.stderr)
        let enHTML = try String(contentsOfFile: en, encoding: .utf8)
        XCTAssertTrue(wellFormed(enHTML))
        XCTAssertTrue(enHTML.contains("<html lang=\"en\">"))
        XCTAssertTrue(enHTML.contains("measured in its minutes"))
        XCTAssertTrue(enHTML.contains("not available in the minutes"))
        XCTAssertFalse(visible(enHTML).contains("95% CI"))
    }

    func testHTMLWithoutOutputOrWithMeasuresExitsTwoAndWritesNothing() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let pv = dir.appendingPathComponent("pv").path
        let r = try CLI.run(["observe", pv, "--scenario", "Scenarios/sept-rivieres.json", "--format", "html"])
        XCTAssertEqual(r.code, 2)
        XCTAssertTrue(r.stderr.contains("--format html needs --output"), r.stderr)
        XCTAssertEqual(r.stdout, "")
        let out = dir.appendingPathComponent("x.html").path
        let m = try CLI.run(["observe", pv, "--scenario", "Scenarios/sept-rivieres.json", "--format", "html", "--measures", "attendanceRate", "--output", out])
        XCTAssertEqual(m.code, 2, "a deselected measure would read as not in the minutes")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
    }
}
