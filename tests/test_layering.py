"""Dependencies point one way: the domain knows no transport, and the server does not need the client."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SERVICE = ROOT / "service"


def _service_modules_matching(pattern: str) -> list[str]:
    found = []
    for path in sorted(SERVICE.rglob("*.py")):
        if re.search(pattern, path.read_text(), flags=re.MULTILINE):
            found.append(str(path.relative_to(ROOT)))
    return found


def test_domain_errors_import_no_transport():
    code = "import sys, service.errors; print('grpc' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_server_does_not_import_the_client():
    assert _service_modules_matching(r"^\s*(from client\b|import client\b)") == []


def test_protobuf_only_at_the_edge():
    edge = {"service/convert.py", "service/servicer.py", "service/server.py"}
    assert set(_service_modules_matching(r"_pb2")) <= edge


def test_finding_kinds_are_defined_once_for_service_and_wire():
    from crosscheck_proto import crosscheck_pb2 as pb
    from crosscheck_proto.kinds import KIND_ORDER, is_discrepancy_kind
    from crosscheck_render import from_message, labels
    from service.compare.evidence import is_discrepancy
    from service.records import Finding, FindingKind, Severity

    assert sorted(KIND_ORDER) == sorted(k.value for k in FindingKind)
    wire = [n.removeprefix("FINDING_KIND_") for n in pb.FindingKind.keys() if n != "FINDING_KIND_UNSPECIFIED"]
    assert sorted(KIND_ORDER) == sorted(wire)
    for kind in FindingKind:
        record = Finding(kind=kind, severity=Severity.MINOR, explanation="", evidence=(), confidence=0.5)
        message = pb.Finding(kind=pb.FindingKind.Value(f"FINDING_KIND_{kind.value}"))
        (rendered,) = from_message(pb.Report(stories=[pb.ReportStory(discrepancies=[message])])).stories[0].discrepancies
        assert is_discrepancy(record) == labels.is_discrepancy(rendered) == is_discrepancy_kind(kind.value)
    assert not is_discrepancy_kind("AGREEMENT") and is_discrepancy_kind("FINDING_KIND_DATE_MISMATCH")


def test_one_person_identity_rule():
    found = _service_modules_matching(r"^def same_person\b")
    assert found == ["service/people/names.py"]


def test_one_rule_for_times_without_a_zone():
    found = []
    for folder in ("service", "client", "crosscheck_render"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            if re.search(r"\.replace\(tzinfo=(?:dt\.)?timezone\.utc\)", path.read_text()):
                found.append(str(path.relative_to(ROOT)))
    assert found == ["client/api.py"]


def test_the_renderers_read_records_not_protobuf():
    """Only the wire adapter of the report formats knows the message; the formats themselves read records."""
    found = [str(p.relative_to(ROOT)) for p in sorted((ROOT / "crosscheck_render").rglob("*.py"))
             if re.search(r"_pb2|google\.protobuf", p.read_text())]
    assert found == ["crosscheck_render/wire.py"]
