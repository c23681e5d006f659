"""``pyloto-corp ops-key``: a new key for the ops API (light: no storage, no web framework)."""

from __future__ import annotations

import argparse
import json
from typing import TextIO

from pyloto_corp.application.records.ops_keys import KEY_NAME, hash_ops_key, new_ops_key

EXIT_BAD_INPUT = 2


def ops_key(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """A new key, shown once, and the ``OPS_API_KEYS`` entry that holds only its hash."""
    if not KEY_NAME.match(args.name):
        print("pyloto-corp: nome da chave: use a-z, 0-9, '.', '_' ou '-' (até 40)", file=stderr)
        return EXIT_BAD_INPUT
    key = new_ops_key()
    digest = hash_ops_key(key)
    entry = {"name": args.name, "key": key, "sha256": digest, "entry": f"{args.name}:{digest}"}
    print(json.dumps(entry), file=stdout)
    return 0
