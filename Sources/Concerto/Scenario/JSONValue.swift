import Foundation

/// A JSON document as a tree that keeps the order of object keys, so that `--set` edits and
/// re-serialisation are faithful and deterministic.
///
/// Parse a document with ``parse(_:)``, navigate it with the subscripts and accessors, and write
/// it back with ``serialized(pretty:)`` or ``data()``.
public enum JSONValue: Sendable, Equatable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number. Always finite when produced by the parser.
    case number(Double)
    /// A string.
    case string(String)
    /// An array, in document order.
    case array([JSONValue])
    /// An object: its members in document order (keys are unique when produced by the parser).
    case object([(String, JSONValue)])

    /// Structural equality. Objects are equal when they have the same members in the same order;
    /// numbers compare as `Double` (so `0` equals `-0`).
    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.number(x), .number(y)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)): return x == y
        case let (.object(x), .object(y)):
            guard x.count == y.count else { return false }
            for (m, n) in zip(x, y) where m.0 != n.0 || m.1 != n.1 { return false }
            return true
        default: return false
        }
    }

    /// The value of the member named `key` when this is an object that has it, else nil.
    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self {
            for (k, v) in members where k == key { return v }
        }
        return nil
    }

    /// The element at `index` when this is an array and the index is in range, else nil.
    public subscript(index: Int) -> JSONValue? {
        if case .array(let a) = self, index >= 0, index < a.count { return a[index] }
        return nil
    }

    /// The members when this is an object, else nil.
    public var objectValue: [(String, JSONValue)]? { if case .object(let m) = self { return m }; return nil }
    /// The elements when this is an array, else nil.
    public var arrayValue: [JSONValue]? { if case .array(let a) = self { return a }; return nil }
    /// The string when this is a string, else nil.
    public var stringValue: String? { if case .string(let s) = self { return s }; return nil }
    /// The number when this is a number, else nil.
    public var doubleValue: Double? { if case .number(let x) = self { return x }; return nil }
    /// The boolean when this is `true` or `false`, else nil.
    public var boolValue: Bool? { if case .bool(let b) = self { return b }; return nil }
    /// Whether this is `null`.
    public var isNull: Bool { if case .null = self { return true }; return false }

    /// A short description of the value and its type for error messages, e.g. `a string ("six")`,
    /// `a number (2.5)`, `an array`, `null`.
    public var typeDescription: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return "a boolean (\(b))"
        case .number(let x): return "a number (\(NumberFormat.json(x)))"
        case .string(let s): return "a string (\"\(s.count > 40 ? String(s.prefix(40)) + "…" : s)\")"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// Deterministic serialisation.
    ///
    /// Numbers that are integral with magnitude below 2^53 print without a fraction (`6`, not
    /// `6.0`); other finite numbers print in shortest round-trip form (`Double.description`);
    /// non-finite numbers (never produced by the parser) print as `null`. Strings are escaped per
    /// RFC 8259 (`"`, `\`, and control characters). Object members keep their order.
    ///
    /// - Parameter pretty: when true, objects put one member per line indented by two spaces, and
    ///   arrays go one element per line unless they hold at most 8 scalars, which stay on one line.
    ///   When false, the output has no whitespace at all.
    public func serialized(pretty: Bool = false) -> String {
        var out = ""
        write(to: &out, pretty: pretty, indent: 0)
        return out
    }

    /// The compact serialisation as UTF-8 bytes (suitable for `JSONDecoder`).
    public func data() -> Data { Data(serialized().utf8) }

    private var isScalar: Bool {
        switch self {
        case .array, .object: return false
        default: return true
        }
    }

    private func write(to out: inout String, pretty: Bool, indent: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let x): out += NumberFormat.json(x)
        case .string(let s): JSONValue.escape(s, into: &out)
        case .array(let a):
            if a.isEmpty { out += "[]"; return }
            if !pretty || (a.count <= 8 && a.allSatisfy(\.isScalar)) {
                out += "["
                for (k, v) in a.enumerated() {
                    if k > 0 { out += pretty ? ", " : "," }
                    v.write(to: &out, pretty: pretty, indent: indent)
                }
                out += "]"
                return
            }
            out += "[\n"
            for (k, v) in a.enumerated() {
                out += String(repeating: "  ", count: indent + 1)
                v.write(to: &out, pretty: pretty, indent: indent + 1)
                out += k < a.count - 1 ? ",\n" : "\n"
            }
            out += String(repeating: "  ", count: indent) + "]"
        case .object(let m):
            if m.isEmpty { out += "{}"; return }
            out += pretty ? "{\n" : "{"
            for (k, (key, v)) in m.enumerated() {
                if pretty { out += String(repeating: "  ", count: indent + 1) }
                JSONValue.escape(key, into: &out)
                out += pretty ? ": " : ":"
                v.write(to: &out, pretty: pretty, indent: indent + 1)
                if k < m.count - 1 { out += "," }
                if pretty { out += "\n" }
            }
            if pretty { out += String(repeating: "  ", count: indent) }
            out += "}"
        }
    }

    private static let hexDigits: [Character] = Array("0123456789abcdef")

    /// Appends `s` as a JSON string literal: `"` and `\` escaped, `\n`, `\r`, `\t`, `\b`, `\f`
    /// by their short escapes, other control characters as `\u00XX`; everything else verbatim.
    static func escape(_ s: String, into out: inout String) {
        out += "\""
        // Most strings need no escape: append them whole.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            out += s
            out += "\""
            return
        }
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if u.value < 0x20 {
                    out += "\\u00"
                    out.append(hexDigits[Int(u.value >> 4)])
                    out.append(hexDigits[Int(u.value & 0xF)])
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        out += "\""
    }
}

/// A JSON syntax error: where it is (1-based line and column, columns counting Unicode
/// characters) and what is wrong, in plain English.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 1-based line number.
    public var line: Int
    /// 1-based column, counting Unicode scalars (so `é` counts as one column).
    public var column: Int
    /// What is wrong, e.g. "expected ',' or '}' after an object member".
    public var message: String

    /// Creates an error at a position.
    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// `line L, column C: message`.
    public var description: String { "line \(line), column \(column): \(message)" }
}

extension JSONValue {
    /// Deepest nesting of arrays and objects the parser accepts.
    public static let maxNestingDepth = 256

    /// Parses a JSON document (RFC 8259).
    ///
    /// Accepts (and skips) a UTF-8 byte-order mark and any of space, tab, LF and CR as
    /// whitespace (so CRLF files are fine). Rejects, with the line and column of the problem:
    /// invalid UTF-8, comments, trailing commas, single-quoted strings, `NaN`/`Infinity`, leading
    /// zeros, numbers too large for a `Double`, duplicate keys (naming the key and its path),
    /// unescaped control characters in strings, invalid or unpaired `\u` escapes, nesting deeper
    /// than ``maxNestingDepth`` and text after the document. Never overflows the stack.
    public static func parse(_ data: Data) throws(JSONSyntaxError) -> JSONValue {
        let bytes = [UInt8](data)
        var parser = JSONParser(bytes: bytes)
        do {
            return try parser.parseDocument()
        } catch {
            let (line, column) = JSONParser.position(of: error.offset, in: bytes)
            var message = error.message
            if let path = error.keyPath { message += " (at \(JSONPath(path).description))" }
            throw JSONSyntaxError(line: line, column: column, message: message)
        }
    }

    /// Parses a JSON document given as text. See ``parse(_:)``.
    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        try parse(Data(text.utf8))
    }
}

/// A parse failure at a byte offset. `keyPath`, when set, is filled in by the enclosing
/// containers as the error travels up (used to name where a duplicate key is).
struct JSONParseFailure: Error {
    var offset: Int
    var message: String
    var keyPath: [JSONPath.Component]?
}

/// Recursive-descent parser over UTF-8 bytes. Recursion depth is bounded by
/// `JSONValue.maxNestingDepth`, so hostile input cannot overflow the stack.
struct JSONParser {
    let bytes: [UInt8]
    var i = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { i = 3 }
    }

    // MARK: positions and errors

    /// 1-based line and column of a byte offset: lines end at LF, CRLF or a lone CR; columns
    /// count Unicode scalars (UTF-8 continuation bytes are not counted); a BOM is not counted.
    static func position(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1, column = 1
        var k = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        let end = min(offset, bytes.count)
        while k < end {
            let b = bytes[k]
            if b == 0x0A || (b == 0x0D && (k + 1 >= bytes.count || bytes[k + 1] != 0x0A)) {
                line += 1; column = 1
            } else if b & 0xC0 != 0x80 && b != 0x0D {
                column += 1
            }
            k += 1
        }
        return (line, column)
    }

    func fail(_ message: String, at offset: Int? = nil) -> JSONParseFailure {
        JSONParseFailure(offset: offset ?? i, message: message, keyPath: nil)
    }

    static let truncated = "unexpected end of file: the file looks truncated"

    /// A short quotation of the text at `offset` for messages: a word, or one character.
    func quote(at offset: Int) -> String {
        guard offset < bytes.count else { return "the end of the file" }
        var k = offset
        while k < bytes.count, k - offset < 20, JSONParser.isWordByte(bytes[k]) { k += 1 }
        if k == offset {
            // one UTF-8 character
            k += 1
            while k < bytes.count, bytes[k] & 0xC0 == 0x80 { k += 1 }
        }
        let text = String(decoding: bytes[offset..<k], as: UTF8.self)
        switch text {
        case "\n", "\r": return "a line break"
        case "\t": return "a tab"
        default: return "`\(text)`"
        }
    }

    static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x5F || b == 0x2D || b == 0x2E || b == 0x2B
    }

    // MARK: UTF-8

    /// The offset of the first byte that is not part of well-formed UTF-8 (Unicode Table 3-7:
    /// no overlong forms, no surrogates, nothing above U+10FFFF), or nil when all is valid.
    static func firstInvalidUTF8(_ b: [UInt8], from start: Int) -> Int? {
        var k = start
        let n = b.count
        func cont(_ j: Int, _ lo: UInt8 = 0x80, _ hi: UInt8 = 0xBF) -> Bool { j < n && b[j] >= lo && b[j] <= hi }
        while k < n {
            let c = b[k]
            if c < 0x80 { k += 1; continue }
            switch c {
            case 0xC2...0xDF:
                guard cont(k + 1) else { return k }
                k += 2
            case 0xE0:
                guard cont(k + 1, 0xA0, 0xBF), cont(k + 2) else { return k }
                k += 3
            case 0xE1...0xEC, 0xEE...0xEF:
                guard cont(k + 1), cont(k + 2) else { return k }
                k += 3
            case 0xED:
                guard cont(k + 1, 0x80, 0x9F), cont(k + 2) else { return k }
                k += 3
            case 0xF0:
                guard cont(k + 1, 0x90, 0xBF), cont(k + 2), cont(k + 3) else { return k }
                k += 4
            case 0xF1...0xF3:
                guard cont(k + 1), cont(k + 2), cont(k + 3) else { return k }
                k += 4
            case 0xF4:
                guard cont(k + 1, 0x80, 0x8F), cont(k + 2), cont(k + 3) else { return k }
                k += 4
            default:
                return k
            }
        }
        return nil
    }

    // MARK: grammar

    mutating func skipSpace() {
        while i < bytes.count {
            let b = bytes[i]
            guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { return }
            i += 1
        }
    }

    mutating func parseDocument() throws(JSONParseFailure) -> JSONValue {
        if let bad = JSONParser.firstInvalidUTF8(bytes, from: i) {
            throw fail(String(format: "invalid UTF-8 (byte 0x%02X): save the file as UTF-8 text", bytes[bad]), at: bad)
        }
        skipSpace()
        if i >= bytes.count { throw fail("the file is empty: expected a JSON value") }
        let v = try parseValue(depth: 0)
        skipSpace()
        if i < bytes.count {
            throw fail("unexpected \(quote(at: i)) after the end of the JSON document (only one top-level value is allowed)")
        }
        return v
    }

    mutating func parseValue(depth: Int) throws(JSONParseFailure) -> JSONValue {
        skipSpace()
        guard i < bytes.count else { throw fail(JSONParser.truncated) }
        switch bytes[i] {
        case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            if matches("true") { i += 4; return .bool(true) }
            if matches("false") { i += 5; return .bool(false) }
            if matches("null") { i += 4; return .null }
            throw unexpectedValue()
        default:
            throw unexpectedValue()
        }
    }

    func matches(_ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard i + n <= bytes.count else { return false }
        let p = word.utf8Start
        for k in 0..<n where bytes[i + k] != p[k] { return false }
        // `trueish` is not `true`
        if i + n < bytes.count, JSONParser.isWordByte(bytes[i + n]) { return false }
        return true
    }

    /// The error for a byte that cannot start a value, with a hint for the usual mistakes.
    func unexpectedValue() -> JSONParseFailure {
        let b = bytes[i]
        switch b {
        case UInt8(ascii: "/"): return fail("comments are not allowed in JSON")
        case UInt8(ascii: "#"): return fail("comments are not allowed in JSON")
        case UInt8(ascii: "'"): return fail("strings must be in double quotes, not single quotes")
        case UInt8(ascii: "+"): return fail("numbers cannot start with '+'")
        case UInt8(ascii: "."): return fail("numbers need a digit before the decimal point (write 0.5, not .5)")
        case UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: ","):
            return fail("expected a value but found \(quote(at: i))")
        default:
            let word = quote(at: i)
            if word == "`NaN`" || word == "`Infinity`" || word == "`inf`" || word == "`nan`" {
                return fail("NaN and Infinity are not JSON numbers")
            }
            if JSONParser.isWordByte(b) {
                return fail("unexpected \(word): text must be in double quotes (the only bare words are true, false and null)")
            }
            return fail("expected a value (object, array, string, number, true, false or null) but found \(word)")
        }
    }

    mutating func parseObject(depth: Int) throws(JSONParseFailure) -> JSONValue {
        if depth > JSONValue.maxNestingDepth {
            throw fail("nesting deeper than \(JSONValue.maxNestingDepth) levels of arrays and objects")
        }
        i += 1
        var members: [(String, JSONValue)] = []
        var keys = Set<String>()
        skipSpace()
        if i < bytes.count && bytes[i] == UInt8(ascii: "}") { i += 1; return .object([]) }
        while true {
            skipSpace()
            guard i < bytes.count else { throw fail(JSONParser.truncated) }
            guard bytes[i] == UInt8(ascii: "\"") else {
                switch bytes[i] {
                case UInt8(ascii: "}") where !members.isEmpty: throw fail("trailing comma before '}': remove the last ','")
                case UInt8(ascii: "/"), UInt8(ascii: "#"): throw fail("comments are not allowed in JSON")
                case UInt8(ascii: "'"): throw fail("expected a key in double quotes, not single quotes")
                case UInt8(ascii: "0")...UInt8(ascii: "9"):
                    // `"capacity": 3,5` — a decimal comma read as a separator, then `5` where a key goes.
                    if case .number(let x)? = members.last?.1, x == x.rounded(), abs(x) < 1e15 {
                        var j = i
                        while j < bytes.count, bytes[j] >= UInt8(ascii: "0"), bytes[j] <= UInt8(ascii: "9") { j += 1 }
                        let whole = String(Int(x)), fraction = String(decoding: bytes[i..<j], as: UTF8.self)
                        throw fail("expected a key in double quotes but found \(quote(at: i)): is `\(whole),\(fraction)` a decimal comma? JSON numbers take a decimal point: write \(whole).\(fraction)")
                    }
                    throw fail("expected a key in double quotes but found \(quote(at: i))")
                default: throw fail("expected a key in double quotes but found \(quote(at: i))")
                }
            }
            let keyStart = i
            let key = try parseString()
            if keys.contains(key) {
                throw JSONParseFailure(offset: keyStart, message: "duplicate key `\(key)`: each key may appear only once in an object",
                                       keyPath: [.key(key)])
            }
            keys.insert(key)
            skipSpace()
            guard i < bytes.count else { throw fail(JSONParser.truncated) }
            guard bytes[i] == UInt8(ascii: ":") else { throw fail("expected ':' after the key `\(key)`") }
            i += 1
            let value: JSONValue
            do {
                value = try parseValue(depth: depth)
            } catch {
                var e = error
                e.keyPath?.insert(.key(key), at: 0)
                throw e
            }
            members.append((key, value))
            skipSpace()
            guard i < bytes.count else { throw fail(JSONParser.truncated) }
            switch bytes[i] {
            case UInt8(ascii: ","): i += 1
            case UInt8(ascii: "}"): i += 1; return .object(members)
            case UInt8(ascii: "/"), UInt8(ascii: "#"):
                throw fail("expected ',' or '}' after an object member (comments are not allowed in JSON)")
            case UInt8(ascii: "\""):
                throw fail("expected ',' or '}' after an object member (is a comma missing?)")
            default:
                throw fail("expected ',' or '}' after an object member")
            }
        }
    }

    mutating func parseArray(depth: Int) throws(JSONParseFailure) -> JSONValue {
        if depth > JSONValue.maxNestingDepth {
            throw fail("nesting deeper than \(JSONValue.maxNestingDepth) levels of arrays and objects")
        }
        i += 1
        var items: [JSONValue] = []
        skipSpace()
        if i < bytes.count && bytes[i] == UInt8(ascii: "]") { i += 1; return .array([]) }
        while true {
            skipSpace()
            if i < bytes.count && bytes[i] == UInt8(ascii: "]") { throw fail("trailing comma before ']': remove the last ','") }
            do {
                items.append(try parseValue(depth: depth))
            } catch {
                var e = error
                e.keyPath?.insert(.index(items.count), at: 0)
                throw e
            }
            skipSpace()
            guard i < bytes.count else { throw fail(JSONParser.truncated) }
            switch bytes[i] {
            case UInt8(ascii: ","): i += 1
            case UInt8(ascii: "]"): i += 1; return .array(items)
            case UInt8(ascii: "/"), UInt8(ascii: "#"):
                throw fail("expected ',' or ']' after an array element (comments are not allowed in JSON)")
            default:
                throw fail("expected ',' or ']' after an array element")
            }
        }
    }

    mutating func hex4() throws(JSONParseFailure) -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<4 {
            guard i < bytes.count else { throw fail(JSONParser.truncated) }
            let c = bytes[i]
            let d: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
            default: throw fail("invalid \\u escape: expected 4 hexadecimal digits")
            }
            v = v << 4 | d
            i += 1
        }
        return v
    }

    /// Parses a string starting at its opening quote. The document is already known to be valid
    /// UTF-8, so raw bytes can be copied as they are.
    mutating func parseString() throws(JSONParseFailure) -> String {
        i += 1
        let start = i
        // Fast path: no escapes.
        while i < bytes.count {
            let c = bytes[i]
            if c == UInt8(ascii: "\"") {
                let s = String(decoding: bytes[start..<i], as: UTF8.self)
                i += 1
                return s
            }
            if c == UInt8(ascii: "\\") { break }
            if c < 0x20 { throw controlCharacter(c) }
            i += 1
        }
        var buf = Array(bytes[start..<i])
        while true {
            guard i < bytes.count else { throw fail("unexpected end of file inside a string: the file looks truncated") }
            let c = bytes[i]
            if c == UInt8(ascii: "\"") { i += 1; break }
            if c < 0x20 { throw controlCharacter(c) }
            if c != UInt8(ascii: "\\") { buf.append(c); i += 1; continue }
            let escapeStart = i
            i += 1
            guard i < bytes.count else { throw fail(JSONParser.truncated) }
            let e = bytes[i]
            i += 1
            switch e {
            case UInt8(ascii: "\""): buf.append(0x22)
            case UInt8(ascii: "\\"): buf.append(0x5C)
            case UInt8(ascii: "/"): buf.append(0x2F)
            case UInt8(ascii: "b"): buf.append(0x08)
            case UInt8(ascii: "f"): buf.append(0x0C)
            case UInt8(ascii: "n"): buf.append(0x0A)
            case UInt8(ascii: "r"): buf.append(0x0D)
            case UInt8(ascii: "t"): buf.append(0x09)
            case UInt8(ascii: "u"):
                var v = try hex4()
                if v >= 0xD800 && v < 0xDC00 {
                    guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                        throw fail(String(format: "unpaired surrogate \\u%04X in a string (a high surrogate must be followed by a low one)", v), at: escapeStart)
                    }
                    i += 2
                    let lo = try hex4()
                    guard lo >= 0xDC00 && lo < 0xE000 else {
                        throw fail(String(format: "unpaired surrogate \\u%04X in a string (a high surrogate must be followed by a low one)", v), at: escapeStart)
                    }
                    v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00)
                } else if v >= 0xDC00 && v < 0xE000 {
                    throw fail(String(format: "unpaired surrogate \\u%04X in a string (a low surrogate must follow a high one)", v), at: escapeStart)
                }
                // v is now a valid scalar value (surrogates excluded above).
                buf.append(contentsOf: Unicode.UTF8.encode(Unicode.Scalar(v)!)!)
            default:
                var end = escapeStart + 2
                while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
                let shown = String(decoding: bytes[escapeStart..<end], as: UTF8.self)
                throw fail("invalid escape `\(shown)` in a string (allowed: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX; write a backslash as \\\\)", at: escapeStart)
            }
        }
        return String(decoding: buf, as: UTF8.self)
    }

    func controlCharacter(_ c: UInt8) -> JSONParseFailure {
        if c == 0x0A || c == 0x0D {
            return fail("line break inside a string: is a closing '\"' missing? (write a line break in a string as \\n)")
        }
        return fail(String(format: "control character U+%04X inside a string (write it as an escape, e.g. \\t for a tab)", c))
    }

    mutating func parseNumber() throws(JSONParseFailure) -> Double {
        let start = i
        var negative = false
        if bytes[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "I") || bytes[i] == UInt8(ascii: "N") || bytes[i] == UInt8(ascii: "i") {
                throw fail("NaN and Infinity are not JSON numbers", at: start)
            }
        }
        @inline(__always) func isDigit(_ k: Int) -> Bool {
            k < bytes.count && bytes[k] >= UInt8(ascii: "0") && bytes[k] <= UInt8(ascii: "9")
        }
        guard isDigit(i) else {
            if i >= bytes.count { throw fail(JSONParser.truncated) }
            throw fail("expected a digit after '-'")
        }
        if bytes[i] == UInt8(ascii: "0") && isDigit(i + 1) {
            throw fail("numbers cannot have leading zeros (write 7, not 07)", at: start)
        }
        let intStart = i
        var mantissa: Int64 = 0
        while isDigit(i) {
            if i - intStart < 18 { mantissa = mantissa * 10 + Int64(bytes[i] - UInt8(ascii: "0")) }
            i += 1
        }
        let intDigits = i - intStart
        var simple = true
        if i < bytes.count && bytes[i] == UInt8(ascii: ".") {
            simple = false
            i += 1
            guard isDigit(i) else {
                if i >= bytes.count { throw fail(JSONParser.truncated) }
                throw fail("expected a digit after the decimal point (write 1.0 or 1, not 1.)")
            }
            while isDigit(i) { i += 1 }
        }
        if i < bytes.count && (bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E")) {
            simple = false
            i += 1
            if i < bytes.count && (bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-")) { i += 1 }
            guard isDigit(i) else {
                if i >= bytes.count { throw fail(JSONParser.truncated) }
                throw fail("expected a digit in the exponent (e.g. 1e6)")
            }
            while isDigit(i) { i += 1 }
        }
        // Integers of up to 15 digits are exact in a Double.
        if simple && intDigits <= 15 {
            let v = Double(mantissa)
            return negative ? -v : v
        }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        guard let v = Double(text) else { throw fail("invalid number \(text)", at: start) }
        guard v.isFinite else {
            throw fail("the number \(text.count > 30 ? String(text.prefix(30)) + "…" : text) is too large (the limit is about 1.8e308)", at: start)
        }
        return v
    }
}
