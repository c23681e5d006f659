"""Reading a turn: dialogue acts and values, relative to what the bot asked last (SPEC §10)."""
