"""Coreference rules within a document: (text, expected clusters) over real parses.

Expected clusters list the surfaces of the chains that have more than one mention; singletons
are left out."""

import pytest

from .language import coreference_clusters

pytestmark = pytest.mark.model


def chains(nlp, text):
    return coreference_clusters(nlp(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # transliteration and accents: three spellings, one person
        (
            "Serguei Chukov a parlé. Plus tard, Sergueï Choukov a répondu. Choukov a conclu.",
            [["Choukov", "Serguei Chukov", "Sergueï Choukov"]],
        ),
        # a surname joins its full name
        ("Jean Moreau est arrivé à Lyon. Moreau a salué la foule.", [["Jean Moreau", "Moreau"]]),
        # a pronoun takes the subject of the previous sentence, agreeing in gender
        ("Angela Merkel est arrivée à Paris. Elle a rencontré les ministres.", [["Angela Merkel", "Elle"]]),
        # an apposition renames its noun
        ("Le ministre polonais de la Défense, Paul Martin, a parlé.", [["Paul Martin", "ministre"]]),
        # "elle" cannot take a man: the honorific says which name is a man's
        ("M. Lenoir a reçu Karine Dubois à Lyon. Elle a parlé longuement.", [["Elle", "Karine Dubois"]]),
        # a subject thing is continued by "elle" when no person comes before
        ("La console Norvix sortira en juillet. Elle sera vendue en Europe.", [["Elle", "Norvix", "console"]]),
        # "la firme" describes the company named before
        ("Le groupe Veltair a recruté deux cents personnes. La firme a grandi très vite.", [["Veltair", "firme"]]),
        # a repeated noun is the same thing
        ("Un incendie a détruit la ferme. L'incendie a duré trois heures.", [["incendie", "incendie"]]),
        # a class noun that introduced one name, later alone, is that name
        ("L'ONG Vigie Monde vient de publier un rapport. L'ONG dénonce la torture dans les prisons.", [["ONG", "ONG", "Vigie Monde"]]),
        ("Le musée de Pointe-Verte a ouvert un pavillon. Le musée dévoile ses collections.", [["musée", "musée de Pointe-Verte"]]),
        ("Les soldats ont quitté la province de Varanie hier. La France ne va pas quitter la province.", [["Varanie", "province", "province"]]),
    ],
)
def test_chains(fr_nlp, text, expected):
    found = chains(fr_nlp, text)
    for cluster in expected:
        assert cluster in found, found


@pytest.mark.parametrize(
    ("text", "apart"),
    [
        # must NOT merge: a designator and its family
        ("Les missiles Kalibr et les missiles Kalibr-M sont différents. Kalibr-M est plus récent.", ("Kalibr", "Kalibr-M")),
        # must NOT merge: two people sharing a surname, and the lone surname is ambiguous
        ("Raúl Castro a succédé à Fidel Castro. Castro a parlé.", ("Raúl Castro", "Fidel Castro")),
        ("Raúl Castro a succédé à Fidel Castro. Castro a parlé.", ("Castro", "Fidel Castro")),
        # must NOT merge: a plural noun and the singular
        ("Un missile a été tiré. Les missiles sont neufs.", ("missile", "missiles")),
        # impersonal "il" refers to nothing
        ("Emmanuel Macron est arrivé. Il faut dire que la ville attendait.", ("Emmanuel Macron", "Il")),
        ("Le terminal Norvix a fermé. Il y a trente ans, la ville était petite.", ("Norvix", "Il")),
        # a man is no antecedent of "elle"
        ("M. Lenoir a reçu Karine Dubois à Lyon. Elle a parlé longuement.", ("Lenoir", "Elle")),
        # a personal pronoun does not take a thing met in passing
        ("Karine Dubois a perdu son passeport. Sous l'effet de la peur, elle a crié.", ("peur", "elle")),
        # who speaks a quotation is not "ils" inside it
        ("Des voisins ont déclaré : « Ils ont volé la voiture du maire ».", ("voisins", "Ils")),
        # a class noun that introduced two names, or with an adjective of its own, is neither
        ("Le musée de Pointe-Verte et le musée de Val-Clair ont ouvert. Le musée dévoile ses collections.", ("musée", "musée de Pointe-Verte")),
        ("Le musée de Pointe-Verte et le musée de Val-Clair ont ouvert. Le musée dévoile ses collections.", ("musée", "musée de Val-Clair")),
        ("Le musée de Pointe-Verte a ouvert un pavillon. Le nouveau musée dévoile ses collections.", ("musée", "musée de Pointe-Verte")),
    ],
)
def test_must_not_merge(fr_nlp, text, apart):
    for cluster in chains(fr_nlp, text):
        assert not set(apart) <= set(cluster), cluster


@pytest.mark.parametrize(
    "text",
    [
        # a description joins the named thing
        "Le président polonais Jean Moreau a rencontré le président hongrois Paul Martin à Budapest. "
        "Des armes seront déployées sur le territoire de ce pays voisin, a déclaré la Hongrie.",
        # a possessive country follows the role of the person
        "Le ministre hongrois de la Défense, Paul Martin, a parlé de la Hongrie et de la Pologne. "
        "Martin a dit que les missiles seront installés sur le territoire de son pays.",
    ],
    ids=["description", "possessive"],
)
def test_country_descriptions_join_the_country(fr_nlp, text):
    found = chains(fr_nlp, text)
    assert any("pays" in c and "Hongrie" in c for c in found), found


def test_a_role_description_joins_the_person_holding_the_role(fr_nlp):
    text = (
        "Le président polonais Jean Moreau a rencontré le président hongrois Paul Martin. "
        "Plus tard, le président hongrois a signé l'accord."
    )
    found = chains(fr_nlp, text)
    assert any("Paul Martin" in c and c.count("président") >= 2 for c in found), found
    assert not any("Jean Moreau" in c and "Paul Martin" in c for c in found), found


def test_a_role_description_with_a_complement_the_role_lacks_is_someone_else(fr_nlp):
    # "le ministre" renames Paul Roy; "le ministre des Finances" he met is another minister.
    (with_roy,) = [c for c in chains(fr_nlp, "Le ministre Paul Roy a rencontré le ministre des Finances.") if "Paul Roy" in c]
    assert with_roy.count("ministre") == 1, with_roy
