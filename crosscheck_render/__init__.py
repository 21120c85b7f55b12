"""The consistency report in three formats: a self-contained HTML page and Markdown for chat and e-mail, both
rendered from the report records (`crosscheck_render.records`), and the proto3 JSON mapping of the wire message.
`from_message` turns a `Report` message into those records. Pure Python; nothing heavy is imported."""

from __future__ import annotations

from crosscheck_render.html import render_html
from crosscheck_render.markdown import render_markdown
from crosscheck_render.wire import from_message, render_json

__all__ = ["from_message", "render_html", "render_json", "render_markdown"]
