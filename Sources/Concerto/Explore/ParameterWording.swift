/// How a box description names one parameter, in French and in English, and how many decimals
/// its limits get.
///
/// A parameter is worded either as a quantity that *is* below or above a value, or as a count
/// that the value precedes:
///
///     .quantity("la capacité des partenaires", unit: "h/mois")
///         → « la capacité des partenaires est sous 6 h/mois »
///     .count("enjeux émergent par an")
///         → « plus de 30 enjeux émergent par an »
public struct ParameterWording: Sendable, Equatable {
    /// The words for one language.
    public enum Phrase: Sendable, Equatable {
        /// A singular noun phrase (the verb is « est », "is") and the unit written after the
        /// value ("" for none; "%" follows the report's rule for percentages).
        case quantity(String, unit: String)
        /// The words that follow the number: "issues emerge a year".
        case count(String)
    }

    /// The French words.
    public var french: Phrase
    /// The English words.
    public var english: Phrase
    /// Decimals of the limits; `nil`: two significant digits, trailing zeros dropped
    /// (5.87 → "5,9", 6.02 → "6", 0.2036 → "0,2", 1234.4 → "1 234").
    public var digits: Int?

    public init(french: Phrase, english: Phrase, digits: Int? = nil) {
        self.french = french
        self.english = english
        self.digits = digits
    }

    /// The words for `language`.
    public func phrase(_ language: ReportLanguage) -> Phrase {
        language == .fr ? french : english
    }
}
