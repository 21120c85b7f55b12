"""Attribution patterns: who a quote is attributed to, by which cue, through which intermediary.

News attributes direct quotes in a handful of fixed shapes, so patterns over the raw text (with \\s+ between
words, so that a name broken across a paragraph break still matches and offsets stay exact) find them:

    "…," Anatoly Antonov, a deputy of Shoigu, said in comments carried by RIA-Novosti.   subject, cue
    "…," said retired Col. Gen. Victor Yesin, former chief of staff of …                  cue, subject
    Stavridis noted … but said: "…"                                                       subject, cue, quote
    According to Lavrov, "…"

The cue is any form of a broad list of reporting verbs (`reporting_verbs`); after a possessive ("Trump's
comments") a form that doubles as a noun is not taken for one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from service.quotes.reporting_verbs import reporting_verb_forms
from service.records import Span

_CUE_PHRASES = (
    "was quoted as saying", "is quoted as saying", "were quoted as saying", "said in comments carried by",
    "in comments carried by", "according to", "pointed out", "went on to say", "went on", "said in a statement",
    "said", "says", "say", "told", "tells", "wrote", "writes", "added", "adds", "noted", "notes", "continued",
    "continues", "stated", "states", "explained", "explains", "asked", "asks", "insisted", "insists", "argued",
    "argues", "declared", "declares", "warned", "warns", "tweeted", "tweets", "recalled", "recalls", "replied",
    "replies", "responded", "claimed", "claims", "announced", "remarked", "concluded", "acknowledged",
    "admitted", "admits", "observed", "commented", "reported", "reports", "posted", "joked", "quipped",
    "emphasized", "emphasised", "stressed", "stresses", "countered", "complained", "conceded", "confirmed",
    "contended", "cautioned", "predicted", "promised", "vowed", "boasted", "testified", "urged", "shouted",
    "exclaimed", "proclaimed", "maintained", "reiterated", "suggested", "agreed", "wondered", "mused", "sighed",
    "laughed", "chimed in", "recounted", "described", "charged", "explaining", "adding", "saying", "noting",
    "writing", "telling", "asking", "arguing", "warning",
)
_ALL_CUES = sorted(set(_CUE_PHRASES) | set(reporting_verb_forms()), key=lambda c: (-len(c), c))
CUE = r"(?:" + "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in _ALL_CUES) + r")"
# "…," telling reporters …: a cue whose next words are its object or a clause, never the speaker, does not
# open an inverted attribution
_OBJECT_FIRST = frozenset({"tell", "tells", "told", "telling"})
_INVERTIBLE = [c for c in _ALL_CUES if c not in _OBJECT_FIRST and not c.endswith("ing")]
INVERTED_CUE = r"(?:" + "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in _INVERTIBLE) + r")"
_AUX = (
    r"(?:(?:has|have|had|also|later|then|again|once|previously|recently|earlier|would|will|further|simply|"
    r"often|repeatedly|famously|once\s+again|[a-z]+ly)\s+){0,2}"
)
# words of a subject, with "Fight for $15" and party labels such as "(D)" or "(R-Ky.)"
_WORD = r"(?:[\w.\-'’&$]+|\([A-Z][\w.\- ]{0,8}\))"
_CAP = r"(?:[A-Z][\w.\-'’&]*+|al-[A-Z][\w\-]*+)"
_PRONOUN = r"(?:[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e|[Yy]ou)"
# "it said" (an organisation, a statement) before a cue; after an inverted cue "said it" is never a subject
_SUBJECT_PRONOUN = r"(?:[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e|[Yy]ou|[Ii]t)"
_CAP_RUN = rf"{_CAP}(?:\s+(?:of\s+|de\s+|van\s+|von\s+|la\s+|bin\s+)?{_CAP}){{0,6}}"
_DESCRIPTION = rf"(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Hh]is|[Hh]er|[Tt]heir)\s+(?:{_WORD}\s+){{0,5}}?{_WORD}"
# "…," said one well-connected Democrat familiar with …: an unnamed source after an inverted cue
_INVERTED_DESCRIPTION = (
    rf"(?:the|a|an|one|another|two|three|several|some|many)\s+(?:{_WORD}\s+){{0,6}}?{_WORD}"
)
_INVERTED_SUBJECT = rf"{_PRONOUN}|(?:{_WORD}\s+){{0,8}}?{_CAP}|{_INVERTED_DESCRIPTION}"
# a curly ’ followed by a letter is an apostrophe ("Twitter’s director"), not a closing quotation mark
_APOSTROPHE = r"’(?=[A-Za-z])"
_APPOSITIVE = rf"(?:[^,;\"“”‘’()]|{_APOSTROPHE}){{1,140}}?"
_LEAD = r"^[\s,;:—–\-]*"
# after an inverted "said X", what may follow the subject: punctuation, end, or the start of an adjunct
_SUBJECT_END = (
    r"(?=\s*[,.;:!?(]|\s*$|\s+(?:on|in|at|during|after|before|to|when|while|from|of|about|last|this|"
    r"earlier|later|who|whose|as|with|via|told|according|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday)\b)"
)

# A US politician's party and state after the name ("Sen. Jack Reed (D-R.I.), said", "Gov. John Kasich (R-OH)
# said"): part of how the speaker is named, not of the name.
_PARTY = r"(?:\s*\((?:[DRI]|Dem|Rep|Ind)\.?\s?[-–,]\s?[A-Z][A-Za-z.]{1,14}(?:\s[A-Z][A-Za-z.]+)?\),?)?"

# a clause going on with a conjunction ("…," but said …) has the sentence's subject, not these words
_NOT_SUBJECT = r"(?!(?:but|and|or|then|which|so|yet|also|as|while|before|after|who|that|when|if|because|once|until)\b)"
# an appositive after the quote may list with commas ("assistant secretary for population, refugees, and
# migration, said"): it ends at the comma that the cue follows
_LONG_APPOSITIVE = rf"(?:[^;\"“”‘’()]|{_APOSTROPHE}){{1,160}}?"
_SUBJECT_THEN_CUE = re.compile(
    rf"{_LEAD}{_NOT_SUBJECT}(?P<subj>{_WORD}(?:\s+{_WORD}){{0,10}}?){_PARTY}(?:,\s+(?P<appos>{_LONG_APPOSITIVE}),)?\s+{_AUX}"
    rf"(?P<cue>{CUE})\b"
)
_CUE_THEN_SUBJECT = re.compile(
    rf"{_LEAD}{_AUX}(?P<cue>{INVERTED_CUE})\s+(?P<subj>{_INVERTED_SUBJECT}){_SUBJECT_END}"
    rf"(?:,\s+(?P<appos>[^;\"“”‘()]{{1,160}}?)(?=[.;]\s|[.;]?$|,\s+(?:on|in|at|who|during)\b))?"
)
# "…" that Sanders can catch Clinton, said Steve Elmendorf: the inverted attribution closes the sentence
_TRAILING_INVERTED = re.compile(
    rf",\s+{_AUX}(?P<cue>{INVERTED_CUE})\s+(?P<subj>{_INVERTED_SUBJECT}){_SUBJECT_END}"
    rf"(?:,\s+(?P<appos>[^;\"“”‘()]{{1,160}}?)(?=[.;]\s|[.;]?$))?[^,\"“”]*$"
)
# "…" at the Democratic convention, he said.: a direct attribution closing the sentence after a partial quote
_TRAILING_DIRECT = re.compile(
    rf",\s+(?P<subj>\b{_SUBJECT_PRONOUN}\b|{_CAP_RUN}){_PARTY}(?:,\s+(?P<appos>{_APPOSITIVE}),)?\s+{_AUX}(?P<cue>{CUE})\b"
    rf"[^,\"“”]*$"
)
_SUBJECT_BEFORE = re.compile(
    rf"(?P<subj>\b{_SUBJECT_PRONOUN}\b|{_CAP_RUN}|\b{_DESCRIPTION}){_PARTY}(?:,\s+(?P<appos>{_APPOSITIVE}),)?\s+{_AUX}"
    rf"(?P<cue>{CUE})\b"
)
# ", telling Reuters, “…”", ", saying: “…”": a participle set off by a comma, its subject the clause's
_PARTICIPLES = [c for c in _ALL_CUES if c.endswith("ing") and " " not in c]
_PARTICIPLE_CUE = re.compile(r",\s+(?:and\s+)?(?P<cue>" + "|".join(_PARTICIPLES) + r")\b")
_ACCORDING_TO = re.compile(rf"\b[Aa]ccording\s+to\s+(?P<subj>{_DESCRIPTION}|{_CAP_RUN})")
_BARE_CUE = re.compile(rf"\b(?P<cue>{CUE})\b")
_INTERMEDIARY = re.compile(
    rf"\b(?:carried\s+by|quoted\s+by|as\s+saying\s+by|told|to|in\s+an\s+interview\s+with|reported\s+by|via)\s+"
    rf"(?P<phrase>(?:(?:the|state|news|agency|[A-Z][a-z]+(?:an|ese|ish))\s+){{0,4}}(?P<name>{_CAP_RUN}))"
)
_INTERMEDIARY_AFTER_QUOTING = re.compile(r"\b(?:carried\s+by|quoted\s+as\s+saying\s+by|reported\s+by|via)\b")
MEDIA_NAME = re.compile(
    r"\b(?:ITAR-Tass|TASS|Tass|RIA(?:[\s\-]Novosti)?|Interfax|Reuters|AP|AFP|Associated\s+Press|Xinhua|"
    r"Bloomberg|CNN|BBC|NBC|CBS|ABC|MSNBC|Fox\s+News|Politico|Axios|[A-Z]\w+\s+(?:News|Times|Post|Journal|"
    r"Agency|Tribune|Herald|Gazette|Telegraph|Globe))\b"
)


@dataclass(frozen=True, slots=True)
class Attribution:
    """The attribution words next to a quote: the subject mention as written (a name, a pronoun or a
    description), its appositive title, the cue, and any news agency the words were relayed through."""

    subject: Span
    cue: Span
    cue_text: str
    title: str = ""
    title_span: Span | None = None
    intermediary: str = ""


def _span(match: re.Match[str], group: str, offset: int) -> Span | None:
    if match.group(group) is None:
        return None
    return Span(offset + match.start(group), offset + match.end(group))


# How far after its cue an intermediary ("carried by Interfax", "told the BBC") is looked for: within the
# attribution's clause, never across a long stretch of text (which would make the search quadratic).
INTERMEDIARY_REACH = 300


def _intermediary(text: str, start: int, end: int) -> str:
    tail = text[start:min(end, start + INTERMEDIARY_REACH)]
    if not _INTERMEDIARY_AFTER_QUOTING.search(tail):
        return ""
    match = _INTERMEDIARY.search(tail)
    if not match:
        return ""
    name = " ".join(match.group("name").split())
    return name[:-1] if name.endswith(".") and "." not in name[:-1] else name


def _build(text: str, match: re.Match[str], offset: int, tail_end: int) -> Attribution:
    subject = _span(match, "subj", offset)
    cue = _span(match, "cue", offset)
    assert subject is not None and cue is not None
    title_span = _span(match, "appos", offset)
    title = " ".join(title_span.of(text).split()) if title_span else ""
    return Attribution(
        subject=subject,
        cue=cue,
        cue_text=" ".join(cue.of(text).split()),
        title=title,
        title_span=title_span,
        intermediary=_intermediary(text, cue.start, tail_end),
    )


def attribution_after(text: str, start: int, end: int) -> Attribution | None:
    """An attribution opening the stretch [start, end) that follows a quote's closing mark."""
    context = text[start:end]
    inverted = _CUE_THEN_SUBJECT.match(context)
    if inverted:
        return _build(text, inverted, start, end)
    direct = _SUBJECT_THEN_CUE.match(context)
    if direct:
        return _build(text, direct, start, end)
    return None


def trailing_attribution(text: str, start: int, end: int) -> Attribution | None:
    """An inverted attribution ending the rest of a sentence that goes on after a partial quote."""
    context = text[start:end]
    match = _TRAILING_INVERTED.search(context) or _TRAILING_DIRECT.search(context)
    return _build(text, match, start, end) if match else None


def attribution_before(text: str, start: int, end: int) -> Attribution | None:
    """The attribution nearest the end of [start, end), the words before a quote in its sentence."""
    context = text[start:end]
    # "Trump's comments", "Pyongyang's claims": after a possessive the "cue" is a noun, not a verb
    matches = [m for m in _SUBJECT_BEFORE.finditer(context) if not m.group("subj").endswith(("'s", "’s"))]
    according = list(_ACCORDING_TO.finditer(context))
    if according and (not matches or according[-1].start() > matches[-1].start()):
        match = according[-1]
        subject = Span(start + match.start("subj"), start + match.end("subj"))
        cue = Span(start + match.start(), start + match.start("subj") - 1)
        return Attribution(subject, cue, "according to", intermediary=_intermediary(text, cue.start, end))
    if not matches:
        return None
    return _build(text, matches[-1], start, end)


def participle_cue(text: str, start: int, end: int) -> Span | None:
    """The last comma-led participle cue in [start, end) ("…, saying", "…, telling reporters")."""
    found = list(_PARTICIPLE_CUE.finditer(text, start, end))
    return Span(found[-1].start("cue"), found[-1].end("cue")) if found else None


def has_cue(text: str, start: int, end: int) -> bool:
    return _BARE_CUE.search(text, start, end) is not None


def subjects_in(text: str, start: int, end: int) -> list[Attribution]:
    """Every "X said" in [start, end): the people reported as speaking, quotes or not."""
    matches = _SUBJECT_BEFORE.finditer(text[start:end])
    return [_build(text, m, start, end) for m in matches if not m.group("subj").endswith(("'s", "’s"))]
