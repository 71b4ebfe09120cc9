import Foundation

/// The « schéma de gouvernance » of a structure, drawn from the scenario: instances as boxes by
/// level (parents above children), reporting links, who decides, ratifies and recommends (from
/// the issue kinds' routes) and a membership summary. Rendered as SVG, Graphviz DOT or text.
public struct GovernanceSchema: Sendable {
    /// One instance (a body of the structure) as drawn.
    public struct Box: Sendable {
        public let id: String
        public let name: String
        public let kind: String
        /// 0 for instances without parents; else one more than the deepest parent.
        public let level: Int
        /// Ids of the instances it reports to.
        public let parents: [String]
        /// Issue kinds (names) for which it decides, ratifies or recommends a step of the route.
        public let decides: [String]
        public let ratifies: [String]
        public let recommends: [String]
        /// Upper bound on its membership, and the seats by rule.
        public let maxMembers: Int
        public let mandatory: Int
        public let named: Int
        public let observers: Int
        public let elected: Int
        public let open: Bool
        public let onDemand: Bool
    }

    public let scenarioID: String
    public let scenarioName: String
    public let boxes: [Box]
    /// The territory's other tables (outside the structure): not in the diagram, listed after it.
    public let outsideTables: [(id: String, name: String)]

    public init(structure s: Structure) {
        scenarioID = s.id
        scenarioName = s.name
        outsideTables = s.instances.dropFirst(s.insideCount).map { ($0.id, $0.name) }
        let n = s.insideCount  // the structure's bodies (outside tables are not part of its diagram)
        var level = [Int?](repeating: nil, count: n)
        func levelOf(_ i: Int, depth: Int) -> Int {
            if let l = level[i] { return l }
            if depth > n { return 0 }  // defensive: cycles are rejected by validation
            let l = s.instances[i].parents.isEmpty ? 0 : 1 + s.instances[i].parents.map { levelOf($0, depth: depth + 1) }.max()!
            level[i] = l
            return l
        }
        var roles = [[Act: [String]]](repeating: [:], count: n)
        for kind in s.issueKinds where kind.isDecision {
            for step in kind.steps where step.act.needsDecision {
                let targets = Array(Set(step.instances)).sorted()
                for i in targets where !(roles[i][step.act] ?? []).contains(kind.name) { roles[i][step.act, default: []].append(kind.name) }
            }
        }
        boxes = (0..<n).map { i in
            let d = s.instances[i]
            let m = d.membership
            return Box(id: d.id, name: d.name, kind: d.kind, level: levelOf(i, depth: 0), parents: d.parents.map { s.instances[$0].id },
                       decides: roles[i][.decide] ?? [], ratifies: roles[i][.ratify] ?? [], recommends: roles[i][.recommend] ?? [],
                       maxMembers: d.maxMembers, mandatory: m.mandatory.count + m.mandatoryFrom.reduce(0) { $0 + $1.count },
                       named: m.named.count, observers: m.observers.count, elected: Int(d.rules.election?.seats ?? 0),
                       open: m.open, onDemand: d.rules.onDemand)
        }
    }

    /// Levels from the top, each with its boxes in scenario order.
    public var levels: [[Box]] {
        let maxLevel = boxes.map(\.level).max() ?? -1
        return maxLevel < 0 ? [] : (0...maxLevel).map { l in boxes.filter { $0.level == l } }
    }

    /// "≤ 24 membres · 2 d'office · ouverte" in the report's language.
    public func membership(_ b: Box, _ loc: Localization) -> String {
        var parts = ["≤ \(b.maxMembers) " + loc(.members)]
        if b.mandatory > 0 { parts.append("\(b.mandatory) " + loc(.mandatory)) }
        if b.named > 0 { parts.append("\(b.named) " + loc(.named)) }
        if b.elected > 0 { parts.append("\(b.elected) " + (b.elected == 1 ? (loc.language == .fr ? "siège pourvu par élection" : "elected") : loc(.elected))) }
        if b.observers > 0 { parts.append("\(b.observers) " + loc(.observers)) }
        if b.open { parts.append(loc(.open)) }
        if b.onDemand { parts.append(loc(.onDemand)) }
        return parts.joined(separator: " · ")
    }

    /// One line per role: "décide : 3 type(s) d'enjeu", in the report's language.
    public func roleLines(_ b: Box, _ loc: Localization) -> [String] {
        let sep = loc.language == .fr ? " : " : ": "
        var lines: [String] = []
        for (act, kinds) in [(Act.decide, b.decides), (.ratify, b.ratifies), (.recommend, b.recommends)] where !kinds.isEmpty {
            lines.append(loc.act(act) + sep + "\(kinds.count) " + (kinds.count == 1 ? (loc.language == .fr ? "type d'enjeu" : "issue kind") : loc(.issueKinds)))
        }
        return lines
    }

    /// The roles on one line.
    public func roles(_ b: Box, _ loc: Localization) -> String { roleLines(b, loc).joined(separator: " · ") }

    /// Words of `s` on lines of at most `width` characters (a longer word is cut over lines).
    /// With `lines`, at most that many lines, the last one clipped with an ellipsis.
    static func wrap(_ s: String, width: Int, lines: Int = .max) -> [String] {
        var out: [String] = []
        var current = ""
        for w in s.split(separator: " ") {
            var word = String(w)
            while word.count > width { if !current.isEmpty { out.append(current); current = "" }; out.append(String(word.prefix(width))); word = String(word.dropFirst(width)) }
            if word.isEmpty { continue }
            if current.isEmpty { current = word } else if current.count + 1 + word.count <= width { current += " " + word } else {
                out.append(current); current = word
            }
        }
        if !current.isEmpty { out.append(current) }
        if out.count > lines { out = Array(out.prefix(lines - 1)) + [clip(out[(lines - 1)...].joined(separator: " "), width)] }
        return out
    }

    static func clip(_ s: String, _ n: Int) -> String { s.count <= n ? s : String(s.prefix(n - 1)) + "…" }

    // MARK: SVG

    /// One reporting link as routed: from a body to one it reports to, through its own lanes.
    struct RoutedLink {
        let from: String
        let to: String
        let points: [(Double, Double)]
    }

    /// The diagram as SVG; `standalone` adds the namespace for a .svg file. `id` prefixes the
    /// ids of its definitions (unique within an HTML page).
    ///
    /// Links are routed orthogonally so that they cannot be misread: every link leaves its body
    /// through its own point of the top edge, runs in its own horizontal lane of the channel
    /// between rows (and, when it skips rows, in its own vertical lane of a gap between
    /// columns), and enters the body it reports to through its own point of the bottom edge,
    /// with an arrowhead. No two links share a segment, and channels and gaps hold no box.
    public func svg(_ loc: Localization, standalone: Bool = false, id: String = "schema") -> String {
        func kindLine(_ b: Box) -> String { loc.instanceKind(b.kind) + " · " + b.id }
        let boxW = 300.0, perRow = 4, top = 56.0, laneStep = 8.0, nameWidth = 27, noteWidth = 36, kindWidth = 40
        // Every box as tall as the fullest one (whole name, kind, membership and role lines).
        let boxH = boxes.map { b -> Double in
            24 + 20 * Double(Self.wrap(b.name, width: nameWidth).count) + 16 * Double(Self.wrap(kindLine(b), width: kindWidth).count) + 4
                + 18 * Double(Self.wrap(membership(b, loc), width: noteWidth).count) + 18 * Double(roleLines(b, loc).count)
        }.max().map { $0 + 4 } ?? 100
        var rows: [[Box]] = []
        for l in levels { var k = 0; while k < l.count { rows.append(Array(l[k..<Swift.min(l.count, k + perRow)])); k += perRow } }
        let maxInRow = Swift.max(1, rows.map(\.count).max() ?? 1)
        // Boxes sit on a grid (rows centred by whole columns), so the gaps between columns line
        // up from row to row and links can run in them without crossing a box.
        var rowOf: [String: Int] = [:], colOf: [String: Int] = [:]
        for (r, row) in rows.enumerated() {
            let offset = (maxInRow - row.count) / 2
            for (k, b) in row.enumerated() { rowOf[b.id] = r; colOf[b.id] = offset + k }
        }
        let links: [(from: String, to: String)] = boxes.flatMap { b in b.parents.map { (b.id, $0) } }
            .filter { rowOf[$0.0] != nil && rowOf[$0.1] != nil }
        func skips(_ l: Int) -> Bool { rowOf[links[l].from]! > rowOf[links[l].to]! + 1 }
        // A link that skips rows climbs in the column gap nearest to its two ends (gap g lies
        // left of column g; gaps 0 and maxInRow are the outer margins).
        func gapChoice(_ l: Int) -> Int {
            let a = Double(colOf[links[l].from]!) + 0.5, b = Double(colOf[links[l].to]!) + 0.5
            return (0...maxInRow).min { g1, g2 in
                (abs(Double(g1) - a) + abs(Double(g1) - b), g1) < (abs(Double(g2) - a) + abs(Double(g2) - b), g2)
            }!
        }
        var inGap: [Int: [Int]] = [:]
        for l in links.indices where skips(l) { inGap[gapChoice(l), default: []].append(l) }
        let gapX = Swift.max(24, laneStep * Double((inGap.values.map(\.count).max() ?? 0) + 1))
        let margin = gapX + 4
        func colX(_ k: Int) -> Double { margin + Double(k) * (boxW + gapX) }
        func centre(_ box: String) -> Double { colX(colOf[box]!) + boxW / 2 }
        // Channel c runs above row c (between rows c-1 and c); each link gets one lane in the
        // channel above its body, and one in the channel below its target when it skips rows.
        var lanes: [Int: [(link: Int, end: Bool)]] = [:]
        for l in links.indices {
            let rc = rowOf[links[l].from]!, rq = rowOf[links[l].to]!
            lanes[rc, default: []].append((l, false))
            if skips(l) { lanes[rq + 1, default: []].append((l, true)) }
        }
        var channelH = [Double](repeating: 0, count: rows.count)
        for c in 1..<Swift.max(1, rows.count) { channelH[c] = Swift.max(60, 30 + laneStep * Double(lanes[c]?.count ?? 0)) }
        var rowY = [Double](repeating: top, count: rows.count)
        for r in rows.indices.dropFirst() { rowY[r] = rowY[r - 1] + boxH + channelH[r] }
        let width = margin * 2 + Double(maxInRow) * boxW + Double(maxInRow - 1) * gapX
        let height = (rows.isEmpty ? top : rowY[rows.count - 1] + boxH) + 20
        func boxY(_ box: String) -> Double { rowY[rowOf[box]!] }
        // Ports: in each channel and column, the links leaving the box below (top edge) and
        // those entering the box above (bottom edge) get distinct abscissas, ordered by where
        // their other end lies so that they cross as little as possible.
        var sourceX = [Double](repeating: 0, count: links.count), targetX = sourceX
        var portsAt: [String: [(link: Int, isSource: Bool, key: Double)]] = [:]
        for l in links.indices {
            let (f, t) = links[l]
            portsAt["\(rowOf[f]!)/\(colOf[f]!)", default: []].append((l, true, centre(t)))
            portsAt["\(rowOf[t]! + 1)/\(colOf[t]!)", default: []].append((l, false, centre(f)))
        }
        for (key, ports) in portsAt {
            let col = Int(key.split(separator: "/")[1])!
            let sorted = ports.sorted { ($0.key, $0.isSource ? 1 : 0, $0.link) < ($1.key, $1.isSource ? 1 : 0, $1.link) }
            for (i, p) in sorted.enumerated() {
                let x = colX(col) + boxW * Double(i + 1) / Double(sorted.count + 1)
                if p.isSource { sourceX[p.link] = x } else { targetX[p.link] = x }
            }
        }
        // Lanes: ordered so that links heading further right run lower (fewer crossings).
        var laneY: [String: Double] = [:]
        for (c, users) in lanes {
            let sorted = users.sorted { a, b in
                let ka = targetX[a.link] - sourceX[a.link], kb = targetX[b.link] - sourceX[b.link]
                return (ka, a.link, a.end ? 1 : 0) < (kb, b.link, b.end ? 1 : 0)
            }
            let y0 = rowY[c - 1] + boxH + 20, y1 = rowY[c] - 10
            for (i, u) in sorted.enumerated() {
                laneY["\(u.link)/\(u.end)"] = sorted.count == 1 ? (y0 + y1) / 2 : y0 + (y1 - y0) * Double(i) / Double(sorted.count - 1)
            }
        }
        var gapLaneX = [Int: Double]()
        for (g, ls) in inGap {
            let sorted = ls.sorted { (sourceX[$0], $0) < (sourceX[$1], $1) }
            for (i, l) in sorted.enumerated() { gapLaneX[l] = colX(g) - gapX + gapX * Double(i + 1) / Double(sorted.count + 1) }
        }
        var routed: [RoutedLink] = []
        for l in links.indices {
            let (f, t) = links[l]
            let sx = sourceX[l], tx = targetX[l], y1 = laneY["\(l)/false"]!
            var pts: [(Double, Double)] = [(sx, boxY(f)), (sx, y1)]
            if skips(l), let gx = gapLaneX[l], let y2 = laneY["\(l)/true"] {
                pts += [(gx, y1), (gx, y2), (tx, y2)]
            } else {
                pts.append((tx, y1))
            }
            pts.append((tx, boxY(t) + boxH))
            routed.append(RoutedLink(from: f, to: t, points: pts))
        }
        var doc = SVGDocument(width: width, height: height, title: loc(.schemaHeading) + " — " + scenarioName)
        doc.add(SVG.text(loc(.schemaLegend), x: margin, y: 30, size: 15, fill: "#333"))
        // Reporting links first, under the boxes; one colour per body reported to.
        let palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"]
        for (k, colour) in palette.enumerated() {
            doc.define(SVG.element("marker", [("id", "\(id)-arrow\(k)"), ("viewBox", "0 0 10 10"), ("refX", "10"), ("refY", "5"), ("markerWidth", "12"),
                                              ("markerHeight", "12"), ("markerUnits", "userSpaceOnUse"), ("orient", "auto")],
                                   content: SVG.element("path", [("d", "M0 0 L10 5 L0 10 z"), ("fill", colour)])))
        }
        let targets = boxes.map(\.id).filter { t in links.contains { $0.to == t } }
        let name = Dictionary(boxes.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        for r in routed {
            let k = (targets.firstIndex(of: r.to) ?? 0) % palette.count, colour = palette[k]
            var d = "M\(SVG.num(r.points[0].0)) \(SVG.num(r.points[0].1))"
            for p in r.points.dropFirst() { d += " L\(SVG.num(p.0)) \(SVG.num(p.1))" }
            let tip = (name[r.from] ?? r.from) + " → " + (name[r.to] ?? r.to)
            doc.add(SVG.element("path", [("class", "link"), ("data-from", r.from), ("data-to", r.to), ("d", d), ("fill", "none"),
                                         ("stroke", colour), ("stroke-width", "1.8"), ("stroke-linejoin", "round"),
                                         ("marker-end", "url(#\(id)-arrow\(k))")],
                                content: "<title>" + SVG.escape(tip) + "</title>"))
        }
        for b in boxes {
            guard let r = rowOf[b.id], let k = colOf[b.id] else { continue }
            let c = (x: colX(k), y: rowY[r])
            let decides = !b.decides.isEmpty, ratifies = !b.ratifies.isEmpty
            let fill = decides ? "#DCEBF7" : ratifies ? "#FBE9CF" : "#F2F2F2"
            var extra: [(String, String)] = [("stroke", "#000"), ("stroke-width", decides ? "3.5" : "1.5"), ("rx", "8")]
            if b.onDemand { extra.append(("stroke-dasharray", "6 4")) }
            doc.add("<g" + SVG.attributes([("class", "body"), ("data-id", b.id)]) + ">")
            doc.add("<title>" + SVG.escape(b.name + " (" + loc.instanceKind(b.kind) + ")") + "</title>")
            doc.add(SVG.rect(x: c.x, y: c.y, width: boxW, height: boxH, fill: fill, extra: [("class", "box"), ("data-id", b.id)] + extra))
            if ratifies {
                doc.add(SVG.rect(x: c.x + 5, y: c.y + 5, width: boxW - 10, height: boxH - 10, fill: "none", extra: [("stroke", "#000"), ("stroke-width", "1.5"), ("rx", "5")]))
            }
            var y = c.y + 24
            for line in Self.wrap(b.name, width: nameWidth) { doc.add(SVG.text(line, x: c.x + 12, y: y, size: 16, weight: "bold", extra: [("class", "name")])); y += 20 }
            for line in Self.wrap(kindLine(b), width: kindWidth) { doc.add(SVG.text(line, x: c.x + 12, y: y, size: 12, fill: "#444", extra: [("class", "kind")])); y += 16 }
            y += 4
            for line in Self.wrap(membership(b, loc), width: noteWidth) { doc.add(SVG.text(line, x: c.x + 12, y: y, size: 14)); y += 18 }
            for line in roleLines(b, loc) { doc.add(SVG.text(line, x: c.x + 12, y: y, size: 14, weight: "bold")); y += 18 }
            doc.add("</g>")
        }
        return doc.render(standalone: standalone)
    }

    // MARK: DOT

    /// Graphviz DOT: parents on top (rankdir=BT, edges child → parent: "reports to").
    public func dot(_ loc: Localization) -> String {
        func q(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n") + "\"" }
        var out = "digraph \(q(scenarioID)) {\n"
        out += "  label=\(q(loc(.schemaHeading) + " — " + scenarioName));\n  labelloc=t;\n  rankdir=BT;\n"
        out += "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fillcolor=\"#F2F2F2\"];\n"
        for b in boxes {
            var label = b.name + "\n" + b.id + " (" + b.kind + ")\n" + membership(b, loc)
            let r = roles(b, loc)
            if !r.isEmpty { label += "\n" + r }
            var attrs = "label=\(q(label))"
            if !b.decides.isEmpty { attrs += ", penwidth=3, fillcolor=\"#DCEBF7\"" } else if !b.ratifies.isEmpty { attrs += ", fillcolor=\"#FBE9CF\"" }
            if !b.ratifies.isEmpty { attrs += ", peripheries=2" }
            if b.onDemand { attrs += ", style=\"rounded,filled,dashed\"" }
            out += "  \(q(b.id)) [\(attrs)];\n"
        }
        for b in boxes { for p in b.parents { out += "  \(q(b.id)) -> \(q(p)) [label=\(q(loc(.reportsTo)))];\n" } }
        for l in levels where l.count > 1 { out += "  { rank=same; " + l.map { q($0.id) }.joined(separator: "; ") + "; }\n" }
        return out + "}\n"
    }

    // MARK: Text

    /// Plain text, level by level.
    public func text(_ loc: Localization) -> String {
        let sep = loc.language == .fr ? " : " : ": "
        var out = loc(.schemaHeading) + " — " + scenarioName + " (" + scenarioID + ")\n"
        for (l, row) in levels.enumerated() {
            out += "\n" + loc(.level).capitalized + " \(l + 1)\n"
            for b in row {
                out += "  [\(b.id)] \(b.name) (\(b.kind))\n"
                out += "    " + loc(.members).capitalized + sep + membership(b, loc) + "\n"
                if !b.decides.isEmpty { out += "    " + loc(.decidesFor) + sep + b.decides.joined(separator: ", ") + "\n" }
                if !b.ratifies.isEmpty { out += "    " + loc(.ratifiesFor) + sep + b.ratifies.joined(separator: ", ") + "\n" }
                if !b.recommends.isEmpty { out += "    " + loc(.recommendsFor) + sep + b.recommends.joined(separator: ", ") + "\n" }
                if !b.parents.isEmpty { out += "    " + loc(.reportsTo).prefix(1).uppercased() + loc(.reportsTo).dropFirst() + sep + b.parents.joined(separator: ", ") + "\n" }
            }
        }
        if !outsideTables.isEmpty {
            out += "\n" + loc(.outsideTablesHeading) + "\n"
            for t in outsideTables { out += "  [\(t.id)] \(t.name)\n" }
        }
        return out
    }
}

extension Localization {
    /// The kind of a body (scenario id such as `ratifyingBoard`) in the report's language.
    public func instanceKind(_ kind: String) -> String {
        let fr = language == .fr
        switch kind {
        case "assembly": return fr ? "Assemblée" : "General assembly"
        case "coordination": return fr ? "Comité de coordination" : "Coordination committee"
        case "working": return fr ? "Groupe de travail" : "Working group"
        case "strategic": return fr ? "Comité stratégique" : "Strategic committee"
        case "analysis": return fr ? "Comité d'analyse" : "Analysis committee"
        case "local": return fr ? "Table locale" : "Local table"
        case "practiceCommunity": return fr ? "Communauté de pratique" : "Community of practice"
        case "ratifyingBoard": return fr ? "Instance d'entérinement" : "Ratifying board"
        case "satellite": return fr ? "Satellite" : "Satellite"
        case "subSatellite": return fr ? "Sous-satellite" : "Sub-satellite"
        case "sectoral": return fr ? "Table sectorielle" : "Sectoral table"
        case "board": return fr ? "Conseil d'administration" : "Board of directors"
        case "support": return fr ? "Instance de soutien" : "Support body"
        default: return fr ? "Autre instance" : "Other body"
        }
    }
}
