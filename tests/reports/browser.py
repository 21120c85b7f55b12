"""Headless Chromium driven from the command line: the DOM as the browser built it (`--dump-dom`) and
screenshots. The dumped DOM is read back into a small tree that tests query by tag, id and class."""

from __future__ import annotations

import shutil
import struct
import subprocess
import tempfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic",
         "--no-first-run", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
         # Belt and braces next to the page's Content-Security-Policy: no host name resolves.
         "--host-resolver-rules=MAP * ~NOTFOUND")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def chromium() -> str | None:
    return next((path for name in CHROMIUM_NAMES if (path := shutil.which(name))), None)


def _run(page: Path, *arguments: str, timeout: float = 60) -> str:
    binary = chromium()
    if binary is None:
        raise RuntimeError("chromium is not installed")
    with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile:
        result = subprocess.run([binary, *FLAGS, f"--user-data-dir={profile}", *arguments, page.resolve().as_uri()],
                                capture_output=True, text=True, timeout=timeout, check=True)
    return result.stdout


def dump_dom(page: Path, width: int = 1280, height: int = 900) -> str:
    """The DOM once the page has loaded, laid out in a window of this size."""
    return _run(page, f"--window-size={width},{height}", "--dump-dom")


def screenshot(page: Path, png: Path, width: int, height: int) -> None:
    _run(page, f"--window-size={width},{height}", f"--screenshot={png.resolve()}")


def png_size(png: Path) -> tuple[int, int]:
    width, height = struct.unpack(">II", png.read_bytes()[16:24])
    return width, height


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    children: list["Element"] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)  # text and children's text, in order

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    @property
    def text(self) -> str:
        return " ".join("".join(self.texts).split())

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()

    def find_all(self, tag: str = "", *, id: str = "", cls: str = "") -> list["Element"]:
        return [e for e in self.walk()
                if (not tag or e.tag == tag) and (not id or e.attrs.get("id") == id) and (not cls or cls in e.classes)]

    def find(self, tag: str = "", *, id: str = "", cls: str = "") -> "Element":
        found = self.find_all(tag, id=id, cls=cls)
        if not found:
            raise LookupError(f"no <{tag or '*'} id={id!r} class={cls!r}>")
        return found[0]


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self._open = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs})
        self._open[-1].children.append(element)
        if tag not in VOID:
            self._open.append(element)

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self._open) - 1, 0, -1):
            if self._open[depth].tag == tag:
                del self._open[depth:]
                return

    def handle_data(self, data: str) -> None:
        for element in self._open:
            element.texts.append(data)


def parse(html: str) -> Element:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root
