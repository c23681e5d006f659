"""The conversation engine: a pure state machine over sessions, intents and outcomes."""
