"""The service's exceptions: each names what went wrong, in the domain's terms, and knows nothing of any
transport. The gRPC servicer maps them to status codes in one table (`service.servicer.STATUS_CODES`).

    CrosscheckError
    ├── InvalidInput            the input cannot be processed (what was wrong, and where: which article, field)
    │   └── ArticleTooLarge     the article is longer than the configured limit
    ├── NotFound                an unknown article, story or report id
    ├── ModelError              the model is missing or its weights do not verify
    ├── StoreError              the database failed; the write was rolled back
    └── NotReady                the service is still loading its model
"""

from __future__ import annotations


class CrosscheckError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidInput(CrosscheckError):
    pass


class ArticleTooLarge(InvalidInput):
    pass


class NotFound(CrosscheckError):
    pass


class ModelError(CrosscheckError):
    pass


class StoreError(CrosscheckError):
    pass


class NotReady(CrosscheckError):
    pass
