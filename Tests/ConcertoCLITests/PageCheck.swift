import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Checks on the HTML pages the binary writes (`report`, `observe --format html`), shared by
/// their tests.
final class XMLDepth: NSObject, XMLParserDelegate {
    var depth = 0, count = 0, failed = false
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) { depth += 1; count += 1 }
    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) { depth -= 1 }
    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { failed = true }
}

/// Well-formed XML: parsed without error and every element closed (Linux's XMLParser
/// accepts unclosed elements and may return true with an error set).
func wellFormed(_ s: String) -> Bool {
    let p = XMLParser(data: Data(s.utf8)), d = XMLDepth()
    p.delegate = d
    return p.parse() && p.parserError == nil && !d.failed && d.depth == 0 && d.count > 0
}

/// The numbers marked `<span class="num">` in the summary card `summary-ID`.
func summaryNumbers(_ html: String, id: String) -> [String] {
    guard let start = html.range(of: "id=\"summary-\(id)\"") else { return [] }
    let block = html[start.upperBound...]
    var rest = block[..<block.range(of: "</div>")!.lowerBound]
    var out: [String] = []
    while let a = rest.range(of: "<span class=\"num\">") {
        let b = rest.range(of: "</span>", range: a.upperBound..<rest.endIndex)!
        out.append(String(rest[a.upperBound..<b.lowerBound]))
        rest = rest[b.upperBound...]
    }
    return out
}

/// A number as the page writes it in either language (thin spaces, decimal comma), unit dropped.
func frenchNumber(_ s: String) -> Double? {
    let t = s.replacingOccurrences(of: "\u{202F}", with: "").replacingOccurrences(of: ",", with: ".")
    return Double(t.prefix { $0.isNumber || $0 == "." || $0 == "-" })
}
