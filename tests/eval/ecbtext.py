"""ECB+ documents rebuilt as article text: one sentence a line, tokens joined by single spaces.

Shared by the evaluations that run ECB+ articles through crosscheck, so that a span written down against a
rebuilt text (the read gold set of discrepancies) means the same characters in every script. The URL line some
documents open with is kept out: it is no sentence of the article. Each line remembers its ECB+ sentence number,
so annotations keyed by sentence map onto character offsets.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

_URL = re.compile(r"https?\s*:|www\s*\.")


@dataclass(frozen=True)
class EcbText:
    name: str  # file name without ".xml", e.g. "1_10ecbplus"
    topic: int
    text: str
    # (ECB+ sentence number, start, end) of each line of `text`, in order; end exclusive
    lines: tuple[tuple[int, int, int], ...]
    # ECB+ token id -> (start, end) in `text`
    tokens: dict[str, tuple[int, int]]

    def sentence_at(self, offset: int) -> int | None:
        """The ECB+ sentence number of the line holding `offset`."""
        for number, start, end in self.lines:
            if start <= offset < end:
                return number
        return None

    def line_of(self, sentence: int) -> tuple[int, int] | None:
        for number, start, end in self.lines:
            if number == sentence:
                return start, end
        return None


def rebuild(path: Path) -> EcbText:
    root = ET.parse(path).getroot()
    by_sentence: dict[int, list[tuple[str, str]]] = {}
    for token in root.iter("token"):
        by_sentence.setdefault(int(token.get("sentence", "0")), []).append((token.get("t_id", ""), token.text or ""))
    parts: list[str] = []
    lines: list[tuple[int, int, int]] = []
    tokens: dict[str, tuple[int, int]] = {}
    offset = 0
    for number, words in sorted(by_sentence.items()):
        if _URL.search(" ".join(w for _, w in words)):
            continue
        if parts:
            parts.append("\n")
            offset += 1
        start = offset
        for k, (token_id, word) in enumerate(words):
            if k:
                parts.append(" ")
                offset += 1
            tokens[token_id] = (offset, offset + len(word))
            parts.append(word)
            offset += len(word)
        lines.append((number, start, offset))
    name = path.name[: -len(".xml")] if path.name.endswith(".xml") else path.name
    return EcbText(name, int(name.split("_", 1)[0]), "".join(parts), tuple(lines), tokens)


def topic_documents(root: Path, topic: int, part: str = "ecbplus") -> list[Path]:
    """The documents of one topic's event: part "ecbplus" (the *ecbplus.xml files) or "ecb"."""
    folder = Path(root) / str(topic)
    if not folder.is_dir():
        return []
    paths = sorted(folder.glob("*.xml"))
    if part == "ecbplus":
        return [p for p in paths if p.name.endswith("ecbplus.xml")]
    return [p for p in paths if not p.name.endswith("ecbplus.xml")]
