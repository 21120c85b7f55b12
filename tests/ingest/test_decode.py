import pytest

from service.errors import InvalidInput
from service.ingest import decode_text


def test_utf8_is_decoded_as_is() -> None:
    assert decode_text("Russia’s “talks” — 14\r\n".encode(), "a.txt") == "Russia’s “talks” — 14\r\n"


def test_byte_order_mark_is_dropped() -> None:
    assert decode_text(b"\xef\xbb\xbfMoscow", "a.txt") == "Moscow"


def test_latin1_bytes_are_rejected_naming_article_and_offset() -> None:
    with pytest.raises(InvalidInput) as raised:
        decode_text("Moscow café".encode("latin-1"), "article 3 (cafe.txt)")
    message = raised.value.message
    assert "article 3 (cafe.txt)" in message
    assert "byte offset 10" in message
    assert "0xe9" in message


def test_offset_counts_the_byte_order_mark() -> None:
    with pytest.raises(InvalidInput, match="byte offset 5"):
        decode_text(b"\xef\xbb\xbfab\xff", "x")
