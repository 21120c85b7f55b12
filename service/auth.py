"""Bearer tokens with scopes, checked by a server interceptor before any method runs.

The tokens file holds one token a line, hashed: `<name> <scopes> <sha256 of the token>`, scopes a comma-separated
subset of read, write, admin; `#` starts a comment. The server never sees a token in clear except in a call's
metadata, and compares hashes. `python -m service.auth hash` prints the line for a token read from stdin.

What each scope allows: `read` every call that stores no article (articles, stories, reports, extract, compare,
check, report building) and server reflection; `write` ingest; `admin` everything. Health is open to all, so that
load balancers need no token.
"""

from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Awaitable, Callable

import grpc

from service.errors import InvalidInput

SCOPES = frozenset({"read", "write", "admin"})
SERVICE = "/crosscheck.v1.CrosscheckService/"
OPEN_PREFIXES = ("/grpc.health.v1.Health/",)
REFLECTION_PREFIX = "/grpc.reflection."
# The scope a method needs; admin implies every scope.
METHOD_SCOPES = {
    "IngestArticles": "write",
    "IngestStream": "write",
    "GetArticle": "read",
    "ListArticles": "read",
    "Extract": "read",
    "Compare": "read",
    "Check": "read",
    "ListStories": "read",
    "GetReport": "read",
    "ListReports": "read",
}


@dataclass(frozen=True, slots=True)
class Grant:
    name: str
    scopes: frozenset[str]


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def load_tokens(path: Path) -> dict[str, Grant]:
    """sha256 -> grant. Raises InvalidInput naming the line for a malformed file."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InvalidInput(f"tokens file {path}: {exc.strerror or exc}") from None
    grants: dict[str, Grant] = {}
    for number, line in enumerate(lines, 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split()
        if len(parts) != 3:
            raise InvalidInput(f"tokens file {path}, line {number}: expected '<name> <scopes> <sha256>'")
        name, scopes_text, digest = parts
        scopes = frozenset(scopes_text.split(","))
        if not scopes <= SCOPES:
            raise InvalidInput(f"tokens file {path}, line {number}: unknown scope(s) "
                               f"{', '.join(sorted(scopes - SCOPES))}; scopes are read, write, admin")
        if len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
            raise InvalidInput(f"tokens file {path}, line {number}: the third field must be the token's "
                               "sha256 in hex (python -m service.auth hash)")
        grants[digest] = Grant(name, scopes)
    if not grants:
        raise InvalidInput(f"tokens file {path}: no tokens in it")
    return grants


def required_scope(method: str) -> str | None:
    """The scope `method` (a full gRPC method name) needs; None when it is open to all."""
    if method.startswith(OPEN_PREFIXES):
        return None
    if method.startswith(SERVICE):
        return METHOD_SCOPES.get(method.removeprefix(SERVICE), "admin")
    if method.startswith(REFLECTION_PREFIX):
        return "read"
    return "admin"


def _bearer(metadata: Any) -> str:
    for key, value in metadata or ():
        if key == "authorization":
            text = value.decode() if isinstance(value, bytes) else value
            scheme, _, token = text.partition(" ")
            return token.strip() if scheme.lower() == "bearer" else ""
    return ""


def _refusal(code: grpc.StatusCode, message: str, handler: grpc.RpcMethodHandler | None) -> grpc.RpcMethodHandler:
    """A handler of the same kind as the method's own (unary or streaming), so the transport reads the call the
    way the caller sends it, that fails the call with `code` before any of it runs."""

    async def refuse(request: Any, context: grpc.aio.ServicerContext) -> Any:
        await context.abort(code, message)

    if handler is not None and handler.request_streaming and handler.response_streaming:
        async def refuse_stream(requests: Any, context: grpc.aio.ServicerContext) -> Any:
            await context.abort(code, message)
            yield  # an async generator, as a response-streaming handler must be

        return grpc.stream_stream_rpc_method_handler(refuse_stream)
    return grpc.unary_unary_rpc_method_handler(refuse)


class TokenInterceptor(grpc.aio.ServerInterceptor):
    def __init__(self, grants: dict[str, Grant]) -> None:
        self._grants = grants

    async def intercept_service(
        self, continuation: Callable[[grpc.HandlerCallDetails], Awaitable[grpc.RpcMethodHandler]],
        details: grpc.HandlerCallDetails,
    ) -> grpc.RpcMethodHandler:
        scope = required_scope(details.method)
        if scope is None:
            return await continuation(details)
        token = _bearer(details.invocation_metadata)
        if not token:
            return _refusal(grpc.StatusCode.UNAUTHENTICATED,
                            "this server needs a bearer token: pass --token or set CROSSCHECK_TOKEN",
                            await continuation(details))
        # Looked up by the token's sha256: how long a lookup takes tells nothing about a token it did not find.
        grant = self._grants.get(token_hash(token))
        if grant is None:
            return _refusal(grpc.StatusCode.UNAUTHENTICATED, "the bearer token is not one this server knows",
                            await continuation(details))
        if scope not in grant.scopes and "admin" not in grant.scopes:
            method = details.method.rsplit("/", 1)[-1]
            return _refusal(grpc.StatusCode.PERMISSION_DENIED,
                            f"{method} needs the {scope!r} scope; token {grant.name!r} has "
                            f"{', '.join(sorted(grant.scopes))}", await continuation(details))
        return await continuation(details)


def main(argv: list[str]) -> int:
    if argv[:1] != ["hash"]:
        print("usage: python -m service.auth hash [NAME] [SCOPES] < token", file=sys.stderr)
        return 2
    name = argv[1] if len(argv) > 1 else "caller"
    scopes = argv[2] if len(argv) > 2 else "read"
    token = sys.stdin.readline().strip()
    if not token:
        print("no token on stdin", file=sys.stderr)
        return 2
    print(f"{name} {scopes} {token_hash(token)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
