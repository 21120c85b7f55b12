"""Reporting verbs: the words that introduce or close a direct quote ("said", "tweeted", "shot back").

News uses a wide and open vocabulary of speech verbs; a short list leaves many quotes unattributed. Verbs are
listed once, by their base form, and inflected here (past, third person, -ing), because an attribution may
use any tense ("Trump says", "Trump said", "saying").
"""

from __future__ import annotations

# verbs whose past tense is not base + -ed: base -> (past, third person singular, -ing)
_IRREGULAR = {
    "say": ("said", "says", "saying"),
    "tell": ("told", "tells", "telling"),
    "write": ("wrote", "writes", "writing"),
    "go on": ("went on", "goes on", "going on"),
    "shoot back": ("shot back", "shoots back", "shooting back"),
    "fire back": ("fired back", "fires back", "firing back"),
    "hit back": ("hit back", "hits back", "hitting back"),
    "sing": ("sang", "sings", "singing"),
    "read": ("read", "reads", "reading"),
    "swear": ("swore", "swears", "swearing"),
    "forecast": ("forecast", "forecasts", "forecasting"),
    "chime in": ("chimed in", "chimes in", "chiming in"),
    "cut in": ("cut in", "cuts in", "cutting in"),
    "point out": ("pointed out", "points out", "pointing out"),
    "spell out": ("spelled out", "spells out", "spelling out"),
    "lash out": ("lashed out", "lashes out", "lashing out"),
    "cry": ("cried", "cries", "crying"),
    "reply": ("replied", "replies", "replying"),
    "testify": ("testified", "testifies", "testifying"),
    "clarify": ("clarified", "clarifies", "clarifying"),
    "deny": ("denied", "denies", "denying"),
    "quip": ("quipped", "quips", "quipping"),
    "snap": ("snapped", "snaps", "snapping"),
    "admit": ("admitted", "admits", "admitting"),
    "retort": ("retorted", "retorts", "retorting"),
    "text": ("texted", "texts", "texting"),
}

# regular verbs of saying, announcing, arguing, asking, answering, writing and exclaiming
_REGULAR = """
    add acknowledge affirm agree allege announce answer argue ask assert assure blast boast brag caution
    challenge charge chant claim comment complain concede conclude confirm continue contend counter declare
    demand describe elaborate email emphasize emphasise estimate exclaim explain grumble hint implore insist
    interject joke lament laugh maintain mock muse note observe offer opine plead pledge post predict proclaim
    promise propose protest question recall recount reflect reiterate remark remind repeat report respond
    scoff shout sigh speculate state stress suggest summarize tease threaten tout tweet underscore urge vow
    warn whisper wonder yell scream mutter react recommend reason observe caution inform announce disclose
    reveal echo concur add object instruct marvel gush rail thunder bark retaliate beam gripe fume
    rant crow scold rebut
""".split()


def _regular_forms(base: str) -> tuple[str, str, str]:
    stem = base[:-1] if base.endswith("e") else base
    past = base + "d" if base.endswith("e") else base + "ed"
    third = base + "es" if base.endswith(("s", "sh", "ch", "x", "z")) else base + "s"
    return past, third, stem + "ing"


# base forms kept only for verbs that are not also common nouns ("they say", but not "the state", "a note")
_BASE_FORMS = "say tell write ask argue insist warn explain tweet".split()


def reporting_verb_forms() -> tuple[str, ...]:
    """Every inflected form, longest first so that a pattern alternation prefers "went on to say" over
    "went on"."""
    forms: set[str] = set(_BASE_FORMS)
    for inflected in _IRREGULAR.values():
        forms.update(inflected)
    for base in _REGULAR:
        forms.update(_regular_forms(base))
    return tuple(sorted(forms, key=lambda f: (-len(f), f)))
