"""The `crosscheck` command line: a thin layer over `client.api`.

Exit codes: 0 success; 1 a finding named by --fail-on exists; 2 usage error; 3 server unreachable or
unavailable; 4 the server rejected the input; 5 the server failed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import glob
import os
import sys
from pathlib import Path
from typing import Callable, Sequence

from google.protobuf import json_format

from client import display
from crosscheck_proto import crosscheck_pb2 as pb
from client.api import DEFAULT_ADDRESS, CrosscheckClient, article_from_path
from client.errors import CrosscheckClientError

EXIT_FAIL_ON = 1
EXIT_USAGE = 2
ARTICLE_SUFFIXES = {".txt", ".md", ".html", ".htm", ".xhtml", ".text"}


class UsageError(Exception):
    pass


# ------------------------------------------------------------------------------------------------ arguments


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def _datetime(text: str) -> dt.datetime:
    try:
        value = dt.datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date or time (YYYY-MM-DD[THH:MM[:SS][+HH:MM]])") from None
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)


def _kinds(text: str) -> set[int]:
    kinds = set()
    for name in filter(None, (part.strip().upper() for part in text.split(","))):
        try:
            kinds.add(pb.FindingKind.Value("FINDING_KIND_" + name.removeprefix("FINDING_KIND_")))
        except ValueError:
            known = ", ".join(n.removeprefix("FINDING_KIND_") for n in pb.FindingKind.keys()[1:])
            raise argparse.ArgumentTypeError(f"unknown finding kind {name!r} (known: {known})") from None
    return kinds


def expand_paths(patterns: Sequence[str]) -> list[Path]:
    """Files, folders (their article files, sorted) and globs; raises UsageError for what matches nothing."""
    found: list[Path] = []
    for pattern in patterns:
        matches = [Path(p) for p in sorted(glob.glob(pattern, recursive=True))] or [Path(pattern)]
        for path in matches:
            if path.is_dir():
                found.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES))
            elif path.is_file():
                found.append(path)
            else:
                raise UsageError(f"{pattern}: no such file or folder")
    return list(dict.fromkeys(found))


# ------------------------------------------------------------------------------------------------ output


def _emit(args: argparse.Namespace, message, human: Callable[[], str]) -> None:
    if args.json:
        print(json_format.MessageToJson(message, preserving_proto_field_name=True, indent=2))
    else:
        print(human())


def _gate(args: argparse.Namespace, findings: Sequence[pb.Finding]) -> int:
    if args.fail_on and any(f.kind in args.fail_on for f in findings):
        hit = sorted({display.kind_name(f.kind) for f in findings if f.kind in args.fail_on})
        print(f"failing: found {', '.join(hit)}", file=sys.stderr)
        return EXIT_FAIL_ON
    return 0


class _Progress:
    """A one-line progress bar on stderr when it is a terminal; silent otherwise."""

    def __init__(self, total: int) -> None:
        self.total, self.done = total, 0
        self.enabled = sys.stderr.isatty() and total > 1

    def advance(self, results: list[pb.IngestResult]) -> None:
        self.done += len(results)
        if self.enabled:
            filled = int(30 * self.done / self.total)
            print(f"\r[{'#' * filled}{'.' * (30 - filled)}] {self.done}/{self.total}", end="", file=sys.stderr)
            if self.done >= self.total:
                print(file=sys.stderr)


# ------------------------------------------------------------------------------------------------ commands


def _with_published(article: pb.ArticleInput, published: dt.date | None) -> pb.ArticleInput:
    if published is not None:
        article.published.CopyFrom(pb.PartialDate(year=published.year, month=published.month, day=published.day))
    return article


def cmd_ingest(client: CrosscheckClient, args: argparse.Namespace) -> int:
    paths = expand_paths(args.paths)
    if not paths:
        raise UsageError("no article files found")
    progress = _Progress(len(paths))
    articles = (_with_published(article_from_path(p, source=args.source, url=args.url), args.published)
                for p in paths)
    results = client.ingest(articles, batch_size=args.batch_size, on_batch=progress.advance)
    _emit(args, pb.IngestArticlesResponse(results=results), lambda: display.format_ingest(results))
    return 4 if any(r.error for r in results) else 0


def cmd_extract(client: CrosscheckClient, args: argparse.Namespace) -> int:
    (path,) = expand_paths([args.path])
    article = _with_published(article_from_path(path, source=args.source, url=args.url), args.published)
    response = client.extract(article)
    _emit(args, response, lambda: display.format_extraction(response.article, response.sentences, response.claims))
    return 0


def cmd_compare(client: CrosscheckClient, args: argparse.Namespace) -> int:
    paths = expand_paths(args.paths)
    if len(paths) < 2:
        raise UsageError(f"compare needs two or more articles, got {len(paths)}")
    response = client.compare([article_from_path(p) for p in paths], omit_agreements=args.no_agreements)
    _emit(args, response, lambda: display.format_findings(response.findings, response.articles))
    return _gate(args, response.findings)


def cmd_check(client: CrosscheckClient, args: argparse.Namespace) -> int:
    if bool(args.article_ids) + bool(args.story) + bool(args.since or args.until) != 1:
        raise UsageError("give article ids, or --story, or --since and --until")
    if (args.since or args.until) and not (args.since and args.until):
        raise UsageError("--since and --until go together")
    response = client.check(article_ids=args.article_ids, story_id=args.story, since=args.since, until=args.until,
                            omit_agreements=args.no_agreements)
    _emit(args, response, lambda: display.format_findings(response.findings, response.articles))
    return _gate(args, response.findings)


def cmd_articles(client: CrosscheckClient, args: argparse.Namespace) -> int:
    if args.id:
        response = client.get_article(args.id)
        _emit(args, response, lambda: display.format_extraction(response.article, response.sentences, response.claims))
        return 0
    articles = list(client.iter_articles()) if args.all else list(client.list_articles(args.limit).articles)
    _emit(args, pb.ListArticlesResponse(articles=articles), lambda: display.format_articles(articles))
    return 0


def cmd_stories(client: CrosscheckClient, args: argparse.Namespace) -> int:
    response = client.list_stories(args.since, args.until)
    _emit(args, response, lambda: display.format_stories(response.stories))
    return 0


def cmd_health(client: CrosscheckClient, args: argparse.Namespace) -> int:
    if args.wait:
        client.wait_until_serving(args.wait)
    status = client.health()
    print(status)
    return 0 if status == "SERVING" else 3


def nightly_window(timezone: str, today: dt.date | None = None) -> tuple[dt.datetime, dt.datetime]:
    """The previous calendar day in `timezone`, as [midnight, next midnight)."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        zone = ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise UsageError(f"unknown time zone {timezone!r}") from None
    today = today or dt.datetime.now(zone).date()
    day = today - dt.timedelta(days=1)
    start = dt.datetime(day.year, day.month, day.day, tzinfo=zone)
    return start, start + dt.timedelta(days=1)


def cmd_report(client: CrosscheckClient, args: argparse.Namespace) -> int:
    if args.nightly:
        if args.since or args.until:
            raise UsageError("--nightly chooses the window itself; leave out --since/--until")
        since, until = nightly_window(args.timezone)
    elif args.since and args.until:
        since, until = args.since, args.until
    else:
        raise UsageError("give --since and --until, or --nightly")
    if until <= since:
        raise UsageError("--until must be after --since")
    report = client.get_report(since, until, rebuild=args.rebuild)
    import crosscheck_render as render
    from crosscheck_render.files import write_atomically

    fmt = "json" if args.json else args.format
    text = {"json": render.render_json, "md": render.render_markdown, "html": render.render_html}[fmt](report)
    if args.output and args.output != "-":
        output = Path(args.output)
        write_atomically(output, text)  # never leave a half-written report behind
        print(f"wrote {output} ({len(report.stories)} stories, report {report.id})", file=sys.stderr)
    else:
        print(text)
    return 0


# ------------------------------------------------------------------------------------------------ parser


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--address", default=os.environ.get("CROSSCHECK_ADDRESS", DEFAULT_ADDRESS),
                        help="server host:port (env CROSSCHECK_ADDRESS, default %(default)s)")
    common.add_argument("--timeout", type=float, default=120.0, help="deadline per call in seconds")
    common.add_argument("--json", action="store_true", help="print the response as proto3 JSON (proto field names)")

    gate = argparse.ArgumentParser(add_help=False)
    gate.add_argument("--fail-on", type=_kinds, default=set(), metavar="KIND,...",
                      help="exit 1 when a finding of one of these kinds exists (e.g. DATE_MISMATCH,QUOTE_WORDING)")
    gate.add_argument("--no-agreements", action="store_true", help="leave agreements and uncorroborated claims out")

    parser = argparse.ArgumentParser(
        prog="crosscheck",
        description="Check what news sources agree and differ on, through a crosscheck server.",
        epilog="Exit codes: 0 ok, 1 --fail-on matched, 2 usage error, 3 server unavailable, 4 input rejected, "
               "5 server error.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help: str, example: str, parents=(common,)) -> argparse.ArgumentParser:
        return commands.add_parser(name, help=help, description=help, parents=list(parents),
                                   epilog=f"Example: {example}", formatter_class=argparse.RawDescriptionHelpFormatter)

    p = command("ingest", "store articles (files, folders, globs)",
                "crosscheck ingest seeds/ 'more/*.html'\n"
                "         crosscheck ingest page.html --url https://example.com/2013/03/26/story "
                "--source 'Eastwire News' --published 2013-03-26")
    p.add_argument("paths", nargs="+")
    p.add_argument("--source", default="", help="outlet for all of them (detected per article when omitted)")
    p.add_argument("--published", type=_date,
                   help="publication date (YYYY-MM-DD) for all of them; read from each page or text when omitted")
    p.add_argument("--url", default="", help="where all of them were published (helps find outlet and date)")
    p.add_argument("--batch-size", type=int, default=8)
    p.set_defaults(run=cmd_ingest)

    p = command("extract", "show the sentences, claims, dates, numbers, quotes and people of one article",
                "crosscheck extract seeds/000_09de25b5ce3095c1.txt")
    p.add_argument("path")
    p.add_argument("--source", default="")
    p.add_argument("--published", type=_date, help="publication date (YYYY-MM-DD), detected when omitted")
    p.add_argument("--url", default="", help="where it was published (helps find outlet and date)")
    p.set_defaults(run=cmd_extract)

    p = command("compare", "compare two or more article files without storing them",
                "crosscheck compare a.txt b.txt --fail-on DATE_MISMATCH,NUMBER_MISMATCH", parents=(common, gate))
    p.add_argument("paths", nargs="+")
    p.set_defaults(run=cmd_compare)

    p = command("check", "compare stored articles: by ids, by story, or by publication window",
                "crosscheck check --since 2013-03-01 --until 2013-04-01 --fail-on QUOTE_ATTRIBUTION",
                parents=(common, gate))
    p.add_argument("article_ids", nargs="*")
    p.add_argument("--story", default="", help="a story id (see `crosscheck stories`)")
    p.add_argument("--since", type=_date)
    p.add_argument("--until", type=_date)
    p.set_defaults(run=cmd_check)

    p = command("articles", "list stored articles, or show one", "crosscheck articles --all")
    p.add_argument("id", nargs="?", help="show this article with its claims")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--all", action="store_true", help="every page")
    p.set_defaults(run=cmd_articles)

    p = command("stories", "list stories (articles about the same event)", "crosscheck stories --json")
    p.add_argument("--since", type=_date)
    p.add_argument("--until", type=_date)
    p.set_defaults(run=cmd_stories)

    p = command("report", "a consistency report for a publication window",
                "crosscheck report --since 2013-03-01 --until 2013-04-01 --format html -o report.html")
    p.add_argument("--since", type=_datetime)
    p.add_argument("--until", type=_datetime)
    p.add_argument("--nightly", action="store_true", help="the previous calendar day in --timezone")
    p.add_argument("--timezone", default=os.environ.get("CROSSCHECK_TIMEZONE", "UTC"))
    p.add_argument("--format", choices=("md", "json", "html"), default="md")
    p.add_argument("-o", "--output", help="write to this file (atomically) instead of standard output")
    p.add_argument("--rebuild", action="store_true", help="rebuild even if the window's report is stored")
    p.set_defaults(run=cmd_report)

    p = command("health", "ask whether the server is serving (its model loaded)", "crosscheck health --wait 120")
    p.add_argument("--wait", type=float, default=0, metavar="SECONDS", help="wait up to this long for SERVING")
    p.set_defaults(run=cmd_health)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        with CrosscheckClient(args.address, timeout=args.timeout) as client:
            return args.run(client, args)
    except UsageError as exc:
        print(f"crosscheck {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except CrosscheckClientError as exc:
        print(f"crosscheck {args.command}: {exc.message}", file=sys.stderr)
        return exc.exit_code


if __name__ == "__main__":
    sys.exit(main())
