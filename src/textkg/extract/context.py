"""The immutable per-document context every extractor reads: the parsed Doc, its token arrays and
sentences, the language resources, and the fixed mentions (names and dates) by token.

Built once per document (``DocContext.of``); extractors are pure functions of it. Rules take
their words from ``tokens`` (ReadTokens: text, forms, tags, head and children read once, see
tokens.py), not from ``doc[i]``; their dependencies are the parser's with its certain slips
mended (mending.py). Other token look-ups that spaCy makes costly are served from
arrays read once: a morphological feature
(``MorphAnalysis.get`` builds an array and strings on every call, ~1 µs; the context reads the
token's feature string instead, parsed once per form: ``morph_features``), the start of a token's
sentence (``Token.sent`` builds a Span and scans for its boundaries, ~3 µs), a span's text
(``Span.text`` makes a Token per word). The context also memoises a few pure functions of a token
(what it names, the concept it heads); those caches are invisible to callers.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache

import numpy
from spacy.attrs import DEP, HEAD, LEMMA, LOWER, MORPH, ORTH, POS
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..language.resources import Resources, Words
from ..records import Document, Span
from .candidates import Mention
from .mending import mended_dependencies
from .tokens import ReadToken, TokenColumns, read_tokens

# Memos of what the tokens alone decide, kept when the mentions are fixed.
TOKEN_MEMOS = frozenset(
    {"morph", "sentence_span", "heads", "positions", "vocabulary", "uses_any", "word_positions", "feature_positions"}
)


@dataclass(frozen=True)
class DocContext:
    """One parsed document and what extraction knows about it before any extractor runs."""

    doc: Doc
    document: Document
    resources: Resources
    text: str
    pos: list[int]
    dep: list[int]
    head: list[int]
    lower: list[int]
    morph_ids: list[int]
    sentences: tuple[SpacySpan, ...]
    sentence_starts: tuple[int, ...]
    # The words, with what rules read most kept on them (tokens.ReadToken).
    tokens: tuple[ReadToken, ...]
    # Names and dates, in text order; where they overlap the earlier and longer one won, so no
    # token belongs to two of them.
    fixed: tuple[Mention, ...] = ()
    fixed_at: dict[int, Mention] = field(default_factory=dict)
    # Caches of pure functions of this document, by name ("named", "heads"); invisible to callers.
    # A defaultdict: rules read them thousands of times per document, without a call each time.
    memos: defaultdict[str, dict] = field(default_factory=lambda: defaultdict(dict), compare=False, repr=False)

    @classmethod
    def of(cls, doc: Doc, document: Document, resources: Resources) -> DocContext:
        """The context of ``doc``, parsed from ``document.text``, before any mention is known.
        The text is the document's: the Doc's (``Doc.text``) is the same string, joined anew
        from a Token per word."""
        if len(doc):
            array = doc.to_array([POS, DEP, HEAD, LOWER, MORPH, ORTH, LEMMA])
            heads = (numpy.arange(len(doc), dtype=numpy.int64) + array[:, 2].astype(numpy.int64)).tolist()
            pos, dep, lower, morph, orth, lemma = (array[:, n].tolist() for n in (0, 1, 3, 4, 5, 6))
            strings = doc.vocab.strings
            dep = mended_dependencies(dep, heads, lemma, pos, lambda i: "Inf" in morph_features(strings[morph[i]]).get("VerbForm", ()), resources.words)
        else:
            pos, dep, heads, lower, morph, orth, lemma = [], [], [], [], [], [], []
        sentences = tuple(doc.sents)
        return cls(
            doc=doc,
            document=document,
            resources=resources,
            text=document.text,
            pos=pos,
            dep=dep,
            head=heads,
            lower=lower,
            morph_ids=morph,
            sentences=sentences,
            sentence_starts=tuple(s.start for s in sentences),
            tokens=read_tokens(doc, TokenColumns(orth, lower, lemma, dep, pos, heads)),
        )

    def with_mentions(self, mentions: Iterable[Mention]) -> DocContext:
        """This context with ``mentions`` (names and dates) fixed; where two overlap, the earlier
        and longer one wins."""
        fixed: list[Mention] = []
        fixed_at: dict[int, Mention] = {}
        for mention in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
            span = range(mention.first_token, mention.last_token + 1)
            if not any(i in fixed_at for i in span):
                fixed.append(mention)
                fixed_at.update((i, mention) for i in span)
        # What the tokens say carries over; what depended on the mentions does not.
        token_memos = defaultdict(dict, {key: value for key, value in self.memos.items() if key in TOKEN_MEMOS})
        return replace(self, fixed=tuple(sorted(fixed, key=lambda m: (m.start, m.end))), fixed_at=fixed_at, memos=token_memos)

    @cached_property
    def words(self) -> Words:
        """The language's closed-class words (read thousands of times per document: kept on the
        context after the first read)."""
        return self.resources.words

    # Tokens --------------------------------------------------------------------------------

    def morph(self, token: Token, name: str) -> list[str]:
        """``token.morph.get(name)``; the list is shared, callers must not change it."""
        by_form = self.memos["morph"]
        form = self.morph_ids[token.i]
        features = by_form.get(form)
        if features is None:
            features = by_form[form] = morph_features(self.doc.vocab.strings[form])
        return features.get(name, [])

    def feature(self, token: Token, name: str) -> str | None:
        values = self.morph(token, name)
        return values[0] if values else None

    def sentence_start(self, i: int) -> int:
        """The first token of the sentence of token ``i``."""
        starts = self.sentence_starts
        return starts[bisect_right(starts, i) - 1]

    def sentence_index(self, i: int) -> int:
        return bisect_right(self.sentence_starts, i) - 1

    def previous_sentence_start(self, i: int) -> int:
        """The start of the sentence before token ``i``'s (0 in the first sentence)."""
        current = self.sentence_index(i)
        return self.sentence_starts[current - 1] if current > 0 else 0

    def sentence_of(self, i: int) -> SpacySpan:
        return self.sentences[self.sentence_index(i)]

    def sentence_span(self, sent: SpacySpan) -> Span:
        """Character span of a sentence without its surrounding white space."""
        spans = self.memos["sentence_span"]
        found = spans.get(sent.start)
        if found is None:
            text = self.text[sent.start_char : sent.end_char]
            start = sent.start_char + (len(text) - len(text.lstrip()))
            found = spans[sent.start] = (start, sent.start_char + len(text.rstrip()))
        return found

    def span_text(self, start_char: int, end_char: int) -> str:
        return self.text[start_char:end_char]

    def uses_any(self, words: frozenset[str]) -> bool:
        """Whether some word of the document, in lower case or by its lemma (lower-cased), is one
        of ``words``: a rule that needs one of its trigger words passes a document without any by.
        Forms are compared by their ids; of the lemmas, only those that differ from their word's
        lower-case form are compared. The answer is kept per word set."""
        answers = self.memos["uses_any"]
        answer = answers.get(words)
        if answer is None:
            forms, other_lemmas = self._vocabulary()
            answer = answers[words] = not forms.isdisjoint(string_ids(words)) or not other_lemmas.isdisjoint(words)
        return answer

    def _vocabulary(self) -> tuple[frozenset[int], frozenset[str]]:
        vocabulary = self.memos.get("vocabulary")
        if vocabulary is None:
            other_lemmas = {token.lemma_ for token in self.tokens if token.lemma_ != token.lower_}
            vocabulary = self.memos["vocabulary"] = (frozenset(self.lower), frozenset(lemma.lower() for lemma in other_lemmas))
        return vocabulary

    def positions_of(self, words: frozenset[str]) -> tuple[int, ...]:
        """The tokens that are one of ``words`` in lower case, in text order (found by their ids in
        the token array, once per word set)."""
        found = self.memos["word_positions"]
        positions = found.get(words)
        if positions is None:
            ids = string_ids(words)
            positions = found[words] = tuple(i for i, form in enumerate(self.lower) if form in ids)
        return positions

    def positions_with_feature(self, name: str, value: str) -> tuple[int, ...]:
        """The tokens whose morphology gives feature ``name`` the ``value`` ("Reflex", "Yes"), in
        text order (read per distinct morphology, once per feature)."""
        found = self.memos["feature_positions"]
        positions = found.get((name, value))
        if positions is None:
            strings = self.doc.vocab.strings
            forms = {form for form in set(self.morph_ids) if value in morph_features(strings[form]).get(name, ())}
            positions = found[(name, value)] = tuple(i for i, form in enumerate(self.morph_ids) if form in forms)
        return positions

    def positions_by_tag(self) -> dict[int, list[int]]:
        """Token indices of each part of speech, in text order."""
        positions = self.memos.get("positions")
        if positions is None:
            positions = self.memos["positions"] = {}
            for i, tag in enumerate(self.pos):
                positions.setdefault(tag, []).append(i)
        return positions

    def tagged(self, *tags: str) -> Iterator[tuple[SpacySpan, list[Token]]]:
        """Each sentence with its tokens of the given parts of speech ("VERB", "NOUN"), found in the
        token arrays: making a Token object for every word costs more than most extractors do."""
        by_tag = self.positions_by_tag()
        lists = [by_tag.get(POS_IDS[tag], ()) for tag in dict.fromkeys(tags)]
        found = list(lists[0]) if len(lists) == 1 else sorted(i for positions in lists for i in positions)
        tokens = self.tokens
        # Sentences partition the Doc: walk the positions once, cutting at each sentence's end.
        at, count = 0, len(found)
        for sent in self.sentences:
            end, first = sent.end, at
            while at < count and found[at] < end:
                at += 1
            if at > first:
                yield sent, [tokens[i] for i in found[first:at]]

    # Mentions ------------------------------------------------------------------------------

    def head_of(self, mention: Mention) -> Token:
        """The syntactic head of ``mention``."""
        if mention.first_token == mention.last_token:
            return self.tokens[mention.first_token]  # a one-word span is its own root
        heads = self.memos["heads"]
        found = heads.get((mention.first_token, mention.last_token))
        if found is None:
            found = heads[(mention.first_token, mention.last_token)] = self.tokens[self.doc[mention.first_token : mention.last_token + 1].root.i]
        return found


@lru_cache(maxsize=1024)
def string_ids(words: frozenset[str]) -> frozenset[int]:
    """The ids of ``words`` in every StringStore (a language's word sets are few: kept per process)."""
    return frozenset(get_string_id(word) for word in words)


@lru_cache(maxsize=4096)
def morph_features(morph: str) -> dict[str, list[str]]:
    """The values of each feature of a token's morphology, as ``MorphAnalysis.get`` gives them
    (the features of a form are few and recur: a pure function of the string, kept per process);
    callers must not change the result.

    >>> morph_features("Gender=Fem|Number=Sing|PronType=Int,Rel")
    {'Gender': ['Fem'], 'Number': ['Sing'], 'PronType': ['Int', 'Rel']}
    """
    features = {}
    for feature in morph.split("|") if morph else ():
        name, _, values = feature.partition("=")
        features[name] = values.split(",")
    return features


def token_span(tokens: list[Token]) -> Span:
    return (min(t.idx for t in tokens), max(t.idx + len(t.text) for t in tokens))
