"""The client's exceptions; gRPC errors are mapped to these in one place (`from_rpc_error`).

    CrosscheckClientError
    ├── Unavailable      the server cannot be reached, is still loading, or the deadline passed   (CLI exit 3)
    ├── Rejected         the server refused the call: invalid argument, unknown id, no token, ... (CLI exit 4)
    ├── ServerError      the server failed                                                        (CLI exit 5)
    └── Misconfigured    the client's own settings are unusable (a TLS file missing)              (CLI exit 2)
"""

from __future__ import annotations

import grpc


class CrosscheckClientError(Exception):
    exit_code = 5

    def __init__(self, message: str, code: grpc.StatusCode | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


class Unavailable(CrosscheckClientError):
    exit_code = 3


class Rejected(CrosscheckClientError):
    exit_code = 4


class ServerError(CrosscheckClientError):
    exit_code = 5


class Misconfigured(CrosscheckClientError):
    exit_code = 2


_UNAVAILABLE = {grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.DEADLINE_EXCEEDED, grpc.StatusCode.CANCELLED}
_REJECTED = {
    grpc.StatusCode.INVALID_ARGUMENT,
    grpc.StatusCode.NOT_FOUND,
    grpc.StatusCode.FAILED_PRECONDITION,
    grpc.StatusCode.OUT_OF_RANGE,
    grpc.StatusCode.ALREADY_EXISTS,
    grpc.StatusCode.RESOURCE_EXHAUSTED,
    grpc.StatusCode.UNAUTHENTICATED,
    grpc.StatusCode.PERMISSION_DENIED,
}


def from_rpc_error(error: grpc.RpcError, address: str) -> CrosscheckClientError:
    code = error.code() if hasattr(error, "code") else None
    details = (error.details() if hasattr(error, "details") else "") or str(error)
    if code in _UNAVAILABLE:
        return Unavailable(f"server at {address} is unavailable ({code.name}): {details}", code)
    if code in _REJECTED:
        return Rejected(f"{code.name}: {details}", code)
    return ServerError(f"{code.name if code else 'error'}: {details}", code)
