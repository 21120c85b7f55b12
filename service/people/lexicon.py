"""Word lists for titles: offices, ranks, the words that qualify them, and who grants them (countries, bodies).

All entries are lower case; multi-word entries are matched on lower-cased, space-joined words.
"""

from __future__ import annotations

from service.abbreviations import ABBREVIATIONS, HONORIFIC, office_or_rank

# Professions that describe a person as a title does ("chief strategist Guy Cecil", "Smith, a lawyer for the
# family,"): they say the name is a person's, and, like the generic heads below, never name an office that
# conflicts with another.
PROFESSIONS = frozenset(
    "strategist analyst economist pollster consultant lawyer researcher professor scientist activist".split()
)

# Nouns that name an office a person holds (or, for professions, describe the person); a title is an office only
# when it contains one of these.
OFFICE_HEADS = PROFESSIONS | frozenset(
    """
    minister secretary undersecretary under-secretary president premier chancellor chairman chairwoman chairperson
    chair commander chief ambassador envoy spokesman spokeswoman spokesperson director governor mayor senator
    congressman congresswoman representative king queen prince princess emperor pope leader head speaker
    adviser advisor counsellor counselor coordinator administrator commissioner judge justice prosecutor
    attorney sheriff mp diplomat deputy negotiator official officer president-elect ceo cfo
    founder executive manager superintendent inspector treasurer registrar rapporteur
    """.split()
)

# Heads that describe a person without naming an office ("a deputy of Shoigu", "the Russian leader",
# "a defence official", "a studio executive"): a title whose only heads are these is not an office, so it can never
# conflict.
GENERIC_HEADS = frozenset(
    "deputy leader head official officer executive diplomat negotiator counterpart aide".split()) | PROFESSIONS

# Military and police ranks: they say what a person is, not which office they hold.
RANKS = frozenset(
    """
    general gen gen. admiral adm adm. colonel col col. lieutenant lt lt. major maj maj. captain capt capt.
    sergeant sgt sgt. marshal brigadier brig brig. corporal cpl cpl. commodore ensign private pvt
    vice-admiral rear-admiral lieutenant-general major-general lieutenant-colonel detective constable
    """.split()
)

# Forms of address; the abbreviated ones ("Dr.", "Msgr.") come from the one table of abbreviations.
HONORIFICS = frozenset("sir dame lord lady".split()) | frozenset(
    form for a in ABBREVIATIONS.values() if a.kind == HONORIFIC for form in (a.short, a.short + ".")
)

# Words that turn one office into another ("foreign minister" vs "deputy foreign minister"): they must agree
# for two titles to name the same office.
RANK_CHANGING_QUALIFIERS = frozenset(
    "deputy vice acting assistant under first senior prime principal associate interim executive lieutenant"
    .split()
)

# Words that mark an office as no longer held.
FORMER_MARKERS = frozenset("former ex ex- retired onetime one-time erstwhile then-former".split())

# Words that may appear inside a title before a name without being offices themselves.
TITLE_MODIFIERS = frozenset(
    """
    former retired acting deputy vice first senior assistant under chief supreme allied joint chiefs staff
    foreign defense defence interior home finance justice health education energy trade economy economic
    agriculture transport transportation labor labour commerce treasury homeland security state national
    veterans affairs intelligence military naval army navy air force armed forces policy public prime
    general principal executive special presidential top then
    """.split()
)

# Who grants an office: demonyms, country names and bodies, mapped to one code.
JURISDICTIONS: dict[str, str] = {
    "u.s.": "us", "u.s": "us", "us": "us", "usa": "us", "america": "us", "american": "us",
    "united states": "us", "united states of america": "us",
    "russia": "russia", "russian": "russia", "russian federation": "russia", "kremlin": "russia",
    "soviet": "ussr", "ussr": "ussr",
    "uk": "uk", "u.k.": "uk", "britain": "uk", "british": "uk", "united kingdom": "uk", "great britain": "uk",
    "nato": "nato", "eu": "eu", "european union": "eu", "un": "un", "u.n.": "un", "united nations": "un",
    "china": "china", "chinese": "china", "france": "france", "french": "france",
    "germany": "germany", "german": "germany", "ukraine": "ukraine", "ukrainian": "ukraine",
    "iran": "iran", "iranian": "iran", "israel": "israel", "israeli": "israel", "japan": "japan",
    "japanese": "japan", "india": "india", "indian": "india", "pakistan": "pakistan", "pakistani": "pakistan",
    "poland": "poland", "polish": "poland", "czech": "czech republic", "czech republic": "czech republic",
    "canada": "canada", "canadian": "canada", "australia": "australia", "australian": "australia",
    "italy": "italy", "italian": "italy", "spain": "spain", "spanish": "spain", "turkey": "turkey",
    "turkish": "turkey", "syria": "syria", "syrian": "syria", "iraq": "iraq", "iraqi": "iraq",
    "afghanistan": "afghanistan", "afghan": "afghanistan", "north korea": "north korea",
    "north korean": "north korea", "south korea": "south korea", "south korean": "south korea",
    "vietnam": "vietnam", "vietnamese": "vietnam", "egypt": "egypt", "egyptian": "egypt",
    "saudi": "saudi arabia", "saudi arabia": "saudi arabia", "mexico": "mexico", "mexican": "mexico",
    "brazil": "brazil", "brazilian": "brazil", "belarus": "belarus", "belarusian": "belarus",
    "georgia": "georgia", "georgian": "georgia", "kazakhstan": "kazakhstan", "indonesia": "indonesia",
    "indonesian": "indonesia", "csto": "csto", "osce": "osce", "iaea": "iaea",
}

# Portfolios that "minister of X" / "secretary of X" invert into "X minister" / "X secretary".
PORTFOLIOS = frozenset(
    """
    defence foreign affairs foreign-affairs interior finance justice health education energy trade economy
    agriculture transport transportation labour commerce treasury homeland security veterans culture
    environment industry
    """.split()
)

# British spelling is the canonical one in normalised roles ("defence minister|russia").
SPELLING = {
    "defense": "defence", "labor": "labour", "counselor": "counsellor", "organization": "organisation",
    "center": "centre", "advisor": "adviser", "chairwoman": "chairman", "chairperson": "chairman",
    "spokeswoman": "spokesman", "spokesperson": "spokesman", "under-secretary": "undersecretary",
    "congressman": "representative", "congresswoman": "representative",
}

# Offices written in several ways, each folded to one wording (applied to the space-joined office words).
EQUIVALENT_OFFICES = {
    "chief executive officer": "ceo", "chief executive": "ceo", "chief financial officer": "cfo",
    "chief operating officer": "coo", "chief technology officer": "cto",
    "foreign affairs minister": "foreign minister", "minister of foreign affairs": "foreign minister",
    "secretary of defence": "defence secretary", "secretary of state": "foreign secretary",
    "prime minister": "prime minister", "premier": "prime minister", "head of state": "president",
    "u.s. representative": "representative", "member of congress": "representative",
}


# Occupations whose offices are written in several ways: a deputy city attorney prosecutes, so an outlet calling
# him "prosecutor" names his occupation, not another office. Each occupation word covers its offices (normalised
# wording: "State's Attorney" is "state attorney"); a defence attorney is no prosecutor, so it is not listed.
OFFICE_FAMILIES: dict[str, frozenset[str]] = {
    "prosecutor": frozenset(
        [
            "prosecutor", "public prosecutor", "crown prosecutor", "district attorney", "city attorney",
            "county attorney", "state attorney", "commonwealth attorney", "prosecuting attorney",
        ]
    ),
}

# Words that make another office of the office noun after them ("City Attorney", "District Attorney"): read as
# part of a title before a name, where on their own they are no title word.
COMPOUND_OFFICES = frozenset(o for offices in OFFICE_FAMILIES.values() for o in offices if " " in o)


def _office_form(word: str) -> str:
    """ "Sen." is the office "senator" and "Lt." the rank "lieutenant" when they stand before a name."""
    return office_or_rank(word) or word.lower()


def is_title_word(word: str) -> bool:
    low = _office_form(word)
    return low in OFFICE_HEADS or low in RANKS or low in HONORIFICS or low in TITLE_MODIFIERS


def is_title_head(word: str) -> bool:
    """Offices, ranks and honorifics: the words a pre-name title ends with."""
    low = _office_form(word)
    return low in OFFICE_HEADS or low in RANKS or low in HONORIFICS
