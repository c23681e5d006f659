"""The learned second opinion on the rules: scoring, thresholds, training, the CLI."""

from __future__ import annotations

import json

import pytest

from pyloto_corp.cli import train_acts
from pyloto_corp.domain.understanding.act_features import act_features
from pyloto_corp.domain.understanding.act_model import (
    ACTS,
    ActModel,
    ActModelError,
    language_of,
    second_opinion,
)
from pyloto_corp.domain.understanding.act_training import Sample, Settings, fit, train
from pyloto_corp.domain.understanding.acts import Act, Pending, ReadingContext

SLOT = ReadingContext(state="collecting", pending=Pending.SLOT, slot="city", slot_kind="city")


def model(**weights: dict[str, float]) -> ActModel:
    bias = {act: -4.0 for act in ACTS}
    rows = {name: {Act(a): w for a, w in row.items()} for name, row in weights.items()}
    return ActModel(bias, rows, {Act.OPT_OUT: 0.9}, {Act.TOPIC_CHANGE: 0.05})


def test_an_act_is_added_only_when_the_model_is_sure() -> None:
    sure = model(**{"w:chega": {"OPT_OUT": 10.0}})
    assert sure.adjust(frozenset(), {"w:chega": 1.0}) == {Act.OPT_OUT}
    assert sure.adjust(frozenset(), {"w:outra": 1.0}) == frozenset()


def test_an_act_the_rules_read_is_dropped_when_the_model_is_sure_it_is_not_there() -> None:
    unsure = model()
    assert unsure.adjust(frozenset({Act.TOPIC_CHANGE, Act.ANSWER}), {}) == {Act.ANSWER}


def test_the_document_round_trips_and_refuses_what_does_not_fit() -> None:
    doc = model(**{"w:x": {"ABUSE": 1.5}}).to_dict()
    assert ActModel.from_dict(json.loads(json.dumps(doc))).weights["w:x"] == {Act.ABUSE: 1.5}
    with pytest.raises(ActModelError, match="every act"):
        ActModel.from_dict({**doc, "bias": {"ABUSE": 0.0}})
    with pytest.raises(ActModelError, match="malformed"):
        ActModel.from_dict({**doc, "adds": {"NOPE": 0.5}})


def test_a_language_only_the_model_saw_is_guessed() -> None:
    assert language_of({Act.OTHER_LANGUAGE}, None, ("hola", "amigo")) == "es"
    assert language_of({Act.OTHER_LANGUAGE}, None, ("hello",)) == "en"
    assert language_of({Act.OTHER_LANGUAGE}, "en", ()) == "en"
    assert language_of(set(), None, ("hola",)) is None


def test_features_see_the_words_the_question_and_the_rules() -> None:
    found = act_features(("nao", "sei"), SLOT, {Act.NON_ANSWER}, question=True)
    assert {"w:nao", "b:nao_sei", "p:slot", "k:city", "pw:slot_nao", "r:NON_ANSWER", "q"} <= set(
        found)  # fmt: skip
    assert "n:2" in found and "n:11+" in act_features(("a",) * 12, SLOT, (), question=False)


def _samples() -> list[Sample]:
    stop = Sample({"w:chega": 1.0, "w:de": 1.0}, frozenset(), frozenset({Act.OPT_OUT}))
    city = Sample({"w:castro": 1.0}, frozenset({Act.ANSWER}), frozenset({Act.ANSWER}))
    return [stop, city] * 10


def test_training_learns_what_the_rules_missed() -> None:
    learned = fit(_samples(), Settings(epochs=4))
    assert learned.scores({"w:chega": 1.0})[Act.OPT_OUT] > 0.5
    assert learned.scores({"w:castro": 1.0})[Act.OPT_OUT] < 0.5
    full = train(_samples(), Settings(epochs=4))
    assert full.adds.get(Act.OPT_OUT) is not None


def test_the_cli_learns_from_a_corpus_file(tmp_path, monkeypatch) -> None:
    lines = [
        {"context": {"state": "collecting", "intent": "PYLOTO_ENTREGA_DRIVER_SIGNUP",
                     "pending": "slot:city", "options": []}, "text": "Castro", "acts": ["ANSWER"]},
        {"context": {"state": "new", "intent": None, "pending": "none", "options": []},
         "text": "chega de mensagem", "acts": ["OPT_OUT"]},
    ] * 5  # fmt: skip
    corpus = tmp_path / "train.jsonl"
    corpus.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    monkeypatch.setattr(train_acts, "TRAIN", corpus)
    monkeypatch.setattr(train_acts, "OUTPUT", tmp_path / "model.json")
    assert train_acts.main() == 0
    written = ActModel.from_dict(json.loads((tmp_path / "model.json").read_text()))
    assert set(written.bias) == set(ACTS)


def test_an_answer_is_never_also_a_non_answer() -> None:
    bias = {act: -4.0 for act in ACTS}
    doubting = ActModel(bias, {"w:complicado": {Act.NON_ANSWER: 10.0}}, {Act.NON_ANSWER: 0.5}, {})
    text = ReadingContext(state="collecting", pending=Pending.SLOT, slot="main_pain",
                          slot_kind="text")  # fmt: skip
    words = ("e", "complicado")
    assert second_opinion(doubting, {Act.ANSWER}, words, text, "é complicado") == {
        Act.NON_ANSWER}  # free text the model doubts: no answer  # fmt: skip
    city = second_opinion(doubting, {Act.ANSWER}, words, SLOT, "é complicado")
    assert city == {Act.ANSWER}  # a value the rules recognised stays
