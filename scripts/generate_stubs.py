"""Regenerate the committed Python stubs from proto/: `python scripts/generate_stubs.py`.

The stubs are the top-level package `crosscheck_proto`, which the server and the client both import (neither
imports the other for them). protoc writes absolute imports (`from crosscheck.v1 import crosscheck_pb2`), so the
grpc module's import is rewritten to a package-relative one.
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROTO_ROOT = ROOT / "proto"
PROTO_FILE = PROTO_ROOT / "crosscheck" / "v1" / "crosscheck.proto"
OUT_DIR = ROOT / "crosscheck_proto"
GENERATED = ("crosscheck_pb2.py", "crosscheck_pb2.pyi", "crosscheck_pb2_grpc.py")


def generate(out_dir: Path) -> list[Path]:
    """Write the generated modules into out_dir; returns their paths."""
    import grpc_tools
    from grpc_tools import protoc

    well_known = Path(grpc_tools.__file__).parent / "_proto"
    with tempfile.TemporaryDirectory() as tmp:
        args = [
            "protoc",
            f"-I{PROTO_ROOT}",
            f"-I{well_known}",
            f"--python_out={tmp}",
            f"--pyi_out={tmp}",
            f"--grpc_python_out={tmp}",
            str(PROTO_FILE),
        ]
        if protoc.main(args) != 0:
            raise SystemExit("protoc failed")
        produced = Path(tmp) / "crosscheck" / "v1"
        out_dir.mkdir(parents=True, exist_ok=True)
        paths = []
        for name in GENERATED:
            text = (produced / name).read_text()
            text = re.sub(r"^from crosscheck\.v1 import", "from . import", text, flags=re.MULTILINE)
            target = out_dir / name
            target.write_text(text)
            paths.append(target)
    return paths


INIT_DOC = (
    '"""The wire contract for both sides: modules generated from proto/crosscheck/v1/crosscheck.proto by\n'
    'scripts/generate_stubs.py, and `kinds`, written by hand, saying what the contract\'s finding kinds mean."""\n'
)


def main() -> None:
    for name in GENERATED:
        (OUT_DIR / name).unlink(missing_ok=True)  # kinds.py is not generated and stays
    paths = generate(OUT_DIR)
    (OUT_DIR / "__init__.py").write_text(INIT_DOC)
    for path in paths:
        print(path.relative_to(ROOT))


if __name__ == "__main__":
    sys.exit(main())
