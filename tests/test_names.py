import pytest

from textkg.language.names import clean_surface, name_key


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("l'UNESCO", "UNESCO"),
        ("L’ONU", "ONU"),
        ("la Pologne", "Pologne"),
        ("Le Monde", "Le Monde"),
        ("« Nova »", "Nova"),
        ("d'Ukraine,", "Ukraine"),
        ("Jean Moreau", "Jean Moreau"),
        ("l'", ""),
    ],
)
def test_clean_surface(text, expected):
    start, end = clean_surface(text)
    assert text[start:end] == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Sergueï Choukov", "Serguei Chukov"),
        ("Choukov", "Shukov"),
        ("Kouchnarev", "Kushnarev"),
        ("Zelensky", "Zelenski"),
        ("ÉTATS-UNIS", "États Unis"),
    ],
)
def test_name_key_merges_spellings(a, b):
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(("a", "b"), [("Kalibr", "Kalibr-M"), ("ZK-400", "ZK-300"), ("Autriche", "Autruche")])
def test_name_key_keeps_different_names_apart(a, b):
    assert name_key(a) != name_key(b)
