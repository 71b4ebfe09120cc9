# Generates Scenarios/sept-rivieres.json (the file is the source of truth; this script records how it was written).
import json
A = "assumption: "
S = "seed (sept-rivieres-gouvernance.txt): "
sectors = [
 ("municipal","Réseau municipal"),("sante-services-sociaux","Santé et services sociaux (CISSS)"),("education","Éducation"),
 ("emploi","Emploi"),("securite-publique","Sécurité publique"),("services-garde","Services de garde éducatifs à l'enfance"),
 ("communautaire-familles","Communautaire — soutien aux familles"),("communautaire-hommes","Communautaire — hommes"),
 ("communautaire-femmes","Communautaire — femmes"),("communautaire-jeunes","Communautaire — jeunes"),
 ("perinatalite","Périnatalité"),("immigration","Immigration"),("sante-mentale","Santé mentale"),("dependance","Dépendance"),
 ("reinsertion","Réinsertion"),("justice","Justice"),("habitation","Habitation"),("action-benevole","Action bénévole")]
themes = [("developpement-social","Développement social (vision commune, priorités)"),("coordination","Coordination de la démarche"),
          ("habitation","Habitation et logement"),("securite-alimentaire","Sécurité alimentaire"),
          ("petite-enfance-familles","Petite enfance et familles")]
AG = ["0-5","6-17","18-64","65+"]
P = []
def p(id, name, sector, terr, ages, org=None, role=None, staff=False, interests=None, cap=None):
    d = {"id": id, "name": name, "sector": sector, "territory": terr, "ageGroups": ages}
    if org: d["organisation"] = org
    if role: d["role"] = role
    if staff: d["staff"] = True
    if cap: d["capacityHoursPerMonth"] = cap
    if interests: d["interests"] = interests
    P.append(d)
ALL = AG
p("coordination-territoriale","Coordonnateur territorial en développement social (MRC)","municipal","sept-iles",ALL,org="mrc-sept-rivieres",staff=True,cap=60,
  interests={"developpement-social":1,"habitation":1,"securite-alimentaire":1,"petite-enfance-familles":1})
p("ville-sept-iles","Ville de Sept-Îles","municipal","sept-iles",ALL,interests={"developpement-social":0.8,"habitation":0.8})
p("ville-port-cartier","Ville de Port-Cartier","municipal","port-cartier",ALL,interests={"developpement-social":0.8,"habitation":0.7})
p("cisss-oc-sept-iles","CISSS Côte-Nord — organisatrice communautaire (Sept-Îles)","sante-services-sociaux","sept-iles",ALL,org="cisss-cote-nord",role="organisateur-communautaire",
  interests={"developpement-social":1,"habitation":0.7,"securite-alimentaire":0.7,"petite-enfance-familles":0.7})
p("cisss-oc-port-cartier","CISSS Côte-Nord — organisateur communautaire (Port-Cartier)","sante-services-sociaux","port-cartier",ALL,org="cisss-cote-nord",role="organisateur-communautaire",
  interests={"developpement-social":1,"habitation":0.7,"securite-alimentaire":0.7,"petite-enfance-familles":0.7})
p("cisss-sante-publique","CISSS Côte-Nord — santé publique","sante-services-sociaux","sept-iles",ALL,org="cisss-cote-nord",interests={"developpement-social":0.8,"securite-alimentaire":0.8})
p("cisss-jeunesse-famille","CISSS Côte-Nord — programme jeunesse-famille","sante-services-sociaux","sept-iles",["0-5","6-17"],org="cisss-cote-nord",interests={"petite-enfance-familles":0.9})
p("centre-services-scolaire","Centre de services scolaire (Sept-Îles)","education","sept-iles",["6-17"],interests={"petite-enfance-familles":0.6,"securite-alimentaire":0.5})
p("centre-services-scolaire-pc","Centre de services scolaire (Port-Cartier)","education","port-cartier",["6-17"],interests={"petite-enfance-familles":0.6})
p("cegep","Cégep","education","sept-iles",["18-64"],interests={"habitation":0.5})
p("services-quebec","Services Québec (emploi)","emploi","sept-iles",["18-64"],interests={"developpement-social":0.6})
p("carrefour-jeunesse-emploi","Carrefour jeunesse-emploi","emploi","sept-iles",["6-17","18-64"],interests={"habitation":0.5,"securite-alimentaire":0.5})
p("service-emploi-pc","Service d'aide à l'emploi (Port-Cartier)","emploi","port-cartier",["18-64"])
p("surete-quebec","Sûreté du Québec","securite-publique","port-cartier",ALL)
p("securite-publique-si","Sécurité publique de Sept-Îles","securite-publique","sept-iles",ALL,interests={"habitation":0.5})
p("cpe-sept-iles","CPE (Sept-Îles)","services-garde","sept-iles",["0-5"],interests={"petite-enfance-familles":0.9})
p("cpe-port-cartier","CPE (Port-Cartier)","services-garde","port-cartier",["0-5"],interests={"petite-enfance-familles":0.9})
p("bureau-coordonnateur","Bureau coordonnateur de la garde en milieu familial","services-garde","sept-iles",["0-5"],interests={"petite-enfance-familles":0.8})
p("maison-familles-si","Maison des familles (Sept-Îles)","communautaire-familles","sept-iles",["0-5","6-17","18-64"],interests={"petite-enfance-familles":1,"securite-alimentaire":0.7})
p("maison-familles-pc","Maison des familles (Port-Cartier)","communautaire-familles","port-cartier",["0-5","6-17","18-64"],interests={"petite-enfance-familles":1,"securite-alimentaire":0.7})
p("ressource-hommes","Ressource pour hommes","communautaire-hommes","sept-iles",["18-64"],interests={"habitation":0.5})
p("centre-femmes","Centre de femmes","communautaire-femmes","sept-iles",["18-64","65+"],interests={"habitation":0.6,"securite-alimentaire":0.6})
p("maison-hebergement-femmes","Maison d'hébergement pour femmes","communautaire-femmes","sept-iles",["18-64"],interests={"habitation":0.8})
p("maison-jeunes-si","Maison des jeunes (Sept-Îles)","communautaire-jeunes","sept-iles",["6-17"],interests={"securite-alimentaire":0.5})
p("maison-jeunes-pc","Maison des jeunes (Port-Cartier)","communautaire-jeunes","port-cartier",["6-17"])
p("travail-de-rue","Organisme de travail de rue","communautaire-jeunes","sept-iles",["6-17","18-64"],interests={"habitation":0.7,"securite-alimentaire":0.6})
p("perinatalite","Organisme en périnatalité","perinatalite","sept-iles",["0-5","18-64"],interests={"petite-enfance-familles":0.9})
p("accueil-immigrants","Service d'accueil des personnes immigrantes","immigration","sept-iles",["18-64"],interests={"habitation":0.7})
p("sante-mentale-ressource","Ressource alternative en santé mentale","sante-mentale","sept-iles",["18-64"],interests={"habitation":0.7})
p("sante-mentale-entraide","Groupe d'entraide en santé mentale","sante-mentale","port-cartier",["18-64","65+"])
p("dependance","Organisme en dépendance","dependance","sept-iles",["18-64"],interests={"habitation":0.5})
p("dependance-prevention","Prévention des dépendances","dependance","port-cartier",["6-17","18-64"])
p("reinsertion","Organisme de réinsertion sociale","reinsertion","sept-iles",["18-64"],interests={"habitation":0.6})
p("justice-alternative","Organisme de justice alternative","justice","sept-iles",["6-17","18-64"])
p("office-habitation","Office d'habitation","habitation","sept-iles",["18-64","65+"],interests={"habitation":1})
p("comite-logement","Comité logement","habitation","port-cartier",["18-64","65+"],interests={"habitation":1})
p("action-benevole-si","Centre d'action bénévole (Sept-Îles)","action-benevole","sept-iles",["65+","18-64"],interests={"securite-alimentaire":0.9})
p("action-benevole-pc","Centre d'action bénévole (Port-Cartier)","action-benevole","port-cartier",["65+","18-64"],interests={"securite-alimentaire":0.9})
p("table-aines","Table de concertation des aînés","action-benevole","sept-iles",["65+"],interests={"habitation":0.6})
p("banque-alimentaire","Comptoir alimentaire","communautaire-familles","sept-iles",ALL,interests={"securite-alimentaire":1})
assert len(P)==40, len(P)
for d in P:
    d.setdefault("interests", {})
    d["interests"].setdefault("developpement-social", 0.75)
    d["sources"] = {"sector": S+"the sectors the seed lists (« réseau municipal, de la santé et des services sociaux, ... d'habitation et d'action bénévole »); the organisation itself is illustrative",
                    "interests": A+"interest by the organisation's mission (1 = its core mission, 0.5–0.9 = related); 0.75 in social development for every partner of the Table"}
    if "capacityHoursPerMonth" in d:
        d["sources"]["capacityHoursPerMonth"] = A+"the coordinator's meeting hours, about 60 of 140 h/month"

committee_themes = [("comite-travail-habitation","Comité de travail — habitation","habitation"),
                    ("comite-travail-securite-alimentaire","Comité de travail — sécurité alimentaire","securite-alimentaire"),
                    ("comite-travail-petite-enfance","Comité de travail — petite enfance et familles","petite-enfance-familles")]
instances = [
 {"id":"grande-table","name":"Grande Table","kind":"assembly","themes":["developpement-social"],"venue":"sept-iles",
  "source": S+"« Les rencontres de la Table sont des espaces de réflexion, d'échanges et de prises de décisions, où tous les partenaires sont conviés. »",
  "membership":{"open":True,"minInterest":0,"mandatory":["coordination-territoriale"],
     "sources":{"open":S+"« Toutes les organisations concernées par le développement social sont invitées à participer aux rencontres de la Table. »",
                "mandatory":S+"the coordinator organises the meetings with the comité de coordination"}},
  "schedule":{"meetingsPerYear":3,"jitterDays":14,"breakMonths":[7,8],
     "sources":{"meetingsPerYear":S+"« Au moins trois fois par année, se tiennent les rencontres de la TPDS_7R. »",
                "jitterDays":A+"dates set by the comité de coordination, ±2 weeks around a regular rhythm",
                "breakMonths":A+"no plenary in July and August (community-sector summer break)"}},
  "meetingHours":3,"preparationHours":1,"organiserHours":4,"agendaHours":2.5,"fixedAgendaHours":0.5,
  "quorum":{"kind":"none","source":A+"the seed sets no quorum for the Grande Table"},
  "powers":["decide","inform"],
  "decisionRule":{"mode":"consensus","voteAtAttempt":1,"voteThreshold":0.6667,"onVoteFailure":"carryOver","surveyShare":0.05,"surveyDays":14,
     "sources":{"voteAtAttempt":S+"« S'il y a absence de consensus lors d'une rencontre, un vote est effectué parmi les membres présents »",
                "voteThreshold":S+"« (majorité au 2/3) »",
                "onVoteFailure":A+"a failed vote leaves the issue for the next meeting",
                "surveyShare":S+"« Dans des cas exceptionnels, certaines décisions pourraient être prises par l'envoi d'un sondage individuel aux membres. » — share 5% is an assumption",
                "surveyDays":A+"two weeks to answer a survey"}},
  "urgentDelegate":"comite-coordination","urgentMaxWaitDays":21,
  "sources":{"meetingHours":A+"CALIBRATION: plenary 3–3.5 h","preparationHours":A+"CALIBRATION: about 1 h per meeting for members",
             "organiserHours":A+"CALIBRATION: 3–4 h for the organising staff","agendaHours":A+"2.5 h of the 3 h on dossiers",
             "fixedAgendaHours":A+"30 min of round table and committee follow-ups (« Recevoir les suivis des travaux des comités de travail »)",
             "urgentDelegate":S+"« si une décision urgente doit être prise entre deux rencontres de la Table, le comité de coordination peut prendre la décision pour l'ensemble des membres »",
             "urgentMaxWaitDays":A+"an issue that cannot wait three weeks counts as urgent"}},
 {"id":"comite-coordination","name":"Comité de coordination","kind":"coordination","themes":["coordination"],"venue":"sept-iles","parents":["grande-table"],
  "membership":{"mandatory":["coordination-territoriale"],
     "quotas":[{"count":1,"role":"organisateur-communautaire","territory":"sept-iles"},{"count":1,"role":"organisateur-communautaire","territory":"port-cartier"}],
     "elected":{"by":"grande-table","seats":4,"balance":["sector","territory"],"termYears":2},
     "sources":{"quotas":S+"« 2 organisateurs communautaires du CISSS (un de chacune des villes) »",
                "elected":S+"« Au minimum 4 organismes ou organisations implanté(e)s dans la MRC (mandat minimum de deux ans) » — designated among the Table's partners with sector and territory balance (« Veiller à la représentativité des différents secteurs »): assumption on how they are chosen",
                "mandatory":S+"« La personne embauchée à la coordination de la Table (avec droit de vote comme représentante de la MRC) »"}},
  "schedule":{"meetingsPerYear":10,"jitterDays":5,"breakMonths":[7,8],
     "sources":{"meetingsPerYear":A+"« rencontres régulières »: monthly except in summer (CALIBRATION: coordination committee monthly)"}},
  "meetingHours":2,"preparationHours":1,"organiserHours":3,"agendaHours":1.75,
  "quorum":{"kind":"count","value":4,"source":A+"a majority of its 7 members"},
  "powers":["recommend","decide","inform"],
  "decisionRule":{"mode":"consensus","voteAtAttempt":3,"voteThreshold":0.6667,"onVoteFailure":"carryOver",
     "sources":{"voteAtAttempt":S+"« S'il est impossible d'en arriver à un consensus après deux rencontres de travail sur un même sujet, le comité procède par vote à la troisième rencontre. »",
                "voteThreshold":A+"« les modalités de prise de décision seront élaborées, au besoin »: 2/3 as in the working committees"}},
  "extraMeetings":True,"extraMeetingDelayDays":7,
  "sources":{"extraMeetings":A+"the committee convenes within a week for an urgent decision","meetingHours":A+"CALIBRATION: 2–2.5 h"}},
]
for cid, name, theme in committee_themes:
    instances.append({"id":cid,"name":name,"kind":"working","themes":[theme],"venue":"sept-iles","parents":["grande-table","comite-coordination"],
      "source": S+"« Actualiser/identifier/mettre en place un comité de travail pour chaque enjeu priorisé » — which three enjeux is an assumption: the seed does not name them",
      "membership":{"open":True,"minInterest":0.5,"maxPerOrganisation":1,"mandatory":["coordination-territoriale"],
         "mandatoryFrom":[{"instance":"comite-coordination","count":1}],
         "sources":{"open":S+"« processus inclusif ouvert à tous les partenaires intéressés »",
                    "minInterest":A+"partners with an interest of at least 0.5 in the enjeu join",
                    "maxPerOrganisation":S+"« à condition qu'il n'y ait pas surreprésentation d'un organisme »",
                    "mandatory":S+"« Chaque comité de travail doit nécessairement inclure : le coordonnateur territorial »",
                    "mandatoryFrom":S+"« Chaque comité de travail doit nécessairement inclure : un membre du comité de coordination »"}},
      "schedule":{"meetingsPerYear":6,"jitterDays":7,"breakMonths":[7],
         "sources":{"meetingsPerYear":A+"CALIBRATION: working committees 4–8 a year"}},
      "meetingHours":2,"preparationHours":1,"organiserHours":3,"agendaHours":1.75,
      "quorum":{"kind":"none"},
      "powers":["decide","inform"],
      "decisionRule":{"mode":"consensus","voteAtAttempt":3,"voteThreshold":0.6667,"onVoteFailure":"carryOver",
         "sources":{"voteAtAttempt":S+"« après deux rencontres de travail sur un même sujet, le comité procède par vote à la troisième rencontre (majorité au 2/3) »"}}})

kinds = [
 {"id":"priorisation-enjeux","name":"Priorisation des enjeux","category":"priority","theme":"developpement-social","ratePerYear":1.5,"discussionHours":1.0,
  "route":[{"act":"decide","instance":"grande-table"}],
  "sources":{"route":S+"Grande Table: « Actualiser/identifier/prioriser les enjeux du territoire »","ratePerYear":A+"one or two priority exercises a year"}},
 {"id":"prise-de-position","name":"Prise de position de la Table","category":"position","theme":"developpement-social","ratePerYear":3,"urgentShare":0.3,"discussionHours":0.5,
  "route":[{"act":"decide","instance":"grande-table"}],
  "sources":{"route":S+"« Les membres pourront, à certains moments, être appelés à se positionner »","ratePerYear":A+"three positions a year","urgentShare":A+"a third of positions cannot wait for the next Grande Table"}},
 {"id":"orientation-coordination","name":"Décision de coordination (organisation, vigie, financement)","category":"other","theme":"developpement-social","ratePerYear":8,"discussionHours":0.4,"informHours":0.1,
  "route":[{"act":"decide","instance":"comite-coordination"},{"act":"inform","instance":"grande-table"}],
  "sources":{"route":S+"comité de coordination: « Veiller au bon fonctionnement de la Table et de ses instances », « Rester à l'affût des opportunités de financement »","ratePerYear":A+"about eight coordination decisions a year"}},
 {"id":"enjeu-emergent","name":"Enjeu émergent porté à la Table","category":"information","theme":"developpement-social","ratePerYear":4,"discussionHours":0.25,
  "route":[{"act":"inform","instance":"grande-table"}],
  "sources":{"route":S+"membres: « Porter les enjeux émergents à l'attention des membres de la Table »","ratePerYear":A+"about one emerging issue per Grande Table meeting"}},
]
for cid, name, theme in committee_themes:
    kinds.append({"id":"action-"+cid.replace("comite-travail-",""),"name":"Plan d'action / initiative — "+name.split("— ")[1],"category":"actionPlan","theme":theme,
      "ratePerYear":4,"discussionHours":0.75,"informHours":0.1,
      "route":[{"act":"decide","instance":cid},{"act":"inform","instance":"grande-table"}],
      "sources":{"informHours":A+"a short report-back at the Grande Table; the detail goes through the comité de coordination (« Partager, par le biais du comité de coordination, les avancements »)","route":S+"« Les comités de travail sont décisionnels concernant leurs enjeux spécifiques et ont la responsabilité d'informer les partenaires de la Table »",
                 "ratePerYear":A+"four decisions (objectives, strategies, actions, partnership agreements) a year per committee"}})

sc = {
 "id":"sept-rivieres","name":"Table de partenaires en développement social de Sept-Rivières (TPDS_7R)",
 "source":S+"structure de gouvernance présentée aux partenaires le 2 juin 2022",
 "years":3,"warmupYears":1,"startMonth":9,
 "sources":{"warmupYears":A+"one year for memberships and engagement to settle before measuring","startMonth":A+"the community sector's year starts in September"},
 "sectors":[{"id":i,"name":n} for i,n in sectors],
 "territories":[
   {"id":"sept-iles","name":"Sept-Îles","travelHours":{"port-cartier":1.7},"source":"CALIBRATION [S]/[D]: 63 km by Route 138, 45–50 min each way"},
   {"id":"port-cartier","name":"Port-Cartier","travelHours":{"sept-iles":1.7}}],
 "ageGroups":[{"id":"0-5","name":"Petite enfance (0–5)"},{"id":"6-17","name":"Jeunes (6–17)"},{"id":"18-64","name":"Adultes (18–64)"},{"id":"65+","name":"Aînés (65+)"}],
 "themes":[{"id":i,"name":n} for i,n in themes],
 "partnerDefaults":{"capacityHoursPerMonth":5,"staffCapacityHoursPerMonth":60,"engagement":0.8,"defaultInterest":0.3,
   "sources":{"capacityHoursPerMonth":A+"CALIBRATION [E]: 15–25 h/month of concertation spread over about 5 tables → about 5 h/month for this Table",
              "staffCapacityHoursPerMonth":A+"the coordinator's hours for meetings, about 60 of 140 h/month",
              "engagement":A+"CALIBRATION [E]: attendance 55–75% at plenaries",
              "defaultInterest":A}},
 "partners":P,
 "note":"Partners are illustrative organisations of the sectors the seed lists (« une quarantaine d'organismes »); their names are generic, not a roster. Interest 0.75 in developpement-social for every partner (they joined a social-development table) is an assumption.",
 "instances":instances,
 "issueKinds":kinds,
 "attendance":{"interestFloor":0.6,"availabilityShape":"exponential","availabilitySteepness":1.5,"absentCostFraction":0.25,"surveyHours":0.5,
   "source":A+"tuned so plenary attendance falls in CALIBRATION's 55–75%"},
 "deliberation":{"model":"boundedConfidence","epsilon":0.3,"mu":0.3,"exchangesPerHour":30,"consentThreshold":0.3,"supportThreshold":0.5,
   "positions":{"mean":0.62,"sd":0.2},
   "positionsBySector":{"municipal":{"mean":0.55,"sd":0.18},"sante-services-sociaux":{"mean":0.65,"sd":0.15}},
   "source":A+"Deffuant parameters and positions are not in the seed; « les partenaires de la Table prônent le consensus »"},
 "engagement":{"overloadDecay":0.08,"recoveryRate":0.15,"decisionBoost":0.01,"exitThreshold":0.2,"source":A}
}
import os, sys
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Scenarios", "sept-rivieres.json")
json.dump(sc, open(out, "w"), ensure_ascii=False, indent=2)
print("ok")
