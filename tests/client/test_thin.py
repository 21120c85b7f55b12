"""The client stays thin: importing it, and running any CLI command, never imports the service's heavy stack."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("torch", "sentence_transformers", "sklearn", "spacy", "numpy", "service")

PROBE = """
import sys
{body}
heavy = [m for m in {heavy!r} if m in sys.modules]
print("HEAVY=" + ",".join(heavy))
"""


def _imported_heavy(body: str) -> str:
    code = PROBE.format(body=body, heavy=HEAVY)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return out.strip().splitlines()[-1].removeprefix("HEAVY=")


def test_importing_client_imports_nothing_heavy():
    assert _imported_heavy("import client, client.cli, client.display, crosscheck_render") == ""


def test_cli_help_and_a_command_import_nothing_heavy():
    body = """
from client.cli import main
for argv in (["--help"], ["report", "--help"], ["articles", "--address", "localhost:1", "--timeout", "0.5"]):
    try:
        main(argv)
    except SystemExit:
        pass
"""
    assert _imported_heavy(body) == ""
