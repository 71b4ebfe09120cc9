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
        if b.elected > 0 { parts.append("\(b.elected) " + loc(.elected)) }
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
            lines.append(loc.act(act) + sep + "\(kinds.count) " + loc(.issueKinds))
        }
        return lines
    }

    /// The roles on one line.
    public func roles(_ b: Box, _ loc: Localization) -> String { roleLines(b, loc).joined(separator: " · ") }

    /// Words of `s` on at most `lines` lines of `width` characters, the last one clipped.
    static func wrap(_ s: String, width: Int, lines: Int) -> [String] {
        var out: [String] = []
        var current = ""
        for word in s.split(separator: " ") {
            if current.isEmpty { current = String(word) } else if current.count + 1 + word.count <= width { current += " " + word } else {
                out.append(current); current = String(word)
            }
        }
        if !current.isEmpty { out.append(current) }
        if out.count > lines { out = Array(out.prefix(lines - 1)) + [out[(lines - 1)...].joined(separator: " ")] }
        return out.map { clip($0, width) }
    }

    static func clip(_ s: String, _ n: Int) -> String { s.count <= n ? s : String(s.prefix(n - 1)) + "…" }

    // MARK: SVG

    /// The diagram as SVG; `standalone` adds the namespace for a .svg file. `id` prefixes the
    /// ids of its definitions (unique within an HTML page).
    public func svg(_ loc: Localization, standalone: Bool = false, id: String = "schema") -> String {
        let boxW = 300.0, gapX = 24.0, gapY = 70.0, perRow = 4, margin = 20.0, top = 56.0
        // Every box as tall as the fullest one (name, id, membership and role lines).
        let boxH = boxes.map { b -> Double in
            24 + 20 * Double(Self.wrap(b.name, width: 32, lines: 2).count) + 20
                + 18 * Double(Self.wrap(membership(b, loc), width: 40, lines: 2).count) + 18 * Double(Swift.min(3, roleLines(b, loc).count))
        }.max().map { $0 + 4 } ?? 100
        var rows: [[Box]] = []
        for l in levels { var k = 0; while k < l.count { rows.append(Array(l[k..<Swift.min(l.count, k + perRow)])); k += perRow } }
        let maxInRow = rows.map(\.count).max() ?? 1
        let width = margin * 2 + Double(maxInRow) * boxW + Double(maxInRow - 1) * gapX
        let height = top + Double(rows.count) * (boxH + gapY) + 10
        var doc = SVGDocument(width: width, height: height, title: loc(.schemaHeading) + " — " + scenarioName)
        doc.define(SVG.element("marker", [("id", "\(id)-arrow"), ("viewBox", "0 0 10 10"), ("refX", "9"), ("refY", "5"), ("markerWidth", "8"),
                                          ("markerHeight", "8"), ("orient", "auto")],
                               content: SVG.element("path", [("d", "M0 0 L10 5 L0 10 z"), ("fill", "#333")])))
        doc.add(SVG.text(loc(.schemaLegend), x: margin, y: 30, size: 15, fill: "#333"))
        // Boxes sit on a grid (rows centred by whole columns), so the gaps between columns line
        // up from row to row and links can run in them without crossing a box.
        var pos: [String: (x: Double, y: Double)] = [:]
        var rowOf: [String: Int] = [:]
        func colX(_ k: Int) -> Double { margin + Double(k) * (boxW + gapX) }
        for (r, row) in rows.enumerated() {
            let offset = (maxInRow - row.count) / 2
            for (k, b) in row.enumerated() { pos[b.id] = (colX(offset + k), top + Double(r) * (boxH + gapY)); rowOf[b.id] = r }
        }
        // Reporting links first, under the boxes; arrows into a parent are spread along its bottom edge.
        var children: [String: [String]] = [:]
        for b in boxes { for p in b.parents { children[p, default: []].append(b.id) } }
        for (p, kids) in children {
            children[p] = kids.sorted { (pos[$0]?.x ?? 0, pos[$0]?.y ?? 0) < (pos[$1]?.x ?? 0, pos[$1]?.y ?? 0) }
        }
        var edge = 0
        for b in boxes {
            guard let c = pos[b.id], let rc = rowOf[b.id] else { continue }
            for (j, p) in b.parents.enumerated() {
                guard let q = pos[p], let rq = rowOf[p], let kids = children[p], let k = kids.firstIndex(of: b.id) else { continue }
                let tx = q.x + boxW * Double(k + 1) / Double(kids.count + 1)
                let sx = c.x + boxW * Double(j + 1) / Double(b.parents.count + 1)
                let lane = Double(edge % 5 - 2) * 5
                edge += 1
                let yBelowChildRow = c.y - gapY / 2 + lane
                var pts: [(Double, Double)] = [(sx, c.y), (sx, yBelowChildRow)]
                if rq < rc - 1 {
                    // Up through the nearest gap between columns, then across under the parent's row.
                    let g = Int(((sx - margin + gapX / 2) / (boxW + gapX)).rounded())
                    let gx = margin + Double(g) * (boxW + gapX) - gapX / 2 + Double(edge % 3 - 1) * 4
                    let yBelowParentRow = q.y + boxH + gapY / 2 + lane
                    pts += [(gx, yBelowChildRow), (gx, yBelowParentRow), (tx, yBelowParentRow)]
                } else {
                    pts.append((tx, yBelowChildRow))
                }
                pts.append((tx, q.y + boxH))
                doc.add(SVG.path(pts, stroke: "#333", width: 1.8, extra: [("stroke-linejoin", "round"), ("marker-end", "url(#\(id)-arrow)")]))
            }
        }
        for b in boxes {
            guard let c = pos[b.id] else { continue }
            let decides = !b.decides.isEmpty, ratifies = !b.ratifies.isEmpty
            let fill = decides ? "#DCEBF7" : ratifies ? "#FBE9CF" : "#F2F2F2"
            var extra: [(String, String)] = [("stroke", "#000"), ("stroke-width", decides ? "3.5" : "1.5"), ("rx", "8")]
            if b.onDemand { extra.append(("stroke-dasharray", "6 4")) }
            doc.add(SVG.rect(x: c.x, y: c.y, width: boxW, height: boxH, fill: fill, extra: extra))
            if ratifies {
                doc.add(SVG.rect(x: c.x + 5, y: c.y + 5, width: boxW - 10, height: boxH - 10, fill: "none", extra: [("stroke", "#000"), ("stroke-width", "1.5"), ("rx", "5")]))
            }
            var y = c.y + 24
            for line in Self.wrap(b.name, width: 32, lines: 2) { doc.add(SVG.text(line, x: c.x + 12, y: y, size: 16, weight: "bold")); y += 20 }
            doc.add(SVG.text(Self.clip(b.id + " (" + b.kind + ")", 44), x: c.x + 12, y: y, size: 12, fill: "#444")); y += 20
            for line in Self.wrap(membership(b, loc), width: 40, lines: 2) { doc.add(SVG.text(line, x: c.x + 12, y: y, size: 14)); y += 18 }
            for line in roleLines(b, loc).prefix(3) { doc.add(SVG.text(line, x: c.x + 12, y: y, size: 14, weight: "bold")); y += 18 }
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
