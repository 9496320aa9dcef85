"""Sealed backups: a workspace copy locked with a passphrase, for anywhere outside the
workspace's own folder (a USB stick gets lost; the ICO has fined councils for exactly that).

AES-256-GCM (authenticated: a changed byte is refused, never decrypted into a wrong record)
with the key stretched from the passphrase by scrypt, so each guess costs about half a
second and 128 MiB. The file is sealed in chunks, so a large workspace is never held in
memory whole, and each chunk is bound to its place: its nonce holds its number, and its
associated data the header and whether it is the last, so a chunk moved, dropped or cut off
at the end is refused too.

Layout (big-endian; the header is the associated data of every tag)::

    header  magic  b"TRUSTDESK-SEALED\\x00"                          17 bytes
            format version (1)                                         2
            KDF (1 = scrypt), log2 N, r, p                              4 x 1
            salt (random)                                              16
            cipher (1 = AES-256-GCM)                                    1
            chunk size of the plain text (1 MiB)                        4
            nonce prefix (random)                                       8
    check   GCM tag of nothing, nonce = prefix + counter 0             16
    chunks  GCM(plain chunk), nonce = prefix + counter 1, 2, …;  chunk size + 16 each,
            AAD = header + final flag (1 on the last chunk, 0 before)  the last shorter

The check tag tells a wrong passphrase from a damaged body: if it fails, either the
passphrase is wrong or the header itself (68 bytes with its tag) is damaged, which GCM
cannot tell apart; once it passes, any failure further on is damage or a cut-off file.

The passphrase is only ever a parameter here: nothing keeps, logs or audits it.
"""

from __future__ import annotations

import contextlib
import os
import struct
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from trustdesk.errors import UserError
from trustdesk.files import explain_file_error, write_atomically
from trustdesk.store.passphrase import passphrase_problem

MAGIC = b"TRUSTDESK-SEALED\x00"
VERSION = 1
SUFFIX = ".tdbackup"
KDF_SCRYPT = 1
CIPHER_AES_256_GCM = 1
# scrypt's cost: N = 2**17, r = 8, p = 1 (128 MiB, about half a second; OWASP's figures).
LOG2_N, R, P = 17, 8, 1
MAX_SCRYPT_MEMORY = 512 * 2**20  # a file asking for more is refused, not obeyed
CHUNK = 2**20
_HEADER = struct.Struct(">17sHBBBB16sBI8s")
_TAG = 16
_LAST_COUNTER = 2**32 - 1


class Readable(Protocol):
    def read(self, size: int, /) -> bytes: ...


class SealedFileError(UserError):
    """The file is not a sealed backup, or is damaged or incomplete."""


class WrongPassphrase(UserError):
    """The passphrase does not open this backup (or the backup's first bytes are damaged)."""


@dataclass(frozen=True)
class _Header:
    raw: bytes
    log2_n: int
    r: int
    p: int
    salt: bytes
    chunk: int
    prefix: bytes

    @classmethod
    def new(cls) -> _Header:
        salt, prefix = os.urandom(16), os.urandom(8)
        raw = _HEADER.pack(
            MAGIC, VERSION, KDF_SCRYPT, LOG2_N, R, P, salt, CIPHER_AES_256_GCM, CHUNK, prefix
        )
        return cls(raw, LOG2_N, R, P, salt, CHUNK, prefix)

    def nonce(self, counter: int) -> bytes:
        return self.prefix + counter.to_bytes(4, "big")

    def aad(self, final: bool) -> bytes:
        return self.raw + (b"\x01" if final else b"\x00")


def is_sealed(path: Path) -> bool:
    """True if the file starts as a sealed backup does (it may still be damaged)."""
    try:
        with path.open("rb") as file:
            return file.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def seal(source: Readable, target: BinaryIO, passphrase: str) -> None:
    """Write ``source``'s bytes to ``target`` sealed with ``passphrase`` (which must pass
    :func:`passphrase_problem`), a chunk at a time."""
    problem = passphrase_problem(passphrase)
    if problem is not None:
        raise UserError(problem, hint="Nothing was backed up.")
    header = _Header.new()
    cipher = _Cipher(header, passphrase)
    target.write(header.raw)
    target.write(cipher.seal(header.nonce(0), b"", header.raw))
    counter = 1
    current = _read_exactly(source, header.chunk)
    while True:
        following = _read_exactly(source, header.chunk) if len(current) == header.chunk else b""
        final = not following
        if counter > _LAST_COUNTER:
            raise UserError("The workspace is too large to seal into one backup.")
        target.write(cipher.seal(header.nonce(counter), current, header.aad(final)))
        if final:
            return
        current, counter = following, counter + 1


def unseal(
    source: Readable, target: BinaryIO, passphrase: str, *, name: str = "The backup"
) -> None:
    """Write the plain bytes of the sealed ``source`` to ``target``. Raises
    :class:`WrongPassphrase` before writing anything if the passphrase does not open it, and
    :class:`SealedFileError` if it is not a sealed backup, or is damaged or cut short (the
    bytes written so far must then be thrown away). ``name`` is the file, for messages."""
    header, cipher = _open(source, passphrase, name)
    step = header.chunk + _TAG
    counter = 1
    current = _read_exactly(source, step)
    while True:
        following = _read_exactly(source, step) if len(current) == step else b""
        final = not following
        plain = cipher.open(header.nonce(counter), current, header.aad(final))
        if plain is None:
            raise _damaged_at(cipher, header, counter, current, final, name)
        target.write(plain)
        if final:
            return
        current, counter = following, counter + 1
        if counter > _LAST_COUNTER:
            raise SealedFileError(f"{name} is damaged: it runs on past its end.")


def seal_file(plain: Path, target: Path, passphrase: str) -> Path:
    """Seal the file ``plain`` as ``target``: written under a temporary name, flushed and
    only then renamed, so a full disk or a pulled USB stick leaves no file that looks whole
    (trustdesk.files.write_atomically; its errors come out in plain words)."""
    try:
        with plain.open("rb") as source:
            return write_atomically(target, lambda file: seal(source, file, passphrase))
    except OSError as exc:  # reading the plain copy (writing is explained already)
        raise explain_file_error(exc, plain) from None


def unseal_file(sealed: Path, target: Path, passphrase: str) -> None:
    """Write the plain bytes of the sealed backup ``sealed`` into the file ``target`` (the
    caller's temporary file, removed by the caller if this raises)."""
    try:
        source = sealed.open("rb")
    except OSError as exc:
        raise _unreadable(sealed, exc) from None
    try:
        with source, target.open("wb") as file:
            unseal(_Reader(source, sealed), file, passphrase, name=str(sealed))
            file.flush()
            os.fsync(file.fileno())
    except OSError as exc:  # writing the plain copy: reading is explained by _Reader
        raise explain_file_error(exc, target.parent) from None


class _Reader:
    """A file whose read errors (a USB stick pulled out) come out in plain words."""

    def __init__(self, file: BinaryIO, path: Path) -> None:
        self.file, self.path = file, path

    def read(self, size: int) -> bytes:
        try:
            return self.file.read(size)
        except OSError as exc:
            raise _unreadable(self.path, exc) from None


def _unreadable(path: Path, exc: OSError) -> SealedFileError:
    if isinstance(exc, FileNotFoundError):
        return SealedFileError(
            f"{path} cannot be restored: there is no such file.",
            hint="Choose another backup. Nothing was changed.",
        )
    return SealedFileError(
        f"{path} cannot be read: {exc.strerror or exc}.",
        hint="Check that the drive is still connected and try again. Nothing was changed.",
    )


def check_header(path: Path) -> None:
    """Raise :class:`SealedFileError` unless ``path`` starts as a sealed backup this
    TrustDesk can open: said before anyone is asked for a passphrase."""
    with _opened(path) as file:
        _read_header(file, str(path))


def check_passphrase(path: Path, passphrase: str) -> None:
    """Raise :class:`WrongPassphrase` (or :class:`SealedFileError`) unless ``passphrase``
    opens the sealed backup at ``path``; reads only its header (one key stretch)."""
    with _opened(path) as file:
        _open(file, passphrase, str(path))


@contextlib.contextmanager
def _opened(path: Path) -> Iterator[_Reader]:
    try:
        file = path.open("rb")
    except OSError as exc:
        raise _unreadable(path, exc) from None
    with file:
        yield _Reader(file, path)


def _open(source: Readable, passphrase: str, name: str) -> tuple[_Header, _Cipher]:
    """Read and check the header, stretch the key and check it against the header's tag."""
    header = _read_header(source, name)
    check = _read_exactly(source, _TAG)
    if len(check) < _TAG:
        raise _cut_short(name)
    cipher = _Cipher(header, passphrase)
    if cipher.open(header.nonce(0), check, header.raw) is None:
        raise WrongPassphrase(
            "The passphrase is not the one this backup was made with (or, much less likely, "
            "the first bytes of the file are damaged).",
            hint="Type it again, minding capital letters and spaces. Nothing was changed.",
        )
    return header, cipher


def _read_header(source: Readable, name: str) -> _Header:
    raw = _read_exactly(source, _HEADER.size)
    if raw[: len(MAGIC)] != MAGIC:
        raise SealedFileError(
            f"{name} is not a TrustDesk backup, or its beginning is damaged.",
            hint="Choose a backup TrustDesk made (its name ends in .tdbackup). Nothing was changed.",
        )
    if len(raw) < _HEADER.size:
        raise _cut_short(name)
    _magic, version, kdf, log2_n, r, p, salt, cipher, chunk, prefix = _HEADER.unpack(raw)
    if version > VERSION:
        raise SealedFileError(
            f"{name} was made by a newer TrustDesk (backup format {version}).",
            hint="Restore it with the newer TrustDesk. Nothing was changed.",
        )
    sound = (
        version == VERSION
        and kdf == KDF_SCRYPT
        and cipher == CIPHER_AES_256_GCM
        and 10 <= log2_n <= 30
        and 1 <= r <= 64
        and 1 <= p <= 16
        and 128 * r * 2**log2_n <= MAX_SCRYPT_MEMORY
        and 1024 <= chunk <= 64 * 2**20
    )
    if not sound:
        raise SealedFileError(
            f"{name} is damaged: its header does not read as a TrustDesk backup's.",
            hint="Use another copy of the backup. Nothing was changed.",
        )
    return _Header(raw, log2_n, r, p, salt, chunk, prefix)


def _damaged_at(
    cipher: _Cipher, header: _Header, counter: int, chunk: bytes, final: bool, name: str
) -> SealedFileError:
    """What a chunk that does not open says about the file. A chunk with more after it that
    opens as the last one: something was added after the end. The last chunk left opening
    as one with more after it: the file was cut off at a chunk's end. Another last chunk
    that fails may be cut part-way or damaged (its length is all there is to go by); any
    earlier one is damaged."""
    if not final and cipher.open(header.nonce(counter), chunk, header.aad(True)) is not None:
        return SealedFileError(
            f"{name} is damaged: something was added after the end of the backup.",
            hint="Use another copy of the backup. Nothing was changed.",
        )
    if not final:
        offset = _HEADER.size + _TAG + (counter - 1) * (header.chunk + _TAG)
        return SealedFileError(
            f"{name} is damaged: its contents from byte {offset:,} on do not read back as "
            "they were written.",
            hint="Use another copy of the backup. Nothing was changed.",
        )
    if not chunk or cipher.open(header.nonce(counter), chunk, header.aad(False)) is not None:
        return _cut_short(name)
    return SealedFileError(
        f"{name} is incomplete or damaged at its end (the copy may have been cut short, "
        "e.g. a USB stick pulled out while it was written).",
        hint="Use another copy of the backup. Nothing was changed.",
    )


def _cut_short(name: str) -> SealedFileError:
    return SealedFileError(
        f"{name} is incomplete: it ends before the backup does (the copy may have been cut "
        "short, e.g. a USB stick pulled out while it was written).",
        hint="Use another copy of the backup. Nothing was changed.",
    )


class _Cipher:
    """AES-256-GCM with the key stretched from the passphrase (NFC-normalised, so an accented
    letter typed on one keyboard matches the same letter typed on another)."""

    def __init__(self, header: _Header, passphrase: str) -> None:
        secret = unicodedata.normalize("NFC", passphrase).encode("utf-8")
        kdf = Scrypt(salt=header.salt, length=32, n=2**header.log2_n, r=header.r, p=header.p)
        self._aead = AESGCM(kdf.derive(secret))

    def seal(self, nonce: bytes, plain: bytes, aad: bytes) -> bytes:
        return self._aead.encrypt(nonce, plain, aad)

    def open(self, nonce: bytes, sealed: bytes, aad: bytes) -> bytes | None:
        """The plain bytes, or None if they do not open (wrong key, or changed bytes)."""
        try:
            return self._aead.decrypt(nonce, sealed, aad)
        except InvalidTag:
            return None


def _read_exactly(source: Readable, size: int) -> bytes:
    """``size`` bytes, or fewer only at the end of the file (a read may return less)."""
    parts, wanted = [], size
    while wanted:
        part = source.read(wanted)
        if not part:
            break
        parts.append(part)
        wanted -= len(part)
    return b"".join(parts)
