"""The seed articles, read once per test session."""

from __future__ import annotations

import functools
from pathlib import Path

SEEDS_DIR = Path(__file__).resolve().parents[2] / "seeds"


@functools.cache
def seed_text(prefix: str) -> str:
    (path,) = SEEDS_DIR.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


SEED_IDS = ("000", "001", "002", "003", "004")
