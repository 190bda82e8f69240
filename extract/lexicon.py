"""Cue words per language: what signals a relation, its status, a negation, a role.

Each entry is a regular expression (matched case-insensitively, on word boundaries) over the
sentence in which names are already replaced by placeholders. English cues apply to every
language, since articles in other languages borrow them ("joint venture", "CEO", "partnership").
"""

from __future__ import annotations

import re

__all__ = ["cues", "source", "DOMAINS", "ROLE_TRANSLATIONS"]

_LEX: dict[str, dict[str, str]] = {
    "en": {
        "partner": r"agree(?:d|s)?(?! that| to (?:buy|acquire|sell|pay|purchase|take over|invest))|partner(?:ship|ships|s|ed|ing)?|collaborat\w*|co-?operat\w*|joint[- ]venture\w*|JV|allian\w+|allied|tie-?ups?|team(?:s|ed|ing)? up|join(?:s|ed|ing)? forces|agreements?|deals?|co-?develop\w*|jointly develop\w*|work(?:s|ed|ing)? together|work(?:s|ed|ing)?(?= (?:(?:also|closely|already|directly|extensively) )?with\b)|relationships?(?= with\b)|merger|merge|integration|talks|negotiations|ventures?|memorandum|MoU|letter of intent",
        "ended": r"ended|ends|ending|(?:to|will|would|decided to|agreed to) end|end(?: to| of)? (?:the |their |its )?(?:talks|negotiations|partnership|alliance|joint venture|cooperation|collaboration|tie-up|agreement|deal)|terminat\w+|dissolv\w+|scrapp\w+|call(?:s|ed)? off|fell apart|fall(?:s|en)? apart|collaps\w+|pull(?:s|ed)? out|withdr[ae]w\w*|walk(?:s|ed)? away|turn(?:s|ed)? (?:its|their) backs?|mov(?:es|ed) away|br(?:oke|eak|eaks) off|(?:broke|break|breaks) up|cancel\w*|dead[- ]end|no longer|did not succeed|failed|unwound|exit(?:s|ed)?|abandon\w*|g[ai]ves? up|giving up|renounc\w+|forgo(?:es|ne)?|forwent|rescind\w*|rescission|t[oe]re up|tears? up|(?:let|lets|letting) (?:\w+ ){0,3}lapse|lapsed",
        "prospective": r"talks|talking|discussions?|discuss(?:es|ed|ing)?|negotiat\w+|explor\w+|consider\w*|memorandum|MoU|letter of intent|potential|possible|possibly|could|may|might|would|plan(?:s|ned|ning)? to|aim(?:s|ed|ing)? to|stud(?:y|ying)|evaluat\w+|weigh(?:s|ing)?|mull\w*|seek(?:s|ing)?|prob\w+ a|the way (?:for|to|towards)|intend\w*|propos\w+|prospect\w*|goal|objective",
        "negation": r"not|no|never|denied|denies|deny|ruled out|rules out|rule out|nor|without",
        "with": r"with|alongside",
        "between": r"between|among|involving",
        "meet": r"met|meets|meet|meeting|meetings|talked to|held talks with|sat down with|conversations?",
        "invest": r"invest(?:s|ed|ing|ment|ments)?|stakes?|shares?|shareholding|equity|acquir\w+|acquisition|bought|buy(?:s|ing)?|purchas\w+|owns?|owned|holds?|take(?:s|n)? over|took over|taking over|takeover",
        "shareholder": r"shareholders?|investors?|owners?",
        "owned_by": r"belong(?:s)? to|will belong to|owned by|held by|controlled by",
        "from": r"from",
        "acquired_by": r"(?:was|were|is|are|has been|have been|had been|will be|would be|is being|was being)\s+(?:\w+\s+){0,2}?(?:acquired|bought|purchased|taken over)\s+by",
        "supplied_by": r"(?:is|are|was|were|has been|have been|will be|would be|is being)\s+(?:\w+\s+)?(?:supplied|provided|sourced)\s+(?:with\s+(?:[\w\-]+\s+){0,4}?)?by",
        "supplier": r"suppliers?|providers?|vendors?",
        "supply": r"suppl(?:y|ies|ied|ying)|provid(?:e|es|ed|ing)|deliver(?:s|ed|ing)?",
        "buy_from": r"sourc(?:e|es|ed|ing)|buy(?:s|ing)?|bought|purchas(?:e|es|ed|ing)|procur(?:e|es|ed|ing)|obtain(?:s|ed|ing)?|order(?:s|ed|ing)?",
        "from_seller": r"from",
        "make": r"mak(?:e|es|ing)|made|produc(?:e|es|ed|ing)|build(?:s|ing)?|built|manufactur(?:e|es|ed|ing)",
        "for": r"for",
        "subsidiary": r"subsidiary|subsidiaries|unit|division|arm|brand",
        "of": r"of",
        "parent": r"parent(?: company| group)?|owner",
        "controlled_by": r"(?:wholly[- ]|majority[- ]|fully[- ])?(?:owned|controlled)",
        "role": r"(?:chief executive(?: officer)?|CEO|CFO|CTO|COO|chief (?:financial|technology|operating|technical|design|software|digital) officer|(?:executive |vice[- ])?(?:chair(?:man|woman|person)?)|(?:vice[- ])?president|founder|co-founder|managing director|(?:senior )?managing (?:executive )?officer|general manager|(?:senior )?vice president|(?:global )?head|director|chief|boss|executive|member of the (?:board|management board|executive board|supervisory board)(?: of (?:management|directors))?|board member)",
        "role_of": r"of|at",
        "former": r"former|ex-?",
        "person_particle": r"de|di|da|van|von|der|den|le|la|du|bin|al|dos|del",
        "conj": r"and|&|as well as|plus",
        "det": r"the|its|their|a|an",
        "attend": r"during|at|attended|attending|visited|visiting",
        "them_and": r"between them and|among them and",
        "goal": r"(?:goal|aim|objective|plan|ambition) (?:is|was|would be|will be) to",
        "the_tie": r"(?:the|this|that)(?: \w+)? (?:partnership|alliance|joint venture|tie-up|collaboration|cooperation)|such (?:\w+ )?(?:tie-ups|alliances|partnerships)",
        "pair": r"(?:the|both) (?:two )?(?:companies|automakers|carmakers|firms|partners|groups|sides)|the pair|the duo",
        "backref": r"(?:the|both) (?:two )?(?:companies|automakers|carmakers|firms|groups|sides)|the pair|the duo|between them|each other",
        "their": r"their",
        "mutual": r"stakes? in each other|reciprocat\w* by (?:taking|buying|acquiring)|stakes? in one another|of each other's (?:shares|capital)|of the other's (?:shares|capital)|cross-?shareholdings?|cross-?holdings?|mutual (?:equity )?stakes?|(?:equity|share|stock) swap",
    },
    "it": {
        "partner": r"concordat\w*|hanno convenuto|concord\w+ di|partner(?:ship)?|collabor\w*|lavor(?:a|ano|ato|are|erà|eranno)(?= (?:(?:anche|già|direttamente|insieme) )?(?:con|col)\b)|cooperazion\w*|cooper\w*|joint[- ]venture|allean\w+|allea(?:no|to|ti|ta|te|rsi|ndosi|ndo)?|alleer\w+|accord[oi]|intesa|sodalizio|fare squadra|fanno squadra|unir\w* le forze|uniranno le forze|fusione|integrazione|trattativ\w*|negoziat\w*|memorandum|protocollo d'intesa|lettera d'intenti|dichiarazione d'intenti",
        "ended": r"mancat[oaie]|fallit[oaie]|terminat\w*|interrott\w*|sciolt\w*|scioglimento|rott[oaie]|rottura|fine (?:della|dell'|del|delle|alla)|cancell\w+|naufragat\w*|saltat[oaie]|sfumat[oaie]|svanit[oaie]|abbandonat\w*|ritirat\w*|ritiro|rinunci\w*|chius[oae] (?:la|il|le)|stop (?:alla|al)|non (?:sono |è )?riuscit\w*|stracciat\w*|straccia(?:no|re|to)?|interromp\w*|rescis\w*|rescind\w*|disdett\w*|disdic\w*",
        "prospective": r"trattativ\w*|negoziat\w*|colloqui|discussion\w*|esplor\w*|valut\w*|memorandum|protocollo d'intesa|lettera d'intenti|dichiarazione d'intenti|possibil\w*|potenzial\w*|prospettiv\w*|potrebbe\w*|potrebbero|ipotes\w*|speculazion\w*|intenzione|intend\w*|studiare|studio|si preparano|preparano|prepara|la strada (?:per|verso)|verso (?:la|una) (?:nuova )?(?:fusione|alleanza|partnership)|progett\w+|obiettiv\w+",
        "negation": r"non|nessun\w*|né|smentit\w*|smentisc\w*|esclud\w*|esclus\w*|senza",
        "with": r"con|col|coi|insieme a|insieme con|assieme a|assieme con",
        "between": r"tra|fra|coinvolgent[ei]|coinvolge(?:va|rà)?|impegnat[ie]|coinvolt[ie]",
        "meet": r"incontr\w*|conversazion\w*|colloqui\w*|vertic\w*",
        "invest": r"invest\w*|quot[ae]|partecipazion\w*|azion[ei]|acquis\w*|acquist\w*|rilev\w*|compr\w+|detien\w*|possied\w*|capitale",
        "shareholder": r"azionist\w*|socio|soci|investitor\w*",
        "owned_by": r"appartien\w*|apparterr\w*|detenut\w* da|in mano a|controllat\w* da",
        "from": r"da|dalla|dal|dai|dalle",
        "acquired_by": r"(?:è|sono|era|erano|fu|sarà|saranno|verrà|verranno|viene|vengono)\s+(?:stat[oaie]\s+)?(?:\w+\s+)?(?:acquisit[oaie]|rilevat[oaie]|comprat[oaie]|acquistat[oaie])\s+(?:da|dalla|dal|dall'|dai)",
        "supplied_by": r"(?:è|sono|era|sarà|saranno|verrà|viene|vengono)\s+(?:stat[oaie]\s+)?(?:\w+\s+)?(?:rifornit[oaie]|fornit[oaie]|approvvigionat[oaie])\s+(?:di\s+(?:[\w\-]+\s+){0,4}?)?(?:da|dalla|dal|dall'|dai)",
        "supplier": r"fornitor\w*",
        "supply": r"fornisc\w*|fornir\w*|fornit\w*|fornire|forniture|fornitura",
        "buy_from": r"si riforni\w*|si rifornirà|si approvvigion\w*|acquist\w*|compr\w*|ordin\w+",
        "from_seller": r"da|dal|dalla|dall'|presso",
        "make": r"produc\w*|produrr\w*|realizz\w*|costruisc\w*|fabbric\w*",
        "for": r"per",
        "subsidiary": r"controllata|controllate|filiale|divisione|consociata|marchio|affiliata|unità",
        "of": r"di|del|della|dello|dell'|dei|delle",
        "parent": r"(?:società |casa )?madre|capogruppo|controllante|proprietari[oa]",
        "controlled_by": r"controllat\w*|posseduta|detenuta",
        "role": r"(?:amministrator\w* delegat\w*|ad(?= d)|a\.d\.(?= d)|membro del (?:consiglio di amministrazione|cda|board(?: of management)?|comitato esecutivo)|vice[- ]?presidente|presidente|fondatore|fondatrice|co-?fondatore|direttore(?: generale)?|direttrice|responsabile|capo|numero uno)",
        "role_of": r"di|del|della|dello|dell'|presso",
        "former": r"ex",
        "person_particle": r"de|di|da|del|della|van|von",
        "conj": r"e|ed|nonché|oltre a",
        "det": r"il|lo|la|i|gli|le|l'|un|una|uno|suoi|sue|loro",
        "attend": r"durante|al|alla|allo|nel|nella|presso",
        "them_and": r"tra (?:di )?loro e|fra (?:di )?loro e",
        "goal": r"(?:obiettivo|scopo|intento|progetto|ambizione)\b(?:[^.;⟨⟩]|⟨P\d+⟩){0,60}?\b(?:è|sarà|sarebbe|era)",
        "the_tie": r"(?:la|questa|quella|l'|quest')\s*(?:\w+\s+)?(?:partnership|alleanza|joint venture|collaborazione|cooperazione|sodalizio)",
        "pair": r"(?:le|i) due (?:società|aziende|case(?: automobilistiche)?|gruppi|parti|partner|colossi)|entramb[ei] (?:le società|i gruppi)|il duo",
        "backref": r"(?:le|i) due (?:società|aziende|case(?: automobilistiche)?|gruppi|parti|colossi)|entramb[ei]|tra (?:di )?loro|il duo",
        "their": r"loro",
        "mutual": r"partecipazion\w* incrociat\w*|quote incrociate|incroci azionari|scambio (?:di )?(?:quote|azioni|partecipazioni)|partecipazion\w* reciproc\w*|(?:quote|partecipazioni) l'una nell'altra|(?:quote|azioni|capitale) (?:del|dell') (?:partner|altr[oa])|ricambier\w* (?:acquisendo|prendendo|rilevando)",
    },
    "fr": {
        "partner": r"convenu\w*|s'accord\w+|partenariat\w*|partenaires?|collabor\w*|coopér\w*|travaill\w*(?= (?:(?:également|aussi|déjà|directement|étroitement) )?avec\b)|co-?entreprise|entreprise commune|allian\w+|s'allie\w*|allié\w*|accord\w*|fusion|rapprochement|négociations|pourparlers|protocole d'accord|lettre d'intention|déclaration d'intention",
        "ended": r"mis fin|met fin|mettre fin|fin (?:du|de la|des)|rompu\w*|rupture|termin\w+|dissou\w+|dissolution|abandonn\w+|annul\w+|retir\w+|échou\w+|échec|renonc\w+|romp(?:t|ent|re)|résili\w+|(?:mis|met|mettre|mettent) un terme",
        "prospective": r"discussions?|négociations?|pourparlers|explor\w+|envisag\w+|étudi\w+|protocole d'accord|lettre d'intention|déclaration d'intention|possibles?|potentiel\w*|pourrai\w+|projet\w*|prévoi\w+|la voie (?:à|vers)|intention|objectif",
        "negation": r"ne|n'|pas|aucun\w*|jamais|dément\w*|exclu\w*|sans",
        "with": r"avec|aux côtés de",
        "between": r"entre|impliquant|associant",
        "meet": r"rencontr\w+|entretien\w*|réuni\w*",
        "invest": r"invest\w+|participation\w*|parts?|actions?|particip\w+|acqui\w+|rachat|rachète\w*|détien\w*|capital",
        "shareholder": r"actionnaires?|investisseurs?",
        "owned_by": r"détenu\w* par|contrôlé\w* par|appartien\w+ à|appartiendra à",
        "from": r"auprès de|de la part de",
        "acquired_by": r"(?:(?:a|ont|avait|aura|avaient)\s+été|est|sont|sera|seront)\s+(?:\w+\s+)?(?:rachet[ée]e?s?|acquise?s?|achet[ée]e?s?)\s+par",
        "supplied_by": r"(?:(?:a|ont|aura)\s+été|est|sont|sera|seront)\s+(?:\w+\s+)?(?:approvisionn[ée]e?s?|fourni[e]?s?|livr[ée]e?s?)\s+(?:en\s+(?:[\w\-]+\s+){0,4}?)?par",
        "supplier": r"fournisseurs?",
        "supply": r"fourni\w+|livr\w+",
        "buy_from": r"s'approvisionn\w*|achète\w*|achet\w*|command\w+",
        "from_seller": r"auprès de|chez|à",
        "make": r"produi\w*|fabriqu\w*|construi\w*",
        "for": r"pour",
        "subsidiary": r"filiale|division|branche|marque|unité",
        "of": r"de|du|des|d'",
        "parent": r"maison mère|société mère|propriétaire",
        "controlled_by": r"contrôlé\w*|détenu\w*",
        "role": r"(?:P-?DG|membre du (?:directoire|conseil d'administration|comité exécutif)|vice-président\w*|président(?:-directeur général)?|directeur général|directrice générale|patron|fondateur|fondatrice|cofondateur|directeur|directrice|responsable)",
        "role_of": r"de|du|des|d'|chez",
        "former": r"ancien|ancienne|ex-?",
        "person_particle": r"de|du|le|la|van|von",
        "conj": r"et|ainsi que",
        "det": r"le|la|les|l'|un|une|son|sa|ses|leur|leurs",
        "attend": r"lors du|lors de la|au|à la|pendant",
        "them_and": r"entre eux et|entre elles et",
        "goal": r"(?:objectif|but|ambition)\b(?:[^.;⟨⟩]|⟨P\d+⟩){0,60}?\b(?:est|sera|serait|était)",
        "the_tie": r"(?:le|la|ce|cette|l')\s*(?:\w+\s+)?(?:partenariat|alliance|coentreprise|coopération|collaboration)",
        "pair": r"les deux (?:groupes|entreprises|sociétés|constructeurs|partenaires)|le duo",
        "backref": r"les deux (?:groupes|entreprises|sociétés|constructeurs)|entre eux|entre elles|le duo",
        "their": r"leur|leurs",
        "mutual": r"participations? croisées?|réciproquer\w* en (?:prenant|achetant|acquérant)|(?:actions|capital|parts) (?:de l'autre|du partenaire)|échange de participations|participations? réciproques?",
    },
    "de": {
        "partner": r"arbeite[nt]?(?=\s[^.;:,⟨⟩]{0,40}(?:⟨[^.;:]{0,80})?\szusammen(?![\w-]))|zusammen ?gearbeitet|vereinbar\w*|verständig\w*|zusammenschließen|zusammengeschlossen|zusammentun|Partnerschaft\w*|Partner|Kooperation\w*|\w+(?:kooperation|partnerschaft)\w*|kooperier\w+|Zusammenarbeit|zusammenarbeit\w*|Gemeinschaftsunternehmen|Allianz|Bündnis|Vereinbarung|Abkommen|Fusion|Gespräche|Verhandlungen|Absichtserklärung",
        "ended": r"beende\w*|aufgelöst|aufgekündigt|abgebrochen|gescheitert|geplatzt|abgeblasen|abgesagt|Ende der|Aus für|zurückgezogen|gestoppt|aufgegeben|verzicht\w*|platzen|platzte[n]?|kündigte\w* (?:\S+ ){1,6}auf\b|aufgekündigt|aufkündig\w*",
        "prospective": r"Gespräche\w*|Verhandlung\w*|verhandel\w*|prüf\w+|erwäg\w+|Absichtserklärung|mögliche\w*|könnte\w*|potenziell\w*|plan\w+|sondier\w+|den Weg (?:für|zu)|Ziel\w*",
        "negation": r"nicht|kein\w*|nie|dementiert\w*|ausgeschlossen|ohne",
        "with": r"mit",
        "between": r"zwischen",
        "meet": r"getroffen|trifft|traf|Treffen|Gespräch",
        "invest": r"invest\w+|Beteiligung\w*|Anteil\w*|Aktien|beteilig\w+|übernimm\w*|übernahm|erwirb\w*|erwarb|hält",
        "shareholder": r"Aktionär\w*|Anteilseigner\w*|Investor\w*|Großaktionär\w*",
        "owned_by": r"gehör\w+|gehalten von",
        "from": r"von",
        "supplier": r"Lieferant\w*|Zulieferer\w*",
        "supply": r"liefer\w+",
        "buy_from": r"bezieht|beziehen|bezog|bezogen|kauft|kaufen|kaufte|bestellt|bestellen|bestellte",
        "from_seller": r"von|bei",
        "make": r"produzier\w*|fertigt|fertigen|baut|bauen|stellt|stellen",
        "for": r"für",
        "subsidiary": r"Tochter\w*|Sparte|Marke|Einheit|Geschäftsbereich",
        "of": r"von|des|der",
        "parent": r"Mutter\w*|Eigentümer\w*",
        "controlled_by": r"kontrolliert|gehört zu",
        "role": r"(?:Vorstandsmitglied|Mitglied des Vorstands|Vorstandschef\w*|(?<!\w)\w++(?<=chef)|(?<!\w)\w++(?<=chefin)|(?<!\w)\w++(?<=vorstand)|Vorstandsvorsitzende\w*|Chef\w*|Geschäftsführer\w*|Gründer\w*|Präsident\w*|Aufsichtsratschef\w*|Finanzchef\w*|Technikchef\w*)",
        "role_of": r"von|des|der|bei",
        "former": r"ehemalige\w*|Ex-?",
        "person_particle": r"von|van|de|der|zu",
        "conj": r"und|sowie",
        "det": r"der|die|das|den|dem|ein|eine|einen|seine|ihre",
        "attend": r"auf der|auf dem|bei der|beim|während",
        "them_and": r"zwischen ihnen und",
        "goal": r"Ziel\b(?:[^.;⟨⟩]|⟨P\d+⟩){0,60}?\b(?:ist|sei|wäre|war)",
        "the_tie": r"(?:die|diese|das|dieses)\s+(?:\w+\s+)?(?:Partnerschaft|Allianz|Kooperation|Zusammenarbeit|Gemeinschaftsunternehmen)",
        "pair": r"die beiden (?:Unternehmen|Konzerne|Hersteller|Partner)|das Duo",
        "backref": r"die beiden (?:Unternehmen|Konzerne|Hersteller)|beide|zwischen ihnen|das Duo",
        "their": r"ihre|ihrer|ihren",
        "mutual": r"Überkreuzbeteiligung\w*|(?:Anteile|Aktien) (?:am|an dem) jeweils anderen|gegenseitige\w* Beteiligung\w*|Aktientausch\w*|wechselseitige\w* Beteiligung\w*",
    },
}

# Domain terms, any language, mapped to an English label (first match in the phrase wins).
DOMAINS: list[tuple[str, str]] = [
    (r"sistemi termici e ibridi|thermal and hybrid systems|systèmes thermiques et hybrides", "thermal and hybrid systems"),
    (r"cockpit intelligent\w*|smart cockpits?|intelligent cockpits?|cockpits? intelligents?", "smart cockpits"),
    (r"guida autonoma|autonomous driving|self-driving|driverless|conduite autonome|autonomes? Fahren|robotaxi\w*", "autonomous driving"),
    (r"driver assistance|ADAS|assistenza alla guida", "driver assistance"),
    (r"(?:vehicle |car )?software|operating system|sistema operativo|logiciel\w*", "software"),
    (r"(?:battery|batteries|batterie|Batterie\w*|battery cells?|celle)", "batteries"),
    (r"chips?|semiconductor\w*|semiconduttor\w*|semi-conducteurs?|Halbleiter\w*|Chips", "chips"),
    (r"charging|ricarica|recharge|Lade\w*", "charging"),
    (r"e-?mobility|mobilità elettrica|mobilité électrique|Elektromobilität", "e-mobility"),
    (r"powertrains?|propulsor\w*|motori|engines?|moteurs?|Antrieb\w*", "powertrains"),
    (r"hybrid\w*|ibrid\w*|hybride\w*", "hybrid powertrains"),
    (r"electric vehicles?|EVs?|veicoli elettrici|auto elettriche|voitures? électriques?|véhicules électriques|Elektroautos?|E-Autos?|NEVs?", "electric vehicles"),
    (r"merger|fusione|fusion|management integration", "merger"),
]

ROLE_TRANSLATIONS = {
    "amministratore delegato": "CEO", "amministratrice delegata": "CEO", "ad": "CEO", "a.d.": "CEO",
    "chief executive": "CEO", "chief executive officer": "CEO", "pdg": "CEO", "p-dg": "CEO",
    "président-directeur général": "CEO", "directeur général": "CEO", "directrice générale": "CEO",
    "vorstandschef": "CEO", "vorstandsvorsitzender": "CEO", "vorstandsvorsitzende": "CEO",
    "presidente": "president", "président": "president", "präsident": "president",
    "fondatore": "founder", "fondatrice": "founder", "fondateur": "founder", "gründer": "founder",
    "cofondatore": "co-founder", "co-fondatore": "co-founder", "cofondateur": "co-founder",
    "direttore generale": "general manager", "finanzchef": "CFO", "technikchef": "CTO", "konzernchef": "CEO", "finanzvorstand": "CFO",
    "aufsichtsratschef": "chairman of the supervisory board", "geschäftsführer": "managing director",
    "fondatore e ceo": "founder and CEO", "founder and ceo": "founder and CEO",
    **dict.fromkeys("heads headed leads led runs ran guida guidava dirige dirigeva dirigeait leitet leitete führt "
                    "führte".split(), "head"),
    **dict.fromkeys("chairs chaired presiede presiedeva préside présidait".split(), "chairman"),
}

_CACHE: dict[str, dict[str, re.Pattern]] = {}


def source(lang: str, key: str) -> str:
    """The uncompiled alternation of cue *key* for *lang*, English cues included."""
    own = _LEX.get(lang, {})
    en = _LEX["en"][key]
    return f"{own[key]}|{en}" if key in own and lang != "en" else en


def cues(lang: str) -> dict[str, re.Pattern]:
    """Compiled cue patterns for *lang*, each also matching the English cues."""
    if lang not in _CACHE:
        merged = {}
        for key in _LEX["en"]:
            merged[key] = re.compile(rf"(?<![\w-])(?:{source(lang, key)})(?![\w])", re.IGNORECASE)
        _CACHE[lang] = merged
    return _CACHE[lang]
