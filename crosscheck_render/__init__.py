"""The consistency report in three formats from one message: a self-contained HTML page, Markdown for chat and
e-mail, and the proto3 JSON mapping. Pure Python over the protobuf `Report`; nothing heavy is imported."""

from __future__ import annotations

from google.protobuf import json_format

from crosscheck_proto import crosscheck_pb2 as pb
from crosscheck_render.html import render_html
from crosscheck_render.markdown import render_markdown


def render_json(report: pb.Report) -> str:
    return json_format.MessageToJson(report, preserving_proto_field_name=True)


__all__ = ["render_html", "render_json", "render_markdown"]
