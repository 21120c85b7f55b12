"""Personal-name variants: when two written names can denote the same person.

News names a person in full once ("Sergei Shoigu") and by surname afterwards ("Shoigu"); outlets transliterate
Russian given names differently ("Sergei"/"Sergey", "Dmitry"/"Dmitriy"). Two names are taken to be the same
person when their surnames agree and their given names do not contradict each other.
"""

from __future__ import annotations

import re
import unicodedata

# Honorifics, ranks and generational suffixes are not part of the name proper.
_HONORIFICS = frozenset(
    "mr mrs ms miss dr sir dame lord lady prof rev gen col lt maj capt adm sgt sen rep gov pres".split()
)
_SUFFIXES = frozenset("jr sr ii iii iv".split())
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", re.UNICODE)


def _fold_spelling(word: str) -> str:
    """Fold common transliteration variants of Russian and East-European names to one spelling."""
    word = re.sub(r"^aleks", "alex", word)  # Aleksei / Alexei, Aleksandr / Alexandr
    word = re.sub(r"ey$", "ei", word)  # Sergey / Sergei, Alexey / Alexei
    word = re.sub(r"(?:iy|ii)$", "i", word)  # Yuriy / Yuri, Dmitrii / Dmitri
    word = re.sub(r"(?<=[^aeiou])y$", "i", word)  # Dmitry / Dmitri
    return word


def name_parts(name: str) -> list[str]:
    """Lower-cased, accent-stripped words of a name, without honorifics, brackets or suffixes."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    words = [w.replace("’", "'") for w in _WORD.findall(plain)]
    while words and words[0].rstrip(".") in _HONORIFICS:
        words = words[1:]
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words = words[:-1]
    # A possessive ("Shoigu's") names the same person.
    return [_fold_spelling(re.sub(r"'s$", "", w)) for w in words]


def surname(name: str) -> str:
    parts = name_parts(name)
    return parts[-1] if parts else ""


def _given_names_compatible(a: list[str], b: list[str]) -> bool:
    if not a or not b:
        return True  # a bare surname agrees with any given name
    first_a, first_b = a[0], b[0]
    if first_a == first_b:
        return True
    # An initial agrees with the name it abbreviates ("G. Bush" / "George Bush").
    return (len(first_a) == 1 and first_b.startswith(first_a)) or (len(first_b) == 1 and first_a.startswith(first_b))


def same_person(a: str, b: str) -> bool:
    """Whether two written names can denote the same person ("Shoigu" == "Sergei Shoigu")."""
    parts_a, parts_b = name_parts(a), name_parts(b)
    if not parts_a or not parts_b or parts_a[-1] != parts_b[-1]:
        return False
    return _given_names_compatible(parts_a[:-1], parts_b[:-1])


def fuller_name(a: str, b: str) -> str:
    """The more complete of two variants of one name (more words; on a tie, the longer text)."""
    key_a, key_b = (len(name_parts(a)), len(a)), (len(name_parts(b)), len(b))
    return b if key_b > key_a else a
