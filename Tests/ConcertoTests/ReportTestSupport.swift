import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import Concerto

/// Well-formedness checks and small runs shared by the report tests.
enum ReportCheck {
    final class Collector: NSObject, XMLParserDelegate {
        var elements: [String] = []
        var error: Error?
        var depth = 0
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            elements.append(name)
            depth += 1
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) { depth -= 1 }
        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { error = parseError }
    }

    /// Parses `markup` as XML; returns the element names, and the parser's error if any.
    /// On Linux, XMLParser can return true with an error set, and accepts a document whose
    /// elements are left open: both are checked here.
    static func parse(_ markup: String) -> (elements: [String], error: String?) {
        let p = XMLParser(data: Data(markup.utf8))
        let c = Collector()
        p.delegate = c
        let ok = p.parse()
        if ok && p.parserError == nil && c.error == nil {
            return (c.elements, c.elements.isEmpty ? "no element" : c.depth != 0 ? "\(c.depth) element(s) left open" : nil)
        }
        return (c.elements, "\(p.parserError.map { "\($0)" } ?? "unknown") at line \(p.lineNumber) column \(p.columnNumber)")
    }

    /// A short ensemble of a shipped scenario.
    static func ensemble(_ name: String, replications: Int = 4) throws -> (EnsembleResult, Structure) {
        let s = try TestScenarios.loadShipped(name)
        return (Ensemble.run(s, settings: RunSettings(replications: replications, seed: 7, threads: 4)), s)
    }

    /// The texts of `<span class="num">` inside the element with the given id.
    static func summaryNumbers(_ html: String, id: String) -> [String] {
        guard let start = html.range(of: "id=\"\(id)\"") else { return [] }
        let rest = html[start.upperBound...]
        let end = rest.range(of: "</div>")!.lowerBound
        let block = rest[..<end]
        var out: [String] = []
        var cursor = block.startIndex
        while let a = block.range(of: "<span class=\"num\">", range: cursor..<block.endIndex) {
            let b = block.range(of: "</span>", range: a.upperBound..<block.endIndex)!
            out.append(String(block[a.upperBound..<b.lowerBound]))
            cursor = b.upperBound
        }
        return out
    }

    /// Reads a localized number back ("1 234,5 %" or "1,234.5%" or "12 jours").
    static func number(_ s: String, _ lang: ReportLanguage) -> Double? {
        var t = s.replacingOccurrences(of: Localization.thinSpace, with: "")
        if lang == .en { t = t.replacingOccurrences(of: ",", with: "") } else { t = t.replacingOccurrences(of: ",", with: ".") }
        let digits = t.prefix { $0.isNumber || $0 == "." || $0 == "-" }
        return Double(digits)
    }
}
