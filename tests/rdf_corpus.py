"""A small two-document corpus of extraction records for the RDF and store tests: it has what
the README's queries look for (a country as an event's location, an outlet, one person quoted in
both documents, a reported fact, a negated one), and needs no spaCy model."""

from __future__ import annotations

from textkg.records import Claim, Document, Entity, ExtractionRecord, Relation

TEXT_A = (
    "Le ministre Jean Dupont a déclaré que la France enverra des soldats en Estonie. "
    "Selon DPA, la France et l'Estonie ont signé un accord à Tallinn. "
    "La France n'a pas rencontré l'Estonie. La France et l'Estonie ont signé un accord."
)
TEXT_B = "Jean Dupont a affirmé que l'Estonie était protégée. Jean Dupont a rencontré Kaja Kallas."


def span(text: str, phrase: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    return start, start + len(phrase)


def sentence(text: str, phrase: str, occurrence: int = 0) -> tuple[int, int]:
    start, end = span(text, phrase, occurrence)
    left = text.rfind(". ", 0, start)
    right = text.find(".", end)
    return (0 if left < 0 else left + 2), right + 1


def record_a() -> ExtractionRecord:
    t = TEXT_A
    return ExtractionRecord(
        document=Document(id="doc-a", text=t, date="2024-03-01", source="Agence A", title="Soldats en Estonie"),
        entities=(
            Entity("e1", "Person", "Jean Dupont", mentions=(span(t, "Jean Dupont"),)),
            Entity("e2", "Country", "France", mentions=(span(t, "France"), span(t, "France", 1), span(t, "France", 2))),
            Entity("e3", "Country", "Estonie", mentions=(span(t, "Estonie"), span(t, "Estonie", 1))),
            Entity("e4", "NewsAgency", "DPA", mentions=(span(t, "DPA"),)),
            Entity("e5", "Concept", "soldats", mentions=(span(t, "soldats"),)),
            Entity("e6", "Concept", "accord", mentions=(span(t, "accord"),)),
            Entity("e7", "City", "Tallinn", mentions=(span(t, "Tallinn"),), links={"geonames": "https://sws.geonames.org/588409/"}),
        ),
        relations=(
            Relation(
                "r1",
                "event",
                "envoyer",
                {"agent": ("e2",), "theme": ("e5",), "location": ("e3",)},
                (sentence(t, "enverra"),),
                0.7,
                modality="future",
                claim="c1",
                event_class="Deployment",
            ),
            Relation(
                "r2",
                "event",
                "signer",
                {"agent": ("e2", "e3"), "theme": ("e6",), "location": ("e3",)},
                (sentence(t, "Tallinn"),),
                0.8,
                event_class="Agreement",
            ),
            Relation(
                "r3",
                "relation",
                "rencontrer",
                {"subject": ("e2",), "object": ("e3",)},
                (sentence(t, "rencontré"),),
                0.6,
                polarity="negative",
            ),
            Relation("r4", "relation", "signer", {"subject": ("e2",), "object": ("e6",)}, (sentence(t, "signé", 0),), 0.5),
            Relation("r5", "relation", "signer", {"subject": ("e2",), "object": ("e6",)}, (sentence(t, "signé", 1),), 0.9),
        ),
        claims=(
            Claim(
                "c1",
                "e1",
                None,
                "a déclaré",
                (span(t, "la France enverra des soldats en Estonie"),),
                False,
                (sentence(t, "a déclaré"),),
                0.8,
            ),
            Claim(
                "c2",
                None,
                "e4",
                "selon",
                (span(t, "la France et l'Estonie ont signé un accord à Tallinn"),),
                False,
                (sentence(t, "Selon"),),
                0.7,
            ),
        ),
    )


def record_b() -> ExtractionRecord:
    t = TEXT_B
    return ExtractionRecord(
        document=Document(id="doc-b", text=t, date="2024-03-02", source="Journal B"),
        entities=(
            Entity("e1", "Person", "Jean Dupont", mentions=(span(t, "Jean Dupont"), span(t, "Jean Dupont", 1))),
            Entity("e2", "Country", "Estonie", mentions=(span(t, "Estonie"),)),
            Entity("e3", "Person", "Kaja Kallas", mentions=(span(t, "Kaja Kallas"),)),
        ),
        relations=(Relation("r1", "relation", "rencontrer", {"subject": ("e1",), "object": ("e3",)}, (sentence(t, "Kaja"),), 0.75),),
        claims=(Claim("c1", "e1", None, "a affirmé", (span(t, "l'Estonie était protégée"),), False, (sentence(t, "affirmé"),), 0.8),),
    )


def corpus() -> list[ExtractionRecord]:
    return [record_a(), record_b()]
