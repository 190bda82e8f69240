"""autokg extract: cues per language and status, stakes, roles, negations, the seed article end to
end, and extract -> load with no rejection. Every assertion is on real output; nothing is mocked."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from autokg.cli import cli
from autokg.extract import detect_language, extract, read_html, split_sentences

from _helpers import ROOT, SEED

META = {"title": "A report", "url": "https://example.com/a"}
# The seed article is not in the repository (articles stay outside it; data/seed holds its facts).
SEED_ARTICLE = Path(os.environ.get("AUTOKG_SEED_ARTICLE", "/work/shared/seed/000_07b98b6b16abae66.txt"))
needs_seed = pytest.mark.skipif(not SEED_ARTICLE.is_file(), reason="set AUTOKG_SEED_ARTICLE to the seed article")

# An article written for these tests: every predicate, two languages' worth of cues.
ARTICLE = """Renault and Geely announce a partnership on hybrid engines

Renault and Geely signed an agreement on Monday to develop hybrid powertrains together.
Luca de Meo, CEO of Renault, said the alliance would help both companies.
Renault is also in talks with Li Auto about a cooperation in software.
Stellantis acquired a 21% stake in Leapmotor last year.
Panasonic is Tesla's main battery cell supplier.
Cariad, a subsidiary of Volkswagen, writes the software of the group.
Nissan and Honda ended their merger talks in February.
Ford has no plans to partner with Xiaomi.
"""


def rels(text, lang="auto", known=None, predicate=None):
    out = [r for r in extract(text, meta=META, lang=lang, known=known) if "predicate" in r]
    return [r for r in out if predicate is None or r["predicate"] == predicate]


def pairs(text, lang="auto", predicate="PARTNERS_WITH"):
    return {(r["subject"], r["object"], r.get("status")) for r in rels(text, lang, predicate=predicate)}


def seed_known():
    out = []
    for line in SEED[0].read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        if "entity" in r:
            out.append({"name": r["entity"], "type": r["type"], "aliases": r.get("aliases", [])})
    return out


# -- partnership cues and statuses, per language ------------------------------------------------
@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Toyota and Panasonic announced a joint venture to make batteries.", ("Toyota", "Panasonic", "active")),
    ("en", "Nissan is in talks with Honda about a partnership in software.", ("Nissan", "Honda", "prospective")),
    ("en", "Renault signed a memorandum of understanding with Geely to study a cooperation.",
     ("Renault Group", "Geely Holding", "prospective")),
    ("en", "BMW and Great Wall Motor terminated their partnership last year.", ("BMW", "Great Wall Motor", "ended")),
    ("it", "Stellantis ha firmato un accordo con CATL per le batterie LFP.", ("Stellantis", "CATL", "active")),
    ("it", "Renault è in trattativa con Geely per una collaborazione sui motori.",
     ("Renault Group", "Geely Holding", "prospective")),
    ("it", "Nissan e Honda hanno interrotto le trattative per la fusione.", ("Nissan", "Honda", "ended")),
    ("fr", "Renault a signé un partenariat avec Valeo pour les logiciels.", ("Renault Group", "Valeo", "active")),
    ("fr", "Stellantis est en négociations avec Leapmotor pour une coentreprise.",
     ("Stellantis", "Leapmotor", "prospective")),
    ("fr", "Renault et Nissan ont mis fin à leur alliance.", ("Renault Group", "Nissan", "ended")),
    ("de", "Volkswagen und Rivian haben eine Partnerschaft für Software vereinbart.",
     ("Volkswagen Group", "Rivian", "active")),
    ("de", "Mercedes-Benz und BMW führen Gespräche über eine Kooperation.", ("Mercedes-Benz Group", "BMW", "prospective")),
    ("de", "BMW und Toyota haben die Zusammenarbeit beendet.", ("BMW", "Toyota", "ended")),
])
def test_partnership_status_per_language(lang, text, expected):
    assert detect_language(text) == lang
    assert pairs(text) == {expected}


@pytest.mark.parametrize("text,expected", [
    ("Renault and Nissan are exploring a deeper cooperation on batteries.", ("Renault Group", "Nissan", "prospective")),
    ("The joint venture between Renault and Dongfeng was dissolved in 2020.", ("Renault Group", "Dongfeng", "ended")),
    ("Stellantis e Leapmotor sono in trattativa per una joint venture.", ("Stellantis", "Leapmotor", "prospective")),
    ("La joint venture tra Renault e Dongfeng è stata sciolta nel 2020.", ("Renault Group", "Dongfeng", "ended")),
    ("La partnership tra Ford e Volkswagen è terminata.", ("Ford", "Volkswagen Group", "ended")),
    ("La coentreprise entre Renault et Dongfeng a été dissoute en 2020.", ("Renault Group", "Dongfeng", "ended")),
    ("Renault et Geely ont signé un protocole d'accord pour une coopération.",
     ("Renault Group", "Geely Holding", "prospective")),
    ("Das Gemeinschaftsunternehmen von Renault und Dongfeng wurde 2020 aufgelöst.", ("Renault Group", "Dongfeng", "ended")),
    ("BMW und Toyota prüfen eine Kooperation bei Wasserstoff.", ("BMW", "Toyota", "prospective")),
    # an aim stated before the tie
    ("Mazda's goal is to partner with Toyota on batteries.", ("Mazda", "Toyota", "prospective")),
    ("L'obiettivo di Stellantis è collaborare con Leapmotor.", ("Stellantis", "Leapmotor", "prospective")),
    ("L'objectif de Renault est de s'allier avec Geely.", ("Renault Group", "Geely Holding", "prospective")),
    ("Das Ziel von BMW ist eine Kooperation mit Toyota.", ("BMW", "Toyota", "prospective")),
])
def test_more_status_cues_per_language(text, expected):
    assert pairs(text) == {expected}


def test_a_later_sentence_naming_the_pair_by_a_common_noun_gives_its_stage():
    text = ("Ford and SK On announced they will form a battery joint venture. "
            "The companies said they have signed a memorandum of understanding.")
    assert pairs(text) == {("Ford", "SK On", "prospective")}
    text = "Nissan e Honda hanno firmato un accordo. Le due società hanno poi interrotto le trattative."
    assert pairs(text) == {("Nissan", "Honda", "ended")}
    # a purpose is not a stage: the partnership stays active
    text = "GM and LG Chem formed a joint venture. The venture aims to cut battery costs, the companies said."
    assert pairs(text) == {("General Motors", "LG Energy Solution", "active")}


def test_domain_from_the_text():
    [r] = rels("Toyota and Panasonic announced a joint venture to make batteries.")
    assert r["domain"] == "batteries"
    [r] = rels("Volkswagen und Rivian haben eine Partnerschaft für Software vereinbart.")
    assert r["domain"] == "software"


# -- negations and co-mentions without a relation ------------------------------------------------
@pytest.mark.parametrize("text", [
    "Ford has no plans to partner with Xiaomi.",
    "Ferrari non ha intenzione di collaborare con Apple.",
    "Renault n'a pas l'intention de s'allier avec Ford.",
    "BMW plant keine Kooperation mit Tesla.",
])
def test_negation_gives_no_fact(text):
    assert rels(text) == []


@pytest.mark.parametrize("text", [
    "Mercedes said there are no plans for an investment or cooperation with Nio.",
    "Mercedes non ha piani per un investimento o una collaborazione con Nio.",
    "Mercedes n'a aucun projet d'investissement ou de coopération avec Nio.",
    "Mercedes hat keine Pläne für eine Beteiligung oder eine Kooperation mit Nio.",
])
def test_a_denied_plan_reaches_over_a_coordinated_object(text):
    assert rels(text) == []


@pytest.mark.parametrize("text", [
    "Kia builds a new plant in Georgia. “It is a big step,” said CEO Ho Sung Song.",
    "Kia costruisce una fabbrica in Georgia. Il piano è stato illustrato dall'amministratore delegato, Ho Sung Song.",
    "Kia construit une usine en Géorgie. C'est une étape, a déclaré PDG Ho Sung Song.",
    "Kia baut ein Werk in Georgia. Das sei ein großer Schritt, sagte Vorstandschef Ho Sung Song.",
])
def test_a_chief_executive_named_without_a_company_heads_the_one_the_text_is_about(text):
    [r] = rels(text, predicate="WORKS_FOR")
    assert (r["subject"], r["object"]) == ("Ho Sung Song", "Kia")


@pytest.mark.parametrize("text", [
    "Kia builds a new plant in Georgia. “It is a big step,” said analyst Jane Miller.",
    "The market grows. “It is a big step,” said CEO Ho Sung Song.",
])
def test_no_chief_executive_or_no_company_gives_no_role(text):
    assert rels(text, predicate="WORKS_FOR") == []


@pytest.mark.parametrize("text", [
    "Kia and Valeo signed a letter of intent to set up a joint venture for heat pumps.",
    "Kia e Valeo firmano una dichiarazione d’intenti per creare una joint-venture.",
    "Kia et Valeo signent une déclaration d'intention pour créer une coentreprise.",
    "Kia und Valeo unterzeichnen eine Absichtserklärung für ein Gemeinschaftsunternehmen.",
])
def test_a_declaration_of_intent_is_prospective(text):
    assert pairs(text) == {("Kia", "Valeo", "prospective")}


@pytest.mark.parametrize("text", [
    "Mercedes has plans for an investment or cooperation with Nio.",
    "Mercedes has no plans for a sale, but it signed a partnership with Nio.",
])
def test_a_plan_not_denied_or_a_denial_past_a_clause_still_gives_the_fact(text):
    assert {(a, b) for a, b, _ in pairs(text)} == {("Mercedes-Benz Group", "NIO")}


@pytest.mark.parametrize("text", [
    "Tesla and BYD both reported higher sales in March.",
    "Fiat e Tesla hanno presentato nuovi modelli a Torino.",
    "Renault et Peugeot ont présenté leurs voitures au salon.",
    "BMW und Audi zeigen neue Modelle in München.",
])
def test_two_companies_without_a_cue_give_no_fact(text):
    assert rels(text) == []


# -- stakes, supply, subsidiaries, roles ----------------------------------------------------------
@pytest.mark.parametrize("text,investor,target,stake", [
    ("Stellantis acquired a 21% stake in Leapmotor.", "Stellantis", "Leapmotor", 21),
    ("Nissan shareholder Renault rejected the terms.", "Renault Group", "Nissan", None),
    ("Stellantis ha acquisito una quota del 20% di Leapmotor.", "Stellantis", "Leapmotor", 20),
    ("Renault détient une participation de 15 % dans Nissan.", "Renault Group", "Nissan", 15),
    ("Volkswagen hält eine Beteiligung von 5 Prozent an Rivian.", "Volkswagen Group", "Rivian", 5),
])
def test_stakes(text, investor, target, stake):
    [r] = rels(text, predicate="INVESTS_IN")
    assert (r["subject"], r["object"], r.get("stake_pct")) == (investor, target, stake)


def test_supplies_and_subsidiary():
    [r] = rels("Panasonic is Tesla's main battery cell supplier.", predicate="SUPPLIES")
    assert (r["subject"], r["object"], r["domain"]) == ("Panasonic", "Tesla", "batteries")
    [r] = rels("Cariad, a subsidiary of Volkswagen, writes the software.", predicate="SUBSIDIARY_OF")
    assert (r["subject"], r["object"]) == ("Cariad", "Volkswagen Group")
    [r] = rels("Mitsubishi Motors, controllata da Nissan, parteciperà.", predicate="SUBSIDIARY_OF")
    assert (r["subject"], r["object"]) == ("Mitsubishi Motors", "Nissan")


@pytest.mark.parametrize("text,person,company,role", [
    ("Carlos Tavares, CEO of Stellantis, spoke on Monday.", "Carlos Tavares", "Stellantis", "CEO"),
    ("Rivian CEO RJ Scaringe said the deal matters.", "RJ Scaringe", "Rivian", "CEO"),
    ("Lei Jun, amministratore delegato di Xiaomi, ha parlato.", "Lei Jun", "Xiaomi", "CEO"),
    ("Il CEO di Stellantis, Carlos Tavares, ha parlato.", "Carlos Tavares", "Stellantis", "CEO"),
    ("Luca de Meo, directeur général de Renault, a parlé.", "Luca de Meo", "Renault Group", "CEO"),
    ("Oliver Blume, Vorstandschef von Volkswagen, sagte das.", "Oliver Blume", "Volkswagen Group", "CEO"),
])
def test_roles(text, person, company, role):
    recs = extract(text, meta=META)
    [r] = [r for r in recs if r.get("predicate") == "WORKS_FOR"]
    assert (r["subject"], r["object"], r["role"]) == (person, company, role)
    assert {"entity": person, "type": "Person"} in recs  # a new person is proposed with its type


def test_unknown_company_with_legal_form_is_proposed():
    recs = extract("Volvo Cars formed a joint venture with Acme Robotics Inc to develop software.", meta=META)
    assert {"entity": "Acme Robotics", "type": "Company"} in recs
    assert [(r["subject"], r["object"]) for r in recs if "predicate" in r] == [("Volvo Cars", "Acme Robotics")]


def test_known_names_come_out_under_display_names_without_entity_records():
    known = [{"name": "Groupe Renault SA", "type": "Company", "aliases": ["Renault"]}]
    recs = extract("Renault and Geely agreed a partnership.", meta=META, known=known)
    assert [r["entity"] for r in recs if "entity" in r] == ["Geely Holding"]
    assert [(r["subject"], r["object"]) for r in recs if "predicate" in r] == [("Groupe Renault SA", "Geely Holding")]


# -- coordinated subjects that agree to work together -----------------------------------------------
@pytest.mark.parametrize("text", [
    "Toyota and Mazda agreed to develop electric vehicles together.",
    "Toyota e Mazda hanno concordato di sviluppare insieme veicoli elettrici.",
    "Toyota et Mazda ont convenu de développer ensemble des véhicules électriques.",
    "Toyota und Mazda haben vereinbart, gemeinsam Elektroautos zu entwickeln.",
])
def test_coordinated_subjects_that_agree_are_partners(text):
    assert pairs(text) == {("Toyota", "Mazda", "active")}


@pytest.mark.parametrize("text", [
    "Tesla and BYD agreed that prices were too high.",
    "Stellantis agreed to buy a 20% stake in Leapmotor.",
])
def test_agreeing_on_an_opinion_or_a_purchase_is_no_partnership(text):
    assert pairs(text) == set()


# -- hyphenated groupings, coordinated subjects with an object -------------------------------------
@pytest.mark.parametrize("text,status", [
    ("The Renault-Nissan-Mitsubishi alliance will share platforms.", "active"),
    ("Il comunicato cita l'alleanza Renault-Nissan-Mitsubishi.", "active"),
    ("L'alliance Renault-Nissan-Mitsubishi a été dissoute.", "ended"),
    ("Die Allianz Renault-Nissan-Mitsubishi prüft neue Projekte.", "prospective"),
])
def test_a_hyphenated_grouping_next_to_a_partnership_word(text, status):
    assert pairs(text) == {("Renault Group", "Nissan", status), ("Renault Group", "Mitsubishi Motors", status),
                           ("Nissan", "Mitsubishi Motors", status)}


def test_a_failed_merger_named_by_a_hyphenated_pair_is_ended():
    assert pairs("Dopo il mancato accordo di fusione Renault-Nissan, i rapporti sono tesi.") == {
        ("Renault Group", "Nissan", "ended")}


def test_a_hyphenated_word_that_is_not_companies_gives_nothing():
    assert rels("The Jean-Pierre alliance is a musical group.") == []
    assert rels("Renault-Nissan sales rose in May.") == []


@pytest.mark.parametrize("text", [
    "Renault and Nissan signed an agreement with Waymo on autonomous driving.",
    "Renault e Nissan hanno firmato un accordo assieme a Waymo, controllata del gruppo Alphabet.",
    "Renault et Nissan ont signé un accord avec Waymo.",
    "Renault und Nissan haben eine Vereinbarung mit Waymo unterzeichnet.",
])
def test_each_coordinated_subject_partners_with_the_object(text):
    got = {(a, b) for a, b, _ in pairs(text)}
    assert {("Renault Group", "Waymo"), ("Nissan", "Waymo")} <= got
    assert not any("Alphabet" in p for p in got)


def test_sentences_glued_without_a_space_are_split():
    text = "Le prove partono in Francia e Giappone.L'intesa è esclusiva. Il dott.Rossi ha parlato."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "Le prove partono in Francia e Giappone.", "L'intesa è esclusiva.", "Il dott.Rossi ha parlato."]


@pytest.mark.parametrize("text,sub,parent", [
    ("Waymo, a unit of the Alphabet group, tests cars.", "Waymo", "Alphabet"),
    ("Waymo, controllata del gruppo Alphabet, collabora con Renault.", "Waymo", "Alphabet"),
    ("Cariad, filiale du groupe Volkswagen, travaille avec Renault.", "Cariad", "Volkswagen Group"),
    ("Cariad, eine Tochter des Volkswagen Konzerns, arbeitet mit Renault.", "Cariad", "Volkswagen Group"),
])
def test_subsidiary_of_a_group(text, sub, parent):
    assert [(r["subject"], r["object"]) for r in rels(text, predicate="SUBSIDIARY_OF")] == [(sub, parent)]


def test_a_name_in_an_aside_after_the_subject_is_not_the_subject():
    assert pairs("Waymo, controllata del gruppo Alphabet, collabora con Renault.") == {
        ("Waymo", "Renault Group", "active")}


def test_a_company_after_a_later_cue_takes_that_cue_s_status():
    assert pairs("Stellantis, after talks with Leapmotor, signed a deal with CATL.") == {
        ("Stellantis", "Leapmotor", "prospective"), ("Stellantis", "CATL", "active")}


# -- a sentence with no named subject: the company the one before opened with -----------------------
@pytest.mark.parametrize("text", [
    "Nissan reported weak sales. It later ended its partnership with Mitsubishi Motors.",
    "Nissan ha pubblicato i conti. Ha poi interrotto la collaborazione con Mitsubishi Motors.",
    "Nissan a publié ses comptes. Il a ensuite mis fin à son partenariat avec Mitsubishi Motors.",
    "Nissan hat Zahlen vorgelegt. Es hat die Kooperation mit Mitsubishi Motors beendet.",
])
def test_a_pronoun_subject_is_the_company_the_sentence_before_opened_with(text):
    assert pairs(text) == {("Nissan", "Mitsubishi Motors", "ended")}


def test_the_nearest_opening_company_wins_and_two_make_it_unsafe():
    text = "Nissan and Honda reported sales. Toyota did too. It ended its partnership with Mitsubishi Motors."
    assert pairs(text) == {("Toyota", "Mitsubishi Motors", "ended")}
    # "it" after "Nissan and Honda" could be either: no fact
    assert pairs("Nissan and Honda reported sales. It ended its partnership with Mitsubishi Motors.") == set()
    # a company after a preposition does not open the sentence as its subject
    text = ("Toyota reported sales. Analysts spoke with Nissan about Nissan's plans. "
            "It ended its partnership with Mitsubishi Motors.")
    assert pairs(text) == {("Toyota", "Mitsubishi Motors", "ended")}


# -- a role at "the company": the company the text is about ------------------------------------------
@pytest.mark.parametrize("text,person,company", [
    ("Ford reported results. The automaker's CEO Jim Farley said the deal matters.", "Jim Farley", "Ford"),
    ("Ford ha pubblicato i conti. L'amministratore delegato della società, Mario Rossi, ha parlato.",
     "Mario Rossi", "Ford"),
    ("Renault a publié ses comptes. Le directeur général du groupe, Jean Dupont, a parlé.",
     "Jean Dupont", "Renault Group"),
    ("BMW hat Zahlen vorgelegt. Der Vorstandschef des Unternehmens, Hans Müller, sagte das.", "Hans Müller", "BMW"),
])
def test_a_role_at_the_company_named_by_a_common_noun(text, person, company):
    recs = extract(text, meta=META)
    assert [(r["subject"], r["object"], r["role"]) for r in recs if r.get("predicate") == "WORKS_FOR"] == [
        (person, company, "CEO")]
    assert {"entity": person, "type": "Person"} in recs


def test_a_role_at_the_company_is_unsafe_after_two_companies():
    assert rels("Ford and Toyota reported results. The automaker's CEO Jim Farley spoke.") == []


# -- "the partnership" after a stake, in a sentence that names no company ----------------------------
@pytest.mark.parametrize("text", [
    "Stellantis bought a 21% stake in Leapmotor. The new partnership starts in 2024.",
    "Stellantis ha acquisito il 21% di Leapmotor. La nuova partnership partirà nel 2024.",
    "Stellantis a acquis une participation de 21 % dans Leapmotor. Le nouveau partenariat démarre en 2024.",
    "Stellantis hat eine Beteiligung von 21 Prozent an Leapmotor erworben. Die neue Partnerschaft beginnt 2024.",
])
def test_the_partnership_after_a_stake_pairs_investor_and_target(text):
    assert pairs(text) == {("Stellantis", "Leapmotor", "active")}
    [r] = rels(text, predicate="PARTNERS_WITH")
    assert r["confidence"] < 0.6  # a reading from two sentences, below one sentence's


def test_the_partnership_far_from_a_stake_or_denied_gives_none():
    text = ("Stellantis bought a 21% stake in Leapmotor. Sales rose. Prices fell. Output grew. "
            "The new partnership starts in 2024.")
    assert pairs(text) == set()
    assert pairs("Stellantis bought a 21% stake in Leapmotor. It is not the partnership some expected.") == set()


# -- lists with appositions ------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Stellantis signed a memorandum of understanding with BMW, the chip giant Intel and Mobileye.",
    "Stellantis ha firmato un memorandum d'intesa con BMW, il colosso dei microchip Intel e Mobileye.",
    "Stellantis a signé un protocole d'accord avec BMW, le géant des puces Intel et Mobileye.",
    "Stellantis hat eine Absichtserklärung mit BMW, dem Chip-Riesen Intel und Mobileye unterzeichnet.",
])
def test_a_descriptor_inside_a_list_keeps_the_list(text):
    assert pairs(text) == {("Stellantis", o, "prospective") for o in ("BMW", "Intel", "Mobileye")}


def test_a_list_with_appositions_and_no_cue_gives_no_fact():
    assert rels("Tesla, BMW, the chip giant Intel and Mobileye reported results on Monday.") == []


# -- references to names in the sentence before, and clause structure -------------------------------
@pytest.mark.parametrize("text,status", [
    (("Nissan and Honda signed a merger agreement. The two companies later cancelled an agreement "
      "between them and Mitsubishi Motors."), "ended"),
    ("Nissan e Honda hanno firmato un accordo. Hanno poi annunciato un'alleanza tra loro e Mitsubishi Motors.",
     "active"),
    ("Nissan et Honda ont signé un accord. Ils ont ensuite étudié une coopération entre eux et Mitsubishi Motors.",
     "prospective"),
    ("Nissan und Honda haben eine Kooperation vereinbart. Sie planen Gespräche zwischen ihnen und Mitsubishi Motors.",
     "prospective"),
])
def test_them_and_a_company_pairs_each_party_of_the_last_partnership(text, status):
    got = pairs(text)
    assert {(a, b) for a, b, _ in got} == {("Nissan", "Honda"), ("Nissan", "Mitsubishi Motors"),
                                           ("Honda", "Mitsubishi Motors")}
    assert {st for a, b, st in got if "Mitsubishi Motors" in (a, b)} == {status}


def test_them_and_without_a_partnership_cue_gives_nothing_more():
    text = "Nissan and Honda signed an agreement. Analysts compared them and Mitsubishi Motors on sales."
    assert pairs(text) == {("Nissan", "Honda", "active")}


def test_a_name_owning_a_tie_is_a_company():
    recs = extract("Zentrix Motors tried to play down the end of its tie-up with Hyundai.", meta=META)
    assert {"entity": "Zentrix Motors", "type": "Company"} in recs
    assert pairs("Zentrix Motors tried to play down the end of its tie-up with Hyundai.") == {
        ("Zentrix Motors", "Hyundai Motor Company", "ended")}
    # a nationality before a firm noun names no company
    assert rels("The German-US auto giant ended its alliance with Hyundai.") == []


def test_an_object_is_not_the_subject_of_the_next_tie():
    text = ("Zentrix Motors pulled the plug on its loss-making partner Mitsubishi Motors, and the carmaker "
            "said its alliance with Hyundai had also ended.")
    assert pairs(text) == {("Zentrix Motors", "Mitsubishi Motors", "active"),
                           ("Zentrix Motors", "Hyundai Motor Company", "ended")}


def test_a_relative_clause_ties_its_antecedent_not_the_main_subject():
    text = "Renault signed an agreement with Geely, which has a joint venture with Volvo Cars."
    assert {(a, b) for a, b, _ in pairs(text)} == {("Renault Group", "Geely Holding"), ("Geely Holding", "Volvo Cars")}


# -- passive voice ---------------------------------------------------------------------------------
@pytest.mark.parametrize("text,stake", [
    ("Leapmotor was acquired by Stellantis in 2023.", None),
    ("A 20% stake in Leapmotor was bought by Stellantis.", 20),
    ("Una quota del 20% di Leapmotor è stata acquisita da Stellantis.", 20),
    ("Leapmotor è stata rilevata dal gruppo Stellantis.", None),
    ("Leapmotor a été rachetée par Stellantis l'an dernier.", None),
    ("Leapmotor wurde im Jahr 2023 von Stellantis übernommen.", None),
])
def test_passive_acquisition_names_the_buyer_as_investor(text, stake):
    [r] = rels(text, predicate="INVESTS_IN")
    assert (r["subject"], r["object"], r.get("stake_pct")) == ("Stellantis", "Leapmotor", stake)


@pytest.mark.parametrize("text", [
    "Tesla is supplied with battery cells by Panasonic.",
    "Tesla viene rifornita di batterie da Panasonic.",
    "Tesla est approvisionnée en batteries par Panasonic.",
    "Tesla wird von Panasonic mit Batterien beliefert.",
])
def test_passive_supply_keeps_the_direction(text):
    assert [(r["subject"], r["object"]) for r in rels(text, predicate="SUPPLIES")] == [("Panasonic", "Tesla")]


def test_passive_acquisition_denied_gives_no_fact():
    assert rels("Leapmotor was not acquired by Stellantis.", predicate="INVESTS_IN") == []


@pytest.mark.parametrize("text,company", [
    ("Jane Holt, CEO of Zentrix Mobility, spoke on Monday.", "Zentrix Mobility"),
    ("Marco Bianchi, amministratore delegato di Velatech, ha parlato.", "Velatech"),
    ("Claire Martin, directrice générale de Voltaire Batteries, a parlé.", "Voltaire Batteries"),
    ("Jonas Weber, Vorstandschef von Kraftwerk Antriebe, sagte das.", "Kraftwerk Antriebe"),
])
def test_the_organisation_of_a_role_is_proposed_as_a_company(text, company):
    recs = extract(text, meta=META)
    assert {"entity": company, "type": "Company"} in recs
    assert [r["object"] for r in recs if r.get("predicate") == "WORKS_FOR"] == [company]


# -- sentences, quotes, errors ---------------------------------------------------------------------
def test_sentences_keep_offsets_and_abbreviations():
    text = "Honda Motor Co. and Nissan Motor Co. met on Feb. 13 in Tokyo. Then Mr. Uchida spoke.\nNext line"
    spans = [text[a:b] for a, b in split_sentences(text)]
    assert spans == ["Honda Motor Co. and Nissan Motor Co. met on Feb. 13 in Tokyo.", "Then Mr. Uchida spoke.",
                     "Next line"]


def test_every_quote_is_a_verbatim_sentence_and_confidence_is_inside_0_1():
    recs = rels(ARTICLE)
    assert {r["predicate"] for r in recs} == {"PARTNERS_WITH", "WORKS_FOR", "INVESTS_IN", "SUPPLIES", "SUBSIDIARY_OF"}
    sentences = {ARTICLE[a:b] for a, b in split_sentences(ARTICLE)}
    for r in recs:
        assert r["source"]["quote"] in sentences
        assert 0 < r["confidence"] < 1
        assert r["source"]["lang"] == "en"
    assert not any("Xiaomi" in (r["subject"], r["object"]) for r in recs)


def test_a_source_needs_a_url_or_title():
    from autokg.errors import UsageError

    with pytest.raises(UsageError, match="url or a title"):
        extract("Renault and Geely agreed a partnership.", meta={})


# -- the seed article ------------------------------------------------------------------------------
@needs_seed
def test_seed_article_gives_the_six_renault_partnerships():
    recs = rels(SEED_ARTICLE.read_text(encoding="utf-8"), known=seed_known(), predicate="PARTNERS_WITH")
    got = {(r["object"] if r["subject"] == "Renault Group" else r["subject"], r["status"], r.get("domain"))
           for r in recs}
    assert got == {
        ("Geely", "active", "thermal and hybrid systems"),
        ("Dongfeng", "active", None),
        ("Google", "active", "smart cockpits"),
        ("Qualcomm", "active", "smart cockpits"),
        ("Li Auto", "prospective", "electric vehicles"),
        ("Xiaomi Auto", "prospective", "electric vehicles"),
    }
    works = {(r["subject"], r["object"], r["role"]) for r in rels(SEED_ARTICLE.read_text(encoding="utf-8"),
                                                                   known=seed_known(), predicate="WORKS_FOR")}
    assert ("Luca de Meo", "Renault Group", "CEO") in works and ("Lei Jun", "Xiaomi", "CEO") in works


# -- the command line: extract, then load with no rejection -----------------------------------------
@pytest.fixture
def run(tmp_path):
    store = str(tmp_path / "kg.db")

    def invoke(*args, input=None):
        result = CliRunner().invoke(cli, ["--store", store, *args], input=input, catch_exceptions=False)
        assert "Traceback" not in result.output
        return result

    return invoke


def test_extract_then_load_with_no_rejection(run, tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "facts.jsonl"
    r = run("extract", str(article), "--publisher", "Example News", "--published", "2024-04-30", "-o", str(out))
    assert r.exit_code == 0
    assert "extract: 7 candidate facts: 3 PARTNERS_WITH, 1 INVESTS_IN, 1 SUPPLIES, 1 SUBSIDIARY_OF, 1 WORKS_FOR" \
        in r.output  # the summary, on stderr
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    kinds = ["entity" if "entity" in x else "relation" for x in recs]
    assert kinds == sorted(kinds)  # entity records first
    # no --title or --url: a plain-text article takes its first line as title
    assert {x["source"]["title"] for x in recs if "predicate" in x} == {ARTICLE.splitlines()[0]}
    loaded = run("load", str(out))
    assert loaded.exit_code == 0 and "rejected:       0" in loaded.output
    q = json.loads(run("query", "partners-of", "--company", "Renault", "--format", "json").output)
    assert {row["partner"]: row["status"] for row in q} == {"Geely Holding": "active", "Li Auto": "prospective"}


@needs_seed
def test_seed_article_extract_then_load(run, tmp_path):
    out = tmp_path / "facts.jsonl"
    assert run("demo").exit_code == 0
    r = run("extract", str(SEED_ARTICLE), "--title", "Il CEO di Renault incontra il CEO di Xiaomi",
            "--publisher", "XiaomiToday.it", "--published", "2024-04-30", "-o", str(out))
    assert r.exit_code == 0 and "6 PARTNERS_WITH" in r.output
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    kinds = ["entity" if "entity" in x else "relation" for x in recs]
    assert kinds == sorted(kinds)  # entity records first
    assert all(x["source"]["published"] == "2024-04-30" for x in recs if "predicate" in x)
    loaded = run("load", str(out))
    assert loaded.exit_code == 0 and "rejected:       0" in loaded.output
    q = json.loads(run("query", "partners-of", "--company", "Renault", "--format", "json").output)
    assert {row["partner"]: row["status"] for row in q}["Xiaomi Auto"] == "prospective"


def test_extract_uses_the_store_names(run, tmp_path):
    assert run("load", str(ROOT / "data" / "curated" / "entities.jsonl")).exit_code == 0
    r = run("extract", "-", "--url", "https://example.com/x", input="VW and Rivian formed a joint venture.")
    recs = [json.loads(line) for line in r.output.splitlines() if line.startswith("{")]
    assert [(x["subject"], x["object"]) for x in recs] == [("Volkswagen Group", "Rivian")]  # no entity records


def test_extract_html_reads_page_metadata(run, tmp_path):
    page = tmp_path / "a.html"
    page.write_text("""<html><head><title>Nissan and Honda end talks</title>
<link rel="canonical" href="https://news.example.com/nissan-honda"/>
<meta property="og:site_name" content="Example News"/>
<meta property="article:published_time" content="2025-02-13"/></head>
<body><article><h1>Nissan and Honda end talks</h1>
<p>Japan's Nissan and Honda ended talks to create an auto group worth US$60 billion on Thursday.</p>
<p>Analysts expect more consolidation among carmakers in Japan and elsewhere in the coming years.</p>
</article></body></html>""", encoding="utf-8")
    out = tmp_path / "f.jsonl"
    assert run("extract", str(page), "--publisher", "Override", "-o", str(out)).exit_code == 0
    [rel] = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines() if '"predicate"' in x]
    assert rel["status"] == "ended"
    assert rel["source"]["url"] == "https://news.example.com/nissan-honda"
    assert rel["source"]["publisher"] == "Override" and rel["source"]["published"] == "2025-02-13"
    assert rel["source"]["quote"] == "Nissan and Honda end talks"  # the headline is the first sentence
    assert read_html(page.read_text(encoding="utf-8")).meta["title"] == "Nissan and Honda end talks"


def test_no_candidate_exits_0_with_a_warning(run):
    r = run("extract", "-", "--title", "Weather", input="It rained all day in Turin.")
    assert r.exit_code == 0
    assert "warning: -: no candidate facts" in r.output


def test_errors_are_one_line(run, tmp_path):
    r = run("extract", str(tmp_path / "missing.txt"))
    assert r.exit_code == 1 and r.output.startswith("Error: ") and r.output.count("\n") == 1
    r = run("extract", "-", "--title", "T", "--published", "2025-13", input="x")
    assert r.exit_code == 2 and "not YYYY, YYYY-MM or YYYY-MM-DD" in r.output


# -- rules of the fifth round: phrasings the heldout4 run missed, written afresh for the tests -----
def entities(text, lang="auto"):
    return {r["entity"] for r in extract(text, meta=META, lang=lang) if "entity" in r}


@pytest.mark.parametrize("text", [
    "Panasonic keeps the lines that make batteries for U.S. EV maker Tesla Inc. in Japan.",
    "Il produttore cinese di EV BYD ha presentato due modelli.",
])
def test_a_capitalised_modifier_before_maker_is_not_a_company(text):
    assert "EV" not in entities(text)


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Ford has ended talks with car alliance Renault-Nissan.",
     {("Ford", "Renault Group", "ended"), ("Ford", "Nissan", "ended"), ("Renault Group", "Nissan", "active")}),
    ("it", "Ford ha interrotto le trattative con l'alleanza Renault-Nissan.",
     {("Ford", "Renault Group", "ended"), ("Ford", "Nissan", "ended"), ("Renault Group", "Nissan", "active")}),
    ("it", "Firmato un accordo sulla ricarica tra Enel, Endesa e l'alleanza Renault-Nissan.",
     {("Enel", "Endesa", "active"), ("Enel", "Renault Group", "active"), ("Enel", "Nissan", "active"),
      ("Endesa", "Renault Group", "active"), ("Endesa", "Nissan", "active"), ("Renault Group", "Nissan", "active")}),
])
def test_a_hyphenated_alliance_stands_for_its_members(lang, text, expected):
    assert {tuple(sorted(p[:2])) + (p[2],) for p in pairs(text, lang)} == \
        {tuple(sorted(p[:2])) + (p[2],) for p in expected}


@pytest.mark.parametrize("lang,text", [
    ("en", "Renault-Nissan chief executive Carlos Ghosn flew to Detroit."),
    ("it", "Carlos Ghosn, amministratore delegato di Renault-Nissan, è volato a Detroit."),
])
def test_a_role_at_an_alliance_names_the_alliance(lang, text):
    got = {(r["subject"], r["object"]) for r in rels(text, lang, predicate="WORKS_FOR")}
    assert got == {("Carlos Ghosn", "Renault-Nissan")}


@pytest.mark.parametrize("lang,text", [
    ("en", "Nissan and Renault have walked away from merger talks with GM."),
    ("it", "Nissan e Renault hanno abbandonato le trattative di fusione con GM."),
])
def test_of_two_adjacent_cues_the_later_one_takes_the_object(lang, text):
    got = pairs(text, lang)
    assert {frozenset(p[:2]) for p in got} == {frozenset(("Nissan", "General Motors")),
                                               frozenset(("Renault Group", "General Motors"))}
    assert {p[2] for p in got} == {"ended"}


@pytest.mark.parametrize("lang,text,buyer", [
    ("en", "Panasonic already makes prismatic batteries for Toyota.", "Toyota"),
    ("it", "LG Energy Solution produce batterie per Stellantis a Termoli.", "Stellantis"),
    ("fr", "Bosch fabrique des capteurs pour Renault.", "Renault Group"),
    ("de", "Bosch fertigt Sensoren für Volkswagen.", "Volkswagen Group"),
])
def test_making_goods_for_a_company_is_supplying_it(lang, text, buyer):
    got = {(r["subject"], r["object"]) for r in rels(text, lang, predicate="SUPPLIES")}
    assert len(got) == 1 and next(iter(got))[1] == buyer


def test_for_a_company_it_makes_goes_to_the_supplier_just_named():
    got = {(r["subject"], r["object"]) for r in rels(
        "Panasonic makes prismatic batteries for Toyota, whereas for Tesla, it makes cylindrical cells.",
        "en", predicate="SUPPLIES")}
    assert got == {("Panasonic", "Toyota"), ("Panasonic", "Tesla")}


@pytest.mark.parametrize("lang,text", [
    ("en", "Toyota does not make batteries for Tesla."),
    ("en", "Toyota could make batteries for Tesla one day."),
    ("en", "The deal made money for Panasonic and Toyota made room for Tesla."),
    ("it", "Panasonic non produce batterie per Toyota."),
])
def test_making_for_denied_or_not_goods_is_no_supply(lang, text):
    assert rels(text, lang, predicate="SUPPLIES") == []


@pytest.mark.parametrize("lang,text,other,status", [
    ("it", "Il progetto di fusione tra Fiat-Chrysler e Renault è sfumato.", "Stellantis", "ended"),
    ("it", "L'accordo tra Renault e Geely è saltato.", "Geely Holding", "ended"),
    ("en", "Merger negotiations between Renault and Fiat-Chrysler had gone far, its chairman said after the "
           "talks' collapse.", "Stellantis", "ended"),
    ("it", "I negoziati tra FCA e Renault erano avanzati, ha detto Elkann dopo la rottura delle trattative.",
     "Stellantis", "ended"),
    ("en", "The talks involving Renault and Fiat-Chrysler continue.", "Stellantis", "prospective"),
    ("it", "La trattativa che vedeva impegnati FCA e Renault prosegue.", "Stellantis", "prospective"),
])
def test_ended_talks_talks_involving_a_pair_and_the_fiat_chrysler_spelling(lang, text, other, status):
    assert {(frozenset(p[:2]), p[2]) for p in pairs(text, lang)} == {(frozenset({"Renault Group", other}), status)}


@pytest.mark.parametrize("lang,text,pair", [
    ("en", "Toyota will raise its stake in Subaru to 20%, expanding their partnership.", {"Toyota", "Subaru"}),
    ("en", "GM bought 20% of Fuji Heavy Industries. The companies have formed a broad alliance.",
     {"General Motors", "Fuji Heavy Industries"}),
    ("it", "Toyota ha acquisito il 5% di Subaru. Le due società hanno stretto un'alleanza sull'elettrico.",
     {"Toyota", "Subaru"}),
    ("it", "Subaru ha rilevato lo 0,3% di Toyota, in base all'accordo di collaborazione tra le due società.",
     {"Toyota", "Subaru"}),
])
def test_a_tie_referred_to_after_a_stake_pairs_investor_and_target(lang, text, pair):
    assert {frozenset(p[:2]) for p in pairs(text, lang)} == {frozenset(pair)}


@pytest.mark.parametrize("lang,text", [
    ("en", "Toyota raised its stake in Subaru. Their partnership with Mazda continues."),
    ("en", "Toyota raised its stake in Subaru. The two companies have no partnership."),
    ("it", "Toyota ha acquisito il 5% di Subaru. Le due società non hanno un'alleanza."),
    ("en", "Toyota raised its stake in Subaru. The weather was fine. Nothing happened. They talked of a partnership."),
    ("en", "Toyota raised its stake in Subaru. Analysts said they expect more deals in the sector."),
    ("it", "Toyota ha acquisito il 5% di Subaru. Gli analisti prevedono altre alleanze nel settore."),
])
def test_no_tie_after_a_stake_when_denied_far_or_with_someone_else(lang, text):
    assert {frozenset(p[:2]) for p in pairs(text, lang)} <= {frozenset({"Toyota", "Mazda"})}


@pytest.mark.parametrize("lang,text", [
    ("en", "Toyota and Suzuki said they would take small equity stakes in each other."),
    ("it", "Toyota e Suzuki hanno annunciato partecipazioni incrociate."),
    ("fr", "Toyota et Suzuki annoncent des participations croisées."),
    ("de", "Toyota und Suzuki vereinbaren eine Überkreuzbeteiligung."),
])
def test_mutual_stakes_go_both_ways(lang, text):
    got = {(r["subject"], r["object"]) for r in rels(text, lang, predicate="INVESTS_IN")}
    assert got == {("Toyota", "Suzuki"), ("Suzuki", "Toyota")}


def test_mutual_stakes_denied_give_none():
    assert rels("Toyota and Suzuki denied they would take stakes in each other.", "en",
                predicate="INVESTS_IN") == []


@pytest.mark.parametrize("lang,text", [
    ("it", "Le Maire ha citato Nissan, partner di Renault insieme a Mitsubishi."),
    ("en", "The minister cited Nissan, a partner of Renault together with Mitsubishi."),
])
def test_partners_in_an_apposition(lang, text):
    got = {frozenset(p[:2]) for p in pairs(text, lang)}
    assert {frozenset({"Renault Group", "Nissan"}), frozenset({"Renault Group", "Mitsubishi Motors"})} <= got


@pytest.mark.parametrize("lang,text", [
    ("en", "Nissan, a rival of Renault, reported losses."),
    ("it", "Nissan, concorrente di Renault, ha registrato perdite."),
    ("en", "Nissan, no longer a partner of Renault, reported losses."),
])
def test_an_apposition_without_partnership_gives_none(lang, text):
    assert pairs(text, lang) == set() or all(p[2] == "ended" for p in pairs(text, lang))


@pytest.mark.parametrize("lang,text,company", [
    ("en", "Toyota owns a 5% stake in Borgo Motors.", "Borgo Motors"),
    ("it", "Toyota detiene una quota del 5% in Valtellina Automotive.", "Valtellina Automotive"),
    ("en", "Ford bought a 10% stake in Zentrix, a start-up.", "Zentrix"),
    ("it", "Stellantis ha acquisito una partecipazione in Brevia.", "Brevia"),
])
def test_a_firm_name_or_the_object_of_a_stake_is_a_company(lang, text, company):
    got = {(r["subject"], r["object"]) for r in rels(text, lang, predicate="INVESTS_IN")}
    assert len(got) == 1 and next(iter(got))[1] == company
    assert company in entities(text, lang)


def test_a_nationality_after_a_stake_is_no_company():
    got = {(r["subject"], r["object"]) for r in rels(
        "General Motors said it was acquiring an 11% stake in US electric truck maker Nikola Corp.", "en",
        predicate="INVESTS_IN")}
    assert got == {("General Motors", "Nikola")}


def test_a_short_form_of_a_company_already_named_is_that_company():
    got = {(r["subject"], r["object"]) for r in rels(
        "GM bought a stake in Fuji Heavy Industries. GM will buy a 20 percent equity stake in Fuji.", "en",
        predicate="INVESTS_IN")}
    assert got == {("General Motors", "Fuji Heavy Industries")}


@pytest.mark.parametrize("lang,text,stakes", [
    ("en", "GM already has a 49 percent stake in Isuzu Motors and 10 percent in Suzuki.",
     {("General Motors", "Isuzu Motors", 49), ("General Motors", "Suzuki", 10)}),
    ("it", "Renault detiene il 43% di Nissan e il 15% di Daimler.",
     {("Renault Group", "Nissan", 43), ("Renault Group", "Mercedes-Benz Group", 15)}),
])
def test_a_second_percentage_in_a_second_company(lang, text, stakes):
    assert {(r["subject"], r["object"], r.get("stake_pct")) for r in rels(text, lang, predicate="INVESTS_IN")} == stakes


@pytest.mark.parametrize("lang,text", [
    ("en", "Daimler sold its 5% stake in Renault last year."),
    ("it", "Daimler ha venduto la sua quota del 3% in Renault."),
])
def test_selling_a_stake_is_no_investment(lang, text):
    assert rels(text, lang, predicate="INVESTS_IN") == []


@pytest.mark.parametrize("lang,text,investor,target", [
    ("en", "Rivian showed its new van in Detroit. Amazon invested in the company in 2019.", "Amazon", "Rivian"),
    ("it", "Sempre più Volkswagen in QuantumScape. Volkswagen investirà 100 milioni nella società californiana.",
     "Volkswagen Group", "QuantumScape"),
])
def test_a_stake_in_the_company_goes_to_the_one_company_just_named(lang, text, investor, target):
    got = {(r["subject"], r["object"]) for r in rels(text, lang, predicate="INVESTS_IN")}
    assert (investor, target) in got


@pytest.mark.parametrize("lang,text", [
    ("en", "Rivian and Lucid showed new vans in Detroit. Amazon invested in the company in 2019."),
    ("en", "Amazon invested in the company's future."),
    ("it", "Volkswagen non investirà nella società."),
])
def test_a_stake_in_the_company_with_no_single_candidate_gives_none(lang, text):
    assert rels(text, lang, predicate="INVESTS_IN") == []


@pytest.mark.parametrize("lang,text,company", [
    ("en", "The board of Renault, chaired by Jean-Dominique Senard, approved the plan.", "Renault Group"),
    ("it", "Il consiglio di amministrazione di Stellantis presieduto da John Elkann ha approvato il piano.",
     "Stellantis"),
    ("it", "La conferma è arrivata da Stellantis. Il Cda presieduto da John Elkann ha ritirato la proposta.",
     "Stellantis"),
])
def test_a_board_chaired_by_someone_gives_a_chairman(lang, text, company):
    got = {(r["object"], r["role"]) for r in rels(text, lang, predicate="WORKS_FOR")}
    assert got == {(company, "chairman")}


def test_a_board_with_no_chair_named_gives_no_role():
    assert rels("The board of Renault met on Monday and approved the plan.", "en", predicate="WORKS_FOR") == []


@pytest.mark.parametrize("lang,text", [
    ("en", "Renault and Nissan said a payment would be contrary to the spirit of any successful alliance."),
    ("it", "Renault e Nissan hanno detto che un pagamento sarebbe contrario allo spirito di ogni alleanza."),
])
def test_a_tie_spoken_of_in_general_is_none(lang, text):
    assert pairs(text, lang) == set()


def test_a_relative_clause_between_dashes():
    assert pairs("GM wanted money from Renault and Nissan - which are already partners - as part of the deal.",
                 "en") == {("Renault Group", "Nissan", "active")}


@pytest.mark.parametrize("lang,text,expected", [
    ("it", "Stellantis si allea con Leapmotor per le auto elettriche.", {("Stellantis", "Leapmotor", "active")}),
    ("it", "Toyota non ha intenzione di allearsi con Subaru.", set()),
    ("en", "Ford teams up with Volkswagen on electric vans.", {("Ford", "Volkswagen Group", "active")}),
    ("en", "Nissan has no plans to partner with Honda.", set()),
    ("de", "Ford und VW haben sich zusammengeschlossen.", {("Ford", "Volkswagen Group", "active")}),
    ("it", "Ford e Volkswagen hanno registrato vendite più alte a maggio.", set()),
])
def test_more_partnership_verbs(lang, text, expected):
    assert {(frozenset(p[:2]), p[2]) for p in pairs(text, lang)} == {(frozenset(p[:2]), p[2]) for p in expected}


def test_a_tie_of_another_pair_after_a_stake_is_theirs_alone():
    got = {(frozenset(p[:2]), p[2]) for p in pairs("Toyota bought 5% of Subaru. Honda and Nissan ended their alliance.",
                                                   "en")}
    assert got == {(frozenset({"Honda", "Nissan"}), "ended")}


@pytest.mark.parametrize("lang,text", [
    ("en", "Toyota makes a bid for Daihatsu."),
    ("it", "Stellantis fa un'offerta per Leapmotor e produce una proposta per Renault."),
])
def test_a_bid_for_a_company_is_no_supply(lang, text):
    assert rels(text, lang, predicate="SUPPLIES") == []


def test_a_place_before_a_new_company_is_not_part_of_its_name():
    got = {(r["subject"], r["object"]) for r in rels("Ford bought a stake in Shanghai-based Zentrix.", "en")}
    assert got == {("Ford", "Zentrix")}
    text = "At the North American International Auto Show, Nissan signed a deal with the Detroit Motors Group."
    assert {frozenset(p[:2]) for p in pairs(text, "en")} == {frozenset({"Nissan", "Detroit Motors Group"})}


@pytest.mark.parametrize("lang,text,pair", [
    ("en", "GM is taking an 11% stake in Nikola and will team up with the nascent company on trucks.",
     {"General Motors", "Nikola"}),
    ("en", "Rivian showed its van. Amazon will work together with the company on delivery vans.", {"Amazon", "Rivian"}),
    ("it", "Rivian ha presentato il furgone. Amazon collaborerà con la società sulle consegne.", {"Amazon", "Rivian"}),
])
def test_a_tie_with_the_company_joins_the_one_other_company_named(lang, text, pair):
    assert {frozenset(p[:2]) for p in pairs(text, lang)} == {frozenset(pair)}


@pytest.mark.parametrize("lang,text", [
    ("en", "Rivian showed its van. Ford has no plans to partner with the company."),
    ("it", "Rivian e Lucid hanno presentato furgoni. Amazon collaborerà con la società."),
    ("en", "Toyota met Honda and Nissan. Mazda will partner with the company."),
])
def test_a_tie_with_the_company_denied_or_ambiguous_gives_none(lang, text):
    assert pairs(text, lang) == set()


@pytest.mark.parametrize("lang,text,supplier,buyer", [
    ("en", "Ford will source battery cells from SK On.", "SK On", "Ford"),
    ("it", "Volkswagen si rifornisce di batterie da Northvolt.", "Northvolt", "Volkswagen Group"),
    ("fr", "Renault s'approvisionne en batteries auprès de LG Energy Solution.", "LG Energy Solution", "Renault Group"),
    ("de", "BMW bezieht Batteriezellen von CATL.", "CATL", "BMW"),
])
def test_buying_goods_from_a_company_makes_it_the_supplier(lang, text, supplier, buyer):
    assert {(r["subject"], r["object"]) for r in rels(text, lang, predicate="SUPPLIES")} == {(supplier, buyer)}


@pytest.mark.parametrize("lang,text", [
    ("en", "Geely bought shares from Dongfeng."),
    ("it", "Stellantis ha comprato azioni da Dongfeng."),
])
def test_buying_shares_from_a_company_is_no_supply(lang, text):
    assert rels(text, lang, predicate="SUPPLIES") == []


@pytest.mark.parametrize("lang,text,investor,target", [
    ("en", "Stellantis became the largest shareholder in Leapmotor.", "Stellantis", "Leapmotor"),
    ("it", "Stellantis è diventata il principale azionista di Leapmotor.", "Stellantis", "Leapmotor"),
    ("en", "Volkswagen has agreed to buy Navistar.", "Volkswagen Group", "Navistar"),
    ("en", "Toyota took over Daihatsu in 2016.", "Toyota", "Daihatsu"),
    ("it", "Stellantis ha completato l'acquisizione di Comau.", "Stellantis", "Comau"),
    ("de", "Volkswagen übernimmt Navistar.", "Volkswagen Group", "Navistar"),
    ("en", "Tencent-backed carmaker Nio signed an agreement with Renault.", "Tencent", "NIO"),
])
def test_shareholders_acquisitions_and_backers(lang, text, investor, target):
    assert (investor, target) in {(r["subject"], r["object"]) for r in rels(text, lang, predicate="INVESTS_IN")}


@pytest.mark.parametrize("lang,text", [
    ("en", "Ford will buy American steel."),
    ("en", "Stellantis is not the largest shareholder in Leapmotor."),
    ("en", "GM took over Europe's top spot."),
])
def test_no_investment_in_goods_denied_or_places(lang, text):
    assert rels(text, lang, predicate="INVESTS_IN") == []


@pytest.mark.parametrize("lang,text,sub,parent", [
    ("en", "Volvo Cars' parent company Geely signed a deal with Renault.", "Volvo Cars", "Geely Holding"),
    ("it", "Geely, la casa madre di Volvo Cars, ha firmato un accordo con Renault.", "Volvo Cars", "Geely Holding"),
    ("en", "Lotus is owned by Geely.", "Lotus", "Geely Holding"),
    ("en", "Geely-owned Volvo Cars signed a deal with Northvolt.", "Volvo Cars", "Geely Holding"),
    ("de", "Die VW-Tochter Cariad arbeitet an Software.", "Cariad", "Volkswagen Group"),
    ("en", "Mobileye, the Intel unit, builds chips.", "Mobileye", "Intel"),
])
def test_parents_owners_and_units(lang, text, sub, parent):
    assert {(r["subject"], r["object"]) for r in rels(text, lang, predicate="SUBSIDIARY_OF")} == {(sub, parent)}


def test_an_owner_prefix_makes_no_partner_of_the_owner():
    got = {frozenset(p[:2]) for p in pairs("Geely-owned Volvo Cars signed a deal with Northvolt.", "en")}
    assert got == {frozenset({"Volvo Cars", "Northvolt"})}


# -- what a list of companies hangs from ----------------------------------------------------------
def supplies(text, lang):
    return {(r["subject"], r["object"]) for r in rels(text, lang, predicate="SUPPLIES")}


@pytest.mark.parametrize("lang,text", [
    ("en", "Valeo is a supplier to several carmakers, including BMW, Ford and Toyota."),
    ("en", "Valeo supplies lidar sensors to BMW, Ford and Toyota."),
    ("it", "Valeo è fornitore di molti clienti industriali, tra cui BMW, Ford e Toyota."),
    ("it", "Valeo fornirà sensori a BMW, Ford e Toyota."),
    ("fr", "Valeo est le fournisseur de plusieurs constructeurs, dont BMW, Ford et Toyota."),
    ("fr", "Valeo fournit des capteurs à BMW, Ford et Toyota."),
    ("de", "Valeo liefert Sensoren an BMW, Ford und Toyota."),
    ("de", "Valeo ist Lieferant von Autobauern wie BMW, Ford und Toyota."),
])
def test_a_list_of_customers_is_supplied_by_the_supplier_and_no_partners(lang, text):
    assert supplies(text, lang) == {("Valeo", "BMW"), ("Valeo", "Ford"), ("Valeo", "Toyota")}
    assert pairs(text, lang) == set()


def test_a_customer_list_after_the_company_just_named():
    text = ("Valeo sells lidar sensors. The company will be a supplier to many carmakers, including Geely, "
            "Volvo Cars and Nissan, and it is ready to work with partners everywhere.")
    assert supplies(text, "en") == {("Valeo", "Geely Holding"), ("Valeo", "Volvo Cars"), ("Valeo", "Nissan")}
    assert pairs(text, "en") == set()


@pytest.mark.parametrize("lang,text", [
    ("en", "Stellantis' suppliers include Valeo, Forvia and Bosch."),
    ("it", "I fornitori di Stellantis, tra cui Valeo, Forvia e Bosch, chiedono prezzi più alti."),
])
def test_a_list_of_suppliers_supplies_its_owner(lang, text):
    assert supplies(text, lang) == {("Valeo", "Stellantis"), ("Forvia", "Stellantis"), ("Bosch", "Stellantis")}
    assert pairs(text, lang) == set()


@pytest.mark.parametrize("lang,text,expected", [
    # the seller of a supply contract is the party that makes parts, the buyer the carmaker
    ("en", "BMW signed a long-term supply contract worth 2 billion euros with the Swedish company Northvolt.",
     {("Northvolt", "BMW")}),
    ("it", "CATL ha firmato contratti di fornitura con molti produttori di auto, tra cui BMW, Volkswagen e Tesla.",
     {("CATL", "BMW"), ("CATL", "Volkswagen Group"), ("CATL", "Tesla")}),
    ("de", "BMW ist bereits Großkunde bei CATL.", {("CATL", "BMW")}),
    ("en", "Tesla is a customer of Panasonic.", {("Panasonic", "Tesla")}),
    ("fr", "Renault est déjà client de LG Energy Solution.", {("LG Energy Solution", "Renault Group")}),
    ("en", "BMW will also source cells made in Europe from the Chinese manufacturer CATL.", {("CATL", "BMW")}),
])
def test_supply_contracts_customers_and_sources(lang, text, expected):
    assert supplies(text, lang) == expected


@pytest.mark.parametrize("lang,text", [
    ("en", "Toyota and Honda signed a supply contract with each other's dealers."),  # two carmakers: who sells?
    ("en", "Volkswagen's investment will provide capital to help Rivian, Scout and PowerCo."),
    ("en", "Valeo has no plans to supply BMW, Ford and Toyota."),
    ("it", "Valeo non fornirà sensori a BMW, Ford e Toyota."),
    ("en", "The batteries will go to Toyota's technology partners Mazda and Subaru."),
])
def test_no_supply_without_goods_or_a_seller(lang, text):
    assert supplies(text, lang) == set()


@pytest.mark.parametrize("lang,text", [
    ("en", "Bosch's partners include BMW, Ford and Toyota."),
    ("en", "Bosch works with partners such as BMW, Ford and Toyota."),
    ("it", "Bosch ha molti partner, tra cui BMW, Ford e Toyota."),
    ("fr", "Bosch compte plusieurs partenaires, dont BMW, Ford et Toyota."),
    ("de", "Bosch arbeitet mit Partnern wie BMW, Ford und Toyota."),
])
def test_a_list_of_partners_of_one_subject_gives_subject_member_pairs_only(lang, text):
    assert {frozenset(p[:2]) for p in pairs(text, lang)} == {
        frozenset(("Bosch", "BMW")), frozenset(("Bosch", "Ford")), frozenset(("Bosch", "Toyota"))}


@pytest.mark.parametrize("lang,text", [
    ("en", "Among its partners are BMW, Ford and Toyota."),  # whose partners goes unsaid
    ("en", "Tesla, BYD and Toyota are among the largest carmakers."),
    ("it", "Tesla, BYD e Toyota sono tra i maggiori costruttori del mondo."),
    ("en", "Carmakers such as BMW, Ford and Toyota have struggled, and partnerships are rare."),
])
def test_a_list_with_no_relation_gives_no_partners(lang, text):
    assert pairs(text, lang) == set()


def test_a_joint_agreement_of_a_list_still_pairs_its_members():
    assert {frozenset(p[:2]) for p in pairs("Tesla, BYD and Toyota signed an agreement on charging.", "en")} == {
        frozenset(("Tesla", "BYD")), frozenset(("Tesla", "Toyota")), frozenset(("BYD", "Toyota"))}


# -- German nouns are capitalised: a word needs more than a capital to be a company ---------------
@pytest.mark.parametrize("text", [
    "Nun erlauben die Chinesen dem deutschen Autobauer, sich mit einem Anteil an dem Batteriehersteller zu beteiligen.",
    "Volkswagen beteiligt sich erstmals an einem chinesischen Akku-Hersteller.",
    "Dazu erwerben die Wolfsburger über eine chinesische Tochter 26 Prozent an der Firma Gotion High-Tech.",
    "Doch BMW wäre der erste ausländische Autobauer, der einen Anteil an dem Batteriezellenhersteller erwerben kann.",
])
def test_german_common_nouns_are_not_companies(text):
    names = {r["entity"] for r in extract(text, meta=META, lang="de") if "entity" in r}
    assert not names & {"Autobauer", "Batteriehersteller", "Akku-Hersteller", "Tochter", "Batteriezellenhersteller"}
    for r in rels(text, "de"):
        assert r["subject"] in {"Volkswagen Group", "BMW"} and r["object"] in {"Gotion High-Tech", "Volkswagen Group", "BMW"}


@pytest.mark.parametrize("lang,text,name", [
    ("de", "Volkswagen hält einen Anteil an Zentrix.", "Zentrix"),
    ("de", "Volkswagen beteiligt sich an der Voltwerk GmbH.", "Voltwerk"),
    ("de", "Der chinesische Hersteller Zentrix und Volkswagen haben eine Partnerschaft vereinbart.", "Zentrix"),
])
def test_german_names_with_evidence_are_companies(lang, text, name):
    assert name in {r["entity"] for r in extract(text, meta=META, lang=lang) if "entity" in r}


# -- roles: titles between the company and the name, boards, described companies ---------------
def roles(text, lang):
    return {(r["subject"], r["object"], r["role"]) for r in rels(text, lang, predicate="WORKS_FOR")}


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Aptiv's chief met Hyundai Executive Vice Chairman and heir apparent Euisun Chung on Monday.",
     ("Euisun Chung", "Hyundai Motor Company", "executive vice chairman")),
    ("en", "Ford Senior Vice President Jim Baumbick presented the plan.", ("Jim Baumbick", "Ford", "senior vice president")),
    ("en", "The plan was signed by Andreas Wendt, member of the Board of Management of BMW AG.",
     ("Andreas Wendt", "BMW", "member of the board of management")),
    ("it", "Lo ha detto Markus Schafer, membro del consiglio di amministrazione di Daimler.",
     ("Markus Schafer", "Mercedes-Benz Group", "membro del consiglio di amministrazione")),
    ("fr", "Selon Anne Martin, membre du directoire de Renault, le projet avance.",
     ("Anne Martin", "Renault Group", "membre du directoire")),
    ("de", "Das sagte VW-China-Chef Stephan Wöllenstein am Freitag.", ("Stephan Wöllenstein", "Volkswagen Group", "chef")),
    ("it", "Nissan investirà in Ampere, ha detto Makoto Uchida, CEO del produttore automobilistico giapponese.",
     ("Makoto Uchida", "Nissan", "CEO")),
    ("en", "Renault will buy chips from Qualcomm, said Jean Dupont, chief executive of the French carmaker.",
     ("Jean Dupont", "Renault Group", "CEO")),
])
def test_roles_with_titles_boards_and_described_companies(lang, text, expected):
    got = roles(text, lang)
    assert {(p, c) for p, c, _ in got} == {expected[:2]}
    assert next(iter(got))[2].casefold() == expected[2].casefold()


@pytest.mark.parametrize("lang,text", [
    # a description that fits neither or both companies names no one
    ("en", "Renault will buy chips from Qualcomm, said Jean Dupont, chief executive of the Korean carmaker."),
    ("en", "Renault and Peugeot signed a deal, said Jean Dupont, chief executive of the French carmaker."),
])
def test_a_description_that_fits_no_single_company_gives_no_role(lang, text):
    assert rels(text, lang, predicate="WORKS_FOR") == []


@pytest.mark.parametrize("lang,text", [
    ("it", "«Con CATL abbiamo un leader tecnologico come nostro partner», ha detto Markus Schafer, "
           "membro del consiglio di amministrazione di Daimler."),
    ("en", "\"CATL is our partner for the next decade,\" said Ola Kallenius, CEO of Mercedes-Benz."),
])
def test_our_partner_said_by_an_executive_is_the_executive_s_company(lang, text):
    assert {frozenset(p[:2]) for p in pairs(text, lang)} == {frozenset(("CATL", "Mercedes-Benz Group"))}


def test_our_partner_without_a_speaker_s_company_gives_nothing():
    assert pairs("\"CATL and BYD are our competitors, not our partners,\" the report said.", "en") == set()


def test_a_hyphenated_pair_with_its_short_name_is_that_company():
    got = roles("Philippe Varin, patron du groupe Peugeot-Citroën (PSA), a annoncé sa décision.", "fr")
    assert {(p, c) for p, c, _ in got} == {("Philippe Varin", "Stellantis")}


# -- prospective cues, denied intentions, reported decisions ----------------------------------
@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Toyota and Subaru intend to form a joint venture for batteries.", ("Toyota", "Subaru", "prospective")),
    ("en", "Ford plans to partner with Xiaomi on software.", ("Ford", "Xiaomi", "prospective")),
    ("it", "Renault sta valutando una collaborazione con Geely sui motori.", ("Renault Group", "Geely Holding", "prospective")),
    ("fr", "Renault et Geely envisagent une coentreprise dans les moteurs.", ("Renault Group", "Geely Holding", "prospective")),
    ("de", "BMW und Toyota wollen eine Kooperation bei Wasserstoff prüfen.", ("BMW", "Toyota", "prospective")),
    # a decision reported with "would", and a modal about something else, are not prospects
    ("en", "BMW and Mercedes announced earlier this year that they would join forces on automated driving.",
     ("BMW", "Mercedes-Benz Group", "active")),
    ("en", "A Honda spokesperson said its partnership with GM would not be impacted by the recall.",
     ("Honda", "General Motors", "active")),
    ("en", "BMW and Toyota could form an alliance.", ("BMW", "Toyota", "prospective")),
    # expanding a tie says it exists, whatever the stage of the expansion
    ("en", "Audi signed a memorandum with SAIC to expand their cooperation on electric cars.", ("Audi", "SAIC Motor", "active")),
    ("it", "Renault e Nissan intendono rafforzare la loro alleanza.", ("Renault Group", "Nissan", "active")),
])
def test_prospective_cues_reported_decisions_and_expansions(lang, text, expected):
    assert {(p[0], p[1], p[2]) for p in pairs(text, lang)} in ({expected}, {(expected[1], expected[0], expected[2])})


@pytest.mark.parametrize("lang,text", [
    ("en", "Ford has no plans to partner with Xiaomi."),
    ("en", "Ford does not intend to form an alliance with Xiaomi."),
    ("it", "Renault non sta valutando alcuna collaborazione con Geely."),
    ("it", "Renault non intende avviare una collaborazione con Geely."),
    ("fr", "Renault et Geely n'envisagent pas de coentreprise."),
    ("de", "BMW und Toyota wollen keine Kooperation prüfen."),
])
def test_denied_intentions_give_no_partnership(lang, text):
    assert pairs(text, lang) == set()


@pytest.mark.parametrize("lang,text", [
    ("en", "Nissan is considering taking a stake in Ampere."),
    ("it", "Nissan sta anche valutando la possibilità di acquisire una partecipazione in Ampere."),
    ("fr", "Renault étudie la possibilité de prendre une participation dans Ampere."),
    ("de", "Volkswagen prüft eine Beteiligung an Rivian."),
])
def test_a_stake_being_weighed_is_no_investment(lang, text):
    assert rels(text, lang, predicate="INVESTS_IN") == []


@pytest.mark.parametrize("lang,text,investor,target", [
    ("en", "Volkswagen said it would take a minority stake in XPeng.", "Volkswagen Group", "XPeng"),
    ("it", "Nissan acquisirà una partecipazione del 15% in Ampere.", "Nissan", "Ampere"),
])
def test_a_stake_announced_is_an_investment(lang, text, investor, target):
    assert {(r["subject"], r["object"]) for r in rels(text, lang, predicate="INVESTS_IN")} == {(investor, target)}


# -- ownership: units named with a possessive, owners, joint ventures held by their parents ------
@pytest.mark.parametrize("lang,text,sub,parent", [
    ("en", "Volkswagen also said its premium Audi brand had signed a memorandum with SAIC.", "Audi", "Volkswagen Group"),
    ("en", "Honda said its partnership with GM and its Cruise unit would go on.", "Cruise", "General Motors"),
    ("it", "Renault ha presentato la sua controllata Ampere agli investitori.", "Ampere", "Renault Group"),
    ("fr", "Renault a présenté sa filiale Ampere aux investisseurs.", "Ampere", "Renault Group"),
    ("en", "Geely, the owner of Volvo Cars, signed a deal with Renault.", "Volvo Cars", "Geely Holding"),
    ("it", "Renault e Geely (già proprietario di Volvo Cars) hanno firmato un accordo.", "Volvo Cars", "Geely Holding"),
])
def test_units_and_owners(lang, text, sub, parent):
    assert (sub, parent) in {(r["subject"], r["object"]) for r in rels(text, lang, predicate="SUBSIDIARY_OF")}


@pytest.mark.parametrize("lang,text", [
    ("en", "Honda and its partner GM signed a deal with Toyota."),  # "its partner": not a unit
    ("en", "Geely said the owner of the plant would sell it to Volvo Cars' suppliers."),
])
def test_no_subsidiary_without_a_unit_or_owner_word_for_the_pair(lang, text):
    assert rels(text, lang, predicate="SUBSIDIARY_OF") == []


def stakes(text, lang):
    return {(r["subject"], r["object"], r.get("stake_pct")) for r in rels(text, lang, predicate="INVESTS_IN")}


@pytest.mark.parametrize("lang,text,expected", [
    ("it", "Renault e Geely hanno lanciato la loro joint venture. Nascerà Horse Powertrain Limited, con sede a Londra. "
           "Renault e Geely ne deterranno il 50% ciascuno.",
     {("Renault Group", "Horse Powertrain", 50), ("Geely Holding", "Horse Powertrain", 50)}),
    ("it", "Renault e Geely deterranno rispettivamente il 51% e il 49% di Horse Powertrain Limited.",
     {("Renault Group", "Horse Powertrain", 51), ("Geely Holding", "Horse Powertrain", 49)}),
    ("en", "Toyota and Panasonic will each hold 50 percent of Prime Planet Energy Ltd.",
     {("Toyota", "Prime Planet Energy", 50), ("Panasonic", "Prime Planet Energy", 50)}),
    ("fr", "Renault et Geely détiendront chacun 50% de Horse Powertrain Limited.",
     {("Renault Group", "Horse Powertrain", 50), ("Geely Holding", "Horse Powertrain", 50)}),
])
def test_each_owner_of_a_joint_venture_holds_its_stake(lang, text, expected):
    assert stakes(text, lang) == expected


@pytest.mark.parametrize("lang,text", [
    # the venture is not named: there is nothing to hold a stake in
    ("en", "Hyundai and LG Energy Solution agreed to build a plant. They will each hold 50 percent of the joint venture."),
    ("en", "Toyota and Panasonic each reported a 5% rise in profit."),
    ("en", "Toyota and Panasonic will not each hold 50 percent of Prime Planet Energy Ltd."),
])
def test_no_joint_venture_stake_without_a_named_venture_or_a_holding(lang, text):
    assert stakes(text, lang) == set()


# -- appointments, renounced steps, asides in parentheses --------------------------------------
@pytest.mark.parametrize("lang,text,expected", [
    ("it", "Matias Giannini è stato nominato ceo di Horse Powertrain Limited.", ("Matias Giannini", "Horse Powertrain", "CEO")),
    ("it", "Renault ha nominato Mario Rossi direttore generale.", ("Mario Rossi", "Renault Group", "general manager")),
    ("en", "Jane Doe was appointed chief financial officer of Ford.", ("Jane Doe", "Ford", "chief financial officer")),
    ("en", "Ford has named Jane Doe as its chief financial officer.", ("Jane Doe", "Ford", "chief financial officer")),
    ("fr", "Anne Martin a été nommée directrice générale de Renault.", ("Anne Martin", "Renault Group", "CEO")),
])
def test_appointments_are_roles(lang, text, expected):
    assert roles(text, lang) == {expected}


@pytest.mark.parametrize("lang,text", [
    ("en", "Jane Doe was not appointed chief financial officer of Ford."),
    ("en", "Ford named its new electric pickup the Lightning."),
])
def test_no_role_from_a_denied_appointment_or_a_named_product(lang, text):
    assert rels(text, lang, predicate="WORKS_FOR") == []


@pytest.mark.parametrize("lang,text", [
    ("fr", "PSA a annoncé sa renonciation à entrer dans le capital de Mitsubishi Motors."),
    ("it", "Stellantis ha annunciato la rinuncia a entrare nel capitale di Mitsubishi Motors."),
    ("en", "Ford gave up its plan to take a stake in Rivian."),
    ("de", "Volkswagen verzichtet auf eine Beteiligung an Rivian."),
])
def test_a_renounced_stake_is_no_investment(lang, text):
    assert rels(text, lang, predicate="INVESTS_IN") == []


@pytest.mark.parametrize("lang,text", [
    ("it", "Renault e il gruppo cinese Geely (già proprietario di Volvo Cars e di Lotus) hanno firmato i contratti "
           "per la costituzione di una joint-venture al 50% per creare una nuova azienda di motori."),
    ("en", "Renault and Geely (the owner of Volvo Cars and Lotus) signed contracts to set up a joint venture."),
])
def test_companies_in_parentheses_are_not_partners(lang, text):
    assert {frozenset(p[:2]) for p in pairs(text, lang)} == {frozenset(("Renault Group", "Geely Holding"))}


# -- parts of a named maker in a company's vehicles; orders ------------------------------------
@pytest.mark.parametrize("lang,text,expected", [
    ("en", "The Mercedes EQS will be equipped with CATL batteries.", ("CATL", "Mercedes-Benz Group")),
    ("it", "Le auto Stellantis saranno equipaggiate con celle di LG Energy Solution.", ("LG Energy Solution", "Stellantis")),
    ("it", "Le berline prodotte da Mercedes-Benz saranno dotate di batterie CATL.", ("CATL", "Mercedes-Benz Group")),
    ("fr", "Les voitures de Renault sont équipées de batteries LG Energy Solution.", ("LG Energy Solution", "Renault Group")),
    ("en", "Ford ordered 25,000 electric vans from Mitsubishi Motors.", ("Mitsubishi Motors", "Ford")),
    ("it", "Stellantis ha ordinato 25.000 batterie da CATL.", ("CATL", "Stellantis")),
    ("fr", "PSA a commandé 25 000 voitures électriques à Mitsubishi Motors.", ("Mitsubishi Motors", "Stellantis")),
])
def test_parts_in_vehicles_and_orders_are_supplies(lang, text, expected):
    assert supplies(text, lang) == {expected}


@pytest.mark.parametrize("lang,text", [
    ("en", "Ford's cars, unlike Toyota's, use batteries from CATL."),  # whose cars: two candidates
    ("en", "Ford will not use CATL batteries."),
    ("en", "Ford bought 5,000 shares from Toyota."),
    ("it", "Stellantis non ha ordinato batterie da CATL."),
])
def test_no_supply_from_ambiguous_denied_or_share_purchases(lang, text):
    assert supplies(text, lang) == set()


@pytest.mark.parametrize("lang,text", [
    ("it", "Nella fusione dovrebbe essere inclusa anche Mitsubishi Motors, di cui Nissan è la principale azionista "
           "con il 24 per cento delle quote."),
    ("en", "The deal includes Mitsubishi Motors, of which Nissan is the largest shareholder with 24 percent."),
    ("fr", "L'accord inclut Mitsubishi Motors, dont Nissan est le premier actionnaire avec 24%."),
])
def test_the_shareholder_of_a_company_in_a_relative_clause(lang, text):
    assert stakes(text, lang) == {("Nissan", "Mitsubishi Motors", 24)}


def test_no_shareholder_in_a_denied_relative_clause():
    assert stakes("The deal includes Mitsubishi Motors, of which Nissan is not a shareholder.", "en") == set()


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Bosch won a large order from Volkswagen for braking systems.", ("Bosch", "Volkswagen Group")),
    ("en", "Panasonic has secured a contract from Tesla to make battery cells.", ("Panasonic", "Tesla")),
    ("it", "Bosch si è aggiudicata una commessa da Stellantis per i sistemi frenanti.", ("Bosch", "Stellantis")),
    ("fr", "Valeo a remporté une commande de Renault pour des capteurs.", ("Valeo", "Renault Group")),
    ("de", "Bosch erhält einen Großauftrag von Volkswagen.", ("Bosch", "Volkswagen Group")),
])
def test_an_order_won_from_a_company_is_supplying_it(lang, text, expected):
    assert supplies(text, lang) == {expected}


@pytest.mark.parametrize("lang,text", [
    ("en", "Bosch did not win the order from Volkswagen."),
    ("en", "Bosch won praise from Volkswagen for its safety record."),
])
def test_no_supply_from_a_lost_order_or_praise(lang, text):
    assert supplies(text, lang) == set()


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Renault's CEO, Luca de Meo, said the deal was done.", ("Luca de Meo", "Renault Group", "CEO")),
    ("en", "Carlos Tavares, who heads Stellantis, said the talks were over.", ("Carlos Tavares", "Stellantis", "head")),
    ("it", "Luca de Meo, che guida Renault, ha parlato.", ("Luca de Meo", "Renault Group", "head")),
    ("fr", "Jean-Dominique Senard, qui préside Renault, a parlé.", ("Jean-Dominique Senard", "Renault Group", "chairman")),
    ("de", "BMW-Vorstandschef Oliver Zipse sprach in München.", ("Oliver Zipse", "BMW", "CEO")),
])
def test_roles_after_a_comma_and_stated_by_a_verb(lang, text, expected):
    assert roles(text, lang) == {expected}


def test_a_role_word_before_a_list_of_companies_names_no_person():
    assert rels("Renault CEO, Nissan and Mitsubishi met in Paris.", "en", predicate="WORKS_FOR") == []


def test_the_supplier_is_the_head_of_an_apposition_not_the_company_inside_it():
    text = "Hyundai Mobis, a Hyundai Motor Group affiliate, will supply battery packs to Kia, Ford and Toyota."
    known = [{"name": "Hyundai Mobis", "type": "Company", "aliases": []},
             {"name": "Hyundai Motor Company", "type": "Company", "aliases": ["Hyundai Motor Group", "Hyundai"]}]
    got = {(r["subject"], r["object"]) for r in rels(text, "en", known=known, predicate="SUPPLIES")}
    assert got == {("Hyundai Mobis", "Kia"), ("Hyundai Mobis", "Ford"), ("Hyundai Mobis", "Toyota")}


def test_a_tie_with_a_list_of_suppliers_pairs_the_subject_with_each_only():
    text = "Stellantis signed agreements with suppliers such as CATL and LG Energy Solution."
    assert {frozenset(p[:2]) for p in pairs(text, "en")} == {
        frozenset(("Stellantis", "CATL")), frozenset(("Stellantis", "LG Energy Solution"))}
    assert supplies(text, "en") == {("CATL", "Stellantis"), ("LG Energy Solution", "Stellantis")}


@pytest.mark.parametrize("lang,text", [
    ("en", "Analysts said CATL, BYD and LG Energy Solution dominate the battery market, and deals are common."),
    ("en", "Toyota, Honda and Nissan have grown, while partnerships are rare in Japan."),
])
def test_ties_in_general_after_a_list_give_no_partners(lang, text):
    assert pairs(text, lang) == set()


def test_talks_after_a_pair_are_still_the_pair_s_talks():
    assert pairs("Renault and Nissan met on Monday, and talks are continuing.", "en") == {
        ("Renault Group", "Nissan", "prospective")}


# -- the rules written after the heldout6 run -------------------------------------------------------
@pytest.mark.parametrize("lang,text,supply", [
    ("en", "CATL signed a battery supply agreement with Tesla.", ("CATL", "Tesla")),
    ("it", "Tesla ha ottenuto un accordo di fornitura di batterie con LG Chem nel 2019.", ("LG Energy Solution", "Tesla")),
    ("fr", "CATL a signé un contrat de fourniture avec Renault.", ("CATL", "Renault Group")),
    ("de", "CATL hat einen Liefervertrag mit BMW unterzeichnet.", ("CATL", "BMW")),
])
def test_a_supply_deal_is_supply_not_a_partnership(lang, text, supply):
    assert pairs(text, lang) == set()
    assert supplies(text, lang) == {supply}


@pytest.mark.parametrize("lang,text,pair", [
    ("en", "CATL signed a supply agreement with Ford and a partnership with BMW on recycling.", ("CATL", "BMW")),
    ("it", "CATL ha firmato un contratto di fornitura con Ford e una partnership con BMW sul riciclo.", ("CATL", "BMW")),
])
def test_a_partnership_stated_beside_a_supply_deal_stays(lang, text, pair):
    assert {p[:2] for p in pairs(text, lang)} == {pair}


@pytest.mark.parametrize("lang,text", [
    ("en", "Tesla's battery supply agreements with CATL and LG Chem are smaller than its deal with Panasonic."),
    ("it", "Gli accordi di fornitura di batterie di Tesla con CATL e LG Chem sono su scala minore."),
])
def test_suppliers_of_one_customer_are_not_partners_of_one_another(lang, text):
    assert not any({"CATL", "LG Energy Solution"} == {a, b} for a, b, _ in pairs(text, lang))


@pytest.mark.parametrize("lang,text", [
    ("fr", "Carlos Ghosn, PDG de l'alliance Renault-Nissan, déclarait « Dongfeng a une incomparable connaissance "
           "du marché » lors d'une cérémonie."),
    ("it", "Carlos Ghosn, amministratore delegato dell'alleanza Renault-Nissan, ha detto che Dongfeng conosce il "
           "mercato cinese."),
    ("en", "Carlos Ghosn, chief executive of the alliance Renault-Nissan, said Dongfeng knows the market."),
])
def test_an_alliance_named_as_a_person_s_employer_states_no_tie(lang, text):
    assert pairs(text, lang) == set()
    assert roles(text, lang) == {("Carlos Ghosn", "Renault-Nissan", "CEO")}


def test_an_alliance_named_as_the_news_still_ties_its_members():
    assert ("Renault Group", "Nissan", "active") in pairs("L'alleanza Renault-Nissan ha firmato un accordo con "
                                                           "Dongfeng.", "it")


@pytest.mark.parametrize("text", [
    "Der Autobauer Volkswagen will seine Zusammenarbeit mit chinesischen Anbietern noch ausweiten.",
    "Volkswagen hat eine Partnerschaft mit neuen Zulieferern vereinbart.",
    "BMW spricht mit mehreren staatlichen Autobauern über Kooperationen.",
])
def test_german_nouns_after_an_inflected_adjective_are_no_companies(text):
    assert pairs(text, "de") == set()
    assert not [r for r in extract(text, meta=META, lang="de") if r.get("type") == "Company"]


def test_a_german_name_after_an_adjective_and_a_firm_word_is_still_a_company():
    assert {p[:2] for p in pairs("Volkswagen will die Zusammenarbeit mit dem chinesischen Hersteller Zentrix "
                                 "ausweiten.", "de")} == {("Volkswagen Group", "Zentrix")}


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Renault's stake in Nissan is now 15%.", {("Renault Group", "Nissan", 15)}),
    ("en", "The stake of Renault in Nissan will fall to 15%.", {("Renault Group", "Nissan", 15)}),
    ("it", "La quota di Renault in Nissan è del 15%.", {("Renault Group", "Nissan", 15)}),
    ("it", "La quota di Renault e Volvo Cars nella joint venture Flexis scenderà al 45% ciascuna.",
     {("Renault Group", "Flexis", 45), ("Volvo Cars", "Flexis", 45)}),
    ("fr", "La participation de Renault dans Nissan est de 15 %.", {("Renault Group", "Nissan", 15)}),
    ("de", "Der Anteil von Renault an Nissan liegt bei 15 Prozent.", {("Renault Group", "Nissan", 15)}),
])
def test_a_holder_s_share_of_a_company_is_a_stake(lang, text, expected):
    assert stakes(text, lang) == expected


@pytest.mark.parametrize("lang,text", [
    ("en", "Renault sold its stake in Nissan to Foxconn."),
    ("en", "Renault is considering raising its stake in Nissan to 20%."),
    ("it", "La quota di Renault in Europa è del 30%."),
    ("en", "Toyota holds 30% of the market in Japan, Honda 20%."),
])
def test_shares_that_are_no_stake_in_a_named_company(lang, text):
    assert stakes(text, lang) == set()


@pytest.mark.parametrize("lang,text,expected", [
    ("de", "FAW hält 60 Prozent an FAW-Volkswagen, Volkswagen 30 Prozent und Audi 10 Prozent.",
     {("FAW Group", "FAW-Volkswagen", 60), ("Volkswagen Group", "FAW-Volkswagen", 30), ("Audi", "FAW-Volkswagen", 10)}),
    ("de", "Audi arbeitet als Teilhaber an FAW-Volkswagen. FAW hält dort 60 Prozent, Volkswagen 30 Prozent und "
           "Audi 10 Prozent.",
     {("FAW Group", "FAW-Volkswagen", 60), ("Volkswagen Group", "FAW-Volkswagen", 30), ("Audi", "FAW-Volkswagen", 10)}),
    ("en", "Renault holds 45% of Flexis, Volvo Cars 45% and CMA CGM Group 10%.",
     {("Renault Group", "Flexis", 45), ("Volvo Cars", "Flexis", 45), ("CMA CGM", "Flexis", 10)}),
    ("it", "Renault e Geely hanno creato Horse Powertrain. Renault ne detiene il 50%, Geely il 50%.",
     {("Renault Group", "Horse Powertrain", 50), ("Geely Holding", "Horse Powertrain", 50)}),
    ("fr", "Renault détient 25 % de Flexis et Volvo Cars 75 %.",
     {("Renault Group", "Flexis", 25), ("Volvo Cars", "Flexis", 75)}),
    ("en", "Toyota holds a 50% stake in the joint venture Primearth.", {("Toyota", "Prime Earth EV Energy", 50)}),
])
def test_stakes_in_a_venture_stated_one_then_by_ellipsis(lang, text, expected):
    assert stakes(text, lang) == expected


@pytest.mark.parametrize("lang,text", [
    ("en", "Toyota sold cars in Japan. It holds 30% there, Honda 20%."),
    ("de", "Volkswagen verkauft in China viele Autos. Der Konzern hält dort 30 Prozent des Marktes."),
])
def test_a_percentage_held_there_of_no_company_is_no_stake(lang, text):
    assert stakes(text, lang) == set()


@pytest.mark.parametrize("lang,text,expected", [
    ("fr", "Mercedes-Benz sera actionnaire d'ACC à part égale avec Stellantis et TotalEnergies.",
     {("Mercedes-Benz Group", "ACC", None), ("Stellantis", "ACC", None), ("TotalEnergies", "ACC", None)}),
    ("en", "Mercedes-Benz will be a shareholder of ACC alongside Stellantis and TotalEnergies.",
     {("Mercedes-Benz Group", "ACC", None), ("Stellantis", "ACC", None), ("TotalEnergies", "ACC", None)}),
    ("it", "Mercedes-Benz sarà azionista di ACC insieme a Stellantis e TotalEnergies.",
     {("Mercedes-Benz Group", "ACC", None), ("Stellantis", "ACC", None), ("TotalEnergies", "ACC", None)}),
    ("fr", "Stellantis et TotalEnergies ont annoncé l'entrée au capital de Mercedes-Benz dans leur co-entreprise ACC.",
     {("Mercedes-Benz Group", "ACC", None), ("Stellantis", "ACC", None), ("TotalEnergies", "ACC", None)}),
    ("fr", "Mercedes-Benz, détenu par Daimler, sera actionnaire d'ACC à part égale avec Stellantis et TotalEnergies.",
     {("Mercedes-Benz Group", "ACC", None), ("Stellantis", "ACC", None), ("TotalEnergies", "ACC", None)}),
    ("en", "Beijing-controlled Sinochem is Pirelli's largest shareholder with a 34.1% stake.",
     {("Sinochem", "Pirelli", 34.1)}),
])
def test_shareholders_named_together_and_entering_the_capital(lang, text, expected):
    assert stakes(text, lang) == expected


def test_a_shareholder_beside_an_unrelated_tie_shares_nothing_with_it():
    text = "Mercedes-Benz is a shareholder of ACC, and Stellantis signed a deal with TotalEnergies."
    assert stakes(text, "en") == {("Mercedes-Benz Group", "ACC", None)}


def test_a_place_before_controlled_is_no_owner():
    text = "Beijing-controlled Sinochem is Pirelli's largest shareholder with a 34.1% stake."
    assert rels(text, "en", predicate="SUBSIDIARY_OF") == []


@pytest.mark.parametrize("lang,text", [
    ("en", "Honda and Sony formed a 50/50 joint venture, Sony Honda Mobility, to build cars."),
    ("it", "Honda e Sony hanno creato una joint venture 50/50 che costruirà auto. La nuova azienda, denominata "
           "Sony Honda Mobility, avrà sede a Tokyo."),
    ("fr", "Honda et Sony ont créé une coentreprise à parts égales, Sony Honda Mobility."),
    ("de", "Honda und Sony gründen ein paritätisches Gemeinschaftsunternehmen namens Sony Honda Mobility."),
])
def test_a_fifty_fifty_venture_gives_each_parent_half(lang, text):
    assert stakes(text, lang) == {("Honda", "Sony Honda Mobility", 50), ("Sony", "Sony Honda Mobility", 50)}


@pytest.mark.parametrize("lang,text", [
    ("en", "Honda and Sony are considering a 50/50 joint venture, Sony Honda Mobility."),
    ("it", "Honda e Sony non creeranno una joint venture paritetica, Sony Honda Mobility."),
])
def test_a_fifty_fifty_venture_weighed_or_denied_gives_no_stake(lang, text):
    assert stakes(text, lang) == set()


def subsidiaries(text, lang):
    return {(r["subject"], r["object"]) for r in rels(text, lang, predicate="SUBSIDIARY_OF")}


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "It supplies chips to Continental and SAIC, which owns the MG and Maxus brands.",
     {("MG Motor", "SAIC Motor"), ("Maxus", "SAIC Motor")}),
    ("it", "Stellantis possiede i marchi Fiat, Jeep e Peugeot.",
     {("Fiat", "Stellantis"), ("Jeep", "Stellantis"), ("Peugeot", "Stellantis")}),
    ("fr", "Stellantis, qui possède les marques Fiat et Peugeot, a parlé.", {("Fiat", "Stellantis"), ("Peugeot", "Stellantis")}),
    ("en", "Volkswagen is not taking on Hyundai's Boston Dynamics division.", {("Boston Dynamics", "Hyundai Motor Company")}),
    ("en", "Toyota's Lexus brand sells well in Europe.", {("Lexus", "Toyota")}),
    ("it", "Il marchio Abarth di Stellantis compie 75 anni.", {("Abarth", "Stellantis")}),
    ("fr", "La filiale Saft de TotalEnergies construit l'usine.", {("Saft", "TotalEnergies")}),
    ("de", "Die Marke Skoda von Volkswagen wächst.", {("Skoda", "Volkswagen Group")}),
    ("fr", "Stellantis et TotalEnergies, conjointement avec sa filiale Saft, ont créé ACC.", {("Saft", "TotalEnergies")}),
    ("en", "Stellantis and TotalEnergies, together with its battery subsidiary Saft, created ACC.",
     {("Saft", "TotalEnergies")}),
    ("it", "Stellantis e TotalEnergies, insieme alla sua controllata Saft, hanno creato ACC.", {("Saft", "TotalEnergies")}),
])
def test_units_and_brands_named_beside_their_group(lang, text, expected):
    assert subsidiaries(text, lang) == expected


@pytest.mark.parametrize("lang,text", [
    ("en", "Renault owns 15% of Nissan."),
    ("en", "Cariad is not a subsidiary of Renault."),
    ("it", "Waymo non è una controllata di Renault."),
    ("en", "Renault's Nissan stake is worth less than before."),
    ("it", "Stellantis vende più auto di Renault e Toyota."),
    ("en", "Toyota, Honda and Nissan, rival brands, sell cars in Europe."),
])
def test_no_unit_without_an_ownership_word(lang, text):
    assert subsidiaries(text, lang) == set()


@pytest.mark.parametrize("lang,text,expected", [
    ("de", "Volkswagen arbeitet mit FAW und SAIC zusammen.",
     {("Volkswagen Group", "FAW Group"), ("Volkswagen Group", "SAIC Motor")}),
    ("de", "FAW arbeitet aber auch mit GM zusammen.", {("FAW Group", "General Motors")}),
    ("de", "Bislang hat Audi mit FAW zusammen gearbeitet.", {("Audi", "FAW Group")}),
    ("de", "Mit den beiden chinesischen Autobauern FAW und SAIC unterhält Volkswagen die größten Partnerschaften.",
     {("Volkswagen Group", "FAW Group"), ("Volkswagen Group", "SAIC Motor")}),
    ("it", "Con Geely e Dongfeng, Renault ha stretto alleanze importanti.",
     {("Renault Group", "Geely Holding"), ("Renault Group", "Dongfeng")}),
    ("fr", "Avec Geely et Dongfeng, Renault a noué des partenariats.",
     {("Renault Group", "Geely Holding"), ("Renault Group", "Dongfeng")}),
    ("en", "With Geely and Dongfeng, Renault has formed partnerships in China.",
     {("Renault Group", "Geely Holding"), ("Renault Group", "Dongfeng")}),
])
def test_partners_over_a_coordinated_list_fronted_or_with_a_separable_verb(lang, text, expected):
    assert {p[:2] for p in pairs(text, lang)} == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "With Geely and Dongfeng growing fast, Renault signed a deal with Valeo.", {("Renault Group", "Valeo")}),
    ("de", "Mit BYD und SAIC konkurriert Volkswagen, eine Partnerschaft gibt es nicht.", set()),
    ("de", "Mit den Partnern FAW und SAIC unterhalten die Wolfsburger die größten Partnerschaften.", set()),
    ("de", "Volkswagen arbeitet seit Jahren in China, zusammen mit vielen Händlern.", set()),
    ("en", "With Toyota, Honda and Nissan, Japan has strong carmakers and partnerships are common.", set()),
    ("de", "FAW ist groß. Deutsche Autobauer arbeiten unter anderem mit FAW, SAIC oder BYD zusammen.", set()),
])
def test_companies_listed_side_by_side_are_not_partners_of_one_another(lang, text, expected):
    assert {p[:2] for p in pairs(text, lang)} == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "William Li, founder, chairman and chief executive officer of NIO, said the deal was good.",
     ("William Li", "NIO", "founder, chairman and chief executive officer")),
    ("it", "Izumi Kawanishi, vicepresidente esecutivo di Sony, sarà il presidente della società.",
     ("Izumi Kawanishi", "Sony", "vicepresidente esecutivo")),
    ("it", "Yasuhide Mizuno, attualmente senior managing officer di Honda per le operazioni, sarà presidente.",
     ("Yasuhide Mizuno", "Honda", "senior managing officer")),
    ("fr", "Jean Dupont, vice-président exécutif de Renault, a parlé.", ("Jean Dupont", "Renault Group", "vice-président exécutif")),
    ("de", "Das sagt Jochen Siebert, Geschäftsführer der Unternehmensberatung Zentrix Automotive.",
     ("Jochen Siebert", "Zentrix Automotive", "managing director")),
    ("en", "Jane Doe, CEO of the carmaker Ford, spoke.", ("Jane Doe", "Ford", "CEO")),
])
def test_roles_in_apposition_after_titles_and_descriptions(lang, text, expected):
    assert roles(text, lang) == {expected}


@pytest.mark.parametrize("lang,text", [
    ("en", "Jane Doe, an analyst who covers Ford, spoke."),
    ("it", "Mario Rossi, analista che segue Stellantis, ha parlato."),
    ("de", "Jochen Siebert, ein Kunde von Volkswagen, sagte das."),
])
def test_a_description_without_a_title_gives_no_role(lang, text):
    assert roles(text, lang) == set()


@pytest.mark.parametrize("lang,text", [
    ("en", "With the acquisition of a 10% stake in the E-van business, Renault's share falls."),
    ("it", "Con l'acquisto di una quota nel business E-van, la quota di Renault scende."),
])
def test_a_word_before_business_is_no_company(lang, text):
    assert not [r for r in extract(text, meta=META, lang=lang) if r.get("entity") == "E-van"]


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Panasonic first entered a supply agreement with Tesla in 2009; the company invested $30 million in the "
           "startup.", set()),
    ("it", "Panasonic ha firmato un accordo di fornitura con Tesla nel 2009; la società ha investito 30 milioni nella "
           "startup.", set()),
    ("en", "Panasonic signed a deal with Tesla in 2009 and invested $30 million in Tesla.", {("Panasonic", "Tesla", None)}),
])
def test_an_investor_is_not_sought_across_a_semicolon(lang, text, expected):
    assert stakes(text, lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("it", "Volkswagen ha lanciato una joint venture con il produttore statunitense di veicoli elettrici Rivian.",
     {("Volkswagen Group", "Rivian")}),
    ("en", "Volkswagen announced a deal with the Chinese firm specialising in driving chips Horizon Robotics.",
     {("Volkswagen Group", "Horizon Robotics")}),
    ("it", "DR Automobiles Groupe e Chery rafforzano una collaborazione che dura da vent'anni.",
     {("DR Automobiles Groupe", "Chery")}),
])
def test_a_partner_after_a_long_descriptor_or_named_with_an_acronym(lang, text, expected):
    assert {frozenset(p[:2]) for p in pairs(text, lang)} == {frozenset(e) for e in expected}


@pytest.mark.parametrize("lang,text,owners,venture", [
    ("en", "Toyota and Panasonic said their joint venture Prime Planet Energy will build cells.",
     ("Toyota", "Panasonic"), "Prime Planet Energy"),
    ("it", "Stellantis e CATL hanno presentato la loro joint venture Contemporary Star Energy.",
     ("Stellantis", "CATL"), "Contemporary Star Energy"),
    ("fr", "Stellantis et TotalEnergies ont présenté leur co-entreprise ACC.", ("Stellantis", "TotalEnergies"), "ACC"),
    ("de", "BMW und Brilliance bauen ihr Gemeinschaftsunternehmen BBA aus.", ("BMW", "Brilliance"), "BBA"),
])
def test_their_venture_ties_the_opening_companies_and_gives_each_a_share(lang, text, owners, venture):
    assert {frozenset(p[:2]) for p in pairs(text, lang)} == {frozenset(owners)}
    assert stakes(text, lang) == {(o, venture, None) for o in owners}


@pytest.mark.parametrize("lang,text", [
    ("en", "Toyota and Panasonic said their joint venture with Tesla will build cells."),
    ("en", "Toyota and Panasonic are considering their joint venture Prime Planet Energy."),
    ("it", "Toyota e Panasonic non hanno una loro joint venture."),
])
def test_their_venture_with_another_or_not_yet_gives_no_share(lang, text):
    assert stakes(text, lang) == set()


@pytest.mark.parametrize("lang,text", [
    ("it", "Iveco rappresenta per Tata Motors una mossa strategica. Il gruppo indiano, già proprietario di Jaguar Land "
           "Rover, è ben radicato nel comparto auto."),
    ("en", "Iveco is a strategic move for Tata Motors. The Indian group, already the owner of Jaguar Land Rover, is "
           "well rooted."),
    ("fr", "Iveco est une étape pour Tata Motors. Le groupe indien, déjà propriétaire de Jaguar Land Rover, est bien "
           "implanté."),
    ("de", "Iveco ist ein Schritt für Tata Motors. Der indische Konzern, bereits Eigentümer von Jaguar Land Rover, ist "
           "stark."),
])
def test_an_owner_named_by_a_description(lang, text):
    assert subsidiaries(text, lang) == {("Jaguar Land Rover", "Tata Motors")}


@pytest.mark.parametrize("lang,text", [
    ("en", "Tata Motors and Renault met. The group, the owner of Jaguar Land Rover, is well rooted."),
    ("it", "Tata Motors e Renault si sono incontrate. Il gruppo francese non è proprietario di Jaguar Land Rover."),
])
def test_an_owner_described_ambiguously_or_denied_owns_nothing(lang, text):
    assert subsidiaries(text, lang) == set()


# -- the rules written after the heldout7 run -------------------------------------------------------
@pytest.mark.parametrize("lang,text", [
    ("en", "General Motors formed a joint venture with Shanghai Automotive Industry Corporation in 1997."),
    ("en", "General Motors formed a joint venture with Shanghai Automotive Industry in 1997."),
])
def test_the_long_name_of_saic_resolves_to_saic_motor(lang, text):
    assert {p[:2] for p in pairs(text, lang)} == {("General Motors", "SAIC Motor")}


@pytest.mark.parametrize("lang,text,partners,units", [
    ("it", "Iveco, unità di veicoli industriali della Fiat, e la cinese Chery hanno firmato una joint venture.",
     {("Iveco", "Chery")}, {("Iveco", "Fiat")}),
    ("en", "Cariad, the software unit of Volkswagen, and Qualcomm formed a partnership on chips.",
     {("Cariad", "Qualcomm")}, {("Cariad", "Volkswagen Group")}),
    ("fr", "Saft, filiale de stockage de TotalEnergies, et Stellantis ont signé un partenariat.",
     {("Saft", "Stellantis")}, {("Saft", "TotalEnergies")}),
    ("de", "Cariad, die Softwaretochter von Volkswagen, und Bosch haben eine Kooperation vereinbart.",
     {("Cariad", "Bosch")}, {("Cariad", "Volkswagen Group")}),
    ("it", "Skoda, filiale ceca di Volkswagen, ha siglato un accordo con Geely.",
     {("Skoda", "Geely Holding")}, {("Skoda", "Volkswagen Group")}),
])
def test_a_unit_named_by_apposition_is_not_taken_for_its_group(lang, text, partners, units):
    assert {tuple(sorted(p[:2])) for p in pairs(text, lang)} == {tuple(sorted(p)) for p in partners}
    assert subsidiaries(text, lang) == units


@pytest.mark.parametrize("lang,text", [
    ("it", "Alberto Rossi, responsabile della divisione batterie di Enel, ha parlato con Stellantis."),
    ("en", "Jane Doe, head of the battery unit of Stellantis, met Enel."),
])
def test_a_person_s_post_in_a_unit_is_no_unit(lang, text):
    assert subsidiaries(text, lang) == set()


@pytest.mark.parametrize("lang,text,pair", [
    ("de", "Ford folgt damit dem Vorbild Toyota: Die Japaner hatten bereits ein Gemeinschaftsunternehmen mit "
           "Panasonic gegründet.", None),
    ("en", "Following the example of Toyota, Ford formed a joint venture with Panasonic.", ("Ford", "Panasonic")),
    ("it", "Sull'esempio di Toyota, Ford ha creato una joint venture con Panasonic.", ("Ford", "Panasonic")),
    ("fr", "À l'instar de Toyota, Ford a créé une coentreprise avec Panasonic.", ("Ford", "Panasonic")),
])
def test_a_company_named_as_an_example_is_no_party(lang, text, pair):
    found = {p[:2] for p in pairs(text, lang)}
    assert not any("Toyota" in p for p in found)
    if pair is not None:
        assert found == {pair}


@pytest.mark.parametrize("lang,text,supply", [
    ("it", "Stellantis e CATL hanno firmato un accordo per la fornitura di batterie agli ioni di litio.",
     ("CATL", "Stellantis")),
    ("en", "BMW and CATL signed an agreement for the supply of battery cells.", ("CATL", "BMW")),
    ("fr", "Renault et LG Energy Solution ont signé un accord pour la fourniture de cellules.",
     ("LG Energy Solution", "Renault Group")),
    ("de", "Volkswagen und Gotion haben eine Vereinbarung über die Lieferung von Batteriezellen unterzeichnet.",
     ("Gotion High-Tech", "Volkswagen Group")),
])
def test_a_supply_agreement_between_the_opening_pair_is_supply(lang, text, supply):
    assert pairs(text, lang) == set()
    assert supplies(text, lang) == {supply}


@pytest.mark.parametrize("lang,text", [
    ("en", "BMW and CATL are in talks over an agreement for the supply of battery cells."),
    ("it", "Stellantis e Renault hanno firmato un accordo per la fornitura di motori."),  # who sells goes unsaid
    ("it", "Stellantis e CATL non hanno firmato un accordo per la fornitura di batterie."),
])
def test_a_supply_agreement_talked_of_denied_or_between_peers_gives_no_supply(lang, text):
    assert supplies(text, lang) == set()


@pytest.mark.parametrize("lang,text,stake", [
    ("en", "Saab is to be acquired by Swedish carmaker Koenigsegg.", ("Koenigsegg", "Saab", None)),
    ("en", "Zentrix was sold to the Chinese carmaker Geely in 2010.", ("Geely Holding", "Zentrix", None)),
    ("en", "Nissan agreed to sell the Datsun brand to Dongfeng last week.", ("Dongfeng", "Datsun", None)),
    ("it", "Stellantis ha deciso di cedere Maserati a Geely.", ("Geely Holding", "Maserati", None)),
    ("it", "Maserati sarà ceduta a Geely entro l'anno.", ("Geely Holding", "Maserati", None)),
    ("fr", "Renault va vendre sa filiale Alpine à Geely.", ("Geely Holding", "Alpine", None)),
    ("de", "Renault wird Dacia an Geely verkaufen.", ("Geely Holding", "Dacia", None)),
])
def test_a_sale_gives_the_buyer_a_stake(lang, text, stake):
    assert stake in stakes(text, lang)
    assert not any(s[0] in ("Stellantis", "Renault Group", "Nissan") for s in stakes(text, lang))


@pytest.mark.parametrize("lang,text", [
    ("en", "BMW did not sell Rover to Nanjing Automobile."),
    ("en", "Ford sold the plant to Tesla."),
    ("it", "Stellantis vende auto a Geely."),
])
def test_no_sale_gives_no_stake(lang, text):
    assert stakes(text, lang) == set()


@pytest.mark.parametrize("lang,text,holders,target", [
    ("fr", "Stellantis, TotalEnergies et Mercedes-Benz détiennent désormais ACC, une société de batteries.",
     {"Stellantis", "TotalEnergies", "Mercedes-Benz Group"}, "ACC"),
    ("en", "Toyota and Denso jointly own Zentrix, the chip maker.", {"Toyota", "Denso"}, "Zentrix"),
    ("fr", "ACC, dédiée aux batteries, compte trois actionnaires à parts égales : Stellantis, TotalEnergies et "
           "Mercedes-Benz.", {"Stellantis", "TotalEnergies", "Mercedes-Benz Group"}, "ACC"),
    ("en", "The shareholders of ACC are Stellantis, TotalEnergies and Mercedes-Benz.",
     {"Stellantis", "TotalEnergies", "Mercedes-Benz Group"}, "ACC"),
    ("it", "Gli azionisti di ACC sono Stellantis, TotalEnergies e Mercedes-Benz.",
     {"Stellantis", "TotalEnergies", "Mercedes-Benz Group"}, "ACC"),
    ("de", "Die Aktionäre von ACC sind Stellantis und TotalEnergies.", {"Stellantis", "TotalEnergies"}, "ACC"),
])
def test_several_holders_of_one_company_each_hold_a_share(lang, text, holders, target):
    assert stakes(text, lang) == {(h, target, None) for h in holders}
    assert subsidiaries(text, lang) == set()  # joint owners: none owns it alone


@pytest.mark.parametrize("lang,text", [
    ("en", "Stellantis and TotalEnergies do not own ACC."),
    ("fr", "Stellantis et TotalEnergies étudient s'ils détiennent ACC."),
    ("en", "Toyota and Honda have ended talks; they own no stake."),
])
def test_holders_denied_or_weighed_hold_nothing(lang, text):
    assert stakes(text, lang) == set()


@pytest.mark.parametrize("lang,text,expected", [
    ("de", "Mercedes-Benz und Stellantis (u.a. Fiat, Peugeot, Chrysler) bauen künftig gemeinsam Batteriezellen.",
     {("Fiat", "Stellantis"), ("Peugeot", "Stellantis"), ("Chrysler", "Stellantis")}),
    ("it", "Stellantis (Fiat, Peugeot e Jeep) ha venduto più auto.",
     {("Fiat", "Stellantis"), ("Peugeot", "Stellantis"), ("Jeep", "Stellantis")}),
    ("en", "Volkswagen (including Audi) sold more cars.", {("Audi", "Volkswagen Group")}),
    ("fr", "La coentreprise a été formée par TotalEnergies et Stellantis (dont fait partie l'allemand Opel).",
     {("Opel", "Stellantis")}),
    ("de", "Saft, der seit Jahren zu TotalEnergies gehört, baut Zellen.", {("Saft", "TotalEnergies")}),
])
def test_units_in_a_parenthesis_or_a_relative_after_their_group(lang, text, expected):
    assert subsidiaries(text, lang) == expected


@pytest.mark.parametrize("lang,text", [
    ("en", "Veoneer (VNE.N) and Qualcomm signed a deal."),
    ("en", "Toyota (Japan) and Honda (Japan) sold more cars."),
    ("it", "Stellantis (con Renault) ha venduto più auto."),
])
def test_a_parenthesis_without_a_list_of_brands_gives_no_unit(lang, text):
    assert subsidiaries(text, lang) == set()


@pytest.mark.parametrize("lang,text,supply", [
    ("en", "Panasonic currently holds the exclusive contract for producing Tesla's battery cells.", ("Panasonic", "Tesla")),
    ("it", "LG Energy Solution produce le batterie di General Motors in Ohio.", ("LG Energy Solution", "General Motors")),
    ("fr", "Honda a présenté son plan. Il achètera également des batteries à la société chinoise CATL jusqu'en 2030.",
     ("CATL", "Honda")),
    ("en", "Honda presented its plan. It will also buy battery cells from the Chinese supplier CATL until 2030.",
     ("CATL", "Honda")),
])
def test_supply_of_a_named_customer_s_goods_or_bought_by_it(lang, text, supply):
    assert supplies(text, lang) == {supply}


@pytest.mark.parametrize("lang,text", [
    ("en", "Honda presented its plan. It does not buy cells from CATL."),
    ("fr", "Honda a présenté son plan. Elle n'achète pas de batteries à CATL."),
    ("en", "Honda presented its plan. It bought shares from CATL."),
    ("en", "Toyota and Honda met. It buys cells from CATL."),  # which one buys goes unsaid
])
def test_no_supply_denied_of_shares_or_to_an_unclear_buyer(lang, text):
    assert supplies(text, lang) == set()


@pytest.mark.parametrize("lang,text,expected", [
    ("it", "I candidati sono due: Mario Rossi, responsabile del marchio Jeep e Paolo Bianchi, ad di Magneti Marelli.",
     {("Mario Rossi", "Jeep", "responsabile"), ("Paolo Bianchi", "Marelli", "CEO")}),
    ("it", "Si parla della successione dell'amministratore delegato Mario Bianchi. Bianchi ha 60 anni. Oggi è "
           "amministratore delegato di Ferrari, Maserati e presidente di Iveco; è anche presidente di Exor.",
     {("Mario Bianchi", "Ferrari", "CEO"), ("Mario Bianchi", "Maserati", "CEO"), ("Mario Bianchi", "Iveco", "president"),
      ("Mario Bianchi", "Exor", "president")}),
    ("en", "The board met CEO Jane Doe on Monday. Doe joined in 2010. She is also chairman of Ferrari and Maserati.",
     {("Jane Doe", "Ferrari", "chairman"), ("Jane Doe", "Maserati", "chairman")}),
    ("fr", "Le conseil a reçu le PDG Jean Martin. Martin a 58 ans. Il est aussi président de Valeo et de Forvia.",
     {("Jean Martin", "Valeo", "president"), ("Jean Martin", "Forvia", "president")}),
    ("de", "Der Rat traf Vorstandschef Hans Weber. Weber ist 60 Jahre alt. Er ist auch Präsident von Bosch.",
     {("Hans Weber", "Bosch", "president")}),
])
def test_roles_of_several_managers_and_of_the_person_just_named(lang, text, expected):
    assert roles(text, lang) == expected


@pytest.mark.parametrize("lang,text", [
    ("en", "The board met CEO Jane Doe on Monday. The new boss is chairman of Ferrari."),
    ("it", "Jane Doe ha incontrato Renault. Mario Rossi ha parlato. Oggi non è presidente di Ferrari."),
    ("it", "Stellantis ha venduto ad Amazon cento furgoni."),
])
def test_no_role_for_an_unnamed_or_denied_subject(lang, text):
    assert roles(text, lang) == set()


def test_an_alliance_named_alone_is_no_partner_of_the_company_the_text_is_about():
    text = ("Sunwoda fabrique des batteries. Sunwoda travaillera en collaboration avec Nissan. L'alliance "
            "Renault-Nissan-Mitsubishi est un ensemble d'entreprises qui peuvent nouer des partenariats avec des tiers.")
    found = {frozenset(p[:2]) for p in pairs(text, "fr")}
    assert frozenset({"Sunwoda", "Nissan"}) in found
    assert not any("Sunwoda" in p for p in found - {frozenset({"Sunwoda", "Nissan"})})


@pytest.mark.parametrize("lang,text,partners,units", [
    ("it", "FIAT Iveco lascia la cinese Chery e prepara nuove alleanze.", {("Iveco", "Chery")}, {("Iveco", "Fiat")}),
    ("en", "Volkswagen Audi signed a deal with Panasonic.", {("Audi", "Panasonic")}, {("Audi", "Volkswagen Group")}),
])
def test_a_group_written_before_its_unit_is_not_the_party(lang, text, partners, units):
    assert {p[:2] for p in pairs(text, lang)} == partners
    assert subsidiaries(text, lang) == units


@pytest.mark.parametrize("lang,text", [
    ("en", "Renault, Nissan and Mitsubishi signed a deal."),
    ("en", "Nissan Renault Mitsubishi signed a deal."),  # three names in a row: no group and unit
    ("it", "Lo ha detto Toyota Motor Europe ieri."),
])
def test_names_side_by_side_without_a_group_and_its_unit(lang, text):
    assert subsidiaries(text, lang) == set()


@pytest.mark.parametrize("lang,text", [
    ("it", "La mossa di Iveco spiana la strada verso una nuova alleanza con SAIC."),
    ("en", "The move paves the way for an alliance between Iveco and SAIC."),
    ("fr", "Cette décision ouvre la voie à une alliance entre Iveco et SAIC."),
    ("de", "Der Schritt ebnet den Weg für eine Allianz zwischen Iveco und SAIC."),
])
def test_a_tie_the_way_is_paved_for_is_prospective(lang, text):
    assert pairs(text, lang) == {("Iveco", "SAIC Motor", "prospective")}


@pytest.mark.parametrize("lang,text", [
    ("fr", "Toyota va prendre une participation de 5 % dans le capital de Mazda. Le duo va collaborer dans les "
           "voitures électriques."),
    ("en", "Toyota will take a 5% stake in Mazda. The duo will cooperate on electric cars."),
    ("it", "Toyota prenderà una partecipazione del 5% in Mazda. Il duo collaborerà sulle auto elettriche."),
    ("de", "Toyota übernimmt 5 Prozent an Mazda. Das Duo will bei Elektroautos kooperieren."),
])
def test_the_duo_after_a_stake_is_the_pair(lang, text):
    assert {p[:2] for p in pairs(text, lang)} == {("Toyota", "Mazda")}


def test_a_duo_of_others_is_no_tie():
    assert pairs("Toyota will take a 5% stake in Mazda. The duo of analysts said it would not last.", "en") == set()


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Ford executives said the automaker plans to cut the number of chips it needs and that it has partnered "
           "with a number of chip companies, including Qualcomm, TSMC and Renesas.",
     {("Ford", "Qualcomm", "active"), ("Ford", "TSMC", "active"), ("Ford", "Renesas", "active")}),
    ("it", "Ford ha stretto accordi con diverse aziende di chip, tra cui Qualcomm e Renesas.",
     {("Ford", "Qualcomm", "active"), ("Ford", "Renesas", "active")}),
    ("fr", "Ford a noué des partenariats avec plusieurs fabricants de puces, dont Qualcomm et Renesas.",
     {("Ford", "Qualcomm", "active"), ("Ford", "Renesas", "active")}),
    ("de", "Ford hat Partnerschaften mit mehreren Chipherstellern geschlossen, darunter Qualcomm und Renesas.",
     {("Ford", "Qualcomm", "active"), ("Ford", "Renesas", "active")}),
])
def test_partners_listed_after_with_and_including(lang, text, expected):
    assert pairs(text, lang) == expected


@pytest.mark.parametrize("lang,text", [
    ("en", "Ford competes with a number of carmakers, including Toyota and Honda."),
    ("it", "Ford non ha stretto accordi con aziende di chip, tra cui Qualcomm e Renesas."),
])
def test_a_list_after_with_and_including_without_a_tie_gives_none(lang, text):
    assert pairs(text, lang) == set()


@pytest.mark.parametrize("lang,text,pair", [
    ("de", "Cariad hat eine Chipkooperation mit STMicroelectronics verkündet.", ("Cariad", "STMicroelectronics")),
    ("de", "Bosch und Renesas haben eine Softwarepartnerschaft vereinbart.", ("Bosch", "Renesas")),
])
def test_german_compounds_of_a_tie_word(lang, text, pair):
    assert {p[:2] for p in pairs(text, lang)} == {pair}


@pytest.mark.parametrize("lang,text,expected", [
    ("it", "Mario Rossi, Ceo del Gruppo franco-italo-americano, ha dichiarato: \"Questo accordo con CATL è importante\".",
     set()),
    ("en", "Mario Rossi, CEO of the Sino-Japanese group, said the deal with Renault matters.", set()),
    ("it", "Mario Rossi, Ceo del gruppo giapponese, ha detto: \"Questo accordo con Toyota è importante\".",
     {("Mario Rossi", "Toyota", "CEO")}),
])
def test_a_compound_nationality_picks_no_company_of_another_country(lang, text, expected):
    assert roles(text, lang) == expected


@pytest.mark.parametrize("lang,text,holders", [
    ("de", "Dazu beteiligt sich Mercedes mit einem Drittel am Gemeinschaftsunternehmen ACC, an dem Stellantis und der "
           "Energiekonzern TotalEnergies je ein Drittel halten.", {"Mercedes-Benz Group", "Stellantis", "TotalEnergies"}),
    ("de", "Mercedes beteiligt sich mit einem Drittel an ACC.", {"Mercedes-Benz Group"}),
    ("en", "ACC, in which Stellantis and TotalEnergies hold equal shares, builds cells.", {"Stellantis", "TotalEnergies"}),
    ("it", "ACC, nella quale Stellantis e TotalEnergies detengono quote uguali, produce celle.",
     {"Stellantis", "TotalEnergies"}),
    ("fr", "ACC, dans laquelle Stellantis et TotalEnergies détiennent des parts égales, produit des cellules.",
     {"Stellantis", "TotalEnergies"}),
])
def test_holders_in_a_relative_clause_or_taking_part(lang, text, holders):
    assert stakes(text, lang) == {(h, "ACC", None) for h in holders}


@pytest.mark.parametrize("lang,text", [
    ("de", "Mercedes beteiligt sich nicht an ACC."),
    ("en", "ACC, in which Stellantis and TotalEnergies do not hold shares, builds cells."),
])
def test_holders_denied_in_german_word_order_or_a_relative_hold_nothing(lang, text):
    assert stakes(text, lang) == set()


@pytest.mark.parametrize("lang,text,expected", [
    ("de", "Das sagte Daimler-Konzernchef Ola Källenius im Gespräch.", {("Ola Källenius", "Mercedes-Benz Group", "CEO")}),
    ("de", "BMW-Finanzchef Walter Mertl sprach über Zahlen.", {("Walter Mertl", "BMW", "CFO")}),
])
def test_german_compound_titles_with_the_company_written_in(lang, text, expected):
    assert roles(text, lang) == expected


def test_a_group_word_between_the_group_and_the_parenthesis():
    text = "La coentreprise a été formée par TotalEnergies et PSA Groupe (dont fait partie l'allemand Opel)."
    assert subsidiaries(text, "fr") == {("Opel", "Stellantis")}


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Stellantis, led by CEO Carlos Tavares, signed a deal with CATL.", {("Carlos Tavares", "Stellantis", "CEO")}),
    ("it", "Renault parla. Il gruppo automobilistico nato dalla fusione di due marchi e guidato a livello globale dal "
           "CEO Luca de Meo ha siglato una partnership con Geely.", {("Luca de Meo", "Renault Group", "CEO")}),
    ("fr", "Renault a parlé. Le groupe, dirigé par Luca de Meo, a signé un accord avec Geely.",
     {("Luca de Meo", "Renault Group", "head")}),
    ("de", "„Wir gestalten die Lieferkette“, teilt Hans Weber, VW-Einkaufsvorstand, mit.",
     {("Hans Weber", "Volkswagen Group", "einkaufsvorstand")}),
    ("de", "BMW-Finanzvorstand Walter Mertl sprach über Zahlen.", {("Walter Mertl", "BMW", "CFO")}),
])
def test_the_head_a_company_is_led_by_and_german_board_titles(lang, text, expected):
    assert roles(text, lang) == expected


@pytest.mark.parametrize("lang,text", [
    ("en", "The talks were led by analysts at Morgan Stanley."),
    ("de", "Der Vorstand von BMW tagte am Montag."),
    ("en", "Renault spoke. The group, not led by Luca de Meo any more, signed a deal."),
])
def test_no_head_without_a_company_or_a_person(lang, text):
    assert roles(text, lang) == set()


# -- the rules written after the heldout8 run -------------------------------------------------------
@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Volkswagen will share the platform with its brands Audi, Skoda and SEAT.",
     {("Audi", "Volkswagen Group"), ("Skoda", "Volkswagen Group"), ("SEAT", "Volkswagen Group")}),
    ("en", "Stellantis's brands Lancia and Abarth will get new models.",
     {("Lancia", "Stellantis"), ("Abarth", "Stellantis")}),
    ("en", "Bentley and Bugatti belong to Volkswagen.", {("Bentley", "Volkswagen Group"), ("Bugatti", "Volkswagen Group")}),
    ("fr", "Volkswagen présentera demain ses marques Audi, Skoda et SEAT.",
     {("Audi", "Volkswagen Group"), ("Skoda", "Volkswagen Group"), ("SEAT", "Volkswagen Group")}),
    ("fr", "Lancia et Abarth font partie du groupe Stellantis.", {("Lancia", "Stellantis"), ("Abarth", "Stellantis")}),
    ("it", "Stellantis ha rilanciato i suoi marchi Lancia e Abarth.", {("Lancia", "Stellantis"), ("Abarth", "Stellantis")}),
    ("it", "Maserati fa parte del gruppo Stellantis.", {("Maserati", "Stellantis")}),
    ("de", "Zu Volkswagen gehören inzwischen die Marken Bentley, Bugatti und Lamborghini sowie der Lkw-Hersteller Scania.",
     {("Bentley", "Volkswagen Group"), ("Bugatti", "Volkswagen Group"), ("Lamborghini", "Volkswagen Group"),
      ("Scania", "Volkswagen Group")}),
    ("de", "Zum britischen Hersteller BMW gehört auch die Marke Rolls-Royce.", {("Rolls-Royce", "BMW")}),
    ("de", "Die Stellantis-Marken Lancia und Abarth bekommen neue Modelle.",
     {("Lancia", "Stellantis"), ("Abarth", "Stellantis")}),
])
def test_units_listed_with_their_group(lang, text, expected):
    assert subsidiaries(text, lang) == expected


@pytest.mark.parametrize("lang,text", [
    ("en", "Bentley and Bugatti do not belong to BMW."),
    ("it", "Maserati non fa parte del gruppo Ferrari."),
    ("de", "Bentley und Bugatti gehören nicht zu BMW."),
    ("en", "Volkswagen and BMW sell cars under many brands."),  # no unit named
    ("fr", "Renault et Stellantis ont présenté leurs voitures, Audi et Skoda aussi."),
])
def test_no_unit_without_a_stated_tie(lang, text):
    assert subsidiaries(text, lang) == set()


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "The partners include Toyota's hydrogen unit Hylotrax Power, the company said.", {("Hylotrax Power", "Toyota")}),
    ("en", "Nissan's own premium brand, Velaro, will be sold in Europe.", {("Velaro", "Nissan")}),
    ("fr", "Renault a annoncé en 2023 la création de la filiale Corvane, dédiée au logiciel.", {("Corvane", "Renault Group")}),
    ("en", "Ford set up a new unit, Brelton Energy, to build batteries.", {("Brelton Energy", "Ford")}),
    ("fr", "Forvia veut suivre les traces de sa maison mère Stellantis en Chine.", {("Forvia", "Stellantis")}),
    ("en", "Valeo and its parent company Renault opened a plant.", {("Valeo", "Renault Group")}),
    ("de", "Der Volkswagen-Mutterkonzern Porsche hält die Mehrheit.", {("Volkswagen Group", "Porsche")}),
])
def test_a_unit_named_after_its_group_s_possessive_or_set_up_by_it(lang, text, expected):
    assert subsidiaries(text, lang) == expected


@pytest.mark.parametrize("lang,text", [
    ("en", "Ford plans to set up a new unit, Brelton Energy, next year."),
    ("fr", "Renault n'a pas créé la filiale Corvane."),
])
def test_a_unit_only_planned_or_denied_is_none(lang, text):
    assert subsidiaries(text, lang) == set()


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Ford sources its battery cells from CATL, LG Energy Solution and SK On.",
     {("CATL", "Ford"), ("LG Energy Solution", "Ford"), ("SK On", "Ford")}),
    ("en", "Ford buys battery cells from several suppliers, including CATL and SK On.", {("CATL", "Ford"), ("SK On", "Ford")}),
    ("de", "BMW bezieht Batteriezellen von CATL, EVE Energy und Samsung SDI.",
     {("CATL", "BMW"), ("EVE Energy", "BMW"), ("Samsung SDI", "BMW")}),
    ("de", "Mercedes bezieht von mehreren Zulieferern Zellen, namentlich vom chinesischen Anbieter CATL und dem "
           "koreanischen Anbieter Samsung SDI.", {("CATL", "Mercedes-Benz Group"), ("Samsung SDI", "Mercedes-Benz Group")}),
    ("de", "CATL soll BMW ab 2026 mit Rundzellen beliefern.", {("CATL", "BMW")}),
    ("it", "Stellantis acquista celle da CATL e Samsung SDI.", {("CATL", "Stellantis"), ("Samsung SDI", "Stellantis")}),
    ("fr", "Renault achète des cellules à LG Energy Solution et Samsung SDI.",
     {("LG Energy Solution", "Renault Group"), ("Samsung SDI", "Renault Group")}),
    # a new clause after the seller: Toyota sells nothing
    ("en", "Ford buys cells from CATL, and Toyota said it would build its own.", {("CATL", "Ford")}),
])
def test_every_seller_of_a_list_supplies_the_buyer(lang, text, expected):
    assert supplies(text, lang) == expected


@pytest.mark.parametrize("lang,text", [
    ("de", "CATL wird BMW nicht mit Zellen beliefern."),
    ("en", "Ford does not buy battery cells from CATL, LG Energy Solution or SK On."),
])
def test_a_denied_supply_list_gives_none(lang, text):
    assert supplies(text, lang) == set()


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Nissan's 15% in Renault will be cut to 10%.", {("Nissan", "Renault Group", 15)}),
    ("en", "Rivian is backed by Amazon and Ford.", {("Amazon", "Rivian", None), ("Ford", "Rivian", None)}),
    ("en", "Rivian's financial backers include Amazon, Ford and Cox Automotive.",
     {("Amazon", "Rivian", None), ("Ford", "Rivian", None), ("Cox Automotive", "Rivian", None)}),
    ("it", "Rivian è sostenuta da Amazon e Ford.", {("Amazon", "Rivian", None), ("Ford", "Rivian", None)}),
    ("fr", "Les actionnaires de Rivian sont Amazon et Ford.", {("Amazon", "Rivian", None), ("Ford", "Rivian", None)}),
    ("fr", "Rivian est soutenue par Amazon et Ford.", {("Amazon", "Rivian", None), ("Ford", "Rivian", None)}),
    ("de", "Rivian wird von Amazon und Ford finanziert.", set()),  # the verb after the names: not read
])
def test_a_holding_stated_by_its_percentage_or_by_the_backers(lang, text, expected):
    assert stakes(text, lang) == expected


@pytest.mark.parametrize("lang,text", [
    ("en", "Nissan is reportedly in talks to invest $400 million in Fisker."),
    ("en", "Rivian is not backed by Ford."),
    ("it", "Nissan è in trattative per investire 400 milioni in Fisker."),
    ("fr", "Nissan est en négociation pour investir 400 millions dans Fisker."),
    ("en", "Rivian could be backed by Amazon and Ford."),
])
def test_an_investment_only_talked_of_or_denied_is_no_stake(lang, text):
    assert stakes(text, lang) == set()


@pytest.mark.parametrize("lang,text,expected", [
    ("it", "Renault e Nisssan hanno firmato una nuova alleanza.", {("Nissan", "Renault Group")}),
    ("en", "Mazda and Toyotta announced a joint venture.", {("Mazda", "Toyota")}),
])
def test_a_known_name_with_a_letter_doubled_is_that_company(lang, text, expected):
    assert {tuple(sorted(p[:2])) for p in pairs(text, lang)} == expected
    assert not any(r.get("entity") in ("Nisssan", "Toyotta") for r in extract(text, meta=META, lang=lang))


@pytest.mark.parametrize("lang,text", [
    ("en", "A spokesman for Volkswagen said the Germancarmaker wanted to keep its stake in Suzuki."),
    ("en", "Nissan said the Japaneseautomaker would keep its stake in Renault."),
])
def test_a_description_with_its_space_lost_is_no_company(lang, text):
    assert not any(r.get("entity", "").casefold().endswith(("carmaker", "automaker"))
                   for r in extract(text, meta=META, lang=lang))


@pytest.mark.parametrize("lang,text", [
    ("en", "Xiaomi's plans may get a jumpstart via the acquisition of a stake in Nio."),
    ("it", "Secondo Reuters, Xiaomi potrebbe acquisire una quota di Nio."),
    ("fr", "Xiaomi pourrait acquérir une participation dans Nio."),
])
def test_an_acquisition_that_may_come_is_no_stake(lang, text):
    assert stakes(text, lang) == set()


def test_an_acquisition_made_is_still_a_stake():
    assert stakes("Xiaomi acquired a 10% stake in Nio in May.", "en") == {("Xiaomi", "NIO", 10)}


@pytest.mark.parametrize("lang,text,expected", [
    ("de", "Zudem übernahm VW Ende 2009 knapp 50 Prozent von Porsche.", {("Volkswagen Group", "Porsche", 50)}),
    ("de", "Geely hält 9,7 Prozent der Anteile an Daimler.", {("Geely Holding", "Mercedes-Benz Group", 9.7)}),
    ("de", "Damit hält Toyota 5 Prozent an Mazda.", {("Toyota", "Mazda", 5)}),
    ("de", "Geely hält keine 9,7 Prozent an Daimler.", set()),
])
def test_german_stakes_in_either_word_order(lang, text, expected):
    assert stakes(text, lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Toyota will hold 45 percent of the joint venture Primeco, Denso 35 percent and Aisin 20 percent.",
     {("Aisin", "Denso"), ("Aisin", "Toyota"), ("Denso", "Toyota")}),
    ("fr", "Renault détient 60 % de la coentreprise Primeco et Valeo 40 %.", {("Renault Group", "Valeo")}),
    ("it", "Renault detiene il 60% della joint venture Primeco e Valeo il 40%.", {("Renault Group", "Valeo")}),
    ("de", "Renault hält 60 Prozent an dem Gemeinschaftsunternehmen Primeco, Valeo 40 Prozent.", {("Renault Group", "Valeo")}),
    # shareholders of a company that is no joint venture are no partners
    ("en", "Camfin holds 14 percent of Pirelli and Sinochem 37 percent.", set()),
])
def test_the_owners_of_a_joint_venture_are_partners(lang, text, expected):
    assert {tuple(sorted(p[:2])) for p in pairs(text, lang)} == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("fr", "Volkswagen fournira des composants communs à plusieurs modèles électriques de ses marques Audi et Skoda.",
     {("Audi", "Volkswagen Group"), ("Skoda", "Volkswagen Group")}),
    ("fr", "Renault s'est lancé dans un projet de logiciels avec la création de la filiale Corvane.",
     {("Corvane", "Renault Group")}),
    ("de", "BMW kooperiert mit dem französischen PSA-Konzern (Peugeot, Citroën).",
     {("Peugeot", "Stellantis"), ("Citroën", "Stellantis")}),
    ("it", "Ampere, la nuova società di veicoli elettrici fondata da Renault, assumerà mille ingegneri.",
     {("Ampere", "Renault Group")}),
    ("en", "Cruise, a self-driving company set up by General Motors, will grow.", {("Cruise", "General Motors")}),
    ("fr", "Lynk&Co, nouvelle marque de Geely, arrive en Europe.", {("Lynk & Co", "Geely Holding")}),
])
def test_more_units_named_with_their_group(lang, text, expected):
    assert subsidiaries(text, lang) == expected


@pytest.mark.parametrize("lang,text", [
    ("en", "Flexis, a company founded by Renault and Volvo, will make vans."),  # two founders: a joint venture
    ("it", "Ampere, la società che non è stata fondata da Renault, assumerà ingegneri."),
])
def test_a_company_founded_by_two_or_denied_is_no_unit(lang, text):
    assert subsidiaries(text, lang) == set()


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Volkswagen plans a battery plant. It has also secured long-term supply contracts with Korean battery "
           "maker SK On.", {("SK On", "Volkswagen Group")}),
    ("fr", "Renault prépare sa voiture. Elle a signé un contrat de fourniture avec LG Energy Solution.",
     {("LG Energy Solution", "Renault Group")}),
    ("en", "Volkswagen plans a plant. It has signed a supply contract with Toyota.", set()),  # no supplier's sector
    ("en", "CATL plans a plant. It has signed a supply contract with Samsung SDI.", set()),  # both suppliers
    ("en", "Volkswagen plans a plant. It has not signed a supply contract with SK On.", set()),
])
def test_a_supply_deal_signed_by_it_with_a_named_supplier(lang, text, expected):
    assert supplies(text, lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("de", "Die geplante Fusion von Fiat und Renault wurde abgeblasen.", {("Fiat", "Renault Group", "ended")}),
    ("de", "Die Kooperation von Ford und Mazda ist geplatzt.", {("Ford", "Mazda", "ended")}),
    ("fr", "Geely, déjà partenaire de Renault, discute avec Volvo.", {("Geely Holding", "Renault Group", "active")}),
    ("fr", "Geely déjà partenaire de Renault discute avec Volvo.", {("Geely Holding", "Renault Group", "active")}),
    ("de", "Geely ist bereits Partner von Renault.", {("Geely Holding", "Renault Group", "active")}),
    ("it", "Geely, già partner di Renault, tratta con Volvo.", {("Geely Holding", "Renault Group", "active")}),
    ("it", "Geely non è già partner di Renault.", set()),
    ("en", "Geely is partner of choice for many, said Renault.", set()),  # no word that ties the two
])
def test_a_partner_named_with_already_and_german_words_for_a_tie_called_off(lang, text, expected):
    assert {(*sorted(p[:2]), p[2]) for p in pairs(text, lang)} == expected


def test_a_german_percentage_written_as_an_adjective():
    assert stakes("VW hielt bislang eine 20-prozentige Beteiligung an Suzuki.", "de") == {("Volkswagen Group", "Suzuki", 20)}


@pytest.mark.parametrize("text", [
    "Kia baut ein Werk in Georgia. „Das ist ein großer Schritt“, sagte Vorstandschef Ho Sung Song.",
    "Kia baut ein Werk in Georgia. »Das ist ein großer Schritt«, sagte Vorstandschef Ho Sung Song.",
])
def test_a_german_quote_opens_a_sentence_of_its_own(text):
    [first, second] = [text[a:b] for a, b in split_sentences(text)]
    assert first == "Kia baut ein Werk in Georgia." and second.startswith(("„", "»"))
    [r] = rels(text, predicate="WORKS_FOR")
    assert (r["subject"], r["object"], r["role"]) == ("Ho Sung Song", "Kia", "CEO")


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Ford is in talks about a supply agreement with SK On.", set()),
    ("it", "Ford è in trattativa per un accordo di fornitura con SK On.", set()),
    ("en", "Ford signed a supply agreement with SK On.", {("SK On", "Ford")}),
    ("it", "Ford ha firmato un accordo di fornitura con SK On.", {("SK On", "Ford")}),
    ("fr", "Ford a signé un contrat d'approvisionnement avec SK On.", {("SK On", "Ford")}),
    ("de", "Ford hat einen Liefervertrag mit SK On unterzeichnet.", {("SK On", "Ford")}),
    ("en", "SK On will supply batteries to Ford.", {("SK On", "Ford")}),
])
def test_a_supply_deal_in_talks_is_none_and_a_signed_one_runs_one_way(lang, text, expected):
    assert supplies(text, lang) == expected


# -- subsidiaries --
@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Mazda works with Opel, which is part of Stellantis, on vans.", {("Opel", "Stellantis")}),
    ("en", "Kia builds cars with Opel, which is not part of Stellantis.", set()),
    ("it", "La joint venture è tra Saft e Opel (che fa parte del gruppo Stellantis).", {("Opel", "Stellantis")}),
    ("it", "Opel, che non fa parte del gruppo Stellantis, produce auto.", set()),
    ("fr", "Opel, qui fait partie du groupe Stellantis, construit des voitures.", {("Opel", "Stellantis")}),
    ("de", "Ford arbeitet nicht mehr mit Land Rover, das früher zu BMW und heute zu Tata Motors gehört.",
     {("Land Rover", "Tata Motors")}),
    ("de", "Opel, das heute zu Stellantis gehört, baut Autos in Rüsselsheim.", {("Opel", "Stellantis")}),
    ("de", "Mit Land-Rover, das früher zu BMW und heute zu Tata gehört, arbeitet Ford.", {("Land Rover", "Tata Motors")}),
    ("en", "Opel and Stellantis signed a supply deal.", set()),
])
def test_a_group_named_in_a_relative_clause_after_its_unit(lang, text, expected):
    assert subsidiaries(text, lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Stellantis, home to brands such as Jeep and Chrysler, signed a deal with Leapmotor.",
     {("Jeep", "Stellantis"), ("Chrysler", "Stellantis")}),
    ("it", "Stellantis, casa di marchi come Fiat e Jeep, ha firmato un accordo con Leapmotor.",
     {("Fiat", "Stellantis"), ("Jeep", "Stellantis")}),
    ("fr", "Stellantis, qui regroupe des marques comme Peugeot et Fiat, investit en Chine.",
     {("Peugeot", "Stellantis"), ("Fiat", "Stellantis")}),
    ("en", "Stellantis, like Toyota and Honda, is investing in batteries.", set()),
])
def test_the_brands_a_group_is_home_to(lang, text, expected):
    assert subsidiaries(text, lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Tesla purchased the German startup Grohmann Automation in 2016.", {("Grohmann Automation", "Tesla")}),
    ("en", "Tesla bought battery maker Maxwell Technologies in May and equipment maker HiBar in October.",
     {("Maxwell Technologies", "Tesla"), ("HiBar", "Tesla")}),
    ("en", "Tesla bought a 10% stake in Rivian.", set()),
    ("en", "Ford bought cells from CATL last year.", set()),
    ("en", "Ford has not acquired Rivian.", set()),
    ("en", "Ford could have acquired Rivian.", set()),
    ("fr", "Panasonic est fort, surtout après avoir absorbé il y a plusieurs années son compatriote Nissan.",
     {("Nissan", "Panasonic")}),
    ("fr", "Renault n'a pas racheté Nissan.", set()),
    ("it", "ZF ha rilevato il fornitore americano Wabco.", {("Wabco", "ZF")}),
    ("it", "ZF non ha acquisito Wabco.", set()),
    ("de", "PSA hat Opel im Jahr 2017 übernommen.", {("Opel", "Stellantis")}),
    ("de", "PSA übernahm den Autobauer Opel.", {("Opel", "Stellantis")}),
    ("de", "PSA will Opel übernehmen.", set()),
    ("de", "PSA übernahm 20 Prozent an Opel.", set()),
])
def test_a_takeover_done_makes_the_company_bought_a_unit_of_the_buyer(lang, text, expected):
    assert subsidiaries(text, lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("fr", "La coentreprise a été formée par Total, via sa filiale Saft, et PSA.", {("Saft", "Total")}),
    ("it", "Via libera all'impegno comune di Psa e di Total (attraverso la sua filiale Saft) per le batterie.",
     {("Saft", "Total")}),
    ("en", "PSA formed a venture with Saft, and Total (Saft's parent company) formed one with Tianneng.",
     {("Saft", "Total")}),
    ("en", "Total sales (units) rose while Saft kept its prices.", set()),
])
def test_a_common_word_named_as_a_units_owner_is_a_company(lang, text, expected):
    assert subsidiaries(text, lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Volkswagen is investing in chips. Cariad, the software unit of the carmaker, signed a deal with Qualcomm.",
     {("Cariad", "Volkswagen Group")}),
    ("en", "Volkswagen is investing in chips. Cariad, a partner of the carmaker, signed a deal with Qualcomm.", set()),
    ("en", "Toyota is investing in chips. Cariad, the software unit of the German carmaker, signed a deal with Qualcomm.",
     set()),
    ("it", "Volkswagen investe nei chip. Cariad, la divisione software del gruppo, ha firmato un accordo con Qualcomm.",
     {("Cariad", "Volkswagen Group")}),
    ("fr", "TotalEnergies investit dans les batteries. Saft, la filiale du groupe pétrolier, construit une usine.",
     {("Saft", "TotalEnergies")}),
    ("de", "Volkswagen steigt ins Chipgeschäft ein. Am Dienstag verkündete Cariad, die Software-Einheit des Autobauers, "
           "eine Kooperation mit Qualcomm.", {("Cariad", "Volkswagen Group")}),
    ("de", "Die Marke Mini blieb bei BMW. Zu dem bayerischen Automobilkonzern gehört auch die Traditionsmarke Rolls-Royce.",
     {("Rolls-Royce", "BMW")}),
    ("de", "Die Marke Mini blieb bei BMW. Zu dem Konzern gehört nicht die Marke Rolls-Royce.", set()),
])
def test_a_unit_of_a_group_described_with_a_definite_article(lang, text, expected):
    assert subsidiaries(text, lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "BMW, the German carmaker, has agreed to sell the Rover brand to SAIC Motor.", {("Rover", "BMW")}),
    ("en", "BMW did not agree to sell the Rover brand to SAIC Motor.", set()),
    ("en", "BMW sold cars to SAIC Motor.", set()),
    ("en", "The MG badge was sold, with rights to the MG range, by administrators to China's Nanjing Automotive.",
     {("MG Motor", "Nanjing Automotive")}),
    ("en", "The MG badge was not sold to Nanjing Automotive.", set()),
    ("it", "BMW ha accettato di vendere il marchio Rover a SAIC Motor.", {("Rover", "BMW")}),
    ("fr", "La marque Opel a été cédée en 2017 à PSA.", {("Opel", "Stellantis")}),
    ("fr", "GM a accepté de céder sa filiale Opel à PSA.", {("Opel", "General Motors")}),
    ("de", "Opel wurde 2017 an PSA verkauft.", {("Opel", "Stellantis")}),
    ("de", "Opel wurde 2017 nicht an PSA verkauft.", set()),
])
def test_a_unit_to_be_sold_is_the_sellers_and_a_unit_sold_the_buyers(lang, text, expected):
    assert subsidiaries(text, lang) == expected


@pytest.mark.parametrize("text,expected", [
    ("GM's European brands, Opel and Vauxhall, are being sold to Magna.", {("Opel", "General Motors")}),
    ("Stellantis's Italian brands Fiat and Alfa Romeo grew.", {("Fiat", "Stellantis"), ("Alfa Romeo", "Stellantis")}),
    ("European brands such as Fiat grew while Toyota fell.", set()),
])
def test_where_a_groups_brands_are_from_is_no_brand(text, expected):
    assert subsidiaries(text, "en") == expected
    assert "European" not in {r["entity"] for r in extract(text, meta=META, lang="en") if "entity" in r}


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Volkswagen owns half of JAC Motors' parent company Jianghuai Automobile Group.",
     {("JAC Motors", "Jianghuai Automobile Group")}),
    ("en", "Xiaomi may buy a stake in the Chinese company that owns NEVS.", set()),
    ("en", "Geely, which owns Volvo Cars, is growing.", {("Volvo Cars", "Geely Holding")}),
    ("it", "Volkswagen possiede la metà di JAC Motors.", set()),
    ("it", "Geely possiede Volvo Cars.", {("Volvo Cars", "Geely Holding")}),
])
def test_an_owner_named_before_owns_but_not_the_whole_owner(lang, text, expected):
    assert subsidiaries(text, lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("de", "Lediglich die Marke Mini blieb in der Hand von BMW.", {("Mini", "BMW")}),
    ("de", "Die Marke Mini blieb nicht in der Hand von BMW.", set()),
    ("de", "Die Traditionsmarke Rolls-Royce gehört zu BMW.", {("Rolls-Royce", "BMW")}),
    ("en", "The Mini brand remained in the hands of BMW.", {("Mini", "BMW")}),
    ("it", "Il marchio Mini restò nelle mani di BMW.", {("Mini", "BMW")}),
    ("fr", "La marque Mini est restée entre les mains de BMW.", {("Mini", "BMW")}),
    ("fr", "Mini et BMW ont signé un accord.", set()),
])
def test_a_brand_that_stays_in_the_hands_of_its_group(lang, text, expected):
    assert subsidiaries(text, lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("fr", "Panasonic est fort dans les batteries, surtout après avoir absorbé il y a des années son compatriote Sanyo.",
     {("Sanyo", "Panasonic")}),
    ("en", "ZF acquired its rival Wabco in 2020.", {("Wabco", "ZF")}),
    ("en", "ZF praised its rival Wabco in 2020.", set()),
    ("it", "ZF ha rilevato il concorrente Wabco.", {("Wabco", "ZF")}),
    ("de", "ZF übernahm den Konkurrenten Wabco.", {("Wabco", "ZF")}),
    ("de", "ZF lobte den Konkurrenten Wabco.", set()),
])
def test_a_rival_or_compatriot_taken_over_is_a_company(lang, text, expected):
    assert subsidiaries(text, lang) == expected


@pytest.mark.parametrize("text,expected", [
    ("Hyundai builds the plant with its smaller affiliate Kia in Georgia.", set()),
    ("Hyundai and its smaller affiliate Kia build a plant.", set()),
    ("Hyundai and its subsidiary Motional build a plant.", {("Motional", "Hyundai Motor Company")}),
])
def test_an_affiliate_is_no_subsidiary(text, expected):
    assert subsidiaries(text, "en") == expected


# -- supply --
@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Samsung SDI is building a plant in Hungary. It will keep supplying BMW from the new site.",
     {("Samsung SDI", "BMW")}),
    ("en", "Samsung SDI is building a plant in Hungary. The company also supplies cells to German carmaker BMW.",
     {("Samsung SDI", "BMW")}),
    ("fr", "Le groupe coréen Samsung SDI a déclaré qu'il va livrer des cellules au constructeur allemand de luxe BMW.",
     {("Samsung SDI", "BMW")}),
    ("fr", "Bosch grandit en Europe. Le groupe allemand équipe déjà Renault en capteurs.", {("Bosch", "Renault Group")}),
    ("fr", "Renault prépare sa citadine. Il a choisi le fabricant Valeo qui va lui livrer les moteurs électriques.",
     {("Valeo", "Renault Group")}),
    ("it", "Bosch cresce in Europa. Il gruppo tedesco fornisce sensori alla casa automobilistica Renault.",
     {("Bosch", "Renault Group")}),
    ("de", "Bosch wächst in Europa. Der Konzern liefert Chips an den Autobauer Renault.", {("Bosch", "Renault Group")}),
    ("en", "Samsung SDI is building a plant. It will not supply BMW.", set()),
    ("en", "Samsung SDI is building a plant. It is in talks to supply BMW.", set()),
    ("fr", "Bosch grandit. Le groupe allemand pourrait équiper Renault en capteurs.", set()),
    ("en", "Samsung SDI is building a plant. It will provide funding to BMW.", set()),
    ("en", "Samsung SDI is building a plant. Analysts said BMW was doing well.", set()),
    ("fr", "Bosch grandit. Le groupe allemand va livrer des détails au constructeur Renault.", set()),
])
def test_a_supply_by_a_seller_or_buyer_referred_to_by_a_pronoun_or_a_common_noun(lang, text, expected):
    assert supplies(text, lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Investors like Magna, which also builds cars for the American electric vehicle startup Fisker.",
     {("Magna", "Fisker")}),
    ("it", "Si parla di Magna, che produce da anni auto per la startup americana Fisker.", {("Magna", "Fisker")}),
    ("fr", "On parle de Magna, qui fabrique des voitures pour la start-up américaine Fisker.", {("Magna", "Fisker")}),
    ("en", "Panasonic is the only company making cylindrical battery cells in Nevada for Tesla.",
     {("Panasonic", "Tesla")}),
    ("it", "Panasonic è l'unica a produrre nel Nevada le celle cilindriche per Tesla.", {("Panasonic", "Tesla")}),
    ("fr", "Panasonic est le seul à fabriquer depuis des années des batteries cylindriques pour Tesla.",
     {("Panasonic", "Tesla")}),
    ("de", "Panasonic fertigt seit Jahren in Nevada Zellen für den Autobauer Tesla.", {("Panasonic", "Tesla")}),
    ("en", "Magna, which could build cars for Fisker, is in talks.", set()),
    ("en", "Magna, which makes money for its owners, competes with Fisker.", set()),
    ("en", "Magna, which builds cars in Austria, competes with Fisker.", set()),
    ("fr", "Panasonic n'est pas le seul à fabriquer depuis des années des batteries pour Tesla.", set()),
])
def test_a_maker_in_a_relative_clause_or_with_the_goods_named_far_from_the_verb(lang, text, expected):
    assert supplies(text, lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "SK On supplies batteries to Ford, Kia, and U.S. startup Rivian.",
     {("SK On", "Ford"), ("SK On", "Kia"), ("SK On", "Rivian")}),
    ("en", "Bosch delivers sensors to Renault and the U.K. maker Jaguar Land Rover.",
     {("Bosch", "Renault Group"), ("Bosch", "Jaguar Land Rover")}),
    ("en", "SK On supplies batteries to Ford, while U.S. startup Rivian buys cells from LG Energy Solution.",
     {("SK On", "Ford"), ("LG Energy Solution", "Rivian")}),
    ("fr", "Bosch livre des capteurs à Renault, tandis que le constructeur allemand BMW recrute.", {("Bosch", "Renault Group")}),
    ("it", "Bosch fornisce sensori a Renault, mentre il costruttore tedesco BMW assume.", {("Bosch", "Renault Group")}),
    ("de", "Bosch liefert Sensoren an Renault, während der Autobauer BMW einstellt.", {("Bosch", "Renault Group")}),
])
def test_a_list_item_whose_descriptor_is_an_abbreviation_with_dots(lang, text, expected):
    assert supplies(text, lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Bosch will take a small stake in Rivian and will become the main sensor supplier for the startup.",
     {("Bosch", "Rivian")}),
    ("en", "Under the deal Bosch is building a plant, as well as becoming the sole supplier of lidar sensors in "
           "Europe for Rivian's vans.", {("Bosch", "Rivian")}),
    ("it", "Bosch acquisirà una quota di Rivian e diventerà il principale fornitore di sensori della società.",
     {("Bosch", "Rivian")}),
    ("fr", "Bosch prendra une part dans Rivian et deviendra le principal fournisseur de capteurs de la société.",
     {("Bosch", "Rivian")}),
    ("de", "Bosch beteiligt sich an Rivian und wird der wichtigste Lieferant von Sensoren für das Unternehmen.",
     {("Bosch", "Rivian")}),
    ("en", "Bosch will take a stake in Rivian and could become a supplier for the startup.", set()),
    ("en", "Bosch met Rivian but will not become a supplier for the startup.", set()),
    ("en", "Rivian hires engineers. Bosch will become a supplier of choice for the industry.", set()),
    ("en", "Bosch met Rivian and Ford and will become a key supplier for the carmaker.", set()),  # which one
])
def test_a_supplier_role_for_a_buyer_named_by_a_common_noun_or_through_its_goods(lang, text, expected):
    assert supplies(text, lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Chipmaker Infineon has agreed to work with Ford to boost chip supply to the automaker.",
     {("Infineon", "Ford")}),
    ("it", "Infineon collaborerà con Ford per aumentare le forniture di chip alla casa automobilistica.",
     {("Infineon", "Ford")}),
    ("fr", "Infineon travaillera avec Ford pour augmenter les livraisons de puces au constructeur.",
     {("Infineon", "Ford")}),
    ("de", "Infineon arbeitet mit Ford, um die Lieferung von Chips an den Autobauer zu sichern.",
     {("Infineon", "Ford")}),
    ("en", "Ford will work with SK On to secure supply to the battery maker's plants.", set()),  # who sells
    ("en", "Infineon is in talks with Ford about chip supply to the automaker.", set()),
    ("en", "Infineon will boost chip supply to the automaker.", set()),  # no other company named
])
def test_a_supply_to_a_buyer_named_by_a_common_noun(lang, text, expected):
    assert supplies(text, lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "The Ocean, built by contract manufacturer Magna for the startup Fisker, sold well.", {("Magna", "Fisker")}),
    ("it", "Il V6 è un motore sviluppato da Ferrari appositamente per la nuova Maserati.", {("Ferrari", "Maserati")}),
    ("fr", "C'est un moteur développé par Ferrari spécialement pour Maserati.", {("Ferrari", "Maserati")}),
    ("de", "Der Ocean wird von Magna für Fisker in Graz gebaut.", {("Magna", "Fisker")}),
    ("en", "The Ocean was not built by Magna for Fisker.", set()),
    ("en", "The Ocean could be built by Magna for Fisker.", set()),
    ("en", "The Ocean, built by Magna in Graz, beat Fisker in tests.", set()),
    ("de", "Der Ocean wird von Magna gebaut, für Fisker ist das gut.", set()),
])
def test_goods_made_by_one_company_for_another(lang, text, expected):
    assert supplies(text, lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Renault has signed a non-binding memorandum of understanding with chipmaker Infineon for a multi-year "
           "supply of power chips.", {("Infineon", "Renault Group")}),
    ("it", "Renault ha firmato un protocollo d'intesa con il produttore tedesco di chip Infineon per una fornitura "
           "pluriennale di semiconduttori.", {("Infineon", "Renault Group")}),
    ("fr", "Renault a signé un protocole d'accord avec Infineon pour la fourniture de semi-conducteurs.",
     {("Infineon", "Renault Group")}),
    ("de", "Renault hat eine Absichtserklärung mit Infineon über die Lieferung von Chips unterzeichnet.",
     {("Infineon", "Renault Group")}),
    ("en", "Renault has not signed a memorandum of understanding with Infineon for a supply of chips.", set()),
    ("en", "Renault signed a memorandum of understanding with Toyota for the supply of vans.", set()),  # who sells
    ("en", "Renault signed a memorandum of understanding with Infineon for a joint study of chips.", set()),
])
def test_a_memorandum_for_a_supply_with_a_named_supplier(lang, text, expected):
    assert supplies(text, lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("de", "Mit dem Chiphersteller Infineon hat der Zulieferer ZF einen Vertrag geschlossen, um die Versorgung mit "
           "Halbleitern zu sichern.", {("Infineon", "ZF")}),
    ("en", "Renault signed a long-term contract with Infineon to secure the supply of power chips.",
     {("Infineon", "Renault Group")}),
    ("it", "Renault ha firmato un contratto con Infineon per garantire la fornitura di chip.",
     {("Infineon", "Renault Group")}),
    ("fr", "Renault a conclu un accord avec ZF pour sécuriser l'approvisionnement en boîtes de vitesses.",
     {("ZF", "Renault Group")}),
    ("en", "Renault is in talks about a contract with Infineon to secure the supply of chips.", set()),
    ("en", "Renault did not sign a contract with Infineon to secure the supply of chips.", set()),
    ("en", "Renault signed a contract with Nissan to secure the supply of engines.", set()),  # same tier: who sells
])
def test_a_deal_to_secure_a_supply_runs_down_the_supply_chain(lang, text, expected):
    assert supplies(text, lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Renault's supply agreements with CATL and Samsung SDI are smaller than its long-standing relationship "
           "with Panasonic.", {("CATL", "Renault Group"), ("Samsung SDI", "Renault Group"), ("Panasonic", "Renault Group")}),
    ("it", "Gli accordi di fornitura di batterie di Renault con CATL e Samsung SDI sono minori del suo rapporto storico "
           "con Panasonic.", {("CATL", "Renault Group"), ("Samsung SDI", "Renault Group"), ("Panasonic", "Renault Group")}),
    ("fr", "Les contrats de fourniture de Renault avec CATL sont plus petits que sa relation de longue date avec "
           "Panasonic.", {("CATL", "Renault Group"), ("Panasonic", "Renault Group")}),
    ("de", "Die Lieferverträge von Renault mit CATL sind kleiner als seine langjährige Beziehung mit Panasonic.",
     {("CATL", "Renault Group"), ("Panasonic", "Renault Group")}),
    ("en", "Renault's supply agreements with Nissan are smaller than its relationship with Toyota.", set()),
    ("en", "Renault praised its long-standing relationship with Panasonic and Toyota.", set()),
    ("en", "Renault's possible supply agreements with CATL are a secret.", set()),
])
def test_a_buyers_supply_deals_and_its_other_ties_in_the_same_sentence(lang, text, expected):
    assert supplies(text, lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Fisker is short of cash. The Ocean, which is being built by contract manufacturer Magna in Graz, sells "
           "slowly.", {("Magna", "Fisker")}),
    ("en", "Fisker's Ocean is built by contract manufacturer Magna in Graz.", {("Magna", "Fisker")}),
    ("it", "Fisker è in crisi. La Ocean è prodotta dal terzista Magna a Graz.", {("Magna", "Fisker")}),
    ("fr", "Fisker manque d'argent. L'Ocean est assemblée par le sous-traitant Magna à Graz.", {("Magna", "Fisker")}),
    ("de", "Fisker fehlt Geld. Der Ocean wird vom Auftragsfertiger Magna in Graz gebaut.", {("Magna", "Fisker")}),
    ("en", "Fisker is short of cash. The Ocean could be built by contract manufacturer Magna.", set()),
    ("en", "Fisker is short of cash. The Ocean is not built by contract manufacturer Magna.", set()),
    ("en", "Fisker and Nissan met. The van is built by contract manufacturer Magna for both.", set()),  # which one
])
def test_goods_built_by_a_contract_manufacturer(lang, text, expected):
    assert supplies(text, lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Ford will sell 10,000 electric vans to Amazon.", {("Ford", "Amazon")}),
    ("it", "Stellantis venderà ad Amazon migliaia di furgoni elettrici.", {("Stellantis", "Amazon")}),
    ("fr", "Renault vendra des voitures électriques à Amazon.", {("Renault Group", "Amazon")}),
    ("de", "Ford verkauft Tausende Transporter an Amazon.", {("Ford", "Amazon")}),
    ("it", "Stellantis cresce. \"Inoltre venderemo ad Amazon molti furgoni elettrici\", ha detto il capo.",
     {("Stellantis", "Amazon")}),
    ("en", "Ford will sell its stake to Amazon.", set()),
    ("en", "Ford will not sell vans to Amazon.", set()),
    ("en", "Ford could sell vans to Amazon.", set()),
    ("en", "Ford sold its Volvo brand to Geely.", set()),
])
def test_goods_sold_to_a_named_buyer(lang, text, expected):
    assert supplies(text, lang) == expected


@pytest.mark.parametrize("text,expected", [
    ("Infineon wächst. Der Chipkonzern wird Renault ab 2026 mit Halbleitern beliefern.", {("Infineon", "Renault Group")}),
    ("Infineon wächst. Der Konzern soll Renault künftig mit Chips versorgen.", {("Infineon", "Renault Group")}),
    ("Infineon wächst. Er wird Renault ab 2026 nicht mit Halbleitern beliefern.", set()),
    ("Infineon wächst. Der Konzern könnte Renault mit Chips beliefern.", set()),
])
def test_a_german_supply_by_a_company_referred_to_with_the_verb_last(text, expected):
    assert supplies(text, "de") == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Renault said Valeo will become a key supplier for the carmaker.", {("Valeo", "Renault Group")}),
    ("it", "Renault ha detto che Valeo diventerà il principale fornitore della casa automobilistica.",
     {("Valeo", "Renault Group")}),
    ("en", "Chipmaker Infineon agreed to work with Ford to boost supply to the automaker.", {("Infineon", "Ford")}),
])
def test_a_supplier_role_taken_on_by_the_company_right_before_the_verb(lang, text, expected):
    assert supplies(text, lang) == expected


# -- joint ventures and stakes --
@pytest.mark.parametrize("lang,text,partners,owned", [
    ("it", "Horse Powertrain, la joint venture creata da Renault e Geely, produrrà motori ibridi.",
     {("Geely Holding", "Renault Group")}, "Horse Powertrain"),
    ("en", "The engine company Horse Powertrain created by Renault and Geely opened its first plant.",
     {("Geely Holding", "Renault Group")}, "Horse Powertrain"),
    ("fr", "ACC, une coentreprise formée par Stellantis et Mercedes-Benz, construit une usine à Douvrin.",
     {("Mercedes-Benz Group", "Stellantis")}, "ACC"),
    ("de", "Das Gemeinschaftsunternehmen ACC wurde 2020 von Stellantis und Mercedes-Benz gegründet.",
     {("Mercedes-Benz Group", "Stellantis")}, "ACC"),
    ("fr", "Il s'agissait d'une coentreprise créée par Stellantis et Mercedes-Benz.",
     {("Mercedes-Benz Group", "Stellantis")}, None),
    # one maker, a denial: no venture of two
    ("en", "Horse Powertrain, founded by Renault, opened a plant in Spain.", set(), None),
    ("en", "Horse Powertrain was not created by Renault and Geely.", set(), None),
])
def test_the_makers_of_a_venture_are_partners_and_its_owners(lang, text, partners, owned):
    got = {tuple(sorted(p[:2])) for p in pairs(text, lang)}
    assert got == partners
    inv = {(s, o) for s, o, _ in stakes(text, lang)}
    assert inv == ({(a, owned) for pair in partners for a in pair} if owned else set())


@pytest.mark.parametrize("lang,text,expected", [
    ("it", "Horse Powertrain è una joint venture paritetica tra Renault e Geely.",
     {("Renault Group", "Horse Powertrain", 50), ("Geely Holding", "Horse Powertrain", 50)}),
    ("en", "Horse Powertrain, a 50:50 joint venture between Renault and Geely, makes engines.",
     {("Renault Group", "Horse Powertrain", 50), ("Geely Holding", "Horse Powertrain", 50)}),
    ("fr", "ACC est une coentreprise à parts égales entre Stellantis, TotalEnergies et Mercedes-Benz.",
     {("Stellantis", "ACC", 33.3), ("TotalEnergies", "ACC", 33.3), ("Mercedes-Benz Group", "ACC", 33.3)}),
    ("de", "ACC ist ein Gemeinschaftsunternehmen zwischen Stellantis und Mercedes-Benz.",
     {("Stellantis", "ACC", None), ("Mercedes-Benz Group", "ACC", None)}),
    ("en", "Horse Powertrain would be a joint venture between Renault and Geely, if talks succeed.", set()),
    ("it", "Horse Powertrain non è una joint venture tra Renault e Geely.", set()),
])
def test_a_venture_between_two_owners_is_held_by_each(lang, text, expected):
    assert stakes(text, lang) == expected


@pytest.mark.parametrize("lang,text,partners", [
    ("fr", "ACC compte trois actionnaires à parts égales : Stellantis, TotalEnergies et Mercedes-Benz.", True),
    ("en", "Stellantis, TotalEnergies and Mercedes-Benz hold equal stakes in ACC.", True),
    ("it", "Stellantis, TotalEnergies e Mercedes-Benz detengono quote paritarie di ACC.", True),
    ("de", "Stellantis, TotalEnergies und Mercedes-Benz halten zu gleichen Teilen Anteile an ACC.", True),
    # shares not said to be equal, in no venture: holders, not partners
    ("en", "Stellantis, TotalEnergies and Mercedes-Benz hold stakes in ACC.", False),
])
def test_owners_in_equal_shares_hold_the_company_and_are_partners(lang, text, partners):
    trio = {"Stellantis", "TotalEnergies", "Mercedes-Benz Group"}
    assert {(s, o) for s, o, _ in stakes(text, lang)} == {(x, "ACC") for x in trio}
    got = {tuple(sorted(p[:2])) for p in pairs(text, lang)}
    assert got == ({tuple(sorted((a, b))) for a in trio for b in trio if a < b} if partners else set())


@pytest.mark.parametrize("lang,text", [
    ("en", "Stellantis, TotalEnergies and Mercedes-Benz do not hold equal stakes in ACC."),
    ("it", "Stellantis, TotalEnergies e Mercedes-Benz non detengono quote paritarie di ACC."),
])
def test_owners_in_equal_shares_denied(lang, text):
    assert stakes(text, lang) == set() and pairs(text, lang) == set()


@pytest.mark.parametrize("lang,text", [
    ("fr", "Toyota et Panasonic créeront une co-entreprise. L'entreprise sera appelée Zentrix Power. "
           "Toyota détiendra 51 pour cent des actions et Panasonic 49 pour cent."),
    ("en", "Toyota and Panasonic will form a joint venture. The company will be called Zentrix Power. "
           "Toyota will hold 51% and Panasonic 49%."),
    ("it", "Toyota e Panasonic creeranno una joint venture. La società si chiamerà Zentrix Power. "
           "Toyota deterrà il 51% e Panasonic il 49%."),
    ("de", "Toyota und Panasonic gründen ein Gemeinschaftsunternehmen. Das Unternehmen wird den Namen Zentrix Power "
           "tragen. Toyota hält 51 Prozent und Panasonic 49 Prozent."),
])
def test_shares_of_a_venture_named_in_the_sentences_before(lang, text):
    assert stakes(text, lang) == {("Toyota", "Zentrix Power", 51), ("Panasonic", "Zentrix Power", 49)}


@pytest.mark.parametrize("lang,text", [
    ("en", "Zentrix Power makes batteries in Osaka. Toyota holds 51% and Panasonic 49%."),  # no venture
    ("en", "Toyota and Panasonic will form a joint venture. The company will be called Zentrix Power. "
           "Toyota will not hold 51% and Panasonic 49%."),
])
def test_shares_of_no_venture_named_before(lang, text):
    assert {(s, o) for s, o, _ in stakes(text, lang)} == set()


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Renault is working with Geely on engines. The two carmakers have a 50 per cent stake each in Horse Powertrain.",
     {("Renault Group", "Horse Powertrain", 50), ("Geely Holding", "Horse Powertrain", 50)}),
    ("fr", "Renault travaille avec Geely. Les deux groupes détiennent chacun 50 % de Horse Powertrain.",
     {("Renault Group", "Horse Powertrain", 50), ("Geely Holding", "Horse Powertrain", 50)}),
    ("it", "Renault lavora con Geely. Le due società detengono ciascuna il 50% di Horse Powertrain.",
     {("Renault Group", "Horse Powertrain", 50), ("Geely Holding", "Horse Powertrain", 50)}),
    ("de", "Renault arbeitet mit Geely zusammen. Die beiden Konzerne halten jeweils 50 Prozent an Horse Powertrain.",
     {("Renault Group", "Horse Powertrain", 50), ("Geely Holding", "Horse Powertrain", 50)}),
    # no pair before, a denial
    ("en", "Renault, Geely and Nissan met in Paris. The two carmakers have a 50 per cent stake each in Horse Powertrain.",
     set()),
    ("en", "Renault is working with Geely. The two carmakers do not have a 50 per cent stake each in Horse Powertrain.",
     set()),
])
def test_a_stake_each_of_the_pair_named_before(lang, text, expected):
    assert {x for x in stakes(text, lang) if x[1] == "Horse Powertrain"} == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("it", "Mercedes-Benz è entrata come socio paritario in ACC.", {("Mercedes-Benz Group", "ACC")}),
    ("it", "Mercedes-Benz entrerà nel capitale di ACC.", {("Mercedes-Benz Group", "ACC")}),
    ("fr", "Mercedes-Benz va rentrer au capital de ACC.", {("Mercedes-Benz Group", "ACC")}),
    ("fr", "Stellantis a confirmé l'entrée au capital de Mercedes-Benz dans ACC.", {("Mercedes-Benz Group", "ACC")}),
    ("en", "Mercedes-Benz joined ACC as an equal partner.", {("Mercedes-Benz Group", "ACC")}),
    ("en", "Mercedes-Benz has entered the capital of ACC.", {("Mercedes-Benz Group", "ACC")}),
    ("de", "Mercedes-Benz steigt bei ACC ein.", {("Mercedes-Benz Group", "ACC")}),
    ("it", "Mercedes-Benz non entrerà nel capitale di ACC.", set()),
    ("en", "Mercedes-Benz is considering joining ACC as a shareholder.", set()),
    ("en", "Mercedes-Benz could join ACC as a shareholder, Reuters reported.", set()),
])
def test_a_company_entering_the_capital_of_another(lang, text, expected):
    assert {(s, o) for s, o, _ in stakes(text, lang)} == expected


@pytest.mark.parametrize("lang,text", [
    ("it", "Mercedes-Benz è entrata come socio paritario in ACC, la joint venture creata da Stellantis e TotalEnergies."),
    ("fr", "Mercedes-Benz va rentrer au capital de ACC, la coentreprise formée par Stellantis et TotalEnergies."),
])
def test_a_company_entering_a_venture_partners_its_makers(lang, text):
    trio = {"Stellantis", "TotalEnergies", "Mercedes-Benz Group"}
    assert {tuple(sorted(p[:2])) for p in pairs(text, lang)} == {tuple(sorted((a, b))) for a in trio for b in trio if a < b}
    assert {(s, o) for s, o, _ in stakes(text, lang)} == {(x, "ACC") for x in trio}


@pytest.mark.parametrize("lang,text,expected", [
    ("it", "Renault e Nissan deterranno il 15% delle quote del partner a testa.",
     {("Renault Group", "Nissan"), ("Nissan", "Renault Group")}),
    ("en", "Renault and Nissan will each hold 15% of each other's shares.",
     {("Renault Group", "Nissan"), ("Nissan", "Renault Group")}),
    ("fr", "Renault et Nissan détiendront chacun 15 % du capital de l'autre.",
     {("Renault Group", "Nissan"), ("Nissan", "Renault Group")}),
    ("de", "Renault und Nissan halten jeweils 15 Prozent der Anteile am jeweils anderen.",
     {("Renault Group", "Nissan"), ("Nissan", "Renault Group")}),
    ("it", "Renault e Nissan non deterranno il 15% delle quote del partner.", set()),
    ("en", "Hyundai and Kia also have stakes in Ola Electric Mobility.",
     {("Hyundai Motor Company", "Ola Electric Mobility"), ("Kia", "Ola Electric Mobility")}),
    ("it", "Hyundai e Kia hanno anche quote in Ola Electric Mobility.",
     {("Hyundai Motor Company", "Ola Electric Mobility"), ("Kia", "Ola Electric Mobility")}),
    ("fr", "Hyundai et Kia ont aussi des parts dans Ola Electric Mobility.",
     {("Hyundai Motor Company", "Ola Electric Mobility"), ("Kia", "Ola Electric Mobility")}),
    ("de", "Hyundai und Kia halten auch Anteile an Ola Electric Mobility.",
     {("Hyundai Motor Company", "Ola Electric Mobility"), ("Kia", "Ola Electric Mobility")}),
    ("en", "Hyundai and Kia do not have stakes in Ola Electric Mobility.", set()),
])
def test_stakes_in_each_other_and_stakes_of_a_listed_pair(lang, text, expected):
    assert {(s, o) for s, o, _ in stakes(text, lang)} == expected


@pytest.mark.parametrize("lang,text", [
    ("fr", "Selon un communiqué publié vendredi à Paris, Stellantis et TotalEnergies ont annoncé l'entrée au capital "
           "de Mercedes-Benz dans leur co-entreprise ACC."),
    ("en", "On Friday in Paris, Stellantis and TotalEnergies announced the entry of Mercedes-Benz into their joint venture ACC."),
    ("it", "Venerdì a Parigi Stellantis e TotalEnergies hanno annunciato l'ingresso di Mercedes-Benz nella loro joint venture ACC."),
    ("de", "Am Freitag in Paris haben Stellantis und TotalEnergies den Einstieg von Mercedes-Benz bei ihrem "
           "Gemeinschaftsunternehmen ACC bekanntgegeben."),
])
def test_the_entry_of_a_company_into_their_venture(lang, text):
    trio = {"Stellantis", "TotalEnergies", "Mercedes-Benz Group"}
    assert {tuple(sorted(p[:2])) for p in pairs(text, lang)} == {tuple(sorted((a, b))) for a in trio for b in trio if a < b}
    assert {(s, o) for s, o, _ in stakes(text, lang)} == {(x, "ACC") for x in trio}


def test_the_entry_of_a_company_into_their_venture_ruled_out():
    text = "On Friday in Paris, Stellantis and TotalEnergies ruled out the entry of Mercedes-Benz into their joint venture ACC."
    assert not any("Mercedes-Benz Group" in p[:2] for p in pairs(text, "en"))


@pytest.mark.parametrize("lang,text,expected", [
    ("fr", "Toyota va prendre 5 % du capital de Mazda, lequel réciproquera en prenant 0,25 % de Toyota.",
     {("Toyota", "Mazda"), ("Mazda", "Toyota")}),
    ("en", "Toyota will take 5% of Mazda, which will reciprocate by taking 0.25% of Toyota.",
     {("Toyota", "Mazda"), ("Mazda", "Toyota")}),
    ("it", "Toyota rileverà il 5% di Mazda, che ricambierà acquisendo lo 0,25% di Toyota.",
     {("Toyota", "Mazda"), ("Mazda", "Toyota")}),
    ("en", "Toyota thanked Mazda and promised to reciprocate its support.", set()),
])
def test_a_stake_reciprocated(lang, text, expected):
    assert {(s, o) for s, o, _ in stakes(text, lang)} == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("de", "An dem Gemeinschaftsunternehmen ACC hält Stellantis 50 Prozent.", {("Stellantis", "ACC", 50)}),
    ("de", "Das Joint-Venture ACC, an dem Stellantis ebenfalls 50 Prozent hält, besteht seit 2020.", {("Stellantis", "ACC", 50)}),
    ("en", "In the joint venture ACC, Stellantis holds 50%.", {("Stellantis", "ACC", 50)}),
    ("en", "ACC, in which Stellantis holds 50%, builds cells.", {("Stellantis", "ACC", 50)}),
    ("it", "Nella joint venture ACC Stellantis detiene il 50%.", {("Stellantis", "ACC", 50)}),
    ("it", "ACC, di cui Stellantis detiene il 50%, produce celle.", {("Stellantis", "ACC", 50)}),
    ("fr", "Dans la coentreprise ACC, Stellantis détient 50 %.", {("Stellantis", "ACC", 50)}),
    ("fr", "ACC, dont Stellantis détient 50 %, produit des cellules.", {("Stellantis", "ACC", 50)}),
    # denied: no stake either way
    ("de", "An dem Gemeinschaftsunternehmen ACC hält Stellantis keine 50 Prozent.", set()),
    ("it", "ACC, di cui Stellantis è cliente dal 50% dei casi, produce celle.", set()),
])
def test_a_stake_in_the_company_named_before_its_holder(lang, text, expected):
    assert stakes(text, lang) == expected


@pytest.mark.parametrize("lang,text", [
    ("en", "Volkswagen owns half of ACC."),
    ("it", "Volkswagen possiede metà di ACC."),
    ("fr", "Volkswagen détient la moitié de ACC."),
    ("de", "Volkswagen hält die Hälfte an ACC."),
])
def test_half_of_a_company_is_a_stake_not_control(lang, text):
    assert stakes(text, lang) == {("Volkswagen Group", "ACC", 50)}
    assert subsidiaries(text, lang) == set()


def test_owning_a_company_outright_is_still_control():
    assert subsidiaries("Volkswagen owns ACC.", "en") == {("ACC", "Volkswagen Group")}


@pytest.mark.parametrize("lang,text,expected", [
    ("de", "Volkswagen ist an ACC beteiligt.", {("Volkswagen Group", "ACC", None)}),
    ("de", "Volkswagen ist seit 2019 mit 20 Prozent an ACC beteiligt.", {("Volkswagen Group", "ACC", 20)}),
    ("de", "Volkswagen ist an ACC mit 20 Prozent beteiligt.", {("Volkswagen Group", "ACC", 20)}),
    ("en", "Volkswagen has a 50% ownership of ACC.", {("Volkswagen Group", "ACC", 50)}),
    ("en", "Volkswagen bought a 49% interest in the joint venture ACC.", {("Volkswagen Group", "ACC", 49)}),
    ("de", "Volkswagen ist nicht an ACC beteiligt.", set()),
    ("de", "Volkswagen ist an ACC nicht beteiligt.", set()),
    ("en", "Volkswagen has no 49% interest in ACC.", set()),
])
def test_a_share_said_with_beteiligt_ownership_or_interest(lang, text, expected):
    assert stakes(text, lang) == expected


@pytest.mark.parametrize("lang,text,expected,partners", [
    ("en", "ACC, owned 50:50 by Stellantis and TotalEnergies, builds cells.",
     {("Stellantis", "ACC", 50), ("TotalEnergies", "ACC", 50)}, True),
    ("en", "ACC is owned 60% by Stellantis and 40% by TotalEnergies.",
     {("Stellantis", "ACC", 60), ("TotalEnergies", "ACC", 40)}, True),
    ("it", "ACC è controllata al 60% da Stellantis e al 40% da TotalEnergies.",
     {("Stellantis", "ACC", 60), ("TotalEnergies", "ACC", 40)}, True),
    ("it", "ACC, detenuta al 50% da Stellantis e TotalEnergies, produce celle.",
     {("Stellantis", "ACC", 50), ("TotalEnergies", "ACC", 50)}, True),
    ("fr", "ACC, détenue à parts égales par Stellantis et TotalEnergies, produit des cellules.",
     {("Stellantis", "ACC", 50), ("TotalEnergies", "ACC", 50)}, True),
    ("de", "ACC wird zu gleichen Teilen von Stellantis und TotalEnergies gehalten.",
     {("Stellantis", "ACC", 50), ("TotalEnergies", "ACC", 50)}, True),
    # shares that leave room for others: holders, not a venture of the two
    ("en", "ACC is owned 30% by Stellantis and 20% by TotalEnergies.",
     {("Stellantis", "ACC", 30), ("TotalEnergies", "ACC", 20)}, False),
    ("en", "ACC is not owned by Stellantis and TotalEnergies.", set(), False),
])
def test_a_company_owned_by_several_named_after_it(lang, text, expected, partners):
    assert stakes(text, lang) == expected
    assert {tuple(sorted(p[:2])) for p in pairs(text, lang)} == ({("Stellantis", "TotalEnergies")} if partners else set())


@pytest.mark.parametrize("lang,text", [
    ("en", "In 2020, Volkswagen spent 1.1 billion euros for a 26.5% stake in Gotion and 1 billion euros in JAC Motors."),
    ("it", "Volkswagen ha investito 1,1 miliardi per una quota del 26,5% in Gotion e 1 miliardo di euro in JAC Motors."),
    ("fr", "Volkswagen a investi 1,1 milliard pour une participation de 26,5 % dans Gotion et 1 milliard d'euros dans JAC Motors."),
    ("de", "Volkswagen investierte 1,1 Milliarden Euro für einen Anteil von 26,5 Prozent an Gotion und 1 Milliarde Euro in "
           "JAC Motors."),
])
def test_a_second_sum_invested_after_a_stake(lang, text):
    assert stakes(text, lang) == {("Volkswagen Group", "Gotion High-Tech", 26.5), ("Volkswagen Group", "JAC Motors", None)}


def test_a_sum_spent_on_goods_is_no_stake():
    text = "Volkswagen bought a 26.5% stake in Gotion and 1 billion euros of batteries from JAC Motors."
    assert stakes(text, "en") == {("Volkswagen Group", "Gotion High-Tech", 26.5)}


@pytest.mark.parametrize("lang,text,pair", [
    ("en", "Volkswagen bought a 5% stake in XPeng and unveiled a strategic partnership to jointly develop new vehicles.",
     ("Volkswagen Group", "XPeng")),
    ("en", "Honda took an equity stake in CATL for joint battery development.", ("CATL", "Honda")),
    ("it", "Volkswagen ha acquistato una quota del 5% di XPeng e ha annunciato una partnership strategica.",
     ("Volkswagen Group", "XPeng")),
    ("it", "Honda ha rilevato una quota di CATL per lo sviluppo congiunto di batterie.", ("CATL", "Honda")),
    ("fr", "Volkswagen a acquis une participation de 5 % dans XPeng et a annoncé un partenariat stratégique.",
     ("Volkswagen Group", "XPeng")),
    ("fr", "Honda a pris une participation dans CATL pour le développement conjoint de batteries.", ("CATL", "Honda")),
    ("de", "Volkswagen hat einen Anteil von 5 Prozent an XPeng erworben und eine strategische Partnerschaft vereinbart.",
     ("Volkswagen Group", "XPeng")),
    ("de", "Honda erwarb einen Anteil an CATL zur gemeinsamen Entwicklung von Batterien.", ("CATL", "Honda")),
])
def test_a_stake_with_a_tie_stated_next_to_it(lang, text, pair):
    assert {tuple(sorted(p[:2])) for p in pairs(text, lang)} == {pair}


@pytest.mark.parametrize("text", [
    "Volkswagen bought a 5% stake in XPeng and did not announce a partnership.",
    "Volkswagen bought a 5% stake in XPeng.",
])
def test_a_stake_alone_or_with_a_tie_denied_is_no_partnership(text):
    assert pairs(text, "en") == set()


def test_two_companies_each_naming_its_own_venture_are_no_partners():
    text = "The GAC venture closed one factory in March and the Dongfeng venture recently closed two plants."
    assert pairs(text, "en") == set()
    # one company's venture with another named: still a tie
    assert {tuple(sorted(p[:2])) for p in pairs("Stellantis formed a joint venture with GAC.", "en")} == {("GAC Group", "Stellantis")}


@pytest.mark.parametrize("lang,text,owned", [
    ("en", "Stellantis and CATL set up a joint venture called Zentrix Power.", True),
    ("it", "Stellantis e CATL hanno costituito una joint venture, Zentrix Power.", True),
    ("fr", "Stellantis et CATL ont créé une coentreprise nommée Zentrix Power.", True),
    ("de", "Stellantis und CATL gründeten das Gemeinschaftsunternehmen Zentrix Power.", True),
    ("en", "Stellantis and CATL did not form a joint venture called Zentrix Power.", False),
    ("en", "Stellantis and CATL plan to form a joint venture called Zentrix Power.", False),
])
def test_the_makers_of_a_venture_named_after_it_hold_it(lang, text, owned):
    assert {(s, o) for s, o, _ in stakes(text, lang)} == (
        {("Stellantis", "Zentrix Power"), ("CATL", "Zentrix Power")} if owned else set())


@pytest.mark.parametrize("lang,text,expected", [
    ("de", "Volkswagen hat sich die Mehrheit an dem Joint Venture ACC gesichert.", {("Volkswagen Group", "ACC")}),
    ("fr", "Volkswagen a pris la majorité de ACC.", {("Volkswagen Group", "ACC")}),
    ("it", "Volkswagen ha rilevato la maggioranza di ACC.", {("Volkswagen Group", "ACC")}),
    ("en", "Volkswagen took a majority of ACC.", {("Volkswagen Group", "ACC")}),
    ("de", "Volkswagen hat die Mehrheit an ACC nicht übernommen.", set()),
    ("en", "Volkswagen is considering taking a majority of ACC.", set()),
    ("en", "CATL supplies the majority of Tesla's cells.", set()),
])
def test_a_majority_of_a_company_is_a_stake(lang, text, expected):
    assert {(s, o) for s, o, _ in stakes(text, lang)} == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Opel, bought by PSA in 2017, builds vans.", {("Opel", "Stellantis")}),
    ("en", "Opel, which PSA bought in 2017, builds vans.", {("Opel", "Stellantis")}),
    ("en", "Opel, now part of Stellantis, builds vans.", {("Opel", "Stellantis")}),
    ("it", "Opel, che PSA ha acquisito nel 2017, produce furgoni.", {("Opel", "Stellantis")}),
    ("it", "Opel, oggi parte di Stellantis, produce furgoni.", {("Opel", "Stellantis")}),
    ("fr", "Opel, que PSA a rachetée en 2017, fabrique des utilitaires.", {("Opel", "Stellantis")}),
    ("de", "Opel wurde 2017 von PSA übernommen.", {("Opel", "Stellantis")}),
    ("en", "Opel was not acquired by Ford.", set()),
    ("en", "Opel could be acquired by Ford.", set()),
    ("en", "A 20% stake in Opel was acquired by Ford.", set()),
])
def test_a_company_said_to_be_bought_by_or_part_of_a_group_is_its_unit(lang, text, expected):
    assert subsidiaries(text, lang) == expected


# -- roles and references --
def employers(text, lang):
    return {(r["subject"], r["object"]) for r in rels(text, lang, predicate="WORKS_FOR")}


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Renault is cutting costs. Renault will close two plants under CEO Jane Morel, a spokesman said.",
     {("Jane Morel", "Renault Group")}),
    ("it", "Renault taglia i costi. Lo ha detto l'amministratore delegato Marco Bellini, parlando dei risultati di Renault.",
     {("Marco Bellini", "Renault Group")}),
    ("it", "Renault taglia i costi. Lo spiega l'ad del gruppo Marco Bellini in un incontro sui conti di Renault.",
     {("Marco Bellini", "Renault Group")}),
    ("fr", "Renault réduit ses coûts. Renault fermera deux usines, a indiqué le PDG Jean Morel.",
     {("Jean Morel", "Renault Group")}),
    ("de", "Renault senkt die Kosten. Renault schließt zwei Werke, sagte Vorstandschef Hans Keller.",
     {("Hans Keller", "Renault Group")}),
    # the company named before the title: its own
    ("en", "Renault is cutting costs. Renault will close two plants, Nissan CEO Jane Morel said.",
     {("Jane Morel", "Nissan")}),
    # a former chief is no employee; the partner after "with" is not the speaker's company
    ("en", "Renault is cutting costs. Renault is still recovering from the years under former CEO Jane Morel.", set()),
    ("en", "Renault is cutting costs. Renault and Nissan met. \"This partnership with Renault helps us,\" said CEO Jane Morel of the Japanese side.",
     set()),
])
def test_a_bare_title_in_a_sentence_naming_the_company_the_text_is_about(lang, text, expected):
    assert employers(text, lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Ford bought a 5% stake in Mazda. Ford paid $1 billion. Together, the two companies will develop new cars.",
     {("Ford", "Mazda", "active")}),
    ("en", "Ford bought a 5% stake in Mazda. The two will form a joint venture in Ohio.", {("Ford", "Mazda", "active")}),
    ("it", "Ford ha comprato il 5% di Mazda. Le due aziende collaborano già da anni sulle batterie.",
     {("Ford", "Mazda", "active")}),
    ("fr", "Ford a acheté 5 % de Mazda. Les deux sociétés, déjà partenaires depuis 2020, vont lancer une voiture.",
     {("Ford", "Mazda", "active")}),
    ("de", "Ford hat 5 Prozent an Mazda gekauft. Die beiden Unternehmen arbeiten seit Jahren zusammen und haben eine Kooperation.",
     {("Ford", "Mazda", "active")}),
    # no partnership word, three companies, a denial: no pair
    ("en", "Ford bought a 5% stake in Mazda. The two companies declined to comment.", set()),
    ("en", "Ford, Mazda and Toyota met in Tokyo. The two companies will develop new cars together.", set()),
    ("it", "Ford ha comprato il 5% di Mazda. Le due aziende non hanno alcuna collaborazione.", set()),
])
def test_the_two_companies_are_the_pair_named_just_before(lang, text, expected):
    assert {(*sorted(p[:2]), p[2]) for p in pairs(text, lang)} == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("it", "Ford ha stracciato gli accordi con Mazda.", {("Ford", "Mazda", "ended")}),
    ("it", "I colloqui fra Ford e Mazda per una possibile alleanza si interrompono.", {("Ford", "Mazda", "ended")}),
    ("en", "Ford rescinded its partnership agreement with Mazda.", {("Ford", "Mazda", "ended")}),
    ("fr", "Ford rompt son partenariat avec Mazda.", {("Ford", "Mazda", "ended")}),
    ("fr", "Ford a mis un terme à son partenariat avec Mazda.", {("Ford", "Mazda", "ended")}),
    ("de", "Ford ließ die Zusammenarbeit mit Mazda platzen.", {("Ford", "Mazda", "ended")}),
    ("de", "Ford kündigte die Partnerschaft mit Mazda auf.", {("Ford", "Mazda", "ended")}),
    # announcing a partnership ("kündigte ... an") is not ending it
    ("de", "Ford kündigte eine Partnerschaft mit Mazda an.", {("Ford", "Mazda", "active")}),
    ("it", "Ford ha firmato un accordo con Mazda.", {("Ford", "Mazda", "active")}),
])
def test_ties_broken_off_in_other_wordings(lang, text, expected):
    assert {(*sorted(p[:2]), p[2]) for p in pairs(text, lang)} == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Renault and Geely created Horse Powertrain. Geely's Jane Morel has been appointed CEO of the new company.",
     {("Jane Morel", "Horse Powertrain")}),
    ("it", "La nuova società si chiama Horse Powertrain, con al comando Marco Bellini, nominato CEO della neonata azienda.",
     {("Marco Bellini", "Horse Powertrain")}),
    ("fr", "Renault et Geely ont créé Horse Powertrain. Jean Morel a été nommé directeur général de la nouvelle société.",
     {("Jean Morel", "Horse Powertrain")}),
    ("de", "Renault und Geely gründen Horse Powertrain. Hans Keller wurde zum Chef des neuen Unternehmens ernannt.",
     {("Hans Keller", "Horse Powertrain")}),
    # a new model, not a new company; no company named before
    ("en", "Renault and Geely created Horse Powertrain. Jane Morel has been appointed head of the new model line.", set()),
    ("en", "Jane Morel has been appointed CEO of the new company.", set()),
])
def test_the_head_of_the_new_company_heads_the_one_just_named(lang, text, expected):
    assert employers(text, lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "BMW is expanding. Northvolt is a new supplier, alongside our existing partners, CATL and Samsung SDI.",
     {("BMW", "CATL", "active"), ("BMW", "Samsung SDI", "active")}),
    ("en", "Volkswagen said its Audi brand will build cars with the group's existing Chinese partner SAIC.",
     {("SAIC Motor", "Volkswagen Group", "active")}),
    ("it", "BMW cresce. Oltre a Northvolt, lavoriamo con i nostri partner storici CATL e Samsung SDI.",
     {("BMW", "CATL", "active"), ("BMW", "Samsung SDI", "active")}),
    ("fr", "BMW se développe. Outre Northvolt, nous travaillons avec nos partenaires CATL et Samsung SDI.",
     {("BMW", "CATL", "active"), ("BMW", "Samsung SDI", "active")}),
    ("de", "BMW wächst. Neben Northvolt arbeiten wir mit unseren Partnern CATL und Samsung SDI.",
     {("BMW", "CATL", "active"), ("BMW", "Samsung SDI", "active")}),
    # not a partner of ours
    ("en", "BMW is expanding. Northvolt said CATL and Samsung SDI are not our partners.", set()),
])
def test_partners_after_our_or_the_groups(lang, text, expected):
    got = {(*sorted(p[:2]), p[2]) for p in pairs(text, lang)}
    assert {p for p in got if "Northvolt" not in p and "Huawei" not in p and "Audi" not in p} == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("it", "CATL costruirà una fabbrica. Le batterie arriveranno dall'azienda cinese che collabora anche con i gruppi BMW e Ford.",
     {("BMW", "CATL", "active"), ("CATL", "Ford", "active")}),
    ("en", "Nissan reported a loss. A source said the Japanese firm was abandoning merger discussions with Honda.",
     {("Honda", "Nissan", "ended")}),
    ("fr", "CATL construit une usine. Les batteries viendront du groupe chinois, qui travaille déjà avec BMW et Ford.",
     {("BMW", "CATL", "active"), ("CATL", "Ford", "active")}),
    # no country: which company, the text does not say; a denial
    ("en", "CATL will build a plant. Tesla will buy cells from the new company, which also works with BMW and Ford.", set()),
    ("en", "Nissan reported a loss. The Japanese firm is not in merger discussions with Honda.", set()),
])
def test_a_tie_of_a_company_named_by_its_country(lang, text, expected):
    assert {(*sorted(p[:2]), p[2]) for p in pairs(text, lang)} == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Panasonic is also a partner of Tesla.", {("Panasonic", "Tesla", "active")}),
    ("en", "Panasonic is a long-time partner of the American carmaker Tesla.", {("Panasonic", "Tesla", "active")}),
    ("it", "Panasonic è anche partner del costruttore americano Tesla.", {("Panasonic", "Tesla", "active")}),
    ("fr", "Panasonic est aussi le partenaire dans ce domaine du constructeur américain Tesla.", {("Panasonic", "Tesla", "active")}),
    ("de", "Panasonic ist auch Partner des US-Autobauers Tesla.", {("Panasonic", "Tesla", "active")}),
    ("en", "Panasonic is not a partner of Tesla.", set()),
    ("it", "Panasonic non è partner di Tesla.", set()),
])
def test_a_partner_stated_with_is(lang, text, expected):
    assert {(*sorted(p[:2]), p[2]) for p in pairs(text, lang)} == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("it", "Ford ha comprato il 20% di Mazda. Questa partnership rafforzerà la nostra posizione in Asia.",
     {("Ford", "Mazda", "active")}),
    ("en", "Ford bought 20% of Mazda. This strategic tie-up will strengthen our position in Asia.", {("Ford", "Mazda", "active")}),
    ("fr", "Ford a acheté 20 % de Mazda. Cette alliance renforcera notre position en Asie.", {("Ford", "Mazda", "active")}),
    ("de", "Ford hat 20 Prozent an Mazda gekauft. Diese Partnerschaft stärkt unsere Position in Asien.",
     {("Ford", "Mazda", "active")}),
    # one company named before, or a denial: no pair
    ("en", "Ford reported a loss in Japan. This partnership will strengthen our position.", set()),
    ("en", "Ford bought 20% of Mazda. This is no partnership, a spokesman said.", set()),
])
def test_this_partnership_is_the_tie_of_the_pair_named_just_before(lang, text, expected):
    assert {(*sorted(p[:2]), p[2]) for p in pairs(text, lang)} == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("it", "Renault cerca un successore. I candidati sono due: Marco Bellini, direttore finanziario, e Luca Neri, responsabile Emea del gruppo.",
     {("Marco Bellini", "Renault Group"), ("Luca Neri", "Renault Group")}),
    ("en", "Renault cut its forecast. Margins will recover next year, said Jane Morel, chief financial officer.",
     {("Jane Morel", "Renault Group")}),
    ("fr", "Renault réduit ses prévisions. Les marges remonteront, a déclaré Jean Morel, directeur financier.",
     {("Jean Morel", "Renault Group")}),
    ("de", "Renault senkt die Prognose. Die Margen steigen wieder, sagte Hans Keller, Finanzchef, am Montag.",
     {("Hans Keller", "Renault Group")}),
    # an analyst, a title at a company named after it, a former title
    ("en", "Renault cut its forecast. Margins will recover, said Jane Morel, an analyst at Bernstein.", set()),
    ("en", "Renault cut its forecast. Margins will recover, said Jane Morel, chief executive of Nissan.", {("Jane Morel", "Nissan")}),
    ("en", "Renault cut its forecast. Margins will recover, said Jane Morel, former chairman.", set()),
])
def test_a_title_after_a_name_with_no_company(lang, text, expected):
    assert employers(text, lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("it", "Marco Bellini è stato nominato ceo di Horse Powertrain. Luca Neri e Anna Costa sono rispettivamente stati nominati "
           "direttore finanziario e direttore tecnico.",
     {("Marco Bellini", "Horse Powertrain"), ("Luca Neri", "Horse Powertrain"), ("Anna Costa", "Horse Powertrain")}),
    ("en", "Jane Morel was appointed CEO of Horse Powertrain. Tom Baker and Ann Lee were named chief financial officer and "
           "chief technology officer.",
     {("Jane Morel", "Horse Powertrain"), ("Tom Baker", "Horse Powertrain"), ("Ann Lee", "Horse Powertrain")}),
    ("fr", "Jean Morel a été nommé directeur général de Horse Powertrain. Paul Blanc a été nommé directeur financier.",
     {("Jean Morel", "Horse Powertrain"), ("Paul Blanc", "Horse Powertrain")}),
    ("de", "Der Vorstandschef von Horse Powertrain, Hans Keller, stellte sein Team vor. Paul Weiss wurde zum Finanzchef ernannt.",
     {("Paul Weiss", "Horse Powertrain")}),
    # no appointment before: at which company, the text does not say
    ("en", "Renault reported a loss. Tom Baker was named chief financial officer.", set()),
])
def test_an_appointment_naming_no_company_is_at_the_one_of_the_last(lang, text, expected):
    assert {p for p in employers(text, lang)} >= expected and all(p[1] == "Horse Powertrain" for p in employers(text, lang))


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Nissan is reportedly in talks to invest $400 million in ailing start-up Fisker Inc.", {("Fisker", "Nissan", "prospective")}),
    ("en", "Amazon and Ford are in talks about making an investment in Michigan-based startup Rivian.",
     {("Amazon", "Rivian", "prospective"), ("Ford", "Rivian", "prospective")}),
    ("en", "Meanwhile, Taiwanese giant Foxconn has emerged as a possible investor in Nissan.", {("Foxconn", "Nissan", "prospective")}),
    ("it", "Nissan è in trattativa per investire 400 milioni nella start-up Rivian.", {("Nissan", "Rivian", "prospective")}),
    ("fr", "Nissan est en discussions pour prendre une participation dans la start-up Rivian.", {("Nissan", "Rivian", "prospective")}),
    ("de", "Nissan ist in Gesprächen über eine Beteiligung an dem Start-up Rivian.", {("Nissan", "Rivian", "prospective")}),
    ("en", "Nissan is not in talks to invest in Rivian.", set()),
])
def test_talks_to_invest_are_a_tie_in_prospect(lang, text, expected):
    assert {(*sorted(p[:2]), p[2]) for p in pairs(text, lang)} == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("it", "Nissan e Mitsubishi crescono. Toyota investirà in Ampere, ha detto Mario Rossi, CEO del costruttore giapponese.",
     {("Mario Rossi", "Toyota")}),
    ("en", "Nissan and Mitsubishi are growing. Toyota will invest in Ampere, said Jane Doe, CEO of the Japanese carmaker.",
     {("Jane Doe", "Toyota")}),
    # two of that country in the sentence itself: which one, the text does not say
    ("en", "Nissan is growing. Toyota will invest in Honda, said Jane Doe, CEO of the Japanese carmaker.", set()),
])
def test_a_described_company_of_this_sentence_before_one_of_the_last(lang, text, expected):
    assert employers(text, lang) == expected


@pytest.mark.parametrize("lang,text", [
    ("en", "Ford is building a plant. Ford will hire 2,000 workers in Ohio, said President Joe Biden."),
    ("it", "Stellantis investe a Melfi. Lo ha annunciato il presidente Sergio Mattarella, in visita a Stellantis."),
])
def test_a_bare_presidential_title_is_no_role_at_the_company(lang, text):
    assert employers(text, lang) == set()


def test_talks_to_sell_a_stake_are_no_tie_in_prospect():
    assert pairs("Renault is in talks to sell its stake in Nissan.", "en") == set()


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "GlobalFoundries will supply chips to Ford.", {("SUPPLIES", "GlobalFoundries", "Ford")}),
    ("en", "SoftBank holds a 10% stake in Getaround.", {("INVESTS_IN", "SoftBank Group", "Getaround")}),
    ("it", "Berkshire Hathaway detiene il 5% di BYD.", {("INVESTS_IN", "Berkshire Hathaway", "BYD")}),
    ("de", "Hella liefert Scheinwerfer an Isuzu.", {("SUPPLIES", "Hella", "Isuzu Motors")}),
    ("fr", "Symbio a signé un partenariat avec Hino.", {("PARTNERS_WITH", "Hino Motors", "Symbio")}),
])
def test_more_companies_of_the_industry_are_known_by_name(lang, text, expected):
    got = set()
    for r in rels(text, lang):
        pair = (r["subject"], r["object"])
        got.add((r["predicate"], *(sorted(pair) if r["predicate"] == "PARTNERS_WITH" else pair)))
    assert got == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Renault signed a partnership with Westwater Resources.", {("Renault Group", "Westwater Resources")}),
    ("it", "Stellantis firma un accordo con Vulcan Energy per il litio.", {("Stellantis", "Vulcan Energy")}),
    ("en", "BMW signed a partnership with Inova Semiconductors.", {("BMW", "Inova Semiconductors")}),
    ("en", "Renault will invest in Renewable Energy across Europe.", set()),
    ("en", "Renault signed a partnership on Battery Systems with its suppliers.", set()),
])
def test_a_firm_named_by_its_trade_word_unless_the_words_name_a_field(lang, text, expected):
    assert {(r["subject"], r["object"]) for r in rels(text, lang)} == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "SoftBank made a $2.25 billion investment for a 19.6 percent stake in GM's autonomous vehicle operation.", set()),
    ("en", "Toyota took a 10% stake in Ford's battery business.", set()),
    ("en", "SoftBank took a 19.6 percent stake in GM.", {("SoftBank Group", "General Motors", 19.6)}),
    ("en", "SoftBank took a 5% stake in GM's shares last year.", {("SoftBank Group", "General Motors", 5)}),
])
def test_a_stake_in_an_unnamed_unit_of_a_company_is_no_stake_in_the_company(lang, text, expected):
    assert stakes(text, lang) == expected


# -- lists of stakes and partners --
def stakes(text, lang):
    return {(r["subject"], r["object"], r.get("stake_pct")) for r in rels(text, lang, predicate="INVESTS_IN")}


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Toyota reported results. It wholly owns Daihatsu, and has a 20 percent stake in Hino, a 16.8 percent stake "
           "in Subaru and a 5.1 percent stake in Mazda.",
     {("Toyota", "Hino Motors", 20), ("Toyota", "Subaru", 16.8), ("Toyota", "Mazda", 5.1)}),
    ("en", "Toyota has a 20% stake in Mazda, a 5% stake in Subaru and owns Daihatsu outright.",
     {("Toyota", "Mazda", 20), ("Toyota", "Subaru", 5)}),
    ("en", "Toyota owns 51% of Daihatsu, 20% of Hino and 5% of Mazda.",
     {("Toyota", "Daihatsu", 51), ("Toyota", "Hino Motors", 20), ("Toyota", "Mazda", 5)}),
    ("fr", "Renault a publié ses résultats. Il détient 15 % de Nissan, 10 % de Dacia et 5 % de Daimler.",
     {("Renault Group", "Nissan", 15), ("Renault Group", "Dacia", 10), ("Renault Group", "Mercedes-Benz Group", 5)}),
    ("it", "Toyota detiene il 51% di Daihatsu, il 20% di Hino e il 5% di Mazda.",
     {("Toyota", "Daihatsu", 51), ("Toyota", "Hino Motors", 20), ("Toyota", "Mazda", 5)}),
    ("de", "VW hält 20 Prozent an Traton und 10 Prozent an Rivian.",
     {("Volkswagen Group", "Traton", 20), ("Volkswagen Group", "Rivian", 10)}),
    # a stake of the company named last, in a clause of its own: its own
    ("en", "Toyota has a 20% stake in Mazda, which holds 5% of Subaru.", {("Toyota", "Mazda", 20), ("Mazda", "Subaru", 5)}),
    ("en", "Toyota does not own a stake in Mazda, Subaru or Hino.", set()),
])
def test_a_list_of_stakes_are_all_the_holders(lang, text, expected):
    assert stakes(text, lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Toyota reported results. It wholly owns Daihatsu, and has a 20 percent stake in Hino.", {("Daihatsu", "Toyota")}),
    ("en", "Toyota has a 20% stake in Mazda and owns Daihatsu outright.", {("Daihatsu", "Toyota")}),
    ("en", "Toyota reported results. It has a 20% stake in Mazda and a 5% stake in Subaru.", set()),
])
def test_a_wholly_owned_holding_in_a_list_is_a_unit(lang, text, expected):
    assert {(r["subject"], r["object"]) for r in rels(text, lang, predicate="SUBSIDIARY_OF")} == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("fr", "Stellantis travaille également avec les fabricants de puces Infineon, NXP et Qualcomm.",
     {("Stellantis", "Infineon"), ("Stellantis", "NXP"), ("Stellantis", "Qualcomm")}),
    ("fr", "Renault travaille avec Geely et Nissan sur les moteurs.", {("Renault Group", "Geely Holding"), ("Renault Group", "Nissan")}),
    ("en", "Stellantis also works with chipmakers Infineon, NXP and Qualcomm.",
     {("Stellantis", "Infineon"), ("Stellantis", "NXP"), ("Stellantis", "Qualcomm")}),
    ("en", "Ford works closely with Lyft.", {("Ford", "Lyft")}),
    ("it", "Stellantis lavora anche con i produttori di chip Infineon e NXP.", {("Stellantis", "Infineon"), ("Stellantis", "NXP")}),
    ("de", "Stellantis arbeitet auch mit den Chipherstellern Infineon und NXP zusammen.",
     {("Stellantis", "Infineon"), ("Stellantis", "NXP")}),
    ("en", "GM has a long relationship with Lyft.", {("General Motors", "Lyft")}),
    ("en", "Waymo expanded its relationship with Stellantis this week.", {("Stellantis", "Waymo")}),
    # a rival named to describe the partner is no party
    ("en", "GM has an existing relationship with Uber rival Lyft.", {("General Motors", "Lyft")}),
    # a relative clause speaks of its antecedent alone, up to its end
    ("en", "Lyft has struck deals with Ford and Waymo, which this week expanded its relationship with Stellantis, "
           "and GM did not comment.",
     {("Ford", "Lyft"), ("Lyft", "Waymo"), ("Stellantis", "Waymo")}),
    # "it" after a company named as an object is not that company
    ("en", "Horizon is no stranger to Volkswagen as it works with the Audi brand.", set()),
    ("en", "BMW does not work with Infineon or Qualcomm.", set()),
    ("fr", "Renault ne travaille pas avec Geely.", set()),
    ("en", "The software works with Android and was built by Google.", set()),
])
def test_partners_after_working_with_or_a_relationship_with(lang, text, expected):
    assert {tuple(sorted(p[:2])) for p in pairs(text, lang)} == {tuple(sorted(p)) for p in expected}


@pytest.mark.parametrize("lang,text,expected", [
    # the dot of an abbreviated name ends no list
    ("en", "Lyft, for example, has struck deals with Ford Motor Co. and Waymo.", {("Ford", "Lyft"), ("Lyft", "Waymo")}),
    ("fr", "Renault a signé un accord avec Ford Motor Co. et Rivian.", {("Ford", "Renault Group"), ("Renault Group", "Rivian")}),
    ("de", "VW hat eine Vereinbarung mit Ford Motor Co. und Rivian unterzeichnet.",
     {("Ford", "Volkswagen Group"), ("Rivian", "Volkswagen Group")}),
    ("en", "Lyft struck a deal with Ford Motor Co. And Waymo did not.", {("Ford", "Lyft")}),
    # rivals are no partners
    ("en", "The deal may help Toyota compete with Nissan Motor Co. and General Motors Co. in selling electric cars.", set()),
    ("en", "Toyota signed a deal with Tesla to compete with Nissan.", {("Tesla", "Toyota")}),
    ("it", "L'accordo aiuterà Toyota a competere con Nissan e Ford.", set()),
    ("fr", "L'accord aidera Toyota à rivaliser avec Nissan et Ford.", set()),
])
def test_a_list_past_an_abbreviated_name_and_rivals_after_compete_with(lang, text, expected):
    assert {tuple(sorted(p[:2])) for p in pairs(text, lang)} == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "BMW has signed an agreement with Infineon and Qualcomm, guaranteeing the supply of chips.",
     {("Infineon", "BMW"), ("Qualcomm", "BMW")}),
    ("en", "BMW signed deals with Infineon and NXP to secure the supply of chips.", {("Infineon", "BMW"), ("NXP", "BMW")}),
    ("fr", "BMW a signé un accord avec Infineon et NXP, qui garantit l'approvisionnement en puces.",
     {("Infineon", "BMW"), ("NXP", "BMW")}),
    ("it", "BMW ha firmato un accordo con Infineon e NXP che garantisce la fornitura di chip.", {("Infineon", "BMW"), ("NXP", "BMW")}),
    # the carmaker described, not named: the one the text is about
    ("en", "BMW needs chips. The automaker has signed an agreement with Infineon and NXP, guaranteeing the supply of chips.",
     {("Infineon", "BMW"), ("NXP", "BMW")}),
    ("fr", "BMW a besoin de puces. Le constructeur a signé un accord avec Infineon et NXP, qui garantit l'approvisionnement en puces.",
     {("Infineon", "BMW"), ("NXP", "BMW")}),
    # another carmaker sells no chips; a denial; talks
    ("en", "BMW needs chips. The automaker has signed an agreement with Ford, guaranteeing the supply of chips.", set()),
    ("en", "BMW did not sign an agreement with Infineon and NXP guaranteeing the supply of chips.", set()),
    ("en", "BMW is in talks on an agreement with Infineon and NXP, guaranteeing the supply of chips.", set()),
])
def test_each_party_to_a_deal_that_secures_a_supply_sells(lang, text, expected):
    assert {(r["subject"], r["object"]) for r in rels(text, lang, predicate="SUPPLIES")} == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Toyota will invest in GM, the first of many deals for the fund, which holds investments in Uber.",
     {("Toyota", "General Motors")}),
    ("fr", "Renault a investi dans Nissan, un choix du groupe, qui détient aussi des parts de Dacia.", {("Renault Group", "Nissan")}),
    ("en", "Geely, which holds 9.7 percent of Daimler, grew.", {("Geely Holding", "Mercedes-Benz Group")}),
    ("en", "Toyota bought shares of Mazda Motor Corp., which owns 5 percent of Subaru.", {("Toyota", "Mazda"), ("Mazda", "Subaru")}),
])
def test_a_holding_in_a_relative_clause_of_an_unnamed_antecedent(lang, text, expected):
    assert {s[:2] for s in stakes(text, lang)} == expected


@pytest.mark.parametrize("lang,text,expected", [
    # a name not known, inside a list, ends no list
    ("fr", "Stellantis travaille également avec les fabricants de puces Infineon, NXP, zorvex, et Qualcomm.",
     {("Infineon", "Stellantis"), ("NXP", "Stellantis"), ("Qualcomm", "Stellantis")}),
    ("it", "Stellantis ha firmato accordi con Infineon, NXP, zorvex e Qualcomm.",
     {("Infineon", "Stellantis"), ("NXP", "Stellantis"), ("Qualcomm", "Stellantis")}),
    ("de", "Stellantis hat Vereinbarungen mit Infineon, NXP, zorvex und Qualcomm unterzeichnet.",
     {("Infineon", "Stellantis"), ("NXP", "Stellantis"), ("Qualcomm", "Stellantis")}),
    ("en", "Ford works with Infineon, NXP, respectively, and Qualcomm said nothing.", {("Ford", "Infineon"), ("Ford", "NXP")}),
])
def test_a_list_with_an_unknown_name_inside(lang, text, expected):
    assert {tuple(sorted(p[:2])) for p in pairs(text, lang)} == expected


# -- people and their roles --

@pytest.mark.parametrize("lang,text,expected", [
    ("it", "Stellantis chiude il trimestre in crescita. Lo ha affermato il Ceo Mario Rossi.", {("Mario Rossi", "Stellantis")}),
    ("en", "Ford posted higher sales in March. The gains were broad, said the CEO, Jane Doe.", {("Jane Doe", "Ford")}),
    ("fr", "Renault a vendu plus de voitures en mars. Les ventes progressent, a déclaré le PDG Jean Martin.", {("Jean Martin", "Renault Group")}),
    ("de", "BMW hat im März mehr Autos verkauft. Die Nachfrage sei stark, sagte der Vorstandschef Hans Müller.", {("Hans Müller", "BMW")}),
    # a head of state after the verb: no role at the company
    ("en", "Ford posted higher sales in March. The gains were broad, said the President Joe Biden.", set()),
])
def test_a_chief_executive_after_a_reporting_verb_and_article(lang, text, expected):
    assert employers(text, lang) >= expected if expected else employers(text, lang) == set()


@pytest.mark.parametrize("lang,text,expected", [
    ("it", "Per il presidente della Fiat e della Ferrari, Mario Rossi Bianchi, l'accordo è positivo.",
     {("Mario Rossi Bianchi", "Fiat"), ("Mario Rossi Bianchi", "Ferrari")}),
    ("en", "The chairman of Ford and of Renault, Jane van Dyke, welcomed the deal.",
     {("Jane van Dyke", "Ford"), ("Jane van Dyke", "Renault Group")}),
    ("fr", "Le président de Renault et de Nissan, Jean de la Croix, a salué l'accord.",
     {("Jean de la Croix", "Renault Group"), ("Jean de la Croix", "Nissan")}),
    ("de", "Der Chef von BMW und Audi, Hans von der Berg, begrüßte die Einigung.",
     {("Hans von der Berg", "BMW"), ("Hans von der Berg", "Audi")}),
    # one company with the title, another only as the deal's party
    ("en", "The chairman of Ford, Jane Doe, welcomed the deal with Nissan.", {("Jane Doe", "Ford")}),
])
def test_a_title_at_two_companies_before_the_name(lang, text, expected):
    assert employers(text, lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Rivian plans to sell its first truck next year. CEO R.J. Smith described the platform as a skateboard.",
     {("R.J. Smith", "Rivian")}),
    ("en", "Ford is cutting costs. The CEO, J. Paul Jones, said plants would close.", {("J. Paul Jones", "Ford")}),
    ("it", "Stellantis investe in Italia. Il Ceo J.-P. Martin ha spiegato che le fabbriche restano aperte.",
     {("J.-P. Martin", "Stellantis")}),
    ("fr", "Renault vend plus de voitures. Le PDG Jean de la Croix a expliqué la stratégie.", {("Jean de la Croix", "Renault Group")}),
    ("de", "BMW baut ein neues Werk. Der Vorstandschef Hans M. Berg sagte, die Nachfrage sei stark.", {("Hans M. Berg", "BMW")}),
    # a head of state, an analyst as the subject: no role at the company
    ("en", "Ford is cutting costs. President Joe Biden said plants would close.", set()),
    ("en", "Ford is cutting costs. Analyst Jane Doe said plants would close.", set()),
])
def test_a_chief_executive_opening_a_sentence_with_initials_in_the_name(lang, text, expected):
    assert employers(text, lang) == expected


def test_initials_do_not_end_a_sentence():
    from autokg.extract.sentences import split_sentences
    text = "Rivian was founded in 2009. CEO R.J. Smith spoke. Sales rose in the U.S. The end."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "Rivian was founded in 2009.", "CEO R.J. Smith spoke.", "Sales rose in the U.S. The end."]


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "BMW secured more chips. \"Supply is stable,\" Jane Doe, a board member responsible for purchasing, said on Monday.",
     {("Jane Doe", "BMW")}),
    ("it", "Stellantis rafforza gli acquisti. Mario Rossi, responsabile degli acquisti, ha detto che la fornitura è stabile.",
     {("Mario Rossi", "Stellantis")}),
    ("fr", "Renault sécurise ses puces. Jean Martin, directeur en charge des achats, a déclaré que l'offre est stable.",
     {("Jean Martin", "Renault Group")}),
    ("de", "BMW sichert sich Chips. Hans Berg, Vorstand zuständig für den Einkauf, sagte, die Versorgung sei stabil.",
     {("Hans Berg", "BMW")}),
    # an analyst with a duty: no title at the company
    ("en", "BMW secured more chips. Jane Doe, an analyst responsible for autos, said supply is stable.", set()),
])
def test_a_title_with_its_duty_after_the_name(lang, text, expected):
    assert employers(text, lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Honda is also in continuing talks with Alphabet's Waymo.", {("SUBSIDIARY_OF", "Waymo", "Alphabet")}),
    ("en", "Volkswagen works with Intel’s Mobileye on driver assistance.", {("SUBSIDIARY_OF", "Mobileye", "Intel")}),
    ("en", "Renault's Nissan stake is worth less.", set()),
    ("en", "It is not Alphabet's Waymo.", set()),
])
def test_a_company_after_its_owners_possessive_is_its_unit_and_the_owner_no_party(lang, text, expected):
    assert {(r["predicate"], r["subject"], r["object"]) for r in rels(text, lang)} == expected


@pytest.mark.parametrize("text,expected", [
    ("WOLFSBURG (dpa-AFX) - Volkswagen works with Mobileye. In Wolfsburg, Bosch signed a deal with Qualcomm.",
     {("Mobileye", "Volkswagen Group"), ("Bosch", "Qualcomm")}),
    ("STOCKHOLM -- Volvo Cars signed a partnership with Polestar.", {("Polestar", "Volvo Cars")}),
])
def test_a_datelines_place_is_no_company(text, expected):
    assert {tuple(sorted((r["subject"], r["object"]))) for r in rels(text, "en")} == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Northwind Capital Partners bought a 5% stake in Lucid.", {("INVESTS_IN", "Northwind Capital Partners", "Lucid")}),
    ("en", "Blue Harbour Fund acquired a 10% stake in Rivian last year.", {("INVESTS_IN", "Blue Harbour Fund", "Rivian")}),
    ("en", "Aston Martin's shareholders include the Oak Tree Consortium, which holds 20% of the carmaker.",
     {("INVESTS_IN", "Oak Tree Consortium", "Aston Martin")}),
    ("it", "Il Fondo Strategico Italiano ha acquisito una quota del 10% di Pirelli.",
     {("INVESTS_IN", "Fondo Strategico Italiano", "Pirelli")}),
    ("it", "Atlante Capital ha acquisito il 10% di Pirelli.", {("INVESTS_IN", "Atlante Capital", "Pirelli")}),
    ("fr", "Le Fonds Avenir Automobile a pris une participation de 10 % dans Forvia.",
     {("INVESTS_IN", "Fonds Avenir Automobile", "Forvia")}),
    ("de", "Der Fonds Nordlicht hat eine Beteiligung von 10 Prozent an Continental erworben.",
     {("INVESTS_IN", "Fonds Nordlicht", "Continental")}),
    ("de", "Nordlicht Capital ist mit 10 Prozent an Continental beteiligt.", {("INVESTS_IN", "Nordlicht Capital", "Continental")}),
    # denials give nothing
    ("en", "Blue Harbour Fund denied that it would invest in Rivian.", set()),
    ("fr", "Atlante Capital n'a pas acquis de participation dans Forvia.", set()),
    ("it", "Atlante Capital non ha acquisito quote di Pirelli.", set()),
    # a headline in title case: "Investments" is a noun there, no investor's name
    ("en", "Stellantis to Halt Investments in Hydrogen Joint Venture With Symbio.",
     {("INVESTS_IN", "Stellantis", "Symbio"), ("PARTNERS_WITH", "Stellantis", "Symbio")}),
])
def test_an_investors_name_ends_in_fund_capital_partners_or_consortium(lang, text, expected):
    assert {(r["predicate"], r["subject"], r["object"]) for r in rels(text, lang)} == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Iveco Bus signed a partnership with Hyundai to build hydrogen buses.",
     {("PARTNERS_WITH", "Iveco Bus", "Hyundai Motor Company")}),
    ("en", "SoftBank signed an agreement with Mahindra Electric Mobility to develop batteries.",
     {("PARTNERS_WITH", "SoftBank Group", "Mahindra Electric Mobility")}),
    ("it", "Iveco Bus collaborerà con Hyundai per equipaggiare i suoi pullman.",
     {("PARTNERS_WITH", "Iveco Bus", "Hyundai Motor Company")}),
    ("fr", "Stellantis Ventures a signé un partenariat avec Bosch.", {("PARTNERS_WITH", "Stellantis Ventures", "Bosch")}),
    ("de", "Volkswagen Commercial Vehicles arbeitet mit Mobileye bei autonomen Transportern zusammen.",
     {("PARTNERS_WITH", "Volkswagen Commercial Vehicles", "Mobileye")}),
    # words that only restate the company's own name make no new one
    ("en", "Nissan Motor signed a partnership with Bosch.", {("PARTNERS_WITH", "Nissan", "Bosch")}),
    ("en", "Daimler Automotive Corporation signed a partnership with Bosch.", {("PARTNERS_WITH", "Mercedes-Benz Group", "Bosch")}),
    # a unit is no partner of the owner it is named after
    ("en", "Iveco Bus signed a partnership with Iveco on hydrogen buses.", set()),
    ("en", "BMW Brilliance Automotive signed a partnership with Brilliance.", set()),
    # denials and two companies with no tie
    ("en", "Iveco Bus did not sign a partnership with Hyundai.", set()),
    ("en", "Bosch and Mahindra Electric Mobility said they had no plans for a partnership.", set()),
    ("en", "BMW and Mahindra Electric Mobility sell cars in India.", set()),
])
def test_a_known_name_with_words_for_a_unit_after_it_names_the_unit(lang, text, expected):
    assert {(r["predicate"], r["subject"], r["object"]) for r in rels(text, lang)} == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Bosch signed a partnership with the joint venture Valeo Kapec to supply motors.",
     {("PARTNERS_WITH", "Bosch", "Valeo Kapec")}),
    ("en", "Valeo Kapec, a subsidiary of Valeo, signed a partnership with Bosch.",
     {("PARTNERS_WITH", "Valeo Kapec", "Bosch"), ("SUBSIDIARY_OF", "Valeo Kapec", "Valeo")}),
    ("fr", "Bosch a signé un partenariat avec la coentreprise Valeo Siemens eAutomotive.",
     {("PARTNERS_WITH", "Bosch", "Valeo Siemens eAutomotive")}),
    ("fr", "Valeo détient 50 % de la société Valeo Sylvania.", {("INVESTS_IN", "Valeo", "Valeo Sylvania")}),
    ("fr", "Valeo Kapec, filiale coréenne de Valeo, a signé un partenariat avec Bosch.",
     {("PARTNERS_WITH", "Valeo Kapec", "Bosch"), ("SUBSIDIARY_OF", "Valeo Kapec", "Valeo")}),
    ("it", "Stellantis detiene il 51% della società Leapmotor International.",
     {("INVESTS_IN", "Stellantis", "Leapmotor International")}),
    ("de", "BMW hält 75 Prozent an dem Gemeinschaftsunternehmen BMW Brilliance.", {("INVESTS_IN", "BMW", "BMW Brilliance")}),
    ("de", "Bosch hat eine Partnerschaft mit Valeo Kapec, einer Tochter von Valeo, unterzeichnet.",
     {("PARTNERS_WITH", "Bosch", "Valeo Kapec"), ("SUBSIDIARY_OF", "Valeo Kapec", "Valeo")}),
    # the name ends before a title; denials and companies merely named together give nothing
    ("en", "Bosch signed a partnership with the company Tesla CEO Elon Musk runs.",
     {("PARTNERS_WITH", "Bosch", "Tesla"), ("WORKS_FOR", "Elon Musk", "Tesla")}),
    ("en", "Bosch did not sign a partnership with the joint venture Valeo Kapec.", set()),
    ("en", "Bosch and the joint venture Valeo Kapec make motors.", set()),
])
def test_a_known_name_with_more_words_named_as_a_venture_or_unit_names_it(lang, text, expected):
    assert {(r["predicate"], r["subject"], r["object"]) for r in rels(text, lang)} == expected


def employers3(text, lang):
    return {(r["subject"], r["object"], r.get("role")) for r in rels(text, lang, predicate="WORKS_FOR")}


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Jane Doe is chief executive of Stellantis.", {("Jane Doe", "Stellantis", "CEO")}),
    ("en", "Jane Doe, who is chief executive of Stellantis, spoke on Monday.", {("Jane Doe", "Stellantis", "CEO")}),
    ("en", "Jane Doe will remain chairman of Pininfarina.", {("Jane Doe", "Pininfarina", "chairman")}),
    ("it", "Mario Rossi rimarrà presidente di Pininfarina.", {("Mario Rossi", "Pininfarina", "president")}),
    ("it", "Pininfarina passa a Mahindra. Mario Rossi rimarrà presidente della società.",
     {("Mario Rossi", "Pininfarina", "president")}),
    ("fr", "Jean Martin reste président de Valeo.", {("Jean Martin", "Valeo", "president")}),
    ("de", "Peter Berg bleibt Chef von Continental.", {("Peter Berg", "Continental", "chef")}),
    # denied, or past: no title held now
    ("en", "Jane Doe is not chief executive of Stellantis.", set()),
    ("en", "Jane Doe was chief executive of Stellantis.", set()),
    ("de", "Peter Berg ist nicht mehr Chef von Continental.", set()),
])
def test_a_person_is_or_remains_a_title_of_a_company(lang, text, expected):
    assert employers3(text, lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Fisker is in talks with a large carmaker. The talks ended, said Henrik Fisker, chief executive and founder.",
     {("Henrik Fisker", "Fisker", "chief executive and founder")}),
    ("en", "Ferrari sold more cars. Piero Ferrari, vice chairman of Ferrari, said sales were strong.",
     {("Piero Ferrari", "Ferrari", "vice chairman")}),
    ("it", "Pininfarina passa a Mahindra. Paolo Pininfarina rimarrà presidente della società.",
     {("Paolo Pininfarina", "Pininfarina", "president")}),
    ("fr", "Peugeot grandit. Robert Peugeot, président de Peugeot, a parlé.", {("Robert Peugeot", "Peugeot", "president")}),
    ("de", "Porsche wächst. Wolfgang Porsche bleibt Chef von Porsche.", {("Wolfgang Porsche", "Porsche", "chef")}),
    # a word before a company's name with no title near is no given name
    ("en", "Analysts at Morgan Stanley said Ford shares rose.", set()),
    ("en", "Sales at Ford rose, said Jane Doe.", set()),
])
def test_a_person_whose_surname_is_a_companys_name(lang, text, expected):
    assert employers3(text, lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("it", "La cinese Provincia Anhui collabora con Volkswagen.", set()),
    ("fr", "CATL, installé dans la chinoise Province Fujian, travaille déjà avec BMW.", {("CATL", "BMW")}),
    ("de", "Die chinesische Stadt Hefei arbeitet mit Volkswagen zusammen.", set()),
    ("de", "CATL mit Sitz in der chinesischen Provinz Fujian arbeitet bereits mit BMW und Daimler zusammen.",
     {("CATL", "BMW"), ("CATL", "Mercedes-Benz Group")}),
    ("en", "CATL, based in the Chinese Province Fujian, already works with BMW.", {("CATL", "BMW")}),
])
def test_a_province_or_city_is_no_company(lang, text, expected):
    assert {(r["subject"], r["object"]) for r in rels(text, lang, predicate="PARTNERS_WITH")} == expected


@pytest.mark.parametrize("text,expected", [
    ("Sumitomo Corp of Americas acquired a 5% stake in Rivian.", {("INVESTS_IN", "Sumitomo Corp of Americas", "Rivian")}),
    ("Rivian's backers include Sumitomo Corp of Americas, which bought a 5% stake in the company.",
     {("INVESTS_IN", "Sumitomo Corp of Americas", "Rivian")}),
    ("Volkswagen Group of America signed a partnership with Bosch.",
     {("PARTNERS_WITH", "Volkswagen Group of America", "Bosch")}),
    # a region after a description is no part of a name; denials and mere neighbours give nothing
    ("Stellantis is the third carmaker of Europe and works with Bosch.", {("PARTNERS_WITH", "Stellantis", "Bosch")}),
    ("Ford of Europe did not sign a partnership with Bosch.", set()),
    ("Volkswagen Group of America and Bosch sell parts in Ohio.", set()),
])
def test_a_companys_unit_for_a_region_is_named_with_of(text, expected):
    assert {(r["predicate"], r["subject"], r["object"]) for r in rels(text, "en")} == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("it", "WOLFSBURG (dpa-AFX) - Mercoledì scorso, a Wolfsburg, il più grande produttore di automobili d'Europa ha "
           "annunciato una collaborazione con Bosch.", set()),
    ("fr", "SOCHAUX (AFP) - Sochaux, le constructeur, a signé un partenariat avec Bosch.", set()),
    ("de", "INGOLSTADT (dpa) - Ingolstadt, der Autohersteller, arbeitet mit Bosch zusammen.", set()),
    ("en", "DETROIT (Reuters) - Detroit, the carmaker, signed a partnership with Bosch.", set()),
    ("en", "DETROIT (Reuters) - Ford signed a partnership with Bosch in Detroit.", {("Ford", "Bosch")}),
])
def test_the_datelines_place_is_no_company_anywhere_in_the_text(lang, text, expected):
    assert {(r["subject"], r["object"]) for r in rels(text, lang, predicate="PARTNERS_WITH")} == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Daimler owns a 3% stake in Chinese-American Li-ion producer Farasis.",
     {("INVESTS_IN", "Mercedes-Benz Group", "Farasis Energy")}),
    ("en", "Daimler owns a 3% stake in Lithium Ion producer Farasis.", {("INVESTS_IN", "Mercedes-Benz Group", "Farasis Energy")}),
    ("it", "Daimler detiene una quota del 3% nel Sino-Americano Li-ion produttore Farasis.",
     {("INVESTS_IN", "Mercedes-Benz Group", "Farasis Energy")}),
    ("fr", "Daimler détient une participation de 3 % dans Lithium Ion producteur Farasis.",
     {("INVESTS_IN", "Mercedes-Benz Group", "Farasis Energy")}),
    ("de", "Daimler hält eine Beteiligung von 3 Prozent an Lithium Ion Produzent Farasis.",
     {("INVESTS_IN", "Mercedes-Benz Group", "Farasis Energy")}),
    ("en", "Daimler does not own a stake in Lithium Ion producer Farasis.", set()),
])
def test_capitalised_words_before_producer_say_what_is_produced(lang, text, expected):
    assert {(r["predicate"], r["subject"], r["object"]) for r in rels(text, lang)} == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Bosch signed a partnership with Shenzhen Electric Bus Company.", {("Bosch", "Shenzhen Electric Bus Company")}),
    ("it", "Bosch ha firmato un accordo di collaborazione con la Shenzhen Electric Bus Company.",
     {("Bosch", "Shenzhen Electric Bus Company")}),
    ("fr", "Bosch a signé un partenariat avec Shenzhen Electric Bus Company.", {("Bosch", "Shenzhen Electric Bus Company")}),
    ("de", "Bosch hat eine Partnerschaft mit der Shenzhen Electric Bus Company unterzeichnet.",
     {("Bosch", "Shenzhen Electric Bus Company")}),
    ("en", "Bosch did not sign a partnership with Shenzhen Electric Bus Company.", set()),
    ("en", "The Company signed a partnership with Bosch.", set()),
])
def test_a_name_ending_in_company_is_a_firms(lang, text, expected):
    assert {(r["subject"], r["object"]) for r in rels(text, lang, predicate="PARTNERS_WITH")} == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Bosch signed a partnership with the joint venture SAIC Iveco Hongyan Truck Company.",
     {("Bosch", "SAIC Iveco Hongyan Truck Company")}),
    ("it", "Bosch ha firmato un accordo di collaborazione con la joint venture Saic Iveco Hongyan Truck Company.",
     {("Bosch", "Saic Iveco Hongyan Truck Company")}),
    ("fr", "Bosch a signé un partenariat avec la coentreprise SAIC Iveco Hongyan Truck Company.",
     {("Bosch", "SAIC Iveco Hongyan Truck Company")}),
    ("de", "Bosch arbeitet mit dem Gemeinschaftsunternehmen SAIC Iveco Hongyan Truck Company zusammen.",
     {("Bosch", "SAIC Iveco Hongyan Truck Company")}),
    ("en", "Bosch did not sign a partnership with the joint venture SAIC Iveco Hongyan Truck Company.", set()),
])
def test_a_ventures_long_name_after_its_owners_ends_in_company(lang, text, expected):
    assert {(r["subject"], r["object"]) for r in rels(text, lang, predicate="PARTNERS_WITH")} == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("it", "Iveco e Saic hanno creato una joint venture che si chiamerà Saic Iveco Hongyan Truck Company.",
     {("INVESTS_IN", "Iveco", "Saic Iveco Hongyan Truck Company"), ("INVESTS_IN", "SAIC Motor", "Saic Iveco Hongyan Truck Company"),
      ("PARTNERS_WITH", "Iveco", "SAIC Motor")}),
    ("fr", "Iveco et SAIC ont créé une coentreprise qui s'appellera SAIC Iveco Hongyan Truck Company.",
     {("INVESTS_IN", "Iveco", "SAIC Iveco Hongyan Truck Company"), ("INVESTS_IN", "SAIC Motor", "SAIC Iveco Hongyan Truck Company"),
      ("PARTNERS_WITH", "Iveco", "SAIC Motor")}),
    ("en", "Iveco and SAIC formed a joint venture that will be called SAIC Iveco Hongyan Truck Company.",
     {("INVESTS_IN", "Iveco", "SAIC Iveco Hongyan Truck Company"), ("INVESTS_IN", "SAIC Motor", "SAIC Iveco Hongyan Truck Company"),
      ("PARTNERS_WITH", "Iveco", "SAIC Motor")}),
    ("en", "Iveco and SAIC did not form a joint venture that will be called SAIC Iveco Hongyan Truck Company.", set()),
])
def test_a_venture_that_will_be_called_a_name_is_its_makers(lang, text, expected):
    assert {(r["predicate"], r["subject"], r["object"]) for r in rels(text, lang)} == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Mahindra's Chief Executive Officer (CEO) Jane Doe said sales rose.", {("Jane Doe", "Mahindra", "CEO")}),
    ("en", "Jane Doe, Chief Financial Officer (CFO) of Mahindra, said sales rose.",
     {("Jane Doe", "Mahindra", "chief financial officer")}),
    ("it", "L'amministratore delegato (AD) di Stellantis Mario Rossi ha parlato.", {("Mario Rossi", "Stellantis", "CEO")}),
    ("fr", "Jean Martin, directeur général (DG) de Renault, a parlé.", {("Jean Martin", "Renault Group", "CEO")}),
    ("de", "Hans Berg, Vorstandsvorsitzender (CEO) von BMW, sprach.", {("Hans Berg", "BMW", "CEO")}),
    # an analyst is no title, whatever follows in brackets
    ("en", "Jane Doe, an analyst (CFA) at Mahindra, spoke.", set()),
])
def test_a_titles_short_form_in_brackets_after_it(lang, text, expected):
    assert employers3(text, lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Mercedes-Daimler signed a partnership with Bosch.", {("Mercedes-Benz Group", "Bosch")}),
    ("it", "Mercedes-Daimler ha firmato un accordo di collaborazione con Bosch.", {("Mercedes-Benz Group", "Bosch")}),
    ("fr", "Mercedes-Daimler a signé un partenariat avec Bosch.", {("Mercedes-Benz Group", "Bosch")}),
    ("de", "Mercedes-Daimler arbeitet mit Bosch zusammen.", {("Mercedes-Benz Group", "Bosch")}),
    # two companies' names stay a grouping of both; a denial gives nothing
    ("en", "Renault-Nissan signed a partnership with Bosch.", {("Renault Group", "Bosch"), ("Nissan", "Bosch")}),
    ("en", "Mercedes-Daimler did not sign a partnership with Bosch.", set()),
])
def test_two_names_of_one_company_joined_by_a_hyphen_are_that_company(lang, text, expected):
    assert {(r["subject"], r["object"]) for r in rels(text, lang, predicate="PARTNERS_WITH")} == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Bosch signed a partnership with the joint venture Daimler Hyundai Truck Corporation.",
     {("Bosch", "Daimler Hyundai Truck")}),
    ("it", "Bosch ha firmato un accordo di collaborazione con la joint venture Daimler Hyundai Truck Corporation.",
     {("Bosch", "Daimler Hyundai Truck")}),
    # "Industry Company" only restates the company's own name
    ("en", "Bosch signed a partnership with Beijing Automotive Industry Company.", {("Bosch", "BAIC Group")}),
    ("en", "Bosch did not sign a partnership with the joint venture Daimler Hyundai Truck Corporation.", set()),
])
def test_a_units_name_loses_its_legal_form_and_restating_words_make_none(lang, text, expected):
    assert {(r["subject"], r["object"]) for r in rels(text, lang, predicate="PARTNERS_WITH")} == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("de", "Bosch arbeitet mit den chinesischen Joint Ventures von Volkswagen zusammen.", set()),
    ("en", "Bosch signed a partnership with the two Joint Ventures of Volkswagen.", set()),
    ("it", "Bosch ha firmato un accordo di collaborazione con le Joint Ventures di Volkswagen.", {("Bosch", "Volkswagen Group")}),
    ("fr", "Bosch a signé un partenariat avec les Joint Ventures de Volkswagen.", {("Bosch", "Volkswagen Group")}),
])
def test_joint_ventures_written_in_capitals_name_no_company(lang, text, expected):
    assert {(r["subject"], r["object"]) for r in rels(text, lang, predicate="PARTNERS_WITH")} == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Aster Creation Investment Limited Partnership acquired a 5% stake in Rivian.",
     {("INVESTS_IN", "Aster Creation Investment Limited Partnership", "Rivian")}),
    ("it", "Aster Creation Investment Limited Partnership ha acquisito il 5% di Rivian.",
     {("INVESTS_IN", "Aster Creation Investment Limited Partnership", "Rivian")}),
    # a legal form that ends the name is no part of it
    ("en", "Aster Creation Investment Limited acquired a 5% stake in Rivian.", {("INVESTS_IN", "Aster Creation Investment", "Rivian")}),
    ("en", "Aster Creation Investment Limited Partnership has no stake in Rivian.", set()),
])
def test_an_investors_name_runs_over_a_legal_form_to_partnership(lang, text, expected):
    assert {(r["predicate"], r["subject"], r["object"]) for r in rels(text, lang)} == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Jane Doe, the new chief executive of Ford, spoke about plants.", {("Jane Doe", "Ford")}),
    ("it", "Mario Rossi, nuovo amministratore delegato di Ferrari, ha parlato delle fabbriche.", {("Mario Rossi", "Ferrari")}),
    ("fr", "Jean Martin, nouveau directeur général de Valeo, a parlé des usines.", {("Jean Martin", "Valeo")}),
    ("fr", "Jean Martin, p-dg de Renault, a parlé des usines.", {("Jean Martin", "Renault Group")}),
    ("de", "Hans Berg, neuer Chef von BMW, sprach über die Werke.", {("Hans Berg", "BMW")}),
    # a new product, not a new title: no role
    ("en", "Jane Doe, the new model of Ford, is a car.", set()),
])
def test_a_new_title_after_the_name(lang, text, expected):
    assert employers(text, lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Ford President Jane Doe, who will succeed John Smith as CEO in May, spoke about plants.",
     {("Jane Doe", "Ford"), ("John Smith", "Ford")}),
    ("it", "Mario Rossi, amministratore delegato di Ferrari, che succede a Luigi Bianchi, ha parlato.",
     {("Mario Rossi", "Ferrari"), ("Luigi Bianchi", "Ferrari")}),
    ("fr", "Jean Martin, directeur général de Valeo, qui a remplacé en janvier Paul Durand, a parlé.",
     {("Jean Martin", "Valeo"), ("Paul Durand", "Valeo")}),
    ("de", "Hans Berg, Chef von BMW, folgt auf Peter Weber.", {("Hans Berg", "BMW"), ("Peter Weber", "BMW")}),
    ("en", "Ford CEO Jane Doe spoke. Unlike her predecessor John Smith, Jane Doe likes partners.",
     {("Jane Doe", "Ford"), ("John Smith", "Ford")}),
    ("it", "Il Ceo di Ferrari Mario Rossi ha parlato. A differenza del suo predecessore Luigi Bianchi, Mario Rossi punta sui partner.",
     {("Mario Rossi", "Ferrari"), ("Luigi Bianchi", "Ferrari")}),
    # no succession: a denied one, a person met, a successor with no known post, another company's move
    ("en", "Jane Doe, CEO of Ford, will not succeed John Smith.", {("Jane Doe", "Ford")}),
    ("en", "Jane Doe, who met John Smith, spoke about plants.", set()),
    ("en", "Jane Doe will succeed John Smith as CEO.", set()),
    ("en", "Jane Doe, CEO of Ford, said Tesla will replace Elon Musk.", {("Jane Doe", "Ford")}),
])
def test_the_person_succeeded_held_the_post_at_the_same_company(lang, text, expected):
    assert employers(text, lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("it", "Il presidente di Ferrari (Mario Rossi) e Iveco (Luigi Bianchi) hanno firmato l'accordo.",
     {("Mario Rossi", "Ferrari"), ("Luigi Bianchi", "Iveco")}),
    ("en", "The chief executives of Ford (Jane Doe) and BMW (Hans Berg) signed the deal.",
     {("Jane Doe", "Ford"), ("Hans Berg", "BMW")}),
    ("fr", "Les patrons de Renault (Jean Martin) et de Valeo (Paul Durand) ont signé l'accord.",
     {("Jean Martin", "Renault Group"), ("Paul Durand", "Valeo")}),
    ("de", "Die Chefs von BMW (Hans Berg) und Continental (Peter Weber) unterzeichneten den Vertrag.",
     {("Hans Berg", "BMW"), ("Peter Weber", "Continental")}),
    # brackets holding no person, and a person in brackets after a company with no title before it
    ("en", "The CEO of Ford (NYSE: F) signed the deal.", set()),
    ("it", "Il presidente di Ferrari (Maranello) e Iveco (Torino) hanno firmato l'accordo.", set()),
    ("en", "The CEO of Ford (Jane Doe) met Tesla (Hans Berg).", {("Jane Doe", "Ford")}),
])
def test_a_title_at_companies_each_followed_by_its_head_in_brackets(lang, text, expected):
    assert employers(text, lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("it", "Ferrari cambia vertice. Il nuovo amministratore delegato si chiama Mario Rossi.", {("Mario Rossi", "Ferrari")}),
    ("en", "Ford changes its leadership. The new chief executive will be Jane Doe.", {("Jane Doe", "Ford")}),
    ("fr", "Valeo change de direction. Le nouveau PDG s'appelle Jean Martin.", {("Jean Martin", "Valeo")}),
    ("de", "BMW bekommt eine neue Führung. Der neue Chef heißt Hans Berg.", {("Hans Berg", "BMW")}),
    # no name given, and no company the text is about
    ("en", "Ford changes its leadership. The new chief executive will be named in May.", set()),
    ("en", "The new chief executive will be Jane Doe.", set()),
])
def test_the_new_title_is_called_a_name(lang, text, expected):
    assert employers(text, lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("it", "Stellantis firma con Leapmotor: dal 50%, però, il gruppo guidato da Mario Rossi vuole salire al 75%.",
     {("Mario Rossi", "Stellantis")}),
    ("en", "Ford signed with Rivian: from 50%, the group led by Jane Doe wants to reach 75%.", {("Jane Doe", "Ford")}),
    ("fr", "Renault signe avec Geely : de 50 %, le groupe dirigé par Jean Martin veut passer à 75 %.", {("Jean Martin", "Renault Group")}),
    # no person after "led by", no firm before it, a denial
    ("en", "Ford signed with Rivian: the group led by analysts wants more.", set()),
    ("en", "Ford signed with Rivian: the team led by Jane Doe wants more.", set()),
    ("en", "Ford signed with Rivian: the group, no longer led by Jane Doe, wants more.", set()),
])
def test_the_firm_led_by_a_person_within_the_sentence(lang, text, expected):
    assert employers(text, lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "The venture starts in May with Jane Doe of Toyota as the chairman, while John Smith from BYD will hold the title of CEO.",
     {("Jane Doe", "Toyota"), ("John Smith", "BYD")}),
    ("it", "I due partner avranno tre consiglieri e Mario Rossi di Geely assumerà l’incarico di amministratore delegato.",
     {("Mario Rossi", "Geely Holding")}),
    ("fr", "Jean Martin de Renault sera le président de la nouvelle société.", {("Jean Martin", "Renault Group")}),
    ("de", "Hans Berg von BMW wird der Chef des neuen Unternehmens.", {("Hans Berg", "BMW")}),
    # no title taken, a title at another company, a product rather than a person
    ("en", "Jane Doe of Ford praised the deal.", set()),
    ("en", "Jane Doe of Ford met the CEO of Tesla.", set()),
    ("en", "The Model Y of Tesla is the best seller, its chief said.", set()),
])
def test_a_person_of_a_company_then_the_title_taken(lang, text, expected):
    assert employers(text, lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("it", "La rivista indica in Mario Rossi, membro del board Ferrari ed ex dirigente di banca, il nuovo capo.",
     {("Mario Rossi", "Ferrari")}),
    ("it", "Il gruppo ha inserito Mario Rossi (responsabile Volkswagen per lo sviluppo) nel consiglio.",
     {("Mario Rossi", "Volkswagen Group")}),
    ("en", "Jane Doe, CEO Ford, said it.", {("Jane Doe", "Ford")}),
    ("fr", "Le groupe a nommé Jean Martin (responsable Renault pour les achats) au conseil.", {("Jean Martin", "Renault Group")}),
    ("de", "Der Konzern holte Hans Berg (Vorstand BMW) in den Aufsichtsrat.", {("Hans Berg", "BMW")}),
    # a title with no company after it, a company that opens the next clause
    ("en", "Jane Doe, an analyst, said Ford will grow.", set()),
    ("it", "Mario Rossi, analista (Ferrari e Iveco crescono), ha parlato.", set()),
])
def test_a_title_right_before_the_company_s_name_after_a_person(lang, text, expected):
    assert employers(text, lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Ford has named the head of its China business, Jane Doe, to be its new chief executive.", {("Jane Doe", "Ford")}),
    ("it", "Renault ha nominato il responsabile della Cina, Mario Rossi, come suo nuovo amministratore delegato.",
     {("Mario Rossi", "Renault Group")}),
    ("fr", "Renault a nommé le responsable de la Chine, Jean Martin, comme nouveau directeur général.", {("Jean Martin", "Renault Group")}),
    # the one replaced then holds the post too
    ("en", "Ford has named the head of its China business, Jane Doe, to be its new chief executive. Jane Doe replaces John Smith.",
     {("Jane Doe", "Ford"), ("John Smith", "Ford")}),
    # a list with no title appointed to
    ("en", "Ford has named the head of its China business, Jane Doe, and a new plant manager.", set()),
])
def test_an_appointee_described_before_the_name(lang, text, expected):
    assert employers(text, lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("it", "Volkswagen cresce, ha dichiarato il CEO del Gruppo Mario Rossi. Rossi, che è anche CEO di Porsche, ha parlato.",
     {("Mario Rossi", "Volkswagen Group"), ("Mario Rossi", "Porsche")}),
    ("en", "Ford is growing, said the group's CEO Jane Doe. Doe, who is also chairman of Lincoln, spoke on Monday.",
     {("Jane Doe", "Ford"), ("Jane Doe", "Lincoln")}),
    # the first post the text gave the successor is the one the predecessor held
    ("it", "Volkswagen cresce, ha dichiarato il CEO del Gruppo Mario Rossi. Rossi, che è anche CEO di Porsche, ha parlato. "
           "A differenza del suo predecessore Luigi Bianchi, Rossi punta sui partner.",
     {("Mario Rossi", "Volkswagen Group"), ("Mario Rossi", "Porsche"), ("Luigi Bianchi", "Volkswagen Group")}),
    # a surname that is also a company's name stays the company's
    ("en", "Ford is growing, said the group's CEO Jane Porsche. Porsche signed a deal with Ford.", {("Jane Porsche", "Ford")}),
])
def test_a_persons_surname_alone_names_the_person_further_on(lang, text, expected):
    assert employers(text, lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("it", "Renault apre a Torino, ha spiegato il Ceo Mario Rossi. \"L'obiettivo - prosegue Rossi a un quotidiano - è collaborare con aziende come Stellantis.\"",
     "prospective"),
    ("fr", "Renault ouvre à Lyon, a expliqué le PDG Jean Martin. « L'objectif - poursuit Martin - est de collaborer avec des groupes comme Stellantis. »",
     "prospective"),
    ("de", "Renault eröffnet in Köln, sagte der Vorstandschef Hans Berg. Das Ziel, so Berg, ist eine Kooperation mit Firmen wie Stellantis.", "prospective"),
])
def test_a_goal_stays_a_goal_with_the_speaker_named_inside(lang, text, expected):
    out = rels(text, lang, predicate="PARTNERS_WITH")
    assert out and all(r["status"] == expected for r in out)


@pytest.mark.parametrize("lang,text,expected", [
    ("de", "Die Batterie sei gut, sagte Hans Berg, bei BMW zuständig für das Batteriegeschäft.", {("Hans Berg", "BMW")}),
    ("fr", "« La batterie est bonne », a dit Jean Martin, chez Renault en charge des achats.", {("Jean Martin", "Renault Group")}),
    ("en", "\"The battery is good,\" said Jane Doe, at Ford responsible for purchasing.", {("Jane Doe", "Ford")}),
    ("it", "\"La batteria è buona\", ha detto Mario Rossi, presso Ferrari responsabile degli acquisti.", {("Mario Rossi", "Ferrari")}),
    # a visit, a denied duty
    ("en", "\"The battery is good,\" said Jane Doe, at Ford's plant yesterday.", set()),
    ("de", "Die Batterie sei gut, sagte Hans Berg, bei BMW nicht zuständig für Batterien.", set()),
])
def test_a_duty_at_the_company_after_the_name(lang, text, expected):
    assert employers(text, lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Lotte Group Chairman Shin Dong-bin said the deal was good.", {("Shin Dong-bin", "Lotte Group")}),
    ("en", "Acme Holdings Executive Chairman John Smith said the deal was good.", {("John Smith", "Acme")}),  # a legal form ends no name
    ("it", "Il deal è buono, ha detto Acme Group CEO Mario Rossi.", {("Mario Rossi", "Acme Group")}),
    # a description, not a name, before the title
    ("en", "The German Group CEO John Smith said the deal was good.", set()),
    ("en", "The Group CEO John Smith said the deal was good.", set()),
])
def test_an_unknown_firm_named_by_its_last_word_before_a_title_and_a_person(lang, text, expected):
    assert employers(text, lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "The board confirmed Jane Doe as chief executive of Ford.", {("Jane Doe", "Ford")}),
    ("en", "Ford CEO Jane Doe spoke. Doubts grew after the ousting of Doe as chair of both Nissan and Mitsubishi.",
     {("Jane Doe", "Ford"), ("Jane Doe", "Nissan"), ("Jane Doe", "Mitsubishi Motors")}),
    ("it", "Il consiglio ha confermato Mario Rossi come presidente di Ferrari.", {("Mario Rossi", "Ferrari")}),
    ("fr", "Le conseil a confirmé Jean Martin comme président de Renault.", {("Jean Martin", "Renault Group")}),
    ("de", "Der Aufsichtsrat bestätigte Hans Berg als Chef von BMW.", {("Hans Berg", "BMW")}),
    # no title, a company seen as something
    ("en", "Jane Doe spoke as a guest of Ford.", set()),
    ("en", "Jane Doe sees Tesla as the leader of the market.", set()),
])
def test_a_person_as_the_title_of_a_company(lang, text, expected):
    assert employers(text, lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Ford is in talks with Nissan. CEO and founder Jane Doe added that the company was seeking a partner.", {("Jane Doe", "Ford")}),
    ("it", "Stellantis investe. L'amministratore delegato e fondatore Mario Rossi ha spiegato che la società cerca partner.",
     {("Mario Rossi", "Stellantis")}),
    ("fr", "Renault investit. Le PDG et fondateur Jean Martin a expliqué que le groupe cherche un partenaire.", {("Jean Martin", "Renault Group")}),
    # no company the text is about
    ("en", "CEO and founder Jane Doe added that the company was seeking a partner.", set()),
])
def test_a_chief_executive_and_founder_opening_a_sentence(lang, text, expected):
    assert employers(text, lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("fr", "Jean Martin, à la tête de Valeo depuis 2022, a signé.", {("Jean Martin", "Valeo", "head")}),
    ("it", "Mario Rossi, alla guida di Ferrari dal 2021, ha firmato.", {("Mario Rossi", "Ferrari", "head")}),
    ("en", "Jane Doe, who has been at the helm of Ford since 2020, signed.", {("Jane Doe", "Ford", "head")}),
    ("de", "Hans Berg, an der Spitze von BMW seit 2020, unterschrieb.", {("Hans Berg", "BMW", "head")}),
    # heading talks, a company at the head of a market
    ("en", "Jane Doe, at the helm of the talks with Ford, signed.", set()),
    ("en", "Jane Doe said Ford will stay at the head of the market.", set()),
])
def test_a_person_at_the_helm_of_a_company(lang, text, expected):
    assert employers3(text, lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Mitsubishi Motors Corporation (MMC) has joined the alliance. Jane Doe will become the chief operating officer of MMC.",
     {("Jane Doe", "Mitsubishi Motors")}),
    ("it", "Mitsubishi Motors Corporation (MMC) entra nell'alleanza. Mario Rossi, amministratore delegato di MMC, ha parlato.",
     {("Mario Rossi", "Mitsubishi Motors")}),
    ("fr", "Mitsubishi Motors Corporation (MMC) rejoint l'alliance. Jean Martin, directeur général de MMC, a parlé.",
     {("Jean Martin", "Mitsubishi Motors")}),
    ("de", "Mitsubishi Motors Corporation (MMC) tritt der Allianz bei. Hans Berg, Chef von MMC, sprach.",
     {("Hans Berg", "Mitsubishi Motors")}),
    # letters that do not start as the company's name does are no short form of it
    ("en", "Valeo (SVT) has joined the alliance. Jane Doe is the chief executive of SVT.", {("Jane Doe", "SVT")}),
])
def test_a_companys_short_form_in_brackets_names_it_further_on(lang, text, expected):
    assert employers(text, lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Jane Doe, currently chief performance officer of Nissan, will become the COO of Ford.",
     {("Jane Doe", "Nissan"), ("Jane Doe", "Ford")}),
    ("en", "Jane Doe, who met reporters on Monday, is the chief executive of Ford.", {("Jane Doe", "Ford")}),
    ("en", "Jane Doe, an analyst at a bank, said Ford is the leader of the market.", set()),
])
def test_a_verb_of_being_and_a_title_after_an_apposition(lang, text, expected):
    assert employers(text, lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "The board includes Jane Doe, who joined Ford earlier this year as head of development.", {("Jane Doe", "Ford")}),
    ("en", "The board includes Jane Doe, Nissan’s former vice president of research, who joined Ford this year as head of development.",
     {("Jane Doe", "Ford"), ("Jane Doe", "Nissan")}),
    ("it", "Il consiglio include Mario Rossi, entrato in Ferrari nel 2020 come direttore tecnico.", {("Mario Rossi", "Ferrari")}),
    ("fr", "Le conseil compte Jean Martin, qui a rejoint Valeo en 2020 comme directeur technique.", {("Jean Martin", "Valeo")}),
    ("de", "Hans Berg wechselte zu BMW als Chef der Entwicklung.", {("Hans Berg", "BMW")}),
    # joining talks or a group of people is no post
    ("en", "Jane Doe joined Ford in talks as a partner.", set()),
    ("en", "Jane Doe joined Ford executives at the show.", set()),
])
def test_a_person_who_joined_a_company_as_a_title(lang, text, expected):
    assert employers(text, lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Adds Jane Doe, president of Ford: \"We are happy.\"", {("Jane Doe", "Ford")}),
    ("it", "Aggiunge Mario Rossi, presidente di Ferrari: \"Siamo contenti.\"", {("Mario Rossi", "Ferrari")}),
    ("fr", "Ajoute Jean Martin, directeur général de Valeo : « Nous sommes contents. »", {("Jean Martin", "Valeo")}),
    ("de", "Ergänzt Hans Berg, Chef von BMW: \"Wir sind zufrieden.\"", {("Hans Berg", "BMW")}),
])
def test_a_verb_of_saying_opening_the_sentence_is_no_part_of_the_name(lang, text, expected):
    assert employers(text, lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Ford announced the appointment in a news conference by board members Jane Doe and John Smith.",
     {("Jane Doe", "Ford"), ("John Smith", "Ford")}),
    ("fr", "Renault a annoncé la nomination, en présence des directeurs Jean Martin et Paul Durand.",
     {("Jean Martin", "Renault Group"), ("Paul Durand", "Renault Group")}),
    ("de", "BMW hat die Ernennung bekannt gegeben, im Beisein der Vorstandsmitglieder Hans Berg und Peter Weber.",
     {("Hans Berg", "BMW"), ("Peter Weber", "BMW")}),
    # people with no title at the company
    ("en", "Ford announced the deal. Tesla was there too, with analysts Jane Doe and John Smith.", set()),
])
def test_a_title_in_the_plural_before_two_names(lang, text, expected):
    assert employers(text, lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Ford also named Jane Doe, chief operating officer at its alliance partner Mitsubishi Motors Corporation, to a new post.",
     {("Jane Doe", "Mitsubishi Motors")}),
    ("it", "Mario Rossi, direttore tecnico del suo partner Iveco, ha parlato.", {("Mario Rossi", "Iveco")}),
    ("fr", "Jean Martin, directeur technique de son partenaire Valeo, a parlé.", {("Jean Martin", "Valeo")}),
    # the partner praised is no employer
    ("en", "Jane Doe, chief executive of Ford, praised its partner Tesla.", {("Jane Doe", "Ford")}),
])
def test_a_title_at_the_partner_of_the_company(lang, text, expected):
    assert employers(text, lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("it", "Il gruppo ha inserito Mario Rossi (responsabile acquisti) e Luigi Bianchi nel consiglio d’amministrazione Iveco.",
     {("Mario Rossi", "Iveco"), ("Luigi Bianchi", "Iveco")}),
    ("en", "Ford appointed Jane Doe and John Smith to the board of Tesla.", {("Jane Doe", "Tesla"), ("John Smith", "Tesla")}),
    ("en", "Ford appointed Jane Doe and John Smith to its board.", {("Jane Doe", "Ford"), ("John Smith", "Ford")}),
    ("fr", "Renault a nommé Jean Martin au conseil d'administration de Valeo.", {("Jean Martin", "Valeo")}),
    ("de", "BMW hat Hans Berg in den Aufsichtsrat von Continental geschickt.", {("Hans Berg", "Continental")}),
    # a denial, a person speaking to a board
    ("en", "Ford did not appoint Jane Doe to the board of Tesla.", set()),
    ("en", "Jane Doe spoke to the board of Tesla.", set()),
])
def test_seats_on_a_companys_board(lang, text, expected):
    assert employers(text, lang) == expected


# -- robustness: long lists of names --

_BOARD = ["John Doe", "Jane Roe (vice chair)", "Henri de Vos", "Anna Maria Berg", "Fiona Clare Smith", "Paul Grant",
          "Ann Frances Jones", "Wan Ling Chen", "Jacques de Saint-Martin", "Mary Ellen Stone", "Karl Weber", "Luca Bianchi"]


@pytest.mark.parametrize("lang,text", [
    ("it", "Il board dunque sarà formato da {}."),
    ("en", "The board will be made up of {}."),
    ("fr", "Le conseil d'administration comprend {}."),
    ("de", "Dem Aufsichtsrat gehören {} an."),
    ("en", "Ford appointed {} to the board of Tesla."),
    ("it", "Il gruppo guidato da {} succederà a {}."),
])
def test_a_long_list_of_names_reads_in_time(lang, text):
    """A board of twelve named in one sentence: read in well under a second once the patterns are
    compiled (a pattern that tried every way of cutting the list into people took close to a minute)."""
    import time

    extract("Renault.", meta={"title": "t"}, lang=lang)  # compile this language's patterns first
    names = ", ".join(_BOARD[:-1]) + {"it": " e ", "fr": " et ", "de": " und "}.get(lang, " and ") + _BOARD[-1]
    start = time.process_time()
    extract(text.format(names, names), meta={"title": "t"}, lang=lang)
    assert time.process_time() - start < 2.0


def test_a_board_list_gives_each_seat_of_the_last_four_names():
    text = ("Ford appointed John Doe, Jane Roe (vice chair), Henri de Vos, Anna Maria Berg and Paul Smith "
            "to the board of Tesla.")
    assert employers(text, "en") == {("Jane Roe", "Tesla"), ("Henri de Vos", "Tesla"), ("Anna Maria Berg", "Tesla"),
                                     ("Paul Smith", "Tesla")}
