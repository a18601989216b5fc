"""What every trained artifact in models/ shares: a weights file and a meta.json beside it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from analyzer.errors import InputError


def read_model_meta(directory: Path, weights_file: str, meta_file: str, what: str,
                    train_command: str) -> tuple[Path, Path, dict[str, Any]]:
    """The weights path, the meta path and the meta of the ``what`` model in ``directory``; a clear error that
    says how to train one when a file is missing, or names the meta file when it cannot be read."""
    weights, meta_path = directory / weights_file, directory / meta_file
    if not weights.is_file() or not meta_path.is_file():
        raise InputError(f"{directory}: not a {what} model (needs {weights_file} and {meta_file}; train one with "
                         f"`analyzer train {train_command} --out {directory}`)")
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"{meta_path}: cannot read: {exc}") from exc
    return weights, meta_path, meta
