"""Typed records passed between the pipeline's stages.

Every stage takes and returns these frozen dataclasses; protobuf messages exist only at the edge
(`service.convert`, the servicer and the client). All offsets are Unicode code points into the article's
text exactly as submitted, end exclusive.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import hashlib
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Span:
    """Half-open range [start, end) of code points into the submitted text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"invalid span [{self.start}, {self.end})")

    def of(self, text: str) -> str:
        return text[self.start : self.end]

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A calendar date of which parts may be unknown (seed 003 gives "April 23" and no year)."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    @property
    def complete(self) -> dt.date | None:
        if self.year is None or self.month is None or self.day is None:
            return None
        return dt.date(self.year, self.month, self.day)

    def problem(self) -> str | None:
        """Why no calendar has this date (month 13, 30 February, a day without a month), or None when it exists.
        Without a year, 29 February exists."""
        if self.month is not None and not 1 <= self.month <= 12:
            return f"month {self.month} is not in 1-12"
        if self.year is not None and not 1 <= self.year <= 9999:
            return f"year {self.year} is not in 1-9999"
        if self.day is not None:
            if self.month is None:
                return f"a day ({self.day}) without a month"
            longest = calendar.monthrange(self.year or 2000, self.month)[1]  # 2000 is a leap year
            if not 1 <= self.day <= longest:
                return f"day {self.day} does not exist in month {self.month}"
        return None

    def iso(self) -> str:
        """TIMEX3-style value: 2013-03-25, XXXX-04-23, 2013-03."""
        year = f"{self.year:04d}" if self.year is not None else "XXXX"
        if self.month is None:
            return year
        month = f"{year}-{self.month:02d}"
        return month if self.day is None else f"{month}-{self.day:02d}"


# --------------------------------------------------------------------------------------------- articles


@dataclass(frozen=True, slots=True)
class ArticleInput:
    """An article as a caller submits it; everything but the text is optional."""

    text: str
    source: str = ""
    url: str = ""
    title: str = ""
    published: PartialDate | None = None
    content_type: str = "text/plain"  # or "text/html"
    external_id: str = ""  # the caller's own name for it (a file name), echoed back in results


@dataclass(frozen=True, slots=True)
class Article:
    """An ingested article.

    `clean` has exactly the length of `text`: markup, entities and boilerplate are overwritten with
    whitespace, so every offset found in `clean` is also an offset into the submitted `text`.
    """

    id: str
    content_hash: str
    text: str
    clean: str
    source: str
    url: str
    title: str
    title_span: Span | None
    published: PartialDate | None
    published_span: Span | None  # where the publication date was read, when detected from the text
    content_type: str
    paragraphs: tuple[Span, ...]  # body paragraphs kept after boilerplate removal
    external_id: str = ""
    # Where the publication date came from: "caller", or the page's "json-ld", "meta", "markup", "url",
    # "htmldate", or "text" (a date line or dateline); "" when there is none.
    published_by: str = ""
    modified: PartialDate | None = None  # last modification, when the page declares it
    authors: tuple[str, ...] = ()
    canonical_url: str = ""


# --------------------------------------------------------------------------------------------- slots


class TimeType(enum.Enum):
    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"


class Granularity(enum.Enum):
    UNKNOWN = "UNKNOWN"
    MINUTE = "MINUTE"
    HOUR = "HOUR"
    DAY = "DAY"
    WEEK = "WEEK"
    MONTH = "MONTH"
    QUARTER = "QUARTER"
    SEASON = "SEASON"
    HALF = "HALF"
    YEAR = "YEAR"
    DECADE = "DECADE"
    CENTURY = "CENTURY"


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A temporal expression with its TIMEX3 type and value, resolved against the article's anchor.

    `begin`/`end` is the closed interval of days the expression can denote; both are None for durations,
    vague references and dates whose year is unknown (then `value` starts with XXXX and `month`/`day`
    keep what is known).
    """

    span: Span
    text: str
    type: TimeType
    value: str  # TIMEX3 value: 2013-03-21, 2013-W12, 2013-03, XXXX-04-23, P1Y, PAST_REF, T23:37
    granularity: Granularity = Granularity.UNKNOWN
    begin: dt.date | None = None
    end: dt.date | None = None
    vague: bool = False
    relative: bool = False  # resolved against the anchor ("last week", "Monday")
    modifier: str = ""  # TIMEX3 mod: APPROX, EARLY, MID, LATE, BEFORE, AFTER, ...
    anchor: PartialDate | None = None  # the anchor used, for relative expressions
    month: int | None = None  # known parts when the year is unknown
    day: int | None = None


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number with what it counts, as a closed interval [low, high] (hedges widen it)."""

    span: Span
    text: str
    value: float  # point value as written (the middle of a range)
    low: float
    high: float
    unit: str = ""  # currency code (USD), "%", or a unit of measure; empty for plain counts
    counts: str = ""  # the head noun counted, singular lower case: "interceptor", "meeting"
    counts_span: Span | None = None
    approximate: bool = False
    hedge: str = ""  # "nearly", "about", "more than", ...
    role: str = ""  # its part in the event: "killed", "injured", "depth", "distance", or the governing verb
    modifiers: tuple[str, ...] = ()  # what narrows the counted thing: "anti-missile", "in cash"
    holder: str = ""  # whose amount it is: "Smith" in "Smith's 120 yards"
    # a range with both bounds written ("12-15 soldiers", "#130 million to #135 million"): [low, high] are stated,
    # not a rounding or a hedge
    bounded: bool = False


class QuoteKind(enum.Enum):
    SPEECH = "SPEECH"  # somebody's words
    SCARE = "SCARE"  # scare quotes, a term held at arm's length, a title or a name


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quote. `parts` are the quoted stretches (a quote split by its attribution has two);
    `text` is their words joined by a space."""

    span: Span  # from the first opening mark to the last closing mark
    parts: tuple[Span, ...]
    text: str
    kind: QuoteKind = QuoteKind.SPEECH
    speaker: str = ""  # the fullest name found for the speaker ("Anatoly Antonov")
    speaker_span: Span | None = None  # the mention the attribution points at
    speaker_title: str = ""  # as given: "a deputy of Shoigu", "Russian deputy foreign minister"
    cue: str = ""  # said, told, wrote, was quoted as saying, ...
    cue_span: Span | None = None
    intermediary: str = ""  # RIA-Novosti, ITAR-Tass, ...
    # The speaker is a person named in the attribution, or a pronoun no other person could stand for: only
    # then is a different speaker in another outlet a misattribution rather than a guess of ours.
    speaker_confident: bool = False


class EntityKind(enum.Enum):
    PERSON = "PERSON"
    ORGANIZATION = "ORGANIZATION"
    PLACE = "PLACE"
    OTHER = "OTHER"


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity mention; people carry the title the article gives them."""

    span: Span
    text: str
    kind: EntityKind
    canonical: str = ""  # fullest form of the name in the article ("Sergei Shoigu" for "Shoigu")
    title: str = ""  # as given: "Russia's Defence Minister"
    role: str = ""  # normalised office: "defence minister|russia"
    title_span: Span | None = None


@dataclass(frozen=True, slots=True)
class Polarity:
    """Whether a claim asserts or denies; `cue` is the word that decided it ("no", "refused")."""

    negated: bool
    cue: str = ""
    cue_span: Span | None = None


# --------------------------------------------------------------------------------------------- claims


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    span: Span
    text: str  # whitespace-normalised text of the span (markup removed)
    paragraph: int = 0


@dataclass(frozen=True, slots=True)
class Claim:
    """An atomic statement with its slots; `sentence` points at the sentence it came from."""

    id: str  # "<article id>:<ordinal>"
    article_id: str
    sentence: int
    span: Span
    text: str
    times: tuple[TimeExpression, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    entities: tuple[Entity, ...] = ()
    polarity: Polarity = field(default_factory=lambda: Polarity(False))
    # "headline" (the article's headline, a claim of its own), "dateline" (a line giving only a date: never
    # aligned or compared) or "body"
    unit: str = "body"


@dataclass(frozen=True, slots=True)
class Extraction:
    article: Article
    sentences: tuple[Sentence, ...]
    claims: tuple[Claim, ...]


# --------------------------------------------------------------------------------------------- findings


class FindingKind(enum.Enum):
    AGREEMENT = "AGREEMENT"
    DATE_MISMATCH = "DATE_MISMATCH"
    NUMBER_MISMATCH = "NUMBER_MISMATCH"
    QUOTE_WORDING = "QUOTE_WORDING"
    QUOTE_ATTRIBUTION = "QUOTE_ATTRIBUTION"
    ROLE_MISMATCH = "ROLE_MISMATCH"
    CONTRADICTION = "CONTRADICTION"
    UNCORROBORATED = "UNCORROBORATED"


class Severity(enum.Enum):
    INFO = "INFO"  # agreements, uncorroborated claims
    MINOR = "MINOR"
    MAJOR = "MAJOR"


class DiffOp(enum.Enum):
    EQUAL = "EQUAL"
    INSERT = "INSERT"  # present only in the second quote
    DELETE = "DELETE"  # present only in the first quote
    REPLACE = "REPLACE"


class DiffCategory(enum.Enum):
    NONE = "NONE"  # equal words
    SPELLING = "SPELLING"  # defense / defence
    PUNCTUATION = "PUNCTUATION"
    CASE = "CASE"
    BRACKET = "BRACKET"  # [we] / (we): an editorial insertion
    OMISSION = "OMISSION"  # ellipsis, or a stretch one quote leaves out at its edge
    FUNCTION_WORD = "FUNCTION_WORD"
    CONTENT_WORD = "CONTENT_WORD"
    NEGATION = "NEGATION"
    NUMBER = "NUMBER"


@dataclass(frozen=True, slots=True)
class DiffEntry:
    op: DiffOp
    a: str  # the words in the first quote (empty for INSERT)
    b: str  # the words in the second quote (empty for DELETE)
    category: DiffCategory = DiffCategory.NONE


@dataclass(frozen=True, slots=True)
class Evidence:
    article_id: str
    source: str
    sentence: str
    span: Span  # the compared slot's span (or the claim's when the finding is about the whole claim)
    value: str  # the normalised value compared: "2013-03-18/2013-03-24", "14 interceptor", the quote
    claim_id: str = ""
    cue: str = ""  # for contradictions: the word that set the polarity; for quotes: the speaker's cue


@dataclass(frozen=True, slots=True)
class Finding:
    kind: FindingKind
    severity: Severity
    confidence: float
    explanation: str
    evidence: tuple[Evidence, ...]
    diff: tuple[DiffEntry, ...] = ()
    story_id: str = ""

    @property
    def key(self) -> str:
        """Stable identity: the same finding on the same claims gets the same key in every run."""
        parts = [self.kind.value] + sorted(f"{e.claim_id}|{e.span.start}|{e.span.end}" for e in self.evidence)
        return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]
