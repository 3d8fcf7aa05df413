import pytest

from .language import resources


@pytest.fixture(scope="module")
def gazetteer():
    return resources().gazetteer


@pytest.mark.parametrize(
    ("name", "type_", "country"),
    [
        ("Hongrie", "Country", "HU"),
        ("Hungary", "Country", "HU"),
        ("États-Unis", "Country", "US"),
        ("Allemagne", "Country", "DE"),
        ("Varsovie", "City", "PL"),
        ("Londres", "City", "GB"),
        ("BRUXELLES", "City", "BE"),
        ("Texas", "Region", "US"),
    ],
)
def test_places_in_french_and_english(gazetteer, name, type_, country):
    place = gazetteer.place(name)
    assert place is not None and place.type == type_ and place.country == country
    assert place.links["geonames"].startswith("https://sws.geonames.org/")


def test_hungary_has_its_geonames_id_and_warsaw_is_the_polish_capital(gazetteer):
    assert gazetteer.place("Hongrie").links["geonames"] == "https://sws.geonames.org/719819/"
    assert gazetteer.place("Varsovie").capital_of == "PL"


@pytest.mark.parametrize(
    ("word", "country"),
    [("hongrois", "HU"), ("polonaises", "PL"), ("ukrainienne", "UA"), ("américaines", "US"), ("French", "FR")],
)
def test_demonyms_in_every_gender_and_number(gazetteer, word, country):
    assert gazetteer.demonym_country(word).country == country


def test_small_towns_lend_no_alternate_names(gazetteer):
    # geonames lists "München" among Munich's names; a town of 15,000 may not rename ordinary words.
    assert gazetteer.place("München").label == "Munich"
    assert gazetteer.place("Bang") is None


@pytest.mark.parametrize(
    ("name", "type_"),
    [("ONU", "IntergovernmentalOrganization"), ("UN", "IntergovernmentalOrganization"), ("DPA", "NewsAgency"), ("Kremlin", "GovernmentBody")],
)
def test_organizations_and_acronyms(gazetteer, name, type_):
    assert gazetteer.organization(name).type == type_


@pytest.mark.parametrize(
    ("text", "before", "expected"),
    [
        ("HIMARS", None, True),  # a known system
        ("Kalibr-M", None, True),  # a known system with a variant suffix
        ("ZK-300", "système", True),  # a designator after a head noun
        ("MiG-29", "chasseurs", True),
        ("Su-35", "avions", True),
        ("ZK-300", "le", False),  # a designator alone is no evidence
        ("G-20", "du", False),
        ("COP21", "la", False),
        ("TF1", None, False),
        ("Moreau", "missiles", False),  # a head noun before a word that is no designator
        ("COVID-19", "système", False),
    ],
)
def test_weapon_names(gazetteer, text, before, expected):
    assert gazetteer.weapons.names_weapon(text, before, resources().words.weapon_heads) is expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [("Vaudois", True), ("Neuchâtelois", True), ("hongroises", True), ("Dubois", False), ("Lausanne", False)],
)
def test_demonyms_derived_from_place_names(gazetteer, word, expected):
    assert gazetteer.is_demonym(word) is expected
