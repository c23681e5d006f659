"""Language resources (lexicon, gazetteer) loaded from the package and validated."""
