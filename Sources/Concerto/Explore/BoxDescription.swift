import Foundation

/// A PRIM box in a plain French or English sentence, for planners:
///
///     « ORBITE décide plus lentement que Sept-Rivières lorsque la capacité des partenaires
///       est sous 6 h/mois et que plus de 30 enjeux émergent par an »
///     "ORBITE decides more slowly than Sept-Rivières when partners' capacity is below
///      6 h/month and more than 30 issues emerge a year"
///
/// The caller gives the subject (what happens in the box) and each parameter's wording
/// (`ParameterWording`); this type writes one condition per restricted dimension, in the
/// design's order, and joins them.
///
/// Conditions. A continuous parameter is *below* its upper limit, *above* its lower limit or
/// *between* both (its limits lie between points, so "below" and "above" are exact); a discrete
/// parameter's limits are values it takes, so it is *at most*, *at least*, *from … to …* or
/// exactly a value:
///
/// |                 | quantity, fr            | quantity, en          | count, fr         | count, en         |
/// |-----------------|-------------------------|-----------------------|-------------------|-------------------|
/// | upper           | est sous X              | is below X            | moins de X        | fewer than X      |
/// | lower           | dépasse X               | is above X            | plus de X         | more than X       |
/// | both            | est entre X et Y        | is between X and Y    | entre X et Y      | between X and Y   |
/// | upper, discrete | est d'au plus X         | is at most X          | au plus X         | at most X         |
/// | lower, discrete | est d'au moins X        | is at least X         | au moins X        | at least X        |
/// | both, discrete  | est de X à Y            | is from X to Y        | de X à Y          | from X to Y       |
/// | one value       | est de X                | is X                  | exactement X      | exactly X         |
///
/// Numbers follow `Localization` (French decimal comma, narrow no-break spaces between
/// thousands); a unit follows its number after a no-break space (U+00A0), except "%", written
/// as the report writes percentages ("12\u{202F}%", "12%").
///
/// Joining. French: « lorsque A », « lorsque A et que B », « lorsque A, que B et que C », with
/// « lorsqu' » and « qu' » before a vowel. English: "when A", "when A and B", "when A, B and C".
/// A box with no restriction gives the subject alone.
public struct BoxDescription: Sendable, Equatable {
    /// Wording per parameter name; a parameter without one is named by its name, without unit.
    public var wordings: [String: ParameterWording]

    public init(wordings: [String: ParameterWording] = [:]) {
        self.wordings = wordings
    }

    /// The subject followed by the box's conditions, joined (no final period).
    public func sentence(subject: String, box: PRIMBox, language: ReportLanguage) -> String {
        let cs = clauses(of: box, language: language)
        guard !cs.isEmpty else { return subject }
        var out = subject + " "
        switch language {
        case .fr:
            out += Self.elided("lorsque", cs[0])
            for (k, c) in cs.enumerated().dropFirst() {
                out += (k == cs.count - 1 ? " et " : ", ") + Self.elided("que", c)
            }
        case .en:
            out += "when " + cs[0]
            for (k, c) in cs.enumerated().dropFirst() { out += (k == cs.count - 1 ? " and " : ", ") + c }
        }
        return out
    }

    /// One condition per restricted dimension, in the design's order.
    public func clauses(of box: PRIMBox, language: ReportLanguage) -> [String] {
        box.restrictions.map { clause($0, language: language) }
    }

    /// The condition of one restricted dimension (see the table above).
    public func clause(_ r: PRIMBox.Restriction, language: ReportLanguage) -> String {
        let wording = wordings[r.parameter.name]
            ?? ParameterWording(french: .quantity(r.parameter.name, unit: ""), english: .quantity(r.parameter.name, unit: ""))
        let fr = language == .fr
        func num(_ x: Double) -> String { Self.number(x, digits: wording.digits, language: language) }
        let discrete = r.parameter.isDiscrete
        switch wording.phrase(language) {
        case let .quantity(label, unit):
            func u(_ x: Double) -> String { Self.withUnit(num(x), unit, language: language) }
            switch (r.lower, r.upper) {
            case let (lo?, hi?) where discrete && lo == hi: return label + (fr ? " est de " : " is ") + u(lo)
            case let (lo?, hi?) where discrete: return label + (fr ? " est de \(num(lo)) à " : " is from \(num(lo)) to ") + u(hi)
            case let (lo?, hi?): return label + (fr ? " est entre \(num(lo)) et " : " is between \(num(lo)) and ") + u(hi)
            case let (lo?, nil): return label + (discrete ? (fr ? " est d'au moins " : " is at least ") : (fr ? " dépasse " : " is above ")) + u(lo)
            case let (nil, hi?): return label + (discrete ? (fr ? " est d'au plus " : " is at most ") : (fr ? " est sous " : " is below ")) + u(hi)
            case (nil, nil): return label
            }
        case let .count(words):
            switch (r.lower, r.upper) {
            case let (lo?, hi?) where discrete && lo == hi: return (fr ? "exactement " : "exactly ") + num(lo) + " " + words
            case let (lo?, hi?) where discrete: return (fr ? "de \(num(lo)) à " : "from \(num(lo)) to ") + num(hi) + " " + words
            case let (lo?, hi?): return (fr ? "entre \(num(lo)) et " : "between \(num(lo)) and ") + num(hi) + " " + words
            case let (lo?, nil): return (discrete ? (fr ? "au moins " : "at least ") : (fr ? "plus de " : "more than ")) + num(lo) + " " + words
            case let (nil, hi?): return (discrete ? (fr ? "au plus " : "at most ") : (fr ? "moins de " : "fewer than ")) + num(hi) + " " + words
            case (nil, nil): return words
            }
        }
    }

    /// `x` as a box description writes it: `digits` decimals, or when `nil` two significant
    /// digits with trailing zeros dropped; French or English separators (`Localization`).
    public static func number(_ x: Double, digits: Int?, language: ReportLanguage) -> String {
        let loc = Localization(language)
        if let d = digits { return loc.number(x, digits: d) }
        guard x.isFinite, x != 0 else { return loc.number(x, digits: 0) }
        let decimals = Swift.max(0, 1 - Int(Foundation.floor(Foundation.log10(Swift.abs(x)))))
        var s = loc.number(x, digits: decimals)
        if decimals > 0 {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(",") || s.hasSuffix(".") { s.removeLast() }
        }
        return s
    }

    /// A number and its unit: no-break space before a unit, the report's rule before "%".
    static func withUnit(_ number: String, _ unit: String, language: ReportLanguage) -> String {
        if unit.isEmpty { return number }
        if unit == "%" { return number + (language == .fr ? Localization.thinSpace + "%" : "%") }
        return number + "\u{00A0}" + unit
    }

    /// « que » or « lorsque » before `clause`, elided (« qu' », « lorsqu' ») before a vowel.
    static func elided(_ word: String, _ clause: String) -> String {
        let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y", "à", "â", "ä", "é", "è", "ê", "ë", "î", "ï", "ô", "ö", "ù", "û", "ü", "œ", "æ"]
        if let first = clause.first, vowels.contains(Character(first.lowercased())) {
            return word.dropLast() + "'" + clause
        }
        return word + " " + clause
    }
}
