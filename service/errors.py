"""The service's exceptions: each names what went wrong, in the domain's terms, and knows nothing of any
transport. The gRPC servicer maps them to status codes in one table (`service.servicer.STATUS_CODES`).

    CrosscheckError
    ├── InvalidInput            the input cannot be processed (what was wrong, and where: which article, field)
    │   └── ArticleTooLarge     the article is longer than the configured limit
    ├── NotFound                an unknown article, story or report id
    ├── ModelError              the model is missing or its weights do not verify
    ├── StoreError              the database failed; the write was rolled back
    ├── NotReady                the service is still loading its model
    ├── Overloaded              too many calls are running and waiting; retry after `retry_after` seconds
    └── DeadlineExceeded        the caller's deadline passed or it cancelled the call; the rest was not done
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


class Overloaded(CrosscheckError):
    def __init__(self, message: str, retry_after: float) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class DeadlineExceeded(CrosscheckError):
    pass


# A caller's string repeated in a message or a log line is cut to this many characters: a 10 MB id must not make
# a 10 MB error (the transport refuses it) or a 10 MB log line.
SHOWN_CHARS = 80


def shown(value: str, limit: int = SHOWN_CHARS) -> str:
    """`value` quoted for a message, cut with the length it had when it is long."""
    if len(value) <= limit:
        return repr(value)
    return f"{value[:limit]!r}… ({len(value):,} characters)"
