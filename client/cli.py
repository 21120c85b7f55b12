"""The `crosscheck` command line: a thin layer over `client.api`.

Exit codes: 0 success; 1 a finding named by --fail-on exists; 2 usage error; 3 server unreachable or
unavailable; 4 the server rejected the input; 5 the server failed; 6 a local file could not be read or written;
130 interrupted. Every failure is one line on stderr: a cron job reads the code, a person reads the line.
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
from client.api import CrosscheckClient, article_from_path
from client.errors import CrosscheckClientError
from client.options import build_parser as _build_parser
from client.windows import WindowError, day_window, nightly_window
from crosscheck_proto import crosscheck_pb2 as pb

EXIT_FAIL_ON = 1
EXIT_USAGE = 2
EXIT_LOCAL_FILE = 6
EXIT_INTERRUPTED = 130  # 128 + SIGINT, what shells report for a command stopped by Ctrl-C
EXIT_PIPE_CLOSED = 141  # 128 + SIGPIPE: the reader of standard output (`| head`) stopped reading
ARTICLE_SUFFIXES = {".txt", ".md", ".html", ".htm", ".xhtml", ".text"}
_GLOB_CHARACTERS = set("*?[")

__all__ = ["main", "build_parser", "expand_paths", "nightly_window", "UsageError", "LocalFileError"]


class UsageError(Exception):
    """The command line names something that cannot work: exit 2."""


class LocalFileError(Exception):
    """A file on this machine could not be read or written: exit 6."""


# ------------------------------------------------------------------------------------------------ inputs


def expand_paths(patterns: Sequence[str]) -> list[Path]:
    """Files, folders (their article files, sorted) and globs; raises UsageError for what matches nothing."""
    found: list[Path] = []
    for pattern in patterns:
        matches = [Path(p) for p in sorted(glob.glob(pattern, recursive=True))]
        if not matches:
            if _GLOB_CHARACTERS & set(pattern):
                raise UsageError(f"{pattern}: no file matches this pattern")
            raise UsageError(f"{pattern}: no such file or folder")
        for path in matches:
            if path.is_dir():
                inside = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
                if not inside and not _GLOB_CHARACTERS & set(pattern):
                    suffixes = ", ".join(sorted(ARTICLE_SUFFIXES))
                    raise UsageError(f"{pattern}: the folder holds no article files ({suffixes})")
                found.extend(inside)
            elif path.is_file():
                found.append(path)
            else:  # a dangling link, or a socket: nothing an article can be read from
                raise UsageError(f"{path}: no such file or folder (or not a regular file)")
    return list(dict.fromkeys(found))


def _read(path: Path, **metadata: str) -> pb.ArticleInput:
    try:
        return article_from_path(path, **metadata)
    except OSError as exc:
        raise LocalFileError(f"cannot read {path}: {exc.strerror or exc}") from None


def _check_output(output: str | None) -> Path | None:
    """Checked before the server is asked, so a typo in -o costs nothing and says so plainly."""
    if not output or output == "-":
        return None
    path = Path(output)
    if path.is_dir():
        raise UsageError(f"-o {output}: is a folder; give a file name in it")
    folder = path.parent
    if not folder.is_dir():
        raise UsageError(f"-o {output}: the folder {folder} does not exist")
    return path


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
    articles = (_with_published(_read(p, source=args.source, url=args.url), args.published) for p in paths)
    results = client.ingest(articles, batch_size=args.batch_size, on_batch=progress.advance)
    _emit(args, pb.IngestArticlesResponse(results=results), lambda: display.format_ingest(results))
    if args.source and any(not r.created and not r.error for r in results):
        # Identity is the content: a duplicate keeps the outlet it was first stored with.
        print("note: duplicates keep the outlet they were first stored with; --source applies to new articles",
              file=sys.stderr)
    return 4 if any(r.error for r in results) else 0


def cmd_extract(client: CrosscheckClient, args: argparse.Namespace) -> int:
    paths = expand_paths([args.path])
    if len(paths) != 1:
        raise UsageError(f"{args.path}: extract takes one article file, this names {len(paths)}")
    article = _with_published(_read(paths[0], source=args.source, url=args.url), args.published)
    response = client.extract(article)
    _emit(args, response, lambda: display.format_extraction(response.article, response.sentences, response.claims))
    return 0


def cmd_compare(client: CrosscheckClient, args: argparse.Namespace) -> int:
    paths = expand_paths(args.paths)
    if len(paths) < 2:
        raise UsageError(f"compare needs two or more articles, got {len(paths)}")
    response = client.compare([_read(p) for p in paths], omit_agreements=args.no_agreements)
    _emit(args, response, lambda: display.format_findings(response.findings, response.articles))
    return _gate(args, response.findings)


def cmd_check(client: CrosscheckClient, args: argparse.Namespace) -> int:
    window = day_window(args.since, args.until, args.day)
    if bool(args.article_ids) + bool(args.story) + bool(window) != 1:
        raise UsageError("give article ids, or --story, or a window (--day, or --since and --until)")
    since, until = window or (None, None)
    response = client.check(article_ids=args.article_ids, story_id=args.story, since=since, until=until,
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
    since, until = day_window(args.since, args.until, args.day) or (None, None)
    response = client.list_stories(since, until)
    _emit(args, response, lambda: display.format_stories(response.stories))
    return 0


def cmd_health(client: CrosscheckClient, args: argparse.Namespace) -> int:
    if args.wait:
        client.wait_until_serving(args.wait)
    status = client.health()
    print(status)
    return 0 if status == "SERVING" else 3


def cmd_report(client: CrosscheckClient, args: argparse.Namespace) -> int:
    if args.nightly:
        if args.since or args.until or args.day:
            raise UsageError("--nightly chooses the window itself; leave out --since, --until and --day")
        since, until = nightly_window(args.timezone)
    else:
        window = day_window(args.since, args.until, args.day)
        if window is None:
            raise UsageError("give --day, or --since and --until, or --nightly")
        since, until = window
    output = _check_output(args.output)
    report = client.get_report(since, until, rebuild=args.rebuild)
    import crosscheck_render as render
    from crosscheck_render.files import write_atomically

    fmt = "json" if args.json else args.format
    if fmt == "json":
        text = render.render_json(report)
    else:
        text = {"md": render.render_markdown, "html": render.render_html}[fmt](render.from_message(report))
    if output is None:
        print(text)
        return 0
    try:
        write_atomically(output, text)  # never leave a half-written report behind
    except OSError as exc:
        raise LocalFileError(f"cannot write {output}: {exc.strerror or exc}") from None
    print(f"wrote {output} ({display.plural(len(report.stories), 'story', 'stories')}, report {report.id})",
          file=sys.stderr)
    return 0


COMMANDS = {"ingest": cmd_ingest, "extract": cmd_extract, "compare": cmd_compare, "check": cmd_check,
            "articles": cmd_articles, "stories": cmd_stories, "report": cmd_report, "health": cmd_health}


def build_parser() -> argparse.ArgumentParser:
    return _build_parser(COMMANDS)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    name = f"crosscheck {args.command}"
    try:
        with CrosscheckClient(args.address, timeout=args.timeout, token=args.token, tls_ca=args.tls_ca,
                              tls_cert=args.tls_cert, tls_key=args.tls_key) as client:
            return args.run(client, args)
    except (UsageError, WindowError) as exc:
        print(f"{name}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except LocalFileError as exc:
        print(f"{name}: error: {exc}", file=sys.stderr)
        return EXIT_LOCAL_FILE
    except CrosscheckClientError as exc:
        print(f"{name}: {exc.message}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:
        # Nothing left to tell a reader who has gone; point stdout at /dev/null so the exit flush is quiet too.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_PIPE_CLOSED
    except KeyboardInterrupt:
        # An interrupted report never replaces the old file (it is renamed into place only when whole), and an
        # interrupted ingest keeps the articles the server already stored: both are safe to run again.
        print(f"\n{name}: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED


if __name__ == "__main__":
    sys.exit(main())
