"""Writing the commands' outputs."""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from pathlib import Path


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, so a failed run
    (a full disk, a crash) never leaves a partial file behind and never truncates the file it
    replaces: the old file stays whole until the new one is complete on disk.

    A symbolic link is written through: its target is replaced and the link stays. A file that
    exists keeps its permissions; a new one gets those the umask gives, as any file the user
    creates."""
    target = Path(os.path.realpath(path))
    mode = _mode_for(target)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())  # a full disk can surface only here: before the old file is replaced
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_folder_atomically(path: Path, files: dict[str, bytes]) -> None:
    """Write ``files`` (relative path → bytes) as the folder ``path``: built whole in a temporary folder
    beside it, then put in its place, so a failed run leaves the old folder as it was."""
    target = Path(os.path.realpath(path))
    if target.exists() and not target.is_dir():
        raise NotADirectoryError(20, "not a folder", str(path))
    tmp = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"))
    old = None
    try:
        for name, data in files.items():
            (tmp / name).parent.mkdir(parents=True, exist_ok=True)
            (tmp / name).write_bytes(data)
        os.chmod(tmp, 0o777 & ~_umask())
        if target.exists():
            old = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=".old"))
            os.replace(target, old / "folder")
        os.replace(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        if old is not None and not target.exists():
            os.replace(old / "folder", target)  # the old folder back where it was
        raise
    finally:
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)


def _mode_for(target: Path) -> int:
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        return 0o666 & ~_umask()


def _umask() -> int:
    """The process's umask. It can only be read by setting it; it is set straight back."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
