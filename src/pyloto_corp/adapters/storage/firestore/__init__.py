"""Firestore backend (production source of truth); tested against the official emulator."""
