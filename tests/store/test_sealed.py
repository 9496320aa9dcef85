"""The sealed backup format (trustdesk.store.sealed): what goes in comes out, byte for byte,
across chunk boundaries; the header says what it is; and a wrong passphrase, a cut-off file,
a changed byte, chunks out of order, bytes added at the end or a file that is not a sealed
backup at all are each refused in plain words, never decrypted into something else."""

from __future__ import annotations

import datetime as dt
import io
import os
import struct

import pytest

from trustdesk.store import sealed
from trustdesk.store.passphrase import passphrase_problem
from trustdesk.store.sealed import SealedFileError, WrongPassphrase

pytestmark = pytest.mark.today(dt.date(2026, 11, 23))

PASSPHRASE = "Burntwood locality 2026"
HEADER = 17 + 2 + 4 + 16 + 1 + 4 + 8  # magic, version, KDF and its parameters, salt, …
START = HEADER + 16  # the header's check tag
STEP = sealed.CHUNK + 16  # a chunk and its tag


def seal_bytes(data: bytes, passphrase: str = PASSPHRASE) -> bytes:
    out = io.BytesIO()
    sealed.seal(io.BytesIO(data), out, passphrase)
    return out.getvalue()


def unseal_bytes(data: bytes, passphrase: str = PASSPHRASE) -> bytes:
    out = io.BytesIO()
    sealed.unseal(io.BytesIO(data), out, passphrase, name="The backup")
    return out.getvalue()


@pytest.fixture(scope="module")
def three_chunks() -> tuple[bytes, bytes]:
    """Two and a half chunks of plain bytes, and the same sealed (one key stretch, shared)."""
    plain = os.urandom(sealed.CHUNK * 2 + sealed.CHUNK // 2)
    return plain, seal_bytes(plain)


def test_the_header_says_what_the_file_is_and_how_its_key_was_made(three_chunks):
    _plain, data = three_chunks
    magic, version, kdf, log2_n, r, p, salt, cipher, chunk, prefix = struct.unpack(
        ">17sHBBBB16sBI8s", data[:HEADER]
    )
    assert magic == b"TRUSTDESK-SEALED\x00"
    assert (version, kdf, cipher) == (1, sealed.KDF_SCRYPT, sealed.CIPHER_AES_256_GCM)
    assert (2**log2_n, r, p) == (2**17, 8, 1)  # scrypt: at least 2**15, r = 8, p = 1
    assert chunk == 2**20
    assert len(set(salt)) > 4 and len(prefix) == 8
    assert len(data) == START + 3 * 16 + len(_plain)  # three chunks, each with its tag
    assert not data.startswith(b"SQLite format 3")


@pytest.mark.parametrize(
    "size", [0, 1, sealed.CHUNK - 1, sealed.CHUNK, sealed.CHUNK + 1, 2 * sealed.CHUNK]
)
def test_what_is_sealed_opens_byte_for_byte(size):
    plain = os.urandom(size)
    data = seal_bytes(plain)
    assert unseal_bytes(data) == plain
    assert len(data) == START + 16 * max(1, -(-size // sealed.CHUNK)) + size


def test_each_backup_has_its_own_salt_and_nonces():
    first, second = seal_bytes(b"the same records"), seal_bytes(b"the same records")
    assert first[:17] == second[:17]
    assert first[23:39] != second[23:39]  # salt
    assert first[START:] != second[START:]


def test_a_passphrase_typed_with_another_keyboards_accents_still_opens_it():
    composed, decomposed = "Caf\u00e9 in Lichfield", "Cafe\u0301 in Lichfield"
    assert unseal_bytes(seal_bytes(b"records", composed), decomposed) == b"records"


def test_a_wrong_passphrase_is_refused_before_anything_is_written(three_chunks):
    _plain, data = three_chunks
    out = io.BytesIO()
    with pytest.raises(WrongPassphrase) as refused:
        sealed.unseal(io.BytesIO(data), out, PASSPHRASE.lower())
    assert str(refused.value).startswith("The passphrase is not the one this backup was made with")
    assert "Nothing was changed." in str(refused.value)
    assert out.getvalue() == b""


def spoil(data: bytes, how: str) -> bytes:
    if how == "cut at a chunk's end":
        return data[: START + STEP]
    if how == "cut part-way":
        return data[: START + STEP + 1000]
    if how == "cut in the header":
        return data[:30]
    if how == "nothing after the header":
        return data[:START]
    if how == "a byte changed in the second chunk":
        at = START + STEP + 500
        return data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1 :]
    if how == "chunks swapped":
        return data[:START] + data[START + STEP : START + 2 * STEP] + data[START : START + STEP]
    if how == "bytes added at the end":
        return data + b"\x00" * 40
    if how == "wrong magic":
        return b"TRUSTDESK-SEALEX\x00" + data[17:]
    if how == "a newer format":
        return data[:17] + (2).to_bytes(2, "big") + data[19:]
    if how == "a byte changed in the header":
        return data[:40] + bytes([data[40] ^ 0x01]) + data[41:]
    raise AssertionError(how)


@pytest.mark.parametrize(
    ("how", "said", "error"),
    [
        ("cut at a chunk's end", "The backup is incomplete: it ends before the backup does", 0),
        ("cut part-way", "The backup is incomplete or damaged at its end", 0),
        ("cut in the header", "The backup is incomplete", 0),
        ("nothing after the header", "The backup is incomplete", 0),
        (
            "a byte changed in the second chunk",
            f"The backup is damaged: its contents from byte {START + STEP:,} on",
            0,
        ),
        ("chunks swapped", f"The backup is damaged: its contents from byte {START:,} on", 0),
        ("bytes added at the end", "The backup is incomplete or damaged at its end", 0),
        ("wrong magic", "The backup is not a TrustDesk backup, or its beginning is damaged.", 0),
        ("a newer format", "The backup was made by a newer TrustDesk (backup format 2).", 0),
        # The header is the only part where damage and a wrong passphrase look the same.
        ("a byte changed in the header", "The passphrase is not the one", 1),
    ],
)
def test_a_spoilt_backup_is_refused_in_plain_words(three_chunks, how, said, error):
    _plain, data = three_chunks
    kind = (SealedFileError, WrongPassphrase)[error]
    with pytest.raises(kind) as refused:
        unseal_bytes(spoil(data, how))
    assert str(refused.value).startswith(said)
    assert "Nothing was changed." in str(refused.value)


def test_bytes_added_after_a_whole_last_chunk_are_named_as_such():
    data = seal_bytes(os.urandom(sealed.CHUNK))
    with pytest.raises(SealedFileError) as refused:
        unseal_bytes(data + b"more")
    assert str(refused.value).startswith(
        "The backup is damaged: something was added after the end of the backup."
    )


def test_a_header_asking_for_too_much_memory_is_refused_not_obeyed(three_chunks):
    _plain, data = three_chunks
    greedy = data[:19] + bytes([sealed.KDF_SCRYPT, 30, 8, 1]) + data[23:]
    with pytest.raises(SealedFileError, match="its header does not read as a TrustDesk"):
        unseal_bytes(greedy)


@pytest.mark.parametrize(
    ("first", "again", "problem"),
    [
        ("", None, "A passphrase needs at least 10 characters (10 more to go)."),
        ("short one", None, "A passphrase needs at least 10 characters (1 more to go)."),
        ("long enough", "long enougH", "The two passphrases are not the same."),
        ("long enough", "long enough", None),
        ("ten chars!", None, None),
    ],
)
def test_a_new_passphrase_must_be_long_enough_and_typed_the_same_twice(first, again, problem):
    assert passphrase_problem(first, again) == problem


def test_a_short_passphrase_is_never_used_to_seal():
    with pytest.raises(sealed.UserError, match="at least 10 characters"):
        seal_bytes(b"records", "too short")
