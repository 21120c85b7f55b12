"""The service's exceptions. Each carries the gRPC status code it maps to; the servicer maps them in one place.

    CrosscheckError
    ├── InvalidInput            INVALID_ARGUMENT   (what was wrong, and where: which article, which field)
    │   └── ArticleTooLarge     INVALID_ARGUMENT
    ├── NotFound                NOT_FOUND          (an unknown article, story or report id)
    ├── ModelError              FAILED_PRECONDITION (the model is missing or its weights do not verify)
    ├── StoreError              INTERNAL           (the database failed; the write was rolled back)
    └── NotReady                UNAVAILABLE        (the model is still loading)
"""

from __future__ import annotations

import grpc


class CrosscheckError(Exception):
    code: grpc.StatusCode = grpc.StatusCode.INTERNAL

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidInput(CrosscheckError):
    code = grpc.StatusCode.INVALID_ARGUMENT


class ArticleTooLarge(InvalidInput):
    pass


class NotFound(CrosscheckError):
    code = grpc.StatusCode.NOT_FOUND


class ModelError(CrosscheckError):
    code = grpc.StatusCode.FAILED_PRECONDITION


class StoreError(CrosscheckError):
    code = grpc.StatusCode.INTERNAL


class NotReady(CrosscheckError):
    code = grpc.StatusCode.UNAVAILABLE
