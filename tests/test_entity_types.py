"""Precise types, clean names and roles on real French parses: (text, expected) tables."""

import pytest

from textkg.extract.mentions import named_mentions

from .language import context

pytestmark = pytest.mark.model


def mentions(nlp, text):
    return [(m.text, m.fine_type) for m in named_mentions(context(nlp(text)))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Selon DPA, le ministre a parlé.", ("DPA", "NewsAgency")),
        ("Les travaux de l'ONU ont pris une direction inattendue, rapporte DPA.", ("DPA", "NewsAgency")),
        ("Les travaux de l'ONU ont pris une direction inattendue.", ("ONU", "IntergovernmentalOrganization")),
        ("Des missiles Kalibr-M seront installés sur le territoire.", ("Kalibr-M", "WeaponSystem")),
        ("Le système ZK-300 sera installé en Hongrie.", ("ZK-300", "WeaponSystem")),
        ("Le système ZK-300 sera installé en Hongrie.", ("Hongrie", "Country")),
        ("Les forces ukrainiennes ont reçu des HIMARS américains.", ("HIMARS", "WeaponSystem")),
        ("Le maire de Varsovie a parlé hier.", ("Varsovie", "City")),
        ("Quatre chevaux, fournis par M. Lambert, sont arrivés.", ("Lambert", "Person")),
        ("Madame Irène Vasseur s'était endormie.", ("Irène Vasseur", "Person")),
        # a name followed by its origin in parentheses is a person
        ("Les coureurs retenus sont Borelli (Mendrisio) et Choquard (Porrentruy).", ("Borelli", "Person")),
        # a dispatch's dateline is a place
        ("Rorschach, 15 septembre (ag.) Un vieillard a été arrêté.", ("Rorschach", "Place")),
    ],
)
def test_precise_types_and_clean_names(fr_nlp, text, expected):
    assert expected in mentions(fr_nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Les Français ont voté dimanche pour la première fois.",
        "Les Suisses ont voté dimanche pour la première fois.",
    ],
)
def test_demonyms_are_not_names(fr_nlp, text):
    assert [m for m in mentions(fr_nlp, text) if m[0] in ("Français", "Suisses")] == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # an acronym matches in capitals only: "Un" is not the UN
        ("Un homme a été arrêté hier soir.", "Un"),
        # a title alone names nobody
        ("Le Premier Consul a parlé. Amiral, dit-il, partez.", "Amiral"),
    ],
)
def test_words_that_are_not_names(fr_nlp, text, word):
    assert word not in [m[0] for m in mentions(fr_nlp, text)]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("TF1 a diffusé un reportage sur la COP21.", "TF1"),
        ("TF1 a diffusé un reportage sur la COP21.", "COP21"),
        ("Les dirigeants du G-20 se retrouvent à Rome.", "G-20"),
        ("Le vol MH17 a été abattu au-dessus de l'Ukraine.", "MH17"),
    ],
)
def test_codes_that_look_like_designators_are_no_weapons(fr_nlp, text, code):
    assert (code, "WeaponSystem") not in mentions(fr_nlp, text)


def test_role_is_split_off_the_name(fr_nlp):
    doc = fr_nlp("Le ministre hongrois de la Défense, Paul Martin, a donné l'information.")
    (person,) = [m for m in named_mentions(context(doc)) if m.fine_type == "Person"]
    assert person.text == "Paul Martin"
    assert person.role == "ministre hongrois de la Défense"


def test_places_are_linked_to_geonames_and_a_capital_acting_stands_for_its_country(fr_nlp):
    found = {m.text: dict(m.links) for m in named_mentions(context(fr_nlp("Selon Varsovie, la Hongrie a signé l'accord.")))}
    assert found["Hongrie"]["geonames"] == "https://sws.geonames.org/719819/"
    assert found["Varsovie"]["represents"] == "https://sws.geonames.org/798544/"
    plain = {m.text: dict(m.links) for m in named_mentions(context(fr_nlp("Selon Varsovie, la Hongrie a signé l'accord.")), metonymy=False)}
    assert "represents" not in plain["Varsovie"]


@pytest.mark.parametrize(
    ("text", "acting"),
    [
        ("D'après Varsovie, la Hongrie a signé l'accord.", True),
        ("D’après Varsovie, la Hongrie a signé l'accord.", True),
        ("Le train est arrivé à Paris après Varsovie.", False),  # "après" alone is time, not a source
    ],
)
def test_a_capital_cited_as_a_source_stands_for_its_country(fr_nlp, text, acting):
    found = {m.text: dict(m.links) for m in named_mentions(context(fr_nlp(text)))}
    assert ("represents" in found["Varsovie"]) is acting, found


def test_extractors_see_the_broad_class(fr_nlp):
    found = {m.text: (m.type, m.fine_type) for m in named_mentions(context(fr_nlp("Selon DPA, la Pologne a parlé.")))}
    assert found["Pologne"] == ("Place", "Country")
    assert found["DPA"] == ("Organization", "NewsAgency")


# Products, organisations told from places and people, names bounded by their class noun.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La fusée Aurora 7 a décollé de la base.", ("Aurora 7", "Vehicle")),
        ("Le naufrage du Korvald a fait dix morts près de Brest.", ("Korvald", "Vehicle")),
        # a class noun outweighs a town of the same name
        ("Le groupe Lorient a supprimé 300 postes.", ("Lorient", "Company")),
        ("Les membres de Kel Tamar ont revendiqué l'attaque.", ("Kel Tamar", "Organization")),
        ("Le Parti du progrès social a voté contre.", ("Parti du progrès social", "PoliticalParty")),
        ("Il enseigne à l'université de Bordeaux depuis dix ans.", ("université de Bordeaux", "Organization")),
        # an adjective between an institution's noun and its "de"
        ("Paul Morel, président de la communauté juive de Lorient, a parlé.", ("communauté juive de Lorient", "Organization")),
        # an eponym is no mention of the person
        ("L'affaire Durandal a secoué le pays, a dit Paul Durandal.", ("affaire Durandal", "Misc")),
        # an acronym of the name in parentheses is no origin of a person
        ("L'Alliance pour le renouveau civique (ARC) a voté.", ("Alliance pour le renouveau civique", "Organization")),
        # a maker and a model number are a product
        ("Le groupe Norvix prépare le Norvix A330.", ("Norvix A330", "Product")),
        # a vehicle the NER missed, after a noun of what happens only to vehicles
        ("Les visiteurs comparent les naufrages du Korvald et du Vestris.", ("Korvald", "Vehicle")),
        # ... or the agent of such a noun
        ("L'abordage du paquebot par le Vestris a fait dix morts.", ("Vestris", "Vehicle")),
        # a company a class noun introduces, and the town it is in
        ("C'est la firme Lumen Studio de Genève qui a réalisé le spectacle.", ("Lumen Studio", "Company")),
        ("C'est la firme Lumen Studio de Genève qui a réalisé le spectacle.", ("Genève", "City")),
        # a description the NER swept in before a name
        ("Première journée du Salon mondial des jardiniers à Lyon.", ("Salon mondial des jardiniers", "Misc")),
        # an event's class noun heads its name
        ("Le premier Salon mondial des jardiniers se tient ce lundi.", ("Salon mondial des jardiniers", "Misc")),
        # names listed with an organisation are organisations
        ("Les chefs de l'OTAN, du Kel Varda et du Nour Tilemsi se sont réunis hier.", ("Nour Tilemsi", "Organization")),
        ("Le ministre a rencontré les dirigeants de Vexalis, de Kel Varda et de Tamarin Holdings.", ("Vexalis", "Organization")),
        # a demonym before a name is the person's origin
        ("En finale, la Russe Irina Valkova a battu la Polonaise Agata Wrzesnik.", ("Agata Wrzesnik", "Person")),
        ("L'Américain Dwight Kessler est arrivé deuxième.", ("Dwight Kessler", "Person")),
        # a game is a product (software)
        ("Les jeux Orvex se vendent bien.", ("Orvex", "Product")),
        # a company's last word
        ("Les ventes reculent face à la concurrence de Kelvo Mobile en Europe.", ("Kelvo Mobile", "Organization")),
        # a quoted name after an event's noun
        ("Le sommet « Terre et Mer » s'ouvre lundi.", ("Terre et Mer", "Misc")),
        # the name a naming participle gives, of the class of the noun it names
        ("Elles ont été ouvertes par un opéra nommé « Les Semeurs de lune » joué au théâtre.", ("Les Semeurs de lune", "Misc")),
        ("Baptisée « Orvel X2 », la tablette aura un écran plus grand.", ("Orvel X2", "Product")),
        ("Intitulé l'Envol des grues : enquête sur les marais, le rapport dénonce la chasse.", ("Envol des grues", "Misc")),
        ("Un homme prénommé Julien a été arrêté.", ("Julien", "Person")),
        # a country's armed forces, named by its adjective
        ("L'armée nigérienne a repris la ville.", ("armée nigérienne", "ArmedForces")),
        ("Le contrôle revient aux forces de sécurité sénégalaises.", ("forces de sécurité sénégalaises", "ArmedForces")),
        ("Les forces armées sénégalaises sont arrivées.", ("forces armées sénégalaises", "ArmedForces")),
    ],
)
def test_products_organisations_and_name_bounds(fr_nlp, text, expected):
    assert expected in mentions(fr_nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a product noun before an organisation names its maker
        ("Un avion Airbus a atterri à Nantes.", ("Airbus", "Organization")),
        # an organisation named after its town stays whole
        ("Il lit la Tribune de Genève chaque matin.", ("Tribune de Genève", "Organization")),
        # conferences, flights and viruses are written like models: no product without a maker
        ("TF1 a diffusé un reportage sur la COP21.", ("COP21", "Misc")),
        ("Le virus H1N1 a tué dix personnes.", ("H1N1", "Misc")),
        # a capitalised adjective of the class noun is its epithet, not a name the noun types
        ("Elle a gagné l'or aux jeux Olympiques de Londres.", ("Olympiques de Londres", "Misc")),
        # ... a place's noun keeps its class with one
        ("Une cérémonie se tient sur la place Impériale ce matin.", ("Impériale", "Place")),
        # a demonym first in a name that is no person's stays in it
        ("Le tableau a été prêté au British Gallery pour un an.", ("British Gallery", "Place")),
        # ... but a name the tagger takes for an adjective is still typed by the noun
        ("Le ministère a soupçonné le groupe Vexos d'en être à l'origine.", ("Vexos", "Company")),
        # a name whose own words are capitalised keeps its genitive ("Tour de France")
        ("Le Tour de France part de Brest.", ("Tour de France", "Misc")),
    ],
)
def test_near_misses_keep_their_name_and_type(fr_nlp, text, expected):
    assert expected in mentions(fr_nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Au XVe siècle, les Peuls priaient Dieu.",
        "Le vol a décollé à 7h44 UTC.",
        "L'Etat a vendu ses parts.",
        # a role and its portfolio are no organisation
        "Le poste de ministre des Finances a été confié au banquier.",
        # a generic noun after the dash of a dateline, article and all
        "14 mars 2019. - Le Conseil a été élu.",
    ],
)
def test_units_peoples_god_ordinals_and_generic_nouns_are_no_names(fr_nlp, text):
    assert mentions(fr_nlp, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NANTES (AFP) - Deux hommes ont été arrêtés hier soir.", ("NANTES", "City")),
        ("NANTES (DPA) - Le tribunal a rendu son jugement.", ("NANTES", "City")),
    ],
)
def test_a_dateline_before_an_agency_is_the_place_of_the_dispatch(fr_nlp, text, expected):
    assert expected in mentions(fr_nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a naming verb in a compound tense names nothing: its object is no title
        ("Le président a appelé Moscou à la retenue.", [("Moscou", "City")]),
        ("Le club a nommé Paul Morel entraîneur.", [("Paul Morel", "Person")]),
    ],
)
def test_a_naming_verb_with_an_auxiliary_gives_no_name(fr_nlp, text, expected):
    assert mentions(fr_nlp, text) == expected


def test_a_role_after_a_naming_participle_is_no_name(fr_nlp):
    assert "Premier ministre" not in [m[0] for m in mentions(fr_nlp, "Il a été nommé Premier ministre hier.")]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # the section word before a headline's colon is no name ...
        ("Astronautique : départ de la capsule Orvane\n7 juillet 2012. - La capsule Orvane a décollé hier.", []),
        ("Formule 1 : victoire de Paul Morel à Lorient\n7 juillet 2012. - Paul Morel a gagné hier.", []),
        # ... nor a speaker whose words follow the colon
        ("Syndicat Uni : « Nous ne céderons pas sur les salaires »\n7 juillet 2012. - Les salariés ont voté.", ["Syndicat Uni"]),
        # ... unless the story names it again
        ("Veltair : annonce de la console\n7 juillet 2012. - Veltair a présenté hier sa console.", ["Veltair"]),
    ],
)
def test_a_headline_section_is_no_name(fr_nlp, text, kept):
    first = text.split(" :")[0]
    assert [m[0] for m in mentions(fr_nlp, text) if m[0] == first] == kept


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # forces that are no army, and the second noun of "forces armées" begins no other name
        ("Les forces politiques sénégalaises ont voté.", []),
        ("Les forces armées sénégalaises sont arrivées.", [("forces armées sénégalaises", "ArmedForces")]),
    ],
)
def test_only_armed_forces_are_named_by_their_country(fr_nlp, text, expected):
    assert mentions(fr_nlp, text) == expected

