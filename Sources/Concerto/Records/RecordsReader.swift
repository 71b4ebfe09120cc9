import Foundation

/// Reads a records folder (`meetings.csv`, `items.csv`, `issues.csv`, optional `period.csv`)
/// against a scenario: every id must name something of the structure, every row is checked,
/// and every problem is reported with its file, line and column (up to `maxErrors`).
public enum RecordsReader {
    public static let maxErrors = 50
    /// Largest records file accepted (bytes).
    public static let maxFileSize = 256 * 1024 * 1024

    /// Reads the folder. `anonymityKey`: partner ids may also be given hashed with this key
    /// (records written with `--anonymise`).
    public static func read(folder: String, structure s: Structure, anonymityKey: String? = nil) throws(RecordsErrors) -> Records {
        var errors: [RecordsError] = []
        func file(_ name: String, required: Bool) throws(RecordsErrors) -> RecordsCSV? {
            let path = (folder as NSString).appendingPathComponent(name)
            if !required && !FileManager.default.fileExists(atPath: path) { return nil }
            let data: Data
            do { data = try InputFile.read(path: path, maxSize: maxFileSize) }
            catch { throw RecordsErrors([RecordsError(file: path, line: 0, column: 0, message: error.message)]) }
            guard let text = String(data: data, encoding: .utf8) else {
                throw RecordsErrors([RecordsError(file: path, line: 0, column: 0, message: "not UTF-8 text: save the table as CSV UTF-8")])
            }
            do { return try RecordsCSV(text: text, file: path) }
            catch { throw RecordsErrors([error]) }
        }
        let meetingsCSV = try file("meetings.csv", required: true)!
        let itemsCSV = try file("items.csv", required: true)!
        let issuesCSV = try file("issues.csv", required: true)!
        let periodCSV = try file("period.csv", required: false)

        let names = Names(structure: s, anonymityKey: anonymityKey)
        var rowsOK = true
        func fail(_ csv: RecordsCSV, _ f: RecordsCSV.Field?, row: Int, _ message: String) {
            rowsOK = false
            if errors.count < maxErrors {
                errors.append(RecordsError(file: csv.file, line: f?.line ?? csv.lines[row], column: f?.column ?? 1, message: message))
            }
        }
        func require(_ csv: RecordsCSV, _ names: [String]) -> Int? {
            if let k = csv.column(names) { return k }
            errors.append(RecordsError(file: csv.file, line: 1, column: csv.header.count + 1,
                                       message: "no `\(names[0])` column (or `\(names[1])`): the header line must name it"))
            return nil
        }
        // Columns.
        let mc = (id: require(meetingsCSV, ["meeting", "reunion"]), body: require(meetingsCSV, ["body", "instance"]),
                  date: require(meetingsCSV, ["date", "date"]), hours: require(meetingsCSV, ["hours", "heures"]),
                  attendees: require(meetingsCSV, ["attendees", "presents"]),
                  day: meetingsCSV.column(["day", "jour"]), observers: meetingsCSV.column(["observers", "observateurs"]),
                  absentees: meetingsCSV.column(["absentees", "absents"]), organisers: meetingsCSV.column(["organisers", "organisateurs"]),
                  status: meetingsCSV.column(["status", "statut"]))
        let ic = (id: require(itemsCSV, ["item", "point"]), issue: require(itemsCSV, ["issue", "dossier"]),
                  body: require(itemsCSV, ["body", "instance"]), act: require(itemsCSV, ["act", "acte"]),
                  outcome: require(itemsCSV, ["outcome", "resultat"]), meeting: itemsCSV.column(["meeting", "reunion"]),
                  date: itemsCSV.column(["date"]), day: itemsCSV.column(["day", "jour"]),
                  delegated: itemsCSV.column(["delegated", "delegue"]), recused: itemsCSV.column(["recused", "retires"]),
                  voters: itemsCSV.column(["voters", "votants"]))
        let sc = (id: require(issuesCSV, ["issue", "dossier"]), kind: require(issuesCSV, ["kind", "type"]),
                  emerged: require(issuesCSV, ["emerged", "emergence"]), theme: issuesCSV.column(["theme"]),
                  territory: issuesCSV.column(["territory", "territoire"]), day: issuesCSV.column(["day", "jour"]),
                  urgent: issuesCSV.column(["urgent"]), dropped: issuesCSV.column(["dropped", "abandon"]),
                  droppedDay: issuesCSV.column(["droppedday", "jourabandon"]))
        if !errors.isEmpty { throw RecordsErrors(errors) }
        if ic.meeting == nil && ic.date == nil {
            throw RecordsErrors([RecordsError(file: itemsCSV.file, line: 1, column: itemsCSV.header.count + 1, message: "no `meeting` (or `reunion`) column: each item must name its meeting (or its `date` for a survey)")])
        }

        func cell(_ csv: RecordsCSV, _ r: Int, _ c: Int?) -> RecordsCSV.Field? {
            guard let c else { return nil }
            let row = csv.rows[r]
            return c < row.count ? row[c] : RecordsCSV.Field(text: "", line: csv.lines[r], column: (row.last?.column ?? 1) + (row.last?.text.count ?? 0) + 1)
        }
        func text(_ csv: RecordsCSV, _ r: Int, _ c: Int?) -> String { cell(csv, r, c)?.text ?? "" }

        // Dates: collected first (day 0 is the period's start, else the earliest date).
        var allDates: [CivilDate] = []
        func date(_ csv: RecordsCSV, _ r: Int, _ c: Int?, required: Bool) -> CivilDate? {
            guard let f = cell(csv, r, c) else { return nil }
            if f.text.isEmpty { if required { fail(csv, f, row: r, "empty date: expected a date like 2024-03-05 (or 05/03/2024)") }; return nil }
            guard let d = CivilDate(parsing: f.text) else { fail(csv, f, row: r, "\"\(MessageText.clean(f.text))\" is not a date: expected a date like 2024-03-05 (or 05/03/2024)"); return nil }
            allDates.append(d)
            return d
        }
        let meetingDates = meetingsCSV.rows.indices.map { date(meetingsCSV, $0, mc.date, required: true) }
        let itemDates = itemsCSV.rows.indices.map { date(itemsCSV, $0, ic.date, required: false) }
        let issueDates = issuesCSV.rows.indices.map { date(issuesCSV, $0, sc.emerged, required: true) }
        let dropDates = issuesCSV.rows.indices.map { date(issuesCSV, $0, sc.dropped, required: false) }
        var start = allDates.min() ?? CivilDate(year: 2024, month: 1, day: 1)
        var endDate = (allDates.max() ?? start).adding(days: 1)
        var measuredFromDay: Double? = nil, endDay: Double? = nil
        if let p = periodCSV, !p.rows.isEmpty {
            func pdate(_ names: [String]) -> CivilDate? {
                guard let k = p.column(names) else { return nil }
                return date(p, 0, k, required: true)
            }
            if let d = pdate(["start", "debut"]) { start = d }
            if let d = pdate(["end", "fin"]) { endDate = d }
            if let d = pdate(["measuredfrom", "mesuredepuis"]) { measuredFromDay = Double(d.dayNumber - start.dayNumber) }
            if let k = p.column(["measuredfromday", "jourmesuredepuis"]), let x = Double(text(p, 0, k)) { measuredFromDay = x }
            if let k = p.column(["endday", "jourfin"]), let x = Double(text(p, 0, k)) { endDay = x }
        }
        var records = Records(startDate: start, measuredFrom: measuredFromDay ?? 0, end: endDay ?? Double(endDate.dayNumber - start.dayNumber))
        func day(_ csv: RecordsCSV, _ r: Int, _ d: CivilDate?, exact c: Int?) -> Double? {
            guard let d else { return nil }
            let whole = Double(d.dayNumber - start.dayNumber)
            if whole < 0 { fail(csv, nil, row: r, "the date \(d) is before the period's start \(start) (period.csv)") }
            if let f = cell(csv, r, c), !f.text.isEmpty {
                guard let x = Double(f.text), x.isFinite, x.rounded(.down) == whole else {
                    fail(csv, f, row: r, "day \"\(MessageText.clean(f.text))\" does not fall on the row's date \(d) (\(Int(whole)) days after \(start)); leave `day` empty for real minutes")
                    return whole
                }
                return x
            }
            return whole
        }

        // Rows already reported: items naming them are not reported again.
        var rejected = Set<String>()
        // Issues.
        var issueIndex: [String: Int] = [:]
        for r in issuesCSV.rows.indices {
            let idf = cell(issuesCSV, r, sc.id)!
            let errorsBefore = errors.count
            defer { if errors.count > errorsBefore && issueIndex[idf.text] == nil { rejected.insert("issue " + idf.text) } }
            if idf.text.isEmpty { fail(issuesCSV, idf, row: r, "empty issue id"); continue }
            if issueIndex[idf.text] != nil { fail(issuesCSV, idf, row: r, "duplicate issue id \"\(MessageText.clean(idf.text))\" (ids must be unique)"); continue }
            let kf = cell(issuesCSV, r, sc.kind)!
            guard let k = s.issueKinds.firstIndex(where: { $0.id == kf.text }) else {
                fail(issuesCSV, kf, row: r, "unknown issue kind \"\(MessageText.clean(kf.text))\": expected one of \(s.issueKinds.map(\.id).joined(separator: ", "))"); continue
            }
            var theme: Int? = nil, territory: Int? = nil
            if let f = cell(issuesCSV, r, sc.theme), !f.text.isEmpty {
                theme = s.themeIDs.firstIndex(of: f.text)
                if theme == nil { fail(issuesCSV, f, row: r, "unknown theme \"\(MessageText.clean(f.text))\": expected one of \(s.themeIDs.joined(separator: ", "))") }
            }
            if let f = cell(issuesCSV, r, sc.territory), !f.text.isEmpty {
                territory = s.territoryIDs.firstIndex(of: f.text)
                if territory == nil { fail(issuesCSV, f, row: r, "unknown territory \"\(MessageText.clean(f.text))\": expected one of \(s.territoryIDs.joined(separator: ", "))") }
            }
            let urgent = cell(issuesCSV, r, sc.urgent).map { yes($0.text) } ?? false
            guard let emerged = day(issuesCSV, r, issueDates[r], exact: sc.day) else { continue }
            let dropped = day(issuesCSV, r, dropDates[r], exact: sc.droppedDay)
            if let dropped, dropped < emerged { fail(issuesCSV, cell(issuesCSV, r, sc.dropped), row: r, "dropped before it emerged") }
            issueIndex[idf.text] = records.issues.count
            records.issues.append(.init(id: idf.text, kind: k, theme: theme, territory: territory, urgent: urgent, emerged: emerged, dropped: dropped))
        }

        // Meetings.
        var meetingIndex: [String: Int] = [:]
        func partners(_ csv: RecordsCSV, _ r: Int, _ c: Int?, what: String) -> [Int] {
            guard let f = cell(csv, r, c), !f.text.isEmpty else { return [] }
            var out: [Int] = []
            for raw in f.text.split(separator: ";") {
                let id = raw.trimmingCharacters(in: .whitespaces)
                if id.isEmpty { continue }
                if let p = names.partner(id) { out.append(p) } else {
                    fail(csv, f, row: r, "\(what) \"\(MessageText.clean(id))\" is not a partner of the scenario (partner ids as in its `partners`)")
                }
            }
            return out
        }
        for r in meetingsCSV.rows.indices {
            let idf = cell(meetingsCSV, r, mc.id)!
            let errorsBefore = errors.count
            defer { if errors.count > errorsBefore && meetingIndex[idf.text] == nil { rejected.insert("meeting " + idf.text) } }
            if idf.text.isEmpty { fail(meetingsCSV, idf, row: r, "empty meeting id"); continue }
            if meetingIndex[idf.text] != nil { fail(meetingsCSV, idf, row: r, "duplicate meeting id \"\(MessageText.clean(idf.text))\" (ids must be unique)"); continue }
            let bf = cell(meetingsCSV, r, mc.body)!
            guard let b = names.body(bf.text) else {
                fail(meetingsCSV, bf, row: r, "unknown body \"\(MessageText.clean(bf.text))\": expected one of \(s.instances.map(\.id).joined(separator: ", "))"); continue
            }
            let hf = cell(meetingsCSV, r, mc.hours)!
            guard let hours = Double(hf.text.replacingOccurrences(of: ",", with: ".")), hours.isFinite, hours >= 0, hours <= 24 else {
                fail(meetingsCSV, hf, row: r, "hours \"\(MessageText.clean(hf.text))\" is not a meeting length: expected a number of hours from 0 to 24, e.g. 2.5"); continue
            }
            var status = Records.MeetingStatus.held
            if let f = cell(meetingsCSV, r, mc.status), !f.text.isEmpty {
                switch RecordsCSV.normalise(f.text) {
                case "held", "tenue": status = .held
                case "noquorum", "sansquorum": status = .noQuorum
                case "adjourned", "ajournee": status = .adjourned
                default: fail(meetingsCSV, f, row: r, "status \"\(MessageText.clean(f.text))\": expected held, no-quorum or adjourned (tenue, sans-quorum, ajournée)")
                }
            }
            let attendees = partners(meetingsCSV, r, mc.attendees, what: "attendee")
            let observers = partners(meetingsCSV, r, mc.observers, what: "observer")
            let absentees = partners(meetingsCSV, r, mc.absentees, what: "absentee")
            let organisers = partners(meetingsCSV, r, mc.organisers, what: "organiser")
            guard let d = day(meetingsCSV, r, meetingDates[r], exact: mc.day) else { continue }
            meetingIndex[idf.text] = records.meetings.count
            records.meetings.append(.init(id: idf.text, body: b, day: d, hours: hours, attendees: attendees, observers: observers,
                                          absentees: absentees, organisers: organisers, status: status))
        }

        // Items.
        var itemIDs = Set<String>()
        for r in itemsCSV.rows.indices {
            let idf = cell(itemsCSV, r, ic.id)!
            if idf.text.isEmpty { fail(itemsCSV, idf, row: r, "empty item id"); continue }
            if !itemIDs.insert(idf.text).inserted { fail(itemsCSV, idf, row: r, "duplicate item id \"\(MessageText.clean(idf.text))\" (ids must be unique)"); continue }
            let isf = cell(itemsCSV, r, ic.issue)!
            if rejected.contains("issue " + isf.text) { continue }
            guard let issue = issueIndex[isf.text] else { fail(itemsCSV, isf, row: r, "unknown issue \"\(MessageText.clean(isf.text))\": not in issues.csv"); continue }
            let bf = cell(itemsCSV, r, ic.body)!
            guard let b = names.body(bf.text) else {
                fail(itemsCSV, bf, row: r, "unknown body \"\(MessageText.clean(bf.text))\": expected one of \(s.instances.map(\.id).joined(separator: ", "))"); continue
            }
            let af = cell(itemsCSV, r, ic.act)!
            guard let act = actNamed(af.text) else { fail(itemsCSV, af, row: r, "act \"\(MessageText.clean(af.text))\": expected recommend, decide, ratify, inform or consult (recommander, décider, ratifier, informer, consulter)"); continue }
            let of = cell(itemsCSV, r, ic.outcome)!
            guard let outcome = outcomeNamed(of.text) else {
                fail(itemsCSV, of, row: r, "outcome \"\(MessageText.clean(of.text))\": expected consensus, vote-passed, vote-failed, deferred, dropped, informed, consulted, survey-passed or survey-failed"); continue
            }
            var meeting: Int? = nil
            var d: Double? = nil
            if let f = cell(itemsCSV, r, ic.meeting), !f.text.isEmpty {
                if rejected.contains("meeting " + f.text) { continue }
                guard let m = meetingIndex[f.text] else { fail(itemsCSV, f, row: r, "unknown meeting \"\(MessageText.clean(f.text))\": not in meetings.csv"); continue }
                if records.meetings[m].body != b { fail(itemsCSV, bf, row: r, "body \(s.instances[b].id) differs from the body of meeting \(f.text) (\(s.instances[records.meetings[m].body].id))"); continue }
                meeting = m
                d = records.meetings[m].day
            } else {
                guard outcome == .surveyPassed || outcome == .surveyFailed else {
                    fail(itemsCSV, cell(itemsCSV, r, ic.meeting) ?? of, row: r, "no meeting: only a survey (survey-passed, survey-failed) is held outside meetings"); continue
                }
                d = day(itemsCSV, r, itemDates[r], exact: ic.day)
                if d == nil { fail(itemsCSV, cell(itemsCSV, r, ic.date) ?? idf, row: r, "a survey needs its `date`"); continue }
            }
            if d! < records.issues[issue].emerged {
                fail(itemsCSV, cell(itemsCSV, r, ic.meeting) ?? cell(itemsCSV, r, ic.date), row: r,
                     "dated \(records.startDate.adding(days: Int(d!.rounded(.down)))), before its issue \(isf.text) emerged (\(records.startDate.adding(days: Int(records.issues[issue].emerged.rounded(.down)))))")
                continue
            }
            let delegated = cell(itemsCSV, r, ic.delegated).map { yes($0.text) } ?? false
            var room: [Int]
            if let f = cell(itemsCSV, r, ic.voters), !f.text.isEmpty {
                room = partners(itemsCSV, r, ic.voters, what: "voter")
            } else if let m = meeting {
                let recused = Set(partners(itemsCSV, r, ic.recused, what: "recused member"))
                room = records.meetings[m].attendees.filter { !recused.contains($0) }
            } else { room = [] }
            records.items.append(.init(id: idf.text, issue: issue, body: b, meeting: meeting, day: d!, act: act, outcome: outcome, delegated: delegated, room: room))
        }
        if !errors.isEmpty || !rowsOK { throw RecordsErrors(errors) }
        return records
    }

    static func yes(_ s: String) -> Bool { ["yes", "oui", "1", "true", "vrai", "x"].contains(RecordsCSV.normalise(s)) }

    static func actNamed(_ s: String) -> Act? {
        switch RecordsCSV.normalise(s) {
        case "recommend", "recommander", "recommandation": return .recommend
        case "decide", "decider", "decision": return .decide
        case "ratify", "ratifier", "ratification": return .ratify
        case "inform", "informer", "information": return .inform
        case "consult", "consulter", "consultation": return .consult
        default: return nil
        }
    }

    static func outcomeNamed(_ s: String) -> Records.Outcome? {
        switch RecordsCSV.normalise(s) {
        case "consensus": return .consensus
        case "votepassed", "voteadopte": return .votePassed
        case "votefailed", "voterejete": return .voteFailed
        case "deferred", "reporte": return .deferred
        case "dropped", "abandonne": return .dropped
        case "informed", "informe", "information": return .informed
        case "consulted", "consulte": return .consulted
        case "surveypassed", "sondageadopte": return .surveyPassed
        case "surveyfailed", "sondagerejete": return .surveyFailed
        default: return nil
        }
    }

    /// Ids of the structure: bodies and partners (also by their hashed id when a key is given).
    struct Names {
        let bodies: [String: Int]
        let partners: [String: Int]
        init(structure s: Structure, anonymityKey: String?) {
            var b: [String: Int] = [:]
            for (i, inst) in s.instances.enumerated() { b[inst.id] = i }
            bodies = b
            var p: [String: Int] = [:]
            for (k, d) in s.partners.enumerated() {
                p[d.id] = k
                if let key = anonymityKey { p[RecordsAnonymity.pseudonym(d.id, key: key)] = k }
            }
            partners = p
        }
        func body(_ id: String) -> Int? { bodies[id] }
        func partner(_ id: String) -> Int? { partners[id] }
    }
}

extension RecordsReader {
    /// The scenario horizon matching the records: the measured years and the warm-up before them.
    public static func window(_ r: Records) -> (years: Double, warmupYears: Double) {
        ((r.end - r.measuredFrom) / 365, r.measuredFrom / 365)
    }
}
