import Foundation
import Concerto

/// Error messages, warnings and closing lines in French (`--lang fr`, or a French locale).
///
/// Messages are written once, in English, where they arise (the library's scenario errors,
/// the commands' usage errors); this translates the standard error of a command line by line,
/// pattern by pattern, so that each message keeps one source. What it quotes stays as written:
/// file names, JSON paths, ids, keys, values (in backticks or quotes). A message no rule
/// knows stays in English (docs/errors.md says which families are translated).
enum MessageFrench {
    /// One rule: a regular expression and its French template (`$1`… are the captured groups).
    struct Rule { let regex: NSRegularExpression; let template: String }

    static func rule(_ pattern: String, _ template: String) -> Rule {
        Rule(regex: try! NSRegularExpression(pattern: pattern), template: template)
    }

    /// What a check expects, as the French phrase.
    static let what: [(String, String)] = [
        ("hours per month", "des heures par mois"), ("an engagement", "un engagement"), ("an interest", "un intérêt"),
        ("a probability", "une probabilité"), ("a share", "une part"), ("round-trip hours", "des heures aller-retour"),
        ("hours", "des heures"), ("a number", "un nombre"), ("a whole number", "un nombre entier"), ("a string", "une chaîne"),
        ("true or false", "true ou false"), ("an array", "un tableau"), ("an object", "un objet"), ("null", "null"),
        ("the end of the array", "la fin du tableau"), ("a rate per year", "un taux par an"), ("a yearly rate", "un taux annuel"),
        ("meetings per year", "des réunions par an"), ("a month", "un mois"), ("days", "des jours"), ("a number of tables", "un nombre de tables"),
        ("a standard deviation in hours per month", "un écart-type en heures par mois"), ("a confidence bound", "un seuil de confiance"),
        ("a convergence rate", "un taux de convergence"), ("exchanges per hour", "des échanges par heure"), ("a penalty", "une pénalité"),
    ]

    static func whatFrench(_ s: String) -> String { what.first { $0.0 == s }?.1 ?? s }

    /// The rules, applied in order to each line.
    static let rules: [Rule] = [
        rule(#"Run `concerto help` for usage\."#, "Lancez `concerto help` pour l'aide."),
        rule(#"^warning: "#, "avertissement : "),
        // Warnings before surprises (ScenarioWarnings, Validation): percentages and decimals in
        // the French way ({pct:N}, {dec:N}), the instance or issue kind named from the path.
        rule(#"instances\[([^\]]*)\]: expected attendance (\d+(?:\.\d+)?)% of its seats, under (\d+(?:\.\d+)?)% \(predicted from the attendance formula: engagement × availability × max\(interestFloor, interest\)\)$"#,
             "instances[$1] : présence attendue de {pct:2} des sièges à l'instance `$1`, sous le seuil de {pct:3} (prévue par la formule de présence : engagement × disponibilité × max(interestFloor, interest))"),
        rule(#"instances\[([^\]]*)\]: its quorum \((\d+) of (\d+) voting seats\) is expected to fail at (\d+(?:\.\d+)?)% of meetings, over (\d+(?:\.\d+)?)% \((\S+) voting members expected\)$"#,
             "instances[$1] : le quorum de l'instance `$1` ($2 sur $3 sièges votants) manquerait dans {pct:4} des rencontres, au-delà du seuil de {pct:5} (membres votants présents attendus : {dec:6})"),
        rule(#"\bsur 1 sièges votants\)"#, "sur 1 siège votant)"),
        rule(#"instances\[([^\]]*)\]: no issue ever reaches this body \(no route step of an arriving issue kind, delegation, escalation or reform leads to it\); it meets and loads its members, and decides nothing$"#,
             "instances[$1] : aucun enjeu n'arrive jamais à l'instance `$1` (aucune étape du parcours d'un type d'enjeux qui arrive, aucune délégation, escalade ni réforme n'y mène) ; elle se réunit et occupe ses membres, mais ne décide rien"),
        rule(#"issueKinds\[([^\]]*)\]\.route\[(\d+)\]: (`[^`]*`) can never reach its quorum, so issues of this kind never get past this step$"#,
             "issueKinds[$1].route[$2] : le parcours du type d'enjeux `$1` ne peut jamais aboutir : $3 n'atteint jamais son quorum, alors les enjeux de ce type ne dépassent jamais cette étape"),
        rule(#"issueKinds\[([^\]]*)\]\.route\[(\d+)\]: (`[^`]*`) ends before issues of this kind arrive, and no reform gives it a successor$"#,
             "issueKinds[$1].route[$2] : le parcours du type d'enjeux `$1` ne peut jamais aboutir : $3 prend fin avant l'arrivée des enjeux de ce type, et aucune réforme ne lui donne de successeur"),
        rule(#"issueKinds\[([^\]]*)\]\.route\[(\d+)\]: no body of the issue's territory exists for any territory of this kind, so its issues never get past this step$"#,
             "issueKinds[$1].route[$2] : le parcours du type d'enjeux `$1` ne peut jamais aboutir : aucune instance n'existe pour les territoires de ce type, alors ses enjeux ne dépassent jamais cette étape"),
        rule(#"issueKinds\[([^\]]*)\]\.route\[(\d+)\]: no body holds any theme of this kind, so its issues never get past this step$"#,
             "issueKinds[$1].route[$2] : le parcours du type d'enjeux `$1` ne peut jamais aboutir : aucune instance ne porte les thèmes de ce type, alors ses enjeux ne dépassent jamais cette étape"),
        rule(#"\.ratePerYear: 0: no issue of this kind will arrive$"#, ".ratePerYear : 0 : aucun enjeu de ce type n'arrivera"),
        rule(#"--strict: 1 warning: the scenario is refused \(remove --strict to run it anyway\)$"#,
             "--strict : 1 avertissement : le scénario est refusé (retirez --strict pour le lancer quand même)"),
        rule(#"--strict: (\d+) warnings: the scenario is refused \(remove --strict to run it anyway\)$"#,
             "--strict : $1 avertissements : le scénario est refusé (retirez --strict pour le lancer quand même)"),
        rule(#"--strict: 1 warning$"#, "--strict : 1 avertissement"),
        rule(#"--strict: (\d+) warnings$"#, "--strict : $1 avertissements"),
        rule(#": took over the lock of a (\S+) that is no longer running \(pid (\d+) on this host, since (.+)\)$"#,
             " : verrou repris d'un $1 qui ne tourne plus (pid $2 sur cet hôte, depuis $3)"),
        rule(#": removed (\d+) temporary file\(s\) left by an interrupted write$"#,
             " : $1 fichier(s) temporaire(s) laissé(s) par une écriture interrompue retiré(s)"),
        rule(#"unknown command `([^`]*)`"#, "commande inconnue `$1`"),
        rule(#"unknown option (\S+)"#, "option inconnue $1"),
        rule(#"\(did you mean ([^?]+)\?\)"#, "(vouliez-vous dire $1 ?)"),
        rule(#"\(options: "#, "(options : "),
        rule(#"\(this command takes no options\)"#, "(cette commande ne prend aucune option)"),
        rule(#"option (\S+) needs a value \(nothing after '='\)"#, "l'option $1 demande une valeur (rien après '=')"),
        rule(#"option (\S+) needs a value"#, "l'option $1 demande une valeur"),
        rule(#"option (\S+) takes no value"#, "l'option $1 ne prend pas de valeur"),
        rule(#"(\S+) must be an integer between (\S+) and (\S+), got "(.*)"$"#, "$1 doit être un nombre entier entre $2 et $3, reçu « $4 »"),
        rule(#"(\S+) must be a number between (\S+) and (\S+), got "(.*)"$"#, "$1 doit être un nombre entre $2 et $3 (virgule décimale acceptée), reçu « $4 »"),
        rule(#"(\S+) must be one of (.*), got "(.*)"$"#, "$1 doit être l'une des valeurs $2, reçu « $3 »"),
        rule(#"--lang must be fr or en, got "(.*)"$"#, "--lang doit être fr ou en, reçu « $1 »"),
        rule(#"expected a scenario file, e\.g\. "#, "un fichier de scénario est attendu, p. ex. "),
        rule(#"expected one scenario file, got (\d+)"#, "un seul fichier de scénario est attendu, reçu $1"),
        rule(#"expected one scenario file$"#, "un seul fichier de scénario est attendu"),
        rule(#"expected two or more scenario files, e\.g\. "#, "deux fichiers de scénario ou plus sont attendus, p. ex. "),
        rule(#"expected one or more scenario files$"#, "un fichier de scénario ou plus est attendu"),
        // Files.
        rule(#": no such file \(a part of the path is not a folder\)"#, " : fichier introuvable (une partie du chemin n'est pas un dossier)"),
        rule(#": no such file"#, " : fichier introuvable"),
        rule(#"cannot write (.+?): the folder (.+) does not exist$"#, "impossible d'écrire $1 : le dossier $2 n'existe pas"),
        rule(#"cannot write (.+?): permission denied"#, "impossible d'écrire $1 : permission refusée"),
        rule(#"cannot write (.+?): no space left on the device"#, "impossible d'écrire $1 : plus d'espace sur le disque"),
        rule(#"cannot write (.+?): the file system is read-only"#, "impossible d'écrire $1 : le système de fichiers est en lecture seule"),
        rule(#"cannot write (.+?): (.*)$"#, "impossible d'écrire $1 : $2"),
        // JSON syntax.
        rule(#"line (\d+), column (\d+): "#, "ligne $1, colonne $2 : "),
        rule(#"expected a key in double quotes but found (`[^`]*`): is (`[^`]*`) a decimal comma\? JSON numbers take a decimal point: write (\S+)$"#,
             "une clé entre guillemets doubles est attendue, trouvé $1 : $2 est-il écrit avec une virgule décimale ? Les nombres JSON prennent un point : écrivez $3"),
        rule(#"expected a key in double quotes but found (.*)$"#, "une clé entre guillemets doubles est attendue, trouvé $1"),
        rule(#"trailing comma before '(.)': remove the last ','"#, "virgule de trop avant '$1' : retirez la dernière ','"),
        rule(#"comments are not allowed in JSON"#, "les commentaires ne sont pas permis en JSON"),
        // Scenario values.
        rule(#"; 1 partner inherits it$"#, " ; 1 partenaire en hérite"),
        rule(#"; (\d+) partners inherit it$"#, " ; $1 partenaires en héritent"),
        rule(#"at least 6 minutes and at most the 744 hours of a month"#, "au moins 6 minutes et au plus les 744 heures d'un mois"),
        rule(#"expected ([a-z][a-z -]*?) between (\S+) and (\S+?)(:[^,]*)?, found (\S+)"#, "attendu : {what1} entre $2 et $3$4, trouvé $5"),
        rule(#"expected ([a-z][a-z -]*?) at least (\S+?)(:[^,]*)?, found (\S+)"#, "attendu : {what1} d'au moins $2$3, trouvé $4"),
        rule(#"expected (a number|a whole number|a string|true or false|an array|an object), found (a number|a whole number|a string|true or false|an array|an object|null|the end of the array)"#,
             "attendu : {what1}, trouvé {what2}"),
        rule(#"expected a whole number, found (\S+)"#, "attendu : un nombre entier, trouvé $1"),
        rule(#"missing required key (`[^`]*`) at the top level of the file"#, "clé obligatoire $1 manquante au premier niveau du fichier"),
        rule(#"missing required key (`[^`]*`)"#, "clé obligatoire $1 manquante"),
        rule(#"\(the object has (`[^`]*`): is it misspelled\?\)"#, "(l'objet a $1 : est-ce une faute de frappe ?)"),
        rule(#"unknown key (`[^`]*`) in the top level"#, "clé inconnue $1 au premier niveau"),
        rule(#"unknown key (`[^`]*`) in (`[^`]*`)"#, "clé inconnue $1 dans $2"),
        rule(#"; its keys are: "#, " ; ses clés sont : "),
        rule(#" A key left at its default is not in the file: add it to the scenario first\."#, " Une clé laissée à sa valeur par défaut n'est pas dans le fichier : ajoutez-la d'abord au scénario."),
        rule(#"no element with id (`[^`]*`) in (`[^`]*`)"#, "aucun élément d'id $1 dans $2"),
        rule(#"; its ids are: "#, " ; ses ids sont : "),
        rule(#"unknown sector (`[^`]*`)"#, "secteur inconnu $1"),
        rule(#"unknown territory (`[^`]*`)"#, "territoire inconnu $1"),
        rule(#"unknown partner (`[^`]*`)"#, "partenaire inconnu $1"),
        rule(#"unknown theme (`[^`]*`)"#, "thème inconnu $1"),
        rule(#"unknown age group (`[^`]*`)"#, "groupe d'âge inconnu $1"),
        rule(#"unknown instance (`[^`]*`)"#, "instance inconnue $1"),
        rule(#"unknown measure (`[^`]*`)"#, "mesure inconnue $1"),
        rule(#"expected PATH=VALUE, e\.g\. "#, "PATH=VALEUR est attendu, p. ex. "),
        // Structures that cannot work.
        rule(#"quorum (\S+) is larger than its (\d+) members"#, "le quorum $1 dépasse ses $2 membres"),
        rule(#"instance (`[^`]*`) lacks the power (`[^`]*`)"#, "l'instance $1 n'a pas le pouvoir $2"),
        rule(#"\(its powers: "#, "(ses pouvoirs : "),
        rule(#"expected a non-empty id"#, "un id non vide est attendu"),
        rule(#"duplicate id (`[^`]*`): ids must be unique"#, "id $1 en double : les ids doivent être uniques"),
        rule(#"duplicate id (`[^`]*`)"#, "id $1 en double"),
        rule(#"expected one of (.*), found (`[^`]*`)$"#, "attendu : l'une des valeurs $1, trouvé $2"),
        rule(#"expected reference shares summing to 1, found (\S+)"#, "attendu : des parts de référence dont la somme fait 1, trouvé $1"),
        rule(#"expected shares summing to 1, found (\S+)"#, "attendu : des parts dont la somme fait 1, trouvé $1"),
        rule(#"expected at least one (partner|sector|territory|instance|step|theme)\b"#, "au moins un élément est attendu ($1)"),
        rule(#"(the parent chain|parent links|schedule couplings|membership rules depend on each other in a cycle)( forms? a cycle)?: "#, "cycle ($1) : "),
        rule(#"give either (`[^`]*`) or (`[^`]*`), not both"#, "donnez $1 ou $2, pas les deux"),
        rule(#": matches no partner$"#, " : ne correspond à aucun partenaire"),
        // Folders and interruptions.
        rule(#"already has (\d+) finished cell\(s\) of this sweep: add --resume to continue it, or choose another --output"#,
             "contient déjà $1 variante(s) terminée(s) de ce balayage : ajoutez --resume pour le poursuivre, ou choisissez un autre --output"),
        rule(#"interrupted; (\d+) cell\(s\) finished in this run are kept in (.+)\. Run the same command with --resume to continue\."#,
             "interrompu ; $1 variante(s) terminée(s) pendant cette exécution sont gardées dans $2. Relancez la même commande avec --resume pour continuer."),
        rule(#"interrupted; the finished cells are kept in (.+)\. Run the same command with --resume to continue\."#,
             "interrompu ; les variantes terminées sont gardées dans $1. Relancez la même commande avec --resume pour continuer."),
        rule(#"expected --output DIR: "#, "--output DOSSIER est attendu : "),
        rule(#"--output FILE\.html is required \(the report is one HTML file\)"#, "--output FICHIER.html est obligatoire (le rapport est un seul fichier HTML)"),
        // Sweeps.
        rule(#"a range needs a step: write LO:HI:STEP, e\.g\. (\S+) \(or list the values: V1,V2,\.\.\.\)"#,
             "un intervalle demande un pas : écrivez LO:HI:STEP, p. ex. $1 (ou listez les valeurs : V1,V2,... ou V1;V2;... avec des virgules décimales)"),
        rule(#"\(in the sweep cell (.*)\)$"#, "(dans la variante $1)"),
        // Closing lines.
        rule(#"^(report|observe): wrote (.+) \((\d+) KB\)$"#, "$1 : écrit $2 ($3 Ko)"),
        rule(#"^(sweep|explore|merge): wrote (.+?): "#, "$1 : écrit dans $2 : "),
        rule(#" file\)"#, " fichier)"), rule(#" files\)"#, " fichiers)"),
        rule(#" \(provenance in provenance\.json\)$"#, " (provenance dans provenance.json)"),
        rule(#"^sweep: (\d+) cells done; results in (.+)$"#, "sweep : $1 variantes terminées ; résultats dans $2"),
        rule(#"^merge: (\d+) cells; results in (.+)$"#, "merge : $1 variantes ; résultats dans $2"),
        rule(#"^explore: (\d+) structures × (\d+) points × (\d+) replications in (\S+) s; tables in (.+)$"#,
             "explore : $1 structures × $2 points × $3 réplications en $4 s ; tableaux dans $5"),
    ]

    /// `text` with each line translated by the rules that match it.
    static func translate(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { translateLine(String($0)) }.joined(separator: "\n")
    }

    /// `{pct:N}` (group N, a percentage as English writes it, "35" or "35.2": "35 %" or
    /// "35,2 %" with the narrow no-break space) and `{dec:N}` (group N with a decimal comma).
    static func placeholders(in template: String) -> [(text: String, group: Int, percent: Bool)] {
        var out: [(String, Int, Bool)] = []
        for (prefix, percent) in [("{pct:", true), ("{dec:", false)] {
            var rest = Substring(template)
            while let r = rest.range(of: prefix) {
                let digits = rest[r.upperBound...].prefix { $0.isNumber }
                let end = rest.index(r.upperBound, offsetBy: digits.count)
                if let n = Int(digits), end < rest.endIndex, rest[end] == "}" { out.append((prefix + digits + "}", n, percent)) }
                rest = rest[end...]
            }
        }
        return out
    }

    /// "35" → "35 %", "35.2" → "35,2 %" (``Localization/percent(_:digits:)``'s way).
    static func frenchPercent(_ number: String) -> String {
        number.replacingOccurrences(of: ".", with: ",") + Localization.thinSpace + "%"
    }

    static func translateLine(_ line: String) -> String {
        var s = line
        for r in rules {
            let range = NSRange(s.startIndex..., in: s)
            guard let m = r.regex.firstMatch(in: s, range: range) else { continue }
            var template = r.template
            for (k, key) in ["{what1}", "{what2}"].enumerated() where template.contains(key) {
                if m.numberOfRanges > k + 1, let g = Range(m.range(at: k + 1), in: s) {
                    template = template.replacingOccurrences(of: key, with: whatFrench(String(s[g])))
                }
            }
            for key in placeholders(in: template) {
                guard key.group < m.numberOfRanges, let g = Range(m.range(at: key.group), in: s) else { continue }
                let number = String(s[g])
                let french = key.percent ? frenchPercent(number) : number.replacingOccurrences(of: ".", with: ",")
                template = template.replacingOccurrences(of: key.text, with: french)
            }
            let escaped = template.replacingOccurrences(of: "\\", with: "\\\\")
            s = r.regex.stringByReplacingMatches(in: s, range: range, withTemplate: escaped)
        }
        return s
    }
}
