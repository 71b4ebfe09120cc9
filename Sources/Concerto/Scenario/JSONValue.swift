import Foundation

/// A JSON document as a tree that keeps the order of object keys (so `--set` edits and
/// re-serialisation are faithful and deterministic).
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.number(x), .number(y)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)): return x == y
        case let (.object(x), .object(y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members.first { $0.0 == key }?.1 }
        return nil
    }
    public subscript(index: Int) -> JSONValue? {
        if case .array(let a) = self, index >= 0, index < a.count { return a[index] }
        return nil
    }
    public var objectValue: [(String, JSONValue)]? { if case .object(let m) = self { return m }; return nil }
    public var arrayValue: [JSONValue]? { if case .array(let a) = self { return a }; return nil }
    public var stringValue: String? { if case .string(let s) = self { return s }; return nil }
    public var doubleValue: Double? { if case .number(let x) = self { return x }; return nil }

    /// A short description of the value's type for error messages ("a string (\"six\")").
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

    /// Deterministic serialisation: integral numbers below 2^53 without a fraction, others in
    /// shortest round-trip form; strings escaped per RFC 8259.
    public func serialized(pretty: Bool = false) -> String {
        var out = ""
        write(to: &out, pretty: pretty, indent: 0)
        return out
    }

    public func data() -> Data { Data(serialized().utf8) }

    private func write(to out: inout String, pretty: Bool, indent: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let x): out += NumberFormat.json(x)
        case .string(let s): JSONValue.escape(s, into: &out)
        case .array(let a):
            if a.isEmpty { out += "[]"; return }
            let scalar = a.allSatisfy { if case .array = $0 { return false }; if case .object = $0 { return false }; return true }
            if !pretty || (scalar && a.count <= 8) {
                out += "["
                for (k, v) in a.enumerated() { if k > 0 { out += pretty ? ", " : "," }; v.write(to: &out, pretty: pretty, indent: indent) }
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

    static func escape(_ s: String, into out: inout String) {
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        out += "\""
    }
}

/// A JSON syntax error with its position.
public struct JSONSyntaxError: Error, Sendable, Equatable {
    public var line: Int
    public var column: Int
    public var message: String
}

extension JSONValue {
    /// Parses a JSON document (RFC 8259). Accepts a UTF-8 byte-order mark; rejects comments,
    /// trailing commas, NaN/Infinity, duplicate keys, invalid UTF-8 and nesting deeper than 256.
    public static func parse(_ data: Data) throws(JSONSyntaxError) -> JSONValue {
        var p = JSONParser(bytes: [UInt8](data))
        return try p.parseDocument()
    }
}

struct JSONParser {
    let bytes: [UInt8]
    var i = 0
    static let maxDepth = 256

    init(bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { i = 3 }
    }

    func position(_ at: Int) -> (Int, Int) {
        var line = 1, col = 1
        var k = 0
        while k < at && k < bytes.count {
            if bytes[k] == 0x0A { line += 1; col = 1 } else if bytes[k] & 0xC0 != 0x80 { col += 1 }
            k += 1
        }
        return (line, col)
    }

    func error(_ message: String, at: Int? = nil) -> JSONSyntaxError {
        let (l, c) = position(at ?? i)
        return JSONSyntaxError(line: l, column: c, message: message)
    }

    mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    mutating func parseDocument() throws(JSONSyntaxError) -> JSONValue {
        if String(validating: bytes[i...], as: UTF8.self) == nil {
            throw JSONSyntaxError(line: 1, column: 1, message: "the file is not valid UTF-8 text")
        }
        skipSpace()
        if i >= bytes.count { throw error("the file is empty: expected a JSON object") }
        let v = try parseValue(depth: 0, path: "")
        skipSpace()
        if i < bytes.count { throw error("unexpected text after the end of the JSON document") }
        return v
    }

    mutating func parseValue(depth: Int, path: String) throws(JSONSyntaxError) -> JSONValue {
        if depth > JSONParser.maxDepth { throw error("nesting deeper than \(JSONParser.maxDepth) levels") }
        skipSpace()
        guard i < bytes.count else { throw error("unexpected end of file: the file looks truncated") }
        switch bytes[i] {
        case UInt8(ascii: "{"): return try parseObject(depth: depth, path: path)
        case UInt8(ascii: "["): return try parseArray(depth: depth, path: path)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        case UInt8(ascii: "/"): throw error("comments are not allowed in JSON")
        case UInt8(ascii: "N"), UInt8(ascii: "I"): throw error("NaN and Infinity are not JSON numbers")
        case UInt8(ascii: "'"): throw error("strings must use double quotes")
        default: throw error("expected a value (object, array, string, number, true, false or null)")
        }
    }

    mutating func literal(_ word: String) throws(JSONSyntaxError) {
        let w = Array(word.utf8)
        if i + w.count <= bytes.count && Array(bytes[i..<(i + w.count)]) == w { i += w.count; return }
        throw error("expected `\(word)`")
    }

    mutating func parseObject(depth: Int, path: String) throws(JSONSyntaxError) -> JSONValue {
        i += 1
        var members: [(String, JSONValue)] = []
        var keys = Set<String>()
        skipSpace()
        if i < bytes.count && bytes[i] == UInt8(ascii: "}") { i += 1; return .object([]) }
        while true {
            skipSpace()
            guard i < bytes.count else { throw error("unexpected end of file: the file looks truncated") }
            guard bytes[i] == UInt8(ascii: "\"") else {
                if bytes[i] == UInt8(ascii: "}") { throw error("trailing comma before '}'") }
                throw error("expected a key in double quotes")
            }
            let keyStart = i
            let key = try parseString()
            let childPath = path.isEmpty ? key : path + "." + key
            if keys.contains(key) { throw error("duplicate key `\(key)` (at \(childPath))", at: keyStart) }
            keys.insert(key)
            skipSpace()
            guard i < bytes.count else { throw error("unexpected end of file: the file looks truncated") }
            guard bytes[i] == UInt8(ascii: ":") else { throw error("expected ':' after the key `\(key)`") }
            i += 1
            let v = try parseValue(depth: depth + 1, path: childPath)
            members.append((key, v))
            skipSpace()
            guard i < bytes.count else { throw error("unexpected end of file: the file looks truncated") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
            throw error("expected ',' or '}' after an object member")
        }
    }

    mutating func parseArray(depth: Int, path: String) throws(JSONSyntaxError) -> JSONValue {
        i += 1
        var items: [JSONValue] = []
        skipSpace()
        if i < bytes.count && bytes[i] == UInt8(ascii: "]") { i += 1; return .array([]) }
        while true {
            skipSpace()
            if i < bytes.count && bytes[i] == UInt8(ascii: "]") { throw error("trailing comma before ']'") }
            items.append(try parseValue(depth: depth + 1, path: path + "[\(items.count)]"))
            skipSpace()
            guard i < bytes.count else { throw error("unexpected end of file: the file looks truncated") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
            throw error("expected ',' or ']' after an array element")
        }
    }

    mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        guard i + 4 <= bytes.count else { throw error("unexpected end of file in a \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[i]
            let d: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
            default: throw error("invalid \\u escape")
            }
            v = v * 16 + d; i += 1
        }
        return v
    }

    mutating func parseString() throws(JSONSyntaxError) -> String {
        i += 1
        var buf: [UInt8] = []
        while true {
            guard i < bytes.count else { throw error("unexpected end of file inside a string: the file looks truncated") }
            let c = bytes[i]
            if c == UInt8(ascii: "\"") { i += 1; break }
            if c < 0x20 { throw error("control character inside a string (a line break must be written \\n)") }
            if c == UInt8(ascii: "\\") {
                i += 1
                guard i < bytes.count else { throw error("unexpected end of file inside a string") }
                let e = bytes[i]; i += 1
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
                        guard i + 2 <= bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                            throw error("unpaired surrogate in a \\u escape")
                        }
                        i += 2
                        let lo = try hex4()
                        guard lo >= 0xDC00 && lo < 0xE000 else { throw error("unpaired surrogate in a \\u escape") }
                        v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00)
                    } else if v >= 0xDC00 && v < 0xE000 {
                        throw error("unpaired surrogate in a \\u escape")
                    }
                    buf.append(contentsOf: Array(String(Character(Unicode.Scalar(v)!)).utf8))
                default: throw error("invalid escape sequence in a string")
                }
                continue
            }
            buf.append(c); i += 1
        }
        return String(decoding: buf, as: UTF8.self)
    }

    mutating func parseNumber() throws(JSONSyntaxError) -> Double {
        let start = i
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        func digit(_ k: Int) -> Bool { k < bytes.count && bytes[k] >= UInt8(ascii: "0") && bytes[k] <= UInt8(ascii: "9") }
        guard digit(i) else { throw error("expected a digit") }
        if bytes[i] == UInt8(ascii: "0") && digit(i + 1) { throw error("numbers cannot have leading zeros") }
        while digit(i) { i += 1 }
        if i < bytes.count && bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard digit(i) else { throw error("expected a digit after the decimal point (use 0.5, not 0.)") }
            while digit(i) { i += 1 }
        }
        if i < bytes.count && (bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E")) {
            i += 1
            if i < bytes.count && (bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-")) { i += 1 }
            guard digit(i) else { throw error("expected a digit in the exponent") }
            while digit(i) { i += 1 }
        }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        guard let v = Double(text), v.isFinite else { throw error("the number \(text) is too large", at: start) }
        return v
    }
}
