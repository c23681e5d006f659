"""Load the bundled language data once; a malformed file stops the service at start."""

from __future__ import annotations

import dataclasses
import json
from functools import cache
from importlib import resources
from typing import Any

from pyloto_corp.adapters.language.municipalities import places_for
from pyloto_corp.domain.language.classifier import LexiconClassifier
from pyloto_corp.domain.language.gazetteer import Gazetteer
from pyloto_corp.domain.language.lexicon import Lexicon
from pyloto_corp.domain.understanding.act_model import ActModel
from pyloto_corp.domain.understanding.cues import ActCues
from pyloto_corp.domain.understanding.reader import TurnReader

PACKAGE = "pyloto_corp.resources"


def read_json(name: str) -> Any:
    """A JSON document shipped inside the package (``resources/<name>``)."""
    text = resources.files(PACKAGE).joinpath(name).read_text(encoding="utf-8")
    return json.loads(text)


@cache
def bundled_lexicon() -> Lexicon:
    return Lexicon.from_dict(read_json("language/lexicon_pt_br.json"))


@cache
def bundled_classifier() -> LexiconClassifier:
    return LexiconClassifier(bundled_lexicon())


@cache
def bundled_gazetteer() -> Gazetteer:
    """Places and vocabularies, reading chat abbreviations exactly as the classifier does."""
    doc = read_json("language/gazetteer_pt_br.json")
    gazetteer = Gazetteer.from_dict(doc)
    places = places_for(gazetteer, doc["city_aliases"])
    abbreviations = bundled_lexicon().abbreviations
    return dataclasses.replace(gazetteer, abbreviations=abbreviations, places=places)


@cache
def bundled_cues() -> ActCues:
    return ActCues.from_dict(read_json("language/acts_pt_br.json"), bundled_lexicon().abbreviations)


@cache
def bundled_reader() -> TurnReader:
    """The turn reader on the bundled cues, classifier and gazetteer."""
    model = ActModel.from_dict(read_json("language/acts_model.json"))
    return TurnReader(bundled_cues(), bundled_classifier(), bundled_gazetteer(), model)
