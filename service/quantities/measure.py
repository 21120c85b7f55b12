"""What a quantity measures, beyond the noun it counts: its role in the event, its modifiers and its holder.

Two figures of one sentence pair are only the same measure when they count the same thing in the same role for
the same holder: "5 killed" and "12 injured" both count people, "a depth of 10 km" and "55 km from the town" are
both lengths, "Smith's 120 yards" and "Jones's 80 yards" both count yards, "$30 billion" and "$10 billion in cash"
are both dollars. Everything here reads the claim's dependency parse around the figure.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from service.quantities.units import MEASURES, in_base_unit

# Event roles written with different words: "22 dead", "22 people died", "killed 22" are one toll.
ROLE_SYNONYMS = {
    "kill": "killed", "killed": "killed", "die": "killed", "dead": "killed", "death": "killed", "fatality": "killed",
    "toll": "killed", "perish": "killed", "slay": "killed",
    "injure": "injured", "injured": "injured", "wound": "injured", "wounded": "injured", "hurt": "injured",
    "injury": "injured", "casualty": "injured",
    "miss": "missing", "missing": "missing",
    "arrest": "arrested", "detain": "arrested", "arrested": "arrested",
    "sentence": "sentenced", "jail": "sentenced", "imprison": "sentenced", "prison": "sentenced",
    "fall": "fell", "drop": "fell", "decline": "fell", "lose": "fell", "slide": "fell", "plunge": "fell",
    "rise": "rose", "gain": "rose", "climb": "rose", "jump": "rose", "increase": "rose", "grow": "rose",
    "depth": "depth", "deep": "depth",
    "distance": "distance", "away": "distance",
    "price": "price", "cost": "price", "worth": "price", "value": "price",
    "pay": "paid", "paid": "paid",
    "seize": "seized", "confiscate": "seized", "impound": "seized",
}
# Nouns two reports use for the same counted things ("12 persons" / "12 people", "40 homes" / "40 houses").
COUNTED_SYNONYMS = {"person": "people", "house": "home", "quake": "earthquake", "tremor": "earthquake"}
# "The crash claimed 12 lives", "took 12 lives", "cost 12 lives": the lives are the people killed.
_TAKES_LIVES = frozenset("claim take cost".split())


def counted_as(noun: Token, role: str) -> tuple[str, str]:
    """The counted thing, by one name for each thing two reports may count, and the role it gives: lives
    claimed are people killed."""
    lemma = noun.lemma_.lower()
    if lemma == "life" and (role in _TAKES_LIVES or role == "killed"):
        return "people", "killed"
    return COUNTED_SYNONYMS.get(lemma, lemma), role


# Roles of people counted in an event: a figure in one of them needs no noun to say what it counts ("killed 22",
# "the toll rose to 14").
TOLL_ROLES = frozenset({"killed", "injured", "missing", "arrested"})
# Words after a figure that name the role with no noun counted: "22 dead", "40 wounded".
ROLE_AFTER = frozenset("dead killed injured wounded hurt missing arrested detained".split())
# Words after a measure that make it a distance from somewhere: "55 km from Bam", "10 miles north of".
DISTANCE_AFTER = frozenset(
    "from away north south east west northeast northwest southeast southwest northern southern outside off "
    "short beyond".split()
)
# Nouns that carry no role of their own ("a total of 30", "the number of 5"): look past them.
_EMPTY_NOUNS = frozenset(
    "total number amount figure sum group lot couple handful estimate tally dozen score hundred thousand million "
    "ten".split()
)
# Modifiers that describe the counted things without making them other things: "14 new interceptors" are
# still the 14 interceptors another outlet reports.
_NEUTRAL_MODIFIERS = frozenset(
    """
    new more other additional further extra total some several many few about around nearly almost least most
    only just roughly estimated reported approximately same such own first last next whole full entire overall
    """.split()
)
# A prepositional phrase right after the amount restricts what it measures ("$10 billion in cash", "12 points
# in the third quarter", "5 years for fraud"); places and dates do not ("in Alaska", "in March").
_RESTRICTING_PREPOSITIONS = frozenset("in during for of from".split())
_LIGHT_VERBS = frozenset("be have".split())
_SERVED_IN = frozenset("prison jail custody".split())


@dataclass(frozen=True, slots=True)
class Measure:
    role: str = ""
    modifiers: tuple[str, ...] = ()
    holder: str = ""


def role_word(lemma: str) -> str:
    return ROLE_SYNONYMS.get(lemma.lower(), "")


def measure_of(doc: Doc, figure: Token, noun: Token | None, end: int, unit: str = "") -> Measure:
    """The measure of the amount whose last figure token is `figure`, counting `noun` (None for a bare unit or a
    toll with no noun; for an elliptical count, the noun it borrows from before the figure) and ending at character
    `end` of the parsed text, in `unit` ("" for a count)."""
    # An elliptical count borrows its noun from before the figure ("killed 12 people and injured 40"): the role is
    # the figure's own governor's, not the noun's.
    borrowed = noun is not None and noun.i < figure.i
    anchor = noun if noun is not None and not borrowed else figure
    after = [t for t in doc if t.idx >= end]
    if noun is not None and not borrowed:
        after = [t for t in doc if t.i > noun.i]
    role = _role_after(after, in_base_unit(unit, 1.0)[0] == "length") or _role_of_governor(anchor)
    # the unit's own word is no modifier: "a 5.9-magnitude quake" is a magnitude, not a kind of quake
    modifiers = tuple(m for m in _modifiers(noun, after) if not unit or MEASURES.get(m) != unit)
    if _summed(anchor):
        modifiers = tuple(sorted({*modifiers, TOTAL}))
    return Measure(role=role, modifiers=modifiers, holder=_holder(anchor))


# A figure given as a sum ("a total of 14 rifles, 31 magazines and 923 rounds", "in all, 30 people", a running
# total "so far", a count over "five operations") may add up more than the other report counts (every operation
# of a patrol, every attack of a day), so it is a measure of its own: it is only compared with another sum.
TOTAL = "in total"
_OCCASIONS = frozenset(
    "operation raid attack strike mission patrol incident day week month year season match game round".split())


def _summed(anchor: Token) -> bool:
    token = anchor
    while token.dep_ == "conj" and token.head.i != token.i:  # "31 magazines" in a list after "a total of"
        token = token.head
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() == "total":
        return True
    # "In all, 30 people were killed", "altogether 30 were killed", "30 were killed in total"
    verb = token
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    children = list(verb.children)
    for child in children:
        if child.dep_ == "advmod" and child.lower_ == "altogether":
            return True
        if child.dep_ == "prep" and child.lower_ == "in" and any(
                g.dep_ == "pobj" and g.lower_ in ("all", "total") for g in child.children):
            return True
        # A running total: "so far", "thus far", "to date", "till date"
        if child.dep_ == "advmod" and child.lower_ == "far" and (
                any(g.lower_ in ("so", "thus") for g in child.children)
                or any(c.dep_ == "advmod" and c.lower_ == "thus" for c in children)):
            return True
        if child.dep_ == "prep" and child.lower_ in ("to", "till") and any(
                g.dep_ == "pobj" and g.lower_ == "date" for g in child.children):
            return True
        # Counted over several occasions: "in their five operations", "over three days", "in two raids" (a toll
        # "in three towns" is still the one event's)
        if child.dep_ == "prep" and child.lower_ in ("in", "over", "across", "during") and any(
                g.dep_ == "pobj" and g.lemma_.lower() in _OCCASIONS and g.tag_ == "NNS" and any(
                    n.dep_ == "nummod" and n.lower_ not in ("one", "1") for n in g.children)
                for g in child.children):
            return True
    return False


def _role_after(after: list[Token], length: bool) -> str:
    if not after:
        return ""
    first = after[0]
    if first.lower_ in ROLE_AFTER:
        return role_word(first.lemma_) or role_word(first.lower_)
    # Only a length is a distance: "55 km from Bam" is, "a $144 billion bailout from the IMF" and "12 people
    # from the village" are not.
    if not length:
        return ""
    if first.lower_ in DISTANCE_AFTER or (first.lower_ == "to" and len(after) > 1 and after[1].lower_ in
                                          DISTANCE_AFTER):
        return "distance"
    if first.lower_ == "deep":
        return "depth"  # "15 kilometres deep" is "a depth of 15 km"
    return ""


def _role_of_governor(anchor: Token) -> str:
    """The role from what governs the amount: "a depth of 10 km" (the noun before "of"), "killed 22 people"
    (the verb), "the toll was 22" (the subject of a light verb)."""
    token = anchor
    for _ in range(6):
        head = token.head
        if token.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
            noun = head.head
            if noun.lemma_.lower() not in _EMPTY_NOUNS:
                return role_word(noun.lemma_) or noun.lemma_.lower()
            token = noun
            continue
        if head.pos_ in ("VERB", "AUX") or head.dep_ == "ROOT":
            if head.lemma_ in _LIGHT_VERBS:
                subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != token.i), None)
                if subject is not None and subject.pos_ == "NOUN":
                    return role_word(subject.lemma_) or subject.lemma_.lower()
                return ""
            return _toll_subject(head) or role_word(head.lemma_) or _coordinated_role(head) or head.lemma_.lower()
        token = head
    return ""


def _toll_subject(verb: Token) -> str:
    """ "The death toll rose to 14", "the number of injured climbed to 40": a toll moving to a figure gives the
    figure the toll's role."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.pos_ != "NOUN":
        return ""
    role = role_word(subject.lemma_)
    if not role and subject.lemma_.lower() in _EMPTY_NOUNS:  # "the number of dead"
        role = next((role_word(g.lemma_) or role_word(g.lower_) for c in subject.children if c.lower_ == "of"
                     for g in c.children if g.dep_ == "pobj"), "")
    return role if role in TOLL_ROLES else ""


def _coordinated_role(verb: Token) -> str:
    """The role of a verb coordinated with the governing one: "six rifles were found and confiscated" are the
    rifles confiscated, which another report may say with that verb alone."""
    return next((role_word(c.lemma_) for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"
                 and role_word(c.lemma_)), "")


def _names_a_source(preposition: Token, noun: Token) -> bool:
    """ "from" before a name says where the amount came from, not what kind of amount it is: "a $144 billion
    bailout from the International Monetary Fund" is the bailout another report gives without its lender, while
    "$2 billion from sales" is only part of a company's revenue."""
    return preposition.lower_ == "from" and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in noun.children)


def _modifiers(noun: Token | None, after: list[Token]) -> tuple[str, ...]:
    found = set()
    if noun is not None:
        for child in noun.children:
            if child.i < noun.i and child.dep_ in ("amod", "compound", "nmod") and child.pos_ != "NUM":
                lemma = child.lemma_.lower()
                if lemma not in _NEUTRAL_MODIFIERS and child.pos_ in ("ADJ", "NOUN", "PROPN"):
                    found.add(lemma)
    if len(after) >= 2 and after[0].lower_ in _RESTRICTING_PREPOSITIONS:
        for token in after[1:5]:
            if token.pos_ == "NOUN":
                # "12 years in prison" is the sentence another report gives as "jailed for 12 years"
                if not _names_a_source(after[0], token) and token.lemma_.lower() not in _SERVED_IN:
                    found.add(f"{after[0].lower_} {token.lemma_.lower()}")
                break
            if token.pos_ not in ("DET", "ADJ", "NUM", "ADP") and token.dep_ not in ("amod", "compound", "poss"):
                break
    return tuple(sorted(found))


def _holder(anchor: Token) -> str:
    """Whose amount it is: a possessor of the counted noun ("Smith's 120 yards"), or the named subject of the
    verb it is the object of ("Smith ran for 120 yards")."""
    # A unit is the figure's head ("Smith's 120 yards"): its possessor is the amount's.
    for owner in (anchor, anchor.head):
        for child in owner.children:
            if child.dep_ == "poss" and child.pos_ == "PROPN":
                return _name(child)
    token = anchor
    for _ in range(4):
        head = token.head
        if head.i == token.i:
            break
        if head.pos_ in ("VERB", "AUX"):
            subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != token.i), None)
            if subject is not None and subject.pos_ == "PROPN":
                return _name(subject)
            return ""
        token = head
    return ""


def _name(token: Token) -> str:
    parts = [t for t in token.subtree if t.pos_ == "PROPN" and (t.dep_ == "compound" or t.i == token.i)]
    return " ".join(t.text for t in parts)
