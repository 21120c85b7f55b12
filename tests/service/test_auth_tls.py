"""TLS, mutual TLS and bearer tokens with scopes, through a real server on a real socket."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

import grpc
import pytest

from client import CrosscheckClient, Rejected, Unavailable, article_from_text
from service.auth import load_tokens, token_hash
from service.errors import InvalidInput
from service.server import ConfigurationError, create_server, is_loopback
from service.settings import Settings
from tests.harness import RunningServer, fake_engine

BODY = "The ministers met on Monday and agreed to resume the talks in Geneva, officials said.\n"
READER, WRITER = "reader-secret-1", "writer-secret-2"


def _certificates(folder: Path) -> dict[str, Path]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = dt.datetime.now(dt.timezone.utc)

    def name(common: str) -> x509.Name:
        return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])

    def issue(subject: str, key, issuer_name, issuer_key, *, ca: bool, san: list[str] = ()):
        builder = (x509.CertificateBuilder().subject_name(name(subject)).issuer_name(issuer_name)
                   .public_key(key.public_key()).serial_number(x509.random_serial_number())
                   .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(now + dt.timedelta(days=1))
                   .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True))
        if san:
            builder = builder.add_extension(x509.SubjectAlternativeName([x509.DNSName(s) for s in san]), False)
        return builder.sign(issuer_key, hashes.SHA256())

    paths = {}

    def write(label: str, cert, key) -> None:
        paths[f"{label}_cert"] = folder / f"{label}.pem"
        paths[f"{label}_cert"].write_bytes(cert.public_bytes(serialization.Encoding.PEM))
        paths[f"{label}_key"] = folder / f"{label}.key"
        paths[f"{label}_key"].write_bytes(key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))

    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = issue("test CA", ca_key, name("test CA"), ca_key, ca=True)
    write("ca", ca, ca_key)
    server_key = ec.generate_private_key(ec.SECP256R1())
    write("server", issue("localhost", server_key, ca.subject, ca_key, ca=False, san=["localhost"]), server_key)
    client_key = ec.generate_private_key(ec.SECP256R1())
    write("client", issue("a caller", client_key, ca.subject, ca_key, ca=False), client_key)
    return paths


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pki")
    paths = _certificates(folder)
    tokens = folder / "tokens"
    tokens.write_text(f"# name scopes sha256\nreader read {token_hash(READER)}\n"
                      f"writer read,write {token_hash(WRITER)}\n", encoding="utf-8")
    paths["tokens"] = tokens
    return paths


@pytest.fixture(scope="module")
def tls_server(pki):
    server = RunningServer(Settings(log_format="text", tls_cert=str(pki["server_cert"]),
                                    tls_key=str(pki["server_key"]), tokens=str(pki["tokens"])), fake_engine)
    yield server
    server.stop()


def _client(server, pki, **kwargs) -> CrosscheckClient:
    return CrosscheckClient(server.address, timeout=10, tls_ca=str(pki["ca_cert"]), **kwargs)


def test_health_is_open_and_every_other_call_needs_a_known_token(tls_server, pki):
    with _client(tls_server, pki, token="") as anonymous:
        assert anonymous.health() == "SERVING"
        with pytest.raises(Rejected) as error:
            anonymous.list_articles()
        assert error.value.code is grpc.StatusCode.UNAUTHENTICATED and "--token" in error.value.message
    with _client(tls_server, pki, token="not-a-token") as stranger:
        with pytest.raises(Rejected) as error:
            stranger.list_articles()
        assert error.value.code is grpc.StatusCode.UNAUTHENTICATED


def test_scopes_decide_what_a_token_may_do(tls_server, pki):
    with _client(tls_server, pki, token=READER) as reader:
        with pytest.raises(Rejected) as error:
            reader.ingest([article_from_text("Scope check. " + BODY)])
        assert error.value.code is grpc.StatusCode.PERMISSION_DENIED
        assert "'write'" in error.value.message and "reader" in error.value.message
    with _client(tls_server, pki, token=WRITER) as writer:
        (result,) = writer.ingest([article_from_text("Scope check. " + BODY)])
        assert result.created
    with _client(tls_server, pki, token=READER) as reader:
        assert result.article_id in {a.id for a in reader.list_articles(page_size=50).articles}


def test_a_plaintext_client_cannot_talk_to_a_tls_server(tls_server):
    with CrosscheckClient(tls_server.address, timeout=3, token=READER, tls_ca="") as plain:
        with pytest.raises(Unavailable):
            plain.list_articles()


def test_mutual_tls_refuses_a_client_without_a_certificate(pki):
    server = RunningServer(Settings(log_format="text", tls_cert=str(pki["server_cert"]),
                                    tls_key=str(pki["server_key"]), tls_client_ca=str(pki["ca_cert"])),
                           fake_engine)
    try:
        with _client(server, pki) as without:
            with pytest.raises(Unavailable):
                without.list_articles()
        with _client(server, pki, tls_cert=str(pki["client_cert"]), tls_key=str(pki["client_key"])) as with_cert:
            assert with_cert.list_articles().articles is not None
    finally:
        server.stop()


def test_listening_beyond_loopback_needs_tls_and_tokens_or_an_explicit_insecure():
    assert is_loopback("localhost:50051") and is_loopback("127.0.0.1:1") and is_loopback("[::1]:1")
    assert not is_loopback("0.0.0.0:50051") and not is_loopback("10.0.0.7:50051")

    async def build(settings: Settings):
        server, port = create_server("0.0.0.0:0", settings, fake_engine)
        await server.grpc.stop(0)
        return port

    with pytest.raises(ConfigurationError, match="refusing to listen on 0.0.0.0:0"):
        asyncio.run(build(Settings(log_format="text")))
    assert asyncio.run(build(Settings(log_format="text", insecure=True))) > 0


def test_a_malformed_tokens_file_is_named_with_its_line(tmp_path):
    path = tmp_path / "tokens"
    path.write_text("reader read\n", encoding="utf-8")
    with pytest.raises(InvalidInput, match="line 1"):
        load_tokens(path)
    path.write_text(f"reader root {token_hash('x')}\n", encoding="utf-8")
    with pytest.raises(InvalidInput, match="unknown scope"):
        load_tokens(path)


def test_reflection_needs_a_token():
    from service.auth import required_scope

    assert required_scope("/grpc.health.v1.Health/Check") is None
    assert required_scope("/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo") == "read"
    assert required_scope("/crosscheck.v1.CrosscheckService/IngestArticles") == "write"
    assert required_scope("/crosscheck.v1.CrosscheckService/SomethingNew") == "admin"


def test_the_cli_takes_token_and_tls_options_before_or_after_the_command(tls_server, pki):
    import subprocess
    import sys

    def cli(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "client", *args], capture_output=True, text=True, timeout=60,
                              env={k: v for k, v in __import__("os").environ.items()
                                   if not k.startswith("CROSSCHECK_")})

    ok = cli("--address", tls_server.address, "--tls-ca", str(pki["ca_cert"]), "--token", READER, "articles")
    assert ok.returncode == 0, ok.stderr
    after = cli("articles", "--address", tls_server.address, "--tls-ca", str(pki["ca_cert"]), "--token", READER)
    assert after.returncode == 0, after.stderr
    anonymous = cli("--address", tls_server.address, "--tls-ca", str(pki["ca_cert"]), "articles")
    assert anonymous.returncode == 4 and "UNAUTHENTICATED" in anonymous.stderr
    assert len(anonymous.stderr.strip().splitlines()) == 1
    missing = cli("--address", tls_server.address, "--tls-ca", "/nonexistent/ca.pem", "articles")
    assert missing.returncode == 2 and "cannot read the CA bundle" in missing.stderr
