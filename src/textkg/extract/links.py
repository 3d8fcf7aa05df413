"""Binary relations between noun phrases: noun modifiers ("le maire de Lyon"), appositions
("Paul Martin, ministre de la Défense") and copulas ("X est le maire de Y").

Pure functions of the document context. The predicate is the head noun's lemma and the preposition
("maire de"), an open predicate (no event class); the subject is who the head noun describes: the
named mention that renames it (apposition, "le président Jean Moreau"), the subject of a
copula, or the noun phrase itself.
"""

from __future__ import annotations

from spacy.tokens import Token

from . import deps
from .arguments import named, resolve
from .mood import modality as verb_modality, polarity as verb_polarity
from .syntax import relative_antecedent, subjects, with_conjuncts
from .candidates import DATE, Found, Frame, Mention
from .confidence import LOCATIVE_LINK, NOUN_LINK, POSSESSIVE_LINK, ROLE_LINK
from .context import DocContext

PLACE_TYPES = frozenset({"Place"})
PARTY_CLASSES = frozenset({"Person", "Organization"})
COUNTRY = "Country"
LOCATED_IN = "located in"
NEAR = "near"


def noun_links(ctx: DocContext) -> Found:
    """One binary relation per noun modifier that joins two mentions, one of them named."""
    lexicon, words = ctx.resources.lexicon, ctx.words
    frames: list[Frame] = []
    touched: list[Mention] = []
    for sent, nouns in ctx.tagged("NOUN", "PROPN"):
        evidence = ctx.sentence_span(sent)
        for token in nouns:
            modifiers = [
                (child, case)
                for child in (*(c for c in token.children if c.dep_ in deps.NOUN_MODIFIER), *_past_vicinity(ctx, token))
                if (case := _case(child)) in words.linking_cases
            ]
            if not modifiers or lexicon.event_class(token.lemma_, "NOUN"):
                continue
            subject = _described(ctx, token)
            if subject is None:
                continue
            touched.append(subject)
            linked: set[Mention] = set()
            for child, case in modifiers:
                if _after_conjunct(token, child):
                    continue  # "responsable de X et spécialiste de Y": Y is the specialist's
                for target in with_conjuncts(child):
                    obj = resolve(ctx, target)
                    if obj is not None:
                        touched.append(obj)
                    if (
                        obj is None
                        or obj in linked
                        or obj == subject
                        or obj.type == DATE
                        or not (obj.may_name or subject.may_name)
                        or _renames(ctx, token, obj)
                    ):
                        continue
                    frame = _modifier_link(ctx, token, subject, obj, case, target, evidence)
                    if frame is not None:
                        linked.add(obj)
                        frames.append(frame)
    return Found(tuple(frames), tuple(touched))


def _modifier_link(
    ctx: DocContext, noun: Token, subject: Mention, obj: Mention, case: str, target: Token, evidence: tuple[int, int]
) -> Frame | None:
    """What a complement says of the noun it completes: where it is ("l'usine à Lyon", "Bandra de
    Bombay", a place "près de" another is near it), or a role or another link named by the noun
    ("maire de", "usine de"). A name's other complements are part of the name ("la Provence du XIIe
    siècle")."""
    words = ctx.words
    if obj.type in PLACE_TYPES:
        if subject.type in PLACE_TYPES and _is_near(ctx, target):
            return _link(NEAR, noun, subject, obj, evidence, LOCATIVE_LINK)
        if case in words.locative_cases or (subject.type in PLACE_TYPES and case in words.genitive_cases):
            return _link(LOCATED_IN, noun, subject, obj, evidence, LOCATIVE_LINK)
    if noun.pos_ == "PROPN":
        return None
    trust = ROLE_LINK if _is_role(ctx, noun) else NOUN_LINK
    return _noun_link(ctx, noun, case, subject, obj, evidence, trust)


def _past_vicinity(ctx: DocContext, noun: Token) -> list[Token]:
    """"au mont X, près de Gap": the parser hangs the place on the adverb of vicinity."""
    if not ctx.uses_any(ctx.words.vicinity_words):
        return []
    return [c for adverb in noun.children if _is_vicinity(ctx, adverb) for c in adverb.children if c.dep_ in deps.VICINITY_COMPLEMENT]


def _is_near(ctx: DocContext, place: Token) -> bool:
    """A place "près de" another: the adverb on the place, or the place on the adverb."""
    return any(_is_vicinity(ctx, c) for c in place.children) or _is_vicinity(ctx, place.head)


def _is_vicinity(ctx: DocContext, token: Token) -> bool:
    return token.dep_ == "advmod" and token.lemma_.lower() in ctx.words.vicinity_words


def nationality_links(ctx: DocContext) -> Found:
    """"le président chilien Pablo Rojas", "Paul Roy, sociologue suisse", "le gouvernement
    malien": a person or an organisation described by a country's adjective is of that country,
    when the document names it ("président de" France)."""
    gazetteer = ctx.resources.gazetteer
    nouns = ctx.resources.nouns
    countries = _named_countries(ctx)
    frames: list[Frame] = []
    touched: list[Mention] = []
    if not countries:
        return Found((), ())
    for sent, tokens in ctx.tagged("NOUN"):
        evidence = ctx.sentence_span(sent)
        for token in tokens:
            if nouns.class_of(token.lemma_) not in PARTY_CLASSES:
                continue
            for adjective in token.children:
                place = gazetteer.demonym_country(adjective.text) if adjective.dep_ == "amod" else None
                country = countries.get(place.country) if place is not None else None
                subject = _described(ctx, token) if country is not None else None
                if subject is not None and subject != country:
                    touched.append(subject)
                    trust = ROLE_LINK if _is_role(ctx, token) else NOUN_LINK
                    frames.append(_noun_link(ctx, token, ctx.words.possessive_preposition, subject, country, evidence, trust))
    return Found(tuple(frames), tuple(touched))


def _named_countries(ctx: DocContext) -> dict[str, Mention]:
    """The first mention of each country the document names, by ISO code."""
    gazetteer = ctx.resources.gazetteer
    found: dict[str, Mention] = {}
    for mention in ctx.fixed:
        if mention.fine_type == COUNTRY:
            place = gazetteer.place(mention.text)
            if place is not None and place.country and place.type == COUNTRY:
                found.setdefault(place.country, mention)
    return found


def possessive_links(ctx: DocContext) -> Found:
    """"Marie a perdu sa voiture" -> voiture de Marie: a possessive determiner's owner is the
    closest earlier subject of the same or the previous sentence that agrees in number."""
    words = ctx.words
    frames: list[Frame] = []
    touched: list[Mention] = []
    for sent, nouns in ctx.tagged("NOUN"):
        evidence = ctx.sentence_span(sent)
        for token in nouns:
            owner_token = possessive_owner(ctx, token)
            if owner_token is None:
                continue
            owner, owned = resolve(ctx, owner_token), resolve(ctx, token)
            touched.extend(m for m in (owner, owned) if m is not None)
            if owner is None or owned is None or owner == owned or not (owner.may_name or owned.may_name):
                continue
            if not _renames(ctx, token, owner):
                frames.append(_noun_link(ctx, token, words.possessive_preposition, owned, owner, evidence, POSSESSIVE_LINK))
    return Found(tuple(frames), tuple(touched))


def possessive_owner(ctx: DocContext, noun: Token, fronted: bool = False) -> Token | None:
    """Whom the possessive determiner of ``noun`` names: the closest earlier subject of the same
    or the previous sentence that agrees in number; with ``fronted``, first the subject of the
    clause a phrase holding the noun comes before ("Lors de sa visite, Anne Roy a ...")."""
    det = next((c for c in noun.children if c.dep_ == "det" and "Yes" in ctx.morph(c, "Poss")), None)
    number = _possessor_number(ctx.words, det.lower_) if det is not None else None
    if number is None:
        return None
    return (_fronted_owner(ctx, noun, number) if fronted else None) or _owner(ctx, noun, number)


def _fronted_owner(ctx: DocContext, noun: Token, number: str) -> Token | None:
    """The subject of the verb whose adverbial phrase, holding ``noun``, is set before it."""
    phrase = noun
    while phrase.head != phrase and phrase.head.pos_ != "VERB":
        phrase = phrase.head
    verb = phrase.head
    if verb == phrase or phrase.dep_ not in deps.OBLIQUE | deps.ADVERB_MODIFIER:
        return None
    subject = next((c for c in verb.children if c.dep_ in deps.ACTIVE_SUBJECT), None)
    if subject is None or subject.i < phrase.right_edge.i or _number(ctx, subject, number) != number:
        return None
    return subject


def _is_role(ctx: DocContext, noun: Token) -> bool:
    """A noun of function or membership: "le président de", "membre de"."""
    lemma = noun.lemma_.lower()
    return lemma in ctx.words.roles or lemma in ctx.words.membership_nouns


def _after_conjunct(noun: Token, modifier: Token) -> bool:
    """A complement the parser hung on a noun past a word coordinated with it belongs to that word."""
    return any(c.dep_ in deps.CONJUNCT and c.i < modifier.i for c in noun.children)


def _possessor_number(words, determiner: str) -> str | None:
    """The number of a possessive determiner's owner. By the word, not the lemma: spaCy
    lemmatizes "leur" as "son"."""
    if determiner in words.possessive_singular:
        return "Sing"
    return "Plur" if determiner in words.possessive_plural else None


def _owner(ctx: DocContext, noun: Token, number: str) -> Token | None:
    window_start = ctx.previous_sentence_start(noun.i)
    for candidate in reversed(ctx.tokens[window_start : noun.i]):
        if (
            candidate.dep_ in deps.SUBJECTS
            and candidate.pos_ in ("NOUN", "PROPN", "PRON")
            and _number(ctx, candidate, number) == number
            and not candidate.is_ancestor(noun)
        ):
            return candidate
    return None


def _number(ctx: DocContext, token: Token, unknown: str) -> str:
    """Grammatical number of a possible owner; the parser often leaves a name without one: a name
    is one owner, names coordinated with it ("X et Y") are several."""
    if any(c.dep_ in deps.CONJUNCT for c in token.children):
        return "Plur"
    found = ctx.morph(token, "Number")
    if found:
        return found[0]
    return "Sing" if token.pos_ == "PROPN" else unknown


def _described(ctx: DocContext, noun: Token) -> Mention | None:
    """Who ``noun`` describes: the subject of its copula ("X est le maire de Y"), of the verb it
    is the attribute of ("X a été élu président de Y", "X est devenu le maire de Y", "ils ont
    élu X président"), or its own (or renaming) mention."""
    copular = _copular(noun)
    if copular is not None:
        subject = next((c for c in copular.children if c.dep_ in deps.ACTIVE_SUBJECT), None)
        # "X, qui est le maire de Y": the relative pronoun stands for X.
        return resolve(ctx, relative_antecedent(ctx, subject)) if subject is not None else None
    holder = _attribute_holder(ctx, noun)
    if holder is not None:
        return resolve(ctx, holder)
    if noun.dep_ in deps.APPOSITION:
        head = named(ctx, noun.head)
        if head is not None:
            return head
    return resolve(ctx, noun)


def _copular(noun: Token) -> Token | None:
    """The word of ``noun``'s phrase that holds its copula: the noun, or an adjective before it
    on which the parser hung the copula and its subject ("il est le troisième plus haut pic du
    massif": on "troisième"; an adjective that modifies a noun takes no copula of its own)."""
    for holder in (noun, *(c for c in noun.children if c.dep_ == "amod" and c.i < noun.i)):
        if any(c.dep_ in deps.COPULA for c in holder.children):
            return holder
    return None


def _attribute_holder(ctx: DocContext, noun: Token) -> Token | None:
    """Whom an attribute noun describes: the object of "ont élu X président", else the subject of
    "X a été nommé ministre" or "X est devenu le maire"."""
    if not _is_attribute(ctx, noun):
        return None
    verb = noun.head
    holders = [c for c in verb.children if c.dep_ in deps.OBJECT and c != noun] if noun.dep_ in deps.ATTRIBUTE else []
    holders = holders or [c for c in verb.children if c.dep_ in deps.PASSIVE_SUBJECT] or subjects(ctx, verb)
    return holders[0] if holders else None


def _renames(ctx: DocContext, noun: Token, obj: Mention) -> bool:
    """"la ville de Lyon", "le territoire de l'Espagne": a place noun whose complement is its name.
    Not one that is indefinite or said of its subject: "Lyon, une ville de France", "Lyon est la
    plus grande ville de France" (the complement is where the city is)."""
    lemma = noun.lemma_.lower()
    describes = any(c.dep_ in deps.COPULA or (c.dep_ == "det" and "Ind" in ctx.morph(c, "Definite")) for c in noun.children)
    return obj.type in PLACE_TYPES and not describes and (lemma in ctx.words.place_class_nouns or lemma in ctx.words.place_head_nouns)


def _case(token: Token) -> str | None:
    case = [c for c in token.children if c.dep_ == deps.CASE]
    return " ".join(c.lemma_.lower() for c in case) if case else None


def _noun_link(
    ctx: DocContext, noun: Token, preposition: str, subject: Mention, obj: Mention, evidence: tuple[int, int], confidence: float
) -> Frame:
    """The link a noun names with its preposition ("président de"). A former role says so in its
    predicate ("l'ancien président de X": "ancien président de", which is true now); a role to
    come is future ("le futur directeur de X")."""
    words = ctx.words
    before = [c.lemma_.lower() for c in noun.children if c.dep_ == "amod" and c.i < noun.i]
    former = next((lemma for lemma in before if lemma in words.former_words), None)
    predicate = f"{noun.lemma_.lower()} {preposition}"
    polarity, modality = _predication_mood(ctx, noun)
    if modality == "asserted" and any(lemma in words.future_role_words for lemma in before):
        modality = "future"
    return _link(f"{former} {predicate}" if former else predicate, noun, subject, obj, evidence, confidence, modality, polarity)


def _predication_mood(ctx: DocContext, noun: Token) -> tuple[str, str]:
    """The polarity and modality of the copula or the naming verb that says ``noun`` of its
    subject: "X n'est plus le maire de Y" (negative), "X sera président de Y" (future), "X n'a pas
    été élu maire de Y" (negative); an apposition or a title is asserted."""
    copular = _copular(noun)
    if copular is not None:
        copula = next(c for c in copular.children if c.dep_ in deps.COPULA)
        modality = verb_modality(ctx, copula)
        return verb_polarity(ctx, copular), modality if modality != "asserted" else verb_modality(ctx, copular)
    if _is_attribute(ctx, noun):
        return verb_polarity(ctx, noun.head), verb_modality(ctx, noun.head)
    return "positive", "asserted"


def _is_attribute(ctx: DocContext, noun: Token) -> bool:
    """``noun`` describes the subject or object of its verb: "élu président", "est devenu le maire"."""
    verb = noun.head
    return verb.pos_ == "VERB" and (
        noun.dep_ in deps.ATTRIBUTE or (noun.dep_ in deps.OBJECT and verb.lemma_.lower() in ctx.words.attributive_verbs)
    )


def _link(
    predicate: str,
    head: Token,
    subject: Mention,
    obj: Mention,
    evidence: tuple[int, int],
    confidence: float,
    modality: str = "asserted",
    polarity: str = "positive",
) -> Frame:
    return Frame(
        predicate=predicate,
        event_class=None,
        head=head.i,
        arguments=(("subject", subject), ("object", obj)),
        evidence=evidence,
        polarity=polarity,
        modality=modality,
        confidence=confidence,
    )


def uncovered_links(links: list[Frame], frames: list[Frame]) -> list[Frame]:
    """Links whose two mentions no frame of the same sentence already joins: in "déployer une
    partie de la flotte en Espagne" the place belongs to the deployment, not also to the fleet."""
    joined = {(f.evidence, m) for f in frames for _, m in f.arguments}
    return [link for link in links if not all((link.evidence, m) in joined for _, m in link.arguments)]
