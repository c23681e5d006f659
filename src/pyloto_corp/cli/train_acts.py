"""``python -m pyloto_corp.cli.train_acts``: learn the act model from corpus/turns/train.jsonl.

The rules read each training turn first (without any model); the model learns, from the
words, the pending question and the rules' acts, when an act was missed or misread. Writes
``resources/language/acts_model.json``. Run it after changing the rules or the training
split, then ``make eval`` (the dev split is only measured, never used here).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pyloto_corp.adapters.language.resources import (
    bundled_classifier,
    bundled_cues,
    bundled_gazetteer,
    read_json,
)
from pyloto_corp.cli.eval_turns import context_of
from pyloto_corp.domain.engine.content import Content
from pyloto_corp.domain.understanding.act_features import act_features
from pyloto_corp.domain.understanding.act_training import Sample, train
from pyloto_corp.domain.understanding.acts import Act
from pyloto_corp.domain.understanding.reader import TurnReader

ROOT = Path(__file__).resolve().parents[3]
TRAIN = ROOT / "corpus" / "turns" / "train.jsonl"
OUTPUT = ROOT / "src" / "pyloto_corp" / "resources" / "language" / "acts_model.json"


def samples(path: Path) -> list[Sample]:
    content = Content.from_dict(read_json("content/pt_br.json"))
    rules = TurnReader(bundled_cues(), bundled_classifier(), bundled_gazetteer())
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        context = context_of(doc["context"], content)
        reading = rules.read(doc["text"], context)
        features = act_features(reading.words, context, reading.acts, question="?" in doc["text"])
        found.append(Sample(features, reading.acts, frozenset(Act(a) for a in doc["acts"])))
    return found


def main() -> int:
    model = train(samples(TRAIN))
    OUTPUT.write_text(json.dumps(model.to_dict(), ensure_ascii=False, separators=(",", ":"))
                      + "\n", encoding="utf-8")  # fmt: skip
    adds, drops = sorted(a.value for a in model.adds), sorted(a.value for a in model.drops)
    sys.stdout.write(f"act model: {len(model.weights)} features, adds {adds}, drops {drops}\n")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
