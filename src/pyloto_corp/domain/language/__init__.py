"""Understanding informal Brazilian Portuguese: normalization, intents and entities."""
