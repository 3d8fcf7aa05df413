import pytest

from textkg.language.dates import normalize_date


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
def test_normalize_date(text, reference, expected):
    lang = "en" if text[0] == "T" else "fr"
    assert normalize_date(text, lang, reference) == expected
