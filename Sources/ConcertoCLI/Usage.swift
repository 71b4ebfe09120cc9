import Concerto

/// The usage text of `concerto help`, in English (``text``) and French (``french``), chosen by
/// the command's language (``CommandLanguage``: `--lang`, else the locale).
enum Usage {
    /// The usage text in `language`.
    static func inLanguage(_ language: ReportLanguage) -> String { language == .fr ? french : text }

    /// The usage text in the language of the command line `args` (``CommandLanguage/early(_:environment:)``).
    static func forCommandLine(_ args: [String]) -> String { inLanguage(CommandLanguage.early(args)) }

    static let text = """
    concerto — simulate concertation structures (hyperconcertation, decision latency, representativity)

    USAGE
      concerto run SCENARIO [--replications N] [--seed S] [--years Y] [--warmup-years W]
                            [--threads T] [--format table|json|csv|md] [--output PATH] [--set PATH=VALUE ...]
      concerto compare SCENARIO SCENARIO... [same options as run]
      concerto sweep SCENARIO --vary PATH=V1,V2,... [--vary PATH=LO:HI:STEP ...] --output DIR
                     [--replications N] [--seed S] [--threads T] [--shard I/N] [--resume] [--set ...]
      concerto explore SCENARIO... --output DIR [--experiment FILE] [--design lhs|sobol|morris|grid]
                       [--points N] [--levels L] [--replications R] [--seed S] [--threads T]
                       [--measures M,M,...] [--threshold M<=X ...] [--shard I/N] [--resume] [--set ...]
                       [--from-posterior CALIBRATION_DIR]
      concerto merge DIR... --output DIR
      concerto report SCENARIO... [run options] [--lang fr|en] --output FILE.html
      concerto report SWEEP_DIR [--lang fr|en] --output FILE.html
      concerto report EXPLORE_DIR [--lang fr|en] --output FILE.html
      concerto schema SCENARIO [--format svg|dot|text] [--lang fr|en] [--output PATH]
      concerto run SCENARIO ... --records DIR [--records-replications K] [--anonymise [--anonymity-key KEY]]
      concerto observe RECORDS_DIR --scenario SCENARIO [--format table|json|csv|md|html] [--output PATH]
                       [--measures M,M,...] [--anonymity-key KEY] [--lang fr|en]
      concerto calibrate SCENARIO RECORDS_DIR --output DIR [--uncertain PATH=LO:HI ...] [--particles N]
                         [--draws N] [--generations G] [--seed S] [--threads T] [--set ...]
                         [--shard I/N] [--resume] [--wait SECONDS]
      concerto schema --paths                 # every path --set, --vary and explore accept, with its type
      concerto validate SCENARIO... [--allow-large] [--strict]
      concerto init [--lang fr|en]   a commented starting scenario on standard output:
                                     concerto init --lang fr > ma-table.json && concerto run ma-table.json
      Every command takes --lang fr|en (default: French when LC_ALL, LC_MESSAGES or LANG starts with fr).
      concerto gcm [--variant LOAD,ENERGY,ACCESS,DECISION] [--random-entry --runs N --seed S] [--exact]
                   [--format table|json|csv]
      concerto help | version

    RUN OPTIONS
      --replications N   independent replications (default 100)
      --seed S           master seed, an integer 0 ... 2^64-1 (default 1); same seed, same output
      --years Y          measured years, overrides the scenario's `years`
      --warmup-years W   years simulated before measuring, overrides `warmupYears`
      --threads T        worker threads (default: all cores); the output does not depend on it
      --allow-large      run scenarios above the event budget (docs/scenario-format.md, "Limits"); also sweep, explore, validate
      --format F         table (default), json, csv or md (a Markdown summary for minutes and wikis)
      --output PATH      write there (atomically) instead of standard output: a regular file or a
                         new path, never a device, FIFO or folder (exit 1)
      --set PATH=VALUE   override a scenario value, written in the file or left at its default;
                         array elements are addressed by id, all of them by *, e.g.
                         --set instances.grande-table.schedule.meetingsPerYear=6
                         --set attendance.interestFloor=0.4 --set partners.*.capacityHoursPerMonth=10;
                         a decimal comma is accepted wherever a number is expected (--set x=2,5 is 2.5)
      --strict           refuse (exit 2) a scenario with warnings (run, compare, report, validate);
                         without it warnings go to standard error and change nothing
      --lang fr|en       tables and messages in French or English (default: the locale)
      --measures M,M,... compute and report only these measures (run, compare), named as in the
                         JSON output: hoursPerPartnerYear, latency.medianDaysKM, instance.attendanceRate

    COMPARE
      Runs every scenario with the same seed and replication indices (common random numbers)
      and shows, per measure, one column per structure (mean and 95% CI); * marks a difference
      to the first structure whose paired 95% CI excludes zero. --format csv gives a tidy long
      table (structure, family, measure, unit, statistic, value); --format json the same data.
      --set applies to every scenario.

    SWEEP
      --vary PATH=V1,V2 lists values; with decimal commas separate them by ';' (x=2,5;3;3,5);
      PATH=LO:HI:STEP is a range (LO:HI without a step is refused).
      Runs every combination of the --vary values (last varies fastest), each cell with the same
      seed and replications (common random numbers). Each finished cell is written atomically to
      DIR/cells/; DIR/results.csv (varied paths as columns, then measure, mean, sd, CI, median,
      p90, n) when all cells are there. --shard I/N runs cells k with k mod N = I−1 (in a Slurm
      array, SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT are used when --shard is absent);
      `concerto merge` combines shard folders and refuses folders of different sweeps.
      Ctrl-C stops after the cell in progress (exit 130); --resume skips finished cells.
    EXPLORE
      Compares the structures across what nobody knows: every scenario value with a `ranges` entry
      (or an experiment file's uncertainties) varies over its range, a path shared by the
      structures varying together. The design (lhs by default, 256 points; sobol: N × (k+2)
      points for Sobol indices; morris: r × (k+1) points; grid: levels^k) gives the points; every
      structure runs at every point with the same seed and replication indices (default 30).
      Cells are written as they finish (--resume, --shard, merge as for sweeps; the output does
      not depend on threads or shards). DIR/design.csv, results.csv (point × structure ×
      measure), robustness.csv (probability of being the best, regret, thresholds met),
      sensitivity.csv and discovery.csv/discovery.md (the conditions under which one structure
      beats another or misses a threshold). See docs/explore.md.
    REPORT
      Runs the scenario (or compares the scenarios, as compare does) and writes one self-contained
      HTML file (inline SVG and CSS, no script, no network) for planners: per structure a
      plain-language summary and the governance diagram; the three families side by side with
      95% CI whiskers; partner load ratios; Kaplan–Meier curves of issues still undecided; sector
      shares present at decisions against the reference. --lang fr or en (default: the locale).
      With a finished sweep folder instead (one folder, no scenario, no run options), writes the
      sweep report: the trade-off between median days to decision and meeting hours per partner
      (one point per cell, coloured by the Gallagher index, Pareto-efficient cells ringed and
      listed), every cell's numbers, and one line chart per varied parameter. An unfinished
      sweep (no results.csv) is refused with exit 2.
      With a finished explore folder, writes the exploration report: what was explored (the
      structures, the design, each uncertain assumption's range, distribution and reason); per
      measure, each structure's probability of being the best with its 95% CI and the share best
      beyond noise, and the thresholds met; regret (mean and 90th percentile); tornado charts of
      the sensitivity indices of each structure and of each difference to the first; and every
      scenario-discovery box as a sentence with a scatter of the points and the box.

    RECORDS (docs/records.md)
      A table's minutes as three CSV files in a folder: meetings.csv (meeting, body, date, hours,
      attendees, absentees...), items.csv (item, issue, body, meeting, act, outcome) and
      issues.csv (issue, kind, emerged), English or French headers. run --records DIR writes a
      replication's minutes in that form (the first K with --records-replications; --anonymise
      writes keyed pseudonyms instead of partner ids). observe computes from records the measures
      records carry, with the code that computes them from a simulation, in run's formats, or
      with --format html --output FILE.html as report's page for the measured history (what
      records cannot carry marked not available, no intervals). Bad records: every problem with
      its file, line and column, exit 2, nothing written.
      calibrate fits the scenario's uncertain values (--uncertain PATH=LO:HI, else its `ranges`)
      to the records by approximate Bayesian computation (rejection, then sequential Monte
      Carlo; the output does not depend on --threads) and writes DIR/posterior.csv, fit.csv,
      SCENARIO-calibrated.json (posterior medians, sources, 90% ranges) and fit-report.fr.html /
      fit-report.en.html. With --shard I/N (or a Slurm array) N processes share DIR, each
      simulating its batches of every round and waiting for the others' at most --wait SECONDS
      (default 3600), then exiting 75: run it again with --resume to continue. The outputs are
      the unsharded ones, byte for byte (docs/records.md, "Shards").

    SCHEMA
      The governance diagram of a scenario, without running it: instances by level (parents
      above), reporting links, who decides and ratifies, membership. --format text (default),
      svg (a standalone image) or dot (for Graphviz: dot -Tpng).

    EXIT CODES
      0 success · 2 bad input (usage, scenario) · 1 could not write the output · 130 interrupted

    """

    /// The French usage text (same options and paths; descriptions in Québec French).
    static let french = """
    concerto — simuler des structures de concertation (hyperconcertation, délais de décision, représentativité)

    UTILISATION
      concerto run SCÉNARIO [--replications N] [--seed S] [--years A] [--warmup-years W]
                            [--threads T] [--format table|json|csv|md] [--output CHEMIN] [--set CHEMIN=VALEUR ...]
      concerto compare SCÉNARIO SCÉNARIO... [mêmes options que run]
      concerto sweep SCÉNARIO --vary CHEMIN=V1,V2,... [--vary CHEMIN=MIN:MAX:PAS ...] --output DOSSIER
                     [--replications N] [--seed S] [--threads T] [--shard I/N] [--resume] [--set ...]
      concerto explore SCÉNARIO... --output DOSSIER [--experiment FICHIER] [--design lhs|sobol|morris|grid]
                       [--points N] [--levels L] [--replications R] [--seed S] [--threads T]
                       [--measures M,M,...] [--threshold M<=X ...] [--shard I/N] [--resume] [--set ...]
                       [--from-posterior DOSSIER_CALIBRATION]
      concerto merge DOSSIER... --output DOSSIER
      concerto report SCÉNARIO... [options de run] [--lang fr|en] --output FICHIER.html
      concerto report DOSSIER_SWEEP [--lang fr|en] --output FICHIER.html
      concerto report DOSSIER_EXPLORE [--lang fr|en] --output FICHIER.html
      concerto schema SCÉNARIO [--format svg|dot|text] [--lang fr|en] [--output CHEMIN]
      concerto run SCÉNARIO ... --records DOSSIER [--records-replications K] [--anonymise [--anonymity-key CLÉ]]
      concerto observe DOSSIER_PV --scenario SCÉNARIO [--format table|json|csv|md|html] [--output CHEMIN]
                       [--measures M,M,...] [--anonymity-key CLÉ]
      concerto calibrate SCÉNARIO DOSSIER_PV --output DOSSIER [--uncertain CHEMIN=MIN:MAX ...] [--particles N]
                         [--draws N] [--generations G] [--seed S] [--threads T] [--set ...]
                         [--shard I/N] [--resume] [--wait SECONDES]
      concerto schema --paths                 # chaque chemin accepté par --set, --vary et explore, avec son type
      concerto validate SCÉNARIO... [--allow-large] [--strict]
      concerto init [--lang fr|en]   un scénario de départ commenté sur la sortie standard :
                                     concerto init --lang fr > ma-table.json && concerto run ma-table.json
      Chaque commande accepte --lang fr|en (par défaut : français quand LC_ALL, LC_MESSAGES ou LANG commence par fr).
      concerto gcm [--variant LOAD,ENERGY,ACCESS,DECISION] [--random-entry --runs N --seed S] [--exact]
                   [--format table|json|csv]
      concerto help | version

    OPTIONS DE RUN
      --replications N   réplications indépendantes (par défaut 100)
      --seed S           graine maîtresse, un entier de 0 à 2^64-1 (par défaut 1) ; même graine, même résultat
      --years A          années mesurées, remplace `years` du scénario
      --warmup-years W   années simulées avant de mesurer, remplace `warmupYears`
      --threads T        fils de calcul (par défaut : tous les cœurs) ; le résultat n'en dépend pas
      --allow-large      lance les scénarios au-delà du budget d'événements (docs/scenario-format.md,
                         « Limits ») ; aussi pour sweep, explore, validate
      --format F         table (par défaut), json, csv ou md (un résumé Markdown pour procès-verbaux et wikis)
      --output CHEMIN    écrit là (de façon atomique) plutôt que sur la sortie standard : un fichier
                         ordinaire ou un nouveau chemin, jamais un périphérique, un FIFO ou un dossier (code 1)
      --set CHEMIN=VALEUR  remplace une valeur du scénario, écrite dans le fichier ou laissée par défaut ;
                         les éléments d'un tableau sont désignés par leur id, tous par *, p. ex.
                         --set instances.grande-table.schedule.meetingsPerYear=6
                         --set attendance.interestFloor=0.4 --set partners.*.capacityHoursPerMonth=10 ;
                         la virgule décimale est acceptée partout où un nombre est attendu (--set x=2,5 vaut 2.5)
      --strict           refuse (code 2) un scénario qui a des avertissements (run, compare, report, validate) ;
                         sans elle, les avertissements vont sur l'erreur standard et ne changent rien
      --lang fr|en       tableaux et messages en français ou en anglais (par défaut : selon la locale)
      --measures M,M,... calcule et présente seulement ces mesures (run, compare), nommées comme dans la
                         sortie JSON : hoursPerPartnerYear, latency.medianDaysKM, instance.attendanceRate

    COMPARE
      Lance chaque scénario avec la même graine et les mêmes indices de réplication (nombres
      aléatoires communs) et présente, par mesure, une colonne par structure (moyenne et IC à 95 %) ;
      * marque une différence avec la première structure dont l'IC apparié à 95 % exclut zéro.
      --format csv donne un long tableau ordonné (structure, family, measure, unit, statistic,
      value) ; --format json, les mêmes données. --set s'applique à chaque scénario.

    SWEEP
      --vary CHEMIN=V1,V2 énumère des valeurs ; avec des virgules décimales, séparez-les par ';'
      (x=2,5;3;3,5) ; CHEMIN=MIN:MAX:PAS est un intervalle (MIN:MAX sans pas est refusé).
      Lance chaque combinaison des valeurs de --vary (la dernière varie le plus vite), chaque variante
      avec la même graine et les mêmes réplications (nombres aléatoires communs). Chaque variante
      terminée est écrite de façon atomique dans DOSSIER/cells/ ; DOSSIER/results.csv (les chemins
      variés en colonnes, puis measure, mean, sd, CI, median, p90, n) quand toutes y sont.
      --shard I/N lance les variantes k telles que k mod N = I−1 (dans un tableau de tâches Slurm,
      SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT servent quand --shard est absent) ;
      `concerto merge` réunit les dossiers des morceaux et refuse ceux de balayages différents.
      Ctrl-C arrête après la variante en cours (code 130) ; --resume saute les variantes terminées.
    EXPLORE
      Compare les structures sur ce que personne ne sait : chaque valeur du scénario qui a une entrée
      `ranges` (ou les incertitudes d'un fichier d'expérience) varie sur son intervalle, un chemin
      commun aux structures variant pour toutes à la fois. Le plan (lhs par défaut, 256 points ;
      sobol : N × (k+2) points pour les indices de Sobol ; morris : r × (k+1) points ;
      grid : levels^k) donne les points ; chaque structure est lancée à chaque point avec la même
      graine et les mêmes indices de réplication (par défaut 30). Les variantes sont écrites dès
      qu'elles se terminent (--resume, --shard et merge comme pour sweep ; le résultat ne dépend ni
      des fils ni des morceaux). DOSSIER/design.csv, results.csv (point × structure × mesure),
      robustness.csv (probabilité d'être la meilleure, regret, seuils atteints), sensitivity.csv
      et discovery.csv/discovery.md (les conditions dans lesquelles une structure en devance une
      autre ou manque un seuil). Voir docs/explore.md.
    REPORT
      Lance le scénario (ou compare les scénarios, comme compare) et écrit un seul fichier HTML
      autonome (SVG et CSS intégrés, aucun script, aucun réseau) pour les personnes qui planifient :
      par structure, un résumé en langage clair et le schéma de gouvernance ; les trois familles
      côte à côte avec leurs IC à 95 % ; les ratios de charge des partenaires ; les courbes de
      Kaplan–Meier des enjeux encore sans décision ; les parts des secteurs présents aux décisions
      comparées à la référence. --lang fr ou en (par défaut : selon la locale).
      Avec un dossier de balayage terminé (un dossier, aucun scénario, aucune option de run), écrit
      le rapport de balayage : le compromis entre les jours médians avant décision et les heures
      de réunion par partenaire (un point par variante, coloré selon l'indice de Gallagher, les
      variantes Pareto-efficaces cerclées et énumérées), les chiffres de chaque variante et un
      graphique linéaire par paramètre varié. Un balayage inachevé (sans results.csv) est refusé
      avec le code 2.
      Avec un dossier d'exploration terminé, écrit le rapport d'exploration : ce qui a été exploré
      (les structures, le plan, l'intervalle, la distribution et la raison de chaque hypothèse
      incertaine) ; par mesure, la probabilité de chaque structure d'être la meilleure avec son
      IC à 95 % et la part où elle l'est au-delà du bruit, et les seuils atteints ; le regret
      (moyenne et 90e centile) ; des graphiques en tornade des indices de sensibilité de chaque
      structure et de chaque différence avec la première ; et chaque boîte de découverte de
      scénarios en une phrase, avec un nuage des points et la boîte.

    PROCÈS-VERBAUX (docs/records.md)
      Les procès-verbaux d'une table en trois fichiers CSV dans un dossier : meetings.csv (rencontre,
      instance, date, heures, présents, absents...), items.csv (point, enjeu, instance, rencontre,
      acte, issue) et issues.csv (enjeu, type, apparition), en-têtes en français ou en anglais.
      run --records DOSSIER écrit sous cette forme les procès-verbaux d'une réplication (les K
      premières avec --records-replications; --anonymise écrit des pseudonymes à clé au lieu des
      id des partenaires). observe calcule à partir des procès-verbaux les mesures qu'ils portent,
      avec le code qui les calcule pour une simulation, dans les formats de run, ou avec --format
      html --output FICHIER.html la page de report pour l'historique mesuré (ce que les
      procès-verbaux ne portent pas y est dit non disponible, sans intervalles). Procès-verbaux
      fautifs : chaque problème avec son fichier, sa ligne et sa colonne, code 2, rien d'écrit.
      calibrate ajuste les valeurs incertaines du scénario (--uncertain CHEMIN=MIN:MAX, sinon ses
      `ranges`) aux procès-verbaux par calcul bayésien approché (rejet, puis Monte Carlo
      séquentiel ; le résultat ne dépend pas de --threads) et écrit DOSSIER/posterior.csv,
      fit.csv, SCÉNARIO-calibrated.json (médianes a posteriori, sources, plages à 90 %) et
      fit-report.fr.html / fit-report.en.html. Avec --shard I/N (ou un tableau Slurm), N
      processus partagent DOSSIER : chacun simule ses lots de chaque tour et attend ceux des
      autres (--wait SECONDES, 3600 par défaut ; ensuite code 75 : le relancer avec --resume) ;
      les sorties sont celles du calcul non partagé, octet pour octet.

    SCHEMA
      Le schéma de gouvernance d'un scénario, sans le lancer : les instances par niveau (les
      parents au-dessus), les liens de reddition de comptes, qui décide et qui entérine, la
      composition. --format text (par défaut), svg (une image autonome) ou dot (pour Graphviz :
      dot -Tpng).

    CODES DE SORTIE
      0 succès · 2 entrée invalide (utilisation, scénario) · 1 sortie impossible à écrire · 130 interrompu

    """
}
