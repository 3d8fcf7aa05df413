import pytest

from textkg.language.names import clean_surface, name_key


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("l'OTAN", "OTAN"),
        ("L’ONU", "ONU"),
        ("la Russie", "Russie"),
        ("Le Monde", "Le Monde"),
        ("« Reuters »", "Reuters"),
        ("d'Ukraine,", "Ukraine"),
        ("Vladimir Poutine", "Vladimir Poutine"),
        ("l'", ""),
    ],
)
def test_clean_surface(text, expected):
    start, end = clean_surface(text)
    assert text[start:end] == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Sergueï Choïgou", "Serguei Choigu"),
        ("Choïgu", "Shoigu"),
        ("Loukachenko", "Lukashenko"),
        ("Zelensky", "Zelenski"),
        ("ÉTATS-UNIS", "États Unis"),
    ],
)
def test_name_key_merges_spellings(a, b):
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(("a", "b"), [("Iskander", "Iskander-M"), ("S-400", "S-300"), ("Russie", "Prusse")])
def test_name_key_keeps_different_names_apart(a, b):
    assert name_key(a) != name_key(b)
