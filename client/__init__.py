"""crosscheck's thin client: a Python API over the generated gRPC stubs, and the `crosscheck` CLI.

Importing it needs only grpcio and protobuf.
"""

from client.api import CrosscheckClient, article_from_path, article_from_text
from client.errors import CrosscheckClientError, Misconfigured, Rejected, ServerError, Unavailable

__all__ = [
    "CrosscheckClient",
    "CrosscheckClientError",
    "Misconfigured",
    "Rejected",
    "ServerError",
    "Unavailable",
    "article_from_path",
    "article_from_text",
]
