"""The committed stubs are what `python scripts/generate_stubs.py` makes of proto/ today."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_generated_stubs_are_up_to_date(tmp_path):
    spec = importlib.util.spec_from_file_location("generate_stubs", ROOT / "scripts" / "generate_stubs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for fresh in module.generate(tmp_path):
        committed = ROOT / "crosscheck_proto" / fresh.name
        assert committed.read_text() == fresh.read_text(), (
            f"{committed} is stale: run `python scripts/generate_stubs.py` and commit the result"
        )


def test_every_message_and_field_of_the_contract_is_documented():
    lines = (ROOT / "proto" / "crosscheck" / "v1" / "crosscheck.proto").read_text().splitlines()
    undocumented = []
    for number, line in enumerate(lines):
        stripped = line.strip()
        declares = stripped.startswith(("message ", "enum ", "rpc ", "service ")) or (
            "=" in stripped and stripped.endswith(";") and not stripped.startswith(("option", "syntax", "//"))
        )
        if declares and not lines[number - 1].strip().startswith("//"):
            undocumented.append(f"{number + 1}: {stripped}")
    assert not undocumented
