"""Abbreviated titles, ranks and honorifics written before a name, with the words they stand for.

One table serves every stage that meets them: the sentence splitters (no sentence ends at "Sen." before a
name), spaCy's tokenizer (which otherwise splits "Lt." into "Lt" and "."), name matching ("Sen. Sanders" is
"Senator Sanders"), the people lexicon (an abbreviated office is a title word) and role normalisation ("Lt." and
"Lieutenant" are one rank, so they never make a ROLE_MISMATCH).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OFFICE = "office"  # names an office the person holds: "Sen.", "Gov."
RANK = "rank"  # a military or police rank: "Lt.", "Sgt.", "Det."
HONORIFIC = "honorific"  # a form of address: "Mr.", "Dr.", "Rev."
SUFFIX = "suffix"  # after the name: "Jr.", "Sr."
SAINT = "saint"  # "St. Louis", "St. John": part of the name itself, never an office


@dataclass(frozen=True, slots=True)
class Abbreviation:
    short: str  # as written, lower case, without the full stop: "lt"
    full: str  # the words it stands for, lower case: "lieutenant"
    kind: str  # OFFICE, RANK, HONORIFIC, SUFFIX or SAINT


def _table(kind: str, pairs: str) -> list[Abbreviation]:
    return [Abbreviation(short, full.replace("_", " "), kind)
            for short, full in (pair.split("=") for pair in pairs.split())]


# Plural forms ("Sens. Kerry and McCain") stand before names too.
_ALL = (
    _table(OFFICE, "sen=senator sens=senators rep=representative reps=representatives gov=governor "
                   "govs=governors sec=secretary secy=secretary pres=president amb=ambassador atty=attorney "
                   "supt=superintendent cmdr=commander cdr=commander comdr=commander insp=inspector "
                   "commr=commissioner")
    + _table(RANK, "lt=lieutenant gen=general gens=generals col=colonel capt=captain cpt=captain maj=major "
                   "sgt=sergeant cpl=corporal pvt=private pte=private spc=specialist adm=admiral brig=brigadier "
                   "cmdre=commodore det=detective const=constable ens=ensign")
    + _table(HONORIFIC, "mr=mister mrs=missus ms=ms messrs=messieurs dr=doctor prof=professor rev=reverend "
                        "hon=honourable fr=father msgr=monsignor")
    + _table(SUFFIX, "jr=junior sr=senior")
    + _table(SAINT, "st=saint")
)
ABBREVIATIONS: dict[str, Abbreviation] = {a.short: a for a in _ALL}

# Every short form as news writes it before a name, capitalised with its full stop ("Lt.", "Sgt."). Upper-case
# forms are left out: "SEC." and "DR." end sentences about the SEC and the Dominican Republic.
WRITTEN_FORMS = tuple(sorted(a.short.capitalize() + "." for a in ABBREVIATIONS.values()))

_ABBREVIATED = re.compile(r"^(?P<short>[A-Za-z]+)\.?$")


def abbreviation(word: str) -> Abbreviation | None:
    """The entry for a written word ("Lt.", "lt", "SGT."), or None when it is no abbreviated title."""
    match = _ABBREVIATED.match(word)
    if match is None:
        return None
    return ABBREVIATIONS.get(match.group("short").lower())


def expand(word: str) -> str:
    """The full form of an abbreviated title, lower case ("Lt." -> "lieutenant"); any other word lower-cased and
    returned as it is ("Lieutenant" -> "lieutenant")."""
    found = abbreviation(word)
    return found.full if found is not None else word.lower()


def office_or_rank(word: str) -> str:
    """The full form of an abbreviated office or rank ("Lt." -> "lieutenant", "Sen." -> "senator"); "" for any
    other word, an abbreviated honorific included ("Dr." says nothing of an office)."""
    found = abbreviation(word)
    return found.full if found is not None and found.kind in (OFFICE, RANK) else ""


# The short forms, lower case without the full stop, after which no sentence ends: they stand before a name
# ("Sen. Sanders", "Lt. Gov. Smith", "St. Louis") or inside one ("Martin Luther King Jr. said").
NO_SENTENCE_END = frozenset(ABBREVIATIONS)
# The short forms that are titles, for name matching: "Sen. Sanders" is the person "Sanders".
TITLE_SHORTS = frozenset(a.short for a in ABBREVIATIONS.values() if a.kind in (OFFICE, RANK, HONORIFIC))
