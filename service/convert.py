"""Protobuf messages <-> records. With the servicer (and the server's registration of it), the only module of
the service that knows protobuf: every stage before it works on records."""

from __future__ import annotations

import datetime as dt

from google.protobuf.timestamp_pb2 import Timestamp

from crosscheck_proto import crosscheck_pb2 as pb
from service.articles import HTML, validate_date
from service.engine import StoryView
from service.errors import InvalidInput, shown
from service.records import (
    Article,
    ArticleInput,
    Claim,
    DiffEntry,
    Entity,
    Evidence,
    Extraction,
    Finding,
    FindingKind,
    PartialDate,
    Quantity,
    Quote,
    Sentence,
    Severity,
    Span,
    TimeExpression,
)
from service.reports import records as report_records
from service.store import ArticleSummary

# ------------------------------------------------------------------------------------------------ requests


def partial_date_in(message: pb.PartialDate, where: str) -> PartialDate | None:
    if not (message.year or message.month or message.day):
        return None
    date = PartialDate(message.year or None, message.month or None, message.day or None)
    validate_date(date, where)
    return date


# Ids the service gives are short ("002_86a9161970b5fe5c", "story-…"); a caller's own id may be a URL or a path.
MAX_ID_CHARS = 256
MAX_EXTERNAL_ID_CHARS = 2048


def identifier(value: str, field: str, limit: int = MAX_ID_CHARS) -> str:
    if len(value) > limit:
        raise InvalidInput(f"{field}: {len(value):,} characters; an id is at most {limit:,}")
    return value


def article_input(message: pb.ArticleInput, where: str) -> ArticleInput:
    """Raises InvalidInput naming `where` (e.g. "articles[2] (x.txt)") for what cannot be an article."""
    identifier(message.external_id, f"{where}: external_id", MAX_EXTERNAL_ID_CHARS)
    text = message.text
    if message.data:
        if text:
            raise InvalidInput(f"{where}: give text or data, not both")
        try:
            text = message.data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InvalidInput(
                f"{where}: data is not UTF-8 (byte 0x{message.data[exc.start]:02x} at offset {exc.start})"
            ) from None
    content_type = HTML if message.content_type == pb.CONTENT_TYPE_HTML else "text/plain"
    return ArticleInput(
        text=text,
        source=message.source.strip(),
        url=message.url.strip(),
        title=message.title.strip(),
        published=partial_date_in(message.published, f"{where}: published"),
        content_type=content_type,
        external_id=message.external_id,
    )


def where(index: int, message: pb.ArticleInput) -> str:
    return f"articles[{index}]" + (f" ({shown(message.external_id)[1:-1]})" if message.external_id else "")


def datetime_in(timestamp: Timestamp, field: str) -> dt.datetime | None:
    if not timestamp.seconds and not timestamp.nanos:
        return None
    try:
        return timestamp.ToDatetime(tzinfo=dt.timezone.utc)
    except (ValueError, OverflowError) as exc:
        raise InvalidInput(f"{field}: not a valid timestamp ({exc})") from None


def timestamp(value: dt.datetime) -> Timestamp:
    stamp = Timestamp()
    stamp.FromDatetime(value.astimezone(dt.timezone.utc))
    return stamp


# ------------------------------------------------------------------------------------------------ responses


def span(value: Span | None) -> pb.Span | None:
    return pb.Span(start=value.start, end=value.end) if value is not None else None


def partial_date(value: PartialDate | None) -> pb.PartialDate | None:
    if value is None:
        return None
    return pb.PartialDate(year=value.year or 0, month=value.month or 0, day=value.day or 0)


def article(value: Article, *, with_text: bool = True, story_id: str = "", topic_id: str = "",
            claim_count: int = 0) -> pb.Article:
    return pb.Article(
        id=value.id,
        content_hash=value.content_hash,
        source=value.source,
        url=value.url,
        title=value.title,
        title_span=span(value.title_span),
        published=partial_date(value.published),
        published_span=span(value.published_span),
        content_type=pb.CONTENT_TYPE_HTML if value.content_type == HTML else pb.CONTENT_TYPE_TEXT,
        text=value.text if with_text else "",
        external_id=value.external_id,
        paragraphs=[span(p) for p in value.paragraphs],
        story_id=story_id,
        topic_id=topic_id,
        claim_count=claim_count,
    )


def summary(value: ArticleSummary, *, with_text: bool = False) -> pb.Article:
    return article(value.article, with_text=with_text, story_id=value.story_id, topic_id=value.topic_id,
                   claim_count=value.claim_count)


def time_expression(t: TimeExpression) -> pb.TimeExpression:
    return pb.TimeExpression(
        span=span(t.span),
        text=t.text,
        type=pb.TimeType.Value(f"TIME_TYPE_{t.type.value}"),
        value=t.value,
        granularity=(pb.GRANULARITY_UNSPECIFIED if t.granularity.value == "UNKNOWN"
                     else pb.Granularity.Value(f"GRANULARITY_{t.granularity.value}")),
        begin=t.begin.isoformat() if t.begin else "",
        end=t.end.isoformat() if t.end else "",
        vague=t.vague,
        relative=t.relative,
        modifier=t.modifier,
        anchor=partial_date(t.anchor),
    )


def quantity(q: Quantity) -> pb.Quantity:
    return pb.Quantity(span=span(q.span), text=q.text, value=q.value, low=q.low, high=q.high, unit=q.unit,
                       counts=q.counts, approximate=q.approximate, hedge=q.hedge)


def quote(q: Quote) -> pb.Quote:
    return pb.Quote(
        span=span(q.span), parts=[span(p) for p in q.parts], text=q.text,
        kind=pb.QuoteKind.Value(f"QUOTE_KIND_{q.kind.value}"), speaker=q.speaker,
        speaker_span=span(q.speaker_span), speaker_title=q.speaker_title, cue=q.cue, cue_span=span(q.cue_span),
        intermediary=q.intermediary,
    )


def entity(e: Entity) -> pb.Entity:
    return pb.Entity(span=span(e.span), text=e.text, kind=pb.EntityKind.Value(f"ENTITY_KIND_{e.kind.value}"),
                     canonical=e.canonical, title=e.title, role=e.role, title_span=span(e.title_span))


def sentence(s: Sentence) -> pb.Sentence:
    return pb.Sentence(index=s.index, span=span(s.span), text=s.text, paragraph=s.paragraph)


def claim(c: Claim) -> pb.Claim:
    return pb.Claim(
        id=c.id, article_id=c.article_id, sentence_index=c.sentence, span=span(c.span), text=c.text,
        times=[time_expression(t) for t in c.times], quantities=[quantity(q) for q in c.quantities],
        quotes=[quote(q) for q in c.quotes], entities=[entity(e) for e in c.entities],
        negated=c.polarity.negated, polarity_cue=c.polarity.cue, unit=c.unit,
    )


def extraction(value: Extraction, *, story_id: str = "", topic_id: str = "") -> tuple[pb.Article, list, list]:
    return (
        article(value.article, story_id=story_id, topic_id=topic_id, claim_count=len(value.claims)),
        [sentence(s) for s in value.sentences],
        [claim(c) for c in value.claims],
    )


def _evidence(e: Evidence) -> pb.Evidence:
    return pb.Evidence(article_id=e.article_id, source=e.source, sentence=e.sentence, span=span(e.span),
                       value=e.value, claim_id=e.claim_id, cue=e.cue)


def _diff(d: DiffEntry) -> pb.DiffEntry:
    category = (pb.DIFF_CATEGORY_UNSPECIFIED if d.category.value == "NONE"
                else pb.DiffCategory.Value(f"DIFF_CATEGORY_{d.category.value}"))
    return pb.DiffEntry(op=pb.DiffOp.Value(f"DIFF_OP_{d.op.value}"), a=d.a, b=d.b, category=category)


def finding(f: Finding) -> pb.Finding:
    return pb.Finding(
        kind=_kind(f.kind),
        severity=_severity(f.severity),
        confidence=f.confidence,
        explanation=f.explanation,
        evidence=[_evidence(e) for e in f.evidence],
        diff=[_diff(d) for d in f.diff],
        story_id=f.story_id,
        key=f.key,
    )


def story(view: StoryView) -> pb.Story:
    first = view.articles[0].article if view.articles else None
    return pb.Story(id=view.story_id, topic_id=view.topic_id, title=first.title if first else "",
                    articles=[summary(s) for s in view.articles])


# ------------------------------------------------------------------------------------------------ reports


def _kind(value: FindingKind) -> int:
    return pb.FindingKind.Value(f"FINDING_KIND_{value.value}")


def _severity(value: Severity) -> int:
    return pb.Severity.Value(f"SEVERITY_{value.value}")


def _report_story(s: report_records.ReportStory) -> pb.ReportStory:
    return pb.ReportStory(
        story_id=s.story_id, title=s.title, articles=[summary(a) for a in s.articles],
        discrepancies=[finding(f) for f in s.discrepancies], agreements=[finding(f) for f in s.agreements],
        corroborations=[pb.Corroboration(claim=c.claim, sources=c.sources) for c in s.corroborations],
        uncorroborated=[finding(f) for f in s.uncorroborated],
    )


def report(value: report_records.Report) -> pb.Report:
    totals = value.totals
    changes = value.changes
    message = pb.Report(
        id=value.id,
        since=timestamp(value.since),
        until=timestamp(value.until),
        totals=pb.ReportTotals(
            articles=totals.articles, sources=totals.sources, stories=totals.stories, claims=totals.claims,
            undated=totals.undated,
            findings=[pb.FindingCount(kind=_kind(c.kind), severity=_severity(c.severity), count=c.count)
                      for c in totals.findings],
        ),
        stories=[_report_story(s) for s in value.stories],
        matrix=[pb.SourcePair(source_a=p.source_a, source_b=p.source_b, aligned=p.aligned, agreed=p.agreed,
                              agreement=p.agreement) for p in value.matrix],
        sources=[pb.SourceStats(source=s.source, articles=s.articles, claims=s.claims,
                                discrepancies=s.discrepancies, discrepancy_rate=s.discrepancy_rate)
                 for s in value.sources],
        timeline=[pb.TimelineEntry(article_id=e.article_id, source=e.source, title=e.title,
                                   published=partial_date(e.published), findings=e.findings,
                                   discrepancies=e.discrepancies) for e in value.timeline],
        changes=pb.ReportChanges(previous_report_id=changes.previous_report_id,
                                 new_findings=changes.new_findings, resolved_findings=changes.resolved_findings,
                                 new_articles=changes.new_articles),
        content_digest=value.content_digest,
        undated=[summary(a) for a in value.undated],
    )
    if value.created is not None:
        message.created.CopyFrom(timestamp(value.created))
    return message
