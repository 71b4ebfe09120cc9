/// Writes records as the CSV files a coordinator would fill in (docs/records.md), with two
/// extra columns a table's minutes do not need: `day`, the exact simulated day (so reading the
/// records back gives exactly the run's measures), and `dropped_day`.
public enum RecordsWriter {
    /// File name and text of each file. `anonymityKey`: partner ids replaced by pseudonyms.
    public static func files(_ r: Records, structure s: Structure, anonymityKey: String? = nil) -> [(name: String, text: String)] {
        func partner(_ p: Int) -> String { anonymityKey.map { RecordsAnonymity.pseudonym(s.partners[p].id, key: $0) } ?? s.partners[p].id }
        func list(_ ps: [Int]) -> String { ps.map(partner).joined(separator: ";") }
        func date(_ day: Double) -> String { r.startDate.adding(days: Int(day.rounded(.down))).description }
        func number(_ x: Double) -> String { x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : x.description }

        var meetings = CSVWriter(header: ["meeting", "body", "date", "hours", "attendees", "observers", "absentees", "organisers", "status", "day"])
        for m in r.meetings {
            meetings.addRow([m.id, s.instances[m.body].id, date(m.day), number(m.hours), list(m.attendees), list(m.observers),
                             list(m.absentees), list(m.organisers), m.status.rawValue, m.day.description])
        }
        var items = CSVWriter(header: ["item", "issue", "body", "meeting", "act", "outcome", "delegated", "recused", "voters", "date", "day"])
        for it in r.items {
            var recused = "", voters = "", when = "", day = ""
            if let m = it.meeting {
                let attendees = r.meetings[m].attendees
                let inRoom = Set(it.room)
                let out = attendees.filter { !inRoom.contains($0) }
                // The room is the attendees minus those who stepped out, unless it is not (then listed).
                if attendees.filter({ inRoom.contains($0) }) == it.room { recused = list(out) } else { voters = list(it.room) }
            } else {
                voters = list(it.room); when = date(it.day); day = it.day.description
            }
            items.addRow([it.id, r.issues[it.issue].id, s.instances[it.body].id, it.meeting.map { r.meetings[$0].id } ?? "", it.act.name,
                          it.outcome.rawValue, it.delegated ? "yes" : "", recused, voters, when, day])
        }
        var issues = CSVWriter(header: ["issue", "kind", "theme", "territory", "emerged", "urgent", "dropped", "day", "dropped_day"])
        for i in r.issues {
            issues.addRow([i.id, s.issueKinds[i.kind].id, i.theme.map { s.themeIDs[$0] } ?? "", i.territory.map { s.territoryIDs[$0] } ?? "",
                           date(i.emerged), i.urgent ? "yes" : "", i.dropped.map(date) ?? "", i.emerged.description, i.dropped?.description ?? ""])
        }
        var period = CSVWriter(header: ["start", "measured_from", "end", "measured_from_day", "end_day"])
        period.addRow([r.startDate.description, date(r.measuredFrom), date(r.end), r.measuredFrom.description, r.end.description])
        return [("meetings.csv", meetings.text), ("items.csv", items.text), ("issues.csv", issues.text), ("period.csv", period.text)]
    }
}
