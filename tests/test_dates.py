import pytest

from .language import resources


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        ("jeudi", "2023-05-26", "2023-05-25"),
        ("samedi 5 avril", "2025-04-10", "2025-04-05"),
        ("le 1er juillet", "2023-05-26", "2023-07-01"),
        ("en mars", "2023-05-26", "2023-03"),
        ("mars 2015", None, "2015-03"),
        ("12 mai 2016", None, "2016-05-12"),
        ("2019", None, "2019"),
        ("jeudi", None, None),
        ("en mars", "not a date", None),
        ("Thursday", "2023-05-26", "2023-05-25"),
    ],
)
def test_date_values(text, reference, expected):
    lang = "en" if text[0] == "T" else "fr"
    assert resources(lang).dates.value(text, reference) == expected


@pytest.mark.parametrize(
    ("lang", "text", "dates"),
    [
        ("fr", "Il est parti jeudi 5 avril 2023 et rentré en mai.", ["jeudi 5 avril 2023", "mai"]),
        ("en", "He left on Thursday and came back in May 2020.", ["Thursday", "May 2020"]),
        # a month of the other language is no date: "mars" is a planet in English text
        ("en", "The probe reached mars in 2021.", ["2021"]),
    ],
)
def test_date_expressions_are_those_of_the_language(lang, text, dates):
    assert [m.group(0) for m in resources(lang).dates.matches(text)] == dates
