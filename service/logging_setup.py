"""Structured logging: one JSON object per line (or plain text), with the `extra=` fields of each call."""

from __future__ import annotations

import json
import logging
import sys

# Attributes every LogRecord has; anything else on a record came from `extra=` and is logged as a field.
_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry.update({k: v for k, v in vars(record).items() if k not in _STANDARD})
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)


class TextFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        fields = " ".join(f"{k}={v}" for k, v in vars(record).items() if k not in _STANDARD)
        line = f"{self.formatTime(record)} {record.levelname} {record.name}: {record.getMessage()}"
        line = f"{line} {fields}" if fields else line
        if record.exc_info:
            line += "\n" + self.formatException(record.exc_info)
        return line


# Libraries that narrate normal work at INFO: faiss lists every CPU build it tries and fails to find ("Could not
# load library with AVX512 support" is how it picks the build this machine runs, not an error), the model loader
# names the path it loads. Their warnings and errors still come through.
QUIET_LOGGERS = ("faiss", "faiss.loader", "sentence_transformers", "transformers", "huggingface_hub", "filelock",
                 "urllib3", "httpx", "numexpr")


def configure_logging(level: str = "INFO", form: str = "json") -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter() if form == "json" else TextFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    if root.level > logging.DEBUG:  # --log-level DEBUG shows everything, theirs included
        for name in QUIET_LOGGERS:
            logging.getLogger(name).setLevel(logging.WARNING)
    # Python warnings (deprecations from libraries) become log records, so stderr stays one JSON object a line.
    logging.captureWarnings(True)
