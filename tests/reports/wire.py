"""The report operations as a caller of the API receives them: the service's report records converted to the
`Report` message at the edge, exactly as the servicer does, so tests can read them as the renderers do."""

from __future__ import annotations

from crosscheck_proto import crosscheck_pb2 as pb
from service import convert
from service.reports import service


def build_report(*args, **kwargs) -> pb.Report:
    return convert.report(service.build_report(*args, **kwargs))


def build_or_get_report(*args, **kwargs) -> pb.Report:
    return convert.report(service.build_or_get_report(*args, **kwargs))


def list_reports(*args, **kwargs) -> list[pb.Report]:
    return [convert.report(r) for r in service.list_reports(*args, **kwargs)]
