"""The scene of a news report: "Deux hommes ont été arrêtés à Lyon. Le procureur a ouvert une
enquête" sets where the story happens, so its people, organisations and events are located there,
though later sentences no longer say so.

Pure functions of the document context. The scene is the place a report is filed from (a
dateline: "LYON (AFP) -", "3 mars 2019. - Genève -") and the named places of the lead's main
clause: a locative of its verb or of one of the verb's own nouns ("ont repris leur grève à
Cuzco"), not of a clause inside it ("un car reliant Nantes à Angers") nor a direction
("expulsé vers le Maroc"). The lead is the first sentence of the body, after the title, or the
one after it when the first says not where. The scene locates the story's actors and happenings
(persons, organisations, events) of the lead's paragraph, except:

- those who only speak of the story, never act in it: a participant met only as the speaker of
  reported speech or in the speaker's phrase ("La présidente de la Cour des comptes,
  Mme Anne Roy, a déclaré"), or in a quotation ("« ... au nom d'Allah »");
- objects (they go with their owners, which the ``has`` links give), places (their nesting is said
  in the text or not at all) and the outlets that report the story;
- those of later paragraphs: a paragraph break is where a report moves on (to the history of a
  show, to a firm in another city), so the lead's place holds for its own paragraph only. A
  brief told in one paragraph keeps its scene throughout.

A scene link is an inference of the reader, not a statement of one sentence: it carries two pieces
of evidence (the lead and the sentence naming the participant) and the lowest confidence.

A title that opens on a place and a colon ("Pérou : les mineurs poursuivent leur grève
à Cuzco") is about that place: the places it names lie in it (``title_links``).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from . import deps
from .candidates import NEWS_AGENCY, ClaimFrame, Frame, Mention
from .confidence import CLASS_LINK, SCENE
from .context import DocContext
from .quotes import quotations
from .syntax import describes_noun, is_clause_head, is_converted_time, is_locative
from .typed_links import LOCATED_IN, participant_class

# Classes of the participants a scene locates.
SCENE_PARTICIPANTS = frozenset({"Person", "Organization", "Event"})
PLACE = "Place"
COUNTRY = "Country"
DASHES = frozenset({"-", "–", "—"})


def scene_links(
    ctx: DocContext, participants: Iterable[Mention], claims: Collection[ClaimFrame], outlets: Collection[Mention]
) -> Iterator[Frame]:
    """One ``located in`` frame per participant mention and scene place; the caller keeps the
    first per entity and place, and none where another frame already relates the two."""
    lead = _lead(ctx)
    if lead is None:
        return
    places = [*_dateline_places(ctx, lead), *_lead_places(ctx, lead)]
    if not places:
        # "Un incendie a ravagé un entrepôt. Les faits se sont produits à Lyon.": the sentence
        # after a lead that says not where may.
        after = ctx.sentence_index(lead.end - 1) + 1
        lead = ctx.sentences[after] if after < len(ctx.sentences) else lead
        places = list(_lead_places(ctx, lead))
    if not places:
        return
    lead_span = _stripped(ctx, lead)
    aside = _aside(ctx, claims)
    paragraph_end = _paragraph_end(ctx, lead_span[1])
    for mention in participants:
        if (
            mention.start >= paragraph_end
            or mention in outlets
            or mention.fine_type == NEWS_AGENCY  # news agencies report the story from elsewhere
            or participant_class(ctx, mention) not in SCENE_PARTICIPANTS
            or mention.first_token in aside
        ):
            continue
        evidence = ctx.sentence_span(ctx.sentence_of(mention.first_token))
        for place in places:
            yield Frame(
                predicate=LOCATED_IN,
                event_class=None,
                head=_marker(ctx, place),
                arguments=(("subject", mention), ("object", place)),
                evidence=evidence,
                polarity="positive",
                modality="asserted",
                confidence=SCENE,
                setting=lead_span if lead_span != evidence else None,
                scene=True,
            )


def _paragraph_end(ctx: DocContext, char: int) -> int:
    """Where the paragraph holding ``char`` ends: the next line break, or the end of the text."""
    end = ctx.text.find("\n", char)
    return end if end >= 0 else len(ctx.text)


def title_links(ctx: DocContext) -> Iterator[Frame]:
    """"Pérou : les mineurs poursuivent leur grève à Cuzco": a title that opens on a
    place and a colon is about that place, and the other places it names lie in it, unless the
    gazetteer puts them in another country (or they are countries themselves)."""
    end = _body_start(ctx)
    places = [m for m in ctx.fixed if m.type == PLACE and m.end <= end]
    doc = ctx.doc
    if len(places) < 2 or places[0].first_token != 0 or places[0].last_token + 1 >= len(doc):
        return
    topic, colon = places[0], ctx.tokens[places[0].last_token + 1]
    if colon.text != ":":
        return
    evidence = _stripped(ctx, doc[: _first_token_after(ctx, end)])
    for place in places[1:]:
        if _may_lie_in(ctx, place, topic):
            yield Frame(
                predicate=LOCATED_IN,
                event_class=None,
                head=colon.i,
                arguments=(("subject", place), ("object", topic)),
                evidence=evidence,
                polarity="positive",
                modality="asserted",
                confidence=CLASS_LINK,
                scene=True,
            )


def _may_lie_in(ctx: DocContext, place: Mention, topic: Mention) -> bool:
    gazetteer = ctx.resources.gazetteer
    inner, outer = gazetteer.place(place.text), gazetteer.place(topic.text)
    if place.fine_type == COUNTRY or (inner is not None and inner.type == COUNTRY):
        return False
    return inner is None or outer is None or inner.country is None or inner.country == outer.country


def _lead(ctx: DocContext) -> SpacySpan | None:
    """The first sentence of the body: after the title (the document's title, or a first line
    without final punctuation), through its first verb, with the pieces the parser cut off before
    it ("À Kaboul | , des combattants ont attaqué ...")."""
    start = _first_token_after(ctx, _body_start(ctx))
    for sent in ctx.sentences:
        if sent.end > start and any(t.pos_ in deps.CLAUSE_POS for t in ctx.tokens[sent.start : sent.end]):
            return ctx.doc[start : sent.end]
    return None


def _stripped(ctx: DocContext, span: SpacySpan) -> tuple[int, int]:
    """The character span of ``span`` without the white space around it."""
    text = ctx.text[span.start_char : span.end_char]
    start = span.start_char + len(text) - len(text.lstrip())
    return start, span.start_char + len(text.rstrip())


def _body_start(ctx: DocContext) -> int:
    """Where the body starts: after a title line."""
    text = ctx.text
    title = ctx.document.title
    first_line, newline, rest = text.partition("\n")
    if title and text.startswith(title.strip()):
        return len(title.strip())
    if newline and rest.strip() and first_line.strip() and first_line.rstrip()[-1] not in ".!?»\"":
        return len(first_line)
    return 0


def _first_token_after(ctx: DocContext, char: int) -> int:
    return next((t.i for t in ctx.tokens if t.idx >= char), len(ctx.tokens))


def _lead_places(ctx: DocContext, lead: SpacySpan) -> Iterator[Mention]:
    """Named places of the lead that a locative attaches to its main verb or to a noun phrase of its
    clause ("ont repris leur grève à Cuzco")."""
    root = next((t for t in lead if t.dep_ == "ROOT" and is_clause_head(t)), None)
    if root is None:
        return
    for mention in ctx.fixed:
        if mention.type != PLACE or not (lead.start <= mention.first_token < lead.end):
            continue
        head = ctx.head_of(mention)
        if not is_locative(ctx, head):
            continue
        governor = _governor(head)
        if is_converted_time(ctx, governor):
            continue  # "à 19 heures, soit 13 heures à Lima": where that time holds, no scene
        if _in_main_clause(ctx, governor, root):
            yield mention


def _in_main_clause(ctx: DocContext, governor: Token, root: Token) -> bool:
    """``governor`` is the main verb or one of the noun phrases of its clause, however deep ("les
    locaux d'une usine", "le 25 octobre 2019", "l'association, basée à Lyon"), not a word of a
    clause inside it ("un car reliant Nantes à Angers")."""
    token = governor
    while token != root:
        if not (token.pos_ in deps.PHRASE_POS and token.dep_ not in deps.SUBORDINATE) and not describes_noun(ctx, token):
            return False
        if token.head == token:
            return token.i < root.i  # a piece the parser cut off before the main verb
        token = token.head
    return True


def _governor(place: Token) -> Token:
    """The word a locative phrase hangs on, through the appositions and coordinations of names
    ("à Halifax, Canada")."""
    while place.dep_ in deps.PLACE_CHAIN and place.head != place:
        place = place.head
    return place.head


def _dateline_places(ctx: DocContext, lead: SpacySpan) -> Iterator[Mention]:
    """The place a report is filed from: a place name between dashes or before an agency in
    parentheses at the start of the body ("3 mars 2019. - Genève - Le salon ...", "LYON (AFP) -")."""
    doc = ctx.doc
    start = _first_token_after(ctx, _body_start(ctx))
    window = doc[start : min(lead.end, start + 12)]
    for mention in ctx.fixed:
        if mention.type != PLACE or not (window.start <= mention.first_token < window.end):
            continue
        before = ctx.tokens[mention.first_token - 1] if mention.first_token > start else None
        after = ctx.tokens[mention.last_token + 1] if mention.last_token + 1 < len(doc) else None
        opens = before is None or before.text in DASHES
        closes = after is not None and (after.text in DASHES or after.text == "(")
        if opens and closes:
            yield mention


def _aside(ctx: DocContext, claims: Collection[ClaimFrame]) -> set[int]:
    """Tokens of those who speak of the story and of what they quote: the phrase of a speaker
    (a claim's, or the subject of a reporting verb), and every quotation."""
    tokens: set[int] = set()
    speakers = [ctx.head_of(c.speaker) for c in claims if c.speaker is not None]
    lexicon = ctx.resources.lexicon
    speakers += [
        c
        for _, verbs in ctx.tagged("VERB")
        for verb in verbs
        if lexicon.reporting_stance(verb.lemma_)
        for c in verb.children
        if c.dep_ in deps.SUBJECTS
    ]
    for head in speakers:
        tokens.update(t.i for t in head.subtree if t.pos_ not in deps.CLAUSE_POS)
    for quoted in quotations(ctx):
        tokens.update(range(quoted.start, quoted.end))
    return tokens


def _marker(ctx: DocContext, place: Mention) -> int:
    """The locative word that sets the scene ("à" in "arrêtés à Lyon"), the trigger of its links."""
    head = ctx.head_of(place)
    for token in (head, head.head):
        case = next((c for c in token.children if c.dep_ == deps.CASE), None)
        if case is not None:
            return case.i
    return head.i
