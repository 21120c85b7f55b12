"""Writing a rendered report to disk so that no reader ever opens half of it: the text goes to a temporary file
in the target's directory (a unique name, so two runs never share one), is flushed to disk, and only then
renamed over the target. Shared by the CLI's `report -o` and the server's nightly files."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def stage(directory: Path, name: str, text: str) -> Path:
    """A durable temporary copy of `text` beside `name`, ready for os.replace; removed again on failure."""
    handle, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=directory)
    try:
        # mkstemp makes the file private (0600); a report is meant to be read, by a web server or a colleague.
        os.fchmod(handle, 0o644)
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return Path(temporary)


def write_atomically(path: Path, text: str) -> None:
    temporary = stage(path.parent, path.name, text)
    try:
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
