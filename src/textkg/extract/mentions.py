"""Mentions: named entities from the statistical NER (cleaned), dates, and on demand the noun
phrases that events point at (Concepts). Pure functions of the document context."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.attrs import IS_UPPER, ORTH, POS, SENT_START
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import get_string_id
from spacy.tokens import Span, Token

from ..language.names import clean_surface, name_key
from ..records import broad_type
from . import deps
from .candidates import CONCEPT, DATE, PRONOUN, Mention
from .context import DocContext
from .event_lexicon import misread_subject
from .entity_types import classify, demonym_before, honorific_before, is_demonym_noun, names_a_vehicle, no_name_word, origin_in_parentheses, title_before, typed_by_list, vote_types
from .name_spans import article_belongs, described_name, glued_honorific, headed_name, is_role_title, place_parts
from .ranked_lists import ranked_names
from .syntax import is_source_word

NER_TYPES = {"PER": "Person", "PERSON": "Person", "ORG": "Organization", "LOC": "Place", "GPE": "Place", "MISC": "Misc"}
# Classes whose nouns introduce a quoted name, and the longest such name (in tokens): longer
# quotations are speech, not names.
NAMED_BY_QUOTE = frozenset({"Organization", "Place", "Event"})
# A named event (a conference, a summit) is of the Misc class.
EVENT, NAMED_EVENT = "Event", "Misc"
MAX_QUOTED_NAME = 10
PLACE_TYPES = frozenset({"Country", "City", "Region"})
# Longest token run looked up in the gazetteers when scanning for names the NER missed.
MAX_SCAN_TOKENS = 5
# Gazetteer places found by scanning (not by the NER) must be at least this big, or a country or
# region: small towns share their names with ordinary words.
SCAN_MIN_POPULATION = 100_000
HYPHENS = frozenset("-‐‑–")
# Parts of speech of words that are no name even after an honorific.
NO_NAME_POS = frozenset({"DET", "ADP", "CCONJ", "SCONJ", "PRON", "AUX", "PUNCT", "NUM", "SYM"})
# Parts of speech of the words of a person's name after a title ("M. Hotz") or an origin ("la
# Polonaise Irena Walczak").
NAME_AFTER_TITLE_POS = frozenset({"PROPN"})
NAME_AFTER_ORIGIN_POS = frozenset({"PROPN", "NOUN"})
# Parts of speech of the words of a title after its capitalised first word ("l'Envol des grues").
TITLE_WORD_POS = frozenset({"NOUN", "PROPN", "ADJ", "ADP", "DET", "NUM"})
# Words between a noun of armed forces and the country's adjective ("forces de sécurité
# tchadiennes", "forces armées belges", "armée de l'air belge"), at most this many.
ARMED_FORCES = "ArmedForces"
FORCE_WORDS_POS = frozenset({"ADP", "DET", "NOUN"})
MAX_FORCE_WORDS = 3
# Words that may sit between a role noun and the name it introduces ("le ministre espagnol de
# la Défense, Paul Martin").
ROLE_WORDS_MAX = 8


def named_mentions(ctx: DocContext, metonymy: bool = True) -> Iterator[Mention]:
    """Named mentions in text order: NER spans with articles, titles and stray punctuation trimmed
    off ("l'ONU" -> "ONU", "M. Lambert" -> "Lambert"), typed precisely (entity_types), plus
    names the NER missed that the gazetteers know (countries, big cities, organizations, weapon
    designators). With ``metonymy``, a capital city acting as a party ("selon Madrid", "Madrid
    a exigé") carries a ``represents`` link to its country; it is never renamed."""
    doc = ctx.doc
    found: list[Mention] = []
    ents = doc.ents  # built anew on every access
    surnames = frozenset(ent[-1].lower_ for ent in ents if ent.label_ in ("PER", "PERSON") and len(ent) > 1)
    for ent in ents:
        ner_type = NER_TYPES.get(ent.label_, "Misc")
        parts = place_parts(ctx, ent, ner_type)
        for part, part_type in zip(parts, (ner_type, "Place")):
            mention = _trimmed(ctx, part, part_type, surnames)
            if mention is not None:
                found.append(mention)
    # Known places inside a miscellaneous name are names too ("Tour d'Italie", "Arosa-Lausanne").
    inside_misc = {i for m in found if m.type == "Misc" for i in range(m.first_token, m.last_token + 1)}
    name_like = _name_like_flags(ctx)  # shared by both scans
    nested = _scanned(ctx, set(range(len(doc))) - inside_misc, name_like)
    found += [m for m in nested if m.type in PLACE_TYPES and _linked_inside(ctx, m)]
    # Quoted names and the entries of result lists outweigh what the NER made of them.
    preferred = [*quoted_names(ctx), *ranked_names(ctx), *national_forces(ctx), *participle_names(ctx)]
    taken = {i for m in preferred for i in range(m.first_token, m.last_token + 1)}
    found = [m for m in found if not taken.intersection(range(m.first_token, m.last_token + 1))] + preferred
    covered = {i for m in found for i in range(m.first_token, m.last_token + 1)}
    found += _scanned(ctx, covered, name_like)
    for mention in vote_types(typed_by_list(ctx, sorted(found, key=lambda m: m.start)), name_key):
        mention = _with_metonymy(ctx, mention) if metonymy else mention
        # Extractors reason with the broad class (a Country is a Place); entities keep the fine one.
        yield replace(mention, type=broad_type(mention.type), fine_type=mention.type)


def _linked_inside(ctx: DocContext, place: Mention) -> bool:
    """A place inside a longer name is one when a preposition or a dash ties it there ("Tour
    d'Italie", "Arosa - Lausanne"), not when it is a word of the name ("Nova Mobile")."""
    doc, words = ctx.doc, ctx.words
    before = ctx.tokens[place.first_token - 1] if place.first_token > 0 else None
    after = ctx.tokens[place.last_token + 1] if place.last_token + 1 < len(doc) else None
    linked_before = before is not None and (before.lower_ in words.genitive_cases or before.lower_ in words.locative_cases or before.text in HYPHENS)
    return linked_before or (after is not None and after.text in HYPHENS)


def quoted_names(ctx: DocContext) -> Iterator[Mention]:
    """A quoted title right after a noun of an organisation, a site or an event is its name:
    l'association « Les Amis du port », l'ONG "Terre Vive", l'usine « Métaux-Ouest », la
    conférence de presse « Orvel Direct »."""
    # Found in the token array: most texts have no quotation mark, and no Token need be made.
    doc = ctx.doc
    pairs = dict(ctx.words.quote_pairs)
    marks = {get_string_id(mark) for mark in pairs}
    for at, orth in enumerate(doc.to_array(ORTH).tolist()):
        if orth not in marks or at == 0:
            continue
        quote = ctx.tokens[at]
        closing = pairs[quote.text]
        cls = _quoting_class(ctx, ctx.tokens[at - 1])
        if cls is None:
            continue
        inside = ctx.tokens[quote.i + 1 : quote.i + 1 + MAX_QUOTED_NAME]
        end = next((t.i for t in inside if t.text == closing), None)
        # An event's name is capitalised: "la réunion « de la dernière chance »" names none.
        if end is not None and end > quote.i + 1 and (cls != EVENT or _begins_a_name(ctx.tokens[quote.i + 1])):
            span = doc[quote.i + 1 : end]
            yield Mention(span.start_char, span.end_char, span.text, NAMED_EVENT if cls == EVENT else cls, span.start, span.end - 1)


def _quoting_class(ctx: DocContext, noun: Token) -> str | None:
    """The class of a noun that introduces a quoted name: its own ("l'association"), or that of
    the noun it completes ("la conférence de presse « X »": a conference)."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    nouns = ctx.resources.nouns
    cls = nouns.class_of(noun.lemma_)
    if cls is None and noun.dep_ in deps.NOUN_MODIFIER and noun.head.i == noun.i - 2 and ctx.tokens[noun.i - 1].lower_ in ctx.words.genitive_cases:
        cls = nouns.class_of(noun.head.lemma_)
    return cls if cls in NAMED_BY_QUOTE else None


def participle_names(ctx: DocContext) -> Iterator[Mention]:
    """The name a naming participle gives: "une comédie nommée « Les Semeurs »", "ce terminal
    (baptisé Orvel)", "Intitulé l'Envol des grues, le rapport ...". Its class is the named noun's
    ("terminal": a product); a name of no known class is a work or a thing (Misc), unless the
    NER found the same name and typed it. A role is no name ("nommé Premier ministre")."""
    doc, words = ctx.doc, ctx.words
    ner_spans = {(ent.start, ent.end) for ent in doc.ents}
    for _, verbs in ctx.tagged("VERB", "ADJ"):
        for verb in verbs:
            if verb.lemma_.lower() not in words.naming_verbs or "Part" not in ctx.morph(verb, "VerbForm") or _has_auxiliary(verb):
                continue  # "a appelé Moscou à la retenue", "a été nommé X": a verb, no naming
            name = _given_name(ctx, verb.i + 1)
            if name is None or _is_title_or_role_phrase(ctx, name):
                continue
            cls = _named_noun_class(ctx, verb, name)
            if cls is None and (name.start, name.end) in ner_spans:
                continue  # the NER's name of these bounds keeps the NER's type
            text = ctx.text[name.start_char : name.end_char]
            yield Mention(name.start_char, name.end_char, text, cls or "Misc", name.start, name.end - 1)


def _given_name(ctx: DocContext, start: int) -> Span | None:
    """The name at token ``start``: a quotation of a few words beginning with a capital, or a
    capitalised word and the words of a title after it, up to punctuation or a verb ("l'Envol des
    grues : ..." is "Envol des grues")."""
    doc = ctx.doc
    if start >= len(doc):
        return None
    closing = dict(ctx.words.quote_pairs).get(ctx.tokens[start].text)
    if closing is not None:
        end = next((t.i for t in ctx.tokens[start + 1 : start + 1 + MAX_QUOTED_NAME] if t.text == closing), None)
        return doc[start + 1 : end] if end is not None and end > start + 1 and _begins_a_name(ctx.tokens[start + 1]) else None
    if ctx.tokens[start].pos_ == "DET" and start + 1 < len(doc):
        start += 1
    if not _begins_a_name(ctx.tokens[start]):
        return None
    end, genitive = start + 1, False
    while end < len(doc) and end - start < MAX_QUOTED_NAME and _title_word(ctx, ctx.tokens[end], genitive):
        genitive = genitive or ctx.tokens[end].lower_ in ctx.words.genitive_cases
        end += 1
    while end - 1 > start and ctx.tokens[end - 1].pos_ in ("ADP", "DET"):
        end -= 1
    return doc[start:end]


def _title_word(ctx: DocContext, token: Token, genitive: bool) -> bool:
    """A word of a title after its first: a capitalised word, "de" and its article, and the
    lower-case words after them ("l'Envol des grues"; not "Paul Morel entraîneur")."""
    if token.pos_ not in TITLE_WORD_POS:
        return False
    if token.text[:1].isupper() or token.like_num or token.lower_ in ctx.words.genitive_cases:
        return True
    return genitive and token.pos_ in ("DET", "NOUN", "ADJ")


def _has_auxiliary(verb: Token) -> bool:
    return any(c.dep_ in deps.AUXILIARIES for c in verb.children) or (verb.i > 0 and verb.doc[verb.i - 1].pos_ == "AUX")


def _begins_a_name(token: Token) -> bool:
    return token.text[:1].isupper() or token.text[:1].isdigit()


def _is_title_or_role_phrase(ctx: DocContext, name: Span) -> bool:
    first_two = " ".join(t.lower_ for t in name[:2])
    return first_two in ctx.words.roles or name[0].lower_ in ctx.words.roles or name[0].lower_ in ctx.resources.gazetteer.titles


def _named_noun_class(ctx: DocContext, verb: Token, name: Span) -> str | None:
    """The class of the noun a naming participle names: the noun it modifies ("ce terminal
    (baptisé X)"), or, for a participle opening its sentence, the subject right after the name
    ("Baptisée « X », la machine ...")."""
    noun = verb.head if verb.dep_ in deps.PARTICIPLE_MODIFIER and verb.head.pos_ == "NOUN" else None
    if noun is None and ctx.sentence_start(verb.i) == verb.i:
        after = [t for t in ctx.tokens[name.end : name.end + 4] if not t.is_punct and t.pos_ != "DET"]
        noun = after[0] if after and after[0].pos_ == "NOUN" and after[0].dep_ in deps.SUBJECTS else None
    if noun is None:
        return None
    head = ctx.resources.name_heads.get(noun.lemma_.lower())
    if head is not None and head[1] != "eponym":
        return head[0]
    return ctx.resources.nouns.class_of(noun.lemma_) if ctx.resources.nouns.class_of(noun.lemma_) in NAMED_BY_QUOTE | {"Person"} else None


def national_forces(ctx: DocContext) -> Iterator[Mention]:
    """A country's armed forces named by its adjective, though in lower case: "l'armée
    ruritanienne", "les forces armées belges", "les forces de sécurité tchadiennes"."""
    words, gazetteer = ctx.words, ctx.resources.gazetteer
    named_to = -1  # the last token of the last name: "armées" in "forces armées X" begins none
    for _, nouns in ctx.tagged("NOUN"):
        for noun in nouns:
            if noun.lower_ not in words.national_force_nouns or noun.i <= named_to:
                continue
            for token in ctx.tokens[noun.i + 1 : noun.i + 2 + MAX_FORCE_WORDS]:
                if token.pos_ == "ADJ" and token.text.islower() and gazetteer.demonym_country(token.text) is not None:
                    yield Mention(noun.idx, token.idx + len(token), ctx.text[noun.idx : token.idx + len(token)], ARMED_FORCES, noun.i, token.i)
                    named_to = token.i
                    break
                # "forces de sécurité", "forces armées", not "forces politiques"
                if token.pos_ not in FORCE_WORDS_POS and token.lower_ not in words.national_force_nouns:
                    break


def date_mentions(ctx: DocContext) -> Iterator[Mention]:
    """Weekdays, day-month and month(-year) expressions, and bare years, of the document's
    language, with their ISO value relative to the document date where it can be known."""
    dates, reference = ctx.resources.dates, ctx.document.date
    for match in dates.matches(ctx.text):
        span = ctx.doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is not None:
            value = dates.value(match.group(0), reference)
            yield Mention(match.start(), match.end(), match.group(0), DATE, span.start, span.end - 1, value=value)


def concept_mention(ctx: DocContext, token: Token) -> Mention | None:
    """The noun phrase headed by ``token`` as a Concept, without determiners and clauses:
    "un accord pour officialiser ..." -> "accord"; "des armes nucléaires" -> "armes nucléaires"."""
    if token.pos_ not in ("NOUN", "PROPN") or is_negative_pronoun(ctx, token):
        return None
    kept = [token]
    for child in token.children:
        if child.dep_ in ("amod", "compound", "fixed", "flat", "flat:name") and child.i == max(t.i for t in kept) + 1:
            kept.append(child)
            kept.extend(t for t in child.subtree if t != child and t.dep_ in ("advmod", "amod"))
    # Only the words joined to the head without a gap: the text between the parts of a phrase
    # that is not contiguous would be mislabelled ("exercices conjoints et des visites de hauts
    # responsables" is "exercices conjoints").
    indices = {t.i for t in kept}
    left = right = token.i
    while left - 1 in indices:
        left -= 1
    while right + 1 in indices:
        right += 1
    if any(ctx.pos[i] in _NOT_IN_NOUN_PHRASE for i in range(left, right + 1)):
        left = right = token.i
    # Offsets from the first and last words, the text sliced from the context's text: a Span and
    # its text would make a Token per word.
    first, last = ctx.tokens[left], ctx.tokens[right]
    start, end = first.idx, last.idx + len(last)
    return Mention(start, end, ctx.text[start:end], CONCEPT, left, right)


_NOT_IN_NOUN_PHRASE = frozenset(POS_IDS[tag] for tag in ("PUNCT", "VERB", "AUX", "SCONJ", "PRON"))


def pronoun_mention(ctx: DocContext, token: Token) -> Mention | None:
    """``token`` as a referring third-person pronoun, or None."""
    if token.pos_ != "PRON" or token.lower_ not in ctx.resources.pronouns or _stands_for_nothing(ctx, token):
        return None
    if token.dep_ in deps.EXPLETIVE and misread_subject(ctx, token.head) != token:
        return None
    return Mention(token.idx, token.idx + len(token), token.text, PRONOUN, token.i, token.i)


def _stands_for_nothing(ctx: DocContext, token: Token) -> bool:
    """A pronoun the parser may not mark as impersonal: "il y a" (existential, whatever the
    tense of its verb) and the clitic that stands for a clause after "comme" ("comme le rappelle
    X", "comme l'a annoncé X")."""
    doc, words = ctx.doc, ctx.words
    following = ctx.tokens[token.i + 1] if token.i + 1 < len(doc) else None
    if following is not None and following.lower_ in words.existential_clitics and token.lower_ in words.impersonal_pronouns:
        return True
    previous = ctx.tokens[token.i - 1] if token.i > 0 else None
    return previous is not None and previous.lower_ in words.clause_clitic_markers and token.dep_ in deps.OBJECT



def is_negative_pronoun(ctx: DocContext, token: Token) -> bool:
    """"n'a arrêté personne", "ne voit rien": the noun is nobody, nothing."""
    if token.lemma_.lower() not in ctx.words.negative_pronouns:
        return False
    return token.dep_ == "advmod" or any("Neg" in ctx.morph(c, "Polarity") for c in token.head.children)


def _trimmed(ctx: DocContext, span: Span, ner_type: str, surnames: frozenset[str]) -> Mention | None:
    # Span texts as slices of the context's text: Span.text joins its tokens on every access.
    doc, text_of, gazetteer = ctx.doc, ctx.text, ctx.resources.gazetteer
    rel_start, rel_end = clean_surface(text_of[span.start_char : span.end_char])
    if rel_end <= rel_start:
        return None
    start, end = span.start_char + rel_start, span.start_char + rel_end
    tokens = doc.char_span(start, end, alignment_mode="expand")
    if tokens is None or (ner_type != "Person" and is_role_title(ctx, tokens)):
        return None  # "ministre des Finances" is a role, not an organisation
    # Names start with a capital or a digit: lower-case words the NER swept in at the left edge
    # ("selon laquelle des missiles Kalibr-M") belong to the sentence.
    # A capitalised determiner at a sentence start is the article too ("La France").
    # So are a year or a number before "de" ("l'édition 2015 de Rockfest").
    while tokens is not None and len(tokens) > 1 and (
        tokens[0].text[:1].islower()
        or (tokens[0].pos_ == "DET" and not article_belongs(ctx, tokens))
        or (tokens[0].like_num and len(tokens) > 2 and tokens[1].lower_ in ctx.words.genitive_cases)
    ):
        tokens = tokens[1:]
    # Honorifics belong to the sentence too: "M. Lambert", "Madame Irène Vasseur"; so does a
    # demonym before a person's name ("la Polonaise Irena Walczak").
    titled = False
    # A first name and a surname after it, not one word of a firm's name ("British Gallery").
    if tokens is not None and len(tokens) > 2 and is_demonym_noun(ctx, tokens[0]) and all(t.pos_ == "PROPN" for t in tokens[1:]):
        tokens, titled = tokens[1:], True
    while tokens is not None and len(tokens) > 1 and _is_title_token(tokens, gazetteer.titles):
        tokens = tokens[2:] if len(tokens) > 2 and tokens[1].text == "." else tokens[1:]
        titled = True
    if tokens is None:
        return None
    # A name never ends with a verb the NER swept in ("la sonde Lyra atterrisse").
    while len(tokens) > 1 and tokens[-1].pos_ in deps.CLAUSE_POS and tokens[-1].text[:1].islower():
        tokens = tokens[:-1]
    if ner_type != "Person":
        tokens = described_name(ctx, tokens)
    # A common noun heading a line, swept into a person's name ("Reportage Jean Dupont").
    if (
        ner_type == "Person"
        and len(tokens) > 2
        and tokens[0].pos_ == "NOUN"
        and tokens[0].lemma_[:1].islower()
        and tokens[1].text[:1].isupper()
        and ctx.sentence_start(tokens.start) == tokens.start
    ):
        tokens = tokens[1:]
    headed = headed_name(ctx, tokens, ner_type)
    if headed is not None:
        span, cls = headed
        return Mention(span.start_char, span.end_char, text_of[span.start_char : span.end_char], cls, span.start, span.end - 1)
    text = text_of[tokens.start_char : tokens.end_char]
    glued = glued_honorific(text, gazetteer.titles)
    titled = titled or glued > 0
    # A name starts with a capital or a digit; a token that starts with a hyphen ends a word
    # the tokenizer cut ("germano-suisse"), it starts no name.
    if not any(c.isalpha() for c in text) or text[:1].islower() or text[:1] in HYPHENS:
        return None
    typing = classify(ctx, tokens, "Person" if titled and ner_type in ("Place", "Misc", "Organization") else ner_type, surnames)
    if typing is None:
        return None
    start, end = tokens.start_char + glued, tokens.end_char
    text = text[glued:]
    role = _role(ctx, tokens) if typing.type == "Person" else None
    return Mention(start, end, text, typing.type, tokens.start, tokens.end - 1, typing.links, role)


def _is_title_token(tokens: Span, titles: frozenset[str]) -> bool:
    word = tokens[0].lower_
    dotted = len(tokens) > 1 and tokens[1].text == "."
    return word in titles or (dotted and word + "." in titles)


def _role(ctx: DocContext, name: Span) -> str | None:
    """The role noun phrase right before a person's name, without its determiner: "le ministre
    espagnol de la Défense, Paul Martin" -> "ministre espagnol de la Défense"."""
    doc, roles = ctx.doc, ctx.words.roles
    sentence_start = ctx.sentence_start(name.start)  # Span.sent scans for it
    end = name.start
    while end > sentence_start and ctx.tokens[end - 1].text in (",", "."):
        end -= 1
    start = end
    while start > max(sentence_start, end - ROLE_WORDS_MAX) and ctx.tokens[start - 1].pos_ in ("NOUN", "ADJ", "ADP", "DET", "PROPN"):
        if ctx.tokens[start - 1].pos_ == "DET" and (start - 1 == sentence_start or ctx.tokens[start - 2].pos_ != "ADP"):
            break
        start -= 1
    words = ctx.tokens[start:end]
    for i, token in enumerate(words):
        first_two = " ".join(t.lower_ for t in words[i : i + 2])
        if token.lower_ in roles or first_two in roles:
            former = i > 0 and words[i - 1].lemma_.lower() in ctx.words.former_words
            role = doc[start + i - 1 : end] if former else doc[start + i : end]  # "ancien ministre de la Défense": a former role
            if not len(role) or role[-1].pos_ == "ADP" or (end < name.start and not same_slot(role.root, name.root)):
                return None
            return role.text
    return None


def same_slot(role: Token, name: Token) -> bool:
    """A role set off by a comma renames the name only in one slot: "le ministre, Paul Martin,
    a déclaré" (apposition, or two subjects of one verb, one of them perhaps hung on its
    auxiliary), not "après avoir rencontré le ministre, Jean Moreau a déclaré"."""
    if name.head.i == role.i or role.head.i == name.i:
        return True
    return _clause_head(role).i == _clause_head(name).i and role.dep_ == name.dep_


def _clause_head(token: Token) -> Token:
    head = token.head
    return head.head if head.dep_.startswith("aux") else head


def _scanned(ctx: DocContext, covered: set[int], name_like: list[bool]) -> list[Mention]:
    """Capitalised token runs the NER missed that a gazetteer knows, longest match first, and
    person names after an honorific ("M. Hotz") or before their origin ("Hotz (Berne)").
    ``name_like`` is _name_like_flags(ctx)."""
    doc, lower = ctx.doc, ctx.lower
    particles = {get_string_id(word) for word in ctx.words.name_particles}
    found = []
    length_of_doc = len(doc)
    is_name_like = name_like.__getitem__
    # Only a name-like word or a particle may begin a name: the others are passed over in the
    # token arrays, unseen (a Token for every word costs more than the scan).
    starts = [i for i, (flag, word) in enumerate(zip(name_like, lower)) if (flag or word in particles) and i not in covered]
    free = 0  # the first token after the last match
    for i in starts:
        if i < free:
            continue
        match = None
        # A particle after an honorific begins the name: "M. de Varenne".
        particle = (
            lower[i] in particles and i + 1 < length_of_doc and i + 1 not in covered
            and is_name_like(i + 1) and honorific_before(ctx, i)
        )
        if not particle and not is_name_like(i):
            continue
        token = ctx.tokens[i]
        origin = not particle and _may_follow_a_title(ctx, token) and demonym_before(ctx, i)
        if particle or origin or (_may_follow_a_title(ctx, token) and title_before(ctx, i)):
            end = i + 1 + particle
            # After a demonym the tagger often reads a foreign surname as a common noun.
            name_pos = NAME_AFTER_ORIGIN_POS if origin else NAME_AFTER_TITLE_POS
            while end < length_of_doc and end - i < MAX_SCAN_TOKENS and end not in covered and _continues_name(ctx.tokens[end], is_name_like(end), origin) and ctx.tokens[end].pos_ in name_pos:
                end += 1
            span = doc[i:end]
            match = Mention(span.start_char, span.end_char, span.text, "Person", span.start, span.end - 1)
        elif token.pos_ == "PROPN" and origin_in_parentheses(ctx, doc[i : i + 1]):
            match = Mention(token.idx, token.idx + len(token), token.text, "Person", i, i)
        elif token.pos_ in deps.NOMINAL_POS and names_a_vehicle(ctx, doc[i : i + 1]):
            match = Mention(token.idx, token.idx + len(token), token.text, "Vehicle", i, i)  # "le naufrage du Korvald"
        else:
            for length in range(min(MAX_SCAN_TOKENS, length_of_doc - i), 0, -1):
                if any(j in covered for j in range(i, i + length)) or not is_name_like(i + length - 1):
                    continue
                match = _scan_type(ctx, doc[i : i + length])
                if match is not None:
                    break
        if match is not None:
            found.append(match)
            free = match.last_token + 1
    return found


def _continues_name(token: Token, name_like: bool, origin: bool) -> bool:
    """A word of a name begun after a title or an origin; after an origin ("la Polonaise Irena
    Walczak") any capitalised word, even one the parser took for a new sentence's first word."""
    return name_like or (origin and token.text[:1].isupper() and token.is_alpha)


def _may_follow_a_title(ctx: DocContext, token: Token) -> bool:
    """A word that may be the name after a title: no function word, no initial or title itself."""
    letters = sum(c.isalpha() for c in token.text)
    return token.pos_ not in NO_NAME_POS and letters >= 2 and token.lower_ not in ctx.resources.gazetteer.titles


def _scan_type(ctx: DocContext, span: Span) -> Mention | None:
    gazetteer = ctx.resources.gazetteer
    text = span.text
    if len(span) == 1 and (span[0].is_stop or gazetteer.demonym_country(text) is not None) or no_name_word(ctx, span, text):
        return None  # "Sur", "On", "Russe", "XVe": words before they are towns
    known = gazetteer.organization(text)
    place = gazetteer.place(text, subdivisions=False)
    if known is not None and (text.isupper() or text[:1].isupper()):
        type_, links = known.type, ()
    elif gazetteer.weapons.names_weapon(text, ctx.tokens[span.start - 1].text if span.start > 0 else None, ctx.words.weapon_heads):
        type_, links = "WeaponSystem", ()
    elif place is not None and (place.type != "City" or place.population >= SCAN_MIN_POPULATION):
        type_, links = place.type, tuple(sorted(place.links.items()))
    else:
        return None
    return Mention(span.start_char, span.end_char, text, type_, span.start, span.end - 1, links)


def _name_like_flags(ctx: DocContext) -> list[bool]:
    """Whether each token may be part of a name: capitalised, not a sentence-initial common word.
    Read from the token arrays (the text is tested once per word form)."""
    doc = ctx.doc
    texts = [token.text for token in ctx.tokens]
    capitalised = {text: text[:1].isupper() and any(map(str.isalpha, text)) for text in set(texts)}
    arrays = doc.to_array([IS_UPPER, SENT_START, POS]).tolist() if len(doc) else ()
    # Token.is_sent_start is true where SENT_START is 1 (-1: not a start, 0: unknown).
    return [
        capitalised[text] and not (start == 1 and pos not in _NAME_POS and not upper)
        for text, (upper, start, pos) in zip(texts, arrays)
    ]


_NAME_POS = frozenset(POS_IDS[tag] for tag in ("PROPN", "X"))


def _with_metonymy(ctx: DocContext, mention: Mention) -> Mention:
    """A capital city that speaks or acts stands for its country's government: link, not rename."""
    doc, gazetteer = ctx.doc, ctx.resources.gazetteer
    place = gazetteer.place(mention.text)
    if mention.type != "City" or place is None or place.capital_of is None:
        return mention
    head = doc[mention.first_token : mention.last_token + 1].root
    acting = head.dep_ in deps.SUBJECTS | deps.AGENT or any(
        is_source_word(ctx, t) for t in ctx.tokens[max(0, mention.first_token - 2) : mention.first_token]
    )
    country = gazetteer.countries.get(place.capital_of)
    if not acting or country is None or "geonames" not in country.links:
        return mention
    return replace(mention, links=(*mention.links, ("represents", country.links["geonames"])))
