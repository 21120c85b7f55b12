"""Personal-name variants: when two written names can denote the same person.

News names a person in full once ("Sergei Shoigu") and by surname afterwards ("Shoigu"); outlets transliterate
Russian given names differently ("Sergei"/"Sergey", "Dmitry"/"Dmitriy"). Two names are taken to be the same
person when their surnames agree and their given names do not contradict each other.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from service.abbreviations import ABBREVIATIONS, OFFICE, RANK, TITLE_SHORTS
from service.people.lexicon import PORTFOLIOS, SPELLING

# Honorifics, ranks and generational suffixes are not part of the name proper: "Sen. Sanders", "Senator
# Sanders" and "Sanders" are one person (the abbreviated forms come from the one table of them).
_HONORIFICS = TITLE_SHORTS | frozenset("miss sir dame lord lady".split())
_SUFFIXES = frozenset("jr sr ii iii iv".split())
# Words a careless parse glues to the front of a name: sentence openers ("And Trump said"), offices ("Chancellor
# Merkel"), and the outlet of a byline ("CNN's Jake Tapper" loses its possessive before it gets here).
_LEADING_NON_NAMES = frozenset(
    """
    and but so then also now meanwhile yet still however while when as if
    president vice prime minister secretary general chairman chairwoman chair chief deputy foreign defense
    defence interior state former retired senator representative governor mayor spokesman spokeswoman
    spokesperson director commander captain ambassador judge justice candidate nominee leader speaker attorney
    chancellor premier congressman congresswoman commissioner executive ceo founder professor coach king queen
    prince princess pope sheriff officer official detective inspector sergeant lieutenant colonel admiral
    """.split()
) | frozenset(word for a in ABBREVIATIONS.values() if a.kind in (OFFICE, RANK) for word in a.full.split()) | (
    # what an office is over, left of its title: "Commerce (Secretary) Gary Locke", in either spelling
    PORTFOLIOS | {us for us, uk in SPELLING.items() if uk in PORTFOLIOS}
)
# Particles that begin a surname and are written both apart and joined ("Van Damme" / "Vandamme").
_PARTICLES = frozenset("van von de der den del della di da du la le st al el bin ibn mac mc o".split())
# Short forms of English given names, folded to one key: "Jim Mattis" is "James Mattis".
_NICKNAMES = {
    "jim": "james", "jimmy": "james", "bill": "william", "billy": "william", "will": "william",
    "bob": "robert", "bobby": "robert", "rob": "robert", "mike": "michael", "joe": "joseph", "tom": "thomas",
    "dick": "richard", "rick": "richard", "chuck": "charles", "charlie": "charles", "dave": "david",
    "dan": "daniel", "danny": "daniel", "steve": "steven", "stephen": "steven", "chris": "christopher",
    "tony": "anthony", "andy": "andrew", "ed": "edward", "ted": "edward", "ken": "kenneth", "larry": "lawrence",
    "pat": "patrick", "matt": "matthew", "nick": "nicholas", "alex": "alexander", "sam": "samuel",
    "ben": "benjamin", "jon": "jonathan", "liz": "elizabeth", "beth": "elizabeth", "kate": "katherine",
    "kathy": "katherine", "cathy": "katherine", "sue": "susan", "jenny": "jennifer", "jen": "jennifer",
}
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", re.UNICODE)


def _fold_spelling(word: str) -> str:
    """Fold common transliteration variants of Russian and East-European names to one spelling."""
    word = re.sub(r"^aleks", "alex", word)  # Aleksei / Alexei, Aleksandr / Alexandr
    word = re.sub(r"ey$", "ei", word)  # Sergey / Sergei, Alexey / Alexei
    word = re.sub(r"(?:iy|ii)$", "i", word)  # Yuriy / Yuri, Dmitrii / Dmitri
    word = re.sub(r"(?<=[^aeiou])y$", "i", word)  # Dmitry / Dmitri
    return word


def _plain(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def name_parts(name: str) -> list[str]:
    """Lower-cased, accent-stripped words of a name, without honorifics, brackets or suffixes."""
    return list(_name_parts(name))


# Names repeat through an article and are compared pairwise: their parts are computed once per distinct name.
_NAME_CACHE = 65_536


@functools.lru_cache(maxsize=_NAME_CACHE)
def _name_parts(name: str) -> tuple[str, ...]:
    words = [w.replace("’", "'") for w in _WORD.findall(_plain(name))]
    while len(words) > 1 and (words[0].rstrip(".") in _HONORIFICS or words[0] in _LEADING_NON_NAMES):
        words = words[1:]
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words = words[:-1]
    # A possessive ("Shoigu's") names the same person.
    return tuple(_fold_spelling(re.sub(r"'s$", "", w)) for w in words)


@functools.lru_cache(maxsize=_NAME_CACHE)
def identity_parts(name: str) -> tuple[tuple[str, ...], str]:
    """(given names, surname) as compared for identity: hyphens and apostrophes dropped ("O'Neil" is "ONeil"),
    surname particles joined to the surname ("Van Damme" is "Vandamme"), nicknames folded."""
    words = [re.sub(r"['-]", "", w) for w in _name_parts(name)]
    words = [w for w in words if w]
    if not words:
        return (), ""
    surname_start = len(words) - 1
    while surname_start > 1 and words[surname_start - 1] in _PARTICLES:
        surname_start -= 1
    given = tuple(_NICKNAMES.get(w, w) for w in words[:surname_start])
    return given, "".join(words[surname_start:])


def surname(name: str) -> str:
    parts = name_parts(name)
    return parts[-1] if parts else ""


def _given_names_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if not a or not b:
        return True  # a bare surname agrees with any given name
    if "".join(a) == "".join(b):
        return True  # "Jean-Claude" / "Jean Claude"
    shorter, longer = sorted((a, b), key=len)
    if len(shorter) < len(longer) and longer[-len(shorter):] == shorter and len(shorter[-1]) > 1:
        # "Boone Isaacs" / "Cheryl Boone Isaacs": the shorter form leaves out the first given name, keeping the
        # first word of a double surname (or a middle name the article writes with it)
        return True
    first_a, first_b = a[0], b[0]
    if first_a == first_b:
        return True  # "Anatoly Antonov" / "Anatoly I. Antonov"
    # An initial agrees with the name it abbreviates ("J. Miller" / "Jim Miller", "G.W. Bush" / "George Bush").
    return (len(first_a) == 1 and first_b.startswith(first_a)) or (len(first_b) == 1 and first_a.startswith(first_b))


def same_person(a: str, b: str) -> bool:
    """Whether two written names can denote the same person: the one identity rule for speakers and people.

    Surnames must agree exactly once case, accents, spacing and hyphens are folded ("Jim Miller" / "Jim Mills"
    are two people); given names must not contradict each other ("Shoigu" == "Sergei Shoigu", "J. Miller" ==
    "Jim Miller", "George Bush" != "Laura Bush")."""
    given_a, surname_a = identity_parts(a)
    given_b, surname_b = identity_parts(b)
    if not surname_a or not surname_b:
        return False
    if surname_a != surname_b:
        # "Ji Hoon Kim" / "Jihoon Kim" split differently: the same letters in the same order are the same name.
        return "".join(given_a) + surname_a == "".join(given_b) + surname_b and bool(given_a and given_b)
    return _given_names_compatible(given_a, given_b)


def spelled_alike(a: str, b: str) -> bool:
    """Two names of one surname whose given names differ by a letter or two ("Katherine" / "Kathrine"): more
    likely one person spelled two ways than two people."""
    given_a, surname_a = identity_parts(a)
    given_b, surname_b = identity_parts(b)
    if not given_a or not given_b:
        return False
    if surname_a == surname_b:
        x, y = given_a[0], given_b[0]
    elif given_a == given_b:
        x, y = surname_a, surname_b
    else:
        return False
    return min(len(x), len(y)) >= 3 and _edit_distance(x, y) <= (1 if min(len(x), len(y)) < 6 else 2)


def _edit_distance(x: str, y: str) -> int:
    previous = list(range(len(y) + 1))
    for i, cx in enumerate(x, 1):
        current = [i]
        for j, cy in enumerate(y, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (cx != cy)))
        previous = current
    return previous[-1]


def fuller_name(a: str, b: str) -> str:
    """The more complete of two variants of one name (more words; on a tie, the longer text)."""
    key_a, key_b = (len(name_parts(a)), len(a)), (len(name_parts(b)), len(b))
    return b if key_b > key_a else a
