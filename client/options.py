"""The `crosscheck` argument parser: every option with a one-line meaning, every command with an example.

The connection options (--address, --timeout, --json, --token, --tls-*) are accepted before the command as well as after it, as
git, docker and kubectl accept theirs: the top-level parser holds their defaults, and each command repeats them
with SUPPRESS defaults, so a value given after the command overrides one given before it and an absent one
leaves the top-level default alone.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
from importlib import metadata

from client.api import DEFAULT_ADDRESS, DEFAULT_TIMEOUT, aware
from crosscheck_proto import crosscheck_pb2 as pb

EXIT_CODES = ("Exit codes: 0 ok; 1 a finding named by --fail-on exists; 2 usage error (a bad option, a file or "
              "folder that does not exist, a glob matching nothing); 3 server unreachable or not serving; "
              "4 input rejected by the server; 5 server error; 6 a local file could not be read or written; "
              "130 interrupted (Ctrl-C); 141 standard output closed early (| head).")

WINDOW_NOTE = ("A window is whole publication days: --since is the first day included, --until the first day "
               "NOT included (exclusive); --until equal to --since, or --day, means that one day.")


class Parser(argparse.ArgumentParser):
    """Usage errors as one line that says where the help is, not argparse's usage block: the line is what a
    person reads, and the exit code (2) is what a script reads."""

    def error(self, message: str):  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message} (see `{self.prog} --help`)\n")


def version() -> str:
    try:
        return metadata.version("crosscheck")
    except metadata.PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


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
    return aware(value)


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} must be 1 or more")
    return value


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} must not be negative")
    return value


def _kinds(text: str) -> set[int]:
    kinds = set()
    for name in filter(None, (part.strip().upper() for part in text.split(","))):
        try:
            kinds.add(pb.FindingKind.Value("FINDING_KIND_" + name.removeprefix("FINDING_KIND_")))
        except ValueError:
            known = ", ".join(n.removeprefix("FINDING_KIND_") for n in pb.FindingKind.keys()[1:])
            raise argparse.ArgumentTypeError(f"unknown finding kind {name!r} (known: {known})") from None
    return kinds


def _connection(parser: argparse.ArgumentParser, top_level: bool) -> None:
    # Defaults live on the top-level parser only; see the module docstring.
    default = (lambda value: value) if top_level else (lambda value: argparse.SUPPRESS)
    parser.add_argument("--address", default=default(os.environ.get("CROSSCHECK_ADDRESS", DEFAULT_ADDRESS)),
                        metavar="HOST:PORT",
                        help=f"the crosscheck server (env CROSSCHECK_ADDRESS; default {DEFAULT_ADDRESS}), "
                             "e.g. --address crosscheck.internal:50051")
    parser.add_argument("--timeout", type=_seconds, default=default(DEFAULT_TIMEOUT), metavar="SECONDS",
                        help=f"deadline for each call to the server (default {DEFAULT_TIMEOUT:g}), e.g. --timeout 30")
    parser.add_argument("--json", action="store_true", default=default(False),
                        help="print the server's response as proto3 JSON with the proto field names")
    parser.add_argument("--token", default=default(os.environ.get("CROSSCHECK_TOKEN", "")), metavar="TOKEN",
                        help="bearer token for a server started with --tokens (env CROSSCHECK_TOKEN), "
                             "e.g. --token \"$(cat ~/.crosscheck-token)\"")
    parser.add_argument("--tls-ca", default=default(os.environ.get("CROSSCHECK_TLS_CA", "")), metavar="PEM",
                        help="speak TLS, verifying the server with this CA bundle (env CROSSCHECK_TLS_CA), "
                             "e.g. --tls-ca ca.pem")
    parser.add_argument("--tls-cert", default=default(os.environ.get("CROSSCHECK_TLS_CERT", "")), metavar="PEM",
                        help="client certificate for mutual TLS, with --tls-key (env CROSSCHECK_TLS_CERT), "
                             "e.g. --tls-cert me.pem")
    parser.add_argument("--tls-key", default=default(os.environ.get("CROSSCHECK_TLS_KEY", "")), metavar="PEM",
                        help="private key of --tls-cert (env CROSSCHECK_TLS_KEY), e.g. --tls-key me.key")


def _window(parser: argparse.ArgumentParser, parse, what: str) -> None:
    parser.add_argument("--since", type=parse, metavar="DATE",
                        help=f"first publication day {what} (included), e.g. --since 2013-03-25")
    parser.add_argument("--until", type=parse, metavar="DATE",
                        help="first publication day NOT included (exclusive; equal to --since means that one day), "
                             "e.g. --until 2013-03-26")
    parser.add_argument("--day", type=_date, metavar="DATE",
                        help="exactly one publication day, the same as --since DAY --until DAY+1, e.g. --day 2013-03-25")


def _gate(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--fail-on", type=_kinds, default=set(), metavar="KIND,...",
                        help="exit 1 when a finding of one of these kinds exists, e.g. --fail-on DATE_MISMATCH,QUOTE_WORDING")
    parser.add_argument("--no-agreements", action="store_true",
                        help="leave agreements and claims only one source reports out of the output")


def _article_metadata(parser: argparse.ArgumentParser, many: bool) -> None:
    them = "all of them" if many else "it"
    parser.add_argument("--source", default="", metavar="OUTLET",
                        help=f"the outlet that published {them}, shown in every listing and report (detected from "
                             "the text, page or URL when omitted), e.g. --source Reuters")
    parser.add_argument("--published", type=_date, metavar="DATE",
                        help=f"publication day of {them} (read from the page or text when omitted), "
                             "e.g. --published 2013-03-26")
    parser.add_argument("--url", default="", metavar="URL",
                        help=f"where {them} appeared; helps find outlet and date, and reports link to it, "
                             "e.g. --url https://example.com/2013/03/26/story")


def build_parser(commands_run: dict[str, object]) -> argparse.ArgumentParser:
    """`commands_run` maps each command's name to the function that runs it (set as `args.run`)."""
    parser = Parser(
        prog="crosscheck",
        description="Check what news sources agree and differ on, through a crosscheck server.",
        epilog="Examples:\n"
               "  crosscheck --address localhost:50051 health --wait 120\n"
               "  crosscheck ingest seeds/\n"
               "  crosscheck check --day 2013-03-25 --fail-on DATE_MISMATCH\n"
               "  crosscheck report --day 2013-03-25 --format html -o report.html\n\n"
               "`crosscheck COMMAND --help` shows a command's options. " + WINDOW_NOTE + "\n\n" + EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"crosscheck {version()}",
                        help="print the client's version and exit")
    _connection(parser, top_level=True)
    common = argparse.ArgumentParser(add_help=False)
    _connection(common, top_level=False)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help: str, example: str) -> argparse.ArgumentParser:
        p = commands.add_parser(name, help=help, description=help, parents=[common],
                                epilog=f"Example:\n  {example}\n\n{EXIT_CODES}",
                                formatter_class=argparse.RawDescriptionHelpFormatter)
        p.set_defaults(run=commands_run[name])
        return p

    p = command("ingest", "store articles (files, folders, globs)",
                "crosscheck ingest seeds/ 'more/*.html'\n"
                "  crosscheck ingest page.html --url https://example.com/2013/03/26/story "
                "--source 'Eastwire News' --published 2013-03-26")
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="an article file (.txt, .md, .html, ...), a folder of them, or a glob such as 'news/**/*.html'")
    _article_metadata(p, many=True)
    p.add_argument("--window", type=_positive_int, default=16, metavar="N",
                   help="articles sent ahead of their results (default 16): what the client holds in memory, "
                        "e.g. --window 64")
    p.add_argument("--progress", action="store_true",
                   help="one line per article on stderr ([12/40] new NAME), also when stderr is not a terminal")

    p = command("extract", "show the sentences, claims, dates, numbers, quotes and people of one article "
                           "(stores nothing)", "crosscheck extract seeds/000_09de25b5ce3095c1.txt")
    p.add_argument("path", metavar="FILE", help="one article file")
    _article_metadata(p, many=False)

    p = command("compare", "compare two or more article files without storing them",
                "crosscheck compare a.txt b.txt --fail-on DATE_MISMATCH,NUMBER_MISMATCH")
    p.add_argument("paths", nargs="+", metavar="PATH", help="article files, folders or globs (two articles or more)")
    _gate(p)

    p = command("check", "compare stored articles: by ids, by story, or by publication window",
                "crosscheck check --day 2013-03-25 --fail-on QUOTE_ATTRIBUTION\n"
                "  crosscheck check --since 2013-03-01 --until 2013-04-01")
    p.add_argument("article_ids", nargs="*", metavar="ARTICLE_ID", help="stored articles (see `crosscheck articles`)")
    p.add_argument("--story", default="", metavar="STORY_ID",
                   help="one story's articles (see `crosscheck stories`), e.g. --story story-f27275728be752d4388c")
    _window(p, _date, "checked")
    _gate(p)

    p = command("articles", "list stored articles, or show one with its claims",
                "crosscheck articles --limit 10\n  crosscheck articles f27275728be752d4388c")
    p.add_argument("id", nargs="?", metavar="ARTICLE_ID", help="show this article with its claims")
    p.add_argument("--limit", type=_positive_int, default=50, metavar="N",
                   help="list at most this many, newest first (default 50), e.g. --limit 10")
    p.add_argument("--all", action="store_true", help="list every stored article (ignores --limit)")

    p = command("stories", "list stories (articles about the same event)", "crosscheck stories --day 2013-03-25")
    _window(p, _date, "listed")

    p = command("report", "a consistency report for a publication window",
                "crosscheck report --day 2013-03-25 --format html -o report.html\n"
                "  crosscheck report --nightly --timezone Europe/Moscow --format md -o yesterday.md")
    _window(p, _datetime, "covered (a time too: 2013-03-25T00:00+03:00)")
    p.add_argument("--nightly", action="store_true",
                   help="the previous calendar day in --timezone (for cron or a systemd timer)")
    p.add_argument("--timezone", default=os.environ.get("CROSSCHECK_TIMEZONE", "UTC"), metavar="ZONE",
                   help="IANA time zone whose calendar --nightly follows (env CROSSCHECK_TIMEZONE; default UTC), "
                        "e.g. --timezone Europe/London")
    p.add_argument("--format", choices=("md", "json", "html"), default="md",
                   help="md for chat and e-mail, html for a browser, json for programs (default md), "
                        "e.g. --format html")
    p.add_argument("-o", "--output", metavar="FILE",
                   help="write the report to this file (atomically; its folder must exist) instead of standard "
                        "output, e.g. -o reports/2013-03-25.html")
    p.add_argument("--rebuild", action="store_true",
                   help="build the report again even if one for this window is stored (it then says what changed)")

    p = command("health", "ask whether the server is serving (its model loaded)", "crosscheck health --wait 120")
    p.add_argument("--wait", type=_seconds, default=0, metavar="SECONDS",
                   help="wait up to this long for the server to be SERVING (default: ask once), e.g. --wait 120")
    return parser
