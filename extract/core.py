"""Rule-based extraction of autokg facts from an article's text.

The text is split into sentences (offsets kept, so quotes are verbatim); names are found through
the store's names, the bundled company list and context patterns; each sentence is rewritten with
placeholders (``⟨C3⟩`` a company, ``⟨P5⟩`` a person, ``⟨E1⟩`` an event) and cue patterns of the
article's language are matched over it. No model, no download.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass

from autokg.errors import UsageError
from autokg.graph.normalize import is_date

from .lang import LANGUAGES, detect_language
from .lexicon import DOMAINS, ROLE_TRANSLATIONS, cues, source
from .names import LEGAL_FORMS, Mention, Name, NameIndex, bundled_companies, fold
from .sentences import split_sentences

__all__ = ["extract", "summarize", "PREDICATES"]

PREDICATES = ("PARTNERS_WITH", "INVESTS_IN", "SUPPLIES", "SUBSIDIARY_OF", "WORKS_FOR", "MET_WITH", "ATTENDED")
# words that name a stage of an agreement, not its purpose ("aims to", "plans to" do not count)
_STAGE = re.compile(r"(?i:memorandum|MoU|letter of intent|talks|negotiations|trattativ\w*|negoziat\w*|"
                    r"protocollo d'intesa|lettera d'intenti|dichiarazione d'intenti|protocole d'accord|lettre d'intention|"
                    r"déclaration d'intention|pourparlers|"
                    r"négociations|Absichtserklärung|Gespräche|Verhandlungen)")
_STATUS_RANK = {"ended": 3, "prospective": 2, "active": 1}
_SYMMETRIC = {"PARTNERS_WITH", "MET_WITH"}
_KEYS = {"PARTNERS_WITH": "domain", "SUPPLIES": "domain", "WORKS_FOR": "role"}
_KIND = {"Company": "C", "Person": "P", "Event": "E", "Product": "X"}

_UP = "A-ZÀ-ÖØ-ÞŁŚŽČ"
_CAP = rf"[{_UP}][\w&\-]*"
_NAME_TOK = rf"(?:[{_UP}][\w\-]*[a-zà-ÿ][\w\-]*(?:'[{_UP}][\w\-]+)?|[{_UP}]{{2,3}})"
_PLACE = re.compile(r"⟨([CPEX])(\d+)⟩")
_PCT = re.compile(r"(\d{1,3}(?:[.,]\d+)?)(?:\s*(?:%|per ?cent\b|percent\b|per cento\b|pour cent\b|Prozent\b)|-prozentig\w*)", re.I)
_TOKEN = re.compile(r"\w+")
# Capitalised words that start sentences or name places and times, never organisations or people.
_NOT_NAME = frozenset("""
the a an in on at for from by with and or but this that these those it its he she they we our his her their
il lo la le i gli un una uno di da del della dei delle nel nella per con su tra fra dopo secondo anche
les un une des du au aux dans sur avec pour par selon après der die das den dem des ein eine im am zum zur
mit von nach bei laut auch
monday tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december lunedì martedì mercoledì giovedì venerdì sabato domenica
gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre
europe europa china cina chine japan giappone italy italia france francia germany germania usa
asia america africa india korea corea reuters bloomberg nikkei linkedin twitter facebook
così inoltre tuttavia intanto quindi infatti ecco ora oggi ieri mentre poi also meanwhile however
according while when after before then today yesterday ainsi selon cependant aujourd hier alors
jedoch laut heute gestern dann mr mrs ms dr signor signora sig dott ing monsieur madame herr frau
says said adds added explains explained notes noted continues continued commenting
aggiunge spiega continua commenta sottolinea ajoute explique poursuit précise souligne erklärt ergänzt betont
""".split())


@dataclass
class _Fact:
    predicate: str
    subject: Name
    object: Name
    props: dict
    sentence: int
    confidence: float


_LEGAL_SUFFIXES = ("Inc", "Corp", "Corporation", "Co", "Ltd", "Limited", "AG", "SE", "S.A.", "S.p.A.", "SpA",
                   "Srl", "S.r.l.", "GmbH", "LLC", "plc", "PLC", "N.V.", "NV", "B.V.", "BV", "Holdings", "KGaA")


def _legal_org_pattern() -> re.Pattern:
    # case-sensitive on purpose: "Se" or "Co" in running text is not a legal form
    forms = "|".join(re.escape(f.rstrip(".")) for f in sorted(_LEGAL_SUFFIXES, key=len, reverse=True))
    return re.compile(rf"((?:{_CAP}\s+){{0,3}}{_CAP})\s+(?:{forms})(?!\w)\.?")


_LEGAL_ORG = _legal_org_pattern()
_NATIONALITY = (r"Chinese|Japanese|American|US|U\.S\.|French|German|Italian|Korean|South Korean|Swedish|British|"
                r"Indian|Taiwanese|Dutch|Spanish|cinese|giapponese|american[ao]|statunitense|frances[ei]|tedesc[ao]|"
                r"italian[ao]|corean[ao]|svedese|britannic[ao]|indian[ao]|taiwanese|olandese|spagnol[ao]|chinois[e]?|"
                r"japonais[e]?|américain[e]?|allemand[e]?|italien(?:ne)?|coréen(?:ne)?|chinesische[nr]?|japanische[nr]?|"
                r"amerikanische[nr]?|französische[nr]?|deutsche[nr]?|koreanische[nr]?")
_FIRM = (r"maker|carmaker|automaker|chipmaker|startup|start-up|firm|company|supplier|manufacturer|group|giant|"
         r"società|azienda|costruttore|produttore|casa automobilistica|gruppo|fornitore|colosso|gigante|"
         r"constructeur|entreprise|société|fabricant|équipementier|groupe|géant|Hersteller|Autobauer|Zulieferer|Konzern|Riese\w*|Anbieter")
# verbs of intention: "not" before them denies what follows ("does not intend to form ...")
_INTENT = re.compile(r"(?i:intend\w*|plan\w*|want\w*|wish\w*|aim\w*|expect\w*|seek\w*|consider\w*|"
                     r"intend\w*|vuol\w*|voglio\w*|prevede\w*|pens\w+|cerca\w*|"
                     r"envisag\w*|compte\w*|veu\w+|prévoi\w*|cherch\w*|woll\w*|will|plant|beabsichtig\w*)")
_MODAL = re.compile(r"(?i:would|could|may|might)")
_PLAN_NOUN = re.compile(r"(?i:plans?|intention|piani|progett[oi]|intenzione|projets?|intention|Pläne|Plan|Absicht)")
_CLAUSE_TURN = re.compile(r"(?i:but|while|whereas|ma|mentre|mais|tandis|aber|während|jedoch)")
_NOT_AFTER = re.compile(r"\s+(?i:not|never)\b|n't\b")
_REPORTED = re.compile(r"(?i:said|says|announced|announces|confirmed|stated|added)(?:\s+[\w\-]+){0,4}?"
                       r"\s+(?:that\s+)?(?i:they|it|he|she|the (?:two )?companies|both)\s*$")
_ROLE_ACRONYMS = frozenset("ceo cfo cto coo pdg".split())
# "... shareholder with 24 percent of the shares"
_WITH_PCT = re.compile(r"\s*,?\s*(?i:with|con|avec|mit)\s+(?:(?i:a|il|un|le|the|einem)\s+)?"
                       r"(\d{1,3}(?:[.,]\d+)?)\s*(?:%|per ?cent\b|percent\b|per cento\b|pour cent\b|Prozent\b)", re.I)
_PLACE_C = re.compile(r"⟨C(\d+)⟩")
_SELL_WORD = re.compile(r"(?i:sell\w*|sold|sale|divest\w*|vend\w*|cede\w*|cessione|céder|cession|verkauf\w*|abgeben|Abgabe)")
# titles that name heads of state and government as often as heads of companies
_POLITICAL_TITLE = re.compile(r"(?i:presiden\w*|présiden\w*|Präsident\w*|head)")
_PAREN = re.compile(r"\([^()]*\)")
# "who heads X", "che guida X": a role stated by its verb
_HEAD_VERBS = (r"(?i:heads|headed|leads|led|runs|ran|chairs|chaired|guida|guidava|dirige|dirigeva|dirigeait|presiede|"
               r"presiedeva|préside|présidait|leitet|leitete|führt|führte)")
# "at the helm of", "à la tête de", "alla guida di", "an der Spitze von": heading a company, with no title
_HEAD_OF = (r"(?i:at the (?:helm|head) of|à la tête d(?:e|u|es|')|alla guida d(?:i|el|ella|ello|ell['’])|"
            r"al timone d(?:i|el|ella|ell['’])|a capo d(?:i|el|ella|ell['’])|an der Spitze (?:von|des|der))")
_SHORT_FORM = re.compile(r"\s*\(([A-Z]{2,5})\)")
_TITLE_WORDS = frozenset("vice executive senior deputy chief acting interim global regional board member".split())
_FIRM_WORD = re.compile(rf"(?i:{_FIRM})")
_CAPSEQ = re.compile(rf"(?<![\w\-])((?:{_CAP}\s+){{0,3}}{_CAP})")
_FILLER = r"(?!(?:in|at|of|on|by|from|di|da|a|en|à|de|du|im|von|bei|based|con|with|per|for|and|e|et|und)\b)[a-zà-ÿ\-]+"
# before a name: "la cinese Hafei", "US electric truck maker Nikola", "il costruttore cinese Chery"
_DESCRIPTOR_BEFORE = re.compile(
    rf"(?<![\w])(?i:(?:{_NATIONALITY})|(?:{_FIRM}))(?:\s+(?i:(?:{_NATIONALITY})|(?:{_FIRM})|{_FILLER})){{0,3}}\s+$")
# after a name: "Boston-Power, azienda statunitense", "Veoneer, the Swedish maker"
_DESCRIPTOR_AFTER = re.compile(
    rf"\s*,\s*(?i:(?:the|a|an|un[ao]?|l'|la|il|une?|die|der|das|eine?)\s+)?(?:[\w\-]+\s+){{0,2}}?(?i:{_FIRM})\b")
# after a name: "Iveco, unità di veicoli industriali della Fiat", "Cariad, the software unit of": a unit
_UNIT_DESC_AFTER = re.compile(
    r"\s*,\s*(?i:(?:the|a|an|un[ao]?|l'|la|il|une?|die|der|das|eine?)\s+)?(?:[a-zà-ÿ][\w\-]*\s+){0,3}?"
    r"(?i:unit|division|subsidiary|unità|divisione|filiale|controllata|consociata|unité|branche|Sparte|Tochter\w*|"
    r"[\w\-]+(?:tochter|sparte|einheit))\s+"
    r"(?:[a-zà-ÿ][\w'\-]*\s+){0,4}?(?i:of|di|del|della|dello|dell'|de|du|des|d'|von|der|des)(?![\w])")
# "Saab is to be acquired by", "Opel and Vauxhall are being sold to": what is bought or sold is a company
_SOLD_AFTER = re.compile(
    r"\s*,?\s+(?:is|are|was|were|will be|has been|had been|è|sono|sarà|verrà|viene|est|sont|sera|a été)\s+"
    r"(?:[a-zà-ÿ]+\s+){0,2}?(?:acquired|bought|purchased|taken over|sold|acquisit[oaie]|rilevat[oaie]|cedut[oaie]|"
    r"vendut[oaie]|rachetée?s?|acquise?s?|cédée?s?|vendue?s?)\s+(?:by|to|da|dalla|dal|a|alla|al|par|à|au)(?![\w])")
# a second reported clause: what the first one says does not decide the status of the second
_NEW_CLAUSE = re.compile(r"(?<!\w)(?i:and that|but that|e che|ma che|et que|mais que|und dass|aber dass)(?!\w)|[;:]")
# a company named as another's rival, before the name of that other: "Uber rival Lyft"
_RIVAL_OF = re.compile(r"\s+(?i:rival|competitor|concurrent|rivale|concorrente|Konkurrent|Rivale)\s+⟨C")
# a clause of its own with a pronoun subject, between a company and the cue: "X ... as it works with Y"
_PRONOUN_CLAUSE = re.compile(r"(?<!\w)(?i:as|because|since|while|whereas|car|parce qu'|puisqu'|perché|poiché|mentre|weil|da|während)"
                             r"\s*(?i:it|they|il|elle|ils|elles|esso|essa|er|sie|es)(?!\w)")
_PREP_LAST = re.compile(r"(?<!\w)(?i:to|for|from|of|at|by|à|au|aux|pour|de|du|des|a|al|ai|alla|per|di|del|della|zu|zum|zur|für|von|vom)"
                        r"\s+(?:(?i:the|le|la|les|l'|il|lo|der|dem|den|die)\s*)?$")
# rivals, not partners: "the deal helps Toyota compete with Nissan and GM"
_COMPETE_WITH = re.compile(r"(?<!\w)(?i:compet(?:e|es|ed|ing)|rivali?zz\w*|competer\w*|compet(?:ere|ono|e)|concurrencer|rivaliser|"
                           r"konkurrier\w*)\s+(?i:with|against|con|contro|avec|contre|mit|gegen)\s+(?:(?i:the|its|i|le|la|les|den|die)\s+)?"
                           r"(?:[\w'’-]+\s+){0,3}$")
_DE_NOT_AFTER = re.compile(r"(?:\s+(?:sich|sie|er|es|daran|dort|auch|jedoch|aber))*\s+(?:nicht|kein\w*|nie)(?!\w)")
# what the goods-of-a-customer pattern needs, checked first (the pattern is slower)
_POSSESSIVE_OR_OF = re.compile(r"⟩['’]s?\s|\s(?:of|di|del|della|dei|de|du|des|von)\s+(?:\S+\s+)?⟨C")
# two names with only a space between, the second not going on: "FIAT Iveco lascia ..."
_GROUP_UNIT = re.compile(rf"(?<![\w\-⟩]\s)(?<![\w\-])⟨C(?P<a>\d+)⟩ ⟨C(?P<b>\d+)⟩(?!['’\-]|\s*(?:⟨|[{_UP}]))")
# "Veoneer (VNE.N)", "Continental (CONG.DE)": a stock ticker names a company
_TICKER_AFTER = re.compile(r"(?:'s?)?\s+\((?:[A-Z]{1,5}\.[A-Z]{1,3}|(?:NYSE|NASDAQ|Nasdaq):\s*[A-Z]{1,5})\)")
# the word just before a name, checked before the whole descriptor pattern (which is slower)
_DESC_WORD = re.compile(rf"(?i:{_NATIONALITY}|{_FIRM}|automobilistica|automobilistico)")
_LAST_WORD = re.compile(r"(\S+)\s+$")
_CONJ_WORDS = ("and", "e", "et", "und", "&")
_REPEATS = re.compile(r"(\w)\1+")
# "Germancarmaker", "Japaneseautomaker": a nationality and a word for a firm run together
_RUN_TOGETHER = re.compile(r"(?i:german|japanese|chinese|french|italian|korean|american|swedish|british|indian|us)"
                           r"(?i:carmaker|automaker|maker|company|firm|manufacturer|group|giant|supplier)")
# a step that may come: "may get a jumpstart via the acquisition of", "potrebbe acquisire", "könnte ... übernehmen"
_MAY_BEFORE = re.compile(r"(?<![\w\-])(?:may|might|could|potrebbe\w*|pourrai\w+|könnte\w*)(?![\w\-])")
# an investment still discussed: "is in talks to invest", "in trattative per acquisire", "en négociation pour"
_WITH_LAST = re.compile(r"(?<![\w\-])(?i:with|con|avec|mit)\s*$")
_TALKS_BEFORE = re.compile(r"(?<![\w\-])(?i:in talks|talks (?:about|on|over|to)|negotiat\w+|in trattativ\w+|trattativ\w+ per|"
                           r"negozi\w+ per|en (?:discussion|négociation)s?|en pourparlers|négoci\w+|in Gesprächen|"
                           r"in Verhandlungen|verhandel\w+)(?![\w\-])")
# what may follow the last name of a list of objects: the sentence's end, a clause mark, a preposition
_LIST_END = re.compile(r"\s*(?:[.,;:)]|$|\s(?:for|per|pour|für|in|nel|nella|dans|im|to|since|seit|ab|dal|depuis|"
                       r"until|bis|jusqu'|fino)\b)")
_LIST_NEXT = re.compile(rf"\s*(?:,|\s(?:and|e|et|und))\s+(?:(?:the|l'|la|il|le|les|die|der)\s*)?"
                        rf"(?:[{_UP}]|(?i:alliance|alleanza|Allianz|group|gruppo|groupe)\b)")
# the words that may join two cues into one phrase ("merger talks", "trattative di fusione")
_CUE_JOINERS = frozenset("di del della sulla per una of on for de d' du sur pour une über zur zum einer".split())


def _joins_cues(gap: str) -> bool:
    words = gap.split()
    return len(words) <= 2 and all(w.casefold() in _CUE_JOINERS for w in words)
_CONJ_BEFORE = re.compile(r"^\s+(?:and|e|et|und|&)\s+")
_NOT_ORG_START = frozenset("""
government ministry commission council parliament court union eu ue governo ministero commissione consiglio
parlamento tribunale gouvernement ministère regierung ministerium kommission state states nation united
board
province provinz provincia région region regione bundesland stadt city città ville comune municipality
joint
""".split())

# "Geely-owned Volvo", "Tencent-backed Nio", "die VW-Tochter Cariad": the owner written into a word
_OWNED_PREFIX = re.compile(rf"(?<![\w\-])([{_UP}][\w&]*)-(?:owned|controlled|backed|Tochter\w*|Marken?|Mutter\w*|Konzern|Gruppe)(?![\w\-])")
_OWNED_AFTER = re.compile(r"⟨C(?P<y>\d+)⟩-(?P<kind>owned|controlled|backed|Tochter\w*)\s+(?:[\w\-]+\s+){0,3}?⟨C(?P<x>\d+)⟩")
# "VW-China-Chef": a role with its company written into the word
_ROLE_PREFIX = re.compile(rf"(?<![\w\-])([{_UP}][\w&]*)-(?:[{_UP}][\w]*-)?(?:\w*[Cc]hef\w*|\w+vorstand|CEO|CFO|CTO)(?![\w\-])")
_HYPHEN_GROUP = re.compile(rf"(?<![\w\-])[{_UP}][\w&]*(?:-[{_UP}][\w&]*)+(?![\w\-])")
_GENERIC = frozenset("""any every more other ogni qualsiasi qualunque altre altri altra tout toute tous toutes chaque
autres jede jeder jedes jeden weitere weiteren""".split())
_MORE_STAKE = re.compile(
    r"\s*(?:,\s*(?:(?:and|e|et|und)\s+)?|(?:and|e|et|und)\s+)(?:(?:a|un|una|il|the|le|la|l')\s*)?(?:\d{1,3}(?:[.,]\d+)?\s*(?:%|per ?cent|percent|per cento|pour cent|Prozent)"
    # "... and 1 billion euros in JAC": a second sum invested
    r"|(?:€|\$|US\$)?\s*\d+(?:[.,]\d+)?\s*(?:billion|million|bn|miliard[oi]|milion[ei]|milliards?|millions?|Milliarden?|Million(?:en)?)"
    r"(?:\s+(?:of\s+)?(?:euros?|dollars?|yuan|di euro|di dollari|d'euros|de dollars|Euro|Dollar))?)"
    r"\s+(?:in|of|nella|nel|di|della|dans|de|du|an)\s+(?:(?:the|la|il|le|l'|der|dem)\s*)?⟨C(?P<k>\d+)⟩")
# between one holding and the next of the same holder: "⟨C1⟩ Ltd., a 16.8 percent stake", "⟨C0⟩ Motor Co., and
# has a 50.2 percent stake", "⟨C1⟩, il 20% (di)"; no verb but that of holding, no other name
_NEXT_HOLDING = re.compile(
    r"(?:\s+(?:Motors?|Corp|Co|Inc|Ltd|Ltd|Holdings?|Group|AG|SE|SpA|SA|S\.A|N\.V|plc)\.?)*\s*[,;]?\s*"
    r"(?:(?:and|e|ed|et|und|sowie)\s+)?(?:(?:also|has|have|holds?|owns?|ha|detiene|possiede|a|détient|possède|hält|besitzt)\s+)?"
    r"(?:(?:a|an|un|una|uno|il|lo|la|le|l'|the|einen?|einem|eine)\s*)?(?:(?:nearly|about|almost|some|circa|environ|rund|etwa)\s+)?"
    r"(?:\d{1,3}(?:[.,]\d+)?\s*(?:%|per ?cent|percent|per cento|pour cent|Prozent)(?:-prozentig\w*)?\s*)?", re.I)
_NEW_HOLDING = re.compile(r"[,;]\s*(?:(?:and|e|et|und)\s+)?(?:has|holds|owns|ha|detiene|a|détient|hält|an?|il|la|le|un|una|une|einen?|\d)\b"
                          r"|\s(?:and|e|et|und)\s+(?:has|holds|owns|ha|detiene|a|détient|hält|an?|il|la|le|un|una|une|einen?|\d)\b", re.I)
# a clause whose subject is "it": the company the text is about ("It wholly owns Daihatsu")
_IT_HOLDS = re.compile(r"\s*(?:It|Il|Elle|Esso|Essa|Er|Es|Sie)\s+(?:(?:also|already|now|wholly|fully|aussi|déjà|anche|già|auch|bereits)\s+)*"
                       r"(?:(?:has|had|ha|a|hat|holds|détient|detiene|hält)\s+)?(?:(?:a|an|un|una|il|une|einen?)\s+)?"
                       r"(?:\d{1,3}(?:[.,]\d+)?\s*(?:%|per ?cent|percent|per cento|pour cent|Prozent)\s*)?$")
_SELL = frozenset("sell sells sold selling divest divests divested vende venduto venduta cede ceduto ceduta cedere "
                  "vend vendu cède cédé verkauft verkaufen".split())
# the last word of a firm's name ("Isuzu Motors", "Fuji Heavy Industries", "Hyundai Mobility")
_ORG_HEAD = re.compile(r"Motors?|Automotive|Automobiles?|Auto|Group|Groupe|Gruppe|Industries|Holding|Electronics|"
                       r"Technologies|Mobility|Batteries|Semiconductors?|Robotics|Resources|Mining|Lithium|Metals|Minerals|"
                       r"Energy|Solutions|Systems|Logistics|Holdings|Corporation|Limited|Company")
# the last word of an investor's name ("Silk Road Fund", "Yew Tree Consortium", "Mirai Creation Investment
# Limited Partnership"), and the first word where the language puts it first ("Fondo Strategico Italiano",
# "Fonds Avenir Automobile")
_INVESTOR_HEAD = re.compile(r"Funds?|Fonds|Fondo|Capital|Consortium|Partners|Partnership|Ventures|Investments?|"
                            r"Konsortium|Consorzio")
_INVESTOR_GATE = re.compile(rf"(?<![\w\-])(?:{_INVESTOR_HEAD.pattern})(?![\w\-])")
# the capitalised words before an investor's head word, and after a head word that comes first
_INVESTOR_BEFORE = re.compile(rf"(?<![\w\-])(?:{_CAP}\s+){{1,6}}$")
_INVESTOR_AFTER = re.compile(rf"(?:\s+(?:di|de|du|des|d'|per|pour|für))?(?:\s+{_CAP}){{1,4}}(?![\w\-])")
_PARTNERSHIP_AFTER = re.compile(rf"(?:\s+(?:Limited|{_INVESTOR_HEAD.pattern}))*\s+(?:{_INVESTOR_HEAD.pattern})(?![\w\-])")


# the capitalised words after a known company's name that may name one of its units or ventures
_UNIT_NAME_TAIL = re.compile(rf" ((?:{_CAP}|[a-z][{_UP}][\w\-]*)(?: (?:{_CAP}|[a-z][{_UP}][\w\-]*)){{0,4}})(?![\w\-'’])")
# a word for a venture, a unit or a company just before a name ("the joint venture", "la société", "baptisée")
_UNIT_CONTEXT_BEFORE = re.compile(
    r"(?<![\w\-])(?i:joint[- ]venture|JV|co-?entreprise|société (?:commune|mixte)|la société|l'entreprise|the company|"
    r"the venture|subsidiary|controllata|filiale|consociata|la società|l'azienda|Gemeinschaftsunternehmen|Joint-Venture|"
    r"Tochter(?:gesellschaft|firma|unternehmen)?|das Unternehmen|called|named|dubbed|baptisée?|nommée?|"
    r"chiamat[ao]|si chiamerà|s'appellera|denominat[ao]|namens|genannt)\s*,?\s+$")
_UNIT_NAME_HEAD = re.compile(rf"{_ORG_HEAD.pattern}|{_INVESTOR_HEAD.pattern}|Vehicles?|Bus|Buses|Trucks?|Cars|Capital|"
                             r"India|China|Europe|America|Americas|Japan|Korea|Deutschland|Italia|France")
# words that only restate a company's own name after it ("Nissan Motor", "Daimler Automotive Corporation")
_RESTATING_HEAD = re.compile(r"Motors?|Automotive|Automobiles?|Auto|Group|Groupe|Gruppe|Holdings?|Corporation|Limited|"
                             r"Company|International|Industry|Industries")
# "Sumitomo Corp of Americas", "Volkswagen Group of America": a company's unit for a region
_OF_REGION = re.compile(r" of (?:the )?(?:(?:North|South|Latin|Central) )?(?:America|Americas|Europe|Asia|Japan|China|India|Canada|"
                        r"Mexico|Brazil|Korea|Australia|Africa)(?![\w\-])")
# a word that names a unit on its own after its owner's name ("Iveco Bus", "SoftBank Vision Fund" has two)
_UNIT_WORD_ALONE = re.compile(r"Bus|Buses|Trucks|Mobility|Energy|Ventures|Capital|Fund|Investments?")


def _title_case(span: str) -> bool:
    """Whether *span* is written in title case, as headlines are ("Stellantis to Halt Investments in
    ..."): there a capital opens verbs and common nouns, so it does not mark a name."""
    words = [w for w in span.split() if len(w) > 3 and w[0].isalpha()]
    return len(words) >= 4 and all(w[0].isupper() for w in words)
# an unnamed unit after its owner's possessive: "GM's autonomous vehicle operation", "Ford's battery business"
_UNIT_OF_OWNER = re.compile(r"['’]s?\s+(?:[a-z][\w\-]*\s+){0,4}?(?:operations?|units?|business(?:es)?|divisions?|arm|"
                            r"subsidiar(?:y|ies)|venture|spin-?off|affiliate)(?![\w\-])")
# a company's owner in a possessive just before it: "Alphabet's Waymo", "Intel’s Mobileye"
_OWNER_POSSESSIVE = re.compile(r"⟨C(\d+)⟩['’]s?\s+⟨C(\d+)⟩")
_AFTER_OWNED = re.compile(r"\s*(?:[.,;:)]|$|\s(?:on|in|to|for|and|with|which|that|has|had|is|was|will|said|says|"
                          r"unit|division|subsidiary|brand)\b)")
# a news dateline: the place in capitals, maybe a date, then an agency in brackets or a dash
_DATELINE = re.compile(r"^\W*([A-ZÀ-ÖØ-Þ]{3,}(?:[ \-][A-ZÀ-ÖØ-Þ]{2,})*)(?=(?:,[^\n(]{0,30})?\s*(?:\([^)]{0,30}\)\s*)?(?:--|—|–|-\s))")
# heads that also end the name of a field ("Renewable Energy", "Battery Systems"): a firm's only
# when the word before is no common word of the trade
_TOPIC_HEAD = re.compile(r"Energy|Solutions|Systems|Resources|Mining|Lithium|Metals|Minerals|Robotics|Logistics|Semiconductors?")
_TOPIC_FIRST = frozenset("""renewable clean green solar wind electric digital smart new global advanced autonomous battery
energy power mobility storage charging hydrogen fuel driver driving safety software hardware vehicle vehicles automotive
industrial critical rare raw natural sustainable circular integrated intelligent connected embedded""".split())
# what may stand between a takeover verb and the company taken: not a seller or a place ("bought
# cells from CATL", "acquired a plant in"), a word that describes the company ("son compatriote")
_TAKEOVER_NOT = re.compile(r"(?i:(?<![\w\-])(?:with|con|avec|mit|from|da|dal|dalla|dallo|dai|auprès|von|vom|in|into|nel|nella|dans|an|am|bei|of|di|del|della|"
                           r"plant|factory|site|stabilimento|usine|Werk|assets|attività|actifs)(?![\w\-]))")
_TAKEN_MORE = re.compile(r"[^⟨⟩.;:]{0,100}?(?<![\w\-])(?:and|e|et|und)\s+(?P<d>(?:[^\s⟨⟩.,;:]+\s+){1,5}?)⟨C(?P<x>\d+)⟩(?!['’]s|\s*⟨|-)")
_TAKEN_DESC = re.compile(r"(?i:compatriot\w*|connazional\w*|compatriote\w*|Landsmann|rival\w*|concurrent\w*|competitor\w*|"
                         r"concorrent\w*|Konkurrent\w*|\w+-based|business|unit|subsidiary|division|brand)")
# "agreed to buy Navistar", "the acquisition of Boston Dynamics", "übernimmt Navistar": what is
# bought is a company
_ACQUIRE_BEFORE = re.compile(
    r"(?<!\w)(?i:acquire[sd]?|acquiring|acquisition of|takeover of|take over|takes over|took over|taking over|"
    r"purchase of|to buy|agreed to buy|will buy|acquisizione di|acquisizione della|acquisirà|acquisisce|acquisito|"
    r"rilevare|rileva|rilevato|rachète|racheter|racheté|rachat de|acquisition de|übernimmt|übernommen|"
    r"Übernahme von|Übernahme des|Übernahme der|kauft|gekauft)\s+(?:(?i:the|il|la|lo|l'|le|den|die|das)\s*)?$")
# the last words of those two patterns, checked first (the patterns are slower)
_CHAIR_HINTS = ("presieduto", "chaired", "présidé", "vorsitz", "geleitet")
_OBJECT_LEAD = frozenset("""in into nella nel dans an the il la lo le der dem den die das of di della de du des von
acquire acquires acquired acquiring over buy acquisirà acquisisce acquisito rilevare rileva rilevato rachète racheter
racheté übernimmt übernommen kauft gekauft""".split())
_STAKE_IN = re.compile(r"(?<!\w)(?i:stakes?|shareholding|partecipazion[ei]|quot[ae]|participations?|Beteiligung(?:en)?|"
                       r"Anteile?)\s+(?i:in|into|nella|nel|dans|an)\s+(?:(?i:the|la|il|le|l'|der|dem)\s*)?$")
_UNIT_AFTER = re.compile(r"\s+(?i:division|unit|arm|subsidiary)(?![\w\-])")
# before a name: "BYD's battery unit FinDreams", "its own car brand, Hengchi", "la filiale PowerCo",
# "die Tochter Cariad": a unit, so a company
_UNIT_BEFORE = re.compile(
    r"(?:['’]s|(?<![\w\-])(?i:its|their|sua|suo|la|il|sa|son|seine|ihre|die|der|a new|new|une nouvelle|nouvelle|"
    r"una nuova|nuova|eine neue|neue))\s+(?:[a-zà-ÿ][\w\-]*\s+){0,3}?"
    r"(?i:unit|arm|division|subsidiary|brand|controllata|filiale|divisione|marque|Tochter\w*|Marke)\s*,?\s+$")
_UNIT_BEFORE_WORDS = ("unit", "arm", "division", "subsidiary", "brand", "controllata", "filiale", "marque", "tochter", "marke")
# "Total, via sa filiale Saft", "Total (attraverso la sua filiale Saft)", "Total (SAFT's parent company)": a
# word named as the owner of a unit, or a unit's parent, is a company even where it is also a common word
_OWNER_OF_UNIT = re.compile(
    rf"(?<![\w\-])([{_UP}][\w&\-]+)\s*(?:[,(]\s*(?i:via|through|attraverso|tramite|über|par)\s+(?i:its|sa|son|la sua|sua|il suo|"
    rf"seine[rn]?|ihre[rn]?)\s+(?:[a-zà-ÿ][\w\-]*\s+)?(?i:subsidiary|unit|filiale|controllata|Tochter\w*)(?![\w\-])"
    rf"|\(\s*[{_UP}][\w\-]*['’]s\s+parent(?:\s+company)?\s*\))")
# "GM's European brands", "Stellantis's Italian brands": where the brands are from, not one of them
_REGION_ADJ = re.compile(rf"(?:{_NATIONALITY}|European|Asian|African|Western|Eastern|Global|Premium|Luxury|Europe|Asia)")
# an owner other than the company named before "owns": a described one ("the Chinese company that owns
# NEVS"); a part owned ("owns half of"); the owned company's own owner ("owns half of JAC Motors' parent")
_NOT_WHOLE_OWNER = re.compile(rf"(?i:{_FIRM}|company|firm|group|one)\s+(?i:that|which|che|qui|die|der|das)\s+$")
_NOT_WHOLE_TARGET = re.compile(r"['’]s?\s+(?:[a-z][\w\-]*\s+)?(?i:parent|owner|holding|madre|mère|Mutter)")
_PART_AFTER_OWN = re.compile(r"\s+(?i:half|a third|a quarter|part|a part|a share|shares|la metà|un terzo|parte|la moitié|un tiers|une partie|die Hälfte|ein Drittel|einen Teil)(?![\w\-])")
_BRAND_AFTER = re.compile(r"\s+(?i:brands?)(?![\w\-])")
_BRAND_BEFORE = re.compile(r"(?<![\w\-])(?i:the brand|il marchio|la marque|die Marke|der Marke|marchio|marque|brand)\s+$")
_STAKE_IN_FIRM = re.compile(
    r"(?<!\w)(?i:stakes?|shareholding|partecipazion[ei]|quot[ae]|participations?|Beteiligung(?:en)?|Anteile?)\s+"
    r"(?i:in|into|nella|nel|dans|an)\s+(?:(?i:the|la|il|le|l'|der|dem|die|das)\s*)?(?:[\w\-]+\s+){0,3}?"
    r"(?i:company|firm|start-?up|venture|joint venture|società|azienda|start-up|entreprise|société|Unternehmen|Firma)\s+$")
_OWNED_BEFORE = re.compile(r"[\w\-]-(?:owned|controlled|backed)\s+$")
# "holds 50% of", "détient 25 % de", "hält 50 Prozent an": what a held percentage is of
_PCT_OF = re.compile(r"\d\s*(?:%|per ?cent|percent|per cento|pour cent|Prozent)\s+(?:of|in|de|du|des|di|del|della|"
                     r"dell'|an|am|in)\s+(?:(?:the|la|il|le|l'|der|dem|den)\s*)?$", re.I)
# common nouns written as capitals, never a company's name on their own
_COMMON_ACRONYMS = frozenset("ev evs bev bevs phev phevs nev nevs suv suvs ai ipo ceo cfo r&d adas ota usb gps".split())
# a capitalised word right before "maker", "carmaker", "supplier"...: a modifier ("EV maker")
_MODIFIER_OF_FIRM = re.compile(
    r"\s+(?i:maker|makers|carmaker|automaker|chipmaker|startup|start-up|firm|company|supplier|manufacturer|"
    r"produttore|costruttore|fornitore|fabricant|constructeur|fournisseur|Hersteller|Zulieferer|"
    r"producers?|producteurs?|Produzent\w*|business|businesses|Geschäft|activités?)\b")  # "a stake in the E-van business": what the business does

# German common nouns by their endings: "Batteriehersteller", "Anteilseigner", "Schlüsseltechnologie"
_DE_NOUN_END = re.compile(r"(?:hersteller|bauer|konzern|unternehmen|firma|tochter|eigner|aktionär|lieferant|zulieferer|"
                          r"riese|gruppe|technologie|ung|heit|keit|schaft|tät|ion|ismus|markt|werk|kunde|partner)"
                          r"(?:n|en|e|s|es|er)?$", re.I)  # and their plurals: "Autobauern", "Anbietern"
# a German article, possessive or inflected adjective just before a word: "dem deutschen", "eine chinesische"
_DE_DETERMINER_BEFORE = re.compile(
    r"(?<![\w\-])(?i:der|die|das|dem|den|des|ein|eine|einem|einen|einer|eines|deren|dessen|sein|seine|seinem|seinen|"
    r"seiner|ihr|ihre|ihrem|ihren|ihrer|kein|keine|jede[mnrs]?|diese[mnrs]?)\s+(?:[a-zäöüß][\w\-]*\s+){0,2}$")

def _ACRONYM_HEAD(words: list[str]) -> bool:
    """Whether a name opens with an acronym before a firm's head word: "DR Automobiles Groupe" is a
    name, though "Dr" is a title."""
    return len(words) >= 2 and words[0].isupper() and len(words[0]) >= 2 and _ORG_HEAD.fullmatch(words[-1]) is not None


# a German compound that says what kind of firm follows: "Unternehmensberatung", "Batteriehersteller"
# a German word for a brand or a unit before its name: "die Marke Mini", "die Traditionsmarke Rolls-Royce"
_DE_UNIT_HEAD = re.compile(r"(?:Marke|Tochter|Sparte|[\w\-]+(?:marke|tochter|sparte))")
# a takeover verb and a word for a firm just before a name: "absorbé il y a plusieurs années son compatriote
# Sanyo", "acquired its rival Foo", "ha rilevato il concorrente Foo"
_TAKEN_BEFORE = re.compile(
    r"(?<![\w\-])(?i:acquired|purchased|bought|took over|absorbed|racheté|absorbé|acquis|repris|acquisito|rilevato|comprato|"
    r"assorbito|übernahm|kaufte|übernommen|gekauft)\s+(?:[^\s,.;:⟨⟩]+\s+){0,6}?"
    r"(?i:compatriot\w*|connazional\w*|rival\w*|concurrent\w*|competitor\w*|concorrent\w*|Konkurrent\w*|Rivalen)\s+$")
_DE_FIRM_END = re.compile(r"[a-zäöüß](?:beratung|unternehmen|gesellschaft|konzern|hersteller|bauer|gruppe|zulieferer|"
                          r"lieferant)$")
# an inflected German adjective just before a word, with no article: "mit chinesischen Anbietern",
# "neuen Partnern" (German adjectives are written in lower case, nouns capitalised)
_DE_ADJECTIVE_BEFORE = re.compile(
    r"(?<![\w\-])[a-zäöüß][a-zäöüß]*(?:isch|ig|lich|bar|sam|los|haft|al|ell|iv|är|neu|groß|klein|alt|jung|weit|"
    r"eigen|ander|beid|viel|wenig|mehrer|einig|solch|sämtlich|führend|wichtig|bekannt|staatlich|privat)"
    r"(?:e|en|em|er|es)\s+$")

# "DaimlerChrysler tried to downplay the unravelling of its tie-up with Hyundai": a name that is
# the subject of a clause with "its" and a business tie is an organisation (English only: "suo",
# "son" and "sein" also point to people)
_ITS_TIE = re.compile(
    rf"(?<![\w\-])((?:{_CAP}\s+){{0,2}}{_CAP})\s+(?:[a-z][\w\-]*\s+){{1,10}}?its\s+(?:[\w\-]+\s+){{0,3}}?"
    r"(?:partners?|alliance|tie-up|joint venture|subsidiary|subsidiaries|shareholders|suppliers?|stake)\b")

# a name, a comma and a few words ending where the next name starts: "Waymo, controllata del
# gruppo " before "Alphabet, ..."
_ASIDE = re.compile(r"⟨C(\d+)⟩\s*,(?=\s)[^,;:()⟨⟩]{1,60}$")

# words that make a gap between two names a clause rather than a descriptor
_CLAUSE_WORDS = frozenset("""
said says say told with its their his her has had have is was were will would which who that
ha hanno è sono era disse detto con suo sua suoi sue loro che il quale
dit déclaré avec son sa ses leur leurs est sont ont qui que
sagte sagt mit sein seine seinen ihre ihren ist sind hat haben der die das dass
while whereas but mentre ma tandis mais während aber
""".split())

# "the joint venture Primearth", "la coentreprise Flexis", "sa filiale Saft", "das Gemeinschaftsunternehmen
# BBAC": a capitalised name right after a word for a venture or a unit is that venture or unit
_VENTURE_NAME = re.compile(
    rf"(?<![\w\-])(?i:joint[- ]venture|JV|co-?entreprise|Gemeinschaftsunternehmen|Joint-Venture|subsidiary|"
    rf"controllata|filiale|Tochter(?:gesellschaft|firma|unternehmen)?)\s+((?:{_CAP}\s+){{0,3}}{_CAP})")
_VENTURE_GATE = re.compile(r"venture|jv|entreprise|gemeinschafts|subsidiary|controllata|filiale|tochter")
# "the GAC venture", "the Dongfeng JV": a venture named by one of its owners
_VENTURE_OF = re.compile(r"(?<![\w\-])(?i:the|its|a)\s+⟨C(\d+)⟩\s+(?:(?i:joint)[- ])?(?i:venture|JV)(?![\w\-])")
# "owns half of", "possiede metà di", "détient la moitié de", "hält die Hälfte an": a 50% stake
_HALF = re.compile(r"(?<![\w\-])(?i:half of|half the shares of|metà (?:di|del|della|dello|delle|dell')|la moitié (?:de|du|des|d')|"
                   r"die Hälfte (?:von|an|der|des))(?![\w\-])")
_STAKE_WORD = re.compile(r"(?i:stake|shareholding|partecipazion|quot[ae]|participation|beteiligung|anteil)")
_NAMED_ORG = re.compile(
    rf"(?i:joint[- ]venture|JV|company|start-?up|subsidiary|società|azienda|filiale|controllata|coentreprise|"
    rf"co-entreprise|Gemeinschaftsunternehmen|Tochter\w*)\s*(?:,\s*|\s+(?i:called|named|dubbed|chiamat[ao]|"
    rf"denominat[ao]|nommée?|namens|genannt)\s+)((?:{_CAP}\s+){{0,3}}{_CAP})")

# "L'entreprise en question sera appelée Prime Planet Energy and Solutions", "the venture will be called
# Zentrix Power", "la società si chiamerà ...", "das Unternehmen wird den Namen ... tragen": a new company's name
_TO_BE_CALLED = re.compile(
    rf"(?<![\w\-])(?i:will be (?:called|named)|is to be (?:called|named)|sera (?:appelée?|baptisée?|nommée?)|"
    rf"s'appellera|si chiamerà|sarà (?:chiamat[ao]|denominat[ao])|(?:wird|soll) (?:den Namen|unter dem Namen))\s+"
    rf"((?:{_CAP}\s+(?:(?:and|&|e|et|und)\s+)?){{0,5}}{_CAP})")
_TO_BE_CALLED_GATE = re.compile(r"(?i:venture|entreprise|società|company|firm|unternehmen|impresa|société)")

# the words of a unit in any language, checked before the unit patterns
_UNIT_WORD = re.compile(r"(?i:unit|divisi|subsidiar|affiliat|brand|controllat|filiale|consociat|marchio|branche|marque|"
                        r"tochter|sparte|marke|einheit|geschäftsbereich|\barm\b)")
# the verbs of holding, checked before the holders' patterns
_HOLD_WORD = r"(?i:own|hold|détien|possèd|contrôl|deteng|possied|controll|halten|besitz|kontroll)"


# a capitalised word just before a company's name, neither opening another name nor in one: a given name?
_GIVEN_BEFORE_COMPANY = re.compile(rf"(?<![\w\-'’⟩.])(?P<given>[{_UP}][a-zà-ÿ]{{2,}})\s⟨C(?P<k>\d+)⟩(?!['’\-]|\s*[{_UP}⟨])")
# a verb of being now or next between a person and a title: "is", "remains", "rimarrà", "reste", "bleibt"
_BEING_VERB = (r"(?i:is|remains|will remain|will stay|will be|becomes|will become|è|rimane|rimarrà|resta|resterà|sarà|diventa|"
               r"diventerà|est|reste|restera|sera|devient|deviendra|ist|bleibt|wird|bleiben wird)")


_LITERAL_GATE = re.compile(r"\(\?i:([^()\[\]\\?*+{}.^$|]+(?:\|[^()\[\]\\?*+{}.^$|]+)*)\)")
_FOLDED: tuple[str, str] = ("", "")


def _folded(text: str) -> str:
    """*text* case-folded; the last one is kept, since every gate of a sentence asks for the same."""
    global _FOLDED
    last = _FOLDED
    if last[0] is text:
        return last[1]
    low = text.casefold()
    _FOLDED = (text, low)
    return low


class _Gated:
    """A slow pattern behind a cheap one: ``finditer`` runs the pattern only where the gate is found.
    A gate that is only words ("(?i:sell|sold|vend)") is tested as plain substrings of the case-folded
    text, which is cheaper than a case-insensitive search."""

    def __init__(self, gate: str, pattern: str):
        self.rx = re.compile(pattern)
        literal = _LITERAL_GATE.fullmatch(gate)
        self.words = tuple(w.casefold() for w in literal.group(1).split("|")) if literal else None
        self.gate = None if literal else re.compile(gate)  # words need no pattern

    def opens(self, text: str) -> bool:
        if self.gate is None:
            low = _folded(text)
            return any(w in low for w in self.words)
        return self.gate.search(text) is not None

    def finditer(self, text: str):
        return self.rx.finditer(text) if self.opens(text) else iter(())


class _Keyed:
    """A slow pattern behind a list of words: ``finditer`` runs the pattern only where one of the
    words is in the case-folded text (plain substring tests, cheaper than a case-insensitive gate)."""

    def __init__(self, words: tuple[str, ...], pattern: str):
        self.words = words
        self.rx = re.compile(pattern)

    def finditer(self, text: str):
        low = _folded(text)
        return self.rx.finditer(text) if any(w in low for w in self.words) else iter(())

    def search(self, text: str):
        low = _folded(text)
        return self.rx.search(text) if any(w in low for w in self.words) else None


class _Patterns:
    """The regular expressions of one language, built once."""

    _cache: dict[str, "_Patterns"] = {}

    @classmethod
    def get(cls, lang: str) -> "_Patterns":
        if lang not in cls._cache:
            cls._cache[lang] = cls(lang)
        return cls._cache[lang]

    def __init__(self, lang: str):
        s = lambda key: source(lang, key)  # noqa: E731
        self.cue = cues(lang)
        role, det, conj, former = s("role"), s("det"), s("conj"), s("former")
        role_of = s("role_of")
        # "R.J. Scaringe", "J.-P. Martin", "Mary T. Barra": initials before the surname or a middle one
        initials = rf"(?!U\.[SK]\.)(?:[{_UP}]\.-?){{1,3}}"
        particles = rf"(?:(?:{s('person_particle')})\s+){{0,2}}"
        person = (rf"(?:{initials}\s?{particles}{_NAME_TOK}(?:\s+{particles}{_NAME_TOK})?"
                  rf"|{_NAME_TOK}(?:\s+[{_UP}]\.)?(?:\s+{particles}{_NAME_TOK}){{1,2}})")
        name = rf"(?P<name>{person}|⟨P\d+⟩)"
        # "CEO of the carmaker Ford", "Geschäftsführer der Unternehmensberatung JSC Automotive": a word
        # for the firm before its name
        # ("responsabile del marchio Jeep", "head of the Jeep brand" is read by the unit rules)
        c = (rf"(?:(?i:alliance|alleanza|Allianz|brand|marchio|marque|Marke|{_FIRM})\s+|[\w\-]*(?:beratung|unternehmen|gesellschaft)\s+)?"
             r"⟨C(?P<org>\d+)⟩")
        c_lead = r"(?:(?i:gruppo|group|groupe|Konzern)\s+)?⟨C(?P<org>\d+)⟩"  # patterns that start with the company
        poss = r"(?:'s?)?"
        # "Executive Vice Chairman", "Senior Vice President": title words before the role word
        mods = r"(?:(?:executive|senior|deputy|group|global|regional|interim|acting|vice|co)[\s-]+){0,3}"
        # "Chief Executive Officer (CEO)": the title's short form after it in brackets
        role_g = (rf"(?<!\w)(?P<role>(?i:(?:(?:{former})\s*)?{mods}(?:{role})(?:\s+(?:{conj})\s+{mods}(?:{role}))?))"
                  rf"(?:\s*\((?:CEO|CFO|CTO|COO|PDG|AD|DG)\))?")
        # "Hyundai Executive Vice Chairman and heir apparent Euisun Chung": lower-case words after a title
        aside = rf"(?:\s+(?i:{conj})(?:\s+[a-zà-ÿ][\w\-]*){{1,3}}?)?"
        extra = r"(?P<extra>[^,;()⟨⟩.\"“”]{0,60}?)"
        # ", chairman and chief executive officer": more titles after the first
        more_roles = (rf"(?P<more_roles>(?:\s*,\s*(?i:{mods}(?:{role}))){{1,3}}(?:\s*,?\s+(?i:{conj})\s+(?i:{mods}(?:{role})))?"
                      rf"|\s+(?i:{conj})\s+(?i:{mods}(?:{role})))?")
        appoint = r"(?i:named|appointed|hired|nominat[oa]|nomina|nommée?|nomme|ernannt|ernennt|berufen)"
        self.works_for = [
            # "Stellantis CEO Carlos Tavares", "Nissan President Makoto Uchida"
            re.compile(rf"{c_lead}{poss}\s+{role_g}{aside}\s*,?\s+{name}"),
            # "Carlos Tavares, who heads Stellantis", "Luca de Meo, che guida Renault"
            _Gated(rf",\s*(?i:who|che|qui|der|die)\s+(?:\w+\s+)?{_HEAD_VERBS}", rf"{name}\s*,\s*(?i:who|che|qui|der|die)\s+(?:(?i:now|currently|ora|attualmente|actuellement)\s+)?"
                       rf"(?P<role>{_HEAD_VERBS})\s+(?:(?i:{det})\s*)?{c}"),
            # "VW-China-Chef Stephan Wöllenstein": the company written into the title
            _Gated("⟩-", rf"⟨C(?P<org>\d+)⟩-(?:[{_UP}][\w]*-)?{role_g}\s+{name}"),
            # "Lei Jun, CEO di Xiaomi", "Zhu Jiangming (fondatore di Leapmotor", "William Li, founder,
            # chairman and chief executive officer of NIO", "Yasuhide Mizuno, attualmente senior managing
            # officer di Honda": a list of titles, an adverb before them
            re.compile(rf"{name}\s*(?:,|\(|–|—)\s*(?:(?i:now|currently|formerly|attualmente|ora|già|actuellement|derzeit|"
                       rf"bisher)\s+)?(?:(?i:{det})\s*)?(?:(?i:new|nuov[oa]|nouvel(?:le)?|nouveau|neue[rn]?)\s+)?{role_g}{more_roles}{extra}\s+(?i:{role_of})\s*(?:(?i:{det})\s*)?"
                       # "chief operating officer at its alliance partner Mitsubishi Motors"
                       rf"(?:(?i:its|their|suo|sua|loro|son|sa|leur|seines|ihres)\s+(?:[a-zà-ÿ\-]+\s+){{0,1}}?(?i:partner|partenaire|Partners)\s+)?{c}"),
            # "il CEO del Gruppo Renault, Luca de Meo", "the CEO of Ford, Jim Farley"
            # "il presidente della Fiat e della Ferrari, Mario Rossi", "chairman of Ford and of Lincoln, Jane
            # Doe": the title at each company
            re.compile(rf"{role_g}{extra}\s+(?i:{role_of})\s*(?:(?i:{det})\s*)?{c}{poss}"
                       rf"(?:\s*(?:,|(?i:{conj}))\s*(?:(?i:{role_of})\s*)?(?:(?i:{det})\s*)?⟨C(?P<org2>\d+)⟩{poss})?\s*,?\s*{name}"),
            # "il presidente di Toyota (Akio Toyoda) e Mazda (Masamichi Kogai)", "the chief executives of
            # Ford (Jane Doe) and BMW (Hans Berg)": the name in brackets after each company
            _Gated(r"⟩\s*\(", rf"{role_g}s?\s+(?i:{role_of})\s*(?:(?i:{det})\s*)?{c}\s*\(\s*{name}\s*\)"),
            _Gated(r"⟩\s*\(", rf"{role_g}s?\s+(?i:{role_of})\s*(?:(?i:{det})\s*)?⟨C\d+⟩\s*\((?:[^()⟨⟩]{{1,40}}|⟨P\d+⟩)\)\s*"
                       rf"(?:,|(?i:{conj}))\s*(?:(?i:{role_of})\s*)?(?:(?i:{det})\s*)?⟨C(?P<org>\d+)⟩\s*\(\s*{name}\s*\)"),
            # "Jean Martin, à la tête de Valeo depuis 2022", "Jane Doe, who has been at the helm of Ford", "Mario
            # Rossi, alla guida di Ferrari", "Hans Berg, an der Spitze von BMW": the head of the company
            _Gated(_HEAD_OF, rf"{name}\s*(?:,|\(|–|—)\s*(?:(?i:who|che|qui|der|die)\s+(?:(?i:is|has been|was|è|era|est|était|ist|war)\s+)?)?"
                   rf"(?:(?i:now|currently|ora|attualmente|già|désormais|actuellement|seit|derzeit)\s+)?"
                   rf"(?P<role>{_HEAD_OF})\s*(?:(?i:{det})\s*)?{c}"),
            # "Jane Doe, who joined Ford earlier this year as head of development", "Mario Rossi, entrato in
            # Ferrari nel 2020 come direttore tecnico", "Jean Martin, qui a rejoint Valeo comme directeur"
            _Gated(r"(?i:join|entrat|entrerà|rejoin|wechsel)",
                   rf"{name}(?:\s*,\s*(?:⟨C\d+⟩['’]s?\s+)?[^,;()⟨⟩\"“”]{{3,90}}?(?:⟨C\d+⟩)?\s*,\s*(?i:who|che|qui|der|die)\s+"
                   rf"|\s*,?\s*(?:(?i:who|che|qui|der|die)\s+)?)(?:(?i:has|had|recently|ha|a|è|est|hat)\s+)?"
                   rf"(?i:joined|joins|will join|(?:è\s+)?entrat[oa] in|entrerà in|rejoint|rejoindra|(?:ist\s+)?wechselte zu|wechselt zu)\s+"
                   rf"(?:(?i:{det})\s*)?{c}[^,;.⟨⟩()]{{0,30}}?\s+(?i:as|come|comme|als)\s+(?:(?i:{det})\s*)?{role_g}"),
            # "confirmed Jane Doe as chief executive of Ford", "the ousting of X as chair of both Nissan and
            # Mitsubishi", "Mario Rossi come presidente di Ferrari", "Hans Berg als Chef von BMW"
            _Gated(r"(?i:\bas|come|comme|als|en tant que|in qualità di)\s",
                   rf"{name}\s*,?\s+(?i:as|come|comme|als|en tant que|in qualità di)\s+(?:(?i:{det})\s*)?{role_g}{more_roles}\s+"
                   rf"(?i:{role_of})\s*(?:(?i:{det})\s*)?(?:(?i:both|entrambe|les deux)\s+)?{c}{poss}"
                   rf"(?:\s*(?:,|(?i:{conj}))\s*(?:(?i:{role_of})\s*)?(?:(?i:{det})\s*)?⟨C(?P<org2>\d+)⟩{poss})?"),
            # "Peter Lamp, bei BMW zuständig für das Batteriegeschäft", "Jean Martin, chez Renault en charge des
            # achats", "Jane Doe, at Ford responsible for purchasing": a duty at the company
            _Gated(r"(?i:zuständig|verantwortlich|responsabil|responsable|in charge|responsible|en charge)",
                   rf"{name}\s*,\s*(?i:bei|chez|presso|at)\s+(?:(?i:{det})\s*)?{c}\s*,?\s+"
                   rf"(?P<role>(?i:zuständig|verantwortlich|responsabile|responsable|in charge|responsible|en charge))(?![\w\-])"),
            # "Mario Rossi, membro del board Ferrari", "Hans Berg (responsabile Volkswagen per lo sviluppo)":
            # the company's name right after the title, with no preposition
            re.compile(rf"{name}\s*(?:,|\()\s*(?:(?i:{det})\s*)?{role_g}{more_roles}\s+{c}(?![\w\-'’])(?!\s*⟨)"),
            # "Jane Doe of Ford as the chairman", "Mario Rossi di Ferrari assumerà l'incarico di amministratore
            # delegato", "Jean Martin de Renault sera président", "Hans Berg von BMW wird Chef": a person
            # named with the company, then the title taken
            _Gated(rf"(?<![\w\-])(?i:of|from|di|de|von|vom)\s+⟨C\d+⟩",
                   rf"{name}\s+(?i:of|from|di|de|von|vom)\s+⟨C(?P<org>\d+)⟩(?![\w\-'’⟨])\s+(?:[a-zà-ÿ'’]+\s+|[a-zà-ÿ]+['’]){{1,5}}?{role_g}(?![\w\-])"
                   rf"(?!\s+(?i:{role_of})\s*(?:(?i:{det})\s*)?⟨C)"),
            # "Jane Doe is chief executive of Ford", "Mario Rossi rimarrà presidente di Pininfarina", "Peter
            # Berg bleibt Chef von Continental": a person, a verb of being and the title
            _Gated(rf"(?<!\w){_BEING_VERB}\s+(?:\w+\s+)?(?:\w+\s+)?(?i:{role})", rf"{name}\s*(?:,\s*(?i:who|che|qui|der|die)\s+|,[^,;()⟨⟩\"“”]{{3,60}}?(?:⟨C\d+⟩)?\s*,\s*)?{_BEING_VERB}\s+(?:(?i:also|still|anche|ancora|aussi|toujours|auch|weiterhin|noch)\s+)?"
                       rf"(?:(?i:{det})\s*)?{role_g}{more_roles}{extra}\s+(?i:{role_of})\s*(?:(?i:{det})\s*)?{c}"),
            # "Carlos Tavares, Stellantis CEO", "Murat Aksel, VW-Einkaufsvorstand"
            re.compile(rf"{name}\s*,\s*(?:(?i:{det})\s+)?{c}{poss}(?:\s+|-){role_g}"),
            # "Matias Giannini è stato nominato ceo di Horse Powertrain", "Jane Doe was appointed
            # chief financial officer of Ford"
            _Gated(appoint, rf"{name}\s+(?:(?i:is|was|has been|had been|will be|è stat[oa]|sarà|viene|verrà|a été|sera|est|"
                       rf"wurde|wird|ist)\s+)?(?:(?i:also|anche|aussi|auch)\s+)?(?i:named|appointed|nominat[oa]|nommée?|"
                       rf"ernannt|berufen)\s+(?:(?i:as|come|comme|zum|zur)\s+)?(?:(?i:{det})\s*)?{role_g}{extra}\s+"
                       rf"(?i:{role_of})\s*(?:(?i:{det})\s*)?{c}"),
            # "Ford has named Jane Doe as its chief financial officer", "Renault ha nominato Mario Rossi
            # direttore generale"
            _Gated(appoint, rf"{c_lead}\s+(?:(?i:has|have|ha|hanno|a|ont|hat)\s+)?(?i:named|appointed|hired|nominato|nomina|nommé|"
                       rf"nomme|ernannt|ernennt)\s+"
                       # "has named the head of its China business, Jane Doe, to be its new chief executive"
                       rf"(?:(?i:the|its|il|la|le|l'|l’|son|sa|den|die)\s*[a-zà-ÿ][^,;()⟨⟩\"“”]{{0,60}},\s*)?"
                       rf"{name}\s*,?\s+(?:(?i:as|to be|come|comme|zum|zur)\s+)?"
                       rf"(?:(?i:its|new|suo|nuovo|nuova|sua|son|sa|nouveau|nouvelle|neuen?)\s+){{0,2}}{role_g}"),
        ]
        # "CEO and founder Henrik ⟨C⟩", "Henrik ⟨C⟩, chief executive", "Paolo ⟨C⟩ rimarrà presidente": a title
        # next to a given name and a company's name, which together name a person
        self.role_before_name = re.compile(rf"(?<!\w)(?i:{role})(?:\s+(?i:{conj})\s+(?i:{role}))?\s*,?\s*$")
        self.role_after_name = re.compile(rf"\s*(?:,\s*(?:(?i:{det})\s*)?|\s+{_BEING_VERB}\s+(?:(?i:{det})\s*)?)(?i:{role})(?![\w\-])")
        # "l'amministratore delegato Sergio Marchionne", "CEO Jane Doe": a person after a title, even
        # with no company named (so that "Marchionne" later on is that person)
        person_name = rf"(?P<name>{person})"
        self.name_after_role = re.compile(rf"(?:s|er)?\s*,?\s+{person_name}(?![\w\-])")  # matched where a role word ends
        # "board members Jane Doe and John Smith": the second person named after a title
        self.and_name = re.compile(rf"\s+(?i:{conj})\s+(?P<name>{person})(?![\w\-])")
        # "Oggi è amministratore delegato di FCA, FCA Italy e presidente di Ferrari", "He is also chairman
        # of Ferrari and Exor": the roles of the person the text has just spoken of
        self.dropped_subject = re.compile(
            r"^\W*(?:(?i:he|she|lui|lei|egli|ella|il|elle|er|sie|today|oggi|now|ora|currently|attualmente|"
            r"aujourd'hui|actuellement|heute|derzeit|jetzt)\s+){0,2}(?i:is|was|has been|è|era|è stato|fu|est|était|"
            r"a été|ist|war)\s")
        self.subject_roles = re.compile(
            rf"{role_g}\s+(?i:{role_of})\s*(?:(?i:{det})\s*)?{c}"
            rf"(?P<more>(?:\s*(?:,|(?i:{conj})|,\s*(?i:{conj}))\s*(?:(?i:{role_of})\s*)?(?:(?i:{det})\s*)?⟨C\d+⟩)*)")
        # "The automaker's CEO Jim Farley", "l'amministratore delegato della società, Mario Rossi":
        # a role at a company named by a common noun, the one the text is about
        firm_noun = (r"(?i:company|automaker|carmaker|group|firm|maker|manufacturer|supplier|società|azienda|"
                     r"casa automobilistica|casa|gruppo|costruttore|entreprise|société|groupe|constructeur|"
                     r"Unternehmens|Konzerns|Herstellers)")
        self.firm_noun = re.compile(rf"{firm_noun}|(?i:{_FIRM})|Unternehmen\w*|Gruppe|Firma")
        # "Stellantis, led by CEO Carlos Tavares", "Il gruppo ... guidato a livello globale dal CEO Carlos
        # Tavares", "dirigé par", "geführt von": who heads the company, or the firm the text is about
        led = (r"(?i:led by|headed by|run by|guidat[oa](?:\s+[\w']+){0,3}?\s+(?:da|dal|dalla|dall')|dirett[oa] (?:da|dal|dalla)|"
               r"dirigée? par|dirigée? par le|geführt von|geführt vom)")
        self.led_by = _Gated(r"(?i:led by|headed by|run by|guidat|dirett|dirigé|geführt)",
            rf"(?:⟨C(?P<org>\d+)⟩\s*,?\s+(?:[\w\-]+\s+){{0,2}}?|^\W*(?:(?i:{det})\s*)?(?P<noun>{firm_noun})(?:[^⟨⟩.;:]|⟨C\d+⟩){{0,100}}?"
            # "..., il gruppo guidato da Carlos Tavares vuole salire al 75%": the firm, just before
            rf"|(?<![\w\-⟩])(?i:{det})\s*{firm_noun}\s+)"
            rf"(?<![\w\-]){led}\s+(?:(?i:{det})\s*)?(?:(?P<role>(?i:{role}))\s+)?{name}")
        chief_exec = (r"(?i:CEO|chief executive(?: officer)?|amministratore delegato|ad|a\.d\.|AD|P-?DG|directeur général|"
                      r"Vorstandschef|Konzernchef|Vorstandsvorsitzende[rn]?)")
        self.works_for_definite = [
            re.compile(rf"(?<!\w)(?i:the)\s+(?:[\w\-]+\s+){{0,2}}?{firm_noun}['’]s\s+{role_g}\s*,?\s+{name}"),
            re.compile(rf"{role_g}\s+(?i:{role_of})\s*(?:(?i:{det})\s*)?{firm_noun}\s*,?\s+{name}"),
            # "Mario Rossi rimarrà presidente della società", "Jane Doe remains chief executive of the company"
            _Gated(rf"(?<!\w){_BEING_VERB}\s+(?:\w+\s+)?(?:\w+\s+)?(?i:{role})", rf"{name}\s*(?:,\s*(?i:who|che|qui|der|die)\s+)?{_BEING_VERB}\s+(?:(?i:also|still|anche|ancora|aussi|toujours|auch|weiterhin|noch)\s+)?"
                       rf"(?:(?i:{det})\s*)?{role_g}\s+(?i:{role_of})\s*(?:(?i:{det})\s*)?{firm_noun}(?![\w\-])(?!\s*⟨)"),
            # "said CEO Mary Barra", "illustrata dall'amministratore delegato, Carlos Tavares": a chief
            # executive named in a sentence that names no company heads the one the text is about
            # (used only then)
            re.compile(rf"(?<![\w\-⟩])(?:(?i:said|says|told|added|explained|according to|ha detto|ha spiegato|"
                       rf"ha dichiarato|ha affermato|ha sottolineato|dall'|dall’|l'|l’|a déclaré|a expliqué|"
                       rf"selon|sagte|erklärte|so)\s*)"
                       # "ha affermato il Ceo X", "a déclaré le PDG X", "sagte der Vorstandschef X"
                       rf"(?:(?i:the|its|il|lo|le|la|der|sein|seine)\s+)?"
                       rf"(?P<role>{chief_exec})\s*,?\s+{name}"),
            # "CEO Jane Doe described the platform", "Il Ceo Mario Rossi ha spiegato": a chief executive
            # as the subject of a sentence that names no company
            re.compile(rf"^\W*(?:(?i:the|its|il|lo|l'|l’|le|la|der|die)\s*)?(?:(?i:new|nuovo|nouveau|neue)\s+)?"
                       rf"(?P<role>{chief_exec}(?:\s+(?i:{conj})\s+(?i:{role}))?)\s*,?\s+{name}(?=\s*,?\s+[a-zà-ÿ])"),
            # "Il nuovo amministratore delegato si chiama Mario Rossi", "The new chief executive will be Jane
            # Doe", "Le nouveau PDG s'appelle Jean Martin", "Der neue Chef heißt Hans Berg": a new title
            # with no company, the one the text is about
            re.compile(rf"^\W*(?:(?i:the|its|il|lo|l'|l’|le|la|der|die)\s*)?(?i:new|nuov[oa]|nouvel(?:le)?|nouveau|neue[rn]?)\s+"
                       rf"(?P<role>(?i:{role}))\s+(?i:si chiama|sarà|will be|is|s'appelle|s’appelle|sera|est|heißt|wird|ist)\s+{name}"),
            # "Makoto Uchida, CEO del produttore automobilistico giapponese", "Jim Farley, CEO of the
            # American carmaker": which company, the description says
            _Gated(rf",\s*(?:(?i:{det})\s*)?{role_g}\s+(?i:{role_of})\s*(?:(?i:{det})\s*)?(?:[\w\-]+\s+){{0,2}}?"
                   rf"(?:{firm_noun}|(?i:{_FIRM}))",
                   rf"{name}\s*,\s*(?:(?i:{det})\s*)?{role_g}\s+(?i:{role_of})\s*(?:(?i:{det})\s*)?"
                       rf"(?P<desc>(?:[\w\-]+\s+){{0,2}}?(?:{firm_noun}|(?i:{_FIRM}))(?:\s+[a-zà-ÿ][\w\-]*){{0,2}})(?![\w\-])(?!\s*⟨)"),
        ]
        # "under CEO Carlos Tavares", "CEO and founder Henrik Fisker", "l'amministratore delegato Elon Musk",
        # "former chairman Carlos Ghosn": a title with no company attached, before a person's name
        # "The two will form a joint venture", "Together, the two companies would develop": the pair named
        # just before, acting together
        self.the_two = re.compile(r"(?<![\w\-])(?i:the two|both|i due|entrambi|les deux|tous deux|die beiden|beide)"
                                  r"(?=\s+(?i:will|would|have|had|are|were|plan\w*|signed|agreed|intend\w*|hanno|avevano|"
                                  r"sono|saranno|ont|avaient|sont|seront|vont|haben|hatten|sind|werden|wollen)\b)")
        # "Questa partnership rafforzerà ...", "cette alliance", "this tie-up": the tie of the pair just named
        self.this_tie = re.compile(r"(?<![\w\-])(?i:this|questa|quest['’]|cette|diese[rs]?)\s*(?:[\w\-]+\s+){0,3}?"
                                   r"(?i:partnership|alliance|alleanza|tie-up|cooperation|collaboration|collaborazione|cooperazione|"
                                   r"partenariat|coopération|Partnerschaft|Allianz|Kooperation|Zusammenarbeit)(?![\w\-])")
        self.together = re.compile(r"(?<![\w\-])(?i:together|jointly|insieme|congiuntamente|ensemble|conjointement|"
                                   r"gemeinsam)(?![\w\-])")
        # "X has been appointed CEO of the new company", "Y, nominato CEO della neonata azienda", "Z wurde
        # zum Chef des neuen Unternehmens ernannt": the company just founded, named before
        new_firm = (rf"(?i:new|newly[- ]formed|newly[- ]created|nuov[oa]|neonat[oa]|neo-?costituit[oa]|nouvel(?:le)?|nouveau|"
                    rf"neue[nmrs]?|neu gegründete[nmrs]?)\s+(?:[\w\-]+\s+)?(?:{firm_noun}|(?i:{_FIRM})|(?i:joint[- ]venture|"
                    rf"venture|realtà|entità|entité|co-?entreprise|Gemeinschaftsunternehmens?|Unternehmens?|Firma))(?![\w\-])")
        be = r"(?i:is|was|has been|had been|will be|è stat[oa]|sarà|viene|verrà|a été|sera|est|wurde|wird|ist)"
        new_gate = r"(?i:new|nuov|neonat|neo-?costituit|nouvel|nouveau|neue|neu gegr)"
        self.appointed_new = [
            _Gated(new_gate, rf"{name}\s*,?\s+(?:{be}\s+)?(?:(?i:also|anche|aussi|auch)\s+)?(?i:named|appointed|nominat[oa]|nommée?)\s+"
                             rf"(?:(?i:as|come|comme)\s+)?(?:(?i:{det})\s*)?{role_g}\s+(?i:{role_of})\s*(?:(?i:{det})\s*)?{new_firm}"),
            _Gated(new_gate, rf"{name}\s+{be}\s+(?:(?i:zum|zur)\s+){role_g}\s+(?i:des|der)\s+{new_firm}\s+(?i:ernannt|berufen)"),
        ]
        self.past_title = re.compile(rf"(?<![\w\-])(?i:{former}|previous|precedente|ancien(?:ne)?|früher\w*|ehemalig\w*|vormalig\w*)(?![\w])")
        self.bare_title = re.compile(rf"{role_g}{more_roles}(?:s|er)?\s*,?\s+⟨P(?P<p>\d+)⟩(?:\s+(?i:{conj})\s+⟨P(?P<p2>\d+)⟩)?")
        # "appointed Jane Doe and John Smith to the board of Ford", "ha inserito X (...) e Y (...) nel consiglio
        # d'amministrazione Italdesign", "au conseil d'administration de", "in den Aufsichtsrat von": seats on the board
        # The names are read back from the board, piece by piece (a pattern for the whole list would try
        # every way of cutting a long list of names into people before finding no board after it).
        self.board_seats = _Keyed(
            ("board", "consiglio", "cda", "conseil", "aufsichtsrat", "verwaltungsrat"),
            rf"(?<=\s)(?i:to (?:the|its) (?:supervisory )?board(?: of directors)?|nel (?:suo )?(?:consiglio d['’]amministrazione|consiglio di amministrazione|cda|board)|"
            rf"au conseil (?:d['’]administration|de surveillance)|in den (?:Aufsichtsrat|Verwaltungsrat))"
            rf"(?:\s*(?:(?i:of|di|della|del|de|du|von|der|des)\s*)?(?:(?i:{det})\s*)?⟨C(?P<org>\d+)⟩)?")
        self.board_item = re.compile(rf"(?:{person}|⟨P\d+⟩)")
        self.board_last = re.compile(rf"(?<![\w\-])(?:{person}|⟨P\d+⟩)$")
        self.board_split = re.compile(rf"\s*(?:,|(?<![\w\-])(?i:{conj})(?![\w\-]))\s*")
        # "Jane Doe, who will succeed John Smith as CEO", "qui succède à Jean Martin", "che succederà a
        # Mario Rossi", "folgt auf Peter Berg": the one succeeded held the post at the same company
        two = lambda g: rf"(?P<{g}>{person}|⟨P\d+⟩)(?![\w\-])"  # noqa: E731
        self.succeeds = _Keyed(
            ("succe", "succè", "succé", "replac", "rempla", "sostitu", "folgt", "nachfolge", "ersetzt"),
            rf"{two('a')}(?:\s*,[^;()\"“”⟨]{{0,90}}?(?:⟨C\d+⟩[^;()\"“”⟨,]{{0,30}})?,\s*|\s*,?\s*)(?:(?i:who|che|qui|der|die)\s+)?(?:(?i:will|would|has|had|a|ha|hat|wird)\s+)?"
            rf"(?i:succeed(?:s|ed)?|replace[sd]?|succède à|succéder(?:a|ait) à|succédé à|remplacer(?:a|ait)?|remplacé|"
            rf"remplace|succede a|succederà a|succeduto a|sostituisce|sostituirà|sostituito|folgt auf|folgte auf|"
            rf"(?:tritt|trat) die Nachfolge von|ersetzt)\s+(?:(?i:en|in|im|a|in)\s+\w+\s+)?{two('b')}"
            rf"(?:\s*,?\s+(?i:as|come|comme|als)\s+(?:(?i:{det})\s*)?{role_g})?")
        # "his predecessor John Smith", "il suo predecessore Mario Rossi", "son prédécesseur", "sein
        # Vorgänger": the predecessor of a person named in the sentence, at that person's company
        self.predecessor = _Keyed(
            ("predecess", "prédécess", "vorgänger"),
            rf"(?<![\w\-])(?i:predecessor|predecessore|prédécesseur|Vorgänger(?:in)?)\s*,?\s+{two('b')}")
        # "Lee Ma e Juan Ferrera sono rispettivamente stati nominati direttore finanziario e ...", "Jane Doe was
        # named chief financial officer": an appointment that names no company, at the one of the last one
        # (the list is atomic: once read it is not cut again, or a long list with no appointment after it
        # would be tried in every way of cutting it into names)
        one = rf"(?:{_NAME_TOK}(?:\s+{_NAME_TOK}){{1,2}}|⟨P\d+⟩)"
        self.appointed_too_de = _Gated(
            r"(?i:ernannt|berufen)",
            rf"(?<![\w\-])(?P<names>(?>{one}(?:\s*(?:,|(?i:{conj}))\s*{one})*))\s+(?i:wurden|wurde|werden|wird)\s+(?:(?i:jeweils|auch)\s+)?"
            rf"(?i:zum|zur)\s+{role_g}(?:\s+(?i:und|sowie)\s+(?i:zum|zur)\s+[^⟨⟩.;]{{0,40}}?)?\s+(?i:ernannt|berufen)")
        self.appointed_too = _Gated(
            r"(?i:named|appointed|nominat|nommé|ernannt|berufen)",
            rf"(?<![\w\-])(?P<names>(?>{one}(?:\s*(?:,|(?i:{conj}))\s*{one})*))\s+(?i:are|were|have|has|is|was|will be|sono|è|sarà|saranno|"
            rf"furono|ont|a|sont|seront|wurden|wurde|werden|wird)\s+(?:(?i:respectively|rispettivamente|respectivement|jeweils|also|"
            rf"anche|aussi|auch|been|stati|stato|stata|state|été)\s+){{0,3}}(?i:named|appointed|nominat[oaie]|nommée?s?|ernannt|berufen)\s+"
            rf"(?:(?i:as|come|comme|zum|zur)\s+)?(?:(?i:{det})\s*)?{role_g}(?![^.;]*?(?<![\w\-])(?i:{role_of})\s*(?:(?i:{det})\s*)?⟨C)")
        # "Richard Palmer, direttore finanziario, ...", "said Jane Doe, chief financial officer.", "Alfredo
        # Altavilla, responsabile Emea del gruppo": a title after a name, with no company after it
        self.conj_words = conj
        self.name_title = _Gated(
            rf",\s*(?:(?i:{det})\s+)?(?i:{mods}(?:{role}))",
            rf"(?<![\w\-]){name}\s*,\s*(?:(?i:{det})\s+)?{role_g}{more_roles}"
            # "a board member responsible for purchasing", "responsabile degli acquisti", "en charge des achats",
            # "zuständig für den Einkauf": the duty of the title
            rf"(?P<qual>(?<=(?i:responsabile))\s+(?i:del|della|dello|dei|degli|delle)\s+[a-zà-ÿ][\w\-]*"
            rf"|\s+(?:(?i:responsible for|in charge of|responsabile (?:del|della|dello|dei|degli|delle|di)|"
            rf"en charge (?:de la|du|des|de)|chargée? (?:de la|du|des|de)|zuständig für(?: den| die| das)?)\s+[\w\-]+"
            rf"|(?!(?i:{role_of}|{det}|{conj})(?![\w\-]))[a-zà-ÿ][\w\-]*))?(?:\s+[A-Z](?:[A-Z]{{1,4}}|[a-z]{{2,4}})(?![\w\-]))?"
            rf"(?:\s+(?i:{role_of})\s*(?:(?i:{det})\s*)?{firm_noun})?"
            rf"\s*(?!,\s*(?:(?i:{conj})\s+)?(?i:{mods}(?:{role})))"  # not the first of several titles ("founder, chairman ... of NIO")
            rf"(?=[,;.)]|$|\s+(?i:said|says|ha detto|ha dichiarato|ha spiegato|a déclaré|a dit|a expliqué|sagte|erklärte))")
        # "Il gruppo indiano, già proprietario di Jaguar Land Rover", "the Indian group, already the owner of
        # Jaguar Land Rover": the owner named by a description
        self.described_owner = _Gated(
            r"(?i:owner|propri[eé]t|Eigentümer)",
            rf"(?<!\w)(?i:{det})\s*(?P<desc>(?:[\w\-]+\s+){{0,2}}?(?:{firm_noun}|(?i:{_FIRM}))(?:\s+[a-zà-ÿ][\w\-]*){{0,2}}?)"
            rf"\s*,?\s*(?:(?i:già|already|déjà|bereits|also|anche|aussi|auch)\s+)?(?:(?i:the|il|le|la|der)\s+|l')?"
            rf"(?i:owner|proprietari[oa]|propriétaire|Eigentümer\w*)\s+(?i:{s('of')})\s*(?:(?i:{det})\s*)?⟨C(?P<x>\d+)⟩")
        # ("Ford Motor Co. and Waymo": the abbreviation's dot left after the name ends no sentence)
        gap_list = rf"^(?:\.(?=,|\s+(?:{conj})\b))?\s*(?:,|(?i:{conj})|,\s*(?i:{conj}))\s*(?:(?i:{det})\s*)?$"
        self.list_gap = re.compile(gap_list)
        # a list item with a descriptive apposition: "Fca, il colosso dei microchip Intel e Mobileye",
        # "Veoneer, the Swedish maker, and Qualcomm"
        # ("U.S. startup Slate": an abbreviation with dots is one word)
        words = r"(?:(?:[\w\-'’]+|(?:[A-Z]\.){2,})\s+){0,4}?"
        self.appos_gap = re.compile(
            rf"^\s*(?:,\s*(?:(?i:{det})\s*)?(?P<a>{words}[\w\-'’]+)\s*,\s*(?:(?i:{conj})\s+)?"
            rf"|(?:,|(?i:{conj})|,\s*(?i:{conj}))\s+(?:(?i:{det})\s*)?(?P<b>{words}[\w\-'’]+\s+))(?:(?i:{det})\s*)?$")
        # "with the Chinese firm", "con il produttore statunitense di veicoli elettrici": a descriptor
        # of the partner between the word and the name
        self.with_before = re.compile(
            rf"(?i:{s('with')})\s+(?:[\w'\-]+\s+){{0,4}}$|(?i:{s('with')})\s+(?:(?i:{det})\s*)?$"
            rf"|(?i:{s('with')})\s+(?:(?i:{det})\s*)?(?:[\w\-]+\s+)?(?i:{_FIRM})\s+(?:[\w'\-]+\s+){{1,5}}$"
            # "partnered with a number of chip companies, including Qualcomm, TSMC and Renesas"
            rf"|(?i:{s('with')})\s+(?:[\w'\-]+\s+){{0,6}}[\w'\-]+\s*,?\s*(?i:including|such as|among them|tra cui|fra cui|"
            rf"come|dont|notamment|comme|darunter|etwa|wie|unter anderem)\s*:?\s*(?:(?i:{det})\s*)?$")
        self.between_after = re.compile(rf"^\s*(?:[\w']+\s+){{0,8}}?(?i:{s('between')})\s+(?:(?i:{det})\s*)?$")
        self.direct_after = re.compile(
            rf"^\s+(?:(?i:will be|is|are|sarà|saranno|è|sono|sera|seront|est|ist|sind|wird)\s+)?(?:(?i:{det})\s*)?$")
        self.venture = re.compile(r"(?i:joint[- ]venture\w*|JV|co-?entreprise|entreprise commune|"
                                  r"Gemeinschaftsunternehmen)")
        self.control = re.compile(r"(?i:owns|own|controls|possiede|possiedono|controlla|controllano|contrôle|besitzt|kontrolliert)")
        self.relative = re.compile(r"(?:,|\s[-–—])\s*(?i:which|who|that|che|il quale|la quale|qui|lequel|laquelle|die|der|das|welche[rs]?)\b[^,;:]*")
        self.of_after = re.compile(rf"^\s+(?i:{s('of')})\s*(?:(?i:{det})\s*)?$")
        self.prep_before = re.compile(
            r"(?i:\b(?:in|into|of|di|del|della|dello|dell'|dei|nel|nella|in|dans|de|du|d'|an|bei|am|von)\b\s*"
            r"(?:[\w'\-]+\s+){0,5})$")
        self.prep_word = re.compile(
            r"(?i:\b(?:in|into|of|di|del|della|dello|dell'|dei|nel|nella|dans|de|du|d'|an|bei|am)\b)")
        self.shareholder = re.compile(
            rf"⟨C(?P<t>\d+)⟩{poss}\s+(?:(?i:largest|biggest|major|main|top|maggiore|principale|primo)\s+)?"
            rf"(?i:{s('shareholder')})\s+⟨C(?P<i>\d+)⟩")
        # "Mitsubishi, di cui Nissan è la principale azionista", "Mitsubishi, of which Nissan is the
        # largest shareholder": the shareholder of the company before the relative
        self.shareholder_of_which = re.compile(
            rf"⟨C(?P<t>\d+)⟩\s*,?\s*(?i:of which|in which|di cui|della quale|del quale|dont|deren|dessen|an der|an dem)\s+"
            rf"⟨C(?P<i>\d+)⟩\s+(?i:is|was|remains|è|era|resta|rimane|est|reste|ist|war|bleibt)\s+(?:(?i:{det})\s*)?"
            rf"(?:[\w\-]+\s+){{0,2}}?(?i:{s('shareholder')})")
        # "Stellantis became the largest shareholder in Leapmotor"
        self.shareholder_in = re.compile(
            rf"⟨C(?P<i>\d+)⟩\s*,?\s+(?:[\w\-]+\s+){{0,4}}?(?i:{s('shareholder')})\s+(?i:in|of|di|del|della|de|du|d'|an|bei)\s*"
            rf"(?:(?i:{det})\s*)?⟨C(?P<t>\d+)⟩")
        # "Sinochem is Pirelli's largest shareholder", "Nissan è il maggiore azionista di Mitsubishi" is above
        self.shareholder_is = re.compile(
            rf"⟨C(?P<i>\d+)⟩\s+(?i:is|was|becomes|became|remains|will be|has become)\s+(?:(?i:now|still|also)\s+)?"
            rf"⟨C(?P<t>\d+)⟩['’]s?\s+(?:[\w\-]+\s+){{0,2}}?(?i:{s('shareholder')})(?![\w\-])")
        # "sera actionnaire d'ACC à part égale avec Stellantis et TotalEnergies", "shareholder of ACC
        # alongside Stellantis and TotalEnergies": the others hold a share too
        self.co_holders = re.compile(
            rf"[^⟨⟩.;]{{0,30}}?(?i:with|alongside|together with|along with|con|insieme a|assieme a|accanto a|avec|aux côtés de|"
            rf"mit|neben)\s+(?:(?i:{det})\s*)?(?P<list>⟨C\d+⟩(?:\s*(?:,|(?i:and|e|et|und))\s*⟨C\d+⟩)*)")
        # "l'entrée au capital de Mercedes-Benz dans leur co-entreprise ACC", "l'ingresso di Mercedes nel
        # capitale di ACC", "der Einstieg von Mercedes bei ACC": a company entering another's capital
        self.capital_entry = re.compile(
            rf"(?<![\w\-])(?i:entrée au capital|entrée|ingresso|entry|Einstieg)\s+(?i:de|d'|di|del|della|of|von|des)\s*"
            rf"(?:(?i:{det})\s*)?⟨C(?P<i>\d+)⟩\s+(?i:dans|in|nel|nella|into|bei|beim)\s*(?:(?i:the|le|la|l'|il|der|die|dem|leur|loro|their)\s*)?"
            rf"(?:(?i:capital[e]? (?:di|de|of)|capitale della|joint[- ]venture|co-?entreprise|Gemeinschaftsunternehmen)\s+)?"
            rf"(?:(?i:{det})\s*)?⟨C(?P<t>\d+)⟩")
        sub = s("subsidiary")
        of = s("of")
        grp = r"(?:(?i:gruppo|group|groupe|Konzern)\s+)?"
        self.subsidiary = [
            # "Cariad, a subsidiary of Volkswagen", "Waymo, controllata del gruppo Alphabet"
            (re.compile(rf"⟨C(?P<x>\d+)⟩\s*(?:,|\s(?i:is|è|est|ist|was|era))\s*(?:[\w'\-]+\s+){{0,5}}?"
                        rf"(?i:{sub})\s+(?i:{of})\s*(?:(?i:{det})\s*)?{grp}⟨C(?P<y>\d+)⟩"), 0.8),
            (re.compile(rf"⟨C(?P<x>\d+)⟩\s*(?:,|\s(?i:is|è|est|ist|was|era))\s*(?:[\w'\-]+\s+){{0,3}}?"
                        rf"(?i:{s('controlled_by')})\s+(?i:da|by|par|von)\s*(?:(?i:{det})\s*)?{grp}⟨C(?P<y>\d+)⟩"), 0.8),
            # "Ampere, Renault's electric vehicle division"
            (re.compile(rf"⟨C(?P<x>\d+)⟩\s*,\s*(?:(?i:the|la|il|l')\s*)?⟨C(?P<y>\d+)⟩(?:'s?)?\s+(?:[\w\-]+\s+){{0,4}}?(?i:{sub})\b"), 0.75),
            # "Volvo's parent company Geely", "Geely, the parent of Volvo", "Geely, casa madre di Volvo"
            (re.compile(rf"⟨C(?P<x>\d+)⟩'s?\s+(?i:{s('parent')})\s*,?\s+⟨C(?P<y>\d+)⟩"), 0.75),
            (re.compile(rf"⟨C(?P<y>\d+)⟩\s*,\s*(?:(?i:{det})\s*)?(?:[\w\-]+\s+){{0,2}}?(?i:{s('parent')})\s+(?i:{of})\s*"
                        rf"(?:(?i:{det})\s*)?⟨C(?P<x>\d+)⟩"), 0.75),
            # "VW already has its own vehicle software subsidiary, Cariad"
            (re.compile(rf"⟨C(?P<y>\d+)⟩(?:'s)?\s+(?:[\w'\-]+\s+){{0,6}}?(?i:{sub})\s*,?\s*⟨C(?P<x>\d+)⟩"), 0.7),
            # "Volkswagen also said its premium Audi brand", "GM and its Cruise unit", "la sua
            # controllata Ampere": a unit of the company named just before the possessive
            (re.compile(rf"⟨C(?P<y>\d+)⟩(?:'s)?\s+(?:[\w\-]+\s+){{0,4}}?(?i:its|suo|sua|suoi|sue|son|sa|ses|sein|seine|seiner)"
                        rf"\s+(?:[\w\-]+\s+){{0,2}}?⟨C(?P<x>\d+)⟩\s+(?:[\w\-]+\s+){{0,2}}?(?i:{sub})(?![\w\-])"), 0.7),
            # "Hyundai's Boston Dynamics division", "GM's Cruise unit": a unit named after its owner's possessive
            (_Gated(r"⟩['’]s?\s+⟨C", rf"(?P<np>)⟨C(?P<y>\d+)⟩['’]s?\s+⟨C(?P<x>\d+)⟩\s+(?:[\w\-]+\s+)?(?i:{sub}|brand|division|unit|arm)(?![\w\-])"), 0.7),
            # "il marchio Abarth di Stellantis", "la filiale Saft de TotalEnergies", "die Marke Skoda von VW"
            (re.compile(rf"(?P<np>)(?<![\w\-])(?i:{sub})\s+(?:[a-zà-ÿ][\w\-]*\s+)?⟨C(?P<x>\d+)⟩\s*(?i:{of})\s*(?:(?i:{det})\s*)?{grp}⟨C(?P<y>\d+)⟩"), 0.7),
            # "TotalEnergies, conjointement avec sa filiale Saft", "Stellantis and its subsidiary Free2Move":
            # a unit after a possessive belongs to the nearest company before
            (_Gated(r"(?<![\w\-])(?i:its|sua|suo|sa|son|seine|seiner|seinen|ihre)\s",
                    rf"⟨C(?P<y>\d+)⟩[^⟨⟩.;:]{{0,60}}?(?<![\w\-])(?i:its|sua|suo|la sua|il suo|sa|son|seine|seiner|seinen|ihre)\s+"
                    rf"(?:[\w\-]+\s+){{0,2}}?(?i:{sub})\s+(?:[a-zà-ÿ][\w\-]*\s+)?⟨C(?P<x>\d+)⟩"), 0.7),
            # "Geely (già proprietario di Volvo", "Geely, the owner of Volvo Cars"
            (re.compile(rf"⟨C(?P<y>\d+)⟩\s*(?:,|\(|\s(?i:is|è|est|ist|was|era))\s*(?:(?i:{det})\s*)?(?:[\w\-]+\s+){{0,2}}?"
                        rf"(?i:owner|proprietari[oa]|propriétaire|Eigentümer\w*)\s+(?i:{of})\s*(?:(?i:{det})\s*)?⟨C(?P<x>\d+)⟩"
                        rf"(?!\s*(?:'s|⟨))"), 0.7),
        ]
        # "Iveco, unità di veicoli industriali della Fiat", "Cariad, the software unit of Volkswagen",
        # "Skoda, filiale ceca di Volkswagen": what the unit does, or its country, around the word
        lower = r"[a-zà-ÿ][\w'\-]*"
        compound = r"[\w\-]+(?:tochter|sparte|einheit)"  # "die Softwaretochter von", "die Software-Einheit von"
        self.subsidiary.append((_Gated(_UNIT_WORD.pattern,
            rf"⟨C(?P<x>\d+)⟩\s*,\s*(?:(?i:{det})\s*)?(?:{lower}\s+){{0,3}}?(?:(?i:{sub})(?:\s+{lower}){{1,4}}?|{compound})\s+(?i:{of})\s*"
            rf"(?:(?i:{det})\s*)?{grp}⟨C(?P<y>\d+)⟩"), 0.75))
        # the same apposition as an aside between two names: its owner is not one of a list
        # ("Iveco, unità ... della Fiat, e la cinese SAIC hanno ...": Iveco and SAIC)
        self.unit_aside = re.compile(
            rf",\s*(?:(?i:{det})\s*)?(?:{lower}\s+){{0,3}}?(?:(?i:{sub})(?:\s+{lower}){{0,4}}?|{compound})\s+(?i:{of})\s*"
            rf"(?:(?i:{det})\s*)?{grp}⟨C(?P<y>\d+)⟩(?=\s*,)")
        # "Stellantis folgt dem Vorbild BMW", "following the example of BMW", "sull'esempio di BMW",
        # "à l'instar de BMW": a company named as an example is no party to the sentence's tie
        self.example = _Gated(
            r"(?i:example|Vorbild|Beispiel|esempio|instar|exemple|modello|modèle)",
            r"(?<![\w\-])(?i:(?:following|after|on|like)?\s*the example (?:set )?(?:of|by)|in the footsteps of|"
            r"(?:nach )?(?:dem|das) Vorbild(?: von)?|(?:nach )?dem Beispiel(?: von)?|(?:sull'|seguendo l'|come l')esempio (?:di|del|della)|"
            r"sul modello (?:di|del|della)|à l'instar (?:de|du|d')|à l'exemple (?:de|du|d')|sur le modèle (?:de|du|d'))"
            r"\s*(?:(?i:the|le|la|l'|il|der|dem)\s*)?⟨C(?P<k>\d+)⟩")
        # "Stellantis, TotalEnergies et Mercedes-Benz détiennent ACC", "Toyota and Denso jointly own
        # Zentrix": each of the listed holders has a share of the one company held
        item = rf"(?:(?i:{det})\s*)?(?:[\w\-]+\s+){{0,2}}?⟨C\d+⟩"  # "und der Energiekonzern TotalEnergies"
        holders = rf"(?P<list>⟨C\d+⟩(?:\s*(?:,|(?i:{conj})|,\s*(?i:{conj}))\s*{item})+)"
        adverb = (r"(?:(?i:now|already|jointly|together|still|désormais|déjà|conjointement|ensemble|ora|già|"
                  r"congiuntamente|insieme|jetzt|nun|bereits|gemeinsam)\s+)?")
        self.joint_holders = _Gated(_HOLD_WORD,
            rf"{holders}\s+{adverb}(?i:own|hold|control|détiennent|possèdent|contrôlent|detengono|possiedono|"
            rf"controllano|halten|besitzen|kontrollieren)\s+{adverb}(?:(?i:{det})\s*)?⟨C(?P<t>\d+)⟩(?!['’]s|\s*⟨)")
        # "Stellantis, TotalEnergies and Mercedes-Benz hold equal stakes in ACC", "detengono quote
        # paritarie di ACC", "halten zu gleichen Teilen Anteile an ACC": the listed holders' shares of one company
        self.joint_stakes = _Gated(r"(?i:stakes|shares|quote|partecipazioni|parts|participations|Anteile|Beteiligungen)",
            rf"{holders}\s+(?:(?i:also|anche|aussi|auch|both|tous deux|entrambe)\s+)?{adverb}(?i:own|hold|have|détiennent|possèdent|ont|detengono|possiedono|hanno|halten|besitzen)\s+"
            rf"(?:[\w\-']+\s+){{0,3}}?(?i:stakes|shares|quote|partecipazioni|parts|participations|Anteile|Beteiligungen)\s+"
            rf"(?:[\w\-']+\s+){{0,2}}?(?i:in|of|di|del|della|nel|nella|dans|de|du|d'|an|am|an der|an dem)\s*"
            rf"(?:(?i:{det})\s*)?⟨C(?P<t>\d+)⟩(?!['’]s|\s*⟨)")
        # "ACC, an dem Stellantis und TotalEnergies je ein Drittel halten", "ACC, in which Stellantis and
        # TotalEnergies hold equal shares": the holders in a relative clause after the company
        self.relative_holders = _Gated(_HOLD_WORD,
            rf"⟨C(?P<t>\d+)⟩\s*(?:\([^()]*\)\s*)?,\s*(?i:an dem|an der|in which|in cui|nella quale|nel quale|dans laquelle|"
            rf"dans lequel|dont)\s+{holders}[^⟨⟩.;]{{0,40}}?(?<![\w\-])(?i:hold|own|halten|besitzen|detengono|possiedono|"
            rf"détiennent|possèdent)(?![\w\-])")
        # "Mercedes beteiligt sich mit einem Drittel an ACC", "beteiligt sich Mercedes ... am Gemeinschaftsunternehmen ACC"
        self.takes_part = _Gated(r"beteilig",
            rf"(?:⟨C(?P<i>\d+)⟩\s+(?:[\w\-]+\s+){{0,2}}?beteilig\w*\s+sich|beteilig\w*\s+sich\s+(?:(?i:{det})\s*)?"
            rf"⟨C(?P<i2>\d+)⟩)[^⟨⟩.;]{{0,50}}?\s(?:an|am|an der|an dem|bei|beim)\s+(?:(?i:{det})\s*)?"
            rf"(?:[\w\-]+\s+)?⟨C(?P<t>\d+)⟩")
        # "ACC compte trois actionnaires à parts égales : Stellantis, TotalEnergies et Mercedes-Benz", "the
        # shareholders of ACC are Stellantis, TotalEnergies and Mercedes-Benz", "gli azionisti di ACC sono ..."
        self.holders_list = _Gated(
            rf"(?i:{s('shareholder')})",
            rf"(?:⟨C(?P<t>\d+)⟩[^⟨⟩.;:]{{0,100}}?(?i:{s('shareholder')})(?![\w\-])(?:\s+(?!(?i:{of})\b)[^⟨⟩.;:]{{0,40}}?)?"
            rf"|(?<![\w\-])(?i:{s('shareholder')})\s+(?i:{of})\s*(?:(?i:{det})\s*)?⟨C(?P<t2>\d+)⟩\s*)"
            rf"(?::|\s(?i:are|were|include|sono|erano|sont|étaient|sind|waren))\s*(?:(?i:{det})\s*)?{holders}")
        # "Stellantis (u.a. Fiat, Peugeot, Chrysler)", "Stellantis (Fiat, Peugeot e Jeep)": the brands of
        # the group named before the parenthesis; "PSA (dont fait partie Opel)", "PSA (di cui fa parte Opel)"
        incl_brief = (r"(?:(?i:u\.\s?a\.|unter anderem|darunter|etwa|z\.\s?B\.|e\.g\.|including|such as|"
                      r"tra cui|fra cui|come|dont|notamment|comme)\s*:?\s*)")
        self.paren_units = _Gated(r"\(",
            rf"⟨C(?P<y>\d+)⟩(?:(?:\s+|-)(?i:group|groupe|gruppo|Gruppe|Konzern))?\s*\(\s*(?:{incl_brief}(?P<one>⟨C\d+⟩)|{incl_brief}?(?P<list>⟨C\d+⟩(?:\s*(?:,|(?i:{conj}))\s*⟨C\d+⟩)+))"
            rf"(?:\s*(?:,|(?i:{conj}))\s*(?i:etc\.?|…|\.\.\.))?\s*\)")
        self.part_of = _Gated(r"(?i:partie|parte|which|gehört)",
            rf"⟨C(?P<y>\d+)⟩(?:\s+(?i:group|groupe|gruppo|Gruppe|Konzern))?\s*[(,]\s*(?i:dont fait partie|dont font partie|di cui fa parte|di cui fanno parte|"
            rf"of which|to which)\s+(?:(?i:{det})\s*)?(?:[a-zà-ÿ][\w\-]*\s+){{0,2}}?⟨C(?P<x>\d+)⟩"
            rf"(?:\s+(?i:is (?:a )?part|belongs))?"
            rf"|⟨C(?P<x2>\d+)⟩\s*,\s*(?i:der|die|das)\s+(?:[\w\-]+\s+){{0,4}}?zu(?:m|r)?\s+(?:(?i:{det})\s*)?⟨C(?P<y2>\d+)⟩\s+gehört")
        brands = r"(?i:brands?|marchi|marchio|marques?|Marken?)"
        owns = r"(?i:owns|own|owned|possiede|possiedono|controlla|controllano|détient|possède|contrôle|besitzt|kontrolliert|hält)"
        self.owned_brands = _Gated(r"(?i:brand|marchi|marque|marke)",
            rf"⟨C(?P<y>\d+)⟩\s*,?\s*(?:(?i:which|that|che|qui|der|die|das)\s+)?(?:(?i:also|anche|aussi|auch|already|già|déjà)\s+)?"
            rf"{owns}\s+(?:(?i:{det})\s*)?(?:{brands}\s+)?(?P<list>⟨C\d+⟩(?:\s*(?:,|(?i:{conj}))\s*⟨C\d+⟩)*)"
            rf"(?P<after>\s+{brands})?")
        # several units named after their group: "Volkswagen with its brands Audi, Skoda and SEAT",
        # "Volkswagen's brands Audi and Skoda", "ses marques VW, Audi et Skoda", "i suoi marchi Fiat e
        # Lancia", "die Stellantis-Marken Peugeot und Citroën", "Zu Volkswagen gehören die Marken Audi,
        # Seat und Skoda", "Audi and Skoda belong to Volkswagen", "Maserati fa parte del gruppo Stellantis"
        units_pl = (r"(?i:brands|subsidiaries|units|divisions|marques|filiales|marchi|controllate|divisioni|"
                    r"Marken|Töchter|Tochter(?:gesellschaften|unternehmen|firmen))")
        litem = rf"(?:(?i:{det})\s*)?(?:[\w\-]+\s+){{0,2}}?⟨C\d+⟩"
        ulist = rf"(?P<list>⟨C\d+⟩(?:\s*(?:,|(?i:{conj})|,\s*(?i:{conj}))\s*{litem})*)"
        poss_pl = r"(?i:its|their|ses|leurs|suoi|i suoi|sue|le sue|loro|seine[nr]?|ihre[nr]?)"
        belong = (r"(?i:belongs? to|belonged to|(?:is|are|was|were) (?:now )?(?:a )?part of|appartien\w* (?:a|al|alla|allo)|"
                  r"fa(?:nno)? parte (?:di|del|della|dello)|faceva(?:no)? parte (?:di|del|della)|appartien\w* (?:à|au)|"
                  r"fai(?:t|saient)? partie (?:de|du|des)|font partie (?:de|du|des)|gehör\w* (?:\w+ )?(?:zu|zum|zur))")
        self.unit_lists = _Keyed(('brand', 'subsidiar', 'units', 'divisions', 'marque', 'filiales', 'marchi', 'controllate', 'divisioni', 'marken', 'töchter', 'tochter', 'belong', 'part of', 'appartien', 'parte', 'partie', 'gehör'),
            rf"⟨C(?P<y>\d+)⟩(?:['’]s?\s+(?:[a-zà-ÿ][\w\-]*\s+|{_REGION_ADJ.pattern}\s+){{0,2}}?|-|\s+[^⟨⟩.;:]{{0,90}}?(?<![\w\-]){poss_pl}\s+"
            rf"(?:[a-zà-ÿ][\w\-]*\s+){{0,2}}?){units_pl}\s*(?:,|:|\((?i:{incl_brief})?)?\s*{ulist}"
            rf"|(?<![\w\-])(?i:zu)\s+(?:(?i:{det})\s*)?(?:[\w\-]+\s+){{0,2}}?⟨C(?P<y2>\d+)⟩\s+gehör\w*\s+"
            rf"(?:[a-zäöüß][\w]*\s+){{0,2}}?(?:(?i:{det})\s*)?(?:[\w\-]+\s+)?(?P<list2>⟨C\d+⟩(?:\s*(?:,|(?i:{conj})|,\s*(?i:{conj}))\s*{litem})*)"
            rf"|(?<![\w\-])(?P<list3>⟨C\d+⟩(?:\s*(?:,|(?i:{conj})|,\s*(?i:{conj}))\s*{litem})*)\s+(?:(?i:also|now|anche|ora|aussi|désormais|auch|heute)\s+)?"
            rf"{belong}\s+(?:(?i:also|now|anche|ora|aussi|désormais|auch|heute)\s+)?(?:(?i:{det})\s*)?(?:(?i:gruppo|group|groupe|Konzern)\s+)?⟨C(?P<y3>\d+)⟩(?!['’]s|\s*⟨|-)")
        # a unit's group in a relative clause after it: "Opel (che fa parte del gruppo PSA)", "Opel, which is
        # part of Stellantis", "Opel, qui fait partie du groupe PSA", "Land Rover, das früher zu BMW und heute
        # zu Tata gehört" (the present owner only)
        rel_belong = (r"(?i:(?:is|are|è|sono|est|sont)\s+(?:(?:now|today|ora|oggi|désormais|aujourd'hui)\s+)?(?:a\s+)?part\s+of|"
                      r"(?:now\s+)?belongs?\s+to|fa(?:nno)?\s+(?:(?:ora|oggi|ormai)\s+)?parte\s+(?:di|del|della|dello|dell')|"
                      r"appartien\w*\s+(?:a|al|alla|allo|à|au)|fai(?:t|saient)\s+(?:(?:désormais|aujourd'hui)\s+)?partie\s+(?:de|du|des)|"
                      r"font\s+partie\s+(?:de|du|des))")
        self.rel_belong = _Gated(r"(?i:part|belong|appartien|gehör)",
            rf"⟨C(?P<x>\d+)⟩\s*[(,]\s*(?i:che|which|that|qui|der|die|das)\s+{rel_belong}\s*(?:(?i:{det})\s*)?"
            rf"(?:(?i:gruppo|group|groupe|Konzern)\s+)?⟨C(?P<y>\d+)⟩(?!['’]s|\s*⟨|-)"
            rf"|⟨C(?P<x2>\d+)⟩\s*,\s*(?i:der|die|das)\s+(?i:früher|einst|ehemals|bis\s+\d{{4}})\s+zu(?:m|r)?\s+⟨C\d+⟩\s+"
            rf"(?i:und|,)\s+(?i:heute|jetzt|inzwischen|mittlerweile|nun)\s+zu(?:m|r)?\s+(?:(?i:{det})\s*)?⟨C(?P<y2>\d+)⟩\s+gehör")
        # "die Marke Mini blieb in der Hand von BMW", "Mini remained in the hands of BMW", "Mini restò nelle
        # mani di BMW", "Mini est resté entre les mains de BMW": the company that holds the unit
        self.in_hands = _Gated(r"(?i:hand|mani|mano|mains)",
            rf"⟨C(?P<x>\d+)⟩(?:\s+(?i:brand|marque|marchio|Marke|unit|division))?\s+(?:(?i:blieb|bleibt|ist|war|liegt|lag)\s+(?:(?i:weiterhin|noch|heute|jetzt|nun)\s+)?in der Hand (?:von|des|der)"
            rf"|(?i:remained|remains|is|was|stays|stayed)\s+(?:(?i:still|now|firmly)\s+)?in the hands of"
            rf"|(?i:è|resta|rimane|restò|rimase|era)\s+(?:(?i:ancora|ora|oggi)\s+)?(?:nelle mani|in mano)\s+(?:di|a|al|alla|del|della|dello)"
            rf"|(?i:reste|est|resta|restait|était|est restée?)\s+(?:(?i:encore|toujours)\s+)?(?:entre les mains|aux mains|dans les mains)\s+(?:de|du|d'))"
            rf"\s*(?:(?i:{det})\s*)?⟨C(?P<y>\d+)⟩(?!['’]s|\s*⟨|-)")
        # "Stellantis, home to brands such as Jeep and Chrysler", "Stellantis, casa di marchi come Fiat e
        # Jeep", "Stellantis, qui regroupe des marques comme Peugeot et Fiat": the brands of the group
        home_units = (r"(?i:brands|marques|marchi|Marken|subsidiaries|filiales|controllate|Töchter|units|divisions)")
        self.home_to = _Gated(r"(?i:home to|casa (?:di|dei|madre)|regroupe|rassemble|riunisce|vereint|umfasst|includes)",
            rf"⟨C(?P<y>\d+)⟩\s*,\s*(?:(?i:which|that|che|qui|der|die|das)\s+(?:(?i:is|è|est|ist)\s+)?)?"
            rf"(?i:home to|(?:la\s+)?casa (?:di|dei|madre (?:di|dei))|regroupe|rassemble|riunisce|vereint|umfasst|includes)\s+"
            rf"(?:(?i:{det}|des|such|many|several|numerous|molti|diversi|numerosi|plusieurs|nombreuses|mehrere|zahlreiche)\s+)?"
            rf"(?:[a-zà-ÿ][\w\-]*\s+){{0,2}}?{home_units}\s+(?i:such as|like|including|come|quali|tra cui|fra cui|comme|dont|"
            rf"notamment|wie|darunter|etwa)\s*:?\s*{ulist}")
        # a takeover done: "Tesla purchased Maxwell Technologies", "CMA CGM completed a USD 5 billion
        # acquisition of Bolloré Logistics", "après avoir absorbé son compatriote Sanyo", "ZF ha rilevato
        # Wabco", "ZF übernahm Wabco", "ZF hat Wabco übernommen": what was bought is now the buyer's unit
        adv = r"(?:(?i:also|already|recently|just|finally|eventually|later|then|déjà|aussi|già|anche|poi|bereits|auch|dann)\s+)?"
        took_over = (r"(?i:(?:has|had|have)\s+(?:now\s+|already\s+|also\s+)?)?(?i:acquired|purchased|bought|took\s+over|absorbed|"
                     r"completed\s+(?:its|the|a|an)\s+(?:[\w.,$€£\-]+\s+){0,5}?(?:acquisition|purchase|takeover)\s+of|"
                     r"(?:a|avait|ont|avaient)\s+(?:déjà\s+|aussi\s+)?(?:racheté|absorbé|acquis|repris)|"
                     r"(?:ha|aveva|hanno|avevano)\s+(?:già\s+|anche\s+)?(?:acquisito|rilevato|comprato|acquistato|assorbito)|"
                     r"acquisì|rilevò|comprò|assorbì|racheta|absorba|übernahm|kaufte|erwarb)")
        after_taking = (r"(?i:after\s+(?:acquiring|buying|purchasing|absorbing|taking\s+over)|après\s+avoir\s+(?:racheté|absorbé|acquis|repris)|"
                        r"dopo\s+aver(?:e)?\s+(?:acquisito|rilevato|comprato|acquistato|assorbito)|nachdem\s+es)")
        self.took_over = _Gated(r"(?i:acqui|purchas|bought|took|absorb|rachet|repris|rilev|compr|assorb|übernahm|kaufte|erwarb|übernommen|gekauft|erworben)",
            rf"⟨C(?P<y>\d+)⟩\s+{adv}{took_over}\s+(?P<d>(?:[^\s⟨⟩.,;:]+\s+){{0,8}}?)⟨C(?P<x>\d+)⟩(?!['’]s|\s*⟨|-)"
            rf"|⟨C(?P<y2>\d+)⟩[^⟨⟩.;]{{0,80}}?(?<![\w\-]){after_taking}\s+(?P<d2>(?:[^\s⟨⟩.,;:]+\s+){{0,8}}?)⟨C(?P<x2>\d+)⟩(?!['’]s|\s*⟨|-)"
            rf"|⟨C(?P<y3>\d+)⟩\s+(?:hat|hatte)\s+(?P<d3>(?:[^\s⟨⟩.,;:]+\s+){{0,4}}?)⟨C(?P<x3>\d+)⟩\s+(?:[\w\-]+\s+){{0,3}}?"
            rf"(?:übernommen|gekauft|erworben)(?![\w\-])")
        # a unit whose group is described, not named: "Cariad, die Software-Einheit des Autobauers", "Cariad,
        # the software unit of the carmaker", "Saft, la filiale du groupe pétrolier", "Zu dem bayerischen
        # Automobilkonzern gehört auch die Traditionsmarke Rolls-Royce": the company the text speaks of
        firm_end = r"(?:[\w\-]*(?i:maker|company|group|firm|manufacturer|giant|società|azienda|gruppo|costruttore|produttore|casa automobilistica|"
        firm_end += r"colosso|groupe|constructeur|entreprise|société|fabricant|bauer|bauers|konzern|konzerns|hersteller|herstellers|unternehmens))"
        desc = rf"(?:[\w\-]+\s+){{0,2}}?{firm_end}(?:\s+[a-zà-ÿ][\w\-]*){{0,2}}?"
        unit_word = rf"(?:(?i:{sub})|[\w]+-?(?i:tochter|sparte|einheit|marke))"
        self.described_parent = _Gated(r"(?i:unit|divisi|subsidiar|brand|controllat|filiale|marchio|marque|unité|tochter|sparte|einheit|marke|gehör)",
            rf"⟨C(?P<x>\d+)⟩\s*,\s*(?:(?i:{det})\s*)?(?:[a-zà-ÿ][\w\-]*\s+){{0,2}}?{unit_word}(?:\s+[a-zà-ÿ][\w\-]*){{0,3}}?\s+"
            rf"(?i:of the|del|della|dello|dell'|du|de la|de l'|des|der)\s*(?P<desc>{desc})(?=\s*(?:[,.;)]|$))"
            rf"|^\W*(?i:zu)\s+(?:(?i:dem|der)\s+)(?P<desc2>{desc})\s+gehör\w*\s+(?:(?i:auch|heute|jetzt|inzwischen|zudem|ebenfalls)\s+)?"
            rf"(?:(?i:die|der|das)\s+)?(?:[\w\-]+\s+)?⟨C(?P<x2>\d+)⟩(?=\s*(?:[,.;)]|$))")
        # a takeover done, said of the company bought: "Maxwell was acquired by Tesla in 2019", "Opel, bought by
        # PSA in 2017", "Opel, which PSA bought in 2017", "Opel, che PSA ha acquisito", "Opel, que PSA a racheté",
        # "Opel, das PSA 2017 übernommen hat", "Opel wurde 2017 von PSA übernommen"
        taken = (r"(?i:acquired|bought|purchased|taken over|acquisit[oa]|rilevat[oa]|comprat[oa]|acquistat[oa]|assorbit[oa]|"
                 r"rachetée?|acquise?|absorbée?|reprise?|übernommen|gekauft|erworben)")
        when = r"(?:(?i:in|nel|en|im)\s+\d{4}\s+|\d{4}\s+)?"
        self.taken_by = _Gated(r"(?i:acqui|bought|purchas|taken|rilev|compr|assorb|rachet|absorb|repris|übernommen|gekauft|erworben)",
            rf"⟨C(?P<x>\d+)⟩\s*(?:,\s*(?:(?i:which|che|que|qu'|das|die|den)\s*)?|\s+(?i:was|were|has been|had been|è stat[oa]|era stat[oa]|"
            rf"fu|a été|avait été|wurde)\s+)"
            rf"(?:⟨C(?P<y2>\d+)⟩\s+(?:(?i:has|had|ha|aveva|a|avait)\s+)?{when}(?:{taken}|(?i:bought|acquired|purchased|took over))"
            rf"(?:\s+(?i:hat|hatte))?|{when}{taken}\s+(?i:by|da|dal|dalla|dall'|par|von)\s+"
            rf"(?:(?i:{det})\s*)?⟨C(?P<y>\d+)⟩(?!['’]s|\s*⟨|-))"
            rf"|⟨C(?P<x3>\d+)⟩\s+(?i:wurde|wurden)\s+(?:[^⟨⟩.;]{{0,30}}?\s)?von\s+(?:(?i:{det})\s*)?⟨C(?P<y3>\d+)⟩\s+"
            rf"(?:[\w\-]+\s+){{0,2}}?(?:übernommen|gekauft|erworben)(?![\w\-])")
        # a unit's group in an apposition: "Opel, now part of Stellantis", "Volvo Cars, part of Geely since 2010",
        # "Opel, oggi parte di Stellantis", "Opel, désormais dans le giron de PSA", "Opel, seit 2017 Teil von PSA"
        self.part_appos = _Gated(r"(?i:part|parte|giron|Teil)",
            rf"⟨C(?P<x>\d+)⟩\s*,\s*(?:(?i:now|today|since \d{{4}}|ora|oggi|dal \d{{4}}|désormais|aujourd'hui|depuis \d{{4}}|"
            rf"heute|jetzt|seit \d{{4}}|inzwischen)\s+)?(?i:(?:a\s+)?part of|parte (?:di|del|della|dello|dell')|dans le giron (?:de|du)|"
            rf"Teil (?:von|des|der))\s*(?:(?i:{det})\s*)?(?:(?i:gruppo|group|groupe|Konzern)\s+)?⟨C(?P<y>\d+)⟩(?!['’]s|\s*⟨|-)")
        # a sale of a unit: "BMW has agreed to sell the Rover brand to SAIC" (still the seller's until done),
        # "The MG badge was sold ... to Nanjing Automotive" (the buyer's once done)
        unit_n = r"(?i:brand|unit|division|subsidiary|business|badge|marque|filiale|division|marchio|divisione|controllata|Marke|Tochter\w*|Sparte)"
        self.sells_unit = _Gated(r"(?i:sell|vend|cède|céder|verkauf)",
            rf"⟨C(?P<y>\d+)⟩[^⟨⟩.;]{{0,40}}?(?<![\w\-])(?P<how>(?i:agreed to sell|agrees to sell|plans to sell|is selling|will sell|"
            rf"is to sell|to sell|a accepté de céder|a accepté de vendre|va céder|va vendre|prévoit de céder|cèdera|vendra|"
            rf"ha accettato di vendere|venderà|cederà|intende vendere|intende cedere|will verkaufen|verkauft|wird verkaufen))\s+"
            rf"(?:(?i:its|the|sa|son|la|le|l'|il|la sua|il suo|seine|die|den|das)\s*)?(?:[a-zà-ÿ][\w\-]*\s+)?(?:{unit_n}\s+)?"
            rf"⟨C(?P<x>\d+)⟩(?:\s+{unit_n})?\s+(?i:to|a|alla|al|à|au|an)\s+(?:(?i:{det})\s*)?(?:[\w\-]+\s+){{0,3}}?⟨C(?P<z>\d+)⟩")
        self.unit_sold = _Gated(r"(?i:sold|vendut|cédé|vendu|verkauft)",
            rf"⟨C(?P<x>\d+)⟩(?:\s+{unit_n})?\s+(?i:was|were|has been|have been|è stat[oa]|sono stat[ie]|a été|ont été)\s+"
            rf"(?i:sold|vendut[oaie]|cedut[oaie]|cédée?s?|vendue?s?)(?![\w\-])"
            rf"|⟨C(?P<x2>\d+)⟩(?:\s+{unit_n})?\s+(?i:wurde|wurden)\s+[^⟨⟩.;]{{0,60}}?(?<![\w\-])an\s+(?:(?i:{det})\s*)?"
            rf"(?:[\w\-]+\s+){{0,3}}?⟨C(?P<z2>\d+)⟩\s+(?:[\w\-]+\s+){{0,2}}?verkauft(?![\w\-])")
        # the buyer after "sold": "... by administrators for £53 million to China's Nanjing Automotive"
        self.sold_to = re.compile(
            rf"(?<![\w\-])(?i:to|a|alla|al|à|au)\s+(?:(?i:{det})\s*)?(?:[{_UP}][\w\-]*['’]s\s+)?(?:[\w\-]+\s+){{0,3}}?"
            rf"⟨C(?P<z>\d+)⟩(?!['’]s|\s*⟨|-)")
        # "Volkswagen ... la création de la filiale PowerCo", "Ford set up a new unit, Model e": a unit set
        # up by the company the sentence opens with
        self.unit_created = _Keyed(('creat', 'set up', 'sets up', 'setting up', 'establish', 'found', 'launch', 'créat', 'créé', 'crée', 'fond', 'costitu', 'istitu', 'gründ'),
            rf"^\W*(?:(?i:{det})\s*)?(?:[\w\-]+\s+){{0,2}}?⟨C(?P<y>\d+)⟩[^⟨⟩.;]{{0,120}}?(?<![\w\-])(?P<v>(?i:creat\w*|set(?:s|ting)? up|"
            rf"establish\w*|found\w*|launch\w*|création|créé\w*|crée\w*|fond\w+|costitu\w+|istitu\w+|gründ\w+))\s+"
            rf"(?:[\w']+\s+){{0,3}}?(?i:{s('subsidiary')})\s*,?\s*⟨C(?P<x>\d+)⟩")
        # "Ampere, la nuova società di veicoli elettrici fondata da Renault", "Cruise, a company set up by
        # GM": a company founded by one other company (not by two: a joint venture)
        self.founded_by = _Keyed(('founded by', 'set up by', 'created by', 'established by', 'launched by', 'fondat', 'creat', 'costituit', 'fondé', 'créé', 'gegründet von'),
            rf"⟨C(?P<x>\d+)⟩\s*,\s*(?:(?i:{det})\s*)?(?:[\w\-']+\s+){{0,6}}?(?i:founded by|set up by|created by|established by|"
            rf"launched by|fondat[oa] da|creat[oa] da|costituit[oa] da|fondée? par|créée? par|gegründet von)\s+"
            rf"(?:(?i:{det})\s*)?(?:(?i:gruppo|group|groupe|Konzern)\s+)?⟨C(?P<y>\d+)⟩(?!['’]s|\s*(?:⟨|,?\s*(?i:{conj})\s))")
        # "Faurecia ... sa maison mère Peugeot", "Volvo and its parent company Geely", "Total (SAFT's parent
        # company)": the parent of the company named just before
        self.its_parent = _Keyed(('parent', 'owner', 'madre', 'capogruppo', 'controllante', 'propriet', 'propriét', 'mère', 'mutter', 'eigentümer'),
            rf"⟨C(?P<x>\d+)⟩[^⟨⟩.;:]{{0,80}}?(?<![\w\-])(?i:its|sua|suo|la sua|il suo|sa|son|seine[nr]?|ihre[nr]?)\s+"
            rf"(?:[\w\-]+\s+){{0,1}}?(?i:{s('parent')})\s*,?\s*⟨C(?P<y>\d+)⟩(?!['’]s|\s*⟨)"
            rf"|⟨C(?P<y2>\d+)⟩\s*\(\s*⟨C(?P<x2>\d+)⟩['’]s?\s+(?i:{s('parent')})"
            rf"|⟨C(?P<x3>\d+)⟩-(?:Mutter\w*|parent)\s+(?:[\w\-]+\s+){{0,2}}?⟨C(?P<y3>\d+)⟩(?!['’]s|\s*⟨)")
        # "Nissan's 15% in Renault", "Geely's 9.7 percent of Daimler": a holder's share by its percentage
        pct_ = r"\d{1,3}(?:[.,]\d+)?\s*(?:%|per ?cent\b|percent\b|per cento\b|pour cent\b|Prozent\b)"
        self.poss_pct = _Gated(r"⟩['’]s?\s",
            rf"⟨C(?P<i>\d+)⟩['’]s?\s+(?:[\w\-]+\s+){{0,2}}?(?P<pct>{pct_})\s+(?:(?i:stake|holding|share)\s+)?"
            rf"(?i:in|of)\s+(?:(?i:{det})\s*)?⟨C(?P<t>\d+)⟩(?!['’]s|\s*⟨)")
        # German word order: "Zudem übernahm VW 49,9 Prozent von Porsche", "VW hält 20 Prozent der Anteile an
        # Porsche", the subject after the verb as often as before it
        self.de_pct = None
        if lang == "de":
            took = r"(?:übernahm|übernimmt|übernehmen|übernommen|kaufte|kauft|erwarb|erwirbt|erworben|hält|hielt|besitzt|besaß)"
            self.de_pct = _Gated(r"Prozent|%",
                rf"(?:(?<![\w\-]){took}\s+(?:(?i:{det})\s*)?⟨C(?P<i>\d+)⟩|⟨C(?P<i2>\d+)⟩\s+(?:[a-zäöüß]\w*\s+){{0,2}}?{took})"
                rf"\s+(?:[^⟨⟩.;,]{{0,30}}?\s)?(?P<pct>{pct_})\s+(?:(?:der|seiner|ihrer)\s+(?:Anteile|Aktien|Stimmrechte)\s+)?"
                rf"(?:von|an|am|an der|an dem|bei)\s+(?:(?i:{det})\s*)?⟨C(?P<t>\d+)⟩(?!['’]s|\s*⟨)")
        # "Rivian is backed by Amazon, Ford and Cox", "Rivian's backers include Amazon and Ford", "its
        # investors include ...", "sostenuta da", "soutenue par", "finanziert von": each investor holds a share
        backers = (r"(?i:backers|investors|shareholders|investitori|azionisti|finanziatori|investisseurs|actionnaires|"
                   r"Investoren|Geldgeber|Anteilseigner|Aktionäre)")
        include = r"(?i:include|included|includes|are|were|comprise|includono|sono|comprennent|sont|sind|waren|umfassen|zählen)"
        blist = rf"(?P<list>⟨C\d+⟩(?:\s*(?:,|(?i:{conj})|,\s*(?i:{conj}))\s*(?:(?i:{det})\s*)?(?:[\w\-]+\s+){{0,3}}?⟨C\d+⟩)*)"
        self.backed_by = _Keyed(('backed by', 'financed by', 'funded by', 'sostenut', 'finanziat', 'soutenu', 'financé', 'unterstützt von', 'finanziert von', 'backers', 'investors', 'shareholders', 'investitori', 'azionisti', 'finanziatori', 'investisseurs', 'actionnaires', 'investoren', 'geldgeber', 'anteilseigner', 'aktionäre'),
            rf"⟨C(?P<t>\d+)⟩\s*,?\s+(?:(?i:is|was|are|has been|è|era|est|ist|wird)\s+)?(?:[\w\-]+\s+){{0,2}}?"
            rf"(?i:backed by|financed by|funded by|sostenut[oa] da|finanziat[oa] da|soutenue? par|financée? par|"
            rf"unterstützt von|finanziert von)\s+(?:(?i:{det})\s*)?(?:[\w\-]+\s+){{0,3}}?{blist}"
            rf"|(?:⟨C(?P<t2>\d+)⟩['’]s?|(?P<its>(?i:its|their|suoi|i suoi|ses|seine|ihre)))\s+(?:[\w\-]+\s+){{0,2}}?{backers}\s+"
            rf"{include}\s+(?:(?i:{det})\s*)?(?:[\w\-]+\s+){{0,3}}?(?P<list2>⟨C\d+⟩(?:\s*(?:,|(?i:{conj})|,\s*(?i:{conj}))\s*"
            rf"(?:(?i:{det})\s*)?(?:[\w\-]+\s+){{0,3}}?⟨C\d+⟩)*)")
        supplier, supply = s("supplier"), s("supply")
        # "from the Chinese manufacturer CATL": a descriptor before the name
        # (and "à la société chinoise CATL": a nationality after the firm word)
        firm_desc = rf"(?:(?:[\w\-]+\s+){{0,2}}?(?i:{_FIRM})\s+(?:(?i:{_NATIONALITY})\s+)?)?"
        # "to the Indian SUV maker Mahindra", "au constructeur indien de SUV Mahindra", "for China's leading
        # electric vehicle startup Nio": a descriptor of the buyer, ending in a word for a firm
        buyer_desc = (rf"(?:(?:[\w\-’'.]+\s+){{0,4}}?(?i:{_FIRM})\s+(?:(?i:{_NATIONALITY})\s+|[a-zà-ÿ][\w\-]*\s+)?"
                      rf"(?:(?i:of|di|de|d'|von)\s*[\w\-]+\s+)?)?")
        goods_gate = (r"(?i:batter(?:y|ies)|batterie\w*|Batterie\w*|\w*zellen|cells?|celle|cellules?|chips?|"
                      r"semiconduct\w+|semi-conducteurs|Halbleiter\w*|modules?|moduli|components?|componenti|composants|Komponenten)")
        self.supplies = [
            # "Panasonic is currently Tesla's exclusive battery cell supplier"
            (re.compile(rf"⟨C(?P<s>\d+)⟩\s+(?i:is|è|est|ist|was|has been|will be|remains|resta|rimane)\s+"
                        rf"(?:[\w\-]+\s+){{0,3}}?⟨C(?P<b>\d+)⟩(?:'s?)?\s+(?P<d>(?:[\w\-]+\s+){{0,4}}?)(?i:{supplier})\b"), 0.8),
            # "CATL, a supplier to Tesla", "Bosch è fornitore di Stellantis"
            (re.compile(rf"⟨C(?P<s>\d+)⟩\s*(?:,|\s(?i:is|è|est|ist|was|will be|sarà|diventa|becomes))\s*(?:(?i:{det})\s*)?"
                        rf"(?P<d>(?:[\w\-]+\s+){{0,3}}?)(?i:{supplier})\s+(?:[\w\-]+\s+){{0,3}}?(?i:of|to|for|di|per|de|pour|von|für|della|del)\s*(?:(?i:{det})\s*)?⟨C(?P<b>\d+)⟩"), 0.8),
            # "Tesla's supplier Panasonic"
            (re.compile(rf"⟨C(?P<b>\d+)⟩'s?\s+(?P<d>(?:[\w\-]+\s+){{0,3}}?)(?i:{supplier})\s*,?\s*⟨C(?P<s>\d+)⟩"), 0.75),
            # "CATL will supply BMW with cells", "LG fornirà batterie a Stellantis"
            (re.compile(rf"⟨C(?P<s>\d+)⟩\s+(?:[\w\-]+\s+){{0,3}}?(?i:{supply})\s+(?P<d>(?:[\w\-]+\s+){{0,5}}?)"
                        rf"(?:(?i:to|a|à|an|per|for|alla|al|agli)\s+)?(?:(?i:{det})\s*)?{firm_desc}⟨C(?P<b>\d+)⟩"), 0.7),
        ]
        make, for_ = s("make"), s("for")
        # "Panasonic already makes prismatic batteries for Toyota", "LG produce batterie per Stellantis"
        self.supplies.append((re.compile(
            rf"⟨C(?P<s>\d+)⟩\s+(?:[\w\-]+\s+){{0,2}}?(?i:{make})\s+(?P<d>(?:[\w\-]+\s+){{1,4}}?)"
            rf"(?i:{for_})\s+(?:(?i:{det})\s*)?⟨C(?P<b>\d+)⟩"), 0.65))
        # "Ford will source batteries from SK On", "Volkswagen si rifornisce di batterie da Northvolt"
        self.supplies.append((re.compile(
            rf"⟨C(?P<b>\d+)⟩\s+(?:[\w\-]+\s+){{0,2}}?(?i:{s('buy_from')})\s+(?P<d>(?:[\w\-']+(?:[.,]\d+)*\s+){{1,4}}?)"
            rf"(?i:{s('from_seller')})\s*(?:(?i:{det})\s*)?{firm_desc}⟨C(?P<s>\d+)⟩"), 0.65))
        # "BMW bezieht von mehreren Zulieferern Batteriezellen, namentlich von CATL und EVE", "Ford buys
        # cells from several suppliers, including CATL and SK On": the sellers named after a comma
        self.supplies.append((_Keyed(("namely", "including", "such as", "in particular", "namentlich", "darunter",
                                      "insbesondere", "unter anderem", "tra cui", "fra cui", "in particolare", "dont",
                                      "notamment", "en particulier"),
            rf"⟨C(?P<b>\d+)⟩\s+(?:[\w\-]+\s+){{0,2}}?(?i:{s('buy_from')})\s+(?P<d>[^⟨⟩.;:]{{0,80}}?{goods_gate}[^⟨⟩.;:]{{0,40}}?),\s*"
            rf"(?i:namely|including|such as|in particular|namentlich|darunter|insbesondere|unter anderem|tra cui|fra cui|"
            rf"in particolare|dont|notamment|en particulier)\s+(?:(?i:{s('from_seller')})\s+)?(?:(?i:{det})\s*)?(?:[\w\-]+\s+){{0,3}}?⟨C(?P<s>\d+)⟩"
            rf"(?P<more>(?:\s*(?:,|(?i:{conj})|,\s*(?i:{conj}))\s*(?:[\w\-]+\s+){{0,3}}?⟨C\d+⟩)*)(?=\s*(?:[.;:)]|$))"), 0.6))
        if lang == "de":  # "CATL dürfte BMW weiterhin in Europa beliefern": the verb comes last
            self.supplies.append((_Keyed(("liefer", "versorg"),
                rf"⟨C(?P<s>\d+)⟩\s+(?i:wird|werden|will|wollen|soll|sollen|dürfte|dürften|kann|können|muss|müssen|hat|haben)\s+"
                rf"(?:(?i:{det})\s*)?⟨C(?P<b>\d+)⟩\s+(?P<d>[^⟨⟩.;,]{{0,60}}?)(?<![\w\-])(?:be|mitbe|mit)?(?:liefer|versorg)\w*(?![\w\-])"), 0.6))
        # "BMW ist bereits Großkunde bei CATL", "Tesla is a customer of Panasonic", "Stellantis è
        # cliente di CATL": the customer is supplied by the other
        self.supplies.append((re.compile(
            rf"⟨C(?P<b>\d+)⟩\s+(?i:is|è|est|ist|was|war|era|était|has been|remains|resta|rimane|reste|bleibt|sarà|wird|will be)\s+"
            rf"(?:(?i:already|bereits|schon|già|déjà|also|anche|auch|aussi)\s+)?(?:(?i:{det})\s*)?(?P<d>(?:[\w\-]+\s+){{0,2}}?)"
            rf"(?i:customer|client|cliente|\w*kunde)\s+(?i:of|at|di|del|della|dell'|de|du|von|bei|der|des)\s*"
            rf"(?:(?i:{det})\s*)?⟨C(?P<s>\d+)⟩"), 0.7))
        # "Mercedes EQS cars will be equipped with CATL batteries", "saranno dotate di batterie CATL",
        # "mit Zellen von CATL ausgestattet": parts of a named maker in the subject's vehicles
        goods = (r"(?i:batter(?:y|ies)|batterie[sn]?|Batterie\w*|cells?|celle|cellules?|Zellen|Akkus?|chips?|"
                 r"semiconductors?|semiconduttori|semi-conducteurs|Halbleiter\w*|modules?|moduli|Module|"
                 r"accumulator\w*|accumulateurs?|sensors?|sensori|capteurs|Sensoren|engines?|motori|moteurs|Motoren)")
        equip = (r"(?i:(?:equipped|fitted|powered) with|(?:uses?|used|using)|dotat[eoia] di|equipaggiat[eoia] (?:con|di)|"
                 r"alimentat[eoia] da|(?:utilizz|impieg|mont)\w+|équipée?s? (?:de|d'|avec)|utilis\w+|"
                 r"ausgestattet mit|ausgerüstet mit|nutz\w+|verwende\w*|setzt\w* auf)")
        self.equipped = _Gated(equip, 
            rf"⟨C(?P<b>\d+)⟩[^⟨;]{{0,120}}?(?:⟨C\d+⟩[^⟨;]{{0,120}}?)?{equip}\s+(?:(?i:{det})\s*)?(?:[\w\-]+\s+){{0,2}}?"
            rf"(?:(?P<d>{goods})\s+(?:(?i:from|of|di|della|del|da|dalla|dal|de|du|d'|von|made by|supplied by|"
            rf"prodott[eoi] da|fornit[eoi] da|fabriqué\w* par)\s+)?(?:(?i:{det})\s*)?{firm_desc}⟨C(?P<s>\d+)⟩"
            rf"|⟨C(?P<s2>\d+)⟩(?:'s)?\s+(?P<d2>{goods}))")
        # "JAC, which also makes cars for China's leading electric vehicle startup Nio", "LG, che produce
        # celle per la casa automobilistica Tesla": a maker in a relative clause; "Panasonic est la seule à
        # fabriquer depuis des années des batteries pour Tesla": the goods named farther from the verb
        self.supplies.append((re.compile(
            rf"⟨C(?P<s>\d+)⟩\s*,\s*(?i:which|that|che|qui|der|die|das)\s+(?:[\w\-']+\s+){{0,3}}?(?i:{make})\s+"
            rf"(?P<d>(?:[\w\-']+\s+){{1,4}}?)(?i:{for_})\s+(?:(?i:{det})\s*)?{buyer_desc}⟨C(?P<b>\d+)⟩"), 0.6))
        self.supplies.append((_Gated(goods,
            rf"⟨C(?P<s>\d+)⟩\s+(?:[\w\-']+\s+){{0,4}}?(?i:{make})\s+"
            rf"(?P<d>(?:[\w\-']+\s+){{0,6}}?{goods}(?:\s+[\w\-']+){{0,2}}?\s+)(?i:{for_})\s+(?:(?i:{det})\s*)?"
            rf"{buyer_desc}⟨C(?P<b>\d+)⟩"), 0.6))
        # "an engine developed by Ferrari for the new Maserati", "sviluppato da Ferrari per Maserati",
        # "fabriqué par Magna pour Fisker", "von Magna für Fisker gebaut": made by one for the other
        # (the two words before are part of the match, so that "could be built by" reads as a prospect)
        made_by = (r"(?:made|built|produced|manufactured|assembled|developed)\s+by|"
                   r"(?:prodott|costruit|realizzat|sviluppat|assemblat|fabbricat)[oaie]\s+(?:da|dalla|dal|dall')|"
                   r"(?:fabriqu|produit|construit|assembl|développ)\w*\s+par")
        self.supplies.append((_Gated(rf"(?i:{made_by})",
            rf"(?<![\w\-])(?:[\w\-']+\s+){{0,2}}(?i:{made_by})\s+(?:(?i:{det})\s*)?{firm_desc}⟨C(?P<s>\d+)⟩(?P<d>)\s+"
            rf"(?:(?i:specifically|especially|exclusively|appositamente|espressamente|esclusivamente|"
            rf"spécialement|exclusivement|spécifiquement|eigens|speziell|exklusiv)\s+)?"
            rf"(?i:{for_})\s+(?:(?i:{det})\s*)?(?:(?i:new|nuov[oa]|nouvelle|nouveau|neue[nmns]?)\s+)?{buyer_desc}⟨C(?P<b>\d+)⟩"), 0.6))
        if lang == "de":
            self.supplies.append((_Keyed(("gebaut", "gefertigt", "produziert", "hergestellt", "entwickelt", "montiert"),
                rf"(?<![\w\-])von\s+(?:(?i:{det})\s*)?{firm_desc}⟨C(?P<s>\d+)⟩(?P<d>)\s+für\s+(?:(?i:{det})\s*)?"
                rf"(?:[\w\-]+\s+){{0,2}}?⟨C(?P<b>\d+)⟩\s+(?:[\w\-]+\s+){{0,2}}?"
                rf"(?:gebaut|gefertigt|produziert|hergestellt|entwickelt|montiert)(?![\w\-])"), 0.6))
        # "Bosch won a large order from Volkswagen", "si è aggiudicata una commessa da Stellantis",
        # "erhält einen Großauftrag von VW": the one who orders buys
        won = (r"(?i:won|wins|winning|secured|secures|received|receives|landed|lands|gets|got|obtained|obtains|"
               r"aggiudicat\w*|ottenuto|ottiene|ricevuto|riceve|vinto|vince|remporté|remporte|obtenu|obtient|reçu|"
               r"reçoit|décroché|décroche|erhält|erhielt|gewonnen|gewinnt|bekommt|bekam)")
        order = (r"(?i:orders?|contracts?|commess[ae]|ordin[ei]|ordinativ\w*|contratt[oi]|commandes?|contrats?|"
                 r"\w*[Aa]uftr[aä]g\w*|Bestellung\w*)")
        self.supplies.append((re.compile(
            rf"⟨C(?P<s>\d+)⟩\s+(?:[\w\-']+\s+){{0,3}}?{won}\s+(?:[\w\-']+\s+){{0,3}}?{order}\s+"
            rf"(?P<d>(?:[\w\-]+\s+){{0,4}}?)(?i:from|da|dalla|dal|de|du|de la part de|auprès de|von|vom)\s*"
            rf"(?:(?i:{det})\s*)?{firm_desc}⟨C(?P<b>\d+)⟩"), 0.65))
        # "... whereas for Tesla, it makes cylindrical batteries": the sentence's subject makes them
        self.supply_for_it = re.compile(
            rf"(?<!\w)(?i:{for_})\s+⟨C(?P<b>\d+)⟩\s*,\s*(?i:it|they|esso|essa|il|elle|er|sie)\s+(?:[\w\-]+\s+)?"
            rf"(?i:{make})\s+(?P<d>(?:[\w\-]+\s+){{0,4}})")
        # "Panasonic holds the contract for producing Tesla's battery cells", "LG makes GM's batteries",
        # "CATL produce le batterie di Stellantis": goods of a named customer
        self.supply_possessive = _Gated(goods,
            rf"⟨C(?P<s>\d+)⟩\s+(?:[\w\-]+\s+){{0,6}}?(?i:{make}|{supply}|{s('supplier')})\s+(?:(?i:{det})\s*)?"
            rf"(?:⟨C(?P<b>\d+)⟩['’]s?\s+(?P<d>(?:[\w\-]+\s+){{0,2}}?{goods})"
            rf"|(?P<d2>(?:[\w\-]+\s+){{0,2}}?{goods})\s+(?i:of|di|del|della|dei|de|du|des|von)\s*(?:(?i:{det})\s*)?⟨C(?P<b2>\d+)⟩)")
        # "Il achètera des batteries à la société chinoise CATL", "It will source cells from CATL": the
        # buyer is the company the text is about
        pron = r"(?i:it|they|he|she|esso|essa|il|elle|ils|elles|er|sie|es)"
        self.buy_from_it = re.compile(
            rf"(?:^|[,;]\s*|\s)(?:(?i:and|e|et|und)\s+)?{pron}\s+(?:[\w\-']+\s+){{0,2}}?(?i:{s('buy_from')})\s+"
            rf"(?P<d>(?:[\w\-']+\s+){{1,4}}?)(?i:{s('from_seller')})\s*(?:(?i:{det})\s*)?{firm_desc}⟨C(?P<s>\d+)⟩")
        # "it will continue supplying Ford", "qu'il va fournir des composants au constructeur indien
        # Mahindra", "Le groupe allemand équipe déjà Ford en composants": the seller is a pronoun or a
        # company named by a common noun, the company the text is about; "Valeo qui va lui fournir la
        # chaîne de traction": the buyer is (a clitic pronoun)
        equip_verb = {"fr": r"|équip\w+", "it": r"|equipaggi\w+", "de": r"|ausstatt\w*|ausrüst\w*|versorg\w*|beliefer\w*"}.get(lang, "")
        supply_verb = rf"(?i:{supply}{equip_verb})"
        described = (rf"(?i:the|this|le|la|l'|il|lo|questa|questo|cette|ce|der|die|das|dieser|diese)\s*"
                     rf"(?:[\w\-]+\s+){{0,2}}?(?:(?i:{_FIRM})|[\w\-]+(?:konzern|hersteller|bauer|zulieferer|riese))"
                     rf"(?:\s+[\w\-']+){{0,4}}?")  # ("der Chipkonzern")
        self.supply_by_it = _Gated(supply_verb,
            rf"(?:^\W*|(?<![\w\-])(?P<that>(?i:that|che|dass|and|e|et|und)\s+|(?i:qu')))"
            rf"(?:{pron}|(?P<desc>{described}))\s+(?:[\w\-']+\s+){{0,3}}?{supply_verb}\s+"
            rf"(?P<d>(?:[\w\-']+\s+){{0,5}}?)(?:(?i:to|a|à|au|aux|an|per|for|alla|al|ai|agli|alle|pour)\s+)?"
            rf"(?:(?i:{det})\s*)?{buyer_desc}⟨C(?P<b>\d+)⟩"
            rf"|⟨C(?P<s>\d+)⟩\s*,?\s+(?i:qui|che|der|die|das)\s+(?:[\w\-']+\s+){{0,2}}?"
            rf"(?i:lui|leur|gli|le|ihm|ihr|ihnen)\s+(?:[\w\-']+\s+)?{supply_verb}\s+(?P<d2>(?:[\w\-']+\s*){{1,6}})"
            # "Der US-Konzern wird VW ab 2026 mit Chips beliefern": the verb comes last
            + (rf"|^\W*(?:(?i:er|sie|es)|{described})\s+(?i:wird|werden|will|wollen|soll|sollen|dürfte|dürften|kann|können)\s+"
               rf"(?:(?i:{det})\s*)?{buyer_desc}⟨C(?P<b3>\d+)⟩\s+(?P<d3>[^⟨⟩.;,]{{0,60}}?)(?<![\w\-])(?:be|mitbe)?"
               rf"(?:liefer|versorg)\w*(?![\w\-])" if lang == "de" else ""))
        # "GM ... will become a key technology supplier for the startup", "becoming the exclusive supplier of
        # fuel cells around the world for Nikola's trucks", "diventerà fornitore della casa automobilistica":
        # a supplier's role taken on, for a buyer named by a common noun or through its goods
        become = (r"become|becomes|becoming|became|is|will be|remains|diventa|diventerà|diventare|diventato|è|sarà|"
                  r"devient|deviendra|devenir|devenu|est|sera|wird|werden|ist|bleibt")
        self.supplier_role = _Gated(rf"(?i:{supplier}|{supply})",
            rf"(?<![\w\-])(?:(?i:{become})\s+(?:(?i:{det})\s*)?(?:[\w\-]+\s+){{0,3}}?(?i:{supplier})|(?P<v>(?i:{supply})))"
            rf"(?P<d>(?:\s+[^⟨⟩.;:]{{0,80}}?)?)(?:\s|--|[–—])"
            rf"(?:(?:(?i:for|to|per|a|pour|à|für|of|di|de|von|an)\s+(?i:the|this|la|il|lo|l'|le|die|das|den|dem)"
            rf"|(?i:al|alla|allo|all'|della|dello|dell'|del|au|du|de la|de l'|der|dem|vom|zum|zur))\s*"
            rf"(?P<desc>(?:[\w\-]+\s+){{0,2}}?(?i:{_FIRM}|Unternehmen|Firma)\w*)(?![\w\-])(?!\s*⟨)"
            rf"|(?i:for|to|per|a|pour|à|für|of|di|de|von)\s+(?:(?i:{det})\s*)?⟨C(?P<b>\d+)⟩['’]s?\s)")
        # "Stellantis ha firmato un MoU con CATL per la fornitura di celle", "signed a non-binding memorandum
        # of understanding with chipmaker Infineon for a multi-year supply of semiconductors": a memorandum
        # for a supply, which the one in a supplier's sector gives
        memo = (r"memorand\w*|MoU|letters? of intent|protocoll[oi] d'intesa|lettera d'intenti|protocoles? d'accord|"
                r"lettre d'intention|Absichtserklärung\w*")
        self.memo_supply = _Gated(rf"(?i:{memo})",
            rf"⟨C(?P<b>\d+)⟩(?:\s*\([^()⟨⟩]{{0,30}}\))?\s+(?:[\w\-']+\s+){{0,5}}?(?i:{memo})[^⟨⟩.;]{{0,60}}?\s(?i:with|con|avec|mit)\s+(?:(?i:{det})\s*)?"
            rf"{buyer_desc}⟨C(?P<s>\d+)⟩(?:\s*\([^()⟨⟩]{{0,30}}\))?\s*,?\s+(?i:for|per|pour|über|zur)\s+(?:(?i:{det})\s*)?"
            rf"(?:[\w\-]+\s+){{0,2}}?(?P<d>(?i:supply|supplies|fornitur[ae]|fournitures?|approvisionnement|Lieferung\w*|Belieferung)"
            rf"(?:\s+[^⟨⟩.;:,]{{0,60}})?)")
        # "ZF hat mit STMicroelectronics einen Vertrag geschlossen, um die Versorgung mit Halbleitern zu
        # sichern", "signed a contract with Infineon to secure the supply of chips", "un accordo con CATL per
        # garantire la fornitura di batterie": a deal between the two whose aim is a supply
        self.secured_supply = _Gated(
            r"(?i:secur|ensur|guarant|garant|assicur|sécuris|assur|Versorgung|Lieferung|Belieferung)",
            rf"(?<![\w\-])(?P<deal>(?i:agreements?|contracts?|deals?|accord[oi]|contratt[oi]|intesa|accords?|contrats?|"
            rf"Vertr[aä]g\w*|Vereinbarung\w*|Abkommen|{memo}))(?![\w\-])[^.;:]{{0,100}}?\s"
            rf"(?i:to secure|to ensure|to guarantee|per garantire|per assicurare|per assicurarsi|pour sécuriser|"
            rf"pour garantir|pour assurer|um|guaranteeing|securing|ensuring|garantendo|assicurando|"
            rf"che garantisce|che assicura|qui garantit|qui assure|qui sécurise|en garantissant|en assurant)\s+(?:(?i:{det})\s*)?(?:[\w\-]+\s+){{0,3}}?"
            rf"(?P<d>(?i:supply|supplies|fornitur[ae]|approvvigionament\w+|approvisionnements?|Versorgung|"
            rf"Lieferung\w*|Belieferung)(?:\s+[^⟨⟩.;:,]{{0,60}})?)")
        # "... than its long-standing relationship with Panasonic", "its pact with LG Chem and CATL", "il suo
        # rapporto di lunga data con Panasonic": a tie of the buyer of a supply the sentence has stated
        # "the Ocean SUV, which is being built by contract manufacturer Magna Steyr", "prodotta dal terzista
        # Magna", "assemblée par le sous-traitant Magna", "vom Auftragsfertiger Magna gebaut": made for the
        # company the text is about by a contract manufacturer
        contractor = (r"contract (?:manufacturer|assembler|maker)|terzista|contoterzista|produttore (?:in )?conto terzi|"
                      r"sous-traitant|fabricant sous contrat|Auftragsfertiger|Lohnfertiger")
        self.contract_made = _Gated(rf"(?i:{contractor})",
            rf"(?<![\w\-])(?i:built|made|produced|manufactured|assembled|(?:prodott|costruit|realizzat|assemblat|"
            rf"fabbricat)[oaie]|(?:fabriqu|produit|construit|assembl)\w*|gebaut|gefertigt|produziert|hergestellt|montiert)\s+"
            rf"(?i:by|da|dal|dalla|dall'|par|von|vom)\s+(?:(?i:{det})\s*)?(?:[\w\-]+\s+){{0,2}}?(?i:{contractor})\s+⟨C(?P<s>\d+)⟩"
            rf"|(?<![\w\-])(?i:von|vom)\s+(?:(?i:{det})\s*)?(?:[\w\-]+\s+)?(?i:{contractor})\s+⟨C(?P<s2>\d+)⟩\s+"
            rf"(?:[\w\-]+\s+){{0,3}}?(?i:gebaut|gefertigt|produziert|hergestellt|montiert)")
        # "Ford will sell 10,000 electric vans to Amazon", "venderemo ad Amazon un grande numero di veicoli
        # commerciali", "vendra des véhicules à Hertz", "verkauft Fahrzeuge an Hertz": goods sold to a buyer
        vehicles = (rf"{goods}|(?i:vehicles?|cars|vans|trucks|buses|veicoli|vetture|auto|furgoni|camion|autobus|"
                    rf"véhicules?|voitures|camionnettes|utilitaires|Fahrzeuge|Autos|Transporter|Lkw)")
        self.sold_goods = _Gated(r"(?i:sell|sold|vend|verkauf)",
            rf"(?:⟨C(?P<s>\d+)⟩\s+(?:[\w\-']+\s+){{0,3}}?|(?:^|[“\"«])\W*(?:[\w\-']+\s+){{0,2}}?)"
            rf"(?i:sell|sells|selling|sold|vend\w+|verkauf\w+)\s+(?P<d>(?:[\w\-',.]+\s+){{0,6}}?)"
            rf"(?i:to|a|ad|alla|al|agli|ai|à|au|aux|an)\s+(?:(?i:{det})\s*)?{buyer_desc}⟨C(?P<b>\d+)⟩"
            rf"(?P<d2>(?:\s+[\w\-',.]+){{0,8}})")
        self.vehicles = re.compile(rf"(?<![\w\-])(?:{vehicles})(?![\w\-])")
        # passive voice: "Leapmotor was acquired by Stellantis", "Tesla is supplied by Panasonic"
        head = r"⟨C(?P<t>\d+)⟩(?:\s*,[^,;⟨⟩]{0,60},\s*|\s+(?:[\w\-]+\s+){0,3}?)"
        tail = rf"\s*(?:(?i:{det})\s*)?(?:[\w\-]+\s+){{0,3}}?⟨C(?P<i>\d+)⟩"
        self.passive_invest = [re.compile(rf"{head}(?i:{s('acquired_by')}){tail}")]
        self.passive_supply = [re.compile(rf"{head}(?i:{s('supplied_by')}){tail}")]
        if lang == "de":  # "Leapmotor wurde von Stellantis übernommen": the participle comes last
            von = r"(?i:wurde|wurden|wird|werden|ist|sind)\s+(?:[\w\-]+\s+){0,3}?von\s+(?:(?i:der|dem|den)\s+)?"
            end = r"\s+(?:[\w\-]+\s+){0,3}?"
            self.passive_invest.append(re.compile(
                rf"{head}{von}(?:[\w\-]+\s+){{0,2}}?⟨C(?P<i>\d+)⟩{end}(?:übernommen|gekauft|erworben)"))
            self.passive_supply.append(re.compile(
                rf"{head}{von}(?:[\w\-]+\s+){{0,2}}?⟨C(?P<i>\d+)⟩{end}(?:beliefert|versorgt)"))
        # a sale names its buyer: "Opel and Vauxhall are being sold to Magna", "agreed to sell the Rover
        # brand to SAIC", "cedere Iveco a SAIC", "vendre Saab à Koenigsegg", "Saab an Koenigsegg verkaufen"
        sold = r"sold\s+to|handed over\s+to" + {"it": r"|(?:cedut[oaie]|vendut[oaie])\s+(?:a|alla|al|all'|ai)",
                                                "fr": r"|(?:cédée?s?|vendue?s?)\s+(?:à|au|aux)"}.get(lang, "")
        sell = r"sell|sells|selling|sold" + {"it": r"|vender\w*|vend[eo]|vendut[oa]|ceder\w*|cede|cedut[oa]",
                                              "fr": r"|vendre|vend|vendu|céder|cède|cédé|cédera"}.get(lang, "")
        to = r"to" + {"it": r"|a|alla|al|all'", "fr": r"|à|au"}.get(lang, "")
        be = (r"is|are|was|were|will be|would be|has been|have been|had been|è|sono|sarà|saranno|verrà|verranno|"
              r"viene|vengono|est|sont|sera|seront|a été|ont été")
        buyer = rf"\s*(?:(?i:{det})\s*)?(?:[\w\-]+\s+){{0,4}}?⟨C(?P<i>\d+)⟩"
        unit_word = (r"(?:(?i:brand|unit|division|business|marque|marchio|divisione|controllata|filiale|Marke|Sparte|"
                     r"Tochter\w*)\s+)?")
        sale_gate = r"(?i:sold|sell|handed|cedut|vendut|vend|ceder|cede|céd)"
        self.sales = [
            _Gated(sale_gate, rf"⟨C(?P<t>\d+)⟩\s*,?\s+(?:[\w\-]+\s+){{0,2}}?(?i:{be})\s+(?:[\w\-]+\s+){{0,2}}?(?i:{sold}){buyer}"),
            _Gated(sale_gate, rf"(?<![\w\-])(?i:{sell})\s+(?:(?i:{det})\s*)?{unit_word}⟨C(?P<t>\d+)⟩\s+{unit_word}(?i:{to}){buyer}"),
        ]
        if lang == "de":  # "will Saab an Koenigsegg verkaufen", "Saab wird an Koenigsegg verkauft"
            self.sales.append(_Gated("verkauf", rf"⟨C(?P<t>\d+)⟩\s+(?:[\w\-]+\s+){{0,2}}?an\s+(?:(?i:{det})\s*)?"
                                         rf"(?:[\w\-]+\s+){{0,2}}?⟨C(?P<i>\d+)⟩\s+(?:zu\s+)?verkauf\w*"))
        self.domains = [(re.compile(rf"(?<!\w)(?:{rx})(?!\w)", re.I), label) for rx, label in DOMAINS]
        self.domain_stop = re.compile(rf"[;:]|,\s*(?i:{conj})?\s*(?i:{s('with')})\b|⟨")
        # "an agreement between them and Mitsubishi": "them" is the pair named just before
        self.them_and = re.compile(rf"(?<!\w)(?i:{s('them_and')})\s+(?:(?i:{det})\s*)?⟨C(?P<k>\d+)⟩")
        # "l'alleanza Renault-Nissan-Mitsubishi", "the Fca-Renault merger": names joined by hyphens
        # next to a partnership word
        self.hyphen_group = re.compile(
            rf"(?<![\w\-])(?P<cue>(?i:{s('partner')}))\s+(?:(?i:{det})\s*)?⟨C(?P<g>\d+)⟩"
            rf"|⟨C(?P<g2>\d+)⟩\s+(?P<cue2>(?i:{s('partner')}))(?![\w\-])")
        self.with_word = re.compile(rf"(?<!\w)(?i:{s('with')}|{s('between')})(?!\w)")
        self.name_re = re.compile(name)
        # "il Cda presieduto da John Elkann", "the board of Renault, chaired by Jean-Dominique Senard"
        board = (r"(?i:CdA|consiglio di amministrazione|board(?: of directors)?|conseil d'administration|"
                 r"conseil de surveillance|Aufsichtsrat|Verwaltungsrat)")
        chaired = r"(?i:presieduto da|chaired by|présidé par|unter (?:dem )?Vorsitz von|geleitet von)"
        self.board_chair = re.compile(
            rf"(?<!\w){board}(?:\s+(?i:{of})\s*(?:(?i:{det})\s*)?(?:(?i:gruppo|group|groupe|Konzern)\s+)?⟨C(?P<org>\d+)⟩)?"
            rf"\s*,?\s+{chaired}\s+{name}")
        # "Nissan, partner di Renault insieme a Mitsubishi", "Nissan, Renault's partner along with
        # Mitsubishi": a partner named in an apposition, and the other partners listed with it
        also = r"(?i:insieme a|insieme con|assieme a|together with|along with|as well as|alongside|aux côtés de|ainsi que|avec|sowie|neben|mit)"
        partner_noun = r"(?i:partners?|alleat[oaie]|alliée?s?|partenaires?|Partner(?:in|n)?)"
        firm_word = r"(?i:company|firm|start-?up|società|azienda|entreprise|société|Unternehmen|Firma)"
        # "l'azienda cinese che collabora anche dei gruppi A, B e C", "the Japanese firm was abandoning merger
        # discussions with Honda": a tie of a company named by its country and a word for a firm
        work_with = (r"(?i:works?|working|worked|lavor\w*|travaill\w*|arbeite\w*|zusammenarbeite\w*)\s+(?:\w+\s+)?"
                     r"(?i:with|con|avec|mit)")
        self.described_tie = _Gated(
            rf"(?i:{firm_noun}|{_FIRM})",
            rf"(?<![\w\-])(?:(?i:the|il|lo|la|l'|l’|le|der|die|das|dem|dall'|dall’|dalla|dal|della|dell'|dell’|du|de la)\s*)"
            rf"(?P<desc>(?:[\w\-]+\s+){{0,2}}?(?:{firm_noun}|(?i:{_FIRM}))(?:\s+[a-zà-ÿ][\w\-]*){{0,2}})(?![\w\-])"
            rf"[^⟨⟩.;:!?\"“”]{{0,70}}?(?<![\w\-])(?P<cue>{self.cue['partner'].pattern}|{work_with})"
            rf"(?:\s+(?i:also|anche|aussi|auch|already|già|déjà|bereits|with|con|col|coi|avec|mit|dei|degli|delle|des|di|de|"
            rf"the|i|gli|le|les|die|den|dem|groups|gruppi|groupes|Konzernen|companies|aziende|sociétés|Unternehmen|"
            rf"discussions|talks|negotiations|colloqui|trattative|négociations|pourparlers|Gesprächen?|Verhandlungen)){{0,4}}\s*(?P<list>⟨C\d+⟩(?:\s*(?:,|(?i:and|e|et|und))\s*⟨C\d+⟩)*)")
        # "Panasonic is also a partner of Tesla", "Panasonic est aussi le partenaire dans ce domaine du constructeur
        # américain Tesla", "ist auch Partner des US-Autobauers Tesla": a partner stated with a copula
        self.partner_of = _Gated(
            partner_noun,
            rf"⟨C(?P<x>\d+)⟩\s+(?i:is|was|has been|remains|è|era|resta|rimane|est|était|reste|demeure|ist|war|bleibt)\s+"
            rf"(?:(?i:also|anche|aussi|auch|already|già|déjà|bereits|still|ancora|toujours|noch|now|ora|désormais|jetzt)\s+){{0,2}}"
            rf"(?:(?i:{det})\s*)?(?:[\w\-]+\s+){{0,2}}?(?P<noun>{partner_noun})(?:\s+[^⟨⟩,.;:]{{0,25}}?)?\s+(?i:{of})\s*"
            rf"(?:(?i:{det})\s*)?(?:[\w\-]+\s+){{0,3}}?⟨C(?P<y>\d+)⟩")
        # "Nissan is reportedly in talks to invest $400 million in Fisker", "Amazon and GM are in talks about
        # making an investment in Rivian", "Foxconn has emerged as a possible investor in Nissan", "è in trattativa
        # per investire in", "en discussions pour entrer au capital de", "in Gesprächen über eine Beteiligung an":
        # a tie in prospect between the investor and the company
        talks = (r"(?i:in talks|in discussions?|in negotiations?|negotiating|in trattativ[ae]|in colloqui|in negoziat\w+|"
                 r"en discussions?|en négociations?|en pourparlers|négocie|in Gesprächen|in Verhandlungen|verhandel\w*)")
        stake_word = (r"(?i:invest\w*|(?:minority |majority )?stake|partecipazion\w+|quota|capitale|investi\w+|participation|"
                      r"capital|Beteiligung|Einstieg|Anteil\w*)")
        self.investment_talks = _Gated(
            r"(?i:talks|discussion|negotiat|trattativ|colloqui|negoziat|négoci|pourparlers|Gespräch|Verhandl|verhandel|investor|investitore|investisseur|Investor)",
            rf"(?P<xs>⟨C\d+⟩(?:\s*(?:,|(?i:{conj}))\s*⟨C\d+⟩)*)[^⟨⟩.;:]{{0,40}}?(?P<t>{talks}[^⟨⟩.;:]{{0,40}}?{stake_word}"
            rf"|(?i:possible|potential|prospective|possibile|potenziale|potentiel|möglicher)\s+(?i:investor|investitore|investisseur|Investor))"
            rf"[^⟨⟩.;:]{{0,50}}?(?<![\w\-])(?i:in|into|nel|nella|nell'|in|dans|au capital de|an|bei|of|di|de|du)\s*"
            rf"(?:(?i:{det})\s*)?(?:[\w\-]+\s+){{0,4}}?⟨C(?P<y>\d+)⟩")
        # "alongside our existing partners, CATL and Samsung SDI", "the group's existing Chinese partner SAIC",
        # "i nostri partner A e B", "nos partenaires A et B", "unsere Partner A und B": partners of the
        # speaker's company or of the group the sentence is about
        self.owned_partners = _Gated(
            partner_noun,
            rf"(?<![\w\-])(?:(?P<our>(?i:our|nostr[oaie]|i nostri|le nostre|notre|nos|unser(?:e|em|en|er)?))|(?P<group>(?i:the)\s+"
            rf"(?i:group|company|carmaker|automaker|firm)['’]s|(?i:del gruppo|della società|du groupe|de la société|des Konzerns)))\s+"
            rf"(?:[\w\-]+\s+){{0,2}}?{partner_noun}(?:\s+(?!(?:di|del|della|in|of|con|with|de|du|des|von|mit|per|for|a|à|e|and|et|und)\b)[a-zà-ÿ][\w\-]*){{0,2}}?"
            rf"\s*[,:]?\s*(?P<list>⟨C\d+⟩(?:\s*(?:,|(?i:and|e|et|und|as well as))\s*⟨C\d+⟩)*)")
        invest_verb = r"(?i:invest\w*|acquir\w+|bought|buy(?:s|ing)?|took|takes?|taking|acquist\w*|rilev\w*|compr\w+|rachet\w*|achet\w*|erw[ai]rb\w*|kauf\w*)"
        # "Volkswagen investirà 100 milioni di dollari nella società specializzata in batterie"
        self.invest_in_firm = re.compile(
            rf"{invest_verb}\s+(?:[^⟨⟩,;.]{{0,60}}?\s)?(?i:in|into|nella|nell'|dans la|dans l'|in das|in die|"
            rf"an der|an dem)\s*(?:(?i:the|this|la|questa|cette|le|l'|der|die|das|dem)\s*)?{firm_word}(?![\w'’])")
        # "will team up with the nascent company": a tie with a company named by a common noun
        self.with_the_firm = re.compile(
            rf"\s*(?i:{s('with')})\s+(?i:the|this|that|la|il|lo|l'|questa|quella|cette|ce|le|der|die|das|dem|diesem|dieser)\s*"
            rf"(?:[\w\-]+\s+){{0,2}}?(?:{firm_word}|(?i:automaker|carmaker|maker|manufacturer|gruppo|group|costruttore|"
            rf"casa automobilistica|groupe|constructeur|Hersteller|Konzern|Autobauer))(?![\w'’])")
        self.appos_partner = re.compile(
            rf"⟨C(?P<x>\d+)⟩(?:\s*,\s*(?:(?i:{det})\s*)?(?:[\w\-]+\s+){{0,2}}?|\s+(?:(?i:is|was|è|era|est|était|ist|war)\s+)?"
            rf"(?:(?i:already|long|già|déjà|bereits|schon|langjährige\w*)\s+)(?:(?i:{det})\s*)?)(?:{partner_noun}\s+(?i:{of})\s*(?:(?i:{det})\s*)?"
            rf"⟨C(?P<y>\d+)⟩|⟨C(?P<y2>\d+)⟩['’]s?\s+(?:[\w\-]+\s+){{0,2}}?{partner_noun})"
            rf"(?:\s*,?\s+{also}\s+(?:(?i:{det})\s*)?⟨C(?P<z>\d+)⟩)?")
        # "amministratore delegato di Exor", "CEO of Nikola": a role's organisation is a company
        self.role_org = re.compile(
            rf"(?<!\w)(?i:{role})\s+(?i:{role_of})\s*(?:(?i:{det})\s*)?((?:{_CAP}\s+){{0,3}}{_CAP})")
        self.persons_near_role = re.compile(rf"(?i:{role})")
        # "SK Group Chairman Chey Tae-won", "Navigant Research analyst": a firm's name, by its last
        # word, right before a title and a person's name
        self.org_before_title = re.compile(
            rf"(?<![\w\-'’])((?:{_CAP}\s+){{1,2}}(?:{_ORG_HEAD.pattern}))\s+(?=(?i:{mods}(?:{role}))\s+{_NAME_TOK}\s+{_NAME_TOK})")
        # a sentence that may state a role: a role word, or "who heads" after a name
        self.role_gate = re.compile(rf"(?i:{role})|,\s*(?i:who|che|qui|der|die)\s+(?:\w+\s+)?{_HEAD_VERBS}"
                                    rf"|{_HEAD_OF}"
                                    rf"|(?<![\w\-])(?i:bei|chez|presso|at)\s+[^\s,.;]+(?:\s+[^\s,.;]+){{0,3}}?\s*,?\s+"
                                    rf"(?i:zuständig|verantwortlich|responsable|in charge|responsible|en charge)(?![\w\-])")
        # What a list of companies hangs from: "fornitore di molti clienti, tra cui A, B e C" is a
        # list of customers, "its suppliers include A and B" one of suppliers; neither is a list of
        # partners of one another.
        incl = (r"(?i:including|includes|include|included|such as|among them|among others|notably|"
                r"tra cui|fra cui|tra i quali|tra le quali|fra i quali|tra gli altri|come|compres[io]|inclus[oi]|"
                r"dont|parmi lesquels|parmi lesquelles|parmi eux|notamment|comme|y compris|"
                r"darunter|unter anderem|u\.\s?a\.|etwa|wie|zum Beispiel)")
        self.inclusion = re.compile(rf"(?<![\w'])(?:{incl})\s*(?::\s*)?(?:(?i:{det})\s*)?$")
        self.inclusion_word = re.compile(rf"(?<![\w'])(?:{incl})(?!\w)")
        customer = r"(?i:customers?|clients?|clienti|clientela|clientèle|Kunden|Abnehmer\w*|acquirenti|buyers?)"
        suppliers = r"(?i:suppliers|fornitori|fournisseurs|Lieferanten|Zulieferer)"
        self.supply_deal = re.compile(
            r"(?i:supply (?:contracts?|deals?|agreements?|orders?)|contratt[oi] di fornitura|accord[oi] di fornitura|"
            r"ordin[ei] di fornitura|contrats? d'approvisionnement|contrats? de fourniture|accords? de fourniture|"
            r"Liefervertr[äa]g\w*|Lieferabkommen|Liefervereinbarung\w*|"
            # "un accordo per la fornitura di batterie", "an agreement for the supply of cells"
            r"agreements? (?:(?:for|on) the |to )supply|(?:accord|contratt)[oi] (?:per|sulla) (?:la )?fornitura|"
            r"(?:accord|contrat)s? (?:pour|sur) la fourniture|(?:Vereinbarung|Vertrag|Abkommen)(?:en)? über die Lieferung)")
        # "gli accordi di fornitura di batterie di Tesla con CATL e LG Chem", "Tesla's supply agreements with
        # CATL and LG": a company's supply deals with others (who buys, the sectors of the two say)
        self.deals_of = _Gated(self.supply_deal.pattern,
            rf"(?:{self.supply_deal.pattern})\s+(?:[\w\-]+\s+){{0,3}}?(?i:of|di|del|della|de|du|von|des)\s*(?:(?i:{det})\s*)?"
            rf"⟨C(?P<b>\d+)⟩\s+(?i:with|con|avec|mit)\s+(?:(?i:{det})\s*)?⟨C(?P<s>\d+)⟩"
            rf"(?P<more>(?:\s*(?:,|(?i:{conj})|,\s*(?i:{conj}))\s*(?:(?i:{det})\s*)?⟨C\d+⟩)*)"
            rf"|⟨C(?P<b2>\d+)⟩['’]s?\s+(?:[\w\-]+\s+){{0,2}}?(?:{self.supply_deal.pattern})\s+(?i:with)\s+(?:(?i:{det})\s*)?"
            rf"⟨C(?P<s2>\d+)⟩(?P<more2>(?:\s*(?:,|(?i:{conj})|,\s*(?i:{conj}))\s*(?:(?i:{det})\s*)?⟨C\d+⟩)*)")
        self.buyer_tie = _Gated(r"(?i:relationship|pact|ties|rapport|relazion|patto|relation|Beziehung)",
            rf"(?<![\w\-])(?i:its|their|his|her|suo|sua|suoi|loro|son|sa|ses|leur|leurs|sein\w*|ihr\w*)\s+"
            rf"(?:[\w\-]+\s+){{0,4}}?(?i:relationships?|pacts?|ties|rapport[oi]|relazion[ei]|patt[oi]|relations?|"
            rf"Beziehung\w*)\s+(?:[\w\-]+\s+){{0,4}}?(?i:with|con|avec|mit)\s+(?:(?i:{det})\s*)?{buyer_desc}"
            rf"(?:[\w\-’'.]+['’]s\s+)?⟨C(?P<s>\d+)⟩(?P<more>(?:\s*(?:,|(?i:{conj})|,\s*(?i:{conj}))\s*(?:(?i:{det})\s*)?⟨C\d+⟩)*)")
        gap = r"(?P<gap>[^⟨⟩.;:]{0,100}?)"
        self.deal_of_it = re.compile(
            rf"^\W*(?:(?i:and|e|et|und)\s+)?{pron}\s+(?:[\w\-']+\s+){{0,5}}?(?P<deal>{self.supply_deal.pattern})[^⟨⟩.;:]{{0,40}}?"
            rf"\s(?i:{s('with')})\s+(?:(?i:{det})\s*)?(?:[\w\-]+\s+){{0,3}}?⟨C(?P<s>\d+)⟩")
        self.customer_list = re.compile(
            rf"(?<![\w\-])(?:(?P<cust>{customer})|(?P<sups>{suppliers})"
            rf"|(?P<to>(?i:{supplier})\s+(?i:to|of|for|di|per|de|pour|von|für|della|del|dei|degli|des|du|d'))"
            rf"|(?P<deal>{self.supply_deal.pattern})[^⟨⟩.;:]{{0,60}}?\s(?i:{s('with')})"
            rf"|(?P<verb>(?i:{supply}))\s+(?:[\w\-]+\s+){{0,4}}?(?i:to|a|à|an|ai|alle|agli|alla|al|aux))"
            rf"(?![\w\-]){gap}$")
        expand = (r"expand\w*|extend\w*|strengthen\w*|deepen\w*|broaden\w*|ampli[aà]\w*|estend\w+|estes[oa]|"
                  r"rafforz\w+|approfond\w+|élarg\w+|étend\w+|renforc\w+|ausbau\w*|ausbauen|erweiter\w+|"
                  r"vertief\w+|stärk\w+")
        self.expand = re.compile(rf"(?<![\w\-])(?i:{expand})\s+(?:[\w']+\s+){{0,3}}?(?i:{s('partner')})(?![\w\-])")
        # weighing a step, not taking it: "is considering taking a stake", "sta valutando di acquisire"
        self.weighing = re.compile(
            r"(?<![\w\-])(?i:consider\w*|evaluat\w*|explor\w*|weigh\w*|mull\w*|study\w*|studying|look(?:s|ing)? into|"
            r"valut\w*|esplor\w*|studi\w*|ipotizz\w*|envisag\w*|étudi\w*|réfléchi\w*|prüf\w*|erwäg\w*|"
            r"sondier\w*|überleg\w*)(?![\w\-])")
        self.each = re.compile(r"(?<![\w\-])(?i:each|respectively|ciascun[oa]|ognuno|rispettivamente|chacun[e]?|"
                               r"respectivement|jeweils)(?![\w\-])")
        self.hold = re.compile(r"(?<![\w\-])(?i:holds?|held|holding|owns?|owned|deterr\w+|detien\w*|deterrann\w+|avranno|possied\w+|"
                               r"possède\w*|possèd\w+|posséd\w+|hält|hielt|besitz\w*|"
                               r"détiendr\w+|détien\w*|halten|gehören)(?![\w\-])")
        pct = r"\d{1,3}(?:[.,]\d+)?\s*(?:%|per ?cent\b|percent\b|per cento\b|pour cent\b|Prozent\b)"
        share = (r"(?i:share|stake|holding|quota|partecipazione|participation|part|Anteil|Beteiligung)")
        more = r"(?P<more>(?:\s*(?:,|(?i:and|e|et|und))\s*(?:(?i:the|la|le|il|der|die|l')\s*)?⟨C\d+⟩)*)"
        # "la quota di Renault in Flexis", "the stake of Renault and Volvo in Flexis", "la participation de
        # Renault dans Flexis", "der Anteil von VW an FAW-VW", "Renault's share in Flexis": a holder's share
        # of a company
        self.share_of = re.compile(
            rf"(?<![\w\-]){share}\s+(?i:of|di|del|della|dello|dell'|de|du|d'|von|des)\s*(?:(?i:{det})\s*)?"
            rf"⟨C(?P<y>\d+)⟩{more}\s+(?i:in|into|nel|nella|nello|nell'|dans|an|am|im|in der)\s*(?:(?i:{det})\s*)?"
            rf"(?:(?i:joint[- ]venture|JV|co-?entreprise|Gemeinschaftsunternehmen|Joint-Venture)\s+)?⟨C(?P<t>\d+)⟩"
            rf"(?!\s*(?:⟨|[{_UP}]))"  # "a stake in Daimler Hyundai Truck": the target's name goes on
            rf"|⟨C(?P<y2>\d+)⟩(?:'s?|s)\s+(?:[\w\-]+\s+)?{share}\s+(?i:in|an|am)\s*(?:(?i:{det})\s*)?⟨C(?P<t2>\d+)⟩"
            rf"(?!\s*(?:⟨|[{_UP}]))")
        # "FAW hält 60 Prozent an FAW-Volkswagen, Volkswagen 30 Prozent und Audi 10 Prozent", "Renault holds
        # 45% of Flexis, Volvo 45% and CMA CGM 10%": one stake stated, the others by ellipsis
        hold = r"(?i:holds?|owns?|has|will hold|detiene|possiede|ha|détient|possède|détiendra|hält|besitzt)"
        self.held_pct = re.compile(
            rf"⟨C(?P<x>\d+)⟩\s+(?:(?P<ne>(?i:ne|en|ne|davon)\s+)|[\w\-]+\s+){{0,2}}?{hold}\s+(?P<there>(?i:there|dort|daran|darin|lì|vi|y)\s+)?"
            rf"(?:(?i:a|an|il|le|un|una|the)\s+)?(?P<pct>{pct})(?P<there2>\s+(?i:there|of it|in it|lì|dort|daran))?"
            rf"(?:\s+(?i:of|in|di|del|della|nel|nella|de|du|des|an|am)\s*"
            rf"(?:(?i:{det})\s*)?(?:[\w\-]+\s+){{0,2}}?⟨C(?P<t>\d+)⟩)?")
        self.ellipsis_pct = re.compile(
            rf"\s*(?:,|;)?\s*(?:(?i:and|e|et|und|while|mentre|tandis que|während|whereas)\s+)?(?:(?i:{det})\s*)?"
            rf"⟨C(?P<y>\d+)⟩\s+(?:(?i:with|con|avec|mit|holds?|owns?|has|ha|detiene|détient|hält)\s+)?"
            rf"(?:(?i:a|an|il|le|un|una|the)\s+)?(?P<pct>{pct})(?!\s*(?i:of|in|di|de|an|du|della|nel|nella)\b)")
        # "Toyota détiendra 51 pour cent des actions et Panasonic 49 pour cent", "Toyota will hold 51% and
        # Panasonic 49%": the shares of the venture just named, the venture not named again
        self.split_pct = re.compile(
            rf"⟨C(?P<x>\d+)⟩\s+(?:[\w\-]+\s+){{0,2}}?(?:{hold}|(?i:will own|will have|deterrà|avrà|aura|wird\s+(?:[\w\-]+\s+)?halten))\s+"
            rf"(?:(?i:a|an|il|le|un|una|the)\s+)?(?P<p1>{pct})(?:\s+(?i:of the|of its|delle|del|des|du|der)\s+"
            rf"(?i:shares|capital|equity|azioni|quote|capitale|actions|capital|parts|Anteile|Aktien))?"
            rf"\s*,?\s*(?i:and|e|et|und|while|mentre|tandis que|während|whereas)\s+(?:(?i:{det})\s*)?"
            rf"⟨C(?P<y>\d+)⟩\s+(?:(?i:the remaining|the other|il restante|l'altro|le reste|les|die übrigen|die restlichen)\s+)?"
            rf"(?:(?i:a|an|il|le|un|una|the)\s+)?(?P<p2>{pct})(?!\s*(?i:of|in|di|de|an|du|della|nel|nella|dans)\b)")
        # "a 50/50 joint venture", "una joint venture paritetica", "une coentreprise à parts égales",
        # "ein paritätisches Gemeinschaftsunternehmen": each of two parents holds half
        even = (r"(?i:50/50|50-50|50:50|fifty-fifty|equally owned|equally-owned|paritari[ao]|paritetic[ao]|"
                r"à parts égales|paritaire|paritätisch\w*)")
        venture = r"(?i:joint[- ]venture\w*|JV|co-?entreprise|Gemeinschaftsunternehmen|Joint-Venture)"
        # "Stellantis et TotalEnergies ... leur co-entreprise ACC", "Toyota and Panasonic said their joint
        # venture Prime Planet Energy": the venture of the companies the sentence opens with
        self.their_venture = _Gated(
            r"(?i:their|leurs?|loro|ihre?[mns]?)\s",
            rf"(?<![\w\-])(?i:their|leurs?|la loro|il loro|loro|ihre?[mns]?)\s+(?:[\w\-]+\s+){{0,2}}?{venture}"
            rf"(?:\s+(?i:called|named|chiamata|denominata|nommée|namens))?\s*(?:(?P<x>⟨C\d+⟩)|(?P<with>(?i:{s('with')})\b))?")
        # "compte trois actionnaires à parts égales", "hold equal stakes": owners in equal shares
        self.even_shares = re.compile(rf"{even}|(?i:equal (?:shares|stakes)|in equal parts|quote (?:uguali|paritarie)|"
                                      r"parti uguali|zu gleichen Teilen|je zur Hälfte)")
        self.even_venture = re.compile(rf"{even}\s+(?:[\w\-]+\s+){{0,1}}?{venture}|{venture}\s+(?:[\w\-]+\s+){{0,1}}?{even}")
        # "ACC, la joint venture creata da Stellantis e TotalEnergies", "the truck company Flexis created
        # by Renault and Volvo", "une coentreprise formée par A et B", "Das Gemeinschaftsunternehmen X
        # wurde 2010 von A und B gegründet": the companies that made a venture, named after "by"
        made = (r"(?i:created|formed|founded|set up|established|launched|creat[ao]|costituit[ao]|fondat[ao]|"
                r"format[ao]|créée?|formée?|fondée?|constituée?|lancée?|gegründet|gebildet)")
        by = r"(?i:by|jointly by|da|dai|dalle|par|von)"
        founder = r"(?:(?i:il|lo|la|le|les|l'|i|the|der|die|dem|den)\s*)?⟨C\d+⟩(?:\s*\(⟨C\d+⟩\))?"
        founders = lambda g: rf"(?P<{g}>{founder}(?:\s*(?:,|,?\s*(?i:and|e|ed|et|und))\s*{founder})+)"  # noqa: E731
        made_noun = rf"(?:{venture}|(?i:company|firm|società|azienda|entreprise|société|Unternehmen))"
        named = lambda g: rf"⟨C(?P<{g}>\d+)⟩(?:\s*\(⟨C\d+⟩\))?"  # noqa: E731
        self.venture_made = _Gated(
            made,
            rf"(?:{made_noun}\s+(?:(?i:[\w\-]+)\s+){{0,2}}?(?:{named('x')}\s*)?|{named('x2')}\s*,\s*(?:(?i:{det})\s*)?"
            rf"(?:[\w\-]+\s+)?{made_noun}\s+(?:[\w\-]+\s+)?)"
            rf",?\s*(?:(?i:that|which|was|were|is|che|è|stata|qui|a été|est)\s+)*{made}\s+(?:(?i:in|nel|en|im)\s+\w+\s+)?{by}\s+{founders('list')}"
            rf"|{venture}\s+{named('x3')}\s+(?i:wurde|ist)\s+(?:[\w\-]+\s+){{0,4}}?(?i:von)\s+{founders('list2')}\s+(?i:gegründet|gebildet)")
        # "Stellantis and CATL set up a joint venture called Zentrix Power", "A e B hanno costituito una joint
        # venture, X", "A und B gründeten das Gemeinschaftsunternehmen X": the venture named after the verb
        # of making it, its makers before
        form = (r"(?i:form\w*|set(?:s|ting)? up|creat\w*|establish\w*|launch\w*|found(?:ed|s)?|costitui\w*|cre[aà]\w*|"
                r"fondat\w*|fonder\w*|lanciat\w*|dato vita|créé\w*|crée\w*|formé\w*|fondé\w*|lancé\w*|constitu\w*|"
                r"gründ\w*|gegründet|gebildet|bildeten|aufgebaut)")
        called = (r"(?:\s*,\s*|\s+(?i:called|named|dubbed|known as|chiamata|denominata|battezzata|baptisée|nommée|appelée|"
                  r"namens|genannt|(?:that|which) will be (?:called|named)|che si chiamerà|che sarà (?:chiamata|denominata)|"
                  r"qui s'appellera|qui sera (?:appelée|baptisée|nommée))\s+|\s+)")
        self.venture_formed = _Gated(
            form,
            rf"{founders('list')}\s+(?:[\w\-']+\s+){{0,3}}?{form}\s+(?:(?i:{det})\s*)?"
            rf"(?:[\w\-/:]+\s+){{0,2}}?{venture}{called}{named('x')}")
        # "ACC è una joint venture paritetica tra Saft e Opel", "X, a 50:50 joint venture between A and
        # B": the venture named first, its owners after "between"
        self.venture_between = _Gated(
            r"(?i:between|tra|fra|entre|zwischen)\s",
            rf"{named('x')}\s*,?\s*(?:(?i:is|was|will be|è|era|sarà|est|était|sera|ist|war|wird)\s+)?(?:(?i:{det})\s*)?"
            rf"(?:[\w\-/:]+\s+){{0,2}}?{venture}(?:\s+[\w\-]+){{0,3}}?\s+(?i:between|tra|fra|entre|zwischen)\s+{founders('list')}")
        # "An dem Gemeinschaftsunternehmen X hält VW 50 Prozent", "Dans la coentreprise X, Y détient 50 %",
        # "X, an dem VW ebenfalls 50 Prozent hält", "X, di cui Y detiene il 50%": the company held named
        # first, its holder after it
        hold_v = (r"(?i:holds?|owns?|has|will hold|detiene|deterrà|possiede|ha|détient|détiendra|possède|hält|halten|"
                  r"hielt|besitzt|besitzen)")
        lead_t = (r"(?:(?i:joint[- ]venture|JV|co-?entreprise|Gemeinschaftsunternehmen|Joint-Venture|company|società|"
                  r"azienda|société|entreprise|Unternehmen)\s+)?")
        self.held_in = _Gated(
            rf"(?i:{pct})",
            rf"(?:^\W*(?i:an|am|bei|in|nella|nel|dans)\s+(?:(?i:dem|der|the|la|il|le|l')\s*)?{lead_t}⟨C(?P<t>\d+)⟩\s*,?\s*"
            rf"{hold_v}\s+(?:[\w\-]+\s+){{0,2}}?⟨C(?P<x>\d+)⟩"
            rf"|^\W*(?i:in|nella|nel|dans)\s+(?:(?i:the|la|il|le|l')\s*)?{lead_t}⟨C(?P<t2>\d+)⟩\s*,?\s*⟨C(?P<x2>\d+)⟩\s+{hold_v}"
            rf"|⟨C(?P<t3>\d+)⟩\s*(?:\([^()]*\)\s*)?,\s*(?i:an dem|an der|in which|in cui|nella quale|nel quale|di cui|della quale|"
            rf"del quale|dans laquelle|dans lequel|dont)\s+⟨C(?P<x3>\d+)⟩)"
            rf"\s+(?:[\w\-]+\s+){{0,2}}?(?:(?i:a|an|il|le|un|una|the)\s+)?(?P<pct>{pct})(?:\s+{hold_v})?")
        # "VW ist mit 20 Prozent an X beteiligt", "VW ist an X beteiligt"; "VW has a 50% ownership of X",
        # "a 49% interest in X": a holder's share, the verb or the noun not among the usual cues
        self.part_held = _Gated(
            r"(?i:beteiligt|ownership|interest)",
            rf"⟨C(?P<x>\d+)⟩\s+(?i:ist|sind|war|waren|wird|werden|bleibt)\s+(?:(?![⟨])[\w\-]+\s+){{0,3}}?"
            rf"(?:(?i:mit)\s+(?:(?i:rund|etwa|knapp|gut)\s+)?(?P<pct>{pct})\s+)?(?i:an|am|bei|beim)\s+(?:(?i:der|dem|den)\s*)?"
            rf"(?:[\w\-]+\s+)?⟨C(?P<t>\d+)⟩\s+(?:(?:(?i:mit)\s+(?P<pct2>{pct})|(?![⟨])[\w\-]+)\s+){{0,3}}?(?i:beteiligt)(?![\w\-])"
            rf"|⟨C(?P<x2>\d+)⟩\s+(?:[\w\-]+\s+){{0,3}}?(?i:has|have|holds?|owns?|had|held|bought|buys|acquired|acquires|took|takes|"
            rf"will take|will hold|will have)\s+(?:(?i:a|an)\s+)?(?P<pct3>{pct})\s+(?:(?i:equity|economic|voting)\s+)?"
            rf"(?i:ownership|interest)\s+(?i:of|in)\s+(?:(?i:the)\s+)?(?:(?i:joint venture|JV|company)\s+)?⟨C(?P<t2>\d+)⟩")
        # "ACC, owned 50:50 by Stellantis and TotalEnergies", "ACC è controllata al 60% da A e al 40% da B",
        # "ACC, détenue à parts égales par A et B", "ACC wird zu gleichen Teilen von A und B gehalten": a
        # company held by two or more owners named after it
        o_item = (rf"(?:(?i:al|à|zu|with)\s+)?(?:{pct}\s+)?(?:(?i:by|da|dal|dalla|dai|par|von)\s+)?"
                  rf"(?:(?i:the|il|la|le|l'|der|dem|den)\s*)?⟨C\d+⟩(?:\s*\(⟨C\d+⟩\))?")
        o_list = rf"(?P<owners>⟨C\d+⟩(?:\s*\(⟨C\d+⟩\))?(?:\s*(?:,|,?\s*(?i:and|e|et|und))\s*{o_item})+)"
        self.owned_by_many = _Gated(
            r"(?i:owned|held|controlled|detenut|possedut|controllat|partecipat|détenue?|possédée?|contrôlée?|gehalten|kontrolliert)",
            rf"⟨C(?P<t>\d+)⟩(?:\s*\(⟨C\d+⟩\))?\s*,?\s*(?:(?i:which|che|qui|das|die|der)\s+)?"
            rf"(?:(?i:is|was|are|will be|è|era|sarà|est|était|sera|ist|war|wird|werden|wurde)\s+)?"
            rf"(?:(?i:now|currently|ora|attualmente|désormais|actuellement|derzeit)\s+)?"
            rf"(?:(?:(?P<joint>(?i:jointly|equally|congiuntamente|pariteticamente|conjointement))\s+)?"
            rf"(?i:owned|held|controlled|detenut[ao]|possedut[ao]|controllat[ao]|partecipat[ao]|détenue?|possédée?|contrôlée?)\s+"
            rf"(?P<how>(?:[\w\-/:%]+\s+){{0,4}}?)(?i:by|da|dal|dalla|dai|par)\s+{o_list}"
            rf"|(?P<how2>(?:[\w\-/:%]+\s+){{0,4}}?)(?i:von)\s+{o_list.replace('owners', 'owners2')}\s+(?:[\w\-]+\s+){{0,2}}?"
            rf"(?i:gehalten|kontrolliert))")
        # "bought a 5% stake in XPeng and unveiled a strategic partnership to jointly develop", "took an
        # equity stake in CATL for joint battery development": a tie stated with the stake
        self.stake_and_tie = _Gated(
            r"(?i:partner|partenar|allian|cooperat|collabora|coopérat|Kooperation|Allianz|Zusammenarbeit|joint|congiunt|conjoint|gemeinsam)",
            r"(?<![\w\-])(?:(?i:and|e|ed|et|und)\s+(?:(?i:also|anche|aussi|auch)\s+)?(?:[\w\-]+\s+){0,2}?"
            r"(?i:announced|unveiled|signed|formed|agreed|launched|entered|sealed|annunciato|annunciata|firmato|siglato|"
            r"stretto|avviato|annoncé|signé|conclu|noué|lancé|vereinbart|unterzeichnet|angekündigt|geschlossen|"
            r"vorgestellt|verkündet)\s+(?:[\w\-]+\s+){0,3}?"
            r"(?i:partnership|alliance|cooperation|collaboration|partenariato|alleanza|cooperazione|collaborazione|"
            r"partenariat|coopération|Partnerschaft|Kooperation|Allianz|Zusammenarbeit)"
            r"|(?i:und)\s+(?:(?i:auch)\s+)?(?:(?i:eine|die|ihre)\s+)?(?:[\w\-]+\s+)?(?i:Partnerschaft|Kooperation|Allianz|Zusammenarbeit)"
            r"\s+(?:[\w\-]+\s+){0,3}?(?i:vereinbart|geschlossen|angekündigt|unterzeichnet|vorgestellt|verkündet)"
            r"|(?i:for|per|pour|zur|für)\s+(?:(?i:a|the|una|la|lo|il|le|une|die|eine)\s+)?"
            r"(?:(?i:joint)\s+(?:[\w\-]+\s+)?(?i:development|research)|(?i:sviluppo|ricerca)\s+(?:[\w\-]+\s+)?congiunt[oa]|"
            r"(?i:développement|recherche)\s+(?:[\w\-]+\s+)?conjoint\w*|(?i:gemeinsamen?)\s+(?:[\w\-]+\s+)?(?i:Entwicklung|Forschung)))(?![\w\-])")
        # "VW hat sich die Mehrheit an dem Joint Venture X gesichert", "a pris la majorité de X", "took a
        # majority of X": a majority held, no percentage stated
        self.majority = _Gated(
            r"(?i:Mehrheit|majorit|maggioranza)",
            rf"⟨C(?P<x>\d+)⟩\s+(?:(?![⟨])[\w\-']+\s+){{0,5}}?(?i:die Mehrheit|the majority|a majority|la majorité|la maggioranza)\s+"
            rf"(?:(?i:des Kapitals|der Anteile|of the shares|of the capital|du capital|des parts|del capitale|delle quote)\s+)?"
            rf"(?i:an|am|of|in|de|du|d'|di|del|della|dello|dell')\s*(?:(?i:the|la|il|le|l'|der|dem|den|des)\s*)?"
            rf"(?:{venture}\s+)?⟨C(?P<t>\d+)⟩(?!['’]s?\b)")
        self.majority_verb = re.compile(
            r"(?<![\w\-])(?i:hold\w*|held|own\w*|t[ao]ok|tak\w+|acquir\w+|bought|buy\w*|gain\w*|secur\w+|gesichert|sichert\w*|"
            r"übernimm\w*|übernehm\w*|übernomm\w*|übernahm\w*|erwarb\w*|erwirb\w*|erwerb\w*|hält|halten|hielt|rilev\w+|"
            r"acquis\w*|detien\w*|deterr\w*|possied\w*|pris|prend\w*|prendr\w*|détien\w*|détiendr\w*|rachet\w*|rachèt\w*)(?![\w\-])")
        # "Mercedes è entrata come socio paritario in ACC", "Renault va rentrer au capital de ACC", "l'entrée
        # au capital de Mercedes dans ACC", "Mercedes joined ACC as an equal partner", "Mercedes steigt bei
        # ACC ein": a company entering a company's capital
        tgt = lambda g: rf"(?:(?i:the|la|il|le|l'|der|dem|die|das)\s*)?(?:[\w\-]+\s+){{0,2}}?⟨C(?P<{g}>\d+)⟩"  # noqa: E731
        self.entry = _Gated(
            r"(?i:entr|join|capital|steig|Einstieg)",
            rf"⟨C(?P<i>\d+)⟩\s+(?:[\w\-']+\s+){{0,3}}?(?:"
            rf"(?i:entered|enters|enter|entering|joined|joins|join|joining)\s+(?i:the capital of|the share capital of)\s+{tgt('t1')}"
            rf"|(?i:joined|joins|join|joining|entered|enters|enter|entering)\s+{tgt('t2')}\s+(?i:as)\s+(?:(?i:a|an)\s+)?(?:[\w\-]+\s+)?"
            rf"(?i:partner|shareholder|investor|co-owner)"
            rf"|(?i:entrat[ao]|entra|entrano|entrerà|entreranno|entrare)\s+(?:(?i:come)\s+(?i:socio|azionista)\s+(?:[\w\-]+\s+)?(?i:in|nel|nella)"
            rf"|(?i:nel capitale di|nel capitale della|nel capitale del|nell'azionariato di))\s*{tgt('t3')}"
            rf"|(?i:r?entrer|r?entre|r?entrera|r?entré[es]*|r?entrent)\s+(?i:au capital de|au capital d'|au capital du|dans le capital de|dans le capital du)\s*{tgt('t4')}"
            rf"|(?i:steigt|steigen|stieg|stiegen)\s+(?:[\w\-]+\s+){{0,3}}?(?i:bei|beim)\s+{tgt('t5')}\s+(?:[\w\-]+\s+){{0,3}}?(?i:ein))"
            rf"|(?i:l'entrée|entrée|l'ingresso|ingresso|entry|Einstieg)\s+(?i:au capital\s+)?(?i:de|d'|du|di|del|della|of|von)\s*"
            rf"(?:(?i:the|la|il|le|l'|der|dem)\s*)?⟨C(?P<i2>\d+)⟩\s+(?i:au capital de|au capital du|dans|nel capitale di|in|into|nella|nel|bei|beim|an)\s+"
            rf"(?:(?i:the|la|il|le|l'|leur|their|loro|der|dem|ihr\w*)\s*)?(?:[\w\-]+\s+){{0,2}}?⟨C(?P<t6>\d+)⟩")
        self.their_word = re.compile(r"(?<![\w\-])(?i:their|leurs?|loro|ihre?[mns]?)(?![\w\-])")
        # "The two car giants have a 50 per cent stake each in NUMMI", "Les deux groupes détiennent chacun
        # 50 % de X", "Die beiden Konzerne halten jeweils 50 Prozent an X": the pair the sentence before named
        self.pair_each = re.compile(
            r"^\W*(?i:the two|both|i due|le due|entrambe|entrambi|les deux|die beiden|beide)\s+(?:[\w\-]+\s+){0,3}?"
            r"(?i:have|hold|own|will hold|hanno|detengono|possiedono|deterranno|ont|détiennent|possèdent|détiendront|"
            r"halten|besitzen|haben|werden)\s")
        self.our_partner = re.compile(
            r"(?<![\w\-])(?i:our|nostr[oaie]|notre|nos|unser\w*)\s+(?:[\w\-]+\s+){0,2}?"
            r"(?i:partners?|partner|partenaires?|alleat[oi]|Partner\w*)(?![\w\-])")
        # "i fornitori di Stellantis, tra cui A e B", "customers of CATL such as A and B": the owner
        # named between the noun and the list
        self.list_owner = re.compile(
            rf"(?<![\w\-])(?:(?P<cust>{customer})|(?P<sups>{suppliers})|(?P<partners>{partner_noun}))\s+"
            rf"(?i:of|di|del|della|dello|dell'|dei|degli|de|du|des|d'|von|der)\s*(?:(?i:{det})\s*)?"
            rf"(?:(?i:gruppo|group|groupe|Konzern)\s+)?⟨C(?P<owner>\d+)⟩(?:'s?)?\s*,?\s*(?:{incl})\s*(?::\s*)?"
            rf"(?:(?i:{det})\s*)?$")
        # the words any of the three list patterns needs, to skip the sentences with none
        self.list_gate = re.compile(rf"(?<![\w\-])(?:{customer}|{suppliers}|(?i:{supplier})|{self.supply_deal.pattern}|"
                                    rf"(?i:{supply})|{partner_noun})(?![\w\-])")
        # "X's partners include A, B and C", "among its partners are A and B", "partner come A e B":
        # the partners of one subject, not of one another
        self.partner_list = re.compile(
            rf"(?<![\w\-])(?:(?i:among|tra|fra|parmi|unter)\s+(?:[\w']+\s*){{0,2}}?(?P<among>{partner_noun})"
            rf"(?:\s+(?i:are|were|is|was|sono|erano|figurano|c'è|sont|figurent|sind|waren))?\s*(?:(?i:{det})\s*)?"
            rf"|(?P<partners>{partner_noun}){gap})$")


class _Article:
    """One article being read: its sentences, names and facts."""

    def __init__(self, text: str, lang: str, index: NameIndex):
        self.text = text
        self.ftext = fold(text)
        self.lang = lang
        self.index = index
        self.px = _Patterns.get(lang)
        self.sents = split_sentences(text)
        self.facts: list[_Fact] = []
        self.hung: set[int] = set()
        self.share_spans: list[tuple[int, int]] = []
        self.focus: Name | None = None
        self.last_subject: Name | None = None
        self.plural_subject = False
        self.opening_subject: Name | None = None  # the one company the last sentence opened with
        self._masks: dict[int, tuple] = {}
        # "Renault-Nissan": a grouping of companies written as one hyphenated word, its parts
        self.groups: dict[Name, tuple[Name, ...]] = {}
        self._group_names: dict[str, Name | None] = {}
        self.dateline_places: set[str] = set()
        # "Iveco Bus", "BMW Brilliance Automotive": a unit named after its owners, and those owners
        self.unit_owners: dict[Name, frozenset[Name]] = {}

    # -- names --------------------------------------------------------------------------------
    def _propose_orgs(self, s: int, e: int, taken: list[Mention]) -> None:
        span = self.ftext[s:e]
        busy = [(m.start - s, m.end - s) for m in taken]
        if s == (self.sents[0][0] if self.sents else 0):
            # "WOLFSBURG (dpa-AFX) -", "STOCKHOLM --": the dateline's place, not a company
            busy.extend(m.span(1) for m in _DATELINE.finditer(span, 0, 60))

        def free(a: int, b: int) -> bool:
            return all(b <= x or a >= y for x, y in busy)

        if self.px.persons_near_role.search(span):
            # "l'amministratore delegato della società, Mario Rossi": a person, not a company
            for rx in self.px.works_for_definite:
                busy.extend((m.start("name"), m.end("name")) for m in rx.finditer(span))

        def propose(a: int, b: int, strong: bool = False) -> None:
            words = span[a:b].split()
            while words and ((words[0].casefold() in _NOT_NAME and not _ACRONYM_HEAD(words)) or words[0].endswith(("-based", "-owned", "-controlled", "-backed"))):
                words.pop(0)  # "Shanghai-based Zentrix" is Zentrix
            while len(words) > 1 and (_FIRM_WORD.fullmatch(words[0].rsplit("-", 1)[-1]) or (
                    self.lang == "de" and (_DE_FIRM_END.search(words[0]) or _DE_UNIT_HEAD.fullmatch(words[0])))):  # "Unternehmensberatung JSC Automotive"
                words.pop(0)  # "Hersteller Zentrix" (German nouns are capitalised) is Zentrix
                strong = True
            while len(words) > 1 and words[-1].casefold().rstrip(".") in LEGAL_FORMS:
                words.pop()  # "Nikola Corp" is Nikola; find() still takes in the legal form
                strong = True
            if not words or words[0].casefold() in _NOT_ORG_START or not free(a, b):
                return
            if len(words) == 1 and not strong and self._common_noun(words[0], span[max(0, a - 40):a]):
                return
            name = " ".join(words)
            if name.casefold() in self.dateline_places:
                return  # "WOLFSBURG (dpa-AFX) - ... a Wolfsburg, il più grande produttore": the dateline's place
            if len(words) == 1 and _RUN_TOGETHER.fullmatch(name):
                return  # "Germancarmaker": a description with its space lost, not a name
            if self.index.get(name) is None and not self._looks_like_person(name):
                # "Fuji" after "Fuji Heavy Industries": the short form of a company already named;
                # "Nisssan": a known name with a letter doubled
                short = (self._company_by_word(name) or self._misspelt(name)) if len(words) == 1 else None
                self.index.add(name, short if short is not None and short.type == "Company"
                               else Name(name, "Company", False))
            busy.append((a, b))

        if _INVESTOR_GATE.search(span) and not _title_case(span):
            for g in _INVESTOR_GATE.finditer(span):
                a, b = g.span()
                if g.group() in ("Fondo", "Fonds", "Consorzio", "Konsortium") and (m := _INVESTOR_AFTER.match(span, b)):
                    b = m.end()
                elif m := _INVESTOR_BEFORE.search(span, max(0, a - 120), a):
                    a = m.start()
                    if p := _PARTNERSHIP_AFTER.match(span, b):
                        b = p.end()
                else:
                    continue
                words = [w for w in span[a:b].split() if w.casefold() not in _NOT_NAME]
                if len(words) >= 2 and not _DESC_WORD.fullmatch(words[0]) and words[0].casefold() not in _NOT_ORG_START:
                    propose(a, b)  # "Silk Road Fund", "Yew Tree Consortium", "Fondo Italiano": an investor
        for m in _LEGAL_ORG.finditer(span):
            region = _OF_REGION.match(span, m.end())
            propose(m.start(1), region.end() if region else m.end())  # "Sumitomo Corp of Americas": a unit
        if "(" in span or " via " in span:
            for m in _OWNER_OF_UNIT.finditer(span):
                propose(m.start(1), m.end(1), strong=True)
        for m in _NAMED_ORG.finditer(span):
            propose(m.start(1), m.end(1))
        if ("appel" in span or "call" in span or "chiamer" in span or "named" in span or "nommée" in span
                or "baptis" in span or "denominat" in span or "Namen" in span) and _TO_BE_CALLED_GATE.search(span):
            for m in _TO_BE_CALLED.finditer(span):
                propose(m.start(1), m.end(1), strong=True)
        low = span.casefold()
        brand_gate = any(w in low for w in ("brand", "marchi", "marque", "marke"))
        unit_gate = "'s " in span or "’s " in span
        unit_before_gate = any(w in low for w in _UNIT_BEFORE_WORDS)
        owned_gate = any(w in low for w in ("-owned", "-controlled", "-backed"))
        firm_stake_gate = _STAKE_WORD.search(span) is not None
        for m in (_VENTURE_NAME.finditer(span) if _VENTURE_GATE.search(low) else ()):
            if "-" not in m.group(1):  # "joint venture Psa-Total": its parents, not its name
                propose(m.start(1), m.end(1))
        if " its " in span:
            for m in _ITS_TIE.finditer(span):
                nxt = span[m.end(1):m.end(1) + 40].split()[:2]
                if not any(_DESC_WORD.fullmatch(w) for w in (*m.group(1).replace("-", " ").split(), *nxt)):
                    propose(m.start(1), m.end(1))  # not "the German-US auto giant ... its"
        if self.px.persons_near_role.search(span):
            for m in self.px.org_before_title.finditer(span):
                first = m.group(1).split()[0]
                if first.casefold() not in _NOT_NAME and not _DESC_WORD.fullmatch(first) and first.casefold() not in _NOT_ORG_START:
                    propose(m.start(1), m.end(1))
            for m in self.px.role_org.finditer(span):
                if not self.px.firm_noun.fullmatch(m.group(1).split()[0]):  # "Chef des Unternehmens"
                    propose(m.start(1), m.end(1))
        if "(" in span:
            # "Mitsubishi Motors Corporation (MMC)": the short form the text will use for the company
            for t in taken:
                m = _SHORT_FORM.match(self.ftext, t.end) if t.entity.type == "Company" else None
                if m and m.group(1)[0] == t.entity.name[0].upper() and self.index.get(m.group(1)) is None:
                    self.index.add(m.group(1), t.entity)
        if not _title_case(span):
            for t in taken:
                if t.entity.type == "Company":
                    self._propose_unit_name(span, t.start - s, t.end - s, t.entity, busy)
        partner_cue = bool(taken) and self.px.cue["partner"].search(span) is not None
        known_spans = [(m.start - s, m.end - s) for m in taken if m.entity.type == "Company"]
        for m in _CAPSEQ.finditer(span):
            a, b = m.start(1), m.end(1)
            if not free(a, b):
                continue
            before = span[max(0, a - 60):a]
            last = _LAST_WORD.search(before)
            if m.group(1).casefold() in _COMMON_ACRONYMS or _MODIFIER_OF_FIRM.match(span, b):
                continue  # "U.S. EV maker Tesla": "EV" says what the maker makes, it names nobody
            words = m.group(1).split()
            if words[-1].endswith("-based") or re.match(rf"\s+[{_UP}]", span[b:b + 2]):
                continue  # "Shanghai-based", "Auto" in "... International Auto Show"
            if self.lang == "de" and len(words) >= 2 and _DE_UNIT_HEAD.fullmatch(words[0]) and _DE_DETERMINER_BEFORE.search(before):
                propose(a, b)  # "die Marke Mini", "die Traditionsmarke Rolls-Royce": a brand is a company's
                continue
            if len(words) >= 2 and _ORG_HEAD.fullmatch(words[-1]) and not _DESC_WORD.fullmatch(words[0]) \
                    and (words[0].casefold() not in _NOT_NAME or _ACRONYM_HEAD(words)) \
                    and not (_TOPIC_HEAD.fullmatch(words[-1]) and words[0].casefold() in _TOPIC_FIRST):
                propose(a, b)  # "Isuzu Motors", "Fuji Heavy Industries": the name of a firm
                continue
            if last and last.group(1).casefold() in _OBJECT_LEAD \
                    and (_STAKE_IN.search(span, max(0, a - 40), a) or _ACQUIRE_BEFORE.search(span, max(0, a - 40), a)
                         or (_PCT_OF.search(span, max(0, a - 30), a) and self.px.hold.search(span, max(0, a - 70), a))) \
                    and not _DESC_WORD.fullmatch(words[0]):
                propose(a, b)  # "a 49 percent stake in Zoox": what a stake is held in is a company
                continue
            if _TAKEN_BEFORE.search(before) and not _DESC_WORD.fullmatch(words[0]):
                propose(a, b)  # "après avoir absorbé ... son compatriote Sanyo": what was taken over is a company
                continue
            if len(words) > 1 and self.lang == "de" and _TAKEN_BEFORE.search(before + words[0] + " "):
                propose(a + m.group(1).index(words[1], len(words[0])), b)  # "übernahm den Konkurrenten Wabco"
                continue
            if _TICKER_AFTER.match(span, b):
                propose(a, b, strong=True)  # "Veoneer (VNE.N)"
            elif _SOLD_AFTER.match(span, b) and not _DESC_WORD.fullmatch(words[0]):
                propose(a, b)  # "Saab is to be acquired by ..."
            elif (brand_gate and (_BRAND_AFTER.match(span, b) or _BRAND_BEFORE.search(before))
                  and not (_BRAND_AFTER.match(span, b) and _REGION_ADJ.fullmatch(m.group(1)))) \
                    or (unit_gate and before.endswith(("'s ", "’s ")) and _UNIT_AFTER.match(span, b)):
                propose(a, b)  # "the MG and Maxus brands", "il marchio Abarth": a brand is a company's
            elif unit_before_gate and _UNIT_BEFORE.search(before) and not _DESC_WORD.fullmatch(words[0]):
                propose(a, b)  # "BYD's battery unit FinDreams Battery", "la filiale PowerCo"
            elif firm_stake_gate and _STAKE_IN_FIRM.search(before):
                propose(a, b)  # "a 10% stake in the electric truck company Flexis"
            elif owned_gate and (_OWNED_BEFORE.search(before) or (len(words) > 1 and words[0].endswith(("-owned", "-controlled", "-backed")))):
                propose(a, b)  # "Beijing-controlled Sinochem", "state-owned Dongfeng": an owned firm
            elif ((last and _DESC_WORD.fullmatch(last.group(1)) and _DESCRIPTOR_BEFORE.search(before))
                    or _DESCRIPTOR_AFTER.match(span, b) or self._unit_after(span, b)):
                propose(a, b)
            elif partner_cue:
                # "Honda Motor and IBM collaborated": a name coordinated with a known company
                after = _CONJ_BEFORE.match(span, b)
                if any((after and x == after.end()) or (y <= a and span[y:a].strip() in _CONJ_WORDS)
                       for x, y in known_spans):
                    propose(a, b)
                elif any(y <= a and span[y:a].strip() == "," for _, y in known_spans) and _LIST_NEXT.match(span, b):
                    propose(a, b)  # "tra Enel, Endesa e Alleanza Renault-Nissan": inside a list

    def _propose_unit_name(self, span: str, a: int, b: int, owner: Name, busy: list[tuple[int, int]]) -> None:
        """A known company's name with capitalised words after it that end in a word for a firm or
        a unit ("Mahindra Electric Mobility", "Volkswagen Commercial Vehicles", "Iveco Bus"): the name
        of that company's unit or venture, not the company itself. A word that only restates the
        company ("Nissan Motor", "Stellantis Group") makes no new name."""
        region = _OF_REGION.match(span, b)
        if region is not None:
            self._add_unit(span, a, b, region.end(), owner, busy)  # "Sumitomo Corp of Americas"
            return
        m = _UNIT_NAME_TAIL.match(span, b)
        if m is None:
            return
        words = m.group(1).split()
        for k, w in enumerate(words):
            if (w.casefold() in _NOT_NAME and not _UNIT_NAME_HEAD.fullmatch(w)) or self.px.persons_near_role.fullmatch(w):
                del words[k:]  # "the venture Foo CEO Jane Doe": the name ends before the title
                break
        # "la coentreprise Valeo Siemens eAutomotive", "Osram Sylvania, filiale américaine d'Osram": named
        # as a venture or a unit, the words after the owner's name are that venture's or unit's name
        named = bool(words) and (_UNIT_CONTEXT_BEFORE.search(span, max(0, a - 40), a) is not None
                                 or self._unit_after(span, m.start(1) + len(" ".join(words))))
        if named and (hit := self.index.get(words[-1])) is not None and hit.type == "Company":
            named = False  # "nella joint venture ACC Stellantis detiene": the next clause's subject
        if not named:
            while words and not _UNIT_NAME_HEAD.fullmatch(words[-1]):
                words.pop()
            if not words or (len(words) == 1 and not _UNIT_WORD_ALONE.fullmatch(words[0])):
                return
        if all(_RESTATING_HEAD.fullmatch(w) for w in words):
            return  # "Daimler Automotive Corporation": the company's own name in full
        if any((w.casefold() in _NOT_NAME or _DESC_WORD.fullmatch(w)) and not (w is words[-1] and _UNIT_NAME_HEAD.fullmatch(w))
               for w in words):
            return  # "Nissan Chinese partner": a description, not a name; "... Company" ends one
        end = m.start(1) + len(" ".join(words)) if " ".join(words) == m.group(1)[:len(" ".join(words))] else None
        if end is None:
            return  # words spaced otherwise than by single spaces: leave the name as it is
        self._add_unit(span, a, b, end, owner, busy)

    def _add_unit(self, span: str, a: int, b: int, end: int, owner: Name, busy: list[tuple[int, int]]) -> None:
        """The unit named by span[a:end], its owner's name at span[a:b], now in the index."""
        if any(not (end <= x or a >= y) for x, y in busy if not (x == a and y == b) and not (a <= x and y <= end)):
            return
        words = span[a:end].split()
        while len(words) > 2 and words[-1].casefold().rstrip(".") in LEGAL_FORMS:
            words.pop()  # "Daimler Hyundai Truck Corporation" is Daimler Hyundai Truck, as other names lose their legal form
        name = " ".join(words)
        if self.index.get(name) is None:
            unit = Name(name, "Company", False)
            self.index.add(name, unit)
            # its owners by name: the company named first, and any other known company named inside
            owners = {h for h in (self.index.get(w) for w in span[a:end].split()) if h is not None and h != unit}
            owners.add(owner)
            self.unit_owners[unit] = frozenset(owners)
        busy.append((a, end))

    def _unit_after(self, span: str, b: int) -> bool:
        """Whether a unit's apposition follows the name ending at *b*: "Iveco, unità di veicoli
        industriali della Fiat"; not a person's post ("responsabile della divisione ... di")."""
        m = _UNIT_DESC_AFTER.match(span, b)
        return m is not None and not self.px.persons_near_role.search(m.group())

    def _common_noun(self, word: str, before: str) -> bool:
        """Whether a single capitalised *word* is a common noun, not a name: a word for a firm
        ("Akku-Hersteller"), or, in German, where every noun is capitalised, a word after an article
        or an inflected adjective ("dem deutschen Autobauer", "eine chinesische Tochter") or ending
        like a common noun ("Batteriezellenhersteller"). A legal form, a known name or an
        apposition with a firm word is what makes such a word a company."""
        if word.isupper() or any(c.isdigit() for c in word):
            return False  # "CATL", "BYD", "JAG": acronyms are names
        tail = word.rsplit("-", 1)[-1]
        if _DESC_WORD.fullmatch(tail) or self.px.firm_noun.fullmatch(tail):
            return True
        if self.lang != "de":
            return False
        if _DE_NOUN_END.search(tail):
            return True
        return _DE_DETERMINER_BEFORE.search(before) is not None or _DE_ADJECTIVE_BEFORE.search(before) is not None

    def _looks_like_person(self, name: str) -> bool:
        hit = self.index.get(name)
        return hit is not None and hit.type == "Person"

    def _mask(self, s: int, e: int) -> tuple[str, list[Mention]]:
        cached = self._masks.get(s)
        if cached is not None and cached[0] == self.index.version:
            return cached[1], cached[2]
        mentions = self.index.find(self.ftext, s, e)
        if "-" in self.ftext[s:e]:
            mentions = self._with_groups(mentions, s, e)
        parts, pos = [], s
        for k, m in enumerate(mentions):
            parts.append(self.ftext[pos:m.start])
            parts.append(f"⟨{_KIND.get(m.entity.type, 'X')}{k}⟩")
            pos = m.end
        parts.append(self.ftext[pos:e])
        masked = "".join(parts)
        self._masks[s] = (self.index.version, masked, mentions)
        return masked, mentions

    def _with_groups(self, mentions: list[Mention], s: int, e: int) -> list[Mention]:
        """*mentions* with the hyphenated groupings of companies of the sentence added."""
        added = []
        for m in _HYPHEN_GROUP.finditer(self.ftext, s, e):
            a, b = m.span()
            if any(x.start < b and a < x.end for x in mentions):
                continue
            word = m.group()
            if word not in self._group_names:
                parts = [self._company_by_word(p) for p in word.split("-")]
                ok = all(p is not None and p.type == "Company" for p in parts) and len(set(parts)) == len(parts)
                group = self.index.get(word) or Name(word, "Company", False) if ok else None
                if group is not None:
                    self.groups[group] = tuple(parts)
                elif len(parts) > 1 and len(set(parts)) == 1 and parts[0] is not None and parts[0].type == "Company":
                    group = parts[0]  # "Mercedes-Daimler": two names of one company are that company
                self._group_names[word] = group
            group = self._group_names[word]
            alias = re.match(r"\s*\(([^()]{2,30})\)", self.ftext[b:e])
            if group is not None and alias is not None:
                named = self.index.get(alias.group(1))
                if named is not None and named.type == "Company":
                    group = named  # "Peugeot-Citroën (PSA)": the grouping is the company named after it
            if group is not None:
                added.append(Mention(a, b, group, self.text[a:b]))
        for m in [*_OWNED_PREFIX.finditer(self.ftext, s, e), *_ROLE_PREFIX.finditer(self.ftext, s, e)]:
            a, b = m.span(1)
            # "Beijing-controlled Sinochem": an owner is named in full, not by the first word of a
            # longer name ("Beijing Automotive"), which is as often a place
            ent = self._company_by_word(m.group(1)) if m.re is _ROLE_PREFIX else self.index.get(m.group(1))
            if ent is not None and ent.type == "Company" and not any(x.start < b and a < x.end for x in mentions):
                added.append(Mention(a, b, ent, self.text[a:b]))
        return sorted([*mentions, *added], key=lambda x: x.start) if added else mentions

    def _members(self, ent: Name) -> tuple[Name, ...]:
        """The companies a name stands for in a partnership: a grouping's parts, else itself."""
        return self.groups.get(ent) or (ent,)

    def _unmask(self, masked: str, mentions: list[Mention]) -> str:
        return _PLACE.sub(lambda m: mentions[int(m.group(2))].text, masked)

    def _valid_person(self, name: str) -> bool:
        words = name.split()
        if words[0].casefold() in _NOT_NAME or words[-1].casefold() in _NOT_NAME:
            return False
        if any(w.casefold().rstrip(".") in LEGAL_FORMS for w in words):
            return False
        if self.px.persons_near_role.fullmatch(words[0]) or words[0].casefold() in _TITLE_WORDS:
            return False
        hit = self.index.get(name)
        return hit is None or hit.type == "Person"

    def _works_for(self, masked: str, mentions: list[Mention], register: bool) -> list[tuple[Name, Name, str, int]]:
        """(person, company, role, org placeholder index) for each role pattern in the sentence."""
        out = []
        if "⟨C" not in masked or not self.px.role_gate.search(masked):
            return out
        for rx in self.px.works_for:
            for m in rx.finditer(masked):
                k = int(m.group("org"))
                org = mentions[k].entity
                name = m.group("name")
                if name.startswith("⟨"):
                    person = mentions[int(name[2:-1])].entity
                    if org.type == "Company" and person.type == "Person":
                        role = " ".join((m.group("role") + (m.groupdict().get("more_roles") or "") + (m.groupdict().get("extra") or "")).split())
                        out.append((person, org, _normalize_role(role), k))
                        k2 = m.groupdict().get("org2")
                        if k2 is not None and mentions[int(k2)].entity.type == "Company" and mentions[int(k2)].entity != org:
                            out.append((person, mentions[int(k2)].entity, _normalize_role(role), int(k2)))
                    continue
                words = name.split()
                while len(words) > 2 and words[0].casefold() in _NOT_NAME:
                    words.pop(0)
                name = " ".join(words)
                if org.type != "Company" or not self._valid_person(name):
                    continue
                person = self.index.get(name)
                if person is None:
                    if not register:
                        continue
                    person = self._new_person(name)
                    if len(words) >= 2:
                        tail = " ".join(words[1:])
                        if self.index.get(tail) is None and tail.casefold() not in _NOT_NAME:
                            self.index.add(tail, person)
                role = " ".join((m.group("role") + (m.groupdict().get("more_roles") or "") + (m.groupdict().get("extra") or "")).split())
                out.append((person, org, _normalize_role(role), k))
                k2 = m.groupdict().get("org2")
                if k2 is not None and mentions[int(k2)].entity.type == "Company" and mentions[int(k2)].entity != org:
                    out.append((person, mentions[int(k2)].entity, _normalize_role(role), int(k2)))
        return out

    def _works_for_definite(self, masked: str, mentions: list[Mention],
                            register: bool) -> list[tuple[Name, str, str | None]]:
        """(person, role) for a role at a company named by a common noun ("the automaker's CEO")."""
        out = []
        for rx in self.px.works_for_definite:
            for m in rx.finditer(masked):
                name = m.group("name")
                if name.startswith("⟨"):
                    person = mentions[int(name[2:-1])].entity
                    if person.type != "Person":
                        continue
                else:
                    name = " ".join(name.split())
                    if not self._valid_person(name):
                        continue
                    person = self.index.get(name)
                    if person is None:
                        if not register:
                            continue
                        person = self._new_person(name)
                out.append((person, _normalize_role(" ".join(m.group("role").split())), m.groupdict().get("desc")))
        return out

    def _described_company(self, i: int, desc: str) -> Name | None:
        """The company "the Japanese carmaker" names: of the companies of this sentence and the
        one before, the one the bundled list places in that country, or the only one."""
        here = [e for e in self.sent_companies[i] if e.type == "Company"]
        # "del Gruppo franco-italo-americano": each part of a compound names a country
        words = [p for w in desc.split() for p in w.split("-") if p]
        countries = {c for w in words for rx, c in _COUNTRY_WORDS if rx.fullmatch(w)}
        countries |= {_COUNTRY_PREFIXES[w.casefold()] for w in words if w.casefold() in _COUNTRY_PREFIXES}
        if not countries:
            return here[0] if len(here) == 1 else None if here else self.current_focus()
        near = set(here) | (self.sent_companies[i - 1] if i else set())
        found = [e for e in near if _country(e) in countries]
        if len(found) > 1:  # one of that country in this sentence, others only in the one before: this one
            found = [e for e in found if e in here]
        return found[0] if len(found) == 1 else None

    def _named_after_company(self, masked: str, mentions: list[Mention]) -> None:
        """People whose surname is a company's name ("Henrik Fisker", "Paolo Pininfarina"): a
        capitalised word just before the company's name, with a title just before it ("founder Henrik
        Fisker") or after the name (", chief executive", "rimarrà presidente"), is a person."""
        for m in _GIVEN_BEFORE_COMPANY.finditer(masked):
            given, k = m.group("given"), int(m.group("k"))
            ent = mentions[k].entity
            if ent.type != "Company" or given.casefold() in _NOT_NAME or self.index.get(given) is not None \
                    or _DESC_WORD.fullmatch(given) or self.px.firm_noun.fullmatch(given) \
                    or self.px.persons_near_role.fullmatch(given) or given.casefold() in _TITLE_WORDS:
                continue
            before, after = masked[:m.start("given")], masked[m.end():]
            role_before = self.px.role_before_name.search(before) is not None
            role_after = self.px.role_after_name.match(after) is not None
            if not (role_before or role_after):
                continue
            name = f"{given} {mentions[k].text}"
            if self._valid_person(name):
                self._new_person(name)

    def _new_person(self, name: str) -> Name:
        """A person the text names and the index does not know yet, now in the index."""
        person = Name(name, "Person", False)
        self.index.add(name, person)
        # "il CEO del Gruppo Oliver Blume ... Blume, che è anche CEO di Porsche": the surname alone
        # names the same person further on
        words = name.split()
        if len(words) >= 2 and not words[-1].startswith("⟨"):
            tail = " ".join(words[1:])
            if self.index.get(tail) is None and tail.casefold() not in _NOT_NAME:
                self.index.add(tail, person)
        return person

    # -- reading ------------------------------------------------------------------------------
    def read(self) -> None:
        # "WOLFSBURG (dpa-AFX) -": the place of the dateline is a place wherever the text names it
        if self.sents:
            s0 = self.sents[0][0]
            self.dateline_places = {m.group(1).casefold() for m in _DATELINE.finditer(self.ftext, s0, s0 + 60)}
        # pass 1: new organisations and people, so that pass 2 sees them in every sentence
        for s, e in self.sents:
            self._propose_orgs(s, e, self._mask(s, e)[1])
        for s, e in self.sents:
            if not self.px.role_gate.search(self.ftext, s, e):
                continue  # no role word: no person to propose, and no need to mask it again
            masked, mentions = self._mask(s, e)
            self._works_for(masked, mentions, register=True)
            self._works_for_definite(masked, mentions, register=True)
            self._name_titles(masked, mentions, register=True)
            self._appointed_names(masked, mentions, register=True)
            for r in self.px.persons_near_role.finditer(masked):
                m = self.px.name_after_role.match(masked, r.end())
                if m is None or (r.start() and (masked[r.start() - 1].isalnum() or masked[r.start() - 1] == "-")):
                    continue
                names = [m.group("name")]
                if masked[r.end():r.end() + 1] in ("s", "e") and (m2 := self.px.and_name.match(masked, m.end())):
                    names.append(m2.group("name"))  # "board members Jane Doe and John Smith"
                for name in names:
                    name = " ".join(name.split())
                    if self.index.get(name) is None and self._valid_person(name):
                        self._new_person(name)
            self._named_after_company(masked, mentions)
            for m in mentions:
                words = m.entity.name.split() if m.entity.type == "Person" else []
                if len(words) >= 2 and self.index.get(" ".join(words[1:])) is None:
                    self.index.add(" ".join(words[1:]), m.entity)  # "de Meo", "Tavares" later on
        # pass 2: facts
        counts: Counter = Counter()
        masked_sents = []
        for s, e in self.sents:
            masked, mentions = self._mask(s, e)
            masked_sents.append((masked, mentions))
            for m in mentions:
                if m.entity.type == "Company":
                    counts[m.entity] += 1
        if counts:
            first = {}
            for _, mentions in masked_sents:
                for m in mentions:
                    first.setdefault(m.entity, len(first))
            self.focus = max(counts, key=lambda ent: (counts[ent], -first[ent]))
        self.sent_companies = [{m.entity for m in mentions if m.entity.type == "Company"} for _, mentions in masked_sents]
        for i, (masked, mentions) in enumerate(masked_sents):
            self._sentence(i, masked, mentions)

    def _sentence(self, i: int, masked: str, mentions: list[Mention]) -> None:
        self._read_sentence(i, masked, mentions)
        if "⟨P" in masked or self.facts:
            self._succession(i, masked, mentions)
        self._board_seats(i, masked, mentions)
        self._tie_after_stake(i, masked)
        if self.sent_companies[i]:
            self._tie_with_the_firm(i, masked)

    def _read_sentence(self, i: int, masked: str, mentions: list[Mention]) -> None:
        self._hyphen_groups(i, masked, mentions)
        self._roles_of_last_person(i, masked, mentions)
        low = masked.casefold()
        if any(k in low for k in _CHAIR_HINTS) and self.px.board_chair.search(masked):
            self._board_chair(i, masked, mentions)
        self._led_by(i, masked, mentions)
        if len(self.sent_companies[i]) == 1:
            self._stake_in_the_firm(i, masked, mentions)
            self._pair_each_stake(i, masked, mentions)
        if mentions:
            self._them_and(i, masked, mentions)
        if len(self.sent_companies[i]) < 2:
            self._pair_named_before(i, masked, mentions)
        self._head_of_new_firm(i, masked, mentions)
        self._titled_after_name(i, masked, mentions)
        self._appointed_too(i, masked, mentions)
        if "⟨C" in masked:
            self._described_tie(i, masked, mentions)
        if len(mentions) < 2 and not (mentions and self.current_focus() is not None):
            self._pair_reference(i, masked, mentions)
            self._tie_reference(i, masked, mentions)
            self._note_subject(masked, mentions)
            return
        role_orgs: set[int] = set()
        self.role_orgs_at: list[int] = []
        for person, org, role, k in self._works_for(masked, mentions, register=False):
            self.facts.append(_Fact("WORKS_FOR", person, org, {"role": role}, i, 0.85))
            role_orgs.add(k)
            self.role_orgs_at.append(k)
        self.role_orgs_at.sort()
        about = self.current_focus()
        if about is not None and "⟨C" not in masked:  # with a company named, the patterns above say more
            for person, role, desc in self._works_for_definite(masked, mentions, register=False):
                if desc is None:
                    self.facts.append(_Fact("WORKS_FOR", person, about, {"role": role}, i, 0.6))
        if "⟨P" in masked and "⟨C" in masked:
            self._bare_titles(i, masked, mentions, {f.subject for f in self.facts if f.sentence == i and f.predicate == "WORKS_FOR"})
        if self.px.persons_near_role.search(masked):
            # "Makoto Uchida, CEO del produttore automobilistico giapponese": the Japanese one
            for person, role, desc in self._works_for_definite(masked, mentions, register=False):
                org = self._described_company(i, desc) if desc is not None else None
                if org is not None:
                    self.facts.append(_Fact("WORKS_FOR", person, org, {"role": role}, i, 0.6))
        for m in self.px.described_owner.finditer(masked):
            x = mentions[int(m.group("x"))].entity
            desc = m.group("desc") or m.group("desc2")
            y = self._described_company(i, desc)
            if y is not None and y != x and x.type == y.type == "Company" and not self._negated(masked, m.start("x")):
                self._add("SUBSIDIARY_OF", x, y, {}, i, 0.6)
        if "⟨C" in masked:
            self._described_parent(i, masked, mentions)
        companies = [k for k, m in enumerate(mentions) if m.entity.type == "Company"]
        # customers or suppliers of one company: partners of that company at most, never of one another
        self.hung = self._customer_lists(i, masked, mentions, [k for k in companies if k not in role_orgs])
        # a unit's owner in an aside, a company named as an example: no party to the sentence's tie
        aside = self._asides(masked, mentions)
        if "⟩ ⟨C" in masked:
            aside |= self._group_before_unit(i, masked, mentions)
        if "venture" in masked or "JV" in masked:
            aside |= self._ventures_of_each(masked)
        if len({mentions[k].entity for k in companies}) >= 2:
            n = len(self.facts)
            self._mutual_stakes(i, masked, mentions, role_orgs)
            self.share_spans = self._shares(i, masked, mentions, role_orgs)
            self.share_spans += self._held_in(i, masked, mentions, role_orgs)
            self._even_venture(i, masked, mentions, role_orgs)
            self._their_venture(i, masked, mentions, role_orgs)
            self._venture_makers(i, masked, mentions, role_orgs)
            self._split_venture(i, masked, mentions, role_orgs)
            self._entries(i, masked, mentions, role_orgs)
            self._each_stake(i, masked, mentions, role_orgs)
            self._partner_apposition(i, masked, mentions)
            if "⟩-" in masked:
                self._owned_prefix(i, masked, mentions)
            self._investments(i, masked, mentions, role_orgs)
            self._patterns(i, masked, mentions)
            self._unit_lists(i, masked, mentions)
            self._belongs(i, masked, mentions)
            self._took_over(i, masked, mentions)
            self._unit_sales(i, masked, mentions)
            self._holders(i, masked, mentions)
            if "⟩" in masked and self.px.supply_deal.search(masked):
                self._deal_parties(i, masked, mentions, [k for k in companies if k not in role_orgs])
            self._co_owners(i, masked, n)
            self._stake_and_tie(i, masked, n)
            linked = {frozenset((f.subject, f.object)) for f in self.facts[n:]}
            self._partners(i, masked, mentions, [k for k in companies if k not in role_orgs and k not in aside],
                           role_orgs, linked)
            self._our_partner(i, masked, mentions, [k for k in companies if k not in role_orgs])
            self._owned_partners(i, masked, mentions)
            self._partner_of(i, masked, mentions)
            self._investment_talks(i, masked, mentions)
        elif len(companies) == 1 and self.current_focus() not in (None, mentions[companies[0]].entity) \
                and mentions[companies[0]].entity not in self.groups:
            # (not an alliance's name alone: "l'alliance Renault-Nissan peut nouer des partenariats avec
            # des tiers" speaks of the alliance, not of a tie with the company the text is about)
            self._partners(i, masked, mentions, [k for k in companies if k not in role_orgs], role_orgs, set())
        if companies and self.px.cue["buy_from"].search(masked):
            self._bought_by_it(i, masked, mentions)
        if companies:
            self._deal_of_it(i, masked, mentions)
        if companies and self.px.supply_by_it.opens(masked):
            self._supplied_by_it(i, masked, mentions)
        if companies and self.px.supplier_role.opens(masked):
            self._supplier_role(i, masked, mentions)
        if len(companies) >= 2 and self.px.memo_supply.opens(masked):
            self._memo_supply(i, masked, mentions)
        if len(companies) >= 2 and self.px.secured_supply.opens(masked):
            self._secured_supply(i, masked, mentions)
        if len(companies) >= 2 and (self.px.buyer_tie.opens(masked) or self.px.deals_of.opens(masked)):
            self._buyer_ties(i, masked, mentions)
        if companies and self.px.contract_made.opens(masked):
            self._contract_made(i, masked, mentions)
        if companies and self.px.sold_goods.opens(masked):
            self._sold_goods(i, masked, mentions)
        self._meetings(i, masked, mentions, role_orgs)
        self._note_subject(masked, mentions)

    def _roles_of_last_person(self, i: int, masked: str, mentions: list[Mention]) -> None:
        """Roles stated with no subject, of the person who opened the last sentence that named
        one ("Marchionne ha 66 anni. Oggi è amministratore delegato di FCA e FCA Italy ..."); the
        person is then remembered for the next sentence."""
        persons = [k for k, m in enumerate(mentions) if m.entity.type == "Person"]
        if persons:
            first = _PLACE.search(masked)
            opens = first.group(1) == "P" and len(_TOKEN.findall(masked[:first.start()])) <= 3
            self.last_person = mentions[int(first.group(2))].entity if opens else None
            return
        person = getattr(self, "last_person", None)
        if person is None or "⟨C" not in masked or not self.px.dropped_subject.match(masked):
            return
        if not self.px.role_gate.search(masked):
            return
        for m in self.px.subject_roles.finditer(masked):
            if self._negated(masked, m.start()):
                continue
            role = _normalize_role(" ".join(m.group("role").split()))
            for k in [m.group("org"), *_PLACE_C.findall(m.group("more"))]:
                org = mentions[int(k)].entity
                if org.type == "Company":
                    self.facts.append(_Fact("WORKS_FOR", person, org, {"role": role}, i, 0.6))

    def _head_of_new_firm(self, i: int, masked: str, mentions: list[Mention]) -> None:
        """"Volvo Group's Jane Doe has been appointed CEO of the new company", "Mario Rossi, nominato
        CEO della neonata azienda": the head of the company last named in this sentence or the three
        before, not the one named as the person's own ("Volvo Group's")."""
        for m in (m for rx in self.px.appointed_new for m in rx.finditer(masked)):
            name = m.group("name")
            if name.startswith("⟨"):
                person = mentions[int(name[2:-1])].entity
            else:
                name = " ".join(name.split())
                if not self._valid_person(name):
                    continue
                person = self.index.get(name) or self._new_person(name)
            if person.type != "Person":
                continue
            own = re.search(r"⟨C(\d+)⟩['’]s?\s*$", masked[:m.start()])
            skip = {mentions[int(own.group(1))].entity} if own else set()
            here = [mentions[int(k)].entity for k in _PLACE_C.findall(masked[:m.start()])]
            org = next((e for e in reversed(here) if e not in skip and e.type == "Company"), None)
            for j in range(i - 1, max(-1, i - 4), -1):
                if org is not None:
                    break
                named = [x.entity for x in self._mask(*self.sents[j])[1] if x.entity.type == "Company" and x.entity not in skip]
                org = named[-1] if named else None
            if org is not None:
                role = _normalize_role(" ".join(m.group("role").split()))
                self.facts.append(_Fact("WORKS_FOR", person, org, {"role": role}, i, 0.6))

    def _board_seats(self, i: int, masked: str, mentions: list[Mention]) -> None:
        """"appointed Jane Doe and John Smith to the board of Ford": each takes a seat on the board of
        the company named after it, else of the company the text is about."""
        for m in self.px.board_seats.finditer(masked):
            if self._negated(masked, m.start()):
                continue
            org = mentions[int(m.group("org"))].entity if m.group("org") else self.current_focus()
            if org is None or org.type != "Company":
                continue
            # "X, Y (...) e Z": up to four names, each with its aside, back from the board
            before = re.sub(r"\s*\([^()]{0,120}\)", "", masked[max(0, m.start() - 400):m.start()].rstrip())
            names: list[str] = []
            for piece in reversed(self.px.board_split.split(before)):
                if len(names) == 4:
                    break
                if self.px.board_item.fullmatch(piece):
                    names.append(piece)
                    continue
                last = self.px.board_last.search(piece)  # "appointed Jane Doe": the name ends the piece
                if last:
                    names.append(last.group())
                break
            for name in reversed(names):
                if name.startswith("⟨"):
                    person = mentions[int(name[2:-1])].entity
                else:
                    name = " ".join(name.split())
                    if not name or not self._valid_person(name):
                        continue
                    person = self.index.get(name) or self._new_person(name)
                if person.type == "Person" and not any(
                        f.predicate == "WORKS_FOR" and f.subject == person and f.object == org for f in self.facts):
                    self.facts.append(_Fact("WORKS_FOR", person, org, {"role": "board member"}, i, 0.6))

    def _succession(self, i: int, masked: str, mentions: list[Mention]) -> None:
        """"Jane Doe, who will succeed John Smith as CEO", "his predecessor John Smith": the one
        succeeded held a post at the company of the successor's role, as stated in this text."""

        def who(name: str, new: bool) -> Name | None:
            if name.startswith("⟨"):
                return mentions[int(name[2:-1])].entity
            name = " ".join(name.split())
            if not self._valid_person(name):
                return None
            found = self.index.get(name)
            return found if found is not None or not new else self._new_person(name)

        def role_of(person: Name) -> _Fact | None:
            return next((f for f in reversed(self.facts) if f.predicate == "WORKS_FOR" and f.subject == person), None)

        pairs = []
        for m in self.px.succeeds.finditer(masked):
            if self._negated(masked, m.start("b")):
                continue
            a = who(m.group("a"), False)
            held = role_of(a) if a is not None and a.type == "Person" else None
            if held is not None:
                role = _normalize_role(" ".join(m.group("role").split())) if m.group("role") else held.props["role"]
                pairs.append((m.group("b"), held, role))
        for m in self.px.predecessor.finditer(masked):
            # the post the text first gave the successor ("Volkswagen CEO X ... X, also CEO of Porsche")
            others = {mentions[int(k)].entity for k in re.findall(r"⟨P(\d+)⟩", masked) if f"⟨P{k}⟩" != m.group("b")}
            held = [next(f for f in self.facts if f.predicate == "WORKS_FOR" and f.subject == p)
                    for p in others if p.type == "Person" and role_of(p) is not None]
            if len(held) == 1:
                pairs.append((m.group("b"), held[0], held[0].props["role"]))
        for name, held, role in pairs:
            b = who(name, True)
            if b is None or b.type != "Person" or b == held.subject:
                continue
            if not any(f.predicate == "WORKS_FOR" and f.subject == b and f.object == held.object for f in self.facts):
                self.facts.append(_Fact("WORKS_FOR", b, held.object, {"role": role}, i, 0.55))

    def _appointed_names(self, masked: str, mentions: list[Mention], register: bool) -> list[tuple[Name, str]]:
        """(person, role) for each person of "A and B were appointed CFO and head of HR" that names no company."""
        out = []
        for m in [*self.px.appointed_too.finditer(masked), *self.px.appointed_too_de.finditer(masked)]:
            role = _normalize_role(" ".join(m.group("role").split()))
            for name in re.split(rf"\s*(?:,|(?<![\w\-])(?:{self.px.conj_words})(?![\w\-]))\s*", m.group("names")):
                if name.startswith("⟨"):
                    person = mentions[int(name[2:-1])].entity
                else:
                    name = " ".join(name.split())
                    if not name or not self._valid_person(name):
                        continue
                    person = self.index.get(name)
                    if person is None:
                        if not register:
                            continue
                        person = self._new_person(name)
                if person.type == "Person":
                    out.append((person, role))
        return out

    def _appointed_too(self, i: int, masked: str, mentions: list[Mention]) -> None:
        """"Matias Giannini è stato nominato ceo di Horse Powertrain. Lee Ma e Juan Ferrera sono
        rispettivamente stati nominati direttore finanziario e ...": appointments that name no company
        are at the company of an appointment stated in this sentence or the two before."""
        found = self._appointed_names(masked, mentions, register=False)
        if not found:
            return
        last = next((f for f in reversed(self.facts) if f.predicate == "WORKS_FOR" and i - f.sentence <= 2), None)
        if last is None:
            return
        for person, role in found:
            if person != last.subject and not any(f.predicate == "WORKS_FOR" and f.subject == person for f in self.facts):
                self.facts.append(_Fact("WORKS_FOR", person, last.object, {"role": role}, i, 0.55))

    def _name_titles(self, masked: str, mentions: list[Mention], register: bool) -> list[tuple[Name, str]]:
        """(person, role) for each "Name, title," with no company after the title."""
        out = []
        for m in self.px.name_title.finditer(masked):
            name = m.group("name")
            if name.startswith("⟨"):
                person = mentions[int(name[2:-1])].entity
            else:
                name = " ".join(name.split())
                if not self._valid_person(name):
                    continue
                person = self.index.get(name)
                if person is None:
                    if not register:
                        continue
                    person = self._new_person(name)
            if person.type == "Person" and not self.px.past_title.search(m.group("role")):
                role = m.group("role") + (m.group("qual") or "") + (m.group("more_roles") or "")
                out.append((person, _normalize_role(" ".join(role.split()))))
        return out

    def _titled_after_name(self, i: int, masked: str, mentions: list[Mention]) -> None:
        """"Richard Palmer, direttore finanziario": the person works for the company the text is
        about, when the sentence names it or names no company; not for a company named only as the
        other party ("a partnership with X"), nor when the text placed the person elsewhere."""
        if "," not in masked or not self.px.role_gate.search(masked):
            return
        found = self._name_titles(masked, mentions, register=False)
        if not found:
            return
        here = {m.entity for m in mentions if m.entity.type == "Company"}
        pos = self._place(masked)

        def counterpart(e: Name) -> bool:
            return all(self.px.with_before.search(masked[max(0, pos[k][0] - 60):pos[k][0]])
                       for k, m in enumerate(mentions) if m.entity == e and k in pos)
        if here:
            org = next((e for e in (self.focus, self.current_focus()) if e is not None and e in here and not counterpart(e)), None)
        else:
            org = self.current_focus()
        if org is None:
            return
        for person, role in found:
            if any(f.predicate == "WORKS_FOR" and f.subject == person for f in self.facts):
                continue  # placed already, by a pattern that names the company
            self.facts.append(_Fact("WORKS_FOR", person, org, {"role": role}, i, 0.55))

    def _bare_titles(self, i: int, masked: str, mentions: list[Mention], placed: set[Name]) -> None:
        """A title with no company attached in a sentence that names companies ("With a 1 percent
        share, Stellantis is reshuffling ... under CEO Carlos Tavares", "l'ad del gruppo Carlos
        Tavares"): the person heads the company the text is about, when the sentence names it. Not a
        title after a company's name ("Jeep boss X" is read as Jeep's), nor a person the text has
        already placed at another company."""
        here = {m.entity for m in mentions if m.entity.type == "Company"}
        pos = self._place(masked)

        def counterpart(e: Name) -> bool:  # "a partnership with Nikola": the other party, not the speaker's
            return all(self.px.with_before.search(masked[max(0, pos[k][0] - 60):pos[k][0]])
                       for k, m in enumerate(mentions) if m.entity == e and k in pos)
        org = next((e for e in (self.focus, self.current_focus()) if e is not None and e in here and not counterpart(e)), None)
        if org is None:
            return
        found = []
        for m in self.px.bare_title.finditer(masked):
            lead = masked[max(0, m.start() - 12):m.start()]
            if re.search(r"(?:⟩|⟩['’]s?|[\w\-]*[A-Z][\w\-]*|-)\s*$", lead) and not re.search(r"(?:^|[.:;!?\"“”«]\s*)[A-Z][\w\-]*\s*$", lead) \
                    or (m.start() and masked[m.start() - 1] in "-⟩"):
                continue  # "Ford CEO X", "VW-Chef X": the company is named before the title
            if self.px.past_title.search(masked, max(0, m.start() - 16), m.end()):
                continue  # "the previous CEO X": who headed it once is not who works there
            if _POLITICAL_TITLE.search(m.group("role")):
                continue  # "said President Joe Biden", "il presidente Sergio Mattarella": a head of state as often
            role = _normalize_role(" ".join((m.group("role") + (m.group("more_roles") or "")).split()))
            found.append((mentions[int(m.group("p"))].entity, role))
            if m.group("p2") is not None:
                found.append((mentions[int(m.group("p2"))].entity, role))  # "board members X and Y"
        found += [(p, r) for p, r, desc in self._works_for_definite(masked, mentions, register=False) if desc is None]
        for person, role in found:
            if person.type != "Person" or person in placed:
                continue
            if any(f.predicate == "WORKS_FOR" and f.subject == person and f.object != org for f in self.facts):
                continue
            self.facts.append(_Fact("WORKS_FOR", person, org, {"role": role}, i, 0.6))

    # -- helpers ------------------------------------------------------------------------------
    def _asides(self, masked: str, mentions: list[Mention]) -> set[int]:
        """Company placeholders that are no party to a tie the sentence states: the owner named in
        a unit's apposition ("Iveco, unità di veicoli industriali della Fiat, e SAIC") and a
        company named as an example ("folgt dem Vorbild BMW")."""
        out = {int(m.group("y")) for m in self.px.unit_aside.finditer(masked)
               if masked[:m.start()].endswith("⟩")} if "," in masked and _UNIT_WORD.search(masked) else set()
        out.update(int(m.group("k")) for m in self.px.example.finditer(masked))
        # "talks with Alphabet's Waymo": the owner named in a possessive is no party, its company is
        out.update(int(m.group(1)) for m in _OWNER_POSSESSIVE.finditer(masked))
        return out

    def _group_before_unit(self, i: int, masked: str, mentions: list[Mention]) -> set[int]:
        """A group's name written just before its unit's ("FIAT Iveco lascia la cinese Changzou"): the
        unit is the one that acts, a unit of the group; the group's placeholders are returned."""
        out = set()
        for m in _GROUP_UNIT.finditer(masked):
            a, b = int(m.group("a")), int(m.group("b"))
            x, y = mentions[b].entity, mentions[a].entity
            if x != y and x.type == y.type == "Company" and x not in self.groups and y not in self.groups:
                self._add("SUBSIDIARY_OF", x, y, {}, i, 0.6)
                out.add(a)
        return out

    def _place(self, masked: str) -> dict[int, tuple[int, int]]:
        return {int(m.group(2)): (m.start(), m.end()) for m in _PLACE.finditer(masked)}

    def _relative_spans(self, masked: str) -> list[tuple[int, int]]:
        """Spans of relative clauses (", which owns X and holds Y,"): their companies are not the
        subject of the main clause."""
        return [(m.start(), m.end()) for m in self.px.relative.finditer(masked)]

    def _lists(self, masked: str, ks: list[int], pos: dict[int, tuple[int, int]]) -> list[list[int]]:
        """Company placeholders grouped into coordinated lists ("A, B and C")."""
        lists: list[list[int]] = []
        for k in ks:
            gap = masked[pos[lists[-1][-1]][1]:pos[k][0]] if lists else ""
            if "⟨C" in gap:  # "A, the truck unit of B, and C": the aside left out, A and C are a list
                gap = self.px.unit_aside.sub("", gap)
            if lists and (self.px.list_gap.match(gap) or self._apposition(gap)
                          or len(lists[-1]) >= 2 and _UNKNOWN_ITEM.match(gap)):
                lists[-1].append(k)
            else:
                lists.append([k])
        return lists

    def _apposition(self, gap: str) -> bool:
        """Whether *gap* between two names is a list separator with a descriptor of a company
        ("the chip giant", "il costruttore cinese") and nothing else."""
        if len(gap) > 60 or ";" in gap:
            return False
        m = self.px.appos_gap.match(gap)
        if m is None:
            return False
        words = (m.group("a") or m.group("b") or "").split()
        if words and self.px.of_after.match(" " + words[-1]):
            return False  # "Fuji Heavy Industries, maker of Subaru cars": what it makes, not a list item
        if any(w.casefold() in _CLAUSE_WORDS for w in words):
            return False  # ", and the carmaker said its alliance with": a clause, not a descriptor
        cue, joined = self.px.cue, " ".join(words)
        if any(cue[k].search(joined) for k in ("subsidiary", "controlled_by", "shareholder", "owned_by")) \
                or self.px.persons_near_role.search(joined):
            return False  # ", controllata del gruppo Alphabet": a parent, not another list item
        return any(_DESC_WORD.fullmatch(w.rsplit("-", 1)[-1]) for w in words)  # "Chip-Riesen"

    def _negated(self, masked: str, start: int) -> bool:
        words = _TOKEN.findall(masked[max(0, start - 80):start])
        before = words[-4:]
        if any(self.px.cue["negation"].fullmatch(w) for w in before):
            return True
        # "does not intend to form an alliance", "non intende avviare una collaborazione": a
        # denied intention denies what it intends
        for j in range(len(words) - 1, max(-1, len(words) - 5), -1):
            if _INTENT.fullmatch(words[j]):
                return any(self.px.cue["negation"].fullmatch(w) for w in words[max(0, j - 3):j])
        # "no plans for an investment or cooperation with", "keine Pläne für eine Beteiligung oder
        # eine Kooperation mit": a denied plan reaches over a coordinated object, not past a clause
        for j in range(len(words) - 1, max(-1, len(words) - 9), -1):
            if _CLAUSE_TURN.fullmatch(words[j]):
                break
            if _PLAN_NOUN.fullmatch(words[j]):
                return any(self.px.cue["negation"].fullmatch(w) for w in words[max(0, j - 2):j])
        return False

    def _talks_ended(self, masked: str, hits: list[re.Match]) -> bool:
        """Whether the sentence says talks or negotiations ended ("the talks' collapse")."""
        stages = [h for h in hits if _STAGE.fullmatch(h.group())]
        if not stages:
            return False
        for e in self.px.cue["ended"].finditer(masked):
            if self._negated(masked, e.start()):
                continue
            if any(0 <= e.start() - h.end() <= 30 or 0 <= h.start() - e.end() <= 30 for h in stages):
                return True
        return False

    def _generic(self, masked: str, start: int) -> bool:
        """Whether the cue at *start* speaks of ties in general ("the spirit of any alliance")."""
        before = _TOKEN.findall(masked[max(0, start - 40):start])[-3:]
        return any(w.casefold() in _GENERIC for w in before)

    def _status(self, text: str) -> str:
        if self.px.cue["ended"].search(text):
            return "ended"
        if self.px.expand.search(text):
            return "active"  # "to expand their cooperation": the tie exists already
        for m in self.px.cue["prospective"].finditer(text):
            if _MODAL.fullmatch(m.group()) and (_NOT_AFTER.match(text, m.end())
                                                or _REPORTED.search(text, 0, m.start())):
                # "said its partnership would not be impacted", "announced that they would join
                # forces": a decision reported, or a modal that speaks of something else
                continue
            return "prospective"
        return "active"

    def _domain(self, phrase: str) -> str | None:
        for rx, label in self.px.domains:
            if rx.search(phrase):
                return label
        return None

    def _domain_after(self, masked: str, end: int) -> str | None:
        rest = masked[end:]
        stop = self.px.domain_stop.search(rest)
        return self._domain(rest[:stop.start()] if stop else rest)

    # -- predicates ---------------------------------------------------------------------------
    def _status_span(self, masked: str, a: int, b: int) -> str:
        """The words around a relation that decide its status: from a few words before *a*
        (modifiers such as "possible", "proposed") to the end of the clause after *b*."""
        left = masked[max(0, a - 50):a]
        cut = max(left.rfind(":"), left.rfind(";"))
        left = left[cut + 1:] if cut >= 0 else " ".join(left.split(" ")[-5:])
        right = masked[b:b + 80]
        stop = re.search(r"[,;:.]", right)
        right = right[:stop.start()] if stop else right
        return left + masked[a:b] + right

    def _span_status(self, masked: str, a: int, b: int) -> str:
        status = self._status(self._status_span(masked, a, b))
        if status == "active" and masked.rstrip().endswith("?"):
            return "prospective"
        if status == "active" and self.px.cue["goal"].search(masked, 0, a + 1):
            return "prospective"  # "L'obiettivo è ... collaborare con X": an aim, not a tie yet
        return status

    def current_focus(self) -> Name | None:
        """The company a sentence without a named subject is about ("It later ended its
        partnership with..."): none when the sentence before opened with two or more companies,
        since "it" could then be either."""
        if self.plural_subject:
            return None
        return self.opening_subject or self.last_subject or self.focus

    def _note_subject(self, masked: str, mentions: list[Mention]) -> None:
        """Whether this sentence opens with coordinated companies ("Nissan and Honda reported")."""
        first = _PLACE.search(masked)
        lead = masked[:first.start()] if first is not None else ""
        if first is None or first.group(1) != "C" or len(_TOKEN.findall(lead)) > 6 \
                or self.px.prep_word.search(lead[-12:]) or self.px.with_before.search(lead[-20:]):
            # not a subject ("Come parte dell'accordo con la Nissan", "L'amministratore delegato
            # della X"): "it" still points where it did
            return
        pos = self._place(masked)
        ks = [k for k, m in enumerate(mentions) if m.entity.type == "Company"]
        lst = next((x for x in self._lists(masked, ks, pos) if int(first.group(2)) in x), [])
        names = {mentions[k].entity for k in lst}
        self.plural_subject = len(names) >= 2
        self.opening_subject = names.pop() if len(names) == 1 else None

    def _partners(self, i: int, masked: str, mentions: list[Mention], ks: list[int], role_orgs: set[int],
                  linked: set[frozenset]) -> None:
        px = self.px
        hits = [h for h in px.cue["partner"].finditer(masked)
                if not self._negated(masked, h.start()) and not self._generic(masked, h.start())]
        if hits and ks:
            hits = self._not_supply(masked, hits)
        if not hits or not ks:
            return
        pos = self._place(masked)
        lists = self._lists(masked, ks, pos)
        pairs: dict[tuple, tuple[float, str | None, str]] = {}
        focus = self.current_focus()

        def ent(a) -> Name:
            return mentions[a].entity if isinstance(a, int) else a

        def add(a, b: int, conf: float, domain: str | None, status: str) -> None:
            x, y = ent(a), mentions[b].entity
            if x in self.groups or y in self.groups:  # "talks with car alliance Renault-Nissan"
                for xx in self._members(x):
                    for yy in self._members(y):
                        if xx not in self._members(y) and yy not in self._members(x):
                            put(xx, yy, conf, domain, status)
                return
            put(x, y, conf, domain, status, a)

        def put(x: Name, y: Name, conf: float, domain: str | None, status: str, a=None) -> None:
            if x == y:
                return
            if not isinstance(a, int) and (y.name.startswith(x.name + " ") or x.name.startswith(y.name + " ")):
                return  # "Xiaomi" and "Xiaomi Auto": a parent and its unit, not partners
            key = (x, y) if (y, x) not in pairs else (y, x)
            if key not in pairs or pairs[key][0] < conf:
                pairs[key] = (conf, domain, status)

        sentence_domain = self._domain(masked)
        explicit_subject = None
        # relative clauses and parentheses ("Geely (già proprietario di Volvo) ha firmato"): the
        # companies inside are not the subject of the main clause
        rel = self._relative_spans(masked) + [(m.start(), m.end()) for m in _PAREN.finditer(masked)]
        took: dict[int, list[int] | None] = {}
        fronted_seen = False
        for h in hits:
            in_rel = next(((a, b) for a, b in rel if a <= h.start() < b), None)
            before = [lst for lst in lists if pos[lst[-1]][1] <= h.start()
                      and (in_rel is not None or not any(a <= pos[lst[0]][0] < b for a, b in rel))]
            after = [lst for lst in lists if pos[lst[0]][0] >= h.end()]
            subj = before[-1] if before else None
            if subj is not None and set(subj) & self.hung:
                subj = None  # a list of customers is no subject of a tie ("tra cui A, B, ma l'azienda collabora")
            antecedent = in_rel is not None and subj is not None and pos[subj[-1]][1] <= in_rel[0]
            if subj is not None and not antecedent \
                    and px.with_before.search(masked[max(0, pos[subj[0]][0] - 60):pos[subj[0]][0]]):
                subj = None  # "a company with Baidu and ... a venture with Foxconn": Baidu is an object
            status_from = None
            if subj is not None and in_rel is None:
                # "Waymo, controllata del gruppo Alphabet, collabora con Renault": the name inside
                # an aside after the subject is not the subject
                aside = _ASIDE.search(masked[:pos[subj[0]][0]])
                if aside and masked[pos[subj[-1]][1]:].lstrip().startswith(",") \
                        and self.px.cue["partner"].search(aside.group(0)) is None:
                    outer = int(aside.group(1))
                    subj = next((lst for lst in lists if outer in lst), subj)
                    status_from = h.start()  # the aside's own words ("after talks") are not the status
            if subj is not None and in_rel is None and id(subj) in took:
                # "X ... its partner Y, the carmaker said its alliance with Z": Y was an object, so
                # the later tie is X's
                subj = took[id(subj)]
            between = next((lst for lst in after if px.between_after.match(masked[h.end():pos[lst[0]][0]])
                            and not set(lst) & self.hung), None)
            of_subject = None
            if after and after[0] is not between and px.of_after.match(masked[h.end():pos[after[0][0]][0]]):
                of_subject = after[0]  # "la cooperazione di Renault con ..."
            objs = [lst for lst in after if lst is not between and lst is not of_subject
                    and px.with_before.search(masked[max(h.end(), pos[lst[0]][0] - 60):pos[lst[0]][0]])
                    and not _COMPETE_WITH.search(masked[max(h.end(), pos[lst[0]][0] - 60):pos[lst[0]][0]])
                    and (in_rel is not None or not any(a <= pos[lst[0]][0] < b for a, b in rel))
                    # "after talks with X, signed a deal with Y": Y belongs to the later cue
                    and not any(h.end() <= g.start() and g.end() < pos[lst[0]][0]
                                and px.with_before.search(masked[g.end():pos[lst[0]][0]]) for g in hits)]
            # "a relationship with Uber rival Lyft": the rival named as a description is no party
            objs = [next((x for x in after if pos[x[0]][0] >= pos[lst[-1]][1]), lst)
                    if _RIVAL_OF.match(masked, pos[lst[-1]][1]) else lst for lst in objs]
            if in_rel is not None and objs:  # "Waymo, which expanded its tie with X, and GM ...": only the clause's own
                objs = [[o for o in lst if pos[o][0] < in_rel[1]] for lst in objs]
                objs = [lst for lst in objs if lst]
                if antecedent:  # "deals with Ford and Waymo, which ...": the clause is Waymo's alone
                    subj = [subj[-1]]
            if in_rel is not None and subj is not None and objs \
                    and len(_TOKEN.findall(masked, pos[subj[-1]][1], in_rel[0])) >= 2:
                continue  # "buys cells from the new company, which works with BMW": the antecedent is not named
            if subj is not None and objs and _PRONOUN_CLAUSE.search(masked, pos[subj[-1]][1], h.start()) \
                    and _PREP_LAST.search(masked, max(0, pos[subj[0]][0] - 20), pos[subj[0]][0]):
                continue  # "X is no stranger to Y as it works with Z": "it" is not Y, named as an object
            if after and after[0] is not between and after[0] is not of_subject \
                    and px.direct_after.match(masked[h.end():pos[after[0][0]][0]]) and after[0] not in objs:
                if px.venture.fullmatch(h.group()):
                    objs = [lst for lst in objs if lst is not after[0]]  # "the joint venture X" names it
                else:
                    objs.insert(0, after[0])
            if not objs and between is None and of_subject is None:
                # "Mit den beiden Autobauern FAW und SAIC unterhält Volkswagen die größten Partnerschaften",
                # "Con Geely e Dongfeng, Renault ha stretto alleanze": a list fronted by "with" at the
                # start of the sentence is the object of the tie that follows
                fronted = next((lst for lst in lists if pos[lst[-1]][1] <= h.start()
                                and len(_TOKEN.findall(masked[:pos[lst[0]][0]])) <= 5
                                and px.with_before.search(masked[:pos[lst[0]][0]])
                                and not px.with_word.search(masked, pos[lst[-1]][1], h.start())), None)
                rest = None
                if fronted is not None:
                    # "Con Geely e Dongfeng, Renault ha ...": the name after the last bare comma is the subject
                    cut = max((n for n in range(1, len(fronted))
                               if masked[pos[fronted[n - 1]][1]:pos[fronted[n]][0]].strip() == ","), default=None)
                    if cut:
                        fronted, rest = fronted[:cut], fronted[cut:]
                    if subj is not None and set(subj) & set(fronted):
                        subj = None
                    subj = rest or subj
                clause_from = pos[(subj or fronted)[-1]][1] if fronted else 0
                if fronted is not None and "," not in masked[clause_from:h.start()] and not self._negated(masked, h.start()):
                    objs = [fronted]
                    fronted_seen = True
            if of_subject is not None:
                subj = of_subject
            if between is not None:
                end = pos[between[-1]][1]
                st = self._span_status(masked, h.start(), end)
                for x in between:
                    for y in between:
                        if x < y:
                            add(x, y, 0.85, self._domain_after(masked, end) or sentence_domain, st)
                subj = [between[0]]
            for lst in objs:
                took[id(lst)] = subj
            if objs:
                for lst in objs:
                    end = pos[lst[-1]][1]
                    dom = self._domain_after(masked, end)
                    start = min(pos[subj[0]][0], h.start()) if subj and status_from is None else h.start()
                    if start < h.start() and _NEW_CLAUSE.search(masked, pos[subj[-1]][1], h.start()):
                        start = h.start()  # "X plans to cut costs and that it has partnered with Y": not planned
                    st = self._span_status(masked, start, end)
                    if not subj:
                        # "the CEO of Renault ... met its partners Geely and Dongfeng": the
                        # company of the person who acts
                        acting = [k for k in self.role_orgs_at if pos[k][1] <= h.start()
                                  and mentions[k].entity not in self.groups]  # not "PDG de l'alliance Renault-Nissan"
                        if acting:
                            subj = [acting[-1]]
                    for o in lst:
                        if subj:
                            # "Renault and Nissan signed an agreement with Waymo": each subject
                            for x in subj:
                                if x not in lst:
                                    add(x, o, 0.85, dom, st)
                                    explicit_subject = ent(subj[-1])
                        elif focus is not None and o not in self.hung \
                                and focus not in {mentions[k].entity for k in lst}:
                            # (not when the focus is one of the list: "arbeiten mit FAW, SAIC oder BYD")
                            add(focus, o, 0.65, dom, st)
            elif subj and len(subj) == 1 and explicit_subject is None:
                # "X is heading for an alliance": the sentence's first company is its topic
                explicit_subject = ent(ks[0])
            elif subj and len(subj) >= 2 and len(_TOKEN.findall(_PAREN.sub("", masked[pos[subj[-1]][1]:h.start()]))) <= 12 \
                    and not px.inclusion.search(masked, max(0, pos[subj[0]][0] - 40), pos[subj[0]][0]) \
                    and not _bare_subject(masked, h) \
                    and not any(g.start() >= h.end() and _joins_cues(masked[h.end():g.start()]) for g in hits):
                # ("merger talks with GM": of two adjacent cues, the later one speaks for both)
                st = self._span_status(masked, pos[subj[0]][0], h.end())
                for x in subj:
                    for y in subj:
                        if x < y:
                            add(x, y, 0.85, sentence_domain, st)
                explicit_subject = ent(subj[0])
        if not pairs and not fronted_seen:
            # two companies before a cue, with no structure tying them to it ("X has turned its
            # back on Y and moved away from talks"): a weaker reading
            distinct: dict[Name, int] = {}
            for k in ks:
                if k not in self.hung:
                    distinct.setdefault(mentions[k].entity, k)
            if len(distinct) == 2 and all(pos[k][1] <= hits[-1].start() for k in distinct.values()) \
                    and not any(set(distinct.values()) <= set(lst) and px.inclusion.search(
                        masked, max(0, pos[lst[0]][0] - 40), pos[lst[0]][0]) for lst in lists) \
                    and frozenset(distinct) not in linked:
                a, b = distinct.values()
                add(a, b, 0.55, sentence_domain, self._status(masked))
        if any(st == "prospective" for _, _, st in pairs.values()) and self._talks_ended(masked, hits):
            # "Merger negotiations between X and Y have reached a point ..., after the talks'
            # collapse": talks the same sentence says have ended
            pairs = {k: (c, d, "ended" if st == "prospective" else st) for k, (c, d, st) in pairs.items()}
        if explicit_subject is None and pairs:
            explicit_subject = ent(ks[0])
        if explicit_subject is not None:
            self.last_subject = explicit_subject
        for (x, y), (conf, domain, status) in pairs.items():
            props = {"status": status, **({"domain": domain} if domain else {})}
            self._add("PARTNERS_WITH", x, y, props, i, conf)

    def _not_supply(self, masked: str, hits: list[re.Match]) -> list[re.Match]:
        """The partnership cues that are not part of a supply deal: "un accordo di fornitura con
        Tesla", "a supply agreement with Ford" state that one sells to the other (SUPPLIES), not a
        partnership, unless the sentence also says so."""
        deals = [(m.start(), m.end()) for m in self.px.supply_deal.finditer(masked)]
        out = []
        for h in hits:
            if any(a <= h.start() < b for a, b in deals):
                continue
            out.append(h)
        return out

    def _deal_parties(self, i: int, masked: str, mentions: list[Mention], ks: list[int]) -> None:
        """A supply deal signed by the two companies the sentence opens with ("Stellantis e CATL
        hanno firmato un accordo per la fornitura di batterie", "BMW and CATL signed a supply
        agreement"): which one supplies, the sectors of the two say; none when they do not."""
        pos = None
        for m in self.px.supply_deal.finditer(masked):
            if self.px.with_word.search(masked, m.end(), m.end() + 60) and _PLACE_C.search(masked, m.end(), m.end() + 80):
                continue  # "a supply agreement with X": the list patterns read that one
            if self._negated(masked, m.start()):
                continue
            pos = pos or self._place(masked)
            lst = next((x for x in reversed(self._lists(masked, ks, pos)) if pos[x[-1]][1] <= m.start()), None)
            if lst is None or len(lst) != 2 or self.px.with_before.search(masked[:pos[lst[0]][0]][-20:]):
                continue
            if len(_TOKEN.findall(masked[pos[lst[-1]][1]:m.start()])) > 12 or "⟨" in masked[pos[lst[-1]][1]:m.start()]:
                continue
            a, b = (mentions[k].entity for k in lst)
            if _supplier_sector(a) == _supplier_sector(b):
                continue  # who sells to whom goes unsaid
            s, c = (a, b) if _supplier_sector(a) else (b, a)
            status = self._status(masked[pos[lst[0]][0]:m.end() + 80])
            if status != "active":
                continue  # talks about a supply deal are not supply yet
            dom = self._domain_after(masked, m.start())
            self._add("SUPPLIES", s, c, {"domain": dom} if dom else {}, i, 0.7)

    def _shares(self, i: int, masked: str, mentions: list[Mention], role_orgs: set[int]) -> list[tuple[int, int]]:
        """Stakes stated as a holder's share of a company: "la quota di Renault in Flexis è del 45%",
        "FAW hält dort 60 Prozent, Volkswagen 30 Prozent und Audi 10 Prozent" (where "dort" is the
        company the sentence before ended on). Returns the spans read, for the general reading to skip."""
        spans: list[tuple[int, int]] = []
        if not _PCT.search(masked) and "⟩" not in masked:
            return spans
        lead = lambda a: _TOKEN.findall(masked[max(0, a - 40):a])[-4:]  # noqa: E731
        for m in self.px.share_of.finditer(masked):
            if any(w.casefold() in _SELL for w in lead(m.start())) or self._negated(masked, m.start()) \
                    or self.px.weighing.search(masked, max(0, m.start() - 40), m.start()):
                continue
            t = mentions[int(m.group("t") or m.group("t2"))].entity
            holders = [int(m.group("y") or m.group("y2"))]
            holders += [int(k) for k in _PLACE_C.findall(m.group("more") or "")]
            pcts = list(_PCT.finditer(masked, m.end(), m.end() + 60))
            for n, k in enumerate(holders):
                if k in role_orgs:
                    continue
                stake = _stake(pcts[n] if len(pcts) == len(holders) else pcts[0] if len(pcts) == 1 else None)
                y = mentions[k].entity
                if y != t and y.type == t.type == "Company":
                    self._add("INVESTS_IN", y, t, {"stake_pct": stake} if stake is not None else {}, i, 0.75)
            spans.append((m.start(), m.end()))
        for m in self.px.held_pct.finditer(masked):
            if any(w.casefold() in _SELL for w in lead(m.start())) or self._negated(masked, m.start("pct")) \
                    or self.px.weighing.search(masked, max(0, m.start() - 40), m.start("pct")):
                continue
            target = mentions[int(m.group("t"))].entity if m.group("t") else None
            if target is None and (m.group("there") or m.group("there2") or m.group("ne")) and i > 0:
                # "FAW hält dort 60 Prozent": the last company of the sentence before
                _, prev = self._mask(*self.sents[i - 1])
                prev_c = [x.entity for x in prev if x.entity.type == "Company"]
                target = prev_c[-1] if prev_c else None
            if target is None:
                continue
            stated = [(int(m.group("x")), m.group("pct"))]
            end = m.end()
            while (e := self.px.ellipsis_pct.match(masked, end)) is not None:
                stated.append((int(e.group("y")), e.group("pct")))
                end = e.end()
            if len(stated) == 1 and m.group("t"):
                continue  # "X holds 50% of Y": the general reading has it
            for k, p in stated:
                y = mentions[k].entity
                if k not in role_orgs and y != target and y.type == target.type == "Company":
                    self._add("INVESTS_IN", y, target, {"stake_pct": _stake(_PCT.search(p))}, i, 0.75)
            spans.append((m.start(), end))
        return spans

    def _even_venture(self, i: int, masked: str, mentions: list[Mention], role_orgs: set[int]) -> None:
        """"Honda and Sony formed a 50/50 joint venture, Sony Honda Mobility": each of the two parents
        named before holds 50% of the venture named after it in the sentence, else of the one new
        company the next sentence names."""
        m = self.px.even_venture.search(masked)
        if m is None or self._negated(masked, m.start()) or self.px.weighing.search(masked, max(0, m.start() - 60), m.start()):
            return
        pos = self._place(masked)
        comps = [k for k, x in enumerate(mentions) if x.entity.type == "Company" and k not in role_orgs]
        parents = list(dict.fromkeys(mentions[k].entity for k in comps if pos[k][1] <= m.start()))
        if len(parents) != 2:
            return
        after = [mentions[k].entity for k in comps if pos[k][0] >= m.end() and mentions[k].entity not in parents]
        if not after and i + 1 < len(self.sents):
            _, nxt = self._mask(*self.sents[i + 1])
            after = [x.entity for x in nxt if x.entity.type == "Company" and x.entity not in parents]
        if len(set(after)) < 1:
            return
        target = after[0]
        for p in parents:
            self._add("INVESTS_IN", p, target, {"stake_pct": 50}, i, 0.7)

    def _venture_makers(self, i: int, masked: str, mentions: list[Mention], role_orgs: set[int]) -> None:
        """"ACC, la joint venture creata da Stellantis e TotalEnergies", "Flexis, created by Renault and
        Volvo": the companies that made a venture are partners, and each holds a share of it when it is
        named (half each of a 50/50 one made by two)."""
        for m in (*self.px.venture_made.finditer(masked), *self.px.venture_between.finditer(masked),
                  *self.px.venture_formed.finditer(masked)):
            if self._negated(masked, m.start()) or any(self.px.cue["negation"].fullmatch(w) for w in _TOKEN.findall(m.group())):
                continue
            g = m.groupdict()
            lst = g.get("list") or g.get("list2") or ""
            # the first name of each "A (B)" pair: B is A's short name
            makers = [mentions[int(k)].entity for k in re.findall(r"(?<!\()⟨C(\d+)⟩", lst) if int(k) not in role_orgs]
            makers = [x for x in dict.fromkeys(makers) if x.type == "Company"]
            x = next((mentions[int(g)].entity for g in m.group(*(n for n in ("x", "x2", "x3") if n in m.re.groupindex)) if g), None)
            if x is not None and (x in makers or x.type != "Company"):
                continue
            if len(makers) < 2:
                continue
            status = self._span_status(masked, m.start(), m.end())
            even = self.px.even_venture.search(masked) is not None
            for n, a in enumerate(makers):
                for b in makers[n + 1:]:
                    self._add("PARTNERS_WITH", a, b, {"status": status}, i, 0.7)
                if x is not None and status == "active":
                    self._add("INVESTS_IN", a, x, {"stake_pct": 100 // len(makers) if 100 % len(makers) == 0 else round(100 / len(makers), 1)} if even else {}, i, 0.65)

    def _split_venture(self, i: int, masked: str, mentions: list[Mention], role_orgs: set[int]) -> None:
        """"Toyota détiendra 51 pour cent des actions et Panasonic 49 pour cent", the sentences before
        having named a joint venture: each holder's share of the one other company of this sentence and
        the two before, and the two are partners."""
        m = self.px.split_pct.search(masked)
        if m is None or "⟨C" in masked[m.end():] or self._negated(masked, m.start()) \
                or any(self.px.cue["negation"].fullmatch(w) for w in _TOKEN.findall(m.group())) \
                or self.px.weighing.search(masked, max(0, m.start() - 40), m.start("p1")):
            return
        if not any(self.px.venture.search(self._mask(*self.sents[j])[0]) for j in range(max(0, i - 3), i + 1)):
            return
        x, y = mentions[int(m.group("x"))].entity, mentions[int(m.group("y"))].entity
        if int(m.group("x")) in role_orgs or int(m.group("y")) in role_orgs or x == y \
                or not x.type == y.type == "Company":
            return
        others = set().union(*self.sent_companies[max(0, i - 2):i + 1]) - {x, y}
        if len(others) != 1:
            return
        target = others.pop()
        if target.type != "Company":
            return
        for owner, p in ((x, m.group("p1")), (y, m.group("p2"))):
            self._add("INVESTS_IN", owner, target, {"stake_pct": _stake(_PCT.search(p))}, i, 0.65)
        self._add("PARTNERS_WITH", x, y, {"status": self._span_status(masked, m.start(), m.end())}, i, 0.6)

    def _entries(self, i: int, masked: str, mentions: list[Mention], role_orgs: set[int]) -> None:
        """"Mercedes è entrata come socio paritario in ACC", "Renault va rentrer au capital de ACC": the
        company entering another's capital holds a share of it (and, by the owners' reading, partners
        the venture's other owners the sentence names)."""
        for m in self.px.entry.finditer(masked):
            k = int(m.group("i") or m.group("i2"))
            t = int(next(g for g in m.group("t1", "t2", "t3", "t4", "t5", "t6") if g))
            x, y = mentions[k].entity, mentions[t].entity
            if k in role_orgs or x == y or not x.type == y.type == "Company" or self._negated(masked, m.start()) \
                    or any(self.px.cue["negation"].fullmatch(w) for w in _TOKEN.findall(m.group())) \
                    or self.px.weighing.search(masked, max(0, m.start() - 40), m.end()):
                continue
            if self._span_status(masked, m.start(), m.end()) != "active" \
                    or self.px.cue["negation"].search(masked, max(0, m.start() - 40), m.start()):
                continue  # ("ruled out the entry of C")
            self._add("INVESTS_IN", x, y, {}, i, 0.65)
            if m.group("i2") and self.px.their_word.search(masked, m.end("i2"), m.start("t6")):
                # "A et B ont annoncé l'entrée au capital de C dans leur co-entreprise X": the entrant
                # partners the owners named just before
                pos = self._place(masked)
                lists = self._lists(masked, [n for n, z in enumerate(mentions) if z.entity.type == "Company"
                                             and n not in role_orgs and pos[n][1] <= m.start()], pos)
                owners = list(dict.fromkeys(mentions[n].entity for n in lists[-1])) if lists else []
                if len(owners) < 2 or x in owners or y in owners or "⟨C" in masked[pos[lists[-1][-1]][1]:m.start()]:
                    continue
                for o in owners:
                    self._add("INVESTS_IN", o, y, {}, i, 0.6)
                    self._add("PARTNERS_WITH", x, o, {"status": "active"}, i, 0.6)

    def _held_in(self, i: int, masked: str, mentions: list[Mention], role_orgs: set[int]) -> list[tuple[int, int]]:
        """"An dem Gemeinschaftsunternehmen SAIC Volkswagen hält VW 50 Prozent", "ACC, dans laquelle
        Stellantis détient 50 %": the holder's stake in the company named before it. Returns the spans
        read, for the general reading (which would take the first company for the holder) to skip."""
        spans: list[tuple[int, int]] = []
        for m in self.px.held_in.finditer(masked):
            if m.group("t3") and not self.px.hold.search(m.group()):
                continue  # "X, di cui Y ... il 50%" says nothing of holding
            spans.append((m.start(), m.end()))  # (denied or not)
            t = int(m.group("t") or m.group("t2") or m.group("t3"))
            k = int(m.group("x") or m.group("x2") or m.group("x3"))
            x, y = mentions[k].entity, mentions[t].entity
            if k in role_orgs or x == y or not x.type == y.type == "Company" or self._negated(masked, m.start()) \
                    or any(self.px.cue["negation"].fullmatch(w) for w in _TOKEN.findall(m.group())):
                continue
            self._add("INVESTS_IN", x, y, {"stake_pct": _stake(_PCT.search(m.group("pct")))}, i, 0.75)
        for m in self.px.owned_by_many.finditer(masked):
            spans.append((m.start(), m.end()))
            if self._negated(masked, m.start()) or any(self.px.cue["negation"].fullmatch(w) for w in _TOKEN.findall(m.group())):
                continue
            y = mentions[int(m.group("t"))].entity
            lst = m.group("owners") or m.group("owners2")
            owners = [mentions[int(k)].entity for k in re.findall(r"(?<!\()⟨C(\d+)⟩", lst) if int(k) not in role_orgs]
            owners = [o for o in dict.fromkeys(owners) if o != y and o.type == y.type == "Company"]
            if len(owners) < 2:
                continue
            how = m.group("how") or m.group("how2") or ""
            pcts = [_stake(p) for p in _PCT.finditer(how + " " + lst)]
            even = self.px.even_shares.search(how) is not None
            if len(pcts) == len(owners):  # "owned 60% by A and 40% by B"
                stakes = pcts
            elif even or pcts == [50] and len(owners) == 2:  # "owned 50:50", "detenuta al 50% da A e B"
                stakes = [100 // len(owners) if 100 % len(owners) == 0 else round(100 / len(owners), 1)] * len(owners)
            else:
                stakes = [None] * len(owners)
            for o, s in zip(owners, stakes):
                self._add("INVESTS_IN", o, y, {"stake_pct": s} if s is not None else {}, i, 0.7)
            whole = None not in stakes and sum(stakes) >= 99  # "owned 60% by A and 40% by B": the two own it all
            if even or whole or m.group("joint") or self.px.venture.search(masked):
                status = self._span_status(masked, m.start(), m.end())
                for a_k, a in enumerate(owners):
                    for b in owners[a_k + 1:]:
                        self._add("PARTNERS_WITH", a, b, {"status": status}, i, 0.6)
        for m in self.px.majority.finditer(masked):
            spans.append((m.start(), m.end()))
            k, t = int(m.group("x")), int(m.group("t"))
            x, y = mentions[k].entity, mentions[t].entity
            if k in role_orgs or x == y or not x.type == y.type == "Company" or self._negated(masked, m.start()) \
                    or any(self.px.cue["negation"].fullmatch(w) for w in _TOKEN.findall(m.group())) \
                    or self.px.weighing.search(m.group()) or (self.lang == "de" and _DE_NOT_AFTER.match(masked, m.end())) \
                    or not self.px.majority_verb.search(masked, m.start(), m.end() + 30):
                continue  # ("supplies the majority of ...": no holding)
            self._add("INVESTS_IN", x, y, {}, i, 0.7)
        for m in self.px.part_held.finditer(masked):
            spans.append((m.start(), m.end()))
            k, t = int(m.group("x") or m.group("x2")), int(m.group("t") or m.group("t2"))
            x, y = mentions[k].entity, mentions[t].entity
            if k in role_orgs or x == y or not x.type == y.type == "Company" or self._negated(masked, m.start()) \
                    or any(self.px.cue["negation"].fullmatch(w) for w in _TOKEN.findall(m.group())):
                continue
            pct = m.group("pct") or m.group("pct2") or m.group("pct3")
            self._add("INVESTS_IN", x, y, {"stake_pct": _stake(_PCT.search(pct))} if pct else {}, i, 0.75)
        return spans

    def _stake_and_tie(self, i: int, masked: str, n: int) -> None:
        """"Volkswagen bought a 5% stake in XPeng and unveiled a strategic partnership", "Honda took an
        equity stake in CATL for joint battery development": the investor and the company invested in,
        the one stake of this sentence, are partners too."""
        m = next(self.px.stake_and_tie.finditer(masked), None)
        if m is None or self._negated(masked, m.start()) or any(
                self.px.cue["negation"].fullmatch(w) for w in _TOKEN.findall(m.group())):
            return
        stakes = {(f.subject, f.object) for f in self.facts[n:] if f.predicate == "INVESTS_IN"}
        if len(stakes) != 1 or "⟨C" in masked[m.end():m.end() + 40]:
            return  # ("and signed a partnership with Tesla": a tie with someone else)
        a, b = stakes.pop()
        status = self._span_status(masked, m.start(), m.end())
        self._add("PARTNERS_WITH", a, b, {"status": status}, i, 0.6)

    def _ventures_of_each(self, masked: str) -> set[int]:
        """"The GAC venture closed one factory and the Dongfeng venture two plants": two companies each
        naming its own venture (with someone else) are no partners of each other."""
        ks = {int(m.group(1)) for m in _VENTURE_OF.finditer(masked)}
        return ks if len(ks) >= 2 else set()

    def _pair_each_stake(self, i: int, masked: str, mentions: list[Mention]) -> None:
        """"GM is ending its partnership with Toyota. The two car giants have a 50 per cent stake each in
        NUMMI": a stake for each of the two companies the sentence before named, in the one company
        this sentence names after the percentage."""
        m = self.px.pair_each.search(masked)
        if m is None or i == 0 or self.px.each.search(masked) is None:
            return
        pcts = list(_PCT.finditer(masked))
        if len(pcts) != 1 or any(self.px.cue["negation"].fullmatch(w) for w in _TOKEN.findall(masked[:pcts[0].start()])):
            return
        pos = self._place(masked)
        after = [k for k, x in enumerate(mentions) if x.entity.type == "Company" and pos[k][0] > pcts[0].end()]
        if not after or not self.px.prep_before.search(masked[pcts[0].end():pos[after[0]][0]][-60:]) \
                or len(_TOKEN.findall(masked[pcts[0].end():pos[after[0]][0]])) > 6:
            return
        target = mentions[after[0]].entity
        pair = self.sent_companies[i - 1] - {target}
        if len(pair) != 2 or any(x.type != "Company" for x in pair):
            return
        for owner in sorted(pair, key=lambda e: e.name):
            self._add("INVESTS_IN", owner, target, {"stake_pct": _stake(pcts[0])}, i, 0.65)

    def _their_venture(self, i: int, masked: str, mentions: list[Mention], role_orgs: set[int]) -> None:
        """"Stellantis et TotalEnergies ont annoncé l'entrée de Mercedes dans leur co-entreprise ACC":
        the companies the sentence opens with are partners in the venture, and hold a share of it when
        it is named; not "their joint venture with Tesla" (a tie with someone else)."""
        for m in self.px.their_venture.finditer(masked):
            if m.group("with") or self._negated(masked, m.start()):
                continue
            pos = self._place(masked)
            comps = [k for k, x in enumerate(mentions) if x.entity.type == "Company" and k not in role_orgs]
            lists = self._lists(masked, [k for k in comps if pos[k][1] <= m.start()], pos)
            if not lists or len(_TOKEN.findall(masked[:pos[lists[0][0]][0]])) > 3:
                continue
            owners = list(dict.fromkeys(mentions[k].entity for k in lists[0]))
            if len(owners) < 2:
                continue
            x = mentions[int(m.group("x")[2:-1])].entity if m.group("x") else None
            status = self._span_status(masked, pos[lists[0][0]][0], m.end())
            for n, a in enumerate(owners):
                for b in owners[n + 1:]:
                    self._add("PARTNERS_WITH", a, b, {"status": status}, i, 0.7)
                if x is not None and x not in owners and status == "active":
                    self._add("INVESTS_IN", a, x, {}, i, 0.65)

    def _each_stake(self, i: int, masked: str, mentions: list[Mention], role_orgs: set[int]) -> None:
        """"Renault e Geely ne deterranno il 50% ciascuno", "Hyundai and LG will each hold 50
        percent of the joint venture", "X and Y will hold 51% and 49% respectively": a stake for
        each owner in the company named after the percentage, else in the one other company of
        this sentence and the two before (the joint venture just named)."""
        each = self.px.each.search(masked)
        if each is None or not _PCT.search(masked) or not self.px.cue["invest"].search(masked) \
                and not self.px.hold.search(masked):
            return
        pos = self._place(masked)
        comps = [k for k, x in enumerate(mentions) if x.entity.type == "Company" and k not in role_orgs]
        pcts = list(_PCT.finditer(masked))
        owners_list = next((lst for lst in self._lists(masked, comps, pos)
                            if len({mentions[k].entity for k in lst}) >= 2 and pos[lst[-1]][1] <= pcts[0].start()), None)
        if owners_list is None or self._negated(masked, pcts[0].start()):
            return
        owners = [mentions[k].entity for k in owners_list]
        after = [k for k in comps if pos[k][0] > pcts[0].end() and mentions[k].entity not in owners]
        target = None
        if after and self.px.prep_before.search(masked[pcts[0].end():pos[after[0]][0]][-60:]) \
                and len(_TOKEN.findall(masked[pcts[0].end():pos[after[0]][0]])) <= 6:
            target = mentions[after[0]].entity
        else:
            others = set().union(*self.sent_companies[max(0, i - 2):i + 1]) - set(owners)
            if len(others) == 1:
                target = others.pop()
        if target is None or target.type != "Company":
            return
        stakes = [_stake(p) for p in pcts]
        if len(stakes) == len(owners) and len(owners) > 1:
            pairs = list(zip(owners, stakes))  # "51% and 49% respectively"
        elif len(stakes) == 1:
            pairs = [(o, stakes[0]) for o in owners]
        else:
            return
        for owner, stake in pairs:
            if owner != target:
                self._add("INVESTS_IN", owner, target, {"stake_pct": stake} if stake is not None else {}, i, 0.7)

    def _our_partner(self, i: int, masked: str, mentions: list[Mention], ks: list[int]) -> None:
        """"Con Catl abbiamo un leader tecnologico come nostro partner, ha detto Markus Schäfer,
        membro del Board di Mercedes-Benz": "our partner", said by someone with a role at one
        company, makes that company the partner of the other one the sentence names."""
        m = self.px.our_partner.search(masked)
        speakers = {mentions[k].entity for k in self.role_orgs_at}
        others = {mentions[k].entity for k in ks} - speakers
        if m is None or len(speakers) != 1 or len(others) != 1 or self._negated(masked, m.start()):
            return
        status = self._span_status(masked, m.start(), m.end())
        self._add("PARTNERS_WITH", speakers.pop(), others.pop(), {"status": status}, i, 0.6)

    def _described_tie(self, i: int, masked: str, mentions: list[Mention]) -> None:
        """"dall'azienda cinese che collabora anche dei gruppi A, B e C": each listed company is a
        partner of the one the description names by its country, among the companies of this
        sentence and the one before other than those listed."""
        for m in self.px.described_tie.finditer(masked):
            if self._negated(masked, m.start("cue")):
                continue
            words = [p for w in m.group("desc").split() for p in w.split("-") if p]
            countries = {c for w in words for rx, c in _COUNTRY_WORDS if rx.fullmatch(w)}
            countries |= {_COUNTRY_PREFIXES[w.casefold()] for w in words if w.casefold() in _COUNTRY_PREFIXES}
            if not countries:
                continue  # "the company": which one, only a country says here
            listed = {mentions[int(k)].entity for k in _PLACE_C.findall(m.group("list"))}
            near = (self.sent_companies[i] | (self.sent_companies[i - 1] if i else set())) - listed
            found = [e for e in near if _country(e) in countries]
            if len(found) != 1:
                continue
            status = self._span_status(masked, m.start("cue"), m.end())
            for x in listed:
                if x.type == "Company":
                    self._add("PARTNERS_WITH", found[0], x, {"status": status}, i, 0.6)

    def _investment_talks(self, i: int, masked: str, mentions: list[Mention]) -> None:
        """"Nissan is in talks to invest $400 million in Fisker": a prospective tie of each investor
        with the company; the investment itself is not made yet."""
        for m in self.px.investment_talks.finditer(masked):
            if self._negated(masked, m.start("t")) or _SELL_WORD.search(masked, m.start("t"), m.end()):
                continue  # "in talks to sell its stake in Nissan": a tie ending, not one in prospect
            y = mentions[int(m.group("y"))].entity
            xs = {mentions[int(k)].entity for k in _PLACE_C.findall(m.group("xs"))}
            if len(xs) > 1:  # "Amazon and GM are in talks about an investment in Rivian": co-investors, not partners
                self.facts = [f for f in self.facts if not (f.sentence == i and f.predicate == "PARTNERS_WITH"
                                                             and {f.subject, f.object} <= xs)]
            for k in _PLACE_C.findall(m.group("xs")):
                x = mentions[int(k)].entity
                if x != y and x.type == y.type == "Company":
                    self._add("PARTNERS_WITH", x, y, {"status": "prospective"}, i, 0.6)

    def _partner_of(self, i: int, masked: str, mentions: list[Mention]) -> None:
        """"Panasonic is also a partner of Tesla", "X è anche partner del costruttore americano Y"."""
        for m in self.px.partner_of.finditer(masked):
            x, y = mentions[int(m.group("x"))].entity, mentions[int(m.group("y"))].entity
            if x == y or x.type != "Company" or y.type != "Company" or self._negated(masked, m.start("noun")):
                continue
            self._add("PARTNERS_WITH", x, y, {"status": self._span_status(masked, m.start("noun"), m.end())}, i, 0.6)

    def _owned_partners(self, i: int, masked: str, mentions: list[Mention]) -> None:
        """"alongside our existing partners, CATL and Samsung SDI": partners of the company whose
        person speaks (the one role of the sentence, else the company the text is about); "the
        group's existing Chinese partner SAIC": of the company the sentence opens with."""
        for m in self.px.owned_partners.finditer(masked):
            listed = {mentions[int(k)].entity for k in _PLACE_C.findall(m.group("list"))}
            if m.group("our"):
                speakers = {mentions[k].entity for k in self.role_orgs_at} - listed
                owner = speakers.pop() if len(speakers) == 1 else None if speakers else self.focus
            else:
                first = _PLACE.search(masked)
                opens = first is not None and first.start() < m.start() and first.group(1) == "C" \
                    and len(_TOKEN.findall(masked[:first.start()])) <= 3
                owner = mentions[int(first.group(2))].entity if opens else self.current_focus()
            if owner is None or owner in listed or owner.type != "Company" or self._negated(masked, m.start()):
                continue
            status = self._span_status(masked, m.start(), m.end())
            for x in listed:
                if x.type == "Company":
                    self._add("PARTNERS_WITH", owner, x, {"status": status}, i, 0.6)

    def _customer_lists(self, i: int, masked: str, mentions: list[Mention], ks: list[int]) -> set[int]:
        """Lists of companies that hang from a supply word: "L'azienda sarà fornitore di molti
        clienti, tra cui A, B e C" (A, B and C are its customers), "X's suppliers include A and B",
        "CATL signed supply contracts with carmakers including BMW and Tesla". Each member gets a
        supply fact with the one company the list hangs from; the members are returned, so that
        no partnership is read among them."""
        if not ks or not self.px.list_gate.search(masked):
            return set()
        pos = self._place(masked)
        hung: set[int] = set()
        prev_end = 0
        for lst in self._lists(masked, ks, pos):
            start = pos[lst[0]][0]
            window_start = max(prev_end, start - 160)
            prev_end = pos[lst[-1]][1]
            if masked.startswith("'", pos[lst[-1]][1]):
                continue  # "to Toyota's partners Mazda and Subaru": a possessor, not the list
            m = self.px.list_owner.search(masked, max(0, start - 160), start)
            owner = int(m.group("owner")) if m is not None else None
            if m is None:
                m = self.px.customer_list.search(masked, window_start, start)
            if m is not None and owner is None and m.group("cust") and self.px.prep_word.match(m.group("gap").lstrip()):
                m = None  # "a customer of Panasonic": the supply pattern reads that one
            if m is not None and owner is None and m.group("verb") and (len(_TOKEN.findall(m.group("gap"))) > 2
                                                      or _NOT_GOODS.search(m.group())):
                m = None  # "will provide capital to help Rivian": no goods, or not to the list
            partners = None
            if m is None:
                partners = m = self.px.partner_list.search(masked, window_start, start)
                if m is None:
                    continue
            g = m.groupdict()
            if g.get("partners") and owner is not None:
                partners = m
            gap = g.get("gap") or ""
            included = owner is not None or self.px.inclusion_word.search(gap) is not None
            if not included and (len(_TOKEN.findall(gap)) > 5 or g.get("sups") or (partners and not g.get("among"))):
                continue  # "suppliers" alone does not say the next names are its suppliers
            if self._negated(masked, m.start()):
                hung.update(lst)
                continue
            anchor = m.start()
            if owner is None:
                owner = next((k for k in reversed(ks) if pos[k][1] <= anchor and k not in lst), None)
                prev = next((k for k in reversed(ks) if owner is not None and pos[k][1] <= pos[owner][0]), None)
                if prev is not None and masked[pos[prev][1]:pos[owner][0]].lstrip().startswith(",") \
                        and len(masked[pos[prev][1]:pos[owner][0]]) <= 40 and "," in masked[pos[owner][1]:anchor]:
                    owner = prev  # "Hyundai Mobis, a Hyundai Motor Group affiliate, will supply": the aside's head
            conf = 0.7
            members = [mentions[k].entity for k in lst]
            if owner is None:
                # "L'azienda sarà fornitore di ...", "among its partners": the company the text
                # has been about, when it is not one of the list
                lead = masked[:anchor]
                if "⟨" in lead or not (self.px.firm_noun.search(lead) or re.search(
                        r"(?<!\w)(?i:it|its|they|their|esso|essa|suoi|sue|elle|ses|er|sie|seine|ihre)(?!\w)", lead)):
                    hung.update(lst)  # whose list it is goes unsaid; still not a list of partners
                    continue
                subj = self.opening_subject or self.last_subject
                conf = 0.6
            else:
                subj = mentions[owner].entity
            if subj is None or subj.type != "Company" or subj in members:
                hung.update(lst)
                continue
            if partners is not None:
                status = self._span_status(masked, m.start(), pos[lst[-1]][1])
                for x in members:
                    self._add("PARTNERS_WITH", subj, x, {"status": status}, i, conf)
                hung.update(lst)
                continue
            if g.get("deal"):
                # a supply contract says who buys only through what each party makes
                if _supplier_sector(subj) and not any(_supplier_sector(x) for x in members):
                    pairs = [(subj, x) for x in members]
                elif not _supplier_sector(subj) and all(_supplier_sector(x) for x in members):
                    pairs = [(x, subj) for x in members]
                else:
                    hung.update(lst)
                    continue
            elif g.get("sups"):
                pairs = [(x, subj) for x in members]
            else:
                pairs = [(subj, x) for x in members]
            window = masked[m.start():pos[lst[-1]][1]]
            lead_start = pos[owner][0] if owner is not None else 0
            if self._status(masked[lead_start:pos[lst[-1]][1]]) == "prospective":
                continue  # "in talks about a supply agreement with SK On": no supply yet
            dom = self._domain(window.replace(gap, " ")) or self._domain_after(masked, pos[lst[-1]][1])
            for a, b in pairs:
                if a != b:
                    self._add("SUPPLIES", a, b, {"domain": dom} if dom else {}, i, conf)
            hung.update(lst)
        return hung

    def _tie_reference(self, i: int, masked: str, mentions: list[Mention]) -> None:
        """"Stellantis will buy 20% of Leapmotor. ... The partnership marks a first": a sentence
        that names no company but speaks of "the partnership" makes partners of the investor and
        the target the article has just named."""
        if any(m.entity.type == "Company" for m in mentions):
            return
        ref = self.px.cue["the_tie"].search(masked)
        if ref is None or self._negated(masked, ref.start()):
            return
        last = next((f for f in reversed(self.facts) if f.predicate in ("INVESTS_IN", "PARTNERS_WITH")
                     and i - f.sentence <= 3), None)
        if last is None or last.predicate != "INVESTS_IN":
            return  # a partnership already named keeps the status its own sentences give
        pair = {last.subject, last.object}
        if any(f.predicate == "PARTNERS_WITH" and {f.subject, f.object} == pair for f in self.facts):
            return
        status = self._span_status(masked, ref.start(), ref.end())
        self._add("PARTNERS_WITH", last.subject, last.object, {"status": status}, i, 0.55)

    def _tie_with_the_firm(self, i: int, masked: str) -> None:
        """"GM is taking a stake in Nikola and will team up with the nascent company": a tie with
        "the company" joins the two companies the sentence names, or the one it names and the
        one other company of the two sentences before."""
        hit = None
        for h in self.px.cue["partner"].finditer(masked):
            if self.px.with_the_firm.match(masked, h.end()) and not self._negated(masked, h.start()) \
                    and not self._generic(masked, h.start()):
                hit = h
                break
        if hit is None:
            return
        here = self.sent_companies[i]
        if len(here) == 2:
            pair = set(here)
        else:
            others = set().union(*self.sent_companies[max(0, i - 2):i]) - here
            if len(here) != 1 or len(others) != 1:
                return
            pair = here | others
        if any(f.predicate == "PARTNERS_WITH" and {f.subject, f.object} == pair for f in self.facts):
            return
        a, b = sorted(pair, key=lambda e: e.name)
        status = self._span_status(masked, hit.start(), self.px.with_the_firm.match(masked, hit.end()).end())
        self._add("PARTNERS_WITH", a, b, {"status": status}, i, 0.6)

    def _tie_after_stake(self, i: int, masked: str) -> None:
        """"Toyota will raise its stake in Subaru, expanding their partnership", "GM takes 20% of
        Fuji. The companies have formed an alliance": a tie whose parties are referred to ("their"
        next to it, "the two companies", "between them") after a stake, in the same sentence or up
        to two later, is a partnership of the investor and the target."""
        ref = self.px.cue["backref"].search(masked) or self.px.cue["their"].search(masked)
        if ref is None:
            return
        # the last tie named: "the companies" after a partnership are its partners, not a stake's
        last = next((f for f in reversed(self.facts) if f.predicate in ("INVESTS_IN", "PARTNERS_WITH")
                     and i - f.sentence <= 2 and not (f.predicate == "PARTNERS_WITH" and f.sentence == i)), None)
        if last is None or last.predicate != "INVESTS_IN":
            return
        pair = {last.subject, last.object}
        if any(f.predicate == "PARTNERS_WITH" and {f.subject, f.object} == pair for f in self.facts):
            return
        if not self.sent_companies[i] <= pair:
            return  # "Honda and Nissan ended their alliance": another pair's tie
        for h in self.px.cue["partner"].finditer(masked):
            if self._negated(masked, h.start()) or self._generic(masked, h.start()):
                continue
            refs = [r for r in self.px.cue["backref"].finditer(masked, max(0, h.start() - 60), h.end() + 40)]
            # "their partnership", "la loro alleanza": the possessive next to the tie
            refs += [r for r in self.px.cue["their"].finditer(masked, max(0, h.start() - 30), h.start())
                     if len(_TOKEN.findall(masked[r.end():h.start()])) <= 2]
            if not refs:
                continue
            refs.sort(key=lambda r: r.start())
            right = masked[h.end():h.end() + 80]
            stop = re.search(r"[,;:.]", right)
            if "⟨C" in (right[:stop.start()] if stop else right):
                continue  # "their partnership with Mazda": a tie with someone named
            status = self._span_status(masked, min(h.start(), refs[0].start()), max(h.end(), refs[-1].end()))
            self._add("PARTNERS_WITH", last.subject, last.object, {"status": status}, i, 0.6)
            return

    def _owned_prefix(self, i: int, masked: str, mentions: list[Mention]) -> None:
        """"Geely-owned Volvo" is a subsidiary, "Tencent-backed Nio" has Tencent as an investor."""
        for m in _OWNED_AFTER.finditer(masked):
            x, y = mentions[int(m.group("x"))].entity, mentions[int(m.group("y"))].entity
            if x == y or self._negated(masked, m.start()):
                continue
            if m.group("kind") == "backed":
                self._add("INVESTS_IN", y, x, {}, i, 0.7)
            else:
                self._add("SUBSIDIARY_OF", x, y, {}, i, 0.75)

    def _partner_apposition(self, i: int, masked: str, mentions: list[Mention]) -> None:
        """"Nissan, partner di Renault insieme a Mitsubishi": Nissan and Mitsubishi partner Renault."""
        for m in self.px.appos_partner.finditer(masked):
            if self._negated(masked, m.start()) or self._negated(masked, m.end("x") + 2):
                continue
            y = mentions[int(m.group("y") or m.group("y2"))].entity
            status = self._span_status(masked, m.start(), m.end())
            for k in ("x", "z"):
                if m.group(k) is not None:
                    x = mentions[int(m.group(k))].entity
                    if x != y and x.type == y.type == "Company":
                        for a in self._members(x):
                            for b in self._members(y):
                                if a != b:
                                    self._add("PARTNERS_WITH", b, a, {"status": status}, i, 0.75)

    def _led_by(self, i: int, masked: str, mentions: list[Mention]) -> None:
        """"Stellantis, led by CEO Carlos Tavares", "Il gruppo ... guidato dal CEO Carlos Tavares": the
        head of the company named before, or of the company the text is about."""
        for m in self.px.led_by.finditer(masked):
            org = mentions[int(m.group("org"))].entity if m.group("org") is not None else self.current_focus()
            if org is None or org.type != "Company" or self._negated(masked, m.start()) \
                    or any(self.px.cue["negation"].fullmatch(w) for w in _TOKEN.findall(masked, m.start(), m.start("name"))):
                continue  # (and "the group, not led by X any more")
            name = m.group("name")
            if name.startswith("⟨"):
                person = mentions[int(name[2:-1])].entity
            else:
                name = " ".join(name.split())
                if not self._valid_person(name):
                    continue
                person = self.index.get(name) or self._new_person(name)
            if person.type == "Person":
                role = _normalize_role(" ".join(m.group("role").split())) if m.group("role") else "head"
                self.facts.append(_Fact("WORKS_FOR", person, org, {"role": role}, i, 0.6))

    def _board_chair(self, i: int, masked: str, mentions: list[Mention]) -> None:
        """"il Cda presieduto da John Elkann": the chairman of the company named with the board,
        else of the one company the sentence before named, else of the company the text is about."""
        m = self.px.board_chair.search(masked)
        if m.group("org") is not None:
            org = mentions[int(m.group("org"))].entity
        else:
            before = self.sent_companies[i - 1] if i else set()
            org = next(iter(before)) if len(before) == 1 else self.current_focus()
        name = m.group("name")
        if org is None or org.type != "Company":
            return
        if name.startswith("⟨"):
            person = mentions[int(name[2:-1])].entity
        else:
            name = " ".join(name.split())
            if not self._valid_person(name):
                return
            person = self.index.get(name) or self._new_person(name)
        if person.type == "Person":
            self.facts.append(_Fact("WORKS_FOR", person, org, {"role": "chairman"}, i, 0.6))

    def _stake_in_the_firm(self, i: int, masked: str, mentions: list[Mention]) -> None:
        """"Sempre più Volkswagen in QuantumScape. ... Volkswagen investirà 100 milioni nella
        società": an investment in "the company", the one other company the last sentences named."""
        m = self.px.invest_in_firm.search(masked)
        if m is None or self._negated(masked, m.start()):
            return
        pos = self._place(masked)
        investor = next((mentions[k].entity for k in sorted(pos, key=lambda k: -pos[k][0])
                         if pos[k][1] <= m.start() and mentions[k].entity.type == "Company"), None)
        if investor is None:
            return
        others = set().union(*self.sent_companies[max(0, i - 3):i]) - {investor}
        if len(others) != 1:
            return  # none, or more than one the company could be
        target = others.pop()
        stake = _stake(_PCT.search(masked, m.start(), m.end()))
        self._add("INVESTS_IN", investor, target, {"stake_pct": stake} if stake is not None else {}, i, 0.6)

    def _mutual_stakes(self, i: int, masked: str, mentions: list[Mention], role_orgs: set[int]) -> None:
        """"Toyota and Suzuki will take stakes in each other": a stake each way between the two
        companies named nearest the cue, before it (or after it, "cross-shareholdings between")."""
        m = self.px.cue["mutual"].search(masked)
        if m is None or self._negated(masked, m.start()):
            return
        pos = self._place(masked)
        comps = [k for k, x in enumerate(mentions) if x.entity.type == "Company" and k not in role_orgs]
        before = [k for k in comps if pos[k][1] <= m.start()]
        after = [k for k in comps if pos[k][0] >= m.end()]
        chosen = before[-2:] if len(before) >= 2 else after[:2]
        names = [mentions[k].entity for k in chosen]
        if len(set(names)) != 2:
            return
        if len(before) >= 2 and any(self.px.cue["negation"].fullmatch(w)
                                    for w in _TOKEN.findall(masked[pos[chosen[-1]][1]:m.start()])):
            return  # "A e B non deterranno il 15% delle quote del partner"
        a, b = names
        self._add("INVESTS_IN", a, b, {}, i, 0.7)
        self._add("INVESTS_IN", b, a, {}, i, 0.7)

    def _pair_reference(self, i: int, masked: str, mentions: list[Mention]) -> None:
        """"The two companies said they have signed a memorandum": the status of the pair the
        article last named, stated in a sentence that names neither."""
        cue = self.px.cue
        ref = cue["pair"].search(masked)
        if ref is None or mentions:
            return
        last = next((f for f in reversed(self.facts) if f.predicate == "PARTNERS_WITH" and i - f.sentence <= 3), None)
        if last is None:
            return
        hit = next((h for h in cue["partner"].finditer(masked) if not self._negated(masked, h.start())), None)
        if hit is None:
            return
        status = self._status(self._status_span(masked, min(ref.start(), hit.start()), max(ref.end(), hit.end())))
        if status == "active" or (status == "prospective" and not _STAGE.fullmatch(hit.group())):
            return  # only a stage of the agreement (talks, a memorandum) or its end says more
        self._add("PARTNERS_WITH", last.subject, last.object, {**last.props, "status": status}, i, 0.6)

    def _pair_named_before(self, i: int, masked: str, mentions: list[Mention]) -> None:
        """"Les deux sociétés, déjà partenaires depuis 2022", "Together, the two companies would
        develop": a tie of the two companies a recent sentence named (the last one that named
        companies, within three), when no tie of theirs is known yet; a sentence naming a third
        company, or an earlier one naming more than two, refers to no pair."""
        ref = self.px.cue["pair"].search(masked) or self.px.the_two.search(masked) or self.px.this_tie.search(masked)
        if ref is None:
            return
        units = {f.subject for f in self.facts if f.predicate == "SUBSIDIARY_OF"}
        pair = {e for e in self.sent_companies[i] if e not in units}
        for j in range(i - 1, max(-1, i - 5), -1):
            if len(pair) >= 2:
                break
            pair |= {e for e in self.sent_companies[j] if e not in units}  # a unit goes with its owner
        if len(pair) != 2:
            return
        hit = next((h for h in self.px.cue["partner"].finditer(masked) if not self._negated(masked, h.start())), None) \
            or self.px.together.search(masked)
        if hit is None or self._negated(masked, hit.start()):
            return
        def first(e: Name) -> tuple[int, int]:  # where the text first names it
            j = next(j for j in range(i + 1) if e in self.sent_companies[j])
            return j, next(m.start for m in self._mask(*self.sents[j])[1] if m.entity == e)
        a, b = sorted(pair, key=first)
        if any(f.predicate == "PARTNERS_WITH" and ({f.subject, f.object} == {a, b} or i - f.sentence <= 3) for f in self.facts):
            return  # a tie known, or one just stated: whether it changed is for _pair_reference to say
        status = self._status(self._status_span(masked, min(ref.start(), hit.start()), max(ref.end(), hit.end())))
        self._add("PARTNERS_WITH", a, b, {"status": status}, i, 0.6)

    def _misspelt(self, word: str) -> Name | None:
        """The known or bundled company a word names with a letter repeated by mistake ("Nisssan",
        "Toyotta"): the same letters once each, the same company; none if two companies fit."""
        key = _REPEATS.sub(r"\1", word.casefold())
        if len(key) < 4:
            return None
        found = {e for k, e in self.index.surfaces.items()
                 if e.type == "Company" and " " not in k and k != word.casefold() and _REPEATS.sub(r"\1", k) == key}
        return found.pop() if len(found) == 1 else None

    def _company_by_word(self, word: str) -> Name | None:
        """The company a single word names: a known name, or the one company whose name starts
        with it ("Mitsubishi" for Mitsubishi Motors)."""
        hit = self.index.get(word)
        if hit is not None:
            return hit
        key = word.casefold() + " "
        found = {e for k, e in self.index.surfaces.items() if k.startswith(key) and e.type == "Company"}
        return found.pop() if len(found) == 1 else None

    def _hyphen_groups(self, i: int, masked: str, mentions: list[Mention]) -> None:
        """Partners named as one hyphenated word next to a partnership word, each part a company."""
        if not self.groups:
            return
        employers = None
        for m in self.px.hyphen_group.finditer(masked):
            k = int(m.group("g") or m.group("g2"))
            group = mentions[k].entity
            if group in self.groups and self.px.persons_near_role.search(masked):
                if employers is None:
                    employers = {org for _, org, _, _ in self._works_for(masked, mentions, register=False)}
                if group in employers:
                    continue  # "PDG de l'alliance Renault-Nissan": the employer of a person, not the news
            parts = self.groups.get(group)
            start = m.start("cue") if m.group("cue") else m.start("cue2")
            if parts is None or self._negated(masked, min(start, m.start())):
                continue
            # the words before that speak of this grouping: not those of a tie with someone else
            # ("GM has ended talks with car alliance Renault-Nissan")
            left = masked[max(0, m.start() - 50):m.start()]
            cut = [w.end() for w in self.px.with_word.finditer(left)]
            a = m.start() - len(left) + (cut[-1] if cut else 0)
            if cut:
                right = masked[m.end():m.end() + 80]
                stop = re.search(r"[,;:.]", right)
                status = self._status(masked[a:m.end()] + (right[:stop.start()] if stop else right))
            else:
                status = self._span_status(masked, m.start(), m.end())
            for x_i, x in enumerate(parts):
                for y in parts[x_i + 1:]:
                    self._add("PARTNERS_WITH", x, y, {"status": status}, i, 0.75)

    def _them_and(self, i: int, masked: str, mentions: list[Mention]) -> None:
        """"The two companies cancelled an agreement between them and Mitsubishi": each party of
        the partnership named in the last few sentences, with the company after "them and"."""
        m = self.px.them_and.search(masked)
        if m is None:
            return
        last = next((f for f in reversed(self.facts) if f.predicate == "PARTNERS_WITH" and i - f.sentence <= 3), None)
        if last is None:
            return
        hit = None
        for h in self.px.cue["partner"].finditer(masked, max(0, m.start() - 60), m.start()):
            hit = h
        if hit is None or self._negated(masked, hit.start()) or masked[hit.end():m.start()].strip():
            return
        pos = self._place(masked)
        k = int(m.group("k"))
        companies = [x for x, men in enumerate(mentions) if men.entity.type == "Company"]
        lst = next((x for x in self._lists(masked, companies, pos) if k in x), [k])
        status = self._span_status(masked, hit.start(), pos[lst[-1]][1])
        for x in lst[lst.index(k):]:
            other = mentions[x].entity
            for member in (last.subject, last.object):
                if member != other:
                    self._add("PARTNERS_WITH", member, other, {"status": status}, i, 0.6)

    def _investments(self, i: int, masked: str, mentions: list[Mention], role_orgs: set[int]) -> None:
        px, cue = self.px, self.px.cue
        if cue["ended"].search(masked):
            return
        pos = self._place(masked)
        comps = [k for k, m in enumerate(mentions) if m.entity.type == "Company" and k not in role_orgs]
        found: dict[tuple[Name, Name], tuple[float, float | None]] = {}
        held = []
        for rx in (px.shareholder, px.shareholder_in, px.shareholder_of_which, px.shareholder_is, px.capital_entry):
            for m in rx.finditer(masked):
                held.append((m.start(), m.end()))
                t, inv = mentions[int(m.group("t"))].entity, mentions[int(m.group("i"))].entity
                if t != inv and not any(self._negated(masked, n.start()) for n in _TOKEN.finditer(masked, m.start(), m.end())):
                    pct = _PCT.search(masked, m.start(), m.end()) or _WITH_PCT.match(masked, m.end())
                    found[(inv, t)] = (0.8, _stake(pct))
                    co = px.co_holders.match(masked, m.end()) if rx is px.shareholder_in else None
                    for k in _PLACE_C.findall(co.group("list")) if co else ():
                        other = mentions[int(k)].entity
                        if other not in (t, inv) and other.type == "Company":
                            found[(other, t)] = (0.7, _stake(pct))
        passive = []
        for rx in (*px.passive_invest, *px.sales):
            for m in rx.finditer(masked):
                passive.append((m.start(), m.end()))
                t, inv = int(m.group("t")), int(m.group("i"))
                if t in role_orgs or inv in role_orgs or self._negated(masked, m.start("i")):
                    continue
                a, b = mentions[inv].entity, mentions[t].entity
                if a == b or a.type != "Company" or b.type != "Company":
                    continue
                # "a 20% stake in Leapmotor was acquired by Stellantis"
                before = masked[max(0, m.start() - 50):m.start()]
                pct = _PCT.search(before) if cue["invest"].search(before) else None
                stake = _stake(pct)
                found[(a, b)] = (0.85 if stake is not None else 0.75, stake)
        held_by: dict[int, Name] = {}  # a stake's target -> its holder, for the stakes listed after it
        for h in cue["invest"].finditer(masked):
            if self._negated(masked, h.start()) or any(a <= h.start() < b for a, b in passive):
                continue
            if self.lang == "de" and _DE_NOT_AFTER.match(masked, h.end()):
                continue  # "Mercedes beteiligt sich nicht an ACC": German puts the negation after the verb
            if any(a <= h.start() < b for a, b in (*held, *self.share_spans)):
                continue  # read above, with the shareholder on the right side
            if any(w.casefold() in _SELL for w in _TOKEN.findall(masked[max(0, h.start() - 40):h.start()])[-4:]):
                continue  # "X sold a 10% stake in Y": X is leaving, not investing
            lead = masked[max(0, h.start() - 70):h.start()]
            lead = lead[lead.rfind("⟩") + 1:]
            if px.weighing.search(lead) or _TALKS_BEFORE.search(lead) or _MAY_BEFORE.search(lead):
                continue  # "Nissan sta valutando la possibilità di acquisire una partecipazione", "in talks to
                # invest": not yet a stake
            target = None
            for k in comps:
                if pos[k][0] < h.end():
                    continue
                gap = masked[h.end():pos[k][0]]
                if len(_TOKEN.findall(gap)) > 16 or ";" in gap:
                    break
                froms = list(cue["from"].finditer(gap))
                preps = list(px.prep_word.finditer(gap))
                if froms and (not preps or froms[-1].start() >= preps[-1].start()):
                    break  # "bought shares from Dongfeng": Dongfeng sells, it is not the target
                if px.prep_before.search(gap[-60:]) or not gap.strip():
                    target = k
                break
            if target is None or _UNIT_OF_OWNER.match(masked, pos[target][1]):
                continue  # (not in "a stake in GM's autonomous vehicle operation": in the unit, unnamed)
            investor = None
            in_rel = next(((a, b) for a, b in self._relative_spans(masked) if a <= h.start() < b), None)
            if in_rel is not None:  # "Geely, which holds 9.7% of Daimler": the antecedent invests
                investor = next((k for k in reversed(comps) if pos[k][1] <= in_rel[0]), None)
                if investor is not None and _NAMED_ANTECEDENT.search(masked, pos[investor][1], in_rel[0]):
                    continue  # "backed by the fund, which holds investments in Uber": the fund, unnamed
            tail = masked[pos[target][1]:]
            owned = cue["owned_by"].search(tail)
            if owned:
                investor = next((k for k in comps if pos[k][0] >= pos[target][1] + owned.end()), None)
            holder = None  # the investor, when it is not named in this sentence or not next to the cue
            if investor is None and not owned:
                # (not across a semicolon: "entered a deal with Tesla; the company invested $30 million")
                investor = next((k for k in reversed(comps) if pos[k][1] <= h.start()
                                 and mentions[k].entity != mentions[target].entity
                                 and ";" not in masked[pos[k][1]:h.start()]), None)
                if investor is not None and investor in held_by and masked[pos[investor][1]:h.start()].strip() \
                        and _NEXT_HOLDING.fullmatch(masked, pos[investor][1], h.start()):
                    # "has 50% of Hino, a 16.8% stake in Subaru": each stake is the holder's, not the
                    # last target's
                    holder, investor = held_by[investor], None
                elif investor is None and _IT_HOLDS.match(masked[:h.start()]):
                    holder = self.current_focus()  # "It wholly owns Daihatsu": the company the text is about
            if investor is None and holder is None:
                continue
            # the stated percentage: before the target, or just after it up to the next cue
            after = masked[pos[target][1]:pos[target][1] + 50]
            nxt = cue["invest"].search(after)
            after = after[:nxt.start()] if nxt else after
            if investor is None or investor in held_by:  # a list of holdings: each one's own percentage
                nxt = _NEW_HOLDING.search(after)
                after = after[:nxt.start()] if nxt else after
            start = max(0, h.start() - 40)
            if investor is None or investor in held_by:
                start = max(start, masked.rfind("⟩", 0, h.start()) + 1)
            window = masked[start:pos[target][0]] + " " + after
            stake = _stake(_PCT.search(window))
            if stake is None and _HALF.search(window):
                stake = 50  # "owns half of X": a stake, not control
            lst = next((x for x in self._lists(masked, comps, pos) if target in x), [target])
            inv_ent = mentions[investor].entity if investor is not None else holder
            for t in lst[lst.index(target):]:
                held_by[t] = inv_ent
            more = _MORE_STAKE.match(masked, pos[lst[-1]][1])
            while more is not None:  # "a 49 percent stake in Isuzu and 10 percent in Suzuki", "51% of A, 20% of B"
                k = int(more.group("k"))
                a, b = inv_ent, mentions[k].entity
                if a != b and b.type == "Company":
                    found[(a, b)] = (0.75, _stake(_PCT.search(more.group())))
                    held_by[k] = a
                more = _MORE_STAKE.match(masked, more.end())
            for t in lst[lst.index(target):]:  # "investments in Tesla and Nio"
                a, b = inv_ent, mentions[t].entity
                if a == b:
                    continue
                if stake is None and px.control.fullmatch(h.group()):
                    if _NOT_WHOLE_OWNER.search(masked[:h.start()]) or _NOT_WHOLE_TARGET.match(masked, pos[t][1]) \
                            or _PART_AFTER_OWN.match(masked, h.end()):
                        continue  # "the Chinese company that owns NEVS", "owns half of JAC Motors' parent"
                    # "Geely, which owns Volvo Cars"; not "Toyota and Denso own Zentrix": joint owners
                    # each hold a share (read by the holders' pattern), none owns it alone
                    owners = next((x for x in self._lists(masked, comps, pos) if investor in x), [investor]) \
                        if investor is not None else []
                    if len({mentions[k].entity for k in owners}) <= 1:
                        self._add("SUBSIDIARY_OF", b, a, {}, i, 0.7)
                    continue
                conf = 0.85 if stake is not None else 0.75
                old = found.get((a, b))
                if old is None or (old[1] is None and stake is not None):
                    found[(a, b)] = (conf, stake)
        if "⟩'s" in masked or "⟩’s" in masked:
            for m in px.poss_pct.finditer(masked):
                inv, t = mentions[int(m.group("i"))].entity, mentions[int(m.group("t"))].entity
                if inv != t and inv.type == t.type == "Company" and not self._negated(masked, m.start()) \
                        and (inv, t) not in found:
                    found[(inv, t)] = (0.75, _stake(_PCT.search(m.group("pct"))))
        for m in (px.de_pct.finditer(masked) if px.de_pct is not None else ()):
            inv = mentions[int(m.group("i") or m.group("i2"))].entity
            t = mentions[int(m.group("t"))].entity
            if inv != t and inv.type == t.type == "Company" and not self._negated(masked, m.start()) \
                    and not _DE_NOT_AFTER.match(masked, m.end()) and not any(
                        cue["negation"].fullmatch(w) for w in _TOKEN.findall(masked, m.start(), m.end())):
                found[(inv, t)] = (0.8, _stake(_PCT.search(m.group("pct"))))
        for m in px.backed_by.finditer(masked):
            if self._negated(masked, m.start()) or cue["prospective"].search(masked, m.start(), m.end()) \
                    or any(cue["negation"].fullmatch(w) for w in _TOKEN.findall(masked, m.start(), m.end())):
                continue  # "Rivian is not backed by Ford"
            tk = m.group("t") or m.group("t2")
            t = mentions[int(tk)].entity if tk else self.current_focus()
            if t is None:
                continue
            for k in _PLACE_C.findall(m.group("list") or m.groupdict().get("list2")):
                inv = mentions[int(k)].entity
                if inv != t and inv.type == t.type == "Company" and int(k) not in role_orgs:
                    found.setdefault((inv, t), (0.7, None))
        for (a, b), (conf, stake) in found.items():
            props = {"stake_pct": stake} if stake is not None else {}
            self._add("INVESTS_IN", a, b, props, i, conf)

    def _bought_by_it(self, i: int, masked: str, mentions: list[Mention]) -> None:
        """Goods bought by "it" from a named company: the buyer is the company the text is about
        ("Il achètera également des batteries à la société chinoise CATL")."""
        buyer = self.current_focus()
        if buyer is None:
            return
        for m in self.px.buy_from_it.finditer(masked):
            seller = mentions[int(m.group("s"))].entity
            d = m.group("d")
            if seller == buyer or seller.type != "Company" or _NOT_GOODS.search(d) or self.px.cue["invest"].search(d):
                continue
            if self._negated(masked, m.start()) or self.px.cue["prospective"].search(masked, m.start(), m.end()) \
                    or any(self.px.cue["negation"].fullmatch(w) for w in _TOKEN.findall(masked, m.start(), m.start("d"))):
                continue  # "it does not buy cells from CATL"
            dom = self._domain(d)
            self._add("SUPPLIES", seller, buyer, {"domain": dom} if dom else {}, i, 0.6)

    def _supplied_by_it(self, i: int, masked: str, mentions: list[Mention]) -> None:
        """Supply with a seller or buyer that is not named but referred to: "it will continue
        supplying Ford", "Le groupe allemand équipe déjà Ford", "Valeo qui va lui fournir la chaîne de
        traction". "qu'il", "that it" after a company the sentence opens with are that company;
        otherwise the company the text is about."""
        about = self.current_focus()
        for m in self.px.supply_by_it.finditer(masked):
            groups = m.groupdict()
            d = m.group("d") or m.group("d2") or groups.get("d3") or ""
            if m.group("s") is not None:
                seller, buyer = mentions[int(m.group("s"))].entity, about
            else:
                seller, buyer = about, mentions[int(m.group("b") or groups.get("b3"))].entity
                first = _PLACE.search(masked)
                if m.group("that") is not None or masked[m.start():m.start() + 3].casefold() == "qu'":
                    if first is not None and first.start() < m.start():
                        # "Volkswagen a annoncé qu'il va fournir": the sentence's subject, when it opens it
                        if first.group(1) != "C" or len(_TOKEN.findall(masked[:first.start()])) > 6:
                            continue
                        seller = mentions[int(first.group(2))].entity
                elif first is not None and first.start() < m.start():
                    continue
            if seller is None or buyer is None or seller == buyer or not (seller.type == buyer.type == "Company"):
                continue
            if _NOT_GOODS.search(d) or _NOT_SUPPLIED.search(m.group()) or self.px.cue["invest"].search(d) \
                    or _WITH_LAST.search(d):
                continue
            if self._negated(masked, m.start()) or self.px.cue["prospective"].search(masked, m.start(), m.end()) \
                    or any(self.px.cue["negation"].fullmatch(w) for w in _TOKEN.findall(m.group())):
                continue  # "it does not supply Ford"
            dom = self._domain(d) or self._domain(m.group())
            self._add("SUPPLIES", seller, buyer, {"domain": dom} if dom else {}, i, 0.6)

    def _supplier_role(self, i: int, masked: str, mentions: list[Mention]) -> None:
        """A supplier's role taken on by the company the sentence opens with ("GM will receive a stake
        in Nikola and will become a key technology supplier for the startup", "... as well as becoming
        the exclusive supplier of fuel cells for Nikola's trucks"): the buyer is named through its goods,
        or by a common noun (then the one other company of the sentence, or the one the text is about)."""
        first = _PLACE.search(masked)
        if first is None or first.group(1) != "C" or len(_TOKEN.findall(masked[:first.start()])) > 6:
            return
        opening = mentions[int(first.group(2))].entity
        for m in self.px.supplier_role.finditer(masked):
            if m.start() < first.end():
                continue
            # "Renault said Valeo will become a key supplier for the carmaker": a company right before the
            # verb is its subject; not one before "and" ("a stake in Nikola and will become")
            near = _SUBJECT_BEFORE.search(masked, max(first.end(), m.start() - 40), m.start())
            if near is not None and (self.px.prep_word.search(masked[max(0, near.start() - 12):near.start()])
                                     or self.px.with_word.search(masked[max(0, near.start() - 12):near.start()])):
                near = None  # "work with Ford to boost supply": not the subject
            seller = mentions[int(near.group(1))].entity if near is not None else opening
            if m.group("b") is not None:
                buyer = mentions[int(m.group("b"))].entity
            else:
                others = {x.entity for x in mentions if x.entity.type == "Company"} - {seller}
                # (after a supply word, the other company must be in the sentence: "provide the basis for
                # the new company's software" speaks of one not named yet)
                buyer = others.pop() if len(others) == 1 else (
                    self.current_focus() if not others and m.group("v") is None else None)
            if buyer is None or buyer == seller or not (seller.type == buyer.type == "Company"):
                continue
            d = m.group("d")
            if _NOT_GOODS.search(d) or _NOT_SUPPLIED.search(d) or self.px.cue["invest"].search(d):
                continue
            if m.group("v") is not None and _supplier_sector(buyer) and not _supplier_sector(seller):
                continue  # "Ford works with SK On to secure supply to the battery maker": who sells is unclear
            if self._negated(masked, m.start()) or self.px.cue["prospective"].search(masked, first.start(), m.end()) \
                    or any(self.px.cue["negation"].fullmatch(w) for w in _TOKEN.findall(masked, first.start(), m.end())):
                continue  # "GM could become a supplier for the startup"
            dom = self._domain(m.group())
            self._add("SUPPLIES", seller, buyer, {"domain": dom} if dom else {}, i, 0.6)

    def _memo_supply(self, i: int, masked: str, mentions: list[Mention]) -> None:
        """A memorandum signed with a named company for a supply ("Stellantis ha firmato un MoU con CATL
        per la fornitura di celle"): the one in a supplier's sector sells, when the other is not."""
        for m in self.px.memo_supply.finditer(masked):
            seller, buyer = mentions[int(m.group("s"))].entity, mentions[int(m.group("b"))].entity
            if seller == buyer or not (seller.type == buyer.type == "Company") or not _supplier_sector(seller) \
                    or _supplier_sector(buyer):
                continue
            if self._negated(masked, m.start()) or any(self.px.cue["negation"].fullmatch(w) for w in _TOKEN.findall(m.group())):
                continue
            dom = self._domain(m.group("d"))
            self._add("SUPPLIES", seller, buyer, {"domain": dom} if dom else {}, i, 0.6)

    def _secured_supply(self, i: int, masked: str, mentions: list[Mention]) -> None:
        """A deal between the sentence's two companies whose aim is a supply ("ZF hat mit
        STMicroelectronics einen Vertrag geschlossen, um die Versorgung mit Halbleitern zu sichern"): the
        one further up the supply chain (chips before parts, parts before cars) sells."""
        names = list(dict.fromkeys(x.entity for x in mentions if x.entity.type == "Company"))
        m = self.px.secured_supply.rx.search(masked)
        if m is None or not self.px.with_word.search(masked) or self._status(masked) != "active":
            return
        focus = self.current_focus()
        buyers = []
        if focus is not None and focus not in names and "⟨C" not in masked[:m.start("deal")] \
                and _CARMAKER_SUBJECT.match(masked) and all(_sector(n) not in _MAKERS for n in names):
            # "The automaker has signed an agreement with A and B, guaranteeing the supply": the carmaker
            # the text is about buys from each
            names.insert(0, focus)
            buyers = [focus]
        if len(names) < 2 or len(names) > 4:
            return
        top = max(_tier(n) for n in names)
        buyers = buyers or [n for n in names if _tier(n) == top]
        if len(buyers) != 1:
            return  # (chips go to a parts supplier, parts to a carmaker: the one further up sells; each seller
            # of a lower tier than the one buyer)
        if self._negated(masked, m.start("deal")) or any(self.px.cue["negation"].fullmatch(w) for w in _TOKEN.findall(masked)):
            return
        dom = self._domain(m.group("d"))
        for seller in names:
            if seller != buyers[0]:
                self._add("SUPPLIES", seller, buyers[0], {"domain": dom} if dom else {}, i, 0.6)

    def _buyer_ties(self, i: int, masked: str, mentions: list[Mention]) -> None:
        """A company's supply deals with others ("gli accordi di fornitura di Tesla con CATL e LG Chem": the
        one further up the supply chain sells), and the buyer's other ties in a sentence that has stated its
        supply ("... are smaller than its long-standing relationship with Panasonic"): "its" is the one buyer
        of the supply facts found in the sentence."""
        for m in self.px.deals_of.finditer(masked):
            b = mentions[int(m.group("b") or m.group("b2"))].entity
            if self._negated(masked, m.start()) or self.px.cue["prospective"].search(m.group()):
                continue  # "Tesla's talks on supply agreements with CATL"
            for k in (m.group("s") or m.group("s2"), *_PLACE_C.findall(m.group("more") or m.group("more2") or "")):
                seller = mentions[int(k)].entity
                if seller != b and seller.type == b.type == "Company" and _tier(seller) < _tier(b):
                    self._add("SUPPLIES", seller, b, {}, i, 0.6)
        buyers = {f.object for f in self.facts if f.sentence == i and f.predicate == "SUPPLIES"}
        if len(buyers) != 1:
            return
        [buyer] = buyers
        for m in self.px.buyer_tie.finditer(masked):
            if self._negated(masked, m.start()) or any(self.px.cue["negation"].fullmatch(w) for w in _TOKEN.findall(m.group())):
                continue
            for k in (m.group("s"), *_PLACE_C.findall(m.group("more"))):
                seller = mentions[int(k)].entity
                if seller != buyer and seller.type == "Company":
                    self._add("SUPPLIES", seller, buyer, {}, i, 0.55)

    def _contract_made(self, i: int, masked: str, mentions: list[Mention]) -> None:
        """Goods built by a contract manufacturer ("the Ocean SUV, which is being built by contract
        manufacturer Magna Steyr in Austria"): for the one company named before it in the sentence, or,
        with none, for the company the text is about."""
        for m in self.px.contract_made.finditer(masked):
            k = int(m.group("s") or m.group("s2"))
            seller = mentions[k].entity
            before = {x.entity for x in mentions[:k] if x.entity.type == "Company"} - {seller}
            buyer = before.pop() if len(before) == 1 else (self.current_focus() if not before else None)
            if buyer is None or buyer == seller or not (seller.type == buyer.type == "Company"):
                continue
            if self._negated(masked, m.start()) or self.px.cue["prospective"].search(masked, 0, m.end()) \
                    or any(self.px.cue["negation"].fullmatch(w) for w in _TOKEN.findall(masked, 0, m.end())):
                continue
            self._add("SUPPLIES", seller, buyer, {}, i, 0.6)

    def _sold_goods(self, i: int, masked: str, mentions: list[Mention]) -> None:
        """Goods (vehicles, cells, chips) sold to a named buyer, by the company named before the verb or,
        in a quote or a sentence without one, by the company the text is about ("Inoltre venderemo ad
        Amazon un grande numero di veicoli commerciali")."""
        for m in self.px.sold_goods.finditer(masked):
            d = m.group("d") + " " + m.group("d2")
            if not self.px.vehicles.search(d) or _NOT_GOODS.search(m.group("d")) or self.px.cue["invest"].search(d) \
                    or re.search(r"(?i)\b(?:stake|shares?|quota|azioni|participation|actions|Anteil\w*|Aktien|brand|"
                                 r"marchio|marque|Marke|unit|division|business)\b", m.group("d")):
                continue  # "sell its stake to", "sell the brand to": not goods
            buyer = mentions[int(m.group("b"))].entity
            seller = mentions[int(m.group("s"))].entity if m.group("s") else self.current_focus()
            if m.group("s") is None and seller == buyer:
                seller = self.focus  # "Amazon ... «venderemo ad Amazon»": the speaker, of the text's company
            if seller is None or seller == buyer or not (seller.type == buyer.type == "Company"):
                continue
            if self._negated(masked, m.start()) or self.px.cue["prospective"].search(m.group()) \
                    or any(self.px.cue["negation"].fullmatch(w) for w in _TOKEN.findall(m.group())):
                continue
            self._add("SUPPLIES", seller, buyer, {}, i, 0.6)

    def _deal_of_it(self, i: int, masked: str, mentions: list[Mention]) -> None:
        """A supply deal "it" signed with a named supplier ("It has also secured long-term supply
        contracts with Korean battery maker SK Innovation", "Elle a signé un contrat de fourniture avec
        LG"): the company the text is about buys, when the other is in a supplier's sector and it is not."""
        m = self.px.deal_of_it.search(masked)
        if m is None:
            return
        buyer = self.current_focus()
        seller = mentions[int(m.group("s"))].entity
        if buyer is None or seller == buyer or seller.type != "Company" or not _supplier_sector(seller) \
                or _supplier_sector(buyer):
            return
        if self._negated(masked, m.start("deal")) or any(self.px.cue["negation"].fullmatch(w) for w in _TOKEN.findall(m.group())) \
                or self._status(masked) != "active":
            return
        dom = self._domain_after(masked, m.start("deal"))
        self._add("SUPPLIES", seller, buyer, {"domain": dom} if dom else {}, i, 0.6)

    def _holders(self, i: int, masked: str, mentions: list[Mention]) -> None:
        """Stakes of several holders of one company, units in a parenthesis after their group."""
        px = self.px
        if not px.cue["ended"].search(masked):
            for m in (*px.joint_holders.finditer(masked), *px.joint_stakes.finditer(masked), *px.holders_list.finditer(masked),
                      *px.relative_holders.finditer(masked)):
                if self._negated(masked, m.start("list")) or px.weighing.search(masked, max(0, m.start() - 60), m.start("list")) \
                        or any(px.cue["negation"].fullmatch(w) for w in _TOKEN.findall(masked, m.end("list"), m.end())):
                    continue  # (and "A and B do not hold ...")
                t = mentions[int(m.group("t") or m.group("t2"))].entity
                for k in _PLACE_C.findall(m.group("list")):
                    x = mentions[int(k)].entity
                    if x != t and x.type == t.type == "Company":
                        self._add("INVESTS_IN", x, t, {}, i, 0.7)
            for m in px.takes_part.finditer(masked):
                x, t = mentions[int(m.group("i") or m.group("i2"))].entity, mentions[int(m.group("t"))].entity
                if x != t and x.type == t.type == "Company" and not self._negated(masked, m.start()) \
                        and not any(px.cue["negation"].fullmatch(w) for w in _TOKEN.findall(m.group())):
                    self._add("INVESTS_IN", x, t, {}, i, 0.7)
        for m in px.paren_units.finditer(masked):
            y = mentions[int(m.group("y"))].entity
            if y in self.groups:
                continue  # "the alliance Renault-Nissan (Renault, Nissan and Mitsubishi)": members, not units
            for k in _PLACE_C.findall(m.group("one") or m.group("list")):
                x = mentions[int(k)].entity
                if x != y and x.type == y.type == "Company":
                    self._add("SUBSIDIARY_OF", x, y, {}, i, 0.65)
        for m in px.part_of.finditer(masked):
            x = mentions[int(m.group("x") or m.group("x2"))].entity
            y = mentions[int(m.group("y") or m.group("y2"))].entity
            if x != y and x.type == y.type == "Company" and not self._negated(masked, m.start()):
                self._add("SUBSIDIARY_OF", x, y, {}, i, 0.7)

    def _co_owners(self, i: int, masked: str, n: int) -> None:
        """The owners of one joint venture, given their shares in one sentence ("Ankai will hold 45% of
        the joint venture, JAC 20% and Zhechu 23%"), are its partners."""
        owners: dict[Name, list[Name]] = {}
        for f in self.facts[n:]:
            if f.predicate == "INVESTS_IN" and f.subject not in owners.setdefault(f.object, []):
                owners[f.object].append(f.subject)
        even = None if self.px.venture.search(masked) else self.px.even_shares.search(masked)
        if all(len(who) < 2 for who in owners.values()) or not self.px.venture.search(masked) and even is None:
            return  # (owners in equal shares are co-owners of a venture too)
        # (their status is the one of the words from "in equal shares" on)
        status = None if even is None else self._span_status(masked, even.start(), len(masked))
        for target, who in owners.items():
            if len(who) < 2:
                continue
            if status is None:
                status = self._span_status(masked, 0, len(masked))
            for a_k, a in enumerate(who):
                for b in who[a_k + 1:]:
                    if a != b and target not in (a, b):
                        self._add("PARTNERS_WITH", a, b, {"status": status}, i, 0.6)

    def _unit_lists(self, i: int, masked: str, mentions: list[Mention]) -> None:
        """Units named with their group: "Volkswagen with its brands Audi, Skoda and SEAT", "Zu VW gehören
        die Marken Audi und Skoda", "Audi and Skoda belong to Volkswagen", a unit the company set up, the
        parent named after "its". The text states the tie; the bundled list only says what is a company."""
        px = self.px
        for m in px.unit_lists.finditer(masked):
            y_k = m.group("y") or m.group("y2") or m.group("y3")
            lst = m.group("list") or m.group("list2") or m.group("list3")
            if self._negated(masked, m.start()) or self._negated(masked, m.end()):
                continue
            y = mentions[int(y_k)].entity
            for k in _PLACE_C.findall(lst):
                x = mentions[int(k)].entity
                if x != y and x.type == y.type == "Company":
                    self._add("SUBSIDIARY_OF", x, y, {}, i, 0.7)
        for m in px.unit_created.finditer(masked):
            x, y = mentions[int(m.group("x"))].entity, mentions[int(m.group("y"))].entity
            if x != y and x.type == y.type == "Company" and not self._negated(masked, m.start("x")) \
                    and not self.px.cue["prospective"].search(masked[max(m.start(), m.start("v") - 15):m.end()]) \
                    and not any(self.px.cue["negation"].fullmatch(w) for w in _TOKEN.findall(masked, m.start(), m.end())):
                self._add("SUBSIDIARY_OF", x, y, {}, i, 0.65)
        for m in px.founded_by.finditer(masked):
            x, y = mentions[int(m.group("x"))].entity, mentions[int(m.group("y"))].entity
            if x != y and x.type == y.type == "Company" and not self._negated(masked, m.start()) \
                    and not any(self.px.cue["negation"].fullmatch(w) for w in _TOKEN.findall(m.group())):
                self._add("SUBSIDIARY_OF", x, y, {}, i, 0.65)
        for m in px.its_parent.finditer(masked):
            x = mentions[int(m.group("x") or m.group("x2") or m.group("x3"))].entity
            y = mentions[int(m.group("y") or m.group("y2") or m.group("y3"))].entity
            if x != y and x.type == y.type == "Company" and not self._negated(masked, m.start()):
                self._add("SUBSIDIARY_OF", x, y, {}, i, 0.65)

    def _belongs(self, i: int, masked: str, mentions: list[Mention]) -> None:
        """A unit's group named in a relative clause after it ("Opel, che fa parte del gruppo PSA"), or
        the brands a group is home to ("Stellantis, home to brands such as Jeep and Chrysler")."""
        px = self.px
        for m in px.rel_belong.finditer(masked):
            x = mentions[int(m.group("x") or m.group("x2"))].entity
            y = mentions[int(m.group("y") or m.group("y2"))].entity
            # (a denial before the antecedent is about something else: "no longer works with X, which ...")
            if x != y and x.type == y.type == "Company" \
                    and not any(px.cue["negation"].fullmatch(w) for w in _TOKEN.findall(m.group())):
                self._add("SUBSIDIARY_OF", x, y, {}, i, 0.7)
        for m in px.part_appos.finditer(masked):
            x, y = mentions[int(m.group("x"))].entity, mentions[int(m.group("y"))].entity
            if x != y and x.type == y.type == "Company" \
                    and not any(px.cue["negation"].fullmatch(w) for w in _TOKEN.findall(m.group())):
                self._add("SUBSIDIARY_OF", x, y, {}, i, 0.7)
        for m in px.taken_by.finditer(masked):
            x = mentions[int(m.group("x") or m.group("x3"))].entity
            y = mentions[int(m.group("y") or m.group("y2") or m.group("y3"))].entity
            if x != y and x.type == y.type == "Company" and not _PCT.search(m.group()) \
                    and not _STAKE_WORD.search(masked, max(0, m.start() - 40), m.start()) \
                    and not any(px.cue["negation"].fullmatch(w) for w in _TOKEN.findall(m.group())) \
                    and not px.cue["prospective"].search(m.group()):
                self._add("SUBSIDIARY_OF", x, y, {}, i, 0.65)
        for m in _OWNER_POSSESSIVE.finditer(masked):
            # "talks with Alphabet's Waymo": a company named after its owner's possessive is its unit
            # (not "Renault's Nissan stake", "Toyota's Mazda deal": a noun after it says what is meant)
            tail = masked[m.end():m.end() + 30]
            if _AFTER_OWNED.match(tail) and not self._negated(masked, m.start()):
                x, y = mentions[int(m.group(2))].entity, mentions[int(m.group(1))].entity
                if x != y and x.type == y.type == "Company":
                    self._add("SUBSIDIARY_OF", x, y, {}, i, 0.6)
        for m in px.in_hands.finditer(masked):
            x, y = mentions[int(m.group("x"))].entity, mentions[int(m.group("y"))].entity
            if x != y and x.type == y.type == "Company" and not self._negated(masked, m.start("y")) \
                    and not any(px.cue["negation"].fullmatch(w) for w in _TOKEN.findall(m.group())):
                self._add("SUBSIDIARY_OF", x, y, {}, i, 0.65)
        for m in px.home_to.finditer(masked):
            y = mentions[int(m.group("y"))].entity
            if self._negated(masked, m.start()):
                continue
            for k in _PLACE_C.findall(m.group("list")):
                x = mentions[int(k)].entity
                if x != y and x.type == y.type == "Company":
                    self._add("SUBSIDIARY_OF", x, y, {}, i, 0.7)

    def _described_parent(self, i: int, masked: str, mentions: list[Mention]) -> None:
        """A unit of a group described with a definite article ("Cariad, die Software-Einheit des
        Autobauers", "Zu dem bayerischen Automobilkonzern gehört auch die Marke Rolls-Royce"): the group
        of that country among the companies near, else the company named last before the sentence."""
        for m in self.px.described_parent.finditer(masked):
            x = mentions[int(m.group("x") or m.group("x2"))].entity
            if x.type != "Company" or self._negated(masked, m.start()) \
                    or any(self.px.cue["negation"].fullmatch(w) for w in _TOKEN.findall(m.group())):
                continue
            desc = m.group("desc") or m.group("desc2")
            y = self._described_company(i, desc)
            if y is None or y == x:
                # the company named last before the sentence ("... blieb in der Hand von BMW. Zu dem
                # bayerischen Automobilkonzern gehört ..."), else the one the text speaks of
                before = [k.entity for k in self._mask(*self.sents[i - 1])[1] if k.entity.type == "Company"] if i else []
                y = before[-1] if before else self.current_focus()
                words = [p for w in desc.split() for p in w.split("-") if p]
                if any(rx.fullmatch(w) for w in words for rx, _ in _COUNTRY_WORDS):
                    y = None  # a country said, and no company of it near
            if y is not None and y != x and y.type == "Company" and y not in self.sent_companies[i]:
                self._add("SUBSIDIARY_OF", x, y, {}, i, 0.6)

    def _unit_sales(self, i: int, masked: str, mentions: list[Mention]) -> None:
        """A unit to be sold is still the seller's ("BMW has agreed to sell the Rover brand to SAIC"); a
        unit sold is the buyer's ("The MG badge was sold ... to Nanjing Automotive")."""
        px = self.px
        for m in px.sells_unit.finditer(masked):
            x, y = mentions[int(m.group("x"))].entity, mentions[int(m.group("y"))].entity
            if x != y and x.type == y.type == "Company" and not self._negated(masked, m.start("how")) \
                    and not any(px.cue["negation"].fullmatch(w) for w in _TOKEN.findall(m.group())):
                self._add("SUBSIDIARY_OF", x, y, {}, i, 0.6)
        for m in px.unit_sold.finditer(masked):
            x = mentions[int(m.group("x") or m.group("x2"))].entity
            z = None
            if m.group("z2"):
                z = mentions[int(m.group("z2"))].entity
            else:
                # the first buyer named after "to" that is not the unit itself, within the clause
                stop = re.search(r"[.;]", masked[m.end():])
                end = min(len(masked), m.end() + 160, m.end() + stop.start() if stop else len(masked))
                for t in px.sold_to.finditer(masked, m.end(), end):
                    cand = mentions[int(t.group("z"))].entity
                    if cand == x:
                        continue
                    if all(mentions[int(k)].entity == x for k in _PLACE_C.findall(masked, m.end(), t.start("z"))):
                        z = cand
                    break
            if z is None or x == z or x.type != z.type or x.type != "Company" or self._negated(masked, m.start()) \
                    or any(px.cue["negation"].fullmatch(w) for w in _TOKEN.findall(m.group())) \
                    or px.cue["prospective"].search(m.group()):
                continue
            self._add("SUBSIDIARY_OF", x, z, {}, i, 0.6)

    def _took_over(self, i: int, masked: str, mentions: list[Mention]) -> None:
        """A takeover done ("Tesla purchased Maxwell Technologies", "après avoir absorbé son compatriote
        Sanyo"): the company bought is the buyer's unit. Between the verb and the name only words that
        describe it ("ultracapacitor manufacturer", "son compatriote", "in 2019"), no stake, no seller."""
        px = self.px
        for m in px.took_over.finditer(masked):
            n = "" if m.group("y") else "2" if m.group("y2") else "3"
            y, x = mentions[int(m.group("y" + n))].entity, mentions[int(m.group("x" + n))].entity
            d = m.group("d" + n)
            if x == y or x.type != "Company" or y.type != "Company":
                continue
            words = d.split()
            if _TAKEOVER_NOT.search(d) or px.cue["invest"].search(d) or _PCT.search(d):
                continue  # "bought a 20% stake in", "acquired shares of", "bought cells from"
            if words and not (px.firm_noun.fullmatch(words[-1]) or _DESC_WORD.fullmatch(words[-1])
                              or _TAKEN_DESC.fullmatch(words[-1])):
                continue  # "bought batteries Tesla": no company named as what was bought
            if self._negated(masked, m.start("x" + n)) or px.cue["prospective"].search(masked, max(0, m.start() - 30), m.start("x" + n)) \
                    or any(px.cue["negation"].fullmatch(w) for w in _TOKEN.findall(m.group())):
                continue
            self._add("SUBSIDIARY_OF", x, y, {}, i, 0.65)
            # "... Maxwell Technologies in Feb 2019 and automation equipment manufacturer HiBar in Oct 2019":
            # a second company described as a firm, bought in the same clause
            more = _TAKEN_MORE.match(masked, m.end())
            if more is not None and (px.firm_noun.fullmatch(more.group("d").split()[-1])
                                     or _DESC_WORD.fullmatch(more.group("d").split()[-1])) \
                    and not px.cue["invest"].search(more.group()) and not _TAKEOVER_NOT.search(more.group("d")):
                z = mentions[int(more.group("x"))].entity
                if z not in (x, y) and z.type == "Company":
                    self._add("SUBSIDIARY_OF", z, y, {}, i, 0.6)

    def _patterns(self, i: int, masked: str, mentions: list[Mention]) -> None:
        cue = self.px.cue
        for m in self.px.owned_brands.finditer(masked):
            # "SAIC, which owns the MG and Maxus brands": each brand a unit of the owner; the word for
            # brands must be there ("owns 5% of Renault" is a stake, read as one)
            if not (m.group("after") or re.search(r"(?i:brands?|marchi|marchio|marques?|Marken?)\s", m.group())) \
                    or self._negated(masked, m.start()):
                continue
            y = mentions[int(m.group("y"))].entity
            for k in _PLACE_C.findall(m.group("list")):
                x = mentions[int(k)].entity
                if x != y and x.type == y.type == "Company":
                    self._add("SUBSIDIARY_OF", x, y, {}, i, 0.7)
        for rx, conf in self.px.subsidiary:
            for m in rx.finditer(masked):
                x, y = mentions[int(m.group("x"))].entity, mentions[int(m.group("y"))].entity
                # a unit named as a noun phrase ("isn't taking on Hyundai's Boston Dynamics division"):
                # a denial before it is about something else
                if x != y and x.type == y.type == "Company" and ("np" in m.groupdict() or not (
                        self._negated(masked, m.start()) or any(self.px.cue["negation"].fullmatch(w)  # "is not a unit of"
                                                                 for w in _TOKEN.findall(m.group()))
                        or self.px.cue["prospective"].search(m.group()))):  # "plans to set up a unit, X"
                    self._add("SUBSIDIARY_OF", x, y, {}, i, conf)
        passive = []
        for rx in self.px.passive_supply:
            for m in rx.finditer(masked):
                passive.append((m.start(), m.end()))
                b, s = mentions[int(m.group("t"))].entity, mentions[int(m.group("i"))].entity
                if s != b and s.type == b.type == "Company" and not self._negated(masked, m.start("i")):
                    dom = self._domain(masked[m.start():m.end()]) or self._domain_after(masked, m.end())
                    self._add("SUPPLIES", s, b, {"domain": dom} if dom else {}, i, 0.75)
        found = []
        for rx, conf in self.px.supplies:
            found.extend((m, conf) for m in rx.finditer(masked))
        for m in (self.px.supply_possessive.finditer(masked) if _POSSESSIVE_OR_OF.search(masked) else ()):
            found.append((_Match(m, {"s": m.group("s"), "b": m.group("b") or m.group("b2"),
                                     "d": m.group("d") or m.group("d2")}), 0.65))
        for m in self.px.equipped.finditer(masked):
            inner = {mentions[int(k)].entity for k in _PLACE_C.findall(masked[m.start():m.end()])}
            s_k = m.group("s") or m.group("s2")
            if len(inner - {mentions[int(s_k)].entity}) == 1:  # no third company in between
                found.append((_Match(m, {"s": s_k, "b": m.group("b"), "d": m.group("d") or m.group("d2")}), 0.6))
        if found:
            # "for Tesla, it makes ...": made by the supplier the sentence has just named
            for m in self.px.supply_for_it.finditer(masked):
                b = int(m.group("b"))
                earlier = [x for x, _ in found if int(x.group("s")) != b and x.start() < m.start()]
                if earlier:
                    found.append((_Match(m, {"s": earlier[0].group("s"), "b": str(b), "d": m.group("d")}), 0.6))
        lists = pos = None
        for m, conf in found:
            s, b = mentions[int(m.group("s"))].entity, mentions[int(m.group("b"))].entity
            if m.group("d") and (_NOT_GOODS.search(m.group("d")) or cue["invest"].search(m.group("d"))):
                continue  # "makes money for", "bought shares from": no goods change hands
            if m.group("d") and _WITH_LAST.search(m.group("d")):
                continue  # "signed a supply agreement with SK On": who sells goes unsaid here
            clause = masked[m.start():m.end()]
            if any(x < m.end() and m.start() < y for x, y in passive):
                continue  # the passive reading above has the direction right
            if s == b or cue["prospective"].search(clause) or self._negated(masked, m.start()):
                continue
            if any(self._negated(masked, n.start()) for n in _TOKEN.finditer(clause)):
                continue
            props = {}
            dom = self._domain(m.group("d") or "") or self._domain(clause)
            if dom:
                props["domain"] = dom
            self._add("SUPPLIES", s, b, props, i, conf)
            if lists is None:
                pos = self._place(masked)
                lists = self._lists(masked, [k for k, x in enumerate(mentions) if x.entity.type == "Company"], pos)
            kb, ks = int(m.group("b")), int(m.group("s"))
            if isinstance(m, re.Match) and "more" in m.re.groupindex and m.group("more"):
                for k in _PLACE_C.findall(m.group("more")):  # "namentlich von CATL und EVE, dem Anbieter AESC"
                    other = mentions[int(k)].entity
                    if other not in (s, b) and other.type == "Company":
                        self._add("SUPPLIES", other, b, props, i, conf)
            if m.end() == pos[ks][1]:  # "sources cells from CATL, EVE and Samsung SDI": each of them
                lst = next((x for x in lists if ks in x), [ks])
                if not _LIST_END.match(masked, pos[lst[-1]][1]):
                    lst = [ks]  # "from CATL, and Toyota said ...": a new clause, not a list
                for k in lst[lst.index(ks) + 1:]:
                    other = mentions[k].entity
                    if other not in (s, b) and other.type == "Company":
                        self._add("SUPPLIES", other, b, props, i, conf)
            if m.end() == pos[kb][1]:  # "supplies batteries to BMW, Volkswagen and Tesla": each of them
                lst = next((x for x in lists if kb in x), [kb])
                for k in lst[lst.index(kb) + 1:]:
                    other = mentions[k].entity
                    if other not in (s, b):
                        self._add("SUPPLIES", s, other, props, i, conf)

    def _meetings(self, i: int, masked: str, mentions: list[Mention], role_orgs: set[int]) -> None:
        cue = self.px.cue
        pos = self._place(masked)
        persons = [k for k, m in enumerate(mentions) if m.entity.type == "Person"]
        events = [k for k, m in enumerate(mentions) if m.entity.type == "Event"]
        if persons and events:
            for ev in events:
                before = masked[max(0, pos[ev][0] - 30):pos[ev][0]]
                if cue["attend"].search(before):
                    # the sentence's first person is the one who was there; others are met
                    self._add("ATTENDED", mentions[persons[0]].entity, mentions[ev].entity, {}, i, 0.7)
        if not persons:
            return
        for h in cue["meet"].finditer(masked):
            if self._negated(masked, h.start()):
                continue
            subj = next((k for k in reversed(persons) if pos[k][1] <= h.start()), None)
            if subj is None:
                continue
            for k, m in enumerate(mentions):
                if pos[k][0] < h.end() or k in role_orgs or k in self.hung or m.entity.type not in ("Person", "Company"):
                    continue
                if m.entity != mentions[subj].entity:
                    self._add("MET_WITH", mentions[subj].entity, m.entity, {}, i, 0.7)
            break

    def _add(self, predicate: str, subj: Name, obj: Name, props: dict, i: int, conf: float) -> None:
        if predicate == "PARTNERS_WITH" and (subj in self.unit_owners.get(obj, ()) or obj in self.unit_owners.get(subj, ())):
            return  # a unit named after its owner is no partner of that owner
        if not subj.known and subj.type == "Company" and not subj.aliases and not subj.attrs:
            conf -= 0.1  # a name proposed from context only
        if not obj.known and obj.type == "Company" and not obj.aliases and not obj.attrs:
            conf -= 0.1
        self.facts.append(_Fact(predicate, subj, obj, props, i, round(conf, 2)))


class _Match:
    """A match whose groups are given (a supplier taken from an earlier match of the sentence)."""

    def __init__(self, m: re.Match, groups: dict):
        self._m, self._g = m, groups

    def group(self, name):
        return self._g[name]

    def start(self, *a):
        return self._m.start(*a)

    def end(self, *a):
        return self._m.end(*a)


_NOT_GOODS = re.compile(r"(?i)\b(?:money|capital|funding|financing|cash|liquidity|support|help|assistance|"
                        r"capitale|finanziament\w*|sostegno|aiuto|financement|soutien|Kapital|Unterstützung|Hilfe|"
                        r"profits?|sense|room|way|progress|history|headlines|changes?|decisions?|"
                        r"plans?|efforts?|bids?|offers?|case|push|pitch|moves?|name|bets?|deals?|approach|run|"
                        r"soldi|spazio|posto|strada|offert[ae]|propost[ae]|argent|place|offres?|Platz|Geld|Angebot)\b")


_COUNTRY_WORDS = [(re.compile(rx, re.I), c) for rx, c in (
    (r"Japanese|giapponese|japonais[e]?|japanische[nrs]?", "JP"), (r"Chinese|cinese|chinois[e]?|chinesische[nrs]?", "CN"),
    (r"German|tedesc[ao]|allemand[e]?|deutsche[nrs]?", "DE"), (r"French|frances[ei]|français[e]?|französische[nrs]?", "FR"),
    (r"Italian|italian[ao]|italien(?:ne)?|italienische[nrs]?", "IT"),
    (r"American|US|U\.S\.|american[ao]|statunitense|américain[e]?|amerikanische[nrs]?", "US"),
    (r"Korean|South Korean|corean[ao]|coréen(?:ne)?|koreanische[nrs]?", "KR"),
    (r"Swedish|svedese|suédois[e]?|schwedische[nrs]?", "SE"), (r"Indian|indian[ao]|indien(?:ne)?|indische[nrs]?", "IN"),
    (r"British|britannic[ao]|britannique|britische[nrs]?", "GB"))]


# the first parts of compound adjectives of nationality: "franco-italo-americano", "sino-japonais"
_COUNTRY_PREFIXES = {"franco": "FR", "italo": "IT", "nippo": "JP", "sino": "CN", "germano": "DE", "tedesco": "DE",
                     "anglo": "GB", "ispano": "ES", "russo": "RU", "indo": "IN", "coreano": "KR", "svedese": "SE"}


@functools.lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    out = {}
    for c in bundled_companies():
        for n in (c["name"], *(c.get("aliases") or ())):
            if c.get("country"):
                out.setdefault(n.casefold(), c["country"])
    return out


def _country(ent: Name) -> str | None:
    countries = _countries()
    return next((countries[n.casefold()] for n in (ent.name, *ent.aliases) if n.casefold() in countries), None)


_SUPPLIER_SECTORS = frozenset("battery semiconductor supplier software materials powertrain technology charging energy".split())


@functools.lru_cache(maxsize=1)
def _sectors() -> dict[str, str]:
    out = {}
    for c in bundled_companies():
        for n in (c["name"], *(c.get("aliases") or ())):
            if c.get("sector"):
                out.setdefault(n.casefold(), c["sector"])
    return out


def _sector(ent: Name) -> str | None:
    """The sector the bundled list gives *ent* under its name or an alias, if any."""
    sectors = _sectors()
    return next((sectors[n.casefold()] for n in (ent.name, *ent.aliases) if n.casefold() in sectors), None)


def _supplier_sector(ent: Name) -> bool:
    """Whether the bundled list says *ent* makes parts (batteries, chips, software) rather than vehicles."""
    return _sector(ent) in _SUPPLIER_SECTORS


# what is given without being sold: "provide details to Honda", "fornirà dettagli a Renault"
_NOT_SUPPLIED = re.compile(r"(?i)\b(?:details?|information|info|updates?|guidance|results|figures|numbers|comments?|"
                           r"answers?|evidence|clarity|dettagli|informazioni|risultati|chiarimenti|détails|"
                           r"informations|résultats|précisions|Einzelheiten|Informationen|Ergebnisse|Details|Auskunft)\b")


# a company right before a verb, with at most two words between and no conjunction or comma
_SUBJECT_BEFORE = re.compile(r"⟨C(\d+)⟩\s+(?:(?!(?i:and|e|et|und|or|o|ou|oder|but|ma|mais|aber)\b)[\w\-']+\s+){0,2}$")


# between a company and a relative clause, a noun phrase of its own: the clause is that phrase's
# ("GM ... other companies backed by the fund, which holds ...")
_NAMED_ANTECEDENT = re.compile(r"(?<!\w)(?i:the|a|an|its|their|le|la|les|l'|un|une|il|lo|gli|i|una|der|die|das|dem|den|ein|eine)\s+[\w-]+")
# a list's item that is no known name, before its last: "Infineon, NXP, onsemi, et Qualcomm"
_UNKNOWN_ITEM = re.compile(r"\s*,\s*(?!\w+(?:ly|ment|mente|weise)\b|(?i:too|also|anche|aussi|auch|jeweils|etc|inclus|included)\b)[\w][\w.&'-]*\s*,?\s*(?i:and|e|et|und|as well as|ainsi que|oltre a|sowie)\s+$")
_MAKERS = frozenset(("automaker", "ev-maker", "trucks"))
# a sentence whose subject is a carmaker described, not named: "The automaker has signed", "Le constructeur a signé"
_CARMAKER_SUBJECT = re.compile(r"\s*(?i:the|le|la|il|der|die)\s+(?:[\w-]+\s+)?(?i:automaker|carmaker|car maker|manufacturer|"
                               r"constructeur|casa automobilistica|costruttore|Autobauer|Autohersteller|Hersteller|Konzern|group|groupe|gruppo)\b")


# how far up the chain a sector sells: materials to chip and cell makers, chips to parts suppliers, parts
# to carmakers
_TIERS = {"materials": 0, "semiconductor": 1, "battery": 1, "energy": 1, "supplier": 2, "powertrain": 2,
          "software": 2, "technology": 2, "charging": 2}


def _tier(ent: Name) -> int:
    """The place of *ent*'s sector in a supply chain (3 for carmakers and sectors not listed)."""
    return _TIERS.get(_sector(ent), 3)


_COPULA_AFTER = re.compile(r"\s+(?i:are|were|is|was|remain|remains|sono|erano|è|era|restano|sont|étaient|est|"
                           r"restent|sind|waren|ist|war|bleiben)\b")
_BARE_BEFORE = re.compile(r"(?:^|[,;:]\s*|\s(?i:and|e|et|und|but|ma|mais|aber|while|mentre)\s+)$")


def _bare_subject(masked: str, h: re.Match) -> bool:
    """Whether the cue *h* starts a clause of its own, with no determiner ("..., and deals are
    common"): ties in general, not those of the companies before it."""
    if _STAGE.fullmatch(h.group()):
        return False  # "..., and talks are continuing": the talks of the companies just named
    return bool(_COPULA_AFTER.match(masked, h.end()) and _BARE_BEFORE.search(masked, 0, h.start()))


def _stake(pct: re.Match | None) -> float | int | None:
    if pct is None:
        return None
    value = float(pct.group(1).replace(",", "."))
    if 0 < value <= 100:
        return int(value) if value.is_integer() else value
    return None


_HEAD_OF_RX = re.compile(_HEAD_OF)


def _normalize_role(role: str) -> str:
    if _HEAD_OF_RX.fullmatch(role):
        return "head"
    key = role.casefold()
    if key in ROLE_TRANSLATIONS:
        return ROLE_TRANSLATIONS[key]
    words = role.split()
    return " ".join(w if (w.isupper() and len(w) <= 4) else w.upper() if w.casefold() in _ROLE_ACRONYMS
                    else w.lower() for w in words)


def _dedupe(facts: list[_Fact]) -> list[_Fact]:
    """One fact per predicate, pair and key property; a partnership's status is the most specific
    one stated (ended, then prospective, then active), with the quote of the first sentence that
    says it."""
    groups: dict[tuple, list[_Fact]] = {}
    for f in facts:
        pair = (f.subject.name, f.object.name)
        if f.predicate in _SYMMETRIC:
            pair = tuple(sorted(pair))
        key = _KEYS.get(f.predicate)
        groups.setdefault((f.predicate, pair, f.props.get(key) if key else None), []).append(f)
    with_domain = {(p, pair) for (p, pair, key) in groups if key is not None and p in ("PARTNERS_WITH", "SUPPLIES")}
    out = []
    for (pred, pair, key), fs in groups.items():
        if key is None and (pred, pair) in with_domain:
            continue  # the same pair with a stated domain says more
        if pred == "PARTNERS_WITH":
            status = max((f.props["status"] for f in fs), key=lambda st: _STATUS_RANK[st])
            fs = [f for f in fs if f.props["status"] == status]
        best = max(fs, key=lambda f: (f.confidence, -f.sentence))
        first = min(fs, key=lambda f: f.sentence)
        props = dict(first.props)
        for f in fs:  # a stake stated in any sentence
            for k, v in f.props.items():
                props.setdefault(k, v)
        out.append(_Fact(pred, first.subject, first.object, props, first.sentence, best.confidence))
    out.sort(key=lambda f: (f.sentence, PREDICATES.index(f.predicate)))
    return out


def _source(meta: dict, lang: str) -> dict:
    src = {k: meta[k] for k in ("url", "title", "publisher", "published", "author") if meta.get(k)}
    src["lang"] = lang
    return src


def extract(text: str, *, meta: dict | None = None, known: list[dict] | None = None, lang: str = "auto",
            gazetteer: bool = True) -> list[dict]:
    """Facts found in an article's *text*, as autokg fact records (entity records first).

    *meta* gives the source: ``url``, ``title``, ``publisher``, ``published`` (ISO date),
    ``author``; a url or a title is required so the records load. *known* is the store's names,
    as :meth:`store.entity_names` returns them (dicts with ``name``, ``type``, ``aliases``): those
    come out under their display names and get no entity record. *lang* is ``auto`` or one of
    ``en``, ``it``, ``fr``, ``de``. With *gazetteer* false the bundled company list is not used.

    Every relation record's ``source.quote`` is a sentence of *text*, verbatim.
    """
    meta = dict(meta or {})
    if lang in (None, "", "auto"):
        lang = detect_language(text)
    elif lang not in LANGUAGES:
        raise UsageError(f"unknown language {lang!r} (known: auto, {', '.join(LANGUAGES)})")
    if not (meta.get("url") or meta.get("title")):
        raise UsageError("an article needs a url or a title for its source (give --url or --title)")
    if meta.get("published") and not is_date(str(meta["published"])):
        raise UsageError(f"published date {meta['published']!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    art = _Article(text, lang, NameIndex(known, gazetteer=gazetteer))
    art.read()
    facts = _dedupe(art.facts)
    src = _source(meta, lang)
    entities: dict[str, dict] = {}
    relations = []
    for f in facts:
        for ent in (f.subject, f.object):
            if not ent.known and ent.name not in entities:
                rec = {"entity": ent.name, "type": ent.type}
                aliases = [a for a in ent.aliases if art.index.get(a) is ent]
                if aliases:
                    rec["aliases"] = aliases
                rec.update(dict(ent.attrs))
                entities[ent.name] = rec
        s, e = art.sents[f.sentence]
        rec = {"subject": f.subject.name, "predicate": f.predicate, "object": f.object.name, **f.props,
               "source": {**src, "quote": text[s:e]}, "confidence": f.confidence}
        relations.append(rec)
    return [*entities.values(), *relations]


def summarize(records: list[dict]) -> str:
    """A one-line summary of extracted *records*: candidates per predicate and new entities."""
    counts = Counter(r["predicate"] for r in records if "predicate" in r)
    new = sum(1 for r in records if "entity" in r)
    if not counts:
        return "no candidate facts found"
    parts = [f"{counts[p]} {p}" for p in PREDICATES if counts.get(p)]
    return f"{sum(counts.values())} candidate facts: " + ", ".join(parts) + f"; {new} new entities"
