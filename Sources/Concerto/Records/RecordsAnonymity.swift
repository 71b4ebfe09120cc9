/// Pseudonyms for partner ids in written records and outputs (`--anonymise`): a keyed hash
/// (FNV-1a 64 of the key and the id), the same id giving the same pseudonym under the same key,
/// so records stay comparable and can be read back with the key. Without a secret key anyone
/// holding the scenario's partner list can recompute the pseudonyms: docs/records.md says what
/// records reveal.
public enum RecordsAnonymity {
    public static let defaultKey = "concerto"

    public static func pseudonym(_ id: String, key: String) -> String {
        var h: UInt64 = 0xcbf29ce484222325
        for b in (key + "\u{1F}" + id).utf8 { h ^= UInt64(b); h = h &* 0x100000001b3 }
        let hex = String(h, radix: 16)
        return "p-" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}
