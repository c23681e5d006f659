"""``python -m pyloto_corp.cli.classify_train``: learn the classifier's linear layer.

Reads the training split only (``corpus/intents/train.jsonl``), fits the weights and the
temperature (on out-of-fold logits) and writes them as the ``model`` block at the end of
the lexicon document, leaving the hand-written part of the file untouched. Run it after
editing the lexicon or the training split, then ``make eval`` to read the dev figures.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from pyloto_corp.cli.classify import read_examples
from pyloto_corp.domain.language.classifier import LexiconClassifier
from pyloto_corp.domain.language.lexicon import Lexicon
from pyloto_corp.domain.language.model import features
from pyloto_corp.domain.language.training import Sample, Settings, calibrated

ROOT = Path(__file__).resolve().parents[3]
LEXICON = ROOT / "src" / "pyloto_corp" / "resources" / "language" / "lexicon_pt_br.json"
TRAIN = ROOT / "corpus" / "intents" / "train.jsonl"
MARKER = ',\n  "model": '


def samples(doc: dict[str, Any], train: Path) -> list[Sample]:
    """Features exactly as the classifier computes them, cue scores without any model."""
    classifier = LexiconClassifier(Lexicon.from_dict({**doc, "model": None}))
    with train.open(encoding="utf-8") as source:
        examples = list(read_examples(source))
    rows = []
    for example in examples:
        words = classifier.words(example.text)
        rows.append((features(words, classifier.scores(words)), example.intent))
    return rows


def render(model: dict[str, Any]) -> str:
    """The model block, one weight row per line (diffs stay readable)."""
    rows = ",\n".join(
        f"      {json.dumps(name, ensure_ascii=False)}: {json.dumps(row)}"
        for name, row in model["weights"].items()
    )
    head = ",\n".join(
        f'    "{key}": {json.dumps(model[key])}' for key in ("intents", "temperature", "bias")
    )
    return "{\n" + head + ',\n    "weights": {\n' + rows + "\n    }\n  }"


def write(path: Path, model: dict[str, Any]) -> None:
    text = path.read_text(encoding="utf-8")
    hand = (
        text[: text.index(MARKER)] if MARKER in text else text.rstrip().removesuffix("}").rstrip()
    )
    updated = hand + MARKER + render(model) + "\n}\n"
    Lexicon.from_dict(json.loads(updated))  # never write a document the service would refuse
    path.write_text(updated, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lexicon", type=Path, default=LEXICON)
    parser.add_argument("--train", type=Path, default=TRAIN)
    args = parser.parse_args(argv)
    doc = json.loads(args.lexicon.read_text(encoding="utf-8"))
    model = calibrated(samples(doc, args.train), Settings(), progress=print)
    write(args.lexicon, model.to_dict())
    print(f"{len(model.weights)} weight rows written to {args.lexicon}")  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
