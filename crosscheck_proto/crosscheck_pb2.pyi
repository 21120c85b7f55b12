import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ContentType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CONTENT_TYPE_UNSPECIFIED: _ClassVar[ContentType]
    CONTENT_TYPE_TEXT: _ClassVar[ContentType]
    CONTENT_TYPE_HTML: _ClassVar[ContentType]

class TimeType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    TIME_TYPE_UNSPECIFIED: _ClassVar[TimeType]
    TIME_TYPE_DATE: _ClassVar[TimeType]
    TIME_TYPE_TIME: _ClassVar[TimeType]
    TIME_TYPE_DURATION: _ClassVar[TimeType]
    TIME_TYPE_SET: _ClassVar[TimeType]

class Granularity(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    GRANULARITY_UNSPECIFIED: _ClassVar[Granularity]
    GRANULARITY_MINUTE: _ClassVar[Granularity]
    GRANULARITY_HOUR: _ClassVar[Granularity]
    GRANULARITY_DAY: _ClassVar[Granularity]
    GRANULARITY_WEEK: _ClassVar[Granularity]
    GRANULARITY_MONTH: _ClassVar[Granularity]
    GRANULARITY_QUARTER: _ClassVar[Granularity]
    GRANULARITY_SEASON: _ClassVar[Granularity]
    GRANULARITY_HALF: _ClassVar[Granularity]
    GRANULARITY_YEAR: _ClassVar[Granularity]
    GRANULARITY_DECADE: _ClassVar[Granularity]
    GRANULARITY_CENTURY: _ClassVar[Granularity]

class QuoteKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    QUOTE_KIND_UNSPECIFIED: _ClassVar[QuoteKind]
    QUOTE_KIND_SPEECH: _ClassVar[QuoteKind]
    QUOTE_KIND_SCARE: _ClassVar[QuoteKind]

class EntityKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    ENTITY_KIND_UNSPECIFIED: _ClassVar[EntityKind]
    ENTITY_KIND_PERSON: _ClassVar[EntityKind]
    ENTITY_KIND_ORGANIZATION: _ClassVar[EntityKind]
    ENTITY_KIND_PLACE: _ClassVar[EntityKind]
    ENTITY_KIND_OTHER: _ClassVar[EntityKind]

class FindingKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    FINDING_KIND_UNSPECIFIED: _ClassVar[FindingKind]
    FINDING_KIND_AGREEMENT: _ClassVar[FindingKind]
    FINDING_KIND_DATE_MISMATCH: _ClassVar[FindingKind]
    FINDING_KIND_NUMBER_MISMATCH: _ClassVar[FindingKind]
    FINDING_KIND_QUOTE_WORDING: _ClassVar[FindingKind]
    FINDING_KIND_QUOTE_ATTRIBUTION: _ClassVar[FindingKind]
    FINDING_KIND_ROLE_MISMATCH: _ClassVar[FindingKind]
    FINDING_KIND_CONTRADICTION: _ClassVar[FindingKind]
    FINDING_KIND_UNCORROBORATED: _ClassVar[FindingKind]

class Severity(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    SEVERITY_UNSPECIFIED: _ClassVar[Severity]
    SEVERITY_INFO: _ClassVar[Severity]
    SEVERITY_MINOR: _ClassVar[Severity]
    SEVERITY_MAJOR: _ClassVar[Severity]

class DiffOp(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    DIFF_OP_UNSPECIFIED: _ClassVar[DiffOp]
    DIFF_OP_EQUAL: _ClassVar[DiffOp]
    DIFF_OP_INSERT: _ClassVar[DiffOp]
    DIFF_OP_DELETE: _ClassVar[DiffOp]
    DIFF_OP_REPLACE: _ClassVar[DiffOp]

class DiffCategory(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    DIFF_CATEGORY_UNSPECIFIED: _ClassVar[DiffCategory]
    DIFF_CATEGORY_SPELLING: _ClassVar[DiffCategory]
    DIFF_CATEGORY_PUNCTUATION: _ClassVar[DiffCategory]
    DIFF_CATEGORY_CASE: _ClassVar[DiffCategory]
    DIFF_CATEGORY_BRACKET: _ClassVar[DiffCategory]
    DIFF_CATEGORY_OMISSION: _ClassVar[DiffCategory]
    DIFF_CATEGORY_FUNCTION_WORD: _ClassVar[DiffCategory]
    DIFF_CATEGORY_CONTENT_WORD: _ClassVar[DiffCategory]
    DIFF_CATEGORY_NEGATION: _ClassVar[DiffCategory]
    DIFF_CATEGORY_NUMBER: _ClassVar[DiffCategory]
CONTENT_TYPE_UNSPECIFIED: ContentType
CONTENT_TYPE_TEXT: ContentType
CONTENT_TYPE_HTML: ContentType
TIME_TYPE_UNSPECIFIED: TimeType
TIME_TYPE_DATE: TimeType
TIME_TYPE_TIME: TimeType
TIME_TYPE_DURATION: TimeType
TIME_TYPE_SET: TimeType
GRANULARITY_UNSPECIFIED: Granularity
GRANULARITY_MINUTE: Granularity
GRANULARITY_HOUR: Granularity
GRANULARITY_DAY: Granularity
GRANULARITY_WEEK: Granularity
GRANULARITY_MONTH: Granularity
GRANULARITY_QUARTER: Granularity
GRANULARITY_SEASON: Granularity
GRANULARITY_HALF: Granularity
GRANULARITY_YEAR: Granularity
GRANULARITY_DECADE: Granularity
GRANULARITY_CENTURY: Granularity
QUOTE_KIND_UNSPECIFIED: QuoteKind
QUOTE_KIND_SPEECH: QuoteKind
QUOTE_KIND_SCARE: QuoteKind
ENTITY_KIND_UNSPECIFIED: EntityKind
ENTITY_KIND_PERSON: EntityKind
ENTITY_KIND_ORGANIZATION: EntityKind
ENTITY_KIND_PLACE: EntityKind
ENTITY_KIND_OTHER: EntityKind
FINDING_KIND_UNSPECIFIED: FindingKind
FINDING_KIND_AGREEMENT: FindingKind
FINDING_KIND_DATE_MISMATCH: FindingKind
FINDING_KIND_NUMBER_MISMATCH: FindingKind
FINDING_KIND_QUOTE_WORDING: FindingKind
FINDING_KIND_QUOTE_ATTRIBUTION: FindingKind
FINDING_KIND_ROLE_MISMATCH: FindingKind
FINDING_KIND_CONTRADICTION: FindingKind
FINDING_KIND_UNCORROBORATED: FindingKind
SEVERITY_UNSPECIFIED: Severity
SEVERITY_INFO: Severity
SEVERITY_MINOR: Severity
SEVERITY_MAJOR: Severity
DIFF_OP_UNSPECIFIED: DiffOp
DIFF_OP_EQUAL: DiffOp
DIFF_OP_INSERT: DiffOp
DIFF_OP_DELETE: DiffOp
DIFF_OP_REPLACE: DiffOp
DIFF_CATEGORY_UNSPECIFIED: DiffCategory
DIFF_CATEGORY_SPELLING: DiffCategory
DIFF_CATEGORY_PUNCTUATION: DiffCategory
DIFF_CATEGORY_CASE: DiffCategory
DIFF_CATEGORY_BRACKET: DiffCategory
DIFF_CATEGORY_OMISSION: DiffCategory
DIFF_CATEGORY_FUNCTION_WORD: DiffCategory
DIFF_CATEGORY_CONTENT_WORD: DiffCategory
DIFF_CATEGORY_NEGATION: DiffCategory
DIFF_CATEGORY_NUMBER: DiffCategory

class Span(_message.Message):
    __slots__ = ("start", "end")
    START_FIELD_NUMBER: _ClassVar[int]
    END_FIELD_NUMBER: _ClassVar[int]
    start: int
    end: int
    def __init__(self, start: _Optional[int] = ..., end: _Optional[int] = ...) -> None: ...

class PartialDate(_message.Message):
    __slots__ = ("year", "month", "day")
    YEAR_FIELD_NUMBER: _ClassVar[int]
    MONTH_FIELD_NUMBER: _ClassVar[int]
    DAY_FIELD_NUMBER: _ClassVar[int]
    year: int
    month: int
    day: int
    def __init__(self, year: _Optional[int] = ..., month: _Optional[int] = ..., day: _Optional[int] = ...) -> None: ...

class ArticleInput(_message.Message):
    __slots__ = ("text", "source", "url", "title", "published", "content_type", "external_id", "data")
    TEXT_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    URL_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    EXTERNAL_ID_FIELD_NUMBER: _ClassVar[int]
    DATA_FIELD_NUMBER: _ClassVar[int]
    text: str
    source: str
    url: str
    title: str
    published: PartialDate
    content_type: ContentType
    external_id: str
    data: bytes
    def __init__(self, text: _Optional[str] = ..., source: _Optional[str] = ..., url: _Optional[str] = ..., title: _Optional[str] = ..., published: _Optional[_Union[PartialDate, _Mapping]] = ..., content_type: _Optional[_Union[ContentType, str]] = ..., external_id: _Optional[str] = ..., data: _Optional[bytes] = ...) -> None: ...

class Article(_message.Message):
    __slots__ = ("id", "content_hash", "source", "url", "title", "title_span", "published", "published_span", "content_type", "text", "external_id", "paragraphs", "story_id", "topic_id", "claim_count")
    ID_FIELD_NUMBER: _ClassVar[int]
    CONTENT_HASH_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    URL_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    TITLE_SPAN_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_SPAN_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    EXTERNAL_ID_FIELD_NUMBER: _ClassVar[int]
    PARAGRAPHS_FIELD_NUMBER: _ClassVar[int]
    STORY_ID_FIELD_NUMBER: _ClassVar[int]
    TOPIC_ID_FIELD_NUMBER: _ClassVar[int]
    CLAIM_COUNT_FIELD_NUMBER: _ClassVar[int]
    id: str
    content_hash: str
    source: str
    url: str
    title: str
    title_span: Span
    published: PartialDate
    published_span: Span
    content_type: ContentType
    text: str
    external_id: str
    paragraphs: _containers.RepeatedCompositeFieldContainer[Span]
    story_id: str
    topic_id: str
    claim_count: int
    def __init__(self, id: _Optional[str] = ..., content_hash: _Optional[str] = ..., source: _Optional[str] = ..., url: _Optional[str] = ..., title: _Optional[str] = ..., title_span: _Optional[_Union[Span, _Mapping]] = ..., published: _Optional[_Union[PartialDate, _Mapping]] = ..., published_span: _Optional[_Union[Span, _Mapping]] = ..., content_type: _Optional[_Union[ContentType, str]] = ..., text: _Optional[str] = ..., external_id: _Optional[str] = ..., paragraphs: _Optional[_Iterable[_Union[Span, _Mapping]]] = ..., story_id: _Optional[str] = ..., topic_id: _Optional[str] = ..., claim_count: _Optional[int] = ...) -> None: ...

class TimeExpression(_message.Message):
    __slots__ = ("span", "text", "type", "value", "granularity", "begin", "end", "vague", "relative", "modifier", "anchor")
    SPAN_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    GRANULARITY_FIELD_NUMBER: _ClassVar[int]
    BEGIN_FIELD_NUMBER: _ClassVar[int]
    END_FIELD_NUMBER: _ClassVar[int]
    VAGUE_FIELD_NUMBER: _ClassVar[int]
    RELATIVE_FIELD_NUMBER: _ClassVar[int]
    MODIFIER_FIELD_NUMBER: _ClassVar[int]
    ANCHOR_FIELD_NUMBER: _ClassVar[int]
    span: Span
    text: str
    type: TimeType
    value: str
    granularity: Granularity
    begin: str
    end: str
    vague: bool
    relative: bool
    modifier: str
    anchor: PartialDate
    def __init__(self, span: _Optional[_Union[Span, _Mapping]] = ..., text: _Optional[str] = ..., type: _Optional[_Union[TimeType, str]] = ..., value: _Optional[str] = ..., granularity: _Optional[_Union[Granularity, str]] = ..., begin: _Optional[str] = ..., end: _Optional[str] = ..., vague: _Optional[bool] = ..., relative: _Optional[bool] = ..., modifier: _Optional[str] = ..., anchor: _Optional[_Union[PartialDate, _Mapping]] = ...) -> None: ...

class Quantity(_message.Message):
    __slots__ = ("span", "text", "value", "low", "high", "unit", "counts", "approximate", "hedge")
    SPAN_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    LOW_FIELD_NUMBER: _ClassVar[int]
    HIGH_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    COUNTS_FIELD_NUMBER: _ClassVar[int]
    APPROXIMATE_FIELD_NUMBER: _ClassVar[int]
    HEDGE_FIELD_NUMBER: _ClassVar[int]
    span: Span
    text: str
    value: float
    low: float
    high: float
    unit: str
    counts: str
    approximate: bool
    hedge: str
    def __init__(self, span: _Optional[_Union[Span, _Mapping]] = ..., text: _Optional[str] = ..., value: _Optional[float] = ..., low: _Optional[float] = ..., high: _Optional[float] = ..., unit: _Optional[str] = ..., counts: _Optional[str] = ..., approximate: _Optional[bool] = ..., hedge: _Optional[str] = ...) -> None: ...

class Quote(_message.Message):
    __slots__ = ("span", "parts", "text", "kind", "speaker", "speaker_span", "speaker_title", "cue", "cue_span", "intermediary")
    SPAN_FIELD_NUMBER: _ClassVar[int]
    PARTS_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    SPEAKER_FIELD_NUMBER: _ClassVar[int]
    SPEAKER_SPAN_FIELD_NUMBER: _ClassVar[int]
    SPEAKER_TITLE_FIELD_NUMBER: _ClassVar[int]
    CUE_FIELD_NUMBER: _ClassVar[int]
    CUE_SPAN_FIELD_NUMBER: _ClassVar[int]
    INTERMEDIARY_FIELD_NUMBER: _ClassVar[int]
    span: Span
    parts: _containers.RepeatedCompositeFieldContainer[Span]
    text: str
    kind: QuoteKind
    speaker: str
    speaker_span: Span
    speaker_title: str
    cue: str
    cue_span: Span
    intermediary: str
    def __init__(self, span: _Optional[_Union[Span, _Mapping]] = ..., parts: _Optional[_Iterable[_Union[Span, _Mapping]]] = ..., text: _Optional[str] = ..., kind: _Optional[_Union[QuoteKind, str]] = ..., speaker: _Optional[str] = ..., speaker_span: _Optional[_Union[Span, _Mapping]] = ..., speaker_title: _Optional[str] = ..., cue: _Optional[str] = ..., cue_span: _Optional[_Union[Span, _Mapping]] = ..., intermediary: _Optional[str] = ...) -> None: ...

class Entity(_message.Message):
    __slots__ = ("span", "text", "kind", "canonical", "title", "role", "title_span")
    SPAN_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    CANONICAL_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    TITLE_SPAN_FIELD_NUMBER: _ClassVar[int]
    span: Span
    text: str
    kind: EntityKind
    canonical: str
    title: str
    role: str
    title_span: Span
    def __init__(self, span: _Optional[_Union[Span, _Mapping]] = ..., text: _Optional[str] = ..., kind: _Optional[_Union[EntityKind, str]] = ..., canonical: _Optional[str] = ..., title: _Optional[str] = ..., role: _Optional[str] = ..., title_span: _Optional[_Union[Span, _Mapping]] = ...) -> None: ...

class Sentence(_message.Message):
    __slots__ = ("index", "span", "text", "paragraph")
    INDEX_FIELD_NUMBER: _ClassVar[int]
    SPAN_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    PARAGRAPH_FIELD_NUMBER: _ClassVar[int]
    index: int
    span: Span
    text: str
    paragraph: int
    def __init__(self, index: _Optional[int] = ..., span: _Optional[_Union[Span, _Mapping]] = ..., text: _Optional[str] = ..., paragraph: _Optional[int] = ...) -> None: ...

class Claim(_message.Message):
    __slots__ = ("id", "article_id", "sentence_index", "span", "text", "times", "quantities", "quotes", "entities", "negated", "polarity_cue", "unit")
    ID_FIELD_NUMBER: _ClassVar[int]
    ARTICLE_ID_FIELD_NUMBER: _ClassVar[int]
    SENTENCE_INDEX_FIELD_NUMBER: _ClassVar[int]
    SPAN_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    TIMES_FIELD_NUMBER: _ClassVar[int]
    QUANTITIES_FIELD_NUMBER: _ClassVar[int]
    QUOTES_FIELD_NUMBER: _ClassVar[int]
    ENTITIES_FIELD_NUMBER: _ClassVar[int]
    NEGATED_FIELD_NUMBER: _ClassVar[int]
    POLARITY_CUE_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    id: str
    article_id: str
    sentence_index: int
    span: Span
    text: str
    times: _containers.RepeatedCompositeFieldContainer[TimeExpression]
    quantities: _containers.RepeatedCompositeFieldContainer[Quantity]
    quotes: _containers.RepeatedCompositeFieldContainer[Quote]
    entities: _containers.RepeatedCompositeFieldContainer[Entity]
    negated: bool
    polarity_cue: str
    unit: str
    def __init__(self, id: _Optional[str] = ..., article_id: _Optional[str] = ..., sentence_index: _Optional[int] = ..., span: _Optional[_Union[Span, _Mapping]] = ..., text: _Optional[str] = ..., times: _Optional[_Iterable[_Union[TimeExpression, _Mapping]]] = ..., quantities: _Optional[_Iterable[_Union[Quantity, _Mapping]]] = ..., quotes: _Optional[_Iterable[_Union[Quote, _Mapping]]] = ..., entities: _Optional[_Iterable[_Union[Entity, _Mapping]]] = ..., negated: _Optional[bool] = ..., polarity_cue: _Optional[str] = ..., unit: _Optional[str] = ...) -> None: ...

class DiffEntry(_message.Message):
    __slots__ = ("op", "a", "b", "category")
    OP_FIELD_NUMBER: _ClassVar[int]
    A_FIELD_NUMBER: _ClassVar[int]
    B_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    op: DiffOp
    a: str
    b: str
    category: DiffCategory
    def __init__(self, op: _Optional[_Union[DiffOp, str]] = ..., a: _Optional[str] = ..., b: _Optional[str] = ..., category: _Optional[_Union[DiffCategory, str]] = ...) -> None: ...

class Evidence(_message.Message):
    __slots__ = ("article_id", "source", "sentence", "span", "value", "claim_id", "cue")
    ARTICLE_ID_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    SENTENCE_FIELD_NUMBER: _ClassVar[int]
    SPAN_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    CLAIM_ID_FIELD_NUMBER: _ClassVar[int]
    CUE_FIELD_NUMBER: _ClassVar[int]
    article_id: str
    source: str
    sentence: str
    span: Span
    value: str
    claim_id: str
    cue: str
    def __init__(self, article_id: _Optional[str] = ..., source: _Optional[str] = ..., sentence: _Optional[str] = ..., span: _Optional[_Union[Span, _Mapping]] = ..., value: _Optional[str] = ..., claim_id: _Optional[str] = ..., cue: _Optional[str] = ...) -> None: ...

class Finding(_message.Message):
    __slots__ = ("kind", "severity", "confidence", "explanation", "evidence", "diff", "story_id", "key")
    KIND_FIELD_NUMBER: _ClassVar[int]
    SEVERITY_FIELD_NUMBER: _ClassVar[int]
    CONFIDENCE_FIELD_NUMBER: _ClassVar[int]
    EXPLANATION_FIELD_NUMBER: _ClassVar[int]
    EVIDENCE_FIELD_NUMBER: _ClassVar[int]
    DIFF_FIELD_NUMBER: _ClassVar[int]
    STORY_ID_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    kind: FindingKind
    severity: Severity
    confidence: float
    explanation: str
    evidence: _containers.RepeatedCompositeFieldContainer[Evidence]
    diff: _containers.RepeatedCompositeFieldContainer[DiffEntry]
    story_id: str
    key: str
    def __init__(self, kind: _Optional[_Union[FindingKind, str]] = ..., severity: _Optional[_Union[Severity, str]] = ..., confidence: _Optional[float] = ..., explanation: _Optional[str] = ..., evidence: _Optional[_Iterable[_Union[Evidence, _Mapping]]] = ..., diff: _Optional[_Iterable[_Union[DiffEntry, _Mapping]]] = ..., story_id: _Optional[str] = ..., key: _Optional[str] = ...) -> None: ...

class IngestArticlesRequest(_message.Message):
    __slots__ = ("articles",)
    ARTICLES_FIELD_NUMBER: _ClassVar[int]
    articles: _containers.RepeatedCompositeFieldContainer[ArticleInput]
    def __init__(self, articles: _Optional[_Iterable[_Union[ArticleInput, _Mapping]]] = ...) -> None: ...

class IngestStreamRequest(_message.Message):
    __slots__ = ("article",)
    ARTICLE_FIELD_NUMBER: _ClassVar[int]
    article: ArticleInput
    def __init__(self, article: _Optional[_Union[ArticleInput, _Mapping]] = ...) -> None: ...

class IngestResult(_message.Message):
    __slots__ = ("index", "external_id", "article_id", "created", "claim_count", "error", "error_code", "story_id")
    INDEX_FIELD_NUMBER: _ClassVar[int]
    EXTERNAL_ID_FIELD_NUMBER: _ClassVar[int]
    ARTICLE_ID_FIELD_NUMBER: _ClassVar[int]
    CREATED_FIELD_NUMBER: _ClassVar[int]
    CLAIM_COUNT_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    ERROR_CODE_FIELD_NUMBER: _ClassVar[int]
    STORY_ID_FIELD_NUMBER: _ClassVar[int]
    index: int
    external_id: str
    article_id: str
    created: bool
    claim_count: int
    error: str
    error_code: str
    story_id: str
    def __init__(self, index: _Optional[int] = ..., external_id: _Optional[str] = ..., article_id: _Optional[str] = ..., created: _Optional[bool] = ..., claim_count: _Optional[int] = ..., error: _Optional[str] = ..., error_code: _Optional[str] = ..., story_id: _Optional[str] = ...) -> None: ...

class IngestArticlesResponse(_message.Message):
    __slots__ = ("results",)
    RESULTS_FIELD_NUMBER: _ClassVar[int]
    results: _containers.RepeatedCompositeFieldContainer[IngestResult]
    def __init__(self, results: _Optional[_Iterable[_Union[IngestResult, _Mapping]]] = ...) -> None: ...

class GetArticleRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class GetArticleResponse(_message.Message):
    __slots__ = ("article", "sentences", "claims")
    ARTICLE_FIELD_NUMBER: _ClassVar[int]
    SENTENCES_FIELD_NUMBER: _ClassVar[int]
    CLAIMS_FIELD_NUMBER: _ClassVar[int]
    article: Article
    sentences: _containers.RepeatedCompositeFieldContainer[Sentence]
    claims: _containers.RepeatedCompositeFieldContainer[Claim]
    def __init__(self, article: _Optional[_Union[Article, _Mapping]] = ..., sentences: _Optional[_Iterable[_Union[Sentence, _Mapping]]] = ..., claims: _Optional[_Iterable[_Union[Claim, _Mapping]]] = ...) -> None: ...

class ListArticlesRequest(_message.Message):
    __slots__ = ("page_size", "page_token")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListArticlesResponse(_message.Message):
    __slots__ = ("articles", "next_page_token")
    ARTICLES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    articles: _containers.RepeatedCompositeFieldContainer[Article]
    next_page_token: str
    def __init__(self, articles: _Optional[_Iterable[_Union[Article, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class ExtractRequest(_message.Message):
    __slots__ = ("article",)
    ARTICLE_FIELD_NUMBER: _ClassVar[int]
    article: ArticleInput
    def __init__(self, article: _Optional[_Union[ArticleInput, _Mapping]] = ...) -> None: ...

class ExtractResponse(_message.Message):
    __slots__ = ("article", "sentences", "claims")
    ARTICLE_FIELD_NUMBER: _ClassVar[int]
    SENTENCES_FIELD_NUMBER: _ClassVar[int]
    CLAIMS_FIELD_NUMBER: _ClassVar[int]
    article: Article
    sentences: _containers.RepeatedCompositeFieldContainer[Sentence]
    claims: _containers.RepeatedCompositeFieldContainer[Claim]
    def __init__(self, article: _Optional[_Union[Article, _Mapping]] = ..., sentences: _Optional[_Iterable[_Union[Sentence, _Mapping]]] = ..., claims: _Optional[_Iterable[_Union[Claim, _Mapping]]] = ...) -> None: ...

class CompareRequest(_message.Message):
    __slots__ = ("articles", "omit_agreements")
    ARTICLES_FIELD_NUMBER: _ClassVar[int]
    OMIT_AGREEMENTS_FIELD_NUMBER: _ClassVar[int]
    articles: _containers.RepeatedCompositeFieldContainer[ArticleInput]
    omit_agreements: bool
    def __init__(self, articles: _Optional[_Iterable[_Union[ArticleInput, _Mapping]]] = ..., omit_agreements: _Optional[bool] = ...) -> None: ...

class CompareResponse(_message.Message):
    __slots__ = ("articles", "findings")
    ARTICLES_FIELD_NUMBER: _ClassVar[int]
    FINDINGS_FIELD_NUMBER: _ClassVar[int]
    articles: _containers.RepeatedCompositeFieldContainer[Article]
    findings: _containers.RepeatedCompositeFieldContainer[Finding]
    def __init__(self, articles: _Optional[_Iterable[_Union[Article, _Mapping]]] = ..., findings: _Optional[_Iterable[_Union[Finding, _Mapping]]] = ...) -> None: ...

class CheckRequest(_message.Message):
    __slots__ = ("article_ids", "since", "until", "story_id", "omit_agreements")
    ARTICLE_IDS_FIELD_NUMBER: _ClassVar[int]
    SINCE_FIELD_NUMBER: _ClassVar[int]
    UNTIL_FIELD_NUMBER: _ClassVar[int]
    STORY_ID_FIELD_NUMBER: _ClassVar[int]
    OMIT_AGREEMENTS_FIELD_NUMBER: _ClassVar[int]
    article_ids: _containers.RepeatedScalarFieldContainer[str]
    since: _timestamp_pb2.Timestamp
    until: _timestamp_pb2.Timestamp
    story_id: str
    omit_agreements: bool
    def __init__(self, article_ids: _Optional[_Iterable[str]] = ..., since: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., until: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., story_id: _Optional[str] = ..., omit_agreements: _Optional[bool] = ...) -> None: ...

class CheckResponse(_message.Message):
    __slots__ = ("articles", "findings")
    ARTICLES_FIELD_NUMBER: _ClassVar[int]
    FINDINGS_FIELD_NUMBER: _ClassVar[int]
    articles: _containers.RepeatedCompositeFieldContainer[Article]
    findings: _containers.RepeatedCompositeFieldContainer[Finding]
    def __init__(self, articles: _Optional[_Iterable[_Union[Article, _Mapping]]] = ..., findings: _Optional[_Iterable[_Union[Finding, _Mapping]]] = ...) -> None: ...

class ListStoriesRequest(_message.Message):
    __slots__ = ("since", "until")
    SINCE_FIELD_NUMBER: _ClassVar[int]
    UNTIL_FIELD_NUMBER: _ClassVar[int]
    since: _timestamp_pb2.Timestamp
    until: _timestamp_pb2.Timestamp
    def __init__(self, since: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., until: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class Story(_message.Message):
    __slots__ = ("id", "topic_id", "title", "articles")
    ID_FIELD_NUMBER: _ClassVar[int]
    TOPIC_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    ARTICLES_FIELD_NUMBER: _ClassVar[int]
    id: str
    topic_id: str
    title: str
    articles: _containers.RepeatedCompositeFieldContainer[Article]
    def __init__(self, id: _Optional[str] = ..., topic_id: _Optional[str] = ..., title: _Optional[str] = ..., articles: _Optional[_Iterable[_Union[Article, _Mapping]]] = ...) -> None: ...

class ListStoriesResponse(_message.Message):
    __slots__ = ("stories",)
    STORIES_FIELD_NUMBER: _ClassVar[int]
    stories: _containers.RepeatedCompositeFieldContainer[Story]
    def __init__(self, stories: _Optional[_Iterable[_Union[Story, _Mapping]]] = ...) -> None: ...

class GetReportRequest(_message.Message):
    __slots__ = ("since", "until", "rebuild")
    SINCE_FIELD_NUMBER: _ClassVar[int]
    UNTIL_FIELD_NUMBER: _ClassVar[int]
    REBUILD_FIELD_NUMBER: _ClassVar[int]
    since: _timestamp_pb2.Timestamp
    until: _timestamp_pb2.Timestamp
    rebuild: bool
    def __init__(self, since: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., until: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., rebuild: _Optional[bool] = ...) -> None: ...

class GetReportResponse(_message.Message):
    __slots__ = ("report",)
    REPORT_FIELD_NUMBER: _ClassVar[int]
    report: Report
    def __init__(self, report: _Optional[_Union[Report, _Mapping]] = ...) -> None: ...

class ListReportsRequest(_message.Message):
    __slots__ = ("page_size",)
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    def __init__(self, page_size: _Optional[int] = ...) -> None: ...

class ListReportsResponse(_message.Message):
    __slots__ = ("reports",)
    REPORTS_FIELD_NUMBER: _ClassVar[int]
    reports: _containers.RepeatedCompositeFieldContainer[Report]
    def __init__(self, reports: _Optional[_Iterable[_Union[Report, _Mapping]]] = ...) -> None: ...

class FindingCount(_message.Message):
    __slots__ = ("kind", "severity", "count")
    KIND_FIELD_NUMBER: _ClassVar[int]
    SEVERITY_FIELD_NUMBER: _ClassVar[int]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    kind: FindingKind
    severity: Severity
    count: int
    def __init__(self, kind: _Optional[_Union[FindingKind, str]] = ..., severity: _Optional[_Union[Severity, str]] = ..., count: _Optional[int] = ...) -> None: ...

class ReportTotals(_message.Message):
    __slots__ = ("articles", "sources", "stories", "claims", "findings", "undated")
    ARTICLES_FIELD_NUMBER: _ClassVar[int]
    SOURCES_FIELD_NUMBER: _ClassVar[int]
    STORIES_FIELD_NUMBER: _ClassVar[int]
    CLAIMS_FIELD_NUMBER: _ClassVar[int]
    FINDINGS_FIELD_NUMBER: _ClassVar[int]
    UNDATED_FIELD_NUMBER: _ClassVar[int]
    articles: int
    sources: int
    stories: int
    claims: int
    findings: _containers.RepeatedCompositeFieldContainer[FindingCount]
    undated: int
    def __init__(self, articles: _Optional[int] = ..., sources: _Optional[int] = ..., stories: _Optional[int] = ..., claims: _Optional[int] = ..., findings: _Optional[_Iterable[_Union[FindingCount, _Mapping]]] = ..., undated: _Optional[int] = ...) -> None: ...

class Corroboration(_message.Message):
    __slots__ = ("claim", "sources")
    CLAIM_FIELD_NUMBER: _ClassVar[int]
    SOURCES_FIELD_NUMBER: _ClassVar[int]
    claim: str
    sources: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, claim: _Optional[str] = ..., sources: _Optional[_Iterable[str]] = ...) -> None: ...

class ReportStory(_message.Message):
    __slots__ = ("story_id", "title", "articles", "discrepancies", "agreements", "corroborations", "uncorroborated")
    STORY_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    ARTICLES_FIELD_NUMBER: _ClassVar[int]
    DISCREPANCIES_FIELD_NUMBER: _ClassVar[int]
    AGREEMENTS_FIELD_NUMBER: _ClassVar[int]
    CORROBORATIONS_FIELD_NUMBER: _ClassVar[int]
    UNCORROBORATED_FIELD_NUMBER: _ClassVar[int]
    story_id: str
    title: str
    articles: _containers.RepeatedCompositeFieldContainer[Article]
    discrepancies: _containers.RepeatedCompositeFieldContainer[Finding]
    agreements: _containers.RepeatedCompositeFieldContainer[Finding]
    corroborations: _containers.RepeatedCompositeFieldContainer[Corroboration]
    uncorroborated: _containers.RepeatedCompositeFieldContainer[Finding]
    def __init__(self, story_id: _Optional[str] = ..., title: _Optional[str] = ..., articles: _Optional[_Iterable[_Union[Article, _Mapping]]] = ..., discrepancies: _Optional[_Iterable[_Union[Finding, _Mapping]]] = ..., agreements: _Optional[_Iterable[_Union[Finding, _Mapping]]] = ..., corroborations: _Optional[_Iterable[_Union[Corroboration, _Mapping]]] = ..., uncorroborated: _Optional[_Iterable[_Union[Finding, _Mapping]]] = ...) -> None: ...

class SourcePair(_message.Message):
    __slots__ = ("source_a", "source_b", "aligned", "agreed", "agreement")
    SOURCE_A_FIELD_NUMBER: _ClassVar[int]
    SOURCE_B_FIELD_NUMBER: _ClassVar[int]
    ALIGNED_FIELD_NUMBER: _ClassVar[int]
    AGREED_FIELD_NUMBER: _ClassVar[int]
    AGREEMENT_FIELD_NUMBER: _ClassVar[int]
    source_a: str
    source_b: str
    aligned: int
    agreed: int
    agreement: float
    def __init__(self, source_a: _Optional[str] = ..., source_b: _Optional[str] = ..., aligned: _Optional[int] = ..., agreed: _Optional[int] = ..., agreement: _Optional[float] = ...) -> None: ...

class SourceStats(_message.Message):
    __slots__ = ("source", "articles", "claims", "discrepancies", "discrepancy_rate")
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    ARTICLES_FIELD_NUMBER: _ClassVar[int]
    CLAIMS_FIELD_NUMBER: _ClassVar[int]
    DISCREPANCIES_FIELD_NUMBER: _ClassVar[int]
    DISCREPANCY_RATE_FIELD_NUMBER: _ClassVar[int]
    source: str
    articles: int
    claims: int
    discrepancies: int
    discrepancy_rate: float
    def __init__(self, source: _Optional[str] = ..., articles: _Optional[int] = ..., claims: _Optional[int] = ..., discrepancies: _Optional[int] = ..., discrepancy_rate: _Optional[float] = ...) -> None: ...

class TimelineEntry(_message.Message):
    __slots__ = ("article_id", "source", "title", "published", "findings", "discrepancies")
    ARTICLE_ID_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_FIELD_NUMBER: _ClassVar[int]
    FINDINGS_FIELD_NUMBER: _ClassVar[int]
    DISCREPANCIES_FIELD_NUMBER: _ClassVar[int]
    article_id: str
    source: str
    title: str
    published: PartialDate
    findings: int
    discrepancies: int
    def __init__(self, article_id: _Optional[str] = ..., source: _Optional[str] = ..., title: _Optional[str] = ..., published: _Optional[_Union[PartialDate, _Mapping]] = ..., findings: _Optional[int] = ..., discrepancies: _Optional[int] = ...) -> None: ...

class ReportChanges(_message.Message):
    __slots__ = ("previous_report_id", "new_findings", "resolved_findings", "new_articles")
    PREVIOUS_REPORT_ID_FIELD_NUMBER: _ClassVar[int]
    NEW_FINDINGS_FIELD_NUMBER: _ClassVar[int]
    RESOLVED_FINDINGS_FIELD_NUMBER: _ClassVar[int]
    NEW_ARTICLES_FIELD_NUMBER: _ClassVar[int]
    previous_report_id: str
    new_findings: _containers.RepeatedScalarFieldContainer[str]
    resolved_findings: _containers.RepeatedScalarFieldContainer[str]
    new_articles: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, previous_report_id: _Optional[str] = ..., new_findings: _Optional[_Iterable[str]] = ..., resolved_findings: _Optional[_Iterable[str]] = ..., new_articles: _Optional[_Iterable[str]] = ...) -> None: ...

class Report(_message.Message):
    __slots__ = ("id", "since", "until", "created", "totals", "stories", "matrix", "sources", "timeline", "changes", "content_digest", "undated")
    ID_FIELD_NUMBER: _ClassVar[int]
    SINCE_FIELD_NUMBER: _ClassVar[int]
    UNTIL_FIELD_NUMBER: _ClassVar[int]
    CREATED_FIELD_NUMBER: _ClassVar[int]
    TOTALS_FIELD_NUMBER: _ClassVar[int]
    STORIES_FIELD_NUMBER: _ClassVar[int]
    MATRIX_FIELD_NUMBER: _ClassVar[int]
    SOURCES_FIELD_NUMBER: _ClassVar[int]
    TIMELINE_FIELD_NUMBER: _ClassVar[int]
    CHANGES_FIELD_NUMBER: _ClassVar[int]
    CONTENT_DIGEST_FIELD_NUMBER: _ClassVar[int]
    UNDATED_FIELD_NUMBER: _ClassVar[int]
    id: str
    since: _timestamp_pb2.Timestamp
    until: _timestamp_pb2.Timestamp
    created: _timestamp_pb2.Timestamp
    totals: ReportTotals
    stories: _containers.RepeatedCompositeFieldContainer[ReportStory]
    matrix: _containers.RepeatedCompositeFieldContainer[SourcePair]
    sources: _containers.RepeatedCompositeFieldContainer[SourceStats]
    timeline: _containers.RepeatedCompositeFieldContainer[TimelineEntry]
    changes: ReportChanges
    content_digest: str
    undated: _containers.RepeatedCompositeFieldContainer[Article]
    def __init__(self, id: _Optional[str] = ..., since: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., until: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., created: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., totals: _Optional[_Union[ReportTotals, _Mapping]] = ..., stories: _Optional[_Iterable[_Union[ReportStory, _Mapping]]] = ..., matrix: _Optional[_Iterable[_Union[SourcePair, _Mapping]]] = ..., sources: _Optional[_Iterable[_Union[SourceStats, _Mapping]]] = ..., timeline: _Optional[_Iterable[_Union[TimelineEntry, _Mapping]]] = ..., changes: _Optional[_Union[ReportChanges, _Mapping]] = ..., content_digest: _Optional[str] = ..., undated: _Optional[_Iterable[_Union[Article, _Mapping]]] = ...) -> None: ...
