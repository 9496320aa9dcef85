"""Writing a file so that it is either whole or not there at all.

A return is written to a temporary file beside its final name, flushed to the disk, and
only then renamed over it: a full disk, a pulled USB stick or a crash part-way leaves the
temporary file (removed when we can) and never a half-written return that looks whole.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from trustdesk.errors import UserError


def write_atomically(path: Path, write: Callable[[BinaryIO], object]) -> Path:
    """Write ``path`` through ``write(file)``; returns the path written."""
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".part")
    except OSError as exc:
        raise explain_file_error(exc, folder) from exc
    try:
        with os.fdopen(handle, "wb") as file:
            write(file)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes it owner-only
        os.replace(temporary, path)
    except BaseException as exc:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise explain_file_error(exc, path) from exc
        raise
    return path


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def explain_file_error(exc: OSError, where: Path) -> UserError:
    """Plain words for what went wrong writing a file, and what to do about it."""
    if exc.errno == errno.ENOSPC:
        return UserError(
            f"The disk is full: {where} could not be written.",
            hint="Free some space, or choose a folder on another drive, and try again.",
        )
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return UserError(
            f"TrustDesk is not allowed to write to {where}.",
            hint="Choose a folder you can save files in, such as your Documents folder.",
        )
    if exc.errno in (errno.ENOTDIR, errno.EEXIST):
        return UserError(
            f"{where} is a file, not a folder.", hint="Choose a folder to save the files in."
        )
    return UserError(
        f"{where} could not be written: {exc.strerror or exc}.",
        hint="Check that the drive is still connected and try again.",
    )
