"""Universal Dependencies labels and parts of speech the rules read, one named set per notion.

The labels are those of spaCy's UD-trained pipelines (fr_core_news_md); they are not language
knowledge (that is in ontology/lexicons/<lang>/), so they live in code, once each.
"""

from __future__ import annotations

# Subjects: the active subject alone, the passive one, either.
ACTIVE_SUBJECT = frozenset({"nsubj"})
PASSIVE_SUBJECT = frozenset({"nsubj:pass"})
SUBJECTS = ACTIVE_SUBJECT | PASSIVE_SUBJECT
OBJECT = frozenset({"obj"})
INDIRECT_OBJECT = frozenset({"iobj"})
OBLIQUE = frozenset({"obl", "obl:arg", "obl:mod"})
# Only adjuncts: "parvenir à un accord" (obl:arg) is an argument, not a circumstance.
ADJUNCT = frozenset({"obl:mod", "obl"})
ARGUMENT_OBLIQUE = frozenset({"obl:arg"})
AGENT = frozenset({"obl:agent"})
# An adverb heading a phrase: "lors de", "avant de".
ADVERB_MODIFIER = frozenset({"advmod"})
COPULA = frozenset({"cop"})
# A noun that describes the subject or object of its verb: "élu président", "nommé ministre".
ATTRIBUTE = frozenset({"xcomp"})
PASSIVE_AUXILIARY = frozenset({"aux:pass"})
TENSE_AUXILIARY = "aux:tense"
# The reflexive clitic of a pronominal passive: "les billets se sont vendus".
PASSIVE_CLITIC = frozenset({"expl:pass"})
AUXILIARIES = frozenset({"aux:tense", "aux:pass", "aux"})
NOUN_MODIFIER = frozenset({"nmod"})
# How the parser hangs a place on an adverb of vicinity ("près de Gap").
VICINITY_COMPLEMENT = frozenset({"dep", "obl", "obl:mod", "nmod"})
APPOSITION = frozenset({"appos"})
CONJUNCT = frozenset({"conj"})
CASE = "case"
# The word that introduces a clause: "de" in "accusé de voler", "pour" in "pour éviter".
MARK = "mark"
# Children that rename their head: "le ministre français, Paul Martin" (appos), "le président
# Jean Moreau" (flat:name, flat).
RENAMING = frozenset({"appos", "flat:name", "flat"})
# The narrower set coreference trusts to join a noun and a name.
NAME_APPOSITION = frozenset({"appos", "flat:name"})
DETERMINER = frozenset({"det", "nummod"})
# Where a title followed by ", Name," stands: as a subject or an object, not a fronted oblique.
TITLE_SLOT = frozenset({"nsubj", "nsubj:pass", "obj"})
# Clauses whose missing subject is the subject of the clause they depend on ("ont convenu de
# déployer", "a signé un accord pour officialiser").
CONTROLLED = frozenset({"xcomp", "advcl", "conj"})
RELATIVE_CLAUSE = frozenset({"acl:relcl"})
# Clauses that describe a noun: participles and relatives ("un train ralliant Lyon", "qui ...").
NOUN_CLAUSE = frozenset({"acl", "acl:relcl"})
PARTICIPLE_MODIFIER = frozenset({"acl"})
# Clauses that report what a verb says.
REPORTED_CLAUSE = frozenset({"ccomp", "xcomp"})
# The infinitive a verb governs, its subject the verb's: "a refusé de participer".
INFINITIVE_COMPLEMENT = frozenset({"xcomp"})
# Reporting verbs that follow the clause they report: "..., rapporte Nova", "..., a indiqué X".
INCISE = frozenset({"advcl", "parataxis", "conj"})
# Speakers placed after the verb in an incise: "« ... », a affirmé Martin" / "rapporte Nova".
INVERTED_SPEAKER = frozenset({"nsubj", "dep", "obj", "appos", "nmod"})
# Arcs into reported or juxtaposed clauses, whose participants take part in other predications.
OTHER_CLAUSE = frozenset({"ccomp", "csubj", "parataxis"})
# Where a reflexive clitic hangs on its verb ("s'est écrasé", "se sont réunis").
CLITIC_SLOT = frozenset({"expl", "expl:comp", "expl:pass", "expl:pv", "obj", "iobj"})
# "il faut", "il y a": impersonal subjects refer to nothing.
EXPLETIVE = frozenset({"expl", "expl:subj", "expl:pass", "expl:comp", "expl:pv"})
EXPLETIVE_SUBJECT = frozenset({"expl:subj"})
# Slots where a noun refers: arguments, obliques, noun modifiers, conjuncts (not appositions,
# predicates, adverbial or fixed uses).
REFERRING_SLOT = frozenset(
    {"nsubj", "nsubj:pass", "obj", "iobj", "obl", "obl:arg", "obl:agent", "obl:mod", "nmod", "conj", "dep", "ROOT"}
)
# Nominal slots where a common noun names a participant of a typed link.
PARTICIPANT_SLOT = frozenset(
    {"nsubj", "nsubj:pass", "obj", "iobj", "obl", "obl:arg", "obl:agent", "obl:mod", "nmod", "conj", "appos", "ROOT"}
)

# Arcs within one place's name or phrase ("à Tahoua, au Niger", "Halifax, Canada").
PLACE_CHAIN = frozenset({"appos", "flat", "flat:name", "conj"})

# Clauses inside a clause: relative, adverbial, participial, complement clauses.
SUBORDINATE = frozenset({"acl", "acl:relcl", "advcl", "ccomp", "xcomp", "csubj", "parataxis"})

# Parts of speech.
NOMINAL_POS = frozenset({"NOUN", "PROPN"})
# Words of a noun phrase, dates included ("le 25 octobre 2019").
PHRASE_POS = frozenset({"NOUN", "PROPN", "NUM"})
CLAUSE_POS = frozenset({"VERB", "AUX"})
# Heads whose subject a controlled clause shares ("serait prête à utiliser").
CONTROLLER_POS = frozenset({"VERB", "ADJ"})
